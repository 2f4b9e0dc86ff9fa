"""Every route of the page views under /admin/pages/ that names a page (`<id>/edit/`, `history/`,
`usage/`, `copy/`, `move/`, `revisions/…`, the explorer, adding below a page; ours in front of
Wagtail's, and any route Wagtail or a package adds there later), and any other admin route with
a page's id (wagtail-localize's, the page chooser's, a workflow's removal, machine translation;
attack 28), answers only about pages the user holds rights on (`with_page_rights`): any other
page is not found, as an id no page has (the page chooser browses an editor below the pages it
shows her: `CHOOSER_BROWSING`); the editor and the histories lead who may only decide the page's
review in progress (a moderator) to its preview (`review_instead`). The review routes
(/admin/pages/workflow/…) keep their own guards: a page's review, for who may decide it
(`with_review_rights`, `with_cancellation_rights`, `review_decisions`). The page editor's live
previews refuse its form without its StreamFields' counts, as saving it does. The tree's root is
no page any of them acts on (`not_on_the_root`)."""

from functools import update_wrapper, wraps

from django.core.exceptions import PermissionDenied
from django.urls import URLPattern, URLResolver
from wagtail.models import Page

from community.wagtail_hooks import (
    LED_TO_THE_REVIEW,
    PAGE_ID_KWARGS,
    page_shown_for_linking,
    page_within_rights,
    review_instead,
    with_page_rights,
)
from home.wagtail_hooks import previewed_stream_fields_sent_whole

ADMIN = "admin/"
PAGES = "admin/pages/"
REVIEWS = "admin/pages/workflow/"
# The page editor's live previews, which post its form (`previewed_stream_fields_sent_whole`).
PREVIEWS = ("preview_on_edit", "preview_on_add")


# Elsewhere in the admin, the arguments that name a page (wagtail-localize's, the page chooser's,
# the workflows' removal, machine translation): `pk` there names other objects.
NAMING_A_PAGE_ELSEWHERE = ("page_id", "parent_page_id", "page_pk")
# The page chooser's browsing below a page: below any page it shows an editor (public pages of
# other parts of the tree too, to link to them), as the listings it shows
# (`page_chooser_only_with_page_permissions`).
CHOOSER_BROWSING = "wagtailadmin_choose_page_child"
# The arguments by which a route under /admin/pages/ names the page it acts on (its editor, lock,
# move, history, revisions, ...); the explorer and the add views name a parent, a move its
# destination: the root may be either.
ACTING_ON = ("page_id", "page_to_move_id", "pk")


def names_a_page(route, pattern):
    arguments = set(pattern.pattern.regex.groupindex)
    if route.startswith(REVIEWS) or not route.startswith(ADMIN):
        return False
    if route.startswith(PAGES):
        return bool(set(PAGE_ID_KWARGS) & arguments)
    return bool(set(NAMING_A_PAGE_ELSEWHERE) & arguments)


def not_on_the_root(view):
    """A page view (`ACTING_ON`), refusing the tree's root: no page of the site, and nobody's to
    edit, lock, unlock or move. Wagtail's permission tester refuses the root most views (its
    editor, deletion, move, history), but lets an editor (and an administrator) lock, unlock
    and set the position of it, which then fail on its parent (it has none): a server error,
    the lock stored (attack 42). Refused before any view runs, each view Wagtail adds later
    too, as Wagtail refuses the others (its "no permission" answer), not as not found: the
    explorer shows the root to editors."""

    @wraps(view)
    def refusing_the_root(request, *args, **kwargs):
        named = [kwargs[name] for name in ACTING_ON if name in kwargs]
        if named and Page.objects.filter(pk__in=named, depth=1).exists():
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return refusing_the_root


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
            names = PAGE_ID_KWARGS if route.startswith(PAGES) else NAMING_A_PAGE_ELSEWHERE
            within = (
                page_shown_for_linking if pattern.name == CHOOSER_BROWSING else page_within_rights
            )
            view = pattern.callback
            if route.startswith(PAGES):
                view = not_on_the_root(view)
            if route.startswith(PAGES) and pattern.name in LED_TO_THE_REVIEW:
                view = review_instead(view)
            view = update_wrapper(with_page_rights(view, names, within), pattern.callback)
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
