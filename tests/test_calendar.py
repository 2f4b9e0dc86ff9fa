"""The meeting calendar: upcoming and past, the month view, iCalendar feeds and registration."""

import datetime
import threading
import unittest

import icalendar
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection, transaction
from django.test import TestCase, TransactionTestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from community.privacy import delete_account
from exchanges.choices import MeetingFormat, RegistrationStatus
from exchanges.models import MeetingPage, Registration, RegistrationClosed
from tests.calendar_base import CalendarMixin, local, year_like

NOW = local(2026, 3, 10, 12, 0)
User = get_user_model()


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def listed(response):
    return [a.get_text(strip=True) for a in soup(response).select(".meeting__title a")]


def month_cells(response):
    """{day number: [meeting titles]} for the days of the shown month."""
    cells = {}
    for cell in soup(response).select(".month__grid td"):
        if "month__other" in (cell.get("class") or []):
            continue
        day = cell.select_one(".month__number").contents[-2].strip()
        cells[int(day)] = [
            a.get_text(" ", strip=True).split(" ", 1)[1] for a in cell.select("li a")
        ]
    return cells


# The help text of a meeting's online link in the admin (its English message id).
WHO_SEES_THE_ONLINE_LINK = (
    "Any video platform. Only registered members, the member who proposed the meeting, "
    "moderators and editors see it."
)


class CalendarTestCase(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()


@time_machine.travel(NOW, tick=False)
class UpcomingAndPastTests(CalendarTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.meeting(local(2026, 3, 9, 19, 30), title="Gisteren")
        cls.meeting(local(2026, 3, 10, 11, 0), title="Nu bezig")
        cls.meeting(local(2026, 3, 11, 19, 30), title="Morgen", sectors=[cls.farming])
        cls.meeting(
            local(2026, 4, 2, 20, 0),
            title="Online in april",
            format=MeetingFormat.ONLINE,
            online_url="https://video.jumelage.example/april",
            sectors=[cls.climate],
        )

    def test_upcoming_meetings_are_those_not_yet_ended_soonest_first(self):
        self.assertEqual(
            listed(self.client.get("/nl/agenda/")), ["Nu bezig", "Morgen", "Online in april"]
        )

    def test_past_meetings_newest_first(self):
        self.assertEqual(listed(self.client.get("/nl/agenda/", {"view": "past"})), ["Gisteren"])

    def test_filter_by_sector_and_format(self):
        self.assertEqual(listed(self.client.get("/nl/agenda/", {"sector": "landbouw"})), ["Morgen"])
        self.assertEqual(
            listed(self.client.get("/nl/agenda/", {"format": "online"})), ["Online in april"]
        )
        self.assertEqual(
            listed(self.client.get("/nl/agenda/", {"format": "online", "sector": "landbouw"})), []
        )

    def test_home_and_sector_pages_show_the_next_meetings(self):
        self.assertEqual(listed(self.client.get("/nl/"))[:2], ["Nu bezig", "Morgen"])
        sector = soup(self.client.get("/nl/sectoren/duurzaamheid/"))
        upcoming = sector.find(id="sector-meetings").find_parent("section")
        self.assertEqual(
            [a.get_text(strip=True) for a in upcoming.select(".meeting__title a")],
            ["Online in april"],
        )

    def test_sector_pages_show_their_last_past_meetings_in_both_languages(self):
        for day in range(1, 6):
            self.meeting(
                local(2026, 2, day, 19, 30), title=f"Februari {day}", sectors=[self.farming]
            )
        german = self.meeting(local(2026, 2, 20, 19, 30), title="Feb 20", sectors=[self.farming])
        self.translated(german, title="Februar 20", slug="februar-20")
        for address, heading, titles, more in (
            (
                "/nl/sectoren/landbouw/",
                "Eerdere bijeenkomsten",
                ["Feb 20", "Februari 5", "Februari 4"],
                "/nl/agenda/?view=past&sector=landbouw",
            ),
            (
                "/de/fachgruppen/landwirtschaft/",
                "Vergangene Treffen",
                ["Februar 20"],
                "/de/kalender/?view=past&sector=landwirtschaft",
            ),
        ):
            with self.subTest(address=address):
                page = soup(self.client.get(address))
                past = page.find(id="sector-past-meetings")
                self.assertEqual(past.get_text(strip=True), heading)
                section = past.find_parent("section")
                self.assertEqual(
                    [a.get_text(strip=True) for a in section.select(".meeting__title a")], titles
                )
                self.assertEqual(section.select_one("a.more-link")["href"], more)
                self.assertEqual(listed(self.client.get(more))[:1], titles[:1])

    def test_times_are_shown_in_local_time_with_the_day_in_the_readers_language(self):
        dutch = soup(self.client.get("/nl/agenda/")).select_one(".meeting__when").get_text()
        self.assertIn("dinsdag 10\xa0maart\xa02026, 11:00", dutch)


@time_machine.travel(local(2026, 1, 20, 9, 0), tick=False)
class MonthViewTests(CalendarTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.meeting(
            local(2026, 1, 31, 21, 0), hours=5, title="Nachtwandeling", sectors=[cls.climate]
        )
        cls.meeting(local(2026, 2, 14, 10, 0), title="Valentijnsmarkt", sectors=[cls.farming])
        # Clocks go forward on 29 March 2026 at 02:00 in the Netherlands and Germany.
        cls.meeting(local(2026, 3, 28, 23, 30), hours=3, title="Over de zomertijd")
        cls.meeting(local(2026, 3, 29, 10, 0), title="Eerste zomerochtend")

    def test_month_view_defaults_to_the_current_month(self):
        response = self.client.get("/nl/agenda/", {"view": "month"})
        self.assertEqual(
            soup(response).select_one("#month-title").get_text(strip=True), "januari 2026"
        )
        self.assertEqual(month_cells(response)[31], ["Nachtwandeling"])

    def test_meeting_across_the_month_boundary_shows_in_both_months(self):
        february = month_cells(
            self.client.get("/nl/agenda/", {"view": "month", "month": "2026-02"})
        )
        self.assertEqual(february[1], ["Nachtwandeling"])
        self.assertEqual(february[14], ["Valentijnsmarkt"])

    def test_language_switch_keeps_the_view_month_and_sector(self):
        page = soup(
            self.client.get(
                "/nl/agenda/", {"view": "month", "month": "2026-02", "sector": "landbouw"}
            )
        )
        switch = page.select_one('.language-switcher a[hreflang="de"]')["href"]
        self.assertEqual(switch, "/de/kalender/?sector=landwirtschaft&view=month&month=2026-02")
        german = self.client.get(switch)
        self.assertEqual(
            soup(german).select_one("#month-title").get_text(strip=True), "Februar 2026"
        )
        back = soup(german).select_one('.language-switcher a[hreflang="nl"]')["href"]
        self.assertEqual(back, "/nl/agenda/?sector=landbouw&view=month&month=2026-02")

    def test_weeks_start_on_monday_and_days_are_in_the_readers_language(self):
        page = soup(self.client.get("/de/kalender/", {"view": "month", "month": "2026-02"}))
        self.assertEqual(page.select(".month__grid th abbr")[0]["title"], "Montag")
        self.assertEqual(page.select_one("#month-title").get_text(strip=True), "Februar 2026")

    def test_dst_change_keeps_local_times_and_days(self):
        response = self.client.get("/nl/agenda/", {"view": "month", "month": "2026-03"})
        cells = month_cells(response)
        self.assertEqual(cells[28], ["Over de zomertijd"])
        self.assertEqual(cells[29], ["Over de zomertijd", "Eerste zomerochtend"])
        times = [t.get_text() for t in soup(response).select(".month__grid time")]
        self.assertIn("10:00", times)
        self.assertEqual(MeetingPage.objects.get(title="Eerste zomerochtend").start.hour, 8)  # UTC

    def test_month_navigation_keeps_the_filters(self):
        page = soup(
            self.client.get(
                "/nl/agenda/", {"view": "month", "month": "2026-02", "sector": "landbouw"}
            )
        )
        self.assertEqual(
            page.find("a", rel="next")["href"], "?sector=landbouw&view=month&month=2026-03"
        )
        self.assertEqual(
            month_cells(
                self.client.get(
                    "/nl/agenda/", {"view": "month", "month": "2026-02", "sector": "landbouw"}
                )
            )[1],
            [],
        )

    def test_month_view_works_across_the_year_boundary(self):
        page = soup(self.client.get("/nl/agenda/", {"view": "month", "month": "2026-12"}))
        self.assertEqual(page.find("a", rel="next")["href"], "?view=month&month=2027-01")

    def test_nonsense_month_falls_back_to_the_current_month(self):
        response = self.client.get("/nl/agenda/", {"view": "month", "month": "2026-13"})
        self.assertEqual(
            soup(response).select_one("#month-title").get_text(strip=True), "januari 2026"
        )

    def test_a_month_that_does_not_exist_is_not_silently_replaced(self):
        page = soup(self.client.get("/de/kalender/", {"view": "month", "month": "2027-13"}))
        self.assertEqual(
            page.select_one(".notice[role=status]").get_text(strip=True),
            "Der Kalender kann diesen Monat nicht anzeigen; hier ist Januar 2026.",
        )
        shown = soup(self.client.get("/de/kalender/", {"view": "month", "month": "2027-12"}))
        self.assertIsNone(shown.select_one(".notice[role=status]"))
        self.assertIsNone(
            soup(self.client.get("/de/kalender/", {"view": "month"})).select_one(
                ".notice[role=status]"
            )
        )

    def test_untranslated_meetings_are_marked_dutch_in_the_german_calendar(self):
        MeetingPage.objects.get(title="Valentijnsmarkt").copy_for_translation(
            self.german, alias=True
        )
        month = soup(self.client.get("/de/kalender/", {"view": "month", "month": "2026-02"}))
        titles = [span for span in month.select(".month__grid li a span[lang]")]
        self.assertEqual([(t.get_text(), t["lang"]) for t in titles], [("Valentijnsmarkt", "nl")])
        with time_machine.travel(local(2026, 2, 1, 12, 0), tick=False):
            listing = soup(self.client.get("/de/kalender/"))
        title = listing.find("a", string="Valentijnsmarkt").find_parent("h3")
        self.assertEqual(title["lang"], "nl")
        self.assertEqual(soup(self.client.get("/nl/agenda/")).select(".meeting [lang]"), [])

    def test_no_link_to_a_month_beyond_the_calendar(self):
        last = soup(self.client.get("/nl/agenda/", {"view": "month", "month": "2100-12"}))
        self.assertEqual(last.select_one("#month-title").get_text(strip=True), "december 2100")
        self.assertIsNone(last.find("a", rel="next"))
        self.assertEqual(last.find("a", rel="prev")["href"], "?view=month&month=2100-11")
        first = soup(self.client.get("/nl/agenda/", {"view": "month", "month": "2000-01"}))
        self.assertEqual(first.select_one("#month-title").get_text(strip=True), "januari 2000")
        self.assertIsNone(first.find("a", rel="prev"))
        self.assertEqual(first.find("a", rel="next")["href"], "?view=month&month=2000-02")

    def test_only_exactly_year_dash_month_is_accepted(self):
        for asked in ("2026-02\n", "2026-02 ", "２０２６-02", "2026-2"):
            with self.subTest(month=asked):
                page = soup(self.client.get("/nl/agenda/", {"view": "month", "month": asked}))
                self.assertEqual(
                    page.select_one("#month-title").get_text(strip=True), "januari 2026"
                )
                self.assertIsNotNone(page.select_one(".notice[role=status]"))


@time_machine.travel(NOW, tick=False)
class ICalendarTests(CalendarTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.session = cls.meeting(
            local(2026, 3, 29, 10, 0),
            title="Klimaatsessie",
            slug="klimaatsessie",
            sectors=[cls.climate],
            format=MeetingFormat.HYBRID,
            online_url="https://video.jumelage.example/klimaat",
            place_name="Raadzaal",
            town=cls.steenwijkerland,
        )
        cls.session_de = cls.translated(cls.session, title="Klimasitzung", slug="klimasitzung")
        cls.cancelled = cls.meeting(
            local(2026, 4, 5, 14, 0),
            title="Afgelast",
            slug="afgelast",
            cancelled=True,
            sectors=[cls.farming],
        )

    def parse(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        return icalendar.Calendar.from_ical(response.content)

    def events(self, url):
        return {str(event["summary"]): event for event in self.parse(url).walk("VEVENT")}

    def test_whole_calendar_feed_has_every_required_field(self):
        calendar = self.parse("/nl/calendar.ics")
        zone = calendar.walk("VTIMEZONE")[0]
        self.assertEqual(zone["TZID"], "Europe/Amsterdam")
        # No English note of the library's in a Dutch or German calendar (walk 14).
        self.assertNotIn("COMMENT", zone)
        event = self.events("/nl/calendar.ics")["Klimaatsessie"]
        for field in (
            "UID",
            "DTSTAMP",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "DESCRIPTION",
            "LOCATION",
            "URL",
            "STATUS",
        ):
            self.assertIn(field, event)
        self.assertEqual(event["DTSTART"].params["TZID"], "Europe/Amsterdam")
        self.assertEqual(event.decoded("DTSTART"), local(2026, 3, 29, 10, 0))
        self.assertEqual(str(event["URL"]), "http://testserver/nl/agenda/klimaatsessie/")
        self.assertEqual(str(event["LOCATION"]), "Raadzaal, Steenwijkerland")

    def test_uid_is_the_same_in_dutch_and_german_feeds(self):
        dutch = self.events("/nl/calendar.ics")["Klimaatsessie"]
        german = self.events("/de/calendar.ics")["Klimasitzung"]
        self.assertEqual(dutch["UID"], german["UID"])

    def test_uid_survives_an_edit(self):
        before = self.events("/nl/calendar.ics")["Klimaatsessie"]["UID"]
        self.session.title = "Klimaatsessie (nieuwe titel)"
        self.session.save_revision().publish()
        self.assertEqual(
            self.events("/nl/calendar.ics")["Klimaatsessie (nieuwe titel)"]["UID"], before
        )

    def test_cancelled_meeting_is_marked_cancelled(self):
        event = self.events("/nl/calendar.ics")["Afgelast: Afgelast"]
        self.assertEqual(str(event["STATUS"]), "CANCELLED")

    def test_online_link_never_appears_in_a_feed(self):
        self.assertNotIn(b"video.jumelage.example", self.client.get("/nl/calendar.ics").content)

    def test_sector_feed_has_only_the_sectors_meetings(self):
        self.assertEqual(
            list(self.events("/nl/calendar/sectors/landbouw.ics")), ["Afgelast: Afgelast"]
        )
        self.assertEqual(
            list(self.events("/de/calendar/sectors/nachhaltigkeit.ics")), ["Klimasitzung"]
        )

    def test_single_meeting_feed(self):
        self.assertEqual(
            list(self.events(f"/de/meetings/{self.session_de.pk}.ics")), ["Klimasitzung"]
        )

    def test_every_page_announces_the_calendar_and_offers_a_subscription(self):
        page = soup(self.client.get("/nl/agenda/"))
        self.assertEqual(page.find("link", type="text/calendar")["href"], "/nl/calendar.ics")
        self.assertEqual(
            page.find("a", string="Abonneren op de agenda")["href"],
            "webcal://testserver/nl/calendar.ics",
        )
        self.assertEqual(
            soup(self.client.get("/de/")).find("link", type="text/calendar")["href"],
            "/de/calendar.ics",
        )

    def test_cancelled_meeting_stays_visible_and_marked(self):
        page = soup(self.client.get("/nl/agenda/afgelast/"))
        self.assertEqual(
            page.select_one(".status--alert").get_text(strip=True),
            "Deze bijeenkomst gaat niet door.",
        )
        # Nothing offers to put it in a calendar (newcomer walk).
        self.assertFalse(page.select("a[href*='calendar.google.com'], a[href*='outlook.live']"))
        self.assertIsNone(page.find("a", string="Aan mijn agenda toevoegen (.ics)"))


@time_machine.travel(NOW, tick=False)
class OnlineLinkTests(CalendarTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.online = cls.meeting(
            local(2026, 3, 20, 19, 0),
            title="Online sessie",
            slug="online",
            format=MeetingFormat.ONLINE,
            online_url="https://video.jumelage.example/sessie",
        )
        cls.member = User.objects.create_user(
            "anna@example.org", "wachtwoord-12345", display_name="Anna"
        )
        cls.other = User.objects.create_user(
            "bernd@example.org", "passwort-12345", display_name="Bernd"
        )
        cls.editor = User.objects.create_user(
            "redactie@example.org", "wachtwoord-54321", is_superuser=True
        )
        Registration.objects.register(cls.online, cls.member)

    def link_shown(self):
        return b"video.jumelage.example/sessie" in self.client.get("/nl/agenda/online/").content

    def test_anonymous_visitor_does_not_see_the_online_link(self):
        self.assertFalse(self.link_shown())

    def test_member_who_did_not_register_does_not_see_it(self):
        self.client.force_login(self.other)
        self.assertFalse(self.link_shown())

    def test_registered_member_sees_it(self):
        self.client.force_login(self.member)
        self.assertTrue(self.link_shown())

    def test_member_on_the_waiting_list_does_not_see_it(self):
        self.online.capacity = 1
        self.online.save_revision().publish()
        Registration.objects.register(MeetingPage.objects.get(pk=self.online.pk), self.other)
        self.client.force_login(self.other)
        self.assertFalse(self.link_shown())

    def test_editor_sees_it(self):
        self.client.force_login(self.editor)
        self.assertTrue(self.link_shown())

    def test_member_who_proposed_it_sees_it_without_registering(self):
        # Walk of 2026-12-06: the member who proposed an online meeting read "registered members
        # see the link here" on its page once it was published, and nowhere else: she hosts it
        # but could not find its link (an editor may have changed it) without taking one of its
        # places.
        self.online.organiser_member = self.other
        self.online.save_revision().publish()
        self.client.force_login(self.other)
        self.assertTrue(self.link_shown())

    def test_the_editor_reads_under_the_link_field_who_sees_it(self):
        # It named registered members and editors only, once the member who proposed the
        # meeting saw the link too (`online_link_visible_to`).
        self.client.force_login(self.editor)
        for language in ("en", "nl", "de"):
            with self.subTest(language=language):
                profile = UserProfile.get_for_user(self.editor)
                profile.preferred_language = language
                profile.save()
                edit = self.client.get(f"/admin/pages/{self.online.pk}/edit/")
                page = BeautifulSoup(edit.content, "html.parser")
                field = page.find("input", attrs={"name": "online_url"})
                shown = page.find(id=field["aria-describedby"]).get_text(" ", strip=True)
                with translation.override(language):
                    self.assertEqual(shown, translation.gettext(WHO_SEES_THE_ONLINE_LINK))


@time_machine.travel(NOW, tick=False)
class RegistrationTests(CalendarTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.small = cls.meeting(
            local(2026, 3, 20, 19, 0), title="Kleine groep", slug="klein", capacity=2
        )
        cls.small_de = cls.translated(cls.small, title="Kleine Gruppe", slug="klein")
        cls.members = [
            User.objects.create_user(
                f"lid{n}@example.org", "x", display_name=f"Lid {n}", language=language
            )
            for n, language in enumerate(["nl", "nl", "de", "nl"])
        ]

    def test_member_registers_and_cancels_through_the_page(self):
        self.client.force_login(self.members[0])
        response = self.client.post(f"/nl/meetings/{self.small.pk}/register/", follow=True)
        self.assertContains(response, "U bent aangemeld")
        self.assertContains(response, "1 van 2 plaatsen vrij")
        response = self.client.post(f"/nl/meetings/{self.small.pk}/cancel/", follow=True)
        self.assertContains(response, "Uw aanmelding is geannuleerd.")
        self.assertContains(response, "2 van 2 plaatsen vrij")

    def test_cancelling_after_the_meeting_was_deleted_says_so_and_leads_to_the_member_area(self):
        self.client.force_login(self.members[0])
        Registration.objects.register(self.small, self.members[0])
        small_pk = self.small.pk
        self.small_de.delete()
        self.small.delete()
        response = self.client.post(f"/nl/meetings/{small_pk}/cancel/", follow=True)
        self.assertEqual(response.redirect_chain, [("/nl/members/", 302)])
        with translation.override("nl"):
            told = translation.gettext(
                "This page of the meeting no longer exists, so nothing was cancelled. Your "
                "member area lists the registrations you still have."
            )
        self.assertContains(response, told)
        self.assertNotContains(response, "Uw aanmelding is geannuleerd.")

    def test_deleting_a_translation_of_a_meeting_keeps_its_registrations(self):
        """They move to the other language version: the meeting still takes place (walk of
        2026-12-04: a German member's registration went with the German page, untold)."""
        sabine = self.members[2]
        Registration.objects.register(self.small_de, sabine)
        german_pk = self.small_de.pk
        self.small_de.delete()
        [registration] = Registration.objects.filter(user=sabine)
        self.assertEqual(registration.meeting_id, self.small.pk)
        self.assertEqual(registration.status, "registered")
        self.client.force_login(sabine)
        self.assertContains(
            self.client.get("/nl/agenda/klein/"), "U bent aangemeld voor deze bijeenkomst."
        )
        # The German page's cancel button, still open in the member's browser, cancels nothing.
        response = self.client.post(f"/de/meetings/{german_pk}/cancel/", follow=True)
        self.assertEqual(response.redirect_chain, [("/de/members/", 302)])
        registration.refresh_from_db()
        self.assertEqual(registration.status, "registered")

    def test_member_cancels_a_registration_of_a_meeting_that_was_unpublished(self):
        """Unpublished in both languages while the member had its page open, or listed in their
        member area: the registration is still theirs to cancel, from either language."""
        for language, meeting in (("nl", self.small), ("de", self.small_de)):
            with self.subTest(language=language):
                Registration.objects.register(self.small, self.members[0])
                self.small.refresh_from_db()
                self.small_de.refresh_from_db()
                self.small.unpublish()
                self.small_de.unpublish()
                self.client.force_login(self.members[0])
                response = self.client.post(
                    f"/{language}/meetings/{meeting.pk}/cancel/", follow=True
                )
                self.assertEqual(response.redirect_chain, [(f"/{language}/members/", 302)])
                with translation.override(language):
                    told = translation.gettext("Your registration has been cancelled.")
                self.assertContains(response, told)
                self.assertFalse(
                    Registration.objects.filter(user=self.members[0]).active().exists()
                )

    def test_member_leaving_the_waiting_list_is_told_she_left_it(self):
        # "Take me off the waiting list" was answered "Your registration has been cancelled."
        first, second, third = self.members[:3]
        for member in (first, second, third):
            Registration.objects.register(self.small, member)
        for language, meeting, member, message in (
            ("de", self.small_de, third, "You have left the waiting list."),
            ("nl", self.small, first, "Your registration has been cancelled."),
        ):
            with self.subTest(language=language):
                self.client.force_login(member)
                response = self.client.post(
                    f"/{language}/meetings/{meeting.pk}/cancel/", follow=True
                )
                with translation.override(language):
                    told = [str(shown) for shown in response.context["messages"]]
                    self.assertEqual(told, [translation.gettext(message)])

    def test_cancelling_on_a_page_that_is_no_meeting_is_not_found(self):
        self.client.force_login(self.members[0])
        response = self.client.post(f"/nl/meetings/{self.calendar.pk}/cancel/")
        self.assertEqual(response.status_code, 404)

    def test_anonymous_visitor_cannot_register(self):
        response = self.client.post(f"/nl/meetings/{self.small.pk}/register/")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Registration.objects.exists())

    def test_registration_is_shared_by_dutch_and_german_pages(self):
        self.client.force_login(self.members[2])
        self.client.post(f"/de/meetings/{self.small_de.pk}/register/")
        self.assertContains(
            self.client.get("/nl/agenda/klein/"), "U bent aangemeld voor deze bijeenkomst."
        )
        self.assertEqual(Registration.objects.for_meeting(self.small).registered().count(), 1)

    def test_member_can_register_until_full_then_joins_the_waiting_list(self):
        first, second, third, fourth = self.members
        statuses = [
            Registration.objects.register(self.small, m).status
            for m in (first, second, third, fourth)
        ]
        self.assertEqual(statuses, ["registered", "registered", "waitlisted", "waitlisted"])

    def test_cancellation_promotes_the_first_waiting_member_and_emails_them_in_their_language(self):
        first, second, third, fourth = self.members
        for member in (first, second, third, fourth):
            Registration.objects.register(self.small, member)
        with self.captureOnCommitCallbacks(execute=True):
            promoted = Registration.objects.cancel(self.small, first)
        self.assertEqual(promoted.user, third)
        self.assertEqual(
            Registration.objects.get(user=fourth).status, RegistrationStatus.WAITLISTED
        )
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["lid2@example.org"])
        self.assertIn("Kleine Gruppe", mail.outbox[0].subject)
        self.assertIn("Ein Platz ist für Sie frei geworden", mail.outbox[0].subject)
        self.assertIn("http://testserver/de/kalender/klein/", mail.outbox[0].body)

    def test_more_places_published_go_to_the_members_waiting_in_their_order(self):
        # Found by the outsider's pass: an editor raised the places, the page said one was
        # free, and the member waiting stayed waiting while a newcomer could take it.
        first, second, third, fourth = self.members
        for member in self.members:
            Registration.objects.register(self.small, member)
        mail.outbox = []
        self.small.capacity = 3
        with self.captureOnCommitCallbacks(execute=True):
            self.small.save_revision().publish()
        self.assertEqual(Registration.objects.get(user=third).status, RegistrationStatus.REGISTERED)
        self.assertEqual(
            Registration.objects.get(user=fourth).status, RegistrationStatus.WAITLISTED
        )
        told = [message.to for message in mail.outbox if "frei geworden" in message.subject]
        self.assertEqual(told, [["lid2@example.org"]])
        self.client.force_login(fourth)
        self.assertContains(self.client.get("/nl/agenda/klein/"), "0 van 3 plaatsen vrij")

    def test_a_place_of_a_deleted_account_goes_to_the_first_member_waiting(self):
        first, waiting = self.full_with_one_waiting()
        with self.captureOnCommitCallbacks(execute=True):
            delete_account(first)
        self.assertEqual(
            Registration.objects.get(user=waiting).status, RegistrationStatus.REGISTERED
        )
        self.assertEqual([message.to for message in mail.outbox], [["lid2@example.org"]])

    def test_a_blocked_members_places_go_to_those_waiting_and_they_are_not_emailed(self):
        # Found by the attack pass: a blocked member, unable to log in, kept their place, and
        # one waiting was moved up into a place and emailed the join link.
        first, waiting = self.full_with_one_waiting()
        with self.captureOnCommitCallbacks(execute=True):
            first.is_active = False  # as the moderator's "Block" saves it
            first.save()
        self.assertEqual(Registration.objects.get(user=first).status, RegistrationStatus.CANCELLED)
        self.assertEqual(
            Registration.objects.get(user=waiting).status, RegistrationStatus.REGISTERED
        )
        self.assertEqual([message.to for message in mail.outbox], [["lid2@example.org"]])

    def test_a_member_deactivated_in_bulk_is_passed_over_on_the_waiting_list(self):
        # Wagtail's bulk action "set active state" updates the accounts without saving each.
        first, second, third, fourth = self.members
        for member in self.members:
            Registration.objects.register(self.small, member)
        User.objects.filter(pk=third.pk).update(is_active=False)
        with self.captureOnCommitCallbacks(execute=True):
            promoted = Registration.objects.cancel(self.small, first)
        self.assertEqual(promoted.user, fourth)
        self.assertEqual(Registration.objects.get(user=third).status, RegistrationStatus.WAITLISTED)
        self.assertEqual(len(mail.outbox), 1)
        self.assertNotIn(third.email, mail.outbox[0].to)

    def test_accounts_an_administrator_makes_inactive_in_bulk_give_up_their_places(self):
        # Found by the second attack pass: Wagtail's bulk "set active state" updates the
        # accounts without saving each, and the place stayed taken by someone who cannot log in.
        first, waiting = self.full_with_one_waiting()
        admin = User.objects.create_superuser("beheer@example.org", "een-lang-wachtwoord")
        self.client.force_login(admin)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                f"/admin/bulk/community/user/set_active_state/?id={first.pk}",
                {"mark_as_active": "False"},
            )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(User.objects.get(pk=first.pk).is_active)
        self.assertEqual(Registration.objects.get(user=first).status, RegistrationStatus.CANCELLED)
        self.assertEqual(
            Registration.objects.get(user=waiting).status, RegistrationStatus.REGISTERED
        )
        self.assertEqual([message.to for message in mail.outbox], [["lid2@example.org"]])

    def test_an_account_blocked_since_its_request_began_takes_no_place(self):
        # Found by the second attack pass: the block committed while the member's "register"
        # was on its way, with the account as the request had read it (still active).
        member = self.members[0]
        as_read_by_the_request = User.objects.get(pk=member.pk)
        User.objects.filter(pk=member.pk).update(is_active=False)
        with self.assertRaises(RegistrationClosed):
            Registration.objects.register(self.small, as_read_by_the_request)
        self.assertFalse(Registration.objects.filter(user=member).exists())

    def test_an_editor_gives_no_place_to_an_account_blocked_since_her_form_was_checked(self):
        # Found by the lock review: the admin's form read the account without a lock, and
        # the change stored after a block gave the blocked member her place again.
        member = self.members[0]
        registration = Registration.objects.register(self.small, member)
        Registration.objects.cancel(self.small, member)
        User.objects.filter(pk=member.pk).update(is_active=False)
        for status in (RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED):
            with self.subTest(status=status), self.assertRaises(RegistrationClosed):
                Registration.objects.change_status(registration, status)
        registration.refresh_from_db()
        self.assertEqual(registration.status, RegistrationStatus.CANCELLED)

    def test_cancelling_a_waiting_place_promotes_nobody(self):
        for member in self.members[:3]:
            Registration.objects.register(self.small, member)
        with self.captureOnCommitCallbacks(execute=True):
            self.assertIsNone(Registration.objects.cancel(self.small, self.members[2]))
        self.assertEqual(mail.outbox, [])

    def full_with_one_waiting(self):
        first, second, third = self.members[:3]
        for member in (first, second, third):
            Registration.objects.register(self.small, member)
        return first, third

    def test_cancelling_for_a_cancelled_meeting_moves_nobody_up(self):
        first, waiting = self.full_with_one_waiting()
        MeetingPage.objects.filter(translation_key=self.small.translation_key).update(
            cancelled=True
        )
        self.client.force_login(first)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"/nl/meetings/{self.small.pk}/cancel/", follow=True)
        self.assertContains(response, "Uw aanmelding is geannuleerd.")
        self.assertEqual(Registration.objects.get(user=first).status, RegistrationStatus.CANCELLED)
        self.assertEqual(
            Registration.objects.get(user=waiting).status, RegistrationStatus.WAITLISTED
        )
        self.assertEqual(mail.outbox, [])

    def test_cancelling_once_the_meeting_has_begun_moves_nobody_up(self):
        first, waiting = self.full_with_one_waiting()
        self.client.force_login(first)
        with (
            time_machine.travel(local(2026, 3, 20, 19, 30), tick=False),
            self.captureOnCommitCallbacks(execute=True),
        ):
            response = self.client.post(f"/nl/meetings/{self.small.pk}/cancel/", follow=True)
        self.assertContains(response, "Uw aanmelding is geannuleerd.")
        self.assertEqual(Registration.objects.get(user=first).status, RegistrationStatus.CANCELLED)
        self.assertEqual(
            Registration.objects.get(user=waiting).status, RegistrationStatus.WAITLISTED
        )
        self.assertEqual(mail.outbox, [])

    def test_an_editor_freeing_a_place_of_a_cancelled_meeting_moves_nobody_up(self):
        first, waiting = self.full_with_one_waiting()
        MeetingPage.objects.filter(translation_key=self.small.translation_key).update(
            cancelled=True
        )
        registration = Registration.objects.get(user=first)
        with self.captureOnCommitCallbacks(execute=True):
            Registration.objects.change_status(registration, RegistrationStatus.CANCELLED)
        self.assertEqual(
            Registration.objects.get(user=waiting).status, RegistrationStatus.WAITLISTED
        )
        self.assertEqual(mail.outbox, [])

    def test_registration_closes_at_the_deadline(self):
        self.small.registration_deadline = local(2026, 3, 10, 11, 0)
        with (
            translation.override("de"),
            self.assertRaisesMessage(
                RegistrationClosed, "Die Anmeldung für dieses Treffen ist geschlossen."
            ),
        ):
            Registration.objects.register(self.small, self.members[0])

    def test_no_registration_for_a_cancelled_meeting(self):
        self.small.cancelled = True
        with self.assertRaises(RegistrationClosed):
            Registration.objects.register(self.small, self.members[0])

    def test_registering_twice_keeps_one_place(self):
        Registration.objects.register(self.small, self.members[0])
        Registration.objects.register(self.small, self.members[0])
        self.assertEqual(Registration.objects.for_meeting(self.small).count(), 1)


class ScheduleFollowsTranslationsTests(CalendarTestCase):
    def test_moving_the_dutch_meeting_moves_its_german_translation(self):
        meeting = self.meeting(local(2026, 5, 1, 19, 0), title="Raadsontmoeting", slug="raad")
        source, _ = TranslationSource.get_or_create_from_instance(meeting)
        translation = Translation.objects.create(source=source, target_locale=self.german)
        with self.captureOnCommitCallbacks(execute=True):
            translation.save_target(publish=True)
        meeting.start, meeting.end = local(2026, 5, 8, 19, 0), local(2026, 5, 8, 21, 0)
        meeting.moved_from, meeting.cancelled = local(2026, 5, 1, 19, 0), True
        meeting.save_revision().publish()
        german = MeetingPage.objects.get(
            translation_key=meeting.translation_key, locale=self.german
        )
        self.assertEqual(german.start, local(2026, 5, 8, 19, 0))
        self.assertTrue(german.cancelled)
        self.assertEqual(german.moved_from, local(2026, 5, 1, 19, 0))


@override_settings(CACHE_RENDERED_HTML=False)
class CalendarQueryBudgetTests(CalendarMixin, TestCase):
    """Month view, feed and calendar cost the same number of queries with 20 or 60 meetings
    (three pages of the calendar's list instead of one), as every budget in
    tests/test_query_budgets.py holds with N and 3N items."""

    BUDGET = 10

    def queries(self, url):
        self.client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(captured)

    def add_meetings(self, count, first):
        start = local(2026, 3, 1, 9, 0)
        for number in range(first, first + count):
            self.calendar.add_child(
                instance=MeetingPage(
                    title=f"Bijeenkomst {number}",
                    slug=f"b-{number}",
                    organiser="Stichting",
                    intro="Kennis delen.",
                    place_name="Dorpshuis",
                    start=start + datetime.timedelta(hours=number * 7 % (24 * 28)),
                    end=start + datetime.timedelta(hours=number * 7 % (24 * 28) + 2),
                )
            )

    @time_machine.travel(local(2026, 2, 20, 9, 0), tick=False)
    def test_month_view_and_feed_with_20_and_60_meetings(self):
        self.build_calendar()
        urls = ("/nl/agenda/?view=month&month=2026-03", "/nl/calendar.ics", "/nl/agenda/")
        self.add_meetings(20, 0)
        few = {url: self.queries(url) for url in urls}
        self.add_meetings(40, 20)
        for url in urls:
            with self.subTest(url=url):
                many = self.queries(url)
                self.assertEqual(
                    many, few[url], f"{url}: {few[url]} queries with 20 meetings, {many} with 60"
                )
                self.assertLessEqual(many, self.BUDGET)


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class ConcurrentRegistrationTests(CalendarMixin, TransactionTestCase):
    """Members registering at the same moment never get more places than there are."""

    def test_no_overbooking_under_concurrent_registrations(self):
        self.build_calendar()
        meeting = self.meeting(
            local(year_like(2030), 3, 20, 19, 0), title="Populair", slug="populair", capacity=3
        )
        members = [User.objects.create_user(f"gelijktijdig{n}@example.org", "x") for n in range(12)]
        barrier = threading.Barrier(len(members))
        errors = []

        def register(member):
            try:
                barrier.wait()
                Registration.objects.register(MeetingPage.objects.get(pk=meeting.pk), member)
            except Exception as error:  # noqa: BLE001 - reported by the assertion below
                errors.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=register, args=(m,)) for m in members]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(errors, [])
        registrations = Registration.objects.for_meeting(meeting)
        self.assertEqual(registrations.registered().count(), 3)
        self.assertEqual(registrations.waiting().count(), 9)

    def test_a_block_committing_during_a_registration_leaves_the_member_no_place(self):
        # Found by the second attack pass (on SQLite and PostgreSQL): the moderator's block and
        # the member's "register" at the same moment left a blocked account holding a place.
        # Here the block's transaction is open (the account updated, its places given up: none
        # yet) when the registration, with the account as its request read it, begins.
        self.build_calendar()
        meeting = self.meeting(
            local(year_like(2030), 3, 20, 19, 0), title="Druk", slug="druk", capacity=3
        )
        member = User.objects.create_user("geblokkeerd@example.org", "x")
        as_read_by_the_request = User.objects.get(pk=member.pk)
        blocking, registering = threading.Event(), threading.Event()
        outcome = []

        def block():
            try:
                with transaction.atomic():
                    blocked = User.objects.get(pk=member.pk)
                    blocked.is_active = False
                    blocked.save()
                    blocking.set()
                    registering.wait(timeout=2)  # the registration waits for this lock
            finally:
                connection.close()

        def register():
            try:
                blocking.wait(timeout=10)
                threading.Timer(0.5, registering.set).start()
                Registration.objects.register(
                    MeetingPage.objects.get(pk=meeting.pk), as_read_by_the_request
                )
                outcome.append("registered")
            except RegistrationClosed:
                outcome.append("refused")
            finally:
                connection.close()

        threads = [threading.Thread(target=block), threading.Thread(target=register)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(outcome, ["refused"])
        self.assertFalse(Registration.objects.filter(user=member).active().exists())


class RegistrationExportTests(CalendarTestCase):
    def test_editor_exports_the_registrations_as_csv(self):
        meeting = self.meeting(
            local(year_like(2030), 5, 1, 19, 0), title="Taalcafé", slug="taalcafe"
        )
        member = User.objects.create_user("anna@example.org", "x", display_name="Anna")
        Registration.objects.register(meeting, member)
        editor = User.objects.create_superuser("redactie@example.org", "x")
        self.client.force_login(editor)
        response = self.client.get("/admin/registrations/", {"export": "csv"})
        self.assertEqual(response.status_code, 200)
        content = (
            b"".join(response.streaming_content).decode()
            if response.streaming
            else response.content.decode()
        )
        self.assertIn("anna@example.org", content)
        self.assertIn("Taalcafé", content)

    def test_registrations_name_the_meeting_in_the_readers_and_editors_language(self):
        year = year_like(2030)
        meetings = []
        for day, (dutch, german) in enumerate(
            (("Online taalcafé", "Online-Sprachcafé"), ("Raadsavond", "Ratsabend")), start=1
        ):
            meeting = self.meeting(local(year, 5, day, 19, 0), title=dutch, slug=f"nl-{day}")
            self.translated(meeting, title=german, slug=f"de-{day}")
            meetings.append(meeting)
        untranslated = self.meeting(local(year, 5, 9, 19, 0), title="Alleen in het Nederlands")
        sabine = User.objects.create_user("sabine@example.org", "x", language="de")
        self.client.force_login(sabine)
        Registration.objects.register(meetings[0], sabine)
        self.client.get("/de/members/")  # what is kept for any page is kept
        with CaptureQueriesContext(connection) as one:
            self.client.get("/de/members/")
        for meeting in (meetings[1], untranslated):
            Registration.objects.register(meeting, sabine)
        self.client.get("/de/members/")
        with CaptureQueriesContext(connection) as three:
            area = soup(self.client.get("/de/members/"))
        self.assertEqual(len(three), len(one))  # no query per registration
        links = {
            a.get_text(strip=True): a["href"]
            for a in area.find(id="my-meetings").find_parent("section").select("li a")
        }
        self.assertEqual(
            links,
            {
                "Online-Sprachcafé": "/de/kalender/de-1/",
                "Ratsabend": "/de/kalender/de-2/",
                "Alleen in het Nederlands": untranslated.url,
            },
        )
        editor = User.objects.create_superuser("redaktion@example.org", "x")
        profile = UserProfile.get_for_user(editor)
        profile.preferred_language = "de"
        profile.save()
        self.client.force_login(editor)
        listing = soup(self.client.get("/admin/registrations/")).select_one("table.listing tbody")
        self.assertEqual(
            [cell.a.get_text(strip=True) for cell in listing.select("td.title")],
            ["Online-Sprachcafé", "Ratsabend", "Alleen in het Nederlands"],
        )
        self.assertNotIn("Online taalcafé", str(listing))

    def test_members_cannot_see_the_registrations_in_the_admin(self):
        member = User.objects.create_user("anna@example.org", "x")
        self.client.force_login(member)
        self.assertNotEqual(self.client.get("/admin/registrations/").status_code, 200)


@time_machine.travel(NOW, tick=False)
class MeetingsShowWhatTheyAreTests(CalendarTestCase):
    """A meeting of several days reads as several days; a cancelled one offers nothing."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.camp = cls.meeting(
            local(2027, 6, 12, 10, 0), hours=54, title="Jeugdkamp", slug="jeugdkamp"
        )
        cls.camp_de = cls.translated(cls.camp, title="Jugendlager", slug="jugendlager")
        cls.fair = cls.meeting(
            local(2027, 5, 30, 10, 0), hours=60, title="Grensmarkt", slug="grensmarkt"
        )
        cls.evening = cls.meeting(
            local(2026, 4, 2, 19, 0),
            title="Afgelaste avond",
            slug="afgelaste-avond",
            capacity=20,
            cancelled=True,
        )

    def test_cards_and_pages_show_the_days_of_a_meeting_of_several_days(self):
        cards = {
            card.select_one(".meeting__title").get_text(strip=True): card
            for card in soup(self.client.get("/nl/agenda/")).select(".meeting")
        }
        self.assertEqual(
            cards["Jeugdkamp"].select_one(".meeting__when").get_text(" ", strip=True),
            "12–14\xa0juni\xa02027 (begint 10:00, eindigt 16:00)",
        )
        self.assertEqual(cards["Jeugdkamp"].select_one(".meeting__day").get_text(), "12–14")
        self.assertIn(
            "30\xa0mei – 1\xa0juni\xa02027",
            cards["Grensmarkt"].select_one(".meeting__when").get_text(),
        )
        german = soup(self.client.get("/de/kalender/jugendlager/"))
        self.assertEqual(
            german.select_one(".meeting-page__days").get_text(strip=True), "12.–14.\xa0Juni\xa02027"
        )

    def test_a_cancelled_meeting_offers_no_places_and_no_registration(self):
        member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        self.client.force_login(member)
        page = soup(self.client.get("/nl/agenda/afgelaste-avond/"))
        self.assertNotIn("plaatsen vrij", page.get_text())
        self.assertIsNone(page.find("button", string="Aanmelden"))
        self.assertIn("de bijeenkomst is afgelast", page.select_one(".registration").get_text())

    def test_a_members_own_cancellation_is_not_called_a_cancelled_meeting(self):
        with translation.override("nl"):
            self.assertEqual(str(RegistrationStatus.CANCELLED.label), "Afgemeld")
        with translation.override("de"):
            self.assertEqual(str(RegistrationStatus.CANCELLED.label), "Abgemeldet")


class PrivateSectorTests(CalendarTestCase):
    """A sector an editor made private (a password): its page asked for it, but its feeds,
    its name in the filters and the listings filtered by it still answered (attack of
    2026-12-05, F4)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.meeting(
            local(2026, 4, 5, 14, 0), title="Akkerbouw", slug="akkerbouw", sectors=[cls.farming]
        )
        PageViewRestriction.objects.create(
            page=cls.farming, restriction_type="password", password="geheim-genoeg"
        )

    def test_its_feeds_answer_not_found(self):
        slug = self.farming.slug
        for url in (
            f"/nl/calendar/sectors/{slug}.ics",
            f"/nl/feeds/sectors/{slug}.rss",
            f"/nl/feeds/sectors/{slug}.atom",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_the_overviews_do_not_offer_or_apply_it_as_a_filter(self):
        for url in (self.calendar.url, self.story_index.url):
            with self.subTest(url=url):
                page = self.client.get(f"{url}?sector={self.farming.slug}")
                options = BeautifulSoup(page.content, "html.parser").select(
                    "select[name=sector] option"
                )
                self.assertNotIn(self.farming.slug, [option["value"] for option in options])
                # Ignored, as an unknown value is: the listing is the unfiltered one.
                unfiltered = self.client.get(url)
                self.assertEqual(titles(page), titles(unfiltered))


class PrivateSectorEverywhereTests(CalendarTestCase):
    """The filter was not the only place: the private sector's card stood on the overview and
    the home page, stories and meetings were labelled with it and linked it, members could
    choose it for a contribution and join it when it was for a group they were not in (second
    attack of 2026-12-05, F1 and F2)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.home.show_in_menus = True
        cls.story(title="Kieviten tellen", slug="kieviten", sectors=[cls.farming, cls.climate])
        group = Group.objects.create(name="Boeren")
        restriction = PageViewRestriction.objects.create(
            page=cls.farming, restriction_type="groups"
        )
        restriction.groups.add(group)
        cls.member = get_user_model().objects.create_user("anke@example.org", "een-lang-wachtwoord")

    def test_its_name_and_link_are_nowhere_for_those_who_may_not_open_it(self):
        for url in (
            self.home.url,
            self.sector_index.url,
            self.story_index.url,
            f"{self.story_index.url}kieviten/",
            "/nl/feeds/stories.rss",
        ):
            with self.subTest(url=url):
                page = self.client.get(url)
                self.assertEqual(page.status_code, 200)
                self.assertNotContains(page, self.farming.url)
                self.assertNotContains(page, "Landbouw")
        # The public sector still shows.
        self.assertContains(self.client.get(self.sector_index.url), self.climate.url)

    def test_a_member_neither_chooses_nor_joins_it(self):
        self.client.force_login(self.member)
        form = self.client.get("/nl/members/stories/new/")
        self.assertNotContains(form, "Landbouw")
        self.assertContains(form, "Duurzaamheid")
        response = self.client.post(f"/nl/members/sectors/{self.farming.pk}/join/")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.member.memberships.exists())


def titles(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [title.get_text(strip=True) for title in page.select(".card__title")]
