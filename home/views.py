from collections import defaultdict

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from community.models import SectorPage
from exchanges.models import StoryPage

from .models import StandardPage
from .urls_util import absolute_url


@require_GET
@cache_control(max_age=3600, public=True)
def sitemap(request):
    """Every published page of both language trees, with its translations as alternates.

    Wagtail's own sitemap covers only the default site's root, which is the Dutch home; the
    German home is its sibling, so the pages are taken from all trees here."""
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )
    entries = []
    by_key = defaultdict(list)
    for page in pages:
        url = page.get_url(request)
        if not url:
            continue
        entry = {
            "location": absolute_url(request, url),
            "lastmod": page.last_published_at,
            "language": page.locale.language_code,
            "alternates": by_key[page.translation_key],
        }
        by_key[page.translation_key].append(entry)
        entries.append(entry)
    return render(
        request, "sitemap.xml", {"entries": entries}, content_type="application/xml; charset=utf-8"
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /nl/accounts/",
        "Disallow: /de/accounts/",
        f"Sitemap: {absolute_url(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    """Site search in the language being read. Untranslated aliases are left out: their text is
    in the other language, and a visitor finds the original there."""
    query = request.GET.get("q", "").strip()[:200]
    results = None
    if query:
        written_here = Page.objects.filter(locale=Locale.get_active(), alias_of__isnull=True)
        pages = (
            Page.objects.live()
            .public()
            .type(StandardPage, SectorPage, StoryPage)
            .filter(id__in=written_here.values("id"))
            .specific()
        )
        results = Paginator(pages.search(query), SEARCH_RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
    return render(
        request,
        "home/search.html",
        {"query": query, "results": results, "query_string": urlencode({"q": query})},
    )
