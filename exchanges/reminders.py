"""Reminders to the members registered for a meeting: the day before it, and for an online
meeting once more shortly before the start, with the join link. Run by the scheduler every few
minutes (home.schedule); what is due is worked out from the meetings, so a run that comes late
(a worker that was down) still reminds of every meeting that has not begun, and a run that comes
twice reminds nobody twice (one email per registration, kind and start time: a meeting moved
is reminded of again, for its new time). Each run renders only the reminders not queued
before, and a registration whose reminder fails is logged and left for the next run, without
holding up the others."""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from home.mail import OutgoingEmail
from home.schedule import scheduled

from . import notifications
from .models import MeetingPage, Registration

DAY_BEFORE = timedelta(hours=24)
SHORTLY_BEFORE = timedelta(minutes=15)

logger = logging.getLogger(__name__)


def due_meetings(now, ahead):
    """One published version of each meeting that is not cancelled and starts within `ahead`."""
    meetings = {}
    for meeting in (
        MeetingPage.objects.live()
        .filter(cancelled=False, start__gt=now, start__lte=now + ahead)
        .select_related("town")
        .order_by("pk")
    ):
        meetings.setdefault(meeting.translation_key, meeting)
    return meetings


def remind(now, ahead, *, soon):
    meetings = due_meetings(now, ahead)
    if soon:
        meetings = {key: meeting for key, meeting in meetings.items() if meeting.is_online}
    else:
        # An online meeting this close gets the reminder with the link instead.
        meetings = {
            key: meeting
            for key, meeting in meetings.items()
            if not (meeting.is_online and meeting.start - now <= SHORTLY_BEFORE)
        }
    registrations = (
        Registration.objects.filter(meeting_key__in=list(meetings), user__is_active=True)
        .registered()
        .select_related("user")
    )
    due = {}
    for registration in registrations:
        meeting = meetings[registration.meeting_key]
        # A member who registered within the last day just had the confirmation, which says
        # what the day's reminder would; the one shortly before brings the link when it is due.
        if not soon and registration.queued_at > meeting.start - ahead:
            continue
        due[notifications.reminder_key(registration, meeting, soon=soon)] = registration
    queued = set(OutgoingEmail.objects.filter(key__in=list(due)).values_list("key", flat=True))
    sent = 0
    for key, registration in due.items():
        if key in queued:
            continue
        meeting = meetings[registration.meeting_key]
        try:
            with transaction.atomic():
                sent += notifications.reminder(registration, meeting, soon=soon) is not None
        except Exception:
            logger.exception("The reminder %s could not be queued", key)
    return sent


@scheduled(
    "meeting-reminders",
    every=timedelta(minutes=5),
    description=_(
        "Reminds registered members of a meeting the day before and (online) just before."
    ),
)
def send_meeting_reminders(now):
    """Returns how many reminders were sent."""
    return remind(now, DAY_BEFORE, soon=False) + remind(now, SHORTLY_BEFORE, soon=True)
