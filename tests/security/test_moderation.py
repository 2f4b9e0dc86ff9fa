"""Moderation cannot be bypassed: what an editor approves is what they reviewed.

A contribution in review is read-only for its author: the edit address explains why and offers
to withdraw it (it becomes a draft again, editable, and can be sent again); an edit sent from a
form opened before is refused and stores nothing. An editor approving a review its member
withdrew meanwhile is refused. The same contribution form sent twice is saved once."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Revision, WorkflowState
from wagtail.users.models import UserProfile

from community.roles import EDITOR_GROUPS, MODERATORS
from community.roles.setup import setup_roles
from exchanges.models import StoryPage
from jumelage.dashboard import ContributionsAwaitingReview
from tests.test_members import MembersTestCase, photo, soup


def revisions_of(page):
    return Revision.objects.for_instance(page).count()


class ModerationTestCase(MembersTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()  # the site's own review workflow (ContributionReviewTask), as in production

    def submitted_story(self):
        self.post_story(self.anna)
        story = self.contribution()
        self.assertEqual(story.current_workflow_state.status, "in_progress")
        return story

    def swapped(self, **overrides):
        """The member's attempt to change the text the editors are reading."""
        return self.story_data(
            title="Koop nu goedkope horloges",
            intro="Klik hier.",
            body="Goedkope horloges op www.example.com.",
            **overrides,
        )

    def edit_url(self, page):
        return f"/nl/members/contributions/{page.pk}/"

    def task_state(self, page):
        return WorkflowState.objects.get(
            object_id=str(page.pk), status="in_progress"
        ).current_task_state


class ReadOnlyInReviewTests(ModerationTestCase):
    def test_contribution_in_review_is_read_only_and_offers_to_withdraw_it(self):
        story = self.submitted_story()
        page = self.client.get(self.edit_url(story))
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "De redactie beoordeelt deze bijdrage")
        self.assertContains(page, "Dag twee was zonnig.")
        form = soup(page).find("form", action=f"/nl/members/contributions/{story.pk}/withdraw/")
        self.assertEqual(form.button.get_text(strip=True), "Terugtrekken om te bewerken")
        self.assertIsNone(soup(page).find("input", attrs={"name": "title"}))
        area = self.client.get("/nl/members/")
        self.assertContains(area, "Terugtrekken om te bewerken")

    def test_member_reads_her_story_in_review_as_it_will_be_published(self):
        self.post_story(
            self.anna,
            towns=[str(self.steenwijkerland.pk), str(self.herzebrock.pk)],
            **{
                "photos-0-image": photo(size=(1600, 1200)),
                "photos-0-alt_text": "Fietsers op de dijk",
                "photos-0-caption": "Onderweg naar Clarholz",
            },
        )
        page = soup(self.client.get(self.edit_url(self.contribution())))
        figure = page.select_one("main .story__image")
        self.assertEqual(figure.img["alt"], "Fietsers op de dijk")
        self.assertGreaterEqual(int(figure.img["width"]), 800)  # the photo, not a thumbnail
        self.assertEqual(figure.figcaption.get_text(), "Onderweg naar Clarholz")
        self.assertEqual(page.select_one("main time")["datetime"], "2026-05-01")
        towns = [li.get_text() for li in page.select("main .story__aside li")]
        self.assertIn("Steenwijkerland", towns)
        self.assertIn("Herzebrock-Clarholz", towns)
        self.assertIn("Dag twee was zonnig.", page.select_one("main .story__layout").get_text())

    def test_an_edit_sent_while_in_review_is_refused_and_stores_nothing(self):
        story = self.submitted_story()
        before = revisions_of(story)
        response = self.client.post(self.edit_url(story), self.swapped(submit="", draft="1"))
        self.assertEqual(response.status_code, 409)
        self.assertContains(response, "Uw wijzigingen zijn niet opgeslagen", status_code=409)
        self.assertEqual(revisions_of(story), before)
        latest = Page.objects.get(pk=story.pk).get_latest_revision_as_object()
        self.assertEqual(latest.title, "Fietsen naar Clarholz")
        self.assertEqual(self.contribution().current_workflow_state.status, "in_progress")

    def test_while_an_editor_keeps_it_locked_the_member_cannot_edit_or_withdraw(self):
        story = self.submitted_story()
        Page.objects.filter(pk=story.pk).update(locked=True, locked_by=self.moderator)
        page = self.client.get(self.edit_url(story))
        self.assertContains(page, "Een redacteur werkt aan deze bijdrage")
        refused = self.client.post(f"/nl/members/contributions/{story.pk}/withdraw/", follow=True)
        self.assertContains(refused, "kan nu niet worden teruggetrokken: een redacteur werkt eraan")
        self.assertEqual(self.contribution().current_workflow_state.status, "in_progress")
        response = self.client.post(self.edit_url(story), self.swapped())
        self.assertEqual(response.status_code, 409)
        self.assertEqual(
            Page.objects.get(pk=story.pk).get_latest_revision_as_object().title,
            "Fietsen naar Clarholz",
        )

    def test_a_comment_of_several_lines_keeps_its_lines_for_the_member(self):
        story = self.submitted_story()
        comment = "Mooi verhaal!\nEen foto graag.\n\nEn noem de fietsclub."
        self.task_state(story).reject(user=self.moderator, comment=comment)
        for address in ("/nl/members/", self.edit_url(story)):
            with self.subTest(address=address):
                shown = soup(self.client.get(address)).select_one(".state__comment")
                self.assertEqual(len(shown.find_all("br")), 3)
                self.assertIn("En noem de fietsclub.", shown.get_text())

    def test_after_changes_were_requested_the_member_edits_and_sends_it_again(self):
        story = self.submitted_story()
        self.task_state(story).reject(user=self.moderator, comment="Een foto graag.")
        # The form says what to change, and that it edits this contribution (the walk found
        # neither: the comment was on the member's page only, the tab said "write a story").
        form = soup(self.client.get(self.edit_url(story)))
        self.assertIn("Een foto graag.", form.select_one(".state__comment").get_text())
        self.assertIn("Fietsen naar Clarholz", form.title.get_text())
        self.assertIn("bewerken", form.title.get_text())
        response = self.edit(story, self.story_data(title="Fietsen, met foto"))
        self.assertRedirects(response, "/nl/members/", fetch_redirect_response=False)
        story = StoryPage.objects.get(pk=story.pk)
        self.assertEqual(story.get_latest_revision_as_object().title, "Fietsen, met foto")
        self.assertEqual(story.current_workflow_state.status, "in_progress")


class WithdrawTests(ModerationTestCase):
    def test_withdrawn_contribution_is_a_draft_again_editable_and_sent_again(self):
        story = self.submitted_story()
        response = self.client.post(f"/nl/members/contributions/{story.pk}/withdraw/")
        self.assertRedirects(response, self.edit_url(story), fetch_redirect_response=False)
        self.assertIsNone(StoryPage.objects.get(pk=story.pk).current_workflow_state)
        self.assertContains(self.client.get("/nl/members/"), "Concept")
        self.assertContains(self.client.get(self.edit_url(story)), 'name="title"')
        self.edit(story, self.story_data(title="Fietsen naar Clarholz 2026"))
        story = StoryPage.objects.get(pk=story.pk)
        self.assertEqual(story.current_workflow_state.status, "in_progress")
        self.assertEqual(
            self.task_state(story).revision.as_object().title, "Fietsen naar Clarholz 2026"
        )

    def test_nobody_else_withdraws_a_members_contribution(self):
        story = self.submitted_story()
        self.client.force_login(self.bernd)
        self.assertEqual(
            self.client.post(f"/nl/members/contributions/{story.pk}/withdraw/").status_code, 404
        )
        self.client.logout()
        self.client.post(f"/nl/members/contributions/{story.pk}/withdraw/")
        self.assertEqual(self.contribution().current_workflow_state.status, "in_progress")

    def test_withdrawing_needs_a_post(self):
        story = self.submitted_story()
        self.assertEqual(
            self.client.get(f"/nl/members/contributions/{story.pk}/withdraw/").status_code, 405
        )
        self.assertEqual(self.contribution().current_workflow_state.status, "in_progress")


class AdminApprovalTests(ModerationTestCase):
    def approve_in_admin(self, story, task_state):
        self.client.force_login(self.moderator)
        return self.client.post(
            f"/admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/", {"comment": ""}
        )

    def test_the_editor_publishes_the_text_they_reviewed_not_a_later_edit(self):
        story = self.submitted_story()
        submitted = self.task_state(story).revision_id
        self.client.force_login(self.moderator)
        review = self.client.get(f"/admin/pages/{story.pk}/edit/")
        self.assertContains(review, "Fietsen naar Clarholz")
        # While the editor reads, the member tries to swap the text.
        self.client.force_login(self.anna)
        before = revisions_of(story)
        self.client.post(self.edit_url(story), self.swapped())
        self.client.post(self.edit_url(story), self.swapped(submit="", draft="1"))
        self.assertEqual(revisions_of(story), before)
        response = self.approve_in_admin(story, self.task_state(story))
        self.assertEqual(response.status_code, 302)
        story = StoryPage.objects.get(pk=story.pk)
        self.assertTrue(story.live)
        self.assertEqual(story.live_revision_id, submitted)
        self.assertEqual(story.title, "Fietsen naar Clarholz")
        public = self.client.get(story.url)
        self.assertContains(public, "Dag twee was zonnig.")
        self.assertNotContains(public, "horloges")

    def test_approving_a_review_the_member_withdrew_is_refused(self):
        story = self.submitted_story()
        task_state = self.task_state(story)
        self.client.post(f"/nl/members/contributions/{story.pk}/withdraw/")
        self.edit(story, self.swapped(submit="", draft="1"))
        self.approve_in_admin(story, task_state)
        self.assertFalse(StoryPage.objects.get(pk=story.pk).live)
        # Also when the editor's request started before the withdrawal went through.
        with self.assertRaises(PermissionDenied):
            task_state.task.specific.on_action(task_state, self.moderator, "approve", comment="")
        story = StoryPage.objects.get(pk=story.pk)
        self.assertFalse(story.live)
        self.assertIsNone(story.first_published_at)


class ReviewCommentTests(ModerationTestCase):
    """The comment of a decision reaches the member: it is checked as their own texts are."""

    def decide(self, story, name, comment):
        self.client.force_login(self.moderator)
        return self.client.post(
            f"/admin/pages/workflow/action/{story.pk}/{name}/{self.task_state(story).pk}/",
            {"comment": comment},
            headers={"x-requested-with": "XMLHttpRequest"},
        )

    def test_a_comment_with_invisible_characters_or_too_long_decides_nothing_and_says_why(self):
        story = self.submitted_story()
        mail.outbox.clear()
        for name in ("decline", "reject", "approve"):  # "reject": Wagtail's request changes
            for comment, error in (
                ("Zie \u202egnilepsjiz\u202c hieronder.", "richting van de tekst"),
                ("Regel\x1b[2J", "onzichtbare stuurtekens"),
                ("x" * 2001, "2000"),
            ):
                with self.subTest(name=name, comment=comment[:20]):
                    with self.captureOnCommitCallbacks(execute=True):
                        answer = self.decide(story, name, comment)
                    self.assertEqual(answer.json()["step"], "action")
                    self.assertIn(error, answer.json()["html"])
                    self.assertEqual(self.task_state(story).status, "in_progress")
        self.assertEqual(mail.outbox, [])
        # Line breaks are what a comment of a few paragraphs is made of.
        answer = self.decide(story, "decline", "Dank u.\r\n\r\nHelaas past dit niet.")
        self.assertEqual(answer.json()["step"], "success")

    def test_a_comment_sent_past_the_dialog_is_checked_too(self):
        # The page editor's workflow action sends its comment as JSON, past the dialog's form.
        story = self.submitted_story()
        task_state = self.task_state(story)
        for comment in ("\u202eevil\x07", "x" * 2001):
            with self.subTest(comment=comment[:10]), self.assertRaises(PermissionDenied):
                task_state.task.specific.on_action(
                    task_state, self.moderator, "reject", comment=comment
                )
        # And so are its other keys: a decision takes a comment, nothing else.
        for extra in ({"foo": 1}, {"comment": "Mooi", "update": False}, {"comment": None}):
            with self.subTest(extra=extra), self.assertRaises(PermissionDenied):
                task_state.task.specific.on_action(task_state, self.moderator, "approve", **extra)
        self.assertEqual(self.task_state(story).status, "in_progress")

    def test_a_decision_on_a_contribution_its_member_deleted_meanwhile_is_refused(self):
        story = self.submitted_story()
        task_state = self.task_state(story)  # as the reviewer's request loaded it
        self.client.force_login(self.anna)
        self.client.post(f"/nl/members/contributions/{story.pk}/delete/")
        self.assertFalse(Page.objects.filter(pk=story.pk).exists())
        with self.assertRaises(PermissionDenied):
            task_state.task.specific.on_action(task_state, self.moderator, "approve", comment="")


class CrossedReviewTests(ModerationTestCase):
    """Wagtail's review views check the user's actions against the page in their address and act
    on the task state in it: a moderator named a member's contribution and an editor's draft's
    task state, and published (or rejected) the editor's draft."""

    def setUp(self):
        super().setUp()
        self.reviewer = get_user_model().objects.create_user(
            "moderatie@example.org", "x", is_staff=True
        )
        self.reviewer.groups.add(Group.objects.get(name=MODERATORS))
        self.contribution_page = self.submitted_story()
        self.members_task = self.task_state(self.contribution_page)
        editor = get_user_model().objects.create_user("redactie@example.org", "x", is_staff=True)
        editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        self.draft = self.story(title="Geheim redactieconcept", slug="concept", live=False)
        self.draft.owner = editor
        self.draft.save()
        self.draft.save_revision(user=editor)
        self.draft.get_workflow().start(self.draft, editor)
        self.editors_task = self.task_state(self.draft)
        self.client.force_login(self.reviewer)

    def action(self, page, name, task_state, **data):
        address = f"/admin/pages/workflow/action/{page.pk}/{name}/{task_state.pk}/"
        return self.client.post(address, {"comment": "", **data}, follow=True)

    def test_a_moderator_cannot_decide_an_editors_draft_through_a_members_contribution(self):
        for name in ("approve", "reject", "decline"):
            with self.subTest(name):
                crossed = self.action(self.contribution_page, name, self.editors_task)
                self.assertEqual(crossed.status_code, 404)
                draft = StoryPage.objects.get(pk=self.draft.pk)
                self.assertFalse(draft.live)
                self.assertIsNone(draft.declined_at)
                self.assertEqual(draft.current_workflow_state.status, "in_progress")
        # Nor through the task itself, whatever view calls it.
        task = self.editors_task.task.specific
        with self.assertRaises(PermissionDenied):
            task.on_action(self.editors_task, self.reviewer, "approve", comment="")
        self.assertFalse(StoryPage.objects.get(pk=self.draft.pk).live)
        # The member's contribution, and their own task state, stay the moderator's to decide.
        self.assertEqual(
            self.action(self.contribution_page, "approve", self.members_task).status_code, 200
        )
        self.assertTrue(StoryPage.objects.get(pk=self.contribution_page.pk).live)

    def test_review_addresses_name_no_page_the_moderator_may_not_review(self):
        task = self.editors_task.task_id
        for address in (
            f"/admin/pages/workflow/preview/{self.draft.pk}/{task}/",
            f"/admin/pages/workflow/action/{self.draft.pk}/approve/{self.editors_task.pk}/",
            f"/admin/pages/workflow/collect_action_data/{self.draft.pk}/reject/"
            f"{self.editors_task.pk}/",
            # A page in no review at all: Wagtail's refusal named its (draft) title.
            f"/admin/pages/workflow/preview/{self.story_index.pk}/{task}/",
            f"/admin/pages/workflow/action/{self.story_index.pk}/approve/1/",
        ):
            with self.subTest(address):
                answer = self.client.get(address, follow=True)
                self.assertEqual(answer.status_code, 404)
                self.assertNotContains(answer, "Geheim redactieconcept", status_code=404)
        preview = f"/admin/pages/workflow/preview/{self.contribution_page.pk}/{task}/"
        self.assertContains(self.client.get(preview), "Fietsen naar Clarholz")


class OwnReviewTests(ModerationTestCase):
    def test_a_moderator_does_not_approve_their_own_story_another_reviewer_does(self):
        moderator = get_user_model().objects.create_user(
            "moderatie@example.org", "x", is_staff=True, display_name="Mo"
        )
        moderator.groups.add(Group.objects.get(name=MODERATORS))
        self.post_story(moderator)
        story = self.contribution()
        task_state = self.task_state(story)
        self.client.force_login(moderator)
        address = f"/admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/"
        # Their dashboard lists it among their own pages in review, with nothing to decide.
        self.assertNotContains(self.client.get("/admin/"), address)
        self.assertEqual(self.client.post(address, {"comment": ""}, follow=True).status_code, 404)
        self.assertFalse(StoryPage.objects.get(pk=story.pk).live)
        other = get_user_model().objects.create_user("tweede@example.org", "x", is_staff=True)
        other.groups.add(Group.objects.get(name=MODERATORS))
        self.client.force_login(other)
        self.assertContains(self.client.get("/admin/"), address)
        self.client.post(address, {"comment": ""})
        self.assertTrue(StoryPage.objects.get(pk=story.pk).live)


class ReviewEmailTests(ModerationTestCase):
    def reviewers(self):
        reviewers = {}
        for email, groups in (
            ("moderatie@example.org", [MODERATORS]),
            ("redactie@example.org", [MODERATORS, EDITOR_GROUPS[0]]),
        ):
            reviewers[email] = get_user_model().objects.create_user(
                email, "x", is_staff=True, language="nl"
            )
            reviewers[email].groups.add(*Group.objects.filter(name__in=groups))
        return reviewers

    def test_the_submission_email_links_only_to_what_opens_for_its_reader(self):
        # Found by the newcomer's walk: the moderator's email said "you can edit the page here",
        # an address that refused them.
        reviewers = self.reviewers()
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            story = self.submitted_story()
        sent = {message.to[0]: message for message in mail.outbox}
        preview = f"/admin/pages/workflow/preview/{story.pk}/"
        for email, reviewer in reviewers.items():
            with self.subTest(email):
                message = sent[email]
                self.assertIn(preview, message.body)
                self.assertIn("Fietsen naar Clarholz", message.body)
                self.client.force_login(reviewer)
                for url in re.findall(r"http://testserver(/admin/\S*)", message.body):
                    self.assertEqual(self.client.get(url).status_code, 200, url)

    def editors_page_in_review(self):
        """An administrator's story sent to review, with the emails of that alone to read."""
        author = get_user_model().objects.create_superuser("beheer@example.org", "x")
        page = self.story(title="Jaarverslag", owner=author)
        page.save_revision(user=author)
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            page.get_workflow().start(page, author)
        return page

    def test_an_editors_page_offers_the_editor_to_who_may_edit_it(self):
        self.reviewers()
        page = self.editors_page_in_review()
        sent = {message.to[0]: message for message in mail.outbox}
        # Moderators review members' contributions only: an editors' page is not theirs to hear of.
        self.assertNotIn("moderatie@example.org", sent)
        message = sent["redactie@example.org"]
        self.assertIn(f"/admin/pages/workflow/preview/{page.pk}/", message.body)
        self.assertIn(f"/admin/pages/{page.pk}/edit/", message.body)
        self.assertIn("Jaarverslag", message.body)

    def test_a_german_reviewer_reads_one_word_for_the_review_stage(self):
        # Found by the newcomer's walk: "Moderationsphase" in the subject, "Prüfstufe" below.
        reviewer = get_user_model().objects.create_user(
            "moderation@example.org", "x", is_staff=True, language="de"
        )
        reviewer.groups.add(Group.objects.get(name=EDITOR_GROUPS[1]))
        profile = UserProfile.get_for_user(reviewer)
        profile.preferred_language = "de"
        profile.save()
        self.editors_page_in_review()
        [message] = [message for message in mail.outbox if message.to == [reviewer.email]]
        texts = [message.subject, message.body, *(part for part, _ in message.alternatives)]
        for text in texts:
            self.assertIn("Prüfstufe", text)
            self.assertNotIn("Moderationsphase", text)


class DoubleSubmissionTests(ModerationTestCase):
    def token(self, url):
        self.client.force_login(self.anna)
        field = soup(self.client.get(url)).find("input", attrs={"name": "submission"})
        self.assertRegex(field["value"], re.compile(r"^[0-9a-f-]{36}$"))
        return field["value"]

    def test_the_same_story_form_sent_twice_creates_one_contribution(self):
        data = self.story_data(submission=self.token("/nl/members/stories/new/"))
        first = self.client.post("/nl/members/stories/new/", data)
        second = self.client.post("/nl/members/stories/new/", data)
        self.assertRedirects(first, "/nl/members/", fetch_redirect_response=False)
        self.assertRedirects(second, "/nl/members/", fetch_redirect_response=False)
        self.assertEqual(StoryPage.objects.filter(owner=self.anna, alias_of=None).count(), 1)
        self.assertEqual(WorkflowState.objects.filter(requested_by=self.anna).count(), 1)
        self.assertContains(self.client.get("/nl/members/"), "Dit formulier was al verstuurd")

    def test_two_new_forms_make_two_contributions(self):
        for title in ("Eerste verhaal", "Tweede verhaal"):
            token = self.token("/nl/members/stories/new/")
            self.client.post(
                "/nl/members/stories/new/", self.story_data(title=title, submission=token)
            )
        self.assertEqual(StoryPage.objects.filter(owner=self.anna, alias_of=None).count(), 2)

    def test_a_form_sent_back_with_errors_keeps_its_token(self):
        token = self.token("/nl/members/stories/new/")
        response = self.client.post(
            "/nl/members/stories/new/", self.story_data(title="", submission=token)
        )
        self.assertContains(response, f'value="{token}"')
        self.client.post("/nl/members/stories/new/", self.story_data(submission=token))
        self.client.post("/nl/members/stories/new/", self.story_data(submission=token))
        self.assertEqual(StoryPage.objects.filter(owner=self.anna, alias_of=None).count(), 1)

    def test_one_members_token_does_not_block_another_member(self):
        token = self.token("/nl/members/stories/new/")
        self.client.post("/nl/members/stories/new/", self.story_data(submission=token))
        self.client.force_login(self.bernd)
        self.client.post(
            "/nl/members/stories/new/", self.story_data(title="Radtour", submission=token)
        )
        self.assertEqual(StoryPage.objects.filter(owner=self.bernd, alias_of=None).count(), 1)


class DashboardReviewPanelTests(ModerationTestCase):
    """The dashboard lists what an approval would publish, not the title the page had before."""

    def review_panel(self):
        self.client.force_login(self.moderator)
        dashboard = soup(self.client.get("/admin/"))
        heading = dashboard.find(id="jumelage-review-heading")
        return heading.find_parent("section").get_text(" ", strip=True)

    def test_the_panel_shows_the_title_sent_again_after_a_withdrawal(self):
        story = self.submitted_story()
        self.client.post(f"/nl/members/contributions/{story.pk}/withdraw/")
        self.edit(story, self.story_data(title="EVIL TITLE"))
        self.assertEqual(self.task_state(story).revision.as_object().title, "EVIL TITLE")
        panel = self.review_panel()
        self.assertIn("EVIL TITLE", panel)
        self.assertNotIn("Fietsen naar Clarholz", panel)

    def panel_queries(self):
        request = RequestFactory().get("/admin/")
        request.user = self.moderator
        with CaptureQueriesContext(connection) as queries:
            ContributionsAwaitingReview().render_html({"request": request})
        return len(queries)

    def test_the_panel_reads_the_same_number_of_queries_for_one_or_five_contributions(self):
        self.submitted_story()
        self.panel_queries()  # content types, cached from then on
        one = self.panel_queries()
        for number in range(2, 6):
            self.post_story(self.anna, title=f"Verhaal {number}")
        self.client.force_login(self.moderator)
        self.assertEqual(len(re.findall(r"Verhaal [2-5]\b", self.review_panel())), 4)
        self.assertEqual(self.panel_queries(), one)
