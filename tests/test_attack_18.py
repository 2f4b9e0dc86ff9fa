"""Attack 18: the member and moderation side (reports after an editor published a hidden
contribution again, …)."""

import hashlib
import io
import json

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image
from PIL.PngImagePlugin import PngInfo
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from community import contributions
from community.models import Report
from exchanges.models import MeetingPage, Registration
from tests.security.test_reports import ReportAbuseTestCase
from tests.test_members import MembersTestCase
from tests.test_roles import RolesTestCase


class RepublishedAfterReportsTests(ReportAbuseTestCase):
    """Three members' reports hid the story; an editor read them and published it again,
    without ticking "Handled" on each report (publishing it again is the decision)."""

    def setUp(self):
        super().setUp()
        for member in (self.bernd, self.carla, self.dirk):
            self.report(client=self.as_member(member))
        self.assertFalse(self.live())
        Page.objects.get(pk=self.story.pk).get_latest_revision().publish(user=self.moderator)
        self.assertTrue(self.live())

    def test_a_visitors_report_does_not_hide_it_again(self):
        self.report(client=Client(), address="203.0.113.9")
        self.assertEqual(Report.objects.count(), 4)
        self.assertTrue(self.live())

    def test_one_more_members_report_does_not_hide_it_again(self):
        self.report(client=self.as_member(self.known_member("eva@example.org", "Eva")))
        self.assertTrue(self.live())

    def test_three_members_reporting_since_hide_it_again(self):
        for number in range(3):
            member = self.known_member(f"lid{number}@example.org", f"Lid {number}")
            self.report(client=self.as_member(member))
        self.assertFalse(self.live())
        self.assertEqual(Report.objects.filter(hid_page=True).count(), 2)


def phone_photo(kind, orientation=6):
    """A photo as a phone stores it: its position, the camera, and an orientation."""
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (52.0, 47.0, 12.5), 3: "E", 4: (6.0, 7.0, 1.2)}
    buffer = io.BytesIO()
    image = Image.new("RGB", (64, 48), "green")
    options = {"exif": exif.tobytes()}
    if kind == "PNG":
        info = PngInfo()
        info.add_itxt("XML:com.adobe.xmp", '<x:xmpmeta exif:GPSLatitude="52,47.2N"/>')
        options["pnginfo"] = info
    elif kind in ("JPEG", "WEBP"):
        options["xmp"] = b'<x:xmpmeta exif:GPSLatitude="52,47.2N"/>'
    image.save(buffer, kind, **options)
    return buffer.getvalue()


class EditorsPhotosTests(RolesTestCase):
    """An editor's photo uploaded in Wagtail's image admin: its original is public (the API's
    download_url) and Wagtail's JPEG and PNG renditions copied its EXIF, GPS position included,
    onto the site."""

    def upload(self, kind, extension):
        self.client.force_login(self.editor_nl)
        data = phone_photo(kind)
        response = self.client.post(
            "/admin/images/add/",
            {
                "title": f"Telefoonfoto {kind}",
                "file": SimpleUploadedFile(f"telefoon.{extension}", data),
                "collection": Collection.get_first_root_node().pk,
            },
        )
        self.assertEqual(response.status_code, 302, response.content[:2000])
        return get_image_model().objects.get(title=f"Telefoonfoto {kind}"), data

    def assert_no_location(self, path):
        with Image.open(path) as opened:
            exif = opened.getexif()
            self.assertEqual(dict(exif.get_ifd(0x8825)), {})
            self.assertNotIn(0x010F, exif)
            self.assertNotIn("xmp", opened.info)
            self.assertNotIn("XML:com.adobe.xmp", opened.info)
            self.assertEqual(exif.get(0x0112), 6)  # still shown the right way up

    def test_the_original_and_its_renditions_keep_no_position(self):
        for kind, extension in (("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")):
            with self.subTest(kind=kind):
                image, sent = self.upload(kind, extension)
                self.assert_no_location(image.file.path)
                self.assertEqual(image.file_size, image.file.size)
                with open(image.file.path, "rb") as stored:
                    self.assertEqual(
                        image.file_hash,
                        hashlib.sha1(stored.read(), usedforsecurity=False).hexdigest(),
                    )
                with Image.open(image.file.path) as opened:
                    opened.load()
                    self.assertEqual(opened.size, (64, 48))
                for spec in ("fill-32x24|format-jpeg", "fill-32x24|format-png", "original"):
                    rendition = image.get_rendition(spec)
                    with Image.open(rendition.file.path) as opened:
                        exif = opened.getexif()
                        self.assertEqual(dict(exif.get_ifd(0x8825)), {}, spec)
                        self.assertNotIn(0x010F, exif, spec)

    def test_the_picture_of_a_jpeg_is_not_encoded_again(self):
        image, sent = self.upload("JPEG", "jpg")
        with open(image.file.path, "rb") as stored:
            kept = stored.read()
        scan = sent.index(b"\xff\xda")
        self.assertTrue(kept.endswith(sent[scan:]))

    def test_images_stored_before_are_cleaned_by_the_command(self):
        collection = Collection.get_first_root_node()
        image = get_image_model()(title="Oud", collection=collection, width=64, height=48)
        # Stored as it came, as before the fix: the file is written without the model's save.
        image.file.save("oud.jpg", ContentFile(phone_photo("JPEG")), save=False)
        image.width, image.height = 64, 48
        get_image_model().objects.bulk_create([image])
        image = get_image_model().objects.get(title="Oud")
        old = image.get_rendition("fill-32x24|format-jpeg")
        with Image.open(old.file.path) as opened:
            self.assertTrue(dict(opened.getexif().get_ifd(0x8825)))
        call_command("strip_image_metadata", stdout=io.StringIO())
        image = get_image_model().objects.get(pk=image.pk)
        self.assert_no_location(image.file.path)
        self.assertEqual(image.file_size, image.file.size)
        self.assertFalse(image.renditions.filter(pk=old.pk).exists())
        with Image.open(image.get_rendition("fill-32x24|format-jpeg").file.path) as opened:
            self.assertEqual(dict(opened.getexif().get_ifd(0x8825)), {})


class ReportsInTheDataExportTests(ReportAbuseTestCase):
    """Of "everything the platform keeps about this member", the reports she filed (her reason and
    her explanation, kept with her account) were missing from her data."""

    def test_the_export_lists_the_members_reports_and_nothing_of_others(self):
        bernd = self.as_member(self.bernd)
        self.report(client=bernd, reason="spam")
        self.report(client=self.as_member(self.carla))
        self.report(client=Client(), address="203.0.113.9")
        export = json.loads(bernd.get("/nl/members/my-data/").content)
        self.assertEqual(
            export["reports"],
            [
                {
                    "contribution": "Fietsen naar Clarholz",
                    "reason": "spam",
                    "reason_label": "Werbung oder Spam",  # in his language
                    "explanation": "Niet netjes.",
                    "reported_at": export["reports"][0]["reported_at"],
                    "handled": False,
                }
            ],
        )


class OrganiserLeavesWithTheirContributionsTests(MembersTestCase):
    """A member who proposed a meeting deletes her account with "also remove my published
    contributions": the meeting went, and with it the registrations of the members counting on
    it, untold (an editor may not delete nor unpublish such a meeting)."""

    def setUp(self):
        self.meeting = self.approved_meeting(self.anna)

    def leave(self):
        self.client.force_login(self.anna)
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                "/nl/members/delete/",
                {
                    "confirm": "yes",
                    "remove_contributions": "yes",
                    "password": "een-lang-wachtwoord",
                },
                follow=True,
            )

    def hide_with_registrations(self):
        """Bernd is registered for the meeting, taken off the site as members' reports took such a
        meeting off until they no longer did (its pages kept from then)."""
        Registration.objects.register(self.meeting, self.bernd)
        with transaction.atomic():
            contributions.hide(contributions.locked_versions([self.meeting.translation_key]))
        self.assertFalse(MeetingPage.objects.get(pk=self.meeting.pk).live)

    def test_a_meeting_others_registered_for_stays_without_her_name(self):
        Registration.objects.register(self.meeting, self.bernd)
        response = self.leave()
        kept = MeetingPage.objects.get(pk=self.meeting.pk)
        self.assertTrue(kept.live)
        self.assertIsNone(kept.owner)
        self.assertNotEqual(kept.organiser, "Anna")
        self.assertTrue(
            Registration.objects.for_meeting(kept).filter(user=self.bernd).active().exists()
        )
        with translation.override("nl"):
            told = gettext(
                "Members have registered for “%(title)s”, so it stays on the site, without "
                "your name. The editors decide about it."
            ) % {"title": "Taalcafé"}
        self.assertContains(response, told)

    def test_a_meeting_nobody_else_counts_on_goes(self):
        Registration.objects.register(self.meeting, self.anna)
        self.leave()
        self.assertFalse(MeetingPage.objects.filter(pk=self.meeting.pk).exists())

    def test_a_hidden_meeting_others_registered_for_is_not_deleted_by_her(self):
        self.hide_with_registrations()
        self.client.force_login(self.anna)
        address = f"/nl/members/contributions/{self.meeting.pk}/delete/"
        response = self.client.post(address, follow=True)
        self.assertTrue(MeetingPage.objects.filter(pk=self.meeting.pk).exists())
        self.assertTrue(
            Registration.objects.for_meeting(self.meeting).filter(user=self.bernd).exists()
        )
        with translation.override("nl"):
            told = gettext(
                "Members have registered for this meeting, so it cannot be deleted now. The "
                "editors decide about it."
            )
        self.assertContains(response, told)
        self.assertContains(self.client.get(address, follow=True), told)

    def test_a_hidden_meeting_others_registered_for_stays_when_she_leaves(self):
        self.hide_with_registrations()
        self.client.force_login(self.anna)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                "/nl/members/delete/", {"confirm": "yes", "password": "een-lang-wachtwoord"}
            )
        kept = MeetingPage.objects.get(pk=self.meeting.pk)
        self.assertIsNone(kept.owner)
        self.assertTrue(Registration.objects.for_meeting(kept).filter(user=self.bernd).exists())

    def test_her_pages_do_not_offer_to_delete_a_hidden_meeting_others_registered_for(self):
        self.hide_with_registrations()
        self.client.force_login(self.anna)
        delete = f"/nl/members/contributions/{self.meeting.pk}/delete/"
        self.assertNotContains(self.client.get("/nl/members/"), delete)
        page = self.client.get(f"/nl/members/contributions/{self.meeting.pk}/")
        with translation.override("nl"):
            may_delete = gettext("You can still delete it on your page.")
            may_not = gettext("Members have registered for it, so it cannot be deleted now either.")
        self.assertNotContains(page, may_delete)
        self.assertContains(page, may_not)
