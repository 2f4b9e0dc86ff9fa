"""Accounts: an address belongs to whoever can read its mail, and what a member leaves behind
asks for their password.

An unverified address is only a claim: it never keeps the address's owner from signing up, a
member changes their one address (verified before it counts) instead of collecting others'
addresses, and the site cannot be made to mail strangers at will or in a member's words."""

import json
import re

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import WorkflowState

from exchanges.models import MeetingPage, Registration, StoryPage
from tests.base import gave_password
from tests.calendar_base import year_like
from tests.test_members import MembersTestCase, User

PASSWORD = "een-lang-wachtwoord"  # noqa: S105 (the password MembersTestCase gives its members)
# What a member reads on her address page once a mail went to her new address, and when she asks
# again too soon: the same whether the address is free or another account's.
SENT_TO_ANNA = (
    "We hebben een e-mail gestuurd naar anna@example.org. Kan dit adres voor uw account worden "
    "gebruikt, dan staat er een link in om het te bevestigen; anders staat erin waarom niet."
)
NOT_AGAIN_YET = (
    "Er is pas een paar minuten geleden een e-mail naar anna@example.org gestuurd, daarom sturen "
    "we nog geen nieuwe. Wacht een paar minuten en kijk ook in uw map met ongewenste e-mail."
)


class AccountsTestCase(MembersTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for member in (cls.anna, cls.bernd):
            EmailAddress.objects.create(
                user=member, email=member.email, verified=True, primary=True
            )

    def add_email(self, user, email):
        if self.client.session.get("_auth_user_id") != str(user.pk):
            self.client.force_login(user)
            gave_password(self.client)
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post("/nl/accounts/email/", {"email": email, "action_add": ""})

    def sign_up(self, email, **overrides):
        self.client.logout()
        data = {
            "email": email,
            "password1": "een-heel-lang-wachtwoord",
            "password2": "een-heel-lang-wachtwoord",
            "display_name": "Carla",
            "town": "",
            "language": "nl",
            "privacy_consent": "on",
            **overrides,
        }
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post("/nl/accounts/signup/", data)

    def mails_to(self, email):
        return [message for message in mail.outbox if email in message.to]


class SquattingTests(AccountsTestCase):
    def test_owner_signs_up_with_an_address_another_member_added_unverified(self):
        self.add_email(self.anna, "carla@example.org")
        mail.outbox.clear()
        self.sign_up("carla@example.org")
        carla = User.objects.get(email="carla@example.org")
        self.assertEqual(carla.display_name, "Carla")
        link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body)
        self.assertIsNotNone(link, mail.outbox[-1].body)
        self.client.post(link.group(0).replace("http://testserver", ""))
        self.assertTrue(
            EmailAddress.objects.filter(user=carla, email="carla@example.org", verified=True)
        )
        self.assertFalse(EmailAddress.objects.filter(user=self.anna, email="carla@example.org"))
        self.assertEqual(self.client.get("/nl/members/").status_code, 200)

    def test_an_address_someone_verified_still_cannot_be_signed_up_again(self):
        self.sign_up("anna@example.org")
        self.assertEqual(User.objects.filter(email__iexact="anna@example.org").count(), 1)
        self.assertEqual(EmailAddress.objects.filter(email="anna@example.org").count(), 1)

    def test_signing_up_with_an_address_awaiting_its_own_confirmation_creates_no_second_account(
        self,
    ):
        self.sign_up("carla@example.org")
        self.sign_up("carla@example.org", display_name="Niet Carla")
        self.assertEqual(User.objects.filter(email="carla@example.org").count(), 1)


class AddressChangeTests(AccountsTestCase):
    def test_member_has_one_address_and_changes_it_only_by_confirming_the_new_one(self):
        for email in ("een@example.org", "twee@example.org", "drie@example.org"):
            self.add_email(self.anna, email)
        page = self.client.get("/nl/accounts/email/")
        self.assertContains(page, "drie@example.org")
        addresses = EmailAddress.objects.filter(user=self.anna)
        self.assertEqual(
            sorted((a.email, a.verified) for a in addresses),
            [("anna@example.org", True), ("drie@example.org", False)],
        )
        link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body)
        self.client.post(link.group(0).replace("http://testserver", ""))
        self.anna.refresh_from_db()
        self.assertEqual(self.anna.email, "drie@example.org")
        self.assertEqual(
            list(EmailAddress.objects.filter(user=self.anna).values_list("email", flat=True)),
            ["drie@example.org"],
        )

    def test_another_accounts_address_in_any_case_is_not_added_and_its_owner_only_told(self):
        """As the sign-up answers an address that has an account: the same words as for any
        other address (nobody learns whose it is); nothing is stored, and its owner is told
        that someone tried, with no link that could give the address away."""
        for email in ("ANNA@example.org", "anna@EXAMPLE.org", "anna@\uff45xample.org"):
            with self.subTest(email=email):
                cache.clear()  # the pause between two mails to one address is over
                mail.outbox.clear()
                response = self.add_email(self.bernd, email)
                self.assertRedirects(response, "/nl/accounts/email/", fetch_redirect_response=False)
                (told_owner,) = self.mails_to("anna@example.org")
                self.assertNotIn("/confirm-email/", told_owner.body)
                self.assertEqual(
                    list(EmailAddress.objects.filter(user=self.bernd).values_list("email")),
                    [("bernd@example.org",)],
                )
                told = [str(message) for message in get_messages(response.wsgi_request)]
                self.assertEqual(told[-1], SENT_TO_ANNA)

    def email_page(self):
        """What the member reads on her address page: the page without its form's token."""
        page = self.client.get("/nl/accounts/email/").content.decode()
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)

    def test_the_address_page_looks_the_same_whether_an_added_address_is_taken_or_free(self):
        """Bernd cannot tell from his page whether Anna's address has an account: both are
        pending, with the same words and buttons; only the free one can be confirmed."""
        free = self.add_email(self.bernd, "carla@example.org")
        free_page = self.email_page().replace("carla@example.org", "ADDRESS")
        taken = self.add_email(self.bernd, "anna@example.org")
        taken_page = self.email_page().replace("anna@example.org", "ADDRESS")
        self.assertEqual(taken_page, free_page)
        self.assertIn("ADDRESS", taken_page)
        self.assertEqual(
            [str(m) for m in get_messages(taken.wsgi_request)][-1:],
            [str(m).replace("carla", "anna") for m in get_messages(free.wsgi_request)][-1:],
        )
        # Anna's address is nowhere on Bernd's account: no login, no reset, no mail to Anna.
        self.assertEqual(
            list(EmailAddress.objects.filter(user=self.bernd).values_list("email", flat=True)),
            ["bernd@example.org"],
        )
        self.assertNotIn("/confirm-email/", self.mails_to("anna@example.org")[0].body)
        self.client.logout()
        self.assertFalse(self.client.login(email="anna@example.org", password=PASSWORD + "x"))
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post("/nl/accounts/password/reset/", {"email": "anna@example.org"})
        self.assertEqual(
            [m.to for m in mail.outbox if "anna@example.org" in m.to], [["anna@example.org"]]
        )

    def test_sending_again_and_cancelling_a_taken_address_answer_as_for_a_free_one(self):
        answers = {}
        for address in ("carla@example.org", "anna@example.org"):
            cache.clear()  # the same rate limits for both
            self.add_email(self.bernd, address)
            self.email_page()
            mail.outbox.clear()
            told = []
            for action in ("action_send", "action_remove"):
                with self.captureOnCommitCallbacks(execute=True):
                    response = self.client.post(
                        "/nl/accounts/email/", {"email": address, action: ""}
                    )
                told += [
                    str(m).replace(address, "ADDRESS") for m in get_messages(response.wsgi_request)
                ]
            answers[address] = (told, self.email_page().replace(address, "ADDRESS"))
            # Sent again within the pause between two mails to one address: nothing is sent,
            # and she is told so rather than nothing (she waited for a mail that did not come).
            self.assertEqual(mail.outbox, [])
            self.assertEqual(told[0], NOT_AGAIN_YET.replace("anna@example.org", "ADDRESS"))
        self.assertEqual(answers["anna@example.org"], answers["carla@example.org"])
        self.assertFalse(EmailAddress.objects.filter(email="carla@example.org"))

    def test_a_member_held_back_by_anothers_mail_is_not_told_she_was_sent_it(self):
        """Anna asked for a free address minutes ago; Bernd types the same one. The pause
        between two mails to one address holds his back, and what he reads is true of him: a
        mail went there (he was not sent one) (walk of 2026-12-05, W1)."""
        self.add_email(self.anna, "carla@example.org")
        mail.outbox.clear()
        response = self.add_email(self.bernd, "carla@example.org")
        self.assertEqual(mail.outbox, [])
        # (Anna's own message is still in the test client's message cookie before his.)
        told = [str(m) for m in get_messages(response.wsgi_request)][-1]
        self.assertEqual(told, NOT_AGAIN_YET.replace("anna@example.org", "carla@example.org"))

    def test_sending_again_after_the_pause_mails_a_taken_address_as_a_free_one(self):
        """What she is told is true for both: a mail went to the address, and its reader learns
        what next (the link to confirm it, or that the address already has an account)."""
        answers = {}
        for address in ("carla@example.org", "anna@example.org"):
            cache.clear()
            self.add_email(self.bernd, address)
            self.email_page()  # where she reads that it was sent
            cache.clear()  # the pause between two mails to one address is over
            mail.outbox.clear()
            with self.captureOnCommitCallbacks(execute=True):
                response = self.client.post(
                    "/nl/accounts/email/", {"email": address, "action_send": ""}
                )
            told = [str(m).replace(address, "ADDRESS") for m in get_messages(response.wsgi_request)]
            answers[address] = (told, [m.to for m in mail.outbox])
        self.assertEqual(
            answers["carla@example.org"],
            ([SENT_TO_ANNA.replace("anna@example.org", "ADDRESS")], [["carla@example.org"]]),
        )
        self.assertEqual(
            answers["anna@example.org"],
            ([answers["carla@example.org"][0][0]], [["anna@example.org"]]),
        )

    def test_an_address_freed_since_it_was_asked_for_gets_its_confirmation_on_sending_again(self):
        """Anna's address was taken when Bernd asked for it; Anna has left since. "Send again"
        no longer tells its reader that it belongs to an account: it sends the link that makes
        it Bernd's."""
        self.add_email(self.bernd, "anna@example.org")
        self.email_page()
        self.anna.delete()
        cache.clear()  # the pause between two mails to one address is over
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                "/nl/accounts/email/", {"email": "anna@example.org", "action_send": ""}
            )
        (message,) = self.mails_to("anna@example.org")
        link = re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body)
        self.assertIsNotNone(link, message.body)
        self.client.post(link.group(0).replace("http://testserver", ""))
        self.bernd.refresh_from_db()
        self.assertEqual(self.bernd.email, "anna@example.org")

    def test_the_owner_of_a_taken_address_is_told_in_her_language_and_nothing_of_who_asked(self):
        """Anna, reading the Dutch site, types Bernd's address: Bernd is told in German, with his
        own ways in (login, a new password), and nothing of Anna's or a way to the address for
        her; a second try within the pause mails him nothing more."""
        self.anna.display_name = "Koop nu bij spam.example"
        self.anna.save()
        self.add_email(self.anna, "bernd@example.org")
        self.add_email(self.anna, "bernd@example.org")
        (message,) = self.mails_to("bernd@example.org")
        self.assertEqual(
            message.subject, "Ihre E-Mail-Adresse wurde für ein anderes Konto angegeben"
        )
        self.assertIn("Konto", message.body)
        self.assertIn("/de/accounts/login/", message.body)
        self.assertIn("/de/accounts/password/reset/", message.body)
        for given_away in ("/confirm-email/", "anna", "Anna", "spam.example", "Koop nu", "/nl/"):
            self.assertNotIn(given_away, message.subject + message.body)

    def test_adding_addresses_is_rate_limited(self):
        answers = [
            self.add_email(self.anna, f"adres{n}@example.org").status_code for n in range(12)
        ]
        self.assertIn(429, answers)
        self.assertLessEqual(len(self.mails_to_strangers()), 10)

    def test_correcting_a_typo_does_not_lock_the_member_out(self):
        """Add, add again, send again, cancel, add, send again (walk of 2026-12-05: the sixth
        answered "try again in 60 minutes")."""
        self.client.force_login(self.anna)
        gave_password(self.client)
        steps = [
            {"email": "ana@example.org", "action_add": ""},
            {"email": "anna.nieuw@exmaple.org", "action_add": ""},
            {"email": "anna.nieuw@exmaple.org", "action_send": ""},
            {"email": "anna.nieuw@exmaple.org", "action_remove": ""},
            {"email": "anna.nieuw@example.org", "action_add": ""},
            {"email": "anna.nieuw@example.org", "action_send": ""},
        ]
        for data in steps:
            with self.captureOnCommitCallbacks(execute=True):
                response = self.client.post("/nl/accounts/email/", data)
            self.assertNotEqual(response.status_code, 429, data)

    def mails_to_strangers(self):
        return [m for m in mail.outbox if any(to.startswith("adres") for to in m.to)]

    def test_the_mail_to_an_added_address_does_not_carry_the_members_words(self):
        self.anna.display_name = "Koop nu bij spam.example"
        self.anna.save()
        self.add_email(self.anna, "carla@example.org")
        (message,) = self.mails_to("carla@example.org")
        self.assertNotIn("spam.example", message.body)
        self.assertNotIn("Koop nu", message.subject + message.body)

    def test_signing_up_in_someone_elses_name_puts_no_words_in_the_mail(self):
        self.sign_up("carla@example.org", display_name="Koop nu bij spam.example")
        (message,) = self.mails_to("carla@example.org")
        self.assertNotIn("spam.example", message.body)


class ClaimOnAnAddressAnotherAccountGotTests(AccountsTestCase):
    """A member's pending change to an address outlives nothing: once another account comes to
    own the address (it confirms it, or the users admin gives it to one), "send again" mails
    its owner the notice that someone tried, never a confirmation for the member's account,
    and leaves the owner's own confirmation alone (attack of 2026-12-05, F1)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.administrator = User.objects.create_superuser("beheer@example.org", PASSWORD)

    def send_again(self, member, email):
        self.client.force_login(member)
        gave_password(self.client)
        self.client.get("/nl/accounts/email/")  # where she read what came before
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post("/nl/accounts/email/", {"email": email, "action_send": ""})
        return [str(m).replace(email, "ADDRESS") for m in get_messages(response.wsgi_request)]

    def add_account(self, email):
        client = Client()
        client.force_login(self.administrator)
        with self.captureOnCommitCallbacks(execute=True):
            response = client.post(
                reverse("wagtailusers_users:add"),
                {
                    "email": email,
                    "first_name": "Nina",
                    "last_name": "Nieuw",
                    "password1": PASSWORD,
                    "password2": PASSWORD,
                    "language": "nl",
                },
            )
        self.assertEqual(response.status_code, 302)

    def confirmation_link(self, email):
        (message,) = [m for m in self.mails_to(email) if "/confirm-email/" in m.body]
        return re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body).group(0)

    def assertOwnerOnlyTold(self, email):
        (told,) = self.mails_to(email)
        self.assertNotIn("/confirm-email/", told.body)
        self.assertIn("/accounts/password/reset/", told.body)

    def test_an_address_another_member_confirmed_is_no_longer_sent_a_confirmation(self):
        self.add_email(self.bernd, "gedeeld@example.org")
        link = self.confirmation_link("gedeeld@example.org")
        cache.clear()
        self.add_email(self.anna, "gedeeld@example.org")
        self.client.force_login(self.bernd)
        self.client.post(link.replace("http://testserver", ""))
        self.bernd.refresh_from_db()
        self.assertEqual(self.bernd.email, "gedeeld@example.org")
        cache.clear()  # the pause between two mails to one address is over
        mail.outbox.clear()
        told = self.send_again(self.anna, "gedeeld@example.org")
        self.assertEqual(told, [SENT_TO_ANNA.replace("anna@example.org", "ADDRESS")])
        self.assertOwnerOnlyTold("gedeeld@example.org")
        self.assertFalse(EmailAddress.objects.filter(user=self.anna, email="gedeeld@example.org"))

    def first_login(self, email):
        """The owner of an account made in the admin logs in: allauth mails her confirmation."""
        self.client.logout()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post("/nl/accounts/login/", {"login": email, "password": PASSWORD})

    def test_an_address_given_to_a_new_account_in_the_admin_is_no_longer_claimed(self):
        self.add_email(self.anna, "nieuw@example.org")
        self.add_account("nieuw@example.org")
        cache.clear()  # the pause between two mails to one address is over
        mail.outbox.clear()
        told = self.send_again(self.anna, "nieuw@example.org")
        self.assertEqual(told, [SENT_TO_ANNA.replace("anna@example.org", "ADDRESS")])
        self.assertOwnerOnlyTold("nieuw@example.org")
        # The owner's own confirmation, at her first login, is not held back by Anna's mail.
        mail.outbox.clear()
        self.first_login("nieuw@example.org")
        link = self.confirmation_link("nieuw@example.org")
        self.client.post(link.replace("http://testserver", ""))
        self.assertTrue(
            EmailAddress.objects.get(email="nieuw@example.org", user__first_name="Nina").verified
        )

    def test_the_owner_of_an_address_added_in_the_admin_is_sent_her_confirmation_at_once(self):
        """Anna's mail to the address a minute before does not hold back its owner's own."""
        self.add_email(self.anna, "nieuw@example.org")
        self.add_account("nieuw@example.org")
        mail.outbox.clear()
        self.first_login("nieuw@example.org")
        self.assertTrue(self.confirmation_link("nieuw@example.org"))

    def test_an_address_given_to_another_account_in_the_admin_is_no_longer_claimed(self):
        self.add_email(self.anna, "bernd@neu.example")
        client = Client()
        client.force_login(self.administrator)
        with self.captureOnCommitCallbacks(execute=True):
            client.post(
                reverse("wagtailusers_users:edit", args=[self.bernd.pk]),
                {"email": "bernd@neu.example", "language": "de", "is_active": "on"},
            )
        self.bernd.refresh_from_db()
        self.assertEqual(self.bernd.email, "bernd@neu.example")
        cache.clear()
        mail.outbox.clear()
        told = self.send_again(self.anna, "bernd@neu.example")
        self.assertEqual(told, [SENT_TO_ANNA.replace("anna@example.org", "ADDRESS")])
        self.assertOwnerOnlyTold("bernd@neu.example")


class EveryActionOnAPendingAddressTests(AccountsTestCase):
    """Each action of the address page (allauth's: make primary, send again, remove, and none)
    answers the same for a pending address that another account has as for a free one: "make
    primary" said "Uw primaire e-mailadres moet bevestigd zijn." only for a free one (attack of
    2026-12-05, F2)."""

    def answers(self, address, action, **headers):
        cache.clear()
        self.add_email(self.bernd, address)
        self.client.get("/nl/accounts/email/")  # where she reads that it was sent
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                "/nl/accounts/email/", {"email": address, **action}, **headers
            )
        told = [str(m).replace(address, "ADDRESS") for m in get_messages(response.wsgi_request)]
        body = response.content.decode().replace(address, "ADDRESS")
        return response.status_code, response.get("Location"), body, told

    def test_every_action_answers_the_same_for_a_taken_and_a_free_address(self):
        for action in (
            {"action_primary": "1"},
            {"action_send": ""},
            {"action_remove": ""},
            {"action_primary": "1", "action_remove": ""},
            {},
        ):
            for headers in ({}, {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}):
                with self.subTest(action=action, headers=headers):
                    free = self.answers("carla@example.org", action, **headers)
                    taken = self.answers("anna@example.org", action, **headers)
                    self.assertEqual(taken, free)
                    self.assertTrue(EmailAddress.objects.get(email="anna@example.org").primary)
                    EmailAddress.objects.filter(email="carla@example.org").delete()

    def test_a_script_reads_the_same_list_of_addresses(self):
        listed = {}
        for address in ("carla@example.org", "anna@example.org"):
            self.add_email(self.bernd, address)
            page = self.client.get("/nl/accounts/email/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
            listed[address] = json.loads(page.content)["data"]
        self.assertEqual(listed["anna@example.org"], listed["carla@example.org"])

    def test_making_a_pending_address_primary_is_refused_alike(self):
        _, _, _, told = self.answers("anna@example.org", {"action_primary": "1"})
        self.assertEqual(told[-1], "Uw primaire e-mailadres moet bevestigd zijn.")


class UsersAdminExportsNothingTests(AccountsTestCase):
    """The users admin answered ?export=csv (and xlsx) with a file of one blank row per
    account, those beyond the account manager's reach included; the members list has the real
    export. The parameter is ignored: the list as always (attack of 2026-12-05, F4)."""

    def test_the_users_list_offers_no_export_to_an_account_manager_or_an_administrator(self):
        managers = Group.objects.create(name="Accountbeheer")
        managers.permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
            *Permission.objects.filter(
                content_type__app_label=User._meta.app_label,
                codename__in=["add_user", "change_user", "delete_user"],
            ),
        )
        manager = User.objects.create_user("accounts@example.org", PASSWORD)
        manager.groups.add(managers)
        administrator = User.objects.create_superuser("beheer@example.org", PASSWORD)
        for account in (manager, administrator):
            self.client.force_login(account)
            for export in ("csv", "xlsx"):
                with self.subTest(account=account.email, export=export):
                    response = self.client.get(
                        reverse("wagtailusers_users:index"), {"export": export}
                    )
                    self.assertEqual(response.status_code, 200)
                    self.assertTrue(response["Content-Type"].startswith("text/html"))
                    self.assertNotIn("Content-Disposition", response)
                    self.assertContains(response, "anna@example.org")
            listing = self.client.get(reverse("wagtailusers_users:index"))
            self.assertNotContains(listing, "export=")


class AddressChangedInTheAdminTests(AccountsTestCase):
    """An administrator changes a member's address in the users admin (the member lost that
    mailbox, or it was never theirs): allauth finds accounts by their addresses (`EmailAddress`)
    before their login address, so the old one stayed a way into the account, for login and for
    a password reset mailed to whoever reads it, and kept its owner from signing up."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.administrator = User.objects.create_superuser("beheer@example.org", PASSWORD)

    def change_address(self, member, email):
        client = Client()
        client.force_login(self.administrator)
        with self.captureOnCommitCallbacks(execute=True):
            response = client.post(
                reverse("wagtailusers_users:edit", args=[member.pk]),
                {"email": email, "language": member.language, "is_active": "on"},
            )
        self.assertEqual(response.status_code, 302)
        member.refresh_from_db()

    def log_in(self, email, password=PASSWORD):
        self.client.logout()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post("/nl/accounts/login/", {"login": email, "password": password})
        return self.client.session.get("_auth_user_id")

    def reset_password(self, email):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post("/nl/accounts/password/reset/", {"email": email})
        return [m for m in self.mails_to(email) if "/password/reset/key/" in m.body]

    def test_the_old_address_no_longer_opens_the_account(self):
        self.change_address(self.anna, "anna@nieuw.example")
        self.assertIsNone(self.log_in("anna@example.org"))
        self.assertEqual(self.reset_password("anna@example.org"), [])
        self.assertEqual(len(self.reset_password("anna@nieuw.example")), 1)

    def test_the_new_address_is_confirmed_by_its_reader_at_the_first_login(self):
        """Typed by the administrator, not yet proven read by the member: allauth asks for the
        link sent there before it lets the member in, as for an account added in the admin."""
        self.change_address(self.anna, "anna@nieuw.example")
        self.assertEqual(
            [(a.email, a.primary, a.verified) for a in EmailAddress.objects.filter(user=self.anna)],
            [("anna@nieuw.example", True, False)],
        )
        mail.outbox.clear()
        self.assertIsNone(self.log_in("anna@nieuw.example"))
        link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body)
        self.assertIn("anna@nieuw.example", mail.outbox[-1].to)
        self.client.post(link.group(0).replace("http://testserver", ""))
        self.assertEqual(self.log_in("anna@nieuw.example"), str(self.anna.pk))

    def test_a_member_of_long_standing_is_not_told_to_finish_a_registration(self):
        """The page after the login that sent the link said "om uw registratie af te ronden"
        (German "um die Registrierung abzuschließen") to a member whose address the
        administration had changed (walk of 2026-12-04): it speaks of the confirmation."""
        self.change_address(self.anna, "anna@nieuw.example")
        for language in ("nl", "de"):
            self.client.logout()
            with self.captureOnCommitCallbacks(execute=True):
                page = self.client.post(
                    f"/{language}/accounts/login/",
                    {"login": "anna@nieuw.example", "password": PASSWORD},
                    follow=True,
                )
            self.assertContains(page, {"nl": "bevestiging", "de": "Bestätigung"}[language])
            self.assertNotContains(page, {"nl": "registratie", "de": "Registrierung"}[language])

    def test_the_owner_of_the_old_address_signs_up_with_it(self):
        self.change_address(self.anna, "anna@nieuw.example")
        self.sign_up("anna@example.org", display_name="Andere Anna")
        other = User.objects.get(email="anna@example.org")
        self.assertEqual(other.display_name, "Andere Anna")
        link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body)
        self.client.post(link.group(0).replace("http://testserver", ""))
        self.assertTrue(EmailAddress.objects.get(email="anna@example.org").verified)
        self.assertEqual(self.log_in("anna@example.org", "een-heel-lang-wachtwoord"), str(other.pk))

    def test_the_old_address_is_told_in_the_members_language_with_the_new_one_partly_hidden(
        self,
    ):
        for member, greeting, new in (
            (self.anna, "Beste Anna,", "anna@nieuw.example"),
            (self.bernd, "Hallo Bernd,", "bernd@neu.example"),
        ):
            with self.subTest(member=member.email):
                old = member.email
                mail.outbox.clear()
                self.change_address(member, new)
                (notice,) = self.mails_to(old)
                self.assertIn(greeting, notice.body)
                self.assertIn(f"{new[0]}***@{new.partition('@')[2]}", notice.body)
                self.assertNotIn(new, notice.body)

    def test_an_address_only_written_in_capitals_tells_no_one(self):
        mail.outbox.clear()
        self.change_address(self.anna, "ANNA@example.org")
        self.assertEqual(mail.outbox, [])

    def test_the_address_is_kept_in_small_letters_as_a_sign_up_keeps_it(self):
        self.change_address(self.anna, "Femke@Bewoners.example")
        self.assertEqual(self.anna.email, "femke@bewoners.example")
        self.assertEqual(
            list(EmailAddress.objects.filter(user=self.anna).values_list("email", flat=True)),
            ["femke@bewoners.example"],
        )

    def test_an_address_in_another_case_stays_confirmed(self):
        self.change_address(self.anna, "Anna@example.org")
        self.assertEqual(
            [(a.email, a.primary, a.verified) for a in EmailAddress.objects.filter(user=self.anna)],
            [("anna@example.org", True, True)],
        )
        self.assertEqual(self.log_in("Anna@example.org"), str(self.anna.pk))


class LookalikeAddressTests(AccountsTestCase):
    """`HENDRİK@` (dotted capital İ), `hendrık@` (dotless ı) and `ſabine@` (long s) passed
    Django's check (its pattern ignores case) and were accounts of their own beside `hendrik@` and
    `sabine@`, where `iexact` (`UPPER()` on PostgreSQL: `upper('hendrık')` is `HENDRIK`) finds
    both for one login (outsider's pass of 2026-12-04)."""

    LOOKALIKES = {
        "HENDR\u0130K@example.org": "\u0130",  # dotted capital İ
        "hendr\u0131k@example.org": "\u0131",  # dotless ı
        "\u017fabine@example.org": "\u017f",  # long s
        "anna@stra\u00dfe.example": "\u00df",  # ß: SS in capitals
    }

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for email in ("hendrik@example.org", "sabine@example.org", "karl@example.org"):
            cls.member(email, "Lid", "nl")

    def assertRefusedAtEmail(self, response, character):
        self.assertEqual(response.status_code, 200)
        [error] = response.context["form"].errors.as_data()["email"]
        self.assertEqual(error.code, "case_lookalike")
        self.assertIn(f"„{character}”", error.message % error.params)
        self.assertContains(response, f"„{character}”")

    def test_sign_up_refuses_a_lookalike_of_another_members_address(self):
        for email, character in self.LOOKALIKES.items():
            with self.subTest(email=email):
                self.assertRefusedAtEmail(self.sign_up(email), character)
                self.assertFalse(User.objects.filter(email=email).exists())
        self.assertEqual(User.objects.filter(display_name="Carla").count(), 0)

    def test_a_member_cannot_change_to_a_lookalike_address(self):
        for email, character in self.LOOKALIKES.items():
            with self.subTest(email=email):
                self.assertRefusedAtEmail(self.add_email(self.anna, email), character)
        self.assertEqual(
            list(EmailAddress.objects.filter(user=self.anna).values_list("email", flat=True)),
            ["anna@example.org"],
        )

    def test_the_kelvin_sign_is_the_k_allauth_makes_of_it(self):
        """allauth puts the address in small letters first: K is k, one spelling."""
        self.sign_up("\u212aarl@example.org")
        self.assertEqual(User.objects.filter(email__icontains="arl@example.org").count(), 1)

    def test_addresses_of_letters_with_one_small_and_one_capital_form_still_sign_up(self):
        self.sign_up("Carla.Jansen@Bücher.example")
        self.assertTrue(User.objects.filter(email="carla.jansen@bücher.example").exists())


class SpellingsOfOneMailboxTests(AccountsTestCase):
    """Django's check accepts any domain the IDNA codec makes valid, and its SMTP sending writes
    the domain so: `anna@ｂ…`, `anna@ℬ…`, a combining grapheme joiner or variation selector in the
    domain were accounts of their own whose confirmation and password reset went to Anna's
    mailbox; `x@xn--mller-kva.de` and `x@müller.de` two accounts of one mailbox (outsider's pass
    of 2026-12-04)."""

    SPELLINGS = (
        "anna@\uff45xample.org",  # full-width e
        "anna@\u212fxample.org",  # script small e
        "anna@exa\u034fmple.org",  # combining grapheme joiner
        "anna@example.org\ufe0f",  # variation selector
    )

    def test_sign_up_takes_another_spelling_of_a_members_mailbox_for_hers(self):
        for email in self.SPELLINGS:
            with self.subTest(email=email):
                self.sign_up(email)
                self.assertEqual(User.objects.filter(display_name="Carla").count(), 0)

    def test_another_spelling_of_a_members_mailbox_is_her_address_when_added(self):
        """As for Anna's address itself: what another member adds is read in its one spelling,
        recognised as hers, not stored for him, and no confirmation is mailed (allauth tells
        no one whose it is); she is told once that someone tried, as for her address itself."""
        for email in self.SPELLINGS:
            with self.subTest(email=email):
                self.add_email(self.bernd, email)
                added = EmailAddress.objects.filter(user=self.bernd).exclude(email=self.bernd.email)
                self.assertFalse(added.exists())
                for message in self.mails_to("anna@example.org"):
                    self.assertNotIn("/confirm-email/", message.body)
        self.assertEqual(len(self.mails_to("anna@example.org")), 1)

    def test_a_domain_in_punycode_and_in_unicode_is_one_mailbox(self):
        self.sign_up("carla@xn--bcher-kva.example")
        self.assertEqual(
            list(User.objects.filter(display_name="Carla").values_list("email", flat=True)),
            ["carla@bücher.example"],
        )
        self.sign_up("carla@bücher.example", display_name="Carla twee")
        self.assertFalse(User.objects.filter(display_name="Carla twee").exists())

    def test_an_ideographic_full_stop_at_the_end_is_refused(self):
        response = self.sign_up("carla@example.org\u3002")
        self.assertEqual(response.status_code, 200)
        self.assertIn("email", response.context["form"].errors)
        self.assertFalse(User.objects.filter(display_name="Carla").exists())


class DataExportTests(AccountsTestCase):
    def test_data_export_is_never_stored_by_a_cache(self):
        self.client.force_login(self.anna)
        response = self.client.get("/nl/members/my-data/")
        self.assertEqual(json.loads(response.content)["profile"]["email"], "anna@example.org")
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("private", response["Cache-Control"])


class DeleteAccountTests(AccountsTestCase):
    def test_deleting_the_account_asks_for_the_password(self):
        self.post_story(self.anna, submit="", draft="1")
        self.client.force_login(self.anna)
        form = self.client.get("/nl/members/delete/")
        self.assertContains(form, 'name="password"')
        self.assertContains(form, 'autocomplete="current-password"')
        response = self.client.post(
            "/nl/members/delete/", {"confirm": "yes", "password": "iets-anders"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Dat is niet uw wachtwoord. Er is niets verwijderd.")
        response = self.client.post("/nl/members/delete/", {"confirm": "yes"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(User.objects.filter(pk=self.anna.pk).exists())
        self.assertTrue(StoryPage.objects.filter(owner=self.anna).exists())
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                "/nl/members/delete/", {"confirm": "yes", "password": PASSWORD}
            )
        self.assertRedirects(response, "/nl/", fetch_redirect_response=False)
        self.assertFalse(User.objects.filter(pk=self.anna.pk).exists())
        self.assertFalse(Registration.objects.filter(user_id=self.anna.pk).exists())

    def test_german_member_is_told_in_german(self):
        self.client.force_login(self.bernd)
        response = self.client.post("/de/members/delete/", {"confirm": "yes", "password": "x"})
        self.assertContains(response, "Das ist nicht Ihr Passwort. Es wurde nichts gelöscht.")

    def test_guessing_the_password_is_rate_limited(self):
        self.client.force_login(self.anna)
        answers = [
            self.client.post(
                "/nl/members/delete/", {"confirm": "yes", "password": f"gok-{n}"}
            ).status_code
            for n in range(12)
        ]
        self.assertEqual(answers[-1], 429)
        self.assertTrue(User.objects.filter(pk=self.anna.pk).exists())

    def test_a_meeting_that_stays_no_longer_names_its_deleted_organiser(self):
        self.client.force_login(self.anna)
        data = self.story_data(
            title="Taalcafé in Steenwijk",
            start=f"{year_like(2030)}-06-01T19:30",
            end=f"{year_like(2030)}-06-01T21:00",
            format="in_person",
            place_name="Bibliotheek",
            town=str(self.steenwijkerland.pk),
            spoken_language="nl-de",
            capacity="12",
        )
        self.client.post("/nl/members/meetings/new/", data)
        meeting = MeetingPage.objects.get(title="Taalcafé in Steenwijk", locale=self.dutch)
        state = WorkflowState.objects.get(object_id=str(meeting.pk), status="in_progress")
        with self.captureOnCommitCallbacks(execute=True):
            state.current_task_state.approve(user=self.moderator)
        meeting.refresh_from_db()
        self.assertContains(self.client.get(meeting.url), "Anna")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post("/nl/members/delete/", {"confirm": "yes", "password": PASSWORD})
        page = self.client.get(meeting.url)
        self.assertContains(page, "voormalig lid")
        self.assertNotContains(page, "Anna")
        for copy in MeetingPage.objects.filter(translation_key=meeting.translation_key):
            for revision in copy.revisions.all():
                self.assertNotEqual(revision.content.get("organiser"), "Anna")

    @override_settings(PAGE_CACHE_SECONDS=300)
    def test_a_cached_meeting_page_no_longer_names_its_deleted_organiser(self):
        # Visitors get whole pages from the page cache: the organiser's name (in the page and
        # its structured data) must leave it with the account, not minutes later.
        self.client.force_login(self.anna)
        self.client.post(
            "/nl/members/meetings/new/",
            self.story_data(
                title="Taalcafé in Steenwijk",
                start=f"{year_like(2030)}-06-01T19:30",
                end=f"{year_like(2030)}-06-01T21:00",
                format="in_person",
                place_name="Bibliotheek",
                town=str(self.steenwijkerland.pk),
                spoken_language="nl-de",
                capacity="12",
            ),
        )
        meeting = MeetingPage.objects.get(title="Taalcafé in Steenwijk", locale=self.dutch)
        state = WorkflowState.objects.get(object_id=str(meeting.pk), status="in_progress")
        with self.captureOnCommitCallbacks(execute=True):
            state.current_task_state.approve(user=self.moderator)
        meeting.refresh_from_db()
        visitor = Client()
        self.assertContains(visitor.get(meeting.url), "Anna")
        self.assertEqual(visitor.get(meeting.url).get("X-Page-Cache"), "hit")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post("/nl/members/delete/", {"confirm": "yes", "password": PASSWORD})
        page = visitor.get(meeting.url)
        self.assertContains(page, "voormalig lid")
        self.assertNotContains(page, "Anna")


class PersonalPagesKeptByNoBrowserTests(AccountsTestCase):
    """The member area, her data export and her forms answer no-store; her profile, her email
    addresses and her other account pages answered only "private": the browser kept them, and
    after she logged out on a shared computer its back button showed the next person her email
    addresses and profile (attack 26)."""

    def test_her_account_pages_are_not_kept_by_the_browser(self):
        self.client.force_login(self.anna)
        for address in (
            "/nl/members/profile/",
            "/nl/accounts/email/",
            "/nl/accounts/password/change/",
            "/nl/members/digests/",
            "/nl/members/delete/",
        ):
            with self.subTest(address):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 200)
                self.assertIn("no-store", response.get("Cache-Control", ""))
        self.assertContains(self.client.get("/nl/accounts/email/"), "anna@example.org")

    def test_public_pages_are_still_kept_by_caches(self):
        for address in ("/nl/", "/nl/verhalen/"):
            with self.subTest(address):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("no-store", response.get("Cache-Control", ""))
