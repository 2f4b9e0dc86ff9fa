import gzip
import hashlib
from functools import lru_cache
from urllib.parse import quote, urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib import auth, messages
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist, TooManyFieldsSent
from django.core.files.storage import storages
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.middleware import locale
from django.shortcuts import redirect
from django.template import loader
from django.urls import Resolver404, get_resolver, reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.encoding import iri_to_uri
from django.utils.functional import SimpleLazyObject
from django.utils.http import MAX_URL_LENGTH, urlencode
from django.views import defaults
from wagtail.admin.utils import get_valid_next_url_from_request

from home import gzip_pieces, live
from home.cache import (
    KINDS,
    NAMES,
    SEARCH,
    may_keep,
    media_base,
    names_at,
    version_of,
    versions_for_request,
)
from home.ratelimit import limit_exceeded
from home.translators import TranslatorUnavailable


class HealthCheckMiddleware:
    """Answers `/healthz` before host validation and HTTPS redirects, so a load balancer can probe
    each application server by its IP address over plain HTTP."""

    path = "/healthz"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != self.path:
            return self.get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except DatabaseError:
            return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        response = HttpResponse("ok\n", content_type="text/plain")
        response["Cache-Control"] = "no-store"
        return response


class UnreadableQueryMiddleware:
    """An address whose query has more fields than Django reads (DATA_UPLOAD_MAX_NUMBER_FIELDS)
    is a bad request, answered at once with the 400 page in the language of its prefix, before
    any other middleware reads the query. Django refuses such a query wherever it is first read
    (the page cache's key, a view): in production that was a 400 all the same; under `make run`
    (DEBUG) Django's error page read the query again for each middleware the error passed, and
    a request held the server for 20 to 30 seconds before its 500 (attack 35, F2)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.GET  # noqa: B018 - read to be refused here, once
        except TooManyFieldsSent as refused:
            return bad_request(request, refused)
        return self.get_response(request)


def bad_request(request, exception):
    """The 400 page (templates/400.html, also Django's `handler400`: jumelage/urls.py) in the
    language of the address's prefix: what refuses a request may come before the language is
    set (an unknown host, an unreadable query), and Django's own page was in English. An address
    without a prefix (the admin's) keeps the language already active: the reader's admin
    language when a view refused her form (attack 36: a German editor read the Dutch page)."""
    language = translation.get_language_from_path(request.path_info)
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        return defaults.bad_request(request, exception)


def csrf_failure(request, reason=""):
    """The page of a form refused by its CSRF check (settings.CSRF_FAILURE_VIEW;
    templates/403_csrf.html): its page was open so long that the token expired, or the browser
    cleared or refused the site's cookies. Django's was a bare "Forbidden (403)" in English or
    German, outside the site's layout, that told a reader neither what happened nor what to do
    (walk 13). In the language of the address's prefix, as `bad_request`; rendered without the
    request, so without the database (no context processor reads the site's settings). The
    `reason` ("CSRF cookie not set.") is for the log, which Django has written already."""
    language = translation.get_language_from_path(request.path_info)
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        return HttpResponseForbidden(loader.render_to_string("403_csrf.html"))


@lru_cache(maxsize=4)
def media_source(storage):
    """Where `storage` serves files from, as a CSP source ("https://media.example/", or
    "http://s3.example:9000/bucket/"), or None when that is the site itself (a relative
    MEDIA_URL). Asked of the storage, so a bucket's endpoint, its custom domain and an absolute
    MEDIA_URL are followed alike; cached per storage, which is set up once per process."""
    address = urlsplit(storage.url("probe"))
    if not address.netloc:
        return None
    folder = quote(address.path.rsplit("/", 1)[0] + "/", safe="/-._~%")
    scheme = f"{address.scheme}://" if address.scheme else ""
    return f"{scheme}{address.netloc}{folder}"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy everywhere, relaxed only for the Wagtail admin (and its previews), which
    needs inline scripts and styles. Images may also come from where the media storage serves
    them (home.middleware.media_source), on the public site and in the admin."""

    def process_response(self, request, response):
        # A page from the cache (a member's: an anonymous visitor's hit does not pass here)
        # brings the policy it was kept with; the header django-csp would keep anyway.
        if "Content-Security-Policy" in response:
            if not request.path_info.startswith("/admin/"):
                return response
            # A preview: Wagtail renders the page as the site would, through the middleware
            # with a request of its own, which brings the site's policy (no framing at all);
            # the admin's applies, as the editor's preview panel frames it.
            del response["Content-Security-Policy"]
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        # django-csp's documented extension point: the parts it returns are ours to change.
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith("/admin/"):
            parts.replace = {**(parts.replace or {}), **settings.ADMIN_CONTENT_SECURITY_POLICY}
        source = media_source(storages["default"])
        if source is not None:
            update = dict(parts.update or {})
            update["img-src"] = [*update.get("img-src", ()), source]
            parts.update = update
        return parts


def accepts_gzip(request):
    """Whether the client takes gzip (RFC 9110, 12.5.3): named, or as `*`, with a weight above
    0 (`gzip;q=0` refuses it)."""
    weights = {}
    for coding in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, *parameters = (part.strip() for part in coding.split(";"))
        weight = 1.0
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        weights[name.lower()] = weight
    weight = weights.get("gzip", weights.get("x-gzip", weights.get("*", 0.0)))
    return weight > 0


# The period of PAGE_CACHE_ENTRIES_PER_TEN_MINUTES.
ENTRIES_PERIOD = 600


# Parameters that links from campaigns and social media carry for the visitor's analytics, and
# that no page reads: Google Analytics' campaign (utm_*), Facebook's, Google Ads', Microsoft
# Ads', Mailchimp's and HubSpot's click ids.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
    }
)


def is_tracking_parameter(name):
    return name.startswith("utm_") or name in TRACKING_PARAMETERS


class AnonymousPageCacheMiddleware:
    """Our own page cache for anonymous visitors: a page is kept whole in the shared cache for
    PAGE_CACHE_SECONDS, keyed by its address, the media address and the content versions
    (home/cache.py), so a publish shows at once on every server.

    Only a request without a session or a message waiting is stored; a logged-in member is
    answered from the same entries after their session is read
    (community.middleware.MemberPageCacheMiddleware). No response is kept that sets a cookie,
    holds a CSRF token (a form), is private or is an editor's preview. What changes with
    members' own actions, and what depends on who asks (`{% live %}` parts, home/live.py:
    places left, a sector's members, an author's name; the account links), is kept out of the
    entry: it keeps the page without them and where each goes, and every hit renders them anew
    for that request (a query or two each; a part by visitor only for a member), so no
    member's action needs to empty the cache. A page with parts that change with members'
    actions is `no-cache` for shared caches downstream, which could not do the same.

    Not Django's UpdateCacheMiddleware/FetchFromCacheMiddleware (django/middleware/cache.py),
    because those
    - keep the whole HttpResponse object, pickled, which the next release (a Django upgrade)
      may read back wrong or not at all. Ours are plain data (the page's bytes, or its pieces
      between live parts with the parts' names and ids, and a few headers), gzipped when that
      pays, which is safe here: what is shared holds no secret for BREACH to guess;
    - key a page by the values of the request headers its `Vary` names, and a page that reads
      the session (ours all ask whether the visitor is logged in) varies on `Cookie`: a visitor
      with any cookie at all (a consent banner's, an analytics one) gets an entry of their own.
      Requests with our cookies never get here, so ours ignores `Vary: Cookie` and visitors
      share one entry;
    - answer a hit with the stored response as it is: nothing in it can be rendered anew, so
      the live parts could not be kept out.

    An entry is kept only for an address the site itself links to (home.cache.may_keep): no
    query, or only the parameters the page reads, each once, empty or with a value it
    understands spelt as its links spell it, in any order (the key sorts them). A made-up
    address (an unknown parameter, a refused filter value, a page number beyond the last page)
    is answered but not kept, so it cannot push what visitors ask for out of the cache; nor are
    the pages of a visitor who caused PAGE_CACHE_ENTRIES_PER_TEN_MINUTES new entries already
    (the site links to far more addresses than visitors read: a month view of every month)."""

    # The open data API (/api/) answers by Accept-Language and Origin, which this cache does not
    # key by, and the widgets (/<lang>/embed/) by their own frame-ancestors; both send their own
    # public Cache-Control, and neither reads the session (nor may this cache read it for them:
    # that would make them vary by cookie).
    bypassed_prefixes = (
        "/admin/",
        "/api/",
        *(f"/{code}/embed/" for code, _name in settings.LANGUAGES),
        "/documents/",
        "/static/",
        "/media/",
    )
    # Addresses whose entries are kept under more kinds than KINDS (`kinds_of`): the story
    # feeds name members (their authors; home.cache.NAMES, and each feed's own names, which a
    # member's new name replaces where the feed lists a story of hers: `names_at`),
    # search results follow the index (home.cache.SEARCH, replaced once the worker indexed a
    # page); no other page's entry is kept under these. A response that says it is made of them
    # (home.cache.shows_kinds) at another address is answered, not kept.
    more_kinds = {
        **{f"/{code}/feeds/": (*KINDS, NAMES) for code, _name in settings.LANGUAGES},
        **{f"/{code}/search/": (*KINDS, SEARCH) for code, _name in settings.LANGUAGES},
    }
    more_kinds_prefixes = tuple(more_kinds)
    compressible = ("text/", "application/rss+xml", "application/atom+xml")
    stored_headers = (
        "Content-Type",
        "Content-Language",
        "Cache-Control",
        "Vary",
        "X-Frame-Options",
        # Set by the middleware inside this one (ContentSecurityPolicyMiddleware), the same for
        # every visitor of a page that uses no nonce: building it took a third of a hit's time.
        "Content-Security-Policy",
        "Content-Security-Policy-Report-Only",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with versions_for_request():
            return self.respond(request)

    def respond(self, request):
        if not self.applies_to(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                patch_cache_control(response, private=True)
            return response
        response = self.hit(request)
        if response is not None:
            return response
        collector = live.collect(request)
        response = self.get_response(request)
        pieces = None
        if not response.streaming:
            pieces = [response.content]
            if collector.parts:
                response.content, pieces = collector.cut(response.content)
                if response.has_header("Content-Length"):
                    # CommonMiddleware measured the page with its markers.
                    response["Content-Length"] = str(len(response.content))
                if not collector.only_by_visitor():
                    patch_cache_control(response, no_cache=True)
        if (
            request.method == "GET"
            and pieces is not None
            and self.can_store(request, response)
            and may_keep(request.GET, self.kinds_of(request))
            and not limit_exceeded(
                request,
                "page-cache-entry",
                limit=settings.PAGE_CACHE_ENTRIES_PER_TEN_MINUTES,
                period=ENTRIES_PERIOD,
            )
        ):
            patch_vary_headers(response, ("Accept-Encoding",))
            if "Cache-Control" not in response:
                # Shared caches (a CDN purged by Wagtail's front-end cache) may keep it; browsers
                # ask again, so a visitor who logs in sees their own page at once.
                patch_cache_control(response, public=True, max_age=0, s_maxage=self.seconds())
            entry = self.snapshot(response, pieces, collector)
            cache.set(self.entry_key(request), entry, self.seconds())
            if settings.PAGE_CACHE_HEADER:
                response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def seconds():
        return settings.PAGE_CACHE_SECONDS

    def applies_to(self, request):
        return (
            self.may_answer(request)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
        )

    @classmethod
    def may_answer(cls, request):
        """Whether the page cache may answer `request` at all, whoever asks: it is on, and the
        request reads a public page (not the admin, files or media) by an address of a sensible
        length."""
        return (
            cls.seconds() > 0
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(cls.bypassed_prefixes)
            and len(request.META.get("QUERY_STRING", "")) <= 300
        )

    @classmethod
    def hit(cls, request, read=None):
        """The response the page cache holds for `request`, its live parts rendered for this
        visitor; None when it holds none it can use. `read`: what a read of the cache for
        `entry_key(request)` along with other keys found (a member's account)."""
        entry_key = cls.entry_key(request)
        if read is None:
            # With the keys of its kept live parts, when this process knows them (home/live.py).
            read = cache.get_many([entry_key, *live.keys_along(entry_key)])
        stored = read.get(entry_key)
        return None if stored is None else cls.rebuild(request, stored, entry_key, read)

    @classmethod
    def entry_key(cls, request):
        """The key of `request`'s entry: its address and the versions of the content."""
        return f"{cls.key(request)}:{version_of(*cls.kinds_of(request))}"

    @classmethod
    def kinds_of(cls, request):
        """The kinds of content `request`'s entry is kept under (see `more_kinds`)."""
        if not request.path.startswith(cls.more_kinds_prefixes):
            return KINDS
        for prefix, kinds in cls.more_kinds.items():
            if request.path.startswith(prefix):
                return (*kinds, names_at(request.path)) if NAMES in kinds else kinds
        return KINDS

    @staticmethod
    def key(request):
        """The absolute address, its parameters sorted: `?a=1&b=2` and `?b=2&a=1` are one page.
        A campaign's or an advertiser's tracking parameters (`utm_*`, `fbclid`, …), which no
        page reads, make no other page: a reader arriving from a newsletter or a post is
        answered from the page's entry, and adding them cannot get past the cache (attack of
        2026-12-05, F3). What is answered for an address with them is never stored
        (`may_keep`): the page's own address stores it."""
        query = sorted(
            (name, value)
            for name, values in request.GET.lists()
            if not is_tracking_parameter(name)
            for value in values
        )
        address = f"{media_base()} {request.build_absolute_uri(request.path)} {urlencode(query)}"
        return f"page:{hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()}"

    @staticmethod
    def can_store(request, response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not getattr(request, "is_preview", False)
            and "private" not in cache_control
            and "no-store" not in cache_control
            # A nonce is for one answer only.
            and "'nonce-" not in response.get("Content-Security-Policy", "")
        )

    def snapshot(self, response, pieces, collector):
        """The entry: the page as `pieces` with its live parts between them (one piece when
        it has none), gzipped when that pays."""
        headers = {name: response[name] for name in self.stored_headers if name in response}
        compressed = sum(map(len, pieces)) >= 1024 and response["Content-Type"].startswith(
            self.compressible
        )
        if not collector.parts:
            content = pieces[0]
            if compressed:
                content = gzip.compress(content, compresslevel=6, mtime=0)
            return {"content": content, "gzip": compressed, "headers": headers}
        entry = {"parts": collector.parts, "kept": collector.kept, "gzip": compressed}
        if compressed:
            entry["crc_steps"] = [gzip_pieces.crc_step(piece) for piece in pieces]
            pieces = [gzip_pieces.deflate(piece) for piece in pieces]
        return {**entry, "pieces": pieces, "headers": headers}

    @staticmethod
    def rebuild(request, stored, entry_key, read=None):
        """The response of an entry for `request`; None when a live part cannot be shown from
        it (its page is gone, or, for an anonymous visitor, it would hold a form's CSRF token,
        which needs a cookie this entry cannot set). Parts as anonymous visitors see them are
        kept beside `entry_key` (the entry's key and versions; home/live.py); `read`: what was
        read of the cache with the entry."""
        gzip_accepted = accepts_gzip(request)
        response = HttpResponse()
        for name, value in stored["headers"].items():
            response[name] = value
        if "parts" in stored:
            try:
                rendered = live.render_parts(
                    request, stored["parts"], stored["kept"], entry_key, read
                )
            except ObjectDoesNotExist:
                return None
            if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not request.user.is_authenticated:
                return None
            parts = [html.encode() for html in rendered]
            if stored["gzip"]:
                content = gzip_pieces.join(
                    stored["pieces"], stored["crc_steps"], parts, gzip_accepted
                )
            else:
                content = gzip_pieces.interleave(stored["pieces"], parts)
        elif stored["gzip"] and not gzip_accepted:
            content = gzip.decompress(stored["content"])
        else:
            content = stored["content"]
        if stored["gzip"] and gzip_accepted:
            response["Content-Encoding"] = "gzip"
        response.content = content
        response["Content-Length"] = str(len(content))
        if settings.PAGE_CACHE_HEADER:
            response["X-Page-Cache"] = "hit"
        return response


class TranslatorErrorMiddleware:
    """wagtail-localize's "Translate" button (its `machine_translate` view) lets a translator's
    failure through as a server error. The editor reads what the translator said instead, back
    in the translation editor, and can try again or translate by hand."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, TranslatorUnavailable):
            return None
        messages.error(request, str(exception))
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


class NotFoundPageMiddleware:
    """The site's own 404 page (the URLconf's `handler404`, in the reader's language) for a page
    not found while DEBUG is on, in place of Django's yellow technical page: `make run` shows what
    a visitor would see. Only `dev` settings add it; other errors keep Django's traceback page.
    An address no URL pattern matches (a dot or a space in its path: Wagtail's catch-all route
    takes only words and hyphens) reaches no view: Django answers it with its page listing every
    pattern, which this page replaces too (outsider's test, F7). A static file `runserver` itself
    does not find keeps Django's page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Resolved, the request has its match (BaseHandler.resolve_request) before any view.
        if settings.DEBUG and response.status_code == 404 and request.resolver_match is None:
            return self.not_found(request, Resolver404({"path": request.path_info}))
        return response

    def process_exception(self, request, exception):
        if not (settings.DEBUG and isinstance(exception, Http404)):
            return None
        return self.not_found(request, exception)

    @staticmethod
    def not_found(request, exception):
        view = get_resolver(getattr(request, "urlconf", None)).resolve_error_handler(404)
        return view(request, exception)


class AdminLanguageMiddleware:
    """Wagtail speaks a user's own admin language inside its views only: what it says around
    them (its refusal of a page a role may not open, "Sorry, you do not have permission…") came
    in the browser's language, Dutch to a German moderator. Every admin address speaks the
    language the user chose for the admin (their Wagtail profile, read once: Wagtail reads it
    from the same user object)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The address first: elsewhere the session is not read for it (pages from the cache,
        # widgets that read none).
        if is_admin_address(request):
            speak_admin_language(request)
        return self.get_response(request)


def speak_admin_language(request):
    """Activates the admin language its signed-in user chose (their Wagtail profile), if any."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return
    try:
        language = user.wagtail_userprofile.preferred_language
    except ObjectDoesNotExist:
        language = None
    if language:
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, but an admin address that is not found stays where it is. Django answers a 404
    of an address without a language prefix with a redirect to /nl/…, and Wagtail's catch-all
    page route takes /nl/admin/… too: an editor's mistyped admin address became the public
    site's 404 page, with no way back into the admin. The admin has no language prefix to add:
    its 404 is the admin's own (`jumelage.views.page_not_found`, Wagtail's for its views).

    An address longer than Django holds safe to lead to (`MAX_URL_LENGTH`) is no page of the
    site: it is not found at once, in the language of its prefix (the admin's 404 under
    /admin/), before anything redirects it. Each redirect repeats it (with a language prefix, a
    slash added, as the login's "next"), and Django refuses one past 16,384 characters with an
    error logged and a 400. The 404 page is shown to the reader the session names, as the
    authentication middleware (not reached) would have found her."""

    def process_request(self, request):
        super().process_request(request)
        # Measured as it is sent on (percent-encoded): an emoji is one character of the path
        # but twelve of a redirect's address.
        if len(iri_to_uri(request.path)) > MAX_URL_LENGTH:
            request.user = SimpleLazyObject(lambda: auth.get_user(request))
            # Under /admin/ in her admin language, as `AdminLanguageMiddleware` (not reached)
            # would speak it, not the browser's.
            if is_admin_address(request):
                speak_admin_language(request)
            raise Http404

    def process_response(self, request, response):
        if response.status_code == 404 and is_admin_address(request):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


def is_admin_address(request):
    return request.path_info.startswith(admin_prefix())


@lru_cache
def admin_prefix():
    return reverse("wagtailadmin_home")
