"""Attack 31: what the latest changes let through."""

from bs4 import BeautifulSoup
from django.contrib.messages import constants
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from community.models import Report
from community.models.reports import HIDE_AFTER_MEMBER_REPORTS
from exchanges import visits
from exchanges.choices import RegistrationStatus
from tests import test_report_outcomes as outcomes
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


class ReportsThatHidBeforeTheNoticeTests(outcomes.ReportBeforeAModeratorTestCase):
    """F2: the page editor's notice reads when a report took the contribution off
    (`Report.hid_page_at`), which migration 0020 added empty: every contribution reports took
    off the site before the release stays unpublished in the page editor with nothing said of
    the report, the very case the notice was made for (the editor publishes it again unaware).
    The rows say they hid it (`hid_page`) and when they were filed."""

    open_in_editor = outcomes.EditorReadsWhyItIsOffTests.open_in_editor

    def notice(self, response):
        """The page editor's message with the way to a report (in whatever language)."""
        reports = reverse("reports:index")
        said = [
            message
            for message in outcomes.soup(response).select(".messages li")
            if message.select_one(f'a[href^="{reports}"]')
        ]
        return said[0] if said else None

    def test_a_contribution_reports_took_off_before_the_release_is_still_said_so(self):
        for reporter in self.reporters[:HIDE_AFTER_MEMBER_REPORTS]:
            self.report(reporter)
        self.assertFalse(self.live())
        self.assertIsNotNone(self.notice(self.open_in_editor(self.moderator, "nl")))
        # As the release found it: the report that hid it, without the new columns.
        Report.objects.update(hid_page_at=None, hid_by_moderation=False)
        self.assertTrue(Report.objects.filter(hid_page=True).exists())
        notice = self.notice(self.open_in_editor(self.moderator, "nl"))
        self.assertIsNotNone(notice, "the editor reads nothing of the reports that took it off")
        # When and by whom its row cannot tell: said without either.
        self.assertIn(
            "Na een melding is deze bijdrage van de site gehaald.", notice.get_text(" ", strip=True)
        )
