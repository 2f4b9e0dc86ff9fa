from django.core.management.base import BaseCommand

from home.mail import resume_overdue


class Command(BaseCommand):
    help = (
        "Queues again every email a dead worker left behind (overdue for 15 minutes). Safe to run "
        "at any time, e.g. before starting workers: nothing already sent is sent again."
    )

    def handle(self, **options):
        count = resume_overdue()
        if count:
            self.stdout.write(f"{count} email(s) queued again.")
