"""Attack 32 (2026-12-07): an outsider's findings on the running site, each a test that failed
before its fix."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from tests.base import BilingualSiteTestCase
from tests.test_attack27 import MailboxTestCase
from tests.test_members import soup


class ConfirmationSaidSentWhenNoneWasTests(BilingualSiteTestCase):
    """F4: logging in with an address not yet confirmed, within allauth's limit of confirmation
    emails to it, says "We sent you a link to confirm greta@example.org a short while ago: look
    for it in your inbox" (5d6b9ed). But the limit is used up by anyone's sign-up with her
    address too (allauth prevents enumeration: it mails her "You already have an account",
    with no confirmation link, and counts it): after a stranger's sign-up with her address,
    Greta is told a link is in her inbox, and none was ever sent. Up to 10 such sign-ups a day
    keep her waiting for hours ("in 1 hour", "in N hours") for a link that does not exist."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.greta = get_user_model().objects.create_user(
            email="greta@example.org", password="ein-langes-passwort", language="de"
        )
        EmailAddress.objects.create(
            user=cls.greta, email="greta@example.org", primary=True, verified=False
        )

    def test_no_link_is_said_sent_when_only_a_strangers_sign_up_was_mailed(self):
        stranger = Client(REMOTE_ADDR="198.51.100.7")
        with self.captureOnCommitCallbacks(execute=True):
            MailboxTestCase.sign_up(stranger, "greta@example.org")
        # What reached her: "You already have an account", no link to confirm her address.
        self.assertEqual([m.to for m in mail.outbox], [["greta@example.org"]])
        self.assertNotIn("/confirm-email/", mail.outbox[0].body)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                "/de/accounts/login/",
                {"login": "greta@example.org", "password": "ein-langes-passwort"},
                follow=True,
            )
        links_sent = [m for m in mail.outbox if "/confirm-email/" in m.body]
        said = soup(response).get_text(" ", strip=True)
        # Either she is sent a link now, or the page does not tell her one is waiting.
        self.assertTrue(
            links_sent or "vor Kurzem einen Link" not in said,
            "the page says a link was sent a short while ago; none was ever sent",
        )
        # What the page says instead: no link now, and when she may ask again.
        self.assertIn(
            "Wir können Ihnen gerade keinen Link zur Bestätigung von greta@example.org schicken.",
            said,
        )
