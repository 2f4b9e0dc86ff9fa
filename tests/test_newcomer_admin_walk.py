"""A newcomer's walk through the admin (2026-12-06): a moderator led to the review she may read
rather than to Wagtail's "no permission", a way back from a review's preview, the story
editor's authors by name, the language help that promises a machine translation only with a
translator, and the German editor's page count leading to her language's tree."""

from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext, ngettext
from wagtail.models import Page
from wagtail.users.models import UserProfile

from exchanges.models import StoryPage
from tests.test_bilingual_contributions import DUMMY_TRANSLATOR
from tests.test_review_panel import reviewers_in_their_languages, submitted_contribution
from tests.test_roles import RolesTestCase, form_data

User = get_user_model()


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


class ModeratorLedToTheReviewTests(RolesTestCase):
    """The page editor and its history of a contribution in review answered the moderator with
    Wagtail's red "Sorry, you do not have permission to access this area": she reviews in the
    review's preview, where they now lead her."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, cls.member)

    def test_the_editor_and_history_of_her_review_lead_to_its_preview(self):
        task = self.contribution.current_workflow_state.current_task_state.task
        review = f"/admin/pages/workflow/preview/{self.contribution.pk}/{task.pk}/"
        self.client.force_login(self.moderator)
        for address in (
            f"/admin/pages/{self.contribution.pk}/edit/",
            f"/admin/pages/{self.contribution.pk}/history/",
            f"/admin/pages/{self.contribution.pk}/workflow_history/",
        ):
            with self.subTest(address=address):
                response = self.client.get(address, follow=True)
                self.assertEqual(response.redirect_chain[-1][0], review)
                self.assertEqual(response.status_code, 200)
                self.assertIn("Bijdrage", text_of(response))
                self.assertNotIn("geen toegang", text_of(response))

    def test_an_editor_still_opens_the_editor(self):
        self.client.force_login(self.editor_nl)
        response = self.client.get(f"/admin/pages/{self.contribution.pk}/edit/")
        self.assertEqual(response.status_code, 200)


class WayBackFromTheReviewPreviewTests(RolesTestCase):
    """The review's preview shows the contribution as the site would: it had no way back to
    the review, where the reviewer decides."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, cls.member)

    def way_back(self, address):
        page = BeautifulSoup(self.client.get(address).content, "html.parser")
        return page.select_one("[data-review-way-back] a")

    def test_the_preview_leads_back_to_the_review_in_her_language(self):
        task = self.contribution.current_workflow_state.current_task_state.task
        self.client.force_login(self.moderator)
        link = self.way_back(f"/admin/pages/workflow/preview/{self.contribution.pk}/{task.pk}/")
        self.assertIsNotNone(link)
        self.assertEqual(link["href"], "/admin/#awaiting-review")
        with translation.override("nl"):
            self.assertEqual(link.get_text(strip=True), gettext("Back to the review"))

    def test_the_notice_speaks_her_language_as_its_way_back_does(self):
        # The German editor previews a Dutch contribution: the page is Dutch, the notice above it
        # said "Voorbeeld: …" beside her "Zurück zur Prüfung" (walk of 2026-12-06).
        reviewers_in_their_languages(self)
        task = self.contribution.current_workflow_state.current_task_state.task
        self.client.force_login(self.editor_de)
        address = f"/admin/pages/workflow/preview/{self.contribution.pk}/{task.pk}/"
        page = BeautifulSoup(self.client.get(address).content, "html.parser")
        notice = page.select_one(".preview-notice")
        with translation.override("de"):
            self.assertEqual(
                notice.get_text(strip=True),
                gettext("Preview: this page has not been published yet."),
            )
            self.assertEqual(
                page.select_one("[data-review-way-back] a").get_text(strip=True),
                gettext("Back to the review"),
            )
        self.assertEqual(notice["lang"], "de")
        self.assertEqual(page.html["lang"], "nl")

    def test_what_approving_publishes_leads_back_to_the_confirmation(self):
        state = self.contribution.current_workflow_state.current_task_state
        self.contribution.save_revision(user=self.member)  # saved since it was sent
        self.client.force_login(self.moderator)
        confirmation = f"/admin/pages/workflow/approve/{self.contribution.pk}/{state.pk}/"
        page = BeautifulSoup(self.client.get(confirmation).content, "html.parser")
        publishes = page.select_one(
            "[data-confirm-approval] a[href*='/preview/'][href*='/approve/']"
        )
        link = self.way_back(publishes["href"])
        self.assertEqual(link["href"], confirmation)

    def test_the_public_page_offers_no_way_back(self):
        self.client.force_login(self.moderator)
        page = BeautifulSoup(self.client.get(self.about.url).content, "html.parser")
        self.assertIsNone(page.select_one("[data-review-way-back]"))


def confirmed(account, verified=True, primary=True):
    """`account` with its address in allauth, confirmed (`verified`) or not."""
    EmailAddress.objects.create(
        user=account, email=account.email, verified=verified, primary=primary
    )
    return account


class StoryAuthorsByNameTests(RolesTestCase):
    """The story editor's author list was sorted by email address and showed addresses
    ("anke@bewoners.example"), where the rest of the admin names accounts."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for email, name in (
            ("a-zeger@example.org", "Zeger"),
            ("z-anke@example.org", "Anke"),
            ("jan.b@example.org", "Jan"),
            ("jan.a@example.org", "jan"),
        ):
            confirmed(User.objects.create_user(email, "x", display_name=name))
        cls.story_page = cls.story(title="Verhaal", slug="verhaal")

    def test_the_authors_are_listed_by_name_with_an_address_only_between_equal_names(self):
        self.client.force_login(self.editor_nl)
        response = self.client.get(f"/admin/pages/{self.story_page.pk}/edit/")
        options = BeautifulSoup(response.content, "html.parser").select(
            "select[name=author] option[value]:not([value=''])"
        )
        labels = [option.get_text(strip=True) for option in options]
        named = [label for label in labels if label[0] in "AJZjaz"]
        self.assertEqual(
            named,
            ["Anke", "jan (jan.a@example.org)", "Jan (jan.b@example.org)", "Zeger"],
        )
        self.assertEqual(labels, sorted(labels, key=str.casefold))


class StoryAuthorsOfferedTests(RolesTestCase):
    """Newcomer walk: the story editor's author list offered every account: sign-ups nobody
    confirmed (anyone may type anyone's address) and blocked members too. It offers active
    accounts whose primary address was confirmed; a story's author who is neither any more
    stays its author when an editor saves it."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        confirmed(User.objects.create_user("bevestigd@example.org", "x", display_name="Bevestigd"))
        confirmed(
            User.objects.create_user("onbevestigd@example.org", "x", display_name="Onbevestigd"),
            verified=False,
        )
        other = confirmed(
            User.objects.create_user("anders@example.org", "x", display_name="Anders"),
            verified=False,
        )
        EmailAddress.objects.create(
            user=other, email="oud@example.org", verified=True, primary=False
        )
        cls.blocked = confirmed(
            User.objects.create_user(
                "geblokkeerd@example.org", "x", display_name="Geblokkeerd", is_active=False
            )
        )
        cls.story_page = cls.story(title="Verhaal", slug="verhaal")

    def editor(self):
        self.client.force_login(self.editor_nl)
        return self.client.get(f"/admin/pages/{self.story_page.pk}/edit/")

    def offered(self, response):
        options = BeautifulSoup(response.content, "html.parser").select(
            "select[name=author] option[value]:not([value=''])"
        )
        return {option.get_text(strip=True): option.has_attr("selected") for option in options}

    def test_only_active_accounts_with_a_confirmed_address_are_offered(self):
        offered = self.offered(self.editor())
        self.assertIn("Bevestigd", offered)
        for name in ("Onbevestigd", "Anders", "Geblokkeerd"):
            self.assertNotIn(name, offered)
        response = self.client.post(
            f"/admin/pages/{self.story_page.pk}/edit/",
            {**form_data(self.editor()), "author": str(self.blocked.pk), "body-count": "0"},
        )
        self.assertEqual(response.status_code, 200)  # refused: not among the choices
        self.assertIsNone(StoryPage.objects.get(pk=self.story_page.pk).author_id)

    def test_a_blocked_author_stays_the_storys_author_when_an_editor_saves_it(self):
        story = StoryPage.objects.get(pk=self.story_page.pk)
        story.author = self.blocked
        story.save_revision().publish()
        response = self.editor()
        self.assertEqual(self.offered(response).get("Geblokkeerd"), True)
        saved = self.client.post(
            f"/admin/pages/{self.story_page.pk}/edit/",
            {**form_data(response), "title": "Nieuw", "body-count": "0"},
        )
        self.assertEqual(saved.status_code, 302)
        latest = Page.objects.get(pk=self.story_page.pk).get_latest_revision_as_object()
        self.assertEqual((latest.title, latest.author_id), ("Nieuw", self.blocked.pk))


# What the language of a new contribution says of the other language (community/forms.py).
SHOWN_MACHINE_TRANSLATED = (
    "Once published, it is shown in the other language too: machine-translated, or as you "
    "wrote it until it is translated."
)
SHOWN_AS_WRITTEN = (
    "Once published, it is shown in the other language too, as you wrote it, until an editor "
    "translates it."
)


class LanguageHelpPromisesWhatTheSiteDoesTests(RolesTestCase):
    """A new contribution's language said it would be shown "machine-translated" in the other
    language on a site with no translator configured."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")

    def language_help(self, address):
        self.client.force_login(self.member)
        page = BeautifulSoup(self.client.get(address).content, "html.parser")
        field = page.find(attrs={"name": "language"})
        described = field["aria-describedby"].split()
        return " ".join(page.find(id=name).get_text(" ", strip=True) for name in described)

    def test_without_a_translator_no_machine_translation_is_promised(self):
        for address in ("/nl/members/stories/new/", "/nl/members/meetings/new/"):
            with (
                self.subTest(address=address),
                override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None),
            ):
                said = self.language_help(address)
                self.assertNotIn("machin", said.lower())  # "machinaal vertaald"
                with translation.override("nl"):
                    self.assertIn(gettext(SHOWN_AS_WRITTEN), said)

    @override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_TRANSLATOR)
    def test_with_a_translator_the_machine_translation_is_said(self):
        said = self.language_help("/nl/members/stories/new/")
        with translation.override("nl"):
            self.assertIn(gettext(SHOWN_MACHINE_TRANSLATED), said)


class PageCountInTheEditorsLanguageTests(RolesTestCase):
    """The German editor's dashboard said "… Seiten" (both languages' pages) and opened the
    Dutch tree."""

    def summary_link(self, user, language):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        self.client.force_login(user)
        page = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
        return page.select_one(
            ".w-summary a[href^='/admin/pages/'], section a[href^='/admin/pages/']"
        )

    def test_the_german_editor_counts_and_opens_the_german_tree(self):
        link = self.summary_link(self.editor_de, "de")
        self.assertEqual(link["href"], f"/admin/pages/{self.home_de.pk}/")
        german = Page.objects.descendant_of(self.home_de, inclusive=True).count()
        with translation.override("de"):
            said = ngettext(
                "%(total)s page in %(language)s", "%(total)s pages in %(language)s", german
            ) % {"total": german, "language": self.german.get_display_name()}
        self.assertEqual(" ".join(link.get_text().split()), said)

    def test_the_dutch_editor_counts_and_opens_the_dutch_tree(self):
        link = self.summary_link(self.editor_nl, "nl")
        self.assertEqual(link["href"], f"/admin/pages/{self.home.pk}/")
