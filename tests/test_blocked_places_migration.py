"""Accounts blocked before blocking gave up their places: the data migration gives up their
seats in meetings to come and exchange visits not over, and their host offers; `move_up_waiting`
then gives the seats that came free to those waiting, who are told."""

import datetime
from importlib import import_module

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from exchanges import visits
from exchanges.choices import RegistrationStatus
from exchanges.models import GuestParty, HostOffer, Placement, Registration
from tests.visits_base import VisitMixin

User = get_user_model()
migration = import_module("exchanges.migrations.0018_give_up_places_of_inactive_accounts")


def block_as_before(user):
    """Made inactive as before blocking gave up places: without any rule running."""
    User.objects.filter(pk=user.pk).update(is_active=False)


class BlockedBeforePlacesWereGivenUpTests(VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_visit(seats=3)
        now = timezone.now()
        cls.full = cls.meeting(now + datetime.timedelta(days=5), title="Vol", capacity=1)
        cls.past = cls.meeting(now - datetime.timedelta(days=5), title="Voorbij", slug="voorbij")
        cls.blocked_guest = cls.guest("Anke", adults=2)
        cls.waiting_guest = cls.guest("Wim", adults=2)
        cls.offer = cls.host("Bergmann", beds=2)
        visits.assign(cls.blocked_guest, cls.offer)
        cls.told_host = cls.host("Tewes", beds=2)
        cls.told_guest = cls.guest("Lotte", adults=1)
        visits.assign(cls.told_guest, cls.told_host)
        Placement.objects.filter(offer=cls.told_host).update(announced_at=timezone.now())
        cls.blocked_host = cls.host("Schulte", beds=2)
        cls.blocked = cls.blocked_guest.user
        cls.waiting = cls.waiting_guest.user
        Registration.objects.register(cls.full, cls.blocked)
        Registration.objects.create(  # registration closed long ago
            meeting=cls.past,
            meeting_key=cls.past.translation_key,
            user=cls.blocked,
            status=RegistrationStatus.REGISTERED,
        )
        Registration.objects.register(cls.full, cls.waiting)  # waiting
        block_as_before(cls.blocked)
        block_as_before(cls.blocked_host.user)
        block_as_before(cls.told_host.user)

    def give_up(self):
        migration.give_up_places_of_inactive_accounts(apps, None)

    def status(self, meeting, user):
        return Registration.objects.get(meeting=meeting, user=user).status

    def test_a_blocked_members_place_in_a_meeting_to_come_is_given_up(self):
        self.give_up()
        self.assertEqual(self.status(self.full, self.blocked), RegistrationStatus.CANCELLED)
        self.assertEqual(self.status(self.past, self.blocked), RegistrationStatus.REGISTERED)

    def test_a_blocked_members_seats_and_host_offer_in_a_visit_are_given_up(self):
        self.give_up()
        self.blocked_guest.refresh_from_db()
        self.blocked_host.refresh_from_db()
        self.assertEqual(self.blocked_guest.status, RegistrationStatus.CANCELLED)
        self.assertIsNotNone(self.blocked_host.withdrawn_at)
        self.assertFalse(Placement.objects.filter(party=self.blocked_guest).exists())
        self.offer.refresh_from_db()
        self.assertIsNone(self.offer.withdrawn_at)  # an active member's offer stays
        # A placement the guest was told of waits to be undone with her told (below).
        self.assertTrue(Placement.objects.filter(party=self.told_guest).exists())

    def test_those_waiting_move_up_and_are_told_once_after_upgrading(self):
        self.give_up()
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("move_up_waiting", verbosity=0)
        self.assertEqual(self.status(self.full, self.waiting), RegistrationStatus.REGISTERED)
        self.waiting_guest.refresh_from_db()
        self.assertEqual(self.waiting_guest.status, RegistrationStatus.REGISTERED)
        told = {address for email in mail.outbox for address in email.to}
        self.assertIn(self.waiting.email, told)
        self.assertFalse(Placement.objects.filter(party=self.told_guest).exists())
        self.assertIn(self.told_guest.user.email, told)  # her host no longer expects her
        self.assertFalse({self.blocked.email, self.told_host.user.email} & told)

    def test_running_it_again_changes_nothing(self):
        self.give_up()

        def state():
            return [
                list(Registration.objects.order_by("pk").values_list("status", "updated_at")),
                list(GuestParty.objects.order_by("pk").values_list("status", "updated_at")),
                list(HostOffer.objects.order_by("pk").values_list("withdrawn_at", "updated_at")),
            ]

        before = state()
        self.give_up()
        self.assertEqual(state(), before)
