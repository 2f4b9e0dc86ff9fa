"""A moderator's walk through the admin: the way to the contributions awaiting review, what a
member's page tells before she is blocked, and a confirmation before approving publishes."""

import datetime
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from community.contributions import reject
from community.models import SectorMembership
from exchanges.models import StoryPage
from tests.test_review_panel import reviewers_in_their_languages, submitted_contribution
from tests.test_roles import RolesTestCase

User = get_user_model()


def sidebar_items(response):
    """The admin sidebar's menu items (Wagtail renders them as JSON for its script), by name."""
    page = BeautifulSoup(response.content, "html.parser")
    props = json.loads(page.find(id="wagtail-sidebar-props").string)
    items = {}

    def walk(value):
        if isinstance(value, dict):
            if value.get("_type") == "wagtail.sidebar.LinkMenuItem":
                item = value["_args"][0]
                if isinstance(item.get("name"), str):
                    items[item["name"]] = (item["label"], item["url"])
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(props)
    return items


class ToReviewMenuItemTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")

    def test_moderators_and_editors_find_the_contributions_awaiting_review_in_the_menu(self):
        submitted_contribution(self, self.member)
        for user, language in reviewers_in_their_languages(self):
            with self.subTest(language=language):
                self.client.force_login(user)
                label, url = sidebar_items(self.client.get("/admin/reports/"))["to-review"]
                with translation.override(language):
                    self.assertEqual(label, gettext("To review (%(count)s)") % {"count": 1})
                self.assertEqual(url, "/admin/")
                dashboard = BeautifulSoup(self.client.get(url).content, "html.parser")
                panel = dashboard.find(id="awaiting-review")
                self.assertIn("Bijdrage", panel.get_text())

    def test_without_contributions_waiting_the_item_names_no_number(self):
        self.client.force_login(self.moderator)
        label, _url = sidebar_items(self.client.get("/admin/"))["to-review"]
        with translation.override("nl"):
            self.assertEqual(label, gettext("To review"))


class MemberPageTellsTheModeratorWhoSheIsTests(RolesTestCase):
    """The page where a moderator blocks a member says who she is and what she did, read-only,
    no more than the moderator's role reads of her."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user(
            "anke@example.org",
            "x",
            display_name="Anke",
            town=cls.herzebrock,
            bio="Ich wohne am Marktplatz 3.",
        )
        SectorMembership.objects.create(user=cls.member, sector_key=cls.climate.translation_key)
        cls.sent = submitted_contribution(cls, cls.member)
        cls.published = cls.story(title="Onze fietstocht", slug="fietstocht")
        cls.published.owner, cls.published.member_contribution = cls.member, True
        cls.published.save()
        cls.draft = cls.story(title="Geheim concept", slug="concept", live=False)
        cls.draft.owner, cls.draft.member_contribution = cls.member, True
        cls.draft.save()

    def overview(self, user, language="nl"):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        self.client.force_login(user)
        response = self.client.get(f"/admin/members/edit/{self.member.pk}/")
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser").select_one("[data-member-overview]")

    def test_the_moderator_reads_who_the_member_is_before_blocking_her(self):
        for language, sector in (("nl", "Duurzaamheid en klimaat"), ("de", "Nachhaltigkeit")):
            with self.subTest(language=language):
                overview = self.overview(self.moderator, language)
                facts = {
                    dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
                    for dt in overview.select("dt")
                }
                with translation.override(language):
                    self.assertEqual(facts[gettext("Name")], "Anke")
                    self.assertEqual(facts[gettext("Town")], "Herzebrock-Clarholz")
                    self.assertIn(sector, facts[gettext("Sector communities")])
                    self.assertEqual(facts[gettext("Last logged in")], gettext("Never"))
                    self.assertEqual(facts[gettext("Blocked")], gettext("No"))
                    self.assertIn(gettext("Member since"), facts)
                # Nothing beyond the role: neither her address nor her "about me".
                text = overview.get_text()
                self.assertNotIn("anke@example.org", text)
                self.assertNotIn("Marktplatz", text)

    def test_her_contributions_show_their_state_and_lead_where_the_moderator_may_go(self):
        overview = self.overview(self.moderator)
        rows = {
            row.select("td")[0].get_text(strip=True): row for row in overview.select("tbody tr")
        }
        self.assertEqual(set(rows), {"Bijdrage", "Onze fietstocht"})  # not her unsent draft
        task_id = self.sent.current_workflow_task_state.task_id
        self.assertEqual(
            rows["Bijdrage"].a["href"], f"/admin/pages/workflow/preview/{self.sent.pk}/{task_id}/"
        )
        self.assertEqual(rows["Onze fietstocht"].a["href"], self.published.url)
        with translation.override("nl"):
            self.assertIn(gettext("Awaiting review"), rows["Bijdrage"].get_text())
            self.assertIn(gettext("Published"), rows["Onze fietstocht"].get_text())
        self.assertIn("1", overview.select_one("[data-unsent-drafts]").get_text())
        self.assertNotIn("Geheim concept", overview.get_text())
        # Each link opens for her.
        for row in rows.values():
            self.assertEqual(self.client.get(row.a["href"]).status_code, 200)

    def test_a_contribution_sent_back_for_changes_opens_as_the_reviewer_read_it(self):
        state = self.sent.current_workflow_task_state
        with self.captureOnCommitCallbacks(execute=True):
            state.reject(user=self.editor_de, comment="Een foto graag.")
        # What she saves since is hers, not what was reviewed.
        self.sent.refresh_from_db()
        self.sent.title = "Mijn nieuwe versie"
        self.sent.save_revision(user=self.member)
        overview = self.overview(self.moderator)
        row = next(r for r in overview.select("tbody tr") if "Bijdrage" in r.get_text())
        with translation.override("nl"):
            self.assertIn(gettext("Changes requested"), row.get_text())
        self.assertIsNotNone(row.a)
        response = self.client.get(row.a["href"])
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"Bijdrage", response.content)
        self.assertNotIn(b"Mijn nieuwe versie", response.content)
        # Only that page's review sent back: not with another page, nor for a member.
        other = row.a["href"].replace(f"/{self.sent.pk}/", f"/{self.published.pk}/")
        self.assertNotEqual(self.client.get(other).status_code, 200)
        self.client.force_login(self.member)
        self.assertNotEqual(self.client.get(row.a["href"]).status_code, 200)

    def test_her_contributions_are_named_once_not_in_wagtails_usage_list(self):
        # "Used 4 times" led to Wagtail's usage list: each contribution twice (its original and
        # its version in the other language), and to a moderator as "(Private page)". The
        # summary above lists each once, with its state and the link she may open.
        for reader in (self.moderator, self.editor_nl):
            with self.subTest(reader=reader.email):
                self.client.force_login(reader)
                response = self.client.get(f"/admin/members/edit/{self.member.pk}/")
                usage = f"/admin/members/usage/{self.member.pk}/"
                self.assertNotContains(response, usage)
                self.assertRedirects(
                    self.client.get(usage), f"/admin/members/edit/{self.member.pk}/"
                )

    def test_the_breadcrumb_names_the_list_as_the_menu_does(self):
        for language in ("nl", "de"):
            with self.subTest(language=language):
                self.overview(self.moderator, language)
                response = self.client.get(f"/admin/members/edit/{self.member.pk}/")
                page = BeautifulSoup(response.content, "html.parser")
                link = page.find("a", href="/admin/members/", string=True)
                with translation.override(language):
                    self.assertEqual(link.get_text(strip=True), gettext("Members"))

    def test_an_editor_is_led_to_the_editor_and_reads_every_draft(self):
        overview = self.overview(self.editor_nl)
        links = {a.get_text(strip=True): a["href"] for a in overview.select("tbody a")}
        self.assertEqual(links["Geheim concept"], f"/admin/pages/{self.draft.pk}/edit/")

    def test_a_blocked_member_is_said_to_be_blocked_since_when(self):
        self.member.is_active = False
        self.member.blocked_at = timezone.now()
        self.member.save()
        overview = self.overview(self.moderator)
        with translation.override("nl"):
            self.assertTrue(
                overview.select_one("[data-blocked]")
                .get_text(strip=True)
                .startswith(gettext("Yes, since %(moment)s").split("%")[0].strip())
            )


class MemberFromElsewhereTests(RolesTestCase):
    """A member without a town (she lives elsewhere, or did not say: the profile's one choice
    for both) is said to be so wherever the admin names her town, not left as "–", blank or
    "None", nor said to live elsewhere, which she may not have said."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("ilse@example.org", "x", display_name="Ilse")

    def test_the_members_list_her_page_and_her_inspect_page_say_elsewhere(self):
        for language in ("nl", "de"):
            with self.subTest(language=language):
                profile = UserProfile.get_for_user(self.moderator)
                profile.preferred_language = language
                profile.save()
                self.client.force_login(self.moderator)
                with translation.override(language):
                    elsewhere, town = gettext("Elsewhere or not said"), gettext("Town")
                listing = BeautifulSoup(
                    self.client.get("/admin/members/").content, "html.parser"
                ).select_one("table.listing")
                headings = [th.get_text(strip=True) for th in listing.select("thead th")]
                row = next(
                    tr for tr in listing.select("tbody tr") if "ilse@example.org" in tr.get_text()
                )
                cells = [td.get_text(strip=True) for td in row.select("td")]
                self.assertEqual(cells[headings.index(town)], elsewhere)
                overview = BeautifulSoup(
                    self.client.get(f"/admin/members/edit/{self.member.pk}/").content,
                    "html.parser",
                ).select_one("[data-member-overview]")
                facts = {
                    dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
                    for dt in overview.select("dt")
                }
                self.assertEqual(facts[town], elsewhere)
                inspect = BeautifulSoup(
                    self.client.get(f"/admin/members/inspect/{self.member.pk}/").content,
                    "html.parser",
                )
                facts = {
                    dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
                    for dt in inspect.select("main dl dt")
                }
                self.assertEqual(facts[town], elsewhere)

    def test_the_members_list_filters_those_without_a_town(self):
        """The town filter offers "elsewhere or not said" beside the towns: the members the list
        names so are found as the towns' are."""
        User.objects.create_user(
            "hanna@example.org", "x", display_name="Hanna", town=self.herzebrock
        )
        self.client.force_login(self.moderator)
        listing = BeautifulSoup(self.client.get("/admin/members/").content, "html.parser")
        options = {
            option.get_text(strip=True): option["value"]
            for option in listing.select("select[name=town] option")
        }
        with translation.override("nl"):
            elsewhere = gettext("Elsewhere or not said")
        self.assertIn(elsewhere, options)
        found = BeautifulSoup(
            self.client.get("/admin/members/", {"town": options[elsewhere]}).content,
            "html.parser",
        ).select_one("table.listing tbody")
        self.assertIn("ilse@example.org", found.get_text())
        self.assertNotIn("hanna@example.org", found.get_text())
        herzebrock = BeautifulSoup(
            self.client.get("/admin/members/", {"town": options["Herzebrock-Clarholz"]}).content,
            "html.parser",
        ).select_one("table.listing tbody")
        self.assertIn("hanna@example.org", herzebrock.get_text())
        self.assertNotIn("ilse@example.org", herzebrock.get_text())


class ApprovingAsksFirstTests(RolesTestCase):
    """ "Goedkeuren" on the dashboard published a member's contribution at once: it leads to a
    page that says what approving does, whose button (a plain form, no script) approves."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, cls.member)

    def test_approve_on_the_dashboard_asks_before_it_publishes(self):
        state = self.contribution.current_workflow_state.current_task_state
        self.client.force_login(self.moderator)
        dashboard = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
        review = dashboard.find(attrs={"role": "group", "aria-label": "Bijdrage"})
        with translation.override("nl"):
            approve = review.find("a", string=gettext("Approve"))
        self.assertFalse(approve.has_attr("data-workflow-action-url"))  # no script posts it

        response = self.client.get(approve["href"])
        self.contribution.refresh_from_db()
        self.assertFalse(self.contribution.live)
        confirmation = BeautifulSoup(response.content, "html.parser")
        form = confirmation.select_one("[data-confirm-approval] form[method=post]")
        self.assertIn("Bijdrage", confirmation.select_one("[data-confirm-approval]").get_text())
        data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(form["action"], data, follow=True)
        self.contribution.refresh_from_db()
        self.assertTrue(self.contribution.live)
        self.assertEqual(response.redirect_chain[-1][0], "/admin/")
        self.assertEqual(
            form["action"],
            f"/admin/pages/workflow/action/{self.contribution.pk}/approve/{state.pk}/",
        )

    def test_the_confirmation_names_the_member_told_by_email_in_the_moderators_language(self):
        # "die Verfasserin oder der Verfasser" of a contribution whose member has a name.
        state = self.contribution.current_workflow_state.current_task_state
        address = f"/admin/pages/workflow/approve/{self.contribution.pk}/{state.pk}/"
        for language in ("nl", "de"):
            UserProfile.objects.filter(user=self.moderator).update(preferred_language=language)
            self.client.force_login(self.moderator)
            confirmation = BeautifulSoup(self.client.get(address).content, "html.parser")
            said = confirmation.select_one("[data-confirm-approval] p").get_text(" ", strip=True)
            with translation.override(language):
                expected = gettext(
                    "Approving publishes “%(title)s” (%(kind)s, %(language)s) on the site at "
                    "once; %(name)s is told by email."
                ) % {
                    "title": "Bijdrage",
                    "kind": StoryPage.get_verbose_name(),
                    "language": self.contribution.locale.get_display_name(),
                    "name": "Lid",
                }
            with self.subTest(language=language):
                self.assertEqual(said, expected)

    def test_the_confirmation_is_only_for_the_pages_own_review_in_progress(self):
        state = self.contribution.current_workflow_state.current_task_state
        self.client.force_login(self.moderator)
        address = f"/admin/pages/workflow/approve/{self.contribution.pk}/{state.pk}/"
        self.assertEqual(self.client.get(address).status_code, 200)
        self.assertEqual(self.client.post(address).status_code, 405)
        other = f"/admin/pages/workflow/approve/{self.about.pk}/{state.pk}/"
        # Not found (the language middleware's redirect of a 404 under /admin/, as elsewhere).
        self.assertNotEqual(self.client.get(other).status_code, 200)


class ApprovingWhatWasDecidedMeanwhileTests(RolesTestCase):
    """A reviewer opened the approval's confirmation; another decided meanwhile. Confirming, or
    opening the confirmation again (an old tab, the back button), leads to what became of the
    review, in the admin, and approves nothing (it was the public site's "Page not found")."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, cls.member)
        cls.editor_de.display_name = "Jutta"
        cls.editor_de.save()

    def open_confirmation(self):
        state = self.contribution.current_workflow_state.current_task_state
        self.client.force_login(self.moderator)
        address = f"/admin/pages/workflow/approve/{self.contribution.pk}/{state.pk}/"
        confirmation = BeautifulSoup(self.client.get(address).content, "html.parser")
        form = confirmation.select_one("[data-confirm-approval] form[method=post]")
        data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
        return state, address, form["action"], data

    def said_decided(self, response, state):
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.redirect_chain[-1][0],
            f"/admin/pages/workflow/decided/{self.contribution.pk}/{state.task_id}/",
        )
        page = BeautifulSoup(response.content, "html.parser")
        return page.select_one("[data-review-decided]").get_text(" ", strip=True)

    def test_confirming_after_another_requested_changes_says_so_and_approves_nothing(self):
        state, address, action, data = self.open_confirmation()
        with self.captureOnCommitCallbacks(execute=True):
            state.reject(user=self.editor_de, comment="Een foto graag.")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(action, data, follow=True)
        with translation.override("nl"):
            start = gettext("Changes to “%(title)s” were requested by %(name)s on %(date)s.")
        expected = start.split("%(date)s")[0] % {"title": "Bijdrage", "name": "Jutta"}
        self.assertIn(expected, self.said_decided(response, state))
        # Opening the confirmation again: the same, not a confirmation to approve.
        self.assertIn(expected, self.said_decided(self.client.get(address, follow=True), state))
        self.contribution.refresh_from_db()
        self.assertFalse(self.contribution.live)
        state.refresh_from_db()
        self.assertEqual(state.status, state.STATUS_REJECTED)

    def test_the_confirmation_opened_again_after_another_approved_says_who(self):
        state, address, _action, _data = self.open_confirmation()
        with self.captureOnCommitCallbacks(execute=True):
            state.approve(user=self.editor_de)
        with translation.override("nl"):
            start = gettext("“%(title)s” was approved by %(name)s on %(date)s.")
        said = self.said_decided(self.client.get(address, follow=True), state)
        self.assertIn(start.split("%(date)s")[0] % {"title": "Bijdrage", "name": "Jutta"}, said)

    def test_in_the_english_admin_the_moment_ends_the_sentence_with_one_full_stop(self):
        # "… was approved by Jutta on Dec. 4, 2026, 7:30 p.m.." (walk of 2026-12-06).
        profile = UserProfile.get_for_user(self.moderator)
        profile.preferred_language = "en"
        profile.save()
        state, address, *_ = self.open_confirmation()
        evening = datetime.datetime(2026, 12, 4, 19, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
        with time_machine.travel(evening, tick=False), self.captureOnCommitCallbacks(execute=True):
            state.approve(user=self.editor_de)
        said = self.said_decided(self.client.get(address, follow=True), state)
        self.assertIn("was approved by Jutta on", said)
        self.assertNotIn("..", said)

    def test_another_pages_task_state_is_still_not_found(self):
        state, *_ = self.open_confirmation()
        with self.captureOnCommitCallbacks(execute=True):
            state.approve(user=self.editor_de)
        other = f"/admin/pages/workflow/approve/{self.about.pk}/{state.pk}/"
        response = self.client.get(other, follow=True)
        self.assertNotIn(b"data-review-decided", response.content)
        self.assertNotEqual(response.status_code, 200)


class ReviewEmailLinkAfterAnotherDecidedTests(RolesTestCase):
    """The reviewers' email links to the review's preview: once another reviewer decided, it
    tells the reader so, in her admin language, and by whom, not Wagtail's red error."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.contribution = submitted_contribution(cls, cls.member)
        cls.editor_de.display_name = "Jutta"
        cls.editor_de.save()

    def emailed_link(self):
        task_id = self.contribution.current_workflow_task_state.task_id
        return f"/admin/pages/workflow/preview/{self.contribution.pk}/{task_id}/"

    def test_the_link_says_who_approved_it_in_the_readers_language(self):
        link = self.emailed_link()
        state = self.contribution.current_workflow_task_state
        self.client.force_login(self.editor_de)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                f"/admin/pages/workflow/action/{self.contribution.pk}/approve/{state.pk}/",
                {"next": "/admin/"},
            )
        for user, language in ((self.moderator, "nl"), (self.editor_nl, "de")):
            with self.subTest(language=language):
                profile = UserProfile.get_for_user(user)
                profile.preferred_language = language
                profile.save()
                self.client.force_login(user)
                response = self.client.get(link, follow=True)
                self.assertEqual(response.status_code, 200)
                page = BeautifulSoup(response.content, "html.parser")
                self.assertEqual(page.select(".messages .error, .help-block.help-critical"), [])
                said = page.select_one("[data-review-decided]").get_text(" ", strip=True)
                with translation.override(language):
                    self.assertIn(gettext("Already decided"), page.title.get_text())
                    start = gettext("“%(title)s” was approved by %(name)s on %(date)s.")
                    self.assertIn(
                        start.split("%(date)s")[0] % {"title": "Bijdrage", "name": "Jutta"}, said
                    )

    def test_after_changes_were_requested_the_link_says_so_and_offers_no_approval(self):
        link = self.emailed_link()
        state = self.contribution.current_workflow_task_state
        with self.captureOnCommitCallbacks(execute=True):
            state.reject(user=self.editor_de, comment="Een foto graag.")
        self.client.force_login(self.moderator)
        response = self.client.get(link, follow=True)
        self.assertEqual(response.status_code, 200)
        page = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(page.select(".messages .error, .help-block.help-critical"), [])
        said = page.select_one("[data-review-decided]").get_text(" ", strip=True)
        with translation.override("nl"):
            start = gettext("Changes to “%(title)s” were requested by %(name)s on %(date)s.")
        self.assertIn(start.split("%(date)s")[0] % {"title": "Bijdrage", "name": "Jutta"}, said)
        confirmation = self.client.get(
            f"/admin/pages/workflow/approve/{self.contribution.pk}/{state.pk}/", follow=True
        )
        self.assertNotIn(b"data-confirm-approval", confirmation.content)
        self.assertIn(b"data-review-decided", confirmation.content)

    def decided_page(self, user, language):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        self.client.force_login(user)
        response = self.client.get(self.emailed_link(), follow=True)
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser").select_one("[data-review-decided]")

    def test_the_page_on_the_site_is_shown_in_the_readers_language_and_her_decision_as_hers(self):
        link = self.emailed_link()
        state = self.contribution.current_workflow_task_state
        with self.captureOnCommitCallbacks(execute=True):
            state.approve(user=self.editor_de)
        self.contribution.refresh_from_db()
        german = self.translated(self.contribution, title="Beitrag", slug="beitrag")
        self.emailed_link = lambda: link
        for user, language, url in (
            (self.editor_de, "de", german.url),
            (self.moderator, "nl", self.contribution.url),
        ):
            with self.subTest(language=language):
                said = self.decided_page(user, language)
                with translation.override(language):
                    view = said.find("a", string=gettext("View on the site"))
                    self.assertEqual(view["href"], url)
        said = self.decided_page(self.editor_de, "de").get_text(" ", strip=True)
        with translation.override("de"):
            mine = gettext("You approved “%(title)s” on %(date)s.")
        self.assertIn(mine.split("%(date)s")[0] % {"title": "Bijdrage"}, said)
        self.assertNotIn("Jutta", said)

    def test_changes_she_requested_herself_are_said_to_be_hers(self):
        link = self.emailed_link()
        state = self.contribution.current_workflow_task_state
        with self.captureOnCommitCallbacks(execute=True):
            state.reject(user=self.moderator, comment="Een foto graag.")
        self.emailed_link = lambda: link
        said = self.decided_page(self.moderator, "nl").get_text(" ", strip=True)
        with translation.override("nl"):
            mine = gettext("You requested changes to “%(title)s” on %(date)s.")
        self.assertIn(mine.split("%(date)s")[0] % {"title": "Bijdrage"}, said)

    def test_a_draft_saved_since_the_decision_does_not_name_it(self):
        # The page named the review by the latest draft's title: what its member saved after
        # changes were requested (hers, unsent), or an editor's draft (final attack, F2).
        link = self.emailed_link()
        state = self.contribution.current_workflow_task_state
        with self.captureOnCommitCallbacks(execute=True):
            state.reject(user=self.editor_de, comment="Een foto graag.")
        self.emailed_link = lambda: link
        draft = self.contribution.get_latest_revision_as_object()
        draft.title = "Nog niet verstuurde titel"
        draft.save_revision(user=self.member)
        said = self.decided_page(self.moderator, "nl").get_text(" ", strip=True)
        self.assertNotIn("Nog niet verstuurde titel", said)
        with translation.override("nl"):
            start = gettext("Changes to “%(title)s” were requested by %(name)s on %(date)s.")
        self.assertIn(start.split("%(date)s")[0] % {"title": "Bijdrage", "name": "Jutta"}, said)

    def test_while_the_review_is_open_the_link_still_shows_the_preview(self):
        self.client.force_login(self.moderator)
        response = self.client.get(self.emailed_link())
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(b"data-review-decided", response.content)


class MemberPageShowsTheTitleSentForReviewTests(RolesTestCase):
    """A member's edits are revisions: the page's stored title is the one she started with. For a
    contribution sent back for changes or rejected, the summary names the title she sent, not
    that first one nor one of a draft she saved since and did not send."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("maria@example.org", "x", display_name="Maria")

    def sent_renamed(self, slug):
        page = self.story(title="Toegankelijk fietsen: een eerste idee", slug=slug, live=False)
        page.owner, page.member_contribution = self.member, True
        page.save()
        page.save_revision(user=self.member)
        page.title = "Titel zoals ingediend door Maria"
        page.save_revision(user=self.member)
        page.get_workflow().start(page, self.member)
        return page

    def titles(self):
        self.client.force_login(self.moderator)
        response = self.client.get(f"/admin/members/edit/{self.member.pk}/")
        overview = BeautifulSoup(response.content, "html.parser").select_one(
            "[data-member-overview]"
        )
        return [row.select("td")[0].get_text(strip=True) for row in overview.select("tbody tr")]

    def test_changes_requested_shows_the_title_she_sent(self):
        page = self.sent_renamed("wijzigingen")
        state = page.current_workflow_task_state
        self.client.force_login(self.moderator)
        self.client.post(
            f"/admin/pages/workflow/action/{page.pk}/reject/{state.pk}/",
            {"comment": "Graag een foto erbij."},
        )
        page.refresh_from_db()
        page.title = "Nog niet verstuurd"
        page.save_revision(user=self.member)
        self.assertEqual(self.titles(), ["Titel zoals ingediend door Maria"])

    def test_a_rejected_contribution_shows_the_title_she_sent(self):
        page = self.sent_renamed("afgewezen")
        reject(page.current_workflow_task_state, self.editor_nl, "Past niet.")
        self.assertEqual(self.titles(), ["Titel zoals ingediend door Maria"])


class MemberPageQueriesTests(RolesTestCase):
    """The member's summary asks as many queries for one contribution as for many (54 queries
    for twenty drafts, 23 for none)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("veel@example.org", "x", display_name="Veel")

    def contribute(self, first, count):
        for number in range(first, first + count):
            live = number % 4 == 1
            page = self.story(title=f"Stuk {number}", slug=f"stuk-{number}", live=live)
            page.owner, page.member_contribution = self.member, True
            page.save()
            page.save_revision(user=self.member)
            if number % 4 == 2:
                page.get_workflow().start(page, self.member)

    def queries(self, reader):
        self.client.force_login(reader)
        self.client.get(f"/admin/members/edit/{self.member.pk}/")  # what the site keeps, kept
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(f"/admin/members/edit/{self.member.pk}/")
        self.assertEqual(response.status_code, 200)
        return len(captured)

    def test_many_contributions_cost_no_more_queries_than_one(self):
        self.contribute(0, 4)
        few = {reader: self.queries(reader) for reader in (self.moderator, self.editor_nl)}
        self.contribute(4, 20)
        for reader, count in few.items():
            with self.subTest(reader=reader.email):
                self.assertEqual(self.queries(reader), count)


def test_the_summary_reads_wagtails_workflow_states_through_its_public_api():
    """The member's summary filled `page._current_workflow_states`, the private attribute that
    Wagtail's `prefetch_workflow_states` fills: a Wagtail upgrade may rename it, and the summary
    would fall back to a query per page unnoticed, or read none. It asks that method itself."""
    root = Path(__file__).resolve().parent.parent
    for app in ("home", "community", "exchanges", "jumelage"):
        for path in (root / app).rglob("*.py"):
            assert "_current_workflow_states" not in path.read_text(), path
