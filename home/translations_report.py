"""wagtail-localize's translations report, with its two language filters named in the editor's
language: its own labels come from the fields' names ("Source locale", "Target locale"), which no
catalogue translates, so both editors read them in English (walk of 2026-12-07); in an order of
its own; its pages' count naming translations in the editor's language."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.paginator import WagtailPaginator
from wagtail_localize.views.report import TranslationsReportFilterSet, TranslationsReportView

LANGUAGE_FILTERS = {"source_locale": _("Source language"), "target_locale": _("Target language")}


class TranslationsReportFilters(TranslationsReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in LANGUAGE_FILTERS.items():
            self.filters[name].label = label


class TranslationsPaginator(WagtailPaginator):
    """Counts "52 vertalingen", "52 Übersetzungen": Wagtail's paginator names the items by their
    model, and wagtail-localize's translation model has no name a catalogue translates ("52
    translations" in both admins, walk 11)."""

    verbose_name = _("translation")
    verbose_name_plural = _("translations")


class TranslationsReport(TranslationsReportView):
    filterset_class = TranslationsReportFilters
    paginator_class = TranslationsPaginator

    def get_queryset(self):
        """The newest translation first. wagtail-localize's list has no order: its pages may
        show a translation twice and another never (Django warned of it in the server's log,
        walk 10)."""
        return super().get_queryset().order_by("-created_at", "-pk")
