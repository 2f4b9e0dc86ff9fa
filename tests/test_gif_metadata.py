"""An editor's GIF keeps its pictures, not a program's notes: its comments and other programs'
blocks (XMP) were stored and served as uploaded (home/image_metadata.py cleaned JPEG, PNG, WebP
and AVIF only)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageSequence
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.image_metadata import without_metadata
from tests.test_roles import RolesTestCase

SECRET = b"GPS 52.7868N 6.1170E, camera of Marieke"


def sub_blocks(data):
    return (
        b"".join(
            bytes((len(data[i : i + 255]),)) + data[i : i + 255] for i in range(0, len(data), 255)
        )
        + b"\x00"
    )


def animation():
    """Two frames that loop, with a comment and an XMP block of a program's."""
    frames = [Image.new("P", (40, 30), colour) for colour in (1, 2)]
    for frame in frames:
        frame.putpalette([0, 0, 0, 200, 30, 30, 30, 160, 60] + [0] * (256 * 3 - 9))
    out = io.BytesIO()
    frames[0].save(
        out,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        loop=0,
        duration=[200, 400],
        comment=SECRET,
    )
    data = out.getvalue()
    xmp = b"\x21\xff\x0bXMP DataXMP" + sub_blocks(b"<x:xmpmeta>" + SECRET + b"</x:xmpmeta>")
    first = data.index(b"\x21")  # the first extension, after the header and its palette
    return data[:first] + xmp + data[first:]


def frames_of(data):
    with Image.open(io.BytesIO(data)) as image:
        return [
            (frame.convert("RGB").tobytes(), frame.info.get("duration"))
            for frame in ImageSequence.Iterator(image)
        ], image.info.get("loop")


class GifMetadataTests(RolesTestCase):
    def upload(self, data):
        self.client.force_login(self.editor_nl)
        return self.client.post(
            "/admin/images/add/",
            {
                "title": "Fietstocht",
                "file": SimpleUploadedFile("fietstocht.gif", data),
                "collection": Collection.get_first_root_node().pk,
            },
        )

    def test_an_editors_gif_is_stored_without_its_comment_and_xmp_and_moves_as_before(self):
        data = animation()
        with Image.open(io.BytesIO(data)) as image:
            self.assertIn(SECRET, image.info["comment"])
        self.assertEqual(self.upload(data).status_code, 302)
        image = get_image_model().objects.get(title="Fietstocht")
        with image.file.open() as stored:
            kept = stored.read()
        self.assertNotIn(SECRET, kept)
        self.assertNotIn(b"XMP DataXMP", kept)
        self.assertEqual(image.file_size, len(kept))
        # Every frame as it was, with its time, and the loop.
        self.assertEqual(frames_of(kept), frames_of(data))
        self.assertIn(b"NETSCAPE2.0", kept)

    def test_a_gif_cut_short_is_drawn_again_without_its_comment(self):
        data = animation()
        cut = data[:-1]  # no trailer: its blocks cannot be followed to the end
        cleaned = without_metadata(cut)
        self.assertIsNotNone(cleaned)
        self.assertNotIn(SECRET, cleaned)
        self.assertEqual(frames_of(cleaned)[0], frames_of(data)[0])

    def test_a_gif_without_metadata_is_stored_as_it_is(self):
        out = io.BytesIO()
        Image.new("L", (8, 8), 128).save(out, "GIF")
        self.assertEqual(without_metadata(out.getvalue()), out.getvalue())
