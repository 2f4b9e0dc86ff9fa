"""What one member's photos may take up on the server in a day (attack 42, F8): a draft holds
at most ten photos, but drafts are hers to make, thirty an hour, and one of ten noise PNGs
stored 91 MB. Counted over the last 24 hours, from what is stored of them; a draft she deletes
gives its photos' room back."""

import datetime
import io
import os

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone
from PIL import Image

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
        from community.uploads import kept_bytes

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
