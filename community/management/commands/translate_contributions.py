"""Makes members' published contributions readable in the other language, as approving them does
now (community/contributions.py): run once after upgrading, for the contributions published
before. Each gets an alias in every language it has no version in (a German member's story
shows on the Dutch site, labelled German) and, when a machine translator is configured, is
queued for machine translation unless it was queued before (home/machine_translation.py).

Only originals are read: a translation, an alias, or a contribution that has its own version in
every language (translated by hand, or machine-translated already) is left as it is. Running it
again changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from community.models.contribution import contribution_models
from home.i18n import is_source_version
from home.machine_translation import (
    MachineTranslation,
    ensure_aliases,
    other_locales,
    queue_translation,
    translator,
)

MISSING = object()


def published_originals():
    """Published contributions as their members wrote them (no alias, no translation)."""
    for model in contribution_models():
        pages = model.objects.live().filter(member_contribution=True, alias_of__isnull=True)
        for page in pages.order_by("pk"):
            if is_source_version(page):
                yield page


def untranslated(page):
    """Whether another language has no version of `page` yet, or only its alias."""
    alias_of = dict(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "locale_id", "alias_of_id"
        )
    )
    return any(alias_of.get(locale.pk, MISSING) is not None for locale in other_locales(page))


def queued_before(page):
    return MachineTranslation.objects.filter(
        translation__source__object_id=page.translation_key
    ).exists()


class Command(BaseCommand):
    help = (
        "Gives members' published contributions an alias in the other language and, with a "
        "machine translator configured, queues their machine translation. Run once after "
        "upgrading; running it again changes nothing."
    )

    def handle(self, *args, **options):
        machine = translator() is not None
        seen = aliased = queued = 0
        for page in published_originals():
            if not untranslated(page):
                continue
            seen += 1
            with transaction.atomic():
                aliased += len(ensure_aliases(page))
                if machine and not queued_before(page) and queue_translation(page):
                    queued += 1
        self.stdout.write(
            f"{seen} published contribution(s) not translated into every language: "
            f"{aliased} alias(es) made, {queued} queued for machine translation."
        )
        if not machine:
            self.stdout.write(
                "No machine translator is configured: they are shown in their own language."
            )
