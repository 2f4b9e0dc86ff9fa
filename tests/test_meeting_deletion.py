"""An editor deletes a meeting members registered for (found by the attack pass: deleting its
last language version, or both at once with the explorer's bulk delete, deleted the
registrations untold, the invitations left in the members' calendars; deleting a Dutch meeting
moved them onto its German alias, which Wagtail turns into an unpublished page)."""

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as wagtails  # Wagtail's words: not collected into ours
from wagtail.users.models import UserProfile

from exchanges.models import MeetingPage, Registration
from exchanges.wagtail_hooks import (
    COUNTED_ON_BELOW_SELECTED,
    DESELECT,
    NOTHING_DONE,
    REFUSALS,
    SEVERAL_REFUSED,
    UNPUBLISHED_ALONE,
    UNPUBLISHING_REFUSALS,
)
from home.machine_translation import ensure_aliases
from tests.calendar_base import CalendarMixin, local, year_like
from tests.test_roles import form_data

User = get_user_model()


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def bulk_delete_url(*pages):
    return bulk_url("delete", *pages)


def bulk_url(action, *pages):
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    return bulk + "?" + "&".join(f"id={page.pk}" for page in pages)


class MeetingWithRegistrationsCase(CalendarMixin, TestCase):
    """A meeting in Dutch and German that Anke registered for; a German editor."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.bike_ride = cls.meeting(
            local(year_like(2030), 3, 20, 19), title="Fietstocht", slug="fietstocht"
        )
        cls.bike_ride_de = cls.translated(cls.bike_ride, title="Radtour", slug="radtour")
        cls.anke = User.objects.create_user("anke@example.org", "x", display_name="Anke")
        cls.editor = User.objects.create_superuser("redaktion@example.org", "x", language="de")
        profile = UserProfile.get_for_user(cls.editor)
        profile.preferred_language = "de"  # the German editor's admin language
        profile.save()

    def setUp(self):
        Registration.objects.register(self.bike_ride, self.anke)
        self.client.force_login(self.editor)


class DeletingAMeetingWithRegistrationsTests(MeetingWithRegistrationsCase):
    def assert_refused(self, response):
        self.assertEqual(response.status_code, 302)
        shown = [str(message) for message in get_messages(response.wsgi_request)]
        with translation.override("de"):
            expected = str(REFUSALS[MeetingPage])
        self.assertIn(expected, shown)
        self.assertTrue(MeetingPage.objects.filter(pk=self.bike_ride.pk).exists())
        self.assertEqual(Registration.objects.active().count(), 1)

    def test_the_last_language_version_is_not_deleted_the_translation_is(self):
        self.client.post(delete_url(self.bike_ride_de))
        self.assertFalse(MeetingPage.objects.filter(pk=self.bike_ride_de.pk).exists())
        self.assert_refused(self.client.post(delete_url(self.bike_ride)))

    def test_the_confirmation_page_says_why_it_is_not_deleted(self):
        self.client.post(delete_url(self.bike_ride_de))
        self.assert_refused(self.client.get(delete_url(self.bike_ride)))

    def test_a_bulk_delete_of_both_versions_takes_neither(self):
        self.assert_refused(self.client.post(bulk_delete_url(self.bike_ride, self.bike_ride_de)))
        self.assertTrue(MeetingPage.objects.filter(pk=self.bike_ride_de.pk).exists())

    def test_the_bulk_confirmation_says_why_instead_of_offering_to_delete(self):
        """It asked "Sind Sie sicher…?" and refused only once confirmed (editors' walk)."""
        response = self.client.get(bulk_delete_url(self.bike_ride, self.bike_ride_de))
        self.assertEqual(response.status_code, 200)
        with translation.override("de"):
            self.assertContains(response, str(REFUSALS[MeetingPage]))
            self.assertNotContains(
                response, wagtails("Are you sure you want to delete these pages?")
            )
            self.assertNotContains(response, wagtails("Yes, delete"))
            self.assertContains(response, wagtails("Go back"))
        self.assertContains(response, "Fietstocht")

    def test_the_bulk_confirmation_of_pages_members_do_not_count_on_offers_to_delete(self):
        Registration.objects.cancel(self.bike_ride, self.anke)
        response = self.client.get(bulk_delete_url(self.bike_ride, self.bike_ride_de))
        with translation.override("de"):
            self.assertNotContains(response, str(REFUSALS[MeetingPage]))
            self.assertContains(response, wagtails("Are you sure you want to delete these pages?"))
            self.assertContains(response, wagtails("Yes, delete"))

    def test_deleting_the_calendar_does_not_take_the_meeting(self):
        self.assert_refused(self.client.post(delete_url(self.calendar)))

    def test_a_meeting_cancelled_first_can_be_deleted(self):
        self.bike_ride.cancelled = True
        self.bike_ride.save_revision().publish()
        self.client.post(bulk_delete_url(self.bike_ride, self.bike_ride_de))
        self.assertFalse(MeetingPage.objects.filter(pk=self.bike_ride.pk).exists())

    def test_a_meeting_whose_registrations_were_cancelled_can_be_deleted(self):
        Registration.objects.cancel(self.bike_ride, self.anke)
        self.client.post(bulk_delete_url(self.bike_ride, self.bike_ride_de))
        self.assertFalse(MeetingPage.objects.filter(pk=self.bike_ride.pk).exists())


class DeletingAMeetingWithAnAliasTests(CalendarMixin, TestCase):
    """The German version is an alias of the Dutch meeting: deleting the Dutch one turns it into
    an unpublished page of its own, which members cannot reach."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.bike_ride = cls.meeting(
            local(year_like(2030), 3, 20, 19), title="Fietstocht", slug="fietstocht"
        )
        ensure_aliases(cls.bike_ride)
        cls.alias = MeetingPage.objects.get(
            translation_key=cls.bike_ride.translation_key, locale=cls.german
        )
        cls.sabine = User.objects.create_user(
            "sabine@example.org", "x", display_name="Sabine", language="de"
        )
        cls.editor = User.objects.create_superuser("redactie@example.org", "x")

    def setUp(self):
        Registration.objects.register(self.bike_ride, self.sabine)

    def test_the_meeting_is_not_deleted_from_under_its_alias(self):
        self.client.force_login(self.editor)
        response = self.client.post(delete_url(self.bike_ride))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(MeetingPage.objects.filter(pk=self.bike_ride.pk).exists())
        self.assertEqual(Registration.objects.get().meeting_id, self.bike_ride.pk)

    def test_registrations_never_move_onto_the_unpublished_former_alias(self):
        MeetingPage.objects.get(pk=self.bike_ride.pk).delete()
        self.assertFalse(MeetingPage.objects.get(pk=self.alias.pk).live)
        self.assertFalse(Registration.objects.filter(meeting_id=self.alias.pk).exists())


class UnpublishingAMeetingWithRegistrationsTests(MeetingWithRegistrationsCase):
    """Found by the newcomer's walk: an unpublished meeting left its members registered for a
    page not found, without a cancel button and untold."""

    def assert_refused_unpublishing(self, response):
        self.assertEqual(response.status_code, 302)
        shown = [str(message) for message in get_messages(response.wsgi_request)]
        with translation.override("de"):
            self.assertIn(str(UNPUBLISHING_REFUSALS[MeetingPage]), shown)
        self.assertTrue(MeetingPage.objects.get(pk=self.bike_ride.pk).live)
        self.assertTrue(MeetingPage.objects.get(pk=self.bike_ride_de.pk).live)

    def test_neither_version_is_unpublished_nor_both_in_bulk(self):
        for page in (self.bike_ride, self.bike_ride_de):
            url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
            self.assert_refused_unpublishing(self.client.post(url))
        bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
        ids = f"?id={self.bike_ride.pk}&id={self.bike_ride_de.pk}"
        self.assert_refused_unpublishing(self.client.post(bulk + ids))

    def test_unpublishing_the_calendar_with_its_pages_keeps_the_meeting_published(self):
        url = reverse("wagtailadmin_pages:unpublish", args=[self.calendar.pk])
        response = self.client.post(url, {"include_descendants": "on"})
        self.assert_refused_unpublishing(response)
        self.assertTrue(type(self.calendar).objects.get(pk=self.calendar.pk).live)

    def test_a_cancelled_meeting_is_unpublished(self):
        self.bike_ride.cancelled = True
        self.bike_ride.save_revision().publish()
        self.client.post(reverse("wagtailadmin_pages:unpublish", args=[self.bike_ride_de.pk]))
        self.assertFalse(MeetingPage.objects.get(pk=self.bike_ride_de.pk).live)


class ExpiringAMeetingWithRegistrationsTests(MeetingWithRegistrationsCase):
    """Wagtail takes a page offline at its expiry ("publish_scheduled") without the admin's
    refusal to unpublish: an expiry on a meeting members count on left them registered for a page
    not found, and one language's readers without it (walk and attack of 2026-12-04). The admin's
    page form checks the page with its full_clean, as here."""

    def expiring(self, page):
        page = MeetingPage.objects.get(pk=page.pk)
        page.expire_at = local(year_like(2030), 3, 1, 12)
        return page

    def test_neither_version_may_expire_while_members_count_on_it(self):
        for version in (self.bike_ride, self.bike_ride_de):
            with self.subTest(page=version.title), self.assertRaises(ValidationError) as refused:
                self.expiring(version).full_clean()
            self.assertIn("expire_at", refused.exception.message_dict)

    def test_the_editor_reads_why_in_the_banner_not_only_in_the_schedule_dialog(self):
        """The refusal showed only inside Wagtail's "Set publishing schedule" dialog; the
        banner at the top said no more than Wagtail's "could not be saved due to validation
        errors" (walk of 2026-12-04)."""
        with translation.override("de"), self.assertRaises(ValidationError) as refused:
            self.expiring(self.bike_ride_de).full_clean()
        with translation.override("de"):
            reason = refused.exception.message_dict["expire_at"][0]
        edit = reverse("wagtailadmin_pages:edit", args=[self.bike_ride_de.pk])
        data = form_data(self.client.get(edit))
        response = self.client.post(
            edit,
            {
                **data,
                "body-count": "0",
                "expire_at": f"{year_like(2030)}-03-01 12:00",
                "action-publish": "1",
            },
        )
        self.assertEqual(response.status_code, 200)
        banner = BeautifulSoup(response.content, "html.parser").select_one(".messages")
        self.assertIn(reason, " ".join(banner.get_text().split()))
        self.assertIsNone(MeetingPage.objects.get(pk=self.bike_ride_de.pk).expire_at)

    def test_a_cancelled_meeting_may_expire(self):
        MeetingPage.objects.filter(translation_key=self.bike_ride.translation_key).update(
            cancelled=True
        )
        self.expiring(self.bike_ride).full_clean()


class UnpublishConfirmationTests(MeetingWithRegistrationsCase):
    """The confirmation asked "Sind Sie sicher…?" of a meeting members count on, and refused
    only once confirmed (Wagtail runs its before_unpublish_page hook on the POST only)."""

    def test_the_confirmation_says_why_instead_of_offering_to_unpublish(self):
        for page in (self.bike_ride, self.bike_ride_de):
            with self.subTest(page=page.title):
                url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                with translation.override("de"):
                    self.assertContains(response, str(UNPUBLISHING_REFUSALS[MeetingPage]))
                    self.assertNotContains(
                        response, wagtails("Are you sure you want to unpublish this page?")
                    )
                    self.assertNotContains(response, wagtails("Yes, unpublish it"))
                    self.assertContains(response, wagtails("Go back"))
                self.assertContains(response, reverse("wagtailadmin_pages:edit", args=[page.pk]))

    def test_the_calendars_confirmation_offers_to_unpublish_it_alone(self):
        response = self.client.get(reverse("wagtailadmin_pages:unpublish", args=[self.calendar.pk]))
        with translation.override("de"):
            self.assertContains(response, wagtails("Yes, unpublish it"))
        self.assertNotContains(response, 'name="include_descendants"')

    def test_a_meeting_nobody_counts_on_is_asked_about_as_wagtail_does(self):
        Registration.objects.cancel(self.bike_ride, self.anke)
        response = self.client.get(
            reverse("wagtailadmin_pages:unpublish", args=[self.bike_ride.pk])
        )
        with translation.override("de"):
            self.assertNotContains(response, str(UNPUBLISHING_REFUSALS[MeetingPage]))
            self.assertContains(response, wagtails("Are you sure you want to unpublish this page?"))
            self.assertContains(response, wagtails("Yes, unpublish it"))
        calendar = self.client.get(reverse("wagtailadmin_pages:unpublish", args=[self.calendar.pk]))
        self.assertContains(calendar, 'name="include_descendants"')

    def test_the_calendars_confirmation_names_it_by_its_title_in_boxes_like_wagtails(self):
        """Its usage line said "Er bestaan 0 verwijzingen naar agenda." (the page type's name,
        lower case); its warning box had an empty gutter where Wagtail's boxes have an icon."""
        profile = UserProfile.get_for_user(self.editor)
        for language, calendar in (("nl", self.calendar), ("de", self.calendar_de)):
            with self.subTest(language=language):
                profile.preferred_language = language
                profile.save()
                url = reverse("wagtailadmin_pages:unpublish", args=[calendar.pk])
                page = BeautifulSoup(self.client.get(url).content, "html.parser")
                usage = page.select_one("main a[href*='usage']").get_text(" ", strip=True)
                self.assertIn(calendar.title, usage)
                self.assertNotIn(" agenda.", usage)
                boxes = page.select("main .help-block")
                self.assertTrue(boxes)
                for box in boxes:
                    self.assertIsNotNone(box.select_one("svg.icon"), box)


class BulkConfirmationTests(MeetingWithRegistrationsCase):
    """The explorer's bulk confirmations of a selection with a meeting members count on, in
    the Dutch and the German admin (walk of 2026-12-05): the bulk unpublish asked "Are you
    sure…?" and refused only once confirmed; the bulk delete named the refused meeting only,
    in the singular, in a box without its icon, and did not say the others stayed too."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.walk = cls.meeting(
            local(year_like(2030), 4, 10, 19), title="Wandeling", slug="wandeling"
        )

    def admin_in(self, language):
        profile = UserProfile.get_for_user(self.editor)
        profile.preferred_language = language
        profile.save()

    def confirmation(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        box = BeautifulSoup(response.content, "html.parser").select_one("main .help-block")
        self.assertIsNotNone(box, "no help box")
        self.assertIsNotNone(box.find("svg"), "the help box has no icon")
        return response, " ".join(box.get_text(" ").split())

    def assert_only_going_back(self, response, action):
        question = f"Are you sure you want to {action} these pages?"
        self.assertNotContains(response, wagtails(question))
        self.assertNotContains(response, wagtails(f"Yes, {action}"))
        self.assertContains(response, wagtails("Go back"))

    def test_the_bulk_unpublish_confirmation_says_why_instead_of_offering_to_unpublish(self):
        url = bulk_url("unpublish", self.bike_ride, self.walk)
        for language in ("nl", "de"):
            self.admin_in(language)
            with self.subTest(language=language), translation.override(language):
                response, box = self.confirmation(url)
                self.assertIn(str(UNPUBLISHING_REFUSALS[MeetingPage]), box)
                self.assertIn(str(NOTHING_DONE["unpublish"] % {"count": 2}), box)
                self.assertIn(str(DESELECT["unpublish"] % {"count": 1}), box)
                self.assertIn("Fietstocht", box)
                self.assertNotIn("Wandeling", box)
                self.assert_only_going_back(response, "unpublish")
        self.assertTrue(MeetingPage.objects.get(pk=self.walk.pk).live)

    def test_the_bulk_unpublish_of_the_calendar_offers_to_unpublish_it_alone(self):
        """It offered Wagtail's "include subpages" and refused only once sent, where the
        calendar's own confirmation offers to unpublish it alone (outsider's walk)."""
        url = bulk_url("unpublish", self.calendar)
        for language in ("nl", "de"):
            self.admin_in(language)
            with self.subTest(language=language), translation.override(language):
                response, box = self.confirmation(url)
                self.assertIn(str(COUNTED_ON_BELOW_SELECTED % {"count": 1}), box)
                self.assertIn(str(UNPUBLISHED_ALONE % {"count": 1}), box)
                self.assertIn(self.calendar.title, box)
                self.assertNotContains(response, 'name="include_descendants"')
                self.assertContains(response, wagtails("Yes, unpublish"))
        response = self.client.post(url)
        self.assertEqual(response.status_code, 302)
        self.assertFalse(type(self.calendar).objects.get(pk=self.calendar.pk).live)
        self.assertTrue(MeetingPage.objects.get(pk=self.bike_ride.pk).live)
        self.assertTrue(MeetingPage.objects.get(pk=self.bike_ride_de.pk).live)

    def test_the_bulk_unpublish_of_pages_with_nothing_counted_on_below_offers_subpages(self):
        Registration.objects.cancel(self.bike_ride, self.anke)
        response = self.client.get(bulk_url("unpublish", self.calendar))
        self.assertContains(response, 'name="include_descendants"')
        with translation.override("de"):
            self.assertNotContains(response, str(UNPUBLISHED_ALONE % {"count": 1}))

    def test_both_versions_of_one_meeting_are_refused_as_one_meeting(self):
        """Its two language versions were refused as "these meetings" (outsider's walk)."""
        url = bulk_url("unpublish", self.bike_ride, self.bike_ride_de)
        for language in ("nl", "de"):
            self.admin_in(language)
            with self.subTest(language=language), translation.override(language):
                response, box = self.confirmation(url)
                self.assertIn(str(UNPUBLISHING_REFUSALS[MeetingPage]), box)
                self.assertNotIn(str(SEVERAL_REFUSED["unpublish"][MeetingPage]), box)
                self.assertIn("Fietstocht", box)
                self.assertIn("Radtour", box)
                self.assert_only_going_back(response, "unpublish")

    def test_the_bulk_delete_confirmation_says_the_other_pages_stay_too(self):
        url = bulk_delete_url(self.bike_ride, self.bike_ride_de, self.walk)
        for language in ("nl", "de"):
            self.admin_in(language)
            with self.subTest(language=language), translation.override(language):
                response, box = self.confirmation(url)
                self.assertIn(str(REFUSALS[MeetingPage]), box)
                self.assertIn(str(NOTHING_DONE["delete"] % {"count": 3}), box)
                self.assertIn(str(DESELECT["delete"] % {"count": 1}), box)
                self.assertIn("Fietstocht", box)
                self.assert_only_going_back(response, "delete")

    def test_several_refused_meetings_are_named_and_refused_in_the_plural(self):
        Registration.objects.register(self.walk, self.anke)
        url = bulk_delete_url(self.bike_ride, self.walk)
        for language in ("nl", "de"):
            self.admin_in(language)
            with self.subTest(language=language), translation.override(language):
                response, box = self.confirmation(url)
                self.assertIn(str(SEVERAL_REFUSED["delete"][MeetingPage]), box)
                self.assertNotIn(str(REFUSALS[MeetingPage]), box)
                self.assertIn("Fietstocht", box)
                self.assertIn("Wandeling", box)
                # Nothing else was selected: nothing to deselect.
                self.assertNotIn(str(DESELECT["delete"] % {"count": 2}), box)
                self.assert_only_going_back(response, "delete")
