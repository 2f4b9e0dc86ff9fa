"""Test runs: fast hashing, mail in the locmem outbox, media in a temporary folder."""

import os
import tempfile
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
# The demo content (`load_demo`), which tests load as a site to look at.
INSTALLED_APPS = [*INSTALLED_APPS, "jumelage.demo"]  # noqa: F405
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, in the request, through the same task code (emails: home/mail.py), so
# `mail.outbox` holds a message right after the request that sent it. Tests of the queue itself
# switch to the database backend and run the real worker (tests/security/test_mail_outage.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="jumelage-test-media-")
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files are read from the source folders, no collectstatic needed.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Most tests look at freshly rendered pages; tests/test_caching.py switches the page cache on.
PAGE_CACHE_SECONDS = 0
# Tests tell a page from the cache by its `X-Page-Cache` header.
PAGE_CACHE_HEADER = True
# A test is one server process: its own changes clear the versions it keeps (home/cache.py), and a
# count of queries must not depend on how long a loaded machine took between two requests (the
# default 5 s ran out between a warm-up and a measured request on PostgreSQL + Redis in CI).
# Tests of other servers' staleness set their own.
CACHE_VERSION_SECONDS = 3600
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# No machine translator, as on a new machine: tests of machine translation start a
# LibreTranslate- or DeepL-compatible server on loopback and point the setting at it
# (tests/translator_servers.py).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# `make test` runs the suite in several processes (pytest-xdist): each has its own test database
# (pytest-django names them) and, here, its own Redis database, so that one process's
# cache.clear() never empties the cache another process is counting on.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker.startswith("gw"):  # noqa: F405
    _parts = urlsplit(REDIS_URL)  # noqa: F405
    _database = int(_parts.path.strip("/") or 0)
    _database = (_database - int(_worker[2:])) % 16
    CACHES["default"]["LOCATION"] = urlunsplit(_parts._replace(path=f"/{_database}"))  # noqa: F405
