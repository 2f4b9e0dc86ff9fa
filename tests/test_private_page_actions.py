"""What a member does on a page made private (Wagtail's privacy dialog: logged-in visitors, a
group, a password) answers whoever the page opens for, and nobody else (attack 42): register
and cancel, the meeting's calendar file, the report form, an exchange visit's sign-up and
offer. Found among public pages only, they answered 404 to the members the page offered them
to."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from community.models import Report
from exchanges.models import Registration
from tests.calendar_base import local, year_like
from tests.visits_base import VisitMixin

User = get_user_model()


def nl(name, *args):
    with translation.override("nl"):
        return reverse(name, args=args)


class PrivatePagesMixin(VisitMixin):
    """A meeting for logged-in members, one for the board's group, one behind a password; a
    member's story for logged-in members; the exchange visit for logged-in members. Anke is a
    member of Steenwijkerland (the travelling town), Bert of the board."""

    @classmethod
    def setUpTestData(cls):
        cls.build_visit()
        cls.board = Group.objects.create(name="Bestuur")
        cls.ride = cls.meeting(
            local(year_like(2030), 3, 20, 19), title="Fietstocht", slug="fietstocht"
        )
        cls.board_meeting = cls.meeting(
            local(year_like(2030), 3, 21, 19), title="Bestuursoverleg", slug="bestuursoverleg"
        )
        cls.closed_meeting = cls.meeting(
            local(year_like(2030), 3, 22, 19), title="Besloten overleg", slug="besloten-overleg"
        )
        cls.anke = cls.resident("Anke", cls.steenwijkerland, "nl")
        cls.bert = cls.resident("Bert", cls.steenwijkerland, "nl")
        cls.bert.groups.add(cls.board)
        cls.member_story = cls.story(
            title="Ons fietsweekend", slug="fietsweekend", owner=cls.bert, member_contribution=True
        )
        for page in (cls.ride, cls.member_story, cls.visit):
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.LOGIN
            )
        PageViewRestriction.objects.create(
            page=cls.board_meeting, restriction_type=PageViewRestriction.GROUPS
        ).groups.add(cls.board)
        cls.password = PageViewRestriction.objects.create(
            page=cls.closed_meeting,
            restriction_type=PageViewRestriction.PASSWORD,
            password="geheim-genoeg",
        )

    def registered(self, meeting, member):
        return Registration.objects.for_meeting(meeting).filter(user=member).active().exists()


class MeetingForAGroupTests(PrivatePagesMixin, TestCase):
    def test_a_member_outside_the_group_can_neither_register_nor_take_its_calendar_file(self):
        self.client.force_login(self.anke)
        register = nl("meeting_register", self.board_meeting.pk)
        self.assertEqual(self.client.post(register).status_code, 404)
        self.assertFalse(self.registered(self.board_meeting, self.anke))
        ics = nl("meeting_calendar_feed", self.board_meeting.pk)
        self.assertEqual(self.client.get(ics).status_code, 404)

    def test_a_member_of_the_group_registers_and_takes_its_calendar_file(self):
        self.client.force_login(self.bert)
        page = self.client.get(self.board_meeting.url)
        register = nl("meeting_register", self.board_meeting.pk)
        self.assertContains(page, register)
        self.assertRedirects(
            self.client.post(register), self.board_meeting.url, fetch_redirect_response=False
        )
        self.assertTrue(self.registered(self.board_meeting, self.bert))
        ics = self.client.get(nl("meeting_calendar_feed", self.board_meeting.pk))
        self.assertContains(ics, "Bestuursoverleg")


class MeetingBehindAPasswordTests(PrivatePagesMixin, TestCase):
    def give_password(self, password):
        url = reverse(
            "wagtailcore_authenticate_with_password",
            args=[self.password.pk, self.closed_meeting.pk],
        )
        self.client.post(url, {"password": password, "return_url": self.closed_meeting.url})

    def test_a_member_who_gave_its_password_registers(self):
        self.client.force_login(self.anke)
        self.give_password("geheim-genoeg")
        self.client.post(nl("meeting_register", self.closed_meeting.pk))
        self.assertTrue(self.registered(self.closed_meeting, self.anke))

    def test_a_member_without_its_password_does_not(self):
        self.client.force_login(self.anke)
        self.give_password("geraden")
        answer = self.client.post(nl("meeting_register", self.closed_meeting.pk))
        self.assertEqual(answer.status_code, 404)
        self.assertFalse(self.registered(self.closed_meeting, self.anke))


class MembersOnlyMeetingTests(PrivatePagesMixin, TestCase):
    def test_an_anonymous_visitor_is_led_to_log_in_as_by_the_page(self):
        visitor = Client()
        login = nl("account_login")
        page = visitor.get(self.ride.url, follow=True)
        self.assertTrue(page.redirect_chain[-1][0].startswith(login + "?next="))
        answer = visitor.post(nl("meeting_register", self.ride.pk))
        self.assertEqual(answer.status_code, 302)
        self.assertTrue(answer["Location"].startswith(login + "?next="))
        self.assertFalse(Registration.objects.exists())

    def test_an_anonymous_visitor_does_not_get_its_calendar_file(self):
        ics = nl("meeting_calendar_feed", self.ride.pk)
        self.assertEqual(Client().get(ics).status_code, 404)

    def test_cancelling_leads_back_to_the_meeting_she_may_open(self):
        self.client.force_login(self.anke)
        self.client.post(nl("meeting_register", self.ride.pk))
        answer = self.client.post(nl("meeting_cancel_registration", self.ride.pk))
        self.assertRedirects(answer, self.ride.url, fetch_redirect_response=False)
        self.assertFalse(self.registered(self.ride, self.anke))


@override_settings(PAGE_CACHE_SECONDS=300)
class MembersOnlyCalendarFileCacheTests(PrivatePagesMixin, TestCase):
    def test_the_members_calendar_file_is_neither_shared_nor_kept_for_visitors(self):
        ics = nl("meeting_calendar_feed", self.ride.pk)
        self.client.force_login(self.anke)
        for _ in range(2):
            answer = self.client.get(ics)
            self.assertContains(answer, "Fietstocht")
            self.assertIn("private", answer["Cache-Control"])
            self.assertNotIn("public", answer["Cache-Control"])
        for _ in range(2):
            self.assertEqual(Client().get(ics).status_code, 404)


class ReportingAMembersOnlyStoryTests(PrivatePagesMixin, TestCase):
    def test_a_member_reports_it(self):
        self.client.force_login(self.anke)
        report = nl("report_contribution", self.member_story.pk)
        self.assertContains(self.client.get(self.member_story.url), report)
        self.assertEqual(self.client.get(report).status_code, 200)
        self.client.post(report, {"reason": "offensive", "message": "Niet netjes."})
        self.assertTrue(Report.objects.filter(reporter=self.anke).exists())

    def test_an_anonymous_visitor_does_not_find_it(self):
        report = nl("report_contribution", self.member_story.pk)
        self.assertEqual(Client().get(report).status_code, 404)
        self.assertEqual(
            Client().post(report, {"reason": "offensive", "message": "Spam."}).status_code, 404
        )
        self.assertFalse(Report.objects.exists())


class MembersOnlyVisitTests(PrivatePagesMixin, TestCase):
    def test_a_resident_of_the_travelling_town_signs_up(self):
        self.client.force_login(self.anke)
        sign_up = nl("visit_guest_party", self.visit.pk)
        self.assertContains(self.client.get(self.visit.url), sign_up)
        self.assertEqual(self.client.get(sign_up).status_code, 200)

    def test_a_visit_for_a_group_is_not_found_by_a_member_outside_it(self):
        restriction = PageViewRestriction.objects.get(page=self.visit)
        restriction.restriction_type = PageViewRestriction.GROUPS
        restriction.save()
        restriction.groups.add(self.board)
        self.client.force_login(self.anke)
        for name in (
            "visit_guest_party",
            "visit_host_offer",
            "visit_cancel_guest_party",
            "visit_withdraw_host_offer",
        ):
            with self.subTest(name):
                self.assertEqual(self.client.get(nl(name, self.visit.pk)).status_code, 404)
        self.client.force_login(self.bert)
        self.assertEqual(self.client.get(nl("visit_guest_party", self.visit.pk)).status_code, 200)
