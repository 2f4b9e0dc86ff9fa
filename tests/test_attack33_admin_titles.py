"""Outside attack 33 (2026-12-07): an editor whose rights lie in two places (her sector
community in Dutch and in German) is led by Wagtail's explorer through every page above them
(`roles.explorable_pages`: the root, both homes), and read there what is not hers: the review
of a page she holds no rights on, and its draft title.

Each test fails on the code as found and says what she would notice."""

import json

from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from wagtail.coreutils import cautious_slugify

from tests.security.test_admin_keys import PARAMETER, admin_routes, all_routes, filled
from tests.test_reviews_above_her_part import DRAFT_TITLE, EditorOfTwoPlacesTestCase

COMMENT = "Een andere foto graag."
# The names by which admin addresses name a page (Wagtail's page views, the chooser).
PAGE_IDS = {"page_id", "parent_page_id", "page_to_move_id", "destination_id"}


class HomeSentBackTestCase(EditorOfTwoPlacesTestCase):
    """The Dutch home sent for review with a draft title by the Dutch editors and sent back
    with a comment by a reviewer (the German editors); the two-place editor (`part_editor`)
    holds no rights on it."""

    def setUp(self):
        super().setUp()
        self.published_title = self.home.title
        self.send_back(self.home)

    def assert_review_shown(self, reader, page, shown=True):
        status, content = self.answer(reader, f"/admin/pages/{page.pk}/")
        self.assertEqual(status, 200)
        # The review's dialog ("Changes requested by …", the comment) and its button.
        for said in (COMMENT, self.editor_de.email, 'dialog-show="workflow-status-dialog"'):
            self.assertEqual(said in content, shown, said)


class ReviewAboveHerRightsTests(HomeSentBackTestCase):
    """F1: the explorer's page header of a page above her rights showed its review (changes
    requested, by whom, when) and the reviewer's comment."""

    def test_page_above_her_rights_shows_no_review_nor_comment(self):
        self.assert_review_shown(self.part_editor, self.home, shown=False)

    def test_page_above_her_rights_still_says_it_is_live(self):
        status, content = self.answer(self.part_editor, f"/admin/pages/{self.home.pk}/")
        with translation.override("nl"):  # her admin's language
            live = gettext("Live")
        self.assertIn(f'id="status-sidebar-{cautious_slugify(live)}"', content)

    def test_the_dutch_editors_read_the_review_of_their_home(self):
        for reader in (self.editor_nl, self.administrator):
            with self.subTest(reader=reader.email):
                self.assert_review_shown(reader, self.home)

    def test_she_reads_the_review_of_her_own_sector(self):
        self.send_back(self.climate)
        self.assert_review_shown(self.part_editor, self.climate)


class DraftTitlesAboveHerRightsTests(HomeSentBackTestCase):
    """F2: the explorer, its breadcrumbs, the admin's page API, the site history and the page
    types report named a page above her rights by its draft's title."""

    def assert_named_as_published(self, content):
        self.assertFalse(DRAFT_TITLE in content, "the home's draft title")
        self.assertTrue(self.published_title in content, "the home's published title")

    def read(self, reader, address):
        status, content = self.answer(reader, address)
        self.assertEqual(status, 200)
        return content

    def test_the_explorer_names_the_home_by_its_published_title(self):
        # The home explored (heading, window title, listing), the root's listing and the
        # breadcrumbs above her own sector, in the explorer and in her sector's editor.
        for address in (
            f"/admin/pages/{self.home.pk}/",
            f"/admin/pages/{self.home.pk}/?ordering=title",
            "/admin/pages/",
            f"/admin/pages/{self.sector_index.pk}/",
            f"/admin/pages/{self.climate.pk}/",
            f"/admin/pages/{self.climate.pk}/edit/",
        ):
            with self.subTest(address=address):
                content = self.read(self.part_editor, address)
                self.assert_named_as_published(content)

    def test_whoever_holds_rights_on_the_home_reads_its_draft_title(self):
        for reader in (self.editor_nl, self.administrator):
            for address in (f"/admin/pages/{self.home.pk}/", "/admin/pages/"):
                with self.subTest(reader=reader.email, address=address):
                    self.assertTrue(DRAFT_TITLE in self.read(reader, address))

    def test_her_own_drafts_keep_their_draft_titles(self):
        self.climate.title = "Klimaat in concept"
        self.climate.save_revision(user=self.part_editor)
        for address in (
            f"/admin/pages/{self.climate.pk}/",
            f"/admin/pages/{self.sector_index.pk}/",
        ):
            with self.subTest(address=address):
                self.assertTrue("Klimaat in concept" in self.read(self.part_editor, address))

    def test_no_move_confirmation_names_the_home(self):
        # Her sector into the home, the home into the German home: she may move neither.
        for address in (
            f"/admin/pages/{self.climate.pk}/move/{self.home.pk}/confirm/",
            f"/admin/pages/{self.home.pk}/move/{self.home_de.pk}/confirm/",
        ):
            with self.subTest(address=address):
                self.assertFalse(DRAFT_TITLE in self.answer(self.part_editor, address)[1])
        # Who may move a page there is asked to confirm it, as before.
        address = f"/admin/pages/{self.climate.pk}/move/{self.sector_index.pk}/confirm/"
        self.assertIn(f'action="{address}"', self.read(self.editor_nl, address))

    def api(self, reader, address):
        self.client.force_login(reader)
        response = self.client.get(address)
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_the_admin_api_names_the_home_by_its_published_title(self):
        home = self.api(self.part_editor, f"/admin/api/main/pages/{self.home.pk}/")
        self.assertEqual(home["admin_display_title"], self.published_title)
        # The root's listing (the side menu's explorer), her sector's ancestors, the German
        # home's translations: nowhere its draft title.
        for address in (
            "/admin/api/main/pages/?child_of=root&for_explorer=1",
            f"/admin/api/main/pages/{self.climate.pk}/",
            f"/admin/api/main/pages/{self.home_de.pk}/",
        ):
            with self.subTest(address=address):
                answer = json.dumps(self.api(self.part_editor, address), ensure_ascii=False)
                self.assertNotIn(DRAFT_TITLE, answer)
                self.assertIn(self.published_title, answer)

    def test_the_admin_api_names_her_own_drafts_and_the_dutch_editors_theirs(self):
        self.climate.title = "Klimaat in concept"
        self.climate.save_revision(user=self.part_editor)
        climate = self.api(self.part_editor, f"/admin/api/main/pages/{self.climate.pk}/")
        self.assertEqual(climate["admin_display_title"], "Klimaat in concept")
        home = self.api(self.editor_nl, f"/admin/api/main/pages/{self.home.pk}/")
        self.assertEqual(home["admin_display_title"], DRAFT_TITLE)

    def test_the_site_history_lists_nothing_of_the_home(self):
        content = self.read(self.part_editor, "/admin/reports/site-history/")
        self.assertFalse(DRAFT_TITLE in content, "the home's draft title")
        self.assertNotIn(f'href="/admin/pages/{self.home.pk}/edit/"', content)
        # Her own sector's history is hers, and the Dutch editors read the home's.
        self.climate.save_revision(user=self.part_editor, log_action=True)
        content = self.read(self.part_editor, "/admin/reports/site-history/")
        self.assertIn(f'href="/admin/pages/{self.climate.pk}/edit/"', content)
        self.assertTrue(DRAFT_TITLE in self.read(self.editor_nl, "/admin/reports/site-history/"))

    def test_the_page_types_report_names_the_home_by_its_published_title(self):
        content = self.read(self.part_editor, "/admin/reports/page-types-usage/")
        self.assert_named_as_published(content)


class ChooserDraftTitlesTests(HomeSentBackTestCase):
    """F3: the page chooser named every page it offers by its draft's title: a published page
    outside an editor's rights (the home above her part, another part's pages she may link to)
    too."""

    def chooser(self, reader, address):
        self.client.force_login(reader)
        response = self.client.get(address)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_the_chooser_names_the_home_by_its_published_title(self):
        # The home, where the chooser opens, below it, found by searching, chosen; and in the
        # breadcrumbs above her sector.
        addresses = (
            "/admin/choose-page/",
            f"/admin/choose-page/{self.home.pk}/",
            f"/admin/choose-page/search/?q={self.published_title.split()[0]}",
            f"/admin/choose-page/chosen-multiple/?id={self.home.pk}",
        )
        asked = [(self.one_part_editor, address) for address in addresses]
        asked += [(self.part_editor, address) for address in addresses]
        asked.append((self.part_editor, f"/admin/choose-page/{self.climate.pk}/"))
        for reader, address in asked:
            with self.subTest(address=address, reader=reader.email):
                content = self.chooser(reader, address)
                self.assertFalse(DRAFT_TITLE in content, "the home's draft title")
                self.assertTrue(self.published_title in content, "its published title")

    def test_the_chooser_names_her_own_drafts_and_the_dutch_editors_theirs(self):
        self.climate.title = "Klimaat in concept"
        self.climate.save_revision(user=self.part_editor)
        content = self.chooser(self.part_editor, f"/admin/choose-page/{self.sector_index.pk}/")
        self.assertTrue("Klimaat in concept" in content)
        content = self.chooser(self.editor_nl, "/admin/choose-page/")
        self.assertTrue(DRAFT_TITLE in content)


def names(route):
    return {name for _, name in PARAMETER.findall(route)}


class NothingOfTheHomeAnywhereTests(HomeSentBackTestCase):
    """F1 and F2 together: every admin address that names a page by its id (walked from the URL
    resolver, so one added later is tried too), asked of the home above her rights, names
    neither its draft title nor its review's comment."""

    def test_no_admin_address_of_the_home_tells_her_its_draft_or_review(self):
        routes = [route for route, _ in admin_routes() if names(route) <= PAGE_IDS]
        # The admin's page API (its routes are regular expressions: `^pages/`).
        routes += [
            route.replace("^", "")
            for route, _ in all_routes()
            if route.startswith("admin/api/main/^pages/") and names(route) == {"pk"}
        ]
        self.assertIn("admin/pages/<int:parent_page_id>/", routes)
        self.assertIn("admin/api/main/pages/<int:pk>/", routes)
        self.client = Client(raise_request_exception=False)
        self.client.force_login(self.part_editor)
        for route in routes:
            address = filled(route, lambda kind: str(self.home.pk))
            with self.subTest(address=address):
                content = self.client.get(address, follow=True).content.decode()
                self.assertFalse(DRAFT_TITLE in content, "the home's draft title")
                self.assertFalse(COMMENT in content, "the reviewer's comment")
