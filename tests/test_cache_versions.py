"""What a deletion throws away: a member removing what visitors never saw (a draft, a photo no
page shows) keeps every cached page; removing what they saw shows at once."""

import datetime

import wagtail_factories
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from wagtail.images import get_image_model

from community import contributions
from exchanges.models import StoryPage
from home.cache import IMAGES, KINDS, PAGES, versions
from tests.stories_base import StoriesMixin

User = get_user_model()


class DeletionTests(StoriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        cls.member = User.objects.create_user("anna@example.org", "een-lang-wachtwoord")

    def draft(self, **fields):
        page = StoryPage(
            title="Mijn concept", intro="Nog niet af.", date=datetime.date(2026, 3, 1), **fields
        )
        with self.captureOnCommitCallbacks(execute=True):
            contributions.create_contribution(page, self.member, self.dutch, submit=False)
        return page

    def test_a_member_deleting_their_draft_keeps_the_pages_version(self):
        page = self.draft()
        before = versions().get(PAGES)
        with self.captureOnCommitCallbacks(execute=True):
            contributions.remove_contribution(page)
        self.assertFalse(StoryPage.objects.filter(pk=page.pk).exists())
        self.assertEqual(versions().get(PAGES), before)

    def test_a_member_deleting_their_draft_with_a_photo_keeps_every_version(self):
        photo = wagtail_factories.ImageFactory(
            title="Foto van een concept", uploaded_by_user=self.member
        )
        page = self.draft(image=photo, image_alt="Een foto")
        before = versions()
        with self.captureOnCommitCallbacks(execute=True):
            contributions.remove_contribution(page)
        self.assertFalse(get_image_model().objects.filter(pk=photo.pk).exists())
        self.assertEqual(versions().get(IMAGES), before.get(IMAGES))
        self.assertEqual(versions().get(PAGES), before.get(PAGES))

    def test_deleting_a_published_story_gives_pages_a_new_version(self):
        story = self.story(title="Fietsen naar Clarholz", slug="fietsen")
        before = versions().get(PAGES)
        with self.captureOnCommitCallbacks(execute=True):
            story.delete()
        self.assertNotEqual(versions().get(PAGES), before)
        self.assertEqual(self.client.get("/nl/verhalen/fietsen/").status_code, 404)

    def test_deleting_a_photo_no_page_shows_keeps_the_images_version(self):
        photo = wagtail_factories.ImageFactory(title="Foto van een concept")
        before = versions().get(IMAGES)
        with self.captureOnCommitCallbacks(execute=True):
            photo.delete()
        self.assertEqual(versions().get(IMAGES), before)

    def test_deleting_an_image_a_story_shows_gives_images_a_new_version(self):
        photo = wagtail_factories.ImageFactory(title="Brug over de Aa")
        story = self.story(title="Over de brug", slug="brug", image=photo, image_alt="Een brug")
        story.save_revision().publish()
        before = versions().get(IMAGES)
        with self.captureOnCommitCallbacks(execute=True):
            photo.delete()
        self.assertNotEqual(versions().get(IMAGES), before)


class ReleaseTests(TestCase):
    def test_migrate_of_a_new_release_gives_every_kind_a_new_version(self):
        before = versions()
        call_command("migrate", verbosity=0)
        after = versions()
        for kind in KINDS:
            with self.subTest(kind=kind):
                self.assertIsNotNone(after.get(kind))
                self.assertNotEqual(after.get(kind), before.get(kind))
