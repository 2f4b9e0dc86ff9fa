"""Wagtail's admin API carries out page actions (publish, unpublish, delete, move, copy, ...) at
/admin/api/main/pages/<id>/action/<name>/ without the admin's `before_*` hooks: a superuser
unpublished a meeting Anke registered for, and deleted it with her registration untold (defect
of 2026-12-04). Nothing of the admin sends these actions, so they are closed; the page explorer
reads the same API and still does."""

from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from exchanges.models import MeetingPage, Registration
from home.wagtail_hooks import PAGE_ACTIONS_CLOSED
from tests.test_meeting_deletion import MeetingWithRegistrationsCase, delete_url


def api_action(page, name):
    return reverse("wagtailadmin_api:pages:action", args=[page.pk, name])


class PageActionsOfTheAdminAPITests(MeetingWithRegistrationsCase):
    def actions(self):
        """Each action of Wagtail's API with what it needs to go ahead."""
        revision = self.bike_ride.save_revision()  # a draft to go back from
        return {
            "publish": {},
            "unpublish": {"recursive": True},
            "delete": {},
            "move": {"destination_page_id": self.story_index.pk},
            "copy": {"destination_page_id": self.calendar.pk, "slug": "fietstocht-2"},
            "copy_for_translation": {"locale": "en"},
            "create_alias": {"destination_page_id": self.calendar.pk, "update_slug": "alias"},
            "convert_alias": {},
            "revert_to_page_revision": {"revision_id": revision.pk},
        }

    def pages(self):
        return list(Page.objects.order_by("pk").values_list("pk", "path", "live", "locale_id"))

    def assert_closed(self, response):
        self.assertEqual(response.status_code, 403)
        with translation.override("de"):  # the editor's admin language
            self.assertEqual(response.json(), {"message": str(PAGE_ACTIONS_CLOSED)})

    def test_the_meeting_anke_registered_for_is_not_unpublished(self):
        self.assert_closed(self.client.post(api_action(self.bike_ride, "unpublish")))
        self.assertTrue(MeetingPage.objects.get(pk=self.bike_ride.pk).live)
        self.client.force_login(self.anke)
        self.assertEqual(self.client.get(self.bike_ride.url).status_code, 200)

    def test_its_last_version_is_not_deleted_with_her_registration(self):
        self.client.post(delete_url(self.bike_ride_de))
        self.assert_closed(self.client.post(api_action(self.bike_ride, "delete")))
        self.assertTrue(MeetingPage.objects.filter(pk=self.bike_ride.pk).exists())
        self.assertEqual(Registration.objects.active().count(), 1)

    def test_no_action_changes_a_page(self):
        before = self.pages()
        for name, data in self.actions().items():
            for page in (self.bike_ride, self.bike_ride_de, self.calendar):
                with self.subTest(action=name, page=page.title):
                    response = self.client.post(
                        api_action(page, name), data, content_type="application/json"
                    )
                    self.assert_closed(response)
        self.assertEqual(self.pages(), before)
        self.assertEqual(Registration.objects.active().count(), 1)

    def test_the_page_explorer_still_lists_the_calendar(self):
        """The explorer in the admin's side menu reads the pages from this API."""
        listing = reverse("wagtailadmin_api:pages:listing")
        response = self.client.get(listing, {"child_of": self.calendar.pk, "for_explorer": 1})
        self.assertEqual(response.status_code, 200)
        titles = [page["title"] for page in response.json()["items"]]
        self.assertIn("Fietstocht", titles)
        detail = reverse("wagtailadmin_api:pages:detail", args=[self.bike_ride.pk])
        self.assertEqual(self.client.get(detail).json()["title"], "Fietstocht")
