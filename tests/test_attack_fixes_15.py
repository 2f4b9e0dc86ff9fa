"""An outside tester's attack on the newsletter, the digest and the meetings' emails: each
finding, as what its victim or its attacker would see.

- A mail gateway that opens the confirmation link confirms nothing (its button does); a
  visitor confirmed without asking leaves from the confirmation page in one click.
- An address is taken in its usual spelling only: no quoted second spelling of a subscribed
  mailbox, no terminal escapes in the subscribers' list, and no account with either.
- The send page of a newsletter whose sender's account is gone still opens.
- Characters that turn the direction of a text are refused in titles and texts; the member area,
  with the secret calendar address, is stored by no cache."""

import re
from html import escape

from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.utils import timezone, translation
from django.utils.translation import gettext

from community.models import NewsletterSending, NewsletterSubscriber
from community.newsletter import subscriptions
from exchanges.models import MeetingPage, StoryPage
from tests.calendar_base import CalendarMixin
from tests.security.test_accounts import AccountsTestCase
from tests.test_members import meeting_data
from tests.test_newsletter import NewsletterMixin, User

UNUSUAL_EMAIL = (
    "Please enter an email address as it is usually written, like name@example.org: without "
    "quotation marks, spaces or invisible characters."
)
TURNED = "Please remove the invisible characters that turn the direction of the text."
ONE_LINE = "Please use one line without invisible control characters."


def told(response, message, lang="nl"):
    with translation.override(lang):
        return escape(gettext(message)) in response.content.decode()


class ConfirmationLinkTests(NewsletterMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_newsletter()

    def confirmation_link(self, email="jan@example.org", lang="nl"):
        self.client.post(f"/{lang}/newsletter/", {"email": email, "consent": "on"})
        [message] = self.mails_to(email)
        return re.search(rf"http://testserver(/{lang}/newsletter/confirm/\S+/)", message.body)[1]

    def test_a_mail_gateway_opening_the_link_confirms_nothing_and_the_visitors_button_does(
        self,
    ):
        """A gateway or a link preview that opens the link (GET, as HEAD) confirmed the
        subscription (walk of 2026-12-06): the link shows the address and a button."""
        link = self.confirmation_link()
        looked = self.client.head(link)
        self.assertIn(looked.status_code, (200, 405))
        opened = self.client.get(link)
        self.assertEqual(opened.status_code, 200)
        self.assertContains(opened, "jan@example.org")
        self.assertNotContains(opened, "Uw abonnement is bevestigd")
        self.assertIsNone(NewsletterSubscriber.objects.get().confirmed_at)

        [form] = BeautifulSoup(opened.content, "html.parser").find("main").find_all("form")
        self.assertEqual(form.get("method"), "post")
        self.assertIn(form.get("action", link), ("", link))
        clicked = self.client.post(link)
        self.assertEqual(clicked.status_code, 200)
        self.assertContains(clicked, "Uw abonnement is bevestigd")
        self.assertIsNotNone(NewsletterSubscriber.objects.get().confirmed_at)
        # Opened again afterwards, the link says it is done, with no second button.
        again = self.client.get(link)
        self.assertContains(again, "Uw abonnement is bevestigd")
        self.assertIsNotNone(NewsletterSubscriber.objects.get().confirmed_at)

    def test_someone_confirmed_without_asking_unsubscribes_from_the_confirmation_page(self):
        """Someone confirmed for an address not theirs: its owner, reading the page, leaves in
        one click."""
        link = self.confirmation_link("greta@example.org", "de")
        confirmed = self.client.post(link)
        page = BeautifulSoup(confirmed.content, "html.parser").find("main")
        self.assertIn("Waren Sie das nicht?", page.get_text())
        [form] = [
            form for form in page.find_all("form") if "/unsubscribe/" in form.get("action", "")
        ]
        self.assertEqual(form.find("button").get_text(strip=True), "Abmelden")
        left = self.client.post(form["action"])
        self.assertContains(left, "Sie sind abgemeldet")
        self.assertIsNotNone(NewsletterSubscriber.objects.get().unsubscribed_at)
        mail.outbox.clear()
        self.send(self.newsletter())
        self.assertEqual(self.mails_to("greta@example.org"), [])


class NewsletterAddressTests(NewsletterMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_newsletter()

    def subscribe(self, email, lang="nl"):
        return self.client.post(f"/{lang}/newsletter/", {"email": email, "consent": "on"})

    def test_a_quoted_spelling_of_a_subscribed_address_gets_no_second_confirmation(self):
        self.subscribe("victim2@example.org")
        refused = self.subscribe('"victim2"@example.org')
        self.assertTrue(told(refused, UNUSUAL_EMAIL))
        self.assertContains(refused, "field--error")
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(
            list(NewsletterSubscriber.objects.values_list("email", flat=True)),
            ["victim2@example.org"],
        )

    def test_terminal_escapes_and_invisible_characters_in_an_address_are_refused_in_german(
        self,
    ):
        for email in (
            '"\x1b[31mRED\x1b[0m"@example.org',
            '"\x01"@example.org',
            "victim@exa\u200bmple.org",
            "victim@example\u202e.org",
        ):
            with self.subTest(email=email):
                self.assertTrue(told(self.subscribe(email, "de"), UNUSUAL_EMAIL, "de"))
        self.assertFalse(NewsletterSubscriber.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_an_address_at_a_servers_number_is_refused(self):
        """Re-check: `name@[127.0.0.1]` was subscribed and mailed: mail to a machine, not a
        domain, which no resident's mailbox needs."""
        for email in ("tester1@[127.0.0.1]", "tester1@[10.0.0.1]"):
            with self.subTest(email=email):
                self.assertTrue(told(self.subscribe(email, "de"), UNUSUAL_EMAIL, "de"))
        self.assertFalse(NewsletterSubscriber.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_one_mailbox_in_other_letters_is_one_subscriber_with_one_confirmation(self):
        self.subscribe("victim3@example.org")
        self.subscribe("Victim3@EXAMPLE.org")
        self.assertEqual(NewsletterSubscriber.objects.count(), 1)
        self.assertEqual(len(mail.outbox), 1)

    def test_a_members_address_in_other_letters_gets_no_visitors_subscription(self):
        member = User.objects.create_user("lid@example.org", "een-lang-wachtwoord")
        subscriptions.set_member_subscription(member, True)
        self.subscribe("LID@Example.ORG")
        self.assertEqual(mail.outbox, [])
        self.assertFalse(NewsletterSubscriber.objects.filter(user=None).exists())

    def test_an_address_no_form_accepts_is_not_subscribed_from_code_either(self):
        with self.assertRaises(ValidationError):
            subscriptions.subscribe('"x\x1b"@example.org', "nl")
        self.assertFalse(NewsletterSubscriber.objects.exists())


class AccountAddressTests(AccountsTestCase):
    def test_nobody_signs_up_with_a_quoted_or_escaped_address(self):
        for email in ('"carla"@example.org', '"\x1b[31mcarla"@example.org'):
            with self.subTest(email=email):
                response = self.sign_up(email)
                self.assertTrue(told(response, UNUSUAL_EMAIL))
        self.assertFalse(User.objects.filter(email__contains="carla").exists())
        self.assertEqual(mail.outbox, [])

    def test_a_member_cannot_add_a_second_spelling_of_their_address(self):
        response = self.add_email(self.anna, '"anna"@example.org')
        self.assertTrue(told(response, UNUSUAL_EMAIL))
        self.assertEqual(
            list(EmailAddress.objects.filter(user=self.anna).values_list("email", flat=True)),
            ["anna@example.org"],
        )


class SendPageTests(NewsletterMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_newsletter()

    def test_the_send_page_of_a_newsletter_whose_sender_left_says_when_it_was_sent(self):
        page = self.newsletter()
        NewsletterSending.objects.create(
            translation_key=page.translation_key,
            sent_by=None,
            completed_at=timezone.now(),
            recipients=2,
        )
        response = self.editor_client().get(f"/admin/newsletter/{page.pk}/")
        self.assertEqual(response.status_code, 200)
        note = BeautifulSoup(response.content, "html.parser").select_one(".help-info")
        text = " ".join(note.get_text().split())
        self.assertRegex(
            text, r"^Verstuurd op [^.]+\. 2 e-mails zijn aan de verzendwachtrij gegeven\."
        )
        self.assertNotIn("door", text)


class TextDirectionTests(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.anna = User.objects.create_user(
            "anna@example.org", "een-lang-wachtwoord", display_name="Anna", language="nl"
        )

    def setUp(self):
        self.client.force_login(self.anna)

    def propose_meeting(self, **fields):
        data = meeting_data(self, submit="", draft="1", **fields)
        return self.client.post("/nl/members/meetings/new/", data)

    def test_a_meeting_title_or_place_that_turns_its_direction_is_refused(self):
        # Shown as "Taalcafé gratis", typed as "Taalcafé " + reversed "sitarg".
        for field in ("title", "place_name"):
            for override in ("\u202e", "\u202a", "\u2066", "\u2069"):
                with self.subTest(field=field, character=hex(ord(override))):
                    response = self.propose_meeting(**{field: f"Taalcafé {override}sitarg"})
                    self.assertTrue(told(response, TURNED))
        self.assertFalse(MeetingPage.objects.filter(owner=self.anna).exists())

    def test_a_story_text_that_turns_its_direction_is_refused_and_one_with_line_breaks_not(
        self,
    ):
        story = {
            "title": "Fietsen naar Clarholz",
            "language": "nl",
            "date": "2026-05-01",
            "towns": [str(self.steenwijkerland.pk)],
            "photos-TOTAL_FORMS": "0",
            "photos-INITIAL_FORMS": "0",
            "draft": "1",
        }
        turned = "Met twaalf mensen.\n\nBetaal hier: \u202e0002 LN\u202c"
        response = self.client.post("/nl/members/stories/new/", {**story, "intro": turned})
        self.assertTrue(told(response, TURNED))
        self.assertFalse(StoryPage.objects.filter(owner=self.anna).exists())
        self.client.post("/nl/members/stories/new/", {**story, "intro": "Twee\r\nregels."})
        [saved] = StoryPage.objects.filter(owner=self.anna, alias_of__isnull=True)
        self.assertEqual(saved.get_latest_revision_as_object().intro, "Twee\r\nregels.")

    def test_a_zero_width_space_is_refused_in_a_title_and_emoji_with_joiners_are_kept(self):
        response = self.propose_meeting(title="Taal\u200bcafé")
        self.assertTrue(told(response, ONE_LINE))
        family = "Taalcafé voor 👩\u200d👩\u200d👧"
        self.propose_meeting(title=family, place_name="Bibliotheek \u200cA")
        [meeting] = MeetingPage.objects.filter(owner=self.anna, alias_of__isnull=True)
        self.assertEqual(meeting.get_latest_revision_as_object().title, family)


class MemberAreaCacheTests(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.anna = User.objects.create_user("anna@example.org", "een-lang-wachtwoord")

    def test_the_member_area_with_the_calendar_address_is_stored_by_no_cache(self):
        self.client.force_login(self.anna)
        response = self.client.get("/nl/members/")
        self.assertContains(response, "/calendar/")
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        self.assertLessEqual({"private", "no-store"}, directives)
