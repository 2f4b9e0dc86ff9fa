"""The anonymous page cache, its invalidation, Wagtail's front-end cache purges, and the query
budget of every kind of page."""

import datetime
import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import time_machine
import wagtail_factories
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from community.models import SectorMembership, User
from exchanges.models import MeetingPage, Registration
from home.cache import IMAGES, PAGES, SETTINGS, versions
from home.models import FoundationSettings
from tests.calendar_base import CalendarMixin, local

NOW = local(2026, 3, 2, 10, 0)


@time_machine.travel(NOW, tick=False)
class CachedSiteTestCase(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.first_story = cls.story(title="Fietsen naar Clarholz", slug="fietsen")
        cls.first_story_de = cls.translated(
            cls.first_story, title="Radtour nach Clarholz", slug="radtour"
        )
        cls.small = cls.meeting(
            local(2026, 3, 20, 19, 0), title="Kleine groep", slug="klein", capacity=2
        )
        cls.small_de = cls.translated(cls.small, title="Kleine Gruppe", slug="klein")
        cls.member = User.objects.create_user(
            "anna@example.org", "een-lang-wachtwoord", display_name="Anna Jansen"
        )

    def assert_published_edit_shows_at_once(self, url):
        self.assertContains(self.client.get(url), "Fietsen naar Clarholz")
        self.first_story.title = "Fietsen naar Herzebrock"
        self.first_story.save_revision().publish()
        response = self.client.get(url)
        self.assertContains(response, "Fietsen naar Herzebrock")
        self.assertNotContains(response, "Fietsen naar Clarholz")

    def queries(self, url):
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response, len(captured)


@override_settings(PAGE_CACHE_SECONDS=300)
class AnonymousPageCacheTests(CachedSiteTestCase):
    def test_second_anonymous_visit_is_served_without_queries(self):
        first, _ = self.queries("/nl/verhalen/")
        second, count = self.queries("/nl/verhalen/")
        self.assertEqual(first["X-Page-Cache"], "miss")
        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(count, 0)
        self.assertEqual(second.content, first.content)
        self.assertIn("Content-Security-Policy", second)
        self.assertEqual(second["X-Frame-Options"], "DENY")

    def test_shared_pages_go_compressed_to_clients_that_accept_it(self):
        first = self.client.get("/nl/calendar.ics")
        compressed = self.client.get("/nl/calendar.ics", HTTP_ACCEPT_ENCODING="gzip, br")
        plain = self.client.get("/nl/calendar.ics")
        self.assertEqual(compressed["Content-Encoding"], "gzip")
        self.assertEqual(gzip.decompress(compressed.content), first.content)
        self.assertNotIn("Content-Encoding", plain)
        self.assertEqual(plain.content, first.content)
        self.assertIn("Accept-Encoding", compressed["Vary"])

    def test_a_page_from_the_cache_says_its_length(self):
        for encoding in ("", "gzip"):
            for url in ("/nl/verhalen/", "/nl/agenda/klein/"):
                with self.subTest(url=url, encoding=encoding):
                    self.client.get(url)
                    response = self.client.get(url, HTTP_ACCEPT_ENCODING=encoding)
                    self.assertEqual(response["X-Page-Cache"], "hit")
                    self.assertEqual(int(response["Content-Length"]), len(response.content))

    def test_a_client_that_refuses_gzip_gets_the_page_plain(self):
        first = self.client.get("/nl/calendar.ics")
        for refusal in ("gzip;q=0", "br, gzip; q=0.0", "*;q=0", "identity"):
            with self.subTest(accept_encoding=refusal):
                response = self.client.get("/nl/calendar.ics", HTTP_ACCEPT_ENCODING=refusal)
                self.assertNotIn("Content-Encoding", response)
                self.assertEqual(response.content, first.content)
        for taken in ("gzip;q=0.5, br", "*", "x-gzip"):
            with self.subTest(accept_encoding=taken):
                response = self.client.get("/nl/calendar.ics", HTTP_ACCEPT_ENCODING=taken)
                self.assertEqual(response["Content-Encoding"], "gzip")

    def test_each_language_is_kept_apart(self):
        self.client.get("/nl/verhalen/")
        german = self.client.get("/de/geschichten/")
        self.assertEqual(german["X-Page-Cache"], "miss")
        self.assertContains(german, "Radtour nach Clarholz")
        self.assertNotContains(german, "Fietsen naar Clarholz")
        self.assertEqual(german["Content-Language"], "de")

    def test_filtered_addresses_are_separate_pages(self):
        self.client.get("/nl/verhalen/")
        filtered = self.client.get("/nl/verhalen/?town=herzebrock-clarholz")
        self.assertEqual(filtered["X-Page-Cache"], "miss")
        self.assertNotContains(filtered, "Fietsen naar Clarholz")

    def test_publishing_a_story_shows_it_on_the_overview_and_home_page(self):
        for url in ("/nl/verhalen/", "/nl/"):
            self.client.get(url)
        self.story(title="Boerenbezoek in Clarholz", slug="boerenbezoek")
        for url in ("/nl/verhalen/", "/nl/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response["X-Page-Cache"], "miss")
                self.assertContains(response, "Boerenbezoek in Clarholz")

    def test_unpublishing_a_story_removes_it_and_its_page(self):
        self.client.get("/nl/verhalen/")
        self.client.get("/nl/verhalen/fietsen/")
        self.first_story.unpublish()
        self.assertNotContains(self.client.get("/nl/verhalen/"), "Fietsen naar Clarholz")
        self.assertEqual(self.client.get("/nl/verhalen/fietsen/").status_code, 404)

    def test_moving_a_page_changes_where_it_is_served(self):
        self.client.get("/nl/verhalen/fietsen/")
        other_index = self.add_page(title="Archief", slug="archief")
        self.first_story.move(other_index, pos="last-child")
        self.assertRedirects(
            self.client.get("/nl/verhalen/fietsen/"), "/nl/archief/fietsen/", status_code=301
        )
        self.assertContains(self.client.get("/nl/archief/fietsen/"), "Fietsen naar Clarholz")

    def test_a_registration_updates_the_free_places(self):
        self.assertContains(self.client.get("/nl/agenda/klein/"), "2 van 2 plaatsen vrij")
        Registration.objects.register(MeetingPage.objects.get(pk=self.small.pk), self.member)
        self.assertContains(self.client.get("/nl/agenda/klein/"), "1 van 2 plaatsen vrij")

    def test_logged_in_member_gets_own_page_never_a_shared_one(self):
        anonymous = self.client.get("/nl/verhalen/")
        self.client.force_login(self.member)
        response = self.client.get("/nl/verhalen/")
        # The shared entry with her own account links (tests/test_member_page_cache.py).
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, "Uitloggen")
        self.assertIn("private", response["Cache-Control"])
        self.client.logout()
        self.client.cookies.clear()
        again = self.client.get("/nl/verhalen/")
        self.assertEqual(again["X-Page-Cache"], "hit")
        self.assertEqual(again.content, anonymous.content)
        self.assertNotContains(again, "Anna Jansen")

    def test_pages_with_a_form_token_are_not_shared(self):
        first = self.client.get("/nl/accounts/login/")
        second = self.client.get("/nl/accounts/login/")
        self.assertNotIn("X-Page-Cache", first)
        self.assertNotIn("X-Page-Cache", second)

    def test_shared_caches_may_keep_a_page_browsers_ask_again(self):
        response = self.client.get("/nl/verhalen/")
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        self.assertTrue({"public", "max-age=0", "s-maxage=300"} <= cache_control)

    def test_feeds_keep_their_own_cache_headers(self):
        response = self.client.get("/nl/feeds/stories.rss")
        self.assertIn("max-age=900", response["Cache-Control"])
        self.assertEqual(self.client.get("/nl/feeds/stories.rss")["X-Page-Cache"], "hit")

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_switched_off_by_setting(self):
        self.client.get("/nl/verhalen/")
        self.assertNotIn("X-Page-Cache", self.client.get("/nl/verhalen/"))


class CardFragmentTests(CachedSiteTestCase):
    """Story, meeting and sector cards are kept as rendered fragments (page cache off here)."""

    def test_a_card_shows_the_published_edit(self):
        self.assert_published_edit_shows_at_once("/nl/verhalen/")

    def test_each_language_has_its_own_cards(self):
        self.client.get("/nl/verhalen/")
        german = self.client.get("/de/geschichten/")
        self.assertContains(german, "Radtour nach Clarholz")
        self.assertContains(german, "Mai\xa02024")


class ContentFragmentTests(CachedSiteTestCase):
    """Page bodies are kept as rendered fragments of the content generation (page cache off
    here, as for a logged-in member): a change shows at once, the visitor's own parts never come
    from the cache, and what depends on the clock follows it."""

    def test_a_story_shows_the_published_edit_at_once(self):
        self.assert_published_edit_shows_at_once("/nl/verhalen/fietsen/")

    def test_a_filtered_listing_is_not_shown_for_another_filter(self):
        filtered = self.client.get("/nl/verhalen/?town=herzebrock-clarholz")
        self.assertNotContains(filtered, "Fietsen naar Clarholz")
        self.assertContains(self.client.get("/nl/verhalen/"), "Fietsen naar Clarholz")
        invalid = self.client.get("/nl/verhalen/?town=nergens")
        self.assertContains(invalid, "Fietsen naar Clarholz")
        self.assertContains(invalid, 'aria-invalid="true"')
        self.assertNotContains(self.client.get("/nl/verhalen/"), 'aria-invalid="true"')

    def test_upcoming_meetings_follow_the_clock(self):
        for url in ("/nl/", "/nl/agenda/"):
            self.assertContains(self.client.get(url), "Kleine groep")
        with time_machine.travel(local(2026, 3, 21, 10, 0), tick=False):
            for url in ("/nl/", "/nl/agenda/"):
                with self.subTest(url=url):
                    self.assertNotContains(self.client.get(url), "Kleine groep")
            self.assertContains(self.client.get("/nl/agenda/?view=past"), "Kleine groep")

    def test_a_members_own_parts_never_come_from_the_cache(self):
        self.client.get("/nl/sectoren/duurzaamheid/")
        self.client.get("/nl/agenda/klein/")
        self.client.force_login(self.member)
        sector = self.client.get("/nl/sectoren/duurzaamheid/")
        self.assertContains(sector, "csrfmiddlewaretoken")
        self.assertContains(sector, f'action="/nl/members/sectors/{self.climate.pk}/join/"')
        meeting = self.client.get("/nl/agenda/klein/")
        self.assertContains(meeting, "csrfmiddlewaretoken")
        self.assertContains(meeting, "Uitloggen")

    def test_an_editors_preview_shows_the_draft(self):
        # On the site's own host, as the preview request is made.
        published = self.client.get("/nl/verhalen/fietsen/", HTTP_HOST="localhost")
        self.assertContains(published, "Fietsen naar Clarholz")
        self.first_story.title = "Concept: fietsen naar Herzebrock"
        self.first_story.save_revision()
        draft = self.first_story.get_latest_revision_as_object()
        preview = draft.make_preview_request()
        self.assertContains(preview, "Concept: fietsen naar Herzebrock")
        published = self.client.get("/nl/verhalen/fietsen/", HTTP_HOST="localhost")
        self.assertNotContains(published, "Concept:")

    def test_the_calendar_feed_shows_a_new_meeting_at_once(self):
        self.assertNotContains(self.client.get("/nl/calendar.ics"), "Nieuwe bijeenkomst")
        self.meeting(local(2026, 3, 25, 19, 0), title="Nieuwe bijeenkomst", slug="nieuw")
        self.assertContains(self.client.get("/nl/calendar.ics"), "Nieuwe bijeenkomst")

    def test_a_deleted_members_name_leaves_their_story_at_once(self):
        self.first_story.author = self.member
        self.first_story.member_contribution = True
        self.first_story.save_revision().publish()
        self.assertContains(self.client.get("/nl/verhalen/fietsen/"), "door Anna Jansen")
        self.member.delete()
        response = self.client.get("/nl/verhalen/fietsen/")
        self.assertNotContains(response, "Anna Jansen")
        self.assertContains(response, "door een voormalig lid")

    @override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    )
    def test_without_a_reachable_cache_pages_show_the_published_edit(self):
        # A cache that keeps nothing answers as Redis does when it is down (IGNORE_EXCEPTIONS).
        self.assertContains(self.client.get("/nl/verhalen/fietsen/"), "Fietsen naar Clarholz")
        self.first_story.title = "Fietsen naar Herzebrock"
        self.first_story.save_revision().publish()
        self.assertContains(self.client.get("/nl/verhalen/fietsen/"), "Fietsen naar Herzebrock")


@override_settings(PAGE_CACHE_SECONDS=300)
class MembersActivityTests(CachedSiteTestCase):
    """What members do changes what they change, live, and leaves the rest of the site cached."""

    def test_a_member_joining_a_sector_keeps_the_home_page_cached(self):
        self.client.get("/nl/")
        member = Client()
        member.force_login(self.member)
        member.post(f"/nl/members/sectors/{self.climate.pk}/join/")
        self.assertTrue(SectorMembership.objects.for_sector(self.climate).exists())
        response, count = self.queries("/nl/")
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertEqual(count, 0)

    def test_a_member_joining_a_sector_is_listed_there_at_once(self):
        self.member.show_on_sector_pages = True
        self.member.save()
        self.assertNotContains(self.client.get("/nl/sectoren/duurzaamheid/"), "Anna Jansen")
        SectorMembership.objects.create(user=self.member, sector_key=self.climate.translation_key)
        self.assertContains(self.client.get("/nl/sectoren/duurzaamheid/"), "Anna Jansen")

    def test_places_left_are_live_while_the_meeting_stays_cached(self):
        self.assertContains(self.client.get("/nl/agenda/klein/"), "2 van 2 plaatsen vrij")
        # Changed behind the cache's back (no signal): what still shows was kept.
        MeetingPage.objects.filter(pk=self.small.pk).update(title="Ongezien veranderd")
        Registration.objects.register(MeetingPage.objects.get(pk=self.small.pk), self.member)
        response = self.client.get("/nl/agenda/klein/")
        self.assertContains(response, "1 van 2 plaatsen vrij")
        self.assertContains(response, "<h1>Kleine groep</h1>", html=False)
        self.assertEqual(response["X-Page-Cache"], "hit")

    def test_a_members_new_name_shows_on_their_story_at_once(self):
        self.first_story.author = self.member
        self.first_story.member_contribution = True
        self.first_story.save_revision().publish()
        self.assertContains(self.client.get("/nl/verhalen/fietsen/"), "door Anna Jansen")
        self.member.display_name = "Anna de Vries"
        self.member.save()
        self.assertContains(self.client.get("/nl/verhalen/fietsen/"), "door Anna de Vries")

    def test_only_the_kind_of_content_changed_gets_a_new_version(self):
        before = versions()
        footer = FoundationSettings.for_site(Site.objects.get(is_default_site=True))
        footer.save()
        Registration.objects.register(MeetingPage.objects.get(pk=self.small.pk), self.member)
        after = versions()
        self.assertNotEqual(after.get(SETTINGS), before.get(SETTINGS))
        self.assertEqual(after.get(PAGES), before.get(PAGES))
        self.assertEqual(after.get(IMAGES), before.get(IMAGES))


DUMMY_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@override_settings(PAGE_CACHE_SECONDS=300, CACHE_VERSION_SECONDS=1)
class FaultTests(CachedSiteTestCase):
    """Never stale, also when the cache was away or the media moved."""

    def test_a_publish_while_the_cache_is_down_is_not_served_stale_after(self):
        self.assertContains(self.client.get("/nl/verhalen/"), "Fietsen naar Clarholz")
        # The cache cannot be reached (as Redis with IGNORE_EXCEPTIONS): it keeps nothing.
        with override_settings(CACHES=DUMMY_CACHE):
            self.first_story.title = "Fietsen naar Herzebrock"
            self.first_story.save_revision().publish()
            self.assertContains(self.client.get("/nl/verhalen/"), "Fietsen naar Herzebrock")
        # Back, with everything it held before, as a Redis that was unreachable for a while.
        time.sleep(1.1)
        with time_machine.travel(NOW + datetime.timedelta(seconds=2), tick=False):
            response = self.client.get("/nl/verhalen/")
        self.assertContains(response, "Fietsen naar Herzebrock")
        self.assertNotContains(response, "Fietsen naar Clarholz")

    def test_what_was_stored_while_a_publish_was_being_committed_is_not_served(self):
        # Another server may read the new version before the publish is committed, and store
        # the old page under it: the version is replaced again once committed.
        with self.captureOnCommitCallbacks(execute=True):
            self.first_story.title = "Fietsen naar Herzebrock"
            self.first_story.save_revision().publish()
            during = versions()[PAGES]
        self.assertNotEqual(versions()[PAGES], during)

    def test_a_new_media_address_changes_the_image_addresses_served(self):
        self.first_story.image = wagtail_factories.ImageFactory()
        self.first_story.image_alt = "Fietsers bij de kerk"
        self.first_story.save_revision().publish()
        for url in ("/nl/verhalen/", "/nl/verhalen/fietsen/"):
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), 'srcset="/media/images/')
                with override_settings(MEDIA_URL="https://media.example.org/"):
                    response = self.client.get(url)
                self.assertContains(response, 'srcset="https://media.example.org/images/')
                self.assertNotContains(response, 'srcset="/media/images/')

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_a_new_media_address_changes_the_image_addresses_of_fragments(self):
        self.test_a_new_media_address_changes_the_image_addresses_served()


class PurgeRecorder(BaseHTTPRequestHandler):
    """A caching proxy's purge endpoint, as Varnish or nginx offer it."""

    purged = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


class RecordedPurgesMixin:
    """Wagtail's front-end cache purges sent to a proxy on loopback that records them."""

    def setUp(self):
        super().setUp()
        PurgeRecorder.purged = []
        self.proxy = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
        threading.Thread(target=self.proxy.serve_forever, daemon=True).start()
        self.addCleanup(self.proxy.server_close)
        self.addCleanup(self.proxy.shutdown)
        backend = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
        location = f"http://127.0.0.1:{self.proxy.server_port}"
        settings = override_settings(
            WAGTAILFRONTENDCACHE={"proxy": {"BACKEND": backend, "LOCATION": location}}
        )
        settings.enable()
        self.addCleanup(settings.disable)


class FrontendCachePurgeTests(RecordedPurgesMixin, CachedSiteTestCase):
    def test_publishing_a_story_purges_it_and_every_page_that_lists_it(self):
        story = self.story(title="Boerenbezoek", slug="boerenbezoek", sectors=[self.climate])
        story.save_revision().publish()
        paths = {path for _, path in PurgeRecorder.purged}
        expected = {
            "/nl/verhalen/boerenbezoek/",
            "/nl/verhalen/",
            "/nl/",
            "/nl/sectoren/duurzaamheid/",
            "/nl/feeds/stories.rss",
            "/nl/feeds/sectors/duurzaamheid.rss",
            "/nl/calendar.ics",
        }
        self.assertTrue(expected <= paths, expected - paths)
        self.assertEqual({host for host, _ in PurgeRecorder.purged}, {"localhost"})

    def test_unpublishing_a_meeting_purges_the_calendar(self):
        self.small.unpublish()
        paths = {path for _, path in PurgeRecorder.purged}
        self.assertTrue({"/nl/agenda/klein/", "/nl/agenda/", "/nl/"} <= paths, paths)


@time_machine.travel(NOW, tick=False)
@override_settings(CACHE_RENDERED_HTML=False)
class QueryBudgetPerPageTests(CachedSiteTestCase):
    """Every public page within 12 queries once the content cache holds the shared parts
    (navigation, language versions), as on a running server, while rendering its body (not taken
    from the content cache as rendered HTML); the page cache is off."""

    BUDGET = 12

    URLS = (
        "/nl/",
        "/de/",
        "/nl/sectoren/",
        "/nl/sectoren/duurzaamheid/",
        "/de/fachgruppen/nachhaltigkeit/",
        "/nl/verhalen/",
        "/nl/verhalen/?sector=duurzaamheid&year=2026",
        "/nl/verhalen/fietsen/",
        "/de/geschichten/radtour/",
        "/nl/agenda/",
        "/nl/agenda/?view=month&month=2026-03",
        "/nl/agenda/?view=past",
        "/nl/agenda/klein/",
        "/de/kalender/klein/",
        "/nl/search/?q=fietsen",
        "/nl/feeds/stories.rss",
        "/nl/calendar.ics",
    )

    def test_every_kind_of_page_stays_within_the_budget(self):
        for url in self.URLS:
            with self.subTest(url=url):
                self.client.get(url)
                _, count = self.queries(url)
                self.assertLessEqual(count, self.BUDGET)

    @override_settings(CACHE_RENDERED_HTML=True)
    def test_with_rendered_bodies_cached_a_page_takes_a_few_queries(self):
        # Wagtail's routing (the site, the language, a query per level of the tree) and the
        # parts rendered live (places left, a sector's members).
        kept = [url for url in self.URLS if "/search/" not in url and "/feeds/" not in url]
        for url in kept:
            with self.subTest(url=url):
                self.client.get(url)
                _, count = self.queries(url)
                self.assertLessEqual(count, 10)
