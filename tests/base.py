"""A bilingual site to test against: a Dutch home page, its German translation, the default Site
pointing at the Dutch home (as load_demo and a real installation have it)."""

import contextlib
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import Translation

from home.factories import HomePageFactory, StandardPageFactory
from home.models import FoundationSettings


def publish_translation(page, locale):
    """Translates a page the way an editor's published translation ends up: a live copy."""
    translated = page.copy_for_translation(locale)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


class BilingualSiteMixin:
    @classmethod
    def build_site(cls):
        # Created by migrations, but flushed by transactional (browser) tests: the locales, the
        # root page and collection, and the permission wagtail-localize's migration adds.
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")
        Permission.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(Translation),
            codename="submit_translation",
            defaults={"name": "Can submit translations"},
        )
        cls.dutch, _ = Locale.objects.get_or_create(language_code="nl")
        cls.german, _ = Locale.objects.get_or_create(language_code="de")
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=cls.dutch)
        )
        for placeholder in root.get_children():
            placeholder.delete()
        cls.home = HomePageFactory(parent=root, slug="thuis", locale=cls.dutch)
        site, _ = Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": cls.home},
        )
        FoundationSettings.for_site(site)  # as load_demo does; else the first visit creates it
        cls.home_de = publish_translation(cls.home, cls.german)
        cls.home_de.title = "Gemeinsam über die Grenze"
        cls.home_de.save_revision().publish()

    @classmethod
    def add_page(cls, parent=None, **kwargs):
        return StandardPageFactory(parent=parent or cls.home, **kwargs)


class BilingualSiteTestCase(BilingualSiteMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_site()


class SettingsProbeMixin:
    """Reads a setting in a fresh process with the given environment, as a server would."""

    root = Path(__file__).resolve().parent.parent

    def settings_value(self, expression, **environment):
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "REDIS_URL", "DEEPL_API_KEY", "LIBRETRANSLATE_URL"}
        }
        env.update(environment, DJANGO_SETTINGS_MODULE="jumelage.settings.dev")
        code = (
            f"import django; django.setup(); from django.conf import settings; print({expression})"
        )
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", code], env=env, cwd=self.root, capture_output=True, text=True
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.strip()


@contextlib.contextmanager
def cache_reads():
    """The reads of the cache made inside, as a list of "get" and "get_many" (not counting the
    reads a get_many makes of a cache without one of its own): each a request to Redis."""
    reads, inside = [], []

    def counted(name, read):
        def call(*args, **kwargs):
            if not inside:
                reads.append(name)
            inside.append(name)
            try:
                return read(*args, **kwargs)
            finally:
                inside.pop()

        return call

    with (
        mock.patch.object(cache, "get", counted("get", cache.get)),
        mock.patch.object(cache, "get_many", counted("get_many", cache.get_many)),
    ):
        yield reads


def assert_help_blocks_show_their_icon(test, response, count):
    """The admin page of `response` shows `count` help blocks, each with Wagtail's icon before
    its text: a bare `help-block` left an empty gutter where Wagtail's own show one."""
    blocks = BeautifulSoup(response.content, "html.parser").select(".help-block")
    test.assertEqual(len(blocks), count)
    for block in blocks:
        with test.subTest(block=block.get_text(" ", strip=True)[:60]):
            test.assertTrue(block.select(":scope > svg.icon"))


def gave_password(client, password="een-lang-wachtwoord"):  # noqa: S107 (the tests' own)
    """The logged-in member of `client` confirms her password (allauth's reauthentication), as
    the address page asks before any change (ACCOUNT_REAUTHENTICATION_REQUIRED; a login does not
    count, a confirmation holds for five minutes): a session alone changes nothing."""
    response = client.post(reverse("account_reauthenticate"), {"password": password})
    assert response.status_code == 302, response.status_code
