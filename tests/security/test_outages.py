"""Faults of the parts the site runs on, rehearsed on a live server: Redis that stops answering,
a database that cannot be reached while members try to log in."""

import datetime
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from exchanges.factories import CalendarPageFactory, MeetingPageFactory
from tests.base import BilingualSiteMixin
from tests.security.live import ROOT, Browser, LiveSite, copy_test_database, free_port, member

PASSWORD = "een-heel-lang-wachtwoord"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="runs the SQLite default"),
]


class Site(BilingualSiteMixin):
    pass


@pytest.fixture
def redis_server(tmp_path):
    """A redis-server of this test alone, on a free loopback port."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - the system's redis-server, fixed arguments
        [
            shutil.which("redis-server") or "/usr/bin/redis-server",
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    yield port, process
    if process.poll() is None:
        process.kill()
        process.wait()


def test_with_redis_gone_pages_serve_members_post_and_log_in_with_one_warning(
    tmp_path, redis_server
):
    port, redis = redis_server
    Site.build_site()
    anna = member("anna@example.org", PASSWORD)
    start = timezone.now() + datetime.timedelta(days=30)
    meeting = MeetingPageFactory(
        parent=CalendarPageFactory(parent=Site.home),
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    session = Client()
    session.force_login(anna)
    database = tmp_path / "site.sqlite3"
    copy_test_database(database)

    with LiveSite(
        database, tmp_path / "server.log", REDIS_URL=f"redis://127.0.0.1:{port}/0"
    ) as site:
        visitor = Browser(site)
        assert visitor.get("/nl/")[0] == 200
        redis.kill()
        redis.wait()

        pages = [visitor.get("/nl/")[0] for _ in range(10)]
        # A member registers (our rate limit counts in Redis): saved, not a 500.
        anna_there = Browser(site, session.cookies["sessionid"].value)
        registration = anna_there.post(f"/nl/meetings/{meeting.pk}/register/")
        # A login (allauth's rate limits take a lock in Redis): it works, not a 429.
        newcomer = Browser(site)
        login = newcomer.post("/nl/accounts/login/", {"login": anna.email, "password": PASSWORD})
        member_area = newcomer.get("/nl/members/")
        log = site.log_text()

    assert pages == [200] * 10
    assert registration[0] == 302, registration[1][-2000:]
    with sqlite3.connect(database) as stored:
        assert stored.execute("SELECT COUNT(*) FROM exchanges_registration").fetchone() == (1,)
    assert login[0] == 302, login[1][-2000:]
    assert member_area[0] == 200
    assert log.count("cannot be reached") == 1, log[-3000:]
    assert "Traceback" not in log


PUBLISH_HOME_TITLE = """
from home.models import HomePage
page = HomePage.objects.get(locale__language_code="nl")
page.title = "Gepubliceerd terwijl Redis weg was"
page.save_revision().publish()
"""


def test_a_publish_while_redis_is_away_is_not_served_stale_when_it_is_back(tmp_path, redis_server):
    port, redis = redis_server
    Site.build_site()
    database = tmp_path / "site.sqlite3"
    copy_test_database(database)
    environment = {
        "REDIS_URL": f"redis://127.0.0.1:{port}/0",
        "PAGE_CACHE_SECONDS": "300",
        "CACHE_VERSION_SECONDS": "1",
    }

    with LiveSite(database, tmp_path / "server.log", **environment) as site:
        visitor = Browser(site)
        before = [visitor.get("/nl/")[1] for _ in range(2)]
        # Redis stops answering, keeping its data; an editor publishes meanwhile (here from a
        # shell on another application server).
        redis.send_signal(signal.SIGSTOP)
        try:
            subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
                [sys.executable, "manage.py", "shell", "-c", PUBLISH_HOME_TITLE],
                cwd=ROOT,
                env=site.environment,
                check=True,
                capture_output=True,
                timeout=300,
            )
        finally:
            redis.send_signal(signal.SIGCONT)
        time.sleep(1.5)
        status, after = visitor.get("/nl/")

    assert all(Site.home.title in page for page in before)
    assert status == 200
    assert "Gepubliceerd terwijl Redis weg was" in after
    assert Site.home.title not in after


def test_logging_in_while_the_database_is_unreachable_does_not_lock_the_account(tmp_path):
    Site.build_site()
    anna = member("anna@example.org", PASSWORD)
    database = tmp_path / "site.sqlite3"
    copy_test_database(database)
    away = tmp_path / "away"
    away.mkdir()

    def login(password=PASSWORD):
        browser = Browser(site)
        status, body = browser.post(
            "/nl/accounts/login/", {"login": anna.email, "password": password}
        )
        return browser, status, body

    with LiveSite(database, tmp_path / "server.log") as site:
        # The database cannot be opened: its files are moved away, a folder stands in their place.
        for part in tmp_path.glob("site.sqlite3*"):
            part.rename(away / part.name)
        database.mkdir()
        during = [login()[1] for _ in range(6)]
        database.rmdir()
        for part in away.iterdir():
            part.rename(tmp_path / part.name)

        # Back: Anna logs in at once, not "too many failed login attempts" for five minutes.
        browser, status, body = login()
        member_area = browser.get("/nl/members/")[0]
        # Wrong passwords still count: after five, even the right one is refused for a while.
        wrong = [login("niet-het-wachtwoord")[1] for _ in range(5)]
        _, refused, refusal = login()
        log = site.log_text()

    assert during == [500] * 6, log[-3000:]
    assert "OperationalError" in log
    assert status == 302, body[-3000:]
    assert member_area == 200
    assert wrong == [200] * 5
    assert refused == 200
    assert "Te veel mislukte inlogpogingen" in refusal
