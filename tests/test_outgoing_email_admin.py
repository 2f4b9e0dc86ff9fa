"""Editors see in the admin what the task worker has to send, has sent and could not send, and
whether the scheduled work runs (jumelage/outbox.py): the Decidim complaint of digests that stop
silently, answered where editors look."""

import datetime

from bs4 import BeautifulSoup
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
