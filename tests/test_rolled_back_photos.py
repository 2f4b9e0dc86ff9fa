"""A member's save that does not go through leaves nothing of her photos behind. Her photos are
stored as the contribution is saved, in one transaction: when it fails after they were stored
(the database gives up on a write, or anything else goes wrong), the rows go back and the files
must go too, or the media folder keeps photos nobody can find, see or delete (not even the
deletion of her account)."""

from django.db import OperationalError
from django.db.models.signals import pre_save
from wagtail.images import get_image_model
from wagtail.models import Revision

from exchanges.models import StoryPage
from tests.security.test_files import media_files
from tests.test_contributions_photos import OwnPhotosTestCase, sent_by_the_browser
from tests.test_members import photo


def database_gives_up(sender, instance, **kwargs):
    """The write of her revision fails, as a busy database's does ("database is locked")."""
    raise OperationalError("database is locked")


class RolledBackSaveTests(OwnPhotosTestCase):
    def failing_save(self, send):
        """`send()` with the database failing at the revision, after her photos were stored:
        the response (a server error)."""
        self.client.raise_request_exception = False
        pre_save.connect(database_gives_up, sender=Revision)
        try:
            with self.captureOnCommitCallbacks(execute=True):
                return send()
        finally:
            pre_save.disconnect(database_gives_up, sender=Revision)

    def test_a_new_story_that_fails_to_save_leaves_no_photo_files(self):
        before = media_files()
        images = get_image_model().objects.count()
        response = self.failing_save(
            lambda: self.post_story(
                self.anna,
                **{
                    "photos-0-image": photo("een.jpg"),
                    "photos-0-alt_text": "Fietsers bij de kerk",
                    "photos-1-image": photo("twee.jpg"),
                    "photos-1-alt_text": "Picknick aan de Ems",
                },
            )
        )
        self.assertEqual(response.status_code, 500)
        self.assertFalse(StoryPage.objects.filter(title="Fietsen naar Clarholz").exists())
        self.assertEqual(get_image_model().objects.count(), images)
        self.assertEqual(media_files() - before, set())

    def test_an_edit_that_fails_to_save_leaves_no_new_photo_files_and_keeps_the_old(self):
        story = self.draft_with_photos()
        self.client.force_login(self.anna)
        data = sent_by_the_browser(self.edit_form(story))
        before = media_files()
        response = self.failing_save(
            lambda: self.send(
                story,
                data,
                **{
                    "photos-0-image": photo("vier.jpg"),
                    "photos-0-alt_text": "Aankomst bij het raadhuis",
                },
            )
        )
        self.assertEqual(response.status_code, 500)
        self.assertEqual(len(self.photos_in_text(self.latest(story))), 2)
        self.assertEqual(media_files(), before)
