"""iCalendar (RFC 5545) feeds: the whole calendar, one sector, one meeting.

A meeting's UID is its translation key, so the Dutch and German feeds describe the same event and
a calendar that subscribed to both does not show it twice; it survives every edit."""

import datetime

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event, vText

from community.models import SectorPage
from home.cache import active_locale, content_only, remember_rendered
from home.urls_util import absolute_url
from home.validators import without_control_characters

from .models import MeetingPage
from .models.meetings import LOCAL_TIME

FEED_WINDOW = datetime.timedelta(days=180)
UID_DOMAIN = "jumelage-steenwijkerland-herzebrock-clarholz"


def text(value):
    """Text as iCalendar holds it: escaped by the library's own type (line breaks, commas,
    semicolons), without the control characters a text value may not contain (RFC 5545, 3.3.11).
    Every property that carries words goes through here, so a title is safe in every feed."""
    return vText(without_control_characters(value, keep_line_breaks=True))


def meeting_uid(meeting):
    return f"{meeting.translation_key}@{UID_DOMAIN}"


def location(meeting):
    parts = [meeting.place_name, meeting.address, meeting.town.name if meeting.town else ""]
    return ", ".join(part for part in parts if part)


def meeting_event(meeting, request):
    url = absolute_url(request, meeting.get_url(request))
    event = Event()
    event.add("uid", text(meeting_uid(meeting)))
    event.add("dtstamp", meeting.last_published_at or timezone.now())
    event.add("dtstart", timezone.localtime(meeting.start, LOCAL_TIME))
    event.add("dtend", timezone.localtime(meeting.end, LOCAL_TIME))
    title = meeting.title
    if meeting.cancelled:
        title = _("Cancelled: %(title)s") % {"title": title}
    event.add("summary", text(title))
    description = [meeting.intro]
    if meeting.is_online:
        description.append(_("Online: the link is on the meeting page for registered members."))
    if meeting.notice:
        description.append(meeting.notice)
    description.append(url)
    event.add("description", text("\n\n".join(description)))
    place = location(meeting)
    if meeting.is_in_person and place:
        event.add("location", text(place))
    elif meeting.is_online:
        event.add("location", text(url))
    event.add("url", url)
    event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    event.add("sequence", 1 if meeting.moved_from else 0)
    if meeting.last_published_at:
        event.add("last-modified", meeting.last_published_at)
    return event


# How late a feed may be to show that a meeting has ended or come within the window.
FEED_FRESH_SECONDS = 300


def calendar_response(meetings, request, name, filename, key):
    """The feed of `meetings` (a queryset or a function giving them), kept in the content cache
    under `key` for the language and host being read."""

    def render():
        return calendar_body(meetings() if callable(meetings) else meetings, request, name)

    content = remember_rendered(request, "ical", [key], render, timeout=FEED_FRESH_SECONDS)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def calendar_body(meetings, request, name):
    cal = Calendar()
    cal.add("prodid", text("-//Jumelage Steenwijkerland – Herzebrock-Clarholz//Calendar//EN"))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", text(name))
    cal.add("x-wr-timezone", text("Europe/Amsterdam"))
    for meeting in meetings:
        cal.add_component(meeting_event(meeting, request))
    cal.add_missing_timezones()
    return cal.to_ical()


def feed_meetings():
    """Meetings of the language being read, from a month back to half a year ahead."""
    now = timezone.now()
    return (
        MeetingPage.objects.live()
        .public()
        .filter(locale=active_locale(), end__gte=now - datetime.timedelta(days=31))
        .filter(start__lte=now + FEED_WINDOW)
        .select_related("town")
        .order_by("start", "pk")
    )


@require_GET
@content_only
def calendar_feed(request):
    return calendar_response(
        feed_meetings, request, _("Jumelage calendar"), "jumelage", key="calendar"
    )


@require_GET
@content_only
def sector_feed(request, slug):
    sector = get_object_or_404(SectorPage.objects.live(), slug=slug, locale=active_locale())
    return calendar_response(
        lambda: feed_meetings().in_sector(sector),
        request,
        _("Jumelage: %(sector)s") % {"sector": sector.title},
        slug,
        key=f"sector:{sector.pk}",
    )


@require_GET
@content_only
def meeting_feed(request, page_id):
    meeting = get_object_or_404(
        MeetingPage.objects.live().public().select_related("town"), pk=page_id
    )
    with translation.override(meeting.locale.language_code):
        return calendar_response(
            [meeting], request, meeting.title, meeting.slug, key=f"meeting:{meeting.pk}"
        )
