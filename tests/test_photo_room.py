"""What one member's photos may take up on the server in a day (attack 42, F8): a draft holds
at most ten photos, but drafts are hers to make, thirty an hour, and one of ten noise PNGs
stored 91 MB. Counted over the last 24 hours, from what is stored of them; a draft she deletes
gives its photos' room back."""

import datetime
import io
import os

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.signals import post_save
from django.test import override_settings
from django.utils import timezone
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from community.contributions import collection_for, save_photos
from community.models.submissions import SubmissionToken
from community.uploads import kept_bytes
from exchanges.models import StoryPage
from tests.security.test_files import MemberFilesTestCase


def noise(name, side=1024):
    """A PNG of random pixels: nothing in it compresses, so it is stored at about 3 MB."""
    image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@override_settings(MEMBER_PHOTOS_MB_PER_DAY=5)
class DailyPhotoRoomTests(MemberFilesTestCase):
    def send(self, user, title, *photos, language="nl"):
        data = {"title": title, "submit": "", "draft": "1"}
        for index, name in enumerate(photos):
            data[f"photos-{index}-image"] = noise(name)
            data[f"photos-{index}-alt_text"] = f"Ruis {index}"
        self.client.force_login(user)
        return self.client.post(
            f"/{language}/members/stories/new/", self.story_data(**data), follow=True
        )

    def stored_bytes(self, user):
        return sum(image.file_size for image in self.member_images(user))

    def test_photos_past_the_days_room_are_refused_with_what_she_typed_kept(self):
        self.send(self.anna, "Eerste ruis", "een.png")
        self.assertEqual(len(self.member_images(self.anna)), 1)
        stored = self.stored_bytes(self.anna)
        self.assertGreater(stored, 2 * 1024 * 1024)

        response = self.send(self.anna, "Tweede ruis", "twee.png")

        self.assertContains(response, "Elk lid kan per dag hoogstens 5 MB aan foto")
        self.assertContains(response, "Tweede ruis")
        self.assertFalse(StoryPage.objects.filter(title="Tweede ruis").exists())
        self.assertEqual(len(self.member_images(self.anna)), 1)

    def test_the_message_is_in_german_on_the_german_form(self):
        self.send(self.bernd, "Erstes Rauschen", "eins.png", language="de")
        response = self.send(self.bernd, "Zweites Rauschen", "zwei.png", language="de")
        self.assertContains(response, "Jedes Mitglied kann am Tag höchstens 5 MB an Fotos")

    def test_several_photos_of_one_form_count_together(self):
        response = self.send(self.anna, "Veel ruis", "een.png", "twee.png")
        self.assertContains(response, "hoogstens 5 MB")
        self.assertEqual(self.member_images(self.anna), [])

    def test_photos_of_the_day_before_leave_room(self):
        self.send(self.anna, "Eerste ruis", "een.png")
        self.member_images(self.anna)[0].__class__.objects.filter(
            uploaded_by_user=self.anna
        ).update(created_at=timezone.now() - datetime.timedelta(hours=25))
        self.send(self.anna, "Tweede ruis", "twee.png")
        self.assertTrue(StoryPage.objects.filter(title="Tweede ruis").exists())
        self.assertEqual(len(self.member_images(self.anna)), 2)

    def test_another_members_photos_do_not_use_her_room(self):
        self.send(self.bernd, "Erstes Rauschen", "eins.png", language="de")
        self.send(self.anna, "Eerste ruis", "een.png")
        self.assertEqual(len(self.member_images(self.anna)), 1)

    def test_a_draft_she_deletes_gives_its_photos_room_back(self):
        self.send(self.anna, "Eerste ruis", "een.png")
        draft = StoryPage.objects.get(title="Eerste ruis", locale=self.dutch)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"/nl/members/contributions/{draft.pk}/delete/")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.member_images(self.anna), [])

        self.send(self.anna, "Tweede ruis", "twee.png")
        self.assertTrue(StoryPage.objects.filter(title="Tweede ruis").exists())

    def test_photos_kept_for_forms_sent_back_take_no_more_than_the_days_room(self):
        """The other door: every form sent back with an error kept its photos for the next try,
        three forms a session, and a new login is a new session."""
        self.client.force_login(self.anna)
        data = self.story_data(title="", submit="", draft="1")
        for index, name in enumerate(("een.png", "twee.png")):
            data[f"photos-{index}-image"] = noise(name)
            data[f"photos-{index}-alt_text"] = f"Ruis {index}"
        response = self.client.get("/nl/members/stories/new/")
        data["submission"] = response.context["submission"]
        response = self.client.post("/nl/members/stories/new/", data)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "„een.png” is bewaard")
        self.assertContains(response, "„twee.png” wordt niet bewaard")
        self.assertLessEqual(kept_bytes(self.anna), 5 * 1024 * 1024)
        self.assertGreater(kept_bytes(self.anna), 0)

    def test_photos_stored_by_another_form_meanwhile_count_when_hers_is_saved(self):
        """Two forms sent at the same moment each found the room of before them (review): the
        room is checked once more while hers is being saved, after the other's photos. The
        other form is played by a receiver that stores its photo as hers is claimed."""

        def other_form_stored_its_photo(sender, instance, created, **kwargs):
            post_save.disconnect(other_form_stored_its_photo, sender=SubmissionToken)
            collection = collection_for("Andere ruis", self.anna)
            save_photos([{"image": noise("ander.png"), "alt_text": "Ander"}], collection, self.anna)

        post_save.connect(other_form_stored_its_photo, sender=SubmissionToken, weak=False)
        self.addCleanup(post_save.disconnect, other_form_stored_its_photo, sender=SubmissionToken)
        self.client.force_login(self.anna)
        data = self.story_data(title="Tweede ruis", submit="", draft="1")
        data["photos-0-image"] = noise("twee.png")
        data["photos-0-alt_text"] = "Ruis"
        data["submission"] = self.client.get("/nl/members/stories/new/").context["submission"]

        response = self.client.post("/nl/members/stories/new/", data)

        self.assertContains(response, "Elk lid kan per dag hoogstens 5 MB aan foto")
        self.assertContains(response, "Tweede ruis")
        self.assertFalse(StoryPage.objects.filter(title="Tweede ruis").exists())

    def test_what_she_uploads_as_an_editor_in_the_admin_leaves_her_room_alone(self):
        """The room is that of her contributions' photos (review): an editor who is a member too
        is not refused a photo of her own story for the event photos she put in the library."""
        Image = get_image_model()
        library = Collection.get_first_root_node()
        Image.objects.create(
            title="Raadsavond",
            file=noise("raad.png"),
            collection=library,
            uploaded_by_user=self.anna,
        )
        self.send(self.anna, "Eerste ruis", "een.png")
        self.assertTrue(StoryPage.objects.filter(title="Eerste ruis").exists())
