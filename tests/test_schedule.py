"""Scheduled work (reminders, digests) runs from the task worker itself, not from a cron an
operator may forget (home/schedule.py): one chain of `run_schedule` on the real database queue
and its worker (`manage.py db_worker --batch`), moved through time with time_machine."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale, Page

from home import schedule
from home.schedule import ScheduledJob, ensure_schedule
from tests.security.test_mail_outage import run_worker

pytestmark = pytest.mark.django_db(transaction=True)

START = datetime.datetime(2026, 12, 2, 8, 0, tzinfo=datetime.UTC)
DATABASE_QUEUE = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)


@pytest.fixture
def jobs():
    """Only the jobs a test registers, each recording the times it ran."""
    kept = dict(schedule.JOBS)
    schedule.JOBS.clear()
    runs = {}

    def register(name, every, fails=False):
        def job(now):
            runs.setdefault(name, []).append(now)
            if fails:
                raise RuntimeError("the job broke")
            return len(runs[name])

        schedule.scheduled(name, every=every, description=name)(job)

    yield register, runs
    schedule.JOBS.clear()
    schedule.JOBS.update(kept)


def pending_runs():
    """Runs of the schedule waiting in the queue, due or not."""
    return DBTaskResult.objects.filter(
        status="READY", task_path="home.schedule.run_schedule"
    ).count()


@DATABASE_QUEUE
def test_jobs_run_when_due_from_the_worker_and_the_chain_goes_on(jobs):
    register, runs = jobs
    register("often", datetime.timedelta(minutes=5))
    register("daily", datetime.timedelta(days=1))
    with time_machine.travel(START, tick=False) as clock:
        assert ensure_schedule() is True
        run_worker()
        assert len(runs["often"]) == len(runs["daily"]) == 1
        assert pending_runs() == 1  # the next run waits in the queue
        run_worker()  # nothing is due yet
        assert len(runs["often"]) == 1
        clock.shift(datetime.timedelta(minutes=5))
        run_worker()
        assert len(runs["often"]) == 2 and len(runs["daily"]) == 1
        clock.shift(datetime.timedelta(days=1))
        run_worker()
        assert len(runs["often"]) == 3 and len(runs["daily"]) == 2
        assert pending_runs() == 1
        record = ScheduledJob.objects.get(name="often")
        assert record.runs == 3 and record.last_result == "3"
        assert record.next_run_at == timezone.now() + datetime.timedelta(minutes=5)


@DATABASE_QUEUE
def test_starting_again_while_a_run_is_pending_adds_no_second_chain(jobs):
    register, runs = jobs
    register("often", datetime.timedelta(minutes=5))
    with time_machine.travel(START, tick=False) as clock:
        ensure_schedule()
        run_worker()
        assert ensure_schedule() is False
        call_command("resume_work")  # what `make run` and a deploy run before the workers
        assert pending_runs() == 1
        clock.shift(datetime.timedelta(minutes=5))
        run_worker()
        assert len(runs["often"]) == 2


@DATABASE_QUEUE
def test_a_chain_whose_worker_died_is_started_again_and_the_old_run_stops(jobs):
    register, runs = jobs
    register("often", datetime.timedelta(minutes=5))
    with time_machine.travel(START, tick=False) as clock:
        ensure_schedule()
        run_worker()
        # The pending run is lost (a queue emptied by hand, a database restored from a backup).
        lost = DBTaskResult.objects.get(status="READY", task_path="home.schedule.run_schedule")
        lost_token = lost.args_kwargs["args"][0]
        lost.delete()
        clock.shift(datetime.timedelta(hours=2))
        run_worker()
        assert len(runs["often"]) == 1  # nothing runs the jobs any more...
        call_command("resume_work")  # ...until the next start of the workers
        run_worker()
        assert len(runs["often"]) == 2
        # A run of the old chain that turns up after all does nothing and enqueues nothing.
        assert schedule.run_schedule.call(lost_token) == "superseded"
        assert pending_runs() == 1


@DATABASE_QUEUE
def test_a_failing_job_is_recorded_and_neither_stops_the_others_nor_the_chain(jobs):
    register, runs = jobs
    register("broken", datetime.timedelta(minutes=5), fails=True)
    register("fine", datetime.timedelta(minutes=5))
    with time_machine.travel(START, tick=False) as clock:
        ensure_schedule()
        run_worker()
        assert len(runs["fine"]) == 1
        broken = ScheduledJob.objects.get(name="broken")
        assert "the job broke" in broken.last_error
        clock.shift(datetime.timedelta(minutes=5))
        run_worker()
        assert len(runs["broken"]) == len(runs["fine"]) == 2


def test_without_a_worker_queue_the_jobs_run_when_asked(jobs):
    """The immediate backend (tests) cannot wait: `run_due_jobs` runs what is due."""
    register, runs = jobs
    register("often", datetime.timedelta(minutes=5))
    with time_machine.travel(START, tick=False):
        results, next_due = schedule.run_due_jobs()
        assert results == {"often": 1}
        assert next_due == START + datetime.timedelta(minutes=5)
        assert schedule.run_due_jobs()[0] == {}


@DATABASE_QUEUE
def test_the_next_run_is_queued_before_the_jobs_run_so_a_killed_worker_stops_nothing(jobs):
    """A worker killed while a job runs (out of memory, systemd's SIGKILL) leaves the next run
    queued: seen from inside the job, it is already there."""
    register, runs = jobs
    seen = []
    schedule.scheduled("looks", every=datetime.timedelta(minutes=5))(
        lambda now: seen.append(pending_runs())
    )
    with time_machine.travel(START, tick=False):
        ensure_schedule()
        run_worker()
    assert seen == [1]


def test_a_job_another_run_is_busy_with_is_left_alone(jobs):
    register, runs = jobs
    register("long", datetime.timedelta(minutes=5))
    with time_machine.travel(START, tick=False) as clock:
        schedule.run_due_jobs()
        clock.shift(datetime.timedelta(minutes=5))
        # Another run leased it a minute ago and is still busy.
        ScheduledJob.objects.filter(name="long").update(
            running_until=timezone.now() + datetime.timedelta(minutes=29)
        )
        assert schedule.run_due_jobs()[0] == {}
        # A lease older than LEASE belongs to a worker that died: the job runs again.
        clock.shift(datetime.timedelta(minutes=30))
        assert schedule.run_due_jobs()[0] == {"long": 2}


def test_wagtails_scheduled_publishing_runs_without_a_cron():
    """An editor's "go live" date is honoured by a job of the worker's schedule."""
    assert "publish-scheduled-pages" in schedule.JOBS
    Locale.objects.get_or_create(language_code="nl")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    page = root.add_child(instance=Page(title="Later", slug="later", live=False))
    with time_machine.travel(START, tick=False) as clock:
        page.go_live_at = START + datetime.timedelta(hours=1)
        page.save_revision().publish()  # scheduled: not live before its time
        page.refresh_from_db()
        assert not page.live
        clock.shift(datetime.timedelta(hours=1, minutes=1))
        schedule.JOBS["publish-scheduled-pages"].function(timezone.now())
        page.refresh_from_db()
        assert page.live
