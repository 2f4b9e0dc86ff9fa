"""wagtail-localize's "Sync translated pages" with "publish", of a source that lacks what
publishing needs (a meeting draft without its times or place, a story draft without its date):
it answered with a server error."""

from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import TranslationCreator

from exchanges.choices import MeetingFormat
from exchanges.models import MeetingPage, StoryPage
from exchanges.models.meetings import START_NEEDED
from exchanges.models.stories import DATE_NEEDED
from tests.calendar_base import local
from tests.test_roles import RolesTestCase

SYNCED_NOT_PUBLISHED = (
    "The changes to “%(title)s” are ready to be translated, but its translations were not "
    "published: %(missing)s"
)


class SyncingADraftWithPublishTests(RolesTestCase):
    def translated_draft(self, page):
        with self.captureOnCommitCallbacks(execute=True):
            TranslationCreator(self.editor_nl, [self.german]).create_translations(page)
        return TranslationSource.objects.get(object_id=page.translation_key)

    def sync_with_publish(self, source):
        self.client.force_login(self.editor_nl)
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                f"/admin/localize/update/{source.pk}/",
                {"publish_translations": "on"},
                follow=True,
            )

    def said(self, response):
        page = BeautifulSoup(response.content, "html.parser")
        return page.select_one(".messages").get_text(" ", strip=True)

    def test_a_meeting_without_its_times_is_synced_not_published_and_the_editor_told_why(self):
        meeting = self.meeting(local(2027, 3, 1, 19), title="Taalcafé", slug="taalcafe", live=False)
        meeting.start = meeting.end = None
        meeting.format, meeting.place_name = MeetingFormat.IN_PERSON, ""
        meeting.save()
        source = self.translated_draft(meeting)
        meeting.title = "Taalcafé in de bibliotheek"
        meeting.save()

        response = self.sync_with_publish(source)
        self.assertEqual(response.status_code, 200)
        with translation.override("nl"):
            start = gettext(SYNCED_NOT_PUBLISHED).split("%(missing)s")[0]
            self.assertIn(start % {"title": "Taalcafé in de bibliotheek"}, self.said(response))
            self.assertIn(str(START_NEEDED), self.said(response))
        self.assertFalse(
            MeetingPage.objects.filter(translation_key=meeting.translation_key, live=True).exists()
        )
        # Synced all the same: the translation editor offers the source's new title.
        source.refresh_from_db()
        self.assertEqual(source.as_instance().title, "Taalcafé in de bibliotheek")

    def test_a_story_without_its_date_is_not_published_either(self):
        story = self.story(title="Zomerkamp", slug="zomerkamp", live=False)
        story.date = None
        story.save()
        source = self.translated_draft(story)

        response = self.sync_with_publish(source)
        self.assertEqual(response.status_code, 200)
        with translation.override("nl"):
            self.assertIn(str(DATE_NEEDED), self.said(response))
        self.assertFalse(
            StoryPage.objects.filter(translation_key=story.translation_key, live=True).exists()
        )
