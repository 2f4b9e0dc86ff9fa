"""Wagtail's `publish_scheduled` (go-live and expiry dates; run by the worker's schedule,
home/schedule.py), which keeps the meetings and visits members count on published, publishes
a scheduled change of one without an expiry date, and does each page on its own: one that
fails is logged and the rest of the run goes on (exchanges/expiry.py). `--dryrun` is
Wagtail's."""

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from exchanges import expiry


class Command(WagtailCommand):
    def handle(self, *args, **options):
        if options["dryrun"]:
            return super().handle(*args, **options)
        for page in expiry.expire_only_what_members_do_not_count_on():
            self.stdout.write(f"Kept published (members count on it): {page.pk} {page.title}")
        failed = [*expiry.unpublish_expired(), *expiry.publish_scheduled_changes()]
        for item in failed:
            self.stderr.write(f"Failed, left for the next run: {type(item).__name__} {item.pk}")
        return None
