"""Media in an S3-compatible bucket, as the README sets it up: a real S3 server on loopback (moto),
the bucket policy the README gives, and a browser's view of the result: every image a page shows
is allowed by the page's Content-Security-Policy and can be fetched without credentials, while
originals, documents and avatars stay private."""

import contextlib
import io
import json
import logging
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import boto3
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.test import TestCase, override_settings
from moto.server import ThreadedMotoServer
from PIL import Image
from wagtail.images import get_image_model

from exchanges.factories import StoryPageFactory
from tests import test_members
from tests.base import SettingsProbeMixin
from tests.stories_base import StoriesMixin

BUCKET = "jumelage-media"
KEYS = {"access_key": "jumelage-test", "secret_key": "jumelage-test-secret"}
REGION = "eu-central-1"


def readme_bucket_policy(bucket):
    """The policy of the README's Deploying section: anyone may read renditions, nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicRenditions",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/images/*",
            }
        ],
    }


def s3_storages(endpoint, **options):
    """STORAGES as jumelage/settings/base.py builds them from the AWS_* variables."""
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": REGION,
                "custom_domain": None,
                "default_acl": None,
                "querystring_auth": False,
                "file_overwrite": False,
                **KEYS,
                **options,
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def jpeg(colour=(40, 110, 150), size=(320, 200)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="JPEG")
    buffer.seek(0)
    return buffer


def policy_directives(header):
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def allowed_by_csp(header, url, page_origin):
    """Whether a browser on `page_origin` ("http://testserver") may load the image at `url` under
    the policy `header` (CSP level 3 source matching for the forms our policies use)."""
    directives = policy_directives(header)
    sources = directives.get("img-src", directives.get("default-src", []))
    target = urlsplit(url)
    if not target.netloc:
        return "'self'" in sources
    page = urlsplit(page_origin)
    for source in sources:
        if source == "'self'":
            if (target.scheme, target.netloc) == (page.scheme, page.netloc):
                return True
            continue
        if "://" not in source:
            continue
        allowed = urlsplit(source)
        if (allowed.scheme, allowed.netloc) != (target.scheme, target.netloc):
            continue
        path = allowed.path
        if not path or (path.endswith("/") and target.path.startswith(path)) or path == target.path:
            return True
    return False


def fetch_anonymously(url):
    """What a browser gets: a plain GET, no credentials, no signature."""
    with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - loopback test server
        return answer.status, answer.read()


class S3ServerMixin:
    """One moto S3 server on a free loopback port for the test class, with the README's bucket."""

    @classmethod
    def setUpClass(cls):
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # the S3 server's request log
        cls.s3_server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        cls.s3_server.start()
        host, port = cls.s3_server.get_host_and_port()
        cls.endpoint = f"http://{host}:{port}"
        cls.s3_port = port
        cls.s3 = boto3.client(
            "s3",
            endpoint_url=cls.endpoint,
            region_name=REGION,
            aws_access_key_id=KEYS["access_key"],
            aws_secret_access_key=KEYS["secret_key"],
        )
        # moto keeps its buckets per process, so a second test class finds this one made.
        with contextlib.suppress(cls.s3.exceptions.BucketAlreadyOwnedByYou):
            cls.s3.create_bucket(
                Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
            )
        cls.s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(readme_bucket_policy(BUCKET)))
        cls.addClassCleanup(cls.s3_server.stop)
        super().setUpClass()

    def images_on(self, response):
        page = BeautifulSoup(response.content, "html.parser")
        return [img["src"] for img in page.find_all("img") if img.get("src")]

    def assert_displayed(self, response, image):
        """The page shows the image: each of its addresses on the page is allowed by the page's
        CSP and answers the rendition's bytes to anyone."""
        policy = response["Content-Security-Policy"]
        renditions = {rendition.url: rendition for rendition in image.renditions.all()}
        shown = [src for src in self.images_on(response) if src in renditions]
        self.assertTrue(shown, f"no rendition of {image} on the page")
        for src in shown:
            self.assertTrue(
                allowed_by_csp(policy, src, "http://testserver"),
                f"the page's CSP blocks {src}: {policy}",
            )
            with renditions[src].file.open() as stored:
                self.assertEqual(fetch_anonymously(src), (200, stored.read()))


class WagtailImageInBucketTests(S3ServerMixin, StoriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_stories()

    def story_with_image(self):
        image = get_image_model().objects.create(
            title="Brug over de Aa", file=ImageFile(jpeg(), name="brug.jpg")
        )
        story = StoryPageFactory(
            parent=self.story_index, title="Over de brug", image=image, image_alt="Een brug"
        )
        story.save_revision().publish()
        return image, story

    def test_image_of_a_story_is_shown_from_the_bucket_under_the_pages_csp(self):
        with override_settings(STORAGES=s3_storages(self.endpoint)):
            image, story = self.story_with_image()
            response = self.client.get(story.url)
            self.assertEqual(response.status_code, 200)
            self.assertTrue(image.renditions.first().url.startswith(f"{self.endpoint}/{BUCKET}/"))
            self.assert_displayed(response, image)

    def test_media_domain_in_front_of_the_bucket_is_allowed_by_the_csp(self):
        # AWS_S3_CUSTOM_DOMAIN: a CDN or the proxy, here "localhost" passing on to the bucket.
        domain = f"localhost:{self.s3_port}/{BUCKET}"
        storages = s3_storages(self.endpoint, custom_domain=domain, url_protocol="http:")
        with override_settings(STORAGES=storages):
            image, story = self.story_with_image()
            response = self.client.get(story.url)
            self.assertTrue(image.renditions.first().url.startswith(f"http://{domain}/images/"))
            self.assert_displayed(response, image)
        self.assertIn(
            f"http://{domain}/", policy_directives(response["Content-Security-Policy"])["img-src"]
        )

    def test_originals_stay_private_in_the_bucket(self):
        with override_settings(STORAGES=s3_storages(self.endpoint)):
            image, _story = self.story_with_image()
            original = image.file.url
        self.assertIn(f"/{BUCKET}/original_images/", original)
        with self.assertRaises(urllib.error.HTTPError) as refused:
            fetch_anonymously(original)
        self.assertEqual(refused.exception.code, 403)

    def test_admin_shows_bucket_images_under_its_own_csp(self):
        admin = get_user_model().objects.create_superuser("beheer@example.org", "x")
        self.client.force_login(admin)
        with override_settings(STORAGES=s3_storages(self.endpoint)):
            image, _story = self.story_with_image()
            response = self.client.get(f"/admin/images/{image.pk}/")
            self.assertEqual(response.status_code, 200)
            self.assert_displayed(response, image)


class MemberPhotoInBucketTests(S3ServerMixin, test_members.MembersTestCase):
    def test_members_photo_is_shown_from_the_bucket_once_the_story_is_published(self):
        with override_settings(STORAGES=s3_storages(self.endpoint)):
            self.post_story(
                self.anna,
                **{"photos-0-image": test_members.photo(), "photos-0-alt_text": "Fietsers"},
            )
            story = self.approve(self.contribution())
            self.client.logout()
            response = self.client.get(story.url)
            self.assertEqual(response.status_code, 200)
            self.assert_displayed(response, story.image)


class MediaAddressTests(TestCase):
    def test_local_media_under_the_sites_address_adds_no_source(self):
        policy = self.client.get("/robots.txt")["Content-Security-Policy"]
        self.assertEqual(policy_directives(policy)["img-src"], ["'self'", "data:"])

    @override_settings(
        MEDIA_URL="https://media.jumelage.example/",
        STORAGES={
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"base_url": "https://media.jumelage.example/"},
            },
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    )
    def test_media_on_a_domain_of_its_own_is_allowed_by_the_csp(self):
        policy = self.client.get("/robots.txt")["Content-Security-Policy"]
        self.assertIn("https://media.jumelage.example/", policy_directives(policy)["img-src"])


class MediaSettingsFromTheEnvironmentTests(SettingsProbeMixin, TestCase):
    def test_aws_settings_give_unsigned_urls_on_the_endpoint_that_the_csp_allows(self):
        source = self.settings_value(
            "__import__('home.middleware').middleware.media_source("
            "__import__('django.core.files.storage').core.files.storage.storages['default'])",
            AWS_STORAGE_BUCKET_NAME=BUCKET,
            AWS_S3_ENDPOINT_URL="https://s3.example.net:9000",
            AWS_S3_REGION_NAME=REGION,
            AWS_ACCESS_KEY_ID="x",
            AWS_SECRET_ACCESS_KEY="y",
        )
        self.assertEqual(source, f"https://s3.example.net:9000/{BUCKET}/")
