"""A meeting as an iCalendar (RFC 5545) event: the one way the public feeds (exchanges/ical.py),
a member's own feed and the invitations sent by email (exchanges/notifications.py) describe it;
and as the "add to Google Calendar / Outlook" links of its page, which say what the public feeds
say.

A meeting's UID is its translation key, so the Dutch and German feeds and every invitation
describe the same event, and a calendar app updates (or removes) the event an invitation added
when the next invitation or cancellation of the same UID comes; it survives every edit. (A
subscribed feed is a calendar of its own: an app shows its events beside those of the calendar
the invitations went into.) Its SEQUENCE is the number of changes its participants were told
of (AnnouncedSchedule), the same in every feed and email. Only an event made for a registered
member carries the join link of an online meeting; the public feeds never do."""

import datetime
from urllib.parse import quote, urlencode

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from home.local_time import LOCAL_TIME
from home.notifications import SITE_NAME, sender_address
from home.validators import without_control_characters

UID_DOMAIN = "jumelage-steenwijkerland-herzebrock-clarholz"
PRODID = "-//Jumelage Steenwijkerland – Herzebrock-Clarholz//Calendar//EN"


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


def sequence_of(meeting):
    """The meeting's SEQUENCE: annotated by MeetingQuerySet.with_sequence(), else read."""
    sequence = getattr(meeting, "ical_sequence", None)
    return meeting.announced_sequence() if sequence is None else sequence


def public_description(meeting, url, *, says_where_to_join=True):
    """What the public feeds and the web calendar links say about a meeting: never its join
    link, but (`says_where_to_join`) where registered members find it."""
    description = [meeting.intro]
    if meeting.is_online and says_where_to_join:
        description.append(_("Online: the link is on the meeting page for registered members."))
    if meeting.notice:
        description.append(meeting.notice)
    description.append(url)
    return "\n\n".join(description)


def meeting_event(meeting, url, *, sequence=None, join_link=False, status=True, stamp=None):
    """The event of `meeting` (in the active language), whose page is at `url` (absolute).
    `join_link`: the online link in the description and as location, only for a registered
    member. `status`: STATUS:CANCELLED for a cancelled meeting, else CONFIRMED; without it
    (one member's place cancelled, not the meeting: RFC 5546, 3.2.5) no STATUS.
    `stamp`: when it was written (an email's: now), by default when the meeting was published."""
    event = Event()
    event.add("uid", text(meeting_uid(meeting)))
    event.add("dtstamp", stamp or meeting.last_published_at or timezone.now())
    event.add("dtstart", timezone.localtime(meeting.start, LOCAL_TIME))
    event.add("dtend", timezone.localtime(meeting.end, LOCAL_TIME))
    title = meeting.title
    if meeting.cancelled:
        title = _("Cancelled: %(title)s") % {"title": title}
    event.add("summary", text(title))
    joins_here = meeting.is_online and join_link and bool(meeting.online_url)
    description = public_description(meeting, url, says_where_to_join=not joins_here)
    if joins_here:
        joining = _("Join online: %(url)s") % {"url": meeting.online_url}
        description = f"{joining}\n\n{description}"
    event.add("description", text(description))
    place = location(meeting)
    if meeting.is_in_person and place:
        event.add("location", text(place))
    elif meeting.is_online:
        event.add("location", text(meeting.online_url if join_link else url))
    event.add("url", url)
    if status:
        event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    event.add("sequence", sequence_of(meeting) if sequence is None else sequence)
    if meeting.last_published_at:
        event.add("last-modified", meeting.last_published_at)
    return event


def calendar(name=None, method="PUBLISH"):
    """An empty calendar: PUBLISH for a feed, REQUEST or CANCEL for an email (RFC 5546)."""
    cal = Calendar()
    cal.add("prodid", text(PRODID))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    if name:
        cal.add("x-wr-calname", text(name))
        cal.add("x-wr-timezone", text("Europe/Amsterdam"))
    return cal


def finished(cal):
    cal.add_missing_timezones(last_date=zones_until(cal))
    for zone in cal.walk("VTIMEZONE"):
        # icalendar's note of the years its rules cover ("This timezone only works from …"),
        # in English in a Dutch or German calendar (walk 14); calendar programs ignore it.
        zone.pop("COMMENT", None)
    return cal.to_ical()


def zones_until(cal):
    """Until when the calendar's time zones list their changes to and from summer time: a year
    past its latest event, and at least until icalendar's own end (2038). Left at that end, a
    meeting of summer 2038 was an hour off in a program that reads the feed's own time zone
    (a clock moved ahead)."""
    latest = [
        component.decoded(name)
        for component in cal.walk("VEVENT")
        for name in ("dtstart", "dtend")
        if name in component
    ]
    last_year = max((moment.year for moment in latest), default=0)
    return max(datetime.date(last_year + 2, 1, 1), datetime.date(2038, 1, 1))


def invitation(meeting, url, member, *, method="REQUEST", sequence=None):
    """The calendar an email to `member` carries (RFC 5546): an invitation (REQUEST) with the
    join link of an online meeting, or a cancellation (CANCEL) of their place or of the
    meeting. The organiser is the platform's sender address, the attendee the member, who is
    not asked to reply (RSVP=FALSE: replies would go to an address nobody reads). Only the
    cancellation of a cancelled meeting says STATUS:CANCELLED; that of one member's place
    removes the event from their calendar without saying the meeting is off."""
    cancel = method == "CANCEL"
    cal = calendar(method=method)
    event = meeting_event(
        meeting,
        url,
        sequence=sequence,
        join_link=not cancel,
        status=meeting.cancelled or not cancel,
        stamp=timezone.now(),
    )
    organizer = vCalAddress(f"mailto:{sender_address()}")
    organizer.params["cn"] = text(str(SITE_NAME))
    event.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{member.email}")
    attendee.params["cn"] = text(member.public_name or member.email)
    attendee.params["role"] = "REQ-PARTICIPANT"
    attendee.params["partstat"] = "DECLINED" if cancel else "ACCEPTED"
    attendee.params["rsvp"] = "FALSE"
    event.add("attendee", attendee)
    cal.add_component(event)
    return finished(cal)


def utc(moment, spelling):
    return moment.astimezone(datetime.UTC).strftime(spelling)


def web_calendar_place(meeting, url):
    place = location(meeting)
    return place if meeting.is_in_person and place else url


def google_calendar_url(meeting, url):
    """Google Calendar's form for a new event, filled in with the meeting (page at `url`)."""
    spelling = "%Y%m%dT%H%M%SZ"
    query = {
        "action": "TEMPLATE",
        "text": meeting.title,
        "dates": f"{utc(meeting.start, spelling)}/{utc(meeting.end, spelling)}",
        "details": public_description(meeting, url),
        "location": web_calendar_place(meeting, url),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query, quote_via=quote)


def outlook_calendar_url(meeting, url):
    """Outlook on the web's form for a new event, filled in with the meeting."""
    spelling = "%Y-%m-%dT%H:%M:%SZ"
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": meeting.title,
        "startdt": utc(meeting.start, spelling),
        "enddt": utc(meeting.end, spelling),
        "body": public_description(meeting, url),
        "location": web_calendar_place(meeting, url),
    }
    return "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(
        query, quote_via=quote
    )
