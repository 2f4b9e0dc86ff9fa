"""iCalendar (RFC 5545) feeds: the whole calendar, one sector, one meeting. Each meeting is the
event exchanges/events.py makes of it (its UID is its translation key, the same in the Dutch and
German feeds and in the invitations members are emailed), without the join link."""

import datetime

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from community.models import SectorPage
from home.cache import active_locale, content_only, refuse_to_keep, remember_rendered
from home.urls_util import absolute_url
from home.visibility import openable_or_404, public

from .events import calendar, finished, meeting_event, meeting_uid
from .models import CalendarToken, MeetingPage, Registration

__all__ = ["calendar_feed", "meeting_feed", "meeting_uid", "personal_feed", "sector_feed"]

FEED_WINDOW = datetime.timedelta(days=180)


def public_event(meeting, request):
    """A meeting as the public feeds give it: never with its join link."""
    return meeting_event(meeting, absolute_url(request, meeting.get_url(request)))


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
    cal = calendar(name)
    for meeting in meetings:
        cal.add_component(public_event(meeting, request))
    return finished(cal)


def feed_meetings():
    """Meetings of the language being read, from a month back to half a year ahead."""
    now = timezone.now()
    return (
        MeetingPage.objects.live()
        .public()
        .filter(locale=active_locale(), end__gte=now - datetime.timedelta(days=31))
        .filter(start__lte=now + FEED_WINDOW)
        .select_related("town")
        .with_sequence()
        .order_by("start", "pk")
    )


@require_safe
@content_only
def calendar_feed(request):
    return calendar_response(
        feed_meetings, request, _("Jumelage calendar"), "jumelage", key="calendar"
    )


@require_safe
@content_only
def sector_feed(request, slug):
    sector = get_object_or_404(public(SectorPage.objects.live()), slug=slug, locale=active_locale())
    return calendar_response(
        lambda: feed_meetings().in_sector(sector),
        request,
        _("Jumelage: %(sector)s") % {"sector": sector.title},
        slug,
        key=f"sector:{sector.pk}",
    )


@require_safe
@content_only
def meeting_feed(request, page_id):
    # For whoever its page opens for (attack 42). A private meeting's file is never kept for
    # visitors: only a session gets past its restrictions, and the page cache keeps no answer
    # to a request with one, which it makes `private` (home.middleware).
    meeting = openable_or_404(
        request, MeetingPage.objects.select_related("town").with_sequence(), pk=page_id
    )
    if meeting.locale.language_code != get_language() or request.path != reverse(
        "meeting_calendar_feed", args=[meeting.pk]
    ):
        # An address no page links (the other language's prefix, an id with leading zeros):
        # answered, not kept, so made-up spellings add no entries (attack 29, F5).
        refuse_to_keep()
    with translation.override(meeting.locale.language_code):
        return calendar_response(
            [meeting], request, meeting.title, meeting.slug, key=f"meeting:{meeting.pk}"
        )


def personal_meetings(user, language_code):
    """The published meetings `user` has a place at (not waiting, not cancelled), each in
    `language_code` where it is translated, from a month back."""
    registrations = (
        Registration.objects.filter(user=user)
        .registered()
        .with_meeting_in(language_code)
        .values_list("shown_meeting_id", "meeting_id")
    )
    shown = [in_language or registered_on for in_language, registered_on in registrations]
    return (
        MeetingPage.objects.live()
        .filter(pk__in=shown, end__gte=timezone.now() - datetime.timedelta(days=31))
        .select_related("town")
        .with_sequence()
        .order_by("start", "pk")
    )


@require_safe
@never_cache
def personal_feed(request, token):
    """A member's own calendar, at an address with their secret token (a calendar app reads it
    without logging in): the meetings they have a place at, with the join links of online ones,
    which the public feeds never carry. Never kept by the page cache (it is not
    `content_only`) nor by any other cache (`private, no-store`)."""
    owner = get_object_or_404(
        CalendarToken.objects.select_related("user"), token=token, user__is_active=True
    )
    cal = calendar(_("My Jumelage meetings"))
    for meeting in personal_meetings(owner.user, get_language()):
        url = absolute_url(request, meeting.get_url(request))
        cal.add_component(meeting_event(meeting, url, join_link=not meeting.cancelled))
    response = HttpResponse(finished(cal), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="my-jumelage.ics"'
    return response
