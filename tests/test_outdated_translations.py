"""The dashboard's panel of translations out of date leads an editor through wagtail-localize's
steps. A Dutch editor changed the Contact page and published; the panel linked the German page's
translation editor, which still showed the old source (a change reaches it only after "Sync
translated pages"). Publishing the German page there took it off the panel without the new
sentence, and after a sync the panel kept silent about the new passage to translate (walk 6)."""

from datetime import timedelta

import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from jumelage.dashboard import OutdatedTranslations
from tests.test_roles import RolesTestCase

SYNC_FIRST = "source “%(title)s” changed: sync it first"
TO_TRANSLATE = ("%(counter)s passage still to translate", "%(counter)s passages still to translate")
NOT_PUBLISHED = "translated, not published yet"


class OutdatedTranslationTests(RolesTestCase):
    def setUp(self):
        super().setUp()
        self.start = timezone.now()
        self.minutes = 0
        self.client.force_login(self.editor_nl)

    def later(self):
        """A moment after the previous step's: each step of the walk at its own time."""
        self.minutes += 5
        return time_machine.travel(self.start + timedelta(minutes=self.minutes), tick=False)

    def localized(self, title, slug):
        """A Dutch page translated into German in wagtail-localize, every passage, published."""
        page = self.add_page(title=title, slug=slug, intro="Schrijf ons.")
        with self.later(), self.captureOnCommitCallbacks(execute=True):
            TranslationCreator(self.editor_nl, [self.german]).create_translations(page)
        source = TranslationSource.objects.get(object_id=page.translation_key)
        self.translate(source, {title: f"{title} (DE)", "Schrijf ons.": "Schreiben Sie uns."})
        self.publish_translation(source)
        return page, source

    def translate(self, source, words):
        for segment in source.stringsegment_set.select_related("string", "context"):
            if segment.string.data in words:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=self.german,
                    context=segment.context,
                    defaults={
                        "data": words[segment.string.data],
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    },
                )

    def publish_translation(self, source):
        """The translation editor's "Publish"."""
        translation_ = Translation.objects.get(source=source, target_locale=self.german)
        with self.later(), self.captureOnCommitCallbacks(execute=True):
            translation_.save_target(user=self.editor_de, publish=True)

    def change_and_publish(self, page, intro):
        page = Page.objects.get(pk=page.pk).specific
        page.intro = intro
        with self.later():
            page.save_revision(user=self.editor_nl).publish(user=self.editor_nl)

    def sync(self, source):
        with self.later(), self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"/admin/localize/update/{source.pk}/", {})
        self.assertEqual(response.status_code, 302)

    def panel(self):
        """The panel's rows as the editor reads them: (text, link)."""
        response = self.client.get("/admin/")
        panel = BeautifulSoup(response.content, "html.parser").select_one(
            "[aria-labelledby=jumelage-translations-heading]"
        )
        return [(row.get_text(" ", strip=True), row.a["href"]) for row in panel.select("li")]

    def test_a_changed_source_leads_the_editor_to_sync_translate_and_publish_in_turn(self):
        page, source = self.localized("Contact", "contact")
        german = Page.objects.get(translation_key=page.translation_key, locale=self.german)
        edit = f"/admin/pages/{german.pk}/edit/"
        self.assertEqual(self.panel(), [])

        self.change_and_publish(page, "Schrijf ons. Of bel ons op werkdagen.")
        with translation.override("nl"):
            sync_first = gettext(SYNC_FIRST) % {"title": "Contact"}
            to_translate = ngettext(*TO_TRANSLATE, 1) % {"counter": 1}
            not_published = gettext(NOT_PUBLISHED)
        sync = f"/admin/localize/update/{source.pk}/?next=%2Fadmin%2F"
        self.assertEqual(self.panel(), [(f"Contact (DE) (Duits) – {sync_first}", sync)])

        # Publishing the translation as the translation editor shows it (the old source)
        # brings nothing of the change: the next step is still the sync.
        self.publish_translation(source)
        self.assertEqual(self.panel(), [(f"Contact (DE) (Duits) – {sync_first}", sync)])

        self.sync(source)
        self.assertEqual(self.panel(), [(f"Contact (DE) (Duits) – {to_translate}", edit)])

        self.translate(
            source,
            {"Schrijf ons. Of bel ons op werkdagen.": "Schreiben Sie uns oder rufen Sie an."},
        )
        self.assertEqual(self.panel(), [(f"Contact (DE) (Duits) – {not_published}", edit)])

        self.publish_translation(source)
        self.assertEqual(self.panel(), [])
        self.assertEqual(OutdatedTranslations().data()["count"], 0)

    def test_the_panel_asks_as_many_queries_for_many_outdated_translations_as_for_one(self):
        page, _source = self.localized("Contact", "contact")
        self.change_and_publish(page, "Bel ons.")
        self.panel()
        # The panel's own queries (the dashboard's others are Wagtail's: its locked pages' panel
        # asks once or twice, as it pleases).
        with CaptureQueriesContext(connection) as one:
            self.assertEqual(OutdatedTranslations().data()["count"], 1)
        self.assertEqual(len(self.panel()), 1)
        for number in range(3):
            other, source = self.localized(f"Pagina {number}", f"pagina-{number}")
            self.change_and_publish(other, f"Nieuw {number}.")
            if number:
                self.sync(source)
        with CaptureQueriesContext(connection) as four:
            self.assertEqual(OutdatedTranslations().data()["count"], 4)
        self.assertEqual(len(self.panel()), 4)
        self.assertEqual(len(four), len(one), "\n".join(q["sql"] for q in four.captured_queries))

    def test_a_translation_published_incomplete_is_not_called_out_of_date(self):
        # A German page published with a passage untranslated, its source unchanged since: the
        # heading said "1 Übersetzung veraltet" (walk 14).
        page = self.add_page(title="Route", slug="route", intro="Fiets langs de Aa.")
        with self.later(), self.captureOnCommitCallbacks(execute=True):
            TranslationCreator(self.editor_nl, [self.german]).create_translations(page)
        source = TranslationSource.objects.get(object_id=page.translation_key)
        self.translate(source, {"Route": "Route (DE)"})
        self.publish_translation(source)
        with translation.override("nl"):
            to_translate = ngettext(*TO_TRANSLATE, 1) % {"counter": 1}
        self.assertEqual(
            [text for text, _link in self.panel()], [f"Route (DE) (Duits) – {to_translate}"]
        )
        heading = BeautifulSoup(self.client.get("/admin/").content, "html.parser").find(
            id="jumelage-translations-heading"
        )
        with translation.override("nl"):
            said = ngettext(
                "%(counter)s translation incomplete or out of date",
                "%(counter)s translations incomplete or out of date",
                1,
            ) % {"counter": 1}
        self.assertEqual(heading.get_text(strip=True), said)
