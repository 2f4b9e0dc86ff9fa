"""Attack pass 29 on the caching and page-serving layers (issue 14: never stale, also across
faults; members' own actions never invalidate what they don't change). Each test fails until its
finding is fixed."""

import pytest
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from community.models import User
from exchanges.models import MeetingPage
from tests.base import BilingualSiteMixin
from tests.security.test_mail_outage import run_worker
from tests.stories_base import StoriesMixin
from tests.test_caching import CachedSiteTestCase, PurgeRecorder, RecordedPurgesMixin
from tests.test_redis_breaker import TIMEOUT as BREAKER_TIMEOUT
from tests.test_redis_breaker import redis_cache


class Site(BilingualSiteMixin):
    pass


@pytest.mark.django_db(transaction=True)
@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}, PAGE_CACHE_SECONDS=300
)
def test_f1_a_search_made_before_the_worker_indexed_a_publish_is_not_kept_past_it():
    """F1: the page cache keeps a search page under the content versions, which a publish
    replaces at once, while the search index follows later, when the worker runs Wagtail's
    index task. A search made in between is kept for PAGE_CACHE_SECONDS without the page that was
    just published: once the worker has indexed it, visitors still do not find it."""
    Site.build_site()
    run_worker()
    page = Site.add_page(title="Zonnepanelen op de boerderij", slug="zonnepanelen")
    page.save_revision().publish()

    def search():
        return Client().get("/nl/search/?q=zonnepanelen")

    early = search()
    assert "Zonnepanelen op de boerderij" not in early.text  # not indexed yet
    run_worker()
    later = search()
    assert "Zonnepanelen op de boerderij" in later.text, later.get("X-Page-Cache")


@override_settings(PAGE_CACHE_SECONDS=300)
class F2AuthorsRenameEmptiesTheWholeCacheTests(StoriesMixin, TestCase):
    """F2: a member who wrote a published story renames themself (the profile form, 30 times an
    hour): every kind of content version of pages is replaced (community.signal_handlers.
    on_user_saved bumps PAGES), so every page and fragment in the cache, of both languages, is
    made anew for everyone, pages that do not name her too. Any member with one published story
    empties the site's cache at will; a few of them keep it empty."""

    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        cls.author = User.objects.create_user(
            "anna@example.org", "een-lang-wachtwoord", display_name="Anna Jansen"
        )
        cls.story(
            title="Fietsen naar Clarholz",
            slug="fietsen",
            author=cls.author,
            member_contribution=True,
        )
        cls.other = cls.story(title="Boerenbezoek", slug="boerenbezoek")

    def test_a_page_that_does_not_name_her_stays_in_the_cache(self):
        url = self.other.url
        self.assertEqual(self.client.get(url)["X-Page-Cache"], "miss")
        self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")
        member = Client()
        member.force_login(self.author)
        fields = {"display_name": "Anna de Vries", "language": "nl", "town": "", "bio": ""}
        self.assertEqual(member.post("/nl/members/profile/", fields).status_code, 302)
        self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")


@override_settings(PAGE_CACHE_SECONDS=300)
class F3AnyAccountSaveForgetsEveryMemberTests(StoriesMixin, TestCase):
    """F3: any save of any account (a member's new bio, a sign-up, a password reset) replaces
    the roles token every member's remembered account is kept under
    (community.signal_handlers.on_account_saved calls roles.forget_remembered_members), though
    the account's own token (`user:<id>`), replaced by the same handler, already covers what a
    save of that account changes. So one member's profile edit, or a stranger's sign-up, makes
    every logged-in member's next page read their account from the database again."""

    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        cls.story(title="Fietsen naar Clarholz", slug="fietsen")
        cls.anna = User.objects.create_user(
            "anna@example.org", "een-lang-wachtwoord", display_name="Anna Jansen"
        )
        cls.bert = User.objects.create_user(
            "bert@example.org", "een-lang-wachtwoord", display_name="Bert Smit"
        )

    def queries_of_hit(self, client, url):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        self.assertEqual(response["X-Page-Cache"], "hit")
        return len(captured)

    def test_another_members_profile_edit_costs_her_nothing(self):
        url = "/nl/verhalen/"
        Client().get(url)
        anna = Client()
        anna.force_login(self.anna)
        anna.get(url)
        before = self.queries_of_hit(anna, url)
        bert = Client()
        bert.force_login(self.bert)
        fields = {"display_name": "Bert Smit", "language": "nl", "town": "", "bio": "Ik fiets."}
        self.assertEqual(bert.post("/nl/members/profile/", fields).status_code, 302)
        self.assertEqual(self.queries_of_hit(anna, url), before)


class F4FrontEndCacheKeepsMeetingFeedAndSitemapTests(RecordedPurgesMixin, CachedSiteTestCase):
    """F4: with FRONTEND_CACHE_PURGE_URL (a CDN, Varnish), a meeting published with another time
    or cancelled purges its page, its overview, the home page and the calendar feeds, but not the
    meeting's own iCalendar file (`/nl/meetings/<id>.ics`, "add to my calendar", sent `public,
    max-age=900`), nor `/sitemap.xml` (`public, max-age=3600`): the proxy goes on handing out the
    old time, and the sitemap lists an unpublished page for an hour."""

    def test_a_meeting_moved_purges_its_own_calendar_file(self):
        self.small.start = self.small.start.replace(hour=20)
        self.small.save_revision().publish()
        paths = {path for _, path in PurgeRecorder.purged}
        self.assertIn(f"/nl/meetings/{self.small.pk}.ics", paths)

    def test_an_unpublished_page_leaves_the_sitemap(self):
        self.small.unpublish()
        paths = {path for _, path in PurgeRecorder.purged}
        self.assertIn("/sitemap.xml", paths)


@override_settings(PAGE_CACHE_SECONDS=300)
class F5MadeUpMeetingFileAddressesAreKeptTests(CachedSiteTestCase):
    """F5: a meeting's iCalendar file answers under every spelling of its id (`/nl/meetings/
    017.ics`, `0000017.ics`: the id converter takes leading zeros) and under the other
    language's prefix (`/de/meetings/<Dutch id>.ics`, the Dutch meeting in Dutch at a German
    address), and the page cache keeps each as a page of its own: addresses no page links, so
    anyone adds entries that push out what visitors read (17 spellings per meeting and language)."""

    def test_only_the_linked_address_is_kept(self):
        linked = f"/nl/meetings/{self.small.pk}.ics"
        self.assertEqual(self.client.get(linked)["X-Page-Cache"], "miss")
        for made_up in (
            f"/nl/meetings/0{self.small.pk}.ics",
            f"/nl/meetings/0000{self.small.pk}.ics",
            f"/de/meetings/{self.small.pk}.ics",
        ):
            with self.subTest(address=made_up):
                first = self.client.get(made_up)
                self.assertEqual(first.status_code, 200)
                self.assertNotIn("X-Page-Cache", first)
        self.assertEqual(self.client.get(linked)["X-Page-Cache"], "hit")


class F6RedisThatStopsAnsweringTakesTheSiteDownTests(CachedSiteTestCase):
    """F6 (high): Redis that stops answering without refusing connections (hung, swapping, a
    failover, a network partition; rehearsed with SIGSTOP on a redis-server: every page took 66
    to 112 s on `runserver`, and gunicorn's 30 s timeout would kill every worker) costs each
    cache call its whole SOCKET_TIMEOUT (2 s), and a page makes dozens of calls (the versions,
    the entry, its parts' tokens, the rate limit, every `remember` and `{% contentcache %}`
    fragment, each read and then written). home.redis_cache.RedisCache treats an outage as a
    cache that keeps nothing, but only after waiting out each call: the site is down while
    Redis is, though it serves fine without it. Here a listener that takes connections and never
    answers stands in for it, with a timeout of 0.2 s per call: a page should cost a few of them,
    not all."""

    TIMEOUT = BREAKER_TIMEOUT

    def test_a_page_is_served_in_a_few_timeouts(self):
        import socket
        import time

        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(128)
        self.addCleanup(silent.close)
        port = silent.getsockname()[1]
        with override_settings(CACHES=redis_cache(port), PAGE_CACHE_SECONDS=300):
            self.client.get("/nl/verhalen/")  # Redis went away: the first calls find out
            started = time.monotonic()
            response = self.client.get("/nl/verhalen/")
            took = time.monotonic() - started
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Fietsen naar Clarholz")
        self.assertLess(took, 5 * self.TIMEOUT)


# Production's setting: tests and the bench turn the header on (jumelage/settings/test.py).
@override_settings(PAGE_CACHE_SECONDS=300, PAGE_CACHE_HEADER=False)
class F7TheCacheTellsWhatOthersSearchedTests(CachedSiteTestCase):
    """F7 (low, privacy): every answer of the page cache says `X-Page-Cache: hit` or `miss`, so
    any visitor learns whether anybody asked for an address in the last PAGE_CACHE_SECONDS: for
    a search, whether someone searched for a name or a subject (`/nl/search/?q=anna+jansen`).
    The header is for tests and the bench; a production answer need not carry it."""

    def test_a_visitor_cannot_tell_that_another_searched_for_the_same_words(self):
        Client().get("/nl/search/?q=anna+jansen")
        response = self.client.get("/nl/search/?q=anna+jansen")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("X-Page-Cache", response)


class F8AMeetingNamesItsReportToAnyoneTests(CachedSiteTestCase):
    """F8 (medium, rights): a meeting's "Read the report: <title>" (templates/exchanges/
    meeting_page.html, kept in the `meeting` fragment and the page cache) names the story its
    `report` field chooses whatever that story is: a draft not yet published (its title, a link
    to a page not found) or a page behind a login or a password (its title to every visitor).
    Wagtail's chooser offers drafts and private pages alike."""

    def test_a_meeting_names_no_report_its_visitor_may_not_read(self):
        draft = self.story(title="Verslag nog niet af", slug="verslag")
        draft.unpublish()
        private = self.story(title="Verslag voor de leden", slug="verslag-leden")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        for report in (draft, private):
            with self.subTest(report=report.title):
                meeting = MeetingPage.objects.get(pk=self.small.pk)
                meeting.report = report
                meeting.save_revision().publish()
                response = self.client.get("/nl/agenda/klein/")
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, report.title)
        published = self.story(title="Zo ging het", slug="zo-ging-het")
        meeting = MeetingPage.objects.get(pk=self.small.pk)
        meeting.report = published
        meeting.save_revision().publish()
        self.assertContains(self.client.get("/nl/agenda/klein/"), "Lees het verslag: Zo ging het")
