"""A contribution members' reports took off the site waits for an editor, who publishes it again
or deletes it: walk 13's moderator ticked "Handled" on all three reports, expecting the story
back, and it stayed off with no list showing it any more, and its report page gave no way to it."""

from django.core import mail
from django.urls import reverse
from wagtail.models import Page

from community.models import Report
from community.roles.setup import setup_roles
from tests.security.test_reports import ReportAbuseTestCase
from tests.test_members import soup

HEADING = "jumelage-taken-off-heading"


class TakenOffAfterReportsTests(ReportAbuseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()  # the groups' permissions
        cls.joost = cls.staff_member("joost@example.org", "Moderators")

    def setUp(self):
        super().setUp()
        for member in (self.bernd, self.carla, self.dirk):
            self.report(client=self.as_member(member))
        self.assertFalse(self.live())
        # The moderator handles every report: "no reason to take it off".
        self.client.force_login(self.joost)
        for report in Report.objects.all():
            with self.captureOnCommitCallbacks(execute=True):
                self.client.post(
                    reverse("reports:edit", args=[report.pk]),
                    {"decision": "Mag terug.", "handled": "on"},
                )
        self.assertFalse(Report.objects.open().exists())
        self.assertFalse(self.live())
        mail.outbox.clear()

    def listed(self, user):
        self.client.force_login(user)
        section = soup(self.client.get("/admin/")).find(id=HEADING)
        return section.find_parent("section") if section else None

    def test_the_dashboard_lists_it_until_an_editor_publishes_it_again(self):
        for user, edits in ((self.joost, False), (self.moderator, True)):
            with self.subTest(user=user.email):
                section = self.listed(user)
                self.assertIsNotNone(section)
                text = section.get_text(" ", strip=True)
                self.assertIn("Fietsen naar Clarholz", text)
                links = [a["href"] for a in section.select("a")]
                report = Report.objects.filter(hid_page=True).get()
                self.assertIn(reverse("reports:edit", args=[report.pk]), links)
                edit = reverse("wagtailadmin_pages:edit", args=[self.story.pk])
                self.assertEqual(edit in links, edits)
        Page.objects.get(pk=self.story.pk).get_latest_revision().publish(
            user=self.moderator, skip_permission_checks=True
        )
        self.assertIsNone(self.listed(self.moderator))

    def test_its_report_says_handling_does_not_bring_it_back_and_leads_to_the_editor(self):
        report = Report.objects.filter(hid_page=True).get()
        for user, edits in ((self.joost, False), (self.moderator, True)):
            with self.subTest(user=user.email):
                self.client.force_login(user)
                page = soup(self.client.get(reverse("reports:edit", args=[report.pk])))
                details = page.select_one(".report-details").get_text(" ", strip=True)
                self.assertIn("de meldingen afhandelen brengt haar niet terug", details.lower())
                edit = reverse("wagtailadmin_pages:edit", args=[self.story.pk])
                self.assertEqual(bool(page.select(f'.report-details a[href="{edit}"]')), edits)

    def test_a_contribution_the_moderation_took_off_is_its_decision_and_not_listed(self):
        Page.objects.get(pk=self.story.pk).get_latest_revision().publish(
            user=self.moderator, skip_permission_checks=True
        )
        self.report(client=self.as_member(self.known_member("eva@example.org", "Eva")))
        report = Report.objects.open().get()
        self.client.force_login(self.joost)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("reports:edit", args=[report.pk]),
                {"decision": "Niet netjes.", "handled": "on", "take_off": "on"},
            )
        self.assertFalse(self.live())
        self.assertIsNone(self.listed(self.moderator))
