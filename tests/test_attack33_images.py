"""Attack 33 (2026-12-07), the findings on image uploads (tests/test_attack33.py of the
outsider's branch: F1, F2, F8, F9), each a test that failed until it was fixed."""

import io
import struct
import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from exchanges.models import StoryPage
from home.uploaded_images import too_many_scans_text
from tests.test_members import MembersTestCase


def jpeg_with_scans(extra_scans, side=4800):
    """A grey progressive JPEG of `side` × `side` pixels (23 megapixels: under the members'
    limit) followed by `extra_scans` more scans of 39 bytes each: an AC scan whose one
    end-of-band run passes over every block. A decoder goes over all 360,000 blocks for each
    scan, however small it is ("scan bomb")."""
    buffer = io.BytesIO()
    Image.new("L", (side, side), 128).save(buffer, "JPEG", progressive=True, quality=50)
    data = buffer.getvalue()
    end = data.rindex(b"\xff\xd9")
    # An AC Huffman table (class 1, id 1) with one code of one bit: EOB14.
    table = bytes([0x11, 1] + [0] * 15 + [0xE0])
    dht = b"\xff\xc4" + struct.pack(">H", len(table) + 2) + table
    bits, left = "", (side // 8) ** 2
    while left > 0:
        run = min(left, 32767)
        bits += "0" + format(run - 16384, "014b")
        left -= run
    bits += "1" * (-len(bits) % 8)
    coded = bytearray()
    for index in range(0, len(bits), 8):
        coded.append(int(bits[index : index + 8], 2))
        if coded[-1] == 0xFF:
            coded.append(0)
    scan = b"\xff\xda" + struct.pack(">HB", 8, 1) + bytes([1, 0x01, 1, 63, 0]) + bytes(coded)
    return data[:end] + dht + scan * extra_scans + data[end:]


class ScanBombTests(MembersTestCase):
    """F9 (the most serious): a member sends as her story's photo a JPEG of 480 KB with 10,000
    small scans (`jpeg_with_scans`). It passes every check (23 megapixels, under 10 MB, a JPEG)
    and the server decodes it for 18.6 s before answering 302 (measured against gunicorn).
    Decoding time grows with the scans: 10 MB hold 250,000 of them, about 8 minutes of a
    worker per photo, and a story takes 10 photos; the profile's photo is read the same way.
    gunicorn kills a worker after 30 s by default, so a few such posts at once stop the site
    for everyone. A progressive JPEG of a camera or an editor has about 10 scans: one with
    many more should be refused before it is decoded."""

    def test_a_jpeg_with_thousands_of_scans_is_refused_before_it_is_decoded(self):
        data = jpeg_with_scans(2000)
        self.assertLess(len(data), 200_000)
        started = time.monotonic()
        response = self.post_story(
            self.anna,
            **{
                "photos-0-image": SimpleUploadedFile("vakantie.jpg", data),
                "photos-0-alt_text": "Een foto",
            },
        )
        took = time.monotonic() - started
        self.assertEqual(response.status_code, 200)
        self.assertLess(took, 1.5)


def jpeg_with_thumbnail_of_scans(scans):
    """An ordinary progressive JPEG whose metadata (an APP1 segment, where a camera puts its
    EXIF thumbnail) holds a JPEG of `scans` scans: not a scan of the picture."""
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "green").save(buffer, "JPEG", progressive=True)
    photo = buffer.getvalue()
    payload = b"Exif\x00\x00" + jpeg_with_scans(scans, side=1024)
    segment = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return photo[:2] + segment + photo[2:]


class ScanBombRefusalTests(MembersTestCase):
    """F9, as the member reads it: the photo is refused before it is decoded, in her language,
    and the form keeps what she wrote; her profile's photo the same."""

    def refusal(self, language):
        with translation.override(language):
            return str(too_many_scans_text())

    def test_the_story_form_says_why_and_keeps_the_text(self):
        response = self.post_story(
            self.anna,
            **{
                "photos-0-image": SimpleUploadedFile("vakantie.jpg", jpeg_with_scans(2000)),
                "photos-0-alt_text": "Een foto",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.refusal("nl"))
        self.assertContains(response, "Fietsen naar Clarholz")
        self.assertFalse(StoryPage.objects.filter(title="Fietsen naar Clarholz").exists())

    def test_the_profile_photo_is_refused_before_it_is_decoded(self):
        self.client.force_login(self.anna)
        started = time.monotonic()
        response = self.client.post(
            "/de/members/profile/",
            {
                "display_name": "Anna",
                "town": "",
                "language": "de",
                "avatar": SimpleUploadedFile("ich.jpg", jpeg_with_scans(2000)),
            },
        )
        self.assertLess(time.monotonic() - started, 1.5)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.refusal("de"))
        self.anna.refresh_from_db()
        self.assertFalse(self.anna.avatar)

    def test_a_thumbnail_of_many_scans_in_the_metadata_is_no_scan_of_the_photo(self):
        response = self.post_story(
            self.anna,
            **{
                "photos-0-image": SimpleUploadedFile(
                    "vakantie.jpg", jpeg_with_thumbnail_of_scans(150)
                ),
                "photos-0-alt_text": "Een foto",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(StoryPage.objects.filter(title="Fietsen naar Clarholz").exists())
