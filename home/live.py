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
markup must come from its template and context alone, as it is rendered twice that way."""

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


_parts = {}


def register(name, template, context):
    """Shows `template` where a page says `{% live name args %}`; on a page cache hit with the
    context `context(request, *args)` returns. Parts that share a context function and its
    arguments (a meeting's places and its registration) share one call of it on a hit."""
    _parts[name] = LivePart(template, context)


def part(name):
    try:
        return _parts[name]
    except KeyError:
        raise LookupError(f"No live part named {name!r} is registered.") from None


def render_parts(request, parts):
    """The HTML of each part, [name, args, language] as collected, for an anonymous visitor on
    a page cache hit (which comes before the middleware that finds the visitor and the
    language)."""
    if not hasattr(request, "user"):
        request.user = AnonymousUser()
    contexts = {}
    rendered = []
    for name, args, language in parts:
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
        by a filter)."""
        page, pieces, position = [], [], 0
        for match in self.marker.finditer(content):
            before = content[position : match.start()]
            page += [before, match.group(2)]
            pieces.append(before)
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
        return page, pieces


def collect(request):
    """Starts collecting the live parts `request`'s page renders."""
    request.live_parts = Collector()
    return request.live_parts


def wrap(request, name, args, html):
    """`html` of the part `name`, marked for the page cache when it collects this page."""
    collector = getattr(request, "live_parts", None)
    return html if collector is None else collector.wrap(name, args, html)
