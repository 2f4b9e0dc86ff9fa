import gzip
import re
from functools import lru_cache
from urllib.parse import quote, urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import storages
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from home.cache import generation, one_generation, origin


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

    def get_policy_parts(self, request, response, report_only=False):
        if not report_only and request.path_info.startswith("/admin/"):
            response._csp_replace = {
                **(getattr(response, "_csp_replace", None) or {}),
                **settings.ADMIN_CONTENT_SECURITY_POLICY,
            }
        source = media_source(storages["default"])
        if source is not None:
            name = "_csp_update_ro" if report_only else "_csp_update"
            update = dict(getattr(response, name, None) or {})
            update["img-src"] = [*update.get("img-src", ()), source]
            setattr(response, name, update)
        return super().get_policy_parts(request, response, report_only)


ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def accepts_gzip(request):
    return bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


class AnonymousPageCacheMiddleware:
    """Keeps the public pages as anonymous visitors get them, per language (the language is in
    the path), until the content changes (see `home.cache`) or PAGE_CACHE_SECONDS pass.

    A request with a session (a logged-in member, or anyone with a message waiting) is never
    served from or stored in this cache, nor is a response that sets a cookie or holds a CSRF
    token (a form), so nothing personal is ever shared."""

    bypassed_prefixes = ("/admin/", "/documents/", "/static/", "/media/")
    compressible = ("text/", "application/rss+xml", "application/atom+xml")
    stored_headers = (
        "Content-Type",
        "Content-Language",
        "Cache-Control",
        "Vary",
        "X-Frame-Options",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with one_generation():
            return self.respond(request)

    def respond(self, request):
        if not self.applies_to(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                patch_cache_control(response, private=True)
            return response
        key = self.key(request)
        stored = cache.get(key)
        if stored is not None:
            return self.rebuild(stored, accepts_gzip(request))
        response = self.get_response(request)
        if request.method == "GET" and self.can_store(request, response):
            patch_vary_headers(response, ("Accept-Encoding",))
            if "Cache-Control" not in response:
                # Shared caches (a CDN purged by Wagtail's front-end cache hooks) may keep it;
                # browsers ask again, so a visitor who logs in sees their own page at once.
                patch_cache_control(response, public=True, max_age=0, s_maxage=self.seconds())
            cache.set(key, self.snapshot(response), self.seconds())
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def seconds():
        return settings.PAGE_CACHE_SECONDS

    def applies_to(self, request):
        return (
            self.seconds() > 0
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(self.bypassed_prefixes)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and len(request.META.get("QUERY_STRING", "")) <= 300
        )

    @staticmethod
    def key(request):
        return f"page:{generation()}:{origin(request)}{request.get_full_path()}"

    @staticmethod
    def can_store(request, response):
        # Every page asks whether someone is logged in, so responses vary on the session cookie;
        # requests that carry one never get here. A CSRF token, though, belongs to one visitor.
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "private" not in cache_control
            and "no-store" not in cache_control
        )

    def snapshot(self, response):
        """The response as stored: compressed when that pays, which is safe here because what is
        shared holds no secret (no CSRF token, nothing personal) for BREACH to guess."""
        headers = {name: response[name] for name in self.stored_headers if name in response}
        content, compressed = response.content, False
        if len(content) >= 1024 and response["Content-Type"].startswith(self.compressible):
            content, compressed = gzip.compress(content, compresslevel=6, mtime=0), True
        return {"content": content, "gzip": compressed, "headers": headers}

    @staticmethod
    def rebuild(stored, gzip_accepted):
        content = stored["content"]
        response = HttpResponse()
        for name, value in stored["headers"].items():
            response[name] = value
        if stored["gzip"] and gzip_accepted:
            response["Content-Encoding"] = "gzip"
        elif stored["gzip"]:
            content = gzip.decompress(content)
        response.content = content
        response["X-Page-Cache"] = "hit"
        return response
