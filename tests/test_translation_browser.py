"""A German editor translates a Dutch story in the admin with the machine translator (a
LibreTranslate-compatible server on loopback, tests/translator_servers.py)."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from exchanges.models import StoryPage
from tests.conftest import without_editing_sessions
from tests.stories_base import StoriesMixin
from tests.translator_servers import (  # noqa: F401 (a fixture)
    libretranslate_config,
    libretranslate_server_fixture,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story():
    class Site(StoriesMixin):
        pass

    Site.build_stories()
    setup_roles()
    editor = get_user_model().objects.create_user("redaktion@example.org", "redaktion-passwort-1")
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[1]))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "de"
    profile.save()
    return Site.story(title="Fietsen naar Clarholz", slug="fietsen", intro="Twaalf fietsers.")


def test_german_editor_translates_a_dutch_story_and_publishes_it(
    story, live_server, browser, settings, libretranslate_server
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = libretranslate_config(libretranslate_server)
    page = without_editing_sessions(browser.new_context(locale="de-DE")).new_page()
    page.goto(f"{live_server.url}/admin/")
    page.wait_for_url("**/de/accounts/login/?next=/admin/")
    page.get_by_label("E-Mail", exact=True).fill("redaktion@example.org")
    page.get_by_label("Passwort", exact=True).fill("redaktion-passwort-1")
    page.get_by_role("button", name="Einloggen").click()
    page.wait_for_url("**/admin/")
    assert page.locator("html").get_attribute("lang") == "de"

    page.goto(f"{live_server.url}/admin/localize/submit/page/{story.pk}/")
    page.get_by_label("Deutsch").check()
    page.get_by_role("button", name="Absenden").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/.*"))

    page.get_by_role("button", name=re.compile("Übersetzen mit")).click()
    page.get_by_role("button", name=re.compile("Veröffentlichen auf")).click()
    page.wait_for_load_state("networkidle")

    german = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="de"
    )
    assert german.live
    assert german.title != story.title  # the translator changed the words
    visitor = browser.new_context(locale="de-DE").new_page()
    response = visitor.goto(f"{live_server.url}{german.url}")
    assert response.status == 200
    assert visitor.locator("html").get_attribute("lang") == "de"


def editor_of_the_german_translation(story, live_server, browser, **context):
    """The German editor, logged in, in the translation editor of the story's German version."""
    source, _created = TranslationSource.get_or_create_from_instance(story)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="de")
    )
    translation.save_target(publish=True)
    german = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="de"
    )
    page = without_editing_sessions(browser.new_context(locale="de-DE", **context)).new_page()
    page.goto(f"{live_server.url}/de/accounts/login/?next=/admin/")
    page.get_by_label("E-Mail", exact=True).fill("redaktion@example.org")
    page.get_by_label("Passwort", exact=True).fill("redaktion-passwort-1")
    page.get_by_role("button", name="Einloggen").click()
    page.wait_for_url("**/admin/")
    page.goto(f"{live_server.url}/admin/pages/{german.pk}/edit/")
    return page


def test_the_translation_editors_menu_button_is_read_out_in_the_editors_language(
    story, live_server, browser
):
    # Its screen-reader text "More actions" is written into wagtail-localize's script, in
    # English in every admin language (walk W3).
    page = editor_of_the_german_translation(story, live_server, browser)
    page.get_by_role("button", name=re.compile("Veröffentlichen auf")).wait_for()
    hidden = page.locator(".js-translation-editor .w-sr-only").all_text_contents()
    assert "Mehr Aktionen" in hidden
    assert "More actions" not in hidden


def test_the_side_panel_leaves_the_translate_buttons_in_view(story, live_server, browser):
    # With the status panel open at 1280 px the segments ran on under it, their "Übersetzen"
    # buttons hidden (outsider's walk of 2026-12-05); Wagtail's page editor narrows its form.
    page = editor_of_the_german_translation(
        story, live_server, browser, viewport={"width": 1280, "height": 900}
    )
    translate = page.get_by_role("button", name="Übersetzen", exact=True).first
    translate.wait_for()
    page.locator('[data-side-panel-toggle="status"]').first.click()
    panel = page.locator(".form-side--open")
    panel.wait_for()
    page.wait_for_timeout(600)  # the panel slides in
    button, side = translate.bounding_box(), panel.bounding_box()
    assert button["x"] + button["width"] <= side["x"]


def test_the_action_bar_fits_a_phone_in_the_dutch_admin(story, live_server, browser):
    # "Publiceren in het Duits" wrapped onto three lines, cut at top and bottom, in a bar wider
    # than the screen (walk of 2026-12-05, W2).
    profile = UserProfile.objects.get(user__email="redaktion@example.org")
    profile.preferred_language = "nl"
    profile.save()
    page = editor_of_the_german_translation(
        story, live_server, browser, viewport={"width": 390, "height": 844}
    )
    publish = page.get_by_role("button", name=re.compile("Publiceren in het Duits"))
    publish.wait_for()
    bar = page.locator(".js-translation-editor .footer__container").bounding_box()
    assert bar["x"] + bar["width"] <= 390
    label = publish.locator("em").bounding_box()
    assert label["height"] < 30  # one line
