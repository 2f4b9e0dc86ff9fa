"""Fixes of attack pass 30 beyond its own tests (tests/test_attack30.py)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from tests.test_attack28 import ABSENT, EditorOfOnePartTestCase


class EditorOfBothLanguageTreesTests(EditorOfOnePartTestCase):
    """F6: a group with page rights on the Dutch and the German home (not on the root) held
    "rights on the whole tree": Wagtail's explorable pages of a user are those of her rights and
    every page above them, the root too once her rights lie in two trees. A deleted page has no
    place in the tree any more: who holds rights on parts of it only (any number of them) is not
    told it existed; rights on the root itself are."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.reviewed = cls.story(title="Verslag van de redactie", slug="verslag", live=False)
        cls.reviewed.owner = cls.editor_nl
        cls.reviewed.save()
        cls.reviewed.save_revision(user=cls.editor_nl)
        cls.reviewed.get_workflow().start(cls.reviewed, cls.editor_nl)
        cls.task_id = cls.reviewed.current_workflow_task_state.task_id
        group = Group.objects.create(name="Redactie beide talen")
        group.permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
        )
        for home in (cls.home, cls.home_de):
            for codename in ("add_page", "change_page", "publish_page"):
                GroupPagePermission.objects.create(
                    group=group,
                    page=home,
                    permission=Permission.objects.get(
                        codename=codename, content_type__app_label="wagtailcore"
                    ),
                )
        cls.both_editor = get_user_model().objects.create_user("beide@example.org", "x")
        cls.both_editor.groups.add(group)

    def decided(self, reader, page_id):
        self.client.force_login(reader)
        response = self.client.get(f"/admin/pages/workflow/decided/{page_id}/{self.task_id}/")
        return response.status_code

    def test_an_editor_of_both_language_trees_is_not_told_the_deleted_page_existed(self):
        page_id = self.reviewed.pk
        self.assertEqual(self.decided(self.both_editor, page_id), 302)  # to its preview
        self.reviewed.delete()
        self.assertEqual(
            self.decided(self.both_editor, page_id), self.decided(self.both_editor, ABSENT)
        )
        self.assertEqual(self.decided(self.editor_de, page_id), 200)
