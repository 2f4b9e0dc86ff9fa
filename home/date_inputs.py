"""The admin's date and date-time fields in the format of the editor's language: Wagtail writes
them in one format for everyone (`WAGTAIL_DATE_FORMAT`, ISO by default: "2026-11-20" in the German
admin, which writes "20.11.2026" everywhere else). As Django's own date inputs do, these show the
first of the language's input formats (jumelage/formats), when they are rendered, and its
calendar picker writes the same; the form reads any of the language's formats back. A time the
clocks skip or pass twice is refused in that format too, saying why (`ReadersDateTimeField`)."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import gettext
from wagtail.admin.datetimepicker import to_datetimepicker_format
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput


class ReadersFormat:
    """For a Wagtail date widget given no format of its own: the active language's, each time it
    is rendered (Django's `format_value` reads it when `format` is empty)."""

    def __init__(self, attrs=None, format=None, **kwargs):
        super().__init__(attrs=attrs, format=format, **kwargs)
        self.format = format

    def readers_format(self):
        return self.format or get_format(self.format_key)[0]

    def get_config(self):
        return {**super().get_config(), "format": to_datetimepicker_format(self.readers_format())}


class ReadersDateInput(ReadersFormat, AdminDateInput):
    pass


class ReadersDateTimeInput(ReadersFormat, AdminDateTimeInput):
    pass


def wall_time_exists(moment, zone):
    """Whether the naive `moment` is a time the clocks of `zone` show (not skipped)."""
    there = moment.replace(tzinfo=zone).astimezone(datetime.UTC).astimezone(zone)
    return there.replace(tzinfo=None) == moment


def passed_twice(moment, zone):
    """Whether the clocks of `zone` show the naive `moment` twice (they went back past it)."""
    return moment.replace(tzinfo=zone, fold=0).utcoffset() != moment.replace(
        tzinfo=zone, fold=1
    ).utcoffset() and wall_time_exists(moment, zone)


class ReadersDateTimeField(forms.DateTimeField):
    """A date and time that the clocks skip (02:30 on the night summer time begins) or show twice
    (the night it ends) was refused by Django as "2027-03-28 02:30:00 couldn't be interpreted in
    time zone Europe/Amsterdam; it may be ambiguous or it may not exist": ISO, not as she wrote
    it, and not which. Here it is written as her language writes it, with what the clocks do
    that night and which times she may choose."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            if error.code != "ambiguous_timezone":
                raise
            moment = error.params["datetime"]
            zone = timezone.get_current_timezone()
            refusal = self.clocks_change_refusal(moment, zone)
            if refusal is None:
                raise
            raise ValidationError(refusal, code="ambiguous_timezone") from error

    @staticmethod
    def clocks_change_refusal(moment, zone):
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
        words = {
            "moment": moment.strftime(get_format("DATETIME_INPUT_FORMATS")[0]),
            "start": start.strftime("%H:%M"),
            "end": end.strftime("%H:%M"),
        }
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
