"""Attack 21: meetings' drafts without link or place, slugs of long titles, members' collections."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from wagtail_localize.models import Translation, TranslationSource

from exchanges.models import MeetingPage
from exchanges.models.meetings import MeetingFormat
from tests.calendar_base import CalendarMixin, local
from tests.test_roles import form_data

User = get_user_model()


class AMeetingsFormatChangedAfterItsTranslationTests(CalendarMixin, TestCase):
    """The German translation of an online meeting has no place (nothing to translate): the
    Dutch meeting made hybrid, with its place, and published pushed the new format to the live
    German translation, whose own clean then refused it (no place): a server error (500) for
    the editor's publish."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()

    def translate(self, page):
        source, _ = TranslationSource.get_or_create_from_instance(page)
        with self.captureOnCommitCallbacks(execute=True):
            Translation.objects.create(source=source, target_locale=self.german).save_target(
                publish=True
            )
        return MeetingPage.objects.get(translation_key=page.translation_key, locale=self.german)

    def test_an_online_meeting_made_hybrid_is_published_in_both_languages_with_its_place(self):
        meeting = self.meeting(
            local(2030, 6, 1, 19, 30),
            format=MeetingFormat.ONLINE,
            online_url="https://meet.example.org/x",
            place_name="",
        )
        german = self.translate(meeting)
        self.assertTrue(german.live)
        self.client.force_login(User.objects.create_superuser("root@example.org", "x"))
        edit = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
        data = {
            **form_data(self.client.get(edit)),
            "format": MeetingFormat.HYBRID,
            "place_name": "Dorpshuis",
            "body-count": "0",
            "action-publish": "action-publish",
        }
        with translation.override("nl"):
            response = self.client.post(edit, data)
        self.assertEqual(response.status_code, 302)
        german = MeetingPage.objects.get(pk=german.pk)
        self.assertTrue(german.live)
        self.assertEqual(german.format, MeetingFormat.HYBRID)
        self.assertEqual(german.place_name, "Dorpshuis")
