"""Outsider's pass 17 (2026-12-05): the translation editor's facts, the open data API and partly
translated pages."""

import importlib
import json

from django.apps import apps as django_apps
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    TranslationContext,
    TranslationSource,
)

from community.models import User
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
