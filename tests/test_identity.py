"""The site's own face: typeface, sector emblems, related stories and share links on a story."""

import datetime
import re

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from community.emblems import design
from community.factories import SectorPageFactory
from home.models import Foundation, FoundationSettings
from tests.stories_base import StoriesMixin


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class IdentityTestCase(StoriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        cls.visit = cls.story(
            title="Fietsen naar Clarholz",
            slug="fietsen",
            date=datetime.date(2024, 5, 1),
            sectors=[cls.climate],
            towns=[cls.steenwijkerland],
        )
        cls.same_sector = cls.story(
            title="Zonnepanelen op de boerderij",
            slug="zonnepanelen",
            date=datetime.date(2023, 1, 1),
            sectors=[cls.climate],
            towns=[cls.herzebrock],
        )
        cls.same_town = cls.story(
            title="Markt in Steenwijk",
            slug="markt",
            date=datetime.date(2024, 4, 1),
            sectors=[cls.farming],
            towns=[cls.steenwijkerland],
        )
        cls.unrelated = cls.story(
            title="Melkveehouders op bezoek",
            slug="melkvee",
            date=datetime.date(2024, 6, 1),
            sectors=[cls.farming],
            towns=[cls.herzebrock],
        )


class RelatedStoriesTests(IdentityTestCase):
    def related_titles(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return [a.get_text(strip=True) for a in soup(response).select(".related .card__title a")]

    def test_a_story_lists_stories_of_its_sector_first_then_of_its_towns(self):
        self.assertEqual(
            self.related_titles("/nl/verhalen/fietsen/"),
            ["Zonnepanelen op de boerderij", "Markt in Steenwijk"],
        )

    def test_related_stories_are_public_and_in_the_language_being_read(self):
        self.same_town.unpublish()
        german = self.translated(self.visit, title="Radtour nach Clarholz", slug="radtour")
        self.assertEqual(
            self.related_titles("/nl/verhalen/fietsen/"), ["Zonnepanelen op de boerderij"]
        )
        # No German story shares the sector yet: the German page lists no Dutch ones.
        self.assertEqual(self.related_titles(german.url), [])
        self.translated(self.same_sector, title="Solarzellen auf dem Hof", slug="solar")
        self.assertEqual(self.related_titles(german.url), ["Solarzellen auf dem Hof"])

    def test_a_story_of_no_sector_lists_the_stories_of_its_towns(self):
        self.story(
            title="Stadswandeling",
            slug="wandeling",
            date=datetime.date(2024, 7, 1),
            sectors=[],
            towns=[self.steenwijkerland],
        )
        self.assertEqual(
            self.related_titles("/nl/verhalen/wandeling/"),
            ["Fietsen naar Clarholz", "Markt in Steenwijk"],
        )

    def test_related_stories_take_a_bounded_number_of_queries(self):
        def queries_of_story_page():
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get("/nl/verhalen/fietsen/").status_code, 200)
            return len(queries)

        def climate_stories(first, count):
            for number in range(first, first + count):
                self.story(
                    title=f"Klimaatverhaal {number}",
                    slug=f"klimaat-{number}",
                    sectors=[self.climate],
                    towns=[self.steenwijkerland, self.herzebrock],
                )

        climate_stories(0, 1)
        queries_of_story_page()
        climate_stories(1, 1)
        few = queries_of_story_page()
        climate_stories(2, 10)
        self.assertEqual(queries_of_story_page(), few)
        self.assertEqual(len(self.related_titles("/nl/verhalen/fietsen/")), 3)


class ShareLinkTests(IdentityTestCase):
    def test_share_links_are_plain_links_with_the_story_address(self):
        response = self.client.get("/nl/verhalen/fietsen/")
        page = soup(response)
        share = page.select_one(".share")
        hrefs = [a["href"] for a in share.select("a")]
        self.assertTrue(hrefs[0].startswith("mailto:?subject=Fietsen%20naar%20Clarholz&body=http"))
        self.assertTrue(any(href.startswith("https://wa.me/?text=") for href in hrefs))
        self.assertTrue(any("facebook.com/sharer" in href for href in hrefs))
        self.assertTrue(any("linkedin.com/sharing" in href for href in hrefs))
        address = share.select_one("input[readonly]")["value"]
        self.assertTrue(address.endswith("/nl/verhalen/fietsen/"))
        self.assertEqual(share.select_one("label")["for"], share.select_one("input")["id"])
        # Nothing of another host is loaded: no scripts, images, frames or stylesheets.
        for element in page.select(
            "script[src], img[src], iframe[src], link[rel=stylesheet], link[rel=preload]"
        ):
            address = element.get("src") or element["href"]
            self.assertFalse(address.startswith(("http:", "https:", "//")), address)

    def test_an_untranslated_story_shares_the_address_the_visitor_reads_it_on(self):
        # The German overview shows the Dutch story in a German page; its link for search
        # engines names the Dutch original, but what a German visitor shares is what they see.
        alias = self.visit.copy_for_translation(self.german, alias=True)
        response = self.client.get(alias.url)
        share = soup(response).select_one(".share")
        self.assertTrue(share.select_one("input[readonly]")["value"].endswith(alias.url))
        mail = share.select_one("a[href^=mailto]")["href"]
        self.assertIn("%2Fde%2Fgeschichten%2Ffietsen%2F", mail)
        canonical = soup(response).select_one("link[rel=canonical]")["href"]
        self.assertTrue(canonical.endswith("/nl/verhalen/fietsen/"))
        # Social networks take the address they link from Open Graph's, not from the link.
        og_url = soup(response).select_one("meta[property='og:url']")["content"]
        self.assertTrue(og_url.endswith(alias.url))
        # The Dutch story's date and author line is written in German: marked so in the Dutch text.
        self.assertEqual(soup(response).select_one(".story__meta")["lang"], "de")


class EmblemTests(IdentityTestCase):
    def emblem(self, url, selector):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return [str(svg) for svg in soup(response).select(f"{selector} svg.emblem")]

    def test_each_sector_has_its_own_emblem_the_same_in_both_languages(self):
        dutch = self.emblem("/nl/sectoren/", ".card")
        german = self.emblem("/de/fachgruppen/", ".card")
        self.assertEqual(len(dutch), 2)
        self.assertNotEqual(dutch[0], dutch[1])
        self.assertEqual(sorted(dutch), sorted(german))
        header = self.emblem("/nl/sectoren/duurzaamheid/", ".sector-header")
        self.assertEqual(len(header), 1)
        self.assertIn('aria-hidden="true"', header[0])

    def test_known_sectors_have_their_motif_and_new_ones_a_pattern_of_their_key(self):
        self.assertEqual(design(["duurzaamheid-en-klimaat"], "k")[0], "leaf")
        self.assertEqual(design(["freizeit-und-tourismus"], "k")[0], "boat")
        self.assertEqual(design(["agrarische-sector", "landwirtschaft"], "k")[0], "furrows")
        self.assertEqual(design(["gemeenteraden", "gemeinderaete"], "k")[0], "columns")
        self.assertEqual(design(["inclusieve-samenleving"], "k")[0], "rings")
        youth = SectorPageFactory(parent=self.sector_index, title="Jeugd", slug="jeugd")
        sport = SectorPageFactory(parent=self.sector_index, title="Sport", slug="sport")
        youth_design = design(["jeugd"], youth.translation_key)
        self.assertEqual(design(["jeugd"], youth.translation_key), youth_design)
        self.assertNotEqual(design(["sport"], sport.translation_key), youth_design)
        svgs = self.emblem("/nl/sectoren/", ".card")
        self.assertEqual(len(set(svgs)), 4)

    def test_a_story_without_a_photo_shows_its_sectors_emblem(self):
        cards = self.emblem("/nl/verhalen/", ".card")
        sector_card = self.emblem("/nl/sectoren/", ".card")
        self.assertIn(cards[0], sector_card)


class TypefaceTests(TestCase):
    def test_the_typeface_is_served_by_the_site_itself(self):
        css = (settings.BASE_DIR / "static/css/site.css").read_text()
        faces = re.findall(r"@font-face\s*{[^}]*}", css)
        self.assertGreaterEqual(len(faces), 2)
        for face in faces:
            self.assertIn("font-display: swap", face)
            url = re.search(r'url\("\.\./([^"]+)"\)', face).group(1)
            self.assertTrue(finders.find(url), url)
        self.assertTrue(finders.find("fonts/OFL-source-sans-3.txt"))
        self.assertIn('"Source Sans 3"', css.split("--font-sans:")[1].split(";")[0])


class FooterAndTextPageTests(IdentityTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        settings = FoundationSettings.objects.get()
        Foundation.objects.create(
            settings=settings,
            name="Stichting Jumelage",
            town="Steenwijkerland",
            country="NL",
            address="Postbus 1234\n8330 AA Steenwijk",
            email="info@jumelage.example",
        )
        Foundation.objects.create(
            settings=settings,
            name="Partnerschaftskomitee",
            town="Herzebrock-Clarholz",
            country="DE",
            address="Postfach 12 34\n33442 Herzebrock-Clarholz",
            email="info@partnerschaft.example",
        )
        cls.contact = cls.add_page(title="Contact", slug="contact", show_in_menus=True)
        settings.contact_page = cls.contact
        settings.save()

    def test_the_footer_gives_both_foundations_postal_address_and_contact(self):
        footer = soup(self.client.get("/de/")).select_one("footer")
        text = footer.get_text(" ", strip=True)
        self.assertIn("Postbus 1234 8330 AA Steenwijk", text)
        self.assertIn("Postfach 12 34 33442 Herzebrock-Clarholz", text)
        self.assertIn("Steenwijkerland, Niederlande", text)
        self.assertIn("Herzebrock-Clarholz, Deutschland", text)
        hrefs = [a["href"] for a in footer.select("a")]
        self.assertIn("mailto:info@jumelage.example", hrefs)
        self.assertIn("mailto:info@partnerschaft.example", hrefs)
        dutch_footer = soup(self.client.get("/nl/")).select("footer a")
        self.assertIn("/nl/contact/", [a["href"] for a in dutch_footer])

    def test_a_text_page_has_a_side_column_with_whom_to_write(self):
        page = soup(self.client.get("/nl/contact/"))
        aside = page.select_one("article aside")
        self.assertEqual(
            [a["href"] for a in aside.select("a[href^=mailto]")],
            ["mailto:info@jumelage.example", "mailto:info@partnerschaft.example"],
        )
        self.assertIsNotNone(page.select_one("article .prose"))
