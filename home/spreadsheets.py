"""CSV exports of the admin that a spreadsheet cannot mistake for formulas.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by
Excel and LibreOffice when the file is opened: a member whose name is `=HYPERLINK(…)` would put a
link, or worse, into the editor's spreadsheet. Such cells get an apostrophe in front, as OWASP
recommends (a spreadsheet shows the text as typed). Wagtail writes every CSV export of the admin
(our registrations, its own reports of pages, workflows and history) through one mixin, and its
XLSX exports already store such cells as text, so the CSV side of that mixin is the one place to
do it for all of them.

Excel on Windows opens a CSV file without a byte-order mark as Windows-1252: a German editor read
"ErlÃ¤uterung" for "Erläuterung". Every CSV export starts with the UTF-8 one (`BOM`), which Excel
and LibreOffice take as the encoding and do not show.

The CSV is streamed: its rows are written after the view returned, when Wagtail no longer holds
the editor's admin language and time zone, so a German editor read Dutch headings (the language
the request asked for). Each row is written under the language and time zone of the view.

Dutch and German Excel split a CSV file at semicolons (their list separator), not at commas: every
row was one cell. An admin in Dutch or German downloads CSV separated by semicolons (`separator`);
formulas are neutralised after either separator, whichever a spreadsheet splits the file at.

A cell says what the listing above the download buttons shows, not what is stored: a choice by
its label in the admin's language ("Op de wachtlijst", not "waitlisted"), as Wagtail's columns
show it, and a moment in the admin's time zone to the minute, where Wagtail wrote UTC (an
editor read 17:00 for a meeting at 19:00). A view that prepares a field itself
(`custom_field_preprocess`) keeps its own way.

A download is named after its listing in the admin's language, with the day it was made
("aanmeldingen-2026-12-04.xlsx", "alternde-seiten-2026-12-04.csv"), and its Excel sheet after
the listing: Wagtail named every file "spreadsheet-export", after a database table or in English
("workflow-report-…", "audit-log-…"), and every sheet "Sheet1"."""

import csv
import datetime
import itertools
import re

from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.admin.views.mixins import Echo, ExcelDateFormatter, SpreadsheetExportMixin
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView

from .urls_util import GERMAN_LETTERS

BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A spreadsheet whose list separator is not the file's splits the file at its own, which the CSV
# writer leaves unquoted (Excel in English opens a Dutch admin's file at its commas, Dutch Excel
# an English one at its semicolons): there each part after one is a cell of its own, and each
# line of a value with line breaks a row of its own; a quote the writer doubled may open the cell.
#
# The start of a value is read as the start after a separator: a spreadsheet that trims leading
# spaces (any Unicode space: no-break, ideographic) reads " =1" as a formula, and one in an East
# Asian language takes the full-width signs for the ASCII ones (attack of 2026-12-04).
FORMULA_AFTER_SEPARATOR = re.compile(r'((?:^|[,;\r\n])\s*"*)(?=[=+\-@＝＋－＠])')
SEMICOLON_LANGUAGES = ("nl", "de")
# Excel refuses a sheet name longer than 31 characters or with one of these.
SHEET_NAME_LENGTH = 31
NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def separator():
    """The CSV separator of the current (admin) language's Excel: Dutch and German Excel take
    the semicolon, the comma being their decimal sign."""
    language = (translation.get_language() or "").split("-")[0]
    return ";" if language in SEMICOLON_LANGUAGES else ","


# Wagtail's reports that name their downloads themselves, in English ("workflow-report-…",
# "audit-log-…"), past the mixin's `get_filename`.
SELF_NAMED_REPORTS = (WorkflowView, WorkflowTasksView, LogEntriesView, LockedPagesView)

# Wagtail's workflow reports name no heading for some of their columns, and their rows are a list,
# not a query, so Wagtail finds no model to ask for one: an editor read "requested_by". These are
# the headings of the reports' own listings.
WORKFLOW_REPORT_HEADINGS = {
    WorkflowView: {"workflow": _("Workflow"), "requested_by": _("Requested by")},
    WorkflowTasksView: {
        "task": _("Task"),
        "started_at": _("Started at"),
        "finished_at": _("Completed at"),
        "finished_by": _("Completed by"),
    },
}


def neutralised(value):
    """A CSV cell's value that no spreadsheet evaluates, split at commas, at semicolons or at
    line breaks; numbers and dates stay what they are."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_PREFIXES):
        value = "'" + value
    return FORMULA_AFTER_SEPARATOR.sub(r"\1'", value)


def storable(value):
    """An XLSX cell's value that openpyxl accepts: it refuses control characters (a form feed
    pasted from a document into a report's message), and the download was a server error."""
    if not isinstance(value, str):
        return value
    return ILLEGAL_CHARACTERS_RE.sub(" ", value)


def listing_name(view):
    """The listing's heading in the admin's language, as the page above the download says it."""
    return str(view.get_page_title() or view.export_filename)


def file_name(view):
    """A download's name without extension: its listing's, and the day. ASCII (browsers and mail
    clients mangle the rest), German letters written out, not dropped ("Ubersetzungen")."""
    name = slugify(listing_name(view).lower().translate(GERMAN_LETTERS)) or "export"
    return f"{name}-{timezone.localdate():%Y-%m-%d}"


def sheet_name(view):
    """The Excel sheet's name: its listing's, as far as Excel takes it."""
    name = NOT_IN_SHEET_NAMES.sub(" ", listing_name(view)).strip()
    return name[:SHEET_NAME_LENGTH].strip() or "Export"


def csv_rows(view, queryset, delimiter):
    """Wagtail's `stream_csv`, with the separator of the admin's language."""
    writer = csv.DictWriter(Echo(), fieldnames=view.list_export, delimiter=delimiter)
    yield writer.writerow({field: view.get_heading(queryset, field) for field in view.list_export})
    for item in queryset:
        yield view.write_csv_row(writer, view.to_row_dict(item))


def held(rows, language, zone):
    """The rows of a streamed CSV, each written in `language` and time zone `zone`."""
    while True:
        with translation.override(language), timezone.override(zone):
            row = next(rows, None)
        if row is None:
            return
        yield row


def as_listed(moment):
    """A moment in the current time zone to the minute, as a listing shows it, without the
    time zone, which Excel cannot store."""
    return timezone.localtime(moment).replace(tzinfo=None, second=0, microsecond=0)


def protect_csv_exports():
    """Makes Wagtail's spreadsheet exports pass every CSV cell through `neutralised` and every
    XLSX cell through `storable`, write their CSV in the admin's language and time zone with its
    `separator`, after a `BOM`, and say choices and moments as the listings do (both formats),
    under the listings' headings, in a file and sheet named after the listing."""
    if getattr(SpreadsheetExportMixin, "formula_safe", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value
    to_row_dict = SpreadsheetExportMixin.to_row_dict

    def row_as_listed(self, item):
        row = to_row_dict(self, item)
        for field in row:
            label = getattr(item, f"get_{field}_display", None)
            if label is not None and field not in self.custom_field_preprocess:
                row[field] = label()
        return row

    def preprocess_field_value(self, field, value, export_format):
        own = export_format in self.custom_field_preprocess.get(field, {})
        if isinstance(value, datetime.datetime) and timezone.is_aware(value) and not own:
            value = as_listed(value)
            return f"{value:%Y-%m-%d %H:%M}" if export_format == self.FORMAT_CSV else value
        value = preprocess(self, field, value, export_format)
        if export_format != self.FORMAT_CSV:
            return storable(value)
        return neutralised(value)

    def stream_csv(self, queryset):
        language, zone = translation.get_language(), timezone.get_current_timezone()
        # Not a generator itself: the language and time zone are read now, in the view.
        rows = csv_rows(self, queryset, separator())
        return itertools.chain([BOM], held(rows, language, zone))

    def write_xlsx(self, queryset, output):
        # Wagtail's, with the sheet named after the listing.
        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=sheet_name(self))
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            row = self.to_row_dict(item)
            worksheet.append(self.generate_xlsx_row(worksheet, row, date_format=date_format))
        workbook.save(output)

    SpreadsheetExportMixin.get_filename = file_name
    SpreadsheetExportMixin.write_xlsx = write_xlsx
    SpreadsheetExportMixin.to_row_dict = row_as_listed
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.stream_csv = stream_csv
    SpreadsheetExportMixin.formula_safe = True
    for view in SELF_NAMED_REPORTS:
        view.get_filename = file_name
    for view, headings in WORKFLOW_REPORT_HEADINGS.items():
        view.export_headings = {**view.export_headings, **headings}
