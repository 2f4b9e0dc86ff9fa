"""What a reviewer is answered around a review: the approval's confirmation publishes what it
showed, a contribution its member withdrew is said to be withdrawn, and the page about a
decided review tells nobody which page ids exist."""

import re
import threading
import unittest

from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test import Client, TransactionTestCase
from django.utils import translation
from django.utils.translation import gettext, pgettext
from wagtail.models import Page

from community.contributions import withdraw_from_review
from community.privacy import delete_account
from community.roles import EDITOR_GROUPS, MODERATORS
from community.roles.setup import setup_roles
from exchanges.models import StoryPage
from tests.calendar_base import CalendarMixin
from tests.test_contribution_races import in_thread, waiting_for_locks
from tests.test_review_panel import submitted_contribution
from tests.test_roles import RolesTestCase

User = get_user_model()


def confirmation_form(client, page, state):
    response = client.get(f"/admin/pages/workflow/approve/{page.pk}/{state.pk}/")
    form = BeautifulSoup(response.content, "html.parser").select_one(
        "[data-confirm-approval] form[method=post]"
    )
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    return form["action"], data


class ApprovalPublishesWhatItShowedTests(RolesTestCase):
    """The confirmation showed a version; an editor saved another before the moderator clicked
    "approve", and that one was published, unseen (attack 25, F4)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, cls.member)

    def saved_by_an_editor(self):
        """An editor saves a version of the contribution in review (an editor may, a member may
        not): approving publishes it, the reviewers' preview shows what was sent."""
        draft = self.contribution.get_latest_revision_as_object()
        draft.title = "Door de redactie gewijzigd"
        draft.save_revision(user=self.editor_nl)
        return draft

    def assert_refused_to_the_confirmation(self, response, state, message):
        """Nothing approved; back on the confirmation, which says why and names the version
        saved since. Returns the confirmation's page."""
        self.contribution.refresh_from_db()
        self.assertFalse(self.contribution.live)
        state.refresh_from_db()
        self.assertEqual(state.status, state.STATUS_IN_PROGRESS)
        confirmation = f"/admin/pages/workflow/approve/{self.contribution.pk}/{state.pk}/"
        self.assertEqual(response.redirect_chain[-1][0], confirmation)
        page = BeautifulSoup(response.content, "html.parser")
        with translation.override("nl"):
            refused = gettext(message)
        self.assertIn(refused, page.select_one(".messages").get_text(" ", strip=True))
        self.assertIn("Door de redactie gewijzigd", page.select_one("[data-confirm-approval]").text)
        return page

    def test_a_version_saved_after_the_confirmation_opened_is_not_approved_unseen(self):
        state = self.contribution.current_workflow_task_state
        self.client.force_login(self.moderator)
        action, data = confirmation_form(self.client, self.contribution, state)
        self.saved_by_an_editor()

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(action, data, follow=True)
        page = self.assert_refused_to_the_confirmation(
            response,
            state,
            "Nothing was approved: a new version was saved after you opened the "
            "confirmation. Read again what approving publishes now.",
        )
        with translation.override("nl"):
            saved_since = gettext(
                "A version was saved after it was sent for review: approving publishes that "
                "version, not the one the preview shows."
            )
        self.assertIn(saved_since, page.select_one("[data-saved-since]").get_text(strip=True))

        # The confirmation shown again approves what it shows now.
        action, data = confirmation_form(self.client, self.contribution, state)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(action, data)
        self.contribution.refresh_from_db()
        self.assertTrue(self.contribution.live)
        self.assertEqual(self.contribution.title, "Door de redactie gewijzigd")

    def test_the_confirmation_lets_her_read_the_version_saved_since_before_approving_it(self):
        state = self.contribution.current_workflow_task_state
        sent = self.contribution.latest_revision_id
        draft = self.saved_by_an_editor()
        self.client.force_login(self.moderator)
        response = self.client.get(
            f"/admin/pages/workflow/approve/{self.contribution.pk}/{state.pk}/"
        )
        link = BeautifulSoup(response.content, "html.parser").select_one("[data-saved-since] ~ p a")
        with translation.override("nl"):
            self.assertEqual(link.get_text(strip=True), gettext("Read what approving publishes"))
        preview = self.client.get(link["href"])
        self.assertEqual(preview.status_code, 200)
        self.assertIn("Door de redactie gewijzigd", preview.content.decode())
        # Only the version approving publishes: the one sent, now older, is not found there.
        older = link["href"].replace(f"/preview/{draft.latest_revision_id}/", f"/preview/{sent}/")
        self.assertNotEqual(older, link["href"])
        self.assertEqual(self.client.get(older).status_code, 404)

    def test_approve_with_comment_publishes_no_version_saved_after_its_dialog_opened(self):
        """The dashboard's "Approve with comment" opens Wagtail's dialog and posts it to the same
        workflow action: an editor's save since the dialog opened was published unseen, as the
        confirmation's "approve" did before it pinned its revision (attack 26)."""
        state = self.contribution.current_workflow_task_state
        self.client.force_login(self.moderator)
        panel = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
        action = f"/admin/pages/workflow/action/{self.contribution.pk}/approve/{state.pk}/"
        button = panel.select_one(f'button[data-workflow-action-url="{action}"]')
        self.assertTrue(button.has_attr("data-launch-modal"))  # "Approve with comment"
        # The button opens the dialog its address answers, whose form posts there.
        dialog = self.client.get(action, headers={"x-requested-with": "XMLHttpRequest"}).json()[
            "html"
        ]
        form = BeautifulSoup(dialog, "html.parser").select_one("form")
        data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
        data["comment"] = "Mooi verhaal."
        self.saved_by_an_editor()

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                form.get("action") or action, data, headers={"x-requested-with": "XMLHttpRequest"}
            )
        self.contribution.refresh_from_db()
        self.assertNotEqual(
            (self.contribution.live, self.contribution.title), (True, "Door de redactie gewijzigd")
        )

    def test_approve_with_comment_leads_to_the_confirmation_of_the_version_saved_since(self):
        state = self.contribution.current_workflow_task_state
        self.saved_by_an_editor()
        self.client.force_login(self.moderator)
        action = f"/admin/pages/workflow/action/{self.contribution.pk}/approve/{state.pk}/"

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(action, {"comment": "Mooi verhaal."}, follow=True)
        page = self.assert_refused_to_the_confirmation(
            response,
            state,
            "Nothing was approved: a new version was saved after the page was sent for "
            "review. Read what approving publishes now.",
        )
        link = page.select_one("[data-saved-since] ~ p a")
        self.assertIn(f"/preview/{self.contribution.latest_revision_id}/", link["href"])

    def test_approve_with_comment_of_what_was_sent_approves_it(self):
        state = self.contribution.current_workflow_task_state
        self.client.force_login(self.moderator)
        action = f"/admin/pages/workflow/action/{self.contribution.pk}/approve/{state.pk}/"
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(action, {"comment": "Mooi verhaal."})
        self.contribution.refresh_from_db()
        self.assertTrue(self.contribution.live)
        state.refresh_from_db()
        self.assertEqual(state.status, state.STATUS_APPROVED)
        self.assertEqual(state.comment, "Mooi verhaal.")

    def test_a_revision_of_another_page_approves_nothing(self):
        state = self.contribution.current_workflow_task_state
        other = self.story(title="Ander verhaal", slug="ander-verhaal", live=False)
        other.save_revision(user=self.editor_nl)
        self.client.force_login(self.moderator)
        action, data = confirmation_form(self.client, self.contribution, state)
        data["revision"] = str(other.latest_revision_id)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(action, data)
        self.contribution.refresh_from_db()
        self.assertFalse(self.contribution.live)
        state.refresh_from_db()
        self.assertEqual(state.status, state.STATUS_IN_PROGRESS)

    def test_unchanged_it_approves_at_once(self):
        state = self.contribution.current_workflow_task_state
        self.client.force_login(self.moderator)
        action, data = confirmation_form(self.client, self.contribution, state)
        self.assertEqual(data["revision"], str(self.contribution.latest_revision_id))
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(action, data)
        self.contribution.refresh_from_db()
        self.assertTrue(self.contribution.live)


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class ApprovalWhileAnEditorSavesTests(CalendarMixin, TransactionTestCase):
    """An editor's save under way (its revision made, the page's row not yet committed) when the
    moderator approves: the approval waits for it and then refuses what it did not show, rather
    than comparing with the revision before it and publishing hers."""

    def setUp(self):
        # A TransactionTestCase empties every table after each test, the permissions too.
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        self.build_calendar()
        setup_roles()
        self.moderator = User.objects.create_user("moderator@example.org", "x")
        self.moderator.groups.add(Group.objects.get(name=MODERATORS))
        self.editor = User.objects.create_user("redactie@example.org", "x")
        self.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        self.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        self.contribution = submitted_contribution(self, self.member)

    def test_the_approval_waits_for_the_save_and_publishes_nothing_unseen(self):
        self.approve_while_an_editor_saves(
            lambda moderator, state: confirmation_form(moderator, self.contribution, state)
        )

    def test_approve_with_comment_waits_for_the_save_and_publishes_nothing_unseen(self):
        # Wagtail's "Approve with comment" dialog names no revision: what was sent is compared.
        self.approve_while_an_editor_saves(
            lambda moderator, state: (
                f"/admin/pages/workflow/action/{self.contribution.pk}/approve/{state.pk}/",
                {"comment": "Mooi."},
            )
        )

    def approve_while_an_editor_saves(self, approval):
        """The moderator approves (`approval` gives the address and the form, read before the
        save) while an editor's save is under way: it waits for the save and approves nothing."""
        state = self.contribution.current_workflow_task_state
        moderator = Client()
        moderator.force_login(self.moderator)
        action, data = approval(moderator, state)
        saved, release = threading.Event(), threading.Event()

        def editor_saves():
            with transaction.atomic():
                draft = StoryPage.objects.get(pk=self.contribution.pk)
                draft.title = "Door de redactie gewijzigd"
                draft.save_revision(user=self.editor)
                saved.set()
                release.wait(20)

        saving, _saved = in_thread(editor_saves)
        self.assertTrue(saved.wait(10))
        approving, answers = in_thread(lambda: moderator.post(action, data))
        self.assertTrue(waiting_for_locks(1))
        release.set()
        saving.join()
        approving.join()
        self.assertEqual(answers[0].status_code, 302)
        story = StoryPage.objects.get(pk=self.contribution.pk)
        self.assertFalse(story.live)
        state.refresh_from_db()
        self.assertEqual(state.status, state.STATUS_IN_PROGRESS)


class WithdrawnIsNotDecidedTests(RolesTestCase):
    """The reviewers' email's link, after the member withdrew her contribution, said "Already
    decided": nobody decided."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, cls.member)

    def test_the_link_says_its_author_withdrew_it_and_when(self):
        task_id = self.contribution.current_workflow_task_state.task_id
        with self.captureOnCommitCallbacks(execute=True):
            withdraw_from_review(self.contribution, self.member)
        self.client.force_login(self.moderator)
        response = self.client.get(
            f"/admin/pages/workflow/preview/{self.contribution.pk}/{task_id}/", follow=True
        )
        self.assertEqual(response.status_code, 200)
        page = BeautifulSoup(response.content, "html.parser")
        said = page.select_one("[data-review-decided]").get_text(" ", strip=True)
        with translation.override("nl"):
            self.assertIn(pgettext("review", "Withdrawn"), page.title.get_text())
            self.assertNotIn(gettext("Already decided"), page.title.get_text())
            text = gettext(
                "Its author withdrew “%(title)s” from review on %(date)s: nobody decided."
            )
        self.assertIn(text.split("%(date)s")[0] % {"title": "Bijdrage"}, said)


class DecidedPageTellsNoPageIdsTests(RolesTestCase):
    """The page about a decided review answered "this page no longer exists" for any id no page
    has, and "not found" for a page its reader may not know of: which ids exist could be read
    off the answers."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, cls.member)
        cls.task_id = cls.contribution.current_workflow_task_state.task_id

    def decided(self, page_id):
        # A 404 under /admin/ is the language middleware's redirect to the same address under
        # the language prefix, then the site's 404 page.
        return self.client.get(
            f"/admin/pages/workflow/decided/{page_id}/{self.task_id}/", follow=True
        )

    def body(self, response):
        """The answer, without the address it names (the 404 page's canonical link) and the
        form's token, which differs for every answer."""
        body = response.content.decode().replace(response.request["PATH_INFO"], "…")
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)

    def test_an_id_no_page_has_and_a_page_she_may_not_know_of_answer_alike(self):
        self.client.force_login(self.moderator)
        missing = self.decided(self.about.pk + 1000)
        hidden = self.decided(self.about.pk)
        self.assertNotEqual(missing.status_code, 200)
        self.assertEqual(missing.status_code, hidden.status_code)
        self.assertEqual(self.body(missing), self.body(hidden))

    def test_a_deleted_contribution_she_was_told_of_is_said_to_be_gone(self):
        page_id = self.contribution.pk
        self.contribution.delete()
        self.client.force_login(self.moderator)
        response = self.decided(page_id)
        self.assertEqual(response.status_code, 200)
        with translation.override("nl"):
            gone = gettext(
                "This page no longer exists: it was deleted after you were told of its review."
            )
        self.assertIn(gone, response.content.decode())

    def test_a_contribution_gone_with_its_members_account_is_said_to_be_gone_to_her_reviewer(
        self,
    ):
        # Her account went with the log's only word of who sent it: the moderator the
        # reviewers' email told of it read "not found".
        page_id = self.contribution.pk
        with self.captureOnCommitCallbacks(execute=True):
            delete_account(self.member)
        self.assertFalse(Page.objects.filter(pk=page_id).exists())
        self.client.force_login(self.moderator)
        response = self.decided(page_id)
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"data-review-decided", response.content)
        # Anyone else, as for an id no page had: a member, or another task's review.
        other = User.objects.create_user("ander@example.org", "x", display_name="Ander")
        self.client.force_login(other)
        self.assertEqual(self.body(self.decided(page_id)), self.body(self.decided(page_id + 1000)))
        self.client.force_login(self.moderator)
        elsewhere = self.client.get(
            f"/admin/pages/workflow/decided/{page_id}/{self.task_id + 1000}/", follow=True
        )
        self.assertNotEqual(elsewhere.status_code, 200)

    def test_an_editor_is_told_a_reviewed_page_is_gone_not_of_ids_no_page_had(self):
        page_id = self.contribution.pk
        self.contribution.delete()
        self.client.force_login(self.editor_de)
        self.assertEqual(self.decided(page_id).status_code, 200)
        self.assertNotEqual(self.decided(page_id + 1000).status_code, 200)

    def test_a_deleted_page_never_sent_to_her_answers_as_an_id_no_page_has(self):
        draft = self.story(title="Concept", slug="concept", live=False)
        draft.owner, draft.member_contribution = self.member, True
        draft.save()
        draft_id = draft.pk
        draft.delete()
        self.client.force_login(self.moderator)
        missing = self.decided(draft_id + 1000)
        deleted = self.decided(draft_id)
        self.assertEqual(missing.status_code, deleted.status_code)
        self.assertEqual(self.body(missing), self.body(deleted))


class DecisionsNameAContributionTests(RolesTestCase):
    """The message after a decision on a member's contribution said "pagina"/"Seite", where the
    site calls it "bijdrage"/"Beitrag"."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, cls.member)

    def said(self, response):
        page = BeautifulSoup(response.content, "html.parser")
        return page.select_one(".messages").get_text(" ", strip=True)

    def test_approving_says_the_contribution_was_approved(self):
        state = self.contribution.current_workflow_task_state
        self.client.force_login(self.moderator)
        action, data = confirmation_form(self.client, self.contribution, state)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(action, data, follow=True)
        with translation.override("nl"):
            said = gettext("The contribution “%(title)s” has been approved.")
            page = gettext("The page “%(title)s” has been approved.")
        self.assertIn(said % {"title": "Bijdrage"}, self.said(response))
        self.assertNotIn(page % {"title": "Bijdrage"}, self.said(response))

    def test_requesting_changes_says_changes_to_the_contribution_were_requested(self):
        state = self.contribution.current_workflow_task_state
        self.client.force_login(self.moderator)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                f"/admin/pages/workflow/action/{self.contribution.pk}/reject/{state.pk}/",
                {"comment": "Een foto graag.", "next": "/admin/"},
                follow=True,
            )
        with translation.override("nl"):
            said = gettext("Changes to the contribution “%(title)s” have been requested.")
        self.assertIn(said % {"title": "Bijdrage"}, self.said(response))


class DecidedPageNamesNoEditorsAddressTests(RolesTestCase):
    """A moderator reads who decided a contribution on the page about a decided review: an
    editor who left her name empty (the account page allows it) was named by her email address,
    which moderators may not see of staff (DESIGN.md's roles; attack 26)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, cls.member)

    def test_an_editor_without_a_name_is_not_named_by_her_address(self):
        state = self.contribution.current_workflow_task_state
        self.assertEqual(self.editor_nl.get_full_name(), "")
        self.client.force_login(self.editor_nl)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                f"/admin/pages/workflow/action/{self.contribution.pk}/reject/{state.pk}/",
                {"comment": "Graag een datum."},
            )
        state.refresh_from_db()
        self.assertEqual(state.status, state.STATUS_REJECTED)

        self.client.force_login(self.moderator)
        response = self.client.get(
            f"/admin/pages/workflow/decided/{self.contribution.pk}/{state.task_id}/"
        )
        self.assertEqual(response.status_code, 200)
        said = BeautifulSoup(response.content, "html.parser").select_one("[data-review-decided]")
        self.assertIn("Bijdrage", said.get_text())
        self.assertNotIn(self.editor_nl.email, said.get_text())
