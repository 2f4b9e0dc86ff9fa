"""Attack 22 (a1): feeds, search and the API, visits, newsletter, accounts, language switching,
moderators in Wagtail's admin."""

from django.test import TestCase

from tests.stories_base import StoriesMixin
from tests.test_newsletter import NewsletterMixin


class UnsentNewsletterInTheAPITests(NewsletterMixin, TestCase):
    """An unsent newsletter is live (published) but not public: its address answers 404, the
    archive and the sitemap leave it out. The open data API listed it, with its text."""

    @classmethod
    def setUpTestData(cls):
        cls.build_newsletter()

    def test_the_api_does_not_list_or_give_an_unsent_newsletter(self):
        page = self.newsletter(title="Geheim nieuws", german=None, slug="geheim")
        listing = self.client.get("/api/v2/pages/?type=community.NewsletterPage")
        self.assertEqual(listing.status_code, 200)
        self.assertNotContains(listing, "Geheim nieuws")
        self.assertNotContains(self.client.get("/api/v2/pages/?search=geheim"), "Geheim nieuws")
        self.assertEqual(self.client.get(f"/api/v2/pages/{page.pk}/").status_code, 404)
        self.send(page)
        self.assertContains(self.client.get(f"/api/v2/pages/{page.pk}/"), "Geheim nieuws")


class OrderedByTagsTests(StoriesMixin, TestCase):
    """`order=tags` (Wagtail orders by any field of `api_fields` stored in the database, tags
    included) joined each story to its tags: a story with three tags was listed three times,
    beside a `total_count` that counted it once, and pages of `offset=` skipped stories."""

    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        tagged = cls.story(title="Drie labels", slug="drie-labels")
        tagged.tags.add("fiets", "grens", "zomer")
        tagged.save()
        cls.story(title="Geen label", slug="geen-label")

    def test_each_story_is_listed_once_or_the_order_is_refused(self):
        response = self.client.get("/api/v2/pages/?type=exchanges.StoryPage&order=tags&limit=20")
        if response.status_code == 400:
            return
        self.assertEqual(response.status_code, 200)
        data = response.json()
        ids = [item["id"] for item in data["items"]]
        self.assertEqual(len(ids), len(set(ids)), ids)
        self.assertEqual(len(ids), data["meta"]["total_count"])
