"""A member blocked while her sign-up or host offer for an exchange visit is on its way, or made
inactive past the rules (in bulk, in the database): she keeps no seats nor offer, the matching
places nobody with her and its publication emails her no host family's address (found by an
outside tester: the sign-up that was already running signed her up again after the block)."""

import time
import unittest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client, TestCase, TransactionTestCase
from django.utils import translation
from wagtail.models import Page

from community.roles import MODERATORS
from community.roles.setup import setup_roles
from exchanges import visits
from exchanges.models import GuestParty, HostOffer, Placement
from tests import test_visit_member
from tests.test_contribution_races import hold, in_thread, waiting_for_locks
from tests.visits_base import VisitMixin

User = get_user_model()


def made_inactive(user):
    """The account made inactive past its model's save (in bulk, in the database): nothing gave
    up its places."""
    User.objects.filter(pk=user.pk).update(is_active=False)


class InactiveAccountsLeftOutOfTheMatchingTests(VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit(seats=None)

    def publish(self):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            return visits.publish_matching(self.visit)

    def emailed(self, party_or_offer):
        return [email for email in mail.outbox if email.to == [party_or_offer.user.email]]

    def test_the_party_of_an_inactive_account_is_not_placed_nor_emailed_a_host(self):
        anke = self.guest("Anke", adults=2)
        bergmann = self.host("Bergmann", beds=2, address="Lindenstraße 12")
        made_inactive(anke.user)
        plan = visits.propose(self.visit)
        self.assertEqual(plan.placements, {})
        self.assertFalse(Placement.objects.exists())
        self.assertEqual(visits.stored_plan(self.visit), {"matches": [], "unmatched": []})
        self.assertEqual(self.publish(), 0)
        self.assertEqual(self.emailed(anke), [])
        self.assertEqual(self.emailed(bergmann), [])

    def test_the_offer_of_an_inactive_account_takes_no_guests(self):
        anke = self.guest("Anke", adults=2)
        bergmann = self.host("Bergmann", beds=2)
        made_inactive(bergmann.user)
        visits.propose(self.visit)
        self.assertFalse(Placement.objects.exists())
        self.assertEqual(self.publish(), 0)
        self.assertEqual(self.emailed(bergmann), [])
        # Anke is told the coordinators look further, not given the household's address.
        [email] = self.emailed(anke)
        self.assertNotIn("Familie Bergmann", email.body)

    def test_a_placement_proposed_before_the_account_became_inactive_is_not_told(self):
        anke = self.guest("Anke", adults=2)
        hendrik = self.guest("Hendrik", adults=2)
        bergmann = self.host("Bergmann", beds=2)
        schulte = self.host("Schulte", beds=2)
        visits.assign(anke, bergmann)
        visits.assign(hendrik, schulte)
        made_inactive(anke.user)
        made_inactive(schulte.user)
        self.assertEqual(self.publish(), 0)
        for member in (anke, bergmann, schulte):
            self.assertEqual(self.emailed(member), [])
        [email] = self.emailed(hendrik)
        self.assertNotIn("Familie Schulte", email.body)
        # Proposing again places Hendrik with the household of an active account.
        visits.propose(self.visit)
        self.assertEqual(
            {placement.party_id: placement.offer_id for placement in Placement.objects.all()},
            {hendrik.pk: bergmann.pk},
        )

    def test_coordinators_see_who_is_blocked_on_the_matching_page(self):
        anke = self.guest("Anke", adults=2)
        self.host("Bergmann", beds=2)
        made_inactive(anke.user)
        self.client.force_login(User.objects.create_superuser("redactie@example.org", "x"))
        with translation.override("nl"):
            blocked = translation.gettext("Blocked")
        response = self.client.get(f"/admin/exchange-visits/{self.visit.pk}/matching/")
        self.assertContains(response, blocked)
        self.assertContains(response, "Anke")


class SignUpOfAnAccountBlockedMeanwhileTests(VisitMixin, TestCase):
    """Her request read her account before a moderator blocked it: the sign-up, or the offer,
    is refused when it is stored."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit(seats=4)

    def setUp(self):
        super().setUp()
        translation.activate("en")
        self.addCleanup(translation.deactivate)

    def test_her_sign_up_is_refused(self):
        anke = self.resident("Anke", self.steenwijkerland, "nl")
        made_inactive(anke)
        with self.assertRaisesMessage(visits.VisitClosed, "This account is inactive."):
            visits.sign_up(self.visit, anke, GuestParty(adults=2, travellers="Anke"))
        self.assertFalse(GuestParty.objects.exists())

    def test_her_host_offer_is_refused(self):
        bergmann = self.resident("Bergmann", self.herzebrock, "de")
        made_inactive(bergmann)
        nights = [night.isoformat() for night in self.visit.nights()]
        with self.assertRaisesMessage(visits.VisitClosed, "This account is inactive."):
            visits.offer_hosting(
                self.visit, bergmann, HostOffer(household="Familie Bergmann", beds=2, nights=nights)
            )
        self.assertFalse(HostOffer.objects.exists())


def done_or_waiting(thread, count):
    """Whether `thread` ended, or `count` connections (of this test's database) wait for a
    lock, within 10 s."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if not thread.is_alive():
            return True
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0] >= count:
                return True
        time.sleep(0.05)
    return False


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class BlockedWhileSigningUpTests(VisitMixin, TransactionTestCase):
    """A moderator blocks a member while her sign-up (or host offer) is being stored: the block
    gives it up once it is stored, or the sign-up finds her blocked. Either way she holds
    nothing after."""

    def setUp(self):
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        self.build_visit(seats=4)
        setup_roles()
        moderator = User.objects.create_user("moderator@example.org", "x")
        moderator.groups.add(Group.objects.get(name=MODERATORS))
        self.moderator = Client()
        self.moderator.force_login(moderator)

    def blocked_while(self, member, path, data):
        client = Client()
        client.force_login(member)
        # Something else writes the visit: the member's request waits for it, past its checks.
        release = hold(self, Page.objects.filter(translation_key=self.visit.translation_key))
        sending, sent = in_thread(lambda: client.post(path, data))
        self.assertTrue(waiting_for_locks(1))
        blocking, blocked = in_thread(
            lambda: self.moderator.post(
                f"/admin/members/edit/{member.pk}/", {"block": "on", "blocked_reason": "Spam"}
            )
        )
        self.assertTrue(done_or_waiting(blocking, 2))
        release.set()
        sending.join()
        blocking.join()
        self.assertEqual([getattr(answer, "status_code", answer) for answer in blocked], [302])
        self.assertFalse([answer for answer in sent if isinstance(answer, Exception)])
        self.assertFalse(User.objects.get(pk=member.pk).is_active)

    def test_a_sign_up_sent_as_she_is_blocked_holds_no_seats(self):
        anke = self.resident("Anke", self.steenwijkerland, "nl")
        self.blocked_while(
            anke,
            test_visit_member.url("nl", "visit_guest_party", self.visit.pk),
            test_visit_member.guest_answers(),
        )
        self.assertFalse(GuestParty.objects.exclude(status="cancelled").exists())
        self.assertEqual(visits.seats_left(self.visit), 4)

    def test_a_host_offer_sent_as_she_is_blocked_hosts_nobody(self):
        bergmann = self.resident("Bergmann", self.herzebrock, "de")
        self.blocked_while(
            bergmann,
            test_visit_member.url("de", "visit_host_offer", self.visit_de.pk),
            test_visit_member.host_answers(self.visit),
        )
        self.assertFalse(HostOffer.objects.filter(withdrawn_at=None).exists())
