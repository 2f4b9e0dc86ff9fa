"""The open data API at /api/v2/ (jumelage/api.py): what a German client reads there, and what
nobody may ever read there, whichever way they ask."""

import datetime
import itertools

import wagtail_factories
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.models.reference_index import ReferenceIndex
from wagtail.rich_text import RichText

from community.contributions import collection_for, submit_for_review
from exchanges.choices import MeetingFormat, SpokenLanguage
from home.blocks import BaseStreamBlock
from tests.calendar_base import CalendarMixin, local

User = get_user_model()

SECRET_LINK = "https://meet.example.org/geheime-kamer-4711"
MEMBER_EMAIL = "schrijver@example.org"
PARTNER_ORIGIN = "https://www.herzebrock-clarholz.de"
# Every test asks from an address of its own, so one test's requests never count against
# another's rate limit in the real cache (locmem, or Redis with REDIS_URL).
ADDRESSES = (f"198.51.100.{number}" for number in itertools.count(1))


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
            local(2030, 3, 5, 19, 30),
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
        # A German client reads the sector in German.
        self.assertEqual(story["sectors"][0]["title"], "Nachhaltigkeit und Klima")

    def test_meeting_shows_its_sectors_picture(self):
        meeting = self.get(f"/api/v2/pages/{self.meeting_nl.pk}/").json()
        self.assertEqual(meeting["lead_image"]["id"], self.photo.pk)
        self.assertEqual(meeting["lead_image"]["alt"], "Eine Radbrücke über die Aa")
        self.assertEqual(meeting["start"][:16], "2030-03-05T19:30")

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
    def test_too_many_requests_are_answered_429_with_retry_after(self):
        for _ in range(3):
            self.assertEqual(self.get("/api/v2/pages/").status_code, 200)
        response = self.get("/api/v2/pages/")
        self.assertEqual(response.status_code, 429)
        self.assertTrue(1 <= int(response["Retry-After"]) <= 60)
        self.assertIn("gedrosselt", response.json()["detail"])  # DRF's message, in German
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
            self.meeting(start + datetime.timedelta(days=number), sectors=[self.climate])
        self.get(self.LISTING)  # publishing renewed the content cache's versions
        with self.assertNumQueries(few):
            response = self.get(self.LISTING)
        self.assertEqual(len(response.json()["items"]), 11)
        pictured = [item for item in response.json()["items"] if item["lead_image"]]
        self.assertEqual(len(pictured), 10)  # all but the farming meeting: its sector has none
