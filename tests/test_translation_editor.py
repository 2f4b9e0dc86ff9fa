"""wagtail-localize's translation editor of a German page, as a German editor sees it: its
side panel's "Change privacy" opens one dialog (there were two, with one id, the one in front
empty)."""

import datetime
import json
from urllib.parse import urlencode

import time_machine
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from community.models import User
from exchanges.choices import MeetingFormat
from exchanges.factories import VisitPageFactory
from home.local_time import LOCAL_TIME
from tests.test_roles import RolesTestCase


class TranslationEditorTestCase(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        source, _created = TranslationSource.get_or_create_from_instance(cls.about)
        translation = Translation.objects.create(source=source, target_locale=cls.german)
        translation.save_target(publish=True)
        cls.about_de = Page.objects.get(
            translation_key=cls.about.translation_key, locale=cls.german
        )

    def editor(self):
        self.client.force_login(self.editor_de)
        response = self.client.get(f"/admin/pages/{self.about_de.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "js-translation-editor")  # wagtail-localize's, not Wagtail's
        return BeautifulSoup(response.content, "html.parser")


class PrivacyInTheTranslationEditorTests(TranslationEditorTestCase):
    def test_change_privacy_opens_one_dialog(self):
        page = self.editor()
        # The dialog waits in a <template> to be moved to the body, where CSS selectors do not look.
        self.assertEqual(len(page.find_all(id="set-privacy")), 1)
        self.assertTrue(page.select('[data-a11y-dialog-show="set-privacy"]'))
        self.assertEqual(len(page.select("[data-form-side]")), 1)


class LanguageNamesInTheTranslationEditorTests(TranslationEditorTestCase):
    def test_the_german_editor_names_the_languages_in_german(self):
        # "Nutzt Version Nederlands", "Übersetzung: Nederlands → Deutsch" (walk W2): the
        # editor's script puts these names into its sentences.
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "de"
        profile.save()
        editor = self.editor()
        props = json.loads(editor.select_one(".js-translation-editor")["data-props"])
        self.assertEqual(props["sourceLocale"]["displayName"], "Niederländisch")
        self.assertEqual(props["locale"]["displayName"], "Deutsch")
        heading = editor.select_one(".header-meta--locales").get_text(" ", strip=True)
        self.assertEqual(heading, "Niederländisch Deutsch")


class TranslationDatesTests(TranslationEditorTestCase):
    @time_machine.travel(datetime.datetime(2026, 12, 5, 9, 30, tzinfo=LOCAL_TIME), tick=False)
    def test_a_saved_segment_says_when_in_the_editors_language(self):
        # "Manuell übersetzt am 5 December 2026" after saving a segment (walk W3): the month in
        # English whatever the admin's language.
        translation = Translation.objects.get(target_locale=self.german)
        segment = translation.source.stringsegment_set.order_by("order").first()
        address = reverse(
            "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
        )
        for language, comment in (
            ("de", "Manuell übersetzt am 5.\xa0Dezember\xa02026"),
            ("nl", "Handmatig vertaald op 5\xa0december\xa02026"),
        ):
            profile = UserProfile.get_for_user(self.editor_de)
            profile.preferred_language = language
            profile.save()
            self.client.force_login(self.editor_de)
            response = self.client.put(
                address,
                urlencode({"value": "Über uns"}),
                content_type="application/x-www-form-urlencoded",
            )
            with self.subTest(language=language):
                self.assertEqual(response.json()["comment"], comment)


def translate(page, locale):
    """The page's translation made with wagtail-localize, as "Translate this page" makes it."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    translation.save_target(publish=True)
    return Page.objects.get(translation_key=page.translation_key, locale=locale)


class FactsInTheTranslationEditorTests(TranslationEditorTestCase):
    """The editor offers what a translator translates, not the facts of a story, meeting or visit
    that every language shares: a story's author showed as "Autor/in 4" with "Change", a visit's
    towns and a meeting's online link could be changed in the German version only, and the next
    publish of the Dutch one put them back (outsider's walk of 2026-12-05)."""

    def segments_of(self, page):
        self.client.force_login(self.editor_de)
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertContains(response, "js-translation-editor")
        editor = BeautifulSoup(response.content, "html.parser")
        props = json.loads(editor.select_one(".js-translation-editor")["data-props"])
        return {segment["contentPath"] for segment in props["segments"]}

    def test_a_storys_author_is_not_offered_for_translation(self):
        author = User.objects.create_user("anke@example.org", "x", display_name="Anke")
        story = self.story(title="Op de punter", slug="op-de-punter", author=author)
        story.member_contribution = True
        story.save_revision().publish()
        paths = self.segments_of(translate(story, self.german))
        self.assertIn("title", paths)
        self.assertNotIn("author", paths)

    def test_a_storys_towns_are_not_offered_and_named_in_the_translations_language(self):
        # Each town showed as a snippet "0 / 1 Abschnitte übersetzt" with "Bearbeiten", which led
        # to the town's own slug, changeable for German only (walk of 2026-12-05, F4).
        story = self.story(
            title="Op de punter", slug="op-de-punter", towns=[self.steenwijkerland, self.herzebrock]
        )
        german = translate(story, self.german)
        paths = self.segments_of(german)
        self.assertFalse([path for path in paths if path.startswith("story_towns")], paths)
        towns = german.specific.story_towns.all()
        self.assertEqual(
            [(link.town.slug, link.town.locale_id) for link in towns],
            [("steenwijkerland", self.german.pk), ("herzebrock-clarholz", self.german.pk)],
        )

    def test_a_towns_slug_is_not_offered_for_a_change(self):
        source, _created = TranslationSource.get_or_create_from_instance(self.steenwijkerland)
        self.assertEqual(
            {segment.context.path for segment in source.overridablesegment_set.all()}, set()
        )

    def test_a_visits_towns_are_not_offered_for_a_change(self):
        visit = VisitPageFactory(
            parent=self.calendar,
            title="Uitwisseling",
            travelling_town=self.steenwijkerland,
            hosting_town=self.herzebrock,
        )
        paths = self.segments_of(translate(visit, self.german))
        self.assertIn("intro", paths)
        self.assertFalse(paths & {"travelling_town", "hosting_town"})

    def test_a_meetings_online_link_is_not_offered_for_a_change(self):
        meeting = self.meeting(
            timezone.now() + datetime.timedelta(days=7),
            format=MeetingFormat.ONLINE,
            online_url="https://video.example.org/klimaat",
        )
        paths = self.segments_of(translate(meeting, self.german))
        self.assertIn("intro", paths)
        self.assertNotIn("online_url", paths)


class SlugFollowsTheTitleTests(TranslationEditorTestCase):
    """A page's German address follows its German title: an editor who translated the title in
    the translation editor, and not the slug, published "Über uns" at /de/over-ons/ (the
    newcomer's walk, W2)."""

    def put(self, path, value):
        source = TranslationSource.objects.get(object_id=self.about.translation_key)
        translation = Translation.objects.get(source=source, target_locale=self.german)
        segment = StringSegment.objects.get(source=source, context__path=path)
        self.client.force_login(self.editor_de)
        response = self.client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": value}),
            content_type="application/x-www-form-urlencoded",
        )
        self.assertIn(response.status_code, (200, 201))
        return translation

    def published(self, translation):
        translation.save_target(user=self.editor_de, publish=True)
        return Page.objects.get(pk=self.about_de.pk)

    def test_the_translated_title_gives_the_german_address(self):
        self.assertEqual(self.about_de.slug, "over-ons")
        translation = self.put("title", "Über uns")
        german = self.published(translation)
        self.assertEqual(german.title, "Über uns")
        self.assertEqual(german.slug, "ueber-uns")
        self.assertEqual(german.url, "/de/ueber-uns/")
        # The editor reads where the slug came from, in her language.
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "de"
        profile.save()
        props = json.loads(self.editor().select_one(".js-translation-editor")["data-props"])
        [segment] = [segment for segment in props["segments"] if segment["contentPath"] == "slug"]
        [slug] = [
            translated
            for translated in props["initialStringTranslations"]
            if translated["segment_id"] == segment["id"]
        ]
        self.assertEqual(slug["data"], "ueber-uns")
        self.assertTrue(slug["comment"].startswith("Aus dem übersetzten Titel erstellt am"), slug)

    def test_a_slug_the_editor_typed_stays_when_the_title_changes(self):
        self.put("slug", "wir")
        translation = self.put("title", "Über uns")
        self.assertEqual(self.published(translation).slug, "wir")
