"""A member who renames themself in their profile: the feeds the page cache keeps whole show the
new name at once where they name them as a story's author, while a profile save that changes
nothing visitors see of published pages (another field, a member no published page names) leaves
the cached site alone."""

from django.test import Client, TestCase, override_settings

from community.models import User
from community.privacy import delete_account
from home.cache import PAGES, versions
from tests.stories_base import StoriesMixin

FEEDS = ("/nl/feeds/stories.atom", "/nl/feeds/stories.rss")


@override_settings(PAGE_CACHE_SECONDS=300)
class RenamedAuthorTests(StoriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        cls.author = User.objects.create_user(
            "anna@example.org", "een-lang-wachtwoord", display_name="Anna Jansen"
        )
        cls.story(
            title="Fietsen naar Clarholz",
            slug="fietsen",
            author=cls.author,
            member_contribution=True,
        )
        cls.newcomer = User.objects.create_user(
            "bert@example.org", "een-lang-wachtwoord", display_name="Bert Smit"
        )
        draft = cls.story(title="Nog niet klaar", slug="concept", author=cls.newcomer)
        draft.unpublish()

    def save_profile(self, member, **changes):
        """As the member does: the profile form, sent with what it shows and the changes."""
        client = Client()
        client.force_login(member)
        fields = {"display_name": member.display_name, "language": "nl", "town": "", "bio": ""}
        response = client.post("/nl/members/profile/", fields | changes)
        self.assertEqual(response.status_code, 302)

    def test_an_authors_new_name_shows_in_the_feeds_at_once(self):
        for url in FEEDS:
            first = self.client.get(url)
            self.assertEqual(first["X-Page-Cache"], "miss")
            self.assertContains(first, "Anna Jansen")
        self.save_profile(self.author, display_name="Anna de Vries")
        for url in FEEDS:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, "Anna de Vries")
                self.assertNotContains(response, "Anna Jansen")

    def test_a_name_changed_elsewhere_than_the_profile_shows_too(self):
        # As the members admin saves it.
        self.assertContains(self.client.get(FEEDS[0]), "Anna Jansen")
        self.author.display_name = "Anna de Vries"
        self.author.save()
        self.assertContains(self.client.get(FEEDS[0]), "Anna de Vries")

    def test_a_rename_of_a_member_no_published_page_names_keeps_the_cache(self):
        self.client.get(FEEDS[0])
        before = versions()[PAGES]
        self.save_profile(self.newcomer, display_name="Bert de Bakker")
        self.newcomer.refresh_from_db()
        self.assertEqual(self.newcomer.display_name, "Bert de Bakker")
        self.assertEqual(versions()[PAGES], before)
        self.assertEqual(self.client.get(FEEDS[0])["X-Page-Cache"], "hit")

    def test_an_authors_other_profile_changes_keep_the_cache(self):
        self.client.get(FEEDS[0])
        before = versions()[PAGES]
        self.save_profile(self.author, show_on_sector_pages="on", bio="Ik fiets graag.")
        self.author.refresh_from_db()
        self.assertTrue(self.author.show_on_sector_pages)
        self.assertEqual(versions()[PAGES], before)
        self.assertEqual(self.client.get(FEEDS[0])["X-Page-Cache"], "hit")

    def test_an_author_who_deletes_their_account_is_no_longer_named_in_the_feeds(self):
        for url in FEEDS:
            self.assertContains(self.client.get(url), "Anna Jansen")
        delete_account(User.objects.get(pk=self.author.pk))
        for url in FEEDS:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, "Fietsen naar Clarholz")
                self.assertNotContains(response, "Anna Jansen")
