"""What the translation editor may choose in a translation's place of the source's chosen page or
image (community/translation_choices.py)."""

from django.contrib.auth.models import Group, Permission
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from community.translation_choices import model_at
from exchanges.models import StoryPage
from home.models import StandardPage
from tests.test_translation_editor import TranslationEditorTestCase

Image = get_image_model()


class ChoicesInTheTranslationEditor(TranslationEditorTestCase):
    """Attack 41, F2: the German editor sent her own override of the page a button of the Dutch
    page leads to, with an id that is no page's, and every publish of the German page was a
    server error from then on (wagtail-localize looks the id up as it publishes)."""

    def button_to(self, page):
        about = self.about.specific
        about.body = [
            *about.body.raw_data,
            {
                "type": "call_to_action",
                "value": {"title": "Meer", "text": "", "button_label": "Ga", "page": page.pk},
            },
        ]
        about.save_revision().publish()
        source, _created = TranslationSource.update_or_create_from_instance(about)
        segment = OverridableSegment.objects.get(source=source, context__path__endswith=".page")
        return source.translations.get(target_locale=self.german), segment

    def put(self, translation, segment, value):
        self.client.force_login(self.editor_de)
        address = reverse(
            "wagtail_localize:edit_override",
            kwargs={"translation_id": translation.pk, "overridable_segment_id": segment.pk},
        )
        return self.client.put(
            address, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT
        )

    def german_button_page(self):
        about = Page.objects.get(pk=self.about_de.pk).specific
        [button] = [block for block in about.body if block.block_type == "call_to_action"]
        return button.value["page"]

    def test_an_id_that_is_no_pages_is_refused_and_the_german_page_still_publishes(self):
        translation, segment = self.button_to(self.calendar)
        for value in ("abc", "-1", "0", "", "99999999999999999999", "1.5", "٣", str(10**9)):
            response = self.put(translation, segment, value)
            self.assertEqual(response.status_code, 403, value)
        self.assertFalse(SegmentOverride.objects.filter(context=segment.context).exists())
        translation.save_target(user=self.editor_de, publish=True)
        self.assertEqual(self.german_button_page().pk, self.calendar.pk)

    def test_a_page_she_may_choose_is_taken(self):
        translation, segment = self.button_to(self.calendar)
        response = self.put(translation, segment, str(self.about_de.pk))
        self.assertIn(response.status_code, (200, 201))
        translation.save_target(user=self.editor_de, publish=True)
        self.assertEqual(self.german_button_page().pk, self.about_de.pk)

    def test_a_draft_her_chooser_does_not_show_her_is_refused(self):
        # An editor given one page of the German tree: her page chooser lists the pages within
        # her rights and those published to everyone, not a Dutch draft, so the translation
        # editor's chooser could not send it.
        group = Group.objects.create(name="Redaktion Über uns")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group,
                page=self.about_de,
                permission=Permission.objects.get(codename=codename),
            )
        self.editor_de.groups.set([group])
        draft = self.add_page(title="Concept", slug="concept", live=False)
        translation, segment = self.button_to(self.calendar)
        response = self.put(translation, segment, str(draft.pk))
        self.assertEqual(response.status_code, 403)
        self.assertFalse(SegmentOverride.objects.filter(context=segment.context).exists())
        response = self.put(translation, segment, str(self.about_de.pk))
        self.assertIn(response.status_code, (200, 201))

    def test_each_chooser_of_the_site_names_the_model_it_chooses_from(self):
        self.assertIs(model_at(StoryPage, "image"), Image)
        self.assertIs(model_at(StoryPage, "body.image.image"), Image)
        self.assertIs(model_at(StoryPage, "body.gallery.image.image"), Image)
        self.assertIs(model_at(StandardPage, "body.call_to_action.page"), Page)
        self.assertIsNone(model_at(StandardPage, "body.call_to_action.url"))
        self.assertIsNone(model_at(StoryPage, "body.nothing.image"))

    def test_an_image_that_is_no_image_is_refused(self):
        image = Image.objects.create(title="Dorp", file=get_test_image_file())
        about = self.about.specific
        about.body = [
            {"type": "image", "value": {"image": image.pk, "caption": "", "alt_text": "Dorp"}}
        ]
        about.save_revision().publish()
        source, _created = TranslationSource.update_or_create_from_instance(about)
        segment = OverridableSegment.objects.get(source=source, context__path__endswith=".image")
        translation = source.translations.get(target_locale=self.german)
        response = self.put(translation, segment, str(image.pk + 1000))
        self.assertEqual(response.status_code, 403)
        translation.save_target(user=self.editor_de, publish=True)
