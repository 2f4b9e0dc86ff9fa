"""Pages of text below other pages of text: the main menu holds only the home page's children, so
a page an editor adds below a standard page (the history below the about page) is reached from
the page above it, in both languages."""

from bs4 import BeautifulSoup

from tests.base import BilingualSiteTestCase, publish_translation


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class SubpageTests(BilingualSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.about = cls.add_page(title="Over de jumelage", slug="over", show_in_menus=True)
        cls.about_de = publish_translation(cls.about, cls.german)
        cls.about_de.title = "Über die Partnerschaft"
        cls.about_de.slug = "ueber"
        cls.about_de.save_revision().publish()
        cls.history = cls.add_page(
            parent=cls.about,
            title="Geschiedenis",
            slug="geschiedenis",
            intro="Hoe de stedenband begon.",
        )
        # Not translated yet: the German tree holds an alias, shown in Dutch.
        cls.history.copy_for_translation(cls.german, alias=True)
        cls.draft = cls.add_page(parent=cls.about, title="Nog niet klaar", slug="concept")
        cls.draft.unpublish()

    def subpage_links(self, url):
        nav = soup(self.client.get(url)).find("nav", class_="subpages")
        return [] if nav is None else [(a["href"], a.get_text(strip=True)) for a in nav("a")]

    def test_about_page_leads_to_the_page_below_it(self):
        self.assertEqual(
            self.subpage_links("/nl/over/"), [("/nl/over/geschiedenis/", "Geschiedenis")]
        )
        nav = soup(self.client.get("/nl/over/")).find("nav", class_="subpages")
        self.assertEqual(nav.h2.get_text(strip=True), "Meer over dit onderwerp")
        self.assertIn("Hoe de stedenband begon.", nav.get_text())

    def test_german_about_page_leads_to_the_untranslated_page_below_it_marked_dutch(self):
        self.assertEqual(
            self.subpage_links("/de/ueber/"), [("/de/ueber/geschiedenis/", "Geschiedenis")]
        )
        nav = soup(self.client.get("/de/ueber/")).find("nav", class_="subpages")
        self.assertEqual(nav.h2.get_text(strip=True), "Mehr zu diesem Thema")
        self.assertEqual(nav.find("li")["lang"], "nl")

    def test_a_page_without_pages_below_it_lists_none(self):
        self.assertEqual(self.subpage_links("/nl/over/geschiedenis/"), [])
        self.assertIsNone(
            soup(self.client.get("/nl/over/geschiedenis/")).find("nav", class_="subpages")
        )
