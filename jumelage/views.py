"""The site's own views that look across the apps: search, the sitemap and robots.txt."""

import posixpath
import re
from collections import defaultdict

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext as _
from django.views import defaults, static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe
from wagtail import views as wagtail_views
from wagtail.admin.views.account import LogoutView as WagtailLogoutView
from wagtail.documents import get_document_model
from wagtail.documents.views import serve as document_views
from wagtail.models import Page, PageViewRestriction

from community.models import SectorIndexPage, SectorPage
from community.models.newsletter import without_unsent_newsletters
from community.uploads import KEPT_FOLDER
from exchanges.models import MeetingPage, StoryIndexPage, StoryPage, VisitPage
from home.cache import (
    SEARCH,
    active_locale,
    content_only,
    language_code_of,
    locales,
    shows_kinds,
    shows_query,
)
from home.i18n import page_at
from home.middleware import is_admin_address
from home.models import StandardPage
from home.ratelimit import limit_exceeded, seconds_to_wait, too_many_requests
from home.urls_util import absolute_url
from home.validators import without_control_characters
from home.visibility import public, restrictions_over
from jumelage.search import search_backend


@require_GET
@content_only
@cache_control(max_age=3600, public=True)
def sitemap(request):
    """Every published page of both language trees, with its translations as alternates.

    Wagtail's own sitemap covers only the default site's root, which is the Dutch home; the
    German home is its sibling, so the pages are taken from all trees here."""
    pages = (
        without_unsent_newsletters(public(Page.objects.live()))
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


def search_paths():
    """The search page of each language, as the URL resolver has it."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("search"))
    return paths


@require_GET
@content_only
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /nl/accounts/",
        "Disallow: /de/accounts/",
        # Anyone can make a search page with ?q=: none of them is for search engines.
        *(f"Disallow: {search_path}" for search_path in search_paths()),
        f"Sitemap: {absolute_url(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


ADMIN_NOT_FOUND = "wagtailadmin/404.html"


def page_not_found(request, exception):
    """Django's 404 page (templates/404.html), whose language switcher leads to the home page of
    the other language: the address that was not found has no version there either. Under
    /admin/ the admin's own, as Wagtail answers for its views, with the way back to the
    dashboard (our views there, and addresses no route takes)."""
    if is_admin_address(request):
        response = defaults.page_not_found(request, exception, template_name=ADMIN_NOT_FOUND)
        # For the signed-in reader alone, as every admin answer (jumelage/urls.py): a view
        # that raises Http404 answers without its never_cache.
        add_never_cache_headers(response)
        return response
    request.not_found = True
    return defaults.page_not_found(request, exception)


def media_file(request, path, document_root=None):
    """`make run`'s media folder (DEBUG), as the proxy or the bucket serves it in production:
    not the photos kept for members' forms (`KEPT_FOLDER`), which only `kept_photo` shows, to
    the member's own session, nor the documents (Wagtail's `documents/`), which only Wagtail's
    serve view (/documents/<id>/<name>) gives, to those who may read them: a document in a
    collection with a password or for logged-in members only was open to anyone here."""
    # In any case: on a case-insensitive filesystem (macOS, Windows) "Pending" is the folder.
    where = posixpath.normpath(path).lstrip("/").casefold()
    for folder in (KEPT_FOLDER, documents_folder()):
        if where == folder or where.startswith(f"{folder}/"):
            raise Http404
    return static.serve(request, path, document_root=document_root)


def documents_folder():
    """Where Wagtail stores documents in the media storage ("documents")."""
    return get_document_model()._meta.get_field("file").upload_to.strip("/").casefold()


@require_safe
def favicon(request):
    """Browsers ask every site for /favicon.ico, whatever its pages link: the site's icon.
    Permanent, so to the icon's address that every release keeps (not the hashed one of
    `static()`, which the next release may no longer have)."""
    return HttpResponsePermanentRedirect(f"{settings.STATIC_URL}img/favicon.svg")


def to_the_login(query):
    """The site's login, with the query (its `next`) kept."""
    return HttpResponseRedirect(
        reverse("account_login") + (f"?{query.urlencode()}" if query else "")
    )


def admin_login(request):
    """Wagtail's own login address (bookmarked, typed): the site's login, which leads back into
    the admin afterwards (`next`), not to the member's page (walk of 2026-12-05, W7). A `next`
    given along is kept; allauth accepts only one on this site. Any method: Wagtail's login
    form posted here."""
    query = request.GET.copy()
    query.setdefault("next", reverse("wagtailadmin_home"))
    return to_the_login(query)


wagtail_logout = WagtailLogoutView.as_view()


def admin_logout(request):
    """The admin's "Log out": its form (POST) signs the editor out by Wagtail's view. Any other
    method is refused and leaves her signed in: Wagtail's view deleted the session cookie for
    every method (answering a GET 405), so any site's link or image signed an editor out."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return wagtail_logout(request)


def frontend_login(request):
    """Where Wagtail sends a visitor of a page only members (or a group) may read
    (WAGTAIL_FRONTEND_LOGIN_URL), and its own login form's address: the site's login, with its
    `next`, telling why. Wagtail's form logged in an account whose address was never confirmed
    and counted no failed attempt (walk of 2026-12-05, F2); the login page said nothing of the
    page asked for (second walk, F4). Any method is sent on.

    Someone logged in comes here from a page of a group she is not in: the login sent her back
    to the page, and the page here, without end (walk 17b, F1). She is told the page is for a
    group, with a 403."""
    if request.user.is_authenticated:
        return render(request, "private_page_forbidden.html", status=403)
    kinds = restriction_kinds_at(request, request.GET.get("next", ""))
    if PageViewRestriction.GROUPS in kinds and PageViewRestriction.LOGIN not in kinds:
        message = _("This page is for the members of a particular group. Log in if you are one.")
    else:
        message = _("This page is for members only. Log in to read on, or become a member.")
    messages.info(request, message)
    return to_the_login(request.GET)


def restriction_kinds_at(request, address):
    """The kinds of view restriction over the page at `address` (a path of this site, as Wagtail
    gives it in `next`), or none when it is no page of the site."""
    page = page_at(request, address)
    if page is None:
        return set()
    return {restriction.restriction_type for restriction in restrictions_over(page)}


# Passwords of private pages (Wagtail's "Privacy") and of documents in a collection with a
# password: tries per visitor (address, or account) in ten minutes, for all such pages and
# documents together; the right one waits too once they are used up.
PAGE_PASSWORD_TRIES = 10
PAGE_PASSWORD_PERIOD = 600


def password_tries_used_up(request):
    """Whether this POST is one more password try than PAGE_PASSWORD_TRIES, per account and per
    address: held per account only, a visitor who had used up her address's tries had ten more
    with each account she logged in with (second pass of attack 16, F3)."""
    if request.method != "POST":
        return False
    tries = {"limit": PAGE_PASSWORD_TRIES, "period": PAGE_PASSWORD_PERIOD}
    exceeded = limit_exceeded(request, "page_password", **tries)
    if request.user.is_authenticated:
        exceeded |= limit_exceeded(request, "page_password", by_address=True, **tries)
    return exceeded


def page_password(request, *args, **kwargs):
    """Wagtail's password check of a page, held to PAGE_PASSWORD_TRIES."""
    if password_tries_used_up(request):
        return too_many_requests(request, seconds_to_wait(PAGE_PASSWORD_PERIOD), passwords=True)
    return wagtail_views.authenticate_with_password(request, *args, **kwargs)


def document_password(request, *args, **kwargs):
    """Wagtail's password check of a document, held to the same tries as a page's: it counted
    none, so a document's password could be guessed without end (attack 33)."""
    if password_tries_used_up(request):
        return too_many_requests(
            request, seconds_to_wait(PAGE_PASSWORD_PERIOD), passwords="document"
        )
    return document_views.authenticate_with_password(request, *args, **kwargs)


SEARCH_RESULTS_PER_PAGE = 10
# settings.SEARCHES_PER_TEN_MINUTES (see the README's Security): per account or address.
SEARCH_PERIOD = 600

# What a visitor can find, and what each is called in the results.
SEARCH_RESULT_KINDS = {
    MeetingPage: ("meeting", pgettext_lazy("search result", "Meeting")),
    StoryPage: ("story", pgettext_lazy("search result", "Story")),
    VisitPage: ("visit", pgettext_lazy("search result", "Exchange visit")),
    SectorPage: ("sector", pgettext_lazy("search result", "Sector community")),
    StandardPage: ("page", pgettext_lazy("search result", "Page")),
}


SEARCH_MAX_LENGTH = 200


def search_text(typed):
    """What of a visitor's search is searched for, and shown back: without control characters
    and at most SEARCH_MAX_LENGTH characters, so that a long query costs the search backend's
    parser no more than a short one (hundreds of words overflowed its recursion). The open data
    API's `search=` is limited so too (jumelage/api.py)."""
    text = without_control_characters(typed).strip()
    head = text[:SEARCH_MAX_LENGTH]
    if len(text) > SEARCH_MAX_LENGTH and not text[SEARCH_MAX_LENGTH].isspace():
        # Not half a word: searched as a word of its own, it would find nothing.
        kept = head.rsplit(None, 1)
        if len(kept) == 2:
            head = kept[0]
    return head


def search_words(query):
    """The words of what a visitor typed, for the search backend. Its query syntax (quotes,
    operators, brackets) is not the visitor's to use: a stray quote broke SQLite's full-text
    search, and the backends split words at punctuation anyway."""
    return " ".join(re.findall(r"\w+", query))


def search_pages(words, locale):
    """The public, live pages of a locale that match the words, read in its language: those
    written in it and those shown there in the other language (the alias of an untranslated page,
    a German member's story on the Dutch site), once each: a locale has one version of a page."""
    here = Page.objects.filter(locale=locale)
    pages = (
        public(Page.objects.live())
        .type(*SEARCH_RESULT_KINDS)
        .filter(id__in=here.values("id"))
        .specific()
    )
    return search_backend(locale.language_code).search(words, pages)


def search_results(pages):
    """The results shown: each page with its kind and, when it is shown in the other language,
    that language's code (the originals' locales of the aliases among them in one query)."""
    originals = [page.alias_of_id for page in pages if page.alias_of_id]
    locale_of = (
        dict(Page.objects.filter(pk__in=originals).values_list("pk", "locale_id"))
        if originals
        else {}
    )
    results = []
    for page in pages:
        kind, label = SEARCH_RESULT_KINDS[type(page)]
        language = language_code_of(locale_of.get(page.alias_of_id))
        results.append({"page": page, "kind": kind, "label": label, "language": language})
    return results


def other_language_results(words, query):
    """How many pages each other language would find, for a search that found nothing here."""
    found = []
    here = active_locale()
    for locale in locales().values():
        if locale == here:
            continue
        count = search_pages(words, locale).count()
        if count:
            with translation.override(locale.language_code):
                url = reverse("search")
            found.append(
                {
                    "language_code": locale.language_code,
                    "language": get_language_info(locale.language_code)["name_translated"],
                    "count": count,
                    "url": f"{url}?{urlencode({'q': query})}",
                }
            )
    return found


@require_GET
@content_only
def search(request):
    """Site search in the language being read: meetings, stories, sector communities and pages.
    When nothing is found, it says how many results the other language has."""
    query = search_text(request.GET.get("q", ""))
    limit = settings.SEARCHES_PER_TEN_MINUTES
    if query and limit_exceeded(request, "search", limit=limit, period=SEARCH_PERIOD):
        return too_many_requests(request, seconds_to_wait(SEARCH_PERIOD), searching=True)
    results = None
    elsewhere = []
    if query:
        words = search_words(query)
        found = search_pages(words, active_locale()) if words else Page.objects.none()
        results = Paginator(found, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        results.object_list = search_results(results.object_list)
        if words and not results.object_list:
            elsewhere = other_language_results(words, query)
    # Where to look instead, as links (walk 17: on a phone, whose menu hides the navigation,
    # the words named the overviews and led nowhere).
    overviews = (
        {
            "stories": StoryIndexPage.of_language_read(),
            "sectors": SectorIndexPage.of_language_read(),
        }
        if results is not None and not results.object_list
        else {}
    )
    # Kept in the page cache as the search form and the pager spell it (home.cache.shows_query),
    # under the version of the search index too: a publish is found once the worker has indexed
    # it, later than the version of the pages changes (attack 29, F1).
    shown = {"q": query} if results is None else {"q": query, "page": results.number}
    shows_query(["q", "page"], shown)
    shows_kinds(SEARCH)
    return render(
        request,
        "jumelage/search.html",
        {
            "query": query,
            "results": results,
            "elsewhere": elsewhere,
            "overviews": overviews,
            "query_string": urlencode({"q": query}),
        },
    )
