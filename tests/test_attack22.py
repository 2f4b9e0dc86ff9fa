"""Attack 22 (a1): feeds, search and the API, visits, newsletter, accounts, language switching,
moderators in Wagtail's admin."""

from django.core import mail
from django.test import TestCase

from exchanges import visits
from tests.stories_base import StoriesMixin
from tests.test_newsletter import NewsletterMixin
from tests.visits_base import GUEST_PHONE, HOST_ADDRESS, VisitEmailsMixin


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


class BlockedGuestOfAVisitTests(VisitEmailsMixin, TestCase):
    """A blocked member gives up her places in meetings to come, and those waiting move up
    (exchanges.signal_handlers.give_up_places); her guest party of an exchange visit kept its
    seats: the party waiting stayed waiting, the matching placed her, and publishing it emailed
    her the host family's name, address and phone number (and them her details)."""

    @classmethod
    def setUpTestData(cls):
        cls.build_visit(seats=4)

    def test_a_blocked_guest_gives_up_her_seats_and_is_told_no_host(self):
        anke = self.sign_up("Anke", adults=2, phone=GUEST_PHONE)
        offer = self.offer("Bergmann", address=HOST_ADDRESS)
        visits.assign(anke, offer)
        bert = self.sign_up("Bert", adults=2)
        carla = self.sign_up("Carla", adults=2)
        self.assertEqual(carla.status, "waitlisted")
        blocked = anke.user
        blocked.is_active = False
        blocked.blocked_reason = "Intimidatie van andere leden"
        with self.captureOnCommitCallbacks(execute=True):
            blocked.save()
        anke.refresh_from_db()
        carla.refresh_from_db()
        self.assertNotEqual(anke.status, "registered")
        self.assertEqual(carla.status, "registered")
        bert.refresh_from_db()
        self.assertEqual(bert.status, "registered")
        mail.outbox.clear()
        self.publish()
        self.assertEqual(self.emails_to(blocked), [])
        for email in self.emails_to(offer.user):
            self.assertNotIn(blocked.email, email.body)
            self.assertNotIn(GUEST_PHONE, email.body)


class NulInAddressesTests(StoriesMixin, TestCase):
    """A NUL character reached PostgreSQL from two addresses, which refuses it in a text (a
    server error, 500, on PostgreSQL only): the newsletter's unsubscribe token, and the page a
    private page's login names in `next`."""

    @classmethod
    def setUpTestData(cls):
        cls.build_stories()

    def test_an_unsubscribe_token_with_a_nul_is_unknown(self):
        for method in (self.client.get, self.client.post):
            with self.subTest(method=method.__name__):
                response = method("/nl/newsletter/unsubscribe/%00/")
                self.assertEqual(response.status_code, 404)

    def test_the_login_of_a_private_page_with_a_nul_in_next_leads_to_the_login(self):
        response = self.client.get("/nl/_util/login/?next=/nl/%00/")
        self.assertEqual(response.status_code, 302)
