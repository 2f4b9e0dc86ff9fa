"""What a newcomer's walk found (walk 16): the way from the member area to the sector communities
and back from the account pages, demo meetings on public holidays, the phone menu and Escape, and
what deleting an account takes with it."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import SimpleTestCase
from django.utils import translation
from django.utils.html import escape
from wagtail.models import WorkflowState

from community import contributions
from exchanges.models import StoryPage
from jumelage.demo import data, holidays
from jumelage.demo.management.commands.load_demo import meeting_starts_in
from tests.base import BilingualSiteMixin
from tests.calendar_base import local
from tests.test_digests import DigestTestCase, day
from tests.test_members import MembersTestCase


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class AMemberInNoSectorCommunityYet(DigestTestCase):
    """The hint to join a sector community links the sector overview of her language."""

    def overview_link(self, member, address, overview="/nl/sectoren/"):
        self.client.force_login(member)
        response = self.client.get(address)
        self.assertEqual(response.status_code, 200)
        return soup(response).main.find("a", href=overview)

    def test_her_member_area_links_the_dutch_sector_overview(self):
        self.assertIsNotNone(self.overview_link(self.anna, "/nl/members/"))

    def test_her_digest_settings_link_the_dutch_sector_overview(self):
        self.assertIsNotNone(self.overview_link(self.anna, "/nl/members/digests/"))

    def test_a_german_member_is_led_to_the_german_overview_whatever_its_address(self):
        self.sector_index_de.slug = "gemeinschaften"
        self.sector_index_de.save_revision().publish()
        for address in ("/de/members/", "/de/members/digests/"):
            link = self.overview_link(self.bernd, address, overview="/de/gemeinschaften/")
            self.assertIsNotNone(link, address)

    def test_a_member_of_a_community_sees_her_communities_instead(self):
        self.join(self.anna, self.climate, day(0, 6))
        self.assertIsNone(self.overview_link(self.anna, "/nl/members/"))
        self.assertIsNotNone(self.overview_link(self.anna, "/nl/members/", self.climate.url))


class AMembersAccountPages(DigestTestCase):
    """The address and password pages, reached from the member area, lead back to it."""

    def back_link(self, address):
        self.client.force_login(self.anna if address.startswith("/nl/") else self.bernd)
        response = self.client.get(address)
        self.assertEqual(response.status_code, 200)
        return soup(response).main.find("a", href=address[:3] + "/members/")

    def test_the_email_page_leads_back_to_her_page(self):
        for address in ("/nl/accounts/email/", "/de/accounts/email/"):
            self.assertIsNotNone(self.back_link(address), address)

    def test_the_password_page_leads_back_to_her_page(self):
        for address in ("/nl/accounts/password/change/", "/de/accounts/password/change/"):
            self.assertIsNotNone(self.back_link(address), address)

    def test_the_link_reads_as_on_her_profile(self):
        link = self.back_link("/nl/accounts/password/change/")
        self.assertEqual(link.get_text(strip=True), "Terug naar mijn pagina")
        link = self.back_link("/de/accounts/email/")
        self.assertEqual(link.get_text(strip=True), "Zurück zu meiner Seite")


def demo_meetings():
    """Each meeting of the demo (the calendar's and the members' proposals): its days from
    today and its time."""
    for spec in data.pages("meetings"):
        yield spec["days_from_now"], spec["start"]
    for contribution in data.read("contributions")["contributions"]:
        if contribution["kind"] == "meeting":
            yield contribution["days_from_now"], contribution["start"]


class DemoMeetingsOnPublicHolidays(SimpleTestCase):
    """Dated from today, a demo meeting used to fall on Christmas Day or New Year's Day."""

    @time_machine.travel(local(2026, 12, 5, 10, 0), tick=False)
    def test_the_council_evening_moves_from_christmas_day_to_monday_at_its_time(self):
        # 20 days after 5 December 2026: Friday 25 December, at 19:00.
        self.assertEqual(meeting_starts_in(20, "19:00"), local(2026, 12, 28, 19, 0))
        # 27 days after: Friday 1 January 2027.
        self.assertEqual(meeting_starts_in(27, "19:30"), local(2027, 1, 4, 19, 30))

    @time_machine.travel(local(2026, 12, 5, 10, 0), tick=False)
    def test_no_demo_meeting_falls_on_a_holiday_loaded_on_5_december(self):
        for days, clock in demo_meetings():
            start = meeting_starts_in(days, clock)
            self.assertFalse(holidays.is_holiday(start.date()), (days, start))
            self.assertEqual(start.strftime("%H:%M"), clock)

    def test_no_demo_meeting_falls_on_a_holiday_whenever_it_is_loaded(self):
        today = datetime.date(2027, 1, 1)
        while today < datetime.date(2028, 1, 1):
            with time_machine.travel(local(today.year, today.month, today.day, 10), tick=False):
                for days, clock in demo_meetings():
                    start = meeting_starts_in(days, clock)
                    self.assertFalse(holidays.is_holiday(start.date()), (today, days, start))
                    # A past meeting stays past, a coming one to come.
                    self.assertEqual(start.date() < today, days < 0, (today, days, start))
            today += datetime.timedelta(days=1)

    def test_easter_monday_ascension_and_whit_monday_count_as_holidays(self):
        for holiday in ("2027-03-29", "2027-05-06", "2027-05-17", "2026-04-06", "2026-05-25"):
            self.assertTrue(holidays.is_holiday(datetime.date.fromisoformat(holiday)), holiday)
        self.assertFalse(holidays.is_holiday(datetime.date(2027, 3, 30)))
        # Good Friday, King's Day, Liberation Day, Labour Day, Corpus Christi, German Unity Day,
        # All Saints' Day (second walk of 2026-12-05, F12: "Klimaatadaptatie" on Karfreitag).
        for holiday in (
            "2027-03-26",
            "2027-04-27",
            "2027-05-05",
            "2027-05-01",
            "2027-05-27",
            "2027-10-03",
            "2027-11-01",
        ):
            self.assertTrue(holidays.is_holiday(datetime.date.fromisoformat(holiday)), holiday)
        self.assertEqual(
            holidays.meeting_day(datetime.date(2026, 12, 26), "weekday", earlier=True),
            datetime.date(2026, 12, 23),
        )


@pytest.fixture
def bilingual_site():
    class Site(BilingualSiteMixin):
        pass

    Site.build_site()
    return Site


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_escape_closes_the_phone_menu_and_returns_to_its_button(bilingual_site, live_server, page):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/nl/")
    menu = page.locator("details.phone-menu")
    toggle = menu.locator("summary")
    toggle.focus()
    page.keyboard.press("Enter")
    assert menu.evaluate("menu => menu.open")
    search = page.get_by_role("searchbox", name="Zoeken op de website")
    search.focus()

    page.keyboard.press("Escape")

    assert not menu.evaluate("menu => menu.open")
    assert toggle.evaluate("summary => summary === document.activeElement")
    assert not search.is_visible()
    assert violations == []


WHAT_DELETION_TAKES = (
    "This deletes your profile, your photo, your community memberships, your meeting "
    "registrations, your sign-ups and host offers for exchange visits, your drafts and "
    "contributions awaiting review, and those sent back for changes, rejected or taken off the "
    "site. It cannot be undone."
)


class DeletingAnAccountTakesEveryContributionNotOnTheSite(MembersTestCase):
    """The deletion page names what goes: not only drafts, but whatever is not published."""

    def test_the_page_says_contributions_awaiting_review_go_too(self):
        self.client.force_login(self.anna)
        for language in ("nl", "de"):
            with translation.override(language):
                self.assertContains(
                    self.client.get(f"/{language}/members/delete/"),
                    escape(translation.gettext(WHAT_DELETION_TAKES)),
                )

    def test_what_awaits_review_is_sent_back_rejected_or_hidden_goes_with_the_account(self):
        for title in ("In review", "Sent back", "Rejected", "Hidden", "Published"):
            self.post_story(self.anna, title=title)
        state = WorkflowState.objects.get(object_id=str(self.contribution("Sent back").pk))
        state.current_task_state.reject(user=self.moderator, comment="Graag een foto.")
        state = WorkflowState.objects.get(object_id=str(self.contribution("Rejected").pk))
        contributions.reject(state.current_task_state, self.moderator, "Geen verhaal.")
        contributions.hide([self.approve(self.contribution("Hidden"))])
        published = self.approve(self.contribution("Published"))
        self.client.force_login(self.anna)
        self.client.post(
            "/nl/members/delete/", {"confirm": "yes", "password": "een-lang-wachtwoord"}
        )
        self.assertEqual(
            list(StoryPage.objects.filter(locale=self.dutch).values_list("pk", flat=True)),
            [published.pk],
        )
