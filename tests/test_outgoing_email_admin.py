"""Editors see in the admin what the task worker has to send, has sent and could not send, and
whether the scheduled work runs (jumelage/outbox.py): the Decidim complaint of digests that stop
silently, answered where editors look."""

import datetime
import re

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail import EmailMessage
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.users.models import UserProfile

from home.mail import OutgoingEmail, queue_email
from home.schedule import SchedulerState
from tests.test_roles import RolesTestCase

URL = "/admin/outgoing-email/"
User = get_user_model()


def failed_email(subject="Herinnering", keep_message=True):
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        email = queue_email(EmailMessage(subject, "Tekst", to=["lid@example.org"]))
    email.status = OutgoingEmail.Status.FAILED
    email.attempts = 10
    email.last_error = "SMTPServerDisconnected: Connection unexpectedly closed"
    if not keep_message:
        email.message = {}
    email.save()
    return email


class OutgoingEmailPageTests(RolesTestCase):
    def page(self, user, query=""):
        self.client.force_login(user)
        response = self.client.get(URL + query)
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser")

    def test_editors_see_emails_by_status_with_the_error_and_the_reports_menu_leads_there(self):
        failed_email()
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            queue_email(EmailMessage("Welkom", "Tekst", to=["nieuw@example.org"]))
        page = self.page(self.editor_de, "?status=failed")
        rows = page.select("section[aria-labelledby=outbox-emails-heading] tbody tr")
        self.assertEqual(len(rows), 1)
        self.assertIn("Herinnering", rows[0].text)
        self.assertIn("Connection unexpectedly closed", rows[0].text)
        tabs = [a.text.strip() for a in page.select("nav ul.outbox-tabs a")]
        self.assertIn("Mislukt (1)", tabs)  # the admin speaks Dutch unless told otherwise
        self.assertIn("In de wachtrij (1)", tabs)
        home = self.client.get("/admin/").content.decode()
        self.assertIn(URL, home)

    def test_a_failed_email_is_sent_again_on_request(self):
        email = failed_email()
        self.client.force_login(self.editor_nl)
        response = self.client.post(f"{URL}{email.pk}/retry/")
        self.assertRedirects(response, URL + "?status=queued")
        email.refresh_from_db()
        self.assertEqual(email.status, OutgoingEmail.Status.SENT)  # the test queue runs at once
        self.assertEqual([m.subject for m in mail.outbox], ["Herinnering"])

    def test_an_email_whose_content_is_gone_cannot_be_sent_again(self):
        email = failed_email(keep_message=False)
        page = self.page(self.editor_nl, "?status=failed")
        self.assertFalse(page.select(f"form[action='{URL}{email.pk}/retry/']"))
        self.client.post(f"{URL}{email.pk}/retry/")
        email.refresh_from_db()
        self.assertEqual(email.status, OutgoingEmail.Status.FAILED)
        self.assertEqual(mail.outbox, [])

    def test_a_stopped_schedule_and_tasks_no_worker_takes_are_said_loudly(self):
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            email = queue_email(EmailMessage("Welkom", "Tekst", to=["nieuw@example.org"]))
        DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=30))
        page = self.page(self.editor_nl)
        alert = page.select_one("[role=alert]")
        self.assertIn("1 taak wacht sinds", alert.text)
        self.assertIn("staat niet in de wachtrij", page.text)
        self.assertEqual(email.status, OutgoingEmail.Status.QUEUED)
        SchedulerState.objects.update_or_create(pk=1, defaults={"token": None, "due_at": None})
        self.client.post(URL + "schedule/")
        self.assertTrue(SchedulerState.objects.get(pk=1).token)
        self.assertNotIn("staat niet in de wachtrij", self.page(self.editor_nl).text)

    def test_moderators_and_members_are_refused(self):
        email = failed_email()
        self.client.force_login(self.moderator)
        # Wagtail answers a refusal in its admin with the dashboard and an error message.
        self.assertRedirects(self.client.get(URL), "/admin/", target_status_code=200)
        self.assertRedirects(
            self.client.post(f"{URL}{email.pk}/retry/"), "/admin/", target_status_code=200
        )
        self.assertNotIn(URL, self.client.get("/admin/").content.decode())
        email.refresh_from_db()
        self.assertEqual(email.status, OutgoingEmail.Status.FAILED)

    def test_the_page_speaks_german_to_a_german_editor(self):
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "de"
        profile.save()
        page = self.page(self.editor_de)
        self.assertIn("Ausgehende E-Mails", page.title.text)


def reset_requested(client, address):
    """A member asks for a password reset; the email waits in the queue with its link."""
    client.logout()
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        client.post("/nl/accounts/password/reset/", {"email": address})
    email = OutgoingEmail.objects.get(recipients=address)
    link = re.search(r"\S+/accounts/password/reset/key/(\S+?)/", email.message["body"])
    return email, link.group(0), link.group(1)


class WhatEditorsSeeOfOthersMail(RolesTestCase):
    """The queue shows editors whether mail flows, not other people's mail: addresses
    shortened, account emails by their kind, no content; the full address of a member they help
    finds that member's emails. Administrators see the addresses."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin = User.objects.create_superuser("beheer@example.org", "wachtwoord-123")
        cls.member = User.objects.create_user("lid@example.org", "wachtwoord-123", language="nl")

    def texts(self, user, query=""):
        self.client.force_login(user)
        response = self.client.get(URL + query)
        self.assertEqual(response.status_code, 200)
        page = BeautifulSoup(response.content, "html.parser")
        rows = page.select("section[aria-labelledby=outbox-emails-heading] tbody tr")
        return page, [" ".join(row.text.split()) for row in rows]

    def test_editors_see_shortened_addresses_and_account_emails_by_kind_admins_see_all(self):
        reset_requested(self.client, "lid@example.org")
        failed_email("Herinnering")
        page, rows = self.texts(self.editor_de)
        self.assertEqual(len(rows), 2)
        self.assertIn("l•••@example.org", rows[0])
        self.assertIn("Accountmail", rows[1])
        self.assertNotIn("Kies een nieuw wachtwoord", page.text)
        self.assertIn("Herinnering", rows[0])
        self.assertNotIn("lid@example.org", page.text)
        self.assertIn("alleen de beheerders", page.text)  # the page says why
        _page, rows = self.texts(self.admin)
        self.assertIn("lid@example.org", rows[1])
        self.assertIn("[Jumelage] Kies een nieuw wachtwoord", rows[1])

    def test_a_password_reset_link_never_reaches_an_editor_not_even_by_sending_it_again(self):
        email, link, key = reset_requested(self.client, "lid@example.org")
        email.status = OutgoingEmail.Status.FAILED
        email.save()
        self.client.force_login(self.editor_nl)
        responses = [
            self.client.get(URL + query)
            for query in ("", "?status=failed", "?address=lid@example.org")
        ]
        responses.append(self.client.post(f"{URL}{email.pk}/retry/", follow=True))
        email.refresh_from_db()
        self.assertEqual(email.status, OutgoingEmail.Status.SENT)  # to the member
        self.assertEqual(mail.outbox[0].to, ["lid@example.org"])
        for response in responses:
            self.assertEqual(response.status_code, 200)
            content = response.content.decode()
            self.assertNotIn(key, content)
            self.assertNotIn(link, content)
        for response in (responses[0], responses[1], responses[3]):
            self.assertNotIn("lid@example.org", response.content.decode())
        self.assertIn("l•••@example.org", responses[-1].content.decode())  # "queued again"

    def test_an_editor_finds_a_members_emails_by_their_full_address_only(self):
        failed_email("Herinnering")
        failed_email("Uitnodiging")
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            queue_email(EmailMessage("Anders", "Tekst", to=["slid@example.org"]))
            queue_email(EmailMessage("Samen", "Tekst", to=["a@example.org", "lid@example.org"]))
        _page, rows = self.texts(self.editor_nl, "?address=LID@Example.org")
        self.assertEqual(len(rows), 3)
        self.assertFalse([row for row in rows if "Anders" in row])
        self.assertIn("a•••@example.org, l•••@example.org", rows[0])
        for partial in ("lid@", "example.org", "lid"):
            page, rows = self.texts(self.editor_nl, f"?address={partial}")
            self.assertEqual(rows, ["Geen e-mails."])
            self.assertIn("volledig e-mailadres", page.text)

    def test_an_address_in_an_error_is_shortened_for_editors(self):
        email = failed_email()
        email.last_error = "SMTPRecipientsRefused: {'lid@example.org': (550, b'No such user')}"
        email.save()
        page, rows = self.texts(self.editor_nl, "?status=failed")
        self.assertIn("l•••@example.org", rows[0])
        self.assertNotIn("lid@example.org", page.text)
