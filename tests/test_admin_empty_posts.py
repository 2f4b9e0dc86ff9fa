"""An empty POST (no fields at all, a form cut off on its way, a forged request) to an admin
view answers the form again or a bad request (400), never a server error: Wagtail's page copy,
the external link chooser, a snippet chooser without a creation form, wagtail-localize's PO
upload and the redirects import read a field they never asked for (jumelage/form_posts.py,
jumelage/choosers.py)."""

from django.contrib.auth import get_user_model
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from tests.test_roles import RolesTestCase


class EmptyPostsTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        source, _ = TranslationSource.get_or_create_from_instance(cls.about)
        cls.translation = Translation.objects.create(source=source, target_locale=cls.german)
        cls.translation.save_target(publish=True)
        cls.administrator = get_user_model().objects.create_superuser(
            "beheer@example.org", "wachtwoord-123"
        )

    def setUp(self):
        self.client.raise_request_exception = False
        self.client.force_login(self.editor_nl)

    def assert_bad_request(self, route, data=None):
        pages = Page.objects.count()
        response = self.client.post(route, data or {})
        self.assertEqual(response.status_code, 400, f"{route} answered an empty form so")
        self.assertEqual(Page.objects.count(), pages)

    def test_copying_a_page_without_its_new_parent(self):
        self.assert_bad_request(f"/admin/pages/{self.about.pk}/copy/")

    def test_copying_a_page_below_an_id_no_page_has(self):
        self.assert_bad_request(
            f"/admin/pages/{self.about.pk}/copy/",
            {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": "987654"},
        )

    def test_choosing_an_external_link_without_its_address(self):
        self.assert_bad_request("/admin/choose-external-link/")

    def test_creating_a_town_in_its_chooser(self):
        self.assert_bad_request("/admin/snippets/choose/community/town/create/")

    def test_creating_a_glossary_term_in_its_chooser(self):
        self.assert_bad_request("/admin/snippets/choose/home/glossaryterm/create/")

    def test_uploading_a_po_file_without_a_file(self):
        self.assert_bad_request(f"/admin/localize/translate/{self.translation.pk}/pofile/upload/")

    def test_importing_redirects_without_a_file_shows_the_form_again(self):
        self.client.force_login(self.administrator)  # editors manage no redirects
        response = self.client.post("/admin/redirects/import/", {})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="import_file"')

    def test_confirming_a_redirects_import_without_its_file(self):
        self.client.force_login(self.administrator)
        self.assert_bad_request("/admin/redirects/import/process/")
        self.assertFalse(Redirect.objects.exists())
