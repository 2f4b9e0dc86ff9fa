"""A first deployment: `manage.py setup_site` on a freshly migrated database gives a working
bilingual site with its roles, and no demo content, demo accounts or published passwords."""

import io
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page, Site, WorkflowPage

from community.roles import EDITOR_GROUPS, MODERATORS, WORKFLOW
from home.models import FoundationSettings

DUTCH_TREE = ["/nl/", "/nl/sectoren/", "/nl/verhalen/", "/nl/agenda/", "/nl/nieuwsbrieven/"]
GERMAN_TREE = [
    "/de/",
    "/de/fachgruppen/",
    "/de/geschichten/",
    "/de/kalender/",
    "/de/newsletter-archiv/",
]


def tree():
    return [
        (page.locale.language_code, page.url_path, type(page.specific).__name__, page.live)
        for page in Page.objects.filter(depth__gt=1).order_by("path")
    ]


class SetupSiteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.setup_site()
        cls.first_tree = tree()
        cls.output = cls.setup_site()

    @classmethod
    def setup_site(cls):
        output = io.StringIO()
        # Translations publish on commit, as they would outside a test's transaction.
        with cls.captureOnCommitCallbacks(execute=True):
            call_command("setup_site", stdout=output)
        return output.getvalue()

    def test_new_site_has_both_trees_translated_and_a_second_run_changes_nothing(self):
        self.assertEqual(
            tree(),
            [
                ("nl", "/thuis/", "HomePage", True),
                ("nl", "/thuis/sectoren/", "SectorIndexPage", True),
                ("nl", "/thuis/verhalen/", "StoryIndexPage", True),
                ("nl", "/thuis/agenda/", "CalendarPage", True),
                ("nl", "/thuis/nieuwsbrieven/", "NewsletterIndexPage", True),
                ("de", "/start/", "HomePage", True),
                ("de", "/start/fachgruppen/", "SectorIndexPage", True),
                ("de", "/start/geschichten/", "StoryIndexPage", True),
                ("de", "/start/kalender/", "CalendarPage", True),
                ("de", "/start/newsletter-archiv/", "NewsletterIndexPage", True),
            ],
        )
        self.assertEqual(tree(), self.first_tree)
        # German pages are translations, not aliases showing the Dutch text.
        self.assertFalse(Page.objects.filter(alias_of__isnull=False).exists())
        self.assertEqual(Page.objects.get(url_path="/start/").title, "Gemeinsam über die Grenze")

    def test_new_site_has_the_roles_and_the_review_workflow_once(self):
        groups = set(Group.objects.values_list("name", flat=True))
        self.assertTrue({*EDITOR_GROUPS, MODERATORS} <= groups)
        reviewed = WorkflowPage.objects.filter(workflow__name=WORKFLOW)
        self.assertEqual(
            sorted(reviewed.values_list("page__url_path", flat=True)),
            ["/start/geschichten/", "/start/kalender/", "/thuis/agenda/", "/thuis/verhalen/"],
        )

    def test_new_site_has_its_foundations_and_no_account_at_all(self):
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(site.root_page.url_path, "/thuis/")
        foundations = FoundationSettings.for_site(site).foundations.all()
        self.assertEqual([f.country for f in foundations], ["NL", "DE"])
        # Demo addresses would be wrong on a real site; editors fill them in.
        self.assertEqual([f.email for f in foundations], ["", ""])
        self.assertFalse(get_user_model().objects.exists())
        self.assertIn("createsuperuser", self.output)

    def test_new_site_serves_home_and_overview_pages_in_both_languages(self):
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="de")
        self.assertRedirects(response, "/de/", fetch_redirect_response=False)
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="nl")
        self.assertRedirects(response, "/nl/", fetch_redirect_response=False)
        for url in DUTCH_TREE + GERMAN_TREE:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)
        self.assertContains(self.client.get("/de/"), "Gemeinsam über die Grenze")

    def test_the_story_overview_intro_names_every_filter_it_offers(self):
        for url in ("/nl/verhalen/", "/de/geschichten/"):
            with self.subTest(url=url):
                page = self.client.get(url).content.decode()
                intro = re.search(r'<p class="lead">(.*?)</p>', page, re.S)[1].lower()
                filters = re.findall(r'<label for="id_\w+">(.*?)</label>', page)
                self.assertGreaterEqual(len(filters), 4)
                for label in filters:
                    self.assertIn(label.lower(), intro)

    def test_the_story_overview_description_names_every_filter_it_offers(self):
        """Search engines' description still named three filters of four (outsider's walk)."""
        for url in ("/nl/verhalen/", "/de/geschichten/"):
            with self.subTest(url=url):
                page = self.client.get(url).content.decode()
                description = re.search(r'<meta name="description" content="(.*?)"', page)[1]
                filters = re.findall(r'<label for="id_\w+">(.*?)</label>', page)
                self.assertGreaterEqual(len(filters), 4)
                for label in filters:
                    self.assertIn(label.lower(), description.lower())
