"""What the anonymous page cache may keep: only what is the same for every anonymous visitor
(pages Wagtail serves, feeds, the sitemap, search). A view that answers by who asks stays out of
it unless it says otherwise."""

from django.test import Client, override_settings

from tests.test_caching import CachedSiteTestCase

ALREADY = "U hebt deze bijdrage al gemeld"


@override_settings(PAGE_CACHE_SECONDS=300)
class PageCacheScopeTests(CachedSiteTestCase):
    def setUp(self):
        self.first_story.author = self.member
        self.first_story.member_contribution = True
        self.first_story.save_revision().publish()
        self.report_url = f"/nl/report/{self.first_story.pk}/"

    def test_one_visitors_report_does_not_tell_other_visitors_they_reported(self):
        reporter = Client(REMOTE_ADDR="198.51.100.7")
        reporter.post(self.report_url, {"reason": "spam"})
        # The reporter's address asks again without a cookie: "already reported", for them.
        self.assertContains(Client(REMOTE_ADDR="198.51.100.7").get(self.report_url), ALREADY)
        other = Client(REMOTE_ADDR="203.0.113.20").get(self.report_url)
        self.assertNotContains(other, ALREADY)
        self.assertContains(other, 'name="reason"')
        self.assertNotEqual(other.get("X-Page-Cache"), "hit")

    def test_pages_feeds_sitemap_and_search_are_still_kept(self):
        for url in (
            "/nl/verhalen/",
            "/nl/feeds/stories.rss",
            "/nl/calendar.ics",
            "/sitemap.xml",
            "/nl/search/?q=fietsen",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url)["X-Page-Cache"], "miss")
                self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")

    @override_settings(PAGE_CACHE_ENTRIES_PER_TEN_MINUTES=3)
    def test_one_visitor_cannot_fill_the_cache_with_addresses_the_site_links_to(self):
        # The month view links to the month before and after, back to 2000 and on to 2100.
        months = [f"/nl/agenda/?view=month&month=2026-{month:02}" for month in range(1, 8)]
        crawler = Client(REMOTE_ADDR="198.51.100.7")
        for month in months[:3]:
            self.assertEqual(crawler.get(month)["X-Page-Cache"], "miss")
        for month in months[3:]:
            response = crawler.get(month)
            self.assertEqual(response.status_code, 200)
            self.assertNotIn("X-Page-Cache", response)
        # What it had kept is still served, to anyone; other visitors' pages are still kept.
        self.assertEqual(crawler.get(months[0])["X-Page-Cache"], "hit")
        other = Client(REMOTE_ADDR="203.0.113.20")
        self.assertEqual(other.get(months[1])["X-Page-Cache"], "hit")
        self.assertEqual(other.get(months[4])["X-Page-Cache"], "miss")
        self.assertEqual(other.get(months[4])["X-Page-Cache"], "hit")

    def test_a_hit_carries_the_pages_security_policy_as_kept_with_it(self):
        for url in ("/nl/verhalen/", "/nl/agenda/klein/", "/de/"):
            with self.subTest(url=url):
                miss = self.client.get(url)
                hit = self.client.get(url)
                self.assertEqual(hit["X-Page-Cache"], "hit")
                self.assertIn("default-src 'self'", hit["Content-Security-Policy"])
                self.assertEqual(hit["Content-Security-Policy"], miss["Content-Security-Policy"])
