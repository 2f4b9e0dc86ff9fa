"""Wagtail's autosave of a page in review: after her approval was refused for what the page lacks
(the form said nothing was saved), the editor's unsent edits were saved as the version in review
a second later, which the dashboard's approval then refused too. Without autosave, the editor
was not told: its indicator just stayed hidden."""

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.translation import gettext

from community.review_editing import AUTOSAVE_OFF, AUTOSAVE_REFUSED
from exchanges.models import StoryPage
from tests.test_review_panel import submitted_contribution
from tests.test_roles import RolesTestCase, form_data

User = get_user_model()


class NoAutosaveInReviewTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, cls.member)

    def edit(self):
        return f"/admin/pages/{self.contribution.pk}/edit/"

    def test_an_editors_unsent_edits_do_not_become_the_version_in_review(self):
        self.client.force_login(self.editor_nl)
        opened = self.client.get(self.edit())
        form = BeautifulSoup(opened.content, "html.parser").select_one("#page-edit-form")
        self.assertNotIn("w-autosave", form["data-controller"])
        data = {**form_data(opened), "body-count": "0"}
        latest = self.contribution.latest_revision_id
        # What Wagtail's autosave sends: the form, asking for a JSON answer.
        data["title"] = "Nog niet klaar"
        data["date"] = ""
        response = self.client.post(self.edit(), data, HTTP_ACCEPT="application/json")
        self.assertFalse(response.json()["success"])
        self.assertEqual(response.json()["error_message"], str(AUTOSAVE_REFUSED))
        self.assertEqual(StoryPage.objects.get(pk=self.contribution.pk).latest_revision_id, latest)

    def test_a_page_in_review_another_editor_locked_is_said_to_be_locked(self):
        self.client.force_login(self.editor_nl)
        opened = self.client.get(self.edit())
        data = {**form_data(opened), "body-count": "0", "title": "Nog niet klaar"}
        StoryPage.objects.filter(pk=self.contribution.pk).update(
            locked=True, locked_by=self.editor_de, locked_at=timezone.now()
        )
        latest = self.contribution.latest_revision_id
        response = self.client.post(self.edit(), data, HTTP_ACCEPT="application/json")
        self.assertFalse(response.json()["success"])
        self.assertEqual(response.json()["error_code"], "locked")
        self.assertEqual(
            response.json()["error_message"],
            "De pagina kan niet worden opgeslagen omdat deze is vergrendeld.",
        )
        self.assertEqual(StoryPage.objects.get(pk=self.contribution.pk).latest_revision_id, latest)

    def messages(self, response):
        page = BeautifulSoup(response.content, "html.parser")
        return [message.get_text(" ", strip=True) for message in page.select(".messages li")]

    def test_the_editor_is_told_in_her_language_that_autosave_is_off_during_the_review(self):
        for editor, language in ((self.editor_nl, "nl"), (self.editor_de, "de")):
            editor.wagtail_userprofile.preferred_language = language
            editor.wagtail_userprofile.save()
            self.client.force_login(editor)
            with translation.override(language):
                self.assertEqual(
                    self.messages(self.client.get(self.edit())), [gettext(AUTOSAVE_OFF)]
                )

    def test_outside_a_review_autosave_stays(self):
        story = self.story(title="Zomerkamp", slug="zomerkamp")
        self.client.force_login(self.editor_nl)
        opened = self.client.get(f"/admin/pages/{story.pk}/edit/")
        form = BeautifulSoup(opened.content, "html.parser").select_one("#page-edit-form")
        self.assertIn("w-autosave", form["data-controller"])
        self.assertEqual(self.messages(opened), [])
        data = {**form_data(opened), "body-count": "0"}
        data["title"] = "Zomerkamp 2026"
        response = self.client.post(
            f"/admin/pages/{story.pk}/edit/", data, HTTP_ACCEPT="application/json"
        )
        self.assertTrue(response.json()["success"])
        story.refresh_from_db()
        self.assertEqual(story.get_latest_revision_as_object().title, "Zomerkamp 2026")
