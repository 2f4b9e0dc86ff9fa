"""Attack 42: findings of an outside tester (accounts, contributions, memberships, admin rights).
Each test fails until its finding is fixed."""

import unittest
import uuid

from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client, TestCase, TransactionTestCase, override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from exchanges.models import Registration, StoryPage
from tests import test_user_admin
from tests.base import BilingualSiteTestCase
from tests.calendar_base import CalendarMixin, local, year_like
from tests.security.test_accounts import AccountsTestCase
from tests.stories_base import StoriesMixin
from tests.test_contribution_races import hold, in_thread, waiting_for_locks

User = get_user_model()


class MembersOnlyMeetingTests(CalendarMixin, TestCase):
    """An editor made a meeting nobody had registered for "for logged-in members" (Wagtail's
    privacy dialog allows it). Members open its page, which offers them "Register"; the POST
    answers 404, as the register view looks the meeting up among `public()` pages only, where
    joining a sector asks `may_open` (the restrictions the member passes)."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.ride = cls.meeting(
            local(year_like(2030), 3, 20, 19), title="Fietstocht", slug="fietstocht"
        )
        PageViewRestriction.objects.create(
            page=cls.ride, restriction_type=PageViewRestriction.LOGIN
        )
        cls.anke = User.objects.create_user("anke@example.org", "x", display_name="Anke")

    def test_a_member_who_may_open_it_can_register(self):
        self.client.force_login(self.anke)
        page = self.client.get(self.ride.url)
        self.assertEqual(page.status_code, 200)
        with translation.override("nl"):
            register = reverse("meeting_register", args=[self.ride.pk])
        self.assertContains(page, register)
        answer = self.client.post(register)
        self.assertNotEqual(answer.status_code, 404)
        self.assertTrue(Registration.objects.for_meeting(self.ride).filter(user=self.anke).exists())

    def test_its_calendar_file_opens_for_a_member_who_may_open_it(self):
        """The page's "add to my calendar" link (/nl/meetings/<id>.ics) answered her 404."""
        self.client.force_login(self.anke)
        page = self.client.get(self.ride.url)
        with translation.override("nl"):
            ics = reverse("meeting_calendar_feed", args=[self.ride.pk])
        self.assertContains(page, ics)
        self.assertEqual(self.client.get(ics).status_code, 200)


# Every password this hasher hashes or checks, in order: the work a request did on passwords.
HASHED = []


class CountingHasher(MD5PasswordHasher):
    """Django's MD5 hasher (the tests' own), noting each hash it computes."""

    def encode(self, password, salt):
        HASHED.append(password)
        return super().encode(password, salt)


@override_settings(PASSWORD_HASHERS=["tests.test_attack42.CountingHasher"])
class SignUpTimingTests(AccountsTestCase):
    """ACCOUNT_PREVENT_ENUMERATION answers a sign-up with an address that has an account as any
    other ("we have sent you an email"), but only the new address's sign-up hashes the password
    (PBKDF2, a million rounds): on `make run` such a sign-up answered in 700-850 ms, one with a
    member's address in 30-90 ms. Whoever times the answer learns who has an account."""

    def test_a_taken_address_costs_the_same_password_work_as_a_new_one(self):
        HASHED.clear()
        self.sign_up("carla@example.org")
        new = len(HASHED)
        self.assertTrue(User.objects.filter(email="carla@example.org").exists())
        HASHED.clear()
        self.sign_up("anna@example.org")  # Anna's, confirmed
        taken = len(HASHED)
        self.assertEqual(new, taken)


class AddressChangeAsksWhoIsThereTests(AccountsTestCase):
    """Deleting an account asks for the password; changing its password asks for the old one.
    Changing its address asked for nothing: whoever has a member's session (a shared computer,
    a session taken hours after she logged in) changed her login address to their own,
    confirmed it from their own mailbox, then reset her password there. She can no longer ask
    for a password at her old address (the email telling her so says as much). On `make run`,
    a session of 20 minutes old moved Jonas's account to attacker-a42@example.net in two
    requests. allauth asks for the password again first (ACCOUNT_REAUTHENTICATION_REQUIRED)
    when told to."""

    def test_a_new_address_asks_for_the_password_first(self):
        self.client.force_login(self.anna)  # a session, without the password confirmed
        with self.captureOnCommitCallbacks(execute=True):
            answer = self.client.post(
                "/nl/accounts/email/", {"email": "someone-else@example.org", "action_add": ""}
            )
        self.assertFalse(EmailAddress.objects.filter(email="someone-else@example.org").exists())
        self.assertFalse(self.mails_to("someone-else@example.org"))
        self.assertEqual(answer.status_code, 302)
        self.assertIn("reauthenticate", answer["Location"])

    def test_guessing_the_password_there_is_held_as_the_login_holds_it(self):
        # Review: allauth's own limit let a session guess ten passwords a minute there.
        self.client.force_login(self.anna)
        answers = [
            self.client.post("/nl/accounts/reauthenticate/", {"password": f"fout-{n}"})
            for n in range(6)
        ]
        self.assertEqual([answer.status_code for answer in answers[:5]], [200] * 5)
        self.assertEqual(answers[5].status_code, 429)

    def test_the_password_is_asked_as_the_login_asks_it_and_then_the_change_goes_through(self):
        # Only the password: allauth also offered "Stuur een aanmeldcode" / "Anmeldecode
        # senden", a way of logging in the site's login does not have.
        self.client.force_login(self.anna)
        answer = self.client.post(
            "/de/accounts/email/", {"email": "anna.neu@example.org", "action_add": ""}
        )
        page = self.client.get(answer["Location"]).content.decode()
        self.assertIn("Geben Sie Ihr Passwort ein", page)
        self.assertNotIn("code", page.split("<main", 1)[1].lower())
        given = self.client.post(answer["Location"], {"password": "een-lang-wachtwoord"})
        self.assertEqual(given["Location"], "/de/accounts/email/")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                "/de/accounts/email/", {"email": "anna.neu@example.org", "action_add": ""}
            )
        self.assertTrue(self.mails_to("anna.neu@example.org"))


class AdminPasswordChangeTests(BilingualSiteTestCase):
    """allauth tells a member or an editor by email of every change to her password
    (ACCOUNT_EMAIL_NOTIFICATIONS), and holds "change password" to its limit. Wagtail's own
    account page (/admin/account/, its "Password" panel) changes an editor's or an
    administrator's password through Django's form: no email, no limit on tries of the old
    password. On `make run` the Dutch editor's password changed there, and no email came (the
    same change on /nl/accounts/password/change/ sent "Uw wachtwoord is gewijzigd")."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.administrator = User.objects.create_superuser(
            "beheer@example.org", test_user_admin.PASSWORD
        )

    account_form_data = test_user_admin.AccountPageTests.account_form_data

    def test_the_admins_account_page_changes_no_password_and_leads_to_the_sites_form(self):
        # Fixed by taking the password form off the admin's account page: the one form that
        # changes a password is allauth's on the site, which tells by email and limits tries.
        self.client.force_login(self.administrator)
        new = "een-heel-ander-wachtwoord-42"
        page = self.client.get(reverse("wagtailadmin_account"))
        self.assertNotContains(page, 'name="password-old_password"')
        with translation.override("nl"):
            self.assertContains(page, f'href="{reverse("account_change_password")}"')
        data = self.account_form_data(
            **{
                "password-old_password": test_user_admin.PASSWORD,
                "password-new_password1": new,
                "password-new_password2": new,
            }
        )
        self.client.post(reverse("wagtailadmin_account"), data)
        self.administrator.refresh_from_db()
        self.assertFalse(self.administrator.check_password(new))
        self.assertTrue(self.administrator.check_password(test_user_admin.PASSWORD))


class TheRootIsNoEditorsPageTests(BilingualSiteTestCase):
    """The tree's root (id 1) is no page of the site, and no editor's: Wagtail's lock, unlock and
    "set position" of it answered an editor with a server error (its success address is the
    root's parent, which it has none of), and the lock was stored. Found by walking every admin
    address with the demo's ids as the Dutch editor: /admin/pages/1/lock/,
    /admin/pages/1/unlock/ and /admin/pages/1/set_position/ answered 500; after the first the
    root stood locked by her in "Locked pages"."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        cls.editor = User.objects.create_user("redactie@example.org", "x")
        cls.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))

    def test_the_root_is_neither_locked_nor_an_error(self):
        self.client.force_login(self.editor)
        self.client.raise_request_exception = False
        root = Page.get_first_root_node()
        answer = self.client.post(f"/admin/pages/{root.pk}/lock/")
        root.refresh_from_db()
        self.assertFalse(root.locked)
        self.assertLess(answer.status_code, 500)
        for name in ("unlock", "set_position"):
            with self.subTest(name):
                answer = self.client.post(f"/admin/pages/{root.pk}/{name}/")
                self.assertLess(answer.status_code, 500)

    def test_revision_zero_is_not_found(self):
        """Wagtail's revert view reads revision 0 as "no revision" and then reverts to none:
        /admin/pages/<id>/revisions/0/revert/ answered 500 to the editors on any page, and to
        the moderator on a contribution she reviews (/admin/pages/105/revisions/0/revert/ on
        `make run`)."""
        self.client.force_login(self.editor)
        self.client.raise_request_exception = False
        home = Page.objects.get(depth=2, locale__language_code="nl")
        answer = self.client.get(f"/admin/pages/{home.pk}/revisions/0/revert/")
        self.assertEqual(answer.status_code, 404)


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class SameTitleAtOnceTests(StoriesMixin, TransactionTestCase):
    """Ten members sent a story titled "Zelfde titel A42" at the same moment on PostgreSQL
    (`make run`'s demo, loaded into jm_attack42_run): one was stored, nine answered 500
    (Wagtail's check that the slug is free, with the slug each had chosen before the first was
    committed). On SQLite the whole transaction waits for the database's lock, and all ten were
    stored. Here two members' drafts are saved while something else holds the overview's row
    (an editor publishing a story below it, say); both wait, and the second finds the slug
    taken."""

    def setUp(self):
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        self.build_stories()
        setup_roles()
        self.members = [
            User.objects.create_user(f"lid{number}@example.org", "x", display_name=f"Lid {number}")
            for number in (1, 2)
        ]

    def send(self, member):
        client = Client(raise_request_exception=False)
        client.force_login(member)
        with translation.override("nl"):
            url = reverse("contribute_story")
        return client.post(
            url,
            {
                "submission": str(uuid.uuid4()),
                "title": "Jaarvergadering in Blokzijl",
                "intro": "Wat we bespraken.",
                "body": "",
                "sector": "",
                "language": "nl",
                "photos-TOTAL_FORMS": "0",
                "photos-INITIAL_FORMS": "0",
                "photos-MIN_NUM_FORMS": "0",
                "photos-MAX_NUM_FORMS": "10",
            },
        ).status_code

    def test_both_drafts_are_stored(self):
        release = hold(self, Page.objects.filter(pk=self.story_index.pk))
        sent = [in_thread(lambda member=member: self.send(member)) for member in self.members]
        waiting_for_locks(2)
        release.set()
        for thread, _answers in sent:
            thread.join(30)
        self.assertEqual([answers for _thread, answers in sent], [[302], [302]])
        stored = StoryPage.objects.filter(title="Jaarvergadering in Blokzijl", alias_of=None)
        self.assertEqual(stored.filter(locale__language_code="nl").count(), 2)
