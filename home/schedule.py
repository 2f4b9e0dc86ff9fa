"""Work that runs at set times (meeting reminders, sector digests), run by the task worker
itself: no cron for an operator to forget.

An app registers a job in its `AppConfig.ready` with `@scheduled("name", every=timedelta(...))`:
a function of `now` that does what has come due by then and returns what it did (a count or a
short text, shown in the admin's "Outgoing email" page). A job must be safe to run late, early
or twice: it works out from the data what is due (an email with a `key` is never queued twice).

One task, `run_schedule`, runs every job that is due. Before it runs them it enqueues its
successor (`run_after`: the shortest interval of any job), so a run whose worker is killed
halfway, or whose jobs fail, leaves the next run queued: the chain goes on. One chain runs at a
time: `SchedulerState` holds the token of the one pending run, and a run whose token is no
longer the current one stops. A job is leased while it runs (`ScheduledJob.running_until`), so a
run that starts while a long one is still busy leaves that job alone. `ensure_schedule()`
(called by `manage.py resume_work`, which `make run` and a deploy run before the workers start,
and by the admin's "Outgoing email" page) starts a chain when none is pending or the pending
one is long overdue (its queue was emptied). Each job's last run, result or error and next run
are recorded in `ScheduledJob`."""

import io
import logging
import traceback
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.core.management import call_command
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# A pending run more overdue than this has lost its worker: another chain is started.
STALE = timedelta(minutes=15)
# Never wait longer than this between two runs (a job added by a deploy starts soon).
LONGEST_WAIT = timedelta(hours=1)
SHORTEST_WAIT = timedelta(minutes=1)
# A job that has been running longer than this belongs to a worker that died: it may run again.
LEASE = timedelta(minutes=30)
# How long the task queue keeps the record of a finished task.
KEEP_TASK_RESULTS = timedelta(days=7)


@dataclass(frozen=True)
class Job:
    name: str
    function: object
    every: timedelta
    description: object  # a lazily translated text
    # What the number a run returns counts, in words: ngettext_lazy("%(count)s … sent", …, "count").
    counts: object = None


JOBS = {}


def scheduled(name, *, every, description="", counts=None):
    """Registers `function(now)` to run every `every` (see the module's docstring). `counts`
    says in words what a run's number counts, for the admin's Outgoing email page."""

    def register(function):
        # Kept lazy: the admin shows it in the language of the editor reading it.
        JOBS[name] = Job(name, function, every, description or function.__doc__ or "", counts)
        return function

    return register


class ScheduledJob(models.Model):
    name = models.CharField(_("job"), max_length=100, unique=True)
    last_started_at = models.DateTimeField(_("last run"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    last_result = models.TextField(_("result"), blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    next_run_at = models.DateTimeField(_("next run"), null=True, blank=True)
    runs = models.PositiveIntegerField(_("runs"), default=0)
    # Set while a run of the job is busy (see LEASE).
    running_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        app_label = "home"
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SchedulerState(models.Model):
    """One row: the token of the run of `run_schedule` that is pending, and when it is due."""

    token = models.UUIDField(null=True)
    due_at = models.DateTimeField(null=True)

    class Meta:
        app_label = "home"

    def __str__(self):
        return f"next run {self.due_at}"


def _state():
    state, _created = SchedulerState.objects.select_for_update().get_or_create(pk=1)
    return state


def _enqueue(token, due_at):
    backend = run_schedule.get_backend()
    if backend.supports_defer:
        run_schedule.using(run_after=due_at).enqueue(str(token))
    # A backend that cannot wait (the immediate one of the tests) runs the schedule only when
    # it is asked to: run_due_jobs() or a run of `run_schedule`.


def ensure_schedule(now=None):
    """Starts a chain of `run_schedule` unless one is pending and not long overdue. Returns
    whether it started one."""
    now = now or timezone.now()
    with transaction.atomic():
        state = _state()
        if state.token and state.due_at and state.due_at > now - STALE:
            return False
        state.token, state.due_at = uuid.uuid4(), now
        state.save()
        token = state.token
        transaction.on_commit(lambda: _enqueue(token, now))
    return True


def interval():
    """How long a run of the schedule waits for the next: the shortest interval of any job."""
    shortest = min((job.every for job in JOBS.values()), default=LONGEST_WAIT)
    return max(SHORTEST_WAIT, min(shortest, LONGEST_WAIT))


def _claim(row, now):
    """Leases the job for this run if it is due and no other run is busy with it."""
    due = models.Q(next_run_at__isnull=True) | models.Q(next_run_at__lte=now)
    free = models.Q(running_until__isnull=True) | models.Q(running_until__lt=timezone.now())
    claimed = (
        ScheduledJob.objects.filter(pk=row.pk)
        .filter(due, free)
        .update(running_until=timezone.now() + LEASE)
    )
    return claimed == 1


def run_due_jobs(now=None):
    """Runs every registered job whose time has come (and that no other run is busy with);
    returns {name: result} of those run and when the next one is due."""
    now = now or timezone.now()
    results = {}
    next_due = now + LONGEST_WAIT
    for job in JOBS.values():
        row, _created = ScheduledJob.objects.get_or_create(name=job.name)
        if _claim(row, now):
            row.refresh_from_db()
            results[job.name] = run_job(job, row, now)
        next_due = min(next_due, row.next_run_at or now)
    return results, next_due


def run_job(job, row, now):
    row.last_started_at = now
    row.runs += 1
    row.next_run_at = now + job.every
    row.running_until = None
    try:
        result = job.function(now)
    except Exception:  # noqa: BLE001 - one failing job must not stop the others or the chain
        row.last_error = traceback.format_exc()[-4000:]
        row.last_result = ""
        logger.exception("Scheduled job %s failed", job.name)
        result = None
    else:
        row.last_error = ""
        row.last_result = "" if result is None else str(result)[:2000]
    row.last_finished_at = timezone.now()
    row.save()
    return result


# Before emails (10) and Wagtail's own tasks: a reminder that comes late is no reminder.
@task(priority=20)
def run_schedule(token):
    """Enqueues the next run, then runs the jobs that are due (see the module)."""
    with transaction.atomic():
        state = _state()
        if str(state.token) != token:
            return "superseded"
        following, due_at = uuid.uuid4(), timezone.now() + interval()
        state.token, state.due_at = following, due_at
        state.save()
        transaction.on_commit(lambda: _enqueue(following, due_at))
    results, _next_due = run_due_jobs()
    return {name: str(result) for name, result in results.items()}


@scheduled(
    "task-results",
    every=timedelta(hours=6),
    description=_("Forgets the records of background tasks finished more than a week ago."),
    counts=ngettext_lazy("%(count)s old record deleted", "%(count)s old records deleted", "count"),
)
def forget_finished_tasks(now):
    """The task queue's table keeps a row per task (an email, a run of the schedule): rows of
    tasks finished KEEP_TASK_RESULTS ago go."""
    deleted, _by_model = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
        finished_at__lt=now - KEEP_TASK_RESULTS,
    ).delete()
    return deleted


@scheduled(
    "publish-scheduled-pages",
    every=timedelta(minutes=5),
    description=_("Publishes the pages editors scheduled, and unpublishes expired ones."),
)
def publish_scheduled_pages(now):
    """Wagtail's "go live" and "expiry" dates, without the cron its documentation asks for."""
    output = io.StringIO()
    call_command("publish_scheduled", stdout=output)
    return output.getvalue().strip()[:200] or "–"


def schedule_status(now=None):
    """What the admin shows: is the chain alive, and each job's record (registered jobs that
    never ran included)."""
    now = now or timezone.now()
    state = SchedulerState.objects.filter(pk=1).first()
    rows = {row.name: row for row in ScheduledJob.objects.filter(name__in=list(JOBS))}
    jobs = [(job, rows.get(job.name)) for job in JOBS.values()]
    overdue = state is None or state.due_at is None or state.due_at < now - STALE
    return {"due_at": state.due_at if state else None, "stopped": overdue, "jobs": jobs}
