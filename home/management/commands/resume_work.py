from django.core.management.base import BaseCommand

from home.mail import resume_overdue
from home.schedule import ensure_schedule


class Command(BaseCommand):
    help = (
        "Queues again every email a dead worker left behind (overdue for 15 minutes) and starts "
        "the scheduled work (reminders, digests) unless it is already queued. Safe to run at any "
        "time, e.g. before starting workers: nothing already sent is sent again."
    )

    def handle(self, **options):
        count = resume_overdue()
        if count:
            self.stdout.write(f"{count} email(s) queued again.")
        if ensure_schedule() and options["verbosity"] > 1:
            self.stdout.write("Scheduled work started.")
