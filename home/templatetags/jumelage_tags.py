from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home import i18n
from home.urls_util import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The page's (or view's) versions per language, computed once per request."""
    request = context["request"]
    page = context.get("page")
    cached = getattr(request, "_jumelage_language_versions", None)
    if cached is None or cached[0] != getattr(page, "pk", None):
        cached = (getattr(page, "pk", None), i18n.language_versions(request, page))
        request._jumelage_language_versions = cached
    return cached[1]


@register.simple_tag
def content_language(page):
    return i18n.content_language(page)


@register.filter
def language_name(code):
    """The name of a language in the reader's language, e.g. 'Dutch' or 'Niederländisch'."""
    label = settings.JUMELAGE_LANGUAGE_LABELS.get(code)
    return label if label is not None else code


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The home page of the language being read."""
    request = context["request"]
    cached = getattr(request, "_jumelage_home", None)
    if cached is None:
        site = Site.find_for_request(request)
        cached = None
        if site is not None:
            locale = Locale.objects.filter(language_code=translation.get_language()).first()
            root = site.root_page
            if locale is not None and root.locale_id != locale.pk:
                root = root.get_translation_or_none(locale) or root
            cached = root
        request._jumelage_home = cached
    return cached


@register.simple_tag(takes_context=True)
def menu_pages(context):
    home = localized_home(context)
    if home is None:
        return Page.objects.none()
    return home.get_children().live().in_menu()


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's own address; for an untranslated alias, the address of its source."""
    page = context.get("page")
    if page is None or not page.pk:
        return ""
    source = page.alias_of if page.alias_of_id else page
    url = source.get_url(context["request"])
    return absolute_url(context["request"], url) if url else ""


@register.simple_tag(takes_context=True)
def absolute(context, path):
    """An absolute URL on the requested host, e.g. for Open Graph images."""
    return absolute_url(context["request"], path)


@register.simple_tag
def absolute_url_for_email(path):
    """An absolute URL where there is no request, as in an email."""
    return absolute_url(None, path or "/")
