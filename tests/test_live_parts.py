"""Pages with live parts (home/live.py) come from the anonymous page cache, with what members
change (places left, a sector's members, an author's name) rendered anew for every member, and
for anonymous visitors kept under tokens of the objects they show until one of those changes."""

import gzip
import json

import time_machine
from django.conf import settings
from django.template import RequestContext, Template, TemplateSyntaxError
from django.test import Client, RequestFactory, override_settings
from wagtail.rich_text import RichText

from community.models import SectorMembership, User
from community.privacy import delete_account
from exchanges.models import MeetingPage, Registration
from tests.base import cache_reads
from tests.calendar_base import local
from tests.test_caching import CachedSiteTestCase

MEETING = "/nl/agenda/klein/"
SECTOR = "/nl/sectoren/duurzaamheid/"
STORY = "/nl/verhalen/fietsen/"


@override_settings(PAGE_CACHE_SECONDS=300)
class LivePartsTests(CachedSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member.show_on_sector_pages = True
        cls.member.save()
        cls.first_story.author = cls.member
        cls.first_story.member_contribution = True
        cls.first_story.save_revision().publish()

    def uncached(self, url):
        with self.settings(PAGE_CACHE_SECONDS=0):
            return self.client.get(url).content

    def first_visit(self, url):
        response = self.client.get(url)
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertNotContains(response, "<!--live")
        return response

    def hit(self, url, queries, **headers):
        with self.assertNumQueries(queries):
            response = self.client.get(url, **headers)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertNotIn(b"<!--live", response.content)
        return response

    def register_another_member(self):
        Registration.objects.register(MeetingPage.objects.get(pk=self.small.pk), self.member)

    def test_a_meeting_page_is_served_from_the_cache_with_the_places_left_now(self):
        self.assertContains(self.first_visit(MEETING), "2 van 2 plaatsen vrij")
        self.register_another_member()
        response = self.hit(MEETING, 2)
        self.assertContains(response, "1 van 2 plaatsen vrij")
        self.assertEqual(response.content, self.uncached(MEETING))

    def test_a_full_meeting_offers_its_waiting_list_from_the_cache(self):
        self.first_visit(MEETING)
        self.register_another_member()
        other = User.objects.create_user("bert@example.org", "een-lang-wachtwoord")
        Registration.objects.register(MeetingPage.objects.get(pk=self.small.pk), other)
        response = self.hit(MEETING, 2)
        self.assertContains(response, "0 van 2 plaatsen vrij")
        self.assertContains(
            response, "De bijeenkomst is vol; u kunt zich op de wachtlijst laten zetten."
        )

    def test_a_member_on_the_waiting_list_is_offered_to_leave_it(self):
        self.register_another_member()
        other = User.objects.create_user("bert@example.org", "een-lang-wachtwoord")
        Registration.objects.register(MeetingPage.objects.get(pk=self.small.pk), other)
        waiting = User.objects.create_user("carla@example.org", "een-lang-wachtwoord")
        Registration.objects.register(MeetingPage.objects.get(pk=self.small.pk), waiting)
        self.client.get(MEETING)
        member = Client()
        member.force_login(waiting)
        response = member.get(MEETING)
        self.assertContains(response, "U staat op de wachtlijst (nummer 1)")
        self.assertContains(response, "Haal mij van de wachtlijst")
        self.assertNotContains(response, "Mijn aanmelding annuleren")

    def test_a_german_visitor_reads_the_places_left_in_german(self):
        self.first_visit("/de/kalender/klein/")
        self.register_another_member()
        response = self.hit("/de/kalender/klein/", 2)
        self.assertContains(response, "1 von 2 Plätzen frei")
        self.assertEqual(response.content, self.uncached("/de/kalender/klein/"))

    def test_a_sector_page_lists_a_member_who_just_joined(self):
        self.assertNotContains(self.first_visit(SECTOR), "Anna Jansen")
        SectorMembership.objects.create(user=self.member, sector_key=self.climate.translation_key)
        # Its members, read anew (the sector page's id and translation key come with the part).
        response = self.hit(SECTOR, 1)
        self.assertContains(response, "Anna Jansen")
        self.assertEqual(response.content, self.uncached(SECTOR))

    def test_a_story_shows_its_authors_new_name(self):
        self.assertContains(self.first_visit(STORY), "door Anna Jansen, lid")
        # Behind the cache's back: an author's rename also gives pages a new version (for the
        # feeds, tests/test_renamed_authors.py); the byline needs none.
        User.objects.filter(pk=self.member.pk).update(display_name="Anna de Vries")
        response = self.hit(STORY, 1)
        self.assertContains(response, "door Anna de Vries, lid")
        self.assertNotContains(response, "Anna Jansen")
        self.assertEqual(response.content, self.uncached(STORY))

    def test_a_story_of_a_member_who_left_names_a_former_member(self):
        self.first_visit(STORY)
        # Deleted as by an administrator: the byline is a live part, rendered anew from the
        # kept page (only the feeds kept whole are made anew, community.privacy).
        self.member.delete()
        response = self.client.get(STORY)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertEqual(response.content, self.uncached(STORY))
        self.assertContains(response, "door een voormalig lid")
        self.assertNotContains(response, "Anna Jansen")

    def test_the_live_parts_are_compressed_with_the_page(self):
        self.first_visit(MEETING)
        self.register_another_member()
        response = self.hit(MEETING, 2, HTTP_ACCEPT_ENCODING="gzip")
        self.assertEqual(response["Content-Encoding"], "gzip")
        self.assertEqual(gzip.decompress(response.content), self.uncached(MEETING))

    def test_the_first_visit_says_the_length_of_the_page_it_sends(self):
        # Browsers and proxies read exactly Content-Length bytes: one too many and the page
        # hangs, found by `make bench` (http.client.IncompleteRead).
        for url in (MEETING, STORY, SECTOR):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response["X-Page-Cache"], "miss")
                self.assertEqual(int(response["Content-Length"]), len(response.content))

    def test_shared_caches_downstream_do_not_keep_a_page_with_live_parts(self):
        for response in (self.client.get(MEETING), self.hit(MEETING, 2)):
            self.assertIn("no-cache", response["Cache-Control"])
            self.assertNotIn("s-maxage", response["Cache-Control"])

    def test_text_that_looks_like_a_live_part_is_shown_as_written(self):
        secret = "0123456789abcdef" * 2
        fake = f"<!--live:{secret}:0-->Vervalst deel<!--/live:{secret}-->"
        self.first_story.body = [("paragraph", RichText(f"<p>Tekst {fake} en meer</p>"))]
        self.first_story.save_revision().publish()
        first = self.client.get(STORY)
        self.assertContains(first, fake)
        self.assertContains(first, "door Anna Jansen, lid")
        with self.assertNumQueries(1):
            response = self.client.get(STORY)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertEqual(response.content, first.content)

    def test_a_member_sees_their_own_registration_and_visitors_the_cached_page(self):
        self.first_visit(MEETING)
        self.register_another_member()
        member = Client()
        member.force_login(self.member)
        own = member.get(MEETING)
        # From the same entry, with the parts rendered for them (tests/test_member_page_cache.py).
        self.assertEqual(own["X-Page-Cache"], "hit")
        self.assertContains(own, "U bent aangemeld voor deze bijeenkomst.")
        self.assertContains(own, "csrfmiddlewaretoken")
        response = self.hit(MEETING, 2)
        self.assertNotContains(response, "U bent aangemeld")
        self.assertNotContains(response, "csrfmiddlewaretoken")
        self.assertContains(response, "Log in als lid om u aan te melden.")


class LivePartTagTests(CachedSiteTestCase):
    @override_settings(CACHE_RENDERED_HTML=True)
    def test_a_live_part_inside_a_cached_fragment_is_refused(self):
        page = Template(
            '{% load jumelage_tags %}{% contentcache 60 kept %}{% live "story-author" pk %}'
            "{% endcontentcache %}"
        )
        request = RequestFactory().get(STORY)
        with self.assertRaisesMessage(TemplateSyntaxError, "inside a {% contentcache %}"):
            page.render(RequestContext(request, {"pk": self.first_story.pk}))


@override_settings(PAGE_CACHE_SECONDS=300)
class KeptLivePartsTests(CachedSiteTestCase):
    """What anonymous visitors see of the live parts is kept beside the page, versioned by the
    objects it shows (home/live.py): a hit costs no query, and each change shows at once."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member.show_on_sector_pages = True
        cls.member.save()
        SectorMembership.objects.create(user=cls.member, sector_key=cls.climate.translation_key)
        cls.first_story.author = cls.member
        cls.first_story.member_contribution = True
        cls.first_story.save_revision().publish()
        cls.other_meeting = cls.meeting(local(2026, 4, 1, 19, 0), title="Andere", slug="andere")

    def kept(self, url):
        """The page after a visit and a hit that keep it and its parts: a hit costs nothing of
        the database any more."""
        self.client.get(url)
        self.client.get(url)
        with self.assertNumQueries(0):
            response = self.client.get(url)
        self.assertEqual(response["X-Page-Cache"], "hit")
        return response

    def again(self, url, hit=True):
        """The page once more, as the page made without any cache shows it; from the same entry
        unless the change may be one of pages too (an author's new name or departure,
        tests/test_renamed_authors.py)."""
        response = self.client.get(url)
        if hit:
            self.assertEqual(response["X-Page-Cache"], "hit")
        with self.settings(PAGE_CACHE_SECONDS=0):
            self.assertEqual(response.content, self.client.get(url).content)
        return response

    def test_a_kept_meeting_shows_a_new_registration_and_a_cancellation(self):
        self.assertContains(self.kept(MEETING), "2 van 2 plaatsen vrij")
        self.assertContains(self.kept("/de/kalender/klein/"), "2 von 2 Plätzen frei")
        meeting = MeetingPage.objects.get(pk=self.small.pk)
        Registration.objects.register(meeting, self.member)
        self.assertContains(self.again(MEETING), "1 van 2 plaatsen vrij")
        self.assertContains(self.again("/de/kalender/klein/"), "1 von 2 Plätzen frei")
        self.kept(MEETING)
        Registration.objects.cancel(meeting, self.member)
        self.assertContains(self.again(MEETING), "2 van 2 plaatsen vrij")

    def test_a_kept_meeting_closes_its_registration_when_the_deadline_passes(self):
        closing = self.meeting(
            local(2026, 3, 20, 19, 0),
            title="Sluit zo",
            slug="sluit-zo",
            registration_deadline=local(2026, 3, 2, 10, 10),
        )
        url = closing.url
        self.assertContains(self.kept(url), "Log in als lid om u aan te melden.")
        with time_machine.travel(local(2026, 3, 2, 10, 11), tick=False):
            for _visit in range(2):
                response = self.client.get(url)
                self.assertContains(response, "De aanmelding voor deze bijeenkomst is gesloten.")
                self.assertNotContains(response, "Log in als lid om u aan te melden.")
        self.assertEqual(response["X-Page-Cache"], "hit")

    def test_a_kept_sector_shows_members_joining_leaving_and_renamed(self):
        self.assertContains(self.kept(SECTOR), "Anna Jansen")
        other = User.objects.create_user(
            "bert@example.org", "een-lang-wachtwoord", display_name="Bert Bakker"
        )
        other.show_on_sector_pages = True
        other.save()
        joined = SectorMembership.objects.create(
            user=other, sector_key=self.climate.translation_key
        )
        self.assertContains(self.again(SECTOR), "Bert Bakker")
        self.kept(SECTOR)
        other.display_name = "Bert de Bakker"
        other.save()
        response = self.again(SECTOR)
        self.assertContains(response, "Bert de Bakker")
        self.kept(SECTOR)
        other.show_on_sector_pages = False
        other.save()
        self.assertNotContains(self.again(SECTOR), "Bert de Bakker")
        self.kept(SECTOR)
        joined.delete()
        other.show_on_sector_pages = True
        other.save()
        self.assertNotContains(self.again(SECTOR), "Bert de Bakker")
        self.kept(SECTOR)
        self.member.delete()
        self.assertNotContains(self.again(SECTOR, hit=False), "Anna Jansen")

    def test_a_kept_story_shows_its_authors_new_name_and_departure(self):
        self.assertContains(self.kept(STORY), "door Anna Jansen, lid")
        self.member.display_name = "Anna de Vries"
        self.member.save()
        self.assertContains(self.again(STORY, hit=False), "door Anna de Vries, lid")
        self.kept(STORY)
        self.member.delete()
        self.assertContains(self.again(STORY, hit=False), "door een voormalig lid")

    def test_an_editors_copy_of_a_members_meeting_forgets_them_with_their_account(self):
        # Found by the attack pass: an editor's copy of the meeting (its own page, its own
        # translation key, not the member's) kept the name after the member left.
        MeetingPage.objects.filter(translation_key=self.small.translation_key).update(
            organiser="Anna Jansen", organiser_member=self.member, member_contribution=True
        )
        MeetingPage.objects.filter(pk=self.small.pk).update(owner=self.member)
        source = MeetingPage.objects.get(pk=self.small.pk)
        source.save_revision().publish()
        copy = source.copy(update_attrs={"title": "Kopie", "slug": "kopie"}, keep_live=True)
        MeetingPage.objects.filter(pk=copy.pk).update(owner=None)
        self.assertContains(Client().get("/nl/agenda/kopie/"), "Anna Jansen")
        delete_account(User.objects.get(pk=self.member.pk))
        response = Client().get("/nl/agenda/kopie/")
        self.assertContains(response, "voormalig lid")
        self.assertNotContains(response, "Anna Jansen")
        for revision in copy.revisions.all():
            self.assertNotIn("Anna Jansen", json.dumps(revision.content))
            self.assertIsNone(revision.content.get("organiser_member"))

    def test_a_kept_meeting_names_its_organising_member_by_their_new_name(self):
        MeetingPage.objects.filter(translation_key=self.small.translation_key).update(
            organiser="Anna Jansen", organiser_member=self.member, member_contribution=True
        )
        MeetingPage.objects.filter(pk=self.small.pk).update(owner=self.member)
        for url in (MEETING, "/de/kalender/klein/"):
            self.assertContains(self.kept(url), '"name":"Anna Jansen"')
        self.member.display_name = "Anna de Vries"
        self.member.save()
        for url, said in (
            (MEETING, "Anna de Vries, lid"),
            ("/de/kalender/klein/", "Anna de Vries, Mitglied"),
        ):
            response = self.again(url, hit=False)
            self.assertContains(response, "Anna de Vries", count=2)  # the page and its JSON-LD
            # Said to be a member's, as a story's byline is (attack 37: a member's meeting read
            # as the foundation's).
            self.assertContains(response, said, count=1)
            self.assertNotContains(response, "Anna Jansen")
            self.kept(url)
        delete_account(User.objects.get(pk=self.member.pk))
        response = self.again(MEETING, hit=False)
        self.assertContains(response, "voormalig lid")
        self.assertNotContains(response, "Anna de Vries")

    def test_a_members_action_elsewhere_keeps_the_parts(self):
        self.kept(MEETING)
        self.kept(SECTOR)
        other = User.objects.create_user("bert@example.org", "een-lang-wachtwoord")
        Registration.objects.register(MeetingPage.objects.get(pk=self.other_meeting.pk), other)
        SectorMembership.objects.create(user=other, sector_key=self.farming.translation_key)
        with self.assertNumQueries(0):
            self.client.get(MEETING)
            self.client.get(SECTOR)

    def test_members_are_never_shown_the_parts_kept_for_visitors(self):
        self.kept(MEETING)
        Registration.objects.register(MeetingPage.objects.get(pk=self.small.pk), self.member)
        self.kept(MEETING)
        member = Client()
        member.force_login(self.member)
        own = member.get(MEETING)
        self.assertEqual(own["X-Page-Cache"], "hit")
        self.assertContains(own, "U bent aangemeld voor deze bijeenkomst.")
        self.assertNotContains(self.client.get(MEETING), "U bent aangemeld")

    def test_a_page_is_one_read_of_the_cache_with_its_kept_parts(self):
        # The header's account links only: kept in the entry for anonymous visitors (found by
        # make bench: a second read of the cache on every page cost 15 %). A meeting's, a
        # sector's and a story's parts: read with the page once the process knows their keys.
        for url in ("/nl/", MEETING, SECTOR, STORY):
            with self.subTest(url=url):
                self.kept(url)
                with cache_reads() as reads:
                    response = self.client.get(url)
                self.assertEqual(response["X-Page-Cache"], "hit")
                self.assertEqual(reads, ["get_many"])

    def test_a_cookie_of_a_session_that_holds_nothing_gets_the_kept_parts_too(self):
        self.kept(MEETING)
        stale = Client()
        stale.cookies[settings.SESSION_COOKIE_NAME] = "doesnotexist"
        with self.assertNumQueries(1):  # looking for the session
            response = stale.get(MEETING)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, "2 van 2 plaatsen vrij")

    def test_a_member_is_shown_the_byline_kept_for_everyone_and_its_changes(self):
        self.kept(STORY)
        reader = User.objects.create_user("bert@example.org", "een-lang-wachtwoord")
        member = Client()
        member.force_login(reader)
        member.get(STORY)
        sessions_in_cache = settings.SESSION_ENGINE.endswith("cached_db")
        with self.assertNumQueries(0 if sessions_in_cache else 1):
            response = member.get(STORY)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, "door Anna Jansen, lid")
        self.assertContains(response, "Uitloggen")
        self.member.display_name = "Anna de Vries"
        self.member.save()
        self.client.get(STORY)
        response = member.get(STORY)
        self.assertContains(response, "door Anna de Vries, lid")
        self.assertNotContains(response, "Anna Jansen")
