"""The words a newcomer reads on the account and meeting pages: one register (u / Sie), one
spelling of E-Mail, "Inloggen" for logging in and unambiguous meeting registration wording."""

import datetime
import gettext as gettext_module
import html
import json
import re

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import RequestFactory, TestCase
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.admin.menu import admin_menu
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

from community.contributions import ContributionState
from community.roles import MODERATORS
from community.roles.setup import setup_roles
from home.models import Foundation, FoundationSettings
from tests.base import gave_password
from tests.calendar_base import CalendarMixin
from tests.test_members import NEXT_YEAR, MembersTestCase, soup
from tests.test_review_panel import submitted_contribution
from tests.test_roles import RolesTestCase

# Checked by what templates and catalogues make of the pages (pyproject.toml's markers).
pytestmark = pytest.mark.same_on_every_database


User = get_user_model()


class AccountWordingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_user(email="uwe@example.org", password="x" * 20)
        cls.address = EmailAddress.objects.create(
            user=cls.user, email="uwe@example.org", primary=True, verified=False
        )

    def confirm_page(self, language):
        key = EmailConfirmationHMAC(self.address).key
        return self.client.get(f"/{language}/accounts/confirm-email/{key}/").content.decode()

    def test_german_confirm_page_says_sie(self):
        page = self.confirm_page("de")
        self.assertIn("Bitte bestätigen Sie, dass", page)
        self.assertNotIn("bestätige,", page)

    def test_dutch_confirm_page_does_not_say_gebruiker(self):
        page = self.confirm_page("nl")
        self.assertIn("een e-mailadres van", page)
        self.assertNotIn("voor gebruiker", page)

    def test_email_page_spells_e_mail(self):
        EmailAddress.objects.filter(pk=self.address.pk).update(verified=True)
        self.client.force_login(self.user)
        german = self.client.get("/de/accounts/email/").content.decode()
        self.assertIn("E-Mail-Adresse ändern", german)
        self.assertNotIn("Email", german.split("<main", 1)[-1])
        dutch = self.client.get("/nl/accounts/email/").content.decode()
        self.assertIn("Huidig e-mailadres", dutch)
        self.assertNotIn("Huidig email", dutch)
        self.assertIn("Nieuw e-mailadres", dutch)
        self.assertIn("Neue E-Mail-Adresse", german)

    def test_dutch_says_u_hebt_as_everywhere_else(self):
        # "U heeft het e-mailadres … bevestigd" beside "U hebt deze bijdrage al gemeld"; a
        # question stays "Heeft u …?".
        key = EmailConfirmationHMAC(self.address).key
        response = self.client.post(f"/nl/accounts/confirm-email/{key}/", follow=True)
        self.assertContains(response, "U hebt het e-mailadres uwe@example.org bevestigd.")
        with translation.override("nl"):
            self.assertEqual(gettext("You already have an account"), "U hebt al een account")

    def test_dutch_confirmation_sent_message_says_bevestigingsmail(self):
        self.client.force_login(self.user)
        gave_password(self.client, "x" * 20)
        response = self.client.post(
            "/nl/accounts/email/", {"action_send": "", "email": "uwe@example.org"}, follow=True
        )
        self.assertContains(response, "Bevestigingsmail verzonden aan uwe@example.org.")

    def test_dutch_login_page_says_inloggen_like_the_header(self):
        page = self.client.get("/nl/accounts/login/").content.decode()
        main = page.split("<main", 1)[-1]
        self.assertIn("Inloggen", main)
        self.assertNotIn("Aanmelden", main)

    def test_german_login_page_says_einloggen_like_the_header(self):
        # "Anmelden" is also signing up for a meeting or a visit (walk of 2026-12-06): logging
        # in is "einloggen" on the whole site.
        page = soup(self.client.get("/de/accounts/login/"))
        main = page.find("main")
        self.assertIn("Einloggen", page.title.get_text())
        self.assertEqual(main.find("h1").get_text(strip=True), "Einloggen")
        self.assertEqual(main.find("button", type="submit").get_text(strip=True), "Einloggen")
        self.assertIn("Eingeloggt bleiben", main.get_text())
        self.assertNotRegex(main.get_text(), "(?i)anmeld|angemeldet")
        login = reverse("account_login")
        header = [a.get_text(strip=True) for a in page.find("header").select(f'a[href^="{login}"]')]
        self.assertEqual(set(header), {"Einloggen"})

    def test_password_reset_page_heading_and_button_say_the_same(self):
        # Dutch said "Nieuw wachtwoord" above a button "Wachtwoord herstellen" (walk of
        # 2026-12-06); the page after it keeps the heading.
        for language, words in (
            ("nl", "Wachtwoord opnieuw instellen"),
            ("de", "Passwort zurücksetzen"),
        ):
            with self.subTest(language):
                page = soup(self.client.get(f"/{language}/accounts/password/reset/"))
                main = page.find("main")
                self.assertEqual(main.find("h1").get_text(strip=True), words)
                self.assertEqual(main.find("button", type="submit").get_text(strip=True), words)
                self.assertTrue(page.title.get_text().startswith(words))
                done = soup(self.client.get(f"/{language}/accounts/password/reset/done/"))
                self.assertEqual(done.find("main").find("h1").get_text(strip=True), words)

    def test_german_signup_page_asks_to_log_in_with_einloggen(self):
        main = soup(self.client.get("/de/accounts/signup/")).find("main")
        self.assertIn("Dann loggen Sie sich ein", main.get_text(" ", strip=True))
        self.assertNotRegex(main.get_text(), "(?i)melden Sie sich")


class MeetingRegistrationWordingTests(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        start = timezone.now() + timezone.timedelta(days=30)
        cls.gathering = cls.meeting(
            start,
            title="Raadsontmoeting",
            slug="raad",
            registration_deadline=start - timezone.timedelta(days=1),
        )
        cls.gathering_de = cls.translated(cls.gathering, title="Ratstreffen", slug="rat")

    def test_dutch_deadline_says_uiterlijk(self):
        page = self.client.get(self.gathering.url).content.decode()
        self.assertIn("Aanmelden kan tot uiterlijk", page)
        self.assertNotIn("Meld u aan voor", page)

    def test_german_meeting_registration_is_not_called_like_the_login(self):
        page = self.client.get(self.gathering_de.url).content.decode()
        self.assertIn("bis spätestens", page)
        self.assertIn("Teilnahme", page)
        box = page.split('class="registration"', 1)[-1].split("</section")[0]
        self.assertNotIn("Anmeldung", box)
        # Signing up is "anmelden", logging in "einloggen": "Melden Sie sich bis … an" was
        # followed by "Melden Sie sich mit Ihrem Mitgliedskonto an" (walk of 2026-12-06).
        login = reverse("account_login")
        [link] = BeautifulSoup(box, "html.parser").select(f'a[href^="{login}"]')
        self.assertEqual(
            link.get_text(strip=True),
            "Loggen Sie sich mit Ihrem Mitgliedskonto ein, um sich für dieses Treffen anzumelden.",
        )

    def test_a_visitor_without_an_account_may_become_a_member_from_the_meeting(self):
        # The visit page offered it, the meeting page did not (walk of 2026-12-06).
        for page, words in ((self.gathering, "Lid worden"), (self.gathering_de, "Mitglied werden")):
            with self.subTest(page.locale.language_code):
                box = soup(self.client.get(page.url)).find("section", class_="registration")
                links = box.select('a[href*="/accounts/signup/"]')
                self.assertEqual([a.get_text(strip=True) for a in links], [words])
                self.assertTrue(links[0]["href"].endswith(f"?next={page.url}"))


class MeetingProposalFeedbackTests(MembersTestCase):
    def propose(self, **overrides):
        self.client.force_login(self.bernd)
        data = self.story_data(
            title="Online-Sprachcafé",
            start=f"{NEXT_YEAR}-06-01T19:30",
            end=f"{NEXT_YEAR}-06-01T18:00",
            format="online",
            place_name="",
            online_url="",
            town=str(self.herzebrock.pk),
            spoken_language="de",
            language="de",
        )
        data.update(overrides)
        return self.client.post("/de/members/meetings/new/", data)

    def test_all_problems_are_reported_at_once(self):
        response = self.propose()
        self.assertContains(response, "Das Ende muss nach dem Beginn liegen.")
        self.assertContains(response, "Ein Online- oder Hybridtreffen braucht einen Online-Link.")

    def test_the_online_link_is_not_called_optional(self):
        self.client.force_login(self.bernd)
        page = soup(self.client.get("/de/members/meetings/new/"))
        label = page.find("label", attrs={"for": "id_online_url"})
        self.assertNotIn("optional", label.get_text())
        help_text = page.find(id="id_online_url_helptext").get_text()
        self.assertIn("Online- oder Hybridtreffen", help_text)


class FileSizeWordingTests(MembersTestCase):
    def test_profile_and_story_forms_write_the_size_limit_alike(self):
        self.client.force_login(self.bernd)
        profile = self.client.get("/de/members/profile/").content.decode()
        story = self.client.get("/de/members/stories/new/").content.decode()
        self.assertIn("höchstens 10 MB", profile)
        self.assertNotIn("10,0 MB", profile)
        self.assertIn("10 MB", story)


class AdminNamingTests(MembersTestCase):
    def admin_in(self, language):
        admin = User.objects.filter(email="admin@example.org").first()
        admin = admin or User.objects.create_superuser("admin@example.org", "x" * 20)
        profile = UserProfile.get_for_user(admin)
        profile.preferred_language = language
        profile.save()
        self.client.force_login(admin)

    def test_the_historys_action_filter_names_workflow_steps_as_the_review_does(self):
        # "Workflow: taak afkeuren" / "Aufgabe ablehnen" beside "Wijzigingen gevraagd bij „…”"
        # (walk of 2026-12-05). The filter offers the actions the history holds.
        from wagtail.models import PageLogEntry

        story = self.story(title="Fietsen in de regen", slug="fietsen-in-de-regen")
        for action in ("wagtail.workflow.approve", "wagtail.workflow.reject", "wagtail.move"):
            PageLogEntry.objects.log_action(story, action)
        for language, words in (
            ("nl", ["Workflow: goedkeuren", "Workflow: wijzigingen vragen", "Verplaatsen"]),
            ("de", ["Workflow: genehmigen", "Workflow: Änderungen erbitten"]),
        ):
            self.admin_in(language)
            page = soup(self.client.get(reverse("wagtailadmin_reports:site_history")))
            options = [option.get_text(strip=True) for option in page.select("option")]
            options += [label.get_text(strip=True) for label in page.select("label")]
            with self.subTest(language=language):
                for word in words:
                    self.assertIn(word, options)

    def test_the_privacy_panel_says_visibility_and_that_it_holds_in_both_languages(self):
        # "Privatsphäre ändern" (personal privacy), and nothing said the other language's
        # version goes private too; "Locale: Deutsch" read to screen readers (walk of
        # 2026-12-05, F4, F9).
        story = self.story(title="Fietsen in de regen", slug="fietsen-in-de-regen")
        for language, words in (
            ("nl", ["Zichtbaarheid wijzigen", "in de andere taal", "Taal: "]),
            ("de", ["Sichtbarkeit ändern", "in der anderen Sprache", "Sprache: "]),
        ):
            self.admin_in(language)
            page = self.client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
            text = html.unescape(page.content.decode())
            with self.subTest(language=language):
                for word in words:
                    self.assertIn(word, text)
                self.assertNotIn("Privatsphäre", text)
                self.assertNotIn("Locale: ", text)

    def test_members_listing_is_headed_like_its_menu_item(self):
        for language, heading in (("de", "Mitglieder"), ("nl", "Leden")):
            self.admin_in(language)
            page = soup(self.client.get(reverse("members:index")))
            self.assertEqual(page.find("h1").get_text(strip=True), heading)

    def test_foundations_are_stiftungen_in_german(self):
        with translation.override("de"):
            self.assertEqual(str(FoundationSettings._meta.verbose_name), "Stiftungen")
            self.assertEqual(str(Foundation._meta.verbose_name_plural), "Stiftungen")
            self.assertEqual(
                gettext("The twinning foundations of Steenwijkerland and Herzebrock-Clarholz"),
                "Die Partnerschaftsstiftungen von Steenwijkerland und Herzebrock-Clarholz",
            )

    def chooser(self, name):
        response = self.client.get(reverse(f"wagtailsnippetchoosers_{name}:choose"))
        return BeautifulSoup(response.json()["html"], "html.parser")

    def test_choosers_are_headed_as_the_editors_language_words_it(self):
        # Wagtail's "Choose" and the model's name after it read "Auswählen Gemeinde".
        for language, town, term in (
            ("de", "Gemeinde auswählen", "Glossarbegriff auswählen"),
            ("nl", "Kies een gemeente", "Kies een term uit de woordenlijst"),
        ):
            self.admin_in(language)
            for name, heading in (("community_town", town), ("home_glossaryterm", term)):
                with self.subTest(language=language, chooser=name):
                    chooser = self.chooser(name)
                    self.assertEqual(chooser.find("h1").get_text(" ", strip=True), heading)

    def test_every_choosers_search_tab_is_in_the_editors_language(self):
        # Wagtail's chooser viewsets translated "Search" once, in the process's first language.
        for language, search in (("de", "Suche"), ("nl", "Zoeken")):
            self.admin_in(language)
            for name in ("wagtailimages_chooser:choose", "wagtaildocs_chooser:choose"):
                with self.subTest(language=language, chooser=name):
                    html = self.client.get(reverse(name)).json()["html"]
                    tabs = BeautifulSoup(html, "html.parser").select("[role=tab]")
                    # Each tab's label, then its count of errors in brackets.
                    labels = [tab.get_text(strip=True).partition("(")[0] for tab in tabs]
                    self.assertIn(search, labels)

    def test_the_admin_names_each_language_in_the_readers_language(self):
        # The Dutch dashboard's language column said "Deutsch", the German translation editor
        # "Übersetzung: Nederlands → Deutsch" (walk W2). The public site's language switcher
        # keeps each language's own name (tests/test_site.py).
        for language, dutch, german in (
            ("nl", "Nederlands", "Duits"),
            ("de", "Niederländisch", "Deutsch"),
        ):
            with self.subTest(language=language), translation.override(language):
                self.assertEqual(str(self.dutch.get_display_name()), dutch)
                self.assertEqual(str(self.german.get_display_name()), german)

    def test_a_page_not_translated_yet_names_the_language_it_mirrors_in_a_sentence(self):
        # wagtail-localize glued the name to the page: "Sie spiegelt die Nederlands Seite
        # wider.", "Het is een kopie van Deutschpagina." (walk W2).
        about = self.add_page(title="Over ons", slug="over-ons")
        alias = about.copy_for_translation(self.german, alias=True)
        for language, sentence in (
            ("de", "Sie spiegelt die Seite auf Niederländisch wider."),
            ("nl", "Het is een kopie van de pagina in het Nederlands."),
        ):
            self.admin_in(language)
            page = soup(self.client.get(reverse("wagtailadmin_pages:edit", args=[alias.pk])))
            with self.subTest(language=language):
                self.assertIn(sentence, " ".join(page.get_text().split()))

    def test_translate_this_page_asks_for_the_languages_in_the_editors_language(self):
        # The German form's field read "Locale *" (walk W3), the Dutch one "Taalregio's".
        about = self.add_page(title="Over ons", slug="over-ons")
        address = reverse("wagtail_localize:submit_page_translation", args=[about.pk])
        for language, label in (("de", "Sprachen"), ("nl", "Talen")):
            self.admin_in(language)
            page = soup(self.client.get(f"{address}?select_locale=de"))
            field = page.select_one('[data-contentpath="locales"]').find_parent(
                attrs={"data-field-wrapper": True}
            )
            with self.subTest(language=language):
                self.assertEqual(
                    field.select_one(".w-field__label").get_text(strip=True), f"{label}*"
                )

    def test_the_listings_header_actions_are_named_in_the_editors_language(self):
        # Wagtail's template wrote aria-label="Actions" in every admin language (walk W3).
        for language, actions in (("de", "Aktionen"), ("nl", "Acties")):
            self.admin_in(language)
            page = soup(self.client.get(reverse("members:index")))
            with self.subTest(language=language):
                self.assertEqual(page.select_one("#w-slim-header-buttons")["aria-label"], actions)

    def test_the_sidebars_labels_fit_its_width_and_the_pages_keep_their_headings(self):
        # Chromium at 1280 px cut "Uitwisselingsbezoe…", "Widgets voor webs…", "Abonnees van de
        # n…" and "Newsletter-Abonne…" (walk W14): the sidebar shows 149 pixels of a label,
        # which hold 16 characters ("Austauschbesuche", 131 pixels) but not 21.
        self.admin_in("nl")
        request = RequestFactory().get("/admin/")
        request.user = User.objects.get(email="admin@example.org")
        for language in ("nl", "de"):
            with self.subTest(language=language), translation.override(language):
                labels = [str(item.label) for item in admin_menu.menu_items_for_request(request)]
                self.assertEqual([label for label in labels if len(label) > 16], [])
        for language, headings in (
            (
                "nl",
                ("Uitwisselingsbezoeken", "Widgets voor websites", "Abonnees van de nieuwsbrief"),
            ),
            ("de", ("Austauschbesuche", "Widgets für Websites", "Newsletter-Abonnenten")),
        ):
            self.admin_in(language)
            for name, heading in zip(
                ("exchange_visits", "embed_snippet", "newsletter_subscribers:index"),
                headings,
                strict=True,
            ):
                with self.subTest(language=language, page=name):
                    page = soup(self.client.get(reverse(name)))
                    self.assertEqual(page.find("h1").get_text(" ", strip=True), heading)

    def test_the_dutch_workflow_tasks_report_is_one_word(self):
        # "Workflow taken" (walk W14).
        with translation.override("nl"):
            self.assertEqual(gettext("Workflow tasks"), "Workflowtaken")

    def test_wagtails_refusal_of_an_admin_page_says_u(self):
        moderator = User.objects.create_user("moderatie@example.org", "x" * 20)
        setup_roles()
        moderator.groups.add(Group.objects.get(name=MODERATORS))
        self.client.force_login(moderator)
        response = self.client.get("/admin/exchange-visits/", follow=True)
        self.assertContains(response, "Sorry, u hebt geen toegang tot dit gedeelte.")
        self.assertNotContains(response, "je hebt")

    def test_wagtails_confirmations_say_u_and_sie(self):
        # Its Dutch "Weet je zeker dat je deze pagina's wilt verwijderen?" stood under our "u"
        # refusals; its German privacy dialog said "Wähle aus, wer …" (walk of 2026-12-04).
        home = Page.objects.get(depth=2, locale__language_code="nl")
        bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        for language, question, privacy in (
            (
                "nl",
                "Weet u zeker dat u deze pagina's wilt verwijderen?",
                "Kies wie de gepubliceerde",
            ),
            ("de", "Sind Sie sicher, dass Sie diese Seiten löschen möchten?", "Wählen Sie aus"),
        ):
            self.admin_in(language)
            with self.subTest(language=language):
                confirmation = soup(self.client.get(f"{bulk}?id={home.pk}")).get_text(" ")
                self.assertIn(question, confirmation)
                self.assertNotIn("Weet je", confirmation)
                single = self.client.get(reverse("wagtailadmin_pages:delete", args=[home.pk]))
                self.assertNotContains(single, "Weet je")
                # The editor's status panel, which opens the privacy dialog.
                editor = self.client.get(reverse("wagtailadmin_pages:edit", args=[home.pk]))
                self.assertContains(editor, privacy)
                self.assertNotContains(editor, "Wähle aus")

    def test_the_account_page_and_the_title_help_speak_the_admins_language(self):
        # The Account page's heading "Locale" in German, "je" in the Dutch title help (walk of
        # 2026-12-05).
        home = Page.objects.get(depth=2, locale__language_code="nl")
        for language, heading, wrong, title_help in (
            ("de", "Sprache", "Locale", "Der Seitentitel"),
            ("nl", "Taal", "Taalregio", "zoals u wilt dat bezoekers die zien"),
        ):
            self.admin_in(language)
            with self.subTest(language=language):
                account = soup(self.client.get(reverse("wagtailadmin_account")))
                headings = [h.get_text(" ", strip=True) for h in account.select("h2")]
                self.assertIn(heading, headings)
                self.assertNotIn(wrong, headings)
                editor = self.client.get(reverse("wagtailadmin_pages:edit", args=[home.pk]))
                self.assertContains(editor, title_help)
                self.assertNotContains(editor, "zoals je wilt")

    def test_wagtails_page_editor_deletion_and_users_speak_whole_words(self):
        # "Dieses Seite-Objekt wird 0 Mal referenziert", "Locales umschalten", "Er bestaan 0
        # verwijzingen naar pagina", "Stel actief status in" (walk of 2026-12-05).
        home = Page.objects.get(depth=2, locale__language_code="nl")
        set_active = reverse("wagtail_bulk_action", args=["community", "user", "set_active_state"])
        for language, words, half in (
            (
                "de",
                [
                    ": 0 Verweise.",
                    "Sprache wechseln",
                    "In 2 Sprachen verfügbar",
                    ": von allen bearbeitbar",
                    "Aktivieren oder deaktivieren",
                ],
                ["-Objekt", "Locales", "Aktiven Zustand festlegen"],
            ),
            (
                "nl",
                [": 0 verwijzingen.", "Beschikbaar in 2 talen", "Activeren of deactiveren"],
                ["verwijzingen naar", "taalregio", "Stel actief status in"],
            ),
        ):
            self.admin_in(language)
            admin = User.objects.get(email="admin@example.org")
            with self.subTest(language=language):
                pages = " ".join(
                    soup(self.client.get(url)).get_text(" ", strip=True)
                    for url in (
                        reverse("wagtailadmin_pages:edit", args=[home.pk]),
                        reverse("wagtailadmin_pages:delete", args=[home.pk]),
                        f"{set_active}?id={admin.pk}",
                    )
                )
                for word in words:
                    self.assertIn(word, pages)
                for word in half:
                    self.assertNotIn(word, pages)

    def test_town_chooser_reads_in_the_editors_language(self):
        for language, label in (("de", "Sprache"), ("nl", "Taal")):
            self.admin_in(language)
            chooser = self.chooser("community_town")
            filter_label = chooser.find("label", attrs={"for": "id_locale"})
            self.assertEqual(filter_label.get_text(strip=True), label)
            columns = [th.get_text(strip=True) for th in chooser.find_all("th")]
            self.assertIn(label, columns)
            self.assertNotIn("Locale", chooser.get_text())

    def test_explorer_counts_its_pages_with_spaces_and_an_en_dash(self):
        # Wagtail's Dutch catalogue wrote "1-9van 9pagina's"; a range takes an en dash.
        home = Page.objects.get(depth=2, locale__language_code="nl")
        for language, of in (("nl", "van"), ("de", "von")):
            self.admin_in(language)
            page = soup(self.client.get(f"/admin/pages/{home.pk}/"))
            text = page.get_text(" ", strip=True)
            count = re.search(rf"1 ?[-–] ?(\d+) ?{of} ?(\d+)", text)
            with self.subTest(language=language):
                self.assertIsNotNone(count)
                self.assertIn(f"1–{count[1]} {of} {count[2]} ", text)

    def test_dashboard_counts_say_where_they_were_made_with_a_space(self):
        # Wagtail's Dutch catalogue read out "44 Afbeeldingen aangemaakt inJumelage …".
        for language, made in (("nl", "aangemaakt in "), ("de", "erstellt in ")):
            self.admin_in(language)
            page = soup(self.client.get(reverse("wagtailadmin_home")))
            counts = [span.get_text() for span in page.select(".w-sr-only")]
            counts = [text for text in counts if text.startswith(made.strip())]
            with self.subTest(language=language):
                # Images and documents; the pages are counted in the admin's language, which
                # their count names (jumelage/site_summary.py).
                self.assertEqual(len(counts), 2, counts)
                for text in counts:
                    self.assertTrue(text.startswith(made), text)

    def test_explorer_says_how_long_ago_a_page_was_changed(self):
        # Wagtail's German catalogue left out "vor": "Zuletzt geändert: 8 Minuten" (walk of
        # 2026-12-05), where the English reads "8 minutes ago".
        now = timezone.now()
        changed = {
            self.story_index.pk: now - datetime.timedelta(minutes=8),
            self.calendar.pk: now - datetime.timedelta(days=3, hours=1),
        }
        for pk, moment in changed.items():
            Page.objects.filter(pk=pk).update(latest_revision_created_at=moment)
        for language, ago in (
            ("de", ("Vor 8 Minuten", "Vor 3 Tagen")),
            ("nl", ("8 minuten geleden", "3 dagen geleden")),
        ):
            self.admin_in(language)
            page = soup(self.client.get(f"/admin/pages/{self.home.pk}/"))
            dates = [
                time.get_text(" ", strip=True).replace("\xa0", " ")
                for time in page.select("time.w-human-readable-date__date")
            ]
            with self.subTest(language=language):
                for text in ago:
                    self.assertIn(text, dates)

    def test_workflow_reports_word_a_request_for_changes_alike(self):
        # The same submission read "Heeft wijziging nodig" in the workflow report and
        # "Afgewezen" in the tasks report, though it was only sent back for changes.
        self.post_story(self.anna)
        story = self.contribution()
        with self.captureOnCommitCallbacks(execute=True):
            story.current_workflow_state.current_task_state.reject(user=self.moderator)
        for language, words, not_words in (
            (
                "nl",
                ("Wijzigingen gevraagd", "Niet goedgekeurd"),
                ("Heeft wijziging nodig", "Afgewezen"),
            ),
            (
                "de",
                ("Änderungen erbeten", "Nicht freigegeben"),
                ("Änderungen benötigt", "Abgelehnt"),
            ),
        ):
            self.admin_in(language)
            reports = " ".join(
                soup(self.client.get(f"/admin/reports/{report}/")).get_text(" ", strip=True)
                for report in ("workflow", "workflow_tasks")
            )
            with self.subTest(language=language):
                for word in words:
                    self.assertIn(word, reports)
                for word in not_words:
                    self.assertNotIn(word, reports)
        # A member's contribution the editors declined is still called rejected.
        for language, rejected in (("nl", "Afgewezen"), ("de", "Abgelehnt")):
            with translation.override(language):
                self.assertEqual(str(ContributionState.REJECTED.label), rejected)

    def test_an_old_review_link_says_what_became_of_the_review_in_the_readers_quotes(self):
        # "Die Seite'Walker nl verhaal fietstocht' wartet derzeit nicht auf Moderation…" when a
        # review email's link was opened after the page was approved (walk W8); it now leads to
        # what became of the review, its title in the quotes of the reader's language.
        self.post_story(self.anna)
        story = self.contribution()
        task = story.current_workflow_state.current_task_state.task
        self.approve(story)
        address = reverse("wagtailadmin_pages:workflow_preview", args=[story.pk, task.pk])
        for language, quoted, verb in (
            ("de", "„Fietsen naar Clarholz“", "freigegeben"),
            ("nl", "„Fietsen naar Clarholz”", "goedgekeurd"),
        ):
            self.admin_in(language)
            response = self.client.get(address, follow=True)
            text = soup(response).get_text(" ", strip=True)
            with self.subTest(language=language):
                self.assertEqual(
                    response.redirect_chain[-1][0],
                    reverse("jumelage_review_decided", args=[story.pk, task.pk]),
                )
                self.assertIn(quoted, text)
                self.assertIn(verb, text)
                self.assertNotIn("Fietsen naar Clarholz’", text)

    def test_page_history_words_a_request_for_changes_as_the_reports_do(self):
        # "Abgelehnt bei „Die Moderation prüft Beiträge“. Änderungen angefordert" in the history
        # of a page sent back for changes, which the site calls "Änderungen erbeten" (walk W9).
        self.post_story(self.anna)
        story = self.contribution()
        with self.captureOnCommitCallbacks(execute=True):
            story.current_workflow_state.current_task_state.reject(user=self.moderator)
        address = reverse("wagtailadmin_pages:history", args=[story.pk])
        for language, asked, rejected in (
            ("de", "Änderungen erbeten bei „", "Abgelehnt bei"),
            ("nl", "Wijzigingen gevraagd bij „", "Afgekeurd op"),
        ):
            self.admin_in(language)
            history = soup(self.client.get(address)).get_text(" ", strip=True)
            with self.subTest(language=language):
                self.assertIn(asked, history)
                self.assertNotIn(rejected, history)

    def test_password_refusal_names_the_members_own_email_address(self):
        member = User(email="jansen.vlieland@example.org")
        for language, refusal in (
            ("nl", "Het wachtwoord lijkt te veel op uw e-mailadres."),
            ("de", "Das Passwort ähnelt zu sehr Ihrer Angabe „E-Mail-Adresse“."),
        ):
            with self.subTest(language=language), translation.override(language):
                with self.assertRaises(ValidationError) as refused:
                    validate_password("jansen.vlieland", member)
                self.assertIn(refusal, refused.exception.messages)

    def test_sign_up_refuses_a_short_password_in_the_pages_language(self):
        # Django 5.2's Dutch catalogue has no translation of its minimum length refusal since its
        # message id counts with "%d": the Dutch sign-up, password reset and password change pages
        # said "This password is too short. It must contain at least 8 characters." (walk 8).
        for language, refusal in (
            ("nl", "Dit wachtwoord is te kort. Het moet minstens 8 tekens lang zijn."),
            ("de", "Dieses Passwort ist zu kurz. Es muss mindestens 8 Zeichen enthalten."),
        ):
            response = self.client.post(
                f"/{language}/accounts/signup/",
                {
                    "email": f"carla-{language}@example.org",
                    "password1": "kort1",
                    "password2": "kort1",
                    "display_name": "Carla",
                    "language": language,
                    "privacy_consent": "on",
                },
            )
            text = soup(response).get_text(" ", strip=True)
            with self.subTest(language=language):
                self.assertEqual(response.status_code, 200)
                self.assertIn(refusal, text)
                self.assertNotIn("This password is too short", text)

    def test_story_editor_adds_towns_and_sectors_one_by_one(self):
        # Wagtail words each item and the add button with the panel's label: the newcomer's
        # walk read "Beteiligte Gemeinden 1" and "Voeg Betrokken gemeenten toe".
        for language, added, heading in (
            ("de", ("Gemeinde hinzufügen", "Fachgruppe hinzufügen"), "Beteiligte Gemeinden"),
            ("nl", ("Voeg gemeente toe", "Voeg sector toe"), "Betrokken gemeenten"),
        ):
            self.admin_in(language)
            address = f"/admin/pages/add/exchanges/storypage/{self.story_index.pk}/"
            page = soup(self.client.get(address))
            buttons = [button.get_text(" ", strip=True) for button in page.find_all("button")]
            with self.subTest(language=language):
                for text in added:
                    self.assertIn(text, buttons)
                self.assertNotIn(f"{heading} hinzufügen", buttons)
                self.assertNotIn(f"Voeg {heading} toe", buttons)
                headings = [h.get_text(" ", strip=True) for h in page.find_all(["h2", "h3"])]
                self.assertIn(heading, headings)

    def test_sector_editor_adds_coordinators_one_by_one_and_numbers_each_town(self):
        # As the story's towns were: "Voeg Coördinatoren toe", "Coördinatoren 1".
        self.post_story(self.anna)
        story = self.contribution()
        for language, add, town, plural in (
            ("de", "Koordinator/in hinzufügen", "Gemeinde", "Koordination"),
            ("nl", "Voeg coördinator toe", "Gemeente", "Coördinatoren"),
        ):
            self.admin_in(language)
            address = f"/admin/pages/add/community/sectorpage/{self.sector_index.pk}/"
            page = soup(self.client.get(address))
            buttons = [button.get_text(" ", strip=True) for button in page.find_all("button")]
            # Each item's heading is its label; the browser adds its number.
            editor = soup(self.client.get(f"/admin/pages/{story.pk}/edit/"))
            items = [
                h.get_text(" ", strip=True)
                for h in editor.select("[data-inline-panel-child] [data-panel-heading]")
            ]
            with self.subTest(language=language):
                self.assertIn(add, buttons)
                self.assertNotIn(plural, " ".join(buttons))
                self.assertIn(town, items)

    def test_translations_report_in_the_editors_language(self):
        self.admin_in("de")
        german = soup(self.client.get(reverse("wagtail_localize:translations_report")))
        self.assertIn("Übersetzungen", german.find("h1").get_text())
        self.admin_in("nl")
        dutch = self.client.get(reverse("wagtail_localize:translations_report")).content.decode()
        self.assertIn("Inhoudstype", dutch)
        self.assertNotIn("Content type", dutch)

    def test_translations_report_names_its_language_filters_in_the_editors_language(self):
        # "Source locale" and "Target locale", in English in both languages (walk of 2026-12-07).
        for language, names in (
            ("nl", ["Brontaal", "Doeltaal"]),
            ("de", ["Quellsprache", "Zielsprache"]),
        ):
            self.admin_in(language)
            page = soup(self.client.get(reverse("wagtail_localize:translations_report")))
            labels = [label.get_text(" ", strip=True) for label in page.find_all("label")]
            with self.subTest(language=language):
                for name in names:
                    self.assertIn(name, labels)
                self.assertNotIn("locale", " ".join(labels))


class PrivacyLinkTests(MembersTestCase):
    def test_sign_up_consent_links_the_privacy_statement_in_the_readers_language(self):
        privacy = self.add_page(title="Privacyverklaring", slug="privacy")
        privacy_de = self.translated(privacy, title="Datenschutz", slug="datenschutz")
        settings = FoundationSettings.for_site(Site.objects.get(is_default_site=True))
        settings.privacy_page = privacy
        settings.save()
        page = soup(self.client.get("/de/accounts/signup/"))
        link = page.find(id="id_privacy_consent_helptext").find("a")
        self.assertEqual(link["href"], privacy_de.url)
        self.assertEqual(link.get_text(), "Datenschutzerklärung")
        self.assertNotIn("unten auf jeder Seite", page.get_text())


class TranslationEditorWordingTests(MembersTestCase):
    admin_in = AdminNamingTests.admin_in

    def translation_editor_words(self, language):
        """What wagtail-localize's translation editor reads from its JavaScript catalogue, for an
        editor whose admin is in `language`."""
        self.admin_in(language)
        script = self.client.get(reverse("wagtail_localize:javascript_catalog")).text
        return json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S)[1])

    def test_the_translation_editors_buttons_keep_the_space_before_the_language(self):
        # Its Dutch catalogue dropped the space: "Publiceer inDuits", "Vertaal metDeepL"; and
        # answered "Server error" in English (walk of 2026-12-05).
        words = self.translation_editor_words("nl")
        for message in ("Publish in ", "Translate with ", "Translate all missing strings with "):
            with self.subTest(message=message):
                self.assertTrue(words[message].endswith(" "), words[message])
        self.assertEqual(words["Server error"], "Serverfout")
        self.assertEqual(
            words["Revert to %s version"] % "Duits", "Terug naar de versie in het Duits"
        )

    def test_the_german_translation_editor_says_sie(self):
        # "Lade PO Datei herunter und füge Übersetzungen offline hinzu", "Wähle einen %s aus".
        words = self.translation_editor_words("de")
        self.assertEqual(
            words["Download PO file and input translations offline"],
            "PO-Datei herunterladen und die Übersetzungen offline eingeben",
        )
        self.assertEqual(words["Choose a %s"] % "Seite", "Seite auswählen")
        # "Veröffentlichen in Deutsch" read word for word (second walk of 2026-12-05).
        self.assertEqual(words["Publish in "] + "Deutsch", "Veröffentlichen auf Deutsch")

    def test_publishing_a_translation_names_the_language_as_the_reader_says_it(self):
        # "‘Over ons’ in Duits gepubliceerd", "'Über uns' in Deutsch veröffentlicht" (walk of
        # 2026-12-05): the language is named with its article or preposition.
        from django.contrib.messages import get_messages
        from wagtail_localize.models import Translation, TranslationSource

        story = self.story(title="Fietsen in de regen", slug="fietsen-in-de-regen")
        source, _created = TranslationSource.get_or_create_from_instance(story)
        target = Translation.objects.create(source=source, target_locale=self.german)
        target.save_target(publish=True)
        german = story.get_translation(self.german)
        for language, published in (
            ("nl", "„Fietsen in de regen” gepubliceerd in het Duits"),
            ("de", "„Fietsen in de regen“ auf Deutsch veröffentlicht"),
        ):
            self.admin_in(language)
            response = self.client.post(
                reverse("wagtailadmin_pages:edit", args=[german.pk]), {"action": "publish"}
            )
            shown = [str(message) for message in get_messages(response.wsgi_request)]
            with self.subTest(language=language):
                self.assertTrue(shown and shown[-1].startswith(published), shown)


class AdminMenuLanguageTests(MembersTestCase):
    admin_in = AdminNamingTests.admin_in

    def test_every_editor_reads_the_menu_in_her_language_whoever_came_first(self):
        # wagtail-localize's "Translations" report and Wagtail's "What's new" kept the language
        # of the first request to the menu: "Vertalingen" in the German admin (walk W of
        # 2026-12-05).
        self.admin_in("nl")
        dutch = self.client.get("/admin/").content.decode()
        self.assertIn("Vertalingen", dutch)
        self.admin_in("de")
        german = self.client.get("/admin/").content.decode()
        self.assertIn("Übersetzungen", german)
        self.assertIn("Was ist neu in Wagtail", german)
        # Both of Wagtail's pages elsewhere are in English, and say so (walk 15).
        self.assertRegex(german, r"Was ist neu in Wagtail [\d.]+ \(auf Englisch\)")
        self.assertNotIn("Vertalingen", german)
        self.assertNotIn("Wat is er nieuw", german)


class ReviewStatusPanelWordingTests(RolesTestCase):
    """The status panel of a member's contribution in review, in its editor's language: "Gesendet
    an Die Moderation prüft Beiträge vor 52 Sekunden", "dieses Seite-Objekt" (walk of
    2026-12-06)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, member)

    def test_the_editor_reads_when_the_page_was_sent_and_who_may_edit_it_in_whole_sentences(self):
        for editor, language, words, half in (
            (
                self.editor_de,
                "de",
                [
                    "Eingereicht: Die Moderation prüft Beiträge (",
                    "Prüfende können diese Seite bearbeiten",
                ],
                ["Gesendet an", "-Objekt", "Gutachter", "mal referenziert"],
            ),
            (
                self.editor_nl,
                "nl",
                [
                    "Ingediend: Moderatoren beoordelen bijdragen (",
                    "Beoordelaars kunnen deze pagina bewerken",
                ],
                ["Verstuurd naar", "reviewers"],
            ),
        ):
            profile = UserProfile.get_for_user(editor)
            profile.preferred_language = language
            profile.save()
            self.client.force_login(editor)
            with self.subTest(language=language):
                edit = reverse("wagtailadmin_pages:edit", args=[self.contribution.pk])
                panel = soup(self.client.get(edit)).select_one("[data-side-panel='status']")
                text = panel.get_text(" ", strip=True)
                for word in words:
                    self.assertIn(word, text)
                for word in half:
                    self.assertNotIn(word, text)


def catalogue_messages(language):
    """The messages of our catalogue (Wagtail's and allauth's are theirs to word)."""
    catalog = gettext_module.translation(
        "django", settings.LOCALE_PATHS[0], languages=[language]
    )._catalog
    return [text for text in catalog.values() if isinstance(text, str)]


class QuotationMarksTests(TestCase):
    """Each language quotes as its readers do (STYLE.md): Dutch „…”, German „…“. Nineteen Dutch
    messages, members' emails among them ("U bent aangemeld voor “Taalcafé”"), quoted in English
    “…” (walk of 2026-12-06)."""

    def messages(self, language):
        """The messages of our catalogue (Wagtail's and allauth's are theirs to quote)."""
        return catalogue_messages(language)

    def test_dutch_quotes_open_low(self):
        quoted = [text for text in self.messages("nl") if "“" in text]
        self.assertEqual(quoted, [])
        with translation.override("nl"):
            self.assertEqual(
                gettext(
                    "You are registered for “%(title)s”. The meeting is attached for your calendar."
                )
                % {"title": "Taalcafé"},
                "U bent aangemeld voor „Taalcafé”. De bijeenkomst zit als bijlage bij deze e-mail, "
                "voor uw agenda.",
            )

    def test_german_quotes_close_high(self):
        self.assertEqual([text for text in self.messages("de") if "”" in text], [])


class DutchHeeftUTests(TestCase):
    def test_where_the_verb_comes_first_dutch_says_heeft_u(self):
        # "U hebt …" says what she did; where the verb comes first ("Heeft u vragen?", "Dan
        # heeft u …") the site says "heeft u". The newsletter email said "Hebt u er niet om
        # gevraagd" (walk of 2026-12-06).
        inverted = [text for text in catalogue_messages("nl") if re.search(r"\b[Hh]ebt u\b", text)]
        self.assertEqual(inverted, [])
