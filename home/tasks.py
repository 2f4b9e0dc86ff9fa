"""Background tasks of home, run by the task worker (`manage.py db_worker`). Each is defined
next to the rule it carries out; `deliver_email` is named here too, where tasks queued under
this path before it moved to home/mail.py still find it."""

from .mail import deliver_email
from .schedule import run_schedule

__all__ = ["deliver_email", "run_schedule"]
