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


def without_editing_sessions(context):
    """The page editor pings Wagtail's editing sessions; a ping the live server was still
    handling when a test ended held the table the teardown's flush empties ("database table is
    locked: wagtailadmin_editingsession", twice in full runs under load). No test needs them."""
    context.route("**/admin/editing-sessions/**", lambda route: route.abort())
    return context


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


def _forget_what_earlier_tests_cached():
    from django.core.cache import cache

    from home.cache import forget_process_versions

    cache.clear()
    forget_process_versions()


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and cached pages count in the cache: each test starts with none, nor with
    the versions an earlier test (rolled back since) left in this process."""
    _forget_what_earlier_tests_cached()
    yield


_class_entered = [None]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """A test class's `setUpTestData` (a demo loaded once for the class) runs before the first
    test's fixtures, `empty_cache` too: it read what the test before it left in the cache (with
    Redis, a PostgreSQL run's site root paths of another test's pages gave the German pages
    addresses without /de/). Emptied as a class is entered too."""
    cls = getattr(item, "cls", None)
    if cls is not None and cls is not _class_entered[0]:
        _class_entered[0] = cls
        _forget_what_earlier_tests_cached()


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


def _uses_the_database(item):
    """Whether pytest-django lets a test reach the database (a Django TestCase or
    TransactionTestCase, the `django_db` mark, or a fixture built on its database helper);
    any other test that tries fails with pytest-django's "Database access not allowed"."""
    from django.test import TransactionTestCase

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return True
    if item.get_closest_marker("django_db"):
        return True
    return "_django_db_helper" in getattr(item, "fixturenames", ())


def _shares_by_group(config):
    """Whether this process collects for `--dist loadgroup`. The groups are read from the
    workers' collections, and pytest-xdist sets a worker's `dist` option to "no" and its
    `loadgroup` option to True: asking only for `dist` left every test a group of its own, so
    a class's expensive set-up (the demo content) ran once in each process."""
    return config.getoption("dist", "no") == "loadgroup" or config.getoption("loadgroup", False)


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """A test marked `database_agnostic` is left out of CI's second run, on PostgreSQL and Redis:
    the mark must not hide a test that reaches the database.

    `make test` shares the tests among processes (pytest-xdist, `--dist loadgroup`), a group at
    a time, in the order of `items`. A group is a test class, or a module's functions of one
    kind: the tests of a class keep sharing its set-up. pytest-django puts the tests that keep
    the database first, then those that empty it, then those without a database; so no test that
    empties the database runs in a process before a test that needs what the migrations made.
    Two changes keep both processes busy until the run ends: the tests without a database (whole
    modules of pure Python, such as the matcher's Hypothesis tests) go first, where a long group
    is shared out beside the others, instead of last, where the other process waits for it; and
    a function that empties the database shares no set-up with its neighbours, so it is a group
    of its own, and the run ends with small groups."""
    for item in items:
        if item.get_closest_marker("database_agnostic") and _uses_the_database(item):
            raise pytest.UsageError(
                f"{item.nodeid} is marked database_agnostic but uses the database; "
                "CI's PostgreSQL run would leave it out."
            )
    if _shares_by_group(config):
        for item in items:
            if item.get_closest_marker("xdist_group"):
                continue
            scope = item.nodeid.split("::")[0]
            if getattr(item, "cls", None) is not None:
                scope = f"{scope}::{item.cls.__name__}"
            flushes = _flushes_the_database(item)
            if flushes and getattr(item, "cls", None) is None:
                scope = item.nodeid
            kind = "empties" if flushes else "keeps"
            item.add_marker(pytest.mark.xdist_group(f"{scope}:{kind}"))
    result = yield  # pytest-django's order
    if _shares_by_group(config):
        items.sort(key=_uses_the_database)  # stable: pytest-django's order otherwise
        for item in items:
            _name_the_group(item)
    return result


def _name_the_group(item):
    """The scheduler reads a test's group from its id ("…@group"). pytest-xdist 3.8 writes that
    into `item._nodeid`, which pytest 9 no longer reads (the id is `item._id`), so the groups
    were silently dropped; this writes it where pytest 9 keeps it."""
    from _pytest.nodeid import NodeId

    marker = item.get_closest_marker("xdist_group")
    if marker is None or "@" in item.nodeid or not hasattr(item, "_id"):
        return
    item._id = NodeId.parse(f"{item.nodeid}@{marker.args[0]}")
