"""Reports cannot be abused.

One report per reporter and contribution: a member by account, a visitor by session and by
address (kept only as salted hashes). Only members' reports hide a contribution, once three
different members have an open report on it. The editors get an email for the first open report
of a contribution and for the report that hid it, not one per report."""

from django.core import mail
from django.test import Client, override_settings

from community.models import Report
from community.models.reports import HIDE_AFTER_MEMBER_REPORTS, AlreadyReported
from exchanges.models import StoryPage
from tests.test_members import MembersTestCase


class ReportAbuseTestCase(MembersTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.moderator.email = "moderator@example.org"
        cls.moderator.save()
        cls.carla = cls.member("carla@example.org", "Carla", "nl")
        cls.dirk = cls.member("dirk@example.org", "Dirk", "nl")

    def setUp(self):
        self.post_story(self.anna)
        self.story = self.approve(self.contribution())
        self.client.logout()
        mail.outbox.clear()

    def report(self, client=None, reason="offensive", address="198.51.100.7"):
        client = client or self.client
        with self.captureOnCommitCallbacks(execute=True):
            return client.post(
                f"/nl/report/{self.story.pk}/",
                {"reason": reason, "message": "Niet netjes."},
                REMOTE_ADDR=address,
            )

    def as_member(self, member):
        client = Client()
        client.force_login(member)
        return client

    def live(self):
        return StoryPage.objects.get(pk=self.story.pk).live


class OneReportPerReporterTests(ReportAbuseTestCase):
    def test_three_reports_from_one_visitor_count_once_and_hide_nothing(self):
        for reason in ("offensive", "spam", "incorrect"):
            self.report(reason=reason)
        self.assertEqual(Report.objects.count(), 1)
        self.assertTrue(self.live())
        self.assertEqual(self.client.get(self.story.url).status_code, 200)

    def test_a_second_report_is_answered_politely_and_stores_nothing(self):
        self.report()
        response = self.report(reason="spam")
        self.assertRedirects(response, self.story.url, fetch_redirect_response=False)
        page = self.client.get(self.story.url)
        self.assertContains(page, "U hebt deze bijdrage al gemeld")
        form = self.client.get(f"/nl/report/{self.story.pk}/")
        self.assertContains(form, "U hebt deze bijdrage al gemeld")
        self.assertNotContains(form, 'name="reason"')
        self.assertEqual(list(Report.objects.values_list("reason", flat=True)), ["offensive"])

    def test_a_visitor_without_their_cookie_is_recognised_by_address(self):
        self.report()
        self.report(client=Client(), reason="spam")  # a new session, the same address
        self.assertEqual(Report.objects.count(), 1)
        self.report(client=Client(), reason="spam", address="203.0.113.9")
        self.assertEqual(Report.objects.count(), 2)

    def test_a_visitor_at_another_address_is_recognised_by_session(self):
        self.report()
        self.report(reason="spam", address="203.0.113.9")
        self.assertEqual(Report.objects.count(), 1)

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_behind_our_proxy_visitors_are_told_apart_by_their_own_address(self):
        def report_via_proxy(visitor):
            with self.captureOnCommitCallbacks(execute=True):
                Client().post(
                    f"/nl/report/{self.story.pk}/",
                    {"reason": "spam"},
                    REMOTE_ADDR="10.0.0.2",
                    HTTP_X_FORWARDED_FOR=visitor,
                )

        report_via_proxy("203.0.113.1")
        report_via_proxy("203.0.113.1")  # the same visitor, a new session
        report_via_proxy("203.0.113.2")
        self.assertEqual(Report.objects.count(), 2)

    def test_three_reports_from_one_member_count_once(self):
        client = self.as_member(self.bernd)
        for reason in ("offensive", "spam", "incorrect"):
            self.report(client=client, reason=reason)
        self.assertEqual(Report.objects.filter(reporter=self.bernd).count(), 1)
        self.assertTrue(self.live())

    def test_the_database_refuses_a_second_report_of_the_same_reporter(self):
        Report.objects.file(self.story, "spam", reporter=self.bernd)
        with self.assertRaises(AlreadyReported):
            Report.objects.file(self.story, "offensive", reporter=self.bernd)
        Report.objects.file(self.story, "spam", session_key="abc", address="192.0.2.1")
        with self.assertRaises(AlreadyReported):
            Report.objects.file(self.story, "spam", session_key="def", address="192.0.2.1")
        self.assertEqual(Report.objects.count(), 2)

    def test_addresses_and_sessions_are_kept_only_as_salted_hashes(self):
        self.report(address="198.51.100.77")
        session_key = self.client.session.session_key
        self.assertTrue(session_key)
        stored = Report.objects.values().get()
        text = " ".join(str(value) for value in stored.values())
        self.assertNotIn("198.51.100.77", text)
        self.assertNotIn(session_key, text)
        self.assertEqual((len(stored["address_hash"]), len(stored["session_hash"])), (64, 64))


class HidingTests(ReportAbuseTestCase):
    def test_visitors_reports_reach_the_editors_but_never_hide_a_contribution(self):
        for number in range(1, 7):
            self.report(client=Client(), address=f"203.0.113.{number}")
        self.assertEqual(Report.objects.count(), 6)
        self.assertTrue(self.live())

    def test_three_different_members_hide_it(self):
        self.assertEqual(HIDE_AFTER_MEMBER_REPORTS, 3)
        for member in (self.bernd, self.carla):
            self.report(client=self.as_member(member))
        self.report(client=Client())
        self.assertTrue(self.live())
        self.report(client=self.as_member(self.dirk))
        self.assertFalse(self.live())
        self.assertEqual(self.client.get(self.story.url).status_code, 404)

    def test_resolved_reports_no_longer_count(self):
        for member in (self.bernd, self.carla):
            self.report(client=self.as_member(member))
        Report.objects.update(resolved_at="2026-01-01T00:00Z")
        self.report(client=self.as_member(self.dirk))
        self.assertTrue(self.live())


class EditorEmailTests(ReportAbuseTestCase):
    def test_editors_get_one_email_for_the_first_report_and_one_when_it_is_hidden(self):
        self.report()
        self.assertEqual([m.to for m in mail.outbox], [["moderator@example.org"]])
        self.assertIn("Niet netjes.", mail.outbox[0].body)
        for number in range(1, 5):
            self.report(client=Client(), address=f"203.0.113.{number}")
        for member in (self.bernd, self.carla):
            self.report(client=self.as_member(member))
        self.assertEqual(len(mail.outbox), 1)
        self.report(client=self.as_member(self.dirk))
        self.assertEqual(len(mail.outbox), 2)
        self.assertIn("verborgen", mail.outbox[1].body)
        self.assertEqual(Report.objects.count(), 8)

    def test_after_the_editors_handled_the_reports_a_new_report_is_emailed_again(self):
        self.report()
        Report.objects.update(resolved_at="2026-01-01T00:00Z")
        self.report(client=self.as_member(self.bernd))
        self.assertEqual(len(mail.outbox), 2)


class RateLimitTests(ReportAbuseTestCase):
    def test_the_rate_limit_still_holds_for_repeated_reports(self):
        statuses = [self.report(reason="spam").status_code for _ in range(11)]
        self.assertEqual(statuses[:10], [302] * 10)
        self.assertEqual(statuses[10], 429)
        self.assertEqual(Report.objects.count(), 1)
