from collections import defaultdict

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page

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
