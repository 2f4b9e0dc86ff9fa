"""Reminders to the members registered for a meeting: the day before it, and for an online
meeting once more shortly before the start, with the join link. Run by the scheduler every few
minutes (home.schedule); what is due is worked out from the meetings, so a run that comes late
(a worker that was down) still reminds of every meeting that has not begun, and a run that comes
twice reminds nobody twice (one email per registration, kind, start time and announced schedule:
a meeting moved is reminded of again, for its new time, and so is one moved away and back to a
start already reminded of, once its members were told so). Each run renders only the reminders
not queued before, and a registration whose reminder fails is logged and left for the next run,
without holding up the others."""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from home.mail import OutgoingEmail
from home.schedule import scheduled

from . import notifications
from .models import AnnouncedSchedule, MeetingPage, Registration

DAY_BEFORE = timedelta(hours=24)
SHORTLY_BEFORE = timedelta(minutes=15)

# How the keys begin of the reminders (notifications.reminder_key) and of the emails telling a
# member that their meeting's schedule changed: moved, or taking place after all
# (notifications.schedule_changed).
REMINDED = "meeting-reminder:"
SCHEDULE_TOLD = ("meeting-moved:", "meeting-reinstated:")

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
    sequences = dict(
        AnnouncedSchedule.objects.filter(meeting_key__in=list(meetings)).values_list(
            "meeting_key", "sequence"
        )
    )
    due = {}
    for registration in registrations:
        meeting = meetings[registration.meeting_key]
        # A member who registered within the last day just had the confirmation, which says
        # what the day's reminder would; the one shortly before brings the link when it is due.
        if not soon and registration.queued_at > meeting.start - ahead:
            continue
        sequence = sequences.get(registration.meeting_key, 0)
        key = notifications.reminder_key(registration, meeting, soon=soon, sequence=sequence)
        due[key] = registration, sequence
    queued = set(OutgoingEmail.objects.filter(key__in=list(due)).values_list("key", flat=True))
    due = {key: value for key, value in due.items() if key not in queued}
    if due:
        due = not_reminded_of_this_schedule(due, meetings, now, ahead, soon=soon)
    sent = 0
    for key, (registration, sequence) in due.items():
        meeting = meetings[registration.meeting_key]
        try:
            with transaction.atomic():
                reminder = notifications.reminder(
                    registration, meeting, soon=soon, sequence=sequence
                )
                sent += reminder is not None
        except Exception:
            logger.exception("The reminder %s could not be queued", key)
    return sent


def not_reminded_of_this_schedule(due, meetings, now, ahead, *, soon):
    """`due` without the registrations reminded of this start already and told of no change of
    schedule since. The SEQUENCE also rises for one member's own calendar (a place given up or
    taken again, AnnouncedScheduleManager.supersede), which is no new schedule for the others;
    a meeting moved away and back, or cancelled and taking place after all, is told to each
    member, and after that telling the start is reminded of again. Everything that counts was
    queued within `ahead`: a reminder of this start, and what was told after it."""

    def start_key(registration):
        meeting = meetings[registration.meeting_key]
        return notifications.reminder_key(registration, meeting, soon=soon)

    starts = {start_key(registration) for registration, _sequence in due.values()}
    recent = OutgoingEmail.objects.filter(created_at__gte=now - ahead).filter(
        Q(key__startswith=REMINDED)
        | Q(key__startswith=SCHEDULE_TOLD[0])
        | Q(key__startswith=SCHEDULE_TOLD[1])
    )
    reminded, told = {}, {}
    for key, created_at in recent.values_list("key", "created_at"):
        if key.startswith(SCHEDULE_TOLD):
            registration_id = key.split(":")[1]
            told[registration_id] = max(created_at, told.get(registration_id, created_at))
            continue
        start = key if key in starts else key.rpartition(":")[0]
        reminded[start] = max(created_at, reminded.get(start, created_at))
    still_due = {}
    for key, (registration, sequence) in due.items():
        last_reminded = reminded.get(start_key(registration))
        last_told = told.get(str(registration.pk))
        if last_reminded is None or (last_told is not None and last_told > last_reminded):
            still_due[key] = registration, sequence
    return still_due


@scheduled(
    "meeting-reminders",
    every=timedelta(minutes=5),
    description=_(
        "Reminds registered members of a meeting the day before and (online) just before."
    ),
    counts=ngettext_lazy("%(count)s reminder sent", "%(count)s reminders sent", "count"),
)
def send_meeting_reminders(now):
    """Returns how many reminders were sent."""
    return remind(now, DAY_BEFORE, soon=False) + remind(now, SHORTLY_BEFORE, soon=True)
