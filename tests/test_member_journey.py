"""The whole member journey in a real browser: sign up, confirm by email, fill the profile, post a
story with a photo, an editor approves it in the Wagtail admin, and the story is public."""

import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from PIL import Image
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from exchanges.models import StoryPage
from tests.stories_base import StoriesMixin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site():
    class Site(StoriesMixin):
        pass

    Site.build_stories()
    # Transactional tests start from an empty database: recreate Wagtail's moderation set-up.
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    workflow = Workflow.objects.create(name="Contribution review")
    task = GroupApprovalTask.objects.create(name="Moderators approve")
    task.groups.set([moderators])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(
        page=Page.get_first_root_node(), defaults={"workflow": workflow}
    )
    editor = get_user_model().objects.create_superuser(
        "redactie@example.org", "redactie-wachtwoord-1"
    )
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    return Site


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 120, 40)).save(buffer, format="JPEG")
    return {"name": "fietsers.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def test_member_journey_from_sign_up_to_published_story(
    site, live_server, browser, mailoutbox, settings
):
    # The site is told the address it is served at, as `make run` does: links in emails lead
    # there (a request's own address counts only when it is one of the site's).
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    member = browser.new_context(locale="nl-NL").new_page()
    member.goto(f"{live_server.url}/nl/accounts/signup/")
    member.get_by_label("E-mail").fill("carla@example.org")
    member.get_by_label("Weergavenaam").fill("Carla")
    member.get_by_label("Waar woont u?").select_option(label="Steenwijkerland")
    member.get_by_label("Voorkeurstaal").select_option("nl")
    member.get_by_label("Ik heb de privacyverklaring gelezen").check()
    member.get_by_label("Wachtwoord", exact=True).fill("een-heel-lang-wachtwoord")
    member.get_by_label("Wachtwoord (bevestigen)").fill("een-heel-lang-wachtwoord")
    member.get_by_role("button", name="Registreren").click()
    member.wait_for_url("**/accounts/confirm-email/")

    link = re.search(r"http://\S+/nl/accounts/confirm-email/\S+", mailoutbox[0].body).group(0)
    member.goto(link)
    member.get_by_role("button", name="Bevestig").click()
    member.wait_for_url("**/nl/members/")

    member.get_by_role("link", name="Mijn profiel bewerken").click()
    member.get_by_role("textbox", name="Over mij").fill("Ik fiets graag naar Clarholz.")
    member.get_by_label("toon mij op de pagina's van mijn sectorgemeenschappen").check()
    member.get_by_role("button", name="Mijn profiel opslaan").click()
    member.wait_for_url("**/nl/members/")

    member.get_by_role("link", name="Een verhaal schrijven").click()
    member.locator("#id_title").fill("Met de fiets naar Clarholz")
    member.locator("#id_intro").fill(
        "Twaalf inwoners fietsten in twee dagen naar de partnergemeente."
    )
    member.locator("#id_body").fill("De eerste dag regende het.\n\nDe tweede dag scheen de zon.")
    member.get_by_label("Wanneer gebeurde het?").fill("2026-05-01")
    member.get_by_label("Herzebrock-Clarholz").check()
    member.locator("#id_photos-0-image").set_input_files(jpeg())
    member.locator("#id_photos-0-alt_text").fill("Fietsers op een dijk")
    member.locator("#id_photos-0-caption").fill("Op de dijk bij Kalenberg")
    member.get_by_role("button", name="Naar de redactie sturen").click()
    member.wait_for_url("**/nl/members/")
    assert "Wacht op beoordeling" in member.locator("table").inner_text()
    story = StoryPage.objects.get(title="Met de fiets naar Clarholz", alias_of__isnull=True)
    assert not story.live

    # While the editors review it, the member reads it on her phone as it will be published:
    # the photo across the screen with its caption, the date and the towns.
    member.set_viewport_size({"width": 390, "height": 844})
    member.goto(f"{live_server.url}/nl/members/contributions/{story.pk}/")
    assert member.get_by_role("img", name="Fietsers op een dijk").bounding_box()["width"] >= 300
    assert member.locator("main figcaption").inner_text() == "Op de dijk bij Kalenberg"
    assert member.locator("main time").get_attribute("datetime") == "2026-05-01"
    assert "Herzebrock-Clarholz" in member.locator("main aside").inner_text()
    member.set_viewport_size({"width": 1280, "height": 720})

    editor = browser.new_context(locale="nl-NL").new_page()
    # The editor follows a link into the admin and logs in on the site's own login page.
    editor.goto(f"{live_server.url}/admin/pages/{story.pk}/edit/")
    editor.wait_for_url(f"**/nl/accounts/login/?next=/admin/pages/{story.pk}/edit/")
    editor.get_by_label("E-mail").fill("redactie@example.org")
    editor.get_by_label("Wachtwoord", exact=True).fill("redactie-wachtwoord-1")
    editor.get_by_role("button", name="Inloggen").click()
    editor.wait_for_url(f"**/admin/pages/{story.pk}/edit/")
    editor.get_by_role("button", name=re.compile("Meer acties|More actions")).click()
    editor.get_by_role(
        "button", name=re.compile("Goedkeuren en publiceren|Approve and publish")
    ).click()
    editor.wait_for_load_state()

    member.goto(f"{live_server.url}/nl/verhalen/")
    member.get_by_role("link", name="Met de fiets naar Clarholz").click()
    assert member.get_by_role("heading", level=1).inner_text() == "Met de fiets naar Clarholz"
    assert member.get_by_role("img", name="Fietsers op een dijk").count() == 1
    assert "Gepubliceerd" in mailoutbox[-1].subject
