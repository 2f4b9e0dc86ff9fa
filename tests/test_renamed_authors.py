"""A member who renames themself in their profile: the feeds the page cache keeps whole show the
new name at once where they name them as a story's author, while a profile save that changes
nothing visitors see of published pages (another field, a member no published page names) leaves
the cached site alone."""

import json

from django.test import Client, TestCase, override_settings
from wagtail.models import WorkflowState

from community.models import User
from community.privacy import delete_account
from exchanges.models import MeetingPage, StoryPage
from home.cache import PAGES, versions
from tests.calendar_base import year_like
from tests.stories_base import StoriesMixin
from tests.test_members import MembersTestCase, soup

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

    def test_a_rename_replaces_only_the_feeds_that_list_a_story_of_hers(self):
        self.story(
            title="Zonnepanelen op het dorpshuis",
            slug="zonnepanelen",
            author=self.author,
            sectors=[self.climate],
        )
        carla = User.objects.create_user("carla@example.org", "x", display_name="Carla Smit")
        self.story(title="Melkveehouders", slug="melkvee", author=carla, sectors=[self.farming])
        hers = (*FEEDS, "/nl/feeds/sectors/duurzaamheid.rss", "/nl/feeds/sectors/duurzaamheid.atom")
        others = ("/nl/feeds/sectors/landbouw.rss", "/nl/feeds/sectors/landbouw.atom")
        for url in (*hers, *others):
            self.assertEqual(self.client.get(url)["X-Page-Cache"], "miss")
        self.save_profile(self.author, display_name="Anna de Vries")
        for url in others:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response["X-Page-Cache"], "hit")
                self.assertContains(response, "Carla Smit")
        for url in hers:
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

    def test_an_editor_whose_account_is_deleted_is_no_longer_named_in_the_feeds(self):
        # Found by the attack pass: an editor's deletion in the admin dropped their byline on
        # the story pages while the feeds kept whole named them until the cache expired.
        editor = User.objects.create_superuser("redactie@example.org", "een-lang-wachtwoord")
        editor.display_name = "Marieke Hoekstra"
        editor.save()
        self.story(title="Van de redactie", slug="redactie", author=editor)
        for url in FEEDS:
            self.assertContains(self.client.get(url), "Marieke Hoekstra")
        User.objects.get(pk=editor.pk).delete()
        for url in FEEDS:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, "Van de redactie")
                self.assertNotContains(response, "Marieke Hoekstra")


@override_settings(PAGE_CACHE_SECONDS=300)
class RenamedOrganiserTests(MembersTestCase):
    """A member's meeting names its organiser as the story's byline names its author: by the
    member's public name as it is now, in both languages and in the page's JSON-LD."""

    def proposed_and_approved(self):
        self.client.force_login(self.anna)
        data = self.story_data(
            title="Wandelmiddag rond Steenwijk",
            start=f"{year_like(2030)}-03-13T13:00",
            end=f"{year_like(2030)}-03-13T17:00",
            format="in_person",
            place_name="Station Steenwijk",
            town=str(self.steenwijkerland.pk),
            spoken_language="nl-de",
            capacity="20",
        )
        self.client.post("/nl/members/meetings/new/", data)
        self.client.logout()
        meeting = MeetingPage.objects.get(title=data["title"], locale=self.dutch)
        state = WorkflowState.objects.get(object_id=str(meeting.pk), status="in_progress")
        with self.captureOnCommitCallbacks(execute=True):
            state.current_task_state.approve(user=self.moderator)
        return [page.url for page in MeetingPage.objects.filter(title=data["title"])]

    def organiser_shown(self, url):
        page = soup(self.client.get(url))
        facts = page.find("aside", attrs={"aria-labelledby": "meeting-facts"})
        names = [dt.find_next_sibling("dd").get_text(strip=True) for dt in facts.find_all("dt")]
        event = json.loads(page.find("script", type="application/ld+json").string)
        return names, event["organizer"]["name"]

    def test_a_renamed_member_is_named_by_their_new_name_on_their_meeting(self):
        urls = self.proposed_and_approved()
        self.assertEqual(len(urls), 2)  # the Dutch page and its German alias
        # The page names her as a member (tests/test_live_parts.py), in its language.
        member = {"nl": "lid", "de": "Mitglied"}
        for url in urls:
            names, organizer = self.organiser_shown(url)
            self.assertIn(f"Anna, {member[url.split('/')[1]]}", names)
            self.assertEqual(organizer, "Anna")
        before = "Anna"
        for new_name in ("Anna Wandelaar", "Annie"):
            self.anna.display_name = new_name
            self.anna.save()
            for url in urls:
                with self.subTest(url=url, name=new_name):
                    names, organizer = self.organiser_shown(url)
                    self.assertIn(f"{new_name}, {member[url.split('/')[1]]}", names)
                    self.assertNotIn(f"{before}, {member[url.split('/')[1]]}", names)
                    self.assertEqual(organizer, new_name)
            before = new_name

    def test_an_organisers_new_name_keeps_the_story_feeds(self):
        # The feeds name stories' authors, not meetings' organisers: her rename made them anew.
        self.proposed_and_approved()
        self.assertFalse(StoryPage.objects.live().filter(author=self.anna).exists())
        for url in FEEDS:
            self.assertEqual(self.client.get(url)["X-Page-Cache"], "miss")
        self.anna.display_name = "Annie"
        self.anna.save()
        for url in FEEDS:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")

    def test_the_open_data_api_names_the_organiser_by_their_new_name(self):
        self.proposed_and_approved()
        self.anna.display_name = "Annie"
        self.anna.save()
        response = self.client.get("/api/v2/pages/?type=exchanges.MeetingPage&fields=organiser")
        organisers = {item["organiser"] for item in response.json()["items"]}
        self.assertIn("Annie", organisers)
        self.assertNotIn("Anna", organisers)
