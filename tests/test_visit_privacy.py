"""What an exchange visit keeps of guests and hosts, and for how long: the member's data export
holds their own answers and, once published, whom they were placed with; deleting the account
takes everything with it and tells the counterpart; some days after the visit it all goes."""

import datetime
import json

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase, override_settings

from community.privacy import delete_account
from exchanges import visits
from exchanges.choices import RegistrationStatus
from exchanges.factories import VisitPageFactory
from exchanges.models import GuestParty, HostOffer, Placement, VisitMatching
from home.schedule import JOBS
from tests.calendar_base import local
from tests.visits_base import VisitMixin


class DataExportTests(VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit(seats=None)
        cls.party = cls.guest(
            "Anke",
            adults=2,
            children=1,
            travellers="Anke, Piet en Sanne (9)",
            languages=["nl", "de"],
            animal_allergy=True,
            diet="vegetarisch",
            wishes="Graag dicht bij het centrum",
            phone="+31 6 1234 5678",
        )
        cls.offer = cls.host(
            "Bergmann",
            beds=3,
            pets_detail="",
            preferences="Am liebsten Radfahrer",
            address="Kirchplatz 1, Clarholz",
            phone="+49 5245 000000",
        )
        visits.propose(cls.visit)

    def export(self, user):
        self.client.force_login(user)
        response = self.client.get("/nl/members/my-data/")
        self.assertEqual(response.status_code, 200)
        return json.loads(response.content)["exchange_visits"], response.content.decode()

    def test_a_guest_finds_every_answer_and_the_status(self):
        data, _text = self.export(self.party.user)
        [party] = data["guest_parties"]
        self.assertEqual(data["host_offers"], [])
        self.assertEqual(party["visit"], self.visit.title)
        self.assertEqual(party["status"], RegistrationStatus.REGISTERED)
        self.assertEqual((party["adults"], party["children"]), (2, 1))
        self.assertEqual(party["travellers"], "Anke, Piet en Sanne (9)")
        self.assertEqual(party["languages"], ["nl", "de"])
        self.assertTrue(party["animal_allergy"])
        self.assertEqual(party["diet"], "vegetarisch")
        self.assertEqual(party["wishes"], "Graag dicht bij het centrum")
        self.assertEqual(party["phone"], "+31 6 1234 5678")

    def test_a_host_finds_every_answer_and_the_status(self):
        data, _text = self.export(self.offer.user)
        [offer] = data["host_offers"]
        self.assertEqual(data["guest_parties"], [])
        self.assertEqual(offer["status"], "offered")
        self.assertEqual((offer["household"], offer["beds"]), ("Familie Bergmann", 3))
        self.assertEqual(offer["preferences"], "Am liebsten Radfahrer")
        self.assertEqual(offer["address"], "Kirchplatz 1, Clarholz")
        self.assertEqual(offer["nights"], [night.isoformat() for night in self.visit.nights()])
        visits.withdraw_offer(self.offer, notify=False)
        data, _text = self.export(self.offer.user)
        self.assertEqual(data["host_offers"][0]["status"], "withdrawn")

    def test_a_placement_shows_only_once_published_and_only_what_was_told(self):
        self.assertTrue(Placement.objects.filter(party=self.party, offer=self.offer).exists())
        guest, guest_text = self.export(self.party.user)
        host, host_text = self.export(self.offer.user)
        self.assertIsNone(guest["guest_parties"][0]["staying_with"])
        self.assertEqual(host["host_offers"][0]["guests"], [])
        self.assertNotIn("Bergmann", guest_text)
        self.assertNotIn("Anke", host_text)

        with self.captureOnCommitCallbacks(execute=True):
            visits.publish_matching(self.visit, user=None)
        guest, guest_text = self.export(self.party.user)
        host, host_text = self.export(self.offer.user)
        self.assertEqual(guest["guest_parties"][0]["staying_with"]["household"], "Familie Bergmann")
        self.assertEqual(
            [(g["guest"], g["people"]) for g in host["host_offers"][0]["guests"]], [("Anke", 3)]
        )
        # The counterpart's answers stay theirs.
        self.assertNotIn("Am liebsten Radfahrer", guest_text)
        self.assertNotIn("vegetarisch", host_text)
        self.assertNotIn("Piet", host_text)


class AccountDeletionTests(VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit(seats=4)
        cls.party = cls.guest("Anke", adults=2)
        cls.other = cls.guest("Hendrik", adults=2)
        cls.waiting = cls.guest("Femke", adults=2)
        cls.offer = cls.host("Bergmann", beds=2)
        cls.second = cls.host("Schulte", beds=2)

    def told(self):
        visits.propose(self.visit)
        with self.captureOnCommitCallbacks(execute=True):
            visits.publish_matching(self.visit, user=None)
        mail.outbox = []

    def test_a_guest_deleting_the_account_takes_the_party_and_tells_the_host(self):
        self.told()
        host = Placement.objects.get(party=self.party).offer
        with self.captureOnCommitCallbacks(execute=True):
            delete_account(get_user_model().objects.get(pk=self.party.user_id))
        self.assertFalse(GuestParty.objects.filter(pk=self.party.pk).exists())
        self.assertFalse(Placement.objects.filter(offer=host).exists())
        self.assertTrue(HostOffer.objects.filter(pk=host.pk).exists())
        self.assertGreaterEqual(
            len([email for email in mail.outbox if host.user.email in email.to]), 1
        )

    def test_a_deleted_guests_seats_go_to_the_party_waiting(self):
        self.assertEqual(self.waiting.status, RegistrationStatus.WAITLISTED)
        with self.captureOnCommitCallbacks(execute=True):
            delete_account(get_user_model().objects.get(pk=self.party.user_id))
        self.waiting.refresh_from_db()
        self.assertEqual(self.waiting.status, RegistrationStatus.REGISTERED)

    def test_a_host_deleting_the_account_takes_the_offer_and_tells_the_guests(self):
        self.told()
        guest = Placement.objects.get(offer=self.offer).party
        with self.captureOnCommitCallbacks(execute=True):
            delete_account(get_user_model().objects.get(pk=self.offer.user_id))
        self.assertFalse(HostOffer.objects.filter(pk=self.offer.pk).exists())
        self.assertFalse(Placement.objects.filter(party=guest).exists())
        guest.refresh_from_db()
        self.assertEqual(guest.status, RegistrationStatus.REGISTERED)
        self.assertGreaterEqual(
            len([email for email in mail.outbox if guest.user.email in email.to]), 1
        )

    def test_a_placement_nobody_was_told_of_goes_without_an_email(self):
        visits.propose(self.visit)
        host = Placement.objects.get(party=self.party).offer
        mail.outbox = []
        with self.captureOnCommitCallbacks(execute=True):
            delete_account(get_user_model().objects.get(pk=self.party.user_id))
        self.assertFalse(Placement.objects.filter(offer=host).exists())
        self.assertEqual([email for email in mail.outbox if host.user.email in email.to], [])


class PurgeTests(VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit(seats=None)
        cls.guest("Anke")
        cls.host("Bergmann")
        visits.propose(cls.visit)
        cls.later = VisitPageFactory(
            parent=cls.calendar,
            travelling_town=cls.steenwijkerland,
            hosting_town=cls.herzebrock,
            start_date=cls.visit.end_date + datetime.timedelta(days=20),
            end_date=cls.visit.end_date + datetime.timedelta(days=23),
        )
        user = cls.resident("Hendrik", cls.steenwijkerland, "nl")
        visits.sign_up(cls.later, user, GuestParty(travellers="Hendrik"))
        host = cls.resident("Schulte", cls.herzebrock, "de")
        nights = [night.isoformat() for night in cls.later.nights()]
        visits.offer_hosting(
            cls.later, host, HostOffer(household="Familie Schulte", beds=2, nights=nights)
        )
        visits.propose(cls.later)

    def days_after(self, days):
        day = self.visit.end_date + datetime.timedelta(days=days)
        return local(day.year, day.month, day.day, 12, 0)

    def records(self, visit):
        return [
            model.objects.filter(visit_key=visit.translation_key).count()
            for model in (GuestParty, HostOffer, VisitMatching)
        ] + [Placement.objects.filter(party__visit_key=visit.translation_key).count()]

    def test_the_job_runs_on_the_schedule(self):
        self.assertIs(JOBS["visit-data"].function, visits.purge_visit_data)

    @override_settings(VISIT_DATA_RETENTION_DAYS=10)
    def test_everything_of_a_visit_goes_after_the_days_set_and_nothing_of_later_ones(self):
        self.assertEqual(visits.purge_visit_data(self.days_after(10)), 0)
        self.assertEqual(self.records(self.visit), [1, 1, 1, 1])
        self.assertEqual(visits.purge_visit_data(self.days_after(11)), 1)
        self.assertEqual(self.records(self.visit), [0, 0, 0, 0])
        self.assertEqual(self.records(self.later), [1, 1, 1, 1])

    def test_by_default_a_month_after_the_visit(self):
        self.assertEqual(visits.purge_visit_data(self.days_after(30)), 0)
        self.assertEqual(visits.purge_visit_data(self.days_after(31)), 1)
        self.assertEqual(self.records(self.later), [1, 1, 1, 1])
