"""An expiry date set on a meeting or visit before anyone registered (the page form refuses one
only once members count on it) took the page offline when it passed: the registered members'
emails led to a page not found (defect of 2026-12-04). Run as a deployment runs it: the worker's
schedule (home/schedule.py) runs Wagtail's `publish_scheduled`."""

import datetime

import time_machine
from django.contrib.auth import get_user_model
from django.test import TransactionTestCase, override_settings
from django.utils import translation
from wagtail.models import PageLogEntry

from exchanges import expiry
from exchanges.models import MeetingPage, Registration, VisitPage
from home.schedule import ensure_schedule
from tests.calendar_base import local
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
