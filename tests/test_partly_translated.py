"""A translation published before all of it was translated (wagtail-localize's editor lets the
editor do so, with a warning) shows the original's words in those places: the page says so and
links the original, and the cards of listings and the feed label it, until a publish with every
passage translated (outsider's walk of 2026-12-05, W6)."""

from urllib.parse import urlencode

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from community.models import User
from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from exchanges.models import StoryPage
from home.translation_progress import IncompleteTranslation
from tests.stories_base import StoriesMixin

GERMAN_NOTICE = "Teile dieser Seite sind noch nicht übersetzt und auf Niederländisch zu lesen."
LABEL = "Teilweise übersetzt"


class PartlyTranslatedTests(StoriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        cls.original = cls.story(
            title="Op de punter door Giethoorn",
            slug="op-de-punter",
            intro="Acht gasten uit Clarholz voeren met ons mee.",
        )
        cls.source, _created = TranslationSource.get_or_create_from_instance(cls.original)
        cls.translation = Translation.objects.create(source=cls.source, target_locale=cls.german)

    def translate(self, **words):
        """Translations of the segments at these paths (title, slug, intro), then the publish
        the translation editor's button makes."""
        for segment in self.source.stringsegment_set.select_related("string", "context"):
            if segment.context.path in words:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=self.german,
                    context=segment.context,
                    defaults={
                        "data": words[segment.context.path],
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    },
                )
        with self.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes on commit
            self.translation.save_target(publish=True)
        return StoryPage.objects.get(
            translation_key=self.original.translation_key, locale=self.german
        )

    def main_of(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser").select_one("main")

    def test_a_page_with_passages_of_its_original_says_so_and_links_the_original(self):
        german = self.translate(title="Mit dem Stechkahn durch Giethoorn", slug="stechkahn")
        main = self.main_of(german.url)
        self.assertIn("Acht gasten uit Clarholz", main.get_text())  # the Dutch intro
        notice = main.select_one(".language-notice")
        self.assertIsNotNone(notice, "no word that parts are in Dutch")
        self.assertIn(GERMAN_NOTICE, notice.get_text(" ", strip=True))
        link = notice.select_one("a")
        self.assertEqual(link["href"], self.original.url)
        self.assertEqual(link["hreflang"], "nl")
        # The overview's card and the story feed say so too.
        overview = self.main_of(self.story_index_de.url)
        [card] = [
            card for card in overview.select("article") if "Mit dem Stechkahn" in card.get_text()
        ]
        self.assertIn(LABEL, card.get_text())
        feed = self.client.get("/de/feeds/stories.rss").content.decode()
        self.assertIn("Mit dem Stechkahn durch Giethoorn (teilweise übersetzt)", feed)

    def test_the_notice_goes_with_the_publish_of_the_whole_translation(self):
        self.translate(title="Mit dem Stechkahn durch Giethoorn", slug="stechkahn")
        german = self.translate(intro="Acht Gäste aus Clarholz fuhren mit uns.")
        self.assertFalse(IncompleteTranslation.objects.exists())
        main = self.main_of(german.url)
        self.assertNotIn("noch nicht übersetzt", main.get_text())
        overview = self.main_of(self.story_index_de.url)
        self.assertNotIn(LABEL, overview.get_text())

    def test_an_untranslated_slug_is_no_passage_of_the_page(self):
        # Every word translated, the address left as the original's (walk of 2026-12-05, F1).
        # The slug follows the translated title (home.translation_editor.slug_follows_title)
        # unless the editor takes that back in the translation editor.
        words = {
            "title": "Mit dem Stechkahn durch Giethoorn",
            "intro": "Acht Gäste aus Clarholz fuhren mit uns.",
        }
        german = self.translate(**words)
        self.assertEqual(german.slug, "mit-dem-stechkahn-durch-giethoorn")
        StringTranslation.objects.filter(locale=self.german, context__path="slug").delete()
        german = self.translate()
        self.assertEqual(german.slug, "op-de-punter")
        self.assertNotIn("noch nicht übersetzt", self.main_of(german.url).get_text())
        self.assertNotIn(LABEL, self.main_of(self.story_index_de.url).get_text())

    def test_a_whole_translation_and_the_original_carry_no_notice(self):
        german = self.translate(
            title="Mit dem Stechkahn durch Giethoorn",
            slug="stechkahn",
            intro="Acht Gäste aus Clarholz fuhren mit uns.",
        )
        self.assertNotIn("noch nicht übersetzt", self.main_of(german.url).get_text())
        self.assertNotIn("nog niet vertaald", self.main_of(self.original.url).get_text())

    def test_a_translation_no_longer_kept_in_sync_loses_its_notice_when_published(self):
        # "Stop synced translation": the editor writes the German page herself in Wagtail's editor.
        german = self.translate(title="Mit dem Stechkahn durch Giethoorn", slug="stechkahn")
        self.translation.enabled = False
        self.translation.save()
        german.intro = "Acht Gäste aus Clarholz fuhren mit uns."
        with self.captureOnCommitCallbacks(execute=True):
            german.save_revision().publish()
        self.assertNotIn("noch nicht übersetzt", self.main_of(german.url).get_text())

    def dutch_version_of_a_german_story(self, **words):
        original = self.story(
            parent=self.story_index_de,
            title="Mit dem Rad nach Steenwijk",
            slug="mit-dem-rad",
            intro="Zwölf Radfahrer, drei Tage.",
        )
        source, _created = TranslationSource.get_or_create_from_instance(original)
        translation = Translation.objects.create(source=source, target_locale=self.dutch)
        for segment in source.stringsegment_set.select_related("string", "context"):
            if segment.context.path in words:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=self.dutch,
                    context=segment.context,
                    defaults={
                        "data": words[segment.context.path],
                    },
                )
        with self.captureOnCommitCallbacks(execute=True):
            translation.save_target(publish=True)
        return Page.objects.get(translation_key=original.translation_key, locale=self.dutch)

    def test_a_german_original_partly_translated_into_dutch_says_so_in_dutch(self):
        dutch = self.dutch_version_of_a_german_story(title="Met de fiets naar Steenwijk")
        notice = self.main_of(dutch.url).select_one(".language-notice")
        self.assertIn(
            "Delen van deze pagina zijn nog niet vertaald en staan in het Duits.",
            notice.get_text(" ", strip=True),
        )
        self.assertEqual(notice.select_one("a").get_text(strip=True), "Lees het origineel")

    def test_a_translation_with_nothing_translated_yet_is_in_its_originals_language(self):
        # Published as "Translate this page" made it: every passage German, on a Dutch page
        # that said nothing of their language to screen readers (WCAG 3.1.2; walk of
        # 2026-12-05, F3). It reads as an alias does.
        dutch = self.dutch_version_of_a_german_story()
        main = self.main_of(dutch.url)
        self.assertEqual(main.get("lang"), "de")
        notice = main.select_one(".language-notice")
        self.assertEqual(notice.get("lang"), "nl")
        self.assertIn(
            "Deze pagina is nog niet vertaald en wordt getoond in het Duits.",
            notice.get_text(" ", strip=True),
        )
        self.assertNotIn("Delen van deze pagina", main.get_text())
        [card] = [
            card
            for card in self.main_of(self.story_index.url).select("article")
            if "Mit dem Rad" in card.get_text()
        ]
        self.assertIn("Duits", card.select_one(".label").get_text())


class AliasMadeATranslationTests(StoriesMixin, TestCase):
    """Translating a page whose German version was an alias moved it to the Dutch slug: the
    translation editor offered the original's slug, and the German address changed (walk of
    2026-12-05, F2)."""

    def test_the_translation_keeps_the_aliases_address(self):
        self.build_stories()
        original = self.story(title="Met de fiets naar Steenwijk", slug="met-de-fiets")
        with self.captureOnCommitCallbacks(execute=True):
            original.save_revision().publish()
            alias = original.create_alias(
                parent=self.story_index_de,
                update_locale=self.german,
                update_slug="mit-dem-rad",
                reset_translation_key=False,
            )
        self.assertEqual(alias.url, "/de/geschichten/mit-dem-rad/")
        source, _created = TranslationSource.get_or_create_from_instance(original)
        with self.captureOnCommitCallbacks(execute=True):
            Translation.objects.create(source=source, target_locale=self.german).save_target(
                publish=True
            )
        german = Page.objects.get(pk=alias.pk)
        self.assertIsNone(german.alias_of_id)
        self.assertEqual(german.url, "/de/geschichten/mit-dem-rad/")


class AliasWithTheOriginalsAddressTests(StoriesMixin, TestCase):
    """A Dutch member's story shown in German as an alias under its Dutch slug
    (/de/geschichten/fietsen-naar-clarholz/), translated by the German editor in the translation
    editor ("Diese Seite übersetzen", the title translated, "Veröffentlichen auf Deutsch"): the
    slug was made from the translated title and the shared address answered 301 to
    /de/geschichten/mit-dem-rad-nach-clarholz/ (newcomer's walk)."""

    def test_the_translation_editor_keeps_the_aliases_address(self):
        self.build_stories()
        setup_roles()
        editor = User.objects.create_user("redaktion@example.org", "wachtwoord-123")
        editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[1]))
        original = self.story(title="Fietsen naar Clarholz", slug="fietsen-naar-clarholz")
        with self.captureOnCommitCallbacks(execute=True):
            original.save_revision().publish()
            alias = original.create_alias(
                parent=self.story_index_de, update_locale=self.german, reset_translation_key=False
            )
        self.assertEqual(alias.url, "/de/geschichten/fietsen-naar-clarholz/")
        self.client.force_login(editor)
        # "Diese Seite übersetzen" on the alias, as wagtail-localize's button leads there.
        response = self.client.post(
            reverse("wagtail_localize:submit_page_translation", args=[original.pk]),
            {"locales": [self.german.pk]},
        )
        self.assertEqual(response.status_code, 302)
        translation = Translation.objects.get(target_locale=self.german)
        title = translation.source.stringsegment_set.get(context__path="title")
        response = self.client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, title.pk]),
            urlencode({"value": "Mit dem Rad nach Clarholz"}),
            content_type="application/x-www-form-urlencoded",
        )
        self.assertEqual(response.status_code, 201)
        with self.captureOnCommitCallbacks(execute=True):  # "Veröffentlichen auf Deutsch"
            response = self.client.post(f"/admin/pages/{alias.pk}/edit/", {"action": "publish"})
        self.assertEqual(response.status_code, 302)
        german = Page.objects.get(pk=alias.pk)
        self.assertIsNone(german.alias_of_id)
        self.assertEqual(german.title, "Mit dem Rad nach Clarholz")
        self.assertEqual(german.url, "/de/geschichten/fietsen-naar-clarholz/")
        self.assertEqual(self.client.get("/de/geschichten/fietsen-naar-clarholz/").status_code, 200)
