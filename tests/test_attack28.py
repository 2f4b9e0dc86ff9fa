"""Outside attack 28 (2026-12-06): page ids told apart outside /admin/pages/, …

Each test fails on the code as found and says what a user or an attacker would notice."""

import datetime
import smtplib

import time_machine
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, PageViewRestriction

from community.roles import EDITOR_GROUPS, MODERATORS
from community.roles.setup import setup_roles
from home.mail import OutgoingEmail, deliver, queue_email
from home.validators import normalised_email
from tests.base import BilingualSiteMixin, gave_password
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
        gave_password(client, PASSWORD)
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


class EditorOfOnePartTestCase(RolesTestCase):
    """An editor whose group holds page permissions on one sector community only (a working
    group an administrator made), and pages of other parts of the tree: a draft, a private page
    (members only), a page published to everyone, and a German version of her sector with a
    draft title."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        group = Group.objects.create(name="Werkgroep klimaat")
        group.permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
        )
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group,
                page=cls.climate,
                permission=Permission.objects.get(
                    codename=codename, content_type__app_label="wagtailcore"
                ),
            )
        cls.part_editor = get_user_model().objects.create_user("klimaat@example.org", PASSWORD)
        cls.part_editor.groups.add(group)
        cls.draft = cls.add_page(title="Geheim concept", slug="geheim-concept", live=False)
        cls.private = cls.add_page(title="Besloten vergadering", slug="besloten-vergadering")
        PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.LOGIN
        )
        cls.climate_de.title = "Klimawerkstatt im Entwurf"
        cls.climate_de.save_revision()

    def setUp(self):
        self.client.force_login(self.part_editor)

    def get(self, address):
        response = self.client.get(address)
        return response, response.content.decode()


class BulkActionsNameNoPageOutsideHerPartTests(EditorOfOnePartTestCase):
    """Wagtail's bulk action confirmations listed the title of every page asked for by id,
    those she may not act on included: an editor of one sector read the titles of drafts and
    private pages anywhere in the tree (F2)."""

    ACTIONS = ("delete", "publish", "move", "unpublish")

    def test_pages_outside_her_part_answer_as_ids_no_page_has(self):
        for action in self.ACTIONS:
            for page in (self.draft, self.private):
                with self.subTest(action=action, page=page.title):
                    route = f"/admin/bulk/wagtailcore/page/{action}/?id={{}}"
                    response, content = self.get(route.format(page.pk))
                    absent, _ = self.get(route.format(ABSENT))
                    self.assertEqual(response.status_code, absent.status_code)
                    self.assertNotIn(page.title, content)

    def test_her_own_page_is_named_and_the_other_part_not(self):
        for action in self.ACTIONS:
            with self.subTest(action=action):
                response, content = self.get(
                    f"/admin/bulk/wagtailcore/page/{action}/"
                    f"?id={self.draft.pk}&id={self.private.pk}&id={self.climate.pk}"
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn(self.climate.title, content)
                self.assertNotIn(self.draft.title, content)
                self.assertNotIn(self.private.title, content)

    def test_every_page_asked_for_names_none_outside_her_part(self):
        response, content = self.get("/admin/bulk/wagtailcore/page/delete/?id=all")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.climate.title, content)
        for page in (self.draft, self.private, self.about):
            self.assertNotIn(page.title, content)

    def test_every_page_below_one_outside_her_part_answers_as_below_an_id_no_page_has(self):
        self.client.raise_request_exception = False
        route = "/admin/bulk/wagtailcore/page/delete/?id=all&childOf={}"
        response, content = self.get(route.format(self.home.pk))
        absent, _ = self.get(route.format(ABSENT))
        self.assertEqual((response.status_code, absent.status_code), (404, 404))
        self.assertNotIn(self.draft.title, content)


class PageChooserShowsPublicPagesAndHerPartTests(EditorOfOnePartTestCase):
    """The page chooser lets an editor link to any page published to everyone (its title is on
    the site for anyone to read), but it listed drafts and private pages of every part of the
    tree too, by search, by browsing and by id (F2)."""

    def test_search_finds_public_pages_not_other_parts_drafts_or_private_pages(self):
        for page, found in ((self.about, True), (self.draft, False), (self.private, False)):
            with self.subTest(page=page.title):
                response, content = self.get(f"/admin/choose-page/search/?q={page.title}")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(page.title in content, found)

    def test_browsing_lists_public_pages_not_other_parts_drafts_or_private_pages(self):
        response, content = self.get(f"/admin/choose-page/{self.home.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.about.title, content)
        self.assertNotIn(self.draft.title, content)
        self.assertNotIn(self.private.title, content)

    def test_browsing_below_a_draft_of_another_part_answers_as_an_id_no_page_has(self):
        response, _ = self.get(f"/admin/choose-page/{self.draft.pk}/")
        absent, _ = self.get(f"/admin/choose-page/{ABSENT}/")
        self.assertEqual((response.status_code, absent.status_code), (404, 404))

    def test_pages_chosen_by_id_name_no_draft_of_another_part(self):
        response, content = self.get(
            f"/admin/choose-page/chosen-multiple/?id={self.draft.pk}&id={self.about.pk}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.about.title, content)
        self.assertNotIn(self.draft.title, content)


class AdminApiNamesNoPageOutsideHerPartTests(EditorOfOnePartTestCase):
    """The admin API's page listing shows an editor the pages of her part of the tree only, and
    so does its page detail for a page id; but the detail of her own page named its ancestors
    and its translations in full, a draft's title included (task 2 of attack 28's follow-up)."""

    def test_detail_of_a_page_outside_her_part_answers_as_an_id_no_page_has(self):
        for page in (self.draft, self.private, self.about):
            with self.subTest(page=page.title):
                response, content = self.get(f"/admin/api/main/pages/{page.pk}/")
                absent, _ = self.get(f"/admin/api/main/pages/{ABSENT}/")
                self.assertEqual((response.status_code, absent.status_code), (404, 404))
                self.assertNotIn(page.title, content)

    def test_detail_of_her_page_names_no_draft_of_its_translation(self):
        response, content = self.get(f"/admin/api/main/pages/{self.climate.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.climate.title, content)
        self.assertNotIn("Klimawerkstatt im Entwurf", content)


class DeletedPageReviewToldOnlyToWhoHeldRightsTests(EditorOfOnePartTestCase):
    """What became of a review of a page deleted since is said to whoever was told of it: but
    any editor was told, an editor of another part of the tree too, who so learnt that a page
    id of a part not hers had existed; and a moderator was told of an editor's page once that
    editor's account was deleted too (a sender no account has was taken for a member)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.reviewed = cls.story(title="Verslag van de redactie", slug="verslag", live=False)
        cls.reviewed.owner = cls.editor_nl
        cls.reviewed.save()
        cls.reviewed.save_revision(user=cls.editor_nl)
        cls.reviewed.get_workflow().start(cls.reviewed, cls.editor_nl)
        cls.task_id = cls.reviewed.current_workflow_task_state.task_id

    def decided(self, reader, page_id):
        self.client.force_login(reader)
        response = self.client.get(f"/admin/pages/workflow/decided/{page_id}/{self.task_id}/")
        return response.status_code

    def test_an_editor_of_another_part_is_not_told_the_deleted_page_existed(self):
        page_id = self.reviewed.pk
        self.reviewed.delete()
        self.assertEqual(self.decided(self.editor_de, page_id), 200)
        self.assertEqual(
            self.decided(self.part_editor, page_id), self.decided(self.part_editor, ABSENT)
        )

    def test_a_moderator_is_not_told_of_a_deleted_page_of_an_editor_whose_account_went(self):
        page_id = self.reviewed.pk
        self.reviewed.delete()
        self.assertEqual(
            self.decided(self.moderator, page_id), self.decided(self.moderator, ABSENT)
        )
        with self.captureOnCommitCallbacks(execute=True):
            self.editor_nl.delete()
        self.assertEqual(
            self.decided(self.moderator, page_id), self.decided(self.moderator, ABSENT)
        )
