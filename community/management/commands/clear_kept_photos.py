"""Deletes photos kept for member forms that were never sent again (community.uploads.KeptPhoto).

A photo is kept while the member corrects a form; one older than `--hours` (a day by default)
belongs to a form that was abandoned. Run it daily, like Django's `clearsessions`."""

import datetime

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from community.uploads import KEPT_FOLDER


class Command(BaseCommand):
    help = "Deletes photos kept for member forms that were abandoned."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, hours, **options):
        before = timezone.now() - datetime.timedelta(hours=hours)
        try:
            _folders, names = default_storage.listdir(KEPT_FOLDER)
        except FileNotFoundError:
            names = []
        deleted = 0
        for name in names:
            path = f"{KEPT_FOLDER}/{name}"
            if default_storage.get_modified_time(path) < before:
                default_storage.delete(path)
                deleted += 1
        self.stdout.write(f"{deleted} kept photo(s) deleted.")
