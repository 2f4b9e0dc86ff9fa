"""Attack 34 (2026-12-07): an outsider's findings on what changed this session, each a test that
failed until it was fixed."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection, TaskState

from home.uploaded_images import jpeg_scans, too_many_scans_text
from tests.test_attack33_images import jpeg_with_scans, post_profile_photo
from tests.test_attack_18b import GPS, upload
from tests.test_members import MembersTestCase
from tests.test_roles import RolesTestCase
from tests.test_walk10 import SendingBackSaysWhatToChangeTests


def jpeg_with_run_of_fill_bytes(length):
    """A small JPEG whose data holds, before its end, `length` bytes 0xFF and a zero: fill bytes a
    decoder skips in one pass."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "green").save(buffer, "JPEG")
    data = buffer.getvalue()
    return data[:-2] + b"\xff" * length + b"\x00" + data[-2:]


class ScanCounterOfFillBytesTests(MembersTestCase):
    """F1 (serious): the scan counter's pattern (`\\xff+` and a marker byte) tried each byte of a
    run of 0xFF as a start and ran to the run's end from each: 20 KB of them took 3.5 s, 100 KB
    30 s, a 10 MB upload days, in the member's request. The counter looks at each byte once: a
    photo with 300 KB of them (13 minutes before) is answered, and the count is the same."""

    def test_a_photo_with_a_long_run_of_fill_bytes_is_answered(self):
        response = post_profile_photo(self.client, self.anna, jpeg_with_run_of_fill_bytes(300_000))
        self.assertIn(response.status_code, (200, 302))

    def test_fill_bytes_before_markers_hide_no_scan(self):
        data = jpeg_with_scans(150, side=1024)
        padded = data.replace(b"\xff\xda", b"\xff\xff\xff\xda")
        self.assertGreater(jpeg_scans(data), 100)
        self.assertEqual(jpeg_scans(padded), jpeg_scans(data))
        with translation.override("nl"):
            refusal = str(too_many_scans_text())
        self.client.force_login(self.anna)
        response = self.client.post(
            "/nl/members/profile/",
            {
                "display_name": "Anna",
                "town": "",
                "language": "nl",
                "avatar": SimpleUploadedFile("ik.jpg", padded),
            },
        )
        self.assertContains(response, refusal)


class InvisibleCommentTests(SendingBackSaysWhatToChangeTests):
    """F2 (low): "request changes" and "reject" ask for a comment, but one of invisible
    characters only (a zero-width space, a word joiner, a byte order mark, a soft hyphen: what a
    paste from a chat or a word processor carries) was taken: the member read an empty comment."""

    # Walk 10's own tests run in their module.
    test_an_empty_comment_does_not_send_the_contribution_back = None
    test_with_a_comment_it_is_sent_back = None
    test_an_approval_needs_no_comment = None
    test_the_page_editor_cannot_send_it_back_without_a_comment = None

    def test_a_comment_of_invisible_characters_does_not_send_it_back(self):
        for action in ("reject", "decline"):
            with self.subTest(action=action):
                _response, state = self.decide(action, "\u200b\u2060\ufeff\u00ad")
                self.assertEqual(state.status, TaskState.STATUS_IN_PROGRESS)


def avif_of_container_brand(kind=b"mif1"):
    """A phone's AVIF photo (position, camera) whose file type box names the container's brand
    `kind` first and "avif" among the compatible ones, as several encoders write it: an AVIF
    libavif (Pillow's own reader) reads as any other."""
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x8825] = GPS
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "green").save(buffer, "AVIF", exif=exif.tobytes())
    data = buffer.getvalue()
    return data[:8] + kind + data[12:]


class EditorsAvifOfContainerBrandTests(RolesTestCase):
    """F4 (medium: a server error for a valid photo; its metadata would be kept). An editor
    uploads, in Images → Add, an AVIF whose file type box starts with the brand "mif1" (the
    HEIF container's), "avif" following. pillow_heif's HEIF opener (registered by Willow)
    claims the file before Pillow's AVIF reader, cannot decode AV1 here and raises a
    RuntimeError, which the form does not catch: 500. Had it decoded it, the file would be
    stored as it came: `is_avif` (home/image_metadata.py) reads no brand "avif" past the first
    1,024 bytes of the box, and with a long list of brands the position stays. It should be
    taken without its position, or refused in the form, in the editor's language."""

    def test_images_add_answers_in_the_form_not_with_a_server_error(self):
        self.client.raise_request_exception = False
        response = upload(self, avif_of_container_brand(), "vakantie.avif")
        self.assertIn(response.status_code, (200, 302))
        image = get_image_model().objects.filter(title="Foto").first()
        if image is not None:
            with open(image.file.path, "rb") as stored:
                self.assertNotIn(b"Camera maker", stored.read())

    def test_adding_several_and_replacing_a_file_answer_without_a_server_error(self):
        self.client.raise_request_exception = False
        self.client.force_login(self.editor_nl)
        root = Collection.get_first_root_node()
        image = get_image_model().objects.create(
            title="Bestaand", file=SimpleUploadedFile("a.png", png()), collection=root
        )
        for kind in (b"mif1", b"msf1"):
            with self.subTest(kind=kind):
                response = self.client.post(
                    "/admin/images/multiple/add/",
                    {"files[]": SimpleUploadedFile("foto.avif", avif_of_container_brand(kind))},
                    headers={"x-requested-with": "XMLHttpRequest"},
                )
                self.assertNotEqual(response.status_code, 500)
                response = self.client.post(
                    f"/admin/images/{image.pk}/",
                    {
                        "title": "Bestaand",
                        "collection": root.pk,
                        "file": SimpleUploadedFile("foto.avif", avif_of_container_brand(kind)),
                    },
                )
                self.assertNotEqual(response.status_code, 500)


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "green").save(buffer, "PNG")
    return buffer.getvalue()
