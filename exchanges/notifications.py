"""What members are emailed about the meetings they registered for, each in their own language:
the confirmation of a place (with the meeting as an invitation for their calendar) or of a place
on the waiting list, a place that came free (or given by an editor), the cancellation of their
place (by themselves or an editor), a meeting moved, cancelled or taking place after all, and the
reminders before it starts.

Every invitation is the meeting's event (exchanges/events.py) with the member as attendee:
METHOD:REQUEST while they have a place, METHOD:CANCEL when it is gone, with the meeting's
SEQUENCE, so a calendar app updates the one entry. Members on the waiting list are told in words
only: nothing is in their calendar until they have a place. Each email has a `key`, so a change
is told once however often the code that tells it runs (home.notifications).

A change of a meeting is told by a task (tell_of_change), so publishing it costs the editor's
request the same whatever the number of participants, and a worker that stops half-way is
retried without telling anyone twice. So is a change of one registration (tell_of_registration):
a member's click on "register" or "cancel" waits for the database, not for the email and its
invitation to be made (two thirds of its time when they were made in the request)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from home.i18n import live_translation
from home.notifications import send_templated_email
from home.urls_util import at_address, base_url, current_request, email_url

from . import models
from .events import invitation

REQUEST, CANCEL = "REQUEST", "CANCEL"


def meeting_for(member, meeting):
    """The meeting's published version in the member's language (else `meeting`), with the
    schedule of `meeting`: a change published in one language is told before the other
    version has taken it over."""
    localized = live_translation(meeting, member.language) or meeting
    if localized.pk != meeting.pk:
        for field in meeting.SCHEDULE_FIELDS:
            setattr(localized, field, getattr(meeting, field))
    return localized


def page_address(page):
    """The absolute address of `page` for an email (see home.urls_util.base_url)."""
    return email_url(page, base_url(current_request()))


def registrations_address(member):
    """The absolute address of the member's registrations in their member area, in their
    language: where an email leads when the meeting's page is not on the site."""
    with translation.override(member.language or settings.LANGUAGE_CODE):
        path = reverse("member_area")
    return email_url(f"{path}#my-meetings", base_url(current_request()))


def where_to_find(meeting, member):
    """The address an email about `meeting` leads the member to, and whether it is the page
    (`on_page`): a page not live (unpublished by an editor or its expiry date) is not found, so
    the email leads to the member's registrations instead and says nothing of the page (outsider's
    pass of 2026-12-04: a member moved up from the waiting list was sent a link not found)."""
    if meeting.live:
        return page_address(meeting), True
    return registrations_address(member), False


def attachment(meeting, member, method, sequence=None, url=None):
    """The invitation of `member` to `meeting`, in their language (its summary, description
    and organiser name are words), whatever the language of the request that sends it; `url`
    is where it leads (see `where_to_find`)."""
    url = url or where_to_find(meeting, member)[0]
    with translation.override(member.language or settings.LANGUAGE_CODE):
        content = invitation(meeting, url, member, method=method, sequence=sequence)
    return (f"{meeting.slug}.ics", content, f"text/calendar; method={method}")


def tell(template, registration, meeting, *, key, method=None, sequence=None, **context):
    """Emails the member of `registration` about `meeting` (in their language), with the
    invitation (`method` REQUEST) or its cancellation (CANCEL) when `method` is given."""
    member = registration.user
    shown = meeting_for(member, meeting)
    url, on_page = where_to_find(shown, member)
    sent = send_templated_email(
        template,
        {
            "registration": registration,
            "meeting": shown,
            "meeting_url": url,
            "on_page": on_page,
            # The join link, a link in the email's HTML (home.notifications.text_as_html).
            "email_links": [shown.online_url] if shown.online_url else [],
            **context,
        },
        member,
        key=key,
        attachments=[attachment(shown, member, method, sequence, url)] if method else (),
    )
    if sent is not None and method:
        # What her calendar now holds (Registration.in_calendar).
        models.Registration.objects.filter(pk=registration.pk).update(in_calendar=method == REQUEST)
    return sent


def registration_confirmed(registration, sequence):
    """A new place, or a place on the waiting list (with its number). `sequence` is the
    meeting's when the member registered: one registration is confirmed once."""
    if registration.is_waiting:
        return tell(
            "exchanges/email/waiting",
            registration,
            registration.meeting,
            key=f"meeting-waiting:{registration.pk}:{sequence}",
            position=registration.waiting_position(),
        )
    return tell(
        "exchanges/email/registered",
        registration,
        registration.meeting,
        key=f"meeting-registered:{registration.pk}:{sequence}",
        method=REQUEST,
        sequence=sequence,
    )


def promoted(registration):
    """A place came free for the first member waiting."""
    return tell(
        "exchanges/email/promoted",
        registration,
        registration.meeting,
        key=f"meeting-promoted:{registration.pk}:{registration.updated_at.isoformat()}",
        method=REQUEST,
    )


def registration_cancelled(registration, sequence):
    """The member gave up their place: the entry leaves their calendar."""
    return tell(
        "exchanges/email/cancelled_registration",
        registration,
        registration.meeting,
        key=f"registration-cancelled:{registration.pk}:{sequence}",
        method=CANCEL,
        sequence=sequence,
    )


# What `tell_later` tells of one registration, by its kind.
REGISTRATION_NEWS = {
    "confirmed": registration_confirmed,
    "cancelled": registration_cancelled,
    "promoted": lambda registration, _sequence: promoted(registration),
}


def tell_later(news, registration, sequence=None):
    """Has the member of `registration` told `news` (a key of REGISTRATION_NEWS) by the task
    worker, with links to the address of the request being served; to be called once the
    change is committed."""
    tell_of_registration.enqueue(
        news, registration.pk, registration.status, sequence, base_url(current_request())
    )


# Before Wagtail's own tasks, as the email it queues (home.mail): a member waits for it.
@task(priority=10)
def tell_of_registration(news, registration_id, status, sequence, origin):
    """Tells the member of the registration `registration_id` its `news` (see `tell_later`),
    unless it is no longer in the `status` it was told for: a later change (cancelled
    meanwhile, promoted from the waiting list) is told by its own email; a blocked member
    (inactive account) is told nothing. A place given up before its confirmation went out is
    thus never confirmed, and so its cancellation is not sent either: nothing of it is in her
    calendar (Registration.in_calendar). Returns what it did, in words the task's result can
    keep (JSON)."""
    # The registration's row stays locked until what she was told is recorded with the email:
    # a "cancel" committing meanwhile (or the task of its cancellation, on a second worker)
    # waits for it, and sees whether the invitation went.
    with transaction.atomic():
        registration = (
            models.Registration.objects.select_for_update(of=("self",))
            .filter(pk=registration_id, status=status)
            .select_related("user", "meeting")
            .first()
        )
        if registration is None or news not in REGISTRATION_NEWS:
            return "no longer so"
        if not registration.user.is_active:
            return "account blocked"
        if news == "cancelled" and not registration.in_calendar:
            return "not in her calendar"
        with at_address(origin):
            REGISTRATION_NEWS[news](registration, sequence)
    return "told"


CHANGES = ("moved", "cancelled", "reinstated")


def tell_participants(meeting, change, sequence):
    """Has every member registered or waiting told that `meeting` (a published version) was
    moved, cancelled or reinstated (`change`, see AnnouncedScheduleManager.record; `sequence` is
    the SEQUENCE it was recorded with), once the transaction that published it is committed."""
    tell_of_change.enqueue(meeting.pk, change, sequence, time_of(meeting))


def time_of(meeting):
    """The meeting's start and end, in UTC (as read from the database, or as edited)."""
    return "/".join(
        moment.astimezone(datetime.UTC).isoformat() for moment in (meeting.start, meeting.end)
    )


@task()
def tell_of_change(meeting_id, change, sequence, when):
    """Tells every member registered or waiting of the change of the meeting with page
    `meeting_id`, published at the time `when`; returns how many were emailed. The keys hold
    `sequence`, so a run again (a worker that stopped) tells only whom it had not told, and the
    next change of the same kind (cancelled again, moved back and forth) is told as new. A change
    the meeting no longer shows (moved or cancelled again before this ran) is left to the task of
    the later one."""
    meeting = models.MeetingPage.objects.filter(pk=meeting_id).select_related("town").first()
    if (
        meeting is None
        or change not in CHANGES
        or (change == "cancelled") != meeting.cancelled
        or time_of(meeting) != when
    ):
        return 0
    registrations = (
        models.Registration.objects.for_meeting(meeting)
        .active()
        .filter(user__is_active=True)
        .select_related("user", "meeting")
    )
    return schedule_changed(meeting, change, registrations, sequence)


def schedule_changed(meeting, change, registrations, sequence):
    """Tells each of `registrations` that `meeting` was moved, cancelled or reinstated;
    returns how many were emailed."""
    told = 0
    for registration in registrations:
        waiting = registration.is_waiting
        if change == "cancelled":
            key = f"meeting-cancelled:{registration.pk}:{sequence}"
            method = None if waiting else CANCEL
        elif change == "reinstated":
            key = f"meeting-reinstated:{registration.pk}:{sequence}"
            method = None if waiting else REQUEST
        else:
            key = f"meeting-moved:{registration.pk}:{time_of(meeting)}:{sequence}"
            method = None if waiting else REQUEST
        sent = tell(
            f"exchanges/email/meeting_{change}",
            registration,
            meeting,
            key=key,
            method=method,
            sequence=sequence,
            waiting=waiting,
        )
        told += sent is not None
    return told


def reminder_key(registration, meeting, *, soon, sequence=None):
    """One reminder per registration, kind, start time and announced schedule (its SEQUENCE,
    AnnouncedSchedule): a meeting moved away and back to a start already reminded of is
    reminded of again. Without `sequence`, what the keys of every announced schedule of that
    start begin with (and the whole key of reminders queued before keys had one)."""
    kind = "soon" if soon else "day"
    key = f"meeting-reminder:{kind}:{registration.pk}:{meeting.start.isoformat()}"
    return key if sequence is None else f"{key}:{sequence}"


def reminder(registration, meeting, *, soon, sequence):
    """A reminder to a registered member: the day before, or (`soon`, online and hybrid
    meetings) shortly before the start, with the join link."""
    return tell(
        "exchanges/email/reminder",
        registration,
        meeting,
        key=reminder_key(registration, meeting, soon=soon, sequence=sequence),
        soon=soon,
    )
