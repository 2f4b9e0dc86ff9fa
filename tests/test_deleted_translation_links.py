"""Links to a deleted translation keep working (attack of 2026-12-04, F3): deleting the German
version of a meeting moved its registrations to the Dutch page, but the German links in the
emails the members had (confirmation, reminder, invitation) answered "page not found"."""

from contextlib import nullcontext

from django.db import connection
from django.test import TestCase, TransactionTestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from community.models import User
from exchanges.factories import StoryIndexPageFactory
from exchanges.models import MeetingPage, Registration, StoryPage
from home.redirects import ADDRESS_KEPT, give_the_language_its_section
from tests.security.test_mail_outage import run_worker
from tests.stories_base import StoriesMixin
from tests.test_meeting_deletion import (
    MeetingWithRegistrationsCase,
    bulk_delete_url,
    delete_url,
)


class DeletedTranslationTests(MeetingWithRegistrationsCase):
    """The Dutch bike ride and its German translation, Anke registered; a German editor."""

    def setUp(self):
        super().setUp()
        self.german_address = self.bike_ride_de.url

    def delete_german_version(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailadmin_pages:delete", args=[self.bike_ride_de.pk])
            )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(MeetingPage.objects.filter(pk=self.bike_ride_de.pk).exists())
        self.client.logout()

    def test_the_german_address_of_a_deleted_translation_leads_to_the_meeting(self):
        self.assertEqual(self.client.get(self.german_address).status_code, 200)
        self.delete_german_version()
        response = self.client.get(self.german_address)
        self.assertEqual(response.status_code, 302)
        # In the German site, as every untranslated page is (walk of 2026-12-05: it led into
        # the Dutch site, whose language switcher led German readers to /de/ only).
        alias = MeetingPage.objects.get(alias_of=self.bike_ride)
        self.assertEqual(alias.locale.language_code, "de")
        self.assertTrue(alias.live)
        self.assertEqual(response["Location"], alias.url)
        self.assertTrue(alias.url.startswith("/de/"))
        page = self.client.get(alias.url)
        self.assertContains(page, "Fietstocht")
        self.assertContains(page, '<html lang="de">')
        self.assertContains(page, "Diese Seite ist noch nicht übersetzt")
        # Listed again in the German calendar.
        self.assertContains(self.client.get(self.calendar_de.url), alias.url)
        # Anke is still registered, on the meeting the link now leads to.
        self.assertEqual(
            Registration.objects.active().get().meeting_key, self.bike_ride.translation_key
        )

    def test_a_translation_published_again_at_that_address_is_shown(self):
        self.delete_german_version()
        # The editors translate the meeting again: its German alias becomes a translation.
        again = MeetingPage.objects.get(alias_of=self.bike_ride)
        again.alias_of, again.title, again.slug = None, "Radtour am Abend", "radtour"
        again.save_revision().publish()
        again.refresh_from_db()
        self.assertEqual(again.url, self.german_address)
        self.assertContains(self.client.get(self.german_address), "Radtour am Abend")
        # Taken back for good: unpublished later, its address does not lead to another page
        # (attack of 2026-12-05, F4).
        self.assertFalse(Redirect.objects.exists())
        again.unpublish()
        self.assertEqual(self.client.get(self.german_address).status_code, 404)

    def test_the_address_of_a_private_page_does_not_lead_to_it(self):
        """Whoever follows the old address of a page behind a password does not learn where
        its other version is (attack of 2026-12-05, F3)."""
        PageViewRestriction.objects.create(
            page=self.bike_ride, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        self.delete_german_version()
        self.assertFalse(Redirect.objects.exists())
        self.assertEqual(self.client.get(self.german_address).status_code, 404)

    def test_a_page_deleted_in_every_language_is_gone(self):
        Registration.objects.cancel(self.bike_ride, self.anke)
        bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"{bulk}?id={self.bike_ride.pk}&id={self.bike_ride_de.pk}")
        self.assertFalse(MeetingPage.objects.exists())
        self.assertFalse(Redirect.objects.exists())
        self.client.logout()
        self.assertEqual(self.client.get(self.german_address).status_code, 404)
        self.assertEqual(self.client.get(self.bike_ride.url).status_code, 404)


class GermanSectionMixin(StoriesMixin):
    """The story overview and three stories in Dutch and German; a German editor deletes the
    German overview, and its stories with it."""

    COUNT = 3

    @classmethod
    def build_section(cls):
        cls.build_stories()
        cls.editor = User.objects.create_superuser("redaktion@example.org", "x", language="de")
        cls.stories = [
            cls.story(title=f"Verhaal {number}", slug=f"verhaal-{number}")
            for number in range(cls.COUNT)
        ]
        cls.stories_de = [
            cls.translated(story, title=f"Geschichte {number}", slug=f"geschichte-{number}")
            for number, story in enumerate(cls.stories)
        ]

    def delete_german_overview(self):
        self.client.force_login(self.editor)
        # Outside a test's transaction (TransactionTestCase) the deletion is committed for real.
        capture = getattr(self, "captureOnCommitCallbacks", None)
        with capture(execute=True) if capture else nullcontext():
            response = self.client.post(delete_url(self.story_index_de))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(StoryPage.objects.filter(locale=self.german, alias_of=None).exists())
        self.client.logout()


class DeletedGermanSectionTests(GermanSectionMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_section()

    def test_every_german_address_of_the_section_leads_to_the_german_site(self):
        addresses = [self.story_index_de.url] + [story.url for story in self.stories_de]
        self.delete_german_overview()
        sources = [self.story_index] + self.stories
        for address, source in zip(addresses, sources, strict=True):
            with self.subTest(address):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 302)
                alias = Page.objects.get(alias_of=source)
                self.assertEqual(alias.locale, self.german)
                self.assertTrue(alias.live)
                self.assertTrue(alias.url.startswith("/de/"))
                self.assertEqual(response["Location"], alias.url)
                self.assertContains(self.client.get(alias.url), '<html lang="de">')


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
class DeletedSectionByTheWorkerTests(GermanSectionMixin, TransactionTestCase):
    """As a deployment runs: the task worker (`manage.py db_worker`) makes the aliases and the
    redirects once the deletion is committed. (Its connection is closed after it ran: not within
    a test's transaction.)"""

    def setUp(self):
        self.build_section()
        run_worker()  # what building the site queued

    def test_the_worker_makes_the_aliases_not_the_editors_request(self):
        """Making an alias is Wagtail's, about 50 queries a page: in the request, deleting a
        German section of 500 stories took minutes (helper's measurement of 2026-12-05)."""
        addresses = [self.story_index_de.url] + [story.url for story in self.stories_de]
        self.delete_german_overview()
        self.assertFalse(Page.objects.filter(alias_of__isnull=False, locale=self.german).exists())
        self.assertEqual(self.client.get(addresses[-1]).status_code, 404)
        run_worker()
        response = self.client.get(addresses[-1])
        self.assertEqual(response["Location"], Page.objects.get(alias_of=self.stories[-1]).url)

    def test_a_draft_translation_made_before_the_worker_ran_is_not_where_the_address_leads(self):
        """An editor submitted the Dutch story for translation again before the worker ran: the
        German draft it made was the redirect's target, and the public old address told the
        draft's address (attack of 2026-12-05, F3)."""
        address = self.stories_de[0].url
        self.delete_german_overview()
        draft = self.stories[0].copy_for_translation(self.german, copy_parents=True)
        self.assertFalse(draft.live)
        run_worker()
        response = self.client.get(address)
        self.assertEqual(response.status_code, 302)
        self.assertNotEqual(response["Location"], draft.url)
        self.assertEqual(self.client.get(response["Location"]).status_code, 200)
        # Once the translation is published, the old German address leads to it, not to the
        # Dutch page (second attack of 2026-12-05, F2).
        draft.save_revision().publish()
        draft.refresh_from_db()
        self.assertEqual(self.client.get(address)["Location"], draft.url)


class DeletedSectionCostTests(StoriesMixin, TestCase):
    """Deleting a section of thousands of stories made a redirect, and asked for the version
    that stays, one page at a time, in the request. Three times as many pages cost no more
    queries for their redirects: what grows is Wagtail's own work, a page at a time, deleting
    the pages (as for a section whose Dutch version is offline, which leads nowhere) and making
    each page's alias (as when a section is aliased without any deletion)."""

    N = 2

    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        cls.editor = User.objects.create_superuser("redaktion@example.org", "x", language="de")

    def section(self, name, count, *, german=True, dutch_online=True):
        index = StoryIndexPageFactory(parent=self.home, title=name, slug=name)
        stories = [
            self.story(parent=index, title=f"{name} {number}", slug=f"{name}-{number}")
            for number in range(count)
        ]
        if german:
            index_de = self.translated(index, slug=f"{name}-de")
            for story in stories:
                self.translated(story, slug=f"{story.slug}-de")
        if not dutch_online:
            index.unpublish()
            for story in stories:
                story.unpublish()
        return index_de if german else index

    def growth_to_delete(self, **kwargs):
        self.client.force_login(self.editor)
        counts = []
        for count in (self.N, 3 * self.N):
            section = self.section(f"sectie-{len(counts)}-{len(kwargs)}", count, **kwargs)
            with CaptureQueriesContext(connection) as queries:
                with self.captureOnCommitCallbacks(execute=True):
                    self.client.post(delete_url(section))
            counts.append(len(queries))
        return counts[1] - counts[0]

    def growth_to_alias(self):
        counts = []
        for count in (self.N, 3 * self.N):
            section = self.section(f"alias-{count}", count, german=False)
            with CaptureQueriesContext(connection) as queries:
                with self.captureOnCommitCallbacks(execute=True):
                    give_the_language_its_section(section, self.german)
            counts.append(len(queries))
        return counts[1] - counts[0]

    def test_the_redirects_of_a_section_take_as_many_queries_for_three_times_the_pages(self):
        growth = self.growth_to_delete()
        self.assertEqual(Redirect.objects.count(), 2 + 4 * self.N)
        wagtails = self.growth_to_delete(dutch_online=False) + self.growth_to_alias()
        # Less than a query for each page more (Wagtail's search index may update one row more).
        self.assertLess(abs(growth - wagtails), 2 * self.N)


class DeleteConfirmationTests(MeetingWithRegistrationsCase):
    """The editor is told, before deleting a translation, where its address will lead."""

    def setUp(self):
        super().setUp()
        Registration.objects.cancel(self.bike_ride, self.anke)

    def note(self):
        with translation.override("de"):
            return str(ADDRESS_KEPT)

    def test_deleting_a_translation_says_its_address_leads_to_the_page_in_its_language(self):
        for response in (
            self.client.get(delete_url(self.bike_ride_de)),
            self.client.get(bulk_delete_url(self.bike_ride_de)),
        ):
            self.assertContains(response, self.note())
            self.assertContains(response, "help-block")

    def test_deleting_every_language_version_says_nothing_of_it(self):
        self.assertNotContains(
            self.client.get(bulk_delete_url(self.bike_ride, self.bike_ride_de)), self.note()
        )
        self.client.post(delete_url(self.bike_ride_de))
        self.assertNotContains(self.client.get(delete_url(self.bike_ride)), self.note())
