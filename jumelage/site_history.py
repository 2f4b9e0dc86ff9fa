"""Wagtail's site history lists what was done to every page the reader may explore: an editor of
several parts of the tree, whom the explorer leads through the pages above them, read their
histories there (who edited them, their drafts' titles, who sent them for review, who asked for
which changes), which their own history pages refuse her (outsider's attack of 2026-12-07, F2).
Here it lists, of the pages still in the tree, those within her rights
(`roles.pages_within_rights`); the history of everything else stays as Wagtail lists it."""

from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import PageLogEntry

from community import roles


class SiteHistoryWithinRights(LogEntriesView):
    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is not PageLogEntry:
            return queryset
        user = self.request.user
        above = roles.explorable_pages(user).exclude(
            pk__in=roles.pages_within_rights(user).values("pk")
        )
        return queryset.exclude(page_id__in=above.values("pk"))
