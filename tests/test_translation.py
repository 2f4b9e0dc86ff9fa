"""Translating pages with wagtail-localize: syncing after a source edit keeps the work done."""

from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from home.models import StandardPage
from tests.base import BilingualSiteTestCase


class SyncTests(BilingualSiteTestCase):
    def translate_all(self, source, translation, words):
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            dutch = StringValue(segment.string.data).render_text()
            if dutch in words:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=self.german,
                    context=segment.context,
                    defaults={"data": StringValue.from_plaintext(words[dutch]).data},
                )
        with self.captureOnCommitCallbacks(execute=True):
            translation.save_target(publish=True)

    def test_syncing_after_a_source_edit_keeps_untouched_translated_segments(self):
        page = self.add_page(title="Geschiedenis", slug="geschiedenis", intro="Een lange band.")
        page.body = [
            ("paragraph", "<p>Het begon in een dorp.</p><p>Daarna kwamen de sectoren.</p>")
        ]
        page.save_revision().publish()
        source, _ = TranslationSource.get_or_create_from_instance(page)
        translation = Translation.objects.create(source=source, target_locale=self.german)
        self.translate_all(
            source,
            translation,
            {
                "Geschiedenis": "Geschichte",
                "geschiedenis": "geschichte",
                "Een lange band.": "Eine lange Verbindung.",
                "Het begon in een dorp.": "Es begann in einem Dorf.",
                "Daarna kwamen de sectoren.": "Danach kamen die Fachbereiche.",
            },
        )

        page = StandardPage.objects.get(pk=page.pk)
        # An editor changes the second paragraph of the same block (its id stays).
        block_id = page.body[0].id
        new_text = RichText("<p>Het begon in een dorp.</p><p>Nu zijn er vijf sectoren.</p>")
        page.body = StreamValue(page.body.stream_block, [("paragraph", new_text, block_id)])
        page.save_revision().publish()
        source.update_from_db()
        self.translate_all(
            source, translation, {"Nu zijn er vijf sectoren.": "Heute gibt es fünf."}
        )

        german = Page.objects.get(translation_key=page.translation_key, locale=self.german).specific
        self.assertEqual(german.title, "Geschichte")
        self.assertEqual(german.intro, "Eine lange Verbindung.")
        html = german.body[0].value.source
        self.assertIn("Es begann in einem Dorf.", html)
        self.assertIn("Heute gibt es fünf.", html)
        self.assertNotIn("Danach kamen", html)
