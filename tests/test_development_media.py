"""`make run` serves the media folder itself (DEBUG), as the proxy or the bucket does in
production: the photos a member's form keeps across an error, and their small pictures
(`media/pending/…`), are not among what it serves. They are personal and not published: only
`kept_photo` shows them, to the session of the member whose form keeps them."""

import importlib

from django.conf import settings
from django.test import Client, override_settings
from django.urls import clear_url_caches

import jumelage.urls
from community.uploads import kept_files, kept_folder
from tests.test_members import MembersTestCase, photo


def load_urls(debug):
    """The site's addresses as a process with `DEBUG = debug` loads them."""
    with override_settings(DEBUG=debug):
        importlib.reload(jumelage.urls)
    clear_url_caches()


class DevelopmentMediaTests(MembersTestCase):
    def setUp(self):
        super().setUp()
        load_urls(debug=True)
        self.addCleanup(load_urls, debug=False)

    def kept_for_anna(self):
        """Anna sends a story without a title and with a photo: the files her form keeps."""
        self.client.force_login(self.anna)
        self.client.post(
            "/nl/members/stories/new/",
            self.story_data(
                title="",
                submission="0b8f3c52-2f8e-4c43-9a3e-8d2f7b1e6a44",
                **{"photos-0-image": photo("vakantie.jpg"), "photos-0-alt_text": "Fietsers"},
            ),
        )
        files = kept_files(kept_folder(self.anna))
        self.assertEqual(len(files), 2)  # the photo and its small picture
        return files

    def test_the_photos_a_form_keeps_are_not_served_from_the_media_folder(self):
        for path in self.kept_for_anna():
            for address in (
                f"{settings.MEDIA_URL}{path}",
                f"{settings.MEDIA_URL}original_images/../{path}",
                f"{settings.MEDIA_URL}./{path}",
                f"{settings.MEDIA_URL}/{path}",
            ):
                with self.subTest(address=address):
                    self.assertNotServed(Client(), address)
                    # Not to her either: her form shows them through `kept_photo`.
                    self.assertNotServed(self.client, address)

    def assertNotServed(self, client, address):
        # Django's LocaleMiddleware tries the address under /nl/ first: not found there either.
        self.assertEqual(client.get(address, follow=True).status_code, 404)

    def test_the_rest_of_the_media_folder_is_served(self):
        self.post_story(
            self.anna, **{"photos-0-image": photo("een.jpg"), "photos-0-alt_text": "Fietsers"}
        )
        story = self.contribution().get_latest_revision_as_object()
        response = Client().get(story.image.file.url)
        self.assertEqual(response.status_code, 200)
