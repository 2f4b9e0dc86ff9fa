"""Editors see in the admin what the task worker has to send, has sent and could not send, and
whether the scheduled work runs (jumelage/outbox.py): the Decidim complaint of digests that stop
silently, answered where editors look."""

import datetime
import re
import uuid
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail import EmailMessage
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.users.models import UserProfile

from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from exchanges.models import Registration
from home.mail import OutgoingEmail, queue_email
from home.schedule import JOBS, ScheduledJob, SchedulerState, run_due_jobs
from jumelage.outbox import KIND_LABELS
from tests.base import BilingualSiteMixin, assert_help_blocks_show_their_icon
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
        self.assertIn("Andere e-mail", rows[0].text)
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

    def test_the_schedule_clears_failed_emails_after_a_week_and_forgets_records_after_30_days(
        self,
    ):
        """A failed email kept its whole message (links, tokens) until a later email was sent,
        and the records of 30 days ago went only then: on a quiet site, for ever."""
        now = timezone.now()
        old = failed_email("Nieuw wachtwoord")
        recent = failed_email("Herinnering")
        gone = failed_email("Oud")
        OutgoingEmail.objects.filter(pk=old.pk).update(created_at=now - datetime.timedelta(days=8))
        OutgoingEmail.objects.filter(pk=recent.pk).update(
            created_at=now - datetime.timedelta(days=2)
        )
        OutgoingEmail.objects.filter(pk=gone.pk).update(
            created_at=now - datetime.timedelta(days=31)
        )
        run_due_jobs(now)
        old.refresh_from_db()
        recent.refresh_from_db()
        self.assertEqual(old.message, {})
        self.assertTrue(recent.message)
        self.assertFalse(OutgoingEmail.objects.filter(pk=gone.pk).exists())
        # The page still lists the cleared one, by its kind and date; it can no longer be sent.
        page = self.page(self.editor_nl, "?status=failed")
        rows = page.select("section[aria-labelledby=outbox-emails-heading] tbody tr")
        self.assertEqual(len(rows), 2)
        self.assertIn("Andere e-mail", rows[1].text)
        self.assertFalse(page.select(f"form[action='{URL}{old.pk}/retry/']"))
        self.assertTrue(page.select(f"form[action='{URL}{recent.pk}/retry/']"))

    def test_a_stopped_schedule_and_tasks_no_worker_takes_are_said_loudly(self):
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            email = queue_email(EmailMessage("Welkom", "Tekst", to=["nieuw@example.org"]))
        DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=30))
        page = self.page(self.editor_nl)
        alert = page.select_one("[role=alert]")
        self.assertIn(
            "wacht 1 e-mail of andere taak op de verwerker van achtergrondtaken", alert.text
        )
        self.assertIn("staat niet in de wachtrij", page.text)
        self.assertEqual(email.status, OutgoingEmail.Status.QUEUED)
        SchedulerState.objects.update_or_create(pk=1, defaults={"token": None, "due_at": None})
        self.client.post(URL + "schedule/")
        self.assertTrue(SchedulerState.objects.get(pk=1).token)
        self.assertNotIn("staat niet in de wachtrij", self.page(self.editor_nl).text)

    def test_the_alert_and_the_stopped_schedule_carry_wagtails_icon(self):
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            queue_email(EmailMessage("Welkom", "Tekst", to=["nieuw@example.org"]))
        DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=30))
        SchedulerState.objects.update_or_create(pk=1, defaults={"token": None, "due_at": None})
        self.client.force_login(self.editor_nl)
        assert_help_blocks_show_their_icon(self, self.client.get(URL), 2)

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

    def test_the_email_list_comes_first_and_the_scheduled_work_is_one_line_until_opened(self):
        """Newcomer walk: seven housekeeping jobs filled two phone screens before the emails."""
        now = timezone.now()
        SchedulerState.objects.update_or_create(
            pk=1, defaults={"token": uuid.uuid4(), "due_at": now + datetime.timedelta(minutes=5)}
        )
        for name in JOBS:
            ScheduledJob.objects.create(
                name=name,
                last_started_at=now,
                last_result="0",
                next_run_at=now + datetime.timedelta(minutes=5),
            )
        page = self.page(self.editor_nl)
        sections = [section["aria-labelledby"] for section in page.select("main section")]
        self.assertEqual(sections, ["outbox-emails-heading", "outbox-schedule-heading"])
        details = page.select_one("section[aria-labelledby=outbox-schedule-heading] > details")
        self.assertFalse(details.has_attr("open"))
        self.assertEqual(
            " ".join(details.summary.text.split()),
            f"Gepland werk: alle {len(JOBS)} taken liepen op tijd",
        )
        ScheduledJob.objects.filter(name="meeting-reminders").update(last_error="Traceback …")
        summary = self.page(self.editor_nl).select_one("#outbox-schedule-heading ~ details summary")
        self.assertEqual(" ".join(summary.text.split()), "Gepland werk: 1 taak mislukt")

    def test_each_jobs_result_says_what_it_counted(self):
        """Newcomer walk: a "Result" column of bare "0" and "–"."""
        now = timezone.now()
        ScheduledJob.objects.create(name="meeting-reminders", last_started_at=now, last_result="3")
        ScheduledJob.objects.create(name="sector-digests", last_started_at=now, last_result="1")
        ScheduledJob.objects.create(
            name="publish-scheduled-pages", last_started_at=now, last_result="–"
        )
        jobs = [
            " ".join(item.text.split())
            for item in self.page(self.editor_nl).select("ul.outbox-jobs > li")
        ]
        [reminders] = [job for job in jobs if job.startswith("Herinnert")]
        self.assertIn(": 3 herinneringen verstuurd.", reminders)
        [digests] = [job for job in jobs if job.startswith("Stuurt leden")]
        self.assertIn(": 1 nieuwsoverzicht verstuurd.", digests)
        [pages] = [job for job in jobs if job.startswith("Publiceert")]
        self.assertIn(": klaar.", pages)
        self.assertNotIn("–", pages)
        self.assertIn("Nog niet uitgevoerd.", " ".join(jobs))

    def test_the_page_says_background_service_not_worker_in_dutch_and_german(self):
        """Newcomer walk: "Task-Worker", "dessen Worker anhielt", "waarvan de worker stopte"."""
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            queue_email(EmailMessage("Welkom", "Tekst", to=["nieuw@example.org"]))
        DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=30))
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "de"
        profile.save()
        for editor, word in (
            (self.editor_nl, "verwerker van achtergrondtaken"),
            (self.editor_de, "Hintergrunddienst"),
        ):
            text = self.page(editor).select_one("main").text
            self.assertIn(word, text)
            self.assertNotIn("worker", text.replace("db_worker", "").lower())

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

    def test_editors_see_shortened_addresses_and_emails_by_kind_admins_see_all(self):
        email, _link, _key = reset_requested(self.client, "lid@example.org")
        self.assertEqual(email.kind, "account")  # told by the sending path, not by the subject
        failed_email("Herinnering")
        page, rows = self.texts(self.editor_de)
        self.assertEqual(len(rows), 2)
        self.assertIn("l•••@example.org", rows[0])
        self.assertIn("Accountmail", rows[1])
        self.assertNotIn("Kies een nieuw wachtwoord", page.text)
        self.assertIn("Andere e-mail", rows[0])
        self.assertNotIn("Herinnering", page.text)
        self.assertNotIn("lid@example.org", page.text)
        self.assertIn("Alleen de beheerders", page.text)  # the page says why
        _page, rows = self.texts(self.admin)
        self.assertIn("lid@example.org", rows[1])
        self.assertIn("Kies een nieuw wachtwoord", rows[1])
        self.assertIn("Herinnering", rows[0])

    def test_editors_never_see_who_registered_for_or_cancelled_which_meeting(self):
        """Newcomer walk: "Sie sind angemeldet: Gemeinsamer Ratsabend…" stood next to the
        shortened address: the subject said who goes where."""
        member = User.objects.create_user("bernd@example.org", "wachtwoord-123", language="de")
        meeting = self.meeting(
            timezone.now() + datetime.timedelta(days=7),
            title="Gemeinsamer Ratsabend",
            slug="ratsabend",
        )
        with self.captureOnCommitCallbacks(execute=True):
            Registration.objects.register(meeting, member, notify=True)
        with self.captureOnCommitCallbacks(execute=True):
            Registration.objects.cancel(meeting, member, notify=True)
        emails = OutgoingEmail.objects.order_by("pk")
        self.assertEqual([email.kind for email in emails], ["registered", "cancelled_registration"])
        self.assertTrue(all("Ratsabend" in email.subject for email in emails))
        page, rows = self.texts(self.editor_de)
        self.assertEqual(len(rows), 2)
        for row in rows:
            self.assertIn("E-mail over een bijeenkomst", row)
        self.assertNotIn("Ratsabend", page.text)
        self.assertNotIn("angemeldet", page.text)
        self.assertIn("Soort e-mail", page.select_one("thead").text)
        self.assertIn("nooit het onderwerp", page.text)  # the page's promise, now true
        page, rows = self.texts(self.admin)
        self.assertIn("Ratsabend", " ".join(rows))
        self.assertIn("bernd@example.org", rows[0])

    def test_every_email_the_platform_sends_has_a_name_for_editors(self):
        """A new email template without a label would show editors "other email". allauth's
        (account/email/) are all of the kind "account"."""
        templates = Path(__file__).resolve().parent.parent / "templates"
        kinds = {
            path.name.removesuffix("_subject.txt")
            for path in templates.glob("*/email/*_subject.txt")
            if path.parent.parent.name != "account"
        }
        self.assertIn("reminder", kinds)
        self.assertEqual(kinds - set(KIND_LABELS), set())

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


# In a real browser (headless Chromium): the page on a phone.
EDITOR_EMAIL = "redaktion@partnerschaft-herzebrock-clarholz.example"
# Wagtail's <main> hides what is wider than the screen (overflow-x: hidden): it is cut off, not
# scrolled to. Only a table's own box may scroll.
NO_SIDEWAYS_SCROLLING = """Math.max(
    document.documentElement.scrollWidth, document.querySelector("main").scrollWidth
) <= innerWidth"""


@pytest.fixture
def outbox():
    """What the walk saw: an editor, emails to long addresses, the seven jobs with results."""

    class Site(BilingualSiteMixin):
        pass

    Site.build_site()
    setup_roles()
    editor = User.objects.create_user(EDITOR_EMAIL, "redaktion-passwort-1")
    editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[1]))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "de"
    profile.save()
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        for number in range(3):
            queue_email(
                EmailMessage(
                    "Sie sind angemeldet: Gemeinsamer Ratsabend der Partnerschaftskomitees",
                    "Text",
                    to=[f"mitglied{number}@einwohner-herzebrock-clarholz.example"],
                ),
                kind="registered",
            )
    now = timezone.now()
    SchedulerState.objects.update_or_create(
        pk=1, defaults={"token": uuid.uuid4(), "due_at": now + datetime.timedelta(minutes=5)}
    )
    for name in JOBS:
        ScheduledJob.objects.create(
            name=name,
            last_started_at=now,
            last_result="2",
            next_run_at=now + datetime.timedelta(minutes=5),
        )
    return editor


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_editor_on_a_phone_finds_the_emails_first_and_never_scrolls_sideways(
    outbox, live_server, browser
):
    """Newcomer walk: at 390 px the job table took two screens before the email list, and the
    tables ran off the screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE")
    page = context.new_page()
    client = Client()
    client.force_login(outbox)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}{URL}")
    assert page.evaluate(NO_SIDEWAYS_SCROLLING), page.evaluate(
        "`${document.querySelector('main').scrollWidth} > ${innerWidth}`"
    )
    emails = page.get_by_role("heading", name="E-Mails", exact=True).bounding_box()
    first_email = page.locator("#outbox-emails-heading ~ .outbox-scroll tbody tr").first
    assert first_email.bounding_box()["y"] < 844, "the first email is on the first screen"
    schedule = page.get_by_role("heading", name="Geplante Aufgaben").bounding_box()
    assert emails["y"] < schedule["y"]
    page.get_by_text("Geplante Aufgaben: alle").click()
    assert page.get_by_text("2 Erinnerungen gesendet").is_visible()
    assert page.evaluate(NO_SIDEWAYS_SCROLLING)
    context.close()
