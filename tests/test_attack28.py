"""Outside attack 28 (2026-12-06): page ids told apart outside /admin/pages/, …

Each test fails on the code as found and says what a user or an attacker would notice."""

import datetime
import smtplib

import time_machine
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from community.roles import EDITOR_GROUPS, MODERATORS
from community.roles.setup import setup_roles
from home.mail import OutgoingEmail, deliver, queue_email
from home.validators import normalised_email
from tests.base import BilingualSiteMixin
from tests.test_attack27 import (
    CommentedPageTestCase,
    MailboxTestCase,
    assert_nothing_reaches_later,
)
from tests.test_roles import RolesTestCase, form_data
from tests.visits_base import VisitMixin

PASSWORD = "wachtwoord-123"

ABSENT = 987654


class ModeratorTellsNoPageIdsOutsidePagesTests(RolesTestCase):
    """`within_page_rights` answers a page the moderator holds no rights on as an id no page has,
    but only under /admin/pages/. Other admin routes that take a page id look the page up first
    (404 for an id no page has) and only then refuse her (a redirect to the dashboard): she
    reads off which page ids exist, a draft's (an editor's unpublished page, a member's
    contribution not sent for review) included."""

    def assert_alike(self, route, method="get"):
        self.client.force_login(self.moderator)
        call = getattr(self.client, method)
        existing = call(route.format(self.about.pk))
        absent = call(route.format(ABSENT))
        self.assertEqual(
            (existing.status_code, existing.get("Location")),
            (absent.status_code, absent.get("Location")),
            f"{route}: a page she holds no rights on answers otherwise than an id no page has",
        )

    def test_convert_to_alias(self):
        self.assert_alike("/admin/localize/page/{}/convert_to_alias/")

    def test_translate_and_publish(self):
        self.assert_alike("/admin/machine-translations/translate/{}/")

    def test_page_chooser_browsing_below_a_page(self):
        self.assert_alike("/admin/choose-page/{}/")

    def test_removing_a_pages_workflow(self):
        self.assert_alike("/admin/workflows/remove/{}/", "post")


class ModeratorTellsNoVisitIdsTests(VisitMixin, TestCase):
    """The exchange visits' admin (its page, matching, guests' CSV) looks the visit up first and
    refuses who does not coordinate it only then: a moderator tells the ids of visit pages,
    drafts too, from ids no page has (302 to the dashboard against 404)."""

    @classmethod
    def setUpTestData(cls):
        cls.build_visit()
        setup_roles()
        cls.moderator = get_user_model().objects.create_user("moderator@example.org", PASSWORD)
        cls.moderator.groups.add(Group.objects.get(name=MODERATORS))

    def test_a_visit_she_does_not_coordinate_answers_as_an_id_no_page_has(self):
        self.client.force_login(self.moderator)
        for route in ("/admin/exchange-visits/{}/", "/admin/exchange-visits/{}/guests.csv"):
            with self.subTest(route=route):
                existing = self.client.get(route.format(self.visit.pk))
                absent = self.client.get(route.format(ABSENT))
                self.assertEqual(
                    (existing.status_code, existing.get("Location")),
                    (absent.status_code, absent.get("Location")),
                )


class ResetLimitBySpellingTests(MailboxTestCase):
    """The password reset's limit of 3 emails per address in 15 minutes (10 a day) counts the
    address as typed, in lower case (allauth's key): the form finds the account by the site's
    one spelling of the domain (`normalised_email`: full-width letters, `ℬ`, a combining
    joiner are all `example.org`) and mails the reset link to the address as typed, which the
    mail server delivers to the same mailbox. Each spelling of the domain is a limit of its
    own: a stranger sends one member's mailbox as many reset emails as she likes."""

    def test_a_members_mailbox_gets_no_more_than_three_reset_emails_in_15_minutes(self):
        spellings = [
            "anna@example.org",
            "anna@ｅxample.org",
            "anna@eｘample.org",
            "anna@exａmple.org",
            "anna@examｐle.org",
        ]
        start = timezone.now()
        for number, spelling in enumerate(spellings * 3):
            with time_machine.travel(start + datetime.timedelta(seconds=number * 20), tick=False):
                client = Client(REMOTE_ADDR=f"203.0.113.{number + 1}")
                with self.captureOnCommitCallbacks(execute=True):
                    client.post("/nl/accounts/password/reset/", {"email": spelling})
        reached = [
            message
            for message in mail.outbox
            for address in message.to
            if normalised_email(address) == self.member.email
        ]
        self.assertLessEqual(
            len(reached),
            3,
            f"{len(reached)} reset emails in 5 minutes to one member's mailbox: "
            f"{sorted({address for message in reached for address in message.to})}",
        )


class DeletingAnAccountSparesOthersEmailsTests(BilingualSiteMixin, TestCase):
    """Deleting an account deletes the outbox's emails to every address of hers
    (`community.privacy.addresses_of`): her login address and every address she only asked to
    change to, unconfirmed. Any member may ask to change to any free address, so she adds a
    stranger's (a newsletter subscriber's, a foundation's, a guest's), deletes her account, and
    the emails waiting for that stranger (a mail server down, retried later) are gone: never
    delivered, and their record gone from the outbox the editors read."""

    @classmethod
    def setUpTestData(cls):
        cls.build_site()
        cls.member = get_user_model().objects.create_user("mallory@example.org", PASSWORD)
        EmailAddress.objects.create(
            user=cls.member, email=cls.member.email, verified=True, primary=True
        )

    def test_a_strangers_waiting_email_stays_when_a_member_deletes_her_account(self):
        stranger = "buurvrouw@example.net"
        with override_settings(
            TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # not sent yet
        ):
            with self.captureOnCommitCallbacks(execute=True):
                queue_email(
                    EmailMessage("Bevestig uw aanmelding", "Klik op de link", to=[stranger])
                )
        client = Client()
        client.force_login(self.member)
        with self.captureOnCommitCallbacks(execute=True):
            client.post("/nl/accounts/email/", {"action_add": "", "email": stranger})
        self.assertTrue(EmailAddress.objects.filter(user=self.member, email=stranger).exists())
        self.assertTrue(
            OutgoingEmail.objects.filter(recipients=stranger, subject__startswith="Bev")
        )
        with self.captureOnCommitCallbacks(execute=True):
            response = client.post("/nl/members/delete/", {"confirm": "on", "password": PASSWORD})
        self.assertEqual(response.status_code, 302)
        self.assertFalse(get_user_model().objects.filter(pk=self.member.pk).exists())
        self.assertIn(
            "Bevestig uw aanmelding",
            OutgoingEmail.objects.filter(recipients=stranger).values_list("subject", flat=True),
            "a member deleted a stranger's waiting email by deleting her own account",
        )


class FormerAdminWorkersCommentNotificationsTests(CommentedPageTestCase):
    """Wagtail's notices follow the role when an editor's groups change (m2m_changed), but not
    when the role goes another way: an administrator whose superuser flag is taken (she stays
    a member, out of the admin), or an editor whose group is deleted (Django deletes the
    group's memberships without m2m_changed). Both keep receiving the editors' internal
    comments on the pages they once worked on."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.administrator = get_user_model().objects.create_superuser(
            "beheer@example.org", PASSWORD
        )

    def test_an_administrator_no_longer_superuser(self):
        former = self.former("oud-beheer@example.org", is_superuser=True, is_staff=True)
        former.is_superuser = False
        former.save()
        self.assert_not_reached(former)

    def test_an_editor_whose_group_was_deleted(self):
        group = Group.objects.create(name="Werkgroep begroting")
        group.permissions.set(Group.objects.get(name=EDITOR_GROUPS[0]).permissions.all())
        former = self.former("werkgroep@example.org")
        former.groups.add(group)
        client = Client()
        client.force_login(self.administrator)
        response = client.post(reverse("wagtailusers_groups:delete", args=[group.pk]))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Group.objects.filter(pk=group.pk).exists())
        self.assert_not_reached(former)


class LongAddressInCharactersNotBytesTests(RolesTestCase):
    """An address longer than MAX_URL_LENGTH is not found at once, so that no redirect repeats
    it past what Django refuses (16,384 characters: a 400 and an error logged). The length is
    counted in characters of the decoded path, but a redirect writes it percent-encoded: an
    emoji is 1 character in the path and 12 in the redirect. 2,000 of them (within the limit)
    under /admin/ are redirected with a slash added, which Django refuses."""

    def test_an_admin_address_of_2000_emoji_is_the_admins_not_found(self):
        address = "/admin/" + "\U0001f600" * 2000
        self.client.force_login(self.editor_nl)
        response = self.client.get(address)
        self.assertEqual(response.status_code, 404, "a long admin address is a bad request")


class TruncatedPreviewFormTests(RolesTestCase):
    """The editor's form without its StreamField's count is refused as a bad request when it is
    saved (`before_edit_page`, `before_create_page`), but the editor's live preview posts the
    same form to `…/edit/preview/` and `…/add/…/preview/`, where no hook runs: a server error
    (MultiValueDictKeyError), each time, logged with the editor's content."""

    def setUp(self):
        self.client.raise_request_exception = False
        self.client.force_login(self.editor_nl)

    def test_the_preview_of_an_edited_page_without_its_body_count_is_a_bad_request(self):
        story = self.story(title="Zomerkamp", slug="zomerkamp")
        edit = f"/admin/pages/{story.pk}/edit/"
        data = {**form_data(self.client.get(edit)), "title": "Zomerkamp 2026"}
        response = self.client.post(f"{edit}preview/", data)
        self.assertEqual(response.status_code, 400)

    def test_the_preview_of_a_new_page_without_its_body_count_is_a_bad_request(self):
        add = f"/admin/pages/add/home/standardpage/{self.home.pk}/"
        data = {**form_data(self.client.get(add)), "title": "Geschiedenis", "slug": "geschiedenis"}
        response = self.client.post(f"{add}preview/", data)
        self.assertEqual(response.status_code, 400)


class MailServerDroppingWhileSheDeletes(BaseEmailBackend):
    """A mail server down: the connection drops while the worker talks to it. `during` runs at
    that moment (the member deleting her account meanwhile)."""

    during = None

    def send_messages(self, messages):
        type(self).during()
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class DeletionWhileTheWorkerSendsTests(BilingualSiteMixin, TestCase):
    """Deleting an account leaves an email the worker is sending at that moment (SENDING), to
    be cleared once sent. But with the mail server down (when emails wait, which is what the
    deletion of the outbox's emails is for) the attempt fails: the worker puts it back in the
    queue, and it reaches her on a later attempt, after her account is gone, her details
    (her party's travellers) kept in the outbox until then."""

    @classmethod
    def setUpTestData(cls):
        cls.build_site()
        cls.member = get_user_model().objects.create_user("anke@example.org", PASSWORD)
        EmailAddress.objects.create(
            user=cls.member, email=cls.member.email, verified=True, primary=True
        )

    def test_an_email_being_sent_when_she_deletes_her_account_does_not_reach_her_later(self):
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            with self.captureOnCommitCallbacks(execute=True):
                email = queue_email(
                    EmailMessage("Uw aanmelding", "Anke, Piet en Sanne", to=[self.member.email])
                )
        client = Client()
        client.force_login(self.member)

        def deleting():
            response = client.post("/nl/members/delete/", {"confirm": "on", "password": PASSWORD})
            self.assertEqual(response.status_code, 302)

        MailServerDroppingWhileSheDeletes.during = deleting
        backend = f"{__name__}.{MailServerDroppingWhileSheDeletes.__name__}"
        with override_settings(EMAIL_BACKEND=backend, EMAIL_DELIVERY_BACKEND=backend):
            deliver(email.pk)
        self.assertFalse(get_user_model().objects.filter(pk=self.member.pk).exists())

        assert_nothing_reaches_later(self, self.member.email)
