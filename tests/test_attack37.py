"""Attack 37: what a CDN in front of the site keeps of a contribution taken off the site, and
reports of blocked members.

The page cache sends the story overview, the calendar and the home page with
`Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_SECONDS` and the widgets with
`public, max-age=300`; home/frontend_cache.py purges "its overview, the home page, its sector
pages and the feeds" when a page is published or unpublished, and the README says only
filtered overviews (`?sector=…`) are left to expire. The addresses the site itself links to
beside them were not purged: the overview's pages and tags (`?page=1`, `?tag=…`), the calendar's
month and past views, and the two widgets the municipalities frame. A story three members' reports
took off the site (its member's address in it, say) stayed on those addresses of a CDN for
five more minutes."""

import datetime

from django.core import mail
from django.test import override_settings
from django.utils import timezone

from community.models import Report, User
from tests.security.test_reports import ReportAbuseTestCase
from tests.test_caching import CachedSiteTestCase, PurgeRecorder, RecordedPurgesMixin


@override_settings(PAGE_CACHE_SECONDS=300)
class PurgedAlongWithTheOverviewTests(RecordedPurgesMixin, CachedSiteTestCase):
    def purged_paths(self):
        return {path for _, path in PurgeRecorder.purged}

    def test_a_story_taken_off_the_site_leaves_the_widget_and_the_tag_and_page_addresses(self):
        story = self.story(
            title="Boerenbezoek", slug="boerenbezoek", sectors=[self.climate], tag_names=["bezoek"]
        )
        story.save_revision().publish()
        # The addresses the site links to, as a visitor's browser (and so a CDN) asked for them.
        for url in ("/nl/verhalen/?tag=bezoek", "/nl/embed/stories/"):
            self.assertContains(self.client.get(url), "Boerenbezoek", msg_prefix=url)
        PurgeRecorder.purged = []
        story.unpublish()
        paths = self.purged_paths()
        self.assertIn("/nl/verhalen/", paths)  # as before
        missing = {"/nl/embed/stories/", "/nl/verhalen/?tag=bezoek"} - paths
        self.assertFalse(missing, f"not purged: {sorted(missing)}")

    def test_a_meeting_taken_off_the_site_leaves_the_calendar_widget_and_month_view(self):
        for url in ("/nl/agenda/?view=month&month=2026-03", "/nl/embed/calendar/"):
            self.client.get(url)
        PurgeRecorder.purged = []
        self.small.unpublish()
        paths = self.purged_paths()
        self.assertIn("/nl/agenda/", paths)  # as before
        missing = {"/nl/embed/calendar/", "/nl/agenda/?view=month&month=2026-03"} - paths
        self.assertFalse(missing, f"not purged: {sorted(missing)}")


class BlockedReportersTests(ReportAbuseTestCase):
    """Reports of accounts a moderator blocked kept counting towards the three members'
    reports that hide a contribution: two accounts made to take a story down, blocked once
    the moderators saw through them, left it to one more member (the third account made for
    it, or anyone else) to take it off the site, as a deleted account's reports no longer do."""

    def block(self, member):
        member.is_active = False
        member.save()

    def test_reports_of_blocked_members_no_longer_hide_a_contribution(self):
        for member in (self.bernd, self.carla):
            self.report(client=self.as_member(member))
        for member in (self.bernd, self.carla):
            self.block(member)
        self.report(client=self.as_member(self.dirk))
        self.assertTrue(self.live())


class NewAccountsReportTests(ReportAbuseTestCase):
    """Attack 37, F1: three accounts signed up from one mailbox (sybil+1@, +2@, +3@) minutes
    after a story was published took it off the site with a report each; three accounts made
    the days before took a member's next story off the day it appeared. A report counts towards
    hiding a contribution once its member's account is a week old (REPORTS_COUNT_AFTER: it
    reaches the editors at once all the same), whenever the contribution was published; and
    accounts of one mailbox are one reporter."""

    def newcomers(self, *addresses):
        return [self.member(address, address.split("@")[0], "nl") for address in addresses]

    def test_accounts_made_after_a_story_was_published_do_not_take_it_off_the_site(self):
        for member in self.newcomers("s1@example.org", "s2@example.org", "s3@example.org"):
            self.report(client=self.as_member(member))
        self.assertTrue(self.live())
        # The editors heard of it.
        self.assertTrue(mail.outbox)

    def test_accounts_made_days_before_a_story_appeared_do_not_take_it_off_the_site(self):
        waiting = self.newcomers("s1@example.org", "s2@example.org", "s3@example.org")
        User.objects.filter(pk__in=[m.pk for m in waiting]).update(
            date_joined=timezone.now() - datetime.timedelta(days=3)
        )
        self.post_story(self.anna, title="Onze tweede reis")
        self.story = self.approve(self.contribution("Onze tweede reis"))
        mail.outbox.clear()
        for member in waiting:
            self.report(client=self.as_member(member))
        self.assertTrue(self.live())
        self.assertEqual(Report.objects.filter(page=self.story).count(), 3)
        # The editors heard of it, as of any first report.
        self.assertTrue(mail.outbox)

    def test_a_week_later_their_reports_count(self):
        members = self.newcomers("s1@example.org", "s2@example.org", "s3@example.org")
        User.objects.filter(pk__in=[m.pk for m in members]).update(
            date_joined=timezone.now() - datetime.timedelta(days=8)
        )
        for member in members:
            self.report(client=self.as_member(member))
        self.assertFalse(self.live())

    def test_accounts_of_one_mailbox_are_one_reporter(self):
        # Members long enough: only their mailbox gives them away.
        sybils = [self.known_member(f"Bernd+{tag}@Example.org", f"Bernd {tag}") for tag in "ab"]
        for member in (self.bernd, *sybils):
            self.report(client=self.as_member(member))
        self.assertTrue(self.live())
        self.report(client=self.as_member(self.carla))
        self.assertTrue(self.live())
        self.report(client=self.as_member(self.dirk))
        self.assertFalse(self.live())
