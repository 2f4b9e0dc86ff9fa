"""What the public site keeps in the cache, and when it is thrown away.

Everything derived from content is stored under the current *content generation*: a token in the
shared cache that is replaced whenever anything a visitor can see changes (a page published,
unpublished, moved or deleted; a snippet, setting, image or registration saved). Replacing the token
makes every older entry unreachable at once, on every application server, so no entry needs to know
which pages list which others. Entries also expire after their own timeout, which bounds what a
forgotten signal could cost."""

import functools
import hashlib
import threading
import time
import uuid
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation

GENERATION_KEY = "content-generation"
_MISSING = object()
# The generation a request started with: read once, not for every entry the request looks up.
_request_generation = ContextVar("content_generation", default=None)


# What the code that fills the cache is made of: templates, models, translations, dependencies.
CODE_PARTS = ("home", "community", "exchanges", "jumelage", "templates", "locale")
CODE_SUFFIXES = {".py", ".html", ".po"}


@functools.cache
def code_version():
    """A digest of the project's code, so that a release never reads what another one stored
    (rendered HTML of other templates, pickled pages of other models), even while old and new
    servers share the cache during a rolling deploy."""
    digest = hashlib.sha256()
    root = settings.BASE_DIR
    files = [root / "requirements.lock"]
    for part in CODE_PARTS:
        files += sorted(path for path in (root / part).rglob("*") if path.suffix in CODE_SUFFIXES)
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def generation():
    """The current content generation of this release, or None when the cache cannot be
    reached."""
    token = _request_generation.get()
    if token is not None:
        return token
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = cache.get(GENERATION_KEY)
    return None if token is None else f"{code_version()}.{token}"


@contextmanager
def one_generation():
    """Within the block (a request), the generation is read from the shared cache once."""
    reset = _request_generation.set(generation())
    try:
        yield
    finally:
        _request_generation.reset(reset)


def _new_generation():
    token = uuid.uuid4().hex
    cache.set(GENERATION_KEY, token, None)
    if _request_generation.get() is not None:
        # What the request changed, it sees changed for the rest of it.
        _request_generation.set(f"{code_version()}.{token}")


def content_changed(**kwargs):
    """Forget everything derived from content: now, and again once the change is committed, so
    that an entry computed from the old state in between does not survive."""
    _new_generation()
    transaction.on_commit(_new_generation)


class _ProcessMemory:
    """The entries this process used last, in front of the shared cache.

    Keys carry the content generation, so an entry here is never stale: a new generation is a new
    key, and the old entries fall out as the least recently used. It saves the round trip to the
    shared cache and the unpickling, which cost more than all the rest of a cached lookup. Texts
    count with their length, other values as a kilobyte, against `budget` bytes."""

    def __init__(self, budget, clock=time.monotonic):
        self.budget = budget
        self.clock = clock
        self.used = 0
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    @staticmethod
    def size(value):
        return len(value) if isinstance(value, str | bytes) else 1024

    def get(self, key):
        with self.lock:
            found = self.entries.get(key)
            if found is None:
                return _MISSING
            expires, value = found
            if expires < self.clock():
                self._drop(key)
                return _MISSING
            self.entries.move_to_end(key)
            return value

    def set(self, key, value, timeout):
        size = self.size(value)
        if size > self.budget // 8:
            return
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = (self.clock() + timeout, value)
            self.used += size
            while self.used > self.budget:
                self._drop(next(iter(self.entries)))

    def _drop(self, key):
        _, value = self.entries.pop(key)
        self.used -= self.size(value)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.used = 0


process_memory = _ProcessMemory(budget=32 * 2**20)
PROCESS_MEMORY_SECONDS = 300


def remember(name, compute, shared=True, fresh_for=0):
    """`compute()`, kept until the content changes or CONTENT_CACHE_SECONDS pass.

    With `shared`, every request of this process gets the same object, so it must not be changed;
    otherwise each request gets its own copy from the shared cache (a page that a request will
    annotate, for instance). What depends on the time as well (what is upcoming) is computed again
    every `fresh_for` seconds."""
    seconds = settings.CONTENT_CACHE_SECONDS
    current = generation()
    if seconds <= 0 or current is None:
        # Off, or the shared cache is out of reach: then no process may keep anything either,
        # since it would not learn of changes.
        return compute()
    key = f"content:{current}:{name}"
    if fresh_for:
        key += f":{int(time.time() // fresh_for)}"
    value = process_memory.get(key) if shared else _MISSING
    if value is _MISSING:
        value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = compute()
            cache.set(key, value, seconds)
        if shared:
            # Shorter than in the shared cache: a copy fetched late would otherwise outlive it.
            process_memory.set(key, value, min(seconds, PROCESS_MEMORY_SECONDS))
    return value


def origin(request):
    """Scheme and host of a request: what absolute addresses in anything kept for it depend on."""
    return f"{request.scheme}://{request.get_host()}"


def remember_rendered(request, name, parts, render, fresh_for=0):
    """`render()` (HTML, a feed), kept in the content cache for the language and origin being
    read and the given `parts`. Rendered anew for an editor's preview (the draft, not what is
    published under the same page) and when CACHE_RENDERED_HTML is off."""
    if getattr(request, "is_preview", False) or not settings.CACHE_RENDERED_HTML:
        return render()
    variant = "\x1f".join([translation.get_language() or "", origin(request), *map(str, parts)])
    digest = hashlib.sha256(variant.encode()).hexdigest()[:32]
    return remember(f"rendered:{name}:{digest}", render, fresh_for=fresh_for)


def locales():
    """{language code: Locale} of the site's languages."""
    locale = apps.get_model("wagtailcore", "Locale")
    return remember("locales", lambda: {item.language_code: item for item in locale.objects.all()})


def active_locale():
    """The Locale of the language being read, as `Locale.get_active()` without a query."""
    by_code = locales()
    return by_code.get(translation.get_language()) or by_code.get(settings.LANGUAGE_CODE)


def language_code_of(locale_id):
    for code, locale in locales().items():
        if locale.pk == locale_id:
            return code
    return None


def find_site(request):
    """`Site.find_for_request` without its query on every request."""
    if not hasattr(request, "_wagtail_site"):
        site = apps.get_model("wagtailcore", "Site")
        key = f"site:{request.get_host()}:{request.get_port()}"
        request._wagtail_site = remember(key, lambda: site._find_for_request(request))
    return request._wagtail_site


def view_restrictions_exist():
    restriction = apps.get_model("wagtailcore", "PageViewRestriction")
    return remember("view-restrictions-exist", restriction.objects.exists)


def connect_signals():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"content-changed-{id(signal)}")

    post_save.connect(_live_page_saved, dispatch_uid="content-changed-live-page")
    post_delete.connect(_page_deleted, dispatch_uid="content-changed-page-deleted")

    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(content_changed, sender=model, dispatch_uid=f"content-saved-{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"content-gone-{label}")
    post_save.connect(_member_saved, sender=settings.AUTH_USER_MODEL, dispatch_uid="member-saved")
    # A deleted account's name leaves the stories it wrote (they keep no author).
    post_delete.connect(
        content_changed, sender=settings.AUTH_USER_MODEL, dispatch_uid="member-deleted"
    )


# Models whose rows appear on public pages besides pages themselves.
CONTENT_MODELS = (
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailimages.Image",
    "home.FoundationSettings",
    "home.Foundation",
    "community.Town",
    "community.SectorMembership",
    "exchanges.Registration",
)


def _is_page(instance):
    page = apps.get_model("wagtailcore", "Page")
    return isinstance(instance, page)


def _live_page_saved(sender, instance, **kwargs):
    # Pages saved outside the publish workflow (imports, scripts, alias updates) change what
    # visitors see too; drafts of pages that are not live do not.
    if _is_page(instance) and instance.live:
        content_changed()


def _page_deleted(sender, instance, **kwargs):
    if _is_page(instance):
        content_changed()


def _member_saved(sender, instance, update_fields=None, **kwargs):
    # Sector pages show members who agreed to it; a login only touches last_login.
    if update_fields is None or not set(update_fields) <= {"last_login"}:
        content_changed()
