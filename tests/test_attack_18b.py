"""Attack 18b: editors' uploads without metadata (unusual but valid files), photos removed
from a member's contribution."""

import io
import os
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from community.models import SectorPage
from exchanges.models import MeetingPage
from home.image_metadata import without_metadata
from tests import test_attack_18
from tests.test_attack_18 import phone_photo
from tests.test_contributions_photos import OwnPhotosTestCase
from tests.test_members import MembersTestCase
from tests.test_roles import RolesTestCase

GPS = {1: "N", 2: (52.0, 47.0, 12.5), 3: "E", 4: (6.0, 7.0, 1.2)}


def mpo_photo():
    """A phone's JPEG with a second picture after the first (MPO: portrait depth map, say),
    each with its own EXIF and position."""
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x8825] = GPS
    frames = [Image.new("RGB", (64, 48), "green"), Image.new("RGB", (64, 48), "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "MPO", save_all=True, append_images=frames[1:], exif=exif.tobytes())
    return buffer.getvalue()


def upload(test, data, name):
    """An editor uploads `data` as the image "Foto" in the admin."""
    test.client.force_login(test.editor_nl)
    return test.client.post(
        "/admin/images/add/",
        {
            "title": "Foto",
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )


class UnusualUploadsTests(RolesTestCase):
    def upload(self, data, name):
        return upload(self, data, name)

    def test_the_second_picture_of_a_phone_photo_keeps_no_position(self):
        data = mpo_photo()
        self.assertIn(b"Camera maker", data[data.index(b"\xff\xd9") :])
        response = self.upload(data, "portret.jpg")
        self.assertEqual(response.status_code, 302)
        image = get_image_model().objects.get(title="Foto")
        with open(image.file.path, "rb") as stored:
            kept = stored.read()
        self.assertNotIn(b"Camera maker", kept)
        # The first picture as it was, and no index of pictures that are gone.
        first = data[data.index(b"\xff\xda") : data.index(b"\xff\xd9") + 2]
        self.assertTrue(kept.endswith(first))
        with Image.open(io.BytesIO(kept)) as opened:
            self.assertEqual(opened.format, "JPEG")
            self.assertEqual(getattr(opened, "n_frames", 1), 1)
            opened.load()
            self.assertEqual(opened.getpixel((10, 10))[1] > 100, True)

    def test_a_progressive_jpeg_keeps_every_scan(self):
        exif = Image.Exif()
        exif[0x8825] = GPS
        buffer = io.BytesIO()
        Image.frombytes("RGB", (64, 48), os.urandom(64 * 48 * 3)).save(
            buffer, "JPEG", progressive=True, exif=exif.tobytes()
        )
        data = buffer.getvalue()
        cleaned = without_metadata(data)
        self.assertNotIn(b"Exif", cleaned)
        with Image.open(io.BytesIO(data)) as before, Image.open(io.BytesIO(cleaned)) as after:
            self.assertEqual(before.tobytes(), after.tobytes())

    def test_a_jpeg_cut_short_loses_its_metadata_too(self):
        data = phone_photo("JPEG")
        cleaned = without_metadata(data[:-40])
        self.assertNotIn(b"Camera maker", cleaned)
        self.assertTrue(cleaned.endswith(data[data.index(b"\xff\xda") : -40]))

    def test_a_large_photo_is_stored_without_its_position(self):
        # Above FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB): a temporary file on disk.
        exif = Image.Exif()
        exif[0x8825] = GPS
        exif[0x010F] = "Camera maker"
        buffer = io.BytesIO()
        Image.frombytes("RGB", (1500, 1100), os.urandom(1500 * 1100 * 3)).save(
            buffer, "JPEG", quality=100, exif=exif.tobytes()
        )
        data = buffer.getvalue()
        self.assertGreater(len(data), 2_700_000)
        response = self.upload(data, "groot.jpg")
        self.assertEqual(response.status_code, 302)
        image = get_image_model().objects.get(title="Foto")
        with open(image.file.path, "rb") as stored:
            self.assertNotIn(b"Camera maker", stored.read())


class DamagedFilesTests(RolesTestCase):
    """Files a decoder still shows though they are not quite as written: their metadata goes
    all the same (stored as they were, they kept the position)."""

    def assert_cleaned(self, data):
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            self.assertTrue(dict(opened.getexif().get_ifd(0x8825)))
            shown = opened.tobytes()
        cleaned = without_metadata(data)
        self.assertIsNotNone(cleaned)
        self.assertNotIn(b"Camera maker", cleaned)
        with Image.open(io.BytesIO(cleaned)) as opened:
            opened.load()
            self.assertEqual(opened.tobytes(), shown)

    def test_a_png_without_its_end(self):
        data = phone_photo("PNG")
        self.assertTrue(data.endswith(b"IEND\xaeB`\x82"))
        self.assert_cleaned(data[:-12])

    def test_a_jpeg_with_stray_markers_in_its_picture(self):
        base = phone_photo("JPEG")
        scan = base.index(b"\xff\xda")
        for marker in (0x01, 0xE1, 0xD9):
            with self.subTest(marker=hex(marker)):
                # A byte of the picture damaged into what reads as a marker.
                data = bytearray(base)
                data[scan + 16 : scan + 18] = bytes((0xFF, marker))
                self.assert_cleaned(bytes(data))

    def test_a_jpeg_damaged_before_its_picture_is_drawn_again_without_metadata(self):
        # Bytes that are no segment between two (a decoder skips them to the next marker): the
        # segments could not be followed past them, and the file was stored as it was, its
        # position and camera in it (second attack of 2026-12-05, F5).
        base = phone_photo("JPEG")
        after_exif = base.index(b"\xff\xdb")  # the first table after the metadata
        data = base[:after_exif] + b"\x00\x13\x37" + base[after_exif:]
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            self.assertTrue(dict(opened.getexif().get_ifd(0x8825)))
            size = opened.size
        response = upload(self, data, "beschadigd.jpg")
        self.assertEqual(response.status_code, 302)
        image = get_image_model().objects.get(title="Foto")
        with open(image.file.path, "rb") as stored:
            kept = stored.read()
        self.assertNotIn(b"Camera maker", kept)
        self.assertNotIn(b"xmpmeta", kept)
        with Image.open(io.BytesIO(kept)) as opened:
            opened.load()
            self.assertEqual(opened.format, "JPEG")
            self.assertEqual(opened.size, size)
            self.assertEqual(dict(opened.getexif().get_ifd(0x8825)), {})
            # Still turned as the camera said.
            self.assertEqual(opened.getexif().get(0x0112), 6)
            red, green, blue = opened.getpixel((32, 24))
            self.assertGreater(green, 100)
            self.assertLess(red + blue, 60)

    def test_comments_and_other_programs_segments_and_chunks_go_too(self):
        # Only what the picture needs is kept: a JPEG's comment or APP12 segment, a PNG's or
        # a WebP's chunk of a program's own (or a metadata chunk whose name was damaged) held
        # the position as well.
        secret = b"GPS 52.7868N 6.1170E"
        jpeg = phone_photo("JPEG")
        for marker in (0xFE, 0xEC):
            segment = bytes((0xFF, marker)) + (len(secret) + 2).to_bytes(2, "big") + secret
            with self.subTest(jpeg=hex(marker)):
                self.assertNotIn(secret, without_metadata(jpeg[:2] + segment + jpeg[2:]))
        png = phone_photo("PNG")
        chunk = (
            len(secret).to_bytes(4, "big")
            + b"prVt"
            + secret
            + zlib.crc32(b"prVt" + secret).to_bytes(4, "big")
        )
        start = png.index(b"IDAT") - 4
        with self.subTest("png"):
            self.assertNotIn(secret, without_metadata(png[:start] + chunk + png[start:]))
        webp = phone_photo("WEBP")
        damaged = webp.replace(b"EXIF", b"EXIX", 1)
        with self.subTest("webp"):
            cleaned = without_metadata(damaged)
            self.assertNotIn(b"Camera maker", cleaned)
            with Image.open(io.BytesIO(cleaned)) as opened:
                opened.load()
                self.assertEqual(opened.size, (64, 48))

    def test_a_webp_with_an_empty_header_is_stored_as_it_is(self):
        # Not a picture Pillow opens: an upload refuses it, the cleaning command meets it among
        # images stored before (it stopped there, leaving every image after it uncleaned).
        data = b"RIFF" + (22).to_bytes(4, "little") + b"WEBPVP8X" + bytes(4) + b"EXIF" + bytes(6)
        self.assertIsNone(without_metadata(data))


class PhotoInAnEditorsDraftTests(OwnPhotosTestCase):
    def test_a_photo_an_editor_put_in_a_draft_of_another_page_stays(self):
        """An editor chose her photo for a sector page and saved a draft (not yet published):
        the draft holds it in its revision, not in the page's row the reference index reads."""
        story = self.draft_with_photos()
        picnic = get_image_model().objects.get(title="Picknick aan de Ems")
        with self.captureOnCommitCallbacks(execute=True):
            climate = SectorPage.objects.get(pk=self.climate.pk)
            climate.image, climate.image_alt = picnic, "Picknick"
            climate.save_revision()
        self.remove_photo(story, 1)
        self.assertEqual(len(self.photos_in_text(self.latest(story))), 1)
        self.assertTrue(get_image_model().objects.filter(pk=picnic.pk).exists())


class HiddenMeetingWhenSheLeavesTests(MembersTestCase):
    """Her meeting taken off the site by reports, with Bernd registered: it no longer goes with
    her account (unpublished contributions do), and she was not told."""

    setUp = test_attack_18.OrganiserLeavesWithTheirContributionsTests.setUp
    hide_with_registrations = (
        test_attack_18.OrganiserLeavesWithTheirContributionsTests.hide_with_registrations
    )

    def test_she_is_told_that_her_hidden_meeting_stays(self):
        self.hide_with_registrations()
        self.client.force_login(self.anna)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                "/nl/members/delete/",
                {"confirm": "yes", "password": "een-lang-wachtwoord"},
                follow=True,
            )
        self.assertTrue(MeetingPage.objects.filter(pk=self.meeting.pk).exists())
        with translation.override("nl"):
            told = gettext(
                "Members have registered for “%(title)s”, so it is not deleted with your "
                "account: it stays off the site, without your name, until the editors "
                "decide about it."
            ) % {"title": "Taalcafé"}
        self.assertContains(response, told)
