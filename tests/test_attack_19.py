"""Attack 19: a member saving her contribution after an editor worked on it (changes requested):
what the editor added to her text and her photos (community/forms.py, community/contributions.py).
"""

import json

from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.test import TransactionTestCase, override_settings
from wagtail.images import get_image_model
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from community import contributions
from community.models import SectorPage, User
from community.roles.setup import setup_roles
from exchanges.models import StoryPage
from tests import test_contribution_editors_blocks as editors
from tests.calendar_base import CalendarMixin
from tests.security.test_mail_outage import run_worker
from tests.test_contributions_photos import OwnPhotosTestCase, sent_by_the_browser
from tests.test_members import photo, story_data
from tests.test_roles import RolesTestCase


class EditorsWorkInHerTextTests(OwnPhotosTestCase):
    edited_by_an_editor = editors.EditorsBlocksTests.edited_by_an_editor
    sent_story = editors.EditorsBlocksTests.sent_story
    saved = editors.EditorsBlocksTests.saved

    def test_a_link_an_editor_put_in_a_paragraph_she_left_stays_when_she_changes_another(self):
        # Her text is one paragraph block (as every member's text is saved); the editor links a
        # word of her second paragraph in the admin, as Draftail does, in that same block.
        story = self.sent_story()
        self.edited_by_an_editor(
            story,
            [
                (
                    "paragraph",
                    RichText(
                        '<p>Dag een was nat.</p><p>Dag twee was <a href="https://example.org/">'
                        "zonnig</a>.</p>"
                    ),
                ),
            ],
        )
        data = sent_by_the_browser(self.edit_form(story))
        blocks = self.saved(story, data, body="Dag een was heel nat.\n\nDag twee was zonnig.")
        source = "".join(value.source for kind, value in blocks if kind == "paragraph")
        self.assertIn("Dag een was heel nat.", source)
        # The paragraph she left as it was keeps the editor's link.
        self.assertIn('href="https://example.org/"', source)

    def test_a_paragraph_she_adds_on_top_leaves_her_other_paragraphs_where_the_quote_was(self):
        # The editor put a quote between her two paragraphs; she adds a first paragraph.
        story = self.sent_story()
        self.edited_by_an_editor(
            story,
            [
                ("paragraph", RichText("<p>Dag een was nat.</p>")),
                ("quote", {"quote": "Nooit meer regen!", "attribution": "Anna"}),
                ("paragraph", RichText("<p>Dag twee was zonnig.</p>")),
            ],
        )
        data = sent_by_the_browser(self.edit_form(story))
        blocks = self.saved(
            story,
            data,
            body="We vertrokken om zes uur.\n\nDag een was nat.\n\nDag twee was zonnig.",
        )
        text = [value.source if kind == "paragraph" else value["quote"] for kind, value in blocks]
        # The quote still follows "Dag een" and precedes "Dag twee", as the editor placed it.
        position = {
            name: next(index for index, part in enumerate(text) if name in part)
            for name in ("Dag een", "Nooit meer regen", "Dag twee")
        }
        self.assertLess(position["Dag een"], position["Nooit meer regen"])
        self.assertLess(position["Nooit meer regen"], position["Dag twee"])

    def test_a_photo_an_editors_gallery_shows_stays_when_she_removes_it_from_her_photos(self):
        # The editor builds a gallery of her photos at the end of her story, the one leading
        # it included, and asks for changes; she removes the leading photo from her form.
        story = self.draft_with_photos()
        self.send(story, sent_by_the_browser(self.edit_form(story)), submit="1", draft="")
        latest = self.latest(story)
        lead = latest.image
        photos = [block.value["image"] for block in latest.body if block.block_type == "image"]
        gallery = [
            ("image", {"image": image, "alt_text": "Onderweg", "caption": ""})
            for image in (lead, *photos)
        ]
        self.edited_by_an_editor(
            story,
            [
                *((block.block_type, block.value, block.id) for block in latest.body),
                ("gallery", gallery),
            ],
        )
        page = self.edit_form(story)
        lead_group = self.own_photo_groups(page)[0]
        response = self.send(
            story,
            sent_by_the_browser(page),
            draft="1",
            **{self.field_of(lead_group, "remove")["name"]: "on"},
        )
        self.assertEqual(response.status_code, 302)
        shown = [
            child.value["image"]
            for block in self.latest(story).body
            if block.block_type == "gallery"
            for child in block.value
        ]
        # The editor's gallery still shows every photo it held: the image was not deleted.
        self.assertNotIn(None, shown)
        self.assertTrue(get_image_model().objects.filter(pk=lead.pk).exists())


class DecisionDialogReaderTests(RolesTestCase):
    """The decision dialog names who reads the decision: the emails go to the contribution's
    member (`page.owner`), whoever sent it for review."""

    def test_the_dialog_names_the_member_when_an_editor_sent_her_contribution_for_review(self):
        bernd = User.objects.create_user(
            "bernd@example.org", "x", display_name="Bernd", language="de"
        )
        contribution = self.story(title="Bijdrage", slug="bijdrage", live=False)
        contribution.owner, contribution.member_contribution = bernd, True
        contribution.save()
        # An editor corrected it in the admin and sent it for review herself.
        contribution.save_revision(user=self.editor_nl)
        contribution.get_workflow().start(contribution, self.editor_nl)
        self.client.force_login(self.moderator)
        UserProfile.objects.filter(user=self.moderator).update(preferred_language="nl")
        state = contribution.current_workflow_state.current_task_state
        response = self.client.get(
            f"/admin/pages/workflow/action/{contribution.pk}/reject/{state.pk}/"
        )
        dialog = BeautifulSoup(json.loads(response.content)["html"], "html.parser")
        self.assertIn("Bernd leest de site in het Duits", dialog.get_text(" ", strip=True))


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
class PublishedBeforeTheWorkerRanTests(CalendarMixin, TransactionTestCase):
    """The reference index of what an editor publishes is brought up to date by the task worker.
    A member who removed a photo from her story before it ran (a busy queue, a worker
    restarting) had it deleted in her request, while the sector page an editor had just
    published showed it (attack 19). The deletion now waits in the same queue, behind it."""

    def setUp(self):
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        self.build_calendar()
        setup_roles()
        self.anna = User.objects.create_user(
            "anna@example.org", "een-lang-wachtwoord", display_name="Anna", language="nl"
        )
        run_worker(verbosity=0)

    def test_a_photo_an_editor_just_published_elsewhere_stays(self):
        story, picnic = self.published_with_her_photo()
        page = BeautifulSoup(
            self.client.get(f"/nl/members/contributions/{story.pk}/").content, "html.parser"
        )
        group = page.select(".photos__item--own")[1]
        sent = sent_by_the_browser(page)
        sent[group.select_one("[name$='-remove']")["name"]] = "on"
        self.assertEqual(
            self.client.post(f"/nl/members/contributions/{story.pk}/", sent).status_code, 302
        )
        run_worker(verbosity=0)
        self.assertTrue(get_image_model().objects.filter(pk=picnic.pk).exists())
        self.assertNotIn(
            picnic.pk,
            contributions.photo_ids_in(
                StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
            ),
        )

    def published_with_her_photo(self):
        """Anna's story with two photos (its reference index brought up to date), and the
        sector page an editor has just published with the second of them as its picture: its
        reference index waits for the worker, as a busy queue leaves it in production."""
        self.client.force_login(self.anna)
        data = {
            **story_data(self, submit="", draft="1"),
            "photos-0-image": photo("een.jpg"),
            "photos-0-alt_text": "Fietsers",
            "photos-1-image": photo("twee.jpg"),
            "photos-1-alt_text": "Picknick aan de Ems",
        }
        self.assertEqual(self.client.post("/nl/members/stories/new/", data).status_code, 302)
        run_worker(verbosity=0)
        picnic = get_image_model().objects.get(title="Picknick aan de Ems")
        climate = SectorPage.objects.get(pk=self.climate.pk)
        climate.image, climate.image_alt = picnic, "Picknick"
        climate.save_revision().publish()
        story = StoryPage.objects.get(title="Fietsen naar Clarholz", locale__language_code="nl")
        return story, picnic

    def test_her_photo_an_editor_just_published_stays_when_she_deletes_her_story(self):
        story, picnic = self.published_with_her_photo()
        address = f"/nl/members/contributions/{story.pk}/delete/"
        self.assertRedirects(self.client.post(address), "/nl/members/")
        run_worker(verbosity=0)
        self.assertFalse(StoryPage.objects.filter(pk=story.pk).exists())
        self.assertTrue(get_image_model().objects.filter(pk=picnic.pk).exists())
        self.assertEqual(SectorPage.objects.get(pk=self.climate.pk).image_id, picnic.pk)

    def test_her_photo_an_editor_just_published_stays_when_she_deletes_her_account(self):
        story, picnic = self.published_with_her_photo()
        self.client.post(
            "/nl/members/delete/", {"confirm": "yes", "password": "een-lang-wachtwoord"}
        )
        run_worker(verbosity=0)
        self.assertFalse(User.objects.filter(pk=self.anna.pk).exists())
        self.assertFalse(StoryPage.objects.filter(pk=story.pk).exists())
        kept = get_image_model().objects.filter(pk=picnic.pk).first()
        self.assertIsNotNone(kept)
        self.assertIsNone(kept.uploaded_by_user_id)
