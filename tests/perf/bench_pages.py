"""The pages `make bench` measures, and the SQL queries each one costs.

Run by tests/perf/bench.py as `python -m tests.perf.bench_pages` with the environment of a
phase (production settings on the bench database; page cache off for "cold", on for "warm").
It asks Django's test client for each page as an anonymous visitor without cookies: once to fill
what every server process keeps (templates, content types); then, after the content generation
changed as when an editor publishes, once from scratch (nothing in the content cache), once as
most requests are served (the page's body from the content cache as rendered HTML), and once
with its body rendered but what pages share cached: the queries of that last request are the
ones the budget counts. Prints JSON with the queries and the time of each, and the slowest query,
to tell what a page costs from what queueing adds."""

import functools
import json
import re
import sys
import time

import django

HEADERS = {"X-Forwarded-Proto": "https"}
HOST = "127.0.0.1"
# A listing narrowed by two filters and turned to its second page: the filters' subqueries and
# the count of matching stories run on the whole table.
STORY_FILTER = "?sector=agrarische-sector&town=herzebrock-clarholz&page=2"


@functools.cache
def visitor():
    """One test client for the process, so the middleware is set up once, as in a server
    process, and not timed with each request."""
    from django.test import Client

    return Client(headers=HEADERS)


def get(path):
    """GET as an anonymous visitor: no cookies kept from earlier answers."""
    client = visitor()
    client.cookies.clear()
    return client.get(path, HTTP_HOST=HOST)


def middle(queryset):
    return queryset[queryset.count() // 2]


def pages():
    """(label, kind, path) of each measured URL; kind is "floor", "static" or "page"."""
    from django.urls import reverse
    from django.utils import translation

    from community.models import SectorPage
    from exchanges.models import CalendarPage, StoryIndexPage, StoryPage
    from home.models import HomePage

    dutch = {"locale__language_code": "nl"}
    home = HomePage.objects.get(**dutch)
    stories = StoryIndexPage.objects.get(**dutch)
    story = middle(
        StoryPage.objects.live()
        .filter(**dutch, member_contribution=False, story_sectors__isnull=False)
        .order_by("path")
    )
    sector = SectorPage.objects.filter(**dutch).order_by("path").first()
    calendar = CalendarPage.objects.get(**dutch)
    with translation.override("nl"):
        ical = reverse("calendar_feed")
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', get(home.url).text)[1]
    return [
        ("/healthz", "floor", "/healthz"),
        ("static file", "static", stylesheet),
        ("home", "page", home.url),
        ("story index", "page", stories.url),
        ("story index, filtered", "page", stories.url + STORY_FILTER),
        ("story", "page", story.url),
        ("sector", "page", sector.url),
        ("calendar month", "page", f"{calendar.url}?view=month"),
        ("iCal feed", "page", ical),
    ]


def shorten(query):
    """A query without its column list, which says little and takes most of the space."""
    return re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", query, count=1, flags=re.DOTALL)[:600]


def timed(path):
    """Status, queries and time of one request (in this single process, without competition:
    what the request costs before any queueing)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        response = get(path)
    elapsed = (time.perf_counter() - started) * 1000
    queries = [(float(query["time"]) * 1000, query["sql"]) for query in captured.captured_queries]
    return response.status_code, elapsed, queries


def measure(path):
    from django.test import override_settings

    from home.cache import bump

    get(path)
    bump()
    status, scratch_ms, scratch_queries = timed(path)
    _, cached_ms, cached_queries = timed(path)
    with override_settings(CACHE_RENDERED_HTML=False):
        _, render_ms, queries = timed(path)
    slowest = max(queries, default=(0.0, ""))
    return {
        "status": status,
        # The page's body rendered, what pages share taken from the content cache: the budget.
        "queries": len(queries),
        "render_ms": round(render_ms, 1),
        "sql_ms": round(sum(ms for ms, _ in queries), 1),
        "slowest_query": {"ms": round(slowest[0], 1), "sql": shorten(slowest[1])},
        # Nothing in the content cache: the first request after a change of content.
        "scratch_queries": len(scratch_queries),
        "scratch_ms": round(scratch_ms, 1),
        # The page's body from the content cache as well: most requests.
        "cached_queries": len(cached_queries),
        "cached_ms": round(cached_ms, 1),
    }


def content_counts():
    from community.models import User
    from exchanges.models import MeetingPage, StoryPage

    counts = {}
    for model, name in ((StoryPage, "stories"), (MeetingPage, "meetings")):
        for language in ("nl", "de"):
            counts[f"{name}_{language}"] = model.objects.filter(
                locale__language_code=language
            ).count()
    counts["german_aliases"] = (
        StoryPage.objects.filter(alias_of__isnull=False).count()
        + MeetingPage.objects.filter(alias_of__isnull=False).count()
    )
    counts["members"] = User.objects.filter(email__endswith="@bench.jumelage.example").count()
    return counts


def main():
    django.setup()
    measured = []
    for label, kind, path in pages():
        measured.append({"label": label, "kind": kind, "path": path, **measure(path)})
    json.dump({"pages": measured, "content": content_counts()}, sys.stdout)


if __name__ == "__main__":
    main()
