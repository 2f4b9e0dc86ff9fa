"""What the attack on exchange visits found, each kept out by a test: editors who would make
themselves coordinators of the other foundation's visit, one account as guest and host at once,
parties too large to place, a change that writes back a stale waiting-list status."""

from django.core import mail
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse

from community.models import Town
from exchanges import visits
from exchanges.choices import RegistrationStatus
from exchanges.models import GuestParty, HostOffer, VisitPage
from tests.test_visit_admin import CoordinatorMixin


class CoordinationTests(CoordinatorMixin, TestCase):
    def test_an_editor_cannot_move_the_hosting_town_to_their_own_country(self):
        self.client.force_login(self.editor_nl)
        town = self.herzebrock
        url = reverse("wagtailsnippets_community_town:edit", args=[town.pk])
        self.client.post(
            url, {"name": town.name, "slug": town.slug, "country": "NL", "locale": town.locale_id}
        )
        self.assertEqual(Town.objects.get(pk=town.pk).country, "DE")
        self.assertFalse(visits.may_coordinate(self.editor_nl, self.visit))
        response = self.client.get(reverse("exchange_visit_matching", args=[self.visit.pk]))
        self.assertNotEqual(response.status_code, 200)

    def test_an_editor_still_renames_a_town(self):
        self.client.force_login(self.editor_nl)
        town = self.herzebrock
        url = reverse("wagtailsnippets_community_town:edit", args=[town.pk])
        self.client.post(
            url,
            {"name": "Herzebrock", "slug": town.slug, "country": "DE", "locale": town.locale_id},
        )
        self.assertEqual(Town.objects.get(pk=town.pk).name, "Herzebrock")


class OneHouseholdOneSideTests(CoordinatorMixin, TestCase):
    def test_a_member_who_moved_town_cannot_be_guest_and_host_of_one_visit(self):
        offer = self.host("Sabine")
        user = offer.user
        user.town = self.steenwijkerland  # the town on the profile is the member's to choose
        with self.assertRaises(visits.VisitClosed):
            visits.sign_up(self.visit, user, GuestParty(travellers="Sabine"))
        self.assertFalse(GuestParty.objects.filter(user=user).exists())

    def test_a_guest_cannot_also_offer_hosting(self):
        party = self.guest("Anke")
        user = party.user
        user.town = self.herzebrock
        with self.assertRaises(visits.VisitClosed):
            visits.offer_hosting(
                self.visit, user, HostOffer(household="Anke", beds=2, nights=self.nights())
            )

    def test_a_coordinator_cannot_make_a_member_their_own_host(self):
        party = self.guest("Anke")
        offer = HostOffer.objects.create(
            visit=self.visit,
            visit_key=self.visit.translation_key,
            user=party.user,
            household="Anke",
            beds=2,
            nights=self.nights(),
        )
        with self.assertRaises(visits.MatchingRefused):
            visits.assign(party, offer, override=True)

    def nights(self):
        return [night.isoformat() for night in self.visit.nights()]


class PartyTests(CoordinatorMixin, TestCase):
    def test_a_party_is_at_most_twelve_people(self):
        user = self.resident("Anke", self.steenwijkerland, "nl")
        with self.assertRaises(ValidationError):
            visits.sign_up(self.visit, user, GuestParty(adults=12, children=12, travellers="Anke"))
        visits.sign_up(self.visit, user, GuestParty(adults=8, children=4, travellers="Anke"))

    def test_a_form_loaded_before_a_promotion_does_not_put_the_party_back_on_the_waiting_list(
        self,
    ):
        VisitPage.objects.filter(pk=self.visit.pk).update(seats=2)
        visit = VisitPage.objects.get(pk=self.visit.pk)
        anke = self.resident("Anke", self.steenwijkerland, "nl")
        femke = self.resident("Femke", self.steenwijkerland, "nl")
        first = visits.sign_up(visit, anke, GuestParty(adults=2, travellers="Anke"))
        waiting = visits.sign_up(visit, femke, GuestParty(adults=1, travellers="Femke"))
        loaded = GuestParty.objects.get(pk=waiting.pk)  # the member's form, before...
        with self.captureOnCommitCallbacks(execute=True):
            visits.cancel_party(first, notify=False)  # ... a seat came free: Femke moved up
        loaded.diet = "vegetarisch"
        with self.captureOnCommitCallbacks(execute=True):
            visits.sign_up(visit, femke, loaded)
        waiting.refresh_from_db()
        self.assertEqual(waiting.status, RegistrationStatus.REGISTERED)
        # Told once that seats came free, not again as if she had waited once more.
        self.assertEqual([email.to for email in mail.outbox], [[femke.email]])

    def test_the_towns_of_a_visit_with_sign_ups_stay(self):
        self.guest("Anke")
        visit = VisitPage.objects.get(pk=self.visit.pk)
        visit.hosting_town = self.steenwijkerland
        visit.travelling_town = self.herzebrock
        with self.assertRaises(ValidationError):
            visit.full_clean()


class MovedMemberTests(CoordinatorMixin, TestCase):
    def test_a_host_who_changed_their_town_still_changes_and_withdraws_their_offer(self):
        offer = self.host("Thomas", beds=2)
        user = offer.user
        user.town = self.steenwijkerland
        user.save()
        self.client.force_login(user)
        form = reverse("visit_host_offer", args=[self.visit.pk])
        self.assertContains(self.client.get(form), 'name="beds"')
        offer.beds = 3
        visits.offer_hosting(self.visit, user, offer)
        offer.refresh_from_db()
        self.assertEqual(offer.beds, 3)
        # ... but cannot start a guest party while the offer stands.
        self.assertNotEqual(
            self.client.get(reverse("visit_guest_party", args=[self.visit.pk])).status_code,
            200,
        )
