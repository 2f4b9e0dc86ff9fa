"""Pages with live parts (home/live.py) come from the anonymous page cache, with what members
change (places left, a sector's members, an author's name) rendered anew on every visit."""

import gzip

from django.template import RequestContext, Template, TemplateSyntaxError
from django.test import Client, RequestFactory, override_settings
from wagtail.rich_text import RichText

from community.models import SectorMembership, User
from exchanges.models import MeetingPage, Registration
from tests.test_caching import CachedSiteTestCase

MEETING = "/nl/agenda/klein/"
SECTOR = "/nl/sectoren/duurzaamheid/"
STORY = "/nl/verhalen/fietsen/"


@override_settings(PAGE_CACHE_SECONDS=300)
class LivePartsTests(CachedSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member.show_on_sector_pages = True
        cls.member.save()
        cls.first_story.author = cls.member
        cls.first_story.member_contribution = True
        cls.first_story.save_revision().publish()

    def uncached(self, url):
        with self.settings(PAGE_CACHE_SECONDS=0):
            return self.client.get(url).content

    def first_visit(self, url):
        response = self.client.get(url)
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertNotContains(response, "<!--live")
        return response

    def hit(self, url, queries, **headers):
        with self.assertNumQueries(queries):
            response = self.client.get(url, **headers)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertNotIn(b"<!--live", response.content)
        return response

    def register_another_member(self):
        Registration.objects.register(MeetingPage.objects.get(pk=self.small.pk), self.member)

    def test_a_meeting_page_is_served_from_the_cache_with_the_places_left_now(self):
        self.assertContains(self.first_visit(MEETING), "2 van 2 plaatsen vrij")
        self.register_another_member()
        response = self.hit(MEETING, 2)
        self.assertContains(response, "1 van 2 plaatsen vrij")
        self.assertEqual(response.content, self.uncached(MEETING))

    def test_a_full_meeting_offers_its_waiting_list_from_the_cache(self):
        self.first_visit(MEETING)
        self.register_another_member()
        other = User.objects.create_user("bert@example.org", "een-lang-wachtwoord")
        Registration.objects.register(MeetingPage.objects.get(pk=self.small.pk), other)
        response = self.hit(MEETING, 2)
        self.assertContains(response, "0 van 2 plaatsen vrij")
        self.assertContains(response, "De bijeenkomst is vol; u kunt op de wachtlijst.")

    def test_a_member_on_the_waiting_list_is_offered_to_leave_it(self):
        self.register_another_member()
        other = User.objects.create_user("bert@example.org", "een-lang-wachtwoord")
        Registration.objects.register(MeetingPage.objects.get(pk=self.small.pk), other)
        waiting = User.objects.create_user("carla@example.org", "een-lang-wachtwoord")
        Registration.objects.register(MeetingPage.objects.get(pk=self.small.pk), waiting)
        self.client.get(MEETING)
        member = Client()
        member.force_login(waiting)
        response = member.get(MEETING)
        self.assertContains(response, "U staat op de wachtlijst (nummer 1)")
        self.assertContains(response, "Haal mij van de wachtlijst")
        self.assertNotContains(response, "Mijn aanmelding annuleren")

    def test_a_german_visitor_reads_the_places_left_in_german(self):
        self.first_visit("/de/kalender/klein/")
        self.register_another_member()
        response = self.hit("/de/kalender/klein/", 2)
        self.assertContains(response, "1 von 2 Plätzen frei")
        self.assertEqual(response.content, self.uncached("/de/kalender/klein/"))

    def test_a_sector_page_lists_a_member_who_just_joined(self):
        self.assertNotContains(self.first_visit(SECTOR), "Anna Jansen")
        SectorMembership.objects.create(user=self.member, sector_key=self.climate.translation_key)
        response = self.hit(SECTOR, 2)
        self.assertContains(response, "Anna Jansen")
        self.assertEqual(response.content, self.uncached(SECTOR))

    def test_a_story_shows_its_authors_new_name(self):
        self.assertContains(self.first_visit(STORY), "door Anna Jansen, lid")
        # Behind the cache's back: an author's rename also gives pages a new version (for the
        # feeds, tests/test_renamed_authors.py); the byline needs none.
        User.objects.filter(pk=self.member.pk).update(display_name="Anna de Vries")
        response = self.hit(STORY, 1)
        self.assertContains(response, "door Anna de Vries, lid")
        self.assertNotContains(response, "Anna Jansen")
        self.assertEqual(response.content, self.uncached(STORY))

    def test_a_story_of_a_member_who_left_names_a_former_member(self):
        self.first_visit(STORY)
        self.member.delete()
        response = self.hit(STORY, 1)
        self.assertContains(response, "door voormalig lid")
        self.assertNotContains(response, "Anna Jansen")

    def test_the_live_parts_are_compressed_with_the_page(self):
        self.first_visit(MEETING)
        self.register_another_member()
        response = self.hit(MEETING, 2, HTTP_ACCEPT_ENCODING="gzip")
        self.assertEqual(response["Content-Encoding"], "gzip")
        self.assertEqual(gzip.decompress(response.content), self.uncached(MEETING))

    def test_the_first_visit_says_the_length_of_the_page_it_sends(self):
        # Browsers and proxies read exactly Content-Length bytes: one too many and the page
        # hangs, found by `make bench` (http.client.IncompleteRead).
        for url in (MEETING, STORY, SECTOR):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response["X-Page-Cache"], "miss")
                self.assertEqual(int(response["Content-Length"]), len(response.content))

    def test_shared_caches_downstream_do_not_keep_a_page_with_live_parts(self):
        for response in (self.client.get(MEETING), self.hit(MEETING, 2)):
            self.assertIn("no-cache", response["Cache-Control"])
            self.assertNotIn("s-maxage", response["Cache-Control"])

    def test_text_that_looks_like_a_live_part_is_shown_as_written(self):
        secret = "0123456789abcdef" * 2
        fake = f"<!--live:{secret}:0-->Vervalst deel<!--/live:{secret}-->"
        self.first_story.body = [("paragraph", RichText(f"<p>Tekst {fake} en meer</p>"))]
        self.first_story.save_revision().publish()
        first = self.client.get(STORY)
        self.assertContains(first, fake)
        self.assertContains(first, "door Anna Jansen, lid")
        with self.assertNumQueries(1):
            response = self.client.get(STORY)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertEqual(response.content, first.content)

    def test_a_member_sees_their_own_registration_and_visitors_the_cached_page(self):
        self.first_visit(MEETING)
        self.register_another_member()
        member = Client()
        member.force_login(self.member)
        own = member.get(MEETING)
        # From the same entry, with the parts rendered for them (tests/test_member_page_cache.py).
        self.assertEqual(own["X-Page-Cache"], "hit")
        self.assertContains(own, "U bent aangemeld voor deze bijeenkomst.")
        self.assertContains(own, "csrfmiddlewaretoken")
        response = self.hit(MEETING, 2)
        self.assertNotContains(response, "U bent aangemeld")
        self.assertNotContains(response, "csrfmiddlewaretoken")
        self.assertContains(response, "Log in als lid om u aan te melden.")


class LivePartTagTests(CachedSiteTestCase):
    @override_settings(CACHE_RENDERED_HTML=True)
    def test_a_live_part_inside_a_cached_fragment_is_refused(self):
        page = Template(
            '{% load jumelage_tags %}{% contentcache 60 kept %}{% live "story-author" pk %}'
            "{% endcontentcache %}"
        )
        request = RequestFactory().get(STORY)
        with self.assertRaisesMessage(TemplateSyntaxError, "inside a {% contentcache %}"):
            page.render(RequestContext(request, {"pk": self.first_story.pk}))
