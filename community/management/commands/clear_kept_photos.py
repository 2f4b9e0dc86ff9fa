"""Deletes photos kept for member forms that were never sent again (community.uploads.KeptPhoto).

A photo is kept while the member corrects a form; one older than `--hours` (a day by default)
belongs to a form that was abandoned. The site also does this whenever it keeps a photo; the
command is for operators who want the folder empty now."""

from django.core.management.base import BaseCommand

from community.uploads import KEPT_HOURS, clear_abandoned_photos


class Command(BaseCommand):
    help = "Deletes photos kept for member forms that were abandoned."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=KEPT_HOURS)

    def handle(self, *args, hours, **options):
        deleted = clear_abandoned_photos(hours)
        self.stdout.write(f"{deleted} kept photo(s) deleted.")
