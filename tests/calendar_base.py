"""A bilingual calendar with two sectors, for the meeting tests."""

import datetime
from zoneinfo import ZoneInfo

from wagtail_localize.models import Translation, TranslationSource

from exchanges.choices import MeetingFormat
from exchanges.factories import CalendarPageFactory, MeetingPageFactory
from exchanges.models import MeetingPage
from tests.stories_base import StoriesMixin

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def local(*args):
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


class CalendarMixin(StoriesMixin):
    @classmethod
    def build_calendar(cls):
        cls.build_stories()
        cls.calendar = CalendarPageFactory(parent=cls.home)
        cls.calendar_de = cls.translated(cls.calendar, title="Kalender", slug="kalender")

    @classmethod
    def meeting(cls, start, hours=2, **kwargs):
        return MeetingPageFactory(
            parent=cls.calendar, start=start, end=start + datetime.timedelta(hours=hours), **kwargs
        )

    @classmethod
    def online_meeting(cls, start, online_url="https://meet.example.org/taal", **kwargs):
        """An online meeting with its link and no place."""
        return cls.meeting(
            start, format=MeetingFormat.ONLINE, online_url=online_url, place_name="", **kwargs
        )

    def translate(self, page):
        """As an editor's "Translate" in wagtail-localize does, published: the German meeting."""
        source, _ = TranslationSource.get_or_create_from_instance(page)
        with self.captureOnCommitCallbacks(execute=True):
            Translation.objects.create(source=source, target_locale=self.german).save_target(
                publish=True
            )
        return MeetingPage.objects.get(translation_key=page.translation_key, locale=self.german)
