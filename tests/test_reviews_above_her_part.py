"""An editor of parts of the tree and the reviews of the pages above them.

Wagtail's explorer leads an editor whose rights lie in two places (her sector community in
Dutch and in German) through every page above them up to the root (both homes, both sector
communities' indexes) and names them; she holds no rights on them. Their reviews (an
editor's new home page sent for review and sent back for changes, who decided what) are not
hers to read: what was sent back and what became of a review answer her as for an id no page
has. An editor of one part only (one sector, one language home) was never led above it:
Wagtail's explorable pages start at the first page common to all her rights."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from community.roles import WORKFLOW
from tests.test_attack28 import ABSENT, EditorOfOnePartTestCase

DRAFT_TITLE = "Nieuwe voorpagina nog geheim"


class EditorOfTwoPlacesTestCase(EditorOfOnePartTestCase):
    """The editor of one part (`part_editor`), whose working group keeps her sector in both
    languages (her rights lie in two places: the explorer leads her from the root), an editor
    of the Dutch sector only (`one_part_editor`), and every page's changes reviewed."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.administrator = get_user_model().objects.create_superuser(
            "beheer@example.org", "wachtwoord-123"
        )
        # The administrators have every page's changes reviewed, the home pages' too.
        WorkflowPage.objects.create(
            page=Page.get_first_root_node(), workflow=Workflow.objects.get(name=WORKFLOW)
        )
        # An editor of the Dutch sector only (a working group as hers was at first).
        cls.one_part_editor = get_user_model().objects.create_user("alleen@example.org", "x")
        cls.one_part_editor.groups.add(cls.working_group("Werkgroep klimaat NL", cls.climate))
        # Her working group keeps its sector in both languages: the German version too.
        cls.grant(cls.part_editor.groups.get(), cls.climate_de)

    @classmethod
    def working_group(cls, name, page):
        group = Group.objects.create(name=name)
        group.permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
        )
        cls.grant(group, page)
        return group

    @staticmethod
    def grant(group, page):
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group,
                page=page,
                permission=Permission.objects.get(
                    codename=codename, content_type__app_label="wagtailcore"
                ),
            )

    def send_back(self, page):
        """`page`, with a draft title, sent for review by the Dutch editors and sent back for
        changes: its task state."""
        page.title = DRAFT_TITLE
        page.save_revision(user=self.editor_nl)
        page.get_workflow().start(page, self.editor_nl)
        state = page.current_workflow_task_state
        with self.captureOnCommitCallbacks(execute=True):
            state.reject(user=self.editor_de, comment="Een andere foto graag.")
        return state

    def answer(self, reader, address):
        self.client.force_login(reader)
        response = self.client.get(address, follow=True)
        return response.status_code, response.content.decode()


class ReviewsAbovePartTests(EditorOfTwoPlacesTestCase):
    def assert_answered_as_absent(self, reader, address, page):
        status, content = self.answer(reader, address.format(page=page.pk))
        absent, _ = self.answer(reader, address.format(page=ABSENT))
        self.assertEqual((status, absent), (404, 404))
        self.assertNotIn(DRAFT_TITLE, content)

    def test_what_was_sent_back_of_a_page_above_her_part_is_not_found(self):
        for page in (self.home, self.sector_index, self.home_de):
            with self.subTest(page=page.title):
                state = self.send_back(page)
                address = f"/admin/pages/workflow/reviewed/{{page}}/{state.pk}/"
                for reader in (self.part_editor, self.one_part_editor):
                    self.assert_answered_as_absent(reader, address, page)
                # Who holds rights on the page reads it, as the reviewer read it.
                for reader in (self.editor_nl, self.administrator):
                    status, content = self.answer(reader, address.format(page=page.pk))
                    self.assertEqual(status, 200)
                    self.assertIn(DRAFT_TITLE, content)

    def test_what_became_of_a_review_above_her_part_is_not_found(self):
        state = self.send_back(self.home)
        for route in ("decided", "preview"):
            with self.subTest(route=route):
                address = f"/admin/pages/workflow/{route}/{{page}}/{state.task_id}/"
                for reader in (self.part_editor, self.one_part_editor):
                    self.assert_answered_as_absent(reader, address, self.home)
                status, content = self.answer(self.editor_nl, address.format(page=self.home.pk))
                self.assertEqual(status, 200)
                self.assertIn(DRAFT_TITLE, content)  # "Changes to … were requested by …"

    def test_the_reviews_of_her_own_part_stay_hers(self):
        state = self.send_back(self.climate)
        for route, key in (("reviewed", state.pk), ("decided", state.task_id)):
            for reader in (self.part_editor, self.one_part_editor):
                with self.subTest(route=route, reader=reader.email):
                    status, content = self.answer(
                        reader, f"/admin/pages/workflow/{route}/{self.climate.pk}/{key}/"
                    )
                    self.assertEqual(status, 200)
                    self.assertIn(DRAFT_TITLE, content)

    def test_the_explorer_still_leads_her_through_the_pages_above_her_part(self):
        for page in (self.home, self.sector_index, self.home_de):
            with self.subTest(page=page.title):
                status, _ = self.answer(self.part_editor, f"/admin/pages/{page.pk}/")
                self.assertEqual(status, 200)

    def test_wagtails_own_views_of_a_page_above_her_part_name_no_draft_of_it(self):
        # The explorer leads her there (`page_within_rights`); Wagtail's views refuse her the
        # rest: its editor, draft, histories and revisions need rights on the page (so they did
        # before: Wagtail asks the page's own permissions, not the explorer's pages).
        state = self.send_back(self.home)
        revision = self.home.latest_revision_id
        workflow_state = state.workflow_state_id
        for route in (
            "edit/",
            "view_draft/",
            "history/",
            "workflow_history/",
            f"workflow_history/detail/{workflow_state}/",
            f"revisions/{revision}/view/",
            f"revisions/compare/live...{revision}/",
            "usage/",
        ):
            with self.subTest(route=route):
                status, content = self.answer(
                    self.part_editor, f"/admin/pages/{self.home.pk}/{route}"
                )
                self.assertNotIn(DRAFT_TITLE, content)
                self.assertNotIn("Een andere foto graag.", content)
        # Wagtail's reports of reviews list those of pages she may change only.
        for address in ("/admin/reports/workflow/", "/admin/reports/workflow_tasks/"):
            with self.subTest(address=address):
                status, content = self.answer(self.part_editor, address)
                self.assertEqual(status, 200)
                self.assertNotIn(DRAFT_TITLE, content)
