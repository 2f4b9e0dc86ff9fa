"""A bilingual calendar with two sectors, for the meeting tests."""

import datetime
from zoneinfo import ZoneInfo

from exchanges.factories import CalendarPageFactory, MeetingPageFactory
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
