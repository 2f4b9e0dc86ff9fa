"""Live parts: what changes with members' own actions (the places left on a meeting, a sector's
members, an author's name), inside pages the anonymous page cache keeps whole.

A live part is a named include template and a function that gives it its context from a few
plain arguments (ids), registered by the app that owns what it shows (in its
`AppConfig.ready`). A page shows one with `{% live "name" args %}`
(home/templatetags/jumelage_tags.py), which renders the template with the page's own context.
While the page cache (home.middleware.AnonymousPageCacheMiddleware) collects a page, each
part is also wrapped in markers carrying a secret of that request only; the cache cuts them
out, keeps the page without its parts and, beside it, where each part goes, and on every hit
renders the parts anew for that request (`render_parts`). So a registration, a new member or
a new name shows on the next request, and no member's action empties the page cache. A part's
markup must come from its template and context alone, as it is rendered twice that way.

A part registered `by_visitor` shows what depends on who asks and on nothing members change for
others (the account links, a sector's join button, a meeting's online link): the anonymous
visitor's copy is kept with the page, so an anonymous hit renders nothing for it, and a member's
request (community.middleware.MemberPageCacheMiddleware) renders it for them. Everything on a page
that depends on the visitor is such a part, so members are served from the same entries.

A part registered with `tokens` is versioned by its own objects: `tokens(*args)` names what it
shows ("meeting:<translation key>": its registrations), and the code that changes one says so with
`changed(name)` once its change is committed, which gives that name a new token. The parts of a
page as an anonymous visitor sees them are kept beside the page's entry with the tokens they were
rendered under, so an anonymous hit costs no query: one read of the cache for the parts and their
tokens. A member's action replaces only the tokens of what it changes (one meeting's registrations,
one sector's members, one member's name), and a member's own request renders every part for them,
but those registered `for_everyone`: those it takes as kept with a visitor's hit or, on a page no
visitor asked for since they changed, as an earlier member's hit kept them (under their own tokens
only, as they show everyone the same). Kept parts expire after CACHE_VERSION_SECONDS as the
versions do (so a token replaced while Redis could not be reached is late by that much at most, as
a publish is), or earlier when what they say changes by time alone (`until`: a registration
closes)."""

import re
import secrets
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from home.cache import KINDS, check_plain, version_of


@dataclass(frozen=True)
class LivePart:
    template: str
    # (request, *args) -> the template's context, as the page gives it.
    context: object
    # Depends on the visitor only: kept as rendered for anonymous visitors.
    by_visitor: bool = False
    # (*args) -> the names of the objects whose changes it shows (`changed`); None: rendered
    # on every hit.
    tokens: object = None
    # (context) -> the time (an aware datetime) from which it may read otherwise by time alone,
    # or None.
    until: object = None
    # Shows every visitor the same, members too (a sector's members, a byline): a member's hit
    # takes it as kept for anonymous visitors.
    for_everyone: bool = False


_parts = {}
# How long a name keeps its token without a change: a token that expired is made anew, and the
# parts kept under the old one are rendered again.
TOKEN_SECONDS = 24 * 3600


def register(
    name, template, context, by_visitor=False, tokens=None, until=None, for_everyone=False
):
    """Shows `template` where a page says `{% live name args %}`; on a page cache hit with the
    context `context(request, *args)` returns. Parts that share a context function and its
    arguments (a meeting's places and its registration) share one call of it on a hit.
    `by_visitor`: what it shows depends on who asks, and on nothing else that changes without
    a new version of the page. `tokens` and `until`: what it shows to anonymous visitors is kept
    until one of the objects `tokens(*args)` names changes, or the time `until(context)` (see
    the module's text); with `for_everyone`, members are shown that copy too."""
    _parts[name] = LivePart(template, context, by_visitor, tokens, until, for_everyone)


def changed(*names):
    """What the parts naming `names` show changed: they are rendered again for every visitor
    from the next request on. Their tokens are replaced now and once more when the change is
    committed, so parts another request rendered in between, without the change, are not kept
    either."""

    def replace():
        cache.set_many({token_key(name): uuid.uuid4().hex for name in names}, TOKEN_SECONDS)

    if names:
        replace()
        transaction.on_commit(replace)


def with_missing_made(tokens):
    """`tokens` (name: token as read, None where the cache had none) with a token made for each
    missing name (or another request's, made meanwhile). To be called before reading what they
    version from the database: a change committed meanwhile replaces the token, so what was read
    before it is never kept as current. None where the cache keeps nothing (Redis away)."""
    missing = [name for name, token in tokens.items() if token is None]
    if not missing:
        return tokens
    for name in missing:
        cache.add(token_key(name), uuid.uuid4().hex, TOKEN_SECONDS)
    again = cache.get_many(list(map(token_key, missing)))
    return {**tokens, **{name: again.get(token_key(name)) for name in missing}}


def token_key(name):
    return f"live-token:{name}"


def kept_while_current(key, names, compute):
    """`compute()` (plain data, as for `home.cache.remember`), kept while the tokens of `names`
    and the versions of the content are current, for CACHE_VERSION_SECONDS at most: what a
    part's context reads of objects that say when they change (a meeting's registrations as one
    member sees them), so that her next hits ask the database nothing. One read of the cache."""
    if settings.CACHE_VERSION_SECONDS <= 0:
        return compute()
    entry_key = f"live-kept:{key}:{version_of(*KINDS)}"
    found = cache.get_many([entry_key, *map(token_key, names)])
    value, tokens = _current(found, entry_key, names)
    if value is not None:
        return value
    # Made before reading the database: a change committed meanwhile replaces them.
    tokens = with_missing_made(tokens)
    value = compute()
    check_plain(value, entry_key)
    _keep(entry_key, tokens, value, None)
    return value


def given(*names):
    """A part's context function that gives its arguments their names in the template."""

    def context(request, *args):
        return dict(zip(names, args, strict=True))

    return context


def part(name):
    try:
        return _parts[name]
    except KeyError:
        raise LookupError(f"No live part named {name!r} is registered.") from None


# The cache keys that the kept parts of a page's entry are read under (`keys_along`), as this
# process last found them: names only (the same for every visitor of an entry, whose key holds
# the content's versions), so that the next hit reads them with the entry, in one request.
_keys_of_entry = {}
KEYS_OF_ENTRIES_KEPT = 10000


# The same for the parts members' hits keep for everyone (`_kept_for_everyone`).
_keys_of_shared_entry = {}


def keys_along(entry_key):
    """The keys to read with a page's entry for its kept parts, if this process knows them."""
    return [*_keys_of_entry.get(entry_key, ()), *_keys_of_shared_entry.get(entry_key, ())]


def render_parts(request, parts, kept, entry_key=None, read=None):
    """The HTML of each part, [name, args, language] as collected, for the visitor of a page
    cache hit: `kept` holds the anonymous copy of each `by_visitor` part (None for the others),
    shown to an anonymous visitor, whose hit comes before the middleware that finds the
    visitor. For an anonymous visitor, the parts are kept under `entry_key` (the page's entry
    and its versions) when each has tokens or is by visitor; `read`: what was read of the
    cache with the entry (`keys_along`)."""
    if not hasattr(request, "user"):
        request.user = AnonymousUser()
    if not request.user.is_authenticated:
        if None not in kept:
            return kept
        if entry_key is not None and all(
            part(name).tokens
            for (name, _args, _lang), html in zip(parts, kept, strict=True)
            if html is None
        ):
            return _kept_for_visitors(request, parts, kept, entry_key, read or {})
        return _render(request, parts, kept)[0]
    given, keep = _kept_for_everyone(parts, kept, entry_key, read)
    rendered, until = _render(request, parts, kept, given)
    if keep is not None:
        keep(rendered, until)
    return rendered


def _render(request, parts, kept, given=None):
    """(the HTML of each part, the earliest of their `until`); `given`: the HTML of some parts
    by their index, not rendered again."""
    anonymous = not request.user.is_authenticated
    contexts = {}
    rendered = []
    until = None
    done = {}
    given = given or {}
    for index, ((name, args, language), html) in enumerate(zip(parts, kept, strict=True)):
        if anonymous and html is not None:
            rendered.append(html)
            continue
        if index in given:
            rendered.append(given[index])
            continue
        # The same part twice on a page (the header's account links, in its bar and its phone
        # menu) is rendered once.
        if (same := (name, language, *args)) in done:
            rendered.append(done[same])
            continue
        live_part = part(name)
        key = (live_part.context, language, *args)
        with translation.override(language):
            if key not in contexts:
                contexts[key] = live_part.context(request, *args)
            done[same] = render_to_string(live_part.template, contexts[key], request)
            rendered.append(done[same])
        if live_part.until is not None:
            moment = live_part.until(contexts[key])
            if moment is not None and (until is None or moment < until):
                until = moment
    return rendered, until


def _keys_of_kept(parts, kept, page_key):
    """The key of the parts kept beside a page's entry for anonymous visitors, and of their
    tokens, and the names of those."""
    names = sorted(
        {
            name
            for (part_name, args, _language), html in zip(parts, kept, strict=True)
            if html is None
            for name in part(part_name).tokens(*args)
        }
    )
    return [f"{page_key}:parts", *map(token_key, names)], names


def _read_kept(parts, kept, page_key, read):
    """(the parts kept for anonymous visitors if they are current, else None; the key they are
    kept under, and their tokens as the cache holds them)."""
    keys, names = _keys_of_kept(parts, kept, page_key)
    html, tokens = _read_entry(_keys_of_entry, page_key, keys, names, read)
    return html, keys[0], tokens


def _read_entry(keys_known, page_key, keys, names, read):
    """(the HTML kept under `keys[0]` if it is current: rendered under the tokens of `names`
    the cache holds now, and before its `until`; else None. The tokens as read.) From `read`
    when this process knew the keys (`keys_known`, by page entry) and read them with the page,
    else from a read of its own."""
    if keys_known.get(page_key) == keys and read is not None:
        found = read
    else:
        found = cache.get_many(keys)
        if len(keys_known) >= KEYS_OF_ENTRIES_KEPT:
            keys_known.clear()
        keys_known[page_key] = keys
    return _current(found, keys[0], names)


def _current(found, key, names):
    """(what `found`, a read of the cache, holds under `key` if it is current: kept under the
    tokens of `names` the cache holds now, and before its `until`; else None. The tokens as
    read.)"""
    tokens = {name: found.get(token_key(name)) for name in names}
    entry = found.get(key)
    current = (
        entry is not None
        and None not in tokens.values()
        and entry["tokens"] == tokens
        and (entry["until"] is None or time.time() < entry["until"])
    )
    return (entry["html"] if current else None), tokens


def _keep(key, tokens, html, until):
    """Keeps `html` (what a part shows, or what its context read: `kept_while_current`) made
    under `tokens` (made before it) for CACHE_VERSION_SECONDS at most, and not past `until`;
    nothing when a token is missing (Redis away)."""
    seconds = settings.CACHE_VERSION_SECONDS
    if until is not None:
        seconds = min(seconds, until.timestamp() - time.time())
    if None not in tokens.values() and seconds >= 1:
        stamp = None if until is None else until.timestamp()
        cache.set(key, {"tokens": tokens, "html": html, "until": stamp}, int(seconds))


def _kept_for_everyone(parts, kept, page_key, read):
    """For a member's hit: (the parts that show everyone the same, by their index, as kept for
    anonymous visitors or by an earlier member's hit while current; a function that keeps them
    from what this hit renders, or None). Kept apart from the anonymous visitors' copy (whose
    other parts a member's hit does not render as they see them), under the page's entry and
    the tokens of these parts alone: so the members of a page that no anonymous visitor asks for
    share them too."""
    shared = [index for index, (name, _a, _l) in enumerate(parts) if part(name).for_everyone]
    if page_key is None or not shared or not all(part(parts[i][0]).tokens for i in shared):
        return {}, None
    if all(
        part(name).tokens for (name, _a, _l), html in zip(parts, kept, strict=True) if html is None
    ):
        html, _key, _tokens = _read_kept(parts, kept, page_key, read)
        if html is not None:
            return {index: html[index] for index in shared}, None
    key, names = _keys_of_shared(parts, shared, page_key)
    keys = [key, *map(token_key, names)]
    html, tokens = _read_entry(_keys_of_shared_entry, page_key, keys, names, read)
    if html is not None:
        return dict(zip(shared, html, strict=True)), None
    # Made before the parts read the database, as for anonymous visitors' parts.
    tokens = with_missing_made(tokens)

    def keep(rendered, until):
        _keep(key, tokens, [rendered[index] for index in shared], until)

    return {}, keep


def _keys_of_shared(parts, shared, page_key):
    """The key of the parts a member's hit keeps for everyone, and the names of their tokens."""
    names = sorted(
        {name for index in shared for name in part(parts[index][0]).tokens(*parts[index][1])}
    )
    return f"{page_key}:shared", names


def _kept_for_visitors(request, parts, kept, page_key, read):
    """The parts as anonymous visitors see them: as kept beside the page's entry while the
    tokens they were rendered under are current and their `until` has not come; else rendered
    and kept. No query when they are kept, and no read of the cache but the page's once this
    process knows their keys."""
    html, entry_key, tokens = _read_kept(parts, kept, page_key, read)
    if html is not None:
        return html
    tokens = with_missing_made(tokens)
    rendered, until = _render(request, parts, kept)
    _keep(entry_key, tokens, rendered, until)
    return rendered


class Collector:
    """The live parts of one page, while the page cache collects it."""

    def __init__(self):
        # Secret to this request, so no text of the page can pass for a marker.
        self.nonce = secrets.token_hex(16)
        self.parts = []
        self.kept = []
        self.marker = re.compile(
            rb"<!--live:%s:(\d+)-->(.*?)<!--/live:%s-->"
            % (self.nonce.encode(), self.nonce.encode()),
            re.DOTALL,
        )

    def wrap(self, name, args, html):
        index = len(self.parts)
        self.parts.append([name, list(args), translation.get_language()])
        return f"<!--live:{self.nonce}:{index}-->{html}<!--/live:{self.nonce}-->"

    def cut(self, content):
        """(the page without markers, the pieces of the page between its parts); the pieces
        None unless each part came out once, in order (not one inside another, nor swallowed
        by a filter). Afterwards `kept` holds the HTML of each `by_visitor` part as this
        visitor saw it, None for the others."""
        page, pieces, position = [], [], 0
        for match in self.marker.finditer(content):
            before = content[position : match.start()]
            page += [before, match.group(2)]
            pieces.append(before)
            self.kept.append(match.group(2))
            if int(match.group(1)) != len(pieces) - 1:
                pieces = None
                break
            position = match.end()
        if pieces is not None:
            pieces.append(content[position:])
            page = b"".join([*page, content[position:]])
        if pieces is None or len(pieces) != len(self.parts) + 1 or self.nonce.encode() in page:
            stray = re.compile(rb"<!--/?live:%s(?::\d+)?-->" % self.nonce.encode())
            return stray.sub(b"", content), None
        self.kept = [
            html.decode() if part(name).by_visitor else None
            for (name, _args, _language), html in zip(self.parts, self.kept, strict=True)
        ]
        return page, pieces

    def only_by_visitor(self):
        """Whether every part depends on the visitor only: the page is then the same for every
        anonymous visitor, and shared caches downstream may keep it."""
        return all(part(name).by_visitor for name, _args, _language in self.parts)


def collect(request):
    """Starts collecting the live parts `request`'s page renders."""
    request.live_parts = Collector()
    return request.live_parts


def wrap(request, name, args, html):
    """`html` of the part `name`, marked for the page cache when it collects this page."""
    collector = getattr(request, "live_parts", None)
    return html if collector is None else collector.wrap(name, args, html)
