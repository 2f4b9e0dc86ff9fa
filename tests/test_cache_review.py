"""What the caches keep, found in a review of issue 14: made-up addresses add no entries (so they
cannot push what visitors ask for out of the cache), a page without a translation is not looked
for again on every request, and a document's new file shows at once."""

import json

import time_machine
from django.core.files.base import ContentFile
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.documents import get_document_model

from home.cache import versions_for_request
from home.templatetags.jumelage_tags import localized
from tests.calendar_base import CalendarMixin, local

NOW = local(2026, 3, 2, 10, 0)

# A small cache, as a full Redis is: past 100 entries it throws the least recently used away.
SMALL_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "cache-review",
        "OPTIONS": {"MAX_ENTRIES": 100, "CULL_FREQUENCY": 2},
    }
}


@time_machine.travel(NOW, tick=False)
@override_settings(CACHE_RENDERED_HTML=True, CONTENT_CACHE_SECONDS=3600)
class CacheReviewTestCase(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.first_story = cls.story(title="Fietsen naar Clarholz", slug="fietsen")
        cls.many_stories(15)

    def queries(self, url, **extra):
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url, **extra)
        self.assertEqual(response.status_code, 200, url)
        return response, len(captured)


@override_settings(PAGE_CACHE_SECONDS=300)
class PageCacheAddressTests(CacheReviewTestCase):
    def assert_answered_not_kept(self, url):
        for _ in range(2):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertNotIn("X-Page-Cache", response, url)

    def test_the_order_of_the_parameters_makes_no_other_page(self):
        first = self.client.get("/nl/verhalen/?sector=duurzaamheid&page=2")
        other_order = self.client.get("/nl/verhalen/?page=2&sector=duurzaamheid")
        self.assertEqual(first["X-Page-Cache"], "miss")
        self.assertEqual(other_order["X-Page-Cache"], "hit")
        self.assertEqual(other_order.content, first.content)

    def test_the_sites_own_links_are_kept(self):
        for url in (
            "/nl/verhalen/?page=2",
            "/nl/verhalen/?sector=duurzaamheid&town=&year=&tag=",
            "/nl/agenda/?view=past",
            "/nl/agenda/?view=month&month=2026-04",
            "/nl/search/?q=fietsen",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url)["X-Page-Cache"], "miss")
                self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")

    def test_made_up_addresses_are_answered_but_not_kept(self):
        for url in (
            "/nl/?x=1",
            "/nl/?page=2",
            "/nl/verhalen/?utm_source=nieuwsbrief",
            "/nl/verhalen/?page=2&page=3",
            "/nl/verhalen/?page=02",
            "/nl/verhalen/?town=nergens",
            "/nl/agenda/?view=overal",
            "/nl/agenda/?view=month&month=2026-4",
            "/nl/search/?q=fietsen&page=7",
        ):
            with self.subTest(url=url):
                self.assert_answered_not_kept(url)

    def test_a_newsletters_tracking_parameters_are_answered_from_the_pages_entry(self):
        """Readers of a newsletter sent with another tool (or of a post on Facebook) arrive with
        `utm_*` or `fbclid`: they were never answered from the cache, and anyone could get past
        it by adding one (attack of 2026-12-05, F3)."""
        plain = self.client.get("/nl/verhalen/")
        for url in (
            "/nl/verhalen/?utm_source=nieuwsbrief&utm_medium=email",
            "/nl/verhalen/?fbclid=IwAR0abc",
            "/nl/verhalen/?utm_campaign=x&utm_campaign=y",
        ):
            with self.subTest(url=url):
                tracked = self.client.get(url)
                self.assertEqual(tracked["X-Page-Cache"], "hit")
                self.assertEqual(tracked.content, plain.content)
        # With another parameter the page reads, it is that page's entry.
        filtered = self.client.get("/nl/verhalen/?sector=duurzaamheid")
        tracked = self.client.get("/nl/verhalen/?sector=duurzaamheid&utm_source=nieuwsbrief")
        self.assertEqual(tracked["X-Page-Cache"], "hit")
        self.assertEqual(tracked.content, filtered.content)

    def test_a_page_number_beyond_the_last_shows_the_last_page_without_keeping_it(self):
        last = self.client.get("/nl/verhalen/?page=2")
        self.assertContains(last, 'aria-current="page">2<')
        beyond = self.client.get("/nl/verhalen/?page=99")
        self.assertContains(beyond, 'aria-current="page">2<')
        self.assert_answered_not_kept("/nl/verhalen/?page=99")

    @override_settings(CACHES=SMALL_CACHE)
    def test_made_up_addresses_do_not_push_a_kept_page_out(self):
        self.client.get("/nl/verhalen/")
        self.assertEqual(self.client.get("/nl/verhalen/")["X-Page-Cache"], "hit")
        for number in range(150):
            self.client.get(f"/nl/verhalen/?x={number}")
        self.assertEqual(self.client.get("/nl/verhalen/")["X-Page-Cache"], "hit")


@override_settings(PAGE_CACHE_SECONDS=0, CACHES=SMALL_CACHE)
class FragmentAddressTests(CacheReviewTestCase):
    """Fragments as a member sees them (no page cache): made-up page numbers of a listing keep
    no listing of their own, so the fragments of other pages stay."""

    def test_page_numbers_beyond_the_last_do_not_push_a_story_out(self):
        url = "/nl/verhalen/fietsen/"
        self.client.get(url)
        _, kept = self.queries(url)
        for number in range(3, 153):
            self.client.get("/nl/verhalen/", {"page": number})
        _, after = self.queries(url)
        self.assertEqual(after, kept)


class RememberNoneTests(CacheReviewTestCase):
    def test_a_page_without_translation_is_looked_for_once(self):
        story = self.story(title="Alleen in het Nederlands", slug="alleen")
        with translation.override("de"):
            with versions_for_request():
                self.assertEqual(localized(story), story)
            with versions_for_request(), CaptureQueriesContext(connection) as captured:
                self.assertEqual(localized(story), story)
        self.assertEqual(len(captured), 0, [query["sql"] for query in captured])


@override_settings(PAGE_CACHE_SECONDS=300)
class DocumentTests(CacheReviewTestCase):
    def test_a_documents_new_file_shows_its_new_address_at_once(self):
        document = get_document_model().objects.create(
            title="Verslag", file=ContentFile(b"eerste versie", name="verslag.txt")
        )
        link = f'<p>Lees het <a linktype="document" id="{document.pk}">verslag</a>.</p>'
        story = self.story(
            title="Verslag van de reis",
            slug="verslag",
            body=json.dumps([{"type": "paragraph", "value": link}]),
        )
        self.assertContains(self.client.get(story.url), document.url)
        self.assertEqual(self.client.get(story.url)["X-Page-Cache"], "hit")
        document.file = ContentFile(b"tweede versie", name="verslag-herzien.txt")
        document.save()
        response = self.client.get(story.url)
        self.assertContains(response, document.url)
        self.assertIn("verslag-herzien", document.url)
