"""Outside attack 27 (2026-12-06): email, exports and feeds, member-owned objects, files.

Each test fails on the code as found and says what a user or an attacker would notice."""

import datetime
import threading
import unittest

import time_machine
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.test import Client, TestCase, TransactionTestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageSubscription

from community.models import NewsletterSubscriber
from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from home.mail import OutgoingEmail, queue_email, resume_overdue
from tests.base import BilingualSiteMixin
from tests.security.live import closed_port
from tests.test_contribution_races import in_thread, waiting_for_locks
from tests.test_roles import form_with_comment
from tests.visits_base import VisitMixin

PASSWORD = "wachtwoord-123"


class CommentedPageTestCase(BilingualSiteMixin, TestCase):
    """A page the editors comment on, and an editor who comments on it."""

    @classmethod
    def setUpTestData(cls):
        cls.build_site()
        setup_roles()
        cls.page = cls.add_page(title="Begroting 2027 (concept)", slug="begroting-2027")
        cls.editor = get_user_model().objects.create_user("redactie@example.org", PASSWORD)
        cls.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))

    def former(self, email, **kwargs):
        """An account that followed the page's comments (notifications on) while it worked
        in the admin."""
        user = get_user_model().objects.create_user(email, PASSWORD, **kwargs)
        PageSubscription.objects.create(user=user, page=self.page, comment_notifications=True)
        return user

    def assert_not_reached(self, former):
        client = Client()
        client.force_login(former)
        self.assertNotEqual(client.get("/admin/").status_code, 200)  # she is out of the admin
        client.force_login(self.editor)
        edit = f"/admin/pages/{self.page.pk}/edit/"
        text = "Het bedrag voor de reis van de burgemeester blijft intern."
        response = client.post(edit, form_with_comment(client, edit, text))
        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        self.assertEqual(self.page.wagtail_admin_comments.last().text, text)
        reached = [message.subject for message in mail.outbox if former.email in message.to]
        self.assertEqual(
            reached, [], "the editors' internal comment reached someone out of the admin"
        )


class FormerEditorCommentNotificationsTests(CommentedPageTestCase):
    """Wagtail emails a page's comments to everyone subscribed to the page (an editor who once
    created or edited it with notifications on), whatever they may do now. An editor who left
    the foundation keeps her account as a resident (a member): she may no longer open the admin,
    but the editors' internal comments on the pages she once worked on still reach her inbox."""

    def test_an_editors_comment_does_not_reach_a_former_editor(self):
        former = self.former("oud-redacteur@example.org")
        former.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        # She left the foundation: an administrator took her role; she stays a member.
        former.groups.clear()
        self.assert_not_reached(former)


class MailboxTestCase(BilingualSiteMixin, TestCase):
    """A member's mailbox, and rate limits counted afresh for each test."""

    @classmethod
    def setUpTestData(cls):
        cls.build_site()
        cls.member = get_user_model().objects.create_user("anna@example.org", PASSWORD)

    def setUp(self):
        cache.clear()

    @staticmethod
    def sign_up(client, email, name="Iemand", **options):
        """A sign-up from `client` as the form sends it (`options` for the client's post)."""
        return client.post(
            "/nl/accounts/signup/",
            {
                "email": email,
                "display_name": name,
                "town": "",
                "language": "nl",
                "privacy_consent": "on",
                "password1": "Zeer-geheim-2026!x",
                "password2": "Zeer-geheim-2026!x",
                "homepage": "",
            },
            **options,
        )

    @staticmethod
    def received_by(beginning):
        """The emails sent to an address that begins with `beginning`."""
        return [
            message
            for message in mail.outbox
            if any(address.startswith(beginning) for address in message.to)
        ]


class MailboxFloodTests(MailboxTestCase):
    """The password reset form emails whatever address it is given: a member's (a reset link) and
    any other (“no account with this address”, as allauth prevents enumeration). allauth counts
    5 a minute for one address, with no longer limit, so an attacker sends one mailbox 300
    emails an hour, 7,200 a day, in the site's name, from as many addresses as it likes (20 a
    minute from each). The site's own newsletter form sends one address one confirmation per 15
    minutes (community/newsletter/subscriptions.py: “cannot be used to flood someone's
    mailbox”)."""

    def flood(self, address, minutes=10, per_minute=5):
        start = timezone.now()
        for minute in range(minutes):
            with time_machine.travel(start + datetime.timedelta(minutes=minute), tick=False):
                for attempt in range(per_minute):
                    client = Client(REMOTE_ADDR=f"203.0.113.{minute * per_minute + attempt + 1}")
                    with self.captureOnCommitCallbacks(execute=True):
                        client.post("/nl/accounts/password/reset/", {"email": address})
        return [message for message in mail.outbox if address in message.to]

    def test_a_strangers_mailbox_cannot_be_flooded_through_the_password_reset(self):
        received = self.flood("iemand@example.net")
        self.assertLessEqual(
            len(received), 3, f"{len(received)} emails “no account” in 10 minutes to one address"
        )

    def test_a_members_mailbox_cannot_be_flooded_through_the_sign_up(self):
        """Signing up with a member's address mails her “you already have an account” (allauth
        prevents enumeration), once every three minutes: 20 an hour, 480 a day."""
        start = timezone.now()
        for minute in range(0, 30, 3):
            with time_machine.travel(start + datetime.timedelta(minutes=minute), tick=False):
                client = Client(REMOTE_ADDR=f"198.51.100.{minute + 1}")
                with self.captureOnCommitCallbacks(execute=True):
                    self.sign_up(client, self.member.email)
        received = [message for message in mail.outbox if self.member.email in message.to]
        self.assertLessEqual(
            len(received), 3, f"{len(received)} emails in 30 minutes to one member"
        )

    def test_a_members_mailbox_cannot_be_flooded_with_reset_links(self):
        received = self.flood(self.member.email)
        self.assertLessEqual(
            len(received), 3, f"{len(received)} reset emails in 10 minutes to one member"
        )


class CommentNotificationWordingTests(BilingualSiteMixin, TestCase):
    """Now that Wagtail's comment notifications are the site's emails (sent through its outbox),
    they read as Wagtail's Dutch catalogue writes them: its translation lacks the space after
    the name, so every Dutch editor reads “Marieke Hoekstraheeft opmerkingen op … gewijzigd”."""

    @classmethod
    def setUpTestData(cls):
        cls.build_site()
        setup_roles()
        cls.page = cls.add_page(title="Over ons", slug="over-ons")
        users = get_user_model().objects
        cls.editor = users.create_user(
            "redactie@example.org", PASSWORD, first_name="Marieke", last_name="Hoekstra"
        )
        cls.colleague = users.create_user("collega@example.org", PASSWORD)
        for user in (cls.editor, cls.colleague):
            user.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        PageSubscription.objects.create(
            user=cls.colleague, page=cls.page, comment_notifications=True
        )

    def test_the_dutch_notification_puts_a_space_after_the_editors_name(self):
        client = Client()
        client.force_login(self.editor)
        edit = f"/admin/pages/{self.page.pk}/edit/"
        response = client.post(edit, form_with_comment(client, edit, "Klopt het jaartal?"))
        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        (told,) = [message for message in mail.outbox if self.colleague.email in message.to]
        self.assertIn("Marieke Hoekstra heeft opmerkingen", told.subject)
        self.assertIn("Marieke Hoekstra heeft opmerkingen", told.body)


@unittest.skipUnless(
    connection.vendor == "postgresql", "concurrent transactions need PostgreSQL; CI runs this there"
)
class NewsletterOptInTwiceAtOnceTests(BilingualSiteMixin, TransactionTestCase):
    """A member ticks “newsletter” on her profile and saves; the save is sent twice at once (a
    double click, or the form open in two tabs). Both requests find no subscription of hers and
    both add one (community.newsletter.subscriptions.set_member_subscription reads, then
    inserts, without a lock): the member's one-to-one subscription refuses the second, and she
    gets a server error."""

    def setUp(self):
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        self.build_site()
        self.member = get_user_model().objects.create_user(
            "anna@example.org", PASSWORD, display_name="Anna"
        )

    def test_the_profile_saved_twice_at_once_subscribes_her_once_without_an_error(self):
        profile = {"display_name": "Anna", "town": "", "language": "nl", "newsletter": "on"}
        held, release = threading.Event(), threading.Event()

        def hold():
            # Someone else adding a subscriber at that moment (a visitor confirming hers): the
            # table takes no new row until it is done; reading it goes on.
            with transaction.atomic(), connection.cursor() as cursor:
                table = NewsletterSubscriber._meta.db_table
                cursor.execute(f'LOCK TABLE "{table}" IN SHARE MODE')
                held.set()
                release.wait(20)

        def save():
            client = Client(raise_request_exception=False)
            client.force_login(self.member)
            return client.post("/nl/members/profile/", profile).status_code

        holder, _held = in_thread(hold)
        self.assertTrue(held.wait(10))
        first, first_answer = in_thread(save)
        second, second_answer = in_thread(save)
        waiting = waiting_for_locks(2)
        release.set()
        for thread in (holder, first, second):
            thread.join()
        self.assertTrue(waiting, "both saves should have reached the subscription")
        self.assertEqual(sorted(first_answer + second_answer), [302, 302])
        self.assertEqual(NewsletterSubscriber.objects.filter(user=self.member).count(), 1)


def assert_nothing_reaches_later(test, address):
    """The mail server is back an hour later, and the worker picks up what waits: nothing of
    it reaches `address`, an account deleted meanwhile."""
    mail.outbox.clear()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        with test.captureOnCommitCallbacks(execute=True):
            resume_overdue()
    test.assertEqual(
        [message.subject for message in mail.outbox if address in message.to],
        [],
        "an email reached her after she deleted her account",
    )


class DeletedAccountsQueuedMailTests(VisitMixin, TestCase):
    """Deleting an account “deletes the member and their personal data” (community/privacy.py).
    The outbox is left alone: an email to her that the mail server had not taken yet (it was
    down, or refused for a while) keeps its whole message, and the worker goes on trying it for
    about a day. So the sign-up of her party for an exchange visit (who travels: her family,
    a child's age) stays in the database after she deleted her account, and reaches her mailbox
    once the server is back, as if she were still a member."""

    @classmethod
    def setUpTestData(cls):
        cls.build_visit(
            title="Uitwisselingsbezoek Herzebrock",
            slug="bezoek",
            start_date=timezone.localdate() + datetime.timedelta(days=60),
            end_date=timezone.localdate() + datetime.timedelta(days=63),
            signup_deadline=timezone.now() + datetime.timedelta(days=21),
            seats=10,
        )
        cls.anke = cls.resident("Anke", cls.steenwijkerland, "nl")
        EmailAddress.objects.create(
            user=cls.anke, email=cls.anke.email, verified=True, primary=True
        )

    def test_her_queued_email_goes_with_her_account(self):
        client = Client()
        client.force_login(self.anke)
        travellers = "Anke, Piet en Sanne (8)"
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=closed_port(),
            EMAIL_TIMEOUT=2,
        ):
            with self.captureOnCommitCallbacks(execute=True):
                response = client.post(
                    reverse("visit_guest_party", args=[self.visit.pk]),
                    {
                        "adults": "2",
                        "children": "1",
                        "travellers": travellers,
                        "languages": ["nl"],
                        "phone": "+31 6 12345678",
                    },
                )
            self.assertEqual(response.status_code, 302)
            waiting = OutgoingEmail.objects.get(recipients=self.anke.email)
            self.assertEqual(waiting.status, OutgoingEmail.Status.QUEUED)  # the server is down

            with self.captureOnCommitCallbacks(execute=True):
                response = client.post(
                    "/nl/members/delete/", {"confirm": "on", "password": "een-lang-wachtwoord"}
                )
            self.assertEqual(response.status_code, 302)
            self.assertFalse(get_user_model().objects.filter(pk=self.anke.pk).exists())

        kept = [
            email.message
            for email in OutgoingEmail.objects.filter(recipients__icontains=self.anke.email)
        ]
        self.assertNotIn(travellers, str(kept), "her party's details stay in the outbox")

        assert_nothing_reaches_later(self, self.anke.email)

    def test_her_queued_email_goes_when_an_administrator_deletes_her_account(self):
        with override_settings(
            TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # not sent yet
        ):
            with self.captureOnCommitCallbacks(execute=True):
                queue_email(
                    EmailMessage("Uw aanmelding", "Anke, Piet en Sanne", to=[self.anke.email])
                )
        self.assertTrue(OutgoingEmail.objects.filter(recipients=self.anke.email).exists())
        administrator = get_user_model().objects.create_superuser("beheer@example.org", PASSWORD)
        client = Client()
        client.force_login(administrator)
        response = client.post(reverse("wagtailusers_users:delete", args=[self.anke.pk]))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(get_user_model().objects.filter(pk=self.anke.pk).exists())
        self.assertFalse(OutgoingEmail.objects.filter(recipients=self.anke.email).exists())
