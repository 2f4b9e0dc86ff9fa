"""A bilingual calendar with two sectors, for the meeting tests."""

import calendar
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


def year_like(year):
    """The first year after this one with `year`'s calendar: the same weekdays, leap day and
    nights the clocks change. A test written with meetings in 2030 (or 2027) keeps its
    "woensdag 1 mei" and its night of 02:30 that does not exist, but its dates stay to come
    whenever it runs, where the fixed year became the past (and the test a time bomb)."""
    starts_on = datetime.date(year, 1, 1).weekday()
    later = datetime.datetime.now(AMSTERDAM).year + 1
    while (datetime.date(later, 1, 1).weekday(), calendar.isleap(later)) != (
        starts_on,
        calendar.isleap(year),
    ):
        later += 1
    return later


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
