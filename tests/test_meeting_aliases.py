"""An editor makes an alias of a meeting in its own language with the admin's "Copy" ("alias"
ticked). The alias was a meeting of its own: registrations through it counted apart (it
overbooked a full meeting while others waited on the original's list), and unpublishing or
deleting the original, allowed, took the alias offline under its registered members, untold
(attack of 2026-12-04). An alias in the other language (wagtail-localize's, of an untranslated
page) is the same meeting and keeps taking registrations."""

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from exchanges.models import MeetingPage, Registration
from exchanges.wagtail_hooks import ALIAS_REFUSAL
from home.machine_translation import ensure_aliases
from tests.calendar_base import CalendarMixin, local, year_like
from tests.visits_base import VisitMixin

User = get_user_model()


class MeetingAliasCase(VisitMixin, CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_visit()
        cls.cafe = cls.meeting(
            local(year_like(2030), 3, 20, 19), title="Taalcafé", slug="taalcafe", capacity=1
        )
        cls.anke = User.objects.create_user("anke@example.org", "x", display_name="Anke")
        cls.bram = User.objects.create_user("bram@example.org", "x", display_name="Bram")
        cls.editor = User.objects.create_superuser("redactie@example.org", "x", language="nl")

    def copy(self, page, **extra):
        data = {
            "new_title": "Kopie",
            "new_slug": "kopie",
            "new_parent_page": self.calendar.pk,
            "alias": "on",
            "publish_copies": "on",
            **extra,
        }
        return self.client.post(reverse("wagtailadmin_pages:copy", args=[page.pk]), data)


class MakingAnAliasOfAMeetingTests(MeetingAliasCase):
    def setUp(self):
        self.client.force_login(self.editor)

    def assert_refused(self, response):
        self.assertEqual(response.status_code, 302)
        shown = [str(message) for message in get_messages(response.wsgi_request)]
        with translation.override("nl"):
            self.assertIn(str(ALIAS_REFUSAL), shown)
        self.assertFalse(Page.objects.filter(slug="kopie").exists())

    def test_an_editor_cannot_make_an_alias_of_a_meeting_in_its_own_language(self):
        self.assert_refused(self.copy(self.cafe))

    def test_nor_of_an_exchange_visit(self):
        self.assert_refused(self.copy(self.visit))

    def test_nor_of_a_page_above_meetings_with_its_pages_below(self):
        self.assert_refused(
            self.copy(self.calendar, new_parent_page=self.home.pk, copy_subpages="on")
        )

    def test_a_copy_of_a_meeting_that_is_no_alias_is_still_made(self):
        data = {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": self.calendar.pk}
        self.client.post(reverse("wagtailadmin_pages:copy", args=[self.cafe.pk]), data)
        copy = MeetingPage.objects.get(slug="kopie")
        self.assertIsNone(copy.alias_of_id)


class RegisteringThroughAnAliasTests(MeetingAliasCase):
    def test_a_member_cannot_register_through_an_alias_in_the_meetings_own_language(self):
        Registration.objects.register(self.cafe, self.anke)  # the café is full
        alias = self.cafe.create_alias(update_slug="kopie")
        self.client.force_login(self.bram)
        self.client.post(f"/nl/meetings/{alias.pk}/register/")
        self.assertFalse(Registration.objects.filter(user=self.bram).exists())
        page = self.client.get(alias.url)
        self.assertNotContains(page, f"/nl/meetings/{alias.pk}/register/")

    def test_a_member_registers_through_the_german_alias_of_an_untranslated_meeting(self):
        ensure_aliases(self.cafe)
        alias = MeetingPage.objects.get(
            translation_key=self.cafe.translation_key, locale__language_code="de"
        )
        self.client.force_login(self.bram)
        self.client.post(f"/de/meetings/{alias.pk}/register/")
        registration = Registration.objects.get(user=self.bram)
        self.assertEqual(registration.meeting_key, self.cafe.translation_key)
