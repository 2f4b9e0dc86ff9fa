"""The newsletter in a real browser (headless Chromium) on a phone: the editor's send page is no
wider than the screen, and the subscribe form shows a missing consent under its box."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from community.models import NewsletterPage
from community.models.newsletter import NewsletterIndexPage
from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from tests.base import BilingualSiteMixin, publish_translation
from tests.conftest import without_editing_sessions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The longest address an editor of the demo has: the test button names it.
EDITOR_EMAIL = "redaktion@partnerschaft-herzebrock-clarholz.example"
NO_SIDEWAYS_SCROLLING = "document.documentElement.scrollWidth <= innerWidth"


@pytest.fixture
def newsletter():
    class Site(BilingualSiteMixin):
        pass

    Site.build_site()
    setup_roles()
    archive = NewsletterIndexPage(title="Nieuwsbrieven", slug="nieuwsbrieven")
    Site.home.add_child(instance=archive)
    archive.save_revision().publish()
    publish_translation(archive, Site.german)
    page = NewsletterPage(
        title="Nieuws uit de jumelage: de fietstweedaagse en het taalcafé",
        slug="nieuws",
        intro="Wat er deze maand gebeurde.",
    )
    archive.add_child(instance=page)
    page.save_revision().publish()
    return page


def log_in_as_editor(page, live_server):
    editor = get_user_model().objects.filter(email=EDITOR_EMAIL).first()
    if editor is None:
        editor = get_user_model().objects.create_user(EDITOR_EMAIL, "redaktion-passwort-1")
        editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[1]))
    client = Client()
    client.force_login(editor)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def test_editor_on_a_phone_sees_the_send_page_without_scrolling_sideways(
    newsletter, live_server, browser
):
    """Newcomer walk: at 390 px the test button ran off the screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE")
    page = context.new_page()
    log_in_as_editor(page, live_server)
    page.goto(f"{live_server.url}/admin/newsletter/{newsletter.pk}/")
    test_button = page.get_by_role("button", name="Test an mich senden")
    assert test_button.is_visible()
    box = test_button.bounding_box()
    assert box["x"] + box["width"] <= 390
    assert page.evaluate(NO_SIDEWAYS_SCROLLING), page.evaluate(
        "`${document.documentElement.scrollWidth} > ${innerWidth}`"
    )
    context.close()


def test_visitor_on_a_phone_sees_the_consent_error_under_the_box(newsletter, live_server, page):
    """Newcomer walk: the error stood squeezed in beside the consent text."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/nl/newsletter/")
    page.get_by_label("E-mailadres").fill("jan@example.org")
    page.locator("main form button[type=submit]").click()
    box = page.get_by_role("checkbox")
    error = page.locator(f"#{box.get_attribute('aria-describedby')}")
    assert error.inner_text() == "Vink het vakje aan als u de nieuwsbrief wilt ontvangen."
    assert page.get_by_label("E-mailadres").input_value() == "jan@example.org"
    label = page.locator("label[for=id_consent]").bounding_box()
    under = error.bounding_box()
    assert under["y"] >= label["y"] + label["height"]
    assert under["x"] <= box.bounding_box()["x"]
    assert page.evaluate(NO_SIDEWAYS_SCROLLING)


def test_german_editor_reads_send_newsletter_above_the_translation_editor(
    newsletter, live_server, browser
):
    """Re-check after the walk: the link stood above wagtail-localize's editor as an empty
    box, its icon (unsized there) pushing the words out of sight."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    source, _new = TranslationSource.get_or_create_from_instance(newsletter)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="de")
    )
    translation.save_target(publish=True)
    german = newsletter.get_translation(translation.target_locale)
    for width in (1280, 390):
        context = without_editing_sessions(
            browser.new_context(viewport={"width": width, "height": 844}, locale="de-DE")
        )
        page = context.new_page()
        log_in_as_editor(page, live_server)
        page.goto(f"{live_server.url}/admin/pages/{german.pk}/edit/")
        link = page.get_by_role("link", name="Newsletter senden")
        assert link.is_visible()
        # The words fit in the box they are drawn in: nothing is pushed out of sight.
        assert link.evaluate(
            "a => a.scrollWidth <= a.clientWidth && a.scrollHeight <= a.clientHeight + 1"
        )
        assert link.evaluate("a => a.getBoundingClientRect().right") <= width
        context.close()
