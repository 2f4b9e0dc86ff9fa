"""Every checkbox's error in a real browser (headless Chromium) on a phone: under the box and its
label, as the newsletter's consent shows it (tests/test_newsletter_admin_browser.py), not
squeezed in beside them. The shared field template (templates/includes/field.html) draws them
all, so the delete-account confirmation stands for the profile's and the sign-up's boxes."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from tests.base import BilingualSiteMixin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "een-lang-wachtwoord-123"  # noqa: S105


@pytest.fixture
def member():
    class Site(BilingualSiteMixin):
        pass

    Site.build_site()
    return get_user_model().objects.create_user(
        "anna@example.org", PASSWORD, display_name="Anna", language="nl"
    )


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def test_member_on_a_phone_sees_the_unticked_delete_confirmation_error_under_the_box(
    member, live_server, page
):
    """Outsider's pass: beside the label, the error pushed the confirmation's text aside."""
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, member)
    page.goto(f"{live_server.url}/nl/members/delete/")
    page.get_by_label("Uw wachtwoord").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()

    box = page.get_by_role("checkbox", name="Ja, verwijder mijn account definitief")
    error = page.locator(f"#{box.get_attribute('aria-describedby')}")
    assert error.inner_text() == "Dit is een verplicht veld."
    label = page.locator(f"label[for={box.get_attribute('id')}]").bounding_box()
    under = error.bounding_box()
    assert under["y"] >= label["y"] + label["height"]
    assert under["x"] <= box.bounding_box()["x"]
    assert get_user_model().objects.filter(pk=member.pk).exists()


def test_a_checkboxs_help_stands_under_its_label_and_the_save_button_apart_from_the_way_back(
    member, live_server, page
):
    """Walk 12: "Toon mij op de pagina's van mijn sectorgemeenschappen Iedereen die …" ran on as
    one sentence, and "Mijn profiel opslaan" almost touched "Terug naar mijn pagina"; the
    newsletter's box, beside a label of two lines, was smaller than the others."""
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, member)
    page.goto(f"{live_server.url}/nl/members/profile/")
    box = page.locator("#id_show_on_sector_pages")
    help_text = page.locator(f"#{box.get_attribute('id')}_helptext")
    label = page.locator(f"label[for={box.get_attribute('id')}]")
    first_line = help_text.evaluate("element => element.getClientRects()[0].toJSON()")
    assert first_line["x"] == pytest.approx(label.bounding_box()["x"], abs=1)
    assert first_line["y"] > label.bounding_box()["y"] + 5
    # Every box of the same size, however long its label (a long one squeezed its box).
    sizes = {
        (round(b["width"]), round(b["height"]))
        for b in (c.bounding_box() for c in page.locator("main form input[type=checkbox]").all())
    }
    assert len(sizes) == 1, sizes
    button = page.get_by_role("button", name="Mijn profiel opslaan").bounding_box()
    back = page.locator("main form").get_by_role("link", name="Terug naar mijn pagina")
    assert back.bounding_box()["x"] >= button["x"] + button["width"] + 8
