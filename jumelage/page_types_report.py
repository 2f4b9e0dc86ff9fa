"""Wagtail's "Page types usage" report names, for each page type, the page edited last: of the
whole tree, whoever reads it. An editor of one part of the tree read another part's drafts and
private pages there (attack 30, F5). Here it names the page edited last among those the reader
may choose in the page chooser (`roles.pages_shown_for_linking`: her part and every page
published to everyone), in the report's language and site as filtered; one outside her rights
(`roles.pages_within_rights`: the pages above them, which the explorer leads an editor of several
parts through, too; attack 33, F2) by its published title, not its draft's."""

from django.db.models import F
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

from community import roles


class PageTypesUsageShownForLinking(PageTypesUsageReportView):
    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        user = self.request.user
        if user.is_superuser:
            return page_types
        shown = roles.pages_shown_for_linking(user)
        within = roles.pages_within_rights(user)
        filtered = self.filters.form.cleaned_data if self.filters is not None else {}
        if filtered.get("page_locale"):
            shown = shown.filter(locale__language_code=filtered["page_locale"])
        if filtered.get("site"):
            shown = shown.filter(path__startswith=filtered["site"])
        # Which of the pages Wagtail found she may see, in one query (the rows are a page of
        # page types); another for each type whose page she may not, to find the one she may.
        found = {item.last_edited_page.pk for item in page_types if item.last_edited_page}
        visible = set(shown.filter(pk__in=found).values_list("pk", flat=True))
        for item in page_types:
            page = item.last_edited_page
            if page is not None and page.pk not in visible:
                page = (
                    shown.filter(content_type=item)
                    .order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
                    .specific()
                    .first()
                )
            item.last_edited_page = page
        named = {item.last_edited_page.pk for item in page_types if item.last_edited_page}
        own = set(within.filter(pk__in=named).values_list("pk", flat=True))
        for item in page_types:
            page = item.last_edited_page
            if page is not None and page.pk not in own:
                page.draft_title = page.title
        return page_types
