"""Wagtail's "Privacy" (a password, a login, groups) on a meeting or visit members count on, or
on a page above one, locked them out of the page their emails link to (defect of 2026-12-04)."""

import json

from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as wagtails  # Wagtail's words: not collected into ours
from wagtail.models import PageViewRestriction

from exchanges.models import MeetingPage, Registration, VisitPage
from exchanges.page_admin import PRIVACY_REFUSALS
from tests.test_meeting_deletion import MeetingWithRegistrationsCase
from tests.visits_base import VisitMixin

PASSWORD = {"restriction_type": PageViewRestriction.PASSWORD, "password": "geheim-genoeg"}


def set_privacy(client, page, data):
    """The privacy dialog's answer, as the admin's script reads it."""
    response = client.post(reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), data)
    return json.loads(response.content)


class PrivacyOfAMeetingMembersCountOnTests(MeetingWithRegistrationsCase):
    def assert_refused(self, answer):
        self.assertEqual(answer["step"], "set_privacy")
        with translation.override("de"):
            self.assertIn(str(PRIVACY_REFUSALS[MeetingPage]), answer["html"])
        self.assertFalse(PageViewRestriction.objects.exists())

    def test_neither_version_is_made_private(self):
        for page in (self.bike_ride, self.bike_ride_de):
            for data in (PASSWORD, {"restriction_type": PageViewRestriction.LOGIN}):
                with self.subTest(page=page.title, restriction=data["restriction_type"]):
                    self.assert_refused(set_privacy(self.client, page, data))

    def test_the_calendar_above_it_is_not_made_private(self):
        self.assert_refused(set_privacy(self.client, self.calendar, PASSWORD))

    def test_the_registered_member_still_opens_the_meeting(self):
        set_privacy(self.client, self.bike_ride, PASSWORD)
        self.client.force_login(self.anke)
        response = self.client.get(self.bike_ride.url)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="password"')  # Wagtail's form for the password

    def test_a_meeting_nobody_counts_on_is_made_private_as_wagtail_does(self):
        Registration.objects.cancel(self.bike_ride, self.anke)
        answer = set_privacy(self.client, self.bike_ride, PASSWORD)
        self.assertEqual(answer["step"], "set_privacy_done")
        self.assertTrue(PageViewRestriction.objects.filter(page=self.bike_ride).exists())


class PrivacyOfAVisitMembersSignedUpForTests(VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_visit()
        cls.guest()
        cls.editor = cls.resident("Redactie", cls.steenwijkerland, "nl")
        cls.editor.is_superuser = True
        cls.editor.save()

    def test_the_visit_is_not_made_private(self):
        self.client.force_login(self.editor)
        answer = set_privacy(self.client, self.visit_de, PASSWORD)
        self.assertEqual(answer["step"], "set_privacy")
        with translation.override("nl"):  # the editor's admin language
            self.assertIn(str(PRIVACY_REFUSALS[VisitPage]), answer["html"])
            self.assertIn(wagtails("Save"), answer["html"])
        self.assertFalse(PageViewRestriction.objects.exists())
