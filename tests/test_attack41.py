"""Attack 41: what a newsletter's one-click unsubscribe stops."""

import re

from django.contrib.auth import get_user_model
from django.test import Client, TestCase

from community.newsletter import subscriptions
from tests.test_newsletter import PASSWORD, NewsletterMixin

User = get_user_model()


class OneClickStopsTheMailbox(NewsletterMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_newsletter()
        cls.anna = User.objects.create_user("anna@example.org", PASSWORD, display_name="Anna")

    def test_one_click_from_the_email_stops_every_subscription_that_reaches_the_mailbox(self):
        """Anna opted in on her profile and, as a visitor, subscribed another address of hers;
        she then made that address her account's. Both subscriptions reach one mailbox, which
        gets one email. Its one-click unsubscribe (RFC 8058) stopped only the subscription
        whose token the email carried: the next newsletter came all the same."""
        subscriptions.set_member_subscription(self.anna, True)
        self.subscriber("anna.prive@example.org")
        self.anna.email = "anna.prive@example.org"
        self.anna.save()

        self.send(self.newsletter())
        [message] = self.mails_to("anna.prive@example.org")
        url = re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"])[1]
        path = url.split("://", 1)[1].split("/", 1)[1]
        Client().get(f"/{path}")  # a mail gateway following the link unsubscribes nobody
        self.assertTrue(subscriptions.member_receives(self.anna))
        answer = Client().post(f"/{path}", {"List-Unsubscribe": "One-Click"})
        self.assertEqual(answer.status_code, 200)

        self.assertFalse(subscriptions.member_receives(self.anna))
        self.send(self.newsletter(title="Tweede nieuwsbrief", german=None, slug="tweede"))
        self.assertEqual(len(self.mails_to("anna.prive@example.org")), 1)
