"""Emails lead where the site is and speak like the site.

Links in an email sent while serving a request go to the address of that request (scheme, host
and port); without a request (a task, a management command) to WAGTAILADMIN_BASE_URL, which
`make run` sets to the address it serves. allauth's emails are signed with the platform's name in
the recipient's language and say u/Sie like the rest of the site."""

import re
import shutil
import subprocess
from pathlib import Path

import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase, TransactionTestCase, override_settings

from exchanges.models import Registration, StoryPage
from tests.calendar_base import CalendarMixin, local
from tests.test_members import MembersTestCase

User = get_user_model()

ROOT = Path(__file__).resolve().parent.parent
NOW = local(2026, 3, 10, 12, 0)
HOST = "testserver:8801"


@time_machine.travel(NOW, tick=False)
class LinksInEmailsTests(CalendarMixin, TransactionTestCase):
    """As the site runs: the request's own transaction commits inside the request, so the email
    is rendered while the request is being served (a TestCase would run it after)."""

    def setUp(self):
        self.build_calendar()
        self.small = self.meeting(
            local(2026, 3, 20, 19, 0), title="Kleine groep", slug="klein", capacity=1
        )
        self.translated(self.small, title="Kleine Gruppe", slug="klein")
        self.anna = User.objects.create_user("anna@example.org", "x", language="nl")
        self.bernd = User.objects.create_user("bernd@example.org", "x", language="de")
        Registration.objects.register(self.small, self.anna)
        Registration.objects.register(self.small, self.bernd)  # on the waiting list

    def test_an_email_sent_while_serving_a_request_links_to_that_requests_address(self):
        self.client.force_login(self.anna)
        self.client.post(f"/nl/meetings/{self.small.pk}/cancel/", HTTP_HOST=HOST)
        [email] = mail.outbox
        self.assertEqual(email.to, ["bernd@example.org"])
        self.assertIn("http://testserver:8801/de/kalender/klein/", email.body)

    @override_settings(WAGTAILADMIN_BASE_URL="https://jumelage.example:8443")
    def test_an_email_sent_without_a_request_links_to_the_public_address(self):
        Registration.objects.cancel(self.small, self.anna)
        [email] = mail.outbox
        self.assertIn("https://jumelage.example:8443/de/kalender/klein/", email.body)

    def test_the_editors_email_about_a_report_links_to_the_admin_where_the_report_came_from(self):
        User.objects.create_superuser("redactie@example.org", "x", language="nl")
        author = User.objects.create_user("auteur@example.org", "x")
        story = self.story(title="Fietsen naar Clarholz", owner=author)
        StoryPage.objects.filter(pk=story.pk).update(member_contribution=True)
        self.client.force_login(self.anna)
        self.client.post(
            f"/nl/report/{story.pk}/",
            {"reason": "offensive", "message": "Niet netjes."},
            HTTP_HOST=HOST,
        )
        [email] = mail.outbox
        self.assertEqual(email.to, ["redactie@example.org"])
        self.assertIn(f"http://testserver:8801/admin/pages/{story.pk}/edit/", email.body)


class AllauthEmailTests(MembersTestCase):
    def signup(self, language, email="carla@example.org"):
        self.client.post(
            f"/{language}/accounts/signup/",
            {
                "email": email,
                "password1": "een-heel-lang-wachtwoord",
                "password2": "een-heel-lang-wachtwoord",
                "display_name": "Carla",
                "town": str(self.herzebrock.pk),
                "language": language,
                "privacy_consent": "on",
            },
            HTTP_HOST=HOST,
        )
        return mail.outbox[-1]

    def assert_signed_by_the_platform(self, email, name, language):
        self.assertNotIn("127.0.0.1", email.body)
        self.assertNotRegex(email.body, r"(Hallo von|Hallo van|Hello from) testserver")
        self.assertTrue(email.body.endswith(f"\n{name}\nhttp://testserver:8801/{language}/"))
        self.assertRegex(
            email.body, rf"http://testserver:8801/{language}/accounts/confirm-email/\S+"
        )

    def test_the_german_confirmation_says_sie_and_names_the_platform(self):
        email = self.signup("de")
        self.assertEqual(email.subject, "[Jumelage] Bitte bestätigen Sie Ihre E-Mail-Adresse")
        self.assertTrue(email.body.startswith("Guten Tag,"), email.body)
        self.assert_signed_by_the_platform(
            email, "Städtepartnerschaft Steenwijkerland – Herzebrock-Clarholz", "de"
        )
        self.assertIn("Sie", email.body)
        self.assertIsNone(re.search(r"\b(du|dich|dir|dein\w*)\b", email.body, re.I), email.body)

    def test_the_dutch_confirmation_says_u_and_names_the_platform(self):
        email = self.signup("nl")
        self.assertEqual(email.subject, "[Jumelage] Bevestig uw e-mailadres")
        self.assertTrue(email.body.startswith("Goedendag,"), email.body)
        self.assert_signed_by_the_platform(
            email, "Jumelage Steenwijkerland – Herzebrock-Clarholz", "nl"
        )
        self.assertRegex(email.body, r"\bu\b")
        self.assertIsNone(re.search(r"\b(je|jij|jouw)\b", email.body, re.I), email.body)

    def test_a_password_reset_for_an_unknown_address_says_u_and_links_to_the_sign_up(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                "/nl/accounts/password/reset/", {"email": "niemand@example.org"}, HTTP_HOST=HOST
            )
        [email] = mail.outbox
        self.assertEqual(email.subject, "[Jumelage] Geen account met dit adres")
        self.assertIn("http://testserver:8801/nl/accounts/signup/", email.body)
        self.assertIsNone(re.search(r"\b(je|jij|jouw)\b", email.body, re.I), email.body)

    def test_a_password_reset_in_german_says_sie(self):
        self.client.post("/de/accounts/password/reset/", {"email": "bernd@example.org"})
        [email] = mail.outbox
        self.assertEqual(email.subject, "[Jumelage] Wählen Sie ein neues Passwort")
        self.assertIn("Passwort Ihres Kontos bei der Städtepartnerschaft", email.body)
        self.assertIsNone(re.search(r"\b(du|dich|dir|dein\w*)\b", email.body, re.I), email.body)


class MakeRunTests(TestCase):
    def test_make_run_gives_the_server_and_the_worker_the_address_it_serves(self):
        make = [shutil.which("make"), "--dry-run", "--always-make"]
        recipe = subprocess.run(  # noqa: S603 - our own Makefile, fixed arguments
            [*make, "run", "HOST=127.0.0.1", "PORT=8811"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        self.assertIn("WAGTAILADMIN_BASE_URL=http://127.0.0.1:8811", recipe)
