"""The coordinators' side of an exchange visit in the admin (exchanges/visit_admin.py): the
hosting town's editors see the guests and hosts, propose the matching, adjust it by hand and
publish it; nobody else opens any of it."""

import codecs
import csv
import datetime
import io
import re

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import constants, get_messages
from django.core import mail
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.users.models import UserProfile

from community.roles import EDITOR_GROUPS, MODERATORS
from community.roles.setup import setup_roles
from exchanges import visit_admin, visits
from exchanges.choices import RegistrationStatus
from exchanges.models import GuestParty, Placement
from tests.base import assert_help_blocks_show_their_icon
from tests.visits_base import VisitMixin

User = get_user_model()
PASSWORD = "een-lang-wachtwoord-123"  # noqa: S105


def staff(email, group):
    user = User.objects.create_user(email, PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


def refused(response):
    """403, a GET on a POST-only address, not found (a moderator, who sees no visits, learns
    no visit's id), the login page, or Wagtail's refusal (the dashboard with an error
    message)."""
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code != 302:
        return False
    location = response["Location"]
    errors = [m for m in get_messages(response.wsgi_request) if m.level == constants.ERROR]
    return "login" in location or (location.endswith("/admin/") and bool(errors))


class CoordinatorMixin(VisitMixin):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        cls.build_visit(seats=None)
        cls.editor_de = staff("redaktion@example.org", EDITOR_GROUPS[1])
        cls.editor_nl = staff("redactie@example.org", EDITOR_GROUPS[0])
        cls.moderator = staff("moderator@example.org", MODERATORS)

    def setUp(self):
        super().setUp()
        self.client.force_login(self.editor_de)

    def people_url(self):
        return reverse("exchange_visit", args=[self.visit.pk])

    def matching_url(self):
        return reverse("exchange_visit_matching", args=[self.visit.pk])

    def post(self, name, pk, data=None, follow=False):
        return self.client.post(reverse(name, args=[pk]), data or {}, follow=follow)


class SeeingGuestsAndHostsTests(CoordinatorMixin, TestCase):
    def test_german_editor_sees_guests_and_offers_with_every_answer_and_contact(self):
        party = self.guest(
            "Anke", adults=2, children=1, diet="vegetarisch", phone="+31 6 1234", wishes="rustig"
        )
        self.host("Bergmann", beds=3, pets=True, pets_detail="ein Hund", address="Dorfstraße 1")
        response = self.client.get(self.people_url())
        self.assertEqual(response.status_code, 200)
        for text in ("Anke", party.user.email, "+31 6 1234", "vegetarisch", "rustig"):
            self.assertContains(response, text)
        for text in ("Familie Bergmann", "ein Hund", "Dorfstraße 1"):
            self.assertContains(response, text)

    def test_index_lists_each_visit_once_with_its_counts(self):
        self.guest("Anke", adults=2)
        self.host("Bergmann", beds=3)
        response = self.client.get(reverse("exchange_visits"))
        self.assertEqual(response.status_code, 200)
        rows = response.context["rows"]
        self.assertEqual(len(rows), 1)  # the Dutch and German pages are one visit
        self.assertEqual((rows[0]["taken"], rows[0]["registered"], rows[0]["beds"]), (2, 1, 3))

    def test_a_cancellation_after_the_deadline_is_marked_late(self):
        party = self.guest("Anke")
        GuestParty.objects.filter(pk=party.pk).update(
            status=RegistrationStatus.CANCELLED,
            updated_at=self.visit.signup_deadline + datetime.timedelta(hours=1),
        )
        response = self.client.get(self.people_url())
        self.assertTrue(response.context["party_rows"][0]["late"])

    def test_coordinator_cancels_a_party_and_withdraws_an_offer_after_the_deadline(self):
        party = self.guest("Anke")
        offer = self.host("Bergmann")
        type(self.visit).objects.filter(translation_key=self.visit.translation_key).update(
            signup_deadline=timezone.now() - datetime.timedelta(days=1)
        )
        self.post("exchange_visit_cancel_party", party.pk)
        self.post("exchange_visit_withdraw_offer", offer.pk)
        party.refresh_from_db()
        offer.refresh_from_db()
        self.assertEqual(party.status, RegistrationStatus.CANCELLED)
        self.assertIsNotNone(offer.withdrawn_at)

    def test_coordinator_names_the_household_a_party_returns_to(self):
        party = self.guest("Anke")
        offer = self.host("Bergmann")
        self.post("exchange_visit_returning", party.pk, {"offer": offer.pk})
        party.refresh_from_db()
        self.assertEqual(party.preferred_offer, offer)

    def test_guest_list_downloads_as_csv_that_no_spreadsheet_evaluates(self):
        self.guest("Anke", adults=2, phone="+31 6 1234", travellers="=HYPERLINK(1)")
        response = self.client.get(reverse("exchange_visit_guests_csv", args=[self.visit.pk]))
        self.assertEqual(response.status_code, 200)
        # Separated as Dutch and German Excel split a file: at semicolons.
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(len(rows), 2)
        self.assertIn("'=HYPERLINK(1)", rows[1])
        self.assertIn("'+31 6 1234", rows[1])

    def test_hostile_text_is_escaped_on_every_page(self):
        hostile = "<script>alert(1)</script>"
        party = self.guest("Anke", travellers=hostile, wishes=hostile)
        offer = self.host("Bergmann", preferences=hostile)
        User.objects.filter(pk=party.user.pk).update(display_name=hostile)
        visits.assign(party, offer)
        for url in (self.people_url(), self.matching_url(), reverse("exchange_visits")):
            response = self.client.get(url)
            self.assertNotContains(response, hostile)
        self.assertContains(self.client.get(self.people_url()), "&lt;script&gt;")

    def test_the_page_needs_no_more_queries_for_more_parties_and_offers(self):
        self.guest("Anke")
        self.host("Bergmann")
        self.client.get(self.people_url())  # warm the caches of the admin (menus, settings)
        visits.propose(self.visit)
        urls = (
            self.people_url(),
            self.matching_url(),
            reverse("exchange_visit_publish", args=[self.visit.pk]),
            reverse("exchange_visits"),
        )
        few = {url: self.queries(url) for url in urls}
        for name in ("Hendrik", "Femke", "Jelle"):
            self.guest(name, wishes="Bergmann", animal_allergy=True)
            self.host(f"Schulte {name}", pets=name == "Femke")
        visits.propose(self.visit)
        for url in urls:
            self.assertEqual(self.queries(url), few[url], url)

    def queries(self, url):
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(captured.captured_queries)


class MatchingTests(CoordinatorMixin, TestCase):
    def test_propose_adjust_by_hand_and_publish_tell_guests_and_hosts_only_then(self):
        anke = self.guest("Anke", adults=2, animal_allergy=True)
        hendrik = self.guest("Hendrik", adults=2)
        bergmann = self.host("Bergmann", beds=2, pets=True, languages=["de"])
        schulte = self.host("Schulte", beds=2, languages=["nl", "de"])
        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(self.client.get(self.matching_url()).status_code, 200)
            response = self.post("exchange_visit_propose", self.visit.pk, follow=True)
        self.assertEqual(Placement.objects.get(party=anke).offer, schulte)
        self.assertEqual(Placement.objects.get(party=hendrik).offer, bergmann)
        self.assertContains(response, "Familie Schulte")

        # Beds are short: refused, nothing lost.
        response = self.post("exchange_visit_place", hendrik.pk, {"offer": schulte.pk}, follow=True)
        self.assertEqual(Placement.objects.get(party=hendrik).offer, bergmann)
        self.assertEqual(len(response.context["messages"]), 1)
        self.assertEqual(list(response.context["messages"])[0].level_tag, "error")

        # A broken rule (pets): refused unless the coordinator checked with both.
        self.post("exchange_visit_place", hendrik.pk, {"offer": ""})
        self.post("exchange_visit_place", anke.pk, {"offer": bergmann.pk})
        self.assertEqual(Placement.objects.get(party=anke).offer, schulte)
        self.post("exchange_visit_place", anke.pk, {"offer": bergmann.pk, "override": "on"})
        self.assertEqual(Placement.objects.get(party=anke).offer, bergmann)
        self.post("exchange_visit_place", hendrik.pk, {"offer": schulte.pk})
        self.assertTrue(Placement.objects.get(party=hendrik).by_hand)
        self.assertEqual(mail.outbox, [])

        confirm = self.client.get(reverse("exchange_visit_publish", args=[self.visit.pk]))
        self.assertEqual((confirm.context["guests"], confirm.context["hosts"]), (2, 2))
        self.post("exchange_visit_publish", self.visit.pk)  # not confirmed
        self.assertEqual(mail.outbox, [])
        with self.captureOnCommitCallbacks(execute=True):
            self.post("exchange_visit_publish", self.visit.pk, {"confirm": "yes"})
        # One email to each guest and each host of the two placements.
        told = sorted(email.to[0] for email in mail.outbox)
        people = [anke.user, hendrik.user, bergmann.user, schulte.user]
        self.assertEqual(told, sorted(member.email for member in people))
        self.assertFalse(Placement.objects.filter(announced_at=None).exists())
        state = visits.matching_state(self.visit)
        self.assertEqual(state.published_by, self.editor_de)
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "de"
        profile.save()
        response = self.client.get(self.matching_url())
        # Everything told: nothing left to publish.
        self.assertContains(response, "Alle Gäste und Gastfamilien wurden über ihre Zuordnung")
        self.assertNotContains(response, "Änderungen veröffentlichen")  # "Publish the changes"

    def test_the_publish_page_says_guests_and_hosts_get_the_emails_in_their_language(self):
        # "Jede Seite erhält sie" read as a web page (walk of 2026-12-06).
        self.guest("Anke", adults=2)
        self.host("Schulte", beds=2, languages=["nl", "de"])
        self.post("exchange_visit_propose", self.visit.pk)
        profile = UserProfile.get_for_user(self.editor_de)
        for language, words in (
            ("de", "Gäste wie Gastfamilien erhalten sie in ihrer Sprache"),
            ("nl", "Gasten en gastgezinnen krijgen die elk in hun eigen taal"),
        ):
            with self.subTest(language):
                profile.preferred_language = language
                profile.save()
                page = self.client.get(reverse("exchange_visit_publish", args=[self.visit.pk]))
                self.assertContains(page, words)
                self.assertNotContains(page, "Jede Seite")

    def test_the_matching_names_who_published_it_never_by_a_staff_address(self):
        # It said "Gepubliceerd op … door redaktion@example.org" of an editor without a name.
        visits.assign(self.guest("Anke"), self.host("Bergmann"))
        with self.captureOnCommitCallbacks(execute=True):
            visits.publish_matching(self.visit, user=self.editor_de)
        page = BeautifulSoup(self.client.get(self.matching_url()).content, "html.parser")
        text = " ".join(page.select_one(".help-block").get_text(" ").split())
        self.assertIn("door de redactie.", text)  # the admin in Dutch
        self.assertNotIn(self.editor_de.email, str(page.find("main")))

    def test_the_plan_says_who_is_left_without_a_host_and_why(self):
        self.guest("Anke", adults=5)
        self.host("Bergmann", beds=2)
        self.post("exchange_visit_propose", self.visit.pk)
        response = self.client.get(self.matching_url())
        self.assertEqual(len(response.context["left_out"]), 1)
        self.assertIn("5", response.context["left_out"][0]["reason"])

    def test_a_placement_against_a_rule_says_so_to_every_coordinator(self):
        anke = self.guest("Anke", adults=2, animal_allergy=True)
        pets = self.host("Bergmann", beds=2, pets=True)
        visits.assign(anke, pets, override=True)
        response = self.client.get(self.matching_url())
        [household] = response.context["hosts"]
        [guest] = household["guests"]
        self.assertEqual(guest["broken"], [str(visits.RULE_TEXTS["pets"])])
        self.assertContains(response, str(visits.RULE_TEXTS["pets"]))

    def test_once_everything_is_told_there_is_nothing_to_publish(self):
        self.guest("Anke", adults=2)
        self.host("Bergmann", beds=2)
        visits.propose(self.visit)
        publish = reverse("exchange_visit_publish", args=[self.visit.pk])
        self.assertContains(self.client.get(self.matching_url()), publish)
        with self.captureOnCommitCallbacks(execute=True):
            visits.publish_matching(self.visit, user=self.editor_de)
        self.assertNotContains(self.client.get(self.matching_url()), publish)
        self.guest("Femke", adults=1)
        self.host("Schulte", beds=1)
        visits.propose(self.visit)
        self.assertContains(self.client.get(self.matching_url()), publish)

    def test_get_changes_nothing(self):
        self.guest("Anke")
        self.host("Bergmann")
        for name in ("exchange_visit_propose", "exchange_visit_publish"):
            self.client.get(reverse(name, args=[self.visit.pk]))
        self.assertFalse(Placement.objects.exists())
        self.assertIsNone(visits.matching_state(self.visit).proposed_at)


class BlockedAccountsPlacedByHandTests(CoordinatorMixin, TestCase):
    """Found by the lock review: a coordinator placed a blocked member's party (or her guests
    with a blocked member's household) by hand, and publishing the matching silently left the
    placement out. The accounts here were made inactive in bulk (Wagtail's "set active
    state"), which gives up nothing: their party and offer still stand."""

    def made_inactive(self, party_or_offer):
        User.objects.filter(pk=party_or_offer.user_id).update(is_active=False)

    def errors(self, response):
        return [str(m).strip() for m in response.context["messages"] if m.level == constants.ERROR]

    def in_admin_language(self, response, message, **values):
        with translation.override(response.wsgi_request.LANGUAGE_CODE):
            return translation.gettext(message) % values

    def test_the_party_of_a_blocked_member_is_refused_with_why(self):
        anke = self.guest("Anke", adults=2)
        bergmann = self.host("Bergmann", beds=2)
        self.made_inactive(anke)
        response = self.post("exchange_visit_place", anke.pk, {"offer": bergmann.pk}, follow=True)
        self.assertFalse(Placement.objects.exists())
        self.assertEqual(
            self.errors(response),
            [
                self.in_admin_language(
                    response,
                    "%(party)s is blocked: the party of an inactive account is placed with no "
                    "host.",
                    party=anke.user.public_name or anke.user.email,
                )
            ],
        )

    def test_the_household_of_a_blocked_member_is_not_offered_nor_taken(self):
        anke = self.guest("Anke", adults=2)
        bergmann = self.host("Bergmann", beds=2)
        self.made_inactive(bergmann)
        page = BeautifulSoup(self.client.get(self.matching_url()).content, "html.parser")
        offered = [option["value"] for option in page.select(f"#place-{anke.pk} option")]
        self.assertNotIn(str(bergmann.pk), offered)
        response = self.post("exchange_visit_place", anke.pk, {"offer": bergmann.pk}, follow=True)
        self.assertFalse(Placement.objects.exists())
        self.assertEqual(len(self.errors(response)), 1)
        # Blocked while the coordinator's choice was on its way: refused where it is stored.
        with self.assertRaisesMessage(visits.MatchingRefused, "Familie Bergmann"):
            visits.assign(anke, bergmann)
        self.assertFalse(Placement.objects.exists())


class PlacingByHandTests(CoordinatorMixin, TestCase):
    """The host select of "place by hand" showed each household's beds, not those still free:
    an editor chose a full household and was refused only after saving."""

    def setUp(self):
        super().setUp()
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "en"
        profile.save()

    def options(self, party):
        page = BeautifulSoup(self.client.get(self.matching_url()).content, "html.parser")
        return {
            option.get_text(): option.has_attr("disabled")
            for option in page.select(f"#place-{party.pk} option")
            if option["value"]
        }

    def test_the_host_select_shows_the_beds_still_free_and_offers_no_full_household(self):
        anke = self.guest("Anke", adults=2)
        hendrik = self.guest("Hendrik", adults=2)
        jelle = self.guest("Jelle", adults=1)
        bergmann = self.host("Bergmann", beds=2)
        schulte = self.host("Schulte", beds=3)
        visits.assign(anke, bergmann)
        visits.assign(jelle, schulte)
        # Disabled: full, or with fewer beds free than the party has people.
        self.assertEqual(
            self.options(hendrik),
            {"Familie Bergmann (full)": True, "Familie Schulte (2 of 3 beds free)": False},
        )
        # Where a party stays now stays its choice; its own beds count as free there.
        self.assertEqual(
            self.options(anke),
            {"Familie Bergmann (full)": False, "Familie Schulte (2 of 3 beds free)": False},
        )
        visits.assign(hendrik, schulte)
        self.assertEqual(
            self.options(jelle),
            {"Familie Bergmann (full)": True, "Familie Schulte (full)": False},
        )

    def test_a_household_too_small_for_the_party_says_so_and_the_row_says_why(self):
        # A party of five, larger than any household: every household was greyed out and
        # nothing said why.
        anke = self.guest("Anke", adults=5)
        self.host("Bergmann", beds=2)
        self.host("Schulte", beds=3)
        self.assertEqual(
            self.options(anke),
            {
                "Familie Bergmann (2 of 2 beds free, too few for this party)": True,
                "Familie Schulte (3 of 3 beds free, too few for this party)": True,
            },
        )
        page = BeautifulSoup(self.client.get(self.matching_url()).content, "html.parser")
        select = page.select_one(f"#place-{anke.pk}")
        hint = page.select_one(f"#{select['aria-describedby']}")
        self.assertEqual(hint.get_text(strip=True), "No household has 5 beds free for this party.")

    def test_a_row_no_household_can_take_offers_no_place_anyway(self):
        # Hendrik's five in the demo: every household greyed out, yet the row offered "place
        # anyway, I checked with both" and "Save", which could do nothing (walk 8).
        anke = self.guest("Anke", adults=5)
        self.host("Bergmann", beds=2)
        page = BeautifulSoup(self.client.get(self.matching_url()).content, "html.parser")
        form = page.select_one(f"#place-{anke.pk}").find_parent("form")
        self.assertIsNone(form.select_one("[name=override]"))
        self.assertIsNone(form.select_one("button"))
        self.assertNotIn("place anyway", form.get_text())

    def test_a_refused_placement_comes_back_with_her_choice_selected(self):
        # The refusal told her to tick "place anyway" and save again; the page came back with
        # the household she chose no longer selected (walk 8).
        anke = self.guest("Anke", adults=2, animal_allergy=True)
        self.host("Schulte", beds=2)
        pets = self.host("Bergmann", beds=2, pets=True)
        response = self.post("exchange_visit_place", anke.pk, {"offer": pets.pk})
        page = BeautifulSoup(self.client.get(response["Location"]).content, "html.parser")
        [selected] = page.select(f"#place-{anke.pk} option[selected]")
        self.assertEqual(selected["value"], str(pets.pk))
        self.assertFalse(Placement.objects.exists())

    def test_a_party_some_household_can_take_gets_no_hint(self):
        anke = self.guest("Anke", adults=2)
        self.host("Bergmann", beds=2)
        page = BeautifulSoup(self.client.get(self.matching_url()).content, "html.parser")
        self.assertFalse(page.select_one(f"#place-{anke.pk}").has_attr("aria-describedby"))
        self.assertNotIn("beds free for this party", page.get_text())

    def test_a_refusal_against_a_rule_points_to_place_anyway_and_one_of_beds_does_not(self):
        anke = self.guest("Anke", adults=2, animal_allergy=True)
        pets = self.host("Bergmann", beds=2, pets=True)
        response = self.post("exchange_visit_place", anke.pk, {"offer": pets.pk}, follow=True)
        [refusal] = [
            str(m).strip() for m in response.context["messages"] if m.level == constants.ERROR
        ]
        self.assertTrue(refusal.startswith("Anke"), refusal)
        self.assertTrue(
            refusal.endswith("If you checked with both, tick “place anyway” and save again."),
            refusal,
        )
        self.assertFalse(Placement.objects.exists())
        # Too few beds: "place anyway" does not help, so it is not offered.
        small = self.host("Schulte", beds=1)
        jelle = self.guest("Jelle", adults=2)
        response = self.post(
            "exchange_visit_place", jelle.pk, {"offer": small.pk, "override": "on"}, follow=True
        )
        [refusal] = [
            str(m).strip() for m in response.context["messages"] if m.level == constants.ERROR
        ]
        self.assertNotIn("place anyway", refusal)


class ReturningToTests(CoordinatorMixin, TestCase):
    def test_the_household_of_a_blocked_member_is_not_offered_as_the_one_returned_to(self):
        party = self.guest("Anke")
        bergmann = self.host("Bergmann")
        schulte = self.host("Schulte")
        User.objects.filter(pk=bergmann.user_id).update(is_active=False)
        page = BeautifulSoup(self.client.get(self.people_url()).content, "html.parser")
        offered = [option["value"] for option in page.select(f"#returning-{party.pk} option")]
        self.assertEqual(offered, ["", str(schulte.pk)])
        self.post("exchange_visit_returning", party.pk, {"offer": bergmann.pk})
        party.refresh_from_db()
        self.assertIsNone(party.preferred_offer)

    def test_a_household_named_before_it_was_left_out_stays_named_and_says_why(self):
        # Anke returns to the Bergmanns; then their account is blocked, the Schultes withdraw.
        # The page showed "— nobody —" chosen, and saving her form unchanged forgot them.
        anke, hendrik = self.guest("Anke"), self.guest("Hendrik")
        bergmann, schulte = self.host("Bergmann", beds=3), self.host("Schulte", beds=2)
        self.post("exchange_visit_returning", anke.pk, {"offer": bergmann.pk})
        self.post("exchange_visit_returning", hendrik.pk, {"offer": schulte.pk})
        User.objects.filter(pk=bergmann.user_id).update(is_active=False)
        visits.withdraw_offer(schulte)
        page = BeautifulSoup(self.client.get(self.people_url()).content, "html.parser")
        for party, label in (
            (anke, "Familie Bergmann (geblokkeerd: ontvangt geen gasten)"),  # the admin in Dutch
            (hendrik, "Familie Schulte (ingetrokken: ontvangt geen gasten)"),
        ):
            chosen = page.select_one(f"#returning-{party.pk} option[selected]")
            self.assertEqual(chosen.get_text(strip=True), label)
            self.post("exchange_visit_returning", party.pk, {"offer": chosen["value"]})
        anke.refresh_from_db(), hendrik.refresh_from_db()
        self.assertEqual((anke.preferred_offer, hendrik.preferred_offer), (bergmann, schulte))
        # Another party may not choose them.
        jelle = self.guest("Jelle")
        self.post("exchange_visit_returning", jelle.pk, {"offer": bergmann.pk})
        jelle.refresh_from_db()
        self.assertIsNone(jelle.preferred_offer)

    def test_the_beds_counted_are_those_the_matching_may_fill(self):
        bergmann = self.host("Bergmann", beds=3)
        self.host("Schulte", beds=2)
        User.objects.filter(pk=bergmann.user_id).update(is_active=False)
        page = BeautifulSoup(self.client.get(self.people_url()).content, "html.parser")
        self.assertIn("Bedden aangeboden: 2", page.get_text(" ", strip=True))
        index = BeautifulSoup(self.client.get(reverse("exchange_visits")).content, "html.parser")
        self.assertIn("1 (2)", [cell.get_text(strip=True) for cell in index.select("td")])


class RefusalTests(CoordinatorMixin, TestCase):
    def urls(self):
        party = self.guest("Anke")
        offer = self.host("Bergmann")
        visit_urls = [
            reverse(name, args=[self.visit_de.pk])
            for name in (
                "exchange_visit",
                "exchange_visit_matching",
                "exchange_visit_propose",
                "exchange_visit_publish",
                "exchange_visit_guests_csv",
            )
        ]
        party_urls = [
            reverse(name, args=[party.pk])
            for name in (
                "exchange_visit_place",
                "exchange_visit_returning",
                "exchange_visit_cancel_party",
            )
        ]
        return [
            *visit_urls,
            *party_urls,
            reverse("exchange_visit_withdraw_offer", args=[offer.pk]),
        ]

    def test_moderator_member_and_anonymous_are_refused_everywhere(self):
        urls = self.urls()
        member = self.resident("Jelle", self.steenwijkerland, "nl")
        data = {"offer": "", "confirm": "yes"}
        for user in (self.moderator, member, None):
            self.client.logout()
            if user is not None:
                self.client.force_login(user)
            for url in urls:
                for method in (self.client.get, self.client.post):
                    response = method(url, data)
                    self.assertTrue(refused(response), f"{url} {response.status_code} for {user}")
        party = GuestParty.objects.get()
        self.assertEqual(party.status, RegistrationStatus.REGISTERED)
        self.assertIsNone(visits.matching_state(self.visit).proposed_at)

    def test_moderators_see_no_index(self):
        self.client.force_login(self.moderator)
        self.assertTrue(refused(self.client.get(reverse("exchange_visits"))))


class PublishWarningTests(CoordinatorMixin, TestCase):
    def test_the_confirmation_counts_parties_and_households_and_warns_of_who_has_no_host(self):
        anke = self.guest("Anke", adults=1)
        hendrik = self.guest("Hendrik", adults=1)
        self.guest("Femke", adults=5)
        bergmann = self.host("Bergmann", beds=2)
        visits.assign(anke, bergmann)
        visits.assign(hendrik, bergmann)
        response = self.client.get(reverse("exchange_visit_publish", args=[self.visit.pk]))
        # Two parties, one household (one email listing both guests).
        self.assertEqual((response.context["guests"], response.context["hosts"]), (2, 1))
        self.assertEqual(response.context["homeless"], 1)
        # The admin in Dutch, the sentence in the singular throughout.
        self.assertContains(
            response, "1 reisgezelschap heeft nog geen gastgezin; het krijgt bericht dat de"
        )
        self.assertContains(response, "coördinatoren verder zoeken")

    def test_the_confirmations_warning_carries_wagtails_icon(self):
        self.guest("Femke", adults=5)  # no host yet, and sign-up still open
        response = self.client.get(reverse("exchange_visit_publish", args=[self.visit.pk]))
        assert_help_blocks_show_their_icon(self, response, 1)

    def test_the_confirmation_warns_while_sign_up_is_open_and_not_after(self):
        url = reverse("exchange_visit_publish", args=[self.visit.pk])
        self.assertContains(self.client.get(url), "nog aanmelden, wijzigen of annuleren")
        type(self.visit).objects.filter(translation_key=self.visit.translation_key).update(
            signup_deadline=timezone.now() - datetime.timedelta(days=1)
        )
        self.assertNotContains(self.client.get(url), "nog aanmelden")


class PublishConfirmationTests(CoordinatorMixin, TestCase):
    """The confirmation read "2 guest parties will be emailed and 1 host household" (German:
    "2 Reisegruppen erhalten eine E-Mail und 1 Gastfamilie", the verb with the first only), and
    named no placement made against a hard rule with "place anyway"."""

    def setUp(self):
        super().setUp()
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "en"
        profile.save()

    def confirmation(self):
        response = self.client.get(reverse("exchange_visit_publish", args=[self.visit.pk]))
        page = BeautifulSoup(response.content, "html.parser")
        return " ".join(page.find("main").get_text(" ").split())

    def test_one_sentence_names_whom_the_emails_reach_for_any_number(self):
        bergmann = self.host("Bergmann", beds=3)
        self.assertIn("publishing now emails nobody", self.confirmation())
        visits.assign(self.guest("Anke", adults=1), bergmann)
        self.assertIn("Emailed now: 1 guest party and 1 host household.", self.confirmation())
        visits.assign(self.guest("Hendrik", adults=2), bergmann)
        visits.assign(self.guest("Femke", adults=1), self.host("Schulte", beds=1))
        visits.assign(self.guest("Jelle", adults=1), self.host("Meier", beds=1))
        self.assertIn("Emailed now: 4 guest parties and 3 host households.", self.confirmation())

    def test_the_sentence_reads_right_with_only_one_side_too(self):
        with translation.override("en"):
            self.assertEqual(visit_admin.emailed(1, 0), "Emailed now: 1 guest party.")
            self.assertEqual(visit_admin.emailed(0, 2), "Emailed now: 2 host households.")
            self.assertEqual(
                visit_admin.emailed(11, 8), "Emailed now: 11 guest parties and 8 host households."
            )

    def test_the_placements_against_a_hard_rule_are_named_before_publishing(self):
        anke = self.guest("Anke", adults=2, animal_allergy=True)
        hendrik = self.guest("Hendrik", adults=1, smokes=True)
        bergmann = self.host("Bergmann", beds=2, pets=True)
        schulte = self.host("Schulte", beds=2, smokers_welcome=False)
        visits.assign(anke, bergmann, override=True)
        visits.assign(hendrik, schulte, override=True)
        visits.assign(self.guest("Femke", adults=1), schulte)  # breaks nothing
        with translation.override("en"):
            pets, smokers = (str(visits.RULE_TEXTS[code]) for code in ("pets", "smokers"))
        text = self.confirmation()
        self.assertIn("2 placements go against a hard rule:", text)
        self.assertIn(f"Anke with Familie Bergmann: {pets}", text)
        self.assertIn(f"Hendrik with Familie Schulte: {smokers}", text)
        self.assertNotIn("Femke with", text)
        # Told already: publishing again tells it to nobody, and names it no more.
        with self.captureOnCommitCallbacks(execute=True):
            visits.publish_matching(self.visit, user=self.editor_de)
        self.assertNotIn("against a hard rule", self.confirmation())


class AdminLanguageTests(CoordinatorMixin, TestCase):
    def speak(self, language):
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = language
        profile.save()

    def test_titles_are_those_of_the_version_in_the_admin_language(self):
        self.speak("de")
        for url in (self.people_url(), self.matching_url()):
            response = self.client.get(url)
            self.assertContains(response, "Austauschbesuch")
            self.assertEqual(response.context["shown"], self.visit_de)
        self.speak("nl")
        german = reverse("exchange_visit_matching", args=[self.visit_de.pk])
        self.assertEqual(self.client.get(german).context["shown"], self.visit)

    def test_dates_follow_the_admin_language(self):
        start = self.visit.start_date
        self.speak("de")
        response = self.client.get(self.people_url())
        self.assertContains(response, f"{start.day}.\xa0")
        self.speak("nl")
        response = self.client.get(self.people_url())
        self.assertNotContains(response, f"{start.day}.\xa0")
        self.assertContains(response, f"{start.day}\xa0")

    def test_the_deadline_is_written_in_words_as_the_visits_dates_are(self):
        """ "13 april 2027" beside "Aanmelden tot 17-2-2027 23:59" read as two ways of writing
        dates on one page: the deadline is written as the site writes a moment."""
        deadline = timezone.localtime(self.visit.signup_deadline)
        for language, words in (("nl", "Aanmelden tot"), ("de", "Anmeldung bis")):
            self.speak(language)
            with translation.override(language):
                # As read: the spaces that hold the date together are spaces too.
                expected = " ".join(f"{words} {date_format(deadline, 'DATETIME_FORMAT')}".split())
            for url in (reverse("exchange_visits"), self.people_url()):
                with self.subTest(language=language, url=url):
                    page = BeautifulSoup(self.client.get(url).content, "html.parser")
                    text = " ".join(page.find("main").get_text(" ").split())
                    self.assertIn(expected, text)
                    self.assertIsNone(re.search(r"\b\d{1,2}[-.]\d{1,2}[-.]\d{4}\b", text), text)

    def test_the_guest_list_has_every_answer_and_a_file_name_in_the_admin_language(self):
        self.speak("de")
        party = self.guest(
            "Anke",
            languages=["nl", "de"],
            animal_allergy=True,
            allergies="Nüsse",
            diet="vegetarisch",
            step_free=True,
            mobility="Rollator",
            smoke_free=True,
            wishes="Familie Bergmann",
        )
        offer = self.host("Bergmann")
        visits.assign(party, offer)
        response = self.client.get(reverse("exchange_visit_guests_csv", args=[self.visit.pk]))
        self.assertIn(f"gaeste-{self.visit_de.slug}.csv", response["Content-Disposition"])
        # The UTF-8 byte-order mark: Excel on Windows reads "NÃ¼sse" without it.
        self.assertTrue(response.content.startswith(codecs.BOM_UTF8))
        text = response.content.decode("utf-8-sig")
        header, row = list(csv.reader(io.StringIO(text), delimiter=";"))
        answers = dict(zip(header, row, strict=True))
        self.assertEqual(answers["Untergebracht bei"], "Familie Bergmann")
        for value in ("Nüsse", "vegetarisch", "Rollator", "Familie Bergmann"):
            self.assertIn(value, row)
        self.assertEqual(len(header), 18)
        self.speak("nl")
        response = self.client.get(reverse("exchange_visit_guests_csv", args=[self.visit.pk]))
        self.assertIn(f"gasten-{self.visit.slug}.csv", response["Content-Disposition"])


class GuestsCoordinatorTests(CoordinatorMixin, TestCase):
    """The travelling town's editors (the Dutch ones here) see their guests, read-only."""

    def setUp(self):
        super().setUp()
        self.client.force_login(self.editor_nl)

    def test_dutch_editor_sees_the_guest_parties_but_no_host_offer_or_matching(self):
        party = self.guest("Anke", diet="vegetarisch")
        offer = self.host("Bergmann", address="Dorfstraße 1")
        visits.assign(party, offer)
        response = self.client.get(self.people_url())
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "vegetarisch")
        self.assertNotContains(response, "Dorfstraße 1")
        self.assertNotContains(response, "Familie Bergmann")  # not told yet
        self.assertNotContains(response, reverse("exchange_visit_matching", args=[self.visit.pk]))
        self.assertNotContains(response, reverse("exchange_visit_returning", args=[party.pk]))
        csv_response = self.client.get(reverse("exchange_visit_guests_csv", args=[self.visit.pk]))
        self.assertEqual(csv_response.status_code, 200)
        self.assertNotIn("Bergmann", csv_response.content.decode())
        with self.captureOnCommitCallbacks(execute=True):
            visits.publish_matching(self.visit, user=self.editor_de)
        self.assertContains(self.client.get(self.people_url()), "Familie Bergmann")

    def test_dutch_editor_is_refused_the_matching_offers_and_every_other_action(self):
        party = self.guest("Anke")
        offer = self.host("Bergmann")
        for name, pk in (
            ("exchange_visit_matching", self.visit.pk),
            ("exchange_visit_propose", self.visit.pk),
            ("exchange_visit_publish", self.visit.pk),
            ("exchange_visit_place", party.pk),
            ("exchange_visit_returning", party.pk),
            ("exchange_visit_withdraw_offer", offer.pk),
        ):
            response = self.client.post(
                reverse(name, args=[pk]), {"offer": offer.pk, "confirm": "yes"}
            )
            self.assertTrue(refused(response), name)
        self.assertTrue(refused(self.client.get(self.matching_url())))
        self.assertFalse(Placement.objects.exists())
        offer.refresh_from_db()
        self.assertIsNone(offer.withdrawn_at)

    def test_dutch_editor_cancels_a_party_after_the_deadline(self):
        party = self.guest("Anke")
        type(self.visit).objects.filter(translation_key=self.visit.translation_key).update(
            signup_deadline=timezone.now() - datetime.timedelta(days=1)
        )
        self.post("exchange_visit_cancel_party", party.pk)
        party.refresh_from_db()
        self.assertEqual(party.status, RegistrationStatus.CANCELLED)

    def test_the_index_lists_the_visit_from_their_town_as_the_guests_side(self):
        rows = self.client.get(reverse("exchange_visits")).context["rows"]
        self.assertEqual(
            [(row["visit"].translation_key, row["hosting"]) for row in rows],
            [(self.visit.translation_key, False)],
        )
        self.client.force_login(self.editor_de)
        rows = self.client.get(reverse("exchange_visits")).context["rows"]
        self.assertTrue(rows[0]["hosting"])


class VisitsListIntroductionTests(CoordinatorMixin, TestCase):
    """The list's introduction spoke of visits to and from the editor's town whatever the list
    held, and of "your town" to an administrator, who has none."""

    def introduction(self, user, language):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        self.client.force_login(user)
        page = BeautifulSoup(self.client.get(reverse("exchange_visits")).content, "html.parser")
        introduction = page.find("main").find("p")
        return " ".join(introduction.get_text(" ").split()) if introduction else None

    def test_each_editor_reads_of_the_visits_their_town_has_and_an_administrator_of_all(self):
        # The visit goes from Steenwijkerland (the Dutch editors') to Herzebrock-Clarholz.
        dutch = self.introduction(self.editor_nl, "nl")
        self.assertIn("De uitwisselingsbezoeken vanuit uw gemeente", dutch)
        self.assertNotIn("aan uw gemeente", dutch)
        german = self.introduction(self.editor_de, "de")
        self.assertIn("Die Austauschbesuche in Ihrer Gemeinde", german)
        self.assertNotIn("aus Ihrer Gemeinde", german)
        administrator = User.objects.create_superuser("beheer@example.org", PASSWORD)
        english = self.introduction(administrator, "en")
        self.assertEqual(
            english,
            "You coordinate every exchange visit, for both towns: guests, hosts and the matching.",
        )

    def test_the_hosting_editors_read_who_else_sees_what_guests_and_hosts_entered(self):
        # "Only you see …" it said; the other editors of the foundation, the administrators and
        # (of the guest parties) the guests' coordinators see it too (exchanges/visits.py).
        introduction = self.introduction(self.editor_de, "en")
        self.assertNotIn("Only you", introduction)
        self.assertIn(
            "What guests and hosts entered is seen by the editors of your foundation and the "
            "administrators, the guest parties also by the editors of the guests' foundation",
            introduction,
        )

    def test_an_editor_whose_town_has_no_visit_reads_only_that(self):
        type(self.visit).objects.all().delete()
        self.assertIsNone(self.introduction(self.editor_nl, "nl"))
        self.assertContains(
            self.client.get(reverse("exchange_visits")),
            "Geen uitwisselingsbezoek naar of vanuit uw gemeente.",
        )
        administrator = User.objects.create_superuser("beheer@example.org", PASSWORD)
        self.introduction(administrator, "en")
        response = self.client.get(reverse("exchange_visits"))
        self.assertContains(response, "No exchange visit yet.")
        self.assertNotContains(response, "your town")


class ConfirmingBeforeCancellingTests(CoordinatorMixin, TestCase):
    """Newcomer walk: "Cancel this party" and "Withdraw this offer" on the guests and hosts page
    did it at one tap, emails and all, a tap meant for the button beside it too. Each leads to
    a page that says what will happen and asks; only its form's POST does it, a GET (a link
    followed, a page reloaded) changes nothing."""

    def asked(self, name, pk):
        """The people page's way to the action: a link (not a form that does it) to a page
        that asks, and that page, opened."""
        address = reverse(name, args=[pk])
        people = BeautifulSoup(self.client.get(self.people_url()).content, "html.parser")
        self.assertIsNone(people.find("form", action=address))
        link = people.find("a", href=re.compile("^" + re.escape(address)))
        self.assertIsNotNone(link)
        response = self.client.get(link["href"])
        self.assertEqual(response.status_code, 200)
        return response

    def confirm(self, response):
        form = BeautifulSoup(response.content, "html.parser").find("form", method="post")
        data = {field["name"]: field.get("value", "") for field in form.find_all("input")}
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(form.get("action") or response.wsgi_request.path, data)

    def test_cancelling_a_party_asks_first_and_then_cancels_it(self):
        party = self.guest("Anke")
        question = self.asked("exchange_visit_cancel_party", party.pk)
        party.refresh_from_db()
        self.assertEqual(party.status, RegistrationStatus.REGISTERED)
        self.assertEqual(mail.outbox, [])
        text = " ".join(BeautifulSoup(question.content, "html.parser").main.get_text().split())
        self.assertIn("Anke", text)
        self.assertIn("Het lid krijgt een e-mail; een gastgezin dat al op de hoogte was ook.", text)
        response = self.confirm(question)
        self.assertRedirects(response, self.people_url(), fetch_redirect_response=False)
        party.refresh_from_db()
        self.assertEqual(party.status, RegistrationStatus.CANCELLED)
        self.assertEqual([message.to for message in mail.outbox], [[party.user.email]])

    def test_withdrawing_an_offer_asks_first_and_then_withdraws_it(self):
        offer = self.host("Bergmann")
        question = self.asked("exchange_visit_withdraw_offer", offer.pk)
        offer.refresh_from_db()
        self.assertIsNone(offer.withdrawn_at)
        text = " ".join(BeautifulSoup(question.content, "html.parser").main.get_text().split())
        self.assertIn("Familie Bergmann", text)
        self.assertIn(
            "Het gastgezin krijgt een e-mail; gasten die al op de hoogte waren ook.", text
        )
        response = self.confirm(question)
        self.assertRedirects(response, self.people_url(), fetch_redirect_response=False)
        offer.refresh_from_db()
        self.assertIsNotNone(offer.withdrawn_at)

    def test_the_question_leads_back_without_changing_anything(self):
        party = self.guest("Anke")
        question = BeautifulSoup(
            self.asked("exchange_visit_cancel_party", party.pk).content, "html.parser"
        )
        back = question.main.find("a", string="Terug")
        self.assertEqual(back["href"], self.people_url())
        party.refresh_from_db()
        self.assertEqual(party.status, RegistrationStatus.REGISTERED)
