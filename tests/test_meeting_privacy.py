"""Wagtail's "Privacy" (a password, a login, groups) on a meeting or visit members count on, or
on a page above one, locked them out of the page their emails link to (defect of 2026-12-04);
so did moving it under a private page."""

import json

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as wagtails  # Wagtail's words: not collected into ours
from wagtail.models import PageViewRestriction
from wagtail_localize.models import Translation, TranslationSource

from exchanges.factories import CalendarPageFactory
from exchanges.models import MeetingPage, Registration, VisitPage
from exchanges.page_admin import CONVERTING_REFUSALS, PRIVACY_REFUSALS
from exchanges.wagtail_hooks import MOVING_REFUSALS
from tests.calendar_base import local, year_like
from tests.test_meeting_deletion import MeetingWithRegistrationsCase
from tests.visits_base import VisitMixin

PASSWORD = {"restriction_type": PageViewRestriction.PASSWORD, "password": "geheim-genoeg"}


def administrator(test_class):
    """A Dutch administrator (Wagtail's Privacy and move are offered to her on every page)."""
    account = test_class.resident("Redactie", test_class.steenwijkerland, "nl")
    account.is_superuser = True
    account.save()
    return account


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

    def test_the_refusal_quotes_the_meetings_title_as_its_sentence_does(self):
        # "(vink „afgelast” aan …) Leden rekenen op “Fietstocht”." (walk of 2026-12-05)
        from exchanges.page_admin import titles_of

        meetings = MeetingPage.objects.filter(pk=self.bike_ride.pk)
        for language, quoted in (
            ("nl", f"„{self.bike_ride.title}”"),
            ("de", f"„{self.bike_ride.title}“"),
        ):
            with self.subTest(language=language), translation.override(language):
                self.assertEqual(titles_of(meetings), quoted)

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
        cls.editor = administrator(cls)

    def test_the_visit_is_not_made_private(self):
        self.client.force_login(self.editor)
        answer = set_privacy(self.client, self.visit_de, PASSWORD)
        self.assertEqual(answer["step"], "set_privacy")
        with translation.override("nl"):  # the editor's admin language
            self.assertIn(str(PRIVACY_REFUSALS[VisitPage]), answer["html"])
            self.assertIn(wagtails("Save"), answer["html"])
        self.assertFalse(PageViewRestriction.objects.exists())


def move_url(page, destination):
    return reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])


def bulk_move_url(*pages):
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])
    return bulk + "?" + "&".join(f"id={page.pk}" for page in pages)


class MovingAMeetingMembersCountOnUnderAPrivatePageTests(MeetingWithRegistrationsCase):
    """Moved under a private page, the meeting was private too: Wagtail's move asked no more
    than "Are you sure?" (defect of 2026-12-04)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.archive = CalendarPageFactory(parent=cls.home, title="Archief", slug="archief")
        PageViewRestriction.objects.create(
            page=cls.archive, restriction_type=PageViewRestriction.LOGIN
        )
        cls.open_calendar = CalendarPageFactory(parent=cls.home, title="Open", slug="open")

    def assert_refused(self, response):
        self.assertEqual(response.status_code, 302)
        shown = [str(message) for message in get_messages(response.wsgi_request)]
        with translation.override("de"):  # the editor's admin language
            self.assertIn(str(MOVING_REFUSALS[MeetingPage]), shown)
        self.bike_ride.refresh_from_db()
        self.assertEqual(self.bike_ride.get_parent().pk, self.calendar.pk)
        self.client.force_login(self.anke)
        self.assertEqual(self.client.get(self.bike_ride.url).status_code, 200)

    def test_the_meeting_is_not_moved_under_a_private_calendar(self):
        self.assert_refused(self.client.post(move_url(self.bike_ride, self.archive)))

    def test_the_confirmation_says_why_instead_of_asking(self):
        response = self.client.get(move_url(self.bike_ride, self.archive))
        self.assertRedirects(response, reverse("wagtailadmin_pages:move", args=[self.bike_ride.pk]))
        self.assert_refused(response)

    def test_a_bulk_move_does_not_take_it_there(self):
        response = self.client.post(bulk_move_url(self.bike_ride), {"chooser": self.archive.pk})
        self.assert_refused(response)

    def test_it_moves_under_a_page_that_is_not_private(self):
        self.client.post(move_url(self.bike_ride, self.open_calendar))
        self.bike_ride.refresh_from_db()
        self.assertEqual(self.bike_ride.get_parent().pk, self.open_calendar.pk)

    def test_a_meeting_nobody_counts_on_moves_as_wagtail_moves_it(self):
        Registration.objects.cancel(self.bike_ride, self.anke)
        self.client.post(move_url(self.bike_ride, self.archive))
        self.bike_ride.refresh_from_db()
        self.assertEqual(self.bike_ride.get_parent().pk, self.archive.pk)


class MovingAVisitMembersSignedUpForUnderAPrivatePageTests(VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_visit()
        cls.guest()
        cls.editor = administrator(cls)
        cls.archive = CalendarPageFactory(parent=cls.home, title="Archief", slug="archief")
        PageViewRestriction.objects.create(
            page=cls.archive, restriction_type=PageViewRestriction.LOGIN
        )

    def test_the_visit_is_not_moved_under_a_private_calendar(self):
        self.client.force_login(self.editor)
        response = self.client.post(move_url(self.visit, self.archive))
        shown = [str(message) for message in get_messages(response.wsgi_request)]
        with translation.override("nl"):
            self.assertIn(str(MOVING_REFUSALS[VisitPage]), shown)
        self.visit.refresh_from_db()
        self.assertEqual(self.visit.get_parent().pk, self.calendar.pk)


class PrivacyOfACalendarAboveMeetingsAndVisitsTests(VisitMixin, TestCase):
    """The refusal on the calendar did not name what members count on, and with a meeting and
    a visit below, its two refusals ran together as one block."""

    @classmethod
    def setUpTestData(cls):
        cls.build_visit(title="Bezoek aan Herzebrock")
        cls.guest()
        cls.rides = [
            cls.meeting(
                local(year_like(2030), 3, day, 19), title=f"Fietstocht {day}", slug=f"rit-{day}"
            )
            for day in range(20, 25)
        ]
        cls.member = cls.resident("Bert", cls.steenwijkerland, "nl")
        for ride in cls.rides:
            Registration.objects.register(ride, cls.member)
        cls.editor = administrator(cls)

    def test_each_refusal_is_its_own_error_naming_what_members_count_on(self):
        self.client.force_login(self.editor)
        answer = set_privacy(self.client, self.calendar, PASSWORD)
        self.assertEqual(answer["step"], "set_privacy")
        page = BeautifulSoup(answer["html"], "html.parser")
        errors = [
            " ".join(error.get_text(" ", strip=True).split())
            for error in page.select(".help-critical")
        ]
        with translation.override("nl"):
            meeting_refusal, visit_refusal = (
                str(PRIVACY_REFUSALS[MeetingPage]),
                str(PRIVACY_REFUSALS[VisitPage]),
            )
        [meetings] = [error for error in errors if meeting_refusal[:40] in error]
        [visits] = [error for error in errors if visit_refusal[:40] in error]
        self.assertNotIn(visit_refusal[:40], meetings)
        self.assertIn("Bezoek aan Herzebrock", visits)
        for ride in self.rides[:3]:
            self.assertIn(ride.title, meetings)
        self.assertNotIn(self.rides[3].title, meetings)
        self.assertIn("en nog 2", meetings)
        self.assertFalse(PageViewRestriction.objects.exists())


class ConvertingATranslationMembersCountOnToAnAliasTests(MeetingWithRegistrationsCase):
    """wagtail-localize's "convert to alias" turned the German translation of a meeting Anke
    registered for into an alias of the Dutch page: its German readers read Dutch, untold
    (attack of 2026-12-04). Refused for a meeting members count on, as editors are told."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        source, _ = TranslationSource.get_or_create_from_instance(cls.bike_ride)
        Translation.objects.create(source=source, target_locale=cls.german, enabled=True)
        cls.walk = cls.meeting(
            local(year_like(2030), 3, 27, 19), title="Wandeling", slug="wandeling"
        )
        cls.walk_de = cls.translated(cls.walk, title="Wanderung", slug="wanderung")
        source, _ = TranslationSource.get_or_create_from_instance(cls.walk)
        Translation.objects.create(source=source, target_locale=cls.german, enabled=True)

    def convert(self, page):
        url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
        return self.client.post(url, follow=True)

    def test_the_translation_of_a_meeting_members_count_on_stays_a_translation(self):
        for method in (self.client.get, self.client.post):
            url = reverse("wagtail_localize:convert_to_alias", args=[self.bike_ride_de.pk])
            response = method(url)
            self.assertRedirects(
                response, reverse("wagtailadmin_pages:edit", args=[self.bike_ride_de.pk])
            )
            shown = [str(message) for message in get_messages(response.wsgi_request)]
            with translation.override("de"):  # the editor's admin language
                self.assertIn(str(CONVERTING_REFUSALS[MeetingPage]), shown)
        self.bike_ride_de.refresh_from_db()
        self.assertIsNone(self.bike_ride_de.alias_of_id)
        self.assertEqual(self.bike_ride_de.title, "Radtour")

    def test_the_translation_of_a_meeting_nobody_counts_on_becomes_an_alias(self):
        self.convert(self.walk_de)
        self.walk_de.refresh_from_db()
        self.assertEqual(self.walk_de.alias_of_id, self.walk.pk)


class PrivacyOfAPrivateMeetingMembersCountOnTests(MeetingWithRegistrationsCase):
    """A helper of attack 42: a meeting private to a group, that its members registered for,
    could not even be opened to every member: every setting but "public" was refused, with
    words about making it private. Only making it more private is refused."""

    def setUp(self):
        super().setUp()
        self.club = Group.objects.create(name="Fietsclub")
        self.choir = Group.objects.create(name="Koor")
        self.restriction = PageViewRestriction.objects.create(
            page=self.bike_ride, restriction_type=PageViewRestriction.GROUPS
        )
        self.restriction.groups.add(self.club)

    def groups(self, *groups):
        return {
            "restriction_type": PageViewRestriction.GROUPS,
            "groups": [group.pk for group in groups],
        }

    def stored(self):
        restriction = PageViewRestriction.objects.get(page=self.bike_ride)
        return restriction.restriction_type, set(restriction.groups.all())

    def test_it_is_opened_to_every_member(self):
        answer = set_privacy(self.client, self.bike_ride, {"restriction_type": "login"})
        self.assertEqual(answer["step"], "set_privacy_done")
        self.assertEqual(self.stored()[0], PageViewRestriction.LOGIN)

    def test_it_is_opened_to_a_second_group(self):
        answer = set_privacy(self.client, self.bike_ride, self.groups(self.club, self.choir))
        self.assertEqual(answer["step"], "set_privacy_done")
        self.assertEqual(self.stored(), (PageViewRestriction.GROUPS, {self.club, self.choir}))

    def test_it_is_saved_again_as_it_is(self):
        answer = set_privacy(self.client, self.bike_ride, self.groups(self.club))
        self.assertEqual(answer["step"], "set_privacy_done")

    def test_another_group_in_place_of_its_own_or_a_password_is_refused_as_more_private(self):
        for data in (self.groups(self.choir), PASSWORD):
            with self.subTest(data=data["restriction_type"]):
                answer = set_privacy(self.client, self.bike_ride, data)
                self.assertEqual(answer["step"], "set_privacy")
                with translation.override("de"):
                    self.assertIn(str(PRIVACY_REFUSALS[MeetingPage]), answer["html"])
                self.assertEqual(self.stored(), (PageViewRestriction.GROUPS, {self.club}))

    def test_the_refusal_speaks_of_more_private_too(self):
        with translation.override("nl"):
            self.assertIn("of verder afschermt dan nu", str(PRIVACY_REFUSALS[MeetingPage]))
