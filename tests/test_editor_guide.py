"""The admin's guide to this site (Help → "Guide for this site", jumelage/editor_guide.py): in the
reader's admin language, with the sections of the roles she holds. Wagtail's own guide, which
the help menu keeps, is in English and says so (walk 10: its only guide was Wagtail's English
one)."""

import json

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail import __version__ as VERSION

from tests.test_roles import RolesTestCase

GUIDE = "/admin/guide/"


class EditorGuideTests(RolesTestCase):
    def read(self, user, language, address=GUIDE):
        return BeautifulSoup(self.read_admin(user, language, address).content, "html.parser")

    def headings(self, page):
        return [heading.get_text(strip=True) for heading in page.select(".editor-guide h2.w-h2")]

    def help_menu(self, page):
        """The help menu's items (label, address), from the sidebar's data."""
        props = json.loads(page.find(id="wagtail-sidebar-props").string)
        menu = next(
            item for item in props["modules"][-1]["_args"][0] if item["_args"][0]["name"] == "help"
        )
        return [(item["_args"][0]["label"], item["_args"][0]["url"]) for item in menu["_args"][1]]

    def test_the_help_menu_leads_to_the_guide_in_the_readers_language(self):
        for user, language, ours, wagtails in (
            (
                self.editor_nl,
                "nl",
                "Handleiding voor deze site",
                "Handleiding van Wagtail (in het Engels)",
            ),
            (
                self.editor_de,
                "de",
                "Leitfaden für diese Website",
                "Wagtail-Handbuch (auf Englisch)",
            ),
        ):
            with self.subTest(language=language):
                items = self.help_menu(self.read(user, language, "/admin/"))
                self.assertEqual(items[0], (ours, GUIDE))
                self.assertIn(wagtails, [label for label, _url in items])

    def test_an_editor_reads_every_section_of_her_work_in_german(self):
        page = self.read(self.editor_de, "de")
        self.assertTrue(page.title.get_text().startswith("Leitfaden für diese Website - "))
        self.assertEqual(
            self.headings(page),
            [
                "Rollen und Aufgaben",
                "Beiträge von Mitgliedern",
                "Meldungen",
                "Mitglieder",
                "Seiten auf Niederländisch und Deutsch",
                "Maschinelle Übersetzungen",
                "Treffen und Anmeldungen",
                "Austauschbesuche",
                "Newsletter",
                "Bilder und Dokumente",
            ],
        )
        text = page.find("main").get_text(" ")
        self.assertIn("Änderungen anfordern", text)
        for english in ("Request changes", "the member", "Exchange visits", "Guide for this site"):
            self.assertNotIn(english, text)

    def test_a_moderator_reads_only_what_she_does(self):
        page = self.read(self.moderator, "nl")
        self.assertEqual(
            self.headings(page), ["Rollen en taken", "Bijdragen van leden", "Meldingen", "Leden"]
        )
        text = page.find("main").get_text(" ")
        self.assertNotIn("Nieuwsbrief versturen", text)
        self.assertNotIn("Koppeling voorstellen", text)

    def test_an_administrator_reads_how_roles_are_given_too(self):
        admin = get_user_model().objects.create_superuser("beheer@example.org", "x")
        headings = self.headings(self.read(admin, "nl"))
        self.assertEqual(headings[-1], "Accounts en rollen")
        self.assertIn("Nieuwsbrief", headings)
        self.assertNotIn("Accounts en rollen", self.headings(self.read(self.editor_nl, "nl")))

    def test_its_table_of_contents_leads_to_each_section(self):
        page = self.read(self.editor_nl, "nl")
        targets = [link["href"].removeprefix("#") for link in page.select(".editor-guide nav a")]
        sections = [section["aria-labelledby"] for section in page.select(".editor-guide section")]
        self.assertEqual(targets, sections)

    def test_the_dashboards_link_to_wagtails_guide_says_it_is_english(self):
        for user, language, name in (
            (self.editor_nl, "nl", f"Handleiding van Wagtail {VERSION} (in het Engels)"),
            (self.editor_de, "de", f"Handbuch zu Wagtail {VERSION} (auf Englisch)"),
        ):
            with self.subTest(language=language):
                page = self.read(user, language, "/admin/")
                link = page.find("a", href=lambda href: href and "guide.wagtail.org" in href)
                self.assertEqual(" ".join(link.get_text().split()), name)
