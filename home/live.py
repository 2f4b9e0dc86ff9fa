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
that depends on the visitor is such a part, so members are served from the same entries."""

import re
import secrets
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.utils import translation


@dataclass(frozen=True)
class LivePart:
    template: str
    # (request, *args) -> the template's context, as the page gives it.
    context: object
    # Depends on the visitor only: kept as rendered for anonymous visitors.
    by_visitor: bool = False


_parts = {}


def register(name, template, context, by_visitor=False):
    """Shows `template` where a page says `{% live name args %}`; on a page cache hit with the
    context `context(request, *args)` returns. Parts that share a context function and its
    arguments (a meeting's places and its registration) share one call of it on a hit.
    `by_visitor`: what it shows depends on who asks, and on nothing else that changes without
    a new version of the page (see the module's text)."""
    _parts[name] = LivePart(template, context, by_visitor)


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


def render_parts(request, parts, kept):
    """The HTML of each part, [name, args, language] as collected, for the visitor of a page
    cache hit: `kept` holds the anonymous copy of each `by_visitor` part (None for the others),
    shown to an anonymous visitor, whose hit comes before the middleware that finds the
    visitor."""
    if not hasattr(request, "user"):
        request.user = AnonymousUser()
    anonymous = not request.user.is_authenticated
    contexts = {}
    rendered = []
    for (name, args, language), html in zip(parts, kept, strict=True):
        if anonymous and html is not None:
            rendered.append(html)
            continue
        live_part = part(name)
        key = (live_part.context, language, *args)
        with translation.override(language):
            if key not in contexts:
                contexts[key] = live_part.context(request, *args)
            rendered.append(render_to_string(live_part.template, contexts[key], request))
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
