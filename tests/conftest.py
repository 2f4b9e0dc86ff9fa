import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Chromium on a closed network: no background connections, no first-run dialogs.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright; never a downloaded browser."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser-deps`.")
    # Playwright's sync API keeps an event loop in this thread; the live server's ORM calls run
    # in their own thread, the test's own set-up here is synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and cached pages count in the cache: each test starts with none, nor with
    the versions an earlier test (rolled back since) left in this process."""
    from django.core.cache import cache

    from home.cache import forget_process_versions

    cache.clear()
    forget_process_versions()
    yield


def _flushes_the_database(item):
    """Whether a test empties the database when it ends (pytest-django's transactional tests:
    a TransactionTestCase, `transactional_db`, `live_server`), taking with it what the
    migrations made (groups, Wagtail's root page, locales)."""
    from django.test import TestCase, TransactionTestCase

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return not issubclass(cls, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """`make test` shares the tests among processes (pytest-xdist, `--dist loadgroup` in the
    order pytest-django gives them: tests that keep the database first, then those that empty
    it). A group is a test class, or a module's functions of one kind: the tests of a class
    keep sharing its set-up, and no test that empties the database runs in a process before
    a test that needs what the migrations made."""
    if getattr(config.option, "dist", "no") != "loadgroup":
        return
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        scope = item.nodeid.split("::")[0]
        if getattr(item, "cls", None) is not None:
            scope = f"{scope}::{item.cls.__name__}"
        kind = "empties" if _flushes_the_database(item) else "keeps"
        item.add_marker(pytest.mark.xdist_group(f"{scope}:{kind}"))
