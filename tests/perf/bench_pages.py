"""The pages `make bench` measures, and the SQL queries each one costs.

Run by tests/perf/bench.py as `python -m tests.perf.bench_pages` with the environment of a
phase (production settings on the bench database; page cache off for "cold", on for "warm").
It asks Django's test client for each page twice, as an anonymous visitor without cookies, and
counts the queries of the second request: the first one fills what every server process keeps
(templates, content types, the page cache when it is on). Prints JSON, with the time of that
request and of its slowest query, to tell what a page costs from what queueing adds."""

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


def measure(path):
    """Status, queries, and where the time of one request went (in this single process, without
    competition: what each request costs before any queueing)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    get(path)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        response = get(path)
    render_ms = (time.perf_counter() - started) * 1000
    timed = [(float(query["time"]) * 1000, query["sql"]) for query in captured.captured_queries]
    slowest = max(timed, default=(0.0, ""))
    return {
        "status": response.status_code,
        "queries": len(timed),
        "render_ms": round(render_ms, 1),
        "sql_ms": round(sum(ms for ms, _ in timed), 1),
        "slowest_query": {"ms": round(slowest[0], 1), "sql": shorten(slowest[1])},
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
