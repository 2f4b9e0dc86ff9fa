"""Outside attack 33 (2026-12-07): an editor whose rights lie in two places (her sector
community in Dutch and in German) is led by Wagtail's explorer through every page above them
(`roles.explorable_pages`: the root, both homes), and read there what is not hers: the review
of a page she holds no rights on, and its draft title.

Each test fails on the code as found and says what she would notice."""

from tests.test_reviews_above_her_part import EditorOfTwoPlacesTestCase

COMMENT = "Een andere foto graag."


class HomeSentBackTestCase(EditorOfTwoPlacesTestCase):
    """The Dutch home sent for review with a draft title by the Dutch editors and sent back
    with a comment by a reviewer (the German editors); the two-place editor (`part_editor`)
    holds no rights on it."""

    def setUp(self):
        super().setUp()
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
        self.assertIn('id="status-sidebar-live"', content)

    def test_the_dutch_editors_read_the_review_of_their_home(self):
        for reader in (self.editor_nl, self.administrator):
            with self.subTest(reader=reader.email):
                self.assert_review_shown(reader, self.home)

    def test_she_reads_the_review_of_her_own_sector(self):
        self.send_back(self.climate)
        self.assert_review_shown(self.part_editor, self.climate)
