"""Fixes of attack pass 29 beyond its own tests (tests/test_attack29.py): search results follow
the search index (F1), the page cache says nothing of itself on a real site (F7)."""

from django.test import override_settings
from modelsearch.tasks import insert_or_update_object_task

from tests.test_caching import CachedSiteTestCase


@override_settings(PAGE_CACHE_SECONDS=300)
class SearchResultsFollowTheIndexTests(CachedSiteTestCase):
    """Search results are kept under the version of the search index too, which Wagtail's index
    task replaces once it indexed a live page (with the test settings' immediate tasks, at
    once; tests/test_attack29.py runs the worker)."""

    def search(self):
        return self.client.get("/nl/search/?q=fietsen")["X-Page-Cache"]

    def test_a_page_indexed_makes_searches_anew_and_leaves_other_pages(self):
        self.assertEqual(self.search(), "miss")
        self.assertEqual(self.client.get("/nl/verhalen/")["X-Page-Cache"], "miss")
        insert_or_update_object_task.enqueue("exchanges", "storypage", str(self.first_story.pk))
        self.assertEqual(self.search(), "miss")
        self.assertEqual(self.search(), "hit")
        self.assertEqual(self.client.get("/nl/verhalen/")["X-Page-Cache"], "hit")

    def test_a_draft_indexed_keeps_the_searches(self):
        self.assertEqual(self.search(), "miss")
        # A member's contribution, in review: not on the site.
        draft = self.story(title="Fietsen in de winter", slug="winter", live=False)
        insert_or_update_object_task.enqueue("exchanges", "storypage", str(draft.pk))
        self.assertEqual(self.search(), "hit")


@override_settings(PAGE_CACHE_SECONDS=300, PAGE_CACHE_HEADER=False)
class ThePageCacheSaysNothingOfItselfTests(CachedSiteTestCase):
    def test_a_page_from_the_cache_looks_like_one_made_anew(self):
        first, _ = self.queries("/nl/verhalen/")
        second, count = self.queries("/nl/verhalen/")
        self.assertEqual(count, 0)  # from the cache
        self.assertEqual(second.content, first.content)
        self.assertNotIn("X-Page-Cache", first)
        self.assertNotIn("X-Page-Cache", second)
