"""Exchange visits in a real browser (headless Chromium), in both languages (issue 17): a Dutch
member signs up as a guest party, changes and cancels it, on a desktop and on a phone; a German
member offers hosting; the hosting town's coordinators propose the matching in the admin, place a
party by hand and publish it, and the guest finds the host household in the member area."""

import datetime
import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from exchanges import visits
from exchanges.choices import RegistrationStatus
from exchanges.models import GuestParty, HostOffer, Placement
from tests.visits_base import VisitMixin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

START = timezone.localdate() + datetime.timedelta(days=30)
NO_SIDEWAYS_SCROLLING = "document.documentElement.scrollWidth <= innerWidth"
SCROLL_WIDTHS = "`${document.documentElement.scrollWidth} > ${innerWidth}`"
# Dutch words of the guest form that must not appear on a German page.
DUTCH_WORDS = ("Aanmelden", "reisgezelschap", "Huishouden", "Nachten", "Bedden", "Opslaan")


def programme():
    """One day of the programme: a reception with what to bring, and an online call."""
    item = {"place": "", "online": False, "bring": "", "description": "", "end": None}
    return json.dumps(
        [
            {
                "type": "day",
                "value": {
                    "date": START.isoformat(),
                    "title": "Aankomst",
                    "items": [
                        {
                            **item,
                            "start": "10:00:00",
                            "end": "12:30:00",
                            "title": "Ontvangst in het Rathaus",
                            "place": "Rathaus Clarholz",
                            "bring": "Wandelschoenen",
                        },
                        {**item, "start": "20:00:00", "title": "Videogesprek", "online": True},
                    ],
                },
            }
        ]
    )


@pytest.fixture
def site():
    class Site(VisitMixin):
        pass

    Site.build_visit(
        title="Uitwisselingsbezoek Herzebrock",
        slug="bezoek",
        start_date=START,
        end_date=START + datetime.timedelta(days=3),
        seats=10,
        programme=programme(),
    )
    setup_roles()
    return Site


def url(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def log_in(browser, live_server, user, *, width=1280, locale="nl-NL"):
    """A page of a new browser context in which `user` is logged in (the session cookie of a
    test client: the login form has tests of its own)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    context.set_default_timeout(20_000)
    return context.new_page()


def test_dutch_member_signs_up_changes_on_a_phone_and_cancels(site, live_server, browser):
    anke = site.resident("Anke", site.steenwijkerland, "nl")
    page = log_in(browser, live_server, anke)
    page.goto(f"{live_server.url}{site.visit.url}")
    assert page.locator("html").get_attribute("lang") == "nl"
    programme_part = page.get_by_role("region", name="Programma")
    expect(programme_part).to_contain_text("Ontvangst in het Rathaus")
    expect(programme_part).to_contain_text("Wandelschoenen")
    signup = page.locator(".visit-signup")
    expect(signup).to_contain_text("10 van 10 plaatsen vrij")

    signup.get_by_role("link", name="Aanmelden als reisgezelschap").click()
    page.wait_for_url(f"**{url('nl', 'visit_guest_party', site.visit.pk)}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelden als reisgezelschap")
    page.get_by_label("Volwassenen").fill("2")
    page.get_by_label("Kinderen").fill("1")
    page.get_by_label("Wie reist er mee").fill("Anke, Piet en Sanne (8)")
    page.get_by_role("checkbox", name="Duits", exact=True).check()
    page.get_by_label("Allergisch voor dieren").check()
    page.get_by_label("Dieet").fill("Vegetarisch")
    page.get_by_role("button", name="Aanmelden", exact=True).click()

    page.wait_for_url(f"**{site.visit.url}")
    expect(page.get_by_text("U bent aangemeld: 3 plaatsen gereserveerd.").first).to_be_visible()
    expect(signup).to_contain_text("U bent aangemeld: 3 plaatsen gereserveerd.")
    expect(signup).to_contain_text("7 van 10 plaatsen vrij")
    party = GuestParty.objects.get(user=anke)
    assert (party.status, party.people) == (RegistrationStatus.REGISTERED, 3)
    assert party.languages == ["de"]
    assert party.animal_allergy and party.diet == "Vegetarisch"

    # On a phone: the form with her answers, no wider than the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    signup.get_by_role("link", name="Wijzigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw reisgezelschap wijzigen")
    assert page.evaluate(NO_SIDEWAYS_SCROLLING), page.evaluate(SCROLL_WIDTHS)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.get_by_label("Allergisch voor dieren")).to_be_checked()
    page.get_by_label("Kinderen").fill("2")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    page.wait_for_url(f"**{site.visit.url}")
    expect(signup).to_contain_text("U bent aangemeld: 4 plaatsen gereserveerd.")
    assert page.evaluate(NO_SIDEWAYS_SCROLLING), page.evaluate(SCROLL_WIDTHS)

    signup.get_by_role("link", name="Annuleren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw aanmelding annuleren")
    page.get_by_role("button", name="Ja, annuleer mijn aanmelding").click()
    page.wait_for_url(f"**{site.visit.url}")
    expect(page.get_by_text("Uw aanmelding voor dit bezoek is geannuleerd.")).to_be_visible()
    expect(signup.get_by_role("link", name="Aanmelden als reisgezelschap")).to_be_visible()
    expect(signup).to_contain_text("10 van 10 plaatsen vrij")
    assert GuestParty.objects.get(user=anke).status == RegistrationStatus.CANCELLED
    page.context.close()


def test_german_member_offers_hosting_in_german(site, live_server, browser):
    klaus = site.resident("Klaus Bergmann", site.herzebrock, "de")
    page = log_in(browser, live_server, klaus, locale="de-DE")
    page.goto(f"{live_server.url}{site.visit_de.url}")
    assert page.locator("html").get_attribute("lang") == "de"
    expect(page.get_by_role("region", name="Programm")).to_be_visible()
    page.locator(".visit-signup").get_by_role("link", name="Gastfamilie sein").click()

    page.wait_for_url(f"**{url('de', 'visit_host_offer', site.visit_de.pk)}")
    form = page.locator("main form")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gastfamilie sein")
    for german in ("Ihr Haushalt", "Ihr Zuhause", "Betten", "Nächte", "Haustiere im Haus"):
        expect(form).to_contain_text(german)
    text = page.locator("main").inner_text()
    assert not [word for word in DUTCH_WORDS if word.casefold() in text.casefold()], text
    nights = page.locator("input[name=nights]")
    assert nights.count() == len(site.visit.nights()) == 3
    for number in range(nights.count()):
        expect(nights.nth(number)).to_be_checked()
    expect(page.get_by_label("Haustiere im Haus")).not_to_be_checked()

    page.get_by_label("Haushalt", exact=True).fill("Familie Bergmann")
    page.get_by_label("Betten").fill("3")
    page.get_by_role("checkbox", name="Niederländisch", exact=True).check()
    form.get_by_role("button", name="Gastfamilie sein").click()

    page.wait_for_url(f"**{site.visit_de.url}")
    expect(page.locator(".visit-signup")).to_contain_text("3 Betten")
    offer = HostOffer.objects.get(user=klaus)
    assert (offer.household, offer.beds, offer.pets) == ("Familie Bergmann", 3, False)
    assert offer.languages == ["nl"]
    assert offer.nights == [night.isoformat() for night in site.visit.nights()]
    page.context.close()


def coordinator(email, *, language, group=None, superuser=False):
    user = get_user_model().objects.create_user(
        email, "redaktion-passwort-1", is_superuser=superuser, is_staff=superuser
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def guests_and_hosts(site):
    """Anke's party (Dutch) goes to the Bergmanns, who speak Dutch; Femke's party, allergic to
    animals and needing a smoke-free home, fits neither household."""
    anke = site.guest("Anke", adults=2, languages=["nl"])
    femke = site.guest("Femke", adults=1, animal_allergy=True, smoke_free=True)
    bergmann = site.host("Bergmann", beds=4, smoking_household=True, languages=["de", "nl"])
    schulte = site.host("Schulte", beds=2, pets=True, languages=["de"])
    return anke, femke, bergmann, schulte


def test_german_coordinator_matches_publishes_and_the_guest_sees_the_hosts(
    site, live_server, browser, mailoutbox
):
    anke, femke, bergmann, schulte = guests_and_hosts(site)
    editor = coordinator("redaktion@example.org", language="de", group=EDITOR_GROUPS[1])
    page = log_in(browser, live_server, editor, locale="de-DE")
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="Austauschbesuche").click()
    page.wait_for_url("**/admin/exchange-visits/")
    # The visit in the editor's language.
    page.get_by_role("link", name=site.visit_de.title, exact=True).click()
    page.get_by_role("link", name="Zuordnung", exact=True).click()
    page.get_by_role("button", name="Zuordnung vorschlagen").click()

    households = page.get_by_role("region", name="Gastfamilien und ihre Gäste")
    expect(households.get_by_role("row", name="Familie Bergmann")).to_contain_text("Anke (2)")
    left_out = page.get_by_role("region", name="Ohne Gastfamilie (1)")
    with translation.override("de"):
        rules = [str(visits.RULE_TEXTS[code]) for code in ("smoking_household", "pets")]
    expect(left_out).to_contain_text("Femke (1)")
    for rule in rules:
        expect(left_out).to_contain_text(rule)

    place = page.locator("form", has=page.locator(f"#place-{femke.pk}"))
    place.get_by_role("combobox").select_option(value=str(schulte.pk))
    place.get_by_role("checkbox").check()
    place.get_by_role("button", name="Speichern").click()
    expect(households.get_by_role("row", name="Familie Schulte")).to_contain_text("Femke (1)")
    expect(page.get_by_role("region", name="Ohne Gastfamilie (0)")).to_be_visible()
    assert mailoutbox == []

    page.get_by_role("link", name="Zuordnung veröffentlichen").click()
    page.get_by_label("Ja, Gäste und Gastfamilien jetzt benachrichtigen.").check()
    page.get_by_role("button", name="Zuordnung veröffentlichen").click()
    expect(page.get_by_text("Die Zuordnung ist veröffentlicht").first).to_be_attached()
    assert not Placement.objects.filter(announced_at=None).exists()

    emails = {email.to[0]: email for email in mailoutbox}
    people = (anke.user, femke.user, bergmann.user, schulte.user)
    assert sorted(emails) == sorted(member.email for member in people)
    to_guest, to_host = emails[anke.user.email], emails[bergmann.user.email]
    assert to_guest.subject.startswith("Bij wie u tijdens „"), to_guest.subject
    assert "Beste Anke," in to_guest.body
    assert "Familie Bergmann" in to_guest.body and bergmann.user.email in to_guest.body
    assert to_host.subject.startswith("Wer während des Besuchs „"), to_host.subject
    assert "Hallo Bergmann," in to_host.body
    assert "Anke" in to_host.body and anke.user.email in to_host.body
    page.context.close()

    guest = log_in(browser, live_server, anke.user)
    guest.goto(f"{live_server.url}{url('nl', 'member_area')}")
    record = guest.locator(".visit-record")
    expect(record).to_contain_text("Uw gastgezin")
    expect(record).to_contain_text("Familie Bergmann")
    expect(record.get_by_role("link", name=bergmann.user.email)).to_be_visible()
    guest.context.close()


def test_dutch_speaking_administrator_proposes_in_dutch(site, live_server, browser):
    guests_and_hosts(site)
    admin = coordinator("beheer@example.org", language="nl", superuser=True)
    page = log_in(browser, live_server, admin)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="Uitwisselingen").click()
    page.wait_for_url("**/admin/exchange-visits/")
    page.get_by_role("link", name=site.visit.title, exact=True).click()
    page.get_by_role("link", name="Koppeling", exact=True).click()
    page.get_by_role("button", name="Koppeling voorstellen").click()
    households = page.get_by_role("region", name="Gastgezinnen en hun gasten")
    expect(households.get_by_role("row", name="Familie Bergmann")).to_contain_text("Anke (2)")
    with translation.override("nl"):
        rule = str(visits.RULE_TEXTS["pets"])
    expect(page.get_by_role("region", name="Zonder gastgezin (1)")).to_contain_text(rule)
    page.context.close()


# The visits list: whether its table fits its box (or scrolls in it), the page not sideways.
VISITS_TABLE = """() => {
    const box = document.querySelector('.visit-scroll');
    const last = box.querySelector('thead th:last-child');
    return {
        fits: box.scrollWidth <= box.clientWidth,
        lastColumnShown: last.getBoundingClientRect().right <= box.getBoundingClientRect().right,
        pageFits: document.documentElement.scrollWidth <= innerWidth,
        widths: `table ${box.scrollWidth}, box ${box.clientWidth}`,
    };
}"""


def test_every_column_of_the_visits_list_is_readable_in_both_admin_languages(
    site, live_server, browser
):
    """Wagtail keeps a listing's headers on one line: the long German and Dutch ones made the
    table wider than a desktop's content, which cut off its last column."""
    # The demo's title: its longest word sets the first column's width.
    site.visit_de.title = "Erwachsenenaustausch: Gäste aus Steenwijkerland"
    site.visit_de.save()
    for language, group in (("de", EDITOR_GROUPS[1]), ("nl", EDITOR_GROUPS[0])):
        editor = coordinator(f"{language}@example.org", language=language, group=group)
        page = log_in(browser, live_server, editor)
        page.goto(f"{live_server.url}/admin/exchange-visits/")
        desktop = page.evaluate(VISITS_TABLE)
        assert desktop["fits"] and desktop["lastColumnShown"], (language, desktop["widths"])
        expect(page.locator(".jumelage-scroll-hint")).to_be_hidden()
        # On a phone the table scrolls in its own box, not the page, and says so (walk 8: the
        # columns beyond the edge looked like all there was), a box reached by keyboard too.
        page.set_viewport_size({"width": 390, "height": 844})
        phone = page.evaluate(VISITS_TABLE)
        assert not phone["fits"] and phone["pageFits"], (language, phone["widths"])
        expect(page.locator(".jumelage-scroll-hint")).to_be_visible()
        assert page.locator(".visit-scroll").get_attribute("tabindex") == "0"
        page.context.close()


# Whether an element is inside what its scrolling box and the window show, once scrolled to.
IN_VIEW = """(element) => {
    const rect = element.getBoundingClientRect();
    let box = element.parentElement;
    while (box && getComputedStyle(box).overflowX === "visible") box = box.parentElement;
    const clip = box ? box.getBoundingClientRect() : {left: 0, right: innerWidth};
    return rect.left >= Math.max(0, clip.left) - 1
        && rect.right <= Math.min(innerWidth, clip.right) + 1;
}"""


def test_on_a_phone_the_coordinator_places_a_party_by_hand(site, live_server, browser):
    """At 390 px the matching's tables (576 px) scroll sideways in their 350 px box
    (`.visit-scroll`), on a touch phone too: the host select and "Save" of "place by hand",
    reported cut off with no way to scroll, are reached there and work; the page itself does
    not scroll sideways."""
    anke, femke, bergmann, schulte = guests_and_hosts(site)
    # The hosting town's coordinator, whose admin is in Dutch.
    editor = coordinator("redaktion@example.org", language="nl", group=EDITOR_GROUPS[1])
    page = log_in(browser, live_server, editor, width=390)
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="nl-NL"
    )
    context.add_cookies(page.context.cookies())
    page.context.close()
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/exchange-visits/{site.visit.pk}/matching/")
    place = page.locator("form", has=page.locator(f"#place-{anke.pk}"))
    save = place.get_by_role("button", name="Opslaan")
    select = place.get_by_role("combobox")
    select.scroll_into_view_if_needed()
    assert select.evaluate(IN_VIEW)
    assert page.evaluate("document.querySelectorAll('.visit-scroll')[1].scrollLeft > 0")
    select.select_option(value=str(bergmann.pk))
    save.scroll_into_view_if_needed()
    assert save.evaluate(IN_VIEW)
    save.click()
    households = page.get_by_role("region", name="Gastgezinnen en hun gasten")
    expect(households.get_by_role("row", name="Familie Bergmann")).to_contain_text("Anke (2)")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.context.close()


# The two buttons of a confirmation: on one line, the gap between them; wrapped, one above the
# other at the same left edge.
BUTTONS_SPACING = """() => {
    const [yes, back] = [...document.querySelectorAll('.visit-actions > .button')]
        .map((button) => button.getBoundingClientRect());
    return yes.top === back.top ? {gap: back.left - yes.right} : {indent: back.left - yes.left};
}"""


def test_the_confirmations_buttons_keep_one_gap_and_wrap_flush_left(site, live_server, browser):
    """Withdrawing a host offer asks first: "Zurück" stood 2rem from "Ja, dieses Angebot
    zurückziehen" on a desktop and, wrapped under it on a phone, 1rem to its right (Wagtail's
    margin between two buttons on top of the row's gap; walk 8)."""
    anke, femke, bergmann, schulte = guests_and_hosts(site)
    editor = coordinator("redaktion@example.org", language="de", group=EDITOR_GROUPS[1])
    address = f"/admin/exchange-visits/offers/{bergmann.pk}/withdraw/"
    for width, expected in ((1280, {"gap": 16}), (390, {"indent": 0})):
        page = log_in(browser, live_server, editor, width=width, locale="de-DE")
        page.goto(f"{live_server.url}{address}")
        expect(page.get_by_role("button", name="Ja, dieses Angebot zurückziehen")).to_be_visible()
        assert page.evaluate(BUTTONS_SPACING) == expected, width
        page.context.close()
