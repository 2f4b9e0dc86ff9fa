"""Files that are not public are not public, and the files of a deleted member are gone.

The media folder is served as it is (by the proxy or the bucket), so a file's name is all that
protects the photo of a draft; and what a member uploaded is personal data that leaves with them.
The tests look at the media folder itself, before and after."""

import io
import re
import struct
import zlib
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection, WorkflowState

from exchanges.models import StoryPage
from tests.test_members import MembersTestCase, User, photo

PASSWORD = "een-lang-wachtwoord"  # noqa: S105 (the password MembersTestCase gives its members)
RANDOM_NAME = re.compile(r"^[A-Za-z0-9_-]{22}\.(jpg|png|webp)$")
# What the admin's listings and the public templates ask for.
RENDITIONS = ("max-165x165", "fill-400x300", "width-800")


def sixteen_bit_png(width, height, rows_a_block=100, frames=1):
    """A PNG of 16-bit RGBA zeros: a few hundred kilobytes that unpack to `width` x `height`
    pixels of 8 bytes. After a full flush zlib compresses the same rows to the same bytes, so
    two blocks are compressed and the second repeated; the checksum is of all the rows. With
    more than one of `frames`, an animated PNG (APNG) of as many frames, all the same."""
    block = bytes(1 + width * 8) * rows_a_block
    compressor = zlib.compressobj(9)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(height // rows_a_block):
        checksum = zlib.adler32(block, checksum)
    data = first + repeated * (height // rows_a_block - 1) + b"\x03\x00"  # empty last block
    data += struct.pack(">I", checksum)

    def chunk(kind, content):
        crc = struct.pack(">I", zlib.crc32(kind + content))
        return struct.pack(">I", len(content)) + kind + content + crc

    def frame_control(sequence):  # the whole image, shown for a tenth of a second
        control = struct.pack(">5I2H2B", sequence, width, height, 0, 0, 1, 10, 0, 0)
        return chunk(b"fcTL", control)

    header = struct.pack(">IIBBBBB", width, height, 16, 6, 0, 0, 0)  # 16 bits, RGBA
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    if frames > 1:
        png += chunk(b"acTL", struct.pack(">II", frames, 0)) + frame_control(0)
    png += chunk(b"IDAT", data)
    for frame in range(1, frames):
        png += frame_control(2 * frame - 1)
        png += chunk(b"fdAT", struct.pack(">I", 2 * frame) + data)
    return png + chunk(b"IEND", b"")


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def files_of(image):
    return {image.file.name} | {rendition.file.name for rendition in image.renditions.all()}


class MemberFilesTestCase(MembersTestCase):
    def setUp(self):
        self.before = media_files()

    def new_files(self):
        return media_files() - self.before

    def upload_avatar(self, user, name):
        self.client.force_login(user)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                "/nl/members/profile/",
                {"display_name": user.display_name, "language": "nl", "avatar": photo(name)},
            )
        self.assertEqual(response.status_code, 302)
        user.refresh_from_db()
        return user.avatar.name

    def story_with_photo(self, user, title, photo_name, **overrides):
        self.post_story(
            user,
            title=title,
            **{"photos-0-image": photo(photo_name), "photos-0-alt_text": f"Foto bij {title}"},
            **overrides,
        )
        return StoryPage.objects.get(title=title, locale=self.dutch)

    def decide(self, page, action, **kwargs):
        state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
        task = state.current_task_state.task.specific
        with self.captureOnCommitCallbacks(execute=True):
            task.on_action(state.current_task_state, self.moderator, action, **kwargs)
        return StoryPage.objects.get(pk=page.pk)

    def member_images(self, user):
        return list(get_image_model().objects.filter(uploaded_by_user=user))


class UnguessableNamesTests(MemberFilesTestCase):
    def test_photo_of_a_draft_is_stored_under_a_name_that_reveals_nothing(self):
        self.story_with_photo(self.anna, "Geheim plan", "anna-op-vakantie.jpg", submit="")
        self.story_with_photo(self.anna, "Tweede plan", "anna-op-vakantie.jpg", submit="")
        names = []
        for image in self.member_images(self.anna):
            image.get_rendition("fill-400x300")
            for name in files_of(image):
                with self.subTest(name=name):
                    self.assertNotIn("anna", name.lower())
                    self.assertNotIn("vakantie", name.lower())
            names.append(Path(image.file.name).name)
        self.assertEqual(len(names), 2)
        for name in names:
            self.assertRegex(name, RANDOM_NAME)
        self.assertNotEqual(names[0], names[1])

    def test_members_photo_of_themselves_is_stored_under_a_name_that_reveals_nothing(self):
        name = self.upload_avatar(self.anna, "anna-van-der-berg.jpg")
        self.assertTrue(name.startswith("avatars/"))
        self.assertRegex(Path(name).name, RANDOM_NAME)


class AvatarTests(MemberFilesTestCase):
    def test_replacing_and_removing_the_photo_deletes_the_old_files(self):
        for name in ("een.jpg", "twee.jpg", "drie.jpg"):
            current = self.upload_avatar(self.anna, name)
        self.anna.refresh_from_db()
        # The photo and the thumbnail of it that sector pages show, of the last upload only.
        self.assertEqual(self.new_files(), {current, self.anna.avatar_thumbnail.name})
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                "/nl/members/profile/",
                {"display_name": "Anna", "language": "nl", "remove_avatar": "on"},
            )
        self.anna.refresh_from_db()
        self.assertFalse(self.anna.avatar)
        self.assertEqual(self.new_files(), set())


class DeletedAccountTests(MemberFilesTestCase):
    def sign_up_and_contribute(self):
        """A member with three photos of themselves and a contribution in every state, each
        with a photo and its renditions; the draft got a second photo in a later edit."""
        carla = User.objects.create_user(
            "carla@example.org", PASSWORD, display_name="Carla", language="nl"
        )
        for name in ("carla-1.jpg", "carla-2.jpg", "carla-3.jpg"):
            self.upload_avatar(carla, name)
        draft = self.story_with_photo(carla, "Concept", "concept.jpg", submit="", draft="1")
        data = self.story_data(
            title="Concept",
            submit="",
            **{"photos-0-image": photo("later.jpg"), "photos-0-alt_text": "Later toegevoegd"},
        )
        self.edit(draft, data)
        self.story_with_photo(carla, "Ingediend", "ingediend.jpg")
        rejected = self.story_with_photo(carla, "Afgewezen", "afgewezen.jpg")
        self.decide(rejected, "decline", comment="Reclame.")
        published = self.decide(
            self.story_with_photo(carla, "Gepubliceerd", "gepub.jpg"), "approve"
        )
        self.assertEqual(self.client.get(published.url).status_code, 200)
        images = self.member_images(carla)
        self.assertEqual(len(images), 5)
        for image in images:
            for spec in RENDITIONS:
                image.get_rendition(spec)
        published_files = set()
        for image in get_image_model().objects.filter(pk__in=[published.image_id]):
            published_files |= files_of(image)
        folders = [name.split("/")[0] for name in self.new_files()]
        self.assertEqual((folders.count("avatars"), folders.count("original_images")), (1, 5))
        self.assertGreaterEqual(folders.count("images"), 5 * len(RENDITIONS))
        return carla, published, published_files

    def delete_account(self, user, **options):
        self.client.force_login(user)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                "/nl/members/delete/", {"confirm": "yes", "password": PASSWORD, **options}
            )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(User.objects.filter(pk=user.pk).exists())

    def test_only_the_files_of_contributions_that_stay_published_remain(self):
        carla, published, published_files = self.sign_up_and_contribute()
        self.delete_account(carla)
        self.assertEqual(self.new_files(), published_files)
        story = StoryPage.objects.get(pk=published.pk)
        self.assertEqual(self.client.get(story.url).status_code, 200)
        self.assertFalse(Collection.objects.filter(name__contains="Carla").exists())

    def test_removing_the_contributions_too_leaves_no_file_at_all(self):
        carla, _, _ = self.sign_up_and_contribute()
        self.delete_account(carla, remove_contributions="yes")
        self.assertEqual(self.new_files(), set())
        self.assertFalse(Collection.objects.filter(name__contains="Carla").exists())


class PhotoSizeTests(MemberFilesTestCase):
    """A photo is decoded only if it is of a size a camera takes, and stored no larger than the
    site shows it: a small file that unpacks to a huge image must not tie up the server."""

    def post_avatar(self, upload):
        self.client.force_login(self.anna)
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                "/nl/members/profile/",
                {"display_name": "Anna", "language": "nl", "avatar": upload},
            )

    def stored_avatar(self):
        self.anna.refresh_from_db()
        with self.anna.avatar.open() as file, Image.open(file) as image:
            return image.format, image.mode, image.size

    def test_a_small_file_that_unpacks_to_too_many_pixels_is_refused(self):
        data = sixteen_bit_png(6000, 6000)
        self.assertLess(len(data), 400_000)
        with Image.open(io.BytesIO(data)) as image:  # an honest PNG, all of it there
            self.assertEqual((image.size, image.mode), ((6000, 6000), "RGBA"))
        response = self.post_avatar(SimpleUploadedFile("nul.png", data, "image/png"))
        self.assertEqual(response.status_code, 200)
        # In the reader's words, the pixels counted as they write numbers.
        self.assertContains(
            response,
            "Deze foto heeft te veel pixels (36.000.000). Een foto mag hoogstens 24.000.000 "
            "pixels hebben.",
        )
        self.anna.refresh_from_db()
        self.assertFalse(self.anna.avatar)
        self.assertEqual(self.new_files(), set())

    def test_an_animated_png_of_too_many_pixels_is_refused_as_a_still_one_is(self):
        """It was called damaged. The larger one has more pixels than Pillow opens at all."""
        for (width, height), pixels in (
            ((6000, 5000), "30.000.000"),
            ((13500, 13500), "182.250.000"),
        ):
            data = sixteen_bit_png(width, height, frames=2)
            with self.subTest(pixels=pixels):
                response = self.post_avatar(SimpleUploadedFile("bewegend.png", data, "image/png"))
                self.assertEqual(response.status_code, 200)
                self.assertContains(
                    response,
                    f"Deze foto heeft te veel pixels ({pixels}). Een foto mag hoogstens "
                    "24.000.000 pixels hebben.",
                )
                self.assertNotContains(response, "beschadigd")
                self.anna.refresh_from_db()
                self.assertFalse(self.anna.avatar)
                self.assertEqual(self.new_files(), set())

    def test_a_large_16_bit_photo_is_stored_at_the_size_the_site_shows_in_8_bits(self):
        data = sixteen_bit_png(4000, 2000)
        response = self.post_avatar(SimpleUploadedFile("groot.png", data, "image/png"))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.stored_avatar(), ("PNG", "RGBA", (2560, 1280)))

    def test_a_large_camera_photo_is_stored_at_the_size_the_site_shows(self):
        buffer = io.BytesIO()
        Image.new("RGB", (5000, 3750), (30, 120, 160)).save(buffer, format="JPEG")
        upload = SimpleUploadedFile("camera.jpg", buffer.getvalue(), "image/jpeg")
        self.assertEqual(self.post_avatar(upload).status_code, 302)
        self.assertEqual(self.stored_avatar(), ("JPEG", "RGB", (2560, 1920)))

    def test_an_animated_png_is_taken_as_the_still_of_its_first_frame(self):
        frames = [Image.new("RGB", (64, 48), colour) for colour in ("red", "green", "blue")]
        buffer = io.BytesIO()
        frames[0].save(buffer, format="PNG", save_all=True, append_images=frames[1:])
        with Image.open(io.BytesIO(buffer.getvalue())) as image:
            self.assertEqual(image.n_frames, 3)
        upload = SimpleUploadedFile("bewegend.png", buffer.getvalue(), "image/png")
        self.assertEqual(self.post_avatar(upload).status_code, 302)
        self.assertEqual(self.stored_avatar(), ("PNG", "RGB", (64, 48)))
        with self.anna.avatar.open() as file, Image.open(file) as image:
            self.assertEqual((image.n_frames, image.getpixel((0, 0))), (1, (255, 0, 0)))
