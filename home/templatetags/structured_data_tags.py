"""Open Graph tags of every page and the home page's JSON-LD (home/structured_data.py)."""

from django import template
from django.utils.translation import gettext as _

from home import i18n
from home.structured_data import (
    OPEN_GRAPH_LOCALES,
    default_sharing_image,
    foundations_data,
    json_ld_script,
    sharing_image,
    site_name,
)
from home.templatetags.jumelage_tags import language_versions, shared_url, site_chrome
from home.urls_util import absolute_url

register = template.Library()


@register.filter
def page_description(page):
    """What a page says about itself in a line: its search description, else its introduction
    (stories, meetings, visits) or purpose (sectors)."""
    return (
        page.search_description or getattr(page, "intro", "") or getattr(page, "purpose", "") or ""
    )


@register.inclusion_tag("includes/open_graph.html", takes_context=True)
def open_graph(context):
    """The Open Graph tags of a page, or of a view without a page (search, accounts, the
    calendar's month views): title, description, address, language and the other languages it
    is read in, and a picture (the page's own, else the site's sharing graphic)."""
    request, page = context["request"], context.get("page")
    has_page = page is not None and bool(page.pk)
    language = i18n.content_language(page if has_page else None)
    others = [
        OPEN_GRAPH_LOCALES[version.code]
        for version in language_versions(context)
        if version.is_translated and version.code != language and version.code in OPEN_GRAPH_LOCALES
    ]
    platform = _(
        "A platform of the twinning foundations of Steenwijkerland and Herzebrock-Clarholz."
    )
    is_article = getattr(page, "contribution_kind", "") == "story"
    return {
        "og_type": "article" if is_article else "website",
        "title": (page.seo_title or page.title) if has_page else site_name(),
        "description": page_description(page) if has_page else platform,
        # What a visitor shares is the page they read (an untranslated alias: its own address).
        "url": shared_url(context) if has_page else absolute_url(request, request.path),
        "site_name": site_name(),
        "locale": OPEN_GRAPH_LOCALES.get(language, OPEN_GRAPH_LOCALES["nl"]),
        "alternate_locales": others,
        "image": (sharing_image(request, page) if has_page else None)
        or default_sharing_image(request),
        "published": page.date if is_article else None,
    }


@register.simple_tag(takes_context=True)
def foundations_json_ld(context):
    """Both twinning foundations as schema.org Organizations, from the footer's data (read once
    per request, kept in the content cache)."""
    foundations = site_chrome(context)["foundations"]
    return json_ld_script(foundations_data(foundations)) if foundations else ""
