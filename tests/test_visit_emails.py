"""What guests and hosts of an exchange visit are emailed, each in their own language: their
seats or their number on the waiting list, seats that came free, changes saved, a cancellation
or a withdrawn offer; and, only once the coordinators publish the matching, each other's names
and contact details, once; a placement told that no longer holds reaches both."""

from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from exchanges import visit_notifications, visits
from exchanges.models import HostOffer, Placement, VisitCoordinator
from exchanges.templatetags.visit_tags import visit_days
from tests.visits_base import GUEST_PHONE, HOST_ADDRESS, HOST_PHONE, VisitEmailsMixin


class VisitEmailsTestCase(VisitEmailsMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit(seats=4)
        VisitCoordinator.objects.filter(name="Gerda Mulder").update(
            email="gerda@steenwijkerland.example", phone="+31 521 123456"
        )
        VisitCoordinator.objects.filter(name="Klaus Brinkmann").update(
            email="klaus@herzebrock.example", phone="+49 5245 1234"
        )

    # --- helpers --------------------------------------------------------------------------

    def html(self, email):
        [(content, mimetype)] = email.alternatives
        self.assertEqual(mimetype, "text/html")
        return content

    def path_in(self, language, name="member_area"):
        with translation.override(language):
            return reverse(name)

    def deadline_in(self, language):
        with translation.override(language):
            return formats.date_format(
                timezone.localtime(self.visit.signup_deadline), "DATETIME_FORMAT"
            )

    # --- signing up -------------------------------------------------------------------------

    def test_a_dutch_guest_is_told_her_seats_until_when_she_may_change_and_whom_to_ask(self):
        anke = self.sign_up("Anke", adults=2, children=1)
        [email] = self.emails_to(anke.user)
        self.assertEqual(email.subject, f"U bent aangemeld: {self.visit.title}")
        self.assertIn(f"„{self.visit.title}”", email.body)
        self.assertIn("Uw reisgezelschap heeft 3 plaatsen.", email.body)
        self.assertIn(f"Tot {self.deadline_in('nl')} kunt u uw aanmelding", email.body)
        self.assertIn(
            "Gerda Mulder (Steenwijkerland), gerda@steenwijkerland.example, +31 521 123456",
            email.body,
        )
        self.assertIn("Klaus Brinkmann", email.body)
        self.assertIn(f"http://testserver{self.visit.get_url_parts()[2]}", email.body)
        self.assertIn(f"http://testserver{self.path_in('nl')}", email.body)
        # Its dates as its page writes them ("11–14 april 2027": walk W9).
        with translation.override("nl"):
            days = visit_days(self.visit)
        self.assertIn(f"Data: {days}\n", email.body)
        self.assertContains(self.client.get(self.visit.url), days)

    def test_the_waiting_list_email_gives_the_partys_number(self):
        self.sign_up("Anke", adults=4)
        self.sign_up("Hendrik", adults=2)
        femke = self.sign_up("Femke", adults=1)
        [email] = self.emails_to(femke.user)
        self.assertEqual(email.subject, f"Op de wachtlijst: {self.visit.title}")
        self.assertIn("op de wachtlijst, als nummer 2.", email.body)

    def test_a_german_guest_reads_the_visit_under_its_german_title(self):
        sabine = self.sign_up("Sabine", language="de", adults=4)
        [email] = self.emails_to(sabine.user)
        self.assertEqual(email.subject, "Sie sind angemeldet: Austauschbesuch")
        self.assertIn("Ihre Reisegruppe hat 4 Plätze.", email.body)
        self.assertIn(f"http://testserver{self.visit_de.get_url_parts()[2]}", email.body)
        self.assertIn(f"http://testserver{self.path_in('de')}", email.body)
        self.assertIn(f"Bis {self.deadline_in('de')} können Sie Ihre Anmeldung", email.body)

    def test_changes_are_confirmed_as_saved(self):
        anke = self.sign_up("Anke", adults=1)
        anke.adults = 2
        with self.captureOnCommitCallbacks(execute=True):
            visits.sign_up(self.visit, anke.user, anke, notify=True)
        _first, changed = self.emails_to(anke.user)
        self.assertEqual(changed.subject, f"Wijzigingen opgeslagen: {self.visit.title}")
        self.assertIn("De wijzigingen in uw aanmelding", changed.body)
        self.assertIn("2 plaatsen", changed.body)

    def test_a_cancellation_is_confirmed_and_the_next_party_waiting_is_promoted(self):
        anke = self.sign_up("Anke", adults=4)
        sabine = self.sign_up("Sabine", language="de", adults=2)
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            visits.cancel_party(anke)
        [cancelled] = self.emails_to(anke.user)
        self.assertEqual(cancelled.subject, f"Aanmelding geannuleerd: {self.visit.title}")
        self.assertIn("uw reisgezelschap reist niet meer mee", cancelled.body)
        [promoted] = self.emails_to(sabine.user)
        self.assertEqual(promoted.subject, "Für Sie sind Plätze frei geworden: Austauschbesuch")
        self.assertIn("Ihre Reisegruppe hat jetzt 2 Plätze.", promoted.body)

    def test_who_a_coordinator_cancelled_or_withdrew_is_not_asked_whether_she_changed_her_mind(
        self,
    ):
        # Walk 7: "Haben Sie es sich anders überlegt?" to a host whose offer a coordinator
        # withdrew while the sign-up was open.
        anke, offer = self.sign_up("Anke"), self.offer("Bergmann", beds=3)
        with self.captureOnCommitCallbacks(execute=True):
            visits.cancel_party(anke, by_coordinator=True)
            visits.withdraw_offer(offer, by_coordinator=True)
        again = {
            "nl": "Changed your mind? You can sign up again on the visit page until the sign-up "
            "closes.",
            "de": "Changed your mind? You can offer again on the visit page until the sign-up "
            "closes.",
        }
        for user, language in ((anke.user, "nl"), (offer.user, "de")):
            email = self.emails_to(user)[-1]
            with translation.override(language):
                self.assertNotIn(gettext(again[language]), email.body)
                self.assertIn(gettext("Questions? Please ask a coordinator."), email.body)

    def test_a_coordinator_who_cancels_a_party_is_named_as_such(self):
        anke = self.sign_up("Anke")
        later = self.visit.signup_deadline + timezone.timedelta(days=1)
        with self.captureOnCommitCallbacks(execute=True):
            visits.cancel_party(anke, now=later, by_coordinator=True)
        cancelled = self.emails_to(anke.user)[-1]
        self.assertIn("Een coördinator heeft uw aanmelding", cancelled.body)

    # --- offering -------------------------------------------------------------------------

    def test_a_german_host_is_thanked_with_a_summary_and_told_when_guests_follow(self):
        offer = self.offer("Bergmann", beds=3)
        [email] = self.emails_to(offer.user)
        self.assertEqual(
            email.subject,
            "Vielen Dank für Ihr Angebot als Gastfamilie für den Besuch „Austauschbesuch“",
        )
        self.assertIn("Betten: 3", email.body)
        self.assertIn("jede Nacht des Besuchs", email.body)
        self.assertIn("Sobald die Koordinatoren die Zuordnung veröffentlichen", email.body)
        self.assertIn("Bis ", email.body)

    def test_a_host_is_thanked_under_a_title_with_its_own_colon_without_a_second_one(self):
        # Walk 13: "Vielen Dank für Ihr Angebot als Gastfamilie: Erwachsenenaustausch: Gäste aus
        # Steenwijkerland". The title is quoted, as in the subjects that tell the matching.
        titles = {
            "nl": "Volwassenenuitwisseling: gasten uit Steenwijkerland",
            "de": "Erwachsenenaustausch: Gäste aus Steenwijkerland",
        }
        for page, language in ((self.visit, "nl"), (self.visit_de, "de")):
            type(page).objects.filter(pk=page.pk).update(title=titles[language])
        for name, language in (("Bergmann", "de"), ("Bakker", "nl")):
            with self.subTest(language=language):
                offer = self.offer(name, language=language)
                [email] = self.emails_to(offer.user)
                with translation.override(language):
                    thanks = gettext("Thank you for offering to host during “%(title)s”")
                self.assertEqual(email.subject, thanks % {"title": titles[language]})
                self.assertEqual(email.subject.count(":"), 1)

    def test_an_offer_changed_and_withdrawn_is_confirmed(self):
        offer = self.offer("Bergmann", beds=3)
        offer.beds = 2
        offer.nights = [self.visit.nights()[0].isoformat()]
        with self.captureOnCommitCallbacks(execute=True):
            visits.offer_hosting(self.visit_de, offer.user, offer, notify=True)
        with self.captureOnCommitCallbacks(execute=True):
            visits.withdraw_offer(offer)
        _thanks, changed, withdrawn = self.emails_to(offer.user)
        self.assertEqual(changed.subject, "Änderungen gespeichert: Austauschbesuch")
        self.assertIn("Betten: 2", changed.body)
        with translation.override("de"):
            self.assertIn(formats.date_format(self.visit.nights()[0]), changed.body)
        self.assertEqual(
            withdrawn.subject, "Angebot als Gastfamilie zurückgezogen: Austauschbesuch"
        )

    # --- the matching -----------------------------------------------------------------------

    def test_guest_and_host_learn_each_other_in_their_own_language_only_once_published(self):
        anke, offer = self.place_anke_with_bergmann()
        with self.captureOnCommitCallbacks(execute=True):
            visits.propose(self.visit)
        for email in mail.outbox:
            for secret in (HOST_PHONE, "Lindenstraße", offer.user.email, GUEST_PHONE):
                self.assertNotIn(secret, email.body)
        self.assertNotIn(offer.user.email, "".join(e.body for e in self.emails_to(anke.user)))
        mail.outbox.clear()

        self.assertEqual(self.publish(), 1)

        [to_guest] = self.emails_to(anke.user)
        self.assertEqual(to_guest.subject, f"Bij wie u tijdens „{self.visit.title}” logeert")
        self.assertIn("uw reisgezelschap logeert bij Familie Bergmann.", to_guest.body)
        for detail in (
            "Naam: Bergmann",
            f"E-mail: {offer.user.email}",
            f"Telefoon: {HOST_PHONE}",
            f"Adres: {HOST_ADDRESS}",
        ):
            self.assertIn(detail, to_guest.body)

        [to_host] = self.emails_to(offer.user)
        # To the Bergmanns about their guests, not about "Familie Bergmann"; the subject with an
        # article and the visit's title quoted ("Ihre Gäste für Erwachsenenaustausch: Gäste aus
        # Steenwijkerland": walk of 2026-12-06).
        self.assertEqual(
            to_host.subject, "Wer während des Besuchs „Austauschbesuch“ bei Ihnen übernachtet"
        )
        self.assertIn("Diese Reisegruppe übernachtet bei Ihnen.", to_host.body)
        self.assertNotIn("Familie Bergmann", to_host.body)
        for detail in (
            "Kontakt: Anke",
            f"E-Mail: {anke.user.email}",
            f"Telefon: {GUEST_PHONE}",
            "Wer reist mit: Anke de Vries, Piet de Vries, Sanne (8)",
            "2 Erwachsene, 1 Kind",
            "Sprachen: Niederländisch, Plattdeutsch (Nedersaksisch)",
            "Tierallergie: ja",
            "Andere Allergien: Noten",
            "Ernährung: Vegetarisch",
            "Braucht eine Wohnung ohne Treppen: ja",
            "Rollator",
            "Raucht: nein",
            "Braucht eine rauchfreie Wohnung: ja",
            "Wünsche: Graag bij de familie van 2024",
        ):
            self.assertIn(detail, to_host.body)

        # Personal data never in a subject (the outbox shows subjects to editors).
        for email in (to_guest, to_host):
            for secret in (
                anke.user.email,
                offer.user.email,
                GUEST_PHONE,
                HOST_PHONE,
                "Bergmann",
                "Anke",
            ):
                self.assertNotIn(secret, email.subject)

    def test_publishing_again_or_retrying_sends_nothing_new(self):
        anke, _offer = self.place_anke_with_bergmann()
        self.publish()
        sent = len(mail.outbox)
        self.assertEqual(self.publish(), 0)
        placement = Placement.objects.get(party=anke)
        with self.captureOnCommitCallbacks(execute=True):
            self.assertIsNone(visit_notifications.guest_matched(placement))
            self.assertIsNone(visit_notifications.host_matched(placement.offer, [placement]))
        self.assertEqual(len(mail.outbox), sent)

    def test_a_placement_told_and_undone_by_a_coordinator_reaches_both(self):
        anke, offer = self.place_anke_with_bergmann()
        self.publish()
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            visits.assign(anke, None)
        [to_guest] = self.emails_to(anke.user)
        self.assertEqual(to_guest.subject, f"Uw gastgezin is gewijzigd: {self.visit.title}")
        self.assertIn("bij Familie Bergmann", to_guest.body)
        self.assertIn("de coördinatoren zoeken een ander gastgezin", to_guest.body)
        [to_host] = self.emails_to(offer.user)
        self.assertEqual(to_host.subject, "Ihre Gäste haben sich geändert: Austauschbesuch")
        self.assertIn(
            "Die Reisegruppe von Anke übernachtet beim Besuch „Austauschbesuch“ nicht mehr bei "
            "Ihnen.",
            to_host.body,
        )

    def test_a_draft_placement_undone_tells_nobody(self):
        anke, _offer = self.place_anke_with_bergmann()
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            visits.assign(anke, None)
        self.assertEqual(mail.outbox, [])

    def test_a_guest_who_cancels_gets_one_email_and_the_host_is_told_they_no_longer_come(self):
        anke, offer = self.place_anke_with_bergmann()
        self.publish()
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            visits.cancel_party(anke)
        [to_guest] = self.emails_to(anke.user)
        self.assertIn("Aanmelding geannuleerd", to_guest.subject)
        [to_host] = self.emails_to(offer.user)
        self.assertIn("Ihre Gäste haben sich geändert", to_host.subject)

    def test_a_host_whose_account_is_deleted_leaves_the_guest_told(self):
        anke, offer = self.place_anke_with_bergmann()
        self.publish()
        mail.outbox.clear()
        host = offer.user
        with self.captureOnCommitCallbacks(execute=True):
            host.delete()
        self.assertEqual(self.emails_to(host), [])
        [to_guest] = self.emails_to(anke.user)
        self.assertIn("Uw gastgezin is gewijzigd", to_guest.subject)

    def test_hostile_text_is_escaped_in_the_html_body(self):
        anke, offer = self.place_anke_with_bergmann(
            travellers="<script>alert('gast')</script>", wishes='<img src=x onerror="x()">'
        )
        HostOffer.objects.filter(pk=offer.pk).update(household="<b>Familie</b> <script>x</script>")
        mail.outbox.clear()
        self.publish()
        [to_host] = self.emails_to(offer.user)
        [to_guest] = self.emails_to(anke.user)
        for email in (to_host, to_guest):
            html = self.html(email)
            self.assertNotIn("<script>", html)
            self.assertNotIn("<b>Familie", html)
            self.assertNotIn("<img", html)
        self.assertIn("&lt;script&gt;alert(", self.html(to_host))
        self.assertIn("&lt;b&gt;Familie&lt;/b&gt;", self.html(to_guest))

    # --- one email per host, and to those left without a host --------------------------------

    def test_a_host_with_two_parties_gets_one_email_with_both(self):
        anke, offer = self.place_anke_with_bergmann(adults=1, children=0)
        hendrik = self.sign_up("Hendrik", adults=2, phone="+31 6 9999 0000")
        visits.assign(hendrik, offer)
        mail.outbox.clear()
        self.publish()
        [to_host] = self.emails_to(offer.user)
        self.assertIn("Diese 2 Reisegruppen übernachten bei Ihnen.", to_host.body)
        for detail in (f"E-Mail: {anke.user.email}", f"E-Mail: {hendrik.user.email}"):
            self.assertIn(detail, to_host.body)
        self.assertIn("Telefon: +31 6 9999 0000", to_host.body)
        self.assertIn("1 Erwachsener, 0 Kinder", to_host.body)
        self.assertEqual(len(self.emails_to(anke.user)), 1)
        self.assertEqual(len(self.emails_to(hendrik.user)), 1)

    def test_a_host_told_again_reads_the_new_party_and_those_told_before(self):
        anke, offer = self.place_anke_with_bergmann(adults=1, children=0)
        self.publish()
        hendrik = self.sign_up("Hendrik", adults=1)
        visits.assign(hendrik, offer)
        mail.outbox.clear()
        self.publish()
        [to_host] = self.emails_to(offer.user)
        self.assertIn("Diese Reisegruppe übernachtet bei Ihnen.", to_host.body)
        self.assertIn(f"E-Mail: {hendrik.user.email}", to_host.body)
        self.assertNotIn(f"E-Mail: {anke.user.email}", to_host.body)
        self.assertIn("weiterhin bei Ihnen zu Gast: Anke.", to_host.body)
        self.assertEqual(self.emails_to(anke.user), [])

    def test_a_party_left_without_a_host_is_told_once_that_the_coordinators_look_further(self):
        anke, offer = self.place_anke_with_bergmann()
        femke = self.sign_up("Femke", adults=1)
        mail.outbox.clear()
        self.publish()
        [to_femke] = self.emails_to(femke.user)
        self.assertEqual(
            to_femke.subject, f"Nog geen gastgezin voor uw reisgezelschap: {self.visit.title}"
        )
        self.assertIn("de coördinatoren zoeken verder en nemen contact met u op", to_femke.body)
        self.assertIn("Gerda Mulder (Steenwijkerland), gerda@", to_femke.body)
        self.assertNotIn("Bergmann", to_femke.body)
        self.publish()
        self.assertEqual(len(self.emails_to(femke.user)), 1)

    # --- details changed after publication -----------------------------------------------------

    def change_party(self, party, **answers):
        for name, value in answers.items():
            setattr(party, name, value)
        with self.captureOnCommitCallbacks(execute=True):
            return visits.sign_up(self.visit, party.user, party, notify=True)

    def change_offer(self, offer, **answers):
        for name, value in answers.items():
            setattr(offer, name, value)
        with self.captureOnCommitCallbacks(execute=True):
            return visits.offer_hosting(self.visit_de, offer.user, offer, notify=True)

    def test_a_host_is_told_the_new_details_of_guests_told_to_them(self):
        anke, offer = self.place_anke_with_bergmann()
        self.publish()
        mail.outbox.clear()
        self.change_party(anke, phone="+31 6 5555 4444", diet="Veganistisch")
        [to_host] = self.emails_to(offer.user)
        self.assertEqual(
            to_host.subject, "Die Angaben Ihrer Gäste haben sich geändert: Austauschbesuch"
        )
        self.assertIn("Telefon: +31 6 5555 4444", to_host.body)
        self.assertIn("Ernährung: Veganistisch", to_host.body)
        self.assertNotIn(GUEST_PHONE, to_host.body)
        self.assertNotIn("5555", to_host.subject)
        # Saved again without a change, the host hears nothing more.
        mail.outbox.clear()
        self.change_party(anke)
        self.assertEqual(self.emails_to(offer.user), [])

    def test_a_guest_is_told_the_new_details_of_the_hosts_told_to_them(self):
        anke, offer = self.place_anke_with_bergmann()
        self.publish()
        mail.outbox.clear()
        self.change_offer(offer, address="Marktplatz 1, 33442 Herzebrock-Clarholz")
        [to_guest] = self.emails_to(anke.user)
        self.assertEqual(
            to_guest.subject, f"De gegevens van uw gastgezin zijn gewijzigd: {self.visit.title}"
        )
        self.assertIn("Adres: Marktplatz 1, 33442 Herzebrock-Clarholz", to_guest.body)
        self.assertNotIn("Lindenstraße", to_guest.body)

    def test_changes_before_publication_tell_no_counterpart(self):
        anke, offer = self.place_anke_with_bergmann()
        mail.outbox.clear()
        self.change_party(anke, phone="+31 6 5555 4444")
        self.change_offer(offer, phone="+49 5245 11111")
        self.assertEqual(
            self.emails_to(offer.user)[0].subject, "Änderungen gespeichert: Austauschbesuch"
        )
        self.assertEqual(len(self.emails_to(offer.user)), 1)
        self.assertEqual(len(self.emails_to(anke.user)), 1)

    # --- confirmations after publication ---------------------------------------------------------

    def test_after_publication_a_placed_guest_reads_her_hosts_in_her_confirmation(self):
        anke, offer = self.place_anke_with_bergmann()
        self.publish()
        mail.outbox.clear()
        self.change_party(anke, wishes="Graag een kamer op de begane grond")
        [saved] = self.emails_to(anke.user)
        self.assertIn("Uw reisgezelschap logeert bij Familie Bergmann", saved.body)
        self.assertNotIn("zodra de coördinatoren", saved.body)
        [changed] = self.emails_to(offer.user)
        self.change_offer(offer, beds=5)
        saved = self.emails_to(offer.user)[-1]
        self.assertIn("Ihre Gäste: Anke.", saved.body)
        self.assertNotIn("Sobald die Koordinatoren", saved.body)

    def test_after_publication_an_unplaced_guest_and_host_read_that_none_is_found_yet(self):
        femke = self.sign_up("Femke", adults=2)
        offer = self.offer("Bergmann", beds=1)
        self.publish()
        mail.outbox.clear()
        self.change_party(femke, diet="Halal")
        [saved] = self.emails_to(femke.user)
        self.assertIn("nog geen gastgezin gevonden", saved.body)
        self.change_offer(offer, beds=1, phone=HOST_PHONE)
        saved = self.emails_to(offer.user)[-1]
        self.assertIn("bisher keine Gäste bei Ihnen untergebracht", saved.body)

    def test_a_german_host_reads_plain_german_about_the_offer(self):
        offer = self.offer("Bergmann", beds=3)
        [thanks] = self.emails_to(offer.user)
        self.assertIn(
            "Vielen Dank für Ihr Angebot, für den Besuch „Austauschbesuch“ Gäste aufzunehmen.",
            thanks.body,
        )
        self.assertNotIn("während", thanks.body)
        with self.captureOnCommitCallbacks(execute=True):
            visits.withdraw_offer(offer)
        withdrawn = self.emails_to(offer.user)[-1]
        self.assertIn(
            "Ihr Angebot, Gäste für den Besuch „Austauschbesuch“ aufzunehmen, ist zurückgezogen.",
            withdrawn.body,
        )
