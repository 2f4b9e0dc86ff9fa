"""Wagtail's `publish_scheduled` (go-live and expiry dates; run by the worker's schedule,
home/schedule.py), which first keeps the meetings and visits members count on published
(exchanges/expiry.py)."""

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from exchanges.expiry import expire_only_what_members_do_not_count_on


class Command(WagtailCommand):
    def handle(self, *args, **options):
        if not options["dryrun"]:
            for page in expire_only_what_members_do_not_count_on():
                self.stdout.write(f"Kept published (members count on it): {page.pk} {page.title}")
        super().handle(*args, **options)
