"""Wagtail's own background work (search and reference index, file deletion, cache purges) runs on
the same queue as our emails: with the database backend of a deployment it waits for the worker
(`manage.py db_worker`), which `make run` starts beside the server."""

import logging

import pytest
from django.test import Client, override_settings
from django_tasks import task

from tests.base import BilingualSiteMixin
from tests.security.test_mail_outage import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


class Site(BilingualSiteMixin):
    pass


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_a_published_page_is_found_by_search_once_the_worker_has_run():
    Site.build_site()
    run_worker()
    page = Site.add_page(title="Zonnepanelen op de boerderij", slug="zonnepanelen")
    page.save_revision().publish()

    def found():
        return "Zonnepanelen op de boerderij" in Client().get("/nl/search/?q=zonnepanelen").text

    assert not found()
    run_worker()
    assert found()


@task()
def fails_on_purpose():
    raise RuntimeError("the translation service answered 503")


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_a_failed_task_is_logged_by_the_quiet_worker_of_make_run(caplog):
    fails_on_purpose.enqueue()
    with caplog.at_level(logging.INFO):
        run_worker(verbosity=0)  # as `make run` starts it
    [failure] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "tests.test_tasks.fails_on_purpose" in failure.getMessage()
    assert "the translation service answered 503" in failure.getMessage()
