"""The demo loader tells the twinning's story in both languages and can run again safely."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

from home.models import FoundationSettings, HomePage, StandardPage


class LoadDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.load()

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

    def test_footer_links_privacy_and_accessibility_statements_per_language(self):
        settings = FoundationSettings.objects.get()
        self.assertEqual(settings.foundations.count(), 2)
        dutch = self.client.get("/nl/")
        self.assertContains(dutch, "Privacyverklaring")
        german = self.client.get("/de/")
        self.assertContains(german, "Datenschutzerklärung")
        self.assertContains(german, "Erklärung zur Barrierefreiheit")

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
        from home.demo.members import DEMO_PASSWORD
        from home.management.commands.load_demo import EDITORS

        for editor in EDITORS.values():
            with self.subTest(editor=editor["email"]):
                client = self.client_class()
                response = client.post(
                    "/nl/accounts/login/",
                    {"login": editor["email"], "password": DEMO_PASSWORD, "next": "/admin/"},
                )
                self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
                self.assertEqual(client.get("/admin/").status_code, 200)
