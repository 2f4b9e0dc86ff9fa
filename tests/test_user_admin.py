"""An administrator adds or edits an account in Wagtail's users admin: the language of the
person's emails (`User.language`) is chosen there, so a German editor is not written to in
Dutch, the site's default language."""

import importlib
import re
import threading
import unittest
from unittest import mock

from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection, transaction
from django.db.models.fields.files import FieldFile
from django.test import Client, TestCase, TransactionTestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import GroupPagePermission, Page
from wagtail.users.models import UserProfile
from wagtail.users.views.users import CreateView, EditView

from community.roles import EDITOR_GROUPS, MODERATORS
from community.roles.setup import setup_roles
from community.user_admin import (
    ACCOUNT_BEYOND_REACH,
    ADMINISTRATORS_ACCOUNT,
    NOTHING_CHANGED,
    OWN_ACCOUNT_NOT_HERE,
    OWN_PERMISSIONS,
    ROLE_HELD_ALREADY,
)
from tests.base import BilingualSiteTestCase
from tests.test_contribution_races import in_thread, waiting_for_locks

User = get_user_model()
PASSWORD = "wachtwoord-123"  # noqa: S105


class AddingAnEditorTests(BilingualSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        # A Dutch administrator: the admin in Dutch.
        cls.administrator = User.objects.create_superuser("beheer@example.org", PASSWORD)
        profile = UserProfile.get_for_user(cls.administrator)
        profile.preferred_language = "nl"
        profile.save()
        EmailAddress.objects.create(
            user=cls.administrator, email="beheer@example.org", verified=True, primary=True
        )

    def post_german_editor(self, **language):
        self.client.force_login(self.administrator)
        return self.client.post(
            reverse("wagtailusers_users:add"),
            {
                "email": "redaktion@example.org",
                "first_name": "Greta",
                "last_name": "Redaktion",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "groups": [Group.objects.get(name=EDITOR_GROUPS[1]).pk],
                **language,
            },
        )

    def add_german_editor(self, **language):
        self.assertEqual(self.post_german_editor(**language).status_code, 302)
        self.client.logout()
        return User.objects.get(email="redaktion@example.org")

    def reset_password_email(self):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post("/nl/accounts/password/reset/", {"email": "redaktion@example.org"})
        [email] = mail.outbox
        return email

    def test_a_german_editor_added_by_a_dutch_administrator_is_written_to_in_german(self):
        self.client.force_login(self.administrator)
        response = self.client.get(reverse("wagtailusers_users:add"))
        self.assertContains(response, '<select name="language"')
        self.assertIn(response.context["form"]["language"].value(), (None, ""))  # to be chosen
        editor = self.add_german_editor(language="de")
        self.assertEqual(editor.language, "de")
        # allauth's email, asked for on the Dutch login page, in German.
        email = self.reset_password_email()
        self.assertEqual(email.subject, "Wählen Sie ein neues Passwort")
        # Wagtail's emails (moderation) and the admin are in German too.
        self.assertEqual(UserProfile.get_for_user(editor).get_preferred_language(), "de")

    def test_a_new_account_needs_its_language_chosen_and_keeps_what_was_typed(self):
        """Never guessed: neither the administrator's own language preselected nor one inferred
        from the groups, which overrode what the form showed."""
        response = self.post_german_editor()
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.context["form"].errors["language"], ["Dit is een verplicht veld."]
        )
        self.assertContains(response, 'value="redaktion@example.org"')
        self.assertFalse(User.objects.filter(email="redaktion@example.org").exists())
        # A Dutch-speaking editor of the German foundation stays Dutch.
        editor = self.add_german_editor(language="nl")
        self.assertEqual(editor.language, "nl")

    def test_an_account_is_not_copied_over_another(self):
        """Wagtail's copy address took the new account's form and overwrote the account it
        copied (attack of 2026-12-04): there is no copy of accounts."""
        member = User.objects.create_user("anke@example.org", PASSWORD, first_name="Anke")
        self.client.force_login(self.administrator)
        response = self.client.post(
            f"/admin/users/copy/{member.pk}/",
            {"email": "kopie@example.org", "password1": PASSWORD, "password2": PASSWORD},
            follow=True,
        )
        self.assertEqual(response.status_code, 404)
        member.refresh_from_db()
        self.assertEqual(member.email, "anke@example.org")
        listing = self.client.get(reverse("wagtailusers_users:index"))
        self.assertNotContains(listing, "/admin/users/copy/")

    def test_the_users_list_says_active_in_words_not_true_or_false(self):
        """Wagtail's "Active" column gave its tick and cross the titles "True" and "False",
        which screen readers read out: the admin's own words instead."""
        User.objects.create_user("slapend@example.org", PASSWORD, is_active=False)
        self.client.force_login(self.administrator)
        response = self.client.get(reverse("wagtailusers_users:index"))
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertNotIn('title="True"', html)
        self.assertNotIn('title="False"', html)
        self.assertNotRegex(html, r">\s*(True|False)\s*<")
        cells = [row.split("</td>")[0] for row in html.split('<td class="status"')[1:]]
        self.assertEqual(len(cells), 2)
        self.assertTrue(any("Ja" in cell for cell in cells), cells)
        self.assertTrue(any("Nee" in cell for cell in cells), cells)

    def test_the_administrator_changes_an_accounts_language(self):
        editor = User.objects.create_user("editor@example.org", PASSWORD, language="nl")
        self.client.force_login(self.administrator)
        edit = reverse("wagtailusers_users:edit", args=[editor.pk])
        response = self.client.get(edit)
        self.assertContains(response, '<select name="language"')
        self.assertEqual(response.context["form"]["language"].value(), "nl")
        response = self.client.post(
            edit,
            {
                "email": "editor@example.org",
                "first_name": "Femke",
                "last_name": "Redactie",
                "language": "de",
                "is_active": "on",
            },
        )
        self.assertEqual(response.status_code, 302)
        editor.refresh_from_db()
        self.assertEqual(editor.language, "de")

    def test_a_group_key_too_large_for_the_database_is_an_invalid_choice(self):
        editor = User.objects.create_user("editor@example.org", PASSWORD, language="nl")
        self.client.force_login(self.administrator)
        too_large = "99999999999999999999"  # 20 digits: SQLite's driver overflowed
        add = self.client.post(
            reverse("wagtailusers_users:add"),
            {
                "email": "redaktion@example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "language": "de",
                "groups": [too_large],
            },
        )
        edit = self.client.post(
            reverse("wagtailusers_users:edit", args=[editor.pk]),
            {"email": "editor@example.org", "language": "nl", "groups": [too_large]},
        )
        for response in (add, edit):
            self.assertEqual(response.status_code, 200)
            self.assertIn("groups", response.context["form"].errors)
        self.assertFalse(User.objects.filter(email="redaktion@example.org").exists())


class AccountManagersTests(BilingualSiteTestCase):
    """A group that manages accounts without being administrators (Wagtail's group editor offers
    adding, changing and deleting users): it neither makes an administrator nor takes one over
    by a new password or address (attack of 2026-12-04)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        managers = Group.objects.create(name="Accountbeheer")
        managers.permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
            *Permission.objects.filter(
                content_type__app_label=User._meta.app_label,
                codename__in=["add_user", "change_user", "delete_user"],
            ),
        )
        cls.managers = managers
        cls.manager = User.objects.create_user("accounts@example.org", PASSWORD)
        cls.manager.groups.add(managers)
        cls.administrator = User.objects.create_superuser(
            "beheer@example.org", PASSWORD, first_name="Bea"
        )
        cls.editor = User.objects.create_user("editor@example.org", PASSWORD, language="nl")

    def log_in_speaking(self, account, language):
        """Logs `account` in to an admin in `language` (her profile's preferred language)."""
        profile = UserProfile.get_for_user(account)
        profile.preferred_language = language
        profile.save()
        self.client.force_login(account)

    def add(self, by):
        self.client.force_login(by)
        return self.client.post(
            reverse("wagtailusers_users:add"),
            {
                "email": "nieuw@example.org",
                "first_name": "Nina",
                "last_name": "Nieuw",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "language": "nl",
                "is_superuser": "on",
            },
        )

    def edit(self, by, account, **fields):
        self.client.force_login(by)
        return self.client.post(
            reverse("wagtailusers_users:edit", args=[account.pk]),
            {
                "email": account.email,
                "first_name": "Ties",
                "last_name": "Test",
                "language": "nl",
                "is_active": "on",
                **fields,
            },
        )

    def test_an_account_manager_adds_an_account_but_no_administrator(self):
        form = self.client_get_form(self.manager, reverse("wagtailusers_users:add"))
        self.assertNotIn("is_superuser", form.fields)
        self.assertEqual(self.add(self.manager).status_code, 302)
        self.assertFalse(User.objects.get(email="nieuw@example.org").is_superuser)

    def test_an_account_manager_does_not_make_an_account_an_administrator(self):
        edit = reverse("wagtailusers_users:edit", args=[self.editor.pk])
        self.assertNotIn("is_superuser", self.client_get_form(self.manager, edit).fields)
        self.assertEqual(self.edit(self.manager, self.editor, is_superuser="on").status_code, 302)
        self.editor.refresh_from_db()
        self.assertFalse(self.editor.is_superuser)

    def test_an_account_manager_does_not_take_over_an_administrator(self):
        self.client.force_login(self.manager)
        edit = reverse("wagtailusers_users:edit", args=[self.administrator.pk])
        self.assertRefused(self.client.get(edit), self.administrator)
        response = self.edit(
            self.manager,
            self.administrator,
            email="overgenomen@example.org",
            password1="overgenomen-123",
            password2="overgenomen-123",
        )
        self.assertRefused(response, self.administrator)
        self.administrator.refresh_from_db()
        self.assertEqual(self.administrator.email, "beheer@example.org")
        self.assertTrue(self.administrator.check_password(PASSWORD))
        self.assertTrue(self.administrator.is_superuser)

    def test_an_account_manager_is_told_why_an_administrator_is_not_deleted(self):
        """As the edit view tells her: not Wagtail's "Sorry, you do not have permission"."""
        self.client.force_login(self.manager)
        delete = reverse("wagtailusers_users:delete", args=[self.administrator.pk])
        self.assertRefused(self.client.get(delete), self.administrator)
        self.assertRefused(self.client.post(delete), self.administrator)
        self.assertTrue(User.objects.filter(pk=self.administrator.pk).exists())

    def test_an_administrator_still_makes_and_edits_administrators(self):
        self.assertEqual(self.add(self.administrator).status_code, 302)
        self.assertTrue(User.objects.get(email="nieuw@example.org").is_superuser)
        other = User.objects.create_superuser("tweede@example.org", PASSWORD)
        self.assertEqual(self.edit(self.administrator, other, last_name="Twee").status_code, 302)
        other.refresh_from_db()
        self.assertEqual(other.last_name, "Twee")
        self.edit(self.administrator, self.editor, is_superuser="on")
        self.editor.refresh_from_db()
        self.assertTrue(self.editor.is_superuser)

    def test_an_account_manager_neither_deactivates_nor_regroups_an_administrator_in_bulk(self):
        # Wagtail's bulk actions on the users list asked only for the permission to change users:
        # an account manager locked the administrators out (outsider's pass, 2026-12-04).
        self.client.force_login(self.manager)
        editors = Group.objects.get(name=EDITOR_GROUPS[0])
        ids = f"?id={self.administrator.pk}&id={self.editor.pk}"
        self.client.post(
            f"/admin/bulk/community/user/set_active_state/{ids}", {"mark_as_active": "False"}
        )
        self.client.post(
            f"/admin/bulk/community/user/assign_role/{ids}", {"role": self.managers.pk}
        )
        self.administrator.refresh_from_db()
        self.editor.refresh_from_db()
        self.assertTrue(self.administrator.is_active)
        self.assertFalse(self.administrator.groups.exists())
        # The accounts an account manager may manage still are.
        self.assertFalse(self.editor.is_active)
        self.assertIn(self.managers, self.editor.groups.all())
        self.assertNotIn(editors, self.editor.groups.all())

    def test_an_account_manager_saves_a_members_language_without_inventing_names(self):
        member = User.objects.create_user("lid@example.org", PASSWORD, display_name="Lid")
        response = self.edit(self.manager, member, first_name="", last_name="", language="de")
        self.assertEqual(response.status_code, 302)
        member.refresh_from_db()
        self.assertEqual((member.first_name, member.last_name, member.language), ("", "", "de"))
        self.client.post(
            reverse("wagtailusers_users:add"),
            {
                "email": "nieuw@example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "language": "nl",
            },
        )
        self.assertTrue(User.objects.filter(email="nieuw@example.org", first_name="").exists())

    def test_a_name_with_a_direction_override_is_refused_in_the_users_admin(self):
        member = User.objects.create_user("lid@example.org", PASSWORD, display_name="Lid")
        response = self.edit(self.manager, member, first_name="\u202eevil")
        self.assertEqual(response.status_code, 200)
        self.assertIn("first_name", response.context["form"].errors)
        member.refresh_from_db()
        self.assertEqual(member.first_name, "")

    def assertRolesRefused(self, response, *roles):
        self.assertEqual(response.status_code, 200)
        form = response.context["form"]
        field = "groups" if "groups" in form.fields else "role"
        [error] = form.errors.as_data()[field]
        self.assertEqual(error.code, "roles_beyond_reach")
        for role in roles:
            self.assertIn(role, error.params["roles"])
        # Said in the admin's language, where the form shows it.
        with translation.override(response.wsgi_request.LANGUAGE_CODE):
            said = escape(str(error.message) % error.params)
        self.assertContains(response, said)

    def test_an_account_manager_gives_no_role_that_allows_more_than_her_own(self):
        """The editors', the moderators' and a group of page permissions only (outsider's pass of
        2026-12-04); her own role she may give."""
        pages = Group.objects.create(name="Paginas")
        GroupPagePermission.objects.create(
            group=pages,
            page=Page.objects.get(depth=1),
            permission=Permission.objects.get(codename="publish_page"),
        )
        editors = Group.objects.get(name=EDITOR_GROUPS[0])
        moderators = Group.objects.get(name=MODERATORS)
        for group in (editors, moderators, pages):
            self.client.force_login(self.manager)
            response = self.client.post(
                reverse("wagtailusers_users:add"),
                {
                    "email": "nieuw@example.org",
                    "first_name": "Nina",
                    "password1": PASSWORD,
                    "password2": PASSWORD,
                    "language": "nl",
                    "groups": [group.pk, self.managers.pk],
                },
            )
            with self.subTest(group=group.name):
                self.assertRolesRefused(response, str(group))
                self.assertNotIn(str(self.managers), response.context["form"].errors["groups"][0])
                self.assertContains(response, 'value="nieuw@example.org"')
                self.assertFalse(User.objects.filter(email="nieuw@example.org").exists())
            response = self.edit(self.manager, self.editor, groups=[group.pk])
            with self.subTest(group=group.name, edit=True):
                self.assertRolesRefused(response, str(group))
                self.assertFalse(self.editor.groups.exists())
        self.assertEqual(self.add(self.manager).status_code, 302)  # without roles: fine
        self.assertEqual(
            self.edit(self.manager, self.editor, groups=[self.managers.pk]).status_code, 302
        )
        self.assertEqual(list(self.editor.groups.all()), [self.managers])

    def test_an_account_manager_does_not_take_over_an_editors_or_moderators_account(self):
        """A new password, or her own address and then a password reset, on an editor's account
        was hers (attack of 2026-12-04): the accounts whose roles allow more than she may do are
        left to administrators, neither edited nor deleted."""
        for role in (EDITOR_GROUPS[0], MODERATORS):
            group = Group.objects.get(name=role)
            self.editor.groups.set([group])
            edit = reverse("wagtailusers_users:edit", args=[self.editor.pk])
            delete = reverse("wagtailusers_users:delete", args=[self.editor.pk])
            with self.subTest(role=role):
                self.client.force_login(self.manager)
                self.assertRefused(self.client.get(edit), self.editor, group)
                self.assertRefused(self.client.get(delete), self.editor, group)
                response = self.edit(
                    self.manager,
                    self.editor,
                    email="accounts@example.org.invalid",
                    password1="overgenomen-123",
                    password2="overgenomen-123",
                    groups=[group.pk],
                )
                self.assertRefused(response, self.editor, group)
                # Deactivated through the form's "active", left out.
                self.assertRefused(
                    self.edit(self.manager, self.editor, groups=[group.pk]), self.editor, group
                )
                self.assertRefused(self.client.post(delete), self.editor, group)
                self.editor.refresh_from_db()
                self.assertEqual(self.editor.email, "editor@example.org")
                self.assertEqual(self.editor.first_name, "")
                self.assertTrue(self.editor.check_password(PASSWORD))
                self.assertTrue(self.editor.is_active)
                self.assertEqual(list(self.editor.groups.all()), [group])

    def test_an_account_manager_leaves_an_account_with_its_own_permissions_alone(self):
        """Permissions set on the account itself (the shell or an administrator sets them; the
        users admin shows none) made no role, and an account manager set its password, logged
        in as it and reached the groups (attack of 2026-12-05, F2): such an account is left to
        administrators everywhere she manages accounts, told why."""
        self.editor.user_permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
            Permission.objects.get(codename="change_group", content_type__app_label="auth"),
        )
        edit = reverse("wagtailusers_users:edit", args=[self.editor.pk])
        delete = reverse("wagtailusers_users:delete", args=[self.editor.pk])
        for language in ("nl", "de"):
            with self.subTest(language=language):
                self.log_in_speaking(self.manager, language)
                for response in (
                    self.client.get(edit),
                    self.client.get(delete),
                    self.client.post(
                        edit,
                        {
                            "email": self.editor.email,
                            "language": "nl",
                            "is_active": "on",
                            "password1": "overgenomen-123",
                            "password2": "overgenomen-123",
                        },
                    ),
                    self.client.post(delete),
                ):
                    self.assertRedirects(
                        response, reverse("wagtailusers_users:index"), fetch_redirect_response=False
                    )
                    *_, said = (str(message) for message in response.wsgi_request._messages)
                    with translation.override(language):
                        self.assertEqual(said, str(OWN_PERMISSIONS) % {"account": self.editor})
        ids = f"?id={self.editor.pk}"
        self.client.post(
            f"/admin/bulk/community/user/set_active_state/{ids}", {"mark_as_active": "False"}
        )
        self.client.post(f"/admin/bulk/community/user/delete/{ids}")
        self.editor.refresh_from_db()
        self.assertTrue(self.editor.check_password(PASSWORD))
        self.assertTrue(self.editor.is_active)
        listing = self.client.get(reverse("wagtailusers_users:index"))
        self.assertContains(listing, self.editor.email)
        self.assertNotContains(listing, f'href="{edit}"')
        self.assertNotContains(listing, f'href="{delete}"')
        checked = set(re.findall(r'data-object-id="(\d+)"', listing.content.decode()))
        self.assertNotIn(str(self.editor.pk), checked)
        # An administrator still manages it.
        self.client.force_login(self.administrator)
        self.assertEqual(self.client.get(edit).status_code, 200)

    def test_an_account_manager_reads_the_history_only_of_accounts_within_her_reach(self):
        """An administrator's, an editor's or a moderator's names, address and log were hers
        to read at /admin/users/history/<id>/ (attack of 2026-12-05, F5): refused as their
        edit view is."""
        editors = Group.objects.get(name=EDITOR_GROUPS[0])
        self.editor.groups.add(editors)
        member = User.objects.create_user("lid@example.org", PASSWORD)
        self.client.force_login(self.manager)
        for account, role in ((self.administrator, None), (self.editor, editors)):
            for view in ("history", "history_results"):
                with self.subTest(account=account.email, view=view):
                    url = reverse(f"wagtailusers_users:{view}", args=[account.pk])
                    self.assertRefused(self.client.get(url), account, role)
        for view in ("history", "history_results"):
            url = reverse(f"wagtailusers_users:{view}", args=[member.pk])
            self.assertEqual(self.client.get(url).status_code, 200)
        self.client.force_login(self.administrator)
        url = reverse("wagtailusers_users:history", args=[self.editor.pk])
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_an_account_manager_leaves_editors_and_moderators_alone_in_bulk(self):
        editors = Group.objects.get(name=EDITOR_GROUPS[0])
        moderator = User.objects.create_user("moderator@example.org", PASSWORD)
        moderator.groups.add(Group.objects.get(name=MODERATORS))
        self.editor.groups.add(editors)
        member = User.objects.create_user("lid@example.org", PASSWORD)
        self.client.force_login(self.manager)
        ids = f"?id={self.editor.pk}&id={moderator.pk}"
        response = self.client.get(f"/admin/bulk/community/user/set_active_state/{ids}")
        self.assertEqual(response.context["items"], [])
        self.assertEqual(len(response.context["accounts_beyond_reach"]), 2)
        self.client.post(
            f"/admin/bulk/community/user/set_active_state/{ids}", {"mark_as_active": "False"}
        )
        self.client.post(
            f"/admin/bulk/community/user/assign_role/{ids}", {"role": self.managers.pk}
        )
        self.client.post(f"/admin/bulk/community/user/delete/{ids}")
        for account in (self.editor, moderator):
            account.refresh_from_db()
            self.assertTrue(account.is_active)
            self.assertNotIn(self.managers, account.groups.all())
        # A member she still deletes.
        self.client.post(f"/admin/bulk/community/user/delete/?id={member.pk}")
        self.assertFalse(User.objects.filter(pk=member.pk).exists())

    def test_the_bulk_confirmation_says_which_accounts_are_left_out_and_why(self):
        """Not Wagtail's "you don't have permission to delete these users", which an account
        manager who may delete users cannot make sense of: each account left out, by name, and
        the reason, in the admin's language."""
        editors = Group.objects.get(name=EDITOR_GROUPS[0])
        self.editor.groups.add(editors)
        member = User.objects.create_user("lid@example.org", PASSWORD)
        self.client.force_login(self.manager)
        ids = f"?id={self.administrator.pk}&id={self.editor.pk}&id={member.pk}"
        for action in ("delete", "set_active_state", "assign_role"):
            response = self.client.get(f"/admin/bulk/community/user/{action}/{ids}")
            with self.subTest(action=action), translation.override("nl"):
                self.assertEqual(response.status_code, 200)
                for why in (
                    ADMINISTRATORS_ACCOUNT % {"account": self.administrator},
                    ACCOUNT_BEYOND_REACH % {"account": self.editor, "roles": str(editors)},
                ):
                    self.assertContains(response, escape(why))
                self.assertNotContains(response, "niet de juiste rechten")
                self.assertContains(response, "lid@example.org")

    def test_the_bulk_delete_says_why_her_own_account_is_left_out_and_where_it_is_deleted(self):
        """Not Wagtail's "you don't have permission to delete this user", with no reason: her
        own account is in our list, with where she deletes it herself (her member area, which
        asks for her password)."""
        for language, said, link in (
            ("nl", "Uw eigen account", "Mijn account verwijderen"),
            ("de", "Ihr eigenes Konto", "Mein Konto löschen"),
        ):
            with self.subTest(language=language):
                self.log_in_speaking(self.manager, language)
                response = self.client.get(
                    f"/admin/bulk/community/user/delete/?id={self.manager.pk}"
                )
                self.assertNotContains(response, "niet de juiste rechten")
                self.assertNotContains(response, "nicht die Berechtigung")
                self.assertContains(response, said)
                self.assertContains(response, self.manager.email)
                with translation.override(language):
                    url = reverse("member_delete")
                self.assertContains(response, f'<a href="{url}">{link}</a>', html=True)
        self.assertTrue(User.objects.filter(pk=self.manager.pk).exists())

    def test_an_account_manager_still_manages_accounts_within_her_reach(self):
        """A member, and a colleague holding her own role."""
        colleague = User.objects.create_user("collega@example.org", PASSWORD)
        colleague.groups.add(self.managers)
        for account in (self.editor, colleague):
            with self.subTest(account=account.email):
                response = self.edit(
                    self.manager,
                    account,
                    last_name="Nieuw",
                    groups=[group.pk for group in account.groups.all()],
                )
                self.assertEqual(response.status_code, 302)
                account.refresh_from_db()
                self.assertEqual(account.last_name, "Nieuw")
        self.client.post(reverse("wagtailusers_users:delete", args=[colleague.pk]))
        self.assertFalse(User.objects.filter(pk=colleague.pk).exists())

    def test_an_account_manager_assigns_no_role_beyond_hers_in_bulk(self):
        self.client.force_login(self.manager)
        moderators = Group.objects.get(name=MODERATORS)
        response = self.client.post(
            f"/admin/bulk/community/user/assign_role/?id={self.editor.pk}", {"role": moderators.pk}
        )
        self.assertRolesRefused(response, str(moderators))
        self.assertFalse(self.editor.groups.exists())
        # An administrator may.
        self.client.force_login(self.administrator)
        self.client.post(
            f"/admin/bulk/community/user/assign_role/?id={self.editor.pk}", {"role": moderators.pk}
        )
        self.assertIn(moderators, self.editor.groups.all())

    def test_the_bulk_role_counts_only_the_accounts_that_got_the_role(self):
        """ "2 gebruikers toegewezen aan rol" counted a colleague who already had the role."""
        colleague = User.objects.create_user("collega@example.org", PASSWORD)
        colleague.groups.add(self.managers)
        self.log_in_speaking(self.manager, "nl")
        ids = f"?id={colleague.pk}&id={self.editor.pk}"
        response = self.client.post(
            f"/admin/bulk/community/user/assign_role/{ids}", {"role": self.managers.pk}
        )
        self.assertEqual(self.told(response), f"1 gebruiker toegewezen aan rol {self.managers}")
        self.assertIn(self.managers, self.editor.groups.all())
        # Both had it now: nothing changed, and said so.
        response = self.client.post(
            f"/admin/bulk/community/user/assign_role/{ids}", {"role": self.managers.pk}
        )
        with translation.override("nl"):
            said = str(ROLE_HELD_ALREADY) % {"role": self.managers}
        self.assertEqual(self.told(response), said)

    def test_a_bulk_action_on_accounts_beyond_reach_says_nothing_changed_and_why(self):
        """Not "0 gebruikers toegewezen aan rol": nothing was changed, and the reason of each
        account left out."""
        editors = Group.objects.get(name=EDITOR_GROUPS[0])
        self.editor.groups.add(editors)
        self.log_in_speaking(self.manager, "nl")
        ids = f"?id={self.administrator.pk}&id={self.editor.pk}"
        for action, data in (
            ("assign_role", {"role": self.managers.pk}),
            ("set_active_state", {"mark_as_active": "False"}),
            ("delete", {}),
        ):
            with self.subTest(action=action):
                response = self.client.post(f"/admin/bulk/community/user/{action}/{ids}", data)
                self.assertEqual(response.status_code, 302)
                said = self.told(response)
                self.assertNotRegex(said, r"\b0 ")
                with translation.override("nl"):
                    self.assertTrue(said.startswith(str(NOTHING_CHANGED).split("%")[0]))
                    for why in (
                        ADMINISTRATORS_ACCOUNT % {"account": self.administrator},
                        ACCOUNT_BEYOND_REACH % {"account": self.editor, "roles": str(editors)},
                    ):
                        self.assertIn(str(why), said)
        self.assertNotIn(self.managers, self.editor.groups.all())
        self.assertTrue(User.objects.filter(pk=self.administrator.pk, is_active=True).exists())

    def test_a_bulk_delete_of_only_her_own_account_says_nothing_was_deleted_and_why(self):
        """Not "0 gebruikers verwijderd" (attack helper's note of 2026-12-05)."""
        self.log_in_speaking(self.manager, "nl")
        for ids in (f"?id={self.manager.pk}", f"?id={self.manager.pk}&id={self.administrator.pk}"):
            with self.subTest(ids=ids):
                response = self.client.post(f"/admin/bulk/community/user/delete/{ids}", {})
                self.assertEqual(response.status_code, 302)
                said = self.told(response)
                self.assertNotRegex(said, r"\b0 ")
                with translation.override("nl"):
                    self.assertTrue(said.startswith(str(NOTHING_CHANGED).split("%")[0]))
                    self.assertIn(str(OWN_ACCOUNT_NOT_HERE % {"account": self.manager}), said)
        self.assertTrue(User.objects.filter(pk=self.manager.pk).exists())

    def told(self, response):
        """The last message the admin shows after `response` (earlier ones wait unread)."""
        *_, said = (str(message).strip() for message in response.wsgi_request._messages)
        return said

    def test_the_bulk_role_screen_labels_the_role_in_the_admins_language(self):
        """Not Wagtail's untranslated "Role" in a Dutch or German admin."""
        for language, label in (("nl", "Rol"), ("de", "Rolle")):
            with self.subTest(language=language):
                self.log_in_speaking(self.administrator, language)
                response = self.client.get(
                    f"/admin/bulk/community/user/assign_role/?id={self.editor.pk}"
                )
                self.assertRegex(response.content.decode(), rf'id="id_role-label">\s*{label}<span')

    def test_the_bulk_role_screen_offers_an_account_manager_only_roles_within_her_reach(self):
        """Offered the moderators' or editors' role, she was refused only once she confirmed."""
        self.client.force_login(self.manager)
        url = f"/admin/bulk/community/user/assign_role/?id={self.editor.pk}"
        response = self.client.get(url)
        self.assertEqual(self.roles_offered(response), [str(self.managers)])
        for name in (MODERATORS, "Editors", *EDITOR_GROUPS):
            with self.subTest(role=name):
                role = Group.objects.get(name=name)
                self.assertNotContains(response, f'value="{role.pk}"')
        self.assertContains(response, f'value="{self.managers.pk}"')
        # An administrator is offered every role.
        self.client.force_login(self.administrator)
        response = self.client.get(url)
        self.assertEqual(len(self.roles_offered(response)), Group.objects.count())

    def roles_offered(self, response):
        return re.findall(r'<option value="\d+">([^<]*)</option>', response.content.decode())

    def test_the_users_list_offers_an_account_manager_only_the_accounts_within_her_reach(self):
        """The edit and delete views refuse an administrator's account and one whose roles
        allow more than she may do: the list no longer offers their links, only to be refused."""
        self.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        member = User.objects.create_user("lid@example.org", PASSWORD)
        colleague = User.objects.create_user("collega@example.org", PASSWORD)
        colleague.groups.add(self.managers)
        self.client.force_login(self.manager)
        listing = self.client.get(reverse("wagtailusers_users:index"))
        self.assertEqual(listing.status_code, 200)
        for account in (self.administrator, self.editor):
            with self.subTest(account=account.email):
                self.assertContains(listing, account.email)
                for view in ("edit", "delete"):
                    url = reverse(f"wagtailusers_users:{view}", args=[account.pk])
                    self.assertNotContains(listing, f'href="{url}"')
        for account in (member, colleague):
            with self.subTest(account=account.email):
                for view in ("edit", "delete"):
                    url = reverse(f"wagtailusers_users:{view}", args=[account.pk])
                    self.assertContains(listing, f'href="{url}"')
        own = reverse("wagtailusers_users:edit", args=[self.manager.pk])
        self.assertContains(listing, f'href="{own}"')
        # Nor offered to be ticked for a bulk action that leaves them out.
        checked = set(re.findall(r'data-object-id="(\d+)"', listing.content.decode()))
        self.assertFalse({str(self.administrator.pk), str(self.editor.pk)} & checked)
        self.assertLessEqual({str(member.pk), str(colleague.pk)}, checked)
        # An administrator is offered every account.
        self.client.force_login(self.administrator)
        listing = self.client.get(reverse("wagtailusers_users:index"))
        for account in (self.editor, member):
            url = reverse("wagtailusers_users:edit", args=[account.pk])
            self.assertContains(listing, f'href="{url}"')

    def test_the_users_list_shows_each_accounts_roles_as_its_access_level(self):
        """An administrator sees who is an editor or a moderator before a bulk action: the
        column said only "Admin", for administrators."""
        editors = Group.objects.get(name=EDITOR_GROUPS[0])
        moderators = Group.objects.get(name=MODERATORS)
        self.editor.groups.add(editors)
        moderator = User.objects.create_user("moderator@example.org", PASSWORD)
        moderator.groups.add(moderators)
        for language in ("nl", "de"):
            with self.subTest(language=language):
                self.log_in_speaking(self.administrator, language)
                listing = self.client.get(reverse("wagtailusers_users:index"))
                with translation.override(language):
                    expected = {
                        self.editor.email: str(editors),
                        moderator.email: str(moderators),
                        self.manager.email: str(self.managers),
                        self.administrator.email: {"nl": "Beheerder", "de": "Administration"}[
                            language
                        ],
                    }
                levels = self.access_levels(listing)
                for email, level in expected.items():
                    self.assertEqual(levels[email], level)
                self.assertNotIn("Editors", levels[self.editor.email])

    def test_the_users_lists_roles_cost_no_query_per_account(self):
        editors = Group.objects.get(name=EDITOR_GROUPS[0])
        moderators = Group.objects.get(name=MODERATORS)
        self.client.force_login(self.administrator)
        url = reverse("wagtailusers_users:index")

        def add_accounts(n, start):
            for i in range(start, start + n):
                account = User.objects.create_user(f"rol{i}@example.org", PASSWORD)
                account.groups.add(editors, moderators)

        add_accounts(3, 0)
        self.client.get(url)
        queries = self.queries_of(url)
        add_accounts(6, 3)
        with self.assertNumQueries(queries):
            listing = self.client.get(url)
        self.assertEqual(len([e for e in self.access_levels(listing) if e.startswith("rol")]), 9)

    def access_levels(self, listing):
        """Each listed address with what its access-level column says."""
        rows = re.findall(r"<tr.*?</tr>", listing.content.decode(), re.S)
        levels = {}
        for row in rows:
            address = re.search(r'<td class="username">\s*(\S+@\S+?)\s*</td>', row)
            level = re.search(r'<td class="level">(.*?)</td>', row, re.S)
            if address and level:
                levels[address.group(1)] = " ".join(level.group(1).split())
        return levels

    def test_the_users_list_asks_the_reach_of_its_page_at_once(self):
        """Not once or twice per account: the queries do not grow with the accounts listed."""
        editors = Group.objects.get(name=EDITOR_GROUPS[0])
        self.client.force_login(self.manager)
        url = reverse("wagtailusers_users:index")
        self.client.get(url)
        before = self.queries_of(url)
        for n in range(5):
            account = User.objects.create_user(f"redacteur{n}@example.org", PASSWORD)
            account.groups.add(editors, self.managers)
        self.assertEqual(self.queries_of(url), before)

    def queries_of(self, url):
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(queries)

    def assertRefused(self, response, account, role=None):
        """Back to the users list, told why in the admin's language."""
        users = reverse("wagtailusers_users:index")
        self.assertRedirects(response, users, fetch_redirect_response=False)
        *_, said = (str(message) for message in response.wsgi_request._messages)
        with translation.override(response.wsgi_request.LANGUAGE_CODE):
            why = ACCOUNT_BEYOND_REACH if role else ADMINISTRATORS_ACCOUNT
            self.assertEqual(said, str(why) % {"account": account, "roles": str(role)})

    def client_get_form(self, by, url):
        self.client.force_login(by)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.context["form"]


class AccountPageTests(BilingualSiteTestCase):
    """The admin's "Account" page of an administrator made with `manage.py createsuperuser`,
    without a first or last name: it asked for both and saved nothing, above an empty error
    banner (outsider's pass of 2026-12-04)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.administrator = User.objects.create_superuser("beheer@example.org", PASSWORD)

    def account_form_data(self, **changes):
        """What the page posts as it stands, with `changes` (by the field's full name)."""
        response = self.client.get(reverse("wagtailadmin_account"))
        self.assertEqual(response.status_code, 200)
        data = {}
        for panels in response.context["panels_by_tab"].values():
            for panel in panels:
                for field in panel.get_form():
                    value = field.value()
                    if value and not isinstance(value, FieldFile):
                        data[field.html_name] = value
        return {**data, **changes}

    def test_an_administrator_without_a_name_saves_the_account_page(self):
        self.client.force_login(self.administrator)
        data = self.account_form_data(**{"locale-preferred_language": "de"})
        self.assertEqual(data.get("name_email-first_name", ""), "")
        response = self.client.post(reverse("wagtailadmin_account"), data)
        self.assertRedirects(response, reverse("wagtailadmin_account"))
        self.assertEqual(UserProfile.get_for_user(self.administrator).preferred_language, "de")
        # A name given is kept.
        data = self.account_form_data(**{"name_email-first_name": "Bea"})
        self.client.post(reverse("wagtailadmin_account"), data)
        self.administrator.refresh_from_db()
        self.assertEqual((self.administrator.first_name, self.administrator.last_name), ("Bea", ""))

    def test_the_account_page_confirms_a_new_admin_language_in_that_language(self):
        profile = UserProfile.get_for_user(self.administrator)
        profile.preferred_language = "nl"
        profile.save()
        self.client.force_login(self.administrator)
        for language, confirmation in (
            ("de", "Ihre Kontoeinstellungen wurden gespeichert."),
            ("de", "Ihre Kontoeinstellungen wurden gespeichert."),
            ("nl", "Uw accountinstellingen zijn opgeslagen."),
        ):
            data = self.account_form_data(**{"locale-preferred_language": language})
            response = self.client.post(reverse("wagtailadmin_account"), data, follow=True)
            shown = [str(message) for message in response.context["messages"]]
            self.assertEqual(shown, [confirmation])

    def test_a_name_with_a_direction_override_is_refused_on_the_account_page(self):
        self.client.force_login(self.administrator)
        data = self.account_form_data(**{"name_email-last_name": "\u202eevil"})
        response = self.client.post(reverse("wagtailadmin_account"), data)
        self.assertEqual(response.status_code, 200)
        self.administrator.refresh_from_db()
        self.assertEqual(self.administrator.last_name, "")

    def test_the_address_is_not_changed_on_the_account_page(self):
        """But through allauth's page, confirmed and checked as sign-up checks it: Wagtail's
        field took a dotless ı."""
        self.client.force_login(self.administrator)
        data = self.account_form_data(**{"name_email-email": "beheer@exampıe.org"})
        self.assertNotContains(self.client.get(reverse("wagtailadmin_account")), "name_email-email")
        self.client.post(reverse("wagtailadmin_account"), data)
        self.administrator.refresh_from_db()
        self.assertEqual(self.administrator.email, "beheer@example.org")


class OneAccountPerAddressTests(BilingualSiteTestCase):
    """allauth finds an account by its address in any case: a second account with `ANKE@` next
    to `anke@` broke both people's login and password reset. The admin refuses it, in the
    administrator's language, and keeps what was typed."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.administrator = User.objects.create_superuser("beheer@example.org", PASSWORD)
        profile = UserProfile.get_for_user(cls.administrator)
        profile.preferred_language = "nl"
        profile.save()
        cls.anke = User.objects.create_user("anke@bewoners.example", PASSWORD, language="nl")
        cls.willem = User.objects.create_user("willem@bewoners.example", PASSWORD)

    def add(self, email):
        self.client.force_login(self.administrator)
        return self.client.post(
            reverse("wagtailusers_users:add"),
            {
                "email": email,
                "first_name": "Anke",
                "last_name": "Tweede",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "language": "nl",
            },
        )

    def edit(self, user, email):
        self.client.force_login(self.administrator)
        return self.client.post(
            reverse("wagtailusers_users:edit", args=[user.pk]),
            {
                "email": email,
                "first_name": "Willem",
                "last_name": "Bewoner",
                "language": "nl",
                "is_active": "on",
            },
        )

    def assertRefused(self, response, typed):
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.context["form"].errors,
            {"email": ["Er bestaat al een account met dit e-mailadres."]},
        )
        self.assertContains(response, f'value="{typed}"')
        self.assertEqual(User.objects.filter(email__iexact="anke@bewoners.example").count(), 1)

    def test_an_address_in_other_case_is_refused_when_adding_an_account(self):
        self.assertRefused(self.add("ANKE@bewoners.example"), "ANKE@bewoners.example")

    def test_the_same_address_is_refused_in_the_same_words(self):
        """Not Wagtail's "a user with that username already exists": there is no username."""
        self.assertRefused(self.add("anke@bewoners.example"), "anke@bewoners.example")

    def test_an_address_in_other_case_is_refused_when_editing_another_account(self):
        self.assertRefused(self.edit(self.willem, "Anke@Bewoners.example"), "Anke@Bewoners.example")
        self.willem.refresh_from_db()
        self.assertEqual(self.willem.email, "willem@bewoners.example")

    def test_an_address_with_an_invisible_character_is_refused(self):
        # Attack: "anke@bewoners.example" with a zero-width space made a second Anke to the eye.
        for address in ("anke@bewoners.example\u200b", "an\u200bke@bewoners.example"):
            with self.subTest(address=address):
                response = self.add(address)
                self.assertEqual(response.status_code, 200)
                self.assertIn("email", response.context["form"].errors)
        self.assertEqual(User.objects.filter(email__icontains="ke@bewoners").count(), 1)

    def test_a_lookalike_of_another_accounts_address_is_refused(self):
        """With the Kelvin sign for K, a dotted capital İ or a dotless ı: to `iexact` on
        PostgreSQL the address of another account, to the constraint a new one (outsider's pass
        of 2026-12-04)."""
        hendrik = User.objects.create_user("hendrik@bewoners.example", PASSWORD)
        for address, character in (
            ("AN\u212aE@bewoners.example", "\u212a"),
            ("W\u0130LLEM@bewoners.example", "\u0130"),
            ("w\u0131llem@bewoners.example", "\u0131"),
        ):
            for response in (self.add(address), self.edit(hendrik, address)):
                with self.subTest(address=address, view=response.request["PATH_INFO"]):
                    self.assertEqual(response.status_code, 200)
                    [error] = response.context["form"].errors.as_data()["email"]
                    self.assertEqual(error.code, "case_lookalike")
                    self.assertContains(response, f"„{character}”")
                    self.assertContains(response, f'value="{address}"')
        self.assertEqual(User.objects.count(), 4)
        hendrik.refresh_from_db()
        self.assertEqual(hendrik.email, "hendrik@bewoners.example")

    def test_an_account_keeps_its_own_address_in_another_case(self):
        response = self.edit(self.willem, "Willem@bewoners.example")
        self.assertEqual(response.status_code, 302)
        self.willem.refresh_from_db()
        self.assertEqual(self.willem.email, "willem@bewoners.example")

    def saved_meanwhile(self, view_class):
        """Someone saves the address after the form's check, before this save (the database
        refuses the second; on PostgreSQL `AddingAtOnceTests` does it for real)."""
        form_valid = view_class.form_valid

        def signed_up_meanwhile(view, form):
            User.objects.create_user("anke@bewoners.example", PASSWORD)
            return form_valid(view, form)

        return mock.patch.object(view_class, "form_valid", signed_up_meanwhile)

    def test_an_account_saved_meanwhile_with_the_address_gets_the_form_not_a_server_error(self):
        self.anke.delete()
        with self.saved_meanwhile(CreateView):
            response = self.add("ANKE@bewoners.example")
        self.assertRefused(response, "ANKE@bewoners.example")

    def test_an_edit_saved_meanwhile_with_the_address_gets_the_form_not_a_server_error(self):
        self.anke.delete()
        with self.saved_meanwhile(EditView):
            response = self.edit(self.willem, "ANKE@bewoners.example")
        self.assertRefused(response, "ANKE@bewoners.example")
        self.willem.refresh_from_db()
        self.assertEqual(self.willem.email, "willem@bewoners.example")


@unittest.skipUnless(
    connection.vendor == "postgresql", "needs a second connection that waits; CI runs it there"
)
class AddingAtOnceTests(TransactionTestCase):
    """Two administrators (or one and a member signing up) save one address at the same moment:
    both pass the form's check, the database lets one through and the other gets the form."""

    def test_the_second_of_two_accounts_saved_at_once_gets_the_form(self):
        administrator = User.objects.create_superuser("beheer@example.org", PASSWORD)
        profile = UserProfile.get_for_user(administrator)
        profile.preferred_language = "nl"
        profile.save()
        first_saved, release = threading.Event(), threading.Event()

        def first_administrator():
            with transaction.atomic():
                User.objects.create_user("anke@bewoners.example", PASSWORD)
                first_saved.set()
                release.wait(20)

        def second_administrator():
            client = Client()
            client.force_login(administrator)
            return client.post(
                reverse("wagtailusers_users:add"),
                {
                    "email": "ANKE@bewoners.example",
                    "first_name": "Anke",
                    "last_name": "Tweede",
                    "password1": PASSWORD,
                    "password2": PASSWORD,
                    "language": "nl",
                },
            )

        first, _ = in_thread(first_administrator)
        self.addCleanup(first.join)
        self.addCleanup(release.set)
        self.assertTrue(first_saved.wait(10))
        second, answers = in_thread(second_administrator)
        # The second save passed the form's check and waits for the first at the database.
        self.assertTrue(waiting_for_locks(1))
        release.set()
        second.join(20)
        [response] = answers
        self.assertEqual(getattr(response, "status_code", response), 200)
        self.assertEqual(
            response.context["form"].errors,
            {"email": ["Er bestaat al een account met dit e-mailadres."]},
        )
        self.assertEqual(User.objects.filter(email__iexact="anke@bewoners.example").count(), 1)


class MigratingAccountsThatShareAnAddressTests(TestCase):
    """The constraint's migration on a site whose admin already let `ANKE@` in beside `anke@`:
    it stops, naming the accounts, rather than failing on the index or picking one."""

    def test_the_migration_stops_and_names_the_accounts_sharing_an_address(self):
        with connection.cursor() as cursor:  # the site before the migration
            cursor.execute("DROP INDEX one_account_per_email_in_any_case")
        anke = User.objects.create_user("anke@bewoners.example")
        other = User.objects.create_user("ANKE@bewoners.example")
        User.objects.create_user("willem@bewoners.example")
        migration = importlib.import_module(
            "community.migrations.0013_one_account_per_email_in_any_case"
        )
        with self.assertRaises(migration.AccountsShareAnAddress) as refusal:
            migration.refuse_accounts_sharing_an_address(apps, None)
        message = str(refusal.exception)
        self.assertIn(f"account {anke.pk}: anke@bewoners.example", message)
        self.assertIn(f"account {other.pk}: ANKE@bewoners.example", message)
        self.assertNotIn("willem", message)

    def test_the_migration_lets_a_site_without_them_pass(self):
        User.objects.create_user("anke@bewoners.example")
        User.objects.create_user("willem@bewoners.example")
        migration = importlib.import_module(
            "community.migrations.0013_one_account_per_email_in_any_case"
        )
        migration.refuse_accounts_sharing_an_address(apps, None)

    def test_the_migration_forgets_the_addresses_an_administrator_replaced(self):
        """Left behind, verified, by the users admin before it kept allauth's addresses in
        step: a way into the account for whoever reads the old address."""
        anke = User.objects.create_user("anke@nieuw.example")
        replaced = EmailAddress.objects.create(
            user=anke, email="anke@bewoners.example", verified=True, primary=True
        )
        claim = EmailAddress.objects.create(user=anke, email="anke@elders.example")
        own = EmailAddress.objects.create(user=anke, email="anke@nieuw.example", verified=True)
        willem = User.objects.create_user("Willem@bewoners.example")
        willems = EmailAddress.objects.create(
            user=willem, email="willem@bewoners.example", verified=True, primary=True
        )
        migration = importlib.import_module(
            "community.migrations.0014_forget_addresses_an_administrator_replaced"
        )
        migration.forget_addresses_an_administrator_replaced(apps, None)
        self.assertFalse(EmailAddress.objects.filter(pk=replaced.pk).exists())
        own.refresh_from_db()
        self.assertTrue(own.primary and own.verified)
        self.assertTrue(EmailAddress.objects.filter(pk=claim.pk, primary=False).exists())
        self.assertTrue(EmailAddress.objects.filter(pk=willems.pk, primary=True).exists())
