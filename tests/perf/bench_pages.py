"""The pages `make bench` measures, the SQL queries each one costs, and the members it logs in.

Run by tests/perf/bench.py as `python -m tests.perf.bench_pages ACTION` with the environment of
the server it measures (production settings on the bench database):

- `pages`: each URL with its status and queries, asked from Django's test client as an
  anonymous visitor without cookies: once to fill what every server process keeps (templates,
  content types), then once counted. Run with caches off (production settings without
  REDIS_URL), so the count is what every request of an uncached page costs: the budget.
- `members N`: sessions of N bench members, logged in as allauth would, in the session store of
  these settings; with the addresses a member writes to (join and leave a sector, register for
  a meeting and cancel). For the member phase (their cookie) and the writers
  (tests/perf/bench_writers.py).

Prints JSON."""

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
BENCH_MEMBERS = "@bench.jumelage.example"


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

    from community.models import SectorIndexPage, SectorPage
    from exchanges.models import CalendarPage, MeetingPage, StoryIndexPage, StoryPage
    from home.models import HomePage, StandardPage

    dutch = {"locale__language_code": "nl"}
    home = HomePage.objects.get(**dutch)
    stories = StoryIndexPage.objects.get(**dutch)
    story = middle(
        StoryPage.objects.live()
        .filter(**dutch, member_contribution=False, story_sectors__isnull=False)
        .order_by("path")
    )
    meeting = middle(MeetingPage.objects.live().filter(**dutch).order_by("path"))
    sector = SectorPage.objects.live().filter(**dutch).order_by("path").first()
    calendar = CalendarPage.objects.get(**dutch)
    standard = StandardPage.objects.live().filter(**dutch).order_by("path").first()
    with translation.override("nl"):
        ical = reverse("calendar_feed")
        search = reverse("search") + "?q=fiets"
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', get(home.url).text)[1]
    return [
        ("/healthz", "floor", "/healthz"),
        ("static file", "static", stylesheet),
        ("home", "page", home.url),
        ("story index", "page", stories.url),
        ("story index, filtered", "page", stories.url + STORY_FILTER),
        ("story", "page", story.url),
        ("sector index", "page", SectorIndexPage.objects.get(**dutch).url),
        ("sector", "page", sector.url),
        ("calendar", "page", calendar.url),
        ("calendar month", "page", f"{calendar.url}?view=month"),
        ("meeting", "page", meeting.url),
        ("standard page", "page", standard.url),
        ("search", "page", search),
        ("iCal feed", "page", ical),
    ]


def timed(path):
    """Status, queries and time of one request (in this single process, without competition:
    what the request costs before any queueing)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        response = get(path)
    elapsed = (time.perf_counter() - started) * 1000
    return response.status_code, elapsed, len(captured)


def measure(path):
    get(path)
    status, render_ms, queries = timed(path)
    return {"status": status, "queries": queries, "render_ms": round(render_ms, 1)}


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
    counts["members"] = User.objects.filter(email__endswith=BENCH_MEMBERS).count()
    return counts


def member_sessions(count):
    """Sessions of `count` active bench members, as a login leaves them (the session store and
    its cache of these settings), with the pages and form addresses a member uses."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.urls import reverse
    from django.utils import timezone, translation

    from community.models import SectorPage, User
    from exchanges.models import MeetingPage

    store = import_module(settings.SESSION_ENGINE).SessionStore
    members = User.objects.filter(email__endswith=BENCH_MEMBERS, is_active=True).order_by("pk")
    sessions = []
    for member in members[:count]:
        session = store()
        session[SESSION_KEY] = str(member.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = member.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
    dutch = {"locale__language_code": "nl"}
    sector = SectorPage.objects.live().filter(**dutch).order_by("path").first()
    upcoming = MeetingPage.objects.live().filter(**dutch, start__gt=timezone.now())
    meeting = next(page for page in upcoming.order_by("start")[:100] if page.registration_open())
    with translation.override("nl"):
        urls = {
            "sector": sector.url,
            "join": reverse("join_sector", args=[sector.pk]),
            "leave": reverse("leave_sector", args=[sector.pk]),
            "meeting": meeting.url,
            "register": reverse("meeting_register", args=[meeting.pk]),
            "cancel": reverse("meeting_cancel_registration", args=[meeting.pk]),
            "member_area": reverse("member_area"),
        }
    return {"cookie": settings.SESSION_COOKIE_NAME, "sessions": sessions, "urls": urls}


def main():
    django.setup()
    action = sys.argv[1]
    if action == "pages":
        measured = [
            {"label": label, "kind": kind, "path": path, **measure(path)}
            for label, kind, path in pages()
        ]
        result = {"pages": measured, "content": content_counts()}
    elif action == "members":
        result = member_sessions(int(sys.argv[2]))
    else:
        raise SystemExit(f"bench_pages: unknown action {action!r}")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
