"""wagtail-localize's translations report, with its two language filters named in the editor's
language: its own labels come from the fields' names ("Source locale", "Target locale"), which no
catalogue translates, so both editors read them in English (walk of 2026-12-07)."""

from django.utils.translation import gettext_lazy as _
from wagtail_localize.views.report import TranslationsReportFilterSet, TranslationsReportView

LANGUAGE_FILTERS = {"source_locale": _("Source language"), "target_locale": _("Target language")}


class TranslationsReportFilters(TranslationsReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in LANGUAGE_FILTERS.items():
            self.filters[name].label = label


class TranslationsReport(TranslationsReportView):
    filterset_class = TranslationsReportFilters
