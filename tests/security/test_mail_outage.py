"""Nothing a member does fails because mail cannot be sent.

Every email is rendered in the request and sent by the task worker (home/mail.py). These tests
run the site's real queue: the database backend of django-tasks and its worker
(`manage.py db_worker --batch`), against a real SMTP server on loopback (aiosmtpd) that is down,
then refuses, then accepts."""

import asyncio
import datetime
import io
import logging
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import BadHeaderError, EmailMessage
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.admin.mail import send_mail as wagtail_send_mail
from wagtail.models import PageSubscription

from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from home.mail import OutgoingEmail, queue_email, resume_overdue
from home.tasks import deliver_email
from tests.base import BilingualSiteMixin
from tests.security.live import free_port
from tests.test_roles import form_with_comment

pytestmark = pytest.mark.django_db(transaction=True)


class Site(BilingualSiteMixin):
    pass


class MailServer:
    """An SMTP server on loopback that answers "451 try again later" to every recipient until
    it is told to accept; `messages` holds what it accepted."""

    def __init__(self, port):
        self.accepting = False
        self.messages = []
        self.controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if not self.accepting:
            return "451 4.3.2 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 Message accepted for delivery"

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


@contextmanager
def real_queue_and_smtp(port):
    """The settings a deployment has: tasks in the database, mail over SMTP."""
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
        EMAIL_BACKEND="home.mail.QueueingBackend",
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=10,
    ):
        yield


def run_worker(verbosity=1):
    """`manage.py db_worker --batch`: runs every task that is due, then exits. The command sets
    signal handlers and log levels for a process of its own; they are put back afterwards."""
    handlers = {
        sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
    }
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    levels = [logger.level for logger in loggers]
    try:
        call_command(
            "db_worker",
            batch=True,
            startup_delay=False,
            reload=False,
            verbosity=verbosity,
            stdout=io.StringIO(),
        )
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def sign_up(client, email="carla@example.org"):
    return client.post(
        "/nl/accounts/signup/",
        {
            "email": email,
            "password1": "een-heel-lang-wachtwoord",
            "password2": "een-heel-lang-wachtwoord",
            "display_name": "Carla",
            "town": "",
            "language": "de",
            "privacy_consent": "on",
        },
    )


def test_sign_up_while_the_mail_server_is_down_works_and_the_confirmation_arrives_once_later():
    Site.build_site()
    port = free_port()
    server = MailServer(port)
    with real_queue_and_smtp(port):
        # The mail server is not running: the sign-up still succeeds.
        client = Client()
        response = sign_up(client)
        assert response.status_code == 302
        assert get_user_model().objects.filter(email="carla@example.org").exists()

        # The worker cannot reach the server: nothing is sent, a retry is scheduled.
        run_worker()
        email = OutgoingEmail.objects.get(recipients="carla@example.org")
        assert (email.status, email.attempts) == ("queued", 1)
        assert email.next_attempt_at > timezone.now()
        assert "Connection" in email.last_error

        with server:
            # The server is up but refuses ("451 try again later"); the retry waits its turn,
            # then is refused too, and the next one is scheduled further away.
            run_worker()
            assert OutgoingEmail.objects.get(pk=email.pk).attempts == 1
            with time_machine.travel(email.next_attempt_at + datetime.timedelta(seconds=1)):
                run_worker()
            email.refresh_from_db()
            assert (email.status, email.attempts) == ("queued", 2)
            assert "451" in email.last_error
            assert server.messages == []

            # The server accepts again: the confirmation is delivered, exactly once.
            server.accepting = True
            with time_machine.travel(email.next_attempt_at + datetime.timedelta(seconds=1)):
                run_worker()
            assert len(server.messages) == 1
            recipients, content = server.messages[0]
            assert recipients == ["carla@example.org"]
            email.refresh_from_db()
            assert email.status == "sent"

            # More worker runs, a day later, and the same delivery enqueued once more (as after
            # a worker that died before it could record its task as done): nothing twice.
            deliver_email.enqueue(email.pk)
            with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
                run_worker()
                run_worker()
            assert len(server.messages) == 1

        # The member can use what arrived: a German confirmation link that logs them in.
        link = re.search(r"https?://\S+/de/accounts/confirm-email/\S+", content.replace("=\n", ""))
        assert link is not None, content
        response = client.post(link.group(0).replace("http://testserver", ""))
        assert response.status_code == 302
        assert client.session.get("_auth_user_id")


def test_an_editors_comment_while_the_mail_server_is_down_is_saved_and_notified_later():
    """Wagtail's page editor sends its comment notifications itself, through Django's mail API:
    they are queued like ours, not sent (or lost) in the editor's request."""
    Site.build_site()
    setup_roles()
    page = Site.add_page(title="Over ons", slug="over-ons")
    editor = get_user_model().objects.create_user("redactie@example.org", "wachtwoord-123")
    colleague = get_user_model().objects.create_user("redaktion@example.org", "wachtwoord-123")
    for user, group in ((editor, EDITOR_GROUPS[0]), (colleague, EDITOR_GROUPS[1])):
        user.groups.add(Group.objects.get(name=group))
    PageSubscription.objects.create(user=colleague, page=page, comment_notifications=True)
    port = free_port()
    server = MailServer(port)
    with real_queue_and_smtp(port):
        client = Client()
        client.force_login(editor)
        edit = f"/admin/pages/{page.pk}/edit/"
        data = form_with_comment(client, edit, "Klopt de datum in de titel?")
        response = client.post(edit, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert page.wagtail_admin_comments.get().text == "Klopt de datum in de titel?"

        # The mail server is down: the notification waits in the queue.
        run_worker()
        email = OutgoingEmail.objects.get(recipients="redaktion@example.org")
        assert email.status == "queued"

        with server:
            server.accepting = True
            with time_machine.travel(email.next_attempt_at + datetime.timedelta(seconds=1)):
                run_worker()
        assert [recipients for recipients, _content in server.messages] == [
            ["redaktion@example.org"]
        ]
        assert "Klopt de datum in de titel?" in server.messages[0][1]


class HoldingMailServer(MailServer):
    """Accepts every message but holds its answer to the `hold`-th one until released, as a
    slow server does: the worker that sent it is then waiting for the server's answer."""

    def __init__(self, port, hold):
        super().__init__(port)
        self.accepting = True
        self.hold = hold
        self.holding = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        answer = await super().handle_DATA(server, session, envelope)
        if len(self.messages) == self.hold:
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        return answer


ROOT = Path(__file__).resolve().parent.parent.parent


def worker_process(database_url, port, log):
    """`manage.py db_worker` in a process of its own, as a deployment runs it."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="jumelage.settings.dev",
        DATABASE_URL=database_url,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        PYTHONUNBUFFERED="1",
    )
    return subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


@contextmanager
def database_for_processes(tmp_path):
    """A URL other processes can reach the test database at. SQLite's is in memory: it is
    written to a file for them and read back afterwards."""
    if connection.vendor != "sqlite":
        settings = connection.settings_dict
        user = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
        yield f"postgres://{user}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
        return
    path = tmp_path / "queue.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    yield f"sqlite:///{path}"
    source = sqlite3.connect(path)
    source.backup(connection.connection)
    source.close()


def test_a_worker_killed_in_the_middle_of_a_batch_sends_nothing_twice(tmp_path):
    port = free_port()
    server = HoldingMailServer(port, hold=2)
    recipients = ["anke@example.org", "jonas@example.org", "maria@example.org"]
    with real_queue_and_smtp(port):
        for address in recipients:
            queue_email(EmailMessage("Nieuws", f"Hallo {address}", to=[address]))
    log_path = tmp_path / "workers.log"
    with server, database_for_processes(tmp_path) as database_url, open(log_path, "ab") as log:
        # A worker sends the first email; while the server holds its answer to the second,
        # the worker is killed (power cut, OOM killer, `kill -9`).
        worker = worker_process(database_url, port, log)
        try:
            assert server.holding.wait(timeout=120), log_path.read_text()
        finally:
            worker.kill()
            worker.wait()
            server.release.set()
        # Another worker takes over the rest of the batch.
        worker = worker_process(database_url, port, log)
        assert worker.wait(timeout=120) == 0, log_path.read_text()

    delivered = sorted(to for to, _content in server.messages)
    assert delivered == [[address] for address in recipients]
    held = server.messages[1][0][0]
    statuses = dict(OutgoingEmail.objects.values_list("recipients", "status"))
    assert statuses == {address: "sending" if address == held else "sent" for address in recipients}

    # Later, whatever a dead worker left behind is looked at again (`manage.py resume_work`):
    # the email it was sending may have arrived, so it is not sent again but marked failed.
    later = MailServer(port)
    later.accepting = True
    with real_queue_and_smtp(port), later:
        with time_machine.travel(timezone.now() + datetime.timedelta(minutes=20)):
            assert resume_overdue() == 1
            run_worker()
    assert later.messages == []
    email = OutgoingEmail.objects.get(recipients=held)
    assert email.status == "failed"
    assert "may not have arrived" in email.last_error


def test_an_email_refused_for_a_day_is_given_up_with_an_error_in_the_log(caplog):
    port = free_port()
    with real_queue_and_smtp(port), MailServer(port) as server:
        queue_email(EmailMessage("Nieuws", "Hallo", to=["anke@example.org"]))
        email = OutgoingEmail.objects.get()
        first_attempt = last_attempt = timezone.now()
        run_worker()
        email.refresh_from_db()
        while email.status == "queued":
            last_attempt = email.next_attempt_at + datetime.timedelta(seconds=1)
            with time_machine.travel(last_attempt):
                run_worker()
            email.refresh_from_db()
        assert server.messages == []
    assert (email.status, email.attempts) == ("failed", 10)
    given_up = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert len(given_up) == 1
    assert "anke@example.org not sent after 10 attempt(s)" in given_up[0].getMessage()
    # Nine waits between ten attempts: about a day.
    assert (
        datetime.timedelta(hours=23) < last_attempt - first_attempt < datetime.timedelta(hours=25)
    )


def test_the_record_of_a_sent_email_is_forgotten_after_thirty_days():
    port = free_port()
    with real_queue_and_smtp(port), MailServer(port) as server:
        server.accepting = True
        queue_email(EmailMessage("Nieuws", "Hallo", to=["anke@example.org"]))
        run_worker()
        with time_machine.travel(timezone.now() + datetime.timedelta(days=29)):
            queue_email(EmailMessage("Nieuws", "Hallo", to=["jonas@example.org"]))
            run_worker()
        assert OutgoingEmail.objects.count() == 2
        with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
            queue_email(EmailMessage("Nieuws", "Hallo", to=["maria@example.org"]))
            run_worker()
    assert len(server.messages) == 3
    assert set(OutgoingEmail.objects.values_list("recipients", flat=True)) == {
        "jonas@example.org",
        "maria@example.org",
    }


def test_a_line_break_in_a_subject_is_sent_as_one_line_and_other_headers_are_refused_at_once():
    """A page title with a line break in Wagtail's subject failed only at the mail server's
    turn: retried for a day, its error naming the subject to every editor on the outbox page.
    The queue now sends the subject on one line, and refuses a line break in another header
    when it is queued (the caller hears of it; nothing waits to fail)."""
    port = free_port()
    with real_queue_and_smtp(port), MailServer(port) as server:
        server.accepting = True
        wagtail_send_mail('Opmerking bij "Over ons\nen de stichting"', "Tekst", ["a@example.org"])
        run_worker()
        email = OutgoingEmail.objects.get()
        assert (email.status, email.last_error) == ("sent", "")
        assert email.subject == 'Opmerking bij "Over ons en de stichting"'
        assert len(server.messages) == 1
        assert 'Subject: Opmerking bij "Over ons en de stichting"' in server.messages[0][1]

        with pytest.raises(BadHeaderError):
            EmailMessage(
                "Nieuws", "Hallo", to=["b@example.org"], headers={"X-Page": "Over ons\nBcc: c@x"}
            ).send()
        run_worker()
    assert list(OutgoingEmail.objects.values_list("recipients", flat=True)) == ["a@example.org"]
    assert len(server.messages) == 1
