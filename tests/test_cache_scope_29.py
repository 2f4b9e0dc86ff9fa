"""Attack 29's leftovers on caching: an account's deletion and an editor's draft save make
anew only what they change."""

from django.test import Client, override_settings

from tests.test_caching import CachedSiteTestCase


@override_settings(PAGE_CACHE_SECONDS=300)
class DeletedAccountMakesAnewWhatNamedHerTests(CachedSiteTestCase):
    """A member who wrote a published story deletes her account: her story stays, by "a former
    member" (its byline is a live part, under her `user:<id>` token), and the story feeds,
    kept whole, name her no more. Every other page stays in the cache: her deletion replaced
    the version of all pages, so any member with one published story emptied the site's cache
    by leaving."""

    def setUp(self):
        self.first_story.author = self.member
        self.first_story.member_contribution = True
        self.first_story.save_revision().publish()

    def test_her_byline_and_the_feeds_change_and_other_pages_stay_kept(self):
        story, feed, other = "/nl/verhalen/fietsen/", "/nl/feeds/stories.rss", "/nl/agenda/klein/"
        self.assertContains(self.client.get(story), "door Anna Jansen")
        self.assertContains(self.client.get(feed), "Anna Jansen")
        self.assertEqual(self.client.get(other)["X-Page-Cache"], "miss")
        member = Client()
        member.force_login(self.member)
        with self.captureOnCommitCallbacks(execute=True):
            response = member.post(
                "/nl/members/delete/", {"confirm": "on", "password": "een-lang-wachtwoord"}
            )
        self.assertEqual(response.status_code, 302)
        response = self.client.get(story)
        self.assertContains(response, "door een voormalig lid")
        self.assertNotContains(response, "Anna Jansen")
        self.assertNotContains(self.client.get(feed), "Anna Jansen")
        self.assertEqual(self.client.get(other)["X-Page-Cache"], "hit")


@override_settings(PAGE_CACHE_SECONDS=300)
class DraftOfALivePageKeepsSearchesTests(CachedSiteTestCase):
    """Wagtail queues its index task on every save of a page, an editor's draft of a live page
    too, and the index of the live page ran, so the version of the search index was replaced
    and every kept search made anew though searches find what they found before: only an index
    update that changes what is searchable (a publish) makes searches anew."""

    def search(self):
        return self.client.get("/nl/search/?q=fietsen")

    def test_a_draft_saved_keeps_a_kept_search_and_its_publish_does_not(self):
        self.first_story.intro = "Op de fiets naar de overkant"
        self.first_story.save_revision().publish()
        self.assertEqual(self.search()["X-Page-Cache"], "miss")
        self.assertEqual(self.search()["X-Page-Cache"], "hit")
        story = self.first_story.get_latest_revision_as_object()
        story.title = "Fietsen naar Herzebrock"
        revision = story.save_revision()
        self.assertEqual(self.search()["X-Page-Cache"], "hit")
        revision.publish()
        response = self.search()
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "Fietsen naar Herzebrock")
