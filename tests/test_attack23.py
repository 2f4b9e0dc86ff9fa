"""Attack 23: dateless story drafts, review emails, members' edit forms, media."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client, TestCase
from wagtail.images import get_image_model
from wagtail.models import Collection, WorkflowState

from community import privacy
from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from exchanges import visits
from exchanges.models import StoryPage
from tests import test_development_media as dev_media
from tests import test_review_notifications as review
from tests import test_stories as stories
from tests.test_contributions_photos import OwnPhotosTestCase
from tests.test_members import photo
from tests.test_stories import StoryTestCase, needed
from tests.visits_base import VisitEmailsMixin


class BulkPublishingWithDescendantsTests(StoryTestCase):
    """Wagtail's bulk publish offers "publish the draft pages below too": the stories' overview
    published that way published each draft story below it past the check of what publishing
    needs (`publish_only_what_publishing_needs` checks only the chosen pages). A story draft
    without its date made its own clean refuse the publication: a server error (500)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        cls.editor = get_user_model().objects.create_user("redactie@example.org", "x")
        cls.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))

    post = stories.EditorsStoryDraftTests.post

    def publish_the_overview_with_its_drafts(self):
        self.client.raise_request_exception = False
        return self.client.post(
            f"/admin/bulk/wagtailcore/page/publish/?id={self.story_index.pk}",
            {"include_descendants": "on"},
            follow=True,
        )

    def test_publishing_the_overview_with_its_drafts_leaves_a_dateless_draft_unpublished(self):
        self.assertEqual(self.post("concept", [self.steenwijkerland], date="").status_code, 302)
        draft = StoryPage.objects.get(slug="concept", locale=self.story_index.locale)
        response = self.publish_the_overview_with_its_drafts()
        self.assertEqual(response.status_code, 200)
        self.assertFalse(StoryPage.objects.get(pk=draft.pk).live)
        self.assertContains(response, needed("nl"))

    def test_publishing_the_overview_with_its_drafts_leaves_a_draft_without_towns_unpublished(
        self,
    ):
        self.assertEqual(self.post("concept").status_code, 302)
        draft = StoryPage.objects.get(slug="concept", locale=self.story_index.locale)
        response = self.publish_the_overview_with_its_drafts()
        self.assertFalse(StoryPage.objects.get(pk=draft.pk).live)
        self.assertContains(response, "Kies ten minste één betrokken gemeente.")


class HerCollectionAfterSheChangedHerNameTests(OwnPhotosTestCase):
    """Her collection is named after her as she was called when she sent her photos ("Anna:
    Fietstocht"). She changed her public name since; an editor keeps an album inside it, so it
    stays when her account goes. It was known by reference (MemberCollection) but its name was
    stripped only of her name of now: the kept collection still named her."""

    def test_her_kept_collection_no_longer_bears_the_name_she_had(self):
        self.draft_with_photos()
        hers = Collection.objects.get(name__startswith="Anna:")
        album = hers.add_child(name="Fietstocht (redactie)")
        get_image_model().objects.create(
            title="Kerk", file=photo("kerk.jpg"), collection=album, uploaded_by_user=self.moderator
        )
        self.anna.display_name = "A. Jansen"
        self.anna.save()
        with self.captureOnCommitCallbacks(execute=True):
            privacy.delete_account(self.anna, remove_contributions=True)
        self.assertTrue(Collection.objects.filter(pk=hers.pk).exists())
        self.assertFalse(Collection.objects.filter(name__startswith="Anna:").exists())


class MemberBlockedBeforeTests(VisitEmailsMixin, TestCase):
    """A member blocked before blocking gave up visits (attack 22, F3; no data migration), or
    made inactive past the model's save, still waits for a visit: the seats freed by another's
    cancellation went to her, before the active member waiting after her (a meeting's waiting
    list skips an inactive member: Registration's `waiting().filter(user__is_active=True)`)."""

    @classmethod
    def setUpTestData(cls):
        cls.build_visit(seats=4)

    def test_the_seats_freed_go_to_the_active_member_waiting(self):
        self.sign_up("Anke", adults=2)
        bert = self.sign_up("Bert", adults=2)
        carla = self.sign_up("Carla", adults=2)
        dora = self.sign_up("Dora", adults=2)
        self.assertEqual(carla.status, "waitlisted")
        type(carla.user).objects.filter(pk=carla.user.pk).update(is_active=False)
        with self.captureOnCommitCallbacks(execute=True):
            visits.cancel_party(bert)
        carla.refresh_from_db()
        dora.refresh_from_db()
        self.assertEqual(dora.status, "registered")
        self.assertNotEqual(carla.status, "registered")


class ReviewNoticeOfARenamedStoryTests(review.ReviewNotificationTestCase):
    """Sent back for changes, Anna gives her story another title and sends it again: the
    reviewers' notice named the title it had when first sent (the page's row, which a draft's
    revision does not change), not the one they are asked to review."""

    def test_the_notice_names_the_title_sent_again(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.post_story(self.anna, title="Fietsen naar Herzebrock")
        story = self.contribution("Fietsen naar Herzebrock")
        state = WorkflowState.objects.get(object_id=str(story.pk))
        with self.captureOnCommitCallbacks(execute=True):
            state.current_task_state.reject(user=self.redactie, comment="Een betere titel graag.")
        mail.outbox.clear()
        self.client.force_login(self.anna)
        with self.captureOnCommitCallbacks(execute=True):
            self.edit(story, self.story_data(title="Met de fiets naar Clarholz"))
        [email] = self.emails_to(self.redactie)
        self.assertIn("Met de fiets naar Clarholz", email.subject)
        self.assertIn("Met de fiets naar Clarholz", email.body)


class DatelessDraftInTheAdminTests(StoryTestCase):
    """A live story whose latest draft lacks its date: the admin's history, comparisons and
    previews of its revisions open."""

    def test_history_compare_and_previews_open(self):
        import datetime

        story = self.story(title="Zomerkamp", slug="zomerkamp", date=datetime.date(2024, 7, 1))
        first = story.save_revision()
        draft = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
        draft.date = None
        draft.needs_asked_by_form = True  # as the admin's form saves a draft
        second = draft.save_revision()
        self.client.force_login(get_user_model().objects.create_superuser("root@example.org", "x"))
        for address in (
            f"/admin/pages/{story.pk}/history/",
            f"/admin/pages/{story.pk}/revisions/compare/{first.pk}...{second.pk}/",
            f"/admin/pages/{story.pk}/revisions/compare/live...{second.pk}/",
            f"/admin/pages/{story.pk}/revisions/compare/{second.pk}...{first.pk}/",
            f"/admin/pages/{story.pk}/revisions/{second.pk}/view/",
            f"/admin/pages/{story.pk}/view_draft/",
            f"/admin/pages/{story.pk}/edit/",
            f"/admin/pages/{story.pk}/copy/",
            f"/admin/pages/{self.story_index.pk}/",
            "/admin/pages/search/?q=Zomerkamp",
            f"/admin/pages/{story.pk}/revisions/{second.pk}/revert/",
        ):
            with self.subTest(address=address):
                self.assertEqual(self.client.get(address).status_code, 200)


class ModeratorWhoContributesTests(review.ReviewNotificationTestCase):
    """A moderator also writes stories in the members' form. Sending one turned off her
    admin notices (`quiet_admin_notifications`, meant for members who never use the admin),
    among them that of submissions, which the reviewers' notice of members' contributions now
    follows: from then on she heard of no member's contribution to review."""

    def test_a_moderator_who_sent_a_story_still_hears_of_the_next_members_contribution(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.post_story(self.pure_moderator, title="Verslag van de moderatie")
        self.assertTrue(self.contribution("Verslag van de moderatie").current_workflow_state)
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.post_story(self.anna, title="Fietsen naar Herzebrock")
        self.assertEqual(len(self.emails_to(self.pure_moderator)), 1)


class KeptPhotosInAnotherCaseTests(dev_media.DevelopmentMediaTests):
    """On a case-insensitive filesystem (macOS's and Windows' default, where `make run` often
    runs) /media/Pending/… is the kept photos' folder: media_file compared the name as typed.
    Here (Linux) the same folder is made under that name to show what such a filesystem
    serves."""

    def test_the_kept_folder_in_another_case_is_not_served(self):
        for folder in ("Pending", "PENDING", "pEnDiNg"):
            path = default_storage.save(f"{folder}/0a1b2c/vakantie.jpg", ContentFile(b"x"))
            self.addCleanup(default_storage.delete, path)
            with self.subTest(folder=folder):
                self.assertNotServed(Client(), f"{settings.MEDIA_URL}{path}")

    test_the_photos_a_form_keeps_are_not_served_from_the_media_folder = None
    test_the_rest_of_the_media_folder_is_served = None
