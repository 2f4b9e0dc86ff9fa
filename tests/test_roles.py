"""Editors' roles: groups and permissions from `setup_roles`, and machine translation settings."""

import csv
import io
import re
from datetime import timedelta
from io import StringIO

import openpyxl
import wagtail_factories
from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowState,
)
from wagtail.users.models import UserProfile

from community import roles
from community.factories import TownFactory
from community.models import Report
from community.roles import EDITOR_GROUPS, MODERATORS, WORKFLOW
from community.roles.setup import setup_roles
from exchanges.models import Registration
from home.models import Foundation, FoundationSettings
from jumelage.dashboard import (
    ContributionsAwaitingReview,
    MeetingsSoon,
    OpenReports,
    OutdatedTranslations,
)
from tests.base import SettingsProbeMixin
from tests.calendar_base import CalendarMixin

User = get_user_model()


def form_data(response):
    """What the admin's form on this page sends back unchanged."""
    form = max(
        BeautifulSoup(response.content, "html.parser").select("form[method=post]"),
        key=lambda form: len(form.select("[name]")),
    )
    data = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name = field["name"]
        if field.name == "select":
            chosen = [option.get("value") for option in field.select("option[selected]")]
            data[name] = chosen if field.has_attr("multiple") else (chosen or [""])[0]
        elif field.name == "textarea":
            data[name] = field.text
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("submit", "button"):
            data[name] = field.get("value", "")
    return data


def form_with_comment(client, edit, text):
    """The page editor's form at `edit` with one new comment on the title, as the editor's
    comment script sends it (the script also adds the stream field's count)."""
    return {
        **form_data(client.get(edit)),
        "body-count": "0",
        "comments-TOTAL_FORMS": "1",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "comments-0-id": "",
        "comments-0-contentpath": "title",
        "comments-0-position": "",
        "comments-0-text": text,
        "comments-0-replies-TOTAL_FORMS": "0",
        "comments-0-replies-INITIAL_FORMS": "0",
        "comments-0-replies-MIN_NUM_FORMS": "0",
        "comments-0-replies-MAX_NUM_FORMS": "1000",
    }


def snapshot():
    groups = Group.objects.filter(name__in=[*EDITOR_GROUPS, MODERATORS]).order_by("name")
    return [
        (
            group.name,
            sorted(group.permissions.values_list("codename", flat=True)),
            sorted(
                GroupPagePermission.objects.filter(group=group).values_list(
                    "page_id", "permission__codename"
                )
            ),
        )
        for group in groups
    ]


class RolesTestCase(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        setup_roles()
        cls.about = cls.add_page(title="Over ons", slug="over-ons")
        cls.moderator = cls.user("moderator@example.org", MODERATORS)
        cls.editor_nl = cls.user("redactie@example.org", EDITOR_GROUPS[0])
        cls.editor_de = cls.user("redaktion@example.org", EDITOR_GROUPS[1])

    @classmethod
    def user(cls, email, group):
        user = User.objects.create_user(email, "wachtwoord-123")
        user.groups.add(Group.objects.get(name=group))
        return user

    def log_in_reading(self, user, language):
        """Logs `user` in with `language` chosen as her admin language."""
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        self.client.force_login(user)

    def read_admin(self, user, language, address):
        """`address` as `user` reads it with `language` chosen as her admin language; a 200."""
        self.log_in_reading(user, language)
        response = self.client.get(address)
        self.assertEqual(response.status_code, 200)
        return response


class SetupRolesTests(RolesTestCase):
    def test_running_setup_roles_twice_gives_the_same_groups_and_permissions(self):
        before = snapshot()
        call_command("setup_roles", stdout=StringIO())
        self.assertEqual(snapshot(), before)
        self.assertEqual(len(before), 3)

    def test_moderator_can_approve_a_contribution_but_cannot_edit_a_standard_page(self):
        story = self.story(title="Bijdrage", slug="bijdrage", live=False)
        story.owner = User.objects.create_user("lid@example.org", "x")
        story.member_contribution = True
        story.save()
        story.save_revision(user=story.owner)
        workflow = story.get_workflow()
        self.assertEqual(workflow.pk, Workflow.objects.get(name=WORKFLOW).pk)
        workflow.start(story, story.owner)
        state = WorkflowState.objects.get(object_id=str(story.pk), status="in_progress")
        actions = [
            name
            for name, *_ in state.current_task_state.task.specific.get_actions(
                story, self.moderator
            )
        ]
        self.assertIn("approve", actions)
        with self.captureOnCommitCallbacks(execute=True):
            state.current_task_state.approve(user=self.moderator)
        story.refresh_from_db()
        self.assertTrue(story.live)
        self.assertFalse(self.about.permissions_for_user(self.moderator).can_edit())
        self.client.force_login(self.moderator)
        self.assertNotEqual(self.client.get(f"/admin/pages/{self.about.pk}/edit/").status_code, 200)

    def test_editors_of_both_foundations_can_publish_a_translation(self):
        german = self.translated(self.about, title="Über uns", slug="ueber-uns")
        for editor in (self.editor_nl, self.editor_de):
            with self.subTest(editor=editor.email):
                self.assertTrue(german.permissions_for_user(editor).can_publish())
                self.assertTrue(editor.has_perm("wagtail_localize.submit_translation"))
                self.client.force_login(editor)
                self.assertEqual(
                    self.client.get(f"/admin/pages/{german.pk}/edit/").status_code, 200
                )


class DenyByDefaultTests(RolesTestCase):
    """What a role may do is what the README says, and nothing a Wagtail permission implies
    beyond it (the full answer per admin view: tests/security/test_role_matrix.py)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin = User.objects.create_superuser("beheer@example.org", "wachtwoord-123")
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")

    def in_review(self, owner, title, member):
        story = self.story(title=title, slug=title.lower().replace(" ", "-"), live=False)
        story.owner, story.member_contribution = owner, member
        story.save()
        story.save_revision(user=owner)
        story.get_workflow().start(story, owner)
        return story

    def test_no_role_holds_a_permission_on_accounts_or_groups(self):
        for name in [*EDITOR_GROUPS, MODERATORS]:
            with self.subTest(group=name):
                granted = Group.objects.get(name=name).permissions.filter(
                    content_type__app_label__in=["auth", "community"],
                    content_type__model__in=["user", "group", "permission"],
                )
                self.assertEqual(list(granted.values_list("codename", flat=True)), ["block_member"])

    def test_moderator_cannot_open_the_superusers_account_or_make_themselves_superuser(self):
        self.client.force_login(self.moderator)
        edit = f"/admin/users/edit/{self.admin.pk}/"
        self.assertNotEqual(self.client.get(edit).status_code, 200)
        self.client.post(
            edit,
            {"email": self.admin.email, "password1": "overgenomen-1", "is_superuser": "on"},
        )
        self.client.post(
            f"/admin/users/edit/{self.moderator.pk}/",
            {"email": self.moderator.email, "is_superuser": "on"},
        )
        self.admin.refresh_from_db()
        self.moderator.refresh_from_db()
        self.assertTrue(self.admin.check_password("wachtwoord-123"))
        self.assertFalse(self.moderator.is_superuser)
        self.assertEqual(self.client.get("/admin/groups/").status_code, 302)

    def test_editor_cannot_open_accounts_either(self):
        self.client.force_login(self.editor_nl)
        self.assertNotEqual(self.client.get(f"/admin/users/edit/{self.admin.pk}/").status_code, 200)
        self.assertNotEqual(self.client.get("/admin/users/").status_code, 200)

    def test_moderator_cannot_block_an_editor_or_the_superuser_through_the_members_view(self):
        self.client.force_login(self.moderator)
        for account in (self.editor_nl, self.admin, self.moderator):
            with self.subTest(account=account.email):
                for view in ("edit", "inspect", "history", "usage"):
                    response = self.client.get(f"/admin/members/{view}/{account.pk}/", follow=True)
                    self.assertEqual(response.status_code, 404)
                response = self.client.post(
                    f"/admin/members/edit/{account.pk}/",
                    {"block": "on", "blocked_reason": "x"},
                    follow=True,
                )
                self.assertEqual(response.status_code, 404)
                account.refresh_from_db()
                self.assertTrue(account.is_active)
        self.assertEqual(self.client.get(f"/admin/members/edit/{self.member.pk}/").status_code, 200)
        self.assertNotEqual(self.client.get("/admin/members/new/").status_code, 200)
        self.client.post(f"/admin/members/delete/{self.member.pk}/")
        self.assertTrue(User.objects.filter(pk=self.member.pk).exists())

    def test_moderator_reviews_a_members_contribution_in_the_admin_but_not_an_editors_story(self):
        contribution = self.in_review(self.member, "Bijdrage", member=True)
        editors_story = self.in_review(self.editor_nl, "Van de redactie", member=False)
        self.client.force_login(self.moderator)
        task = contribution.current_workflow_state.current_task_state.task
        preview = self.client.get(f"/admin/pages/workflow/preview/{contribution.pk}/{task.pk}/")
        self.assertContains(preview, "Bijdrage")
        self.assertNotEqual(
            self.client.get(f"/admin/pages/{editors_story.pk}/edit/").status_code, 200
        )
        self.assertNotEqual(
            self.client.get(f"/admin/pages/{self.story_index.pk}/edit/").status_code, 200
        )
        for story in (editors_story, contribution):
            state = story.current_workflow_state.current_task_state
            with self.captureOnCommitCallbacks(execute=True):
                self.client.post(
                    f"/admin/pages/workflow/action/{story.pk}/approve/{state.pk}/", {"comment": ""}
                )
        contribution.refresh_from_db()
        editors_story.refresh_from_db()
        self.assertTrue(contribution.live)
        self.assertFalse(editors_story.live)

    def test_moderator_reviews_but_cannot_rewrite_or_reattribute_a_contribution(self):
        contribution = self.in_review(self.member, "Bijdrage", member=True)
        self.client.force_login(self.moderator)
        edit = f"/admin/pages/{contribution.pk}/edit/"
        self.assertNotEqual(self.client.get(edit).status_code, 200)
        self.client.post(edit, {"title": "Herschreven", "author": self.admin.pk, "slug": "x"})
        contribution.refresh_from_db()
        self.assertEqual(contribution.get_latest_revision_as_object().title, "Bijdrage")
        self.assertEqual(contribution.revisions.count(), 1)
        home = self.client.get("/admin/")
        self.assertContains(home, f"/admin/pages/workflow/preview/{contribution.pk}/")
        self.assertNotContains(home, edit)

    def test_an_editors_page_is_never_sent_to_the_moderators_to_approve(self):
        # Wagtail's first migration puts a workflow on the whole tree whose task belongs to a
        # group named "Moderators" (ours); approving would let a moderator publish the page.
        self.client.force_login(self.editor_nl)
        edit = self.client.get(f"/admin/pages/{self.about.pk}/edit/")
        self.assertEqual(edit.status_code, 200)
        self.assertNotContains(edit, 'name="action-submit"')
        self.assertIsNone(self.about.get_workflow())

    def test_moderator_manages_no_images_or_documents(self):
        self.client.force_login(self.moderator)
        for address in ("/admin/images/", "/admin/images/add/", "/admin/documents/add/"):
            with self.subTest(address=address):
                self.assertNotEqual(self.client.get(address).status_code, 200)

    def test_the_admins_api_lists_images_and_documents_only_to_who_may_choose_them(self):
        root = Collection.get_first_root_node()
        wagtail_factories.ImageFactory(title="Foto van een concept", collection=root)
        wagtail_factories.DocumentFactory(title="Notulen", collection=root)
        for user, count in ((self.moderator, 0), (self.editor_nl, 1), (self.admin, 1)):
            self.client.force_login(user)
            for kind in ("images", "documents"):
                with self.subTest(user=user.email, kind=kind):
                    listing = self.client.get(f"/admin/api/main/{kind}/").json()
                    self.assertEqual(listing["meta"]["total_count"], count)

    def test_moderator_sees_contributions_and_reports_on_the_dashboard_not_registrations(self):
        self.client.force_login(self.moderator)
        response = self.client.get("/admin/")
        self.assertContains(response, 'id="jumelage-review-heading"')
        self.assertContains(response, 'id="jumelage-reports-heading"')
        self.assertNotContains(response, 'id="jumelage-meetings-heading"')

    def test_setup_roles_takes_away_what_an_older_version_granted(self):
        moderators = Group.objects.get(name=MODERATORS)
        old = Permission.objects.filter(
            content_type__app_label="community", codename__in=["change_user", "view_user"]
        )
        moderators.permissions.add(*old)
        Group.objects.get(name=EDITOR_GROUPS[0]).permissions.add(*old)
        change_page = Permission.objects.get(codename="change_page")
        GroupPagePermission.objects.get_or_create(
            group=moderators, page=self.story_index, permission=change_page
        )
        GroupCollectionPermission.objects.get_or_create(
            group=moderators,
            collection=Collection.get_first_root_node(),
            permission=Permission.objects.get(codename="change_image"),
        )
        self.assertTrue(self.moderator.has_perm("community.change_user"))

        call_command("setup_roles", stdout=StringIO())

        moderator = User.objects.get(pk=self.moderator.pk)
        editor = User.objects.get(pk=self.editor_nl.pk)
        for user in (moderator, editor):
            self.assertFalse(user.has_perm("community.change_user"))
            self.assertFalse(user.has_perm("community.view_user"))
            self.assertTrue(user.has_perm("community.block_member"))
        self.assertFalse(GroupPagePermission.objects.filter(group=moderators).exists())
        self.assertFalse(GroupCollectionPermission.objects.filter(group=moderators).exists())
        self.assertFalse(self.story_index.permissions_for_user(moderator).can_edit())


# Every kind of account, and what each place that tells members from moderators and editors
# makes of it. Columns: the rules (member, moderator, editor); the member area ("ok", or "login"
# for an account that cannot log in); where /admin/ leads ("admin", "member area" told that
# the admin is the editors', or "login"); listed in the members admin; their contribution in
# review waits on the dashboard; told of a report.
WHO_IS_WHO = {
    # kind: "member moderator editor | area | admin | listed | on dashboard | told of reports"
    "resident": "yes no no | ok | member area | yes | yes | no",
    "blocked": "yes no no | login | login | yes | yes | no",
    "moderator": "no yes no | ok | admin | no | no | yes",
    "editor": "no yes yes | ok | admin | no | no | yes",
    "administrator": "no yes yes | ok | admin | no | no | yes",
    # Let into the admin by a permission of its own, in no group.
    "access": "no yes no | ok | admin | no | no | yes",
    # A blocked editor: still nobody a moderator may unblock, and told of nothing.
    "suspended": "no no no | login | login | no | no | no",
    # Django's staff flag and a group that gives no admin access (one a private page may be
    # shown to): Wagtail's admin lets neither in, so they are residents.
    "staffflag": "yes no no | ok | member area | yes | yes | no",
    "privategroup": "yes no no | ok | member area | yes | yes | no",
}
EMAIL = re.compile(r"[\w.-]+@wie\.example")


class WhoIsWhoTests(RolesTestCase):
    """`community.roles` says who is a member, a moderator or an editor, and every place that
    tells them apart agrees with it for every kind of account: a place with a definition of its
    own disagrees on some row."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.accounts = {kind: cls.account(kind) for kind in WHO_IS_WHO}
        cls.viewer = User.objects.create_superuser("viewer@example.org", "x")

    @classmethod
    def account(cls, kind):
        email = f"{kind}@wie.example"
        if kind == "administrator":
            return User.objects.create_superuser(email, "x")
        user = User.objects.create_user(
            email,
            "x",
            display_name=f"Lid {kind}",
            is_active=kind not in ("blocked", "suspended"),
            is_staff=kind == "staffflag",
        )
        group = {"moderator": MODERATORS, "editor": EDITOR_GROUPS[0], "suspended": EDITOR_GROUPS[1]}
        if kind in group:
            user.groups.add(Group.objects.get(name=group[kind]))
        if kind == "access":
            access = Permission.objects.get(
                content_type__app_label="wagtailadmin", codename="access_admin"
            )
            user.user_permissions.add(access)
        if kind == "privategroup":
            user.groups.add(Group.objects.create(name="Bestuur"))
        return user

    def expected(self, kind):
        rules, area, admin, listed, dashboard, told = WHO_IS_WHO[kind].split(" | ")
        return {
            "rules": rules,
            "member area": area,
            "admin": admin,
            "listed": listed,
            "on dashboard": dashboard,
            "told of reports": told,
        }

    def yes(self, value):
        return "yes" if value else "no"

    def test_every_place_tells_members_moderators_and_editors_apart_as_the_rules_do(self):
        for kind, user in self.accounts.items():
            self.in_review(user, kind)
        listed = self.members_admin_listing()
        on_dashboard = self.dashboard_contributions()
        told = self.told_of_a_report()
        for kind, user in self.accounts.items():
            with self.subTest(kind=kind):
                got = {
                    "rules": " ".join(
                        self.yes(rule(user))
                        for rule in (roles.is_member, roles.is_moderator, roles.is_editor)
                    ),
                    "member area": self.member_area(user),
                    "admin": self.admin(user),
                    "listed": self.yes(user.email in listed),
                    "on dashboard": self.yes(f"Bijdrage {kind}" in on_dashboard),
                    "told of reports": self.yes(user.email in told),
                }
                self.assertEqual(got, self.expected(kind))
                # The querysets and the rules on one account say the same.
                for rule, users in (
                    (roles.is_member, roles.members()),
                    (roles.is_moderator, roles.moderators()),
                    (roles.is_editor, roles.editors()),
                ):
                    self.assertEqual(rule(user), users.filter(pk=user.pk).exists())

    def in_review(self, owner, kind):
        story = self.story(title=f"Bijdrage {kind}", slug=f"bijdrage-{kind}", live=False)
        story.owner, story.member_contribution = owner, True
        story.save()
        story.save_revision(user=owner)
        story.get_workflow().start(story, owner)

    def member_area(self, user):
        self.client.force_login(user)
        response = self.client.get("/nl/members/")
        if response.status_code == 200:
            return "ok"
        self.assertTrue(response["Location"].startswith("/nl/accounts/login/"))
        return "login"

    def admin(self, user):
        self.client.force_login(user)
        response = self.client.get("/admin/", follow=True)
        ended = response.redirect_chain[-1][0] if response.redirect_chain else "/admin/"
        if ended == "/admin/":
            return "admin"
        if ended == "/nl/members/":
            self.assertContains(response, "De beheeromgeving is voor de redacties")
            return "member area"
        self.assertTrue(ended.startswith("/nl/accounts/login/"), ended)
        return "login"

    def members_admin_listing(self):
        """The addresses the members admin lists; an account it does not list is not found by
        its inspect and edit views either."""
        self.client.force_login(self.viewer)
        response = self.client.get("/admin/members/")
        self.assertEqual(response.status_code, 200)
        rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
        listed = {email for row in rows for email in EMAIL.findall(row.get_text())}
        for user in self.accounts.values():
            for view in ("inspect", "edit"):
                url = f"/admin/members/{view}/{user.pk}/"
                found = self.client.get(url, follow=True).status_code
                self.assertEqual(found, 200 if user.email in listed else 404, (user.email, view))
        return listed

    def dashboard_contributions(self):
        self.client.force_login(self.viewer)
        page = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
        panel = page.find(id="jumelage-review-heading").find_parent("section")
        # The contributions' own table, the first: what is not a member's waits below it, among
        # the other pages awaiting review.
        table = panel.find("table")
        return {row.find("td").get_text(strip=True) for row in table.select("tbody tr")}

    def told_of_a_report(self):
        """Who is emailed when a visitor reports a resident's published story."""
        story = self.story(title="Verhaal van een lid", slug="verhaal-van-een-lid")
        story.owner, story.member_contribution = self.accounts["resident"], True
        story.save()
        self.client.logout()
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"/nl/report/{story.pk}/", {"reason": "spam", "message": "Reclame."})
        self.assertTrue(mail.outbox)
        return {address for message in mail.outbox for address in message.to}


class FoundationSettingsTests(RolesTestCase):
    """Each editor group keeps its own foundation's details; the footer pages are shared."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.site = Site.objects.get(is_default_site=True)
        cls.settings = FoundationSettings.for_site(cls.site)
        cls.stichting = Foundation.objects.create(
            settings=cls.settings, name="Stichting", town="Steenwijk", country="NL", sort_order=0
        )
        cls.verein = Foundation.objects.create(
            settings=cls.settings, name="Verein", town="Herzebrock", country="DE", sort_order=1
        )

    def post(self, editor, extra=None, **changes):
        rows = []
        for foundation in (self.stichting, self.verein):
            rows.append(
                {
                    "id": foundation.pk,
                    "name": foundation.name,
                    "town": foundation.town,
                    "country": foundation.country,
                    "email": foundation.email,
                    "address": foundation.address,
                    **changes.get(foundation.country, {}),
                }
            )
        data = {
            "foundations-TOTAL_FORMS": "3" if extra else "2",
            "foundations-INITIAL_FORMS": "3" if extra and "foundations-2-id" in extra else "2",
            "foundations-MIN_NUM_FORMS": "0",
            "foundations-MAX_NUM_FORMS": "1000",
            "contact_page": self.about.pk,
        }
        for index, row in enumerate(rows):
            for field, value in row.items():
                data[f"foundations-{index}-{field}"] = value
            data[f"foundations-{index}-ORDER"] = index + 1
        data.update(extra or {})
        self.client.force_login(editor)
        return self.client.post(
            f"/admin/settings/home/foundationsettings/{self.site.pk}/", data, follow=True
        )

    def test_editor_changes_their_own_foundation_and_the_footer_pages(self):
        self.post(self.editor_nl, NL={"email": "info@stichting.example"})
        self.stichting.refresh_from_db()
        self.settings.refresh_from_db()
        self.assertEqual(self.stichting.email, "info@stichting.example")
        self.assertEqual(self.settings.contact_page_id, self.about.pk)

    def test_browsers_line_breaks_in_the_other_address_are_no_change(self):
        # Browsers send a textarea's line breaks as CR LF; the stored address has LF.
        Foundation.objects.filter(pk=self.verein.pk).update(address="Markt 1\nHerzebrock")
        self.verein.refresh_from_db()
        self.post(
            self.editor_nl,
            NL={"email": "info@stichting.example"},
            DE={"address": "Markt 1\r\nHerzebrock"},
        )
        self.stichting.refresh_from_db()
        self.assertEqual(self.stichting.email, "info@stichting.example")

    def test_the_form_says_whose_details_an_editor_may_change_before_she_types(self):
        # Newcomer's walk 15: the German editor could type into the Dutch foundation's fields
        # and heard only on saving that she may not; each was called "Foundations 1".
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "de"
        profile.save()
        self.client.force_login(self.editor_de)
        response = self.client.get(f"/admin/settings/home/foundationsettings/{self.site.pk}/")
        page = BeautifulSoup(response.content, "html.parser")
        text = " ".join(page.get_text(" ", strip=True).split())
        self.assertIn(
            "Die Redaktion jeder Stiftung pflegt deren Angaben: Sie können die Ihrer eigenen "
            "Stiftung ändern, nicht die der Partnergemeinde. Die Seiten darunter gelten für "
            "beide.",
            text,
        )
        # Each one by the singular (the admin's script numbers them: "Stiftung 1/2").
        self.assertIn("Stiftung Name *", text)
        self.assertIn("Stiftung hinzufügen", text)
        self.assertNotIn("Stiftungen hinzufügen", text)

    def test_a_second_foundation_of_a_town_is_refused(self):
        # Attack 41: the German editor added a third entry, of her own country, with the Dutch
        # foundation's name and an address of hers; it showed in the footer and received the
        # replies to decision emails.
        data = {
            "foundations-2-name": "Stichting",
            "foundations-2-town": "Steenwijk",
            "foundations-2-country": "DE",
            "foundations-2-email": "nep@example.org",
            "foundations-2-address": "",
            "foundations-2-ORDER": 3,
        }
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "de"
        profile.save()
        response = self.post(self.editor_de, extra=data)
        self.assertContains(response, "Jede Gemeinde hat eine Stiftung")
        self.assertEqual(Foundation.objects.filter(settings=self.settings).count(), 2)

    def test_a_duplicate_stored_before_the_rule_keeps_no_one_from_her_own(self):
        # Second review: with two Dutch entries stored, the German editor could save nothing.
        extra = Foundation.objects.create(
            settings=self.settings, name="Nep", town="Steenwijk", country="NL", sort_order=2
        )
        data = {
            "foundations-2-id": extra.pk,
            "foundations-2-name": "Nep",
            "foundations-2-town": "Steenwijk",
            "foundations-2-country": "NL",
            "foundations-2-email": "",
            "foundations-2-address": "",
            "foundations-2-ORDER": 3,
        }
        self.post(self.editor_de, extra=data, DE={"email": "info@verein.example"})
        self.verein.refresh_from_db()
        self.assertEqual(self.verein.email, "info@verein.example")

    def test_editor_cannot_change_the_other_towns_foundation(self):
        response = self.post(self.editor_nl, DE={"email": "fake@example.org"})
        self.assertContains(response, "U mag alleen de gegevens van uw eigen stichting wijzigen.")
        self.verein.refresh_from_db()
        self.settings.refresh_from_db()
        self.assertEqual(self.verein.email, "")
        self.assertIsNone(self.settings.contact_page_id)

    def test_a_refused_removal_or_move_of_the_other_entry_says_why_above_the_form(self):
        # Review: the refusal stood on a row the admin hides once marked removed, or on the
        # hidden order field: the editor read only "could not be saved".
        for extra in ({"foundations-0-DELETE": "1"}, {"foundations-0-ORDER": 3}):
            extra = {**extra, "foundations-TOTAL_FORMS": "2"}  # the two entries, no new one
            with self.subTest(extra=extra):
                response = self.post(self.editor_de, extra=extra)
                page = BeautifulSoup(response.content, "html.parser")
                self.assertIn(
                    "U mag alleen de gegevens van uw eigen stichting wijzigen.",
                    page.select_one(".messages").get_text(" ", strip=True),
                )
                self.assertTrue(Foundation.objects.filter(pk=self.stichting.pk).exists())

    def test_a_refused_change_comes_back_with_what_she_typed_and_the_reason_beside_it(self):
        # Review of session 33: the refusal reloaded the form as stored, and the new entry she
        # had typed out, or the change of her own address beside the refused one, was gone.
        data = {
            "foundations-2-name": "Stichting",
            "foundations-2-town": "Steenwijk",
            "foundations-2-country": "DE",
            "foundations-2-email": "nep@example.org",
            "foundations-2-address": "Kerkstraat 1",
            "foundations-2-ORDER": 3,
        }
        response = self.post(self.editor_de, extra=data, DE={"email": "info@verein.example"})
        page = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(page.select_one("#id_foundations-2-email")["value"], "nep@example.org")
        self.assertEqual(page.select_one("#id_foundations-1-email")["value"], "info@verein.example")
        [row] = [
            child
            for child in page.select("#id_foundations-FORMS > *")
            if child.select_one("#id_foundations-2-email")
        ]
        self.assertIn("Elke gemeente heeft één stichting", row.get_text(" ", strip=True))
        self.verein.refresh_from_db()
        self.assertEqual(self.verein.email, "")

        response = self.post(self.editor_nl, DE={"email": "fake@example.org"})
        page = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(page.select_one("#id_foundations-1-email")["value"], "fake@example.org")


class MachineTranslatorSettingsTests(SettingsProbeMixin, TestCase):
    setting = "(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR or {}).get('CLASS')"

    def test_deepl_is_chosen_by_its_api_key(self):
        value = self.settings_value(self.setting, DEEPL_API_KEY="abc:fx")
        self.assertEqual(value, "home.translators.DeepLTranslator")

    def test_libretranslate_is_chosen_by_its_url(self):
        value = self.settings_value(self.setting, LIBRETRANSLATE_URL="http://127.0.0.1:5000")
        self.assertEqual(value, "home.translators.LibreTranslator")

    def test_no_machine_translation_without_configuration(self):
        self.assertEqual(self.settings_value(self.setting), "None")


class BlockingTests(RolesTestCase):
    def test_moderator_blocks_a_member_who_then_cannot_log_in_or_post(self):
        member = User.objects.create_user(
            "lid@example.org", "een-lang-wachtwoord", display_name="Lid"
        )
        member_client = self.client_class()
        member_client.force_login(member)
        self.client.force_login(self.moderator)
        response = self.client.post(
            f"/admin/members/edit/{member.pk}/",
            {"block": "on", "blocked_reason": "Spam in verhalen"},
        )
        self.assertEqual(response.status_code, 302)
        member.refresh_from_db()
        self.assertFalse(member.is_active)
        self.assertEqual(member.blocked_reason, "Spam in verhalen")
        self.assertIsNotNone(member.blocked_at)
        response = member_client.get("/nl/members/stories/new/")
        self.assertTrue(response["Location"].startswith("/nl/accounts/login/"))
        login = self.client_class().post(
            "/nl/accounts/login/", {"login": "lid@example.org", "password": "een-lang-wachtwoord"}
        )
        self.assertNotEqual(login.get("Location"), "/nl/members/")

    def test_blocking_needs_a_reason(self):
        member = User.objects.create_user("lid@example.org", "x")
        self.client.force_login(self.moderator)
        self.client.post(f"/admin/members/edit/{member.pk}/", {"block": "on", "blocked_reason": ""})
        member.refresh_from_db()
        self.assertTrue(member.is_active)

    def test_editors_are_not_listed_as_members(self):
        self.client.force_login(self.moderator)
        response = self.client.get("/admin/members/")
        self.assertNotContains(response, "redactie@example.org")

    def test_moderators_download_the_members_list_as_it_shows_them(self):
        """The download gave an empty file: the members view named nothing to export. Now both
        formats carry the list's columns as the list says them, in the moderator's admin
        language (the town's name, active in words), members only, and both are offered."""
        munster = TownFactory(name="Munster", country="DE")
        german = munster.copy_for_translation(self.german)
        german.name = "Münster"
        german.save()
        gast = User.objects.create_user("gast@example.org", "x", display_name="Gast", town=munster)
        User.objects.filter(pk=gast.pk).update(is_active=False)
        gast.refresh_from_db()
        profile = UserProfile.get_for_user(self.moderator)
        profile.preferred_language = "de"
        profile.save()
        self.client.force_login(self.moderator)
        listing = BeautifulSoup(self.client.get("/admin/members/").content, "html.parser")
        offered = sorted(link["href"] for link in listing.select("a[href*='export=']"))
        self.assertEqual(offered, ["/admin/members/?export=csv", "/admin/members/?export=xlsx"])
        # The list's headings, in German.
        headings = [th.get_text(" ", strip=True) for th in listing.select("thead th")]
        self.assertEqual(headings[:2], ["E-Mail-Adresse", "Anzeigename"])
        joined = timezone.localtime(gast.date_joined).replace(second=0, microsecond=0)
        for export_format, when in (
            ("csv", f"{joined:%Y-%m-%d %H:%M}"),
            ("xlsx", joined.replace(tzinfo=None)),
        ):
            with self.subTest(export_format=export_format):
                rows = self.members_export(export_format)
                self.assertEqual(rows[0], headings)
                self.assertIn(["gast@example.org", "Gast", "Münster", "Nein", when], rows)
                listed = {row[0] for row in rows[1:]}
                self.assertIn("gast@example.org", listed)
                self.assertNotIn("redactie@example.org", listed)
                self.assertNotIn(self.moderator.email, listed)

    def test_the_members_list_capitalises_each_heading_as_its_download_does(self):
        """The Dutch list said "gemeente", lower case among capitalised headings, where the
        download says "Gemeente"."""
        User.objects.create_user("lid@example.org", "x", display_name="Lid", town=self.herzebrock)
        profile = UserProfile.get_for_user(self.moderator)
        profile.preferred_language = "nl"
        profile.save()
        self.client.force_login(self.moderator)
        listing = BeautifulSoup(self.client.get("/admin/members/").content, "html.parser")
        headings = [th.get_text(" ", strip=True) for th in listing.select("thead th")]
        self.assertIn("Gemeente", headings)
        for heading in headings:
            self.assertEqual(heading[:1], heading[:1].upper(), heading)
        self.assertEqual(self.members_export("csv")[0], headings)
        town_filter = listing.select_one("label[for=id_town]").get_text(strip=True)
        self.assertEqual(town_filter, "Gemeente")

    def members_export(self, export_format):
        response = self.client.get("/admin/members/", {"export": export_format})
        self.assertEqual(response.status_code, 200)
        content = b"".join(response.streaming_content)
        if export_format == "csv":
            text = content.decode("utf-8-sig")
            return list(csv.reader(io.StringIO(text), delimiter=";"))
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return [["" if cell is None else cell for cell in row] for row in sheet.values]

    def test_the_town_filter_lists_each_town_once_in_the_moderators_language(self):
        munster = TownFactory(name="Munster", country="DE")
        german = munster.copy_for_translation(self.german)
        german.name = "Münster"
        german.save()
        User.objects.create_user("gast@example.org", "x", display_name="Gast", town=munster)
        User.objects.create_user("lid@example.org", "x", display_name="Lid", town=self.herzebrock)
        profile = UserProfile.get_for_user(self.moderator)
        self.client.force_login(self.moderator)
        for language, names in (
            (
                "nl",
                ["Elders of niet opgegeven", "Herzebrock-Clarholz", "Munster", "Steenwijkerland"],
            ),
            (
                "de",
                ["Anderswo oder keine Angabe", "Herzebrock-Clarholz", "Münster", "Steenwijkerland"],
            ),
        ):
            with self.subTest(language=language):
                profile.preferred_language = language
                profile.save()
                page = BeautifulSoup(self.client.get("/admin/members/").content, "html.parser")
                options = page.select("select[name=town] option")
                self.assertEqual([o.get_text(strip=True) for o in options if o["value"]], names)
        response = self.client.get("/admin/members/", {"town": munster.pk})
        self.assertContains(response, "gast@example.org")
        self.assertNotContains(response, "lid@example.org")
        # The listing's town column names the town in the moderator's language too, with the
        # same number of queries for one member as for several.
        rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
        self.assertIn("Münster", rows[0].get_text())
        self.assertNotIn("Munster", rows[0].get_text())
        before = self.count_queries("/admin/members/")
        for number in range(3):
            User.objects.create_user(f"gast{number}@example.org", "x", town=munster)
        self.assertEqual(self.count_queries("/admin/members/"), before)

    def count_queries(self, url):
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(queries)


class DashboardTests(RolesTestCase):
    def test_dashboard_panels_show_what_waits_for_the_editors(self):
        member = User.objects.create_user(
            "lid@example.org", "x", display_name="Lid", town=self.herzebrock
        )
        story = self.story(title="Bijdrage", slug="bijdrage", live=False)
        story.owner, story.member_contribution = member, True
        story.save()
        story.save_revision(user=member)
        story.get_workflow().start(story, member)
        published = self.story(title="Gepubliceerd", slug="gepubliceerd")
        Report.objects.file(published, "spam")
        Report.objects.file(published, "offensive")
        soon = self.meeting(timezone.now() + timedelta(days=5), title="Binnenkort", capacity=10)
        Registration.objects.register(soon, member)
        self.meeting(timezone.now() + timedelta(days=30), title="Later")
        about_de = self.translated(self.about, title="Über uns", slug="ueber-uns")
        self.about.title = "Over ons (nieuw)"
        self.about.save_revision().publish()

        self.assertEqual(
            [p.title for p in ContributionsAwaitingReview().data()["contributions"]], ["Bijdrage"]
        )
        self.assertEqual(OpenReports().data()["count"], 2)
        meetings = MeetingsSoon().data()["meetings"]
        self.assertEqual([(m.title, m.registered) for m in meetings], [("Binnenkort", 1)])
        outdated = OutdatedTranslations().data()["outdated"]
        self.assertEqual([row.page.pk for row in outdated], [about_de.pk])

        self.client.force_login(self.editor_de)
        response = self.client.get("/admin/")
        self.assertContains(response, 'id="jumelage-review-heading"')
        self.assertContains(response, "Binnenkort")
        self.assertContains(response, "Über uns")


class AdminExperienceTests(RolesTestCase):
    def test_accessibility_checker_also_checks_image_alternative_text(self):
        self.client.force_login(self.editor_nl)
        response = self.client.get("/nl/over-ons/")
        self.assertContains(response, "image-alt")

    def test_admin_speaks_the_editors_own_language(self):
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "de"
        profile.save()
        self.client.force_login(self.editor_de)
        response = self.client.get("/admin/")
        self.assertContains(response, '<html lang="de"')
        self.assertContains(response, "Jumelage")


class ModerationEmailLanguageTests(RolesTestCase):
    """Wagtail's moderation emails (about an editors' page in review: a member's contribution is
    told of by ours, tests/test_review_notifications.py) name the review stage (a task) in each
    recipient's language, not in the language of whoever caused them."""

    def test_a_german_editor_reads_the_stage_in_german_when_a_dutch_administrator_submits(self):
        for editor, language in ((self.editor_de, "de"), (self.editor_nl, "nl")):
            profile = UserProfile.get_for_user(editor)
            profile.preferred_language = language
            profile.save()
        administrator = User.objects.create_superuser("beheer@example.org", "x", language="nl")
        page = self.story(title="Fietsen naar Clarholz", owner=administrator)
        page.save_revision(user=administrator)
        with translation.override("nl"), self.captureOnCommitCallbacks(execute=True):
            page.get_workflow().start(page, administrator)
        emails = {email.to[0]: email for email in mail.outbox}
        german = emails[self.editor_de.email]
        self.assertIn("Die Moderation prüft Beiträge", german.body)
        self.assertIn("Die Moderation prüft Beiträge", german.subject)
        self.assertNotIn("beoordelen", german.body + german.subject)
        dutch = emails[self.editor_nl.email]
        self.assertNotIn("Die Moderation prüft Beiträge", dutch.body + dutch.subject)
        # Wagtail's own lines in these emails say "je" in Dutch; ours say "u", as the site does.
        self.assertIn("Pas hier uw meldingsvoorkeuren aan:", dutch.body)
        self.assertNotRegex(dutch.body, r"\b(je|Je|jouw|Jouw)\b")
        self.assertIn("Ändern Sie hier Ihre Benachrichtigungseinstellungen:", german.body)

    def test_a_german_administrator_saves_the_workflow_under_its_key_or_under_a_new_name(self):
        administrator = User.objects.create_superuser("admin@example.org", "x")
        profile = UserProfile.get_for_user(administrator)
        profile.preferred_language = "de"
        profile.save()
        self.client.force_login(administrator)
        workflow = Workflow.objects.get(name=WORKFLOW)
        url = f"/admin/workflows/edit/{workflow.pk}/"
        data = form_data(self.client.get(url))
        self.assertEqual(data["name"], "Prüfung von Beiträgen")
        self.assertEqual(self.client.post(url, data).status_code, 302)
        stored = Workflow.objects.filter(pk=workflow.pk).values_list("name", flat=True)
        self.assertEqual(stored.get(), WORKFLOW)
        self.assertEqual(self.client.post(url, {**data, "name": "Neue Prüfung"}).status_code, 302)
        self.assertEqual(stored.get(), "Neue Prüfung")
        group = Group.objects.get(name=MODERATORS)
        url = f"/admin/groups/edit/{group.pk}/"
        self.assertEqual(self.client.post(url, form_data(self.client.get(url))).status_code, 302)
        self.assertTrue(Group.objects.filter(name=MODERATORS).exists())


class DeclineTests(RolesTestCase):
    def declined(self):
        """A German member's story, rejected by a moderator as the dashboard's dialog sends it."""
        member = User.objects.create_user("lid@example.org", "x", display_name="Lid", language="de")
        story = self.story(title="Werbung", slug="werbung", live=False)
        story.owner, story.member_contribution = member, True
        story.save()
        story.save_revision(user=member)
        story.get_workflow().start(story, member)
        state = WorkflowState.objects.get(object_id=str(story.pk), status="in_progress")
        task = state.current_task_state.task.specific
        self.assertIn("decline", [name for name, *_ in task.get_actions(story, self.moderator)])
        self.client.force_login(self.moderator)
        with self.captureOnCommitCallbacks(execute=True):
            answer = self.client.post(
                f"/admin/pages/workflow/action/{story.pk}/decline/{state.current_task_state.pk}/",
                {"comment": "Reine Werbung."},
                headers={"x-requested-with": "XMLHttpRequest"},
            )
        self.assertEqual(answer.json()["step"], "success")
        story.refresh_from_db()
        return member, story

    def test_moderator_rejects_a_contribution_and_the_member_is_told_why(self):
        member, story = self.declined()
        self.assertFalse(story.live)
        self.assertEqual(story.decline_reason, "Reine Werbung.")
        self.assertIsNone(story.current_workflow_state)
        self.assertIn("Nicht veröffentlicht", mail.outbox[-1].subject)
        self.assertIn("Reine Werbung.", mail.outbox[-1].body)
        self.client.force_login(member)
        area = self.client.get("/de/members/")
        self.assertContains(area, "Abgelehnt")
        self.assertContains(area, "Reine Werbung.")

    def test_a_rejected_contribution_stays_the_members_to_read_and_delete_not_to_change(self):
        member, story = self.declined()
        self.client.force_login(member)
        row = (
            BeautifulSoup(self.client.get("/de/members/").content, "html.parser")
            .find("td", string="Werbung")
            .find_parent("tr")
        )
        # Every link and button of its row leads somewhere: to read it, or to delete it.
        address = f"/de/members/contributions/{story.pk}/"
        self.assertEqual(
            [(a.contents[0].strip(), a["href"]) for a in row.select("a")],
            [("Ansehen", address), ("Löschen", f"{address}delete/")],
        )
        # Deleting asks first: a page that says it cannot be undone, and deletes on its button.
        asked = self.client.get(f"{address}delete/")
        self.assertContains(asked, "Endgültig löschen")
        self.assertTrue(Page.objects.filter(pk=story.pk).exists())
        shown = self.client.get(address)
        self.assertContains(shown, "Nach der Prüfung wird dieser Beitrag nicht veröffentlicht")
        self.assertContains(shown, "Reine Werbung.")
        self.assertNotContains(shown, 'name="title"')
        # Changing it anyway is refused, and says why.
        revision = Page.objects.get(pk=story.pk).latest_revision_id
        refused = self.client.post(address, {"title": "Doch keine Werbung", "submit": "1"})
        refusal = "Nach der Prüfung wird dieser Beitrag nicht veröffentlicht."
        self.assertContains(refused, refusal, status_code=409)
        self.assertEqual(Page.objects.get(pk=story.pk).latest_revision_id, revision)
        self.assertIsNone(Page.objects.get(pk=story.pk).current_workflow_state)
        # Nor taken back from a review it is no longer in; nor does it say an editor works on it.
        withdrawn = self.client.post(f"{address}withdraw/", follow=True)
        self.assertContains(withdrawn, "Nach der Prüfung wird dieser Beitrag nicht veröffentlicht")
        self.assertNotContains(withdrawn, "kann jetzt nicht zurückgezogen werden")
        self.assertIsNone(Page.objects.get(pk=story.pk).current_workflow_state)
        self.assertEqual(self.client.post(f"{address}delete/").status_code, 302)
        self.assertFalse(Page.objects.filter(pk=story.pk).exists())

    def test_a_reply_to_the_rejection_reaches_the_foundations_not_the_senders_address(self):
        settings = FoundationSettings.for_site(Site.objects.get(is_default_site=True))
        for country, email in (("NL", "info@stichting.example"), ("DE", "info@verein.example")):
            Foundation.objects.create(settings=settings, name=country, town=country, email=email)
        self.declined()
        [message] = [m for m in mail.outbox if m.to == ["lid@example.org"]]
        self.assertEqual(message.reply_to, ["info@stichting.example", "info@verein.example"])
        self.assertIn("Antworten Sie auf diese E-Mail", message.body)

    def test_an_address_that_would_break_the_email_is_refused_and_left_out_of_a_reply(self):
        settings = FoundationSettings.for_site(Site.objects.get(is_default_site=True))
        hostile = '"info\x0bBcc:attacker@evil.example"@stichting.example'
        with self.assertRaises(ValidationError):
            Foundation(settings=settings, name="NL", town="NL", email=hostile).full_clean()
        # One saved before addresses were checked so.
        Foundation.objects.create(settings=settings, name="NL", town="NL", email=hostile)
        Foundation.objects.create(settings=settings, name="DE", town="DE", email="info@v.example")
        self.declined()
        [message] = [m for m in mail.outbox if m.to == ["lid@example.org"]]
        self.assertEqual(message.reply_to, ["info@v.example"])
        self.assertNotIn("attacker", message.message().as_string())

    def test_the_rejected_contribution_says_whom_to_ask(self):
        settings = FoundationSettings.for_site(Site.objects.get(is_default_site=True))
        Foundation.objects.create(
            settings=settings, name="Verein", town="Herzebrock", email="v@h.example"
        )
        member, story = self.declined()
        self.client.force_login(member)
        shown = BeautifulSoup(
            self.client.get(f"/de/members/contributions/{story.pk}/").content, "html.parser"
        )
        asked = shown.select_one(".questions")
        self.assertIn("Fragen?", asked.get_text())
        self.assertEqual(asked.a["href"], "mailto:v@h.example")

    def test_without_the_foundations_addresses_the_rejection_points_to_the_contact_page(self):
        settings = FoundationSettings.for_site(Site.objects.get(is_default_site=True))
        Foundation.objects.create(settings=settings, name="Stichting", town="Steenwijk")
        settings.contact_page = self.about
        settings.save()
        self.declined()
        [message] = [m for m in mail.outbox if m.to == ["lid@example.org"]]
        self.assertEqual(message.reply_to, [])
        self.assertNotIn("Antworten", message.body)
        self.assertIn(f"{self.about.get_url()}", message.body)


class TheApprovalEmailNamesWhoApprovedTests(RolesTestCase):
    """The member hears who approved her contribution: a moderator approves for the moderation,
    not for the editors (newcomer's walk: a moderator's approval was signed "de redactie")."""

    def approved_by(self, approver, slug):
        story = self.story(title="Fietstocht", slug=slug, live=False)
        story.owner = User.objects.create_user(f"{slug}@example.org", "x", language="nl")
        story.member_contribution = True
        story.save()
        story.save_revision(user=story.owner)
        story.get_workflow().start(story, story.owner)
        state = WorkflowState.objects.get(object_id=str(story.pk), status="in_progress")
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            state.current_task_state.approve(user=approver, comment="Mooi verhaal.")
        [message] = [m for m in mail.outbox if m.to == [story.owner.email]]
        return message.body

    def test_a_moderators_approval_comes_from_the_moderation(self):
        body = self.approved_by(self.moderator, "door-moderatie")
        with translation.override("nl"):
            said = translation.gettext(
                "Good news: the moderation has approved “%(title)s”. It is now on the site for "
                "everyone to read:"
            ) % {"title": "Fietstocht"}
            comment = translation.gettext("The moderation's comment:")
        self.assertIn(said, body)
        self.assertIn(f"{comment}\nMooi verhaal.", body)
        self.assertNotIn("redactie", body)

    def test_an_editors_approval_comes_from_the_editors(self):
        body = self.approved_by(self.editor_nl, "door-redactie")
        self.assertIn("Goed nieuws: de redactie heeft „Fietstocht” goedgekeurd.", body)
        self.assertIn("Het commentaar van de redactie:\nMooi verhaal.", body)


class TheDecisionEmailsNameWhoDecidedTests(RolesTestCase):
    """The member hears who asked for changes to her contribution, or rejected it, as she hears
    who approved it: a moderator decides for the moderation, not for the editors (the emails
    said "An editor…", "The editors…" whoever decided)."""

    def in_review(self, slug, language):
        member = User.objects.create_user(f"{slug}@example.org", "x", language=language)
        story = self.story(title="Fietstocht", slug=slug, live=False)
        story.owner, story.member_contribution = member, True
        story.save()
        story.save_revision(user=member)
        story.get_workflow().start(story, member)
        mail.outbox.clear()
        return member, WorkflowState.objects.get(object_id=str(story.pk), status="in_progress")

    def changes_requested_by(self, reviewer, slug):
        member, state = self.in_review(slug, "nl")
        with self.captureOnCommitCallbacks(execute=True):
            state.current_task_state.reject(user=reviewer, comment="Graag een foto erbij.")
        [message] = [m for m in mail.outbox if m.to == [member.email]]
        return message

    def declined_by(self, reviewer, slug):
        """As the dashboard's dialog sends it, to a German member."""
        member, state = self.in_review(slug, "de")
        self.client.force_login(reviewer)
        with self.captureOnCommitCallbacks(execute=True):
            answer = self.client.post(
                f"/admin/pages/workflow/action/{state.object_id}/decline/"
                f"{state.current_task_state.pk}/",
                {"comment": "Reine Werbung."},
                headers={"x-requested-with": "XMLHttpRequest"},
            )
        self.assertEqual(answer.json()["step"], "success")
        [message] = [m for m in mail.outbox if m.to == [member.email]]
        return message

    def test_a_moderators_request_for_changes_comes_from_the_moderation(self):
        message = self.changes_requested_by(self.moderator, "wijzigen-moderatie")
        with translation.override("nl"):
            said = translation.gettext(
                "The moderation has read “%(title)s” and asks you to change a few things before "
                "it is published."
            ) % {"title": "Fietstocht"}
        self.assertIn(said, message.body)
        self.assertIn("Het commentaar van de moderatie:\nGraag een foto erbij.", message.body)
        self.assertEqual(message.subject, "Wijzigingen gevraagd: Fietstocht")
        self.assertNotIn("redactie", message.body)

    def test_an_editors_request_for_changes_comes_from_the_editors(self):
        message = self.changes_requested_by(self.editor_nl, "wijzigen-redactie")
        self.assertIn("De redactie heeft „Fietstocht” gelezen en vraagt u", message.body)
        self.assertIn("Het commentaar van de redactie:\nGraag een foto erbij.", message.body)
        self.assertNotIn("moderatie", message.body)

    def test_a_reply_to_a_request_for_changes_or_an_approval_reaches_the_foundations(self):
        """Walk 17: the reviewer's question in a request for changes could only be answered
        to the sender's address, nobody's; so could the approval's comment."""
        settings = FoundationSettings.for_site(Site.objects.get(is_default_site=True))
        for country, email in (("NL", "info@stichting.example"), ("DE", "info@verein.example")):
            Foundation.objects.create(settings=settings, name=country, town=country, email=email)
        asked = self.changes_requested_by(self.editor_nl, "wijzigen-antwoord")
        member, state = self.in_review("goedgekeurd-antwoord", "de")
        with self.captureOnCommitCallbacks(execute=True):
            state.current_task_state.approve(user=self.editor_nl, comment="Schön.")
        [approved] = [m for m in mail.outbox if m.to == [member.email]]
        for message, said in (
            (asked, "Beantwoord deze e-mail: uw antwoord gaat naar de stichtingen."),
            (approved, "Antworten Sie auf diese E-Mail"),
        ):
            with self.subTest(message.subject):
                self.assertEqual(
                    message.reply_to, ["info@stichting.example", "info@verein.example"]
                )
                self.assertIn(said, message.body)

    def test_a_moderators_rejection_comes_from_the_moderation(self):
        message = self.declined_by(self.moderator, "abgelehnt-moderation")
        with translation.override("de"):
            said = translation.gettext(
                "The moderation has read “%(title)s” and decided not to publish it."
            ) % {"title": "Fietstocht"}
        self.assertIn(said, message.body)
        self.assertIn("Der Kommentar der Moderation:\nReine Werbung.", message.body)
        self.assertEqual(message.subject, "Nicht veröffentlicht: Fietstocht")
        self.assertNotIn("Redaktion", message.body)

    def test_an_editors_rejection_comes_from_the_editors(self):
        message = self.declined_by(self.editor_nl, "abgelehnt-redaktion")
        self.assertIn("Die Redaktion hat „Fietstocht“ gelesen und entschieden", message.body)
        self.assertIn("Der Kommentar der Redaktion:\nReine Werbung.", message.body)
        self.assertNotIn("Moderation", message.body)


class AdminLoginTests(RolesTestCase):
    """Editors log in through allauth like members, with its limits; Wagtail's own forms are
    gone."""

    password = "wachtwoord-123"  # noqa: S105 - set by RolesTestCase.user

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for editor, language in ((cls.editor_nl, "nl"), (cls.editor_de, "de")):
            EmailAddress.objects.create(
                user=editor, email=editor.email, verified=True, primary=True
            )
            profile = UserProfile.get_for_user(editor)
            profile.preferred_language = language
            profile.save()

    def log_in(self, password=None, user=None, language="nl", follow=False, **extra):
        """The login form on the `language` pages, as `user` (the Dutch editor unless told)."""
        return self.client.post(
            f"/{language}/accounts/login/",
            {
                "login": (user or self.editor_nl).email,
                "password": password or self.password,
                **extra,
            },
            follow=follow,
        )

    def test_anonymous_visitor_of_the_admin_is_sent_to_the_allauth_login_with_next(self):
        target = f"/admin/pages/{self.about.pk}/"
        response = self.client.get(target)
        self.assertRedirects(
            response, f"/nl/accounts/login/?next={target}", fetch_redirect_response=False
        )
        login = self.client.get(response["Location"])
        self.assertEqual(login.context["redirect_field_value"], target)
        self.assertContains(login, f'<input type="hidden" name="next" value="{target}">')
        self.assertContains(login, 'class="notice"')

    def test_wagtails_login_address_leads_to_allauth_in_the_visitors_language(self):
        response = self.client.get(
            "/admin/login/?next=/admin/pages/", headers={"accept-language": "de-DE,de;q=0.9"}
        )
        self.assertRedirects(
            response, "/de/accounts/login/?next=/admin/pages/", fetch_redirect_response=False
        )
        page = self.client.get("/admin/login/", follow=True)
        self.assertNotContains(page, 'name="username"')
        self.assertContains(page, 'action="/nl/accounts/login/"')

    def test_wagtails_login_address_leads_back_into_the_admin(self):
        # Without `next` the editor landed on the member's page ("U hebt nog niets
        # geschreven") after logging in (walk of 2026-12-05, W7).
        self.assertRedirects(
            self.client.get("/admin/login/"),
            "/nl/accounts/login/?next=%2Fadmin%2F",
            fetch_redirect_response=False,
        )
        response = self.log_in(next="/admin/")
        self.assertRedirects(response, "/admin/")

    def test_editor_logs_in_through_allauth_and_lands_where_they_were_going(self):
        target = f"/admin/pages/{self.about.pk}/edit/"
        response = self.log_in(next=target)
        self.assertRedirects(response, target)
        self.assertContains(self.client.get("/admin/"), 'id="jumelage-review-heading"')

    def test_german_editor_with_a_dutch_browser_lands_in_a_german_admin_without_dutch(self):
        response = self.log_in(user=self.editor_de, next="/admin/", follow=True)
        self.assertEqual(response.redirect_chain[-1][0], "/admin/")
        self.assertContains(response, '<html lang="de"')
        self.assertNotContains(response, "U bent ingelogd als")
        self.assertNotContains(response, "Sie sind als")

    def test_dutch_editor_with_a_german_browser_lands_in_a_dutch_admin_without_german(self):
        target = f"/admin/pages/{self.about.pk}/"
        response = self.log_in(language="de", next=target, follow=True)
        self.assertEqual(response.redirect_chain[-1][0], target)
        self.assertContains(response, '<html lang="nl"')
        self.assertNotContains(response, "Sie sind als")
        self.assertNotContains(response, "U bent ingelogd als")

    def test_member_logging_in_on_the_site_is_still_told_so_in_its_language(self):
        member = User.objects.create_user("lid@example.org", self.password, display_name="Anke")
        EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
        response = self.log_in(user=member, next="/nl/", follow=True)
        self.assertEqual(response.redirect_chain[-1][0], "/nl/")
        self.assertContains(response, "U bent ingelogd als Anke.")

    def test_failed_logins_are_limited_for_editors_too(self):
        rates = app_settings.RATE_LIMITS["login_failed"].split(",")
        limit = next(int(rate.split("/")[0]) for rate in rates if rate.endswith("/key"))
        for _attempt in range(limit):
            self.assertEqual(self.log_in(password="geraden-123").status_code, 200)
        response = self.log_in(next="/admin/")
        with translation.override("nl"):
            refusal = str(DefaultAccountAdapter.error_messages["too_many_login_attempts"])
        self.assertContains(response, refusal)
        self.assertRedirects(
            self.client.get("/admin/"),
            "/nl/accounts/login/?next=/admin/",
            fetch_redirect_response=False,
        )

    def test_logging_out_of_the_admin_leads_to_the_allauth_login(self):
        self.log_in()
        response = self.client.post("/admin/logout/")
        self.assertRedirects(response, "/nl/accounts/login/", fetch_redirect_response=False)
        self.assertEqual(self.client.get("/admin/").status_code, 302)

    def test_german_editor_logging_out_of_the_admin_is_told_so_on_the_german_login(self):
        self.log_in(user=self.editor_de, next="/admin/")
        response = self.client.post("/admin/logout/", follow=True)
        self.assertEqual(response.redirect_chain[-1][0], "/de/accounts/login/")
        self.assertContains(response, "Sie wurden ausgeloggt.")

    def test_dutch_editor_logging_out_of_the_admin_is_addressed_as_u(self):
        self.log_in(user=self.editor_nl, next="/admin/")
        response = self.client.post("/admin/logout/", follow=True)
        self.assertEqual(response.redirect_chain[-1][0], "/nl/accounts/login/")
        self.assertContains(response, "U bent uitgelogd.")
        self.assertNotContains(response, "Je bent")

    def test_forgotten_password_in_the_admin_is_reset_through_allauth(self):
        response = self.client.get("/admin/password_reset/")
        self.assertRedirects(response, "/nl/accounts/password/reset/")
        self.client.post("/nl/accounts/password/reset/", {"email": self.editor_nl.email})
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("/nl/accounts/password/reset/key/", mail.outbox[0].body)

    def test_member_opening_the_admin_is_told_no_and_not_sent_back_and_forth(self):
        member = User.objects.create_user("lid@example.org", "x")
        self.client.force_login(member)
        response = self.client.get("/admin/", follow=True)
        self.assertEqual(response.redirect_chain[-1][0], "/nl/members/")
        self.assertContains(response, "De beheeromgeving is voor de redacties van de stichtingen.")
        self.assertNotContains(response, "Je hebt geen toegang")


class RegistrationAdminTests(RolesTestCase):
    """Editors change registrations under the members' rules: places and the waiting list."""

    def test_editor_cancelling_a_registration_gives_the_place_to_who_waits(self):
        meeting = self.meeting(timezone.now() + timedelta(days=7), capacity=1)
        first = User.objects.create_user("eerste@example.org", "x", display_name="Eerste")
        second = User.objects.create_user("tweede@example.org", "x", display_name="Tweede")
        taken = Registration.objects.register(meeting, first)
        waiting = Registration.objects.register(meeting, second)
        self.client.force_login(self.editor_nl)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"/admin/registrations/edit/{taken.pk}/", {"status": "cancelled"})
        waiting.refresh_from_db()
        self.assertEqual(waiting.status, "registered")
        self.assertEqual(mail.outbox[-1].to, ["tweede@example.org"])

        answer = self.client.post(
            f"/admin/registrations/edit/{taken.pk}/", {"status": "registered"}
        )
        self.assertContains(answer, "De bijeenkomst is vol")
        taken.refresh_from_db()
        self.assertEqual(taken.status, "cancelled")
        self.assertEqual(Registration.objects.for_meeting(meeting).registered().count(), 1)

    def test_editor_cannot_give_a_blocked_member_a_place_or_put_her_on_the_waiting_list(self):
        meeting = self.meeting(timezone.now() + timedelta(days=7), capacity=5)
        member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        registration = Registration.objects.register(meeting, member)
        member.is_active = False
        member.save()  # blocked: her place is given up
        registration.refresh_from_db()
        self.assertEqual(registration.status, "cancelled")
        self.client.force_login(self.editor_nl)
        for status in ("registered", "waitlisted"):
            with self.subTest(status=status):
                answer = self.client.post(
                    f"/admin/registrations/edit/{registration.pk}/", {"status": status}
                )
                with translation.override(answer.wsgi_request.LANGUAGE_CODE):
                    refused = translation.gettext(
                        "This member is blocked: an inactive account holds no places and waits "
                        "for none. Unblock the member first."
                    )
                self.assertContains(answer, refused)
                registration.refresh_from_db()
                self.assertEqual(registration.status, "cancelled")
