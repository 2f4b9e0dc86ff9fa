"""A visitor in a real browser (headless Chromium): language switching, keyboard access, and the
newsletter and meeting emails a visitor and a member get from what they do there."""

import datetime
import re

import icalendar
import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.base import BilingualSiteMixin, publish_translation
from tests.calendar_base import CalendarMixin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What the focused element looks like: an outline that is drawn, or a box-shadow of some size.
FOCUS_STYLE = """() => {
    const style = getComputedStyle(document.activeElement);
    const shadow = style.boxShadow === "none" ? [] : style.boxShadow.match(/-?[\\d.]+px/g) || [];
    return {
        outline: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth),
        shadow: Math.max(0, ...shadow.map((length) => Math.abs(parseFloat(length)))),
    };
}"""


@pytest.fixture
def site():
    class Site(BilingualSiteMixin):
        pass

    Site.build_site()
    about = Site.add_page(title="Over de jumelage", slug="over-de-jumelage", show_in_menus=True)
    about_de = publish_translation(about, Site.german)
    about_de.title = "Über die Partnerschaft"
    about_de.slug = "ueber-die-partnerschaft"
    about_de.save_revision().publish()
    return Site


def test_visitor_switches_a_page_to_german_and_back(site, live_server, page):
    page.goto(f"{live_server.url}/nl/over-de-jumelage/")
    assert page.locator("html").get_attribute("lang") == "nl"

    page.get_by_role("navigation", name="Kies een taal").get_by_role("link", name="Deutsch").click()

    assert page.url == f"{live_server.url}/de/ueber-die-partnerschaft/"
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("heading", level=1).inner_text() == "Über die Partnerschaft"

    page.get_by_role("navigation", name="Sprache wählen").get_by_role(
        "link", name="Nederlands"
    ).click()
    assert page.url == f"{live_server.url}/nl/over-de-jumelage/"


def test_keyboard_user_reaches_skip_link_and_language_switcher(site, live_server, page):
    page.goto(f"{live_server.url}/nl/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()

    reached = []
    for _ in range(10):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert "Deutsch" in reached
    assert "Over de jumelage" in reached


def test_pages_load_without_content_security_policy_violations(site, live_server, page):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    for path in ("/nl/", "/nl/over-de-jumelage/", "/de/accounts/signup/", "/nl/search/?q=fiets"):
        response = page.goto(f"{live_server.url}{path}")
        assert "script-src 'self'" in response.headers["content-security-policy"]
    assert violations == []


def tab_to(page, target, limit=60):
    """Presses Tab until `target` has the focus, and checks that the focus can be seen there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            focus = page.evaluate(FOCUS_STYLE)
            assert focus["outline"] > 0 or focus["shadow"] > 0, (target, focus)
            return
    pytest.fail(f"{target} not reached in {limit} presses of Tab")


@pytest.fixture
def exchanges():
    class Site(CalendarMixin):
        pass

    Site.build_calendar()
    for index in (Site.story_index, Site.calendar):
        index.show_in_menus = True
        index.save_revision().publish()
    Site.story(title="Kieviten tellen", slug="kieviten", sectors=[Site.farming])
    Site.story(title="Zonnepanelen op het dorpshuis", slug="zonnepanelen", sectors=[Site.climate])
    Site.meeting_page = Site.meeting(
        timezone.now() + datetime.timedelta(days=10), title="Fietstocht", capacity=12
    )
    member = get_user_model().objects.create_user("anke@example.org", "een-lang-wachtwoord")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return Site


def test_keyboard_user_filters_stories_with_visible_focus_all_the_way(exchanges, live_server, page):
    page.goto(f"{live_server.url}/nl/verhalen/")
    tab_to(page, page.get_by_role("link", name="Naar de inhoud"))
    tab_to(page, page.get_by_role("navigation", name="Kies een taal").get_by_role("link"))
    main_nav = page.get_by_role("navigation", name="Hoofdmenu")
    tab_to(page, main_nav.get_by_role("link", name="Verhalen"))
    tab_to(page, main_nav.get_by_role("link", name="Agenda"))
    sector = page.get_by_label("Sector", exact=True)
    tab_to(page, sector)
    page.keyboard.press("ArrowDown")
    assert sector.input_value() != ""
    chosen = sector.evaluate("select => select.selectedOptions[0].textContent")
    tab_to(page, page.get_by_role("button", name="Toon verhalen"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/nl/verhalen/?sector=*")
    assert page.get_by_role("status").inner_text() == "1 verhaal"
    expected = "Kieviten tellen" if chosen == "Landbouw" else "Zonnepanelen op het dorpshuis"
    assert page.locator(".card__title").all_inner_texts() == [expected]


def test_keyboard_user_logs_in_from_a_meeting_and_registers_with_visible_focus(
    exchanges, live_server, page, mailoutbox
):
    meeting_url = f"{live_server.url}{exchanges.meeting_page.url}"
    page.goto(meeting_url)
    login = page.get_by_role("link", name="Log in als lid om u aan te melden.")
    tab_to(page, login)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/nl/accounts/login/?next={exchanges.meeting_page.url}")
    tab_to(page, page.get_by_label("E-mail"))
    page.keyboard.type("anke@example.org")
    tab_to(page, page.get_by_label("Wachtwoord", exact=True))
    page.keyboard.type("een-lang-wachtwoord")
    page.keyboard.press("Enter")
    page.wait_for_url(meeting_url)

    tab_to(page, page.get_by_role("button", name="Aanmelden", exact=True))
    with page.expect_navigation():
        page.keyboard.press("Space")
    assert page.get_by_text("U bent aangemeld voor deze bijeenkomst.").is_visible()
    # The confirmation brings the meeting for her calendar (issue 15).
    [confirmation] = [email for email in mailoutbox if email.to == ["anke@example.org"]]
    [(filename, invitation, mimetype)] = confirmation.attachments
    assert mimetype == "text/calendar; method=REQUEST"
    assert icalendar.Calendar.from_ical(invitation)["METHOD"] == "REQUEST"
    tab_to(page, page.get_by_role("button", name="Mijn aanmelding annuleren"))
    with page.expect_navigation():
        page.keyboard.press("Space")
    cancellation = [email for email in mailoutbox if email.to == ["anke@example.org"]][-1]
    assert icalendar.Calendar.from_ical(cancellation.attachments[0][1])["METHOD"] == "CANCEL"


def test_a_german_visitor_subscribes_to_the_newsletter_and_confirms_by_email(
    exchanges, live_server, page, mailoutbox, settings
):
    """Issue 15: from the footer to a confirmed subscription, in German, with double opt-in."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    page.goto(f"{live_server.url}/de/")
    page.locator("footer").get_by_role("link", name="Newsletter").click()
    page.wait_for_url("**/de/newsletter/")
    page.get_by_label("E-Mail-Adresse").fill("besucherin@example.org")
    page.get_by_label("Ich möchte den Newsletter der Partnerschaft per E-Mail erhalten.").check()
    page.locator("main form button[type=submit]").click()
    assert "besucherin@example.org" in page.get_by_role("status").inner_text()
    [confirmation] = mailoutbox
    assert confirmation.to == ["besucherin@example.org"]
    link = re.search(r"http://\S+/de/newsletter/confirm/\S+/", confirmation.body).group(0)
    page.goto(link)
    page.locator("main form button[type=submit]").first.click()
    assert page.get_by_role("status").inner_text().startswith("Ihr Abonnement ist bestätigt")


def test_a_member_changing_her_address_finds_its_actions_under_the_pending_address(
    site, live_server, page
):
    """The pending address's note and its buttons stood inline beside the field at 1280 px, the
    buttons as large as the form's own (walk of 2026-12-05, W4): they come on a row under it,
    in the site's secondary and danger styles, and nothing scrolls sideways on a phone."""
    member = get_user_model().objects.create_user("anke@example.org", "een-lang-wachtwoord")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/nl/accounts/login/?next=/nl/accounts/email/")
    page.get_by_label("E-mail").fill("anke@example.org")
    page.get_by_label("Wachtwoord", exact=True).fill("een-lang-wachtwoord")
    with page.expect_navigation():
        page.get_by_label("Wachtwoord", exact=True).press("Enter")
    page.get_by_label("Nieuw e-mailadres").fill("anke.nieuw@example.org")
    with page.expect_navigation():
        page.get_by_role("button", name="E-mailadres wijzigen").click()
    # A change asks for her password first (attack 42); confirmed, the change goes through.
    page.get_by_label("Wachtwoord", exact=True).fill("een-lang-wachtwoord")
    with page.expect_navigation():
        page.get_by_role("button", name="Bevestigen").click()

    pending = page.get_by_label("Wordt gewijzigd in").bounding_box()
    send = page.get_by_role("button", name="Bevestigingsmail opnieuw versturen")
    cancel = page.get_by_role("button", name="Wijziging annuleren")
    for button in (send, cancel):
        assert button.bounding_box()["y"] >= pending["y"] + pending["height"]
    assert "button--secondary" in send.get_attribute("class")
    assert "button--danger" in cancel.get_attribute("class")
    # Of the new address, under it: her current address is confirmed (walk of 2026-12-05, W4).
    assert page.get_by_text("Dit adres is nog niet bevestigd.").bounding_box()["y"] >= (
        pending["y"] + pending["height"]
    )

    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_form_sent_back_with_errors_puts_the_focus_on_the_first_of_them(
    exchanges, live_server, page
):
    """Walk 16: the focus stayed at the top of the page, above the whole form again; a keyboard
    or screen reader user now lands on the field to correct, which reads its error out."""
    page.goto(f"{live_server.url}/de/newsletter/")
    page.get_by_label("E-Mail-Adresse").fill("keine-adresse")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    focused = page.evaluate("() => document.activeElement.name")
    assert focused == "email"
    described = page.evaluate(
        "() => document.getElementById(document.activeElement.getAttribute('aria-describedby')"
        ".split(' ').pop()).innerText"
    )
    assert "gültige E-Mail-Adresse" in described, described


def test_a_form_without_errors_leaves_the_focus_where_it_is(exchanges, live_server, page):
    page.goto(f"{live_server.url}/nl/newsletter/")
    assert page.evaluate("() => document.activeElement === document.body")


def test_an_old_link_with_an_unknown_filter_does_not_take_the_focus(exchanges, live_server, page):
    """The overview's filter marks the unknown town as invalid (a GET form): nobody sent it."""
    page.goto(f"{live_server.url}/nl/verhalen/?town=nergens")
    assert page.locator("select[aria-invalid='true']").count() == 1
    assert page.evaluate("() => document.activeElement === document.body")
