"""The collections the site makes for members' photos ("Bijdragen van leden", and one for each
contribution inside it, named after its member) are cleaned up with what they hold, whatever
editors did with them meanwhile: moved her photos elsewhere, or renamed the collection that
holds them all."""

from wagtail.images import get_image_model
from wagtail.models import Collection

from community import privacy
from tests.test_contributions_photos import OwnPhotosTestCase
from tests.test_members import photo


class MembersCollectionsTestCase(OwnPhotosTestCase):
    def archive(self):
        """A collection of the editors' own."""
        return Collection.get_first_root_node().add_child(name="Archief")

    def move_her_photos(self, user, collection):
        """An editor moves every photo `user` uploaded into `collection`."""
        for image in self.member_images(user):
            image.collection = collection
            image.save()

    def delete_account(self, user, **options):
        with self.captureOnCommitCallbacks(execute=True):
            privacy.delete_account(user, **options)


class PhotosMovedOutOfHerCollectionTests(MembersCollectionsTestCase):
    def test_her_collection_an_editor_emptied_goes_with_her_account(self):
        self.draft_with_photos()
        hers = Collection.objects.get(name__startswith="Anna:")
        self.move_her_photos(self.anna, self.archive())
        self.delete_account(self.anna)
        self.assertFalse(Collection.objects.filter(pk=hers.pk).exists())
        self.assertFalse(Collection.objects.filter(name__startswith="Anna:").exists())

    def test_her_emptied_collection_kept_for_an_editors_album_no_longer_bears_her_name(self):
        self.draft_with_photos()
        hers = Collection.objects.get(name__startswith="Anna:")
        self.move_her_photos(self.anna, self.archive())
        album = hers.add_child(name="Fietstocht (redactie)")
        get_image_model().objects.create(
            title="Kerk", file=photo("kerk.jpg"), collection=album, uploaded_by_user=self.moderator
        )
        self.delete_account(self.anna)
        self.assertEqual(Collection.objects.get(pk=hers.pk).name, "Fietsen naar Clarholz")
        self.assertFalse(Collection.objects.filter(name__startswith="Anna:").exists())

    def test_another_members_collection_of_the_same_name_stays_hers(self):
        self.bernd.display_name = self.anna.public_name
        self.bernd.save()
        self.draft_with_photos(user=self.bernd, title="Wandelen in Clarholz")
        his = Collection.objects.get(name__endswith="Wandelen in Clarholz")
        self.draft_with_photos()
        self.move_her_photos(self.anna, self.archive())
        self.delete_account(self.anna)
        self.assertEqual(
            Collection.objects.get(pk=his.pk).name, f"{self.anna.public_name}: Wandelen in Clarholz"
        )


class RenamedMembersCollectionTests(MembersCollectionsTestCase):
    def rename_the_members_collection(self):
        members = Collection.objects.get(name="Bijdragen van leden")
        members.name = "Foto's van leden"
        members.save()
        return members

    def test_a_new_contribution_goes_into_the_renamed_collection(self):
        self.draft_with_photos(title="Eerste tocht")
        members = self.rename_the_members_collection()
        story = self.draft_with_photos(title="Tweede tocht")
        image = get_image_model().objects.get(pk=story.get_latest_revision_as_object().image_id)
        self.assertEqual(image.collection.get_parent().pk, members.pk)
        self.assertFalse(Collection.objects.filter(name="Bijdragen van leden").exists())

    def test_a_deleted_contribution_takes_its_collection_along_after_the_rename(self):
        story = self.draft_with_photos()
        hers = Collection.objects.get(name__startswith="Anna:")
        self.rename_the_members_collection()
        with self.captureOnCommitCallbacks(execute=True):
            story.delete()
        self.assertFalse(Collection.objects.filter(pk=hers.pk).exists())

    def test_a_deleted_account_leaves_no_collection_named_after_her_after_the_rename(self):
        self.draft_with_photos()
        members = self.rename_the_members_collection()
        self.delete_account(self.anna)
        self.assertFalse(members.get_descendants().exists())
