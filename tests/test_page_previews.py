"""Editors' and reviewers' previews of exchange visits and sector communities: like a meeting's
(test_review_panel.py), they say that signing up and joining come once the page is published,
instead of offering buttons and feeds that lead to the address of a page not published (a 404)."""

from bs4 import BeautifulSoup
from django.conf import settings
from django.test import RequestFactory, TestCase
from django.urls import reverse
from django.utils import translation

from exchanges.factories import VisitPageFactory
from tests.visits_base import VisitMixin


class PreviewTests(VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit(seats=10)
        cls.anke = cls.resident("Anke", cls.steenwijkerland, "nl")

    def setUp(self):
        super().setUp()
        self.client.force_login(self.anke)

    def preview(self, page):
        """The preview of `page`'s latest version, as Anke's session asks for it."""
        name = settings.SESSION_COOKIE_NAME
        original = RequestFactory().get(
            "/", HTTP_COOKIE=f"{name}={self.client.cookies[name].value}"
        )
        response = page.get_latest_revision_as_object().make_preview_request(original)
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser")

    def live(self, page):
        return BeautifulSoup(self.client.get(page.url).content, "html.parser")

    def test_the_preview_of_a_visit_offers_no_sign_up(self):
        draft = VisitPageFactory(
            parent=self.calendar,
            title="Nieuw bezoek",
            slug="nieuw-bezoek",
            travelling_town=self.steenwijkerland,
            hosting_town=self.herzebrock,
            live=False,
        )
        draft.save_revision()
        preview = self.preview(draft)
        signup = preview.select_one(".visit-signup")
        with translation.override("nl"):
            heading = translation.gettext("Sign-up")
        self.assertEqual(signup.h2.get_text(strip=True), heading)
        self.assertEqual(signup.select("a, form, button"), [])
        self.assertEqual(preview.select(f"a[href*='{draft.pk}']"), [])
        # The published visit, to the same member, offers it as before.
        page = self.live(self.visit)
        sign_up = reverse("visit_guest_party", args=[self.visit.pk])
        self.assertTrue(page.select(f".visit-signup a[href='{sign_up}']"))

    def test_the_preview_of_a_sector_community_offers_no_joining_nor_its_feeds(self):
        self.climate.purpose = "Concept: kennis delen."
        self.climate.save_revision()
        preview = self.preview(self.climate)
        self.assertIn("Concept: kennis delen.", preview.get_text())
        join = reverse("join_sector", args=[self.climate.pk])
        self.assertEqual(preview.select(f"form[action='{join}']"), [])
        self.assertEqual(preview.select("link[rel='alternate'][href*='sectors/']"), [])
        self.assertEqual(preview.select(".feed-links a"), [])
        self.assertEqual(preview.select("a[href^='webcal:']"), [])
        # The published community, to the same member, as before.
        page = self.live(self.climate)
        self.assertTrue(page.select(f"form[action='{join}'] button"))
        self.assertTrue(page.select("a[href^='webcal:']"))
        self.assertTrue(page.select(".feed-links a[href*='rss']"))
        self.assertEqual(len(page.select("link[rel='alternate'][href*='sectors/']")), 3)
