"""Links to a deleted translation keep working (attack of 2026-12-04, F3): deleting the German
version of a meeting moved its registrations to the Dutch page, but the German links in the
emails the members had (confirmation, reminder, invitation) answered "page not found"."""

from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from exchanges.models import MeetingPage, Registration
from tests.test_meeting_deletion import MeetingWithRegistrationsCase


class DeletedTranslationTests(MeetingWithRegistrationsCase):
    """The Dutch bike ride and its German translation, Anke registered; a German editor."""

    def setUp(self):
        super().setUp()
        self.german_address = self.bike_ride_de.url

    def delete_german_version(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailadmin_pages:delete", args=[self.bike_ride_de.pk])
            )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(MeetingPage.objects.filter(pk=self.bike_ride_de.pk).exists())
        self.client.logout()

    def test_the_german_address_of_a_deleted_translation_leads_to_the_meeting(self):
        self.assertEqual(self.client.get(self.german_address).status_code, 200)
        self.delete_german_version()
        response = self.client.get(self.german_address)
        self.assertEqual(response.status_code, 302)
        # In the German site, as every untranslated page is (walk of 2026-12-05: it led into
        # the Dutch site, whose language switcher led German readers to /de/ only).
        alias = MeetingPage.objects.get(alias_of=self.bike_ride)
        self.assertEqual(alias.locale.language_code, "de")
        self.assertTrue(alias.live)
        self.assertEqual(response["Location"], alias.url)
        self.assertTrue(alias.url.startswith("/de/"))
        page = self.client.get(alias.url)
        self.assertContains(page, "Fietstocht")
        self.assertContains(page, '<html lang="de">')
        self.assertContains(page, "Diese Seite ist noch nicht übersetzt")
        # Listed again in the German calendar.
        self.assertContains(self.client.get(self.calendar_de.url), alias.url)
        # Anke is still registered, on the meeting the link now leads to.
        self.assertEqual(
            Registration.objects.active().get().meeting_key, self.bike_ride.translation_key
        )

    def test_a_translation_published_again_at_that_address_is_shown(self):
        self.delete_german_version()
        # The editors translate the meeting again: its German alias becomes a translation.
        again = MeetingPage.objects.get(alias_of=self.bike_ride)
        again.alias_of, again.title, again.slug = None, "Radtour am Abend", "radtour"
        again.save_revision().publish()
        again.refresh_from_db()
        self.assertEqual(again.url, self.german_address)
        self.assertContains(self.client.get(self.german_address), "Radtour am Abend")
        # Taken back for good: unpublished later, its address does not lead to another page
        # (attack of 2026-12-05, F4).
        self.assertFalse(Redirect.objects.exists())
        again.unpublish()
        self.assertEqual(self.client.get(self.german_address).status_code, 404)

    def test_the_address_of_a_private_page_does_not_lead_to_it(self):
        """Whoever follows the old address of a page behind a password does not learn where
        its other version is (attack of 2026-12-05, F3)."""
        PageViewRestriction.objects.create(
            page=self.bike_ride, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        self.delete_german_version()
        self.assertFalse(Redirect.objects.exists())
        self.assertEqual(self.client.get(self.german_address).status_code, 404)

    def test_a_page_deleted_in_every_language_is_gone(self):
        Registration.objects.cancel(self.bike_ride, self.anke)
        bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"{bulk}?id={self.bike_ride.pk}&id={self.bike_ride_de.pk}")
        self.assertFalse(MeetingPage.objects.exists())
        self.assertFalse(Redirect.objects.exists())
        self.client.logout()
        self.assertEqual(self.client.get(self.german_address).status_code, 404)
        self.assertEqual(self.client.get(self.bike_ride.url).status_code, 404)
