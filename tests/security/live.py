"""The site as `make run` serves it, in a process of its own, on a copy of the test database in a
file: what a test sets up in its (in-memory) database is what the server then serves. Locking,
outages of Redis or of the database only show with a real server on a real file."""

import http.cookiejar
import os
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection

from tests.perf.server import stop_process

ROOT = Path(__file__).resolve().parent.parent.parent


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def closed_port():
    """A loopback port nothing listens on: connecting to it is refused at once."""
    return free_port()


def copy_test_database(path):
    """Writes the test database, as committed so far, to an SQLite file."""
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


class LiveSite:
    """`manage.py runserver` (threaded, as `make run`) on a free loopback port; a context manager
    that stops it. `environment` adds to or overrides what the server gets."""

    def __init__(self, database, log, **environment):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = Path(log)
        env = {
            key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ
        }
        env.update(
            DJANGO_SETTINGS_MODULE="jumelage.settings.dev",
            # The test's own key: sessions made in the test are valid on the server.
            SECRET_KEY=settings.SECRET_KEY,
            DATABASE_URL=f"sqlite:///{database}",
            MEDIA_ROOT=str(settings.MEDIA_ROOT),
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            PYTHONUNBUFFERED="1",
        )
        env.update(environment)
        self.environment = env

    def __enter__(self):
        with open(self.log, "ab") as output:
            self.process = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
                [
                    sys.executable,
                    "manage.py",
                    "runserver",
                    "--noreload",
                    "--skip-checks",
                    f"127.0.0.1:{self.port}",
                ],
                cwd=ROOT,
                env=self.environment,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited:\n{self.log.read_text()[-3000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the server did not start:\n{self.log.read_text()[-3000:]}")

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        stop_process(self.process)

    def log_text(self):
        return self.log.read_text(errors="replace")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A visitor: its own cookies, CSRF token and address; answers are (status, body)."""

    def __init__(self, site, session_key=None, forwarded_for=None):
        self.site = site
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )
        self.csrf = secrets.token_hex(16)  # a 32-character secret, accepted as its own token
        self.set_cookie(settings.CSRF_COOKIE_NAME, self.csrf)
        if session_key:
            self.set_cookie(settings.SESSION_COOKIE_NAME, session_key)
        self.headers = {"X-CSRFToken": self.csrf, "Referer": site.url + "/"}
        if forwarded_for:
            self.headers["X-Forwarded-For"] = forwarded_for

    def set_cookie(self, name, value):
        self.jar.set_cookie(
            http.cookiejar.Cookie(
                0,
                name,
                value,
                None,
                False,
                "127.0.0.1",
                False,
                False,
                "/",
                True,
                False,
                None,
                False,
                None,
                None,
                {},
            )
        )

    def drop_cookie(self, name):
        self.jar.clear("127.0.0.1", "/", name)

    def request(self, path, data=None, timeout=60):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(  # noqa: S310 - http on loopback, built here
            self.site.url + path, data=body, headers=self.headers
        )
        try:
            # Loopback address of the server this test started.
            with self.opener.open(request, timeout=timeout) as answer:  # noqa: S310
                return answer.status, answer.read().decode(errors="replace")
        except urllib.error.HTTPError as answer:
            return answer.code, answer.read().decode(errors="replace")

    def get(self, path):
        return self.request(path)

    def post(self, path, data=None):
        return self.request(path, data or {})


def member(email, password):
    """A member with a verified address who can log in on the live server: the test settings hash
    with MD5, which the server (development settings) does not know, so PBKDF2 it is."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    user = get_user_model().objects.create_user(email, display_name=email.split("@")[0])
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(password, hasher.salt())
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user
