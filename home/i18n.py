"""Which language versions a page has, for the language switcher, hreflang links and labels.

Locale synchronisation keeps an alias of every Dutch page in the German tree until an editor
translates it. An alias is reachable in the other language but its content is still Dutch, so it
is offered by the switcher and labelled with its real language, yet never announced as hreflang."""

from dataclasses import asdict, dataclass, replace
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.http import Http404, QueryDict
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import pgettext
from wagtail.models import Site
from wagtail_localize.models import TranslationSource

from .cache import language_code_of, locales, origin, remember
from .models import OverviewPage
from .translation_progress import untranslated_from
from .urls_util import absolute_url


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool
    is_translated: bool


def home_url(language_code):
    with translation.override(language_code):
        return reverse("wagtail_serve", args=("",))


def language_versions(request, page=None, homes=False):
    """One entry per site language: where this page (or view) lives in that language. A page's
    other versions keep the query parameters that mean the same there (see `same_query`). With
    `homes`, each language's home page (a page behind its password names nothing of itself)."""
    if page is not None and page.pk:
        language = translation.get_language()
        key = f"language-versions:{origin(request)}:{page.pk}:{language}"
        versions = remember(
            key,
            lambda: [asdict(version) for version in _language_versions(request, page)],
            build=lambda rows: [LanguageVersion(**row) for row in rows],
        )
        if request.GET:
            versions = [
                version
                if version.is_current or not version.url.startswith("/")
                else replace(
                    version,
                    url=_with_query(version.url, same_query(request.GET, version.code, page)),
                )
                for version in versions
            ]
        return versions
    return _language_versions(request, page, homes)


# Query parameters of the listings whose values are the same in every language: the calendar's
# view, month and page, a story year, a meeting format, a search; a town's slug is the same in
# every language (see `Town`).
KEPT_PARAMETERS = ("view", "month", "page", "year", "format", "town", "q")
# The filters whose values are words of a language, which an overview translates or drops.
TRANSLATED_FILTERS = ("sector", "tag")


def same_query(query, language_code, page):
    """The parameters of `query` that mean the same in `language_code`. An overview translates
    those whose values are words of a language (see `OverviewPage.query_in_language`: a sector
    is the slug of its page); the rest, a tag (a word of the stories' language) or an unknown
    parameter, is dropped. A page number of a listing whose filter is dropped is dropped too:
    the other language's unfiltered listing has other stories on that page, or fewer pages."""
    kept = [(name, query[name]) for name in KEPT_PARAMETERS if query.get(name)]
    if isinstance(page, OverviewPage):
        kept[:0] = page.query_in_language(query, language_code)
    names = {name for name, _value in kept}
    if any(query.get(name) and name not in names for name in TRANSLATED_FILTERS):
        kept = [(name, value) for name, value in kept if name != "page"]
    return kept


def _with_query(url, parameters):
    return f"{url}?{urlencode(parameters)}" if parameters else url


def _language_versions(request, page, homes=False):
    current = translation.get_language()
    by_code = {}
    if page is not None and page.pk:
        # As the page's route found them (see HomePage.route), else from the database.
        found = getattr(page, "found_translations", None)
        for version in found if found is not None else page.get_translations(inclusive=True).live():
            by_code[language_code_of(version.locale_id)] = version

    versions = []
    for code, name in settings.LANGUAGES:
        version = by_code.get(code)
        if version is not None:
            url = version.get_url(request) or home_url(code)
            translated = version.alias_of_id is None
        elif page is not None and page.pk:
            url, translated = home_url(code), False
        elif homes or getattr(request, "not_found", False):
            # Nothing is at this address: nor at its other language's (walk of 2026-12-05,
            # W12: the German link of a Dutch 404 led to another 404). That language's home.
            url, translated = home_url(code), True
        else:
            url, translated = _view_in_language(request, code), True
        versions.append(
            LanguageVersion(
                code=code,
                name=name,
                url=url,
                absolute_url=absolute_url(request, url),
                is_current=code == current,
                is_translated=translated,
            )
        )
    return versions


# The annotation `with_source_locale` gives pages: the locale of the page an alias shows.
SOURCE_LOCALE = "alias_source_locale_id"


def with_source_locale(pages):
    """`pages` (a queryset) with the locale of the page each alias shows in its row, for
    `content_language`: one column of a join, not the whole source page read along."""
    return pages.annotate(**{SOURCE_LOCALE: models.F("alias_of__locale_id")})


def page_at(request, address):
    """The page an address of the site shows (`/nl/verhalen/fietsen/`): its language prefix names
    the tree (the translation of the Site's root in that language), the rest the page in it, as
    its route finds it (its view restrictions not checked); None when it shows no page. An
    address with a NUL character shows none (PostgreSQL refuses it in a text: attack 22, F5)."""
    if "\x00" in address:
        return None
    components = [part for part in urlsplit(address).path.split("/") if part]
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if components and components[0] in dict(settings.LANGUAGES):
        locale = locales().get(components.pop(0))
        root = root.get_translation_or_none(locale) if locale else None
        if root is None:
            return None
    try:
        return root.specific.route(request, components)[0]
    except Http404:
        return None


def content_language(page):
    """The language a page's content is written in: an alias shows its source's language, and so
    does a translation with not one passage translated (home/translation_progress.py)."""
    if page is None:
        return translation.get_language()
    if page.alias_of_id:
        source_locale = getattr(page, SOURCE_LOCALE, None)
        return language_code_of(source_locale or page.alias_of.locale_id)
    # A translation published before any of it was translated: in its original's language.
    return untranslated_from(page) or language_code_of(page.locale_id)


def other_language(page):
    """The language `page`'s text is written in when it is not the language being read (an
    untranslated version, or what a member wrote in the other language), else "": for its
    `lang` attribute (WCAG 3.1.2)."""
    code = content_language(page)
    return "" if code == translation.get_language() else code


def source_versions(pages):
    """`pages` without the language versions made from another page (wagtail-localize's
    "Translate this page" copies the original with its owner: a member's draft translated by an
    editor is not a second draft of hers). Aliases are the caller's to leave out."""
    made_from_another = TranslationSource.objects.filter(
        object_id=models.OuterRef("translation_key")
    ).exclude(locale_id=models.OuterRef("locale_id"))
    return pages.exclude(models.Exists(made_from_another))


def is_source_version(page):
    """Whether `page` is the version its translations were made from (wagtail-localize keeps
    the source's locale), or has no translations at all. An alias is never the source."""
    if page.alias_of_id is not None:
        return False
    source = TranslationSource.objects.filter(object_id=page.translation_key).first()
    return source is None or source.locale_id == page.locale_id


# Wagtail's first migration names the top of the page tree "Root", and the admin shows that
# title in every editor's breadcrumbs and explorer. It stays "Root" in the database; in memory it
# reads in the editor's admin language.
ROOT_TITLE = "Root"


def _marked_for_makemessages():
    """Never called: makemessages finds only literal strings."""
    return pgettext("top of the page tree", "Root")


def translate_root_title(sender, instance, **kwargs):
    if instance.__dict__.get("depth") == 1 and instance.__dict__.get("title") == ROOT_TITLE:
        instance.title = instance.draft_title = pgettext("top of the page tree", ROOT_TITLE)


def keep_root_title(sender, instance, **kwargs):
    if instance.depth == 1 and instance.title == pgettext("top of the page tree", ROOT_TITLE):
        instance.title = instance.draft_title = ROOT_TITLE


def translate_the_root_page():
    """The root is a plain `Page` (never a specific one), so only those are looked at."""
    from django.db.models.signals import post_init, pre_save
    from wagtail.models import Page

    post_init.connect(translate_root_title, sender=Page, dispatch_uid="jumelage_root_title")
    pre_save.connect(keep_root_title, sender=Page, dispatch_uid="jumelage_root_title")


def live_translation(page, code):
    """The live version of `page` in language `code` (itself when it is in that language), or
    None."""
    locale = locales().get(code)
    version = page.get_translation_or_none(locale) if locale is not None else None
    return version if version is not None and version.live else None


def _view_in_language(request, code):
    """The address of this view (not a page) in language `code`, with its query; a `next`
    address (where a login or sign-up returns to) leads to that language's version too."""
    query = request.GET.copy()
    if "next" not in query and request.method == "POST" and request.POST.get("next"):
        # A form sent back with its errors (a mistyped password) keeps `next` in the form, not
        # in its address: the other language's version still leads there.
        query["next"] = request.POST["next"]
    if "next" in query and code != translation.get_language():
        query["next"] = in_language(request, query["next"], code)
    if query == request.GET:
        return translate_url(request.get_full_path(), code)
    return f"{translate_url(request.path, code)}?{query.urlencode(safe='/')}"


def in_language(request, address, code):
    """`address`, a path of this site in one language, as its version in `code`: a page's
    translation (or the home page when it has none), a view's address with that language's
    prefix. Anything else, unchanged."""
    parts = urlsplit(address)
    language = translation.get_language_from_path(parts.path)
    if parts.scheme or parts.netloc or language is None or language == code:
        return address
    with translation.override(language):
        try:
            match = resolve(parts.path)
        except Resolver404:
            return address
        if match.url_name != "wagtail_serve":
            return translate_url(address, code)
        site = Site.find_for_request(request)
        if site is None:
            return address
        # Wagtail's serve view takes the path as its one positional argument.
        path = match.args[0] if match.args else match.kwargs.get("path", "")
        components = [part for part in path.split("/") if part]
        try:
            page = site.root_page.localized.specific.route(request, components).page
        except Http404:
            return address
    version = live_translation(page, code)
    if version is None:
        return home_url(code)
    # The parameters that mean the same there, as the language switcher keeps them.
    query = same_query(QueryDict(parts.query), code, page.specific)
    return _with_query(version.get_url(request) or home_url(code), query)
