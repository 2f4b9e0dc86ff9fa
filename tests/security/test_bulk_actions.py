"""Wagtail's bulk actions and the translations report name pages and images by id: a moderator
(no page, image or document permissions) is refused them and reads no title, an editor keeps
them."""

from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail_localize.models import Translation, TranslationSource

from tests.security.test_admin_leaks import ModeratorAndEditorTestCase
from tests.test_members import photo

DRAFT = "Toegankelijk fietsen: een eerste idee"
EDITORS_PAGE = "Jaarverslag van de redactie"
IMAGE = "Brug over de Aa"
DOCUMENT = "Notulen van de stichting"
TRANSLATED = "Over de stedenband"


class BulkActionsShowModeratorsNoTitlesTests(ModeratorAndEditorTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.image = get_image_model().objects.create(
            title=IMAGE, file=photo("brug.jpg"), uploaded_by_user=cls.editor
        )
        cls.document = get_document_model().objects.create(
            title=DOCUMENT,
            file=ContentFile(b"%PDF-1.4\n", name="notulen.pdf"),
            uploaded_by_user=cls.editor,
        )
        cls.editors_page = cls.add_page(title=EDITORS_PAGE, slug="jaarverslag", live=False)
        cls.translated = cls.add_page(title=TRANSLATED, slug="over-de-stedenband")
        source, _ = TranslationSource.get_or_create_from_instance(cls.translated)
        Translation.objects.create(source=source, target_locale=cls.german).save_target(
            publish=True
        )

    def draft(self):
        """A member's draft, never sent for review."""
        self.post_story(self.maria, title=DRAFT, submit="", draft="1")
        return self.contribution(DRAFT)

    def paths(self, draft):
        pages = [
            (f"/admin/bulk/wagtailcore/page/{action}/?id={page.pk}", page.title)
            for action in ("publish", "unpublish", "delete", "move")
            for page in (draft, self.editors_page)
        ]
        media = [
            (f"/admin/bulk/wagtailimages/image/{action}/?id={self.image.pk}", IMAGE)
            for action in ("delete", "add_tags", "add_to_collection")
        ] + [
            (f"/admin/bulk/wagtaildocs/document/{action}/?id={self.document.pk}", DOCUMENT)
            for action in ("delete", "add_tags", "add_to_collection")
        ]
        reports = [
            ("/admin/localize/reports/translations/", TRANSLATED),
            ("/admin/localize/reports/translations/results/", TRANSLATED),
        ]
        return pages + media + reports

    def test_a_moderator_reads_no_title_where_an_editor_still_does(self):
        draft = self.draft()
        staff = Client()
        for user, allowed in ((self.reviewer, False), (self.editor, True)):
            staff.force_login(user)
            for path, title in self.paths(draft):
                with self.subTest(user=user.email, path=path):
                    response = staff.get(path)
                    if allowed:
                        self.assertContains(response, title)
                        continue
                    self.assertIn(response.status_code, (302, 403))
                    if response.status_code == 302:
                        self.assertEqual(response["Location"], "/admin/")
                    self.assertNotIn(title, staff.get("/admin/").content.decode())
                    self.assertNotIn(title, response.content.decode())

    def test_a_moderators_bulk_post_changes_nothing(self):
        draft = self.draft()
        staff = Client()
        staff.force_login(self.reviewer)
        for action in ("publish", "delete"):
            staff.post(f"/admin/bulk/wagtailcore/page/{action}/?id={draft.pk}")
        staff.post(f"/admin/bulk/wagtailimages/image/delete/?id={self.image.pk}")
        draft.refresh_from_db()
        self.assertFalse(draft.live)
        self.assertTrue(get_image_model().objects.filter(pk=self.image.pk).exists())

    def test_the_reports_menu_offers_the_translations_report_to_editors_only(self):
        staff = Client()
        for user, shown in ((self.reviewer, False), (self.editor, True)):
            staff.force_login(user)
            with self.subTest(user=user.email):
                menu = staff.get("/admin/").content.decode()
                self.assertEqual("/admin/localize/reports/translations/" in menu, shown)
