"""An exchange visit in two languages: its words are translated, its facts (dates, towns, seats,
deadline) are the visit's and follow the source."""

import datetime

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page
from wagtail_localize.models import RelatedObjectSegment, StringSegment, TranslationSource

from exchanges import visits
from exchanges.models import GuestParty, HostOffer, Placement, VisitPage
from exchanges.wagtail_hooks import SEVERAL_REFUSED, UNPUBLISHING_REFUSALS
from tests.test_roles import form_data
from tests.visits_base import VisitMixin


class VisitTranslationTests(VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit()

    def test_the_translation_editor_offers_the_words_not_the_towns(self):
        source, _created = TranslationSource.get_or_create_from_instance(self.visit)
        texts = set(
            StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
        )
        self.assertIn(self.visit.intro, texts)
        self.assertIn(self.visit.costs, texts)
        self.assertFalse(RelatedObjectSegment.objects.filter(source=source).exists())

    def test_dates_seats_and_deadline_follow_the_source_into_the_translation(self):
        self.visit.start_date += datetime.timedelta(days=7)
        self.visit.end_date += datetime.timedelta(days=7)
        self.visit.seats = 44
        self.visit.save_revision().publish()
        german = VisitPage.objects.get(pk=self.visit_de.pk)
        self.assertEqual(
            (german.start_date, german.end_date, german.seats),
            (self.visit.start_date, self.visit.end_date, 44),
        )
        self.assertEqual(german.title, "Austauschbesuch")


class DeletedTranslationTests(VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit()

    def test_deleting_a_language_version_loses_nobodys_sign_up_or_placement(self):
        party = self.guest("Anke")
        user = self.resident("Sabine", self.herzebrock, "de")
        offer = visits.offer_hosting(
            self.visit_de,
            user,
            HostOffer(household="Familie Bergmann", beds=2, nights=self.all_nights()),
        )
        visits.propose(self.visit)
        visits.publish_matching(self.visit, user=None)
        Page.objects.get(pk=self.visit_de.pk).delete()
        offer.refresh_from_db()
        self.assertEqual(offer.visit_id, self.visit.pk)
        self.assertEqual(Placement.objects.get(party=party).offer, offer)

    def test_deleting_the_last_version_deletes_the_records_with_it(self):
        self.guest("Anke")
        Page.objects.get(pk=self.visit_de.pk).delete()
        Page.objects.get(pk=self.visit.pk).delete()
        self.assertFalse(GuestParty.objects.exists())

    def all_nights(self):
        return [night.isoformat() for night in self.visit.nights()]


class DeletingAVisitWithSignUpsTests(VisitMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit()
        cls.admin = get_user_model().objects.create_superuser("beheer@example.org", "x" * 20)

    def test_the_source_of_a_visit_with_sign_ups_is_not_deleted_the_translation_is(self):
        party = self.guest("Anke")
        self.client.force_login(self.admin)
        self.client.post(reverse("wagtailadmin_pages:delete", args=[self.visit.pk]))
        self.assertTrue(VisitPage.objects.filter(pk=self.visit.pk).exists())
        self.client.post(reverse("wagtailadmin_pages:delete", args=[self.visit_de.pk]))
        self.assertFalse(VisitPage.objects.filter(pk=self.visit_de.pk).exists())
        party.refresh_from_db()
        visits.cancel_party(party)
        self.client.post(reverse("wagtailadmin_pages:delete", args=[self.visit.pk]))
        self.assertFalse(VisitPage.objects.filter(pk=self.visit.pk).exists())

    def test_neither_a_bulk_delete_nor_deleting_the_calendar_takes_the_sign_ups(self):
        self.guest("Anke")
        self.client.force_login(self.admin)
        bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        self.client.post(f"{bulk}?id={self.visit.pk}&id={self.visit_de.pk}")
        self.assertEqual(
            VisitPage.objects.filter(translation_key=self.visit.translation_key).count(), 2
        )
        self.client.post(reverse("wagtailadmin_pages:delete", args=[self.calendar.pk]))
        self.assertTrue(VisitPage.objects.filter(pk=self.visit.pk).exists())
        self.assertEqual(GuestParty.objects.count(), 1)


class UnpublishingAVisitWithSignUpsTests(VisitMixin, TestCase):
    """Found by the outsider's pass: a visit members signed up for was still unpublished, singly,
    in bulk or with the page above it, as meetings were before, leaving its guests and hosts
    signed up for a page not found, untold."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit()
        cls.admin = get_user_model().objects.create_superuser("beheer@example.org", "x" * 20)

    def setUp(self):
        self.party = self.guest("Anke")
        self.client.force_login(self.admin)

    def assert_refused(self, response):
        self.assertEqual(response.status_code, 302)
        shown = [str(message) for message in get_messages(response.wsgi_request)]
        self.assertIn(str(UNPUBLISHING_REFUSALS[VisitPage]), shown)
        for version in (self.visit, self.visit_de):
            self.assertTrue(VisitPage.objects.get(pk=version.pk).live)

    def unpublish(self, page, **data):
        return self.client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]), data)

    def test_neither_version_is_unpublished_nor_both_in_bulk(self):
        for version in (self.visit, self.visit_de):
            self.assert_refused(self.unpublish(version))
        bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
        self.assert_refused(self.client.post(f"{bulk}?id={self.visit.pk}&id={self.visit_de.pk}"))

    def test_the_bulk_confirmation_says_why_instead_of_offering_to_unpublish(self):
        """It asked "Weet u zeker…?" and refused only once confirmed (walk of 2026-12-05). Its
        two language versions are one visit: they were refused as "these visits"."""
        bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
        response = self.client.get(f"{bulk}?id={self.visit.pk}&id={self.visit_de.pk}")
        box = BeautifulSoup(response.content, "html.parser").select_one("main .help-block")
        self.assertIsNotNone(box)
        text = " ".join(box.text.split())
        self.assertIn(str(UNPUBLISHING_REFUSALS[VisitPage]), text)
        self.assertNotIn(str(SEVERAL_REFUSED["unpublish"][VisitPage]), text)
        self.assertNotContains(response, 'type="submit"')

    def test_unpublishing_the_calendar_with_its_pages_keeps_the_visit_published(self):
        self.assert_refused(self.unpublish(self.calendar, include_descendants="on"))
        self.assertTrue(type(self.calendar).objects.get(pk=self.calendar.pk).live)

    def test_an_offer_to_host_counts_too(self):
        visits.cancel_party(self.party)
        self.host("Bergmann")
        self.assert_refused(self.unpublish(self.visit_de))

    def test_no_version_may_expire_while_members_count_on_it(self):
        """Wagtail's expiry unpublishes without the refusal above (walk of 2026-12-04)."""
        for version in (self.visit, self.visit_de):
            page = VisitPage.objects.get(pk=version.pk)
            page.expire_at = timezone.now() + datetime.timedelta(days=1)
            with self.subTest(page=page.pk), self.assertRaises(ValidationError) as refused:
                page.full_clean()
            self.assertIn("expire_at", refused.exception.message_dict)

    def publish_with_a_refused_expiry(self):
        """The editor publishes the visit with an expiry before its end: the answer, and the
        reason the page gives (in Dutch)."""
        page = VisitPage.objects.get(pk=self.visit.pk)
        page.expire_at = timezone.now() + datetime.timedelta(days=1)
        with translation.override("nl"), self.assertRaises(ValidationError) as refused:
            page.full_clean()
        with translation.override("nl"):
            reason = refused.exception.message_dict["expire_at"][0]
        edit = reverse("wagtailadmin_pages:edit", args=[self.visit.pk])
        data = form_data(self.client.get(edit))
        expiry = timezone.localtime(page.expire_at).strftime("%Y-%m-%d %H:%M")
        data.update({"body-count": "0", "programme-count": "0", "action-publish": "1"})
        return self.client.post(edit, {**data, "expire_at": expiry}), reason

    def test_the_editor_reads_why_an_expiry_is_refused_in_the_banner(self):
        """Not only inside Wagtail's "Set publishing schedule" dialog (walk of 2026-12-04)."""
        response, reason = self.publish_with_a_refused_expiry()
        self.assertEqual(response.status_code, 200)
        banner = BeautifulSoup(response.content, "html.parser").select_one(".messages")
        self.assertIn(reason, " ".join(banner.get_text().split()))
        self.assertIsNone(VisitPage.objects.get(pk=self.visit.pk).expire_at)

    def test_the_status_panel_says_why_the_schedule_is_invalid(self):
        """It said "Publicatieschema is niet geldig" without the reason (outsider's walk)."""
        response, reason = self.publish_with_a_refused_expiry()
        panel = BeautifulSoup(response.content, "html.parser").select_one(
            '[data-side-panel="status"]'
        )
        self.assertIn(reason, " ".join(panel.get_text(" ").split()))

    def test_a_visit_whose_sign_ups_were_cancelled_is_unpublished(self):
        visits.cancel_party(self.party)
        self.unpublish(self.visit_de)
        self.assertFalse(VisitPage.objects.get(pk=self.visit_de.pk).live)

    def test_a_visit_that_is_over_is_unpublished(self):
        over = timezone.localdate() - datetime.timedelta(days=1)
        VisitPage.objects.filter(translation_key=self.visit.translation_key).update(
            start_date=over - datetime.timedelta(days=3), end_date=over
        )
        self.unpublish(self.visit, include_descendants="on")
        self.assertFalse(VisitPage.objects.get(pk=self.visit.pk).live)
