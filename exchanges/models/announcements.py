from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class AnnouncedScheduleManager(models.Manager):
    def sequence_of(self, meeting):
        row = self.filter(meeting_key=meeting.translation_key).values("sequence").first()
        return row["sequence"] if row else 0

    def told(self, meeting):
        """Records the meeting's schedule, unless recorded before, as what a member is told on
        registering (inside the transaction that locks the meeting)."""
        return self._row(meeting)

    def _row(self, meeting):
        row, _created = self.select_for_update().get_or_create(
            meeting_key=meeting.translation_key,
            defaults={
                "start": meeting.start,
                "end": meeting.end,
                "cancelled": meeting.cancelled,
                # As the feeds had it before changes were recorded.
                "sequence": 1 if meeting.moved_from else 0,
            },
        )
        return row

    def record(self, meeting):
        """Compares a published meeting with what its participants were last told and records
        it. Returns what they must now be told: "cancelled", "reinstated" (a cancelled meeting
        published not cancelled: it takes place after all, maybe at a new time), "moved" (a new
        start or end) or None (nothing they would notice: a new text, a re-publish, the other
        language's version of a change already recorded, or a meeting published for the first
        time); and the SEQUENCE recorded, which the telling carries."""
        with transaction.atomic():
            row = self._row(meeting)
            if meeting.cancelled and not row.cancelled:
                change = "cancelled"
            elif row.cancelled and not meeting.cancelled:
                change = "reinstated"
            elif not meeting.cancelled and (row.start, row.end) != (meeting.start, meeting.end):
                change = "moved"
            else:
                change = None
            if (row.start, row.end, row.cancelled) != (
                meeting.start,
                meeting.end,
                meeting.cancelled,
            ):
                row.start, row.end, row.cancelled = meeting.start, meeting.end, meeting.cancelled
                row.sequence += 1
                row.save()
        return change, row.sequence

    def supersede(self, meeting):
        """A new SEQUENCE for what is sent to one member next (the cancellation of their place,
        an invitation after one), so that their calendar takes it over what it was sent before.
        Returns it."""
        with transaction.atomic():
            row = self._row(meeting)
            row.sequence += 1
            row.save(update_fields=["sequence", "updated_at"])
        return row.sequence


class AnnouncedSchedule(models.Model):
    """A meeting's time and state as its participants were last told (by invitation, update or
    cancellation), shared by its language versions; `sequence` is the iCalendar SEQUENCE of that
    telling, which feeds and emails give the meeting alike (exchanges/events.py). Publishing a
    meeting compares it with this record, so a change is told once, whichever language version
    is published and however often."""

    meeting_key = models.UUIDField(_("meeting"), unique=True, editable=False)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    cancelled = models.BooleanField(_("cancelled"), default=False)
    sequence = models.PositiveIntegerField(_("sequence"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AnnouncedScheduleManager()

    class Meta:
        verbose_name = _("announced schedule")
        verbose_name_plural = _("announced schedules")
        ordering = ["start", "pk"]

    def __str__(self):
        return f"{self.meeting_key} ({self.sequence})"
