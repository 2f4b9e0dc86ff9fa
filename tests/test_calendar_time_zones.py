"""The time zone a calendar file carries lists its changes to and from summer time up to its
latest meeting (the clock helper of session 35: icalendar stops at 2038 unless told, so a meeting
of summer 2038 read an hour off in a program that reads the feed's own time zone)."""

import datetime
from zoneinfo import ZoneInfo

from django.test import SimpleTestCase
from icalendar import Calendar, Event

from exchanges.events import calendar, finished

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def file_with_meeting_at(start):
    cal = calendar("Agenda")
    event = Event()
    event.add("uid", "treffen@example.org")
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(hours=2))
    cal.add_component(event)
    return Calendar.from_ical(finished(cal))


def summer_starts(cal):
    """The years in which the file's time zone says summer time begins (its DTSTART and its
    RDATEs, one property or a list of them)."""
    [zone] = cal.walk("VTIMEZONE")
    years = set()
    for daylight in zone.walk("DAYLIGHT"):
        years.add(daylight.decoded("dtstart").year)
        rdates = daylight.get("rdate", [])
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            years.update(moment.dt.year for moment in rdate.dts)
    return years


class CalendarTimeZoneTests(SimpleTestCase):
    def test_a_meeting_far_ahead_has_its_summer_time_in_the_file(self):
        cal = file_with_meeting_at(datetime.datetime(2041, 6, 1, 19, 30, tzinfo=AMSTERDAM))
        self.assertIn(2041, summer_starts(cal))

    def test_a_meeting_this_year_keeps_what_icalendar_gives(self):
        cal = file_with_meeting_at(datetime.datetime(2027, 6, 1, 19, 30, tzinfo=AMSTERDAM))
        self.assertIn(2037, summer_starts(cal))
