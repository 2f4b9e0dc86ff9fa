"""wagtail-localize's translations report, with its two language filters named in the editor's
language: its own labels come from the fields' names ("Source locale", "Target locale"), which no
catalogue translates, so both editors read them in English (walk of 2026-12-07); and in an order
of its own."""

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

    def get_queryset(self):
        """The newest translation first. wagtail-localize's list has no order: its pages may
        show a translation twice and another never (Django warned of it in the server's log,
        walk 10)."""
        return super().get_queryset().order_by("-created_at", "-pk")
