"""Every route of the page views under /admin/pages/ that names a page (`<id>/edit/`, `history/`,
`usage/`, `copy/`, `move/`, `revisions/…`, the explorer, adding below a page; ours in front of
Wagtail's, and any route Wagtail or a package adds there later) answers only about pages the user
holds rights on (`with_page_rights`): any other page is not found, as an id no page has. The
review routes (/admin/pages/workflow/…) keep their own guards: a page's review, for who may
decide it (`with_review_rights`, `with_cancellation_rights`, `review_decisions`). The page
editor's live previews refuse its form without its StreamFields' counts, as saving it does."""

from functools import update_wrapper

from django.urls import URLPattern, URLResolver

from community.wagtail_hooks import PAGE_ID_KWARGS, with_page_rights
from home.wagtail_hooks import previewed_stream_fields_sent_whole

PAGES = "admin/pages/"
REVIEWS = "admin/pages/workflow/"
# The page editor's live previews, which post its form (`previewed_stream_fields_sent_whole`).
PREVIEWS = ("preview_on_edit", "preview_on_add")


def names_a_page(route, pattern):
    if not route.startswith(PAGES) or route.startswith(REVIEWS):
        return False
    return bool(set(PAGE_ID_KWARGS) & set(pattern.pattern.regex.groupindex))


def within_page_rights(patterns, prefix=""):
    """`patterns` (and those of their includes), each route that names a page under
    /admin/pages/ guarded by `with_page_rights` (once: Wagtail's patterns are its module's)."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            within_page_rights(pattern.url_patterns, route)
        elif (
            isinstance(pattern, URLPattern)
            and names_a_page(route, pattern)
            and not getattr(pattern.callback, "jumelage_page_rights", False)
        ):
            view = update_wrapper(with_page_rights(pattern.callback), pattern.callback)
            view.jumelage_page_rights = True
            pattern.callback = view
        if (
            isinstance(pattern, URLPattern)
            and route.startswith(PAGES)
            and pattern.name in PREVIEWS
            and not getattr(pattern.callback, "jumelage_stream_fields", False)
        ):
            view = update_wrapper(
                previewed_stream_fields_sent_whole(pattern.callback), pattern.callback
            )
            view.jumelage_stream_fields = True
            pattern.callback = view
    return patterns
