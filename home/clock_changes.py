"""A date and time that the clocks skip (02:30 on the night summer time begins) or show twice (the
night it ends) was refused by Django as "2027-03-28 02:30:00 couldn't be interpreted in time zone
Europe/Amsterdam; it may be ambiguous or it may not exist": ISO, not as she wrote it, and not
which. `ReadersDateTimeField` refuses it as she wrote it, saying what the clocks do that night and
which times she may choose: in the admin's date fields and in the members' meeting form alike."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import get_format
from django.utils.translation import gettext


def wall_time_exists(moment, zone):
    """Whether the naive `moment` is a time the clocks of `zone` show (not skipped)."""
    there = moment.replace(tzinfo=zone).astimezone(datetime.UTC).astimezone(zone)
    return there.replace(tzinfo=None) == moment


def passed_twice(moment, zone):
    """Whether the clocks of `zone` show the naive `moment` twice (they went back past it)."""
    return moment.replace(tzinfo=zone, fold=0).utcoffset() != moment.replace(
        tzinfo=zone, fold=1
    ).utcoffset() and wall_time_exists(moment, zone)


def as_she_wrote_it(value, moment):
    """The moment as she wrote it; as her language writes it when her browser's date field sent
    it in ISO (the field shows it to her in her language's format, not in ISO)."""
    written = value.strip() if isinstance(value, str) else ""
    if not written or parse_datetime(written):
        return moment.strftime(get_format("DATETIME_INPUT_FORMATS")[0])
    return written


def clocks_change_refusal(moment, zone, written):
    """Why the naive `moment` (which she wrote as `written`) is no time in `zone`: what the
    clocks do that night, and which times she may choose; None if they show it once."""
    skipped = not wall_time_exists(moment, zone)
    if not skipped and not passed_twice(moment, zone):
        return None
    minute = datetime.timedelta(minutes=1)

    def changed(time):
        return not wall_time_exists(time, zone) if skipped else passed_twice(time, zone)

    # The hour (or so) around `moment` that the change of the clocks skips or repeats.
    start = end = moment.replace(second=0, microsecond=0)
    while changed(start - minute):
        start -= minute
    while changed(end):
        end += minute
    words = {"moment": written, "start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")}
    if skipped:
        return (
            gettext(
                "%(moment)s does not exist: that night summer time begins and the clocks go "
                "forward from %(start)s to %(end)s. Choose a time before %(start)s or from "
                "%(end)s."
            )
            % words
        )
    return (
        gettext(
            "%(moment)s happens twice: that night summer time ends and the clocks go back "
            "from %(end)s to %(start)s. Choose a time before %(start)s or from %(end)s."
        )
        % words
    )


class ReadersDateTimeField(forms.DateTimeField):
    """A date and time refused, when the clocks skip it or show it twice, with what they do."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            if error.code != "ambiguous_timezone":
                raise
            moment = error.params["datetime"]
            zone = timezone.get_current_timezone()
            refusal = clocks_change_refusal(moment, zone, as_she_wrote_it(value, moment))
            if refusal is None:
                raise
            raise ValidationError(refusal, code="ambiguous_timezone") from error
