"""What the public site keeps in the cache, and when it is thrown away.

Every entry is keyed by the *versions* of the kinds of content it is made of, in the manner of
djangoproject.com's generation token passed as `version=`: publishing a page replaces the "pages"
version, saving an image the "images" version, replacing a document's file the "documents"
version, and so on (KINDS). A new version makes every older entry unreachable at once, on every
server; entries also expire after their own timeout.

The versions live in the database (CacheVersion), replaced in the same transaction as the change
and again once it is committed, so a change made while Redis is down is not lost, and entries
Redis still holds from before are never served once it is back. Servers read the versions through
the shared cache, where they are kept for CACHE_VERSION_SECONDS, and each process keeps its
reading a little while (ProcessVersions): a change shows on other servers at most that late.

Members' own actions (registrations, memberships, profiles, photos, reports) replace no version
pages are kept under: what they change is rendered live, outside the cached fragments, by
`{% live %}` (see home/templatetags/jumelage_tags.py). A new public name of a member whom
published pages name replaces the "names" version (NAMES), which only what names members
outside live parts is kept under: the story feeds (`shows_kinds`). Search results are kept under
the "search" version too (SEARCH), which Wagtail's index task replaces when it has indexed a live
page anew (a publish; not a draft of it, whose save Wagtail indexes too): a publish is found once
the worker has indexed it, not before, and not only once the results kept in between expire.
"""

import datetime
import functools
import hashlib
import time
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.storage import storages
from django.db import models, router, transaction
from django.db.models.functions import JSONArray
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation
from django_tasks.signals import task_finished
from modelcluster.models import get_all_child_relations
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

# Pages (their text, tree, menus, sites, languages and view restrictions), images, documents
# (pages link to their files), snippets (towns) and site settings (the footer's foundations).
PAGES, IMAGES, DOCUMENTS, SNIPPETS, SETTINGS = (
    "pages",
    "images",
    "documents",
    "snippets",
    "settings",
)
KINDS = (PAGES, IMAGES, DOCUMENTS, SNIPPETS, SETTINGS)
# The public names of the members whom published pages name (a story's author, a meeting's
# organiser), where something kept whole shows them: the story feeds' authors. Pages name
# members in live parts (home/live.py, `user:<id>`), so the entries of pages are not kept under
# this kind, and a member who renames themself leaves them alone (attack 29, F2).
NAMES = "names"
# The search index, as far as it finds live pages: replaced when Wagtail's index task (run by
# the worker, later than the publish that replaced PAGES) has indexed one (`_index_changed`).
SEARCH = "search"
ALL_KINDS = (*KINDS, NAMES, SEARCH)
# What pages show besides site settings: cards and bodies.
CONTENT = (PAGES, IMAGES, DOCUMENTS, SNIPPETS)

VERSIONS_KEY = "cache-versions"
_request_versions = ContextVar("cache_versions", default=None)
# In a request served with every cache off, until something asks for the versions: nothing does.
_UNREAD = object()
# What `remember` computed or fetched during the request, by name: asked again (the locales on
# every card, the sector pages, the navigation in header and footer), it costs nothing, with or
# without a cache. Emptied when the request changes content.
_request_memo = ContextVar("request_memo", default=None)
# The query parameters the response being made is made of (see `shows_query`).
_request_query = ContextVar("request_query", default=None)
# What the shared cache answers for a key it does not hold: a kept None is a value.
_MISSING = object()


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
    """{kind: token}: from the request's first reading, else this process's recent reading,
    else the shared cache, else the database."""
    in_request = _request_versions.get()
    if in_request is not None and in_request is not _UNREAD:
        return in_request
    current = _process_versions.get(time.monotonic())
    if current is None:
        current = cache.get(VERSIONS_KEY)
        if current is None:
            current = dict(CacheVersion.objects.values_list("kind", "token"))
            cache.set(VERSIONS_KEY, current, settings.CACHE_VERSION_SECONDS)
        _process_versions.keep(current, time.monotonic())
    if in_request is _UNREAD:
        _request_versions.set(current)
    return current


class ProcessVersions:
    """What this process last read of the versions, for a fifth of CACHE_VERSION_SECONDS and at
    most a second: a page cache hit then asks the shared cache for its page only. A change made
    in this process forgets it at once (`_forget_versions`); other processes see it at most
    CACHE_VERSION_SECONDS and this while later. Replaced whole, never changed, so threads may
    share it."""

    def __init__(self):
        self.reading = (None, 0.0)

    def get(self, now):
        current, until = self.reading
        return current if now < until else None

    def keep(self, current, now):
        self.reading = (current, now + min(1.0, settings.CACHE_VERSION_SECONDS / 5))

    def forget(self):
        self.reading = (None, 0.0)


_process_versions = ProcessVersions()


def forget_process_versions():
    """Makes the next reading ask the shared cache (when the database changed behind this
    process's back: a test's rollback)."""
    _process_versions.forget()


def version_of(*kinds):
    """The versions of `kinds` as one key part."""
    current = versions()
    return ".".join(current.get(kind, "0") for kind in kinds)


@contextmanager
def versions_for_request():
    """Within the block (a request), the versions are read once, and what `remember` returns
    is kept for the rest of the request. Read first, before the request reads any content: what
    it keeps was then made of what was current under them, or older. With every cache off,
    only when something asks for them (nothing does, so such a request reads none)."""
    caching = (
        settings.PAGE_CACHE_SECONDS > 0
        or settings.CONTENT_CACHE_SECONDS > 0
        or settings.CACHE_RENDERED_HTML
    )
    reset = _request_versions.set(versions() if caching else _UNREAD)
    memo_reset = _request_memo.set({})
    query_reset = _request_query.set(
        {"names": set(), "values": {}, "refused": False, "content_only": False, "kinds": set()}
    )
    try:
        yield
    finally:
        _request_query.reset(query_reset)
        _request_memo.reset(memo_reset)
        _request_versions.reset(reset)


# Which addresses are kept: the page cache and the `{% contentcache %}` fragments keep one entry
# per listing the site links to, not one per address a visitor makes up (an unknown parameter, a
# refused filter value, a page number beyond the last page), so made-up addresses cannot push
# what visitors ask for out of the cache.


def shows_query(names, values):
    """Says, during a request, which query parameters the response is made of (`names`) and
    what it shows for them (`values`: {name: value as the site's own links spell it}; a name
    without a value shows what it shows when it is not given). Said by the views that read
    them (the listings' filters, pages, views and months); a response with a query is kept in
    the page cache only when every parameter is one of these, empty or with that value
    (`may_keep`)."""
    said = _request_query.get()
    if said is not None:
        said["names"].update(names)
        said["values"].update({name: str(value) for name, value in values.items()})


def shows_content_only():
    """Says, during a request, that the response is the same for every anonymous visitor: made
    of the site's content and its address alone (a page Wagtail serves, a feed, the sitemap,
    search). Nothing else is kept by the page cache: a view that answers by who asks (by
    address or session, like the report form's "already reported") stays out of it by
    default."""
    said = _request_query.get()
    if said is not None:
        said["content_only"] = True


def names_at(address):
    """The kind of the members' names shown at `address` (a story feed's path), besides NAMES:
    a member's new name replaces it for the feeds that list a story of hers only, not every
    feed (exchanges.feeds, `on_author_renamed`)."""
    return f"{NAMES}:{hashlib.sha256(address.encode()).hexdigest()[:24]}"


def shows_kinds(*kinds):
    """Says, during a request, that the response is made of `kinds` besides KINDS (NAMES: a
    feed names stories' authors). The page cache keeps it only under a key of their versions
    too (`may_keep`; home.middleware.AnonymousPageCacheMiddleware.kinds_of)."""
    said = _request_query.get()
    if said is not None:
        said["kinds"].update(kinds)


def content_only(view):
    """A view whose answer is the same for every anonymous visitor (`shows_content_only`)."""

    @functools.wraps(view)
    def answer(request, *args, **kwargs):
        shows_content_only()
        return view(request, *args, **kwargs)

    return answer


def refuse_to_keep():
    """Says, during a request, that the response shows something else than its address asks
    (a page number beyond the last page shows the last page): neither the page nor the
    `{% contentcache %}` fragment being rendered is kept."""
    said = _request_query.get()
    if said is not None:
        said["refused"] = True


def refused_to_keep():
    said = _request_query.get()
    return said is not None and said["refused"]


def may_keep(query, kinds=KINDS):
    """Whether the response to a request with `query` (a QueryDict), to be kept under the
    versions of `kinds`, may be kept: only when `shows_content_only` was said and
    `refuse_to_keep` was not, and it is made of no other kinds (`shows_kinds`); with a query,
    only when each parameter is given once and is one `shows_query` named, empty or with the
    value it said."""
    said = _request_query.get()
    if said is None or said["refused"] or not said["content_only"]:
        return False
    if not said["kinds"] <= set(kinds):
        return False
    for name, given in query.lists():
        if len(given) != 1 or name not in said["names"]:
            return False
        if given[0] and said["values"].get(name) != given[0]:
            return False
    return True


def bump(*kinds):
    """New versions of `kinds` (every kind when none is given), in the current transaction, and
    again once it is committed: what another server stored under the first ones while the
    transaction was open was made of what it had not committed yet."""
    kinds = kinds or ALL_KINDS
    _new_versions(kinds)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _new_versions(kinds))


def _new_versions(kinds, using=None):
    for kind in kinds:
        CacheVersion.objects.using(using).update_or_create(
            kind=kind, defaults={"token": uuid.uuid4().hex}
        )
    _forget_versions()


def _forget_versions():
    cache.delete(VERSIONS_KEY)
    _process_versions.forget()
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


# What `remember` keeps in the shared cache: plain data, which every release reads alike (a
# pickled model instance or class of ours breaks, or misleads, once a deploy changes it).
PLAIN_TYPES = (str, bytes, int, float, bool, type(None))


def check_plain(value, where="value"):
    """Raises TypeError unless `value` is plain data: text, bytes, numbers, booleans, None, and
    lists, tuples and dicts of them (exactly those types, not subclasses)."""
    kind = type(value)
    if kind in PLAIN_TYPES:
        return
    if kind in (list, tuple):
        for index, item in enumerate(value):
            check_plain(item, f"{where}[{index}]")
        return
    if kind is dict:
        for key, item in value.items():
            check_plain(key, f"{where} key {key!r}")
            check_plain(item, f"{where}[{key!r}]")
        return
    raise TypeError(
        f"{where} is a {kind.__module__}.{kind.__qualname__}: the content cache keeps plain data "
        "only (see home.cache.remember)"
    )


def remember(name, compute, kinds=CONTENT, timeout=None, build=None):
    """`compute()`, kept in the shared cache until a version of `kinds` changes or
    CONTENT_CACHE_SECONDS pass; `build(value)` when given, once per request.

    `compute()` must return plain data (see `check_plain`; a TypeError otherwise): ids, titles,
    addresses, rows of fields (`row_of`), never model instances, which the cache would pickle
    and a later release could not read back or would read wrong. What needs objects rebuilds
    them from the plain data in `build` (e.g. with `from_row`); the objects are kept for the
    rest of the request only. None is kept like any other value (a page without a translation
    is not looked for again)."""
    memo = _request_memo.get()
    if memo is not None and name in memo:
        return memo[name]
    seconds = settings.CONTENT_CACHE_SECONDS if timeout is None else timeout
    if seconds <= 0:
        value = compute()
        check_plain(value, f"content:{name}")
    else:
        key = f"content:{name}"
        version = version_of(*kinds)
        value = cache.get(key, _MISSING, version=version)
        if value is _MISSING:
            value = compute()
            check_plain(value, key)
            cache.set(key, value, seconds, version=version)
    if build is not None:
        value = build(value)
    if memo is not None:
        memo[name] = value
    return value


def _plain(value):
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def row_of(instance, names):
    """The fields `names` (attribute names, e.g. "locale_id") of a model instance as a plain
    dict for the content cache, for `from_row`."""
    return {name: _plain(getattr(instance, name)) for name in names}


def field_names(model):
    """The names of `model`'s columns (attnames), in the order `from_values` takes them."""
    return tuple(field.attname for field in model._meta.concrete_fields)


def from_values(model, names, values):
    """`from_row` of a row read as a list (a JSON array of `names`' values)."""
    return from_row(model, dict(zip(names, values, strict=True)))


def from_row(model, row):
    """An instance of `model` as loaded from the database, from a `row_of`: fields the row does
    not have are read from the database when used, those `model` no longer has are left out, so
    a row kept by an earlier release still makes a correct instance."""
    fields, parent_links = _columns(model)
    values = {name: fields[name].to_python(value) for name, value in row.items() if name in fields}
    for name in parent_links:
        values.setdefault(name, values.get("id"))
    names = [name for name in fields if name in values]
    return model.from_db(router.db_for_read(model), names, [values[name] for name in names])


@functools.cache
def _columns(model):
    """`model`'s columns by attname, and those that link to a parent model (a page's
    page_ptr_id, which is the parent's id): read once per process, as `from_row` runs on
    every member's page from the cache."""
    fields = {field.attname: field for field in model._meta.concrete_fields}
    parent_links = [
        name
        for name, field in fields.items()
        if field.remote_field is not None and getattr(field.remote_field, "parent_link", False)
    ]
    return fields, parent_links


# The fields of a page that menus, links, sector labels and translations use: a page from
# `from_row` of them reads no other field in a listing.
PAGE_FIELDS = (
    "id",
    "content_type_id",
    "title",
    "slug",
    "path",
    "depth",
    "numchild",
    "url_path",
    "live",
    "locale_id",
    "translation_key",
    "alias_of_id",
)


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
    """{language code: Locale} of the site's languages (the same objects for the rest of a
    request)."""
    return _site_basics()["locales"]


# Yes-or-no questions about the site's content that pages may ask on every request, answered
# in the one query of `_site_basics`: {name: function returning an `Exists` expression},
# registered by the module that asks (e.g. home/machine_translation.py: is any machine
# translation awaiting review?). `site_flag(name)` answers.
SITE_FLAGS = {}


def site_flag(name):
    """The answer to a SITE_FLAGS question; True (ask on) when it was not asked."""
    return _site_basics()["flags"].get(name, True)


class AllAsJSON(models.Func):
    """The values of every row a subquery reads, as one JSON array (an aggregate over the whole
    subquery, without GROUP BY; SQLite and PostgreSQL). An empty array, or NULL on PostgreSQL,
    when there are none. `home.models.JSONRows` is the same per group."""

    function = "JSON_GROUP_ARRAY"
    output_field = models.JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def _restricted_paths():
    """The tree paths of the pages with a view restriction and of their aliases (an alias is
    served under its source's restriction): everything below one of them is private. Read
    from the restrictions (a handful, usually none) through the indexes of the pages' ids and
    of their `alias_of`, as [page's path, an alias's path or null, the restriction's id, its
    type, one of its groups or null] rows: a filter of the pages by either would read all of
    them on every request."""
    rows = JSONArray("page__path", "page__aliases__path", "id", "restriction_type", "groups__id")
    restrictions = PageViewRestriction.objects.order_by().values(paths=AllAsJSON(rows))
    return models.Subquery(restrictions, output_field=models.JSONField())


def _restrictions_of(rows):
    """[[its tree paths], its type, [its group ids]] of each view restriction in `rows`."""
    found = {}
    for page_path, alias_path, restriction_id, kind, group_id in rows:
        paths, _kind, groups = found.setdefault(restriction_id, (set(), kind, set()))
        paths.update(path for path in (page_path, alias_path) if path)
        if group_id is not None:
            groups.add(group_id)
    return [[sorted(paths), kind, sorted(groups)] for paths, kind, groups in found.values()]


def _site_basics():
    """What every request asks: the site's languages, which sections are private (view
    restrictions), and the `SITE_FLAGS`, read together in one query."""

    def load():
        flags = {name: question() for name, question in SITE_FLAGS.items()}
        rows = list(
            Locale.objects.values(
                "id", "language_code", restricted_paths=_restricted_paths(), **flags
            )
        )
        restrictions = _restrictions_of((rows[0]["restricted_paths"] if rows else None) or [])
        paths = {
            path for restriction_paths, _kind, _groups in restrictions for path in restriction_paths
        }
        return {
            "locales": [{"id": row["id"], "language_code": row["language_code"]} for row in rows],
            "restricted_paths": sorted(paths),
            "restrictions": restrictions,
            "flags": {name: bool(rows and rows[0][name]) for name in flags},
        }

    def build(value):
        return {
            "locales": {row["language_code"]: from_row(Locale, row) for row in value["locales"]},
            "restricted_paths": tuple(value.get("restricted_paths", ())),
            "restrictions": tuple(value.get("restrictions", ())),
            "flags": value.get("flags", {}),
        }

    return remember("site-basics", load, build=build)


def active_locale():
    """The Locale of the language being read, as `Locale.get_active()` without a query."""
    by_code = locales()
    return by_code.get(translation.get_language()) or by_code.get(settings.LANGUAGE_CODE)


def language_code_of(locale_id):
    for code, locale in locales().items():
        if locale.pk == locale_id:
            return code
    return None


def restricted_paths():
    """The tree paths below which pages are private (see `_restricted_paths`), read with the
    site's languages: no query of its own."""
    return _site_basics()["restricted_paths"]


def view_restrictions():
    """([tree paths], type, [group ids]) of each view restriction (see `_restricted_paths`),
    read with the site's languages: no query of its own."""
    return _site_basics()["restrictions"]


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_pages_changed, dispatch_uid=f"cache-pages-{id(signal)}")
    post_save.connect(_saved, dispatch_uid="cache-saved")
    post_delete.connect(_deleted, dispatch_uid="cache-deleted")
    m2m_changed.connect(
        _restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="cache-restriction-groups",
    )
    task_finished.connect(_index_changed, dispatch_uid="cache-search-index")


def new_release(using="default", **kwargs):
    """After `migrate` (every deploy, every `make run`): new versions of every kind, so nothing
    rendered by the templates of the release before is served again."""
    _new_versions(ALL_KINDS, using=using)


def _pages_changed(**kwargs):
    bump(PAGES)


# Wagtail's (modelsearch's) task that indexes an object after it is saved, by its module and name.
INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"


# What a live page's index entry was last made of, by `_index_changed`: its live revision and
# when it was published. Kept a day; missing (expired, or forgotten by a save of the live page
# outside the publish workflow, `_saved`), the next index of the page replaces SEARCH.
INDEXED_KEY = "search-indexed:{}"
INDEXED_SECONDS = 24 * 60 * 60


def _index_changed(sender, task_result, **kwargs):
    """The worker indexed an object: when it is a live page indexed with other content than the
    last time (a publish), what searches find changed. Not a draft (a member's contribution), an
    image or a document, which searches do not show; nor an editor's draft of a live page, whose
    save Wagtail indexes too, but the index reads the page's live row, which a draft leaves as
    it is (unpublishing and deleting replace PAGES, which searches are kept under as well)."""
    task = task_result.task
    if f"{task.func.__module__}.{task.func.__name__}" != INDEX_TASK:
        return
    app_label, model_name, pk = task_result.args[:3]
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:  # a model a later release removed, in a task queued before it
        return
    if not issubclass(model, Page):
        return
    live = Page.objects.filter(pk=pk, live=True).values_list(
        "live_revision_id", "last_published_at"
    )
    indexed = [_plain(value) for value in live.first() or ()]
    if not indexed or cache.get(INDEXED_KEY.format(pk)) == indexed:
        return
    bump(SEARCH)
    cache.set(INDEXED_KEY.format(pk), indexed, INDEXED_SECONDS)


def _restriction_groups_changed(action, **kwargs):
    """A restriction given other groups (Wagtail's privacy dialog sets them after saving it):
    the main menu names its page to other readers (`view_restrictions`, the kept menus)."""
    if action in ("post_add", "post_remove", "post_clear"):
        bump(PAGES)


def kind_of(model):
    """The kind of content rows of `model` are, or None for what members do (registrations,
    memberships, profiles, photos, reports) and what visitors never see."""
    if issubclass(model, Page | Site | Locale | PageViewRestriction):
        return PAGES
    if issubclass(model, get_image_model()):
        return IMAGES
    if issubclass(model, get_document_model()):
        return DOCUMENTS
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


# What Wagtail records about an image's or a document's file: nothing visitors see.
FILE_METADATA = {"file_size", "file_hash"}


def _saved(sender, instance, created=False, update_fields=None, **kwargs):
    # Drafts change nothing visitors see; pages saved live outside the publish workflow
    # (imports, scripts, alias updates) do.
    if isinstance(instance, Page) and (
        not instance.live or (update_fields and set(update_fields) <= DRAFT_FIELDS)
    ):
        return
    if isinstance(instance, Page):
        # What it is indexed with may change without a publish: its next index replaces SEARCH.
        cache.delete(INDEXED_KEY.format(instance.pk))
    kind = kind_of(sender)
    # A new image (a member's uploaded photo) or document is shown nowhere until a page that
    # shows it is published, which is a change of pages; an edited one may be shown already.
    if kind in (IMAGES, DOCUMENTS) and (
        created or (update_fields and set(update_fields) <= FILE_METADATA)
    ):
        return
    if kind is not None:
        bump(kind)


def _deleted(sender, instance, **kwargs):
    # A draft (a member's own, deleted with their account) was never shown; nor was an image
    # or document only drafts refer to (the photo of such a draft, deleted before the draft).
    if isinstance(instance, Page) and not instance.live:
        return
    kind = kind_of(sender)
    if kind in (IMAGES, DOCUMENTS) and not shown_anywhere(instance):
        return
    if kind is not None:
        bump(kind)


def shown_anywhere(instance):
    """Whether a live page or anything that is not a page (a snippet, a setting) refers to
    `instance`, by Wagtail's reference index."""
    references = ReferenceIndex.get_references_to(instance)
    page_type = ContentType.objects.get_for_model(Page)
    if references.exclude(base_content_type=page_type).exists():
        return True
    page_ids = references.filter(base_content_type=page_type).values_list("object_id", flat=True)
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids], live=True).exists()
