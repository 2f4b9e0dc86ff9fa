"""Attack 33 (2026-12-07), its findings on documents and the open data API's numbers (F3, F6
and F7 of the attack's tests/test_attack33.py), each a test that failed until it was fixed."""

import datetime
import urllib.error
from pathlib import Path

import time_machine
from django.conf import settings
from django.core.files.base import ContentFile
from django.http import Http404
from django.test import Client, RequestFactory, TestCase, override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from jumelage.views import media_file
from tests.test_api import OpenDataTestCase
from tests.test_media_storage import BUCKET, S3ServerMixin, fetch_anonymously, s3_storages
from tests.test_roles import RolesTestCase


def document_behind_password(title, file_name):
    """A document in the collection "Bestuur intern", which asks the password "geheim"."""
    collection = Collection.get_first_root_node().add_child(name="Bestuur intern")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password="geheim"
    )
    return get_document_model().objects.create(
        title=title,
        collection=collection,
        file=ContentFile(b"%PDF-1.4 geheime notulen", name=file_name),
    )


class ApiHugeNumberTests(OpenDataTestCase):
    """F3: the open data API with a limit or offset of 5000 digits
    (GET /api/v2/pages/?limit=999…9, the same for images/ and documents/, and offset=) answers
    500: `whole_number` (jumelage/api.py) turns the text into an int before it compares it, and
    Python refuses integers of more than 4300 digits (ValueError). Seen with `make run`
    (runserver); gunicorn's default request line of 4094 bytes answers 414 before, so in a
    deployment as the README's it takes a server or proxy allowing longer lines. Expected:
    "limit= ist eine ganze Zahl von 0 bis 100." as for limit=1000."""

    def setUp(self):
        super().setUp()
        self.client.raise_request_exception = False

    def test_a_limit_or_offset_of_thousands_of_digits_is_refused_in_the_clients_language(self):
        digits = "9" * 5000
        for path, words in (
            (f"/api/v2/pages/?limit={digits}", "limit= ist eine ganze Zahl von 0 bis 100."),
            (f"/api/v2/images/?limit={digits}", "limit= ist eine ganze Zahl von 0 bis 100."),
            (f"/api/v2/documents/?offset={digits}", "offset= ist eine ganze Zahl von 0 bis"),
        ):
            with self.subTest(path=path[:30]):
                response = self.get(path)
                self.assertEqual(response.status_code, 400)
                self.assertIn(words, response.json()["message"])

    def test_thousands_of_leading_zeros_are_no_error_either(self):
        response = self.get(f"/api/v2/pages/?limit={'0' * 5000}5")
        self.assertEqual(response.status_code, 400)


class ProtectedDocumentTests(RolesTestCase):
    """An editor puts the board's minutes in a collection with a password (Admin → Collections
    → "Bestuur intern" → Privacy: password): /documents/<id>/notulen-bestuur-2026.pdf asks for
    the password."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.document = document_behind_password("Notulen bestuur", "notulen-bestuur-2026.pdf")

    def test_the_file_is_not_served_from_the_media_folder_without_the_password(self):
        """F6: the same file is served to anyone, without the password, at
        /media/documents/notulen-bestuur-2026.pdf (the name the editor's file had): the media
        folder is served as it is (`make run`'s `media_file`, "as the proxy or the bucket serves
        it in production"). The same for an image in such a collection
        (/media/original_images/<its file name>)."""
        self.assertEqual(self.document.file.name, "documents/notulen-bestuur-2026.pdf")
        request = RequestFactory().get("/media/documents/notulen-bestuur-2026.pdf")
        try:
            response = media_file(
                request, "documents/notulen-bestuur-2026.pdf", document_root=settings.MEDIA_ROOT
            )
        except Http404:
            return
        self.assertNotIn(b"geheime notulen", b"".join(response.streaming_content))

    def test_the_password_page_speaks_as_the_site_does(self):
        """F7: the page asking for the password is Wagtail's bare one: no header, no footer,
        no stylesheet of the site, and in Dutch it says "Je hebt een wachtwoord nodig om dit
        document te bekijken." where the site says "u" everywhere (a page's password page,
        templates/password_required.html, is the site's own)."""
        response = self.client.get(self.document.url, headers={"accept-language": "nl"})
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Je hebt een wachtwoord nodig")
        self.assertContains(response, "/static/css/site.css")

    def test_the_password_page_is_the_sites_in_the_readers_language(self):
        restriction = CollectionViewRestriction.objects.get()
        for language, heading, wrong in (
            ("nl", "Wachtwoord nodig", "Het wachtwoord is niet juist"),
            ("de", "Passwort erforderlich", "Das Passwort ist nicht richtig"),
        ):
            with self.subTest(language=language):
                visitor = Client(headers={"accept-language": language})
                response = visitor.get(self.document.url)
                self.assertContains(response, f'<html lang="{language}">')
                self.assertContains(response, f"<h1>{heading}</h1>", html=True)
                self.assertContains(response, 'class="site-header"')
                self.assertContains(response, 'class="site-footer"')
                self.assertContains(response, '<meta name="robots" content="noindex">')
                self.assertNotContains(response, "Notulen bestuur")
                response = visitor.post(
                    f"/documents/authenticate_with_password/{restriction.pk}/",
                    {"password": "raden", "return_url": self.document.url},
                )
                self.assertContains(response, 'class="site-header"')
                self.assertContains(response, wrong)

    def test_nor_by_another_spelling_of_its_folder(self):
        for path in (
            "Documents/notulen-bestuur-2026.pdf",
            "images/../documents/notulen-bestuur-2026.pdf",
            "./documents/notulen-bestuur-2026.pdf",
        ):
            with self.subTest(path=path), self.assertRaises(Http404):
                media_file(RequestFactory().get(f"/media/{path}"), path, settings.MEDIA_ROOT)

    def test_the_password_opens_it_and_a_public_document_opens_without(self):
        visitor = Client()
        self.assertNotContains(visitor.get(self.document.url), "geheime notulen")
        public = get_document_model().objects.create(
            title="Jaarverslag",
            file=ContentFile(b"%PDF-1.4 openbaar jaarverslag", name="jaarverslag-2025.pdf"),
        )
        response = visitor.get(public.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), b"%PDF-1.4 openbaar jaarverslag")
        restriction = CollectionViewRestriction.objects.get()
        visitor.post(
            f"/documents/authenticate_with_password/{restriction.pk}/",
            {"password": "geheim", "return_url": self.document.url},
        )
        response = visitor.get(self.document.url)
        self.assertEqual(b"".join(response.streaming_content), b"%PDF-1.4 geheime notulen")

    def test_the_readmes_proxy_does_not_serve_the_documents_folder(self):
        """With local files the README's nginx serves the media folder by an alias: it must
        answer 404 under /media/documents/, as it does under /media/pending/."""
        readme = (Path(settings.BASE_DIR) / "README.md").read_text()
        block = "location /media/documents/ {\n           return 404;\n       }"
        self.assertTrue(block in readme, "no /media/documents/ 404 in the README's nginx")


# The tries count in ten-minute windows: the clock stands still inside one, or a test crossing a
# window's edge would get fresh tries.
@time_machine.travel(datetime.datetime(2026, 12, 7, 10, 3, tzinfo=datetime.UTC), tick=False)
class DocumentPasswordTriesTests(TestCase):
    """A document's password could be guessed without end: Wagtail's check at
    /documents/authenticate_with_password/<id>/ counted no try, where a page's is held to 10 in
    ten minutes (found beside F7)."""

    @classmethod
    def setUpTestData(cls):
        cls.document = document_behind_password("Begroting bestuur", "begroting-2027.pdf")

    def test_guessing_a_documents_password_is_held_to_a_few_tries(self):
        visitor = Client(headers={"accept-language": "nl"})
        action = visitor.get(self.document.url).context["action_url"]
        answers = [
            visitor.post(action, {"password": f"gok-{n}", "return_url": self.document.url})
            for n in range(11)
        ]
        self.assertEqual([answer.status_code for answer in answers[:10]], [200] * 10)
        self.assertEqual(answers[10].status_code, 429)
        self.assertContains(answers[10], 'class="site-header"', status_code=429)
        # Even the right password waits now.
        response = visitor.post(action, {"password": "geheim", "return_url": self.document.url})
        self.assertEqual(response.status_code, 429)
        self.assertNotContains(visitor.get(self.document.url), "geheime notulen")


class ProtectedDocumentInBucketTests(S3ServerMixin, TestCase):
    """The same documents in the README's bucket: its policy lets nobody read them there, and
    the site serves them from it through Wagtail's serve view, to those who may read them."""

    def test_a_private_document_is_not_read_from_the_bucket_and_a_public_one_is_served(self):
        with override_settings(STORAGES=s3_storages(self.endpoint)):
            private = document_behind_password("Notulen bestuur", "notulen-bestuur-2026.pdf")
            public = get_document_model().objects.create(
                title="Jaarverslag",
                file=ContentFile(b"%PDF-1.4 openbaar jaarverslag", name="jaarverslag-2025.pdf"),
            )
            stored_at = private.file.url
            self.assertIn(f"/{BUCKET}/documents/", stored_at)
            with self.assertRaises(urllib.error.HTTPError) as refused:
                fetch_anonymously(stored_at)
            self.assertEqual(refused.exception.code, 403)
            self.assertNotContains(self.client.get(private.url), "geheime notulen")
            response = self.client.get(public.url)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(b"".join(response.streaming_content), b"%PDF-1.4 openbaar jaarverslag")
