"""CSV exports of the admin that a spreadsheet cannot mistake for formulas.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by
Excel and LibreOffice when the file is opened: a member whose name is `=HYPERLINK(…)` would put a
link, or worse, into the editor's spreadsheet. Such cells get an apostrophe in front, as OWASP
recommends (a spreadsheet shows the text as typed). Wagtail writes every CSV export of the admin
(our registrations, its own reports of pages, workflows and history) through one mixin, and its
XLSX exports already store such cells as text, so the CSV side of that mixin is the one place to
do it for all of them."""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    """A CSV cell's value that no spreadsheet evaluates; numbers and dates stay what they are."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def protect_csv_exports():
    """Makes Wagtail's spreadsheet exports pass every CSV cell through `neutralised`."""
    if getattr(SpreadsheetExportMixin, "formula_safe", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        return neutralised(value) if export_format == self.FORMAT_CSV else value

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.formula_safe = True
