"""The rules of an exchange visit (exchanges/visits.py): seats first come, then a waiting list;
changes and cancellations until the deadline; placements that follow what guests and hosts
change; a matching told to nobody until it is published."""

import datetime

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.utils import timezone, translation

from exchanges import visits
from exchanges.choices import RegistrationStatus
from exchanges.models import GuestParty, HostOffer, Placement
from tests.visits_base import VisitMixin


class English:
    """Messages read in English (the site's default language is Dutch)."""

    def setUp(self):
        super().setUp()
        translation.activate("en")
        self.addCleanup(translation.deactivate)


class SeatsTests(English, VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit(seats=5)

    def test_parties_take_seats_first_come_then_wait(self):
        first = self.guest("Anke", adults=2, children=1)
        second = self.guest("Hendrik", adults=2)
        third = self.guest("Femke", adults=1)
        self.assertEqual(first.status, RegistrationStatus.REGISTERED)
        self.assertEqual(second.status, RegistrationStatus.REGISTERED)
        self.assertEqual(third.status, RegistrationStatus.WAITLISTED)
        self.assertEqual(visits.seats_left(self.visit), 0)
        self.assertEqual(visits.waiting_position(third), 1)

    def test_a_party_too_large_for_the_seats_left_waits_and_a_smaller_one_goes_first(self):
        self.guest("Anke", adults=4)
        large = self.guest("Hendrik", adults=3)
        small = self.guest("Femke", adults=1)
        self.assertEqual(large.status, RegistrationStatus.WAITLISTED)
        self.assertEqual(small.status, RegistrationStatus.REGISTERED)

    def test_a_cancellation_gives_its_seats_to_those_waiting_in_order(self):
        anke = self.guest("Anke", adults=3)
        self.guest("Hendrik", adults=2)
        willem = self.guest("Willem", adults=2)
        joke = self.guest("Joke", adults=1)
        promoted = visits.cancel_party(anke)
        self.assertEqual([party.pk for party in promoted], [willem.pk, joke.pk])
        self.assertEqual(visits.seats_left(self.visit), 0)

    def test_a_party_grows_only_into_free_seats(self):
        anke = self.guest("Anke", adults=2)
        self.guest("Hendrik", adults=2)
        anke.adults = 4
        with self.assertRaises(visits.VisitClosed) as refused:
            visits.sign_up(self.visit, anke.user, anke)
        self.assertIn("Only 3 seats", str(refused.exception))
        anke.refresh_from_db()
        self.assertEqual(anke.adults, 2)
        anke.adults = 3
        visits.sign_up(self.visit, anke.user, anke)
        self.assertEqual(visits.seats_left(self.visit), 0)

    def test_a_party_that_shrinks_lets_the_next_one_in(self):
        anke = self.guest("Anke", adults=4)
        femke = self.guest("Femke", adults=2)
        anke.adults = 2
        visits.sign_up(self.visit, anke.user, anke)
        femke.refresh_from_db()
        self.assertEqual(femke.status, RegistrationStatus.REGISTERED)

    def test_a_second_form_changes_the_members_party_instead_of_making_another(self):
        anke = self.guest("Anke", adults=1)
        visits.sign_up(self.visit, anke.user, GuestParty(adults=2, travellers="Anke, Piet"))
        self.assertEqual(GuestParty.objects.for_visit(self.visit).count(), 1)
        anke.refresh_from_db()
        self.assertEqual((anke.adults, anke.travellers), (2, "Anke, Piet"))

    def test_a_sign_up_on_the_german_page_counts_for_the_same_visit(self):
        self.guest("Anke", adults=4)
        user = self.resident("Maria", self.steenwijkerland, "nl")
        party = visits.sign_up(self.visit_de, user, GuestParty(adults=2, travellers="Maria"))
        self.assertEqual(party.status, RegistrationStatus.WAITLISTED)
        self.assertEqual(visits.parties(self.visit).count(), 2)


class WhoAndWhenTests(English, VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit()

    def test_only_residents_of_the_travelling_town_sign_up_as_guests(self):
        german = self.resident("Sabine", self.herzebrock, "de")
        with self.assertRaises(visits.VisitClosed):
            visits.sign_up(self.visit, german, GuestParty(travellers="Sabine"))
        nowhere = self.resident("Ed", self.steenwijkerland, "nl")
        nowhere.town = None
        with self.assertRaises(visits.VisitClosed):
            visits.sign_up(self.visit, nowhere, GuestParty(travellers="Ed"))

    def test_only_residents_of_the_hosting_town_offer_hosting(self):
        dutch = self.resident("Anke", self.steenwijkerland, "nl")
        with self.assertRaises(visits.VisitClosed):
            visits.offer_hosting(self.visit, dutch, HostOffer(household="Anke", beds=2))

    def test_after_the_deadline_only_a_coordinator_changes_or_cancels(self):
        party = self.guest("Anke")
        later = self.visit.signup_deadline + datetime.timedelta(minutes=1)
        with self.assertRaises(visits.VisitClosed) as closed:
            visits.cancel_party(party, now=later)
        self.assertIn("coordinator", str(closed.exception))
        with self.assertRaises(visits.VisitClosed):
            visits.sign_up(self.visit, party.user, party, now=later)
        visits.cancel_party(party, now=later, by_coordinator=True)
        party.refresh_from_db()
        self.assertEqual(party.status, RegistrationStatus.CANCELLED)

    def test_an_offer_keeps_only_nights_of_the_visit(self):
        offer = self.host("Bergmann", nights=["1999-01-01", self.visit.nights()[0].isoformat()])
        self.assertEqual(offer.nights, [self.visit.nights()[0].isoformat()])
        self.assertFalse(offer.hosts_every_night(self.visit))

    def test_answers_are_validated_by_the_model(self):
        user = self.resident("Anke", self.steenwijkerland, "nl")
        with self.assertRaises(Exception):  # noqa: B017 - Django's ValidationError
            visits.sign_up(self.visit, user, GuestParty(adults=0, travellers="Anke"))
        self.assertFalse(GuestParty.objects.exists())

    def test_a_party_that_smokes_cannot_need_a_smoke_free_home(self):
        user = self.resident("Anke", self.steenwijkerland, "nl")
        party = GuestParty(travellers="Anke", smoke_free=True, smokes=True)
        with self.assertRaises(ValidationError) as raised:
            visits.sign_up(self.visit, user, party)
        self.assertIn("smokes", raised.exception.message_dict)
        self.assertIn("smoke-free home", raised.exception.message_dict["smokes"][0])
        self.assertFalse(GuestParty.objects.exists())


class MatchingTests(English, VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit(seats=None)

    def test_the_proposal_keeps_the_rules_and_says_who_is_left_and_why(self):
        allergic = self.guest("Anke", adults=2, animal_allergy=True)
        family = self.guest("Hendrik", adults=5)
        self.guest("Femke", adults=2)
        self.host("Bergmann", beds=2, pets=True)
        self.host("Schulte", beds=2)
        plan = visits.propose(self.visit)
        data = visits.plan_data(self.visit, plan)
        unmatched = {item["guest"]: item["reason"] for item in data["unmatched"]}
        self.assertIn(family.pk, unmatched)
        self.assertIn("5", unmatched[family.pk])
        placements = {p.party_id: p.offer.household for p in Placement.objects.all()}
        self.assertEqual(placements[allergic.pk], "Familie Schulte")
        for match in data["matches"]:
            self.assertLessEqual(sum(g["people"] for g in match["guests"]), match["beds"])
        self.assertEqual(visits.stored_plan(self.visit), data)

    def test_a_party_signed_up_since_the_proposal_is_not_placed_yet_not_full(self):
        self.guest("Anke", adults=2)
        self.host("Bergmann", beds=4)
        visits.propose(self.visit)
        hendrik = self.guest("Hendrik", adults=2)
        femke = self.guest("Femke", adults=1)
        reasons = {
            item["guest"]: item["reason"] for item in visits.stored_plan(self.visit)["unmatched"]
        }
        self.assertEqual(
            reasons[hendrik.pk],
            "Not placed yet: a suitable household has beds left. Propose again or place by hand.",
        )
        self.assertEqual(reasons[femke.pk], reasons[hendrik.pk])
        # Once a coordinator gives the last beds to Hendrik, the household is full for Femke.
        visits.assign(hendrik, HostOffer.objects.get())
        reasons = {
            item["guest"]: item["reason"] for item in visits.stored_plan(self.visit)["unmatched"]
        }
        self.assertEqual(
            reasons[femke.pk], "The suitable households have not enough beds left for this party."
        )

    def test_nothing_is_told_before_publishing_and_everything_once_after(self):
        anke = self.guest("Anke", adults=2)
        self.host("Bergmann", beds=2)
        visits.propose(self.visit)
        self.assertIsNone(visits.published_placement_of(anke))
        self.assertFalse(visits.is_published(self.visit))
        with self.captureOnCommitCallbacks(execute=True):
            told = visits.publish_matching(self.visit, user=None)
        self.assertEqual(told, 1)
        self.assertEqual(visits.published_placement_of(anke).offer.household, "Familie Bergmann")
        self.assertEqual(visits.publish_matching(self.visit, user=None), 0)

    def test_proposing_again_keeps_placements_by_hand_and_those_told(self):
        anke = self.guest("Anke", adults=2)
        hendrik = self.guest("Hendrik", adults=2)
        bergmann = self.host("Bergmann", beds=2, languages=["de"])
        schulte = self.host("Schulte", beds=2, languages=["nl"])
        visits.assign(anke, bergmann)
        visits.assign(hendrik, schulte)
        visits.propose(self.visit)
        self.assertEqual(Placement.objects.get(party=anke).offer, bergmann)
        self.assertEqual(Placement.objects.get(party=hendrik).offer, schulte)

    def test_by_hand_never_beyond_the_beds_and_a_rule_only_when_overridden(self):
        anke = self.guest("Anke", adults=2, animal_allergy=True)
        big = self.guest("Hendrik", adults=3)
        pets = self.host("Bergmann", beds=2, pets=True)
        with self.assertRaises(visits.MatchingRefused) as refused:
            visits.assign(big, pets)
        self.assertIn("beds", str(refused.exception))
        with self.assertRaises(visits.MatchingRefused):
            visits.assign(big, pets, override=True)
        with self.assertRaises(visits.MatchingRefused) as refused:
            visits.assign(anke, pets)
        self.assertIn("pets", str(refused.exception))
        visits.assign(anke, pets, override=True)
        self.assertEqual(Placement.objects.get(party=anke).offer, pets)

    def test_a_change_that_breaks_a_rule_takes_the_party_out_of_the_matching(self):
        anke = self.guest("Anke", adults=2)
        bergmann = self.host("Bergmann", beds=2)
        visits.propose(self.visit)
        self.assertTrue(Placement.objects.filter(party=anke).exists())
        bergmann.pets = True
        visits.offer_hosting(self.visit, bergmann.user, bergmann)
        self.assertTrue(Placement.objects.filter(party=anke).exists())
        anke.animal_allergy = True
        visits.sign_up(self.visit, anke.user, anke)
        self.assertFalse(Placement.objects.filter(party=anke).exists())

    def test_fewer_beds_send_the_last_placed_guests_back_to_the_matching(self):
        anke = self.guest("Anke", adults=2)
        hendrik = self.guest("Hendrik", adults=2)
        bergmann = self.host("Bergmann", beds=4)
        visits.propose(self.visit)
        bergmann.beds = 3
        visits.offer_hosting(self.visit, bergmann.user, bergmann)
        self.assertTrue(Placement.objects.filter(party=anke).exists())
        self.assertFalse(Placement.objects.filter(party=hendrik).exists())

    def test_a_withdrawn_offer_and_a_cancelled_party_leave_the_matching(self):
        anke = self.guest("Anke", adults=2)
        hendrik = self.guest("Hendrik", adults=2)
        bergmann = self.host("Bergmann", beds=2)
        schulte = self.host("Schulte", beds=2)
        visits.propose(self.visit)
        visits.withdraw_offer(bergmann)
        visits.cancel_party(hendrik)
        self.assertFalse(Placement.objects.filter(offer=bergmann).exists())
        self.assertFalse(Placement.objects.filter(party=hendrik).exists())
        plan = visits.propose(self.visit)
        self.assertEqual(plan.placements, {anke.pk: schulte.pk})

    def test_a_party_names_the_family_it_stayed_with_and_returns_there(self):
        anke = self.guest("Anke", adults=2, previous_hosts="familie bergmann (2024)")
        self.host("Schulte", beds=2)
        bergmann = self.host("Bergmann", beds=2)
        visits.propose(self.visit)
        self.assertEqual(Placement.objects.get(party=anke).offer, bergmann)


class ForgettingTests(VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit(seats=2)

    def test_a_deleted_account_gives_its_seats_to_those_waiting(self):
        anke = self.guest("Anke", adults=2)
        femke = self.guest("Femke", adults=2)
        self.assertEqual(femke.status, RegistrationStatus.WAITLISTED)
        anke.user.delete()
        femke.refresh_from_db()
        self.assertEqual(femke.status, RegistrationStatus.REGISTERED)

    def test_the_records_of_a_visit_long_past_are_deleted(self):
        self.guest("Anke")
        self.host("Bergmann")
        visits.propose(self.visit)
        after = timezone.now() + datetime.timedelta(days=34 + visits.retention_days() + 1)
        self.assertEqual(visits.purge_visit_data(timezone.now()), 0)
        self.assertTrue(GuestParty.objects.exists())
        self.assertEqual(visits.purge_visit_data(after), 1)
        self.assertFalse(GuestParty.objects.exists())
        self.assertFalse(HostOffer.objects.exists())
        self.assertFalse(Placement.objects.exists())
