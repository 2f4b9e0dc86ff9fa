"""A member's own calendar feed at a secret address they can replace, and the "add to Google
Calendar / Outlook" links of a meeting's page."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import icalendar
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation

from exchanges.choices import MeetingFormat
from exchanges.models import Registration
from tests.calendar_base import CalendarMixin, local

User = get_user_model()

NOW = local(2026, 3, 10, 12, 0)
JOIN = "https://video.jumelage.example/sessie"


class PersonalCalendarTestCase(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.online = cls.meeting(
            local(2026, 3, 20, 19, 0),
            title="Online sessie",
            slug="online",
            format=MeetingFormat.ONLINE,
            online_url=JOIN,
        )
        cls.online_de = cls.translated(cls.online, title="Online-Sitzung", slug="online")
        cls.visit = cls.meeting(local(2026, 4, 2, 10, 0), title="Bezoek", slug="bezoek")
        cls.full = cls.meeting(local(2026, 4, 3, 10, 0), title="Vol", slug="vol", capacity=1)
        cls.dropped = cls.meeting(local(2026, 4, 4, 10, 0), title="Afgemeld", slug="afgemeld")
        cls.elsewhere = cls.meeting(local(2026, 4, 5, 10, 0), title="Niet voor Anna", slug="niet")
        cls.anna = User.objects.create_user("anna@example.org", "x", language="nl")
        cls.bernd = User.objects.create_user("bernd@example.org", "x", language="de")
        with time_machine.travel(NOW, tick=False):
            for meeting in (cls.online, cls.visit, cls.dropped):
                Registration.objects.register(meeting, cls.anna)
            Registration.objects.cancel(cls.dropped, cls.anna)
            Registration.objects.register(cls.full, cls.bernd)
            Registration.objects.register(cls.full, cls.anna)  # waiting
            Registration.objects.register(cls.elsewhere, cls.bernd)

    def calendar_address(self, member):
        self.client.force_login(member)
        page = BeautifulSoup(self.client.get("/nl/members/").content, "html.parser")
        return page.find("input", id="calendar-address")["value"]

    def events(self, response):
        cal = icalendar.Calendar.from_ical(response.content)
        return {str(event["SUMMARY"]): event for event in cal.walk("VEVENT")}


@time_machine.travel(NOW, tick=False)
class PersonalFeedTests(PersonalCalendarTestCase):
    def test_the_feed_lists_exactly_the_meetings_the_member_has_a_place_at(self):
        address = self.calendar_address(self.anna)
        self.assertRegex(address, r"^http://testserver/nl/members/calendar/[\w-]{20,}\.ics$")
        self.client.logout()  # a calendar app has no session
        response = self.client.get(address)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        self.assertEqual(sorted(self.events(response)), ["Bezoek", "Online sessie"])

    def test_the_member_area_offers_to_subscribe_in_a_calendar_app(self):
        address = self.calendar_address(self.anna)
        page = BeautifulSoup(self.client.get("/de/members/").content, "html.parser")
        link = page.find("a", string="In meiner Kalender-App abonnieren")
        self.assertEqual(
            link["href"], address.replace("http://", "webcal://").replace("/nl/", "/de/")
        )

    def test_online_meetings_carry_the_join_link_which_the_public_feeds_never_do(self):
        address = self.calendar_address(self.anna)
        event = self.events(self.client.get(address))["Online sessie"]
        self.assertIn(JOIN, str(event["DESCRIPTION"]))
        # ...and does not send the reader to the page for it (newcomer walk).
        self.assertNotIn("de link staat", str(event["DESCRIPTION"]))
        self.assertNotIn(JOIN.encode(), self.client.get("/nl/calendar.ics").content)

    def test_the_german_address_gives_the_meetings_in_german(self):
        address = self.calendar_address(self.anna).replace("/nl/", "/de/")
        self.assertIn("Online-Sitzung", self.events(self.client.get(address)))

    def test_the_address_is_the_same_until_the_member_resets_it(self):
        self.assertEqual(self.calendar_address(self.anna), self.calendar_address(self.anna))
        self.assertNotEqual(self.calendar_address(self.anna), self.calendar_address(self.bernd))

    def test_after_a_reset_the_old_address_is_not_found_and_the_new_one_works(self):
        old = self.calendar_address(self.anna)
        response = self.client.post(
            "/nl/members/calendar/reset/", {"confirm": "reset"}, follow=True
        )
        self.assertContains(response, "Uw agenda heeft een nieuw adres.")
        new = self.calendar_address(self.anna)
        self.assertNotEqual(new, old)
        self.client.logout()
        self.assertEqual(self.client.get(old).status_code, 404)
        self.assertEqual(sorted(self.events(self.client.get(new))), ["Bezoek", "Online sessie"])

    def test_the_data_export_says_since_when_but_never_gives_the_secret_address(self):
        address = self.calendar_address(self.anna)
        export = self.client.get("/nl/members/my-data/")
        made = datetime.datetime.fromisoformat(export.json()["personal_calendar"]["created_at"])
        self.assertEqual(made, NOW)
        secret = address.rsplit("/", 1)[1].removesuffix(".ics")
        self.assertNotIn(secret, export.content.decode())

    def test_reset_needs_a_login_and_a_confirmed_post(self):
        response = self.client.post("/nl/members/calendar/reset/", {"confirm": "reset"})
        self.assertTrue(response["Location"].startswith("/nl/accounts/login/"))
        old = self.calendar_address(self.anna)
        self.assertEqual(self.client.get("/nl/members/calendar/reset/").status_code, 200)
        self.assertEqual(self.client.put("/nl/members/calendar/reset/").status_code, 405)
        self.assertEqual(self.calendar_address(self.anna), old)

    def test_a_made_up_address_is_not_found(self):
        self.calendar_address(self.anna)
        self.client.logout()
        self.assertEqual(self.client.get("/nl/members/calendar/bestaat-niet.ics").status_code, 404)

    def test_a_calendar_app_asking_with_head_is_answered_as_with_get(self):
        # Calendar applications and link checkers ask HEAD before they subscribe (attack 22, F7).
        with translation.override("nl"):
            public = reverse("calendar_feed")
        for address in (self.calendar_address(self.anna), public):
            with self.subTest(address=address):
                head = self.client.head(address)
                self.assertEqual(head.status_code, 200)
                self.assertEqual(head["Content-Type"], self.client.get(address)["Content-Type"])
                self.assertEqual(head.content, b"")

    @override_settings(PAGE_CACHE_SECONDS=300)
    def test_no_cache_keeps_the_feed_for_anyone_else(self):
        old = self.calendar_address(self.anna)
        self.client.logout()
        response = self.client.get(old)
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])
        self.assertNotIn("X-Page-Cache", response)
        self.client.force_login(self.anna)
        self.client.post("/nl/members/calendar/reset/", {"confirm": "reset"})
        self.client.logout()
        self.assertEqual(self.client.get(old).status_code, 404)


@time_machine.travel(NOW, tick=False)
class WebCalendarLinkTests(PersonalCalendarTestCase):
    def links(self, path):
        page = BeautifulSoup(self.client.get(path).content, "html.parser")
        google = page.find("a", string=re.compile("Google"))
        outlook = page.find("a", string=re.compile("Outlook"))
        return google, outlook

    def test_a_meeting_page_links_to_google_calendar_and_outlook_filled_in(self):
        google, outlook = self.links("/nl/agenda/bezoek/")
        self.assertEqual(google.get_text(), "Toevoegen aan Google Agenda")
        query = parse_qs(urlsplit(google["href"]).query)
        self.assertEqual(query["action"], ["TEMPLATE"])
        self.assertEqual(query["text"], ["Bezoek"])
        self.assertEqual(query["dates"], ["20260402T080000Z/20260402T100000Z"])
        self.assertEqual(query["location"], ["Dorpshuis"])
        self.assertIn("http://testserver/nl/agenda/bezoek/", query["details"][0])
        query = parse_qs(urlsplit(outlook["href"]).query)
        self.assertTrue(
            outlook["href"].startswith("https://outlook.live.com/calendar/0/deeplink/compose?")
        )
        self.assertEqual(query["subject"], ["Bezoek"])
        self.assertEqual(query["startdt"], ["2026-04-02T08:00:00Z"])
        self.assertEqual(query["enddt"], ["2026-04-02T10:00:00Z"])
        self.assertEqual(query["rru"], ["addevent"])

    def test_the_links_never_carry_the_join_link_even_for_a_registered_member(self):
        self.client.force_login(self.anna)
        google, outlook = self.links("/nl/agenda/online/")
        self.assertNotIn("video.jumelage.example", google["href"] + outlook["href"])
        self.assertIn("Zu Google Kalender", str(self.links("/de/kalender/online/")[0]))


@time_machine.travel(NOW, tick=False)
class NewPasswordTests(PersonalCalendarTestCase):
    """Whoever learnt her calendar address with her old password (or before she reset it) reads
    her meetings no more once the password is changed or reset, however it was set; her member
    area gives the new address."""

    PASSWORD = "een-lang-wachtwoord"
    NEW_PASSWORD = "een-nieuw-lang-wachtwoord"

    def setUp(self):
        self.anna.set_password(self.PASSWORD)
        self.anna.save()
        self.old = self.calendar_address(self.anna)

    def assertNewAddress(self):
        self.client.logout()
        self.assertEqual(self.client.get(self.old).status_code, 404)
        new = self.calendar_address(User.objects.get(pk=self.anna.pk))
        self.assertNotEqual(new, self.old)
        self.client.logout()
        self.assertEqual(self.client.get(new).status_code, 200)

    def test_changing_her_password_gives_her_calendar_a_new_address(self):
        response = self.client.post(
            "/nl/accounts/password/change/",
            {
                "oldpassword": self.PASSWORD,
                "password1": self.NEW_PASSWORD,
                "password2": self.NEW_PASSWORD,
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertNewAddress()

    def test_resetting_her_password_gives_her_calendar_a_new_address(self):
        self.client.logout()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post("/nl/accounts/password/reset/", {"email": "anna@example.org"})
        [email] = mail.outbox
        link = re.search(r"\S+/accounts/password/reset/key/\S+", email.body).group(0)
        form = self.client.get(link, follow=True)
        response = self.client.post(
            form.redirect_chain[-1][0],
            {"password1": self.NEW_PASSWORD, "password2": self.NEW_PASSWORD},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(User.objects.get(pk=self.anna.pk).check_password(self.NEW_PASSWORD))
        self.assertNewAddress()

    def test_a_password_an_administrator_sets_gives_her_calendar_a_new_address(self):
        admin = User.objects.create_superuser("beheer@example.org", "x")
        self.client.force_login(admin)
        response = self.client.post(
            f"/admin/users/edit/{self.anna.pk}/",
            {
                "email": self.anna.email,
                "password1": self.NEW_PASSWORD,
                "password2": self.NEW_PASSWORD,
                "is_active": "on",
                "language": "nl",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(User.objects.get(pk=self.anna.pk).check_password(self.NEW_PASSWORD))
        self.assertNewAddress()

    def test_any_password_set_and_saved_gives_her_calendar_a_new_address(self):
        self.anna.set_password(self.NEW_PASSWORD)
        self.anna.save()
        self.assertNewAddress()

    @override_settings(
        PASSWORD_HASHERS=[
            "django.contrib.auth.hashers.PBKDF2PasswordHasher",
            "django.contrib.auth.hashers.MD5PasswordHasher",
        ]
    )
    def test_logging_in_keeps_her_address_when_django_only_upgrades_her_passwords_hash(self):
        self.client.logout()
        response = self.client.post(
            "/nl/accounts/login/", {"login": "anna@example.org", "password": self.PASSWORD}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(User.objects.get(pk=self.anna.pk).password.startswith("pbkdf2_"))
        self.client.logout()
        self.assertEqual(self.client.get(self.old).status_code, 200)
