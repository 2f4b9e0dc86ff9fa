"""What the public site keeps in the cache, and when it is thrown away.

Every entry is keyed by the *versions* of the kinds of content it is made of, in the manner of
djangoproject.com's generation token passed as `version=`: publishing a page replaces the "pages"
version, saving an image the "images" version, and so on (KINDS). A new version makes every older
entry unreachable at once, on every server; entries also expire after their own timeout.

The versions live in the database (CacheVersion), replaced in the same transaction as the change
and again once it is committed, so a change made while Redis is down is not lost, and entries
Redis still holds from before are never served once it is back. Servers read the versions through
the shared cache, where they are kept for CACHE_VERSION_SECONDS: a change shows on other servers
at most that late.

Members' own actions (registrations, memberships, profiles, photos, reports) replace no version:
what they change is rendered live, outside the cached fragments, by `{% live %}` (see
home/templatetags/jumelage_tags.py).
"""

import functools
import time
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import storages
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from modelcluster.models import get_all_child_relations
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

# Pages (their text, tree, menus, sites, languages and view restrictions), images, snippets
# (towns) and site settings (the footer's foundations).
PAGES, IMAGES, SNIPPETS, SETTINGS = "pages", "images", "snippets", "settings"
KINDS = (PAGES, IMAGES, SNIPPETS, SETTINGS)
# What pages show besides site settings: cards and bodies.
CONTENT = (PAGES, IMAGES, SNIPPETS)

VERSIONS_KEY = "cache-versions"
_request_versions = ContextVar("cache_versions", default=None)
# What `remember` computed or fetched during the request, by name: asked again (the locales on
# every card, the sector pages, the navigation in header and footer), it costs nothing, with or
# without a cache. Emptied when the request changes content.
_request_memo = ContextVar("request_memo", default=None)


class CacheVersion(models.Model):
    """The current version of one kind of content: a new random token on every change."""

    kind = models.CharField(max_length=32, primary_key=True)
    token = models.CharField(max_length=32)

    class Meta:
        app_label = "home"
        ordering = ["kind"]

    def __str__(self):
        return f"{self.kind}: {self.token}"


def versions():
    """{kind: token}: from the request's first reading, else the shared cache, else the
    database."""
    current = _request_versions.get()
    if current is None:
        current = cache.get(VERSIONS_KEY)
        if current is None:
            current = dict(CacheVersion.objects.values_list("kind", "token"))
            cache.set(VERSIONS_KEY, current, settings.CACHE_VERSION_SECONDS)
    return current


def version_of(*kinds):
    """The versions of `kinds` as one key part."""
    current = versions()
    return ".".join(current.get(kind, "0") for kind in kinds)


@contextmanager
def versions_for_request():
    """Within the block (a request), the versions are read once, and what `remember` returns
    is kept for the rest of the request."""
    reset = _request_versions.set(versions())
    memo_reset = _request_memo.set({})
    try:
        yield
    finally:
        _request_memo.reset(memo_reset)
        _request_versions.reset(reset)


def bump(*kinds):
    """New versions of `kinds` (every kind when none is given), in the current transaction, and
    again once it is committed: what another server stored under the first ones while the
    transaction was open was made of what it had not committed yet."""
    kinds = kinds or KINDS
    _new_versions(kinds)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _new_versions(kinds))


def _new_versions(kinds):
    for kind in kinds:
        CacheVersion.objects.update_or_create(kind=kind, defaults={"token": uuid.uuid4().hex})
    _forget_versions()


def _forget_versions():
    cache.delete(VERSIONS_KEY)
    memo = _request_memo.get()
    if memo:
        memo.clear()
    if _request_versions.get() is not None:
        # What the request changed, it sees changed for the rest of it.
        _request_versions.set(dict(CacheVersion.objects.values_list("kind", "token")))


def media_base():
    """Where the media storage serves files from: image addresses in cached HTML depend on it."""
    return _media_base(storages["default"], settings.MEDIA_URL)


@functools.lru_cache(maxsize=4)
def _media_base(storage, media_url):
    # Asked of the storage (a bucket's endpoint or custom domain, or MEDIA_URL), once per
    # storage and MEDIA_URL: a storage is set up once per process.
    return storage.url("probe").removesuffix("probe")


def remember(name, compute, kinds=CONTENT, timeout=None):
    """`compute()`, kept in the shared cache until a version of `kinds` changes or
    CONTENT_CACHE_SECONDS pass. For plain data (text, numbers, lists and dicts of them) or model
    instances: the cache's KEY_PREFIX names the release (CACHE_KEY_PREFIX), so one release never
    unpickles another's."""
    memo = _request_memo.get()
    if memo is not None and name in memo:
        return memo[name]
    seconds = settings.CONTENT_CACHE_SECONDS if timeout is None else timeout
    if seconds <= 0:
        value = compute()
    else:
        key = f"content:{name}"
        version = version_of(*kinds)
        value = cache.get(key, version=version)
        if value is None:
            value = compute()
            cache.set(key, value, seconds, version=version)
    if memo is not None:
        memo[name] = value
    return value


def origin(request):
    """Scheme and host of a request: what absolute addresses in anything kept for it depend on."""
    return f"{request.scheme}://{request.get_host()}"


def remember_rendered(request, name, parts, render, timeout=None):
    """`render()` (HTML, a feed) kept for the language, origin and media address being read and
    the given `parts`, like the `{% contentcache %}` tag (for at most `timeout` seconds, in step
    on every server); rendered anew for an editor's preview and when CACHE_RENDERED_HTML is
    off."""
    if getattr(request, "is_preview", False) or not settings.CACHE_RENDERED_HTML:
        return render()
    bucket = int(time.time() // timeout) if timeout else ""
    variant = ":".join(
        [translation.get_language() or "", origin(request), str(bucket), *map(str, parts)]
    )
    return remember(f"rendered:{name}:{variant}:{media_base()}", render, timeout=timeout)


def locales():
    """{language code: Locale} of the site's languages."""
    return remember("locales", lambda: {item.language_code: item for item in Locale.objects.all()})


def active_locale():
    """The Locale of the language being read, as `Locale.get_active()` without a query."""
    by_code = locales()
    return by_code.get(translation.get_language()) or by_code.get(settings.LANGUAGE_CODE)


def language_code_of(locale_id):
    for code, locale in locales().items():
        if locale.pk == locale_id:
            return code
    return None


def view_restrictions_exist():
    return remember("view-restrictions-exist", PageViewRestriction.objects.exists)


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_pages_changed, dispatch_uid=f"cache-pages-{id(signal)}")
    post_save.connect(_saved, dispatch_uid="cache-saved")
    post_delete.connect(_deleted, dispatch_uid="cache-deleted")


def _pages_changed(**kwargs):
    bump(PAGES)


def kind_of(model):
    """The kind of content rows of `model` are, or None for what members do (registrations,
    memberships, profiles, photos, reports) and what visitors never see."""
    if issubclass(model, Page | Site | Locale | PageViewRestriction):
        return PAGES
    if issubclass(model, get_image_model()):
        return IMAGES
    if model in get_snippet_models():
        return SNIPPETS
    setting_models = list(settings_registry)
    children = [
        relation.related_model
        for setting in setting_models
        for relation in get_all_child_relations(setting)
    ]
    if model in setting_models or model in children:
        return SETTINGS
    return None


# What saving a draft (a new revision, a lock) writes on a page row: nothing visitors see.
DRAFT_FIELDS = {
    "draft_title",
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


# What Wagtail records about an image file: nothing visitors see.
IMAGE_METADATA = {"file_size", "file_hash"}


def _saved(sender, instance, created=False, update_fields=None, **kwargs):
    # Drafts change nothing visitors see; pages saved live outside the publish workflow
    # (imports, scripts, alias updates) do.
    if isinstance(instance, Page) and (
        not instance.live or (update_fields and set(update_fields) <= DRAFT_FIELDS)
    ):
        return
    kind = kind_of(sender)
    # A new image (a member's uploaded photo) is shown nowhere until a page that shows it is
    # published, which is a change of pages; an edited one may be shown already.
    if kind == IMAGES and (created or (update_fields and set(update_fields) <= IMAGE_METADATA)):
        return
    if kind is not None:
        bump(kind)


def _deleted(sender, instance, **kwargs):
    kind = kind_of(sender)
    if kind is not None:
        bump(kind)
