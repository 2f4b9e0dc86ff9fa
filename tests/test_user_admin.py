"""An administrator adds or edits an account in Wagtail's users admin: the language of the
person's emails (`User.language`) is chosen there, so a German editor is not written to in
Dutch, the site's default language."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from tests.base import BilingualSiteTestCase

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
        self.assertEqual(email.subject, "[Jumelage] Wählen Sie ein neues Passwort")
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
