"""`manage.py match_visit`: the coordinators' matching from the command line, printed as JSON."""

import json
from io import StringIO

from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils import translation

from exchanges import visits
from exchanges.models import Placement
from tests.visits_base import VisitMixin


class MatchVisitCommandTests(VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit(seats=None)
        cls.allergic = cls.guest("Anke", adults=2, animal_allergy=True)
        cls.family = cls.guest("Hendrik", adults=4, children=1)
        cls.smoker = cls.guest("Femke", adults=1, smokes=True)
        cls.wheelchair = cls.guest("Willem", adults=2, step_free=True)
        cls.pets = cls.host("Bergmann", beds=3, pets=True)
        cls.plain = cls.host("Schulte", beds=2, smokers_welcome=False)
        cls.stairs = cls.host("Wessels", beds=4, stairs=True)
        cls.parties = {
            party.pk: party for party in (cls.allergic, cls.family, cls.smoker, cls.wheelchair)
        }
        cls.offers = {offer.pk: offer for offer in (cls.pets, cls.plain, cls.stairs)}

    def match(self, *args):
        out = StringIO()
        call_command("match_visit", *[str(arg) for arg in args], stdout=out)
        return json.loads(out.getvalue())

    def assert_keeps_every_rule(self, data):
        for match in data["matches"]:
            offer = self.offers[match["host"]]
            self.assertEqual(match["beds"], offer.beds)
            self.assertLessEqual(sum(guest["people"] for guest in match["guests"]), offer.beds)
            for guest in match["guests"]:
                party = self.parties[guest["guest"]]
                self.assertEqual(guest["people"], party.people)
                self.assertEqual(visits.broken(party, offer), ())

    def test_prints_the_proposal_as_json_with_the_ids_of_hosts_and_guests(self):
        data = self.match(self.visit.pk, "--language", "en")
        self.assertEqual(set(data), {"matches", "unmatched"})
        for match in data["matches"]:
            self.assertEqual(set(match), {"host", "beds", "guests"})
            for guest in match["guests"]:
                self.assertEqual(set(guest), {"guest", "people"})
        for item in data["unmatched"]:
            self.assertEqual(set(item), {"guest", "reason"})
        placed = [guest["guest"] for match in data["matches"] for guest in match["guests"]]
        left = [item["guest"] for item in data["unmatched"]]
        self.assertCountEqual(placed + left, self.parties)
        self.assert_keeps_every_rule(data)

    def test_says_why_a_party_is_left_without_a_host(self):
        data = self.match(self.visit.pk, "--language", "en")
        reasons = {item["guest"]: item["reason"] for item in data["unmatched"]}
        self.assertEqual(reasons[self.family.pk], "No household has beds for 5 people.")

    def test_reasons_are_in_the_language_asked_for_by_default_the_sites(self):
        reasons = {
            language: {
                item["guest"]: item["reason"]
                for item in self.match(self.visit.pk, "--dry-run", *options)["unmatched"]
            }[self.family.pk]
            for language, options in (
                ("de", ["--language", "de"]),
                ("nl", []),
                ("en", ["--language", "en"]),
            )
        }
        self.assertEqual(reasons["de"], "Kein Haushalt hat Betten für 5 Personen.")
        self.assertNotEqual(reasons["nl"], reasons["en"])
        self.assertIn("5", reasons["nl"])

    def test_stores_the_proposal_as_the_admins_button_does(self):
        data = self.match(self.visit.pk)
        stored = {p.party_id: p.offer_id for p in Placement.objects.all()}
        printed = {
            guest["guest"]: match["host"] for match in data["matches"] for guest in match["guests"]
        }
        self.assertEqual(stored, printed)
        self.assertIsNotNone(visits.matching_state(self.visit).proposed_at)
        # The command prints its reasons in the site's language: read the stored plan in it too,
        # whatever language an earlier test left active in this process.
        with translation.override(settings.LANGUAGE_CODE):
            self.assertEqual(visits.stored_plan(self.visit), data)

    def test_a_dry_run_stores_nothing(self):
        data = self.match(self.visit.pk, "--dry-run")
        self.assertTrue(data["matches"])
        self.assertFalse(Placement.objects.exists())
        self.assertIsNone(visits.matching_state(self.visit).pk)

    def test_the_german_page_runs_the_same_matching(self):
        self.assertEqual(
            self.match(self.visit_de.pk, "--dry-run"), self.match(self.visit.pk, "--dry-run")
        )

    def test_keeps_placements_made_by_hand(self):
        visits.assign(self.wheelchair, self.pets)
        data = self.match(self.visit.pk)
        placement = Placement.objects.get(party=self.wheelchair)
        self.assertEqual((placement.offer, placement.by_hand), (self.pets, True))
        self.assertIn(
            {"guest": self.wheelchair.pk, "people": 2},
            next(m for m in data["matches"] if m["host"] == self.pets.pk)["guests"],
        )

    def test_an_unknown_page_is_refused_clearly(self):
        with self.assertRaisesMessage(CommandError, "No exchange visit has the page id 999999"):
            self.match(999999)
        with self.assertRaisesMessage(CommandError, f"page id {self.calendar.pk}"):
            self.match(self.calendar.pk)
        huge = 99999999999999999999  # more than any database's integer column holds
        with self.assertRaisesMessage(CommandError, f"page id {huge}"):
            self.match(huge)
