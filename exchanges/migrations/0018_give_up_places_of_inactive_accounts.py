"""Accounts blocked (made inactive) before blocking gave up their places kept them: seats in
meetings still to come and in exchange visits not over yet, and their host offers. This gives
them up as blocking does now (`exchanges.signal_handlers.give_up_places`), with the models as
they stand at this migration: registrations and guest parties cancelled, host offers withdrawn,
the placements with them that nobody was told of undone. It moves nobody up and emails nobody:
a migration cannot send email and must not run today's rules on yesterday's tables.
`manage.py move_up_waiting`, run once after upgrading, gives the places that came free to those
waiting and undoes the placements that were told, by the site's own rules, each told by email."""

from django.db import migrations
from django.utils import timezone

CANCELLED = "cancelled"


def give_up_places_of_inactive_accounts(apps, schema_editor):
    Registration = apps.get_model("exchanges", "Registration")
    GuestParty = apps.get_model("exchanges", "GuestParty")
    HostOffer = apps.get_model("exchanges", "HostOffer")
    Placement = apps.get_model("exchanges", "Placement")
    now, today = timezone.now(), timezone.localdate()
    Registration.objects.filter(user__is_active=False, meeting__start__gt=now).exclude(
        status=CANCELLED
    ).update(status=CANCELLED, updated_at=now)
    parties = GuestParty.objects.filter(
        user__is_active=False, visit__end_date__gte=today
    ).exclude(status=CANCELLED)
    offers = HostOffer.objects.filter(
        user__is_active=False, visit__end_date__gte=today, withdrawn_at=None
    )
    untold = Placement.objects.filter(announced_at=None)
    untold.filter(party__in=parties).delete()
    untold.filter(offer__in=offers).delete()
    parties.update(status=CANCELLED, updated_at=now)
    offers.update(withdrawn_at=now, updated_at=now)


class Migration(migrations.Migration):
    dependencies = [
        ("exchanges", "0017_story_date_may_wait_in_a_draft"),
        ("community", "0018_member_collection_named_after"),
    ]

    operations = [
        migrations.RunPython(give_up_places_of_inactive_accounts, migrations.RunPython.noop),
    ]
