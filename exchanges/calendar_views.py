"""What the calendar page shows: upcoming or past meetings, or a month grid (with the exchange
visits on their days), filtered."""

import calendar
import datetime
import re

from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from community.localization import with_localized_sectors
from home.local_time import LOCAL_TIME
from home.pagination import CountedPaginator

from .forms import MeetingFilterForm, page_key

MEETINGS_PER_PAGE = 20

# Exactly "YYYY-MM" in ASCII digits: no trailing newline ("$" would allow one), no other digits.
MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
FIRST_YEAR, LAST_YEAR = 2000, 2100


def parse_month(value, today):
    """The month `value` asks for ("2027-06"), or None for one the calendar cannot show."""
    match = MONTH.fullmatch(value or "")
    if match:
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12 and FIRST_YEAR <= year <= LAST_YEAR:
            return year, month
    return None


def shift_month(year, month, step):
    month += step
    return year + (month - 1) // 12, (month - 1) % 12 + 1


def within_calendar(year_month):
    """The month, if the calendar shows it (no link to a month it would then refuse)."""
    return year_month if FIRST_YEAR <= year_month[0] <= LAST_YEAR else None


def month_grid(year, month, meetings, visits=()):
    """Weeks (Monday first) of day cells, each with the meetings held on that local day and the
    exchange visits under way on it (on each of their days)."""
    visits_by_day = {}
    for visit in visits:
        for day in visit.days():
            visits_by_day.setdefault(day, []).append(visit)
    by_day = {}
    for meeting in meetings:
        day = timezone.localtime(meeting.start, LOCAL_TIME).date()
        last = timezone.localtime(meeting.end, LOCAL_TIME).date()
        while day <= last:
            by_day.setdefault(day, []).append(meeting)
            day += datetime.timedelta(days=1)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                {
                    "date": day,
                    "in_month": day.month == month,
                    "meetings": by_day.get(day, []),
                    "visits": visits_by_day.get(day, []),
                }
                for day in week
            ]
        )
    return weeks


def calendar_context(calendar_page, request):
    form = MeetingFilterForm(request.GET, index=calendar_page)
    meetings = form.filter(calendar_page.meetings())
    now = timezone.now()
    view = request.GET.get("view")
    context = {"filter_form": form, "view": view if view in ("past", "month") else "upcoming"}
    # The meetings are queried only when the template shows them, not when they come from the
    # content cache.
    if context["view"] == "month":
        today = timezone.localtime(now, LOCAL_TIME).date()
        asked = request.GET.get("month")
        parsed = parse_month(asked, today)
        # A month that does not exist (or lies beyond the calendar) is not silently replaced:
        # the current month is shown with a notice that says so.
        refused = bool(asked) and parsed is None
        year, month = parsed or (today.year, today.month)
        previous = within_calendar(shift_month(year, month, -1))
        following = within_calendar(shift_month(year, month, 1))

        def grid():
            visits = form.filter(calendar_page.visits_in_month(year, month))
            return month_grid(year, month, meetings.in_month(year, month), visits)

        weeks = SimpleLazyObject(grid)

        def nothing_this_month():
            return not any(
                day["in_month"] and (day["meetings"] or day["visits"])
                for week in weeks
                for day in week
            )

        context.update(
            listing_key=form.listing_key(
                view="month", month=f"{year}-{month:02d}", refused_month=int(refused)
            ),
            refused_month=refused,
            month_start=datetime.date(year, month, 1),
            weeks=weeks,
            # Called by the template (inside the content cache), as the grid is built.
            nothing_this_month=nothing_this_month,
            today=today,
            previous_month=previous
            and form.query_string(view="month", month=f"{previous[0]}-{previous[1]:02d}"),
            next_month=following
            and form.query_string(view="month", month=f"{following[0]}-{following[1]:02d}"),
        )
    else:

        def listing():
            shown = meetings.past(now) if context["view"] == "past" else meetings.upcoming(now)
            page = CountedPaginator(shown, MEETINGS_PER_PAGE).get_page(request.GET.get("page"))
            page.object_list = with_localized_sectors(page.object_list)
            return page

        extra = {"view": "past"} if context["view"] == "past" else {}
        context.update(
            listing_key=form.listing_key(
                view=context["view"], page=page_key(request.GET.get("page"))
            ),
            meetings=SimpleLazyObject(listing),
            # Above the upcoming meetings, filtered as they are.
            visits=form.filter(calendar_page.upcoming_visits())
            if context["view"] == "upcoming"
            else (),
            query_string=form.query_string(**extra),
        )
    return context
