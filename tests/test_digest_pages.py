"""The member's digest settings page, the one-click unsubscribe every digest links to, and the
choices in the member's data export (exchanges/digest_views.py)."""

import datetime
import json
from importlib import import_module

from bs4 import BeautifulSoup
from django.core import mail, signing
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import AddField
from django.test import Client

from community.models import SectorMembership
from community.models.members import DigestFrequency
from exchanges.digests import unsubscribe_url
from tests.test_digests import DigestTestCase, day


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class DigestSettingsPage(DigestTestCase):
    def setUp(self):
        self.climate_membership = self.join(self.anna, self.climate, day(0, 6))
        self.farming_membership = self.join(self.anna, self.farming, day(0, 6))
        self.bernd_membership = self.join(self.bernd, self.climate, day(0, 6))

    def field(self, membership):
        return f"sector_{membership.pk}"

    def test_dutch_member_chooses_per_sector_and_sees_it_saved(self):
        self.client.force_login(self.anna)
        page = soup(self.client.get("/nl/members/digests/"))
        self.assertEqual(page.h1.get_text(strip=True), "Mijn nieuwsoverzichten")
        labels = [label.get_text(strip=True) for label in page.select("form.form label")]
        self.assertEqual(labels, ["Duurzaamheid en klimaat", "Landbouw"])
        select = page.find("select", attrs={"name": self.field(self.climate_membership)})
        self.assertEqual(select.find("option", selected=True)["value"], "weekly")
        self.assertIn("Wekelijks", select.get_text())

        response = self.client.post(
            "/nl/members/digests/",
            {
                self.field(self.climate_membership): "daily",
                self.field(self.farming_membership): "none",
            },
            follow=True,
        )
        self.assertContains(response, "Uw keuzes voor de nieuwsoverzichten zijn opgeslagen.")
        self.climate_membership.refresh_from_db()
        self.farming_membership.refresh_from_db()
        self.assertEqual(self.climate_membership.digest, DigestFrequency.DAILY)
        self.assertEqual(self.farming_membership.digest, DigestFrequency.NONE)
        selected = soup(response).find(
            "select", attrs={"name": self.field(self.climate_membership)}
        )
        self.assertEqual(selected.find("option", selected=True)["value"], "daily")

    def test_german_member_sees_the_page_in_german_and_a_wrong_choice_keeps_the_others(self):
        self.client.force_login(self.bernd)
        page = soup(self.client.get("/de/members/digests/"))
        self.assertEqual(page.h1.get_text(strip=True), "Meine Zusammenfassungen")
        self.assertEqual(
            [label.get_text(strip=True) for label in page.select("form.form label")],
            ["Nachhaltigkeit und Klima"],
        )
        self.assertIn("Wöchentlich", page.select_one("select").get_text())
        response = self.client.post(
            "/de/members/digests/", {self.field(self.bernd_membership): "hourly"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(soup(response).select(".field__error"))
        self.bernd_membership.refresh_from_db()
        self.assertEqual(self.bernd_membership.digest, DigestFrequency.WEEKLY)

    def test_a_member_cannot_choose_for_someone_elses_membership(self):
        self.client.force_login(self.bernd)
        self.client.post(
            "/de/members/digests/",
            {
                self.field(self.bernd_membership): "daily",
                self.field(self.climate_membership): "none",
            },
        )
        self.climate_membership.refresh_from_db()
        self.assertEqual(self.climate_membership.digest, DigestFrequency.WEEKLY)

    def test_the_page_is_for_members_and_linked_from_their_page(self):
        response = self.client.get("/nl/members/digests/")
        self.assertTrue(response["Location"].startswith("/nl/accounts/login/"))
        self.client.force_login(self.anna)
        page = soup(self.client.get("/nl/members/"))
        self.assertTrue(page.find("a", href="/nl/members/digests/"))

    def test_the_join_button_says_that_members_get_a_weekly_digest_they_can_change(self):
        self.client.force_login(self.bernd)
        for path, words in (
            (self.farming.url, "elke maandag een e-mail"),
            (self.farming.get_translation(self.german).url, "jeden Montag eine E-Mail"),
        ):
            page = soup(self.client.get(path))
            form = page.find("form", action=lambda action: action and "join" in action)
            self.assertIn(words, form.find_next("p").get_text())

    def test_existing_memberships_get_no_digest_and_new_ones_a_weekly_one(self):
        """Members who joined before digests existed never chose one: the migration that adds
        the choice gives their memberships none."""
        migration = import_module("community.migrations.0009_membership_digest").Migration
        added = next(
            operation
            for operation in migration.operations
            if isinstance(operation, AddField) and operation.name == "digest"
        )
        self.assertEqual(added.field.default, DigestFrequency.NONE)
        state = MigrationLoader(None).project_state(("community", "0009_membership_digest"))
        field = state.apps.get_model("community", "SectorMembership")._meta.get_field("digest")
        self.assertEqual(field.default, DigestFrequency.WEEKLY)
        self.assertEqual(SectorMembership._meta.get_field("digest").default, DigestFrequency.WEEKLY)

    def test_the_choice_and_when_it_was_made_are_in_the_data_export(self):
        with self.at(day(1, 12)):
            self.climate_membership.choose_digest(DigestFrequency.DAILY)
        self.client.force_login(self.anna)
        data = json.loads(self.client.get("/nl/members/my-data/").content)
        climate = next(
            row for row in data["sector_communities"] if row["sector"] == "Duurzaamheid en klimaat"
        )
        self.assertEqual(climate["digest"], "daily")
        self.assertEqual(
            climate["digest_chosen_at"], day(1, 12).astimezone(datetime.UTC).isoformat()
        )


class OneClickUnsubscribe(DigestTestCase):
    def setUp(self):
        self.join(self.bernd, self.climate, day(0, 6), DigestFrequency.DAILY)
        self.join(self.bernd, self.farming, day(0, 6), DigestFrequency.AS_IT_HAPPENS)
        self.url = unsubscribe_url(self.bernd).removeprefix("http://testserver")

    def test_the_mail_clients_one_click_post_without_login_stops_the_next_digest(self):
        client = Client(enforce_csrf_checks=True)
        response = client.post(
            self.url,
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Language"], "de")
        self.assertContains(response, "Sie erhalten keine Zusammenfassungen mehr.")
        self.assertFalse(SectorMembership.objects.filter(user=self.bernd).with_digest().exists())
        self.new_story("Niemand liest", self.climate, day(1, 6))
        self.assertEqual(self.run_at(day(1, 7, 0)), [])
        self.assertEqual(mail.outbox, [])

    def test_opening_the_link_asks_first_and_unsubscribes_nobody(self):
        page = soup(self.client.get(self.url))
        self.assertEqual(page.h1.get_text(strip=True), "Zusammenfassungen abbestellen")
        self.assertEqual(
            page.select_one("form.form button").get_text(strip=True),
            "Alle Zusammenfassungen abbestellen",
        )
        self.assertEqual(SectorMembership.objects.filter(user=self.bernd).with_digest().count(), 2)
        response = self.client.post(self.url)
        self.assertContains(response, "Sie erhalten keine Zusammenfassungen mehr.")

    def test_the_page_answers_in_the_language_of_its_address(self):
        response = self.client.post(self.url.replace("/de/", "/nl/", 1))
        self.assertContains(response, "U ontvangt geen nieuwsoverzichten meer.")

    def test_a_forged_or_altered_token_unsubscribes_nobody(self):
        token = self.url.rstrip("/").rsplit("/", 1)[1]
        signature = token.rsplit(":", 1)[1]
        forged = [
            signing.dumps(self.bernd.pk, salt="another purpose"),
            f"{signing.dumps(self.anna.pk).rsplit(':', 1)[0]}:{signature}",
            "nothing",
        ]
        for token in forged:
            url = f"/de/members/digests/unsubscribe/{token}/"
            self.assertEqual(self.client.post(url).status_code, 404)
        self.assertEqual(SectorMembership.objects.filter(user=self.bernd).with_digest().count(), 2)
