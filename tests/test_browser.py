"""A visitor in a real browser (headless Chromium): language switching and keyboard access."""

import pytest

from tests.base import BilingualSiteMixin, publish_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
