"""The page view."""

from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from .cache import find_site, remember


def serve(request, path):
    """Wagtail's page view, with the page a URL leads to taken from the content cache.

    Wagtail walks the tree one query per level (two with the specific page) to find a page, and
    the page then fetches what it shows; the page at a URL in a language only changes when pages
    are published, moved or deleted, which starts a new content generation. The cache keeps the
    page with what `for_page_view()` fetches with it, and each request gets its own copy of it.
    Wagtail's own hooks and checks run as before."""
    site = find_site(request)
    if site is not None:
        key = f"page-at:{site.pk}:{translation.get_language()}:{path}"
        page = remember(key, lambda: _routed_page(request, path), shared=False)
        if page is not None:
            request._wagtail_route_for_request = RouteResult(page)
    return wagtail_views.serve(request, path)


def _routed_page(request, path):
    """The page a path leads to, if it is a page itself rather than a route inside one."""
    result = Page.route_for_request(request, path)
    if result is None or result.args or result.kwargs:
        return None
    pages = result.page.specific_class.objects.filter(pk=result.page.pk, live=True)
    return getattr(pages, "for_page_view", pages.all)().first()
