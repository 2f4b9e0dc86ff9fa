"""The admin's date and date-time fields in the format of the editor's language: Wagtail writes
them in one format for everyone (`WAGTAIL_DATE_FORMAT`, ISO by default: "2026-11-20" in the German
admin, which writes "20.11.2026" everywhere else). As Django's own date inputs do, these show the
first of the language's input formats (jumelage/formats), when they are rendered, and its
calendar picker writes the same; the form reads any of the language's formats back. A time the
clocks skip or pass twice is refused in that format too, saying why (home/clock_changes.py)."""

from django.utils.formats import get_format
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
