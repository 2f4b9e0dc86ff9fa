"""The dashboard's list of contributions awaiting review says what each is (a story, a meeting)
and leads to the decision, and the preview of a contribution under review is not the public page
(no report form, no share links)."""

import json

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, TaskState
from wagtail.users.models import UserProfile

from community import roles
from community.factories import TownFactory
from tests.calendar_base import local, year_like
from tests.test_roles import RolesTestCase, form_data

User = get_user_model()


def sent_for_review(contribution, member):
    """`contribution` (a story or meeting) made `member`'s draft and sent for review."""
    contribution.live = False
    contribution.owner, contribution.member_contribution = member, True
    contribution.save()
    contribution.save_revision(user=member)
    contribution.get_workflow().start(contribution, member)
    return contribution


def submitted_contribution(site, member):
    """A story `member` wrote and sent for review."""
    return sent_for_review(site.story(title="Bijdrage", slug="bijdrage", live=False), member)


def reviewers_in_their_languages(site):
    """The moderator, who reads the admin in Dutch, and the German editor, in German."""
    profile = UserProfile.get_for_user(site.editor_de)
    profile.preferred_language = "de"
    profile.save()
    return ((site.moderator, "nl"), (site.editor_de, "de"))


def editors_story_in_review(site):
    """An editor's own story, sent for review rather than published."""
    story = site.story(title="Verslag van de redactie", slug="verslag", live=False)
    story.owner = site.editor_de
    story.save()
    story.save_revision(user=site.editor_de)
    story.get_workflow().start(story, site.editor_de)
    return story


class ReviewFromTheDashboardTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user(
            "lid@example.org", "x", display_name="Lid", town=cls.herzebrock
        )
        cls.contribution = submitted_contribution(cls, cls.member)

    def test_each_contribution_offers_approve_and_request_changes_in_our_panel(self):
        state = self.contribution.current_workflow_state.current_task_state
        self.client.force_login(self.moderator)
        page = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
        panel = page.find(id="jumelage-review-heading").find_parent("section")
        buttons = {
            button["data-workflow-action-url"]: button
            for button in panel.select("button[data-workflow-action-url]")
        }
        base = f"/admin/pages/workflow/action/{self.contribution.pk}"
        changes = buttons[f"{base}/reject/{state.pk}/"]
        self.assertTrue(changes.has_attr("data-launch-modal"))
        self.assertEqual(changes.find_parent(attrs={"role": "group"})["aria-label"], "Bijdrage")
        # "Approve" asks first (tests/test_moderator_walk.py); the address it confirms does what
        # it says.
        self.assertTrue(buttons[f"{base}/approve/{state.pk}/"].has_attr("data-launch-modal"))
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"{base}/approve/{state.pk}/", {"next": "/admin/"})
        self.contribution.refresh_from_db()
        self.assertTrue(self.contribution.live)

    def test_the_panel_says_whether_each_contribution_is_a_story_or_a_meeting(self):
        meeting = self.meeting(local(2030, 3, 20, 19), title="Voorstel", slug="voorstel")
        sent_for_review(meeting, self.member)
        for user, language in reviewers_in_their_languages(self):
            with self.subTest(language=language):
                self.client.force_login(user)
                page = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
                panel = page.find(id="jumelage-review-heading").find_parent("section")
                table = panel.find("table")
                headings = [th.get_text(strip=True) for th in table.select("thead th")]
                with translation.override(language):
                    kind = headings.index(gettext("Kind"))
                    rows = {
                        row.select("td")[0].get_text(strip=True): row.select("td")[kind].get_text(
                            strip=True
                        )
                        for row in table.select("tbody tr")
                    }
                    self.assertEqual(
                        rows,
                        {
                            "Bijdrage": gettext("story").capitalize(),
                            "Voorstel": gettext("meeting").capitalize(),
                        },
                    )

    def test_the_panel_names_the_meetings_town_and_the_members_town_apart(self):
        # Its one "Town" column showed the member's town: a German member's proposal of a
        # meeting in Steenwijkerland read "Herzebrock-Clarholz" (dashboard walk).
        proposal = self.meeting(
            local(2030, 3, 20, 19), title="Voorstel", slug="voorstel", town=self.steenwijkerland
        )
        sent_for_review(proposal, self.member)
        self.client.force_login(self.moderator)
        page = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
        table = page.find(id="jumelage-review-heading").find_parent("section").find("table")
        headings = [th.get_text(strip=True) for th in table.select("thead th")]
        rows = {
            row.select("td")[0].get_text(strip=True): dict(
                zip(headings, [td.get_text(strip=True) for td in row.select("td")], strict=True)
            )
            for row in table.select("tbody tr")
        }
        with translation.override("nl"):
            town, member = gettext("Where"), gettext("Member (town)")
        self.assertEqual(rows["Voorstel"][town], "Steenwijkerland")
        self.assertEqual(rows["Voorstel"][member], "Lid (Herzebrock-Clarholz)")
        # A story: the towns involved it names.
        self.assertEqual(rows["Bijdrage"][town], "Steenwijkerland")
        # On a phone, where the head is out of sight, each value says what it is.
        for row in table.select("tbody tr"):
            labels = [td.get("data-label") for td in row.select("td")[1:-1]]
            self.assertEqual(labels, headings[1:-1])

    def test_the_panel_names_the_towns_in_the_reviewers_admin_language(self):
        # A German editor read the meeting's town and the member's town in Dutch, the site's
        # default language ("Keulen", not "Köln").
        keulen = TownFactory(name="Keulen", slug="koeln", country="DE")
        koeln = keulen.copy_for_translation(self.german)
        koeln.name = "Köln"
        koeln.save()
        member = User.objects.create_user("gast@example.org", "x", display_name="Gast", town=keulen)
        sent_for_review(
            self.meeting(local(2030, 3, 20, 19), title="Voorstel", slug="voorstel", town=keulen),
            member,
        )
        for user, language in reviewers_in_their_languages(self):
            with self.subTest(language=language):
                self.client.force_login(user)
                page = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
                table = page.find(id="jumelage-review-heading").find_parent("section")
                row = next(
                    row
                    for row in table.find("table").select("tbody tr")
                    if row.select("td")[0].get_text(strip=True) == "Voorstel"
                )
                cells = {td.get("data-label"): td.get_text(strip=True) for td in row.select("td")}
                name = {"nl": "Keulen", "de": "Köln"}[language]
                with translation.override(language):
                    self.assertEqual(cells[gettext("Where")], name)
                    self.assertEqual(cells[gettext("Member (town)")], f"Gast ({name})")

    def test_an_online_meeting_and_a_member_from_elsewhere_are_named_not_left_as_a_dash(self):
        # An online meeting's town read "–", and a member without a town in her profile
        # (elsewhere, or not said) read as a name without a town.
        elsewhere = User.objects.create_user("elders@example.org", "x", display_name="Ilse")
        meeting = self.online_meeting(local(2030, 3, 20, 19), title="Online", slug="online")
        sent_for_review(meeting, elsewhere)
        for user, language in reviewers_in_their_languages(self):
            with self.subTest(language=language):
                self.client.force_login(user)
                page = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
                table = page.find(id="jumelage-review-heading").find_parent("section")
                row = next(
                    row
                    for row in table.find("table").select("tbody tr")
                    if row.select("td")[0].get_text(strip=True) == "Online"
                )
                with translation.override(language):
                    cells = {
                        td.get("data-label"): td.get_text(strip=True) for td in row.select("td")
                    }
                    self.assertEqual(cells[gettext("Where")], gettext("Online"))
                    self.assertEqual(
                        cells[gettext("Member (town)")],
                        f"Ilse ({gettext('Elsewhere or not said')})",
                    )

    def test_a_meeting_in_person_without_a_town_is_not_said_to_be_elsewhere(self):
        # Its member left the optional town blank; the panel said "Waar: Elders" (walk 14).
        meeting = self.meeting(local(2030, 3, 20, 19), title="Zonder", slug="zonder", town=None)
        sent_for_review(meeting, self.member)
        self.client.force_login(self.moderator)
        page = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
        table = page.find(id="jumelage-review-heading").find_parent("section")
        row = next(
            row
            for row in table.find("table").select("tbody tr")
            if row.select("td")[0].get_text(strip=True) == "Zonder"
        )
        cells = {td.get("data-label"): td.get_text(strip=True) for td in row.select("td")}
        with translation.override("nl"):
            self.assertEqual(cells[gettext("Where")], "–")

    def test_the_comment_dialogs_say_that_the_member_reads_the_comment(self):
        state = self.contribution.current_workflow_state.current_task_state
        base = f"/admin/pages/workflow/action/{self.contribution.pk}"
        self.client.force_login(self.moderator)
        with translation.override("nl"):
            reads = gettext("%(name)s reads this comment, in the email about your decision.")
        for action in ("reject", "decline"):
            with self.subTest(action=action):
                dialog = self.client.get(f"{base}/{action}/{state.pk}/")
                self.assertIn(reads % {"name": "Lid"}, json.loads(dialog.content)["html"])

    def test_the_review_buttons_speak_one_way_in_each_language(self):
        """Verbs throughout, "freigeben" throughout in German (Wagtail's catalogues mix them)."""
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "de"
        profile.save()
        for user, expected in (
            (self.moderator, ["Wijzigingen vragen", "Goedkeuren", "Goedkeuren met opmerking"]),
            (self.editor_de, ["Änderungen anfordern", "Freigeben", "Mit Kommentar freigeben"]),
        ):
            with self.subTest(user=user.email):
                self.client.force_login(user)
                page = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
                panel = page.find(id="jumelage-review-heading").find_parent("section")
                buttons = [
                    button.get_text(strip=True) for button in panel.select("[role=group] > *")
                ]
                self.assertEqual(buttons[:3], expected)

    def test_the_preview_of_a_contribution_offers_no_report_form_or_share_links(self):
        task = self.contribution.current_workflow_state.current_task_state.task
        self.client.force_login(self.moderator)
        preview = self.client.get(
            f"/admin/pages/workflow/preview/{self.contribution.pk}/{task.pk}/"
        )
        self.assertContains(preview, "Bijdrage")
        self.assertNotContains(preview, "/report/")
        self.assertNotContains(preview, 'class="share"')
        self.assertNotContains(preview, "wa.me")

    def test_the_preview_of_a_meeting_says_it_is_a_preview_and_offers_no_registration(self):
        # It showed the live page's "Register" (posting it ended on the public 404 and the
        # moderator lost the review) and calendar links to an address that does not exist.
        # Both still to come: the live one offers its registration.
        year = year_like(2030)
        proposal = self.meeting(
            local(year, 3, 20, 19), title="Voorstel", slug="voorstel", capacity=20
        )
        sent_for_review(proposal, self.member)
        published = self.meeting(local(year, 3, 21, 19), title="Gepubliceerd", slug="gepubliceerd")
        task = proposal.current_workflow_state.current_task_state.task
        self.client.force_login(self.moderator)
        response = self.client.get(f"/admin/pages/workflow/preview/{proposal.pk}/{task.pk}/")
        preview = BeautifulSoup(response.content, "html.parser")
        with translation.override(preview.html["lang"]):
            banner = gettext("Preview: this page has not been published yet.")
        self.assertEqual(preview.select_one(".preview-notice").get_text(strip=True), banner)
        self.assertIn("Voorstel", preview.h1.get_text())
        self.assertEqual(preview.select("form[action*='register']"), [])
        self.assertEqual(preview.select(f"a[href*='{proposal.pk}'][href$='.ics']"), [])
        self.assertEqual(preview.select("a[href*='calendar.google'], a[href*='outlook']"), [])
        self.assertEqual(preview.select("link[type='text/calendar'][href*='/meeting']"), [])
        # The live page, to the same moderator, is as it was.
        live = BeautifulSoup(self.client.get(published.url).content, "html.parser")
        self.assertIsNone(live.select_one(".preview-notice"))
        self.assertEqual(len(live.select("form[action*='register'] button")), 1)
        self.assertTrue(live.select("a[href$='.ics']"))

    def test_the_admin_names_the_member_by_their_name_not_their_email(self):
        for user in (self.moderator, self.editor_nl):
            with self.subTest(user=user):
                self.client.force_login(user)
                response = self.client.get("/admin/")
                self.assertContains(response, "Lid")
                self.assertNotContains(response, "lid@example.org")


class OneListOfReviewsOnTheDashboardTests(RolesTestCase):
    """The dashboard lists what awaits review once, in our panel: Wagtail's "Awaiting your
    review" listed every contribution again (in informal Dutch); what only it listed, other
    pages whose review waits for the user, is listed below the contributions."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, member)
        cls.editors_story = editors_story_in_review(cls)

    def dashboard(self, user):
        self.client.force_login(user)
        return BeautifulSoup(self.client.get("/admin/").content, "html.parser")

    def rows_naming(self, dashboard, title):
        return [row for row in dashboard.select("tr") if row.find("a", string=title)]

    def test_each_page_awaiting_review_is_listed_once_in_formal_dutch(self):
        for user in (self.moderator, self.editor_nl):
            with self.subTest(user=user.email):
                dashboard = self.dashboard(user)
                self.assertEqual(len(self.rows_naming(dashboard, "Bijdrage")), 1)
                text = dashboard.select_one("main").get_text(" ", strip=True)
                self.assertNotIn("jouw", text)

    def test_an_editors_page_in_review_is_listed_below_the_contributions(self):
        dashboard = self.dashboard(self.editor_nl)
        panel = dashboard.find(id="jumelage-review-heading").find_parent("section")
        heading = panel.find(id="jumelage-other-reviews-heading")
        self.assertEqual(heading.get_text(strip=True), "1 andere pagina wacht op uw beoordeling")
        [row] = self.rows_naming(panel, "Verslag van de redactie")
        cells = [cell.get_text(" ", strip=True) for cell in row.select("td")][:4]
        task = self.editors_story.current_workflow_state.current_task_state
        with translation.override("nl"):
            task_name = str(task.task.specific.name)
        self.assertEqual(
            cells, ["Verslag van de redactie", task_name, "redaktion@example.org", "Nederlands"]
        )
        approve = row.find("a", string="Goedkeuren")
        confirm = f"/admin/pages/workflow/approve/{self.editors_story.pk}/{task.pk}/"
        self.assertEqual(approve["href"], confirm)
        address = f"/admin/pages/workflow/action/{self.editors_story.pk}/approve/{task.pk}/"
        confirmation = BeautifulSoup(self.client.get(confirm).content, "html.parser")
        self.assertEqual(confirmation.select_one("[data-confirm-approval] form")["action"], address)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(address, {"next": "/admin/"})
        self.assertTrue(Page.objects.get(pk=self.editors_story.pk).live)
        self.assertEqual(self.rows_naming(self.dashboard(self.editor_nl), "Verslag"), [])

    def test_an_editors_page_cannot_be_rejected_as_a_contribution(self):
        # "Reject" is the members' contributions' final "no" (the member is told why): an
        # editor's own page is approved or sent back for changes, and a rejection sent anyway
        # is refused.
        dashboard = self.dashboard(self.editor_nl)
        [row] = self.rows_naming(dashboard, "Verslag van de redactie")
        self.assertIsNotNone(row.find("a", string="Goedkeuren"))
        self.assertIsNone(row.find("button", string="Afwijzen"))
        task = self.editors_story.current_workflow_state.current_task_state
        address = f"/admin/pages/workflow/action/{self.editors_story.pk}/decline/{task.pk}/"
        self.client.post(address, {"next": "/admin/"})
        task.refresh_from_db()
        self.assertEqual(task.status, task.STATUS_IN_PROGRESS)
        self.assertIsNone(Page.objects.get(pk=self.editors_story.pk).specific.declined_at)

    def test_a_moderator_is_not_offered_an_editors_page(self):
        dashboard = self.dashboard(self.moderator)
        self.assertIsNone(dashboard.find(id="jumelage-other-reviews-heading"))
        self.assertEqual(self.rows_naming(dashboard, "Verslag van de redactie"), [])


# What a reviewer reads after deciding on a member's contribution: the site calls it a
# contribution, not a page.
CONFIRMED = {
    "approve": "The contribution “%(title)s” has been approved.",
    "reject": "Changes to the contribution “%(title)s” have been requested.",
    "decline": "The contribution “%(title)s” has been rejected.",
}


def confirmed(language, action):
    with translation.override(language):
        return gettext(CONFIRMED[action]) % {"title": "Bijdrage"}


class ReviewDecisionTestCase(RolesTestCase):
    """Members' contributions sent for review (`submit`), decided by editors and moderators;
    the German editor's admin is in German."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", town=cls.herzebrock)
        profile = UserProfile.get_for_user(cls.editor_de)
        profile.preferred_language = "de"
        profile.save()

    def submit(self):
        slug = f"bijdrage-{Page.objects.count()}"
        story = self.story(title="Bijdrage", slug=slug, live=False)
        story.owner, story.member_contribution = self.member, True
        story.save()
        story.save_revision(user=self.member)
        story.get_workflow().start(story, self.member)
        return story, story.current_workflow_state.current_task_state

    def messages_on_the_dashboard(self):
        dashboard = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
        return [message.get_text(" ", strip=True) for message in dashboard.select(".messages li")]


class DecisionFromTheDashboardIsConfirmedTests(ReviewDecisionTestCase):
    """Wagtail's workflow action view goes back to the dashboard without a word: the reviewer
    reads what they decided, in their admin language, for each action the panel offers (as its
    script sends them: a plain post, or the dialog's post with a comment)."""

    def decide(self, reviewer, action, **comment):
        story, state = self.submit()
        self.client.force_login(reviewer)
        dialog = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if comment else {}
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                f"/admin/pages/workflow/action/{story.pk}/{action}/{state.pk}/",
                {"next": "/admin/", **comment},
                **dialog,
            )
        return self.messages_on_the_dashboard()

    def test_each_decision_is_confirmed_in_the_reviewers_admin_language(self):
        decisions = [
            (self.moderator, "approve", {}, confirmed("nl", "approve")),
            (
                self.moderator,
                "approve",
                {"comment": "Mooi"},
                confirmed("nl", "approve"),
            ),
            (
                self.moderator,
                "reject",
                {"comment": "Een foto?"},
                confirmed("nl", "reject"),
            ),
            (
                self.moderator,
                "decline",
                {"comment": "Reclame"},
                confirmed("nl", "decline"),
            ),
            (self.editor_de, "approve", {}, confirmed("de", "approve")),
            (
                self.editor_de,
                "reject",
                {"comment": "Ein Foto?"},
                confirmed("de", "reject"),
            ),
            (
                self.editor_de,
                "decline",
                {"comment": "Werbung"},
                confirmed("de", "decline"),
            ),
        ]
        for reviewer, action, comment, confirmation in decisions:
            with self.subTest(reviewer=reviewer.email, action=action, comment=bool(comment)):
                self.assertEqual(self.decide(reviewer, action, **comment), [confirmation])

    def test_opening_the_dialog_confirms_nothing(self):
        story, state = self.submit()
        self.client.force_login(self.moderator)
        self.client.get(
            f"/admin/pages/workflow/action/{story.pk}/reject/{state.pk}/",
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )
        self.assertEqual(self.messages_on_the_dashboard(), [])

    def test_a_decision_sent_again_on_a_decided_review_confirms_nothing(self):
        story, state = self.submit()
        self.client.force_login(self.moderator)
        address = f"/admin/pages/workflow/action/{story.pk}/{{}}/{state.pk}/"
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(address.format("reject"), {"comment": "Een foto?"})
        self.messages_on_the_dashboard()  # read: the decision's own message
        for action in ("approve", "decline"):
            with self.subTest(action=action):
                self.client.post(address.format(action), {"comment": ""})
                shown = " ".join(self.messages_on_the_dashboard())
                self.assertNotIn("goedgekeurd", shown)
                self.assertNotIn("afgewezen", shown)
        self.assertFalse(Page.objects.get(pk=story.pk).live)


class MalformedDecisionInThePageEditorTests(ReviewDecisionTestCase):
    """The page editor's workflow action sends its comment as JSON that Wagtail reads only
    after saving the form: a reviewer's request whose extra data is no JSON, or holds what no
    decision takes, is a bad request, and neither the page nor its review changes."""

    def test_extra_data_that_is_no_json_or_holds_unknown_keys_is_refused_unsaved(self):
        for action, extra_data in (
            ("approve", "{bad"),
            ("decline", '{"foo": 1}'),
            ("approve", '{"comment": "Mooi", "update": false}'),
            ("reject", '["Een foto?"]'),
            ("reject", '{"comment": 1}'),
            ("reject", "[" * 5000 + "]" * 5000),
            ("reject", '{"comment": ' + "[" * 5000 + "]" * 5000 + "}"),
        ):
            with self.subTest(extra_data=extra_data, action=action):
                story, state = self.submit()
                revisions = story.revisions.count()
                self.client.force_login(self.editor_nl)
                edit = f"/admin/pages/{story.pk}/edit/"
                data = {
                    **form_data(self.client.get(edit)),
                    "title": "Veranderd",
                    "body-count": "0",
                    "action-workflow-action": "true",
                    "workflow-action-name": action,
                    "workflow-action-extra-data": extra_data,
                }
                with self.captureOnCommitCallbacks(execute=True):
                    response = self.client.post(edit, data)
                self.assertEqual(response.status_code, 400)
                self.assertEqual(TaskState.objects.get(pk=state.pk).status, "in_progress")
                story.refresh_from_db()
                self.assertEqual(story.revisions.count(), revisions)
                self.assertEqual(story.get_latest_revision_as_object().title, "Bijdrage")
                self.assertFalse(story.live)


class DecisionInThePageEditorIsConfirmedTests(ReviewDecisionTestCase):
    """An editor who decides in the page editor (its workflow action menu) reads the same
    confirmation as from the dashboard, in their admin language; Wagtail's editor only says
    the page was updated."""

    def decide(self, reviewer, action, **comment):
        story, state = self.submit()
        self.client.force_login(reviewer)
        edit = f"/admin/pages/{story.pk}/edit/"
        data = {
            **form_data(self.client.get(edit)),
            "body-count": "0",  # the body's blocks, built by the editor's script: none here
            "action-workflow-action": "true",
            "workflow-action-name": action,
            # The editor's dialog sends its comment as the action's extra data.
            "workflow-action-extra-data": json.dumps(comment),
        }
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(edit, data)
        self.assertEqual(response.status_code, 302)
        self.assertNotEqual(TaskState.objects.get(pk=state.pk).status, "in_progress")
        # In place of Wagtail's own "Page 'Bijdrage' has been updated", not beside it.
        return self.messages_on_the_dashboard()

    def test_each_decision_is_confirmed_in_the_reviewers_admin_language(self):
        for reviewer, action, comment, confirmation in [
            (self.editor_nl, "approve", {}, confirmed("nl", "approve")),
            (
                self.editor_nl,
                "reject",
                {"comment": "Een foto?"},
                confirmed("nl", "reject"),
            ),
            (
                self.editor_nl,
                "decline",
                {"comment": "Reclame"},
                confirmed("nl", "decline"),
            ),
            (
                self.editor_de,
                "approve",
                {"comment": "Schön"},
                confirmed("de", "approve"),
            ),
        ]:
            with self.subTest(reviewer=reviewer.email, action=action):
                self.assertEqual(self.decide(reviewer, action, **comment), [confirmation])

    def test_publishing_with_a_decision_left_in_the_form_confirms_no_decision(self):
        # The approve button's fields stay in the form when the browser blocks its submit, and
        # Publish sends them along: Wagtail publishes and ends the review, which decides nothing
        # the fields name.
        story, state = self.submit()
        self.client.force_login(self.editor_nl)
        edit = f"/admin/pages/{story.pk}/edit/"
        data = {
            **form_data(self.client.get(edit)),
            "body-count": "0",
            "action-publish": "action-publish",
            "action-workflow-action": "true",
            "workflow-action-name": "decline",
        }
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(edit, data)
        self.assertNotEqual(TaskState.objects.get(pk=state.pk).status, "rejected")
        shown = " ".join(self.messages_on_the_dashboard())
        self.assertNotIn("afgewezen", shown)

    def test_saving_the_page_in_review_confirms_no_decision(self):
        story, state = self.submit()
        self.client.force_login(self.editor_nl)
        edit = f"/admin/pages/{story.pk}/edit/"
        self.client.post(edit, {**form_data(self.client.get(edit)), "body-count": "0"})
        self.assertEqual(TaskState.objects.get(pk=state.pk).status, "in_progress")
        shown = " ".join(self.messages_on_the_dashboard())
        self.assertNotIn("goedgekeurd", shown)


class WorkflowNamesInHistoryTests(RolesTestCase):
    """Wagtail's page history keeps the workflow's and task's names as whoever acted read them
    (the member submitted from the Dutch site): a German editor read "'Beoordeling van
    bijdragen' gestartet" (walk of 2026-12-05)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        with translation.override("nl"):
            cls.contribution = submitted_contribution(cls, member)

    def history(self, editor, language):
        profile = UserProfile.get_for_user(editor)
        profile.preferred_language = language
        profile.save()
        self.client.force_login(editor)
        response = self.client.get(f"/admin/pages/{self.contribution.pk}/history/")
        return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)

    def test_each_editor_reads_the_workflows_names_in_her_language(self):
        with translation.override("de"):
            workflow = str(self.contribution.get_workflow())
        german = self.history(self.editor_de, "de")
        self.assertIn(workflow, german)
        self.assertNotIn("Beoordeling van bijdragen", german)
        with translation.override("nl"):
            self.assertIn(str(self.contribution.get_workflow()), self.history(self.editor_nl, "nl"))


class DecisionDialogTests(RolesTestCase):
    """The dialog of a decision with a comment names the language its reader reads the site in
    (walk W6): the email about the decision is in that language, the comment is sent as
    written."""

    def dialog(self, user, contribution, action, language):
        UserProfile.objects.filter(user=user).update(preferred_language=language)
        self.client.force_login(user)
        state = contribution.current_workflow_state.current_task_state
        response = self.client.get(
            f"/admin/pages/workflow/action/{contribution.pk}/{action}/{state.pk}/"
        )
        self.assertEqual(response.status_code, 200)
        html = json.loads(response.content)["html"]
        return BeautifulSoup(html, "html.parser")

    def test_the_moderator_reads_which_language_the_member_reads(self):
        bernd = User.objects.create_user(
            "bernd@example.org", "x", display_name="Bernd", language="de"
        )
        contribution = submitted_contribution(self, bernd)
        for action in ("reject", "decline"):
            with self.subTest(action=action):
                dialog = self.dialog(self.moderator, contribution, action, "nl")
                self.assertIn(
                    "Bernd leest de site in het Duits",
                    dialog.get_text(" ", strip=True),
                )
                self.assertTrue(dialog.select("textarea[name=comment]"))

    def test_the_comments_help_names_the_member_who_reads_it(self):
        # "Wie de pagina heeft ingediend, leest deze opmerking …" where the dialog names her.
        bernd = User.objects.create_user(
            "bernd@example.org", "x", display_name="Bernd", language="de"
        )
        contribution = submitted_contribution(self, bernd)
        for language in ("nl", "de"):
            dialog = self.dialog(self.moderator, contribution, "decline", language)
            comment = dialog.select_one("textarea[name=comment]")
            helped = dialog.find(id=comment["aria-describedby"]).get_text(" ", strip=True)
            with translation.override(language), self.subTest(language=language):
                self.assertEqual(
                    helped,
                    gettext("%(name)s reads this comment, in the email about your decision.")
                    % {"name": "Bernd"},
                )

    def test_the_reject_dialog_says_the_decision_is_final_and_request_changes_does_not(self):
        # The member can no longer change or resend a rejected contribution (test_roles), and
        # the dialog did not say so (walk of 2026-12-06).
        bernd = User.objects.create_user(
            "bernd@example.org", "x", display_name="Bernd", language="de"
        )
        contribution = submitted_contribution(self, bernd)
        final = (
            "This decision is final: the member can no longer change the contribution or send it "
            "in again, only read or delete it."
        )
        for language in ("nl", "de"):
            with self.subTest(language=language), translation.override(language):
                decline = self.dialog(self.moderator, contribution, "decline", language)
                self.assertIn(gettext(final), decline.get_text(" ", strip=True))
                changes = self.dialog(self.moderator, contribution, "reject", language)
                self.assertNotIn(gettext(final), changes.get_text(" ", strip=True))

    def test_a_german_editor_reads_it_in_german(self):
        anna = User.objects.create_user("anna@example.org", "x", display_name="Anna", language="nl")
        contribution = submitted_contribution(self, anna)
        dialog = self.dialog(self.editor_de, contribution, "reject", "de")
        self.assertIn("Anna liest die Website auf Niederländisch", dialog.get_text(" ", strip=True))

    def test_a_staff_member_without_a_name_is_the_editors_at_the_start_of_the_sentence(self):
        # Her page sent for review, the dialog's sentence began without a subject:
        # " leest de site in het Nederlands" (a staff member's address is never her name).
        story = editors_story_in_review(self)
        for language, start in (
            ("nl", "De redactie leest de site in het Nederlands"),
            ("de", "Die Redaktion liest die Website auf Niederländisch"),
        ):
            with self.subTest(language=language):
                text = self.dialog(self.editor_nl, story, "reject", language).get_text(
                    " ", strip=True
                )
                self.assertIn(start, text)
                self.assertNotIn(self.editor_de.email, text)

    def test_the_editors_are_capitalised_only_where_they_start_a_sentence(self):
        # The reviewers' email ("%(name)s sent the story …") asks for the sentence's start; the
        # decided review page ("… approved by %(name)s …") for the name inside a sentence.
        for language, first, inside in (
            ("nl", "De redactie", "de redactie"),
            ("de", "Die Redaktion", "die Redaktion"),
        ):
            with self.subTest(language=language), translation.override(language):
                self.assertEqual(roles.named(self.editor_de, "", starts_sentence=True), first)
                self.assertEqual(roles.named(self.editor_de, ""), inside)
                self.assertEqual(roles.named(self.editor_de, "redactie", True), "redactie")


class CancellationConfirmationTests(RolesTestCase):
    """The confirmation that publishing a page cancels its review names the review's task and
    workflow: Wagtail's answered anyone in the admin for any page id (a moderator learnt which
    ids exist, and what an editor's page in review waits for). Now it answers only who may
    cancel that review; anyone else is refused alike, whether the page exists or not."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, member)
        cls.editors_story = editors_story_in_review(cls)

    def confirmation(self, user, page_id):
        """The page editor's publish button asks for it in the background (Wagtail's script)."""
        self.client.force_login(user)
        return self.client.get(
            f"/admin/pages/workflow/confirm_cancellation/{page_id}/",
            headers={"x-requested-with": "XMLHttpRequest"},
        )

    def test_a_moderator_learns_nothing_of_pages_whose_review_is_not_hers(self):
        unknown = Page.objects.order_by("-pk").first().pk + 1000
        for page_id in (self.editors_story.pk, self.about.pk, unknown):
            with self.subTest(page_id=page_id):
                response = self.confirmation(self.moderator, page_id)
                self.assertEqual(response.status_code, 403)
                state = self.editors_story.current_workflow_state
                self.assertNotContains(response, state.workflow.name, status_code=403)
                # Opened as a page, Wagtail's "no permission": the dashboard, for each alike.
                opened = self.client.get(f"/admin/pages/workflow/confirm_cancellation/{page_id}/")
                self.assertRedirects(opened, "/admin/", fetch_redirect_response=False)

    def test_an_editor_publishing_a_page_in_review_is_asked_to_confirm(self):
        response = self.confirmation(self.editor_nl, self.editors_story.pk)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["step"], "confirm")

    def test_a_moderator_deciding_a_contribution_is_asked_to_confirm(self):
        response = self.confirmation(self.moderator, self.contribution.pk)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["step"], "confirm")
