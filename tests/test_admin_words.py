"""The Wagtail admin in the editor's language, also where Wagtail's own catalogue leaves words in
English (home/admin_messages.py, WAGTAIL_FORMATTING): the Dutch editor's rich text toolbar and
keyboard shortcuts dialog said "Bold", "Italic" and "Monospace (code)" (the newcomer's walk,
W10)."""

import re

from bs4 import BeautifulSoup
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import TranslationCreator

from community.factories import TownFactory
from community.models import Report
from tests.test_roles import RolesTestCase


class AdminWordsTests(RolesTestCase):
    def page_editor(self, language):
        response = self.read_admin(self.editor_nl, language, f"/admin/pages/{self.about.pk}/edit/")
        return BeautifulSoup(response.content, "html.parser")

    def shortcuts(self, page):
        """The text formatting part of the keyboard shortcuts dialog."""
        group = page.find(id="keyboard-shortut-group-text-editing-rich-text")  # Wagtail's typo
        # Inside the dialog's <template>, whose strings get_text() leaves out.
        return [cell.string for cell in group.find_all("th")]

    def test_the_dutch_editor_reads_the_formatting_words_in_dutch(self):
        page = self.page_editor("nl")
        text = self.shortcuts(page)
        for dutch in ("Vet", "Cursief", "Vaste tekenbreedte (code)"):
            self.assertIn(dutch, text)
        for english in ("Bold", "Italic", "Monospace (code)"):
            self.assertNotIn(english, text)

    def test_the_german_editor_reads_wagtails_own_german_words(self):
        text = self.shortcuts(self.page_editor("de"))
        for german in ("Fett", "Kursiv"):
            self.assertIn(german, text)

    def test_the_dutch_toolbar_and_help_menu_words(self):
        # Wagtail's JavaScript catalogue said "Regel onderbreking" and "Toolbar vastzetten", its
        # help menu "Editor Guide" (the newcomer's walk of 2026-12-05, W5 and W7), which leads
        # to Wagtail's guide in English and says so (walk 10).
        self.page_editor("nl")
        catalogue = self.client.get("/admin/jsi18n/").content.decode()
        self.assertIn('"Regeleinde"', catalogue)
        self.assertIn('"Werkbalk vastzetten"', catalogue)
        self.assertNotIn("Regel onderbreking", catalogue)
        admin = self.client.get("/admin/").content.decode()
        self.assertIn("Handleiding van Wagtail (in het Engels)", admin)
        self.assertNotIn("Editor Guide", admin)

    def test_the_german_editor_reads_notifications_spelt_right(self):
        # Wagtail's German catalogue drops letters of "Benachrichtigung": "Kommentar-
        # benachichtigungen" in the page editor's comments panel and on the Account page's
        # notification settings, "Benachrichtung" in the help of two of those settings.
        self.page_editor("de")
        for address, right in (
            (f"/admin/pages/{self.about.pk}/edit/", ["Kommentarbenachrichtigungen"]),
            ("/admin/account/", ["Kommentarbenachrichtigungen", "Benachrichtigung erhalten"]),
        ):
            with self.subTest(address=address):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 200)
                text = BeautifulSoup(response.content, "html.parser").get_text(" ")
                misspelt = re.findall(r"\w*(?:benachichtigung|Benachrichtung)\w*", text)
                self.assertEqual(misspelt, [])
                for word in right:
                    self.assertTrue(word in text, word)

    def test_the_german_editor_syncs_translations_by_an_infinitive(self):
        # wagtail-localize's German catalogue says "Synchronisiere übersetzte Seiten" in the page
        # header's actions, among Wagtail's "Verschieben", "Kopieren", "Löschen" (walk 8).
        with self.captureOnCommitCallbacks(execute=True):
            TranslationCreator(self.editor_nl, [self.german]).create_translations(self.about)
        page = self.page_editor("de")
        actions = [link.get_text(" ", strip=True) for link in page.find_all("a")]
        self.assertIn("Übersetzte Seiten synchronisieren", actions)
        self.assertFalse([action for action in actions if "Synchronisiere" in action])

    def test_the_dutch_editor_reads_the_translation_editors_title_with_its_spaces(self):
        # Walk 15: wagtail-localize's Dutch catalogue writes "Vertaling van Over onsnaar Duits"
        # in the browser's tab of its translation editor.
        with self.captureOnCommitCallbacks(execute=True):
            TranslationCreator(self.editor_nl, [self.german]).create_translations(self.about)
        german = self.about.get_translation(self.german)
        self.log_in_reading(self.editor_nl, "nl")
        response = self.client.get(f"/admin/pages/{german.pk}/edit/")
        title = BeautifulSoup(response.content, "html.parser").title.get_text(" ", strip=True)
        self.assertTrue(title.startswith("Vertaling van Over ons naar Duits"), title)

    def test_a_page_not_translated_yet_names_itself_in_the_browsers_tab(self):
        # Walk 15: wagtail-localize's page of an alias of another language left the tab's
        # title empty: "- Jumelage".
        alias = self.about.copy_for_translation(self.german, alias=True)
        self.log_in_reading(self.editor_nl, "nl")
        response = self.client.get(f"/admin/pages/{alias.pk}/edit/")
        self.assertContains(response, "nog niet vertaald")
        title = BeautifulSoup(response.content, "html.parser").title.get_text(" ", strip=True)
        self.assertEqual(title, "Bewerk Standaardpagina: Over ons - Jumelage")


class DashboardAndSubmitWordsTests(RolesTestCase):
    """Wagtail's Dutch "Site samenvatting" and "Stuur door naar Beoordeling van bijdragen", its
    German "Seitenzusammenfassung" (home/admin_messages.py, WAGTAIL_DASHBOARD_AND_SUBMIT)."""

    def read(self, address, language):
        editor = self.editor_nl if language == "nl" else self.editor_de
        response = self.read_admin(editor, language, address)
        return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)

    def test_the_dashboard_sums_up_the_site_in_one_word(self):
        dutch = self.read("/admin/", "nl")
        self.assertIn("Overzicht van de site", dutch)
        self.assertNotIn("Site samenvatting", dutch)
        german = self.read("/admin/", "de")
        self.assertIn("Überblick über die Website", german)
        self.assertNotIn("Seitenzusammenfassung", german)

    def test_the_editor_submits_a_story_to_the_review_by_a_verb(self):
        story = self.story(title="Fietsen naar Clarholz", slug="fietsen")
        self.assertIsNotNone(story.get_workflow())
        address = f"/admin/pages/{story.pk}/edit/"
        dutch = self.read(address, "nl")
        self.assertIn("Indienen: Beoordeling van bijdragen", dutch)
        self.assertNotIn("Stuur door naar", dutch)
        german = self.read(address, "de")
        self.assertIn("Einreichen: Prüfung von Beiträgen", german)
        self.assertNotIn("In Prüfung von Beiträgen einreichen", german)


class SyncPageWordsTests(RolesTestCase):
    """wagtail-localize's German sync page: "Warum würde ich meine Seite synchronisieren?", and
    no comma before "das Folgende zu synchronisieren" (WAGTAIL_LOCALIZE_SYNC_PAGE)."""

    def test_the_german_editor_reads_the_sync_page_in_plain_german(self):
        with self.captureOnCommitCallbacks(execute=True):
            TranslationCreator(self.editor_nl, [self.german]).create_translations(self.about)
        source = TranslationSource.objects.get(object_id=self.about.translation_key)
        self.log_in_reading(self.editor_de, "de")
        response = self.client.get(f"/admin/localize/update/{source.pk}/")
        self.assertEqual(response.status_code, 200)
        text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
        self.assertIn("Wozu synchronisieren?", text)
        self.assertNotIn("Warum würde ich", text)
        self.assertIn("Sie sind dabei, Folgendes zu synchronisieren:", text)


class EditorWordsTests(RolesTestCase):
    """Wagtail's Dutch "Checks", "Content statistieken", "Bezoek de live pagina" in the page
    editor and the explorer, "Systeem standaard" on the Account page (WAGTAIL_EDITOR_WORDS; walk of
    2026-12-07)."""

    page_editor = AdminWordsTests.page_editor

    def test_the_dutch_editor_reads_the_checks_and_status_in_dutch(self):
        page = self.page_editor("nl")
        text = page.get_text(" ", strip=True)
        for dutch in ("Controles", "Inhoudsstatistieken"):
            self.assertIn(dutch, text)
        for half_english in ("Checks", "Content statistieken"):
            self.assertNotIn(half_english, text)
        explorer = self.client.get(f"/admin/pages/{self.home.pk}/")
        titles = {
            element["title"]
            for element in BeautifulSoup(explorer.content, "html.parser").select("[title]")
        }
        self.assertIn("Bekijk de gepubliceerde pagina", titles)
        self.assertNotIn("Bezoek de live pagina", titles)

    def test_the_dutch_editor_chooses_the_system_default_in_one_word(self):
        self.page_editor("nl")
        text = BeautifulSoup(self.client.get("/admin/account/").content, "html.parser").get_text()
        self.assertIn("Systeemstandaard", text)
        self.assertNotIn("Systeem standaard", text)


class ListingWordsTests(RolesTestCase):
    """Wagtail's German "Sortiere nach 'Status' …" and "Bearbeite Geschichte", the towns' column
    "Locale" / "Taalregio" (WAGTAIL_LISTING_WORDS; walk of 2026-12-07)."""

    page_editor = AdminWordsTests.page_editor

    def test_the_german_editor_sorts_and_edits_by_infinitives(self):
        page = self.page_editor("de")
        heading = page.find("h1").get_text(" ", strip=True)
        self.assertTrue(heading.startswith("Seite bearbeiten") or " bearbeiten" in heading, heading)
        self.assertNotIn("Bearbeite", page.find("title").get_text())
        towns = BeautifulSoup(
            self.client.get("/admin/snippets/community/town/").content, "html.parser"
        )
        titles = [element["title"] for element in towns.select("th [title]")]
        self.assertIn("Aufsteigend nach „Name“ sortieren.", titles)
        self.assertFalse([title for title in titles if title.startswith("Sortiere")])
        headings = [th.get_text(" ", strip=True) for th in towns.select("thead th")]
        self.assertIn("Sprache", headings)
        self.assertNotIn("Locale", headings)

    def test_the_dutch_editor_reads_the_towns_language(self):
        self.page_editor("nl")
        towns = BeautifulSoup(
            self.client.get("/admin/snippets/community/town/").content, "html.parser"
        )
        headings = [th.get_text(" ", strip=True) for th in towns.select("thead th")]
        self.assertIn("Taal", headings)
        self.assertNotIn("Taalregio", headings)


class ReportFilterWordsTests(RolesTestCase):
    """Wagtail's German "Zuletzt veröffentlich vor" and Dutch "Gepubliceerd voor" above the
    report of pages not published for long (WAGTAIL_REPORT_FILTERS; walk of 2026-12-07)."""

    page_editor = AdminWordsTests.page_editor

    def test_each_editor_reads_the_aging_pages_filter_spelt_right(self):
        for language, right, wrong in (
            ("de", "Zuletzt veröffentlicht vor", "veröffentlich vor"),
            ("nl", "Laatst gepubliceerd vóór", "Gepubliceerd voor"),
        ):
            with self.subTest(language=language):
                self.page_editor(language)
                response = self.client.get("/admin/reports/aging-pages/")
                self.assertEqual(response.status_code, 200)
                text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
                self.assertIn(right, text)
                self.assertNotIn(wrong, text)


class TownTranslationWordsTests(RolesTestCase):
    """Translating a town through wagtail-localize (Snippets → Towns → "Translate"), as the
    newcomer's walk read it: the Dutch editor's header said "Wijzigen: gemeenteOldemarkt
    (Steenwijkerland)", the message " gemeente 'Oldemarkt (Steenwijkerland)' is succesvol
    verzonden om vertaald te worden in het Duits" (lower case first, straight quotes, no full
    stop); the German "Übersetze Gemeinde", "Bearbeite Gemeinde …" and "Das Gemeinde
    'Oldemarkt …' wurde … in Deutsch eingereicht" (home/admin_messages.py,
    WAGTAIL_LOCALIZE_SNIPPET_TRANSLATION)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.town = TownFactory(name="Oldemarkt (Steenwijkerland)", slug="oldemarkt")

    def translate(self, language):
        editor = self.editor_nl if language == "nl" else self.editor_de
        self.log_in_reading(editor, language)
        address = f"/admin/localize/submit/snippet/community/town/{self.town.pk}/"
        form = BeautifulSoup(self.client.get(address).content, "html.parser")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(address, {"locales": [self.german.pk]}, follow=True)
        self.assertEqual(response.status_code, 200)
        page = BeautifulSoup(response.content, "html.parser")
        message = page.select_one(".messages li").get_text(" ", strip=True)
        heading = page.find("h1").get_text(" ", strip=True)
        return form.find("h1").get_text(" ", strip=True), heading, message

    def test_the_dutch_editor_reads_the_towns_translation_in_sentences(self):
        form, heading, message = self.translate("nl")
        self.assertIn("gemeente Oldemarkt (Steenwijkerland)", heading)
        self.assertNotIn("gemeenteOldemarkt", heading)
        self.assertEqual(
            message,
            "Ter vertaling in het Duits aangeboden: gemeente „Oldemarkt (Steenwijkerland)”.",
        )

    def test_the_german_editor_reads_the_towns_translation_in_sentences(self):
        form, heading, message = self.translate("de")
        self.assertTrue(form.startswith("Gemeinde übersetzen"), form)
        self.assertEqual(heading, "Gemeinde Oldemarkt (Steenwijkerland) bearbeiten")
        self.assertEqual(
            message,
            "Gemeinde „Oldemarkt (Steenwijkerland)“ zur Übersetzung auf Deutsch eingereicht.",
        )

    def test_each_editor_reads_a_pages_translation_in_a_sentence(self):
        for language, title, message in (
            ("nl", "Over ons", "Ter vertaling in het Duits aangeboden: „Over ons”."),
            ("de", "Geschiedenis", "„Geschiedenis“ zur Übersetzung auf Deutsch eingereicht."),
        ):
            with self.subTest(language=language):
                page = (
                    self.about
                    if title == "Over ons"
                    else self.add_page(title=title, slug="geschiedenis")
                )
                self.log_in_reading(self.editor_nl, language)
                with self.captureOnCommitCallbacks(execute=True):
                    response = self.client.post(
                        f"/admin/localize/submit/page/{page.pk}/",
                        {"locales": [self.german.pk]},
                        follow=True,
                    )
                shown = BeautifulSoup(response.content, "html.parser").select(".messages li")
                self.assertIn(message, [li.get_text(" ", strip=True) for li in shown])


class GermanImperativesTests(RolesTestCase):
    """Wagtail's German catalogue heads an edit page "Bearbeite: …" (the imperative of "du") on
    the reports' and the towns' edit pages, and its snippets' bulk deletion "Lösche Gemeinde"
    (home/admin_messages.py, WAGTAIL_GERMAN_INFORMAL)."""

    def test_the_german_moderator_edits_a_report_by_an_infinitive(self):
        story = self.story(title="Fietsen naar Clarholz", slug="fietsen")
        report = Report.objects.file(story, "spam", session_key="s1", address="192.0.2.1")
        self.log_in_reading(self.moderator, "de")
        response = self.client.get(f"/admin/reports/edit/{report.pk}/")
        self.assertEqual(response.status_code, 200)
        page = BeautifulSoup(response.content, "html.parser")
        for text in (page.find("h1").get_text(" ", strip=True), page.find("title").get_text()):
            self.assertIn("Bearbeiten: Fietsen naar Clarholz", " ".join(text.split()))
            self.assertNotIn("Bearbeite:", text)

    def test_the_german_editor_edits_and_deletes_a_town_by_infinitives(self):
        town = TownFactory(name="Oldemarkt (Steenwijkerland)", slug="oldemarkt")
        self.log_in_reading(self.editor_nl, "de")
        response = self.client.get(f"/admin/snippets/community/town/edit/{town.pk}/")
        self.assertEqual(response.status_code, 200, response.get("Location"))
        edit = BeautifulSoup(response.content, "html.parser")
        title = " ".join(edit.find("title").get_text().split())
        self.assertTrue(title.startswith("Bearbeiten: Oldemarkt (Steenwijkerland)"), title)
        response = self.client.get(f"/admin/bulk/community/town/delete/?next=/admin/&id={town.pk}")
        self.assertEqual(response.status_code, 200, response.content[:300])
        title = BeautifulSoup(response.content, "html.parser").find("title").get_text()
        self.assertNotIn("Lösche", title)
        self.assertIn("Gemeinde löschen", " ".join(title.split()))

    def test_the_german_editor_copies_and_syncs_by_infinitives(self):
        # The page copy's alias option "Halte neue Seiten mit zukünftigen Änderungen aktuell." and
        # the towns' sync action, read out as "Synchronisere Übersetzungen von …" (misspelt too).
        town = TownFactory(name="Oldemarkt (Steenwijkerland)", slug="oldemarkt")
        with self.captureOnCommitCallbacks(execute=True):
            TranslationCreator(self.editor_nl, [self.german]).create_translations(town)
        self.log_in_reading(self.editor_nl, "de")
        copy = self.client.get(f"/admin/pages/{self.about.pk}/copy/")
        text = " ".join(BeautifulSoup(copy.content, "html.parser").get_text(" ").split())
        self.assertIn("Die neuen Seiten mit künftigen Änderungen aktuell halten", text)
        self.assertNotIn("Halte neue Seiten", text)
        towns = BeautifulSoup(
            self.client.get("/admin/snippets/community/town/").content, "html.parser"
        )
        labels = [element["aria-label"] for element in towns.select("[aria-label]")]
        self.assertIn("Übersetzungen von „Oldemarkt (Steenwijkerland)“ synchronisieren", labels)
        self.assertFalse([label for label in labels if label.startswith("Synchronis")])
