"""Attack 40 (outside attacker): what attack 39's rules for join links, display names and the
password reset still let through."""

import re

from django.core import mail
from django.test import Client

from community.models import User
from exchanges.models import MeetingPage
from tests.test_attack27 import MailboxTestCase
from tests.test_members import MembersTestCase, soup


class JoinLinkLookalikeTests(MembersTestCase):
    """A meeting's online link goes, as a link, into the emails of everyone registered. Attack 38
    left Latin small capitals ("ᴢoom.us"); the look-alikes were counted in three alphabets and
    one short list of Latin letters, so an Armenian "օ" (an "o" to every eye; "ս" a "u") and the
    Latin iota "ɩ" (an "i") passed. Now refused (home.validators.LOOKALIKE_SCRIPTS,
    LATIN_LOOKALIKES)."""

    def propose(self, link):
        self.client.force_login(self.anna)
        return self.client.post(
            "/nl/members/meetings/new/", self.meeting_data(online_url=link, format="online")
        )

    def test_letters_that_read_as_latin_ones_are_refused_in_the_address(self):
        for link in (
            "https://z\u0585\u0585m.us/j/123",  # Armenian օ: "zoom.us"
            "https://meet.go\u0585gle.com/abc-defg-hij",  # "meet.google.com"
            "https://zoom.u\u057d/j/123",  # Armenian ս
            "https://teams.m\u0269crosoft.com/l/meetup-join/1",  # Latin iota ɩ
        ):
            with self.subTest(link=link):
                response = self.propose(link)
                self.assertEqual(response.status_code, 200, f"{link} was taken")
                self.assertIsNotNone(soup(response).find(id="id_online_url_error"), link)
                self.assertFalse(MeetingPage.objects.filter(title="Taalcafé").exists())


class SignUpMixin:
    def signup(self, name):
        return self.client.post(
            "/nl/accounts/signup/",
            {
                "email": "carla@example.org",
                "password1": "een-heel-lang-wachtwoord",
                "password2": "een-heel-lang-wachtwoord",
                "display_name": name,
                "town": "",
                "language": "nl",
                "privacy_consent": "on",
            },
        )


class DisplayNameLookalikeTests(SignUpMixin, MembersTestCase):
    """A display name that reads as the moderation's or the editors' is refused (attack 38:
    small capitals, Cyrillic and Greek letters, digits). Letters of other alphabets that read as
    Latin ones (Armenian "օ", "ա"; Cherokee "Ꮢ") and a Latin iota ("ɩ") were neither compared
    as the letters they pass for nor counted as a second alphabet: "Mօderatie" signed up."""

    def test_a_staff_word_in_look_alike_letters_is_not_a_name(self):
        for name in (
            "M\u0585deratie",  # Armenian օ
            "Red\u0561ctie",  # Armenian ա
            "Redact\u0269e",  # Latin iota ɩ
            "\u13a1edactie",  # Cherokee Ꮢ
        ):
            with self.subTest(name=name):
                response = self.signup(name)
                self.assertEqual(response.status_code, 200, f"{name!r} was taken")
                self.assertFalse(User.objects.filter(email="carla@example.org").exists())
                User.objects.filter(email="carla@example.org").delete()


class DisplayNameAddressTests(SignUpMixin, MembersTestCase):
    """Addresses are not names (attack 38 added "evil . nl" and "(at)"). The pattern reads the
    name as stored, with its soft hyphens (U+00AD; the form refuses other invisible characters,
    not this one): "evil" and one before ".com" shows as "evil.com". A host of one letter (x.com,
    t.me: the rule for initials) and the ideographic full stop that browsers take for a dot
    ("evil。com") passed too. Now the name is read as it shows (`visible`)."""

    def test_addresses_hidden_from_the_pattern_are_not_names(self):
        for name in (
            "evil\u00ad.com",  # a soft hyphen, shown as nothing
            "x.com/anke",
            "t.me/ankeb",
            "evil\u3002com",
        ):
            with self.subTest(name=name):
                response = self.signup(name)
                self.assertEqual(response.status_code, 200, f"{name!r} was taken")
                self.assertIn(
                    "Gebruik een naam, geen web- of e-mailadres.",
                    soup(response).get_text(" ", strip=True),
                )
                User.objects.filter(email="carla@example.org").delete()


class PasswordResetLinkLanguageTests(MembersTestCase):
    """The reset email is in the member's language (`AccountAdapter.send_mail`: "with links into
    that language's pages"), but its link kept the language of the page she asked on: a German
    member who asked on the Dutch page got a German email whose link opened the Dutch page
    (its footer linked the German home page)."""

    def test_a_german_members_reset_link_opens_the_german_page(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post("/nl/accounts/password/reset/", {"email": self.bernd.email})
        [email] = mail.outbox
        self.assertEqual(email.subject, "Wählen Sie ein neues Passwort")
        link = re.search(r"\S+/accounts/password/reset/key/\S+", email.body).group(0)
        self.assertIn("/de/accounts/password/reset/key/", link)


class SignUpEnumerationTests(MailboxTestCase):
    """A sign-up with an address answers alike whether it has an account or not (allauth's
    ACCOUNT_PREVENT_ENUMERATION: the owner of an account gets "you already have an account").
    Since the confirmations count per mailbox (attack 39), a sign-up with "name+tag@" uses up the
    mailbox's one confirmation in 3 minutes without touching the address itself; the sign-up
    with "name@" that follows then says "We cannot send you a link to confirm … right now" when
    the address has no account (`AccountAdapter.should_send_confirmation_mail`), but "sent to
    …" when it has one (allauth's path for a taken address never asks it; the email is dropped
    silently by `send_account_already_exists_mail`). A stranger read who has an account. Since
    the review of attack 39, the address itself keeps its own limit (`mailbox_key`)."""

    def answer(self, name, number):
        """What the page says to a sign-up with `name`@example.org after one with a "+tag" of
        it, its address written as "ADDRESS"."""
        with self.captureOnCommitCallbacks(execute=True):
            self.sign_up(
                Client(REMOTE_ADDR=f"198.51.100.{number}"),
                f"{name}+1@example.org",
                f"Proef {number}",
            )
        with self.captureOnCommitCallbacks(execute=True):
            response = self.sign_up(
                Client(REMOTE_ADDR=f"198.51.100.{number + 1}"),
                f"{name}@example.org",
                f"Poging {number}",
                follow=True,
            )
        said = [str(message) for message in response.context["messages"]]
        return [text.replace(f"{name}@example.org", "ADDRESS") for text in said]

    def test_a_sign_up_answers_alike_for_an_address_with_an_account_and_one_without(self):
        # anna@example.org has an account (MailboxTestCase); berta@example.org has none.
        self.assertEqual(self.answer("anna", 1), self.answer("berta", 3))
