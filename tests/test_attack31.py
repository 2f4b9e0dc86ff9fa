"""Attack 31: what the latest changes let through."""

from bs4 import BeautifulSoup
from django.contrib.messages import constants
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from exchanges import visits
from exchanges.choices import RegistrationStatus
from tests.test_visit_admin import CoordinatorMixin


class AskingAgainWhatIsDoneTests(CoordinatorMixin, TestCase):
    """F1: the page that asks before cancelling a guest party (withdrawing a host offer) asked
    again for a party cancelled already (by the member, another coordinator, a second tab), and
    its "yes" said "The party of … is cancelled." though nothing happened and nobody was told:
    a coordinator believed she had cancelled it and the member been emailed."""

    def messages(self, response, level):
        return [str(m) for m in response.context["messages"] if m.level == level]

    def question_form(self, response):
        main = BeautifulSoup(response.content, "html.parser").main
        return main.find("form", method="post") if main else None

    def test_a_cancelled_party_is_not_asked_for_nor_said_cancelled_again(self):
        party = self.guest("Anke")
        visits.cancel_party(party, by_coordinator=True)
        url = reverse("exchange_visit_cancel_party", args=[party.pk])
        response = self.client.get(url, follow=True)
        self.assertIsNone(self.question_form(response))
        [said] = self.messages(response, constants.INFO)
        self.assertIn("Anke", said)
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, {}, follow=True)
        self.assertEqual(self.messages(response, constants.SUCCESS), [])
        self.assertEqual(mail.outbox, [])
        party.refresh_from_db()
        self.assertEqual(party.status, RegistrationStatus.CANCELLED)

    def test_a_withdrawn_offer_is_not_asked_for_nor_said_withdrawn_again(self):
        offer = self.host("Bergmann")
        visits.withdraw_offer(offer, by_coordinator=True)
        url = reverse("exchange_visit_withdraw_offer", args=[offer.pk])
        response = self.client.get(url, follow=True)
        self.assertIsNone(self.question_form(response))
        [said] = self.messages(response, constants.INFO)
        self.assertIn("Familie Bergmann", said)
        response = self.client.post(url, {}, follow=True)
        self.assertEqual(self.messages(response, constants.SUCCESS), [])
        self.assertRedirects(response, self.people_url())
