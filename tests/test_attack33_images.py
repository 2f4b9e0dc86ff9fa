"""Attack 33 (2026-12-07), the findings on image uploads (tests/test_attack33.py of the
outsider's branch: F1, F2, F8, F9), each a test that failed until it was fixed."""

import io
import struct

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from exchanges.models import StoryPage
from home.image_forms import damaged_image_text
from home.uploaded_images import too_many_scans_text
from tests.test_attack_18b import GPS, upload
from tests.test_members import MembersTestCase
from tests.test_roles import RolesTestCase


def photo_with_position(kind):
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x8825] = GPS
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "green").save(buffer, kind, exif=exif.tobytes())
    return buffer.getvalue()


class EditorsAvifPhotoTests(RolesTestCase):
    """F1: an editor uploads a phone's AVIF photo (what recent Android cameras and many
    converters write) in the admin, Images → Add. The site says (home/image_metadata.py) that
    images keep "no GPS position, no camera serial number", and does so for JPEG, PNG and WebP;
    an AVIF is stored as it came, so its position and camera are served to everyone at
    /media/original_images/… (and the API's download_url)."""

    def test_an_avif_photo_is_stored_without_its_position(self):
        data = photo_with_position("AVIF")
        with Image.open(io.BytesIO(data)) as opened:
            self.assertTrue(dict(opened.getexif().get_ifd(0x8825)))
        response = upload(self, data, "vakantie.avif")
        self.assertEqual(response.status_code, 302)
        image = get_image_model().objects.get(title="Foto")
        with open(image.file.path, "rb") as stored:
            kept = stored.read()
        with Image.open(io.BytesIO(kept)) as opened:
            self.assertEqual(dict(opened.getexif().get_ifd(0x8825)), {})
        self.assertNotIn(b"Camera maker", kept)


class EditorsDamagedImageTests(RolesTestCase):
    """F2: an editor uploads a photo whose copy was cut short within its header (a download or
    a USB copy interrupted; here the first 300 bytes of a JPEG, or 40 of a PNG) in the admin:
    Images → Add, several at once (Images → Add an image, drag and drop), or from the page
    editor's image chooser (Upload). The site answers 500 (Pillow's OSError "Truncated File
    Read" / UnidentifiedImageError out of Wagtail's pixel check); a member's photo form says
    "This file is not a photo, or it is damaged" for the same file. It should be refused in
    the form, in the editor's language."""

    def setUp(self):
        super().setUp()
        self.client.raise_request_exception = False

    def damaged(self):
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), "green").save(buffer, "JPEG")
        jpeg = buffer.getvalue()[:300]
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), "green").save(buffer, "PNG")
        return {"kapot.jpg": jpeg, "kapot.png": buffer.getvalue()[:40]}

    def test_the_add_form_refuses_a_damaged_photo(self):
        for name, data in self.damaged().items():
            with self.subTest(name=name):
                response = upload(self, data, name)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "De afbeelding kon vanwege fouten niet worden")
                self.assertFalse(get_image_model().objects.filter(title="Foto").exists())

    def test_adding_several_refuses_a_damaged_photo(self):
        self.client.force_login(self.editor_nl)
        for name, data in self.damaged().items():
            with self.subTest(name=name):
                response = self.client.post(
                    "/admin/images/multiple/add/",
                    {
                        "files[]": SimpleUploadedFile(name, data),
                        "collection": Collection.get_first_root_node().pk,
                    },
                    headers={"x-requested-with": "XMLHttpRequest"},
                )
                self.assertEqual(response.status_code, 200)
                self.assertFalse(response.json()["success"])

    def test_uploading_in_the_image_chooser_refuses_a_damaged_photo(self):
        """The same from the page editor: choose an image → Upload."""
        self.client.force_login(self.editor_nl)
        for name, data in self.damaged().items():
            with self.subTest(name=name):
                response = self.client.post(
                    "/admin/images/chooser/create/",
                    {
                        "image-chooser-upload-title": "Foto",
                        "image-chooser-upload-file": SimpleUploadedFile(name, data),
                        "image-chooser-upload-collection": Collection.get_first_root_node().pk,
                    },
                    headers={"x-requested-with": "XMLHttpRequest"},
                )
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.json()["step"], "reshow_creation_form")


class EditorsHugeImageTests(RolesTestCase):
    """F8: an editor uploads a small PNG that unpacks to 20000 × 20000 pixels in Images → Add.
    It is refused, but in words a member's photo form has long replaced: "Deze afbeelding bevat
    teveel pixels (onbekend getal). Het maximum aantal toegestane pixels is 40000000." ("unknown
    number", though the file's header says 400,000,000; the limit without grouping; "teveel"),
    in German "Dieses Bild hat zu viele Pixel (unbekannte Anzahl). Das Maximum ist 40000000."
    The member reads "Deze foto heeft te veel pixels (400.000.000). Een foto mag hoogstens
    24.000.000 pixels hebben." for the same file."""

    def test_the_pixels_are_counted_and_grouped_as_the_reader_writes_them(self):
        buffer = io.BytesIO()
        Image.new("1", (20000, 20000)).save(buffer, format="PNG")
        response = upload(self, buffer.getvalue(), "luchtfoto.png")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "onbekend getal")
        self.assertContains(response, "400.000.000")
        self.assertContains(response, "40.000.000")


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


def jpeg_with_thumbnail_of_scans(scans):
    """An ordinary progressive JPEG whose metadata (an APP1 segment, where a camera puts its
    EXIF thumbnail) holds a JPEG of `scans` scans: not a scan of the picture."""
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "green").save(buffer, "JPEG", progressive=True)
    photo = buffer.getvalue()
    payload = b"Exif\x00\x00" + jpeg_with_scans(scans, side=1024)
    segment = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return photo[:2] + segment + photo[2:]


def post_profile_photo(client, member, content):
    """`member` sends her profile form in German with `content` as her photo ("ich.jpg")."""
    client.force_login(member)
    return client.post(
        "/de/members/profile/",
        {
            "display_name": member.display_name,
            "town": "",
            "language": "de",
            "avatar": SimpleUploadedFile("ich.jpg", content),
        },
    )


class ScanBombRefusalTests(MembersTestCase):
    """F9 (the most serious): a member sends as her story's photo a JPEG of 480 KB with 10,000
    small scans (`jpeg_with_scans`). It passes every check (23 megapixels, under 10 MB, a JPEG)
    and the server decodes it for 18.6 s before answering 302 (measured against gunicorn).
    Decoding time grows with the scans: 10 MB hold 250,000 of them, about 8 minutes of a
    worker per photo, and a story takes 10 photos; the profile's photo is read the same way.
    gunicorn kills a worker after 30 s by default, so a few such posts at once stop the site
    for everyone. A progressive JPEG of a camera or an editor has about 10 scans: one with
    many more should be refused before it is decoded.

    The photo is refused before it is decoded, in her language, and the form keeps what she
    wrote; her profile's photo the same. (How long a refusal takes is the bench's to measure,
    not a test's.)"""

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
        response = post_profile_photo(self.client, self.anna, jpeg_with_scans(2000))
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


class EditorsScanBombTests(RolesTestCase):
    """F9 in the admin: Images → Add refuses the same file before it is decoded (the listing
    it led to decoded it for its thumbnail), in the editor's language."""

    def test_images_add_refuses_a_jpeg_of_thousands_of_scans(self):
        response = upload(self, jpeg_with_scans(2000), "luchtfoto.jpg")
        self.assertEqual(response.status_code, 200)
        with translation.override("nl"):
            self.assertContains(response, str(too_many_scans_text()))
        self.assertFalse(get_image_model().objects.filter(title="Foto").exists())

    def test_bytes_a_decoder_skips_do_not_hide_the_scans(self):
        """A decoder reads past bytes between its segments ("extraneous bytes"): so does the
        count."""
        data = jpeg_with_scans(2000)
        # Before the table of the scans added to the photo.
        at = jpeg_with_scans(0).rindex(b"\xff\xc4")
        response = upload(self, data[:at] + b"\x00\x17" + data[at:], "luchtfoto.jpg")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(get_image_model().objects.filter(title="Foto").exists())

    def test_an_ordinary_progressive_photo_is_taken(self):
        response = upload(self, jpeg_with_thumbnail_of_scans(150), "foto.jpg")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(get_image_model().objects.filter(title="Foto").exists())


class EditorsDamagedImageWordsTests(RolesTestCase):
    """F2, what the editor reads: the file field says the file is no image or damaged, in the
    editor's language (not the English of a server error)."""

    def test_the_field_says_the_file_is_damaged(self):
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), "green").save(buffer, "JPEG")
        response = upload(self, buffer.getvalue()[:300], "kapot.jpg")
        self.assertEqual(response.status_code, 200)
        with translation.override("nl"):
            self.assertContains(response, str(damaged_image_text()))


class EditorsAvifKeptTests(RolesTestCase):
    """F1: the AVIF is stored as an AVIF (drawn again without its metadata), with its
    orientation."""

    def test_the_avif_stays_an_avif_with_its_orientation(self):
        exif = Image.Exif()
        exif[0x0112] = 6
        exif[0x8825] = GPS
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), "green").save(buffer, "AVIF", exif=exif.tobytes())
        response = upload(self, buffer.getvalue(), "staand.avif")
        self.assertEqual(response.status_code, 302)
        image = get_image_model().objects.get(title="Foto")
        with Image.open(image.file.path) as stored:
            self.assertEqual(stored.format, "AVIF")
            self.assertEqual(stored.getexif().get(0x0112), 6)
            self.assertEqual(dict(stored.getexif().get_ifd(0x8825)), {})
