"""The embedded default (SQLite, `make run`) never loses a write: members who press "register" at
the same moment all get an answer, and the meeting is never over-booked. Runs a real threaded
server on a database file; an in-memory database would never show "database is locked"."""

import datetime
import sqlite3
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.utils import timezone

from exchanges.choices import RegistrationStatus
from exchanges.factories import CalendarPageFactory, MeetingPageFactory
from exchanges.models import Registration
from tests.base import BilingualSiteMixin
from tests.security.live import Browser, LiveSite, copy_test_database

WRITERS = 20
CAPACITY = 15

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite default only"),
]


class Site(BilingualSiteMixin):
    pass


def logged_in_session(user):
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def at_once(count, action):
    """Runs `action(number)` in `count` threads released together; returns their answers."""
    start = threading.Barrier(count)
    answers = [None] * count

    def run(number):
        start.wait()
        answers[number] = action(number)

    threads = [threading.Thread(target=run, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_twenty_members_registering_at_once_all_get_an_answer_and_no_place_twice(tmp_path):
    Site.build_site()
    calendar = CalendarPageFactory(parent=Site.home)
    start = timezone.now() + datetime.timedelta(days=30)
    meeting = MeetingPageFactory(
        parent=calendar, start=start, end=start + datetime.timedelta(hours=2), capacity=CAPACITY
    )
    members = [
        get_user_model().objects.create_user(f"lid-{number}@example.org", "een-lang-wachtwoord")
        for number in range(WRITERS)
    ]
    sessions = [logged_in_session(member) for member in members]
    database = tmp_path / "site.sqlite3"
    copy_test_database(database)

    with LiveSite(database, tmp_path / "server.log") as site:
        browsers = [Browser(site, session) for session in sessions]
        answers = at_once(
            WRITERS, lambda number: browsers[number].post(f"/nl/meetings/{meeting.pk}/register/")
        )
        log = site.log_text()

    statuses = [status for status, _ in answers]
    assert statuses == [302] * WRITERS, (statuses, log[-3000:])
    assert "database is locked" not in log
    # What the server wrote is in the file, not in the test's own database.
    with sqlite3.connect(database) as stored:
        counts = dict(
            stored.execute(
                "SELECT status, COUNT(*) FROM exchanges_registration GROUP BY status"
            ).fetchall()
        )
    assert counts == {
        RegistrationStatus.REGISTERED: CAPACITY,
        RegistrationStatus.WAITLISTED: WRITERS - CAPACITY,
    }
    assert Registration.objects.count() == 0  # the test's database saw none of it
