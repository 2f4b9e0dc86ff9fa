"""An expiry date set on a meeting or visit before anyone registered (the page form refuses one
only once members count on it) took the page offline when it passed: the registered members'
emails led to a page not found (defect of 2026-12-04). Run as a deployment runs it: the worker's
schedule (home/schedule.py) runs Wagtail's `publish_scheduled`."""

import datetime

import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import TestCase, TransactionTestCase, override_settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as wagtails  # Wagtail's words: not collected into ours
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from exchanges import expiry
from exchanges.models import MeetingPage, Registration, VisitPage
from exchanges.templatetags.schedule_admin_tags import GOES_OFFLINE_WITH_SOURCE
from home.schedule import ensure_schedule
from tests.calendar_base import CalendarMixin, local
from tests.security.test_mail_outage import run_worker
from tests.visits_base import VisitMixin

User = get_user_model()

NOW = local(2026, 3, 10, 12, 0)
EXPIRY = NOW + datetime.timedelta(days=1)


def run_the_schedule():
    """The worker's chain of scheduled jobs, started as `manage.py resume_work` starts it."""
    ensure_schedule()
    run_worker()


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
class ExpiryOfWhatMembersCountOnTests(VisitMixin, TransactionTestCase):
    def setUp(self):
        traveller = time_machine.travel(NOW, tick=False)
        self.clock = traveller.start()
        self.addCleanup(traveller.stop)
        self.build_visit(
            start_date=datetime.date(2026, 5, 1),
            end_date=datetime.date(2026, 5, 4),
            signup_deadline=local(2026, 4, 1, 12),
        )
        self.bike_ride = self.meeting(local(2026, 3, 20, 19), title="Fietstocht", slug="fiets")
        self.walk = self.meeting(local(2026, 3, 21, 10), title="Wandeling", slug="wandeling")
        for page in (self.bike_ride, self.walk, self.visit):
            page.expire_at = EXPIRY  # no member counted on it yet: the form allowed it
            page.save_revision().publish()
        self.anke = User.objects.create_user("anke@example.org", "x", display_name="Anke")
        Registration.objects.register(self.bike_ride, self.anke)
        self.guest()
        run_worker()  # what building the site queued
        self.clock.shift(datetime.timedelta(days=2))

    def test_a_meeting_members_registered_for_stays_published_and_its_page_opens(self):
        run_the_schedule()
        meeting = MeetingPage.objects.get(pk=self.bike_ride.pk)
        self.assertTrue(meeting.live)
        self.assertIsNone(meeting.expire_at)
        self.assertIsNone(meeting.get_latest_revision_as_object().expire_at)
        self.client.force_login(self.anke)
        response = self.client.get(meeting.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Fietstocht")

    def test_a_visit_members_signed_up_for_stays_published(self):
        run_the_schedule()
        visit = VisitPage.objects.get(pk=self.visit.pk)
        self.assertTrue(visit.live)
        self.assertIsNone(visit.expire_at)
        self.assertEqual(self.client.get(visit.url).status_code, 200)

    def test_the_pages_history_says_why_its_expiry_date_was_cleared(self):
        run_the_schedule()
        entry = PageLogEntry.objects.get(page=self.bike_ride, action=expiry.KEPT)
        with translation.override("en"):
            self.assertEqual(entry.message, str(expiry.KEPT_MESSAGE))

    def test_a_meeting_nobody_counts_on_goes_offline_at_its_expiry(self):
        run_the_schedule()
        walk = MeetingPage.objects.get(pk=self.walk.pk)
        self.assertFalse(walk.live)
        self.assertTrue(walk.expired)
        self.assertEqual(self.client.get(walk.url or "/nl/agenda/wandeling/").status_code, 404)


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
class ScheduledChangeOfAMeetingMembersCountOnTests(VisitMixin, TransactionTestCase):
    """An editor schedules a change of a meeting that carries an expiry date; members register
    before it goes live. At its go-live the page form's rule (no expiry on a meeting members
    count on, MeetingPage.clean) refused it: the change was lost, its schedule cleared, and the
    other pages' scheduled changes of that run were not published (attack of 2026-12-04)."""

    def setUp(self):
        traveller = time_machine.travel(NOW, tick=False)
        self.clock = traveller.start()
        self.addCleanup(traveller.stop)
        self.build_calendar()
        self.bike_ride = self.meeting(local(2026, 3, 20, 19), title="Fietstocht", slug="fiets")
        self.walk = self.meeting(local(2026, 3, 21, 10), title="Wandeling", slug="wandeling")
        self.schedule(self.bike_ride, "Fietstocht langs de Maas", hours=1, expire_at=EXPIRY)
        self.schedule(self.walk, "Wandeling in het bos", hours=2)
        self.anke = User.objects.create_user("anke@example.org", "x", display_name="Anke")
        Registration.objects.register(self.bike_ride, self.anke)
        run_worker()  # what building the site queued
        self.clock.shift(datetime.timedelta(hours=3))

    def schedule(self, page, title, hours, expire_at=None):
        page.save_revision().publish()  # published as editors publish, then changed
        page.refresh_from_db()
        page.title = title
        page.go_live_at = NOW + datetime.timedelta(hours=hours)
        page.expire_at = expire_at
        page.save_revision().publish()

    def test_the_change_goes_live_without_its_expiry_date_and_the_history_says_why(self):
        run_the_schedule()
        meeting = MeetingPage.objects.get(pk=self.bike_ride.pk)
        self.assertEqual(meeting.title, "Fietstocht langs de Maas")
        self.assertTrue(meeting.live)
        self.assertIsNone(meeting.expire_at)
        self.assertIsNone(meeting.get_latest_revision_as_object().expire_at)
        self.assertTrue(PageLogEntry.objects.filter(page=meeting, action=expiry.KEPT).exists())
        self.client.force_login(self.anke)
        self.assertContains(self.client.get(meeting.url), "Fietstocht langs de Maas")

    def test_the_other_pages_scheduled_changes_go_live_in_the_same_run(self):
        run_the_schedule()
        self.assertEqual(MeetingPage.objects.get(pk=self.walk.pk).title, "Wandeling in het bos")


class ExpiryOfATranslationTests(CalendarMixin, TestCase):
    """wagtail-localize's translation editor offers no publishing schedule, and a translation's
    expiry is its own, which wagtail-localize never syncs: the Dutch meeting went offline at its
    expiry and the German one stayed on the site, an expiry no German editor could set. A
    meeting's expiry is set on its source, as its time is, and its translations follow."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.expiry = timezone.now() + datetime.timedelta(days=1)
        cls.after_expiry = cls.expiry + datetime.timedelta(hours=1)

    def setUp(self):
        self.bike_ride = self.meeting(local(2030, 3, 20, 19), title="Fietstocht", slug="fiets")
        self.bike_ride_de = self.translate(self.bike_ride)

    def publish_dutch(self, expire_at):
        page = MeetingPage.objects.get(pk=self.bike_ride.pk)
        page.expire_at = expire_at
        page.save_revision().publish()

    def live(self, page):
        return MeetingPage.objects.get(pk=page.pk).live

    def test_the_german_meeting_goes_offline_with_the_dutch_one(self):
        self.publish_dutch(self.expiry)
        expiry.expire_only_what_members_do_not_count_on(now=self.after_expiry)
        self.assertFalse(self.live(self.bike_ride))
        self.assertFalse(self.live(self.bike_ride_de))

    def test_an_expiry_cleared_in_dutch_keeps_the_german_meeting_online(self):
        self.publish_dutch(self.expiry)
        self.publish_dutch(None)
        expiry.expire_only_what_members_do_not_count_on(now=self.after_expiry)
        self.assertTrue(self.live(self.bike_ride))
        self.assertTrue(self.live(self.bike_ride_de))

    def translation_editors_status_panel(self):
        """As the German editor sees it (outsider's walk: it said "Kein
        Veröffentlichungszeitplan festgelegt", though it offers no schedule)."""
        editor = User.objects.create_superuser("redaktion@example.org", "x")
        profile = UserProfile.get_for_user(editor)
        profile.preferred_language = "de"
        profile.save()
        self.client.force_login(editor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.bike_ride_de.pk]))
        self.assertContains(response, "js-translation-editor")
        panel = BeautifulSoup(response.content, "html.parser").select_one(
            '[data-side-panel="status"]'
        )
        return " ".join(panel.get_text(" ").split())

    def test_the_translation_editor_says_it_goes_offline_with_its_source(self):
        self.publish_dutch(self.expiry)
        with translation.override("de"):
            date = formats.date_format(timezone.localtime(self.expiry), "DATETIME_FORMAT")
            expected = " ".join(str(GOES_OFFLINE_WITH_SOURCE % {"date": date}).split())
            panel = self.translation_editors_status_panel()
            self.assertIn(expected, panel)
            self.assertNotIn(wagtails("No publishing schedule set"), panel)

    def test_the_translation_editor_does_not_say_no_schedule_is_set(self):
        with translation.override("de"):
            panel = self.translation_editors_status_panel()
            self.assertNotIn(wagtails("No publishing schedule set"), panel)
            self.assertNotIn(str(GOES_OFFLINE_WITH_SOURCE).split("%")[0], panel)
