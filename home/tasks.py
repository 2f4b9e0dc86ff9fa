"""Background tasks of home, run by the task worker (`manage.py db_worker`). Each is defined
next to the rule it carries out; `deliver_email` is named here too, where tasks queued under
this path before it moved to home/mail.py still find it. A task that fails is logged (see
`log_failure`)."""

import logging

from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

from .mail import deliver_email
from .schedule import run_schedule

__all__ = ["deliver_email", "run_schedule"]

logger = logging.getLogger(__name__)


def log_failure(sender, task_result, **kwargs):
    """A failed task is logged with its error even by a worker that keeps django_tasks quiet
    (`make run` starts it with `--verbosity 0`, which silences django_tasks' own log of it)."""
    if task_result.status != TaskResultStatus.FAILED:
        return
    if logging.getLogger("django_tasks").isEnabledFor(logging.ERROR):
        return  # django_tasks logs it itself
    errors = task_result.errors
    logger.error(
        "Task %s (%s) failed: %s",
        task_result.task.module_path,
        task_result.id,
        errors[-1].traceback if errors else "no error recorded",
    )


def connect_signals():
    task_finished.connect(log_failure, dispatch_uid="jumelage-task-failed")
