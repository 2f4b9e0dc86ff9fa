"""The demo loader tells the twinning's story in both languages and can run again safely."""

import csv
import io
import logging
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import SimpleTestCase, TestCase
from wagtail.models import Page
from wagtail.users.models import UserProfile

from home.models import FoundationSettings, HomePage, StandardPage
from jumelage import site_tree
from jumelage.demo import data

ROOT = Path(__file__).resolve().parent.parent


class LoadDemoChecks:
    """What loading the demo makes, and a second run keeps. Run on the demo that
    DemoShowsWhatThePlatformDoesTests loads: one load of the demo for both (it is among the
    suite's slowest set-ups)."""

    @classmethod
    def load(cls):
        # Translations are published when the transaction commits, as in a real run.
        with cls.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=StringIO())

    def test_running_twice_keeps_the_same_pages(self):
        before = Page.objects.count()
        self.load()
        self.assertEqual(Page.objects.count(), before)

    def test_both_languages_have_a_live_home_page(self):
        homes = HomePage.objects.live().values_list("locale__language_code", flat=True)
        self.assertCountEqual(homes, ["nl", "de"])

    def test_every_dutch_page_is_translated_into_german(self):
        dutch = StandardPage.objects.live().filter(locale__language_code="nl")
        german = StandardPage.objects.live().filter(
            locale__language_code="de", alias_of__isnull=True
        )
        self.assertGreaterEqual(dutch.count(), 5)
        self.assertEqual(dutch.count(), german.count())

    def test_german_about_page_is_written_in_german(self):
        response = self.client.get("/de/")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'class="language-notice"')
        self.assertContains(response, "Partnerschaft")

    def test_every_page_of_text_is_linked_from_the_page_above_it(self):
        """The history below the about page was live and in the sitemap, but no link led there:
        the menu holds only the home page's children."""
        pages = StandardPage.objects.live().select_related("locale")
        self.assertIn("/nl/over-de-jumelage/geschiedenis/", [page.url for page in pages])
        for page in pages:
            with self.subTest(page=page.url):
                above = page.get_parent().url
                html = self.client.get(above).content.decode()
                self.assertIn(f'href="{page.url}"', html, f"no link from {above}")

    def test_footer_links_privacy_and_accessibility_statements_per_language(self):
        settings = FoundationSettings.objects.get()
        self.assertEqual(settings.foundations.count(), 2)
        dutch = self.client.get("/nl/")
        self.assertContains(dutch, "Privacyverklaring")
        german = self.client.get("/de/")
        self.assertContains(german, "Datenschutzerklärung")
        self.assertContains(german, "Erklärung zur Barrierefreiheit")

    def test_no_german_page_has_a_dutch_address_nor_a_dutch_page_a_german_one(self):
        """/de/kalender/voorbereiding-bezoek-jonge-boeren/: an untranslated page kept its Dutch
        slug in the German tree. A member's contribution keeps its member's words, slug
        included, until it is translated."""
        members = {person["email"] for person in data.read("people")["members"]}
        for language, other in (("de", "nl"), ("nl", "de")):
            versions = {
                page.translation_key: page
                for page in Page.objects.filter(locale__language_code=other)
            }
            pages = Page.objects.live().filter(locale__language_code=language, depth__gt=2)
            walked = 0
            for page in pages.select_related("owner"):
                original = versions.get(page.translation_key)
                if original is None or (page.owner and page.owner.email in members):
                    continue
                walked += 1
                with self.subTest(page=page.url_path):
                    self.assertNotEqual(page.slug, original.slug)
            self.assertGreater(walked, 40)
        # Every page's answer in both languages is the site matrix's and the language purity
        # tests' (tests/security/test_site_matrix.py, tests/test_language_purity.py): here the
        # page the walk found at a Dutch address, at its German one.
        response = self.client.get("/de/kalender/vorbereitung-besuch-junge-landwirte/")
        self.assertContains(response, 'class="language-notice"')

    def test_demo_tells_stories_of_every_sector_and_fills_the_calendar(self):
        from community.models import SectorPage
        from exchanges.models import MeetingPage, StoryPage

        dutch_sectors = SectorPage.objects.live().filter(locale__language_code="nl")
        self.assertEqual(dutch_sectors.count(), 5)
        for sector in dutch_sectors:
            with self.subTest(sector=sector.title):
                stories = StoryPage.objects.live().in_sector(sector).filter(locale=sector.locale)
                self.assertGreaterEqual(stories.count(), 2)
        self.assertGreaterEqual(
            StoryPage.objects.live().filter(locale__language_code="nl").count(), 8
        )
        upcoming = MeetingPage.objects.live().upcoming().filter(locale__language_code="de")
        self.assertGreaterEqual(upcoming.count(), 10)
        self.assertTrue(MeetingPage.objects.live().past().exists())

    def test_some_stories_stay_untranslated_and_are_labelled_in_german(self):
        response = self.client.get("/de/geschichten/")
        self.assertContains(response, "auf Niederländisch")

    def test_demo_editors_log_in_through_allauth_and_reach_the_admin(self):
        for editor in data.read("people")["editors"].values():
            with self.subTest(editor=editor["email"]):
                client = self.client_class()
                response = client.post(
                    "/nl/accounts/login/",
                    {"login": editor["email"], "password": data.DEMO_PASSWORD, "next": "/admin/"},
                )
                self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
                self.assertEqual(client.get("/admin/").status_code, 200)

    def test_aging_pages_report_names_the_editor_who_published_each_demo_page(self):
        """The report said "None" as the last publisher of every demo page (its download left
        the cell empty): the loader published as no one. Each language's demo editor publishes
        its pages; a page no account published says "System", as Wagtail's history does."""
        editors = {
            language: person["email"] for language, person in data.read("people")["editors"].items()
        }
        admin = get_user_model().objects.create_superuser("beheer@example.org", "x" * 20)
        profile = UserProfile.get_for_user(admin)
        profile.preferred_language = "nl"
        profile.save()
        self.client.force_login(admin)
        response = self.client.get("/admin/reports/aging-pages/", {"export": "csv"})
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        publishers = {row[0]: row[3] for row in csv.reader(io.StringIO(text), delimiter=";")}
        for home in HomePage.objects.select_related("locale"):
            with self.subTest(home=home.title):
                self.assertEqual(publishers[home.title], editors[home.locale.language_code])
        self.assertIn(editors["nl"], publishers.values())
        listing = self.client.get("/admin/reports/aging-pages/").content.decode()
        self.assertNotRegex(listing, r">\s*None\s*<")
        self.assertIn(editors["nl"], listing)

    def staff(self):
        """The demo's editors and moderator, with the language of their foundation."""
        people = data.read("people")
        return [
            (people["editors"]["nl"]["email"], "nl"),
            (people["editors"]["de"]["email"], "de"),
            (people["moderator"]["email"], "nl"),
        ]

    def test_demo_editors_get_the_sites_emails_in_their_foundations_language(self):
        subjects = {
            "nl": "Kies een nieuw wachtwoord",
            "de": "Wählen Sie ein neues Passwort",
        }
        for email, language in self.staff():
            with self.subTest(email=email):
                user = get_user_model().objects.get(email=email)
                self.assertEqual(user.language, language)
                self.assertEqual(UserProfile.get_for_user(user).preferred_language, language)
                mail.outbox.clear()
                # Asked for on the Dutch pages: the email is in her language, not the page's.
                with self.captureOnCommitCallbacks(execute=True):
                    self.client.post("/nl/accounts/password/reset/", {"email": email})
                self.assertEqual([sent.subject for sent in mail.outbox], [subjects[language]])

    def test_a_german_editor_of_an_earlier_demo_gets_german_emails_once_it_loads_again(self):
        german = data.read("people")["editors"]["de"]["email"]
        # As the loader left her before: the site's default language for the emails.
        get_user_model().objects.filter(email=german).update(language="nl")
        self.load()
        for email, language in self.staff():
            with self.subTest(email=email):
                self.assertEqual(get_user_model().objects.get(email=email).language, language)


class DemoShowsWhatThePlatformDoesTests(LoadDemoChecks, TestCase):
    """What the README's tour sends a newcomer to look at is there, in both languages."""

    @classmethod
    def setUpTestData(cls):
        # As in development, where Wagtail's INFO lines reach the console.
        records = []
        handler = logging.Handler(logging.INFO)
        handler.emit = records.append
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        wagtail_logger.setLevel(logging.INFO)
        wagtail_logger.addHandler(handler)
        mail.outbox = []
        with cls.captureOnCommitCallbacks(execute=True):
            try:
                call_command("load_demo", stdout=StringIO())
            finally:
                # What follows the test's transaction (a real run commits within the command).
                wagtail_logger.removeHandler(handler)
                wagtail_logger.setLevel(level)
        cls.log_records = records
        cls.emails = list(mail.outbox)

    def sectors(self):
        from community.models import SectorPage

        sectors = SectorPage.objects.live().order_by("locale__language_code", "path")
        self.assertEqual(
            sorted(sectors.values_list("locale__language_code", flat=True)), ["de"] * 5 + ["nl"] * 5
        )
        return sectors

    def test_every_sector_has_meetings_stories_and_members_in_both_languages(self):
        from exchanges.models import MeetingPage, StoryPage

        for sector in self.sectors():
            with self.subTest(sector=sector.url_path):
                # Written in the sector page's language, not shown from the other one.
                meetings = (
                    MeetingPage.objects.live()
                    .in_sector(sector)
                    .filter(locale=sector.locale, alias_of__isnull=True)
                )
                self.assertGreaterEqual(meetings.upcoming().count(), 1)
                self.assertGreaterEqual(meetings.past().count(), 1)
                stories = (
                    StoryPage.objects.live()
                    .in_sector(sector)
                    .filter(locale=sector.locale, alias_of__isnull=True)
                )
                self.assertGreaterEqual(stories.count(), 1)
                towns = {member.town.slug for member in sector.visible_members() if member.town}
                self.assertEqual(towns, {"steenwijkerland", "herzebrock-clarholz"})
                response = self.client.get(sector.url)
                self.assertContains(response, meetings.upcoming().first().title)

    def test_every_sector_calendar_feed_has_events(self):
        from django.urls import reverse
        from django.utils import translation

        for sector in self.sectors():
            with (
                self.subTest(sector=sector.url_path),
                translation.override(sector.locale.language_code),
            ):
                response = self.client.get(reverse("sector_calendar_feed", args=[sector.slug]))
                self.assertEqual(response.status_code, 200)
                self.assertIn(b"BEGIN:VEVENT", response.content)

    def test_special_meetings_exist_in_both_languages(self):
        from exchanges.models import MeetingPage
        from exchanges.models.meetings import LOCAL_TIME

        for language in ("nl", "de"):
            with self.subTest(language=language):
                meetings = (
                    MeetingPage.objects.live().upcoming().filter(locale__language_code=language)
                )
                self.assertTrue(
                    any(
                        m.end.astimezone(LOCAL_TIME).date() > m.start.astimezone(LOCAL_TIME).date()
                        for m in meetings
                    ),
                    "a multi-day meeting",
                )
                self.assertTrue(meetings.filter(format="hybrid").exists())
                self.assertTrue(meetings.filter(cancelled=True).exists())
                moved = meetings.filter(moved_from__isnull=False).first()
                self.assertIsNotNone(moved)
                self.assertNotEqual(moved.moved_from, moved.start)
                full = [
                    m
                    for m in meetings.filter(capacity__isnull=False, cancelled=False)
                    if m.registrations().registered().count() == m.capacity
                ]
                self.assertEqual(len(full), 1)
                self.assertGreaterEqual(full[0].registrations().waiting().count(), 1)
                self.assertTrue(full[0].registration_open())

    def test_demo_members_have_contributions_in_the_states_the_readme_names(self):
        from django.contrib.auth import get_user_model

        from community.contributions import ContributionState, contributions_of

        anke = get_user_model().objects.get(email="anke@bewoners.example")
        states = {page.state for page in contributions_of(anke)}
        self.assertLessEqual(
            {
                ContributionState.PUBLISHED,
                ContributionState.IN_REVIEW,
                ContributionState.CHANGES_REQUESTED,
            },
            states,
        )
        changes = next(
            page
            for page in contributions_of(anke)
            if page.state == ContributionState.CHANGES_REQUESTED
        )
        self.assertTrue(changes.editor_comment)

    def test_three_demo_members_take_a_members_story_off_the_site_with_their_reports(self):
        from community.models import Report
        from exchanges.models import StoryPage
        from jumelage.demo.models import DemoAccount

        stories = StoryPage.objects.live().filter(locale__language_code="nl")
        story = stories.filter(member_contribution=True).first()
        accounts = DemoAccount.objects.filter(user__is_staff=False, user__is_active=True).exclude(
            user=story.owner
        )
        for account in accounts.select_related("user")[:3]:
            Report.objects.file(story, "spam", reporter=account.user)
        self.assertFalse(StoryPage.objects.get(pk=story.pk).live)

    def test_a_members_story_shows_its_photo_once_at_the_top(self):
        # Found by the newcomer's walk: Anke's punter was on top and again in the text.
        from exchanges.models import StoryPage

        story = StoryPage.objects.get(
            title="Een zomermiddag op de punter met gasten uit Clarholz", locale__language_code="nl"
        )
        self.assertIsNotNone(story.image)
        self.assertEqual([block.block_type for block in story.body], ["paragraph"])
        html = self.client.get(story.url).content.decode()
        self.assertEqual(html.count(f'<img alt="{story.image_alt}"'), 1)

    def test_loading_the_demo_sends_no_email(self):
        from home.mail import OutgoingEmail

        self.assertEqual(OutgoingEmail.objects.count(), 0)
        self.assertEqual([email.subject for email in self.emails], [])

    def test_loading_twice_adds_nothing(self):
        from django.contrib.auth import get_user_model

        from community.models import SectorMembership
        from exchanges.models import (
            GuestParty,
            HostOffer,
            MeetingSector,
            Placement,
            Registration,
            VisitMatching,
        )

        def counts():
            return [
                model.objects.count()
                for model in (
                    Page,
                    MeetingSector,
                    Registration,
                    get_user_model(),
                    SectorMembership,
                    GuestParty,
                    HostOffer,
                    Placement,
                    VisitMatching,
                )
            ]

        before = counts()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=StringIO())
        self.assertEqual(counts(), before)

    def test_an_administrator_changes_a_demo_members_address_and_the_next_load_keeps_her(self):
        from django.urls import reverse

        from exchanges.models import Registration, StoryPage

        people = data.read("people")
        demo_accounts = len(people["editors"]) + 1 + len(people["members"])
        user_model = get_user_model()
        administrator = user_model.objects.create_superuser(
            "beheer@gemeente-steenwijkerland.example", "beheer-wachtwoord", first_name="Bea"
        )
        lena = user_model.objects.get(email="lena@einwohner.example")
        self.client.force_login(administrator)
        response = self.client.post(
            reverse("wagtailusers_users:edit", args=[lena.pk]),
            {"email": "lena.neu@example.org", "language": "de", "is_active": "on"},
        )
        self.assertEqual(response.status_code, 302)
        stories = StoryPage.objects.filter(author=lena).count()
        self.assertGreater(stories, 0)
        accounts, registrations = user_model.objects.count(), Registration.objects.count()

        out = StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=out)

        self.assertEqual(user_model.objects.count(), accounts)
        self.assertFalse(user_model.objects.filter(email="lena@einwohner.example").exists())
        self.assertEqual(StoryPage.objects.filter(author__display_name="Lena").count(), stories)
        self.assertEqual(Registration.objects.count(), registrations)
        self.assertIn(f"{demo_accounts} demo accounts", out.getvalue())
        administrator.refresh_from_db()
        self.assertEqual(administrator.language, "nl")
        self.assertFalse(administrator.check_password(data.DEMO_PASSWORD))

    def test_a_demo_member_who_deleted_her_account_is_not_made_again(self):
        from community.privacy import delete_account

        user_model = get_user_model()
        lena = user_model.objects.get(email="lena@einwohner.example")
        with self.captureOnCommitCallbacks(execute=True):
            delete_account(lena)
        accounts, pages = user_model.objects.count(), Page.objects.count()
        out = StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", verbosity=2, stdout=out, stderr=out)
        self.assertFalse(user_model.objects.filter(email="lena@einwohner.example").exists())
        self.assertEqual(user_model.objects.count(), accounts)
        self.assertEqual(Page.objects.count(), pages)
        self.assertIn("lena@einwohner.example: account deleted", out.getvalue())
        self.assertNotIn("did not create", out.getvalue())

    def test_a_demo_loaded_before_its_accounts_were_recorded_keeps_them(self):
        from jumelage.demo.models import DemoAccount

        accounts = get_user_model().objects.count()
        recorded = DemoAccount.objects.count()
        DemoAccount.objects.all().delete()  # as the previous loader left its accounts
        with self.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=StringIO())
        self.assertEqual(get_user_model().objects.count(), accounts)
        self.assertEqual(DemoAccount.objects.count(), recorded)

    def test_the_next_exchange_visit_is_there_in_both_languages(self):
        import datetime

        from exchanges.choices import CoordinatorSide
        from exchanges.models import VisitPage

        versions = VisitPage.objects.live().filter(alias_of__isnull=True)
        self.assertCountEqual(
            versions.values_list("locale__language_code", flat=True), ["nl", "de"]
        )
        visit = versions.get(locale__language_code="nl")
        german = versions.get(locale__language_code="de")
        self.assertEqual(german.translation_key, visit.translation_key)
        self.assertEqual(german.title, "Erwachsenenaustausch: Gäste aus Steenwijkerland")
        self.assertEqual((visit.travelling_town.country, visit.hosting_town.country), ("NL", "DE"))
        self.assertGreater(visit.start_date, datetime.date.today() + datetime.timedelta(days=60))
        self.assertEqual(len(visit.days()), 4)
        self.assertTrue(visit.signup_open())
        self.assertEqual(visit.seats, 40)
        self.assertIn("Gesundheitsmaßnahmen", german.notice)
        self.assertIn("95", german.costs)
        self.assertCountEqual(
            german.coordinators.values_list("side", flat=True),
            [CoordinatorSide.TRAVELLING, CoordinatorSide.HOSTING],
        )
        days = [day.value for day in german.programme]
        self.assertEqual([day["date"] for day in days], visit.days())
        items = [item for day in days for item in day["items"]]
        self.assertIn("Abfahrt mit dem Bus", [item["title"] for item in items])
        self.assertTrue(any(item["online"] for item in items))
        self.assertTrue(any("Clarholz" in item["place"] for item in items))
        self.assertTrue(all(item["start"] for item in items))

    def test_guests_and_hosts_signed_up_and_coordinators_find_a_proposal(self):
        from exchanges import visits
        from exchanges.choices import RegistrationStatus
        from exchanges.models import Placement, VisitPage

        visit = VisitPage.objects.get(locale__language_code="nl")
        parties = list(visits.parties(visit))
        offers = list(visits.offers(visit))
        self.assertEqual(len(parties), 12)
        self.assertEqual(len(offers), 10)
        self.assertTrue(all(p.status == RegistrationStatus.REGISTERED for p in parties))
        self.assertTrue(all(visit.is_travelling_resident(p.user) for p in parties))
        self.assertTrue(all(visit.is_hosting_resident(o.user) for o in offers))
        self.assertEqual({o.visit.locale.language_code for o in offers}, {"de"})
        state = visits.matching_state(visit)
        self.assertIsNotNone(state.proposed_at)
        self.assertFalse(state.is_published)
        plan = visits.stored_plan(visit)
        self.assertGreaterEqual(len(plan["unmatched"]), 1)
        self.assertTrue(all(item["reason"] for item in plan["unmatched"]))
        by_pk = {offer.pk: offer for offer in offers}
        for placement in Placement.objects.filter(party__in=parties).select_related("party"):
            self.assertEqual(visits.broken(placement.party, by_pk[placement.offer_id]), ())
        for match in plan["matches"]:
            self.assertLessEqual(sum(g["people"] for g in match["guests"]), match["beds"])
        # Anke asked to return to the family she stayed with.
        anke = next(p for p in parties if p.user.email == "anke@bewoners.example")
        self.assertEqual(Placement.objects.get(party=anke).offer.household, "Familie Brockmann")
        # Every household but Lena Kortmann's ticked that guests who smoke are welcome (unticked
        # by default): Gerrit, who smokes outside, finds a host.
        refusing = [offer.household for offer in offers if not offer.smokers_welcome]
        self.assertEqual(refusing, ["Lena Kortmann"])
        gerrit = next(p for p in parties if p.user.email == "gerrit@bewoners.example")
        self.assertTrue(Placement.objects.filter(party=gerrit).exists())

    def test_a_demo_loaded_before_exchange_visits_gets_its_guests_and_lists_them(self):
        from exchanges.models import GuestParty, HostOffer, VisitMatching

        for model in (GuestParty, HostOffer, VisitMatching):
            model.objects.all().delete()
        out = StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=out, verbosity=2)
        self.assertEqual((GuestParty.objects.count(), HostOffer.objects.count()), (12, 10))
        self.assertIn("Guest party of Anke", out.getvalue())
        self.assertIn("Host offer of Sabine", out.getvalue())
        self.assertIn("Matching proposed", out.getvalue())
        self.assertIn("No household has beds for 5 people.", out.getvalue())

    def test_load_demo_says_little_unless_asked(self):
        self.assertEqual([record.getMessage() for record in self.log_records], [])
        out = StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=out)
        self.assertLessEqual(len(out.getvalue().splitlines()), 3)
        self.assertIn("Demo content ready", out.getvalue())

    def test_demo_texts_promise_only_what_the_site_does(self):
        for sector in self.sectors():
            with self.subTest(sector=sector.url_path):
                response = self.client.get(sector.url)
                text = response.content.decode()
                # Members join a community with the button on its page; no profile field.
                self.assertNotIn("in uw profiel", text)
                self.assertNotIn("in Ihrem Profil", text)
        # The contact page sends readers to the postal addresses at the foot of every page.
        for url in ("/nl/contact/", "/de/kontakt/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                for foundation in data.foundations():
                    self.assertContains(response, foundation["address"].splitlines()[0])

    def test_a_demo_loaded_before_meetings_had_sectors_gets_them(self):
        from exchanges.models import MeetingPage, MeetingSector

        fresh = MeetingSector.objects.count()
        # As the previous version of the loader left its meetings (members' proposals had theirs).
        deleted, _ = MeetingSector.objects.exclude(page__owner__email__contains="@").delete()
        self.assertGreater(deleted, 40)
        with self.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=StringIO())
        self.assertEqual(MeetingSector.objects.count(), fresh)
        for sector in self.sectors():
            with self.subTest(sector=sector.url_path):
                meetings = MeetingPage.objects.live().in_sector(sector).filter(locale=sector.locale)
                self.assertTrue(meetings.upcoming().exists())


@pytest.mark.database_agnostic
class DemoContentFilesTests(SimpleTestCase):
    """Translators edit the demo's texts in jumelage/demo/content, a file per page: each file
    says the same things in Dutch and German."""

    def test_every_page_file_has_each_text_in_dutch_and_german(self):
        paths = sorted(data.CONTENT.glob("*/*.toml"))
        self.assertGreaterEqual(len(paths), 40)
        for path in paths:
            with self.subTest(file=str(path.relative_to(data.CONTENT))):
                raw = site_tree.read_toml(path)
                self.assertEqual(list(raw["nl"]), list(raw["de"]))
                for kind, value in data.page(raw).get("body", []):
                    if kind == "paragraphs":
                        self.assertEqual(len(value["nl"]), len(value["de"]), value["nl"][0])


@pytest.mark.database_agnostic
class DemoOutsideProductionTests(SimpleTestCase):
    def test_a_production_server_has_no_demo_or_bench_commands(self):
        env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
        env.update(
            DJANGO_SETTINGS_MODULE="jumelage.settings.production",
            SECRET_KEY="probe-" + "x" * 50,
            ALLOWED_HOSTS="jumelage.example",
        )
        listed = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", "help", "--commands"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        self.assertEqual(listed.returncode, 0, listed.stderr)
        commands = listed.stdout.split()
        self.assertIn("setup_site", commands)
        self.assertNotIn("load_demo", commands)
        self.assertNotIn("seed_bench", commands)
