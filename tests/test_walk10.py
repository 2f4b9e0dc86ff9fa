"""What the newcomer's walk of 2026-12-07 (walk 10) found, each as its reader meets it."""

import json
import warnings
from unittest import mock

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.paginator import UnorderedObjectListWarning
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import TaskState
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from community.models import Report
from home.translations_report import TranslationsReport
from tests.test_bilingual_contributions import BilingualContributionsMixin, soup
from tests.test_members import MembersTestCase
from tests.test_report_outcomes import ReportBeforeAModeratorTestCase
from tests.test_review_panel import submitted_contribution
from tests.test_roles import RolesTestCase, form_data

User = get_user_model()


class SendingBackSaysWhatToChangeTests(RolesTestCase):
    """ "Request changes" with an empty comment went through: the member read that the editors
    asked her to change a few things, and not which (W1). A decision that sends a contribution
    back or rejects it carries what it is about; an approval may come without a word."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, cls.member)

    def decide(self, action, comment, language="de"):
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = language
        profile.save()
        state = self.contribution.current_workflow_task_state
        self.client.force_login(self.editor_de)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                f"/admin/pages/workflow/action/{self.contribution.pk}/{action}/{state.pk}/",
                {"comment": comment, "next": "/admin/"},
                # As the dashboard's dialog sends it (Wagtail's modal workflow).
                headers={"x-requested-with": "XMLHttpRequest"},
            )
        state.refresh_from_db()
        return response, state

    def test_an_empty_comment_does_not_send_the_contribution_back(self):
        for action, message in (
            ("reject", "Write what should be changed."),
            ("decline", "Write why the contribution is rejected."),
        ):
            for comment in ("", "   "):
                with self.subTest(action=action, comment=comment):
                    response, state = self.decide(action, comment)
                    self.assertEqual(state.status, TaskState.STATUS_IN_PROGRESS)
                    with translation.override("de"):
                        expected = gettext(message)
                    self.assertNotEqual(expected, message)
                    self.assertEqual(response.json()["step"], "action")
                    text = BeautifulSoup(response.json()["html"], "html.parser").get_text()
                    self.assertIn(expected, text)

    def test_with_a_comment_it_is_sent_back(self):
        _response, state = self.decide("reject", "Bitte ein Foto dazu.")
        self.assertEqual(state.status, TaskState.STATUS_REJECTED)
        self.assertEqual(state.get_comment(), "Bitte ein Foto dazu.")

    def test_an_approval_needs_no_comment(self):
        _response, state = self.decide("approve", "")
        self.assertEqual(state.status, TaskState.STATUS_APPROVED)

    def test_the_page_editor_cannot_send_it_back_without_a_comment(self):
        """The page editor's own "request changes" sends the comment as JSON with the form: one
        without a comment is refused before anything is saved."""
        state = self.contribution.current_workflow_task_state
        self.client.force_login(self.editor_nl)
        edit = f"/admin/pages/{self.contribution.pk}/edit/"
        response = self.client.post(
            edit,
            {
                **form_data(self.client.get(edit)),
                "body-count": "0",  # the body's blocks, built by the editor's script: none here
                "action-workflow-action": "true",
                "workflow-action-name": "reject",
                "workflow-action-extra-data": json.dumps({"comment": ""}),
            },
        )
        self.assertEqual(response.status_code, 400)
        state.refresh_from_db()
        self.assertEqual(state.status, TaskState.STATUS_IN_PROGRESS)


class AccountTimeZonesTests(RolesTestCase):
    """The admin account page offered every name of the system's zone database, "localtime"
    among them on Debian: the browser refuses it, and the page's script stopped (W3). The
    choice is the towns' time zones."""

    def test_the_account_page_offers_the_towns_time_zones_only(self):
        self.client.force_login(self.moderator)
        page = BeautifulSoup(self.client.get("/admin/account/").content, "html.parser")
        select = page.select_one("select[name$=current_time_zone]")
        offered = {option["value"] for option in select.select("option") if option["value"]}
        self.assertEqual(offered, {"Europe/Amsterdam", "Europe/Berlin"})


class PageSearchCountsPagesTests(RolesTestCase):
    """The admin's page search headed its results "Titel 1–2 van 2 None" (W2)."""

    def test_the_page_search_counts_pages_in_the_editors_language(self):
        for language, expected in (("nl", "pagina('s)?"), ("de", "Seiten?")):
            with self.subTest(language=language):
                profile = UserProfile.get_for_user(self.editor_nl)
                profile.preferred_language = language
                profile.save()
                self.client.force_login(self.editor_nl)
                response = self.client.get("/admin/pages/search/", {"q": "klimaat"})
                header = BeautifulSoup(response.content, "html.parser").select_one("th.title")
                text = " ".join(header.get_text(" ", strip=True).split())
                self.assertNotIn("None", text)
                self.assertRegex(text, rf"\d+ (van|von) \d+ {expected}")


class ReportFormInTheLanguageReadTests(BilingualContributionsMixin, MembersTestCase):
    """The report form of a German member's story, opened from its Dutch machine translation and
    switched to German, named the Dutch title and led back to the Dutch page (W6): the form
    asked in German reports the version read in German (a report of one version counts for
    all)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_contributions()

    def setUp(self):
        self.machine_translate(
            self.radeln, self.dutch, {"Radeln nach Steenwijk": "Fietsen naar Steenwijk"}
        )
        self.dutch_version = self.radeln.get_translation(self.dutch)

    def test_the_language_switch_leads_to_the_form_of_the_version_in_that_language(self):
        dutch_form = soup(self.client.get(f"/nl/report/{self.dutch_version.pk}/"))
        self.assertIn("Fietsen naar Steenwijk", dutch_form.main.get_text())
        german = next(
            link["href"] for link in dutch_form.select(".language-switcher a[hreflang=de]")
        )
        response = self.client.get(german, follow=True)
        self.assertEqual(response.redirect_chain[-1][0], f"/de/report/{self.radeln.pk}/")
        page = soup(response)
        self.assertIn("Radeln nach Steenwijk", page.main.get_text())
        self.assertNotIn("Fietsen naar Steenwijk", page.main.get_text())
        cancel = page.select_one("form .actions a")
        self.assertEqual(cancel["href"], self.radeln.url)

    def test_a_report_sent_to_either_address_counts_for_the_story(self):
        response = self.client.post(
            f"/de/report/{self.dutch_version.pk}/", {"reason": "spam", "message": ""}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Report.objects.filter(page=self.dutch_version).count(), 1)


class AdminConfirmationsQuoteAsTheSiteTests(ReportBeforeAModeratorTestCase):
    """Wagtail's "Melding 'Fietsen …' bijgewerkt." quoted with typewriter quotes beside the
    site's „…” (W4)."""

    def test_wagtails_confirmations_of_a_page_quote_its_title_so_too(self):
        for language, quoted in (("nl", "„Fietsen”"), ("de", "„Fietsen“")):
            with translation.override(language):
                for message in (
                    "Page '%(page_title)s' has been published.",
                    "Page '%(page_title)s' has been updated.",
                    "Page '%(page_title)s' unpublished.",
                ):
                    self.assertIn(quoted, gettext(message) % {"page_title": "Fietsen"})

    def test_the_handled_report_is_confirmed_with_the_languages_quotes(self):
        for language, opening, closing in (("nl", "„", "”"), ("de", "„", "“")):
            with self.subTest(language=language):
                profile = UserProfile.get_for_user(self.moderator)
                profile.preferred_language = language
                profile.save()
                self.decide(handled="on")
                messages = soup(self.client.get("/admin/reports/")).select(".messages li")
                said = " ".join(message.get_text(" ", strip=True) for message in messages)
                self.assertIn(f"{opening}{self.filed}{closing}", said)
                self.assertNotIn("'", said)


class TranslationsReportInOrderTests(RolesTestCase):
    """wagtail-localize's translations report paginated a list without an order (Django warned
    in the server's log, W9): a page of it could show a translation twice and another never."""

    def test_the_report_lists_the_newest_translation_first(self):
        translations = []
        for page in (self.climate, self.story(title="Fietsen", slug="fietsen")):
            source, _created = TranslationSource.get_or_create_from_instance(page)
            translations.append(
                Translation.objects.create(source=source, target_locale=self.german)
            )
        self.client.force_login(self.editor_nl)
        with warnings.catch_warnings():
            warnings.simplefilter("error", UnorderedObjectListWarning)
            response = self.client.get(reverse("wagtail_localize:translations_report"))
        self.assertEqual(response.status_code, 200)
        listed = [row.get_text(" ", strip=True) for row in soup(response).select("tbody tr")]
        self.assertEqual(len(listed), 2)
        self.assertIn("Fietsen", listed[0])


class TranslationsReportCountTests(RolesTestCase):
    """Its pages counted "52 translations" in both admins (walk 11)."""

    def test_the_report_counts_translations_in_the_editors_language(self):
        for page in (self.climate, self.story(title="Fietsen", slug="fietsen")):
            source, _created = TranslationSource.get_or_create_from_instance(page)
            Translation.objects.create(source=source, target_locale=self.german)
        # One a page, so that the count under the pages' numbers shows with two.
        with mock.patch.object(TranslationsReport, "paginate_by", 1):
            for user, language, count in (
                (self.editor_nl, "nl", "2 vertalingen"),
                (self.editor_de, "de", "2 Übersetzungen"),
            ):
                with self.subTest(language=language):
                    response = self.read_admin(
                        user, language, reverse("wagtail_localize:translations_report")
                    )
                    text = " ".join(soup(response).get_text(" ").split())
                    self.assertIn(count, text)
                    self.assertNotIn("translations", text)


class AdminBreadcrumbsStartAtTheDashboardTests(RolesTestCase):
    """The admin's breadcrumbs began with the English "Home" in both languages (W5); the step
    leads to the dashboard, as the sidebar names it."""

    def test_the_first_step_is_named_as_the_sidebar_names_the_dashboard(self):
        for language in ("nl", "de"):
            with self.subTest(language=language):
                profile = UserProfile.get_for_user(self.moderator)
                profile.preferred_language = language
                profile.save()
                self.client.force_login(self.moderator)
                page = soup(self.client.get("/admin/reports/"))
                first = page.select_one("[data-w-breadcrumbs-target] a, .w-breadcrumbs a")
                self.assertEqual(first["href"], "/admin/")
                with translation.override(language):
                    self.assertEqual(first.get_text(strip=True), gettext("Dashboard"))
                self.assertNotEqual(first.get_text(strip=True), "Home")
