"""Attack 18: the member and moderation side (reports after an editor published a hidden
contribution again, …)."""

from django.test import Client
from wagtail.models import Page

from community.models import Report
from tests.security.test_reports import ReportAbuseTestCase


class RepublishedAfterReportsTests(ReportAbuseTestCase):
    """Three members' reports hid the story; an editor read them and published it again,
    without ticking "Handled" on each report (publishing it again is the decision)."""

    def setUp(self):
        super().setUp()
        for member in (self.bernd, self.carla, self.dirk):
            self.report(client=self.as_member(member))
        self.assertFalse(self.live())
        Page.objects.get(pk=self.story.pk).get_latest_revision().publish(user=self.moderator)
        self.assertTrue(self.live())

    def test_a_visitors_report_does_not_hide_it_again(self):
        self.report(client=Client(), address="203.0.113.9")
        self.assertEqual(Report.objects.count(), 4)
        self.assertTrue(self.live())

    def test_one_more_members_report_does_not_hide_it_again(self):
        self.report(client=self.as_member(self.member("eva@example.org", "Eva", "nl")))
        self.assertTrue(self.live())

    def test_three_members_reporting_since_hide_it_again(self):
        for number in range(3):
            member = self.member(f"lid{number}@example.org", f"Lid {number}", "nl")
            self.report(client=self.as_member(member))
        self.assertFalse(self.live())
        self.assertEqual(Report.objects.filter(hid_page=True).count(), 2)
