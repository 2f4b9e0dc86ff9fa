"""What a newcomer walking the member side noticed (issue 15): the digests, the calendar address and
the emails about a meeting, as a member meets them."""

from pathlib import Path

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, override_settings

from community.models import SectorMembership
from community.models.members import DigestFrequency
from exchanges.digests import unsubscribe_url
from tests.stories_base import StoriesMixin
from tests.test_digests import DigestTestCase, day
from tests.test_meeting_emails import NOW, MeetingEmailsTestCase
from tests.test_personal_calendar import PersonalCalendarTestCase


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class UnsubscribedFromDigests(DigestTestCase):
    def test_after_unsubscribing_the_page_links_the_digest_settings_and_home(self):
        self.join(self.anna, self.climate, day(0, 6))
        address = unsubscribe_url(self.anna).removeprefix("http://testserver")
        page = soup(self.client.post(address))
        self.assertIn("U ontvangt geen nieuwsoverzichten meer.", page.main.get_text())
        settings_link = page.main.find("a", href="/nl/members/digests/")
        self.assertEqual(
            settings_link.get_text(strip=True), "uw instellingen voor nieuwsoverzichten"
        )
        self.assertEqual(
            page.main.find("a", href="/nl/").get_text(strip=True), "Naar de startpagina"
        )


class JoiningASector(DigestTestCase):
    def join_on_page(self, member, sector):
        """Presses the sector page's join button; returns the page it leads back to."""
        self.client.force_login(member)
        join = soup(self.client.get(sector.url)).find(
            "form", action=lambda action: action and "join" in action
        )
        return soup(self.client.post(join["action"], follow=True))

    def test_the_welcome_says_a_weekly_email_follows_and_links_its_settings(self):
        page = self.join_on_page(self.anna, self.farming)
        message = page.select_one(".messages .message").get_text(" ", strip=True)
        self.assertIn("Welkom bij de gemeenschap Landbouw!", message)
        self.assertIn(
            "Elke maandag krijgt u een e-mail met het nieuws van deze gemeenschap.", message
        )
        link = page.select_one(".messages a")
        self.assertEqual(link["href"], "/nl/members/digests/")
        self.assertEqual(link.get_text(strip=True), "Kies hoe vaak, of zet hem uit")
        membership = SectorMembership.objects.get(user=self.anna)
        self.assertEqual(membership.digest, DigestFrequency.WEEKLY)

    def test_a_german_member_is_told_in_german(self):
        page = self.join_on_page(self.bernd, self.farming.get_translation(self.german))
        message = page.select_one(".messages .message").get_text(" ", strip=True)
        self.assertIn("Jeden Montag erhalten Sie eine E-Mail", message)
        self.assertEqual(page.select_one(".messages a")["href"], "/de/members/digests/")


class DigestDetails(DigestTestCase):
    def test_a_single_sectors_digest_subject_names_it_after_a_colon(self):
        self.join(self.anna, self.farming, day(0, 8))
        self.new_meeting("Boerenmarkt", self.farming, day(3, 12), slug="boerenmarkt")
        [email] = self.run_at(day(7, 7, 0))
        self.assertEqual(email.subject, "Nieuws uit uw sectorgemeenschap: Landbouw")

    def test_the_settings_page_says_as_it_happens_takes_a_few_minutes(self):
        self.join(self.anna, self.farming, day(0, 8))
        self.join(self.bernd, self.farming, day(0, 8))
        for member, path, words in (
            (self.anna, "/nl/members/digests/", "binnen enkele minuten"),
            (self.bernd, "/de/members/digests/", "innerhalb weniger Minuten"),
        ):
            self.client.force_login(member)
            option = soup(self.client.get(path)).find("option", value="as_it_happens")
            self.assertIn(words, option.get_text())

    def test_back_to_my_page_is_a_button_of_its_own_beside_save(self):
        self.join(self.bernd, self.farming, day(0, 8))
        self.client.force_login(self.bernd)
        page = soup(self.client.get("/de/members/digests/"))
        back = page.select_one("form.form").find("a", href="/de/members/")
        self.assertIn("button", back["class"])
        self.assertIn("actions", back.parent["class"])


@time_machine.travel(NOW, tick=False)
class CalendarBox(PersonalCalendarTestCase):
    def member_area(self, member, language="nl"):
        self.client.force_login(member)
        return soup(self.client.get(f"/{language}/members/"))

    def test_the_address_is_a_full_width_field_with_a_copy_button_in_the_readers_language(self):
        for language, copy, copied in (
            ("nl", "Kopiëren", "Gekopieerd"),
            ("de", "Kopieren", "Kopiert"),
        ):
            page = self.member_area(self.anna, language)
            field = page.find("input", id="calendar-address")
            self.assertIn("copy-field__input", field["class"])
            self.assertFalse(field.has_attr("size"))
            button = page.find("button", attrs={"data-copy": "calendar-address"})
            self.assertEqual(button.get_text(strip=True), copy)
            self.assertEqual(button["data-copied"], copied)
            # Without script there is no button that does nothing: the script shows it.
            self.assertTrue(button.has_attr("hidden"))
            self.assertTrue(page.find("script", src="/static/js/copy-field.js"))
        static = Path(settings.BASE_DIR) / "static"
        script = (static / "js" / "copy-field.js").read_text()
        self.assertIn("dataset.copied", script)
        css = (static / "css" / "site.css").read_text()
        self.assertIn(".copy-field__input {", css)
        self.assertIn(".copy-field__button[hidden] { display: none; }", css)

    def test_a_new_address_is_asked_for_before_the_old_one_stops_working(self):
        old = self.calendar_address(self.anna)
        page = self.member_area(self.anna)
        self.assertFalse(page.find("form", action="/nl/members/calendar/reset/"))
        link = page.find("a", href="/nl/members/calendar/reset/")
        self.assertEqual(link.get_text(strip=True), "Mijn agenda een nieuw adres geven")

        asked = soup(self.client.get("/nl/members/calendar/reset/"))
        self.assertEqual(asked.h1.get_text(strip=True), "Mijn agenda een nieuw adres geven?")
        self.assertIn("Het oude adres werkt dan meteen niet meer", asked.main.get_text())
        self.assertTrue(asked.find("a", href="/nl/members/#my-calendar"))
        self.assertEqual(self.calendar_address(self.anna), old)

        # A post without the confirmation (an old page's form) only asks again.
        self.client.post("/nl/members/calendar/reset/")
        self.assertEqual(self.calendar_address(self.anna), old)

        button = asked.find("button", attrs={"name": "confirm"})
        response = self.client.post(
            "/nl/members/calendar/reset/", {"confirm": button["value"]}, follow=True
        )
        self.assertContains(response, "Uw agenda heeft een nieuw adres.")
        self.assertNotEqual(self.calendar_address(self.anna), old)


@time_machine.travel(NOW, tick=False)
class CancellationEmail(MeetingEmailsTestCase):
    def test_the_cancellation_of_an_online_meeting_does_not_speak_of_a_place_they_have(self):
        self.register(self.anna, self.online)
        self.register(self.bernd, self.online_de)
        mail.outbox.clear()
        self.cancel(self.anna, self.online)
        self.cancel(self.bernd, self.online_de)
        [anna] = self.emails_to(self.anna)
        self.assertIn(
            "Online: de link staat op de pagina van de bijeenkomst zodra u weer een plaats hebt.",
            anna.body,
        )
        self.assertNotIn("voor leden met een plaats", anna.body)
        [bernd] = self.emails_to(self.bernd)
        # After the colon a sentence, capitalised as in the waiting list email (walk W10).
        self.assertIn(
            "Online: Der Link steht auf der Seite des Treffens, sobald Sie wieder einen Platz",
            bernd.body,
        )


# In a real browser (headless Chromium) on a phone, as the newcomer walked it.
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def member():
    class Site(StoriesMixin):
        pass

    Site.build_stories()
    anna = get_user_model().objects.create_user(
        "anna@example.org", "een-lang-wachtwoord-123", display_name="Anna", language="nl"
    )
    SectorMembership.objects.create(user=anna, sector_key=Site.farming.translation_key)
    return anna


def logged_in(browser, live_server, user, **options):
    """A phone's browser page with `user` logged in."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="nl-NL", viewport=PHONE, **options)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_member_copies_their_calendar_address_with_one_tap(member, live_server, browser):
    page = logged_in(
        browser, live_server, member, permissions=["clipboard-read", "clipboard-write"]
    )
    page.goto(f"{live_server.url}/nl/members/")
    field = page.get_by_label("Adres van mijn agenda")
    main = page.locator("main .wrap").first.bounding_box()
    # As wide as the column allows, in the site's own font size, not a small box.
    assert field.bounding_box()["width"] > main["width"] * 0.6
    assert field.evaluate("node => getComputedStyle(node).fontSize") == page.locator(
        "#my-calendar + p"
    ).evaluate("node => getComputedStyle(node).fontSize")
    button = page.get_by_role("button", name="Kopiëren")
    button.click()
    page.get_by_role("button", name="Gekopieerd").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == field.input_value()
    page.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_without_script_the_address_is_there_to_select_and_no_button_is(
    member, live_server, browser
):
    page = logged_in(browser, live_server, member, java_script_enabled=False)
    page.goto(f"{live_server.url}/nl/members/")
    assert page.get_by_label("Adres van mijn agenda").is_visible()
    assert page.get_by_role("button", name="Kopiëren").count() == 0
    # Asking before a new address works without script too.
    page.get_by_role("link", name="Mijn agenda een nieuw adres geven").click()
    page.get_by_role("button", name="Ja, geef mijn agenda een nieuw adres").click()
    assert page.get_by_text("Uw agenda heeft een nieuw adres.").is_visible()
    page.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_back_to_my_page_does_not_wrap_beside_the_save_button(member, live_server, browser):
    page = logged_in(browser, live_server, member)
    page.goto(f"{live_server.url}/de/members/digests/")
    save = page.get_by_role("button", name="Meine Auswahl speichern").bounding_box()
    back = page.get_by_role("link", name="Zurück zu meiner Seite").bounding_box()
    # One line of its own height, not a word beside the button and the rest under it.
    assert back["height"] <= save["height"] + 1
    assert back["y"] >= save["y"] + save["height"] or back["x"] >= save["x"] + save["width"]
    page.context.close()


class SectorJoinBox(DigestTestCase):
    @override_settings(PAGE_CACHE_SECONDS=300)
    def test_a_member_who_joined_finds_the_digest_settings_in_the_join_box(self):
        self.join(self.anna, self.farming, day(0, 8))
        self.client.force_login(self.anna)
        for _visit in range(2):  # made for the member, then from the page cache's entry
            box = soup(self.client.get(self.farming.url)).select_one(".membership")
            link = box.find("a", href="/nl/members/digests/")
            self.assertIn("per e-mail krijgt", link.get_text())
        self.client.logout()
        box = soup(self.client.get(self.farming.url)).select_one(".membership")
        self.assertFalse(box.find("a", href="/nl/members/digests/"))


@time_machine.travel(NOW, tick=False)
class WaitingListOnTheMeetingPage(PersonalCalendarTestCase):
    NOTE = "een plaats heeft u daarmee nog niet"

    def registration_box(self, member):
        self.client.force_login(member)
        return soup(self.client.get(self.full.url)).select_one(".registration").get_text()

    def test_the_calendar_links_are_not_offered_as_a_place_to_the_waiting_list(self):
        self.assertIn(self.NOTE, self.registration_box(self.anna))  # on the waiting list
        self.assertNotIn(self.NOTE, self.registration_box(self.bernd))  # has the place
