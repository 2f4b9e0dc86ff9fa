"""The open data API at /api/v2/ (jumelage/api.py): what a German client reads there, and what
nobody may ever read there, whichever way they ask."""

import datetime
import itertools
import re
import secrets

import time_machine
import wagtail_factories
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from rest_framework.exceptions import NotFound
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
)
from wagtail.models.reference_index import ReferenceIndex
from wagtail.rich_text import RichText

from community.contributions import collection_for, submit_for_review
from community.models import Town
from exchanges.choices import MeetingFormat, SpokenLanguage
from home.blocks import BaseStreamBlock
from tests.calendar_base import CalendarMixin, local, year_like

User = get_user_model()

SECRET_LINK = "https://meet.example.org/geheime-kamer-4711"
MEMBER_EMAIL = "schrijver@example.org"
PARTNER_ORIGIN = "https://www.herzebrock-clarholz.de"
# Every test asks from an address of its own, so one test's requests never count against
# another's rate limit in the real cache (locmem, or Redis with REDIS_URL), nor against those of
# the other test process or of a run a minute before on the same Redis: a network of its own
# (/64) per test, in a range of its own per process.
RANGE = secrets.randbelow(0x10000)
ADDRESSES = (f"2001:db8:{RANGE:x}:{number:x}::1" for number in itertools.count(1))
# A moment in the middle of a minute: the API's limit counts per minute.
MID_MINUTE = datetime.datetime(2026, 12, 5, 12, 0, 30, tzinfo=datetime.UTC)


def german(label):
    with translation.override("de"):
        return str(label)


def dutch(label):
    with translation.override("nl"):
        return str(label)


@override_settings(API_RATE_LIMIT=1000, API_CORS_ORIGINS=[PARTNER_ORIGIN])
class OpenDataTestCase(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.author = User.objects.create_user(MEMBER_EMAIL, "een-lang-wachtwoord-123")
        cls.author.display_name = "Marieke van Dijk"
        cls.author.save()
        cls.photo = wagtail_factories.ImageFactory(title="Fietsbrug over de Aa")
        cls.climate.image, cls.climate.image_alt = cls.photo, "Een fietsbrug over de Aa"
        cls.climate.save_revision().publish()
        cls.climate_de.image, cls.climate_de.image_alt = cls.photo, "Eine Radbrücke über die Aa"
        cls.climate_de.save_revision().publish()
        cls.story_nl = cls.story(
            title="Fietsen over de grens",
            slug="fietsen",
            author=cls.author,
            sectors=[cls.climate],
            towns=[cls.steenwijkerland, cls.herzebrock],
            tag_names=["fietsen"],
        )
        cls.story_nl.image, cls.story_nl.image_alt = cls.photo, "Een fietsbrug over de Aa"
        cls.story_nl.save_revision().publish()
        cls.story_de = cls.translated(cls.story_nl, title="Radfahren über die Grenze")
        cls.meeting_nl = cls.meeting(
            local(year_like(2030), 3, 5, 19, 30),
            title="Klimaatavond",
            format=MeetingFormat.HYBRID,
            online_url=SECRET_LINK,
            spoken_language=SpokenLanguage.BOTH,
            town=cls.steenwijkerland,
            sectors=[cls.climate],
        )
        cls.meeting_de = cls.translated(cls.meeting_nl, title="Klimaabend", slug="klimaabend")

    def setUp(self):
        self.client.defaults["REMOTE_ADDR"] = next(ADDRESSES)

    def get(self, path, language="de", **headers):
        return self.client.get(path, HTTP_ACCEPT_LANGUAGE=language, **headers)

    def items(self, path, language="de"):
        response = self.get(path, language)
        self.assertEqual(response.status_code, 200, response.content)
        return response.json()["items"]


class GermanClientTests(OpenDataTestCase):
    def test_german_client_gets_meetings_with_labels_in_german(self):
        [meeting] = self.items(
            "/api/v2/pages/?type=exchanges.MeetingPage&locale=de&fields=format,spoken_language,town"
        )
        self.assertEqual(meeting["title"], "Klimaabend")
        self.assertEqual(
            meeting["format"],
            {"value": "hybrid", "label": german(MeetingFormat.HYBRID.label)},
        )
        self.assertNotEqual(german(MeetingFormat.HYBRID.label), dutch(MeetingFormat.HYBRID.label))
        self.assertEqual(meeting["spoken_language"]["label"], german(SpokenLanguage.BOTH.label))
        self.assertEqual(meeting["town"]["slug"], "steenwijkerland")
        self.assertEqual(meeting["meta"]["locale"], "de")

    def test_dutch_client_gets_the_same_labels_in_dutch(self):
        [meeting] = self.items(
            "/api/v2/pages/?type=exchanges.MeetingPage&locale=de&fields=format", language="nl"
        )
        self.assertEqual(meeting["format"]["label"], dutch(MeetingFormat.HYBRID.label))

    def test_german_pages_link_to_their_german_address_on_the_clients_host(self):
        with self.settings(ALLOWED_HOSTS=["jumelage.example"]):
            response = self.get(
                f"/api/v2/pages/{self.meeting_de.pk}/", HTTP_HOST="jumelage.example"
            )
        html_url = response.json()["meta"]["html_url"]
        self.assertEqual(html_url, "http://jumelage.example/de/kalender/klimaabend/")
        [listed] = self.items("/api/v2/pages/?type=exchanges.MeetingPage&locale=de")
        self.assertTrue(listed["meta"]["html_url"].startswith("http://testserver/de/"))

    def test_locale_filter_lists_only_german_pages(self):
        pages = self.items("/api/v2/pages/?locale=de&limit=100")
        self.assertTrue(pages)
        self.assertEqual({page["meta"]["locale"] for page in pages}, {"de"})
        titles = {page["title"] for page in pages}
        self.assertIn("Radfahren über die Grenze", titles)
        self.assertNotIn("Fietsen over de grens", titles)

    def test_both_language_trees_are_listed(self):
        pages = self.items("/api/v2/pages/?limit=100")
        self.assertEqual({page["meta"]["locale"] for page in pages}, {"nl", "de"})

    def test_a_storys_translations_are_reachable(self):
        [translation_de] = self.items(f"/api/v2/pages/?translation_of={self.story_nl.pk}")
        self.assertEqual(translation_de["id"], self.story_de.pk)
        self.assertEqual(translation_de["title"], "Radfahren über die Grenze")

    def test_untranslated_story_shown_in_german_is_marked_as_alias(self):
        story = self.story(title="Alleen in het Nederlands", slug="alleen-nl")
        alias = story.create_alias(parent=self.story_index_de, update_locale=self.german)
        listed = self.items("/api/v2/pages/?type=exchanges.StoryPage&locale=de&fields=alias_of")
        self.assertIn(alias.pk, {item["id"] for item in listed})
        meta = self.get(f"/api/v2/pages/{alias.pk}/").json()["meta"]
        self.assertEqual(meta["alias_of"]["id"], story.pk)
        self.assertEqual(
            meta["alias_of"]["meta"]["detail_url"], f"http://testserver/api/v2/pages/{story.pk}/"
        )
        self.assertTrue(meta["alias_of"]["meta"]["html_url"].startswith("http://testserver/nl/"))
        self.assertTrue(meta["html_url"].startswith("http://testserver/de/"))

    def test_story_has_its_public_facts_and_picture(self):
        story = self.get(f"/api/v2/pages/{self.story_nl.pk}/").json()
        self.assertEqual(story["author_name"], "Marieke van Dijk")
        self.assertEqual(
            [town["slug"] for town in story["towns"]], ["steenwijkerland", "herzebrock-clarholz"]
        )
        self.assertEqual(story["tags"], ["fietsen"])
        self.assertEqual(story["image"]["id"], self.photo.pk)
        self.assertEqual(story["image"]["alt"], "Een fietsbrug over de Aa")
        self.assertTrue(
            story["image"]["renditions"]["card"]["url"].startswith("http://testserver/")
        )
        # A Dutch story names its Dutch sector, also to a German client.
        self.assertEqual(story["sectors"][0]["title"], "Duurzaamheid en klimaat")

    def test_meeting_shows_its_sectors_picture(self):
        meeting = self.get(f"/api/v2/pages/{self.meeting_nl.pk}/").json()
        self.assertEqual(meeting["lead_image"]["id"], self.photo.pk)
        self.assertEqual(meeting["lead_image"]["alt"], "Een fietsbrug over de Aa")
        self.assertEqual(meeting["start"][:16], f"{year_like(2030)}-03-05T19:30")

    def sectors_and_alt(self, meeting):
        sector = (meeting["sectors"][0]["id"], meeting["sectors"][0]["slug"])
        return sector, meeting["lead_image"]["alt"]

    def test_german_meeting_names_its_german_sector_whatever_the_client_reads(self):
        german_content = ((self.climate_de.pk, "nachhaltigkeit"), "Eine Radbrücke über die Aa")
        dutch_content = ((self.climate.pk, "duurzaamheid"), "Een fietsbrug over de Aa")
        for language in ("de", "nl", ""):
            with self.subTest(language=language):
                detail = self.get(f"/api/v2/pages/{self.meeting_de.pk}/", language).json()
                self.assertEqual(self.sectors_and_alt(detail), german_content)
                listed = {
                    item["id"]: self.sectors_and_alt(item)
                    for item in self.items(
                        "/api/v2/pages/?type=exchanges.MeetingPage&fields=sectors,lead_image",
                        language,
                    )
                }
                self.assertEqual(listed[self.meeting_de.pk], german_content)
                self.assertEqual(listed[self.meeting_nl.pk], dutch_content)

    def test_pages_name_their_towns_in_their_own_language_whatever_the_client_reads(self):
        from_town = Town.objects.get(
            translation_key=self.steenwijkerland.translation_key, locale=self.german
        )
        from_town.name = "Gemeinde Steenwijkerland"
        from_town.save()
        for language in ("nl", "de"):
            with self.subTest(language=language):
                listed = {
                    item["id"]: item["town"]["name"]
                    for item in self.items(
                        "/api/v2/pages/?type=exchanges.MeetingPage&fields=town", language
                    )
                }
                self.assertEqual(listed[self.meeting_de.pk], "Gemeinde Steenwijkerland")
                self.assertEqual(listed[self.meeting_nl.pk], "Steenwijkerland")
                story = self.get(f"/api/v2/pages/{self.story_de.pk}/", language).json()
                self.assertEqual(story["towns"][0]["name"], "Gemeinde Steenwijkerland")
                self.assertEqual(story["towns"][0]["slug"], "steenwijkerland")

    def test_german_story_names_its_german_sector_to_a_dutch_client(self):
        story = self.get(f"/api/v2/pages/{self.story_de.pk}/", "nl").json()
        self.assertEqual(story["sectors"][0]["id"], self.climate_de.pk)
        self.assertEqual(story["sectors"][0]["title"], "Nachhaltigkeit und Klima")

    def test_errors_are_in_the_clients_language(self):
        response = self.client.post("/api/v2/pages/", HTTP_ACCEPT_LANGUAGE="de")
        self.assertEqual(response.status_code, 405)
        self.assertIn("nicht erlaubt", response.json()["detail"])

    def test_responses_vary_by_language_and_origin_and_may_be_kept_a_minute(self):
        response = self.get("/api/v2/pages/")
        self.assertIn("Accept-Language", response["Vary"])
        self.assertIn("Origin", response["Vary"])
        self.assertIn("public", response["Cache-Control"])
        self.assertIn("max-age=60", response["Cache-Control"])
        self.assertNotIn("Set-Cookie", response.headers)

    def test_answers_json_only(self):
        response = self.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
        self.assertEqual(response.status_code, 406)
        response = self.get("/api/v2/pages/?format=api")
        self.assertEqual(response.status_code, 404)


class NeverRevealedTests(OpenDataTestCase):
    def assert_nowhere(self, secret, *paths):
        for path in paths:
            with self.subTest(path=path):
                response = self.get(path)
                self.assertNotIn(secret, response.content.decode(), path)

    def test_online_link_is_never_revealed(self):
        meeting = self.meeting_nl
        # Editors may repeat the link in the body: the API does not give the body of a meeting.
        meeting.body = BaseStreamBlock().to_python(
            [{"type": "paragraph", "value": f"<p>Doe mee via {SECRET_LINK}</p>"}]
        )
        meeting.save_revision().publish()
        self.assert_nowhere(
            "geheime-kamer",
            "/api/v2/pages/?type=exchanges.MeetingPage&fields=*",
            f"/api/v2/pages/{meeting.pk}/",
            f"/api/v2/pages/{meeting.pk}/?fields=*",
            f"/api/v2/pages/{meeting.pk}/?fields=_,online_url",
            f"/api/v2/pages/{meeting.pk}/?fields=online_url,body",
            "/api/v2/pages/?type=exchanges.MeetingPage&fields=online_url",
            f"/api/v2/pages/?type=exchanges.MeetingPage&online_url={SECRET_LINK}",
            "/api/v2/pages/?type=exchanges.MeetingPage&order=online_url",
            "/api/v2/pages/?search=geheime-kamer-4711&fields=*",
            f"/api/v2/pages/find/?html_path=/nl/agenda/{meeting.slug}/",
            "/api/v2/pages/?child_of=" + str(self.calendar.pk) + "&fields=*",
        )
        # Asking for it is refused, not answered with nothing.
        response = self.get(f"/api/v2/pages/{meeting.pk}/?fields=online_url")
        self.assertEqual(response.status_code, 400)
        filtered = self.get(f"/api/v2/pages/?type=exchanges.MeetingPage&online_url={SECRET_LINK}")
        self.assertEqual(filtered.status_code, 400)

    def test_members_email_and_username_are_never_revealed(self):
        self.assert_nowhere(
            "schrijver",
            "/api/v2/pages/?type=exchanges.StoryPage&fields=*",
            f"/api/v2/pages/{self.story_nl.pk}/?fields=*",
            f"/api/v2/pages/{self.story_nl.pk}/?fields=*,author",
            "/api/v2/images/?fields=*",
        )
        response = self.get(f"/api/v2/pages/{self.story_nl.pk}/?fields=author")
        self.assertEqual(response.status_code, 400)

    def test_unpublished_draft_is_not_listed_nor_found_by_id(self):
        draft = self.story(title="Concept over de grens", slug="concept", live=False)
        self.assert_nowhere(
            "Concept over de grens",
            "/api/v2/pages/?limit=100",
            "/api/v2/pages/?type=exchanges.StoryPage&fields=*",
        )
        self.assertEqual(self.get(f"/api/v2/pages/{draft.pk}/").status_code, 404)
        self.assertEqual(self.get(f"/api/v2/pages/?translation_of={draft.pk}").status_code, 400)

    def test_published_page_shows_its_live_version_not_its_draft(self):
        self.story_nl.title = "Nieuwe titel in concept"
        self.story_nl.save_revision()
        self.assert_nowhere(
            "Nieuwe titel in concept",
            "/api/v2/pages/?type=exchanges.StoryPage&fields=*",
            f"/api/v2/pages/{self.story_nl.pk}/",
        )

    def test_contribution_in_review_and_its_photos_stay_hidden(self):
        collection = collection_for("Mijn reis naar Herzebrock", self.author)
        upload = wagtail_factories.ImageFactory(
            title="Foto van mijn reis", collection=collection, uploaded_by_user=self.author
        )
        review = self.story(
            title="Mijn reis naar Herzebrock",
            slug="mijn-reis",
            author=self.author,
            live=False,
            member_contribution=True,
        )
        review.image, review.image_alt = upload, "Onderweg"
        review.save_revision()
        submit_for_review(review, self.author)
        ReferenceIndex.create_or_update_for_object(review)
        self.assert_nowhere(
            "Mijn reis",
            "/api/v2/pages/?limit=100&fields=*",
            "/api/v2/images/?limit=100",
            "/api/v2/images/?search=reis",
        )
        self.assert_nowhere("Foto van mijn reis", "/api/v2/images/?limit=100&fields=*")
        self.assertEqual(self.get(f"/api/v2/pages/{review.pk}/").status_code, 404)
        self.assertEqual(self.get(f"/api/v2/images/{upload.pk}/").status_code, 404)
        self.assertEqual(self.get(f"/api/v2/images/find/?id={upload.pk}").status_code, 404)

    def test_restricted_pages_and_their_children_are_left_out(self):
        private = self.add_page(title="Alleen voor het bestuur", slug="bestuur")
        below = self.add_page(parent=private, title="Notulen van het bestuur", slug="notulen")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        member = User.objects.create_user("lid@example.org", "een-lang-wachtwoord-123")
        self.client.force_login(member)  # a login the restriction would accept
        self.assert_nowhere(
            "bestuur",
            "/api/v2/pages/?limit=100",
            f"/api/v2/pages/?child_of={self.home.pk}&limit=100",
            f"/api/v2/pages/?descendant_of={self.home.pk}&limit=100&search=bestuur",
        )
        for page in (private, below):
            self.assertEqual(self.get(f"/api/v2/pages/{page.pk}/").status_code, 404)

    def test_images_no_live_public_page_shows_are_not_listed(self):
        unused = wagtail_factories.ImageFactory(title="Nergens gebruikt")
        on_private = wagtail_factories.ImageFactory(title="Op een besloten pagina")
        private = self.add_page(title="Besloten", slug="besloten")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        self.climate_de.image, self.climate_de.image_alt = on_private, "Verborgen"
        self.climate_de.save_revision()  # a draft only: the live sector keeps no image
        ids = {image["id"] for image in self.items("/api/v2/images/?limit=100")}
        self.assertEqual(ids, {self.photo.pk})
        for image in (unused, on_private):
            self.assertEqual(self.get(f"/api/v2/images/{image.pk}/").status_code, 404)
        self.assert_nowhere("Nergens gebruikt", "/api/v2/images/?fields=*&search=gebruikt")

    def test_public_image_has_its_file(self):
        image = self.get(f"/api/v2/images/{self.photo.pk}/").json()
        self.assertEqual(image["title"], "Fietsbrug over de Aa")
        self.assertIn("/media/", image["meta"]["download_url"])

    def test_documents_only_when_public_and_used_on_a_live_page(self):
        documents = get_document_model()
        board = Collection.get_first_root_node().add_child(name="Bestuur")
        CollectionViewRestriction.objects.create(
            collection=board, restriction_type=CollectionViewRestriction.LOGIN
        )
        private = documents.objects.create(
            title="Begroting", file=get_test_image_file("begroting.pdf"), collection=board
        )
        unused = documents.objects.create(title="Los bestand", file=get_test_image_file("los.pdf"))
        listed = documents.objects.create(
            title="Jaarverslag", file=get_test_image_file("jaarverslag.pdf")
        )
        page = self.add_page(title="Over ons", slug="over-ons")
        links = "".join(
            f'<a linktype="document" id="{document.pk}">{document.title}</a> '
            for document in (listed, private)
        )
        page.body = [("paragraph", RichText(f"<p>{links}</p>"))]
        page.save_revision().publish()
        ReferenceIndex.create_or_update_for_object(page)
        ids = {document["id"] for document in self.items("/api/v2/documents/")}
        self.assertEqual(ids, {listed.pk})
        for document in (private, unused):
            self.assertEqual(self.get(f"/api/v2/documents/{document.pk}/").status_code, 404)


class ReadOnlyTests(OpenDataTestCase):
    def test_writing_is_not_allowed(self):
        for path in (
            "/api/v2/pages/",
            f"/api/v2/pages/{self.story_nl.pk}/",
            f"/api/v2/images/{self.photo.pk}/",
            "/api/v2/documents/",
        ):
            for method in (
                self.client.post,
                self.client.put,
                self.client.patch,
                self.client.delete,
            ):
                with self.subTest(path=path, method=method.__name__):
                    self.assertEqual(method(path, HTTP_ACCEPT_LANGUAGE="de").status_code, 405)

    @override_settings(API_RATE_LIMIT=3)
    @time_machine.travel(MID_MINUTE, tick=False)  # a new minute would count afresh
    def test_too_many_requests_are_answered_429_with_retry_after(self):
        for _ in range(3):
            self.assertEqual(self.get("/api/v2/pages/").status_code, 200)
        response = self.get("/api/v2/pages/")
        self.assertEqual(response.status_code, 429)
        self.assertTrue(1 <= int(response["Retry-After"]) <= 60)
        self.assertRegex(
            response.json()["detail"],
            r"^Zu viele Anfragen\. Bitte versuchen Sie es in \d+ Sekunden? erneut\.$",
        )
        self.assertIn("no-store", response["Cache-Control"])
        # Another visitor is not held back.
        other = self.client.get("/api/v2/pages/", REMOTE_ADDR=next(ADDRESSES))
        self.assertEqual(other.status_code, 200)

    def test_browsers_on_partner_sites_may_read_it(self):
        response = self.get("/api/v2/pages/", HTTP_ORIGIN=PARTNER_ORIGIN)
        self.assertEqual(response["Access-Control-Allow-Origin"], PARTNER_ORIGIN)
        self.assertNotIn("Access-Control-Allow-Credentials", response.headers)
        preflight = self.client.options(
            "/api/v2/pages/",
            HTTP_ORIGIN=PARTNER_ORIGIN,
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        )
        self.assertEqual(preflight.status_code, 200)
        self.assertEqual(preflight["Access-Control-Allow-Origin"], PARTNER_ORIGIN)
        self.assertEqual(preflight["Access-Control-Allow-Methods"], "GET, HEAD, OPTIONS")

    def test_browsers_on_other_sites_may_not(self):
        response = self.get("/api/v2/pages/", HTTP_ORIGIN="https://elders.example")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("Access-Control-Allow-Origin", response.headers)
        self.assertIn("Origin", response["Vary"])

    @override_settings(API_CORS_ORIGINS=[])
    def test_no_origin_may_read_it_unless_configured(self):
        response = self.get("/api/v2/pages/", HTTP_ORIGIN=PARTNER_ORIGIN)
        self.assertNotIn("Access-Control-Allow-Origin", response.headers)

    def test_the_page_cache_never_keeps_an_api_answer(self):
        self.get("/api/v2/pages/?type=exchanges.MeetingPage&fields=format")
        response = self.get("/api/v2/pages/?type=exchanges.MeetingPage&fields=format", "nl")
        self.assertNotIn("X-Page-Cache", response.headers)
        self.assertEqual(
            response.json()["items"][0]["format"]["label"], dutch(MeetingFormat.HYBRID.label)
        )


class QueryBudgetTests(OpenDataTestCase):
    LISTING = "/api/v2/pages/?type=exchanges.MeetingPage&fields=*&limit=20"

    def queries_of_listing(self):
        self.get(self.LISTING)  # the content cache's sector rows, as on any warm server
        with CaptureQueriesContext(connection) as queries:
            response = self.get(self.LISTING)
        self.assertEqual(response.status_code, 200)
        return len(queries), len(response.json()["items"])

    def test_meetings_listing_costs_the_same_for_2_and_10_meetings(self):
        self.meeting(local(2030, 4, 1, 20, 0), sectors=[self.farming])
        few, listed = self.queries_of_listing()
        self.assertEqual(listed, 3)
        start = timezone.now() + datetime.timedelta(days=3)
        for number in range(8):
            meeting = self.meeting(start + datetime.timedelta(days=number), sectors=[self.climate])
            # Half of them proposed by members, named by their public name as it is now.
            if number % 2:
                member = get_user_model().objects.create_user(
                    f"lid{number}@example.org", "x", display_name=f"Lid {number}"
                )
                type(meeting).objects.filter(pk=meeting.pk).update(
                    member_contribution=True, organiser_member=member
                )
        self.get(self.LISTING)  # publishing renewed the content cache's versions
        with self.assertNumQueries(few):
            response = self.get(self.LISTING)
        self.assertEqual(len(response.json()["items"]), 11)
        organisers = {item["organiser"] for item in response.json()["items"]}
        self.assertLessEqual({"Lid 1", "Lid 3", "Lid 5", "Lid 7"}, organisers)
        pictured = [item for item in response.json()["items"] if item["lead_image"]]
        self.assertEqual(len(pictured), 10)  # all but the farming meeting: its sector has none

    def add_story(self, number):
        """A published story with a picture in its body, a lead image, two tags and a town."""
        photo = wagtail_factories.ImageFactory(title=f"Foto {number}")
        photo.tags.add(f"foto-{number}", "uitwisseling")
        story = self.story(
            title=f"Verhaal {number}",
            slug=f"verhaal-{number}",
            author=self.author,
            sectors=[self.climate],
            towns=[self.herzebrock],
            tag_names=[f"verhaal-{number}", "fietsen"],
        )
        story.image, story.image_alt = photo, f"Foto {number}"
        story.body = BaseStreamBlock().to_python(
            [
                {"type": "paragraph", "value": f"<p>Dag {number}</p>"},
                {"type": "image", "value": {"image": photo.pk, "alt_text": f"Foto {number}"}},
            ]
        )
        story.save_revision().publish()

    def assert_same_queries_for_more(self, listing, add):
        """`listing` costs as many queries once `add(number)` added eight more of its items."""
        add(0)
        self.get(listing)
        with CaptureQueriesContext(connection) as queries:
            few = len(self.items(listing))
        budget = len(queries)
        for number in range(1, 9):
            add(number)
        self.get(listing)  # publishing renewed the content cache's versions
        with self.assertNumQueries(budget):
            self.assertEqual(len(self.items(listing)), few + 8)

    def test_stories_listing_costs_the_same_for_2_and_10_stories(self):
        # A query for each story's body pictures and one for its tags (outsider's attack of
        # 2026-12-05: 57 queries for 20 stories with fields=*).
        self.assert_same_queries_for_more(
            "/api/v2/pages/?type=exchanges.StoryPage&locale=nl&fields=*&limit=20", self.add_story
        )
        [story] = self.items(
            "/api/v2/pages/?type=exchanges.StoryPage&locale=nl&fields=tags,body&title=Verhaal 3"
        )
        self.assertEqual(story["tags"], ["fietsen", "verhaal-3"])
        self.assertIn('alt="Foto 3"', story["body"][1]["html"])

    def test_images_listing_costs_the_same_for_2_and_10_images(self):
        # A query for each image's tags.
        self.assert_same_queries_for_more("/api/v2/images/?fields=*&limit=20", self.add_story)
        tagged = [image["meta"]["tags"] for image in self.items("/api/v2/images/?limit=20")]
        self.assertIn(["foto-3", "uitwisseling"], tagged)


class UpcomingMeetingsTests(OpenDataTestCase):
    UPCOMING = "/api/v2/pages/?type=exchanges.MeetingPage&locale=nl&fields=start"

    def test_upcoming_lists_meetings_not_ended_yet_the_soonest_first(self):
        now = timezone.now()
        ended = self.meeting(now - datetime.timedelta(days=10), title="Voorbij")
        running = self.meeting(now - datetime.timedelta(hours=1), hours=3, title="Nu bezig")
        soon = self.meeting(now + datetime.timedelta(days=2), title="Binnenkort")
        upcoming = self.items(self.UPCOMING + "&upcoming=true")
        self.assertEqual(
            [item["id"] for item in upcoming], [running.pk, soon.pk, self.meeting_nl.pk]
        )
        past = self.items(self.UPCOMING + "&upcoming=false")
        self.assertEqual([item["id"] for item in past], [ended.pk])
        # An order asked for decides the order.
        latest_first = self.items(self.UPCOMING + "&upcoming=true&order=-start")
        self.assertEqual(
            [item["id"] for item in latest_first], [self.meeting_nl.pk, soon.pk, running.pk]
        )

    def test_upcoming_is_refused_in_words_for_other_pages_and_values(self):
        for query, words in (
            ("upcoming=true", "filtert nur Treffen"),
            ("type=exchanges.StoryPage&upcoming=true", "filtert nur Treffen"),
            ("type=exchanges.MeetingPage&upcoming=soon", "entweder true oder false"),
        ):
            with self.subTest(query=query):
                response = self.get(f"/api/v2/pages/?{query}")
                self.assertEqual(response.status_code, 400)
                self.assertIn(words, response.json()["message"])


class ErrorLanguageTests(OpenDataTestCase):
    def message(self, path, language="de", status=400):
        response = self.get(path, language)
        self.assertEqual(response.status_code, status, response.content)
        return response.json()["message"]

    def test_german_client_reads_which_fields_are_unknown_and_that_they_need_a_type(self):
        path = f"/api/v2/pages/?translation_of={self.story_nl.pk}&fields=intro,author_name"
        message = self.message(path)
        self.assertIn("Unbekannte Felder: author_name, intro.", message)
        self.assertIn("nur zusammen mit type=", message)
        self.assertIn("Onbekende velden: author_name, intro.", self.message(path, "nl"))
        typed = self.message("/api/v2/pages/?type=exchanges.StoryPage&fields=online_url")
        self.assertEqual(typed, "Unbekannte Felder: online_url.")

    def test_wagtails_own_refusals_are_in_the_clients_language(self):
        # Wagtail's English answers beside ours in German (attack of 2026-12-05, W1).
        for path, german_words, dutch_words in (
            (
                "/api/v2/pages/?limit=1000",
                "limit= ist eine ganze Zahl von 0 bis 100.",
                "limit= is een geheel getal van 0 tot 100.",
            ),
            (
                "/api/v2/pages/?id=x",
                "id= hat einen Wert, den es nicht annehmen kann.",
                "id= heeft een waarde die het niet kan aannemen.",
            ),
            (
                "/api/v2/pages/?fields=title(",
                "fields= endet unerwartet (fehlt eine schließende Klammer?).",
                "fields= houdt onverwacht op (ontbreekt er een sluithaakje?).",
            ),
            (
                "/api/v2/pages/?search=x&order=random",
                "order=random kann nicht zusammen mit search= verwendet werden.",
                "order=random kan niet samen met search= worden gebruikt.",
            ),
            (
                "/api/v2/pages/?order=nope",
                "Nach 'nope' kann nicht sortiert werden: Dieses Feld gibt es nicht.",
                "Sorteren op 'nope' kan niet: dat veld bestaat niet.",
            ),
            (
                "/api/v2/pages/?child_of=x",
                "child_of= ist eine positive ganze Zahl.",
                "child_of= is een positief geheel getal.",
            ),
            (
                "/api/v2/pages/?translation_of=999999",
                "Die Seite von translation_of= gibt es nicht.",
                "De pagina van translation_of= bestaat niet.",
            ),
            (
                "/api/v2/pages/?order=random&offset=2",
                "order=random geht nicht zusammen mit offset=.",
                "order=random kan niet samen met offset=.",
            ),
        ):
            with self.subTest(path=path):
                self.assertEqual(self.message(path), german_words)
                self.assertEqual(self.message(path, "nl"), dutch_words)

    def test_german_client_reads_unknown_parameters_and_types_in_german(self):
        self.assertIn("Unbekannte Abfrageparameter: start.", self.message("/api/v2/pages/?start=1"))
        self.assertEqual(
            self.message("/api/v2/pages/?type=exchanges.Nope"),
            "Es gibt keinen Seitentyp exchanges.Nope.",
        )

    def test_not_found_is_in_the_clients_language(self):
        for language, words in (
            ("de", german(NotFound.default_detail)),
            ("nl", dutch(NotFound.default_detail)),
        ):
            with self.subTest(language=language):
                for path in ("/api/v2/pages/999999/", "/api/v2/images/999999/"):
                    self.assertEqual(self.message(path, language, status=404), words)
        self.assertNotEqual(german(NotFound.default_detail), "Not found.")


class AbsoluteUrlTests(OpenDataTestCase):
    """The Site record says localhost; the client asked testserver."""

    def test_detail_urls_are_on_the_clients_host(self):
        page = self.get(f"/api/v2/pages/{self.meeting_de.pk}/").json()
        self.assertEqual(
            page["meta"]["detail_url"], f"http://testserver/api/v2/pages/{self.meeting_de.pk}/"
        )
        parent = page["meta"]["parent"]
        self.assertEqual(
            parent["meta"]["detail_url"], f"http://testserver/api/v2/pages/{parent['id']}/"
        )
        [listed] = self.items("/api/v2/pages/?type=exchanges.MeetingPage&locale=de")
        self.assertEqual(listed["meta"]["detail_url"], page["meta"]["detail_url"])

    def test_images_have_absolute_detail_and_download_urls(self):
        image = self.get(f"/api/v2/images/{self.photo.pk}/").json()
        self.assertEqual(
            image["meta"]["detail_url"], f"http://testserver/api/v2/images/{self.photo.pk}/"
        )
        self.assertEqual(image["meta"]["download_url"], f"http://testserver{self.photo.file.url}")
        [listed] = self.items("/api/v2/images/")
        self.assertEqual(listed["meta"]["download_url"], image["meta"]["download_url"])

    @override_settings(MEDIA_URL="https://media.jumelage.example/media/")
    def test_media_on_another_host_keep_their_own_url(self):
        image = self.get(f"/api/v2/images/{self.photo.pk}/").json()
        self.assertTrue(
            image["meta"]["download_url"].startswith("https://media.jumelage.example/media/")
        )

    def test_documents_have_absolute_detail_and_download_urls(self):
        document = get_document_model().objects.create(
            title="Jaarverslag", file=get_test_image_file("jaarverslag.pdf")
        )
        page = self.add_page(title="Over ons", slug="over-ons")
        link = f'<a linktype="document" id="{document.pk}">Jaarverslag</a>'
        page.body = [("paragraph", RichText(f"<p>{link}</p>"))]
        page.save_revision().publish()
        ReferenceIndex.create_or_update_for_object(page)
        [listed] = self.items("/api/v2/documents/")
        self.assertEqual(
            listed["meta"]["detail_url"], f"http://testserver/api/v2/documents/{document.pk}/"
        )
        self.assertEqual(listed["meta"]["download_url"], f"http://testserver{document.url}")


class ReadmeExamplesTests(OpenDataTestCase):
    """Every call in the README's "Open data API" section answers as written, with the ids of
    the README's demo content replaced by this test's."""

    def readme_calls(self):
        readme = (settings.BASE_DIR / "README.md").read_text()
        section = readme.split("\n## Open data API\n", 1)[1].split("\n## ", 1)[0]
        return re.findall(r"'https://jumelage\.example(/api/v2/[^']*)'", section)

    def test_every_example_call_of_the_readme_answers(self):
        calls = self.readme_calls()
        self.assertGreaterEqual(len(calls), 8)
        for call in calls:
            path = re.sub(r"/pages/\d+/", f"/pages/{self.meeting_nl.pk}/", call)
            path = re.sub(r"translation_of=\d+", f"translation_of={self.story_nl.pk}", path)
            path = re.sub(r"/images/\d+/", f"/images/{self.photo.pk}/", path)
            with self.subTest(call=call):
                response = self.get(path)
                self.assertEqual(response.status_code, 200, response.content)


class HostileQueryTests(OpenDataTestCase):
    """What an attacker sent the API (SQLite and PostgreSQL): a clear 400 or 404, never a 500."""

    def assert_refused(self, path, status=400, language="de"):
        response = self.get(path, language)
        self.assertEqual(response.status_code, status, (path, response.content[:300]))
        self.assertTrue(response.json()["message"], path)
        return response

    def test_a_search_of_200_words_is_searched_as_the_sites_search_limits_it(self):
        response = self.get("/api/v2/pages/?search=" + "+".join(["fiets"] * 200))
        self.assertEqual(response.status_code, 200)
        # What the site's search finds for the same words, limited the same way.
        # Cut at 200 characters as the site's search is: the words before the cut still find.
        words = "+".join(["Klimaatavond"] * 200)
        response = self.get(f"/api/v2/pages/?search={words}&search_operator=or")
        self.assertIn(self.meeting_nl.pk, [item["id"] for item in response.json()["items"]])

    def test_a_long_search_is_cut_between_words_not_inside_one(self):
        # Every word must be found (search_operator and): half a word at the cut found nothing.
        words = "+".join(["Klimaatavond"] * 200)
        response = self.get(f"/api/v2/pages/?search={words}")
        self.assertIn(self.meeting_nl.pk, [item["id"] for item in response.json()["items"]])

    def test_search_syntax_is_not_the_clients_to_use(self):
        for query in ("%27%22%3B--", "(Klimaatavond", "Klimaatavond*", "%22Klimaatavond"):
            with self.subTest(query=query):
                self.assertEqual(self.get(f"/api/v2/pages/?search={query}").status_code, 200)

    def test_nul_in_any_parameter_is_refused_in_the_clients_language(self):
        for path in (
            "/api/v2/pages/?search=%00",
            "/api/v2/images/?search=%00",
            "/api/v2/documents/?search=a%00b",
            "/api/v2/pages/?locale=%00",
            "/api/v2/pages/find/?html_path=%00",
            "/api/v2/pages/?type=exchanges.MeetingPage&place_name=%00",
        ):
            with self.subTest(path=path):
                response = self.assert_refused(path)
                self.assertIn("NUL-Zeichen", response.json()["message"])

    def test_an_unknown_language_is_refused_with_the_languages_there_are(self):
        for locale in ("xx", "en", "NL", ""):
            with self.subTest(locale=locale):
                response = self.assert_refused(f"/api/v2/pages/?locale={locale}")
                self.assertEqual(
                    response.json()["message"], "locale= ist einer dieser Werte: nl, de."
                )
        self.assertEqual(self.get("/api/v2/pages/?locale=de").status_code, 200)

    def test_numbers_out_of_range_and_bad_values_are_refused(self):
        for path in (
            "/api/v2/pages/?offset=99999999999999999999999",
            "/api/v2/pages/?limit=99999999999999999999999",
            "/api/v2/images/?offset=99999999999999999999999",
            "/api/v2/pages/find/?id=abc",
            "/api/v2/pages/find/?id=99999999999999999999999",
            "/api/v2/pages/?search=x&search_operator=xx",
            "/api/v2/pages/?type=exchanges.MeetingPage&start=2026",
            "/api/v2/pages/?rich_text_format=db_html",
            "/api/v2/images/?tags=reis&search=reis",
        ):
            with self.subTest(path=path):
                self.assert_refused(path)


class FindTests(OpenDataTestCase):
    def test_find_resolves_the_html_url_of_pages_in_both_languages(self):
        for page in (self.meeting_nl, self.meeting_de, self.calendar, self.home_de):
            html_url = self.get(f"/api/v2/pages/{page.pk}/").json()["meta"]["html_url"]
            html_path = html_url.removeprefix("http://testserver")
            with self.subTest(html_path=html_path):
                response = self.get(f"/api/v2/pages/find/?html_path={html_path}&fields=title")
                self.assertEqual(response.status_code, 302)
                self.assertEqual(
                    response["Location"],
                    f"http://testserver/api/v2/pages/{page.pk}/?fields=title",
                )

    @override_settings(ALLOWED_HOSTS=["jumelage.example"])
    def test_find_redirects_on_the_clients_host_not_the_site_records(self):
        response = self.client.get(
            f"/api/v2/pages/find/?id={self.story_nl.pk}", HTTP_HOST="jumelage.example"
        )
        self.assertEqual(
            response["Location"], f"http://jumelage.example/api/v2/pages/{self.story_nl.pk}/"
        )
        response = self.client.get(
            f"/api/v2/images/find/?id={self.photo.pk}", HTTP_HOST="jumelage.example"
        )
        self.assertEqual(
            response["Location"], f"http://jumelage.example/api/v2/images/{self.photo.pk}/"
        )

    def test_find_does_not_find_what_is_not_public(self):
        private = self.add_page(title="Alleen voor het bestuur", slug="bestuur")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        for path in ("/nl/bestuur/", "/de/kalender/bestaat-niet/", "/fr/", f"?id={private.pk}"):
            with self.subTest(path=path):
                query = path if path.startswith("?") else f"?html_path={path}"
                self.assertEqual(self.get(f"/api/v2/pages/find/{query}").status_code, 404)


class UnknownAddressTests(OpenDataTestCase):
    def test_unknown_api_addresses_are_a_json_404_not_a_redirect(self):
        for path in ("/api/", "/api/v1/pages/", "/api/v2/foo/", "/api/v2/pages/-1/"):
            with self.subTest(path=path):
                response = self.get(path, HTTP_ORIGIN=PARTNER_ORIGIN)
                self.assertEqual(response.status_code, 404)
                self.assertEqual(response["Content-Type"], "application/json")
                self.assertEqual(response.json()["message"], german(NotFound.default_detail))
                self.assertEqual(response["Access-Control-Allow-Origin"], PARTNER_ORIGIN)
                self.assertIn("Accept-Language", response["Vary"])

    def test_the_api_root_lists_its_endpoints(self):
        response = self.get("/api/v2/")
        self.assertEqual(
            response.json(),
            {
                name: f"http://testserver/api/v2/{name}/"
                for name in ("pages", "images", "documents")
            },
        )


class RateLimitAndCorsTests(OpenDataTestCase):
    @override_settings(API_RATE_LIMIT=2)
    @time_machine.travel(MID_MINUTE, tick=False)  # a new minute would count afresh
    def test_preflights_do_not_count_against_the_limit(self):
        for _ in range(5):
            preflight = self.client.options(
                "/api/v2/pages/",
                HTTP_ORIGIN=PARTNER_ORIGIN,
                HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
            )
            self.assertEqual(preflight.status_code, 200)
        for _ in range(2):
            self.assertEqual(self.get("/api/v2/pages/").status_code, 200)
        self.assertEqual(self.get("/api/v2/pages/").status_code, 429)
        preflight = self.client.options("/api/v2/pages/", HTTP_ORIGIN=PARTNER_ORIGIN)
        self.assertEqual(preflight.status_code, 200)

    @override_settings(API_RATE_LIMIT=1)
    @time_machine.travel(MID_MINUTE, tick=False)
    def test_browsers_may_read_retry_after_and_dutch_reads_it_in_dutch(self):
        self.get("/api/v2/pages/", "nl")
        response = self.get("/api/v2/pages/", "nl", HTTP_ORIGIN=PARTNER_ORIGIN)
        self.assertEqual(response.status_code, 429)
        self.assertEqual(response["Access-Control-Expose-Headers"], "Retry-After")
        self.assertRegex(
            response.json()["detail"],
            r"^Te veel aanvragen\. Probeert u het over \d+ seconden? opnieuw\.$",
        )

    @override_settings(API_CORS_ORIGINS=["https://www.steenwijkerland.nl"])
    def test_origins_are_compared_normalised_and_only_well_formed_ones_echoed(self):
        for sent, echoed in (
            ("https://WWW.Steenwijkerland.NL", "https://www.steenwijkerland.nl"),
            ("https://www.steenwijkerland.nl:443", "https://www.steenwijkerland.nl"),
            ("https://www.steenwijkerland.nl//", None),
            ("https://www.steenwijkerland.nl/", None),
            ("https://www.steenwijkerland.nl:8443", None),
            ("http://www.steenwijkerland.nl", None),
            ("https://user@www.steenwijkerland.nl", None),
            ("https://[", None),
        ):
            with self.subTest(sent=sent):
                response = self.get("/api/v2/pages/", HTTP_ORIGIN=sent)
                self.assertEqual(response.headers.get("Access-Control-Allow-Origin"), echoed)

    @override_settings(API_CORS_ORIGINS=["HTTPS://Partner.example:443/"])
    def test_a_configured_origin_is_echoed_normalised(self):
        response = self.get("/api/v2/pages/", HTTP_ORIGIN="https://partner.example")
        self.assertEqual(response["Access-Control-Allow-Origin"], "https://partner.example")


class RenderedBodyTests(OpenDataTestCase):
    def test_body_is_the_html_the_page_shows_without_internal_ids(self):
        draft = self.add_page(title="Nog niet klaar", slug="concept", live=False)
        page = self.add_page(title="Over ons", slug="over-ons")
        page.body = [
            (
                "paragraph",
                RichText(
                    f'<p><a linktype="page" id="{self.calendar.pk}">Agenda</a> '
                    f'<a linktype="page" id="{draft.pk}">binnenkort</a></p>'
                ),
            ),
            ("image", {"image": self.photo, "alt_text": "Een fietsbrug", "caption": ""}),
        ]
        page.save_revision().publish()
        body = self.get(f"/api/v2/pages/{page.pk}/").json()["body"]
        self.assertEqual([block["type"] for block in body], ["paragraph", "image"])
        paragraph, image = body[0]["html"], body[1]["html"]
        self.assertIn('href="http://testserver/nl/agenda/"', paragraph)
        self.assertNotIn("linktype", paragraph)
        self.assertNotIn(f'id="{draft.pk}"', paragraph)
        self.assertIn('src="http://testserver/media/', image)
        self.assertIn('alt="Een fietsbrug"', image)
        self.assertNotIn('"/media/', image)

    def test_story_body_is_rendered_too(self):
        self.story_nl.body = [
            ("paragraph", RichText(f'<p><a linktype="page" id="{self.meeting_nl.pk}">x</a></p>'))
        ]
        self.story_nl.save_revision().publish()
        [block] = self.get(f"/api/v2/pages/{self.story_nl.pk}/").json()["body"]
        self.assertIn(
            f'href="{self.get(f"/api/v2/pages/{self.meeting_nl.pk}/").json()["meta"]["html_url"]}"',
            block["html"],
        )


class PrivateSectorTests(OpenDataTestCase):
    def test_a_private_sector_is_not_named_nor_lends_its_picture(self):
        board = self.farming
        board.image, board.image_alt = self.photo, "Besloten foto"
        board.save_revision().publish()
        PageViewRestriction.objects.create(page=board, restriction_type=PageViewRestriction.LOGIN)
        meeting = self.meeting(local(2030, 6, 1, 20, 0), title="Besloten", sectors=[board])
        story = self.story(
            title="Over de besloten sector", slug="besloten", sectors=[board, self.climate]
        )
        data = self.get(f"/api/v2/pages/{meeting.pk}/").json()
        self.assertEqual(data["sectors"], [])
        self.assertIsNone(data["lead_image"])
        data = self.get(f"/api/v2/pages/{story.pk}/").json()
        self.assertEqual([sector["id"] for sector in data["sectors"]], [self.climate.pk])
        listed = self.items("/api/v2/pages/?type=exchanges.MeetingPage&fields=sectors,lead_image")
        [item] = [item for item in listed if item["id"] == meeting.pk]
        self.assertEqual((item["sectors"], item["lead_image"]), ([], None))
