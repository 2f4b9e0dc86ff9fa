"""Runs the matching of an exchange visit from the command line, as the coordinators' "Propose"
button does (exchanges.visits.propose: placements made by hand and those already told are kept),
and prints the plan as JSON for scripts: {"matches": [{"host": <offer id>, "beds": n, "guests":
[{"guest": <party id>, "people": k}]}], "unmatched": [{"guest": <party id>, "reason": "…"}]}.
Nobody is told: publishing the matching stays the coordinators' step in the admin."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from exchanges import visits
from exchanges.models import VisitPage

LANGUAGES = ("nl", "de", "en")


class Command(BaseCommand):
    help = (
        "Proposes the matching of guests and hosts of an exchange visit (any language version's "
        "page id) and prints it as JSON. Stores the proposal as the admin's button does, unless "
        "--dry-run."
    )

    def add_arguments(self, parser):
        parser.add_argument("page_id", type=int, help="The id of the visit's page.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the proposal without storing it."
        )
        parser.add_argument(
            "--language",
            choices=LANGUAGES,
            default=None,
            help="The language of the reasons (default: the site's, LANGUAGE_CODE).",
        )

    def handle(self, *args, page_id, dry_run, language, **options):
        # An id longer than IdConverter's 18 digits fits no database column: no such page.
        visit = VisitPage.objects.filter(pk=page_id).first() if 0 < page_id < 10**18 else None
        if visit is None:
            raise CommandError(f"No exchange visit has the page id {page_id}.")
        with translation.override(language or settings.LANGUAGE_CODE):
            plan = visits.propose(visit, dry_run=dry_run)
            data = visits.plan_data(visit, plan)
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
