"""The Wagtail admin in the editor's language, also where Wagtail's own catalogue leaves words in
English (home/admin_messages.py, WAGTAIL_FORMATTING): the Dutch editor's rich text toolbar and
keyboard shortcuts dialog said "Bold", "Italic" and "Monospace (code)" (the newcomer's walk,
W10)."""

import re

from bs4 import BeautifulSoup
from wagtail.users.models import UserProfile
from wagtail_localize.operations import TranslationCreator

from tests.test_roles import RolesTestCase


class AdminWordsTests(RolesTestCase):
    def page_editor(self, language):
        editor = self.editor_nl
        profile = UserProfile.get_for_user(editor)
        profile.preferred_language = language
        profile.save()
        self.client.force_login(editor)
        response = self.client.get(f"/admin/pages/{self.about.pk}/edit/")
        self.assertEqual(response.status_code, 200)
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
        # help menu "Editor Guide" (the newcomer's walk of 2026-12-05, W5 and W7).
        self.page_editor("nl")
        catalogue = self.client.get("/admin/jsi18n/").content.decode()
        self.assertIn('"Regeleinde"', catalogue)
        self.assertIn('"Werkbalk vastzetten"', catalogue)
        self.assertNotIn("Regel onderbreking", catalogue)
        admin = self.client.get("/admin/").content.decode()
        self.assertIn("Handleiding voor redacteuren", admin)
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
