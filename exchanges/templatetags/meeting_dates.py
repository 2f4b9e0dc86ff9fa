"""When a meeting is, as people write it: one day with its hours, or a range of days."""

from django import template
from django.template.defaultfilters import date
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.translation import gettext

register = template.Library()


def local_days(meeting):
    return timezone.localtime(meeting.start).date(), timezone.localtime(meeting.end).date()


@register.filter
def multi_day(meeting):
    """Whether the meeting ends on a later day than it starts (in local time)."""
    first, last = local_days(meeting)
    return last > first


@register.filter
def day_range(meeting):
    """The days of a meeting of several days: "12–14 juni 2027" / "12.–14. Juni 2027", "30 mei –
    2 juni 2027", "30 december 2027 – 2 januari 2028"; the day of a meeting of one."""
    return date_span(*local_days(meeting))


def date_span(first, last):
    """The days from `first` to `last` as `day_range` writes them (exchange visits too)."""
    if first == last:
        return date_format(first, get_format("DATE_FORMAT"))
    if (first.year, first.month) == (last.year, last.month):
        # Translators: a range of days in one month; the German adds the dots after the days.
        days = gettext("%(first)s–%(last)s %(month)s") % {
            "first": first.day,
            "last": last.day,
            "month": date_format(first, get_format("YEAR_MONTH_FORMAT")),
        }
        # Held on one line, as the formats hold a single day (jumelage/formats).
        return days.replace(" ", "\u00a0")
    if first.year == last.year:
        start = date_format(first, get_format("MONTH_DAY_FORMAT"))
    else:
        start = date_format(first, get_format("DATE_FORMAT"))
    return f"{start} – {date_format(last, get_format('DATE_FORMAT'))}"


@register.filter
def badge_days(meeting):
    """The day numbers in a card's date badge: "12" or, within one month, "12–14"."""
    first, last = local_days(meeting)
    if first != last and first.month == last.month and first.year == last.year:
        return f"{first.day}–{last.day}"
    return str(first.day)


@register.simple_tag
def day_and_hours(meeting):
    """A meeting of one day, "vrijdag 4 december 2026, 19:30–21:00", its start and end in `<time>`.

    A word joiner follows the dash: a line may end after an en dash, and on a phone it did
    ("19:30–" on one line, "21:00" on the next); the hours are read in one piece."""
    start, end = timezone.localtime(meeting.start), timezone.localtime(meeting.end)
    return format_html(
        '<time datetime="{}">{}</time>\u2013\u2060<time datetime="{}">{}</time>',
        date(start, r"Y-m-d\TH:i:sO"),
        date(start, "DATETIME_FORMAT"),
        date(end, r"Y-m-d\TH:i:sO"),
        date(end, "H:i"),
    )
