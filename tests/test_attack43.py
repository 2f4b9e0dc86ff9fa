"""Attack 43: findings of an outside tester (caches, translation overrides, foundation settings,
accounts). Each test failed until its finding was fixed."""

from tests.security.test_accounts import PASSWORD, AccountsTestCase


class PasswordGuessesShareOneBudgetTests(AccountsTestCase):
    """F1. Whoever has a member's session (a shared computer) may guess her password where the
    site asks for it again before a change: the confirmation (allauth's reauthentication) is held
    to five tries in five minutes and twenty a day, as the login holds them (attack 42's review).
    Two other forms check the same password for the same session: the password change form's
    "current password" (allauth's own limit, 5 a minute: 7,200 a day) and the account deletion's
    (10 an hour: 240 a day). On `make run`, after the confirmation answered 429, the change form
    still took five guesses a minute and the deletion ten an hour; a right guess there changes
    her password at once, or tells the guesser the one the confirmation asks for. Every check of
    her password by a session counts against the confirmation's one budget."""

    def setUp(self):
        self.client.force_login(self.anna)

    def used_up_the_confirmation(self):
        answers = [
            self.client.post("/nl/accounts/reauthenticate/", {"password": f"fout-{n}"})
            for n in range(6)
        ]
        self.assertEqual(answers[5].status_code, 429)

    def change_password(self, current):
        new = "een-ander-lang-wachtwoord"
        return self.client.post(
            "/nl/accounts/password/change/",
            {"oldpassword": current, "password1": new, "password2": new},
        )

    def test_the_password_change_form_takes_no_guess_once_they_are_used_up(self):
        self.used_up_the_confirmation()
        self.assertEqual(self.change_password("nog-een-gok").status_code, 429)
        answer = self.change_password(PASSWORD)
        self.assertEqual(answer.status_code, 429)
        self.anna.refresh_from_db()
        self.assertTrue(self.anna.check_password(PASSWORD))

    def test_the_account_deletion_takes_no_guess_once_they_are_used_up(self):
        self.used_up_the_confirmation()
        answer = self.client.post(
            "/nl/members/delete/", {"confirm": "on", "password": "nog-een-gok"}
        )
        self.assertEqual(answer.status_code, 429)

    def test_guesses_at_the_change_form_use_up_the_confirmation(self):
        answers = [self.change_password(f"fout-{n}") for n in range(5)]
        self.assertEqual([answer.status_code for answer in answers], [200] * 5)
        answer = self.client.post("/nl/accounts/reauthenticate/", {"password": PASSWORD})
        self.assertEqual(answer.status_code, 429)

    def test_a_member_who_knows_her_password_changes_it(self):
        answer = self.change_password(PASSWORD)
        self.assertEqual(answer.status_code, 302)
        self.anna.refresh_from_db()
        self.assertTrue(self.anna.check_password("een-ander-lang-wachtwoord"))
