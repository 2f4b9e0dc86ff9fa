"""Outsider's pass 17 (2026-12-05): the translation editor's facts, the open data API and partly
translated pages."""

import datetime
import importlib
import json

from django.apps import apps as django_apps
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)

from community.models import User
from exchanges.models import MeetingPage
from home.translation_progress import IncompleteTranslation
from tests import test_api
from tests import test_partly_translated as partly
from tests.test_translation_editor import TranslationEditorTestCase, translate

forget_overridable_facts = importlib.import_module(
    "exchanges.migrations.0013_forget_overridable_facts"
).forget_overridable_facts


def extracted_before(source, page, path, value):
    """The overridable segment a source extracted before its field was no longer overridable
    (the code before 90dbdfd): such sources stay in the database until the next sync."""
    context, _ = TranslationContext.objects.get_or_create(object_id=source.object_id, path=path)
    return OverridableSegment.objects.create(
        source=source, context=context, order=99, data_json=json.dumps(value)
    )


class StaleOverridableFactsTests(TranslationEditorTestCase):
    def test_an_old_sources_author_segment_does_not_change_the_german_author(self):
        anke = User.objects.create_user("anke@example.org", "x", display_name="Anke")
        other = User.objects.create_user("other@example.org", "x", display_name="Other")
        story = self.story(title="Op de punter", slug="op-de-punter", author=anke)
        story.save_revision().publish()
        story_de = translate(story, self.german)
        source = TranslationSource.objects.get(object_id=story.translation_key)
        translation = source.translations.get(target_locale=self.german)
        segment = extracted_before(source, story, "author", anke.pk)
        # The editor before 90dbdfd: the override put then.
        SegmentOverride.objects.create(
            locale=self.german, context=segment.context, data_json=json.dumps(str(other.pk))
        )
        # The migration that follows 90dbdfd on a site with such sources.
        forget_overridable_facts(django_apps, None)
        self.client.force_login(self.editor_de)
        url = reverse(
            "wagtail_localize:edit_override",
            kwargs={"translation_id": translation.pk, "overridable_segment_id": segment.pk},
        )
        response = self.client.put(
            url,
            encode_multipart(BOUNDARY, {"value": str(other.pk)}),
            content_type=MULTIPART_CONTENT,
        )
        # Either refused, or without effect on the published German version.
        translation.save_target(user=self.editor_de, publish=True)
        story_de = Page.objects.get(pk=story_de.pk).specific
        self.assertEqual(story_de.author_id, anke.pk, response.status_code)

    def test_an_old_town_sources_slug_override_goes(self):
        # A German slug of its own emptied the town filter of links made in Dutch (walk F4).
        source, _created = TranslationSource.get_or_create_from_instance(self.steenwijkerland)
        segment = extracted_before(source, self.steenwijkerland, "slug", "steenwijkerland")
        SegmentOverride.objects.create(
            locale=self.german, context=segment.context, data_json=json.dumps("steenwijkerland-de")
        )
        forget_overridable_facts(django_apps, None)
        self.assertFalse(OverridableSegment.objects.filter(source=source).exists())
        self.assertFalse(SegmentOverride.objects.filter(context=segment.context).exists())


def translate_strings(source, locale, **words):
    """What the translation editor saves at once for each passage (without publishing)."""
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.context.path in words:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": words[segment.context.path],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )


class PartlyTranslatedStaysTrueTests(TranslationEditorTestCase):
    def test_a_schedule_pushed_to_a_partly_translated_meeting_keeps_its_notice(self):
        """The German meeting is published with its Dutch intro; the German editor then
        translates the intro in the editor (saved at once) but does not publish. The Dutch
        meeting is moved: its time goes to the German page by a publish of what it showed, the
        Dutch intro still. That publish must not count the unpublished translation."""
        meeting = self.meeting(timezone.now() + datetime.timedelta(days=7), title="Klimaatavond")
        source, _ = TranslationSource.get_or_create_from_instance(meeting)
        translation = Translation.objects.create(source=source, target_locale=self.german)
        translate_strings(source, self.german, title="Klimaabend", slug="klimaabend")
        with self.captureOnCommitCallbacks(execute=True):
            translation.save_target(publish=True)
        german = MeetingPage.objects.get(
            translation_key=meeting.translation_key, locale=self.german
        )
        self.assertEqual(german.intro, meeting.intro)  # still Dutch
        self.assertTrue(IncompleteTranslation.objects.filter(translation=translation).exists())
        fields = {segment.context.path for segment in source.stringsegment_set.all()}
        translate_strings(source, self.german, **{path: "Übersetzt" for path in fields})
        meeting.start += datetime.timedelta(days=1)
        meeting.end += datetime.timedelta(days=1)
        with self.captureOnCommitCallbacks(execute=True):
            meeting.save_revision().publish()
        german.refresh_from_db()
        self.assertEqual(german.start, meeting.start)
        self.assertEqual(german.intro, meeting.intro)  # still Dutch on the site
        response = self.client.get(german.url)
        self.assertContains(response, "noch nicht übersetzt")


class OriginalGoneTests(partly.PartlyTranslatedTests):
    """The original of a partly translated page taken off the site or deleted: "Read the
    original" led to the Dutch home page."""

    def notice_of(self, german):
        return self.main_of(german.url).select_one(".language-notice")

    def check_no_link_to_the_home_page(self, german):
        notice = self.notice_of(german)
        self.assertIsNotNone(notice, "the page still shows Dutch passages")
        self.assertIn(partly.GERMAN_NOTICE, notice.get_text(" ", strip=True))
        self.assertIsNone(notice.select_one("a"), str(notice))

    def test_original_unpublished(self):
        german = self.translate(title="Mit dem Stechkahn durch Giethoorn", slug="stechkahn")
        self.original.unpublish()
        self.check_no_link_to_the_home_page(german)

    def test_original_deleted(self):
        german = self.translate(title="Mit dem Stechkahn durch Giethoorn", slug="stechkahn")
        self.original.delete()
        # wagtail-localize forgets the translation with its original (and the page's record):
        # no notice then, and above all no "Read the original" to the home page.
        notice = self.notice_of(german)
        self.assertTrue(notice is None or notice.select_one("a") is None, str(notice))


class CallToActionTargetsTests(test_api.OpenDataTestCase):
    """A call to action whose page was deleted had a button to "" (the page itself); one to a
    page taken off the site linked its address (its slug names it) on the page and in the API."""

    def test_no_button_to_a_deleted_or_unpublished_page(self):
        gone = self.add_page(title="Weg pagina", slug="weg-pagina")
        draft = self.add_page(title="Conceptpagina", slug="conceptpagina")
        draft.unpublish()
        live = self.add_page(title="Meedoen", slug="meedoen")
        page = self.add_page(title="Doe mee", slug="doe-mee")

        def cta(title, target):
            return (
                "call_to_action",
                {"title": title, "text": "", "button_label": f"Naar {title}", "page": target},
            )

        links = (
            f'<p><a linktype="page" id="{draft.pk}">concept</a> '
            f'<a linktype="page" id="{live.pk}">meedoen</a></p>'
        )
        page.body = [
            cta("weg", gone),
            cta("concept", draft),
            cta("live", live),
            ("paragraph", RichText(links)),
        ]
        page.save_revision().publish()
        gone.delete()
        html = self.client.get(page.url).content.decode()
        [item] = [
            item
            for item in self.items(
                "/api/v2/pages/?type=home.StandardPage&fields=body&limit=50", "nl"
            )
            if item["title"] == "Doe mee"
        ]
        api = " ".join(block["html"] for block in item["body"])
        for where, text in (("page", html), ("api", api)):
            with self.subTest(where):
                self.assertNotIn('href=""', text)
                self.assertNotIn("conceptpagina", text)
                self.assertNotIn("Naar weg", text)
                self.assertIn("/nl/meedoen/", text)
