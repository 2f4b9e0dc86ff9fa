"""Gives the places that came free in meetings to come and exchange visits not over to those
waiting, by the site's own rules (first come, first served; blocked members passed over), each
told by email, and undoes the placements with the parties and host offers given up, telling the
guests and hosts who were told of them. Run once after upgrading, after the migration that gave
up the places of accounts blocked before blocking gave them up
(`exchanges/migrations/0018_give_up_places_of_inactive_accounts.py`), which could neither move
anybody up nor email (it undid only the placements nobody was told of). Running it again moves
up only whoever a place is free for."""

from django.core.management.base import BaseCommand

from exchanges import visits
from exchanges.models import MeetingPage, Registration, VisitPage
from home import live


class Command(BaseCommand):
    help = "Gives free places in meetings to come and visits not over to those waiting."

    def handle(self, *args, **options):
        meetings = moved = 0
        for meeting in MeetingPage.objects.upcoming():
            moved += len(Registration.objects.fill_free_places(meeting))
            live.changed(f"meeting:{meeting.translation_key}")  # its places left, too
            meetings += 1
        parties = sum(len(visits.settle_given_up(visit)) for visit in VisitPage.objects.upcoming())
        self.stdout.write(
            f"{moved} registrations moved up in {meetings} meetings, {parties} guest parties "
            "in exchange visits."
        )
