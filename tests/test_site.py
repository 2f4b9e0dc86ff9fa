"""The bilingual foundation: language prefixes, switcher, hreflang, sitemap, health, errors."""

import os
import re
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from defusedxml import ElementTree
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from PIL import Image

from jumelage.settings import dev
from tests.base import BilingualSiteTestCase, SettingsProbeMixin, publish_translation

ROOT = Path(__file__).resolve().parent.parent
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class LanguagePrefixTests(BilingualSiteTestCase):
    def test_root_redirects_german_browser_to_german_site(self):
        response = self.client.get("/", headers={"accept-language": "de-DE,de;q=0.9"})
        self.assertRedirects(response, "/de/", fetch_redirect_response=False)

    def test_root_redirects_dutch_browser_to_dutch_site(self):
        response = self.client.get("/", headers={"accept-language": "nl-NL,nl;q=0.9,en;q=0.5"})
        self.assertRedirects(response, "/nl/", fetch_redirect_response=False)

    def test_root_redirects_other_languages_to_dutch_default(self):
        response = self.client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})
        self.assertRedirects(response, "/nl/", fetch_redirect_response=False)

    def test_each_language_home_is_served_in_its_language(self):
        for prefix, title in (("/nl/", self.home.title), ("/de/", "Gemeinsam über die Grenze")):
            with self.subTest(prefix=prefix):
                page = soup(self.client.get(prefix))
                self.assertEqual(page.html["lang"], prefix.strip("/"))
                self.assertEqual(page.h1.get_text(strip=True), title)


class AlternatesAndSwitcherTests(BilingualSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.about = cls.add_page(title="Over de jumelage", slug="over-de-jumelage")
        cls.about_de = publish_translation(cls.about, cls.german)
        cls.about_de.title = "Über die Partnerschaft"
        cls.about_de.slug = "ueber-die-partnerschaft"
        cls.about_de.save_revision().publish()

    def alternates(self, url):
        links = soup(self.client.get(url)).find_all("link", rel="alternate", hreflang=True)
        return {link["hreflang"]: link["href"] for link in links}

    def test_pages_announce_both_translations_and_x_default(self):
        expected = {
            "nl": "http://testserver/nl/over-de-jumelage/",
            "de": "http://testserver/de/ueber-die-partnerschaft/",
            "x-default": "http://testserver/nl/over-de-jumelage/",
        }
        self.assertEqual(self.alternates("/nl/over-de-jumelage/"), expected)
        self.assertEqual(self.alternates("/de/ueber-die-partnerschaft/"), expected)

    def test_language_switcher_leads_to_the_same_page_in_german(self):
        page = soup(self.client.get("/nl/over-de-jumelage/"))
        switcher = page.find("nav", class_="language-switcher")
        link = switcher.find("a", hreflang="de")
        self.assertEqual(link["href"], "/de/ueber-die-partnerschaft/")
        self.assertEqual(self.client.get(link["href"]).status_code, 200)

    def test_language_switcher_leads_back_to_dutch(self):
        page = soup(self.client.get("/de/ueber-die-partnerschaft/"))
        link = page.find("nav", class_="language-switcher").find("a", hreflang="nl")
        self.assertEqual(link["href"], "/nl/over-de-jumelage/")

    def test_switching_language_on_the_login_page_returns_to_the_page_in_that_language(self):
        for login, returns_to, switched in (
            (
                "/nl/accounts/login/?next=/nl/over-de-jumelage/",
                "de",
                "/de/accounts/login/?next=/de/ueber-die-partnerschaft/",
            ),
            (
                "/de/accounts/signup/?next=/de/ueber-die-partnerschaft/",
                "nl",
                "/nl/accounts/signup/?next=/nl/over-de-jumelage/",
            ),
            (
                "/nl/accounts/login/?next=/nl/members/",
                "de",
                "/de/accounts/login/?next=/de/members/",
            ),
            # With the parameters that mean the same there.
            (
                "/nl/accounts/login/?next=/nl/over-de-jumelage/%3Fpage%3D2%26year%3D2024",
                "de",
                "/de/accounts/login/?next=/de/ueber-die-partnerschaft/%3Fpage%3D2%26year%3D2024",
            ),
            # A filter with no match there takes the listing's page number with it.
            (
                "/nl/accounts/login/?next=/nl/over-de-jumelage/%3Fpage%3D2%26tag%3Dfiets",
                "de",
                "/de/accounts/login/?next=/de/ueber-die-partnerschaft/",
            ),
            # Deeper than any page: left as it is, and quickly.
            (
                "/nl/accounts/login/?next=/nl/" + "a/" * 2000,
                "de",
                "/de/accounts/login/?next=/nl/" + "a/" * 2000,
            ),
            ("/nl/accounts/login/?next=/nl/", "de", "/de/accounts/login/?next=/de/"),
            # Not an address of this site: left as it is (allauth refuses it anyway).
            (
                "/nl/accounts/login/?next=https://example.org/nl/",
                "de",
                "/de/accounts/login/?next=https://example.org/nl/",
            ),
        ):
            with self.subTest(login=login):
                switcher = soup(self.client.get(login)).find("nav", class_="language-switcher")
                self.assertEqual(switcher.find("a", hreflang=returns_to)["href"], switched)

    def test_an_address_deeper_than_any_page_is_not_found_at_once(self):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get("/nl/" + "a/" * 2000)
        self.assertEqual(response.status_code, 404)
        # Not looked for, level by level (2,000 prefixes of up to 4,000 characters).
        pages = [sql for sql in (query["sql"] for query in queries) if "wagtailcore_page" in sql]
        self.assertFalse([sql for sql in pages if "a/a/a/" in sql])

    def test_the_header_login_returns_to_the_page_it_was_clicked_on(self):
        for address, login in (
            ("/nl/over-de-jumelage/", "/nl/accounts/login/?next=/nl/over-de-jumelage/"),
            (
                "/de/ueber-die-partnerschaft/",
                "/de/accounts/login/?next=/de/ueber-die-partnerschaft/",
            ),
            # On the account pages themselves, nowhere to return to.
            ("/nl/accounts/signup/", "/nl/accounts/login/"),
        ):
            with self.subTest(address=address):
                for nav in soup(self.client.get(address)).select(
                    ".account-nav, .phone-menu__account"
                ):
                    self.assertEqual(nav.find("a")["href"], login)

    def test_current_language_is_marked_not_linked(self):
        page = soup(self.client.get("/de/ueber-die-partnerschaft/"))
        current = page.find("nav", class_="language-switcher").find(attrs={"aria-current": "true"})
        self.assertEqual(current.get_text(strip=True), "Deutsch")


class UntranslatedPageTests(BilingualSiteTestCase):
    """Locale synchronisation mirrors an untranslated Dutch page into the German tree."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.history = cls.add_page(title="Geschiedenis", slug="geschiedenis")
        cls.history_alias = cls.history.copy_for_translation(cls.german, alias=True)

    def test_german_visitor_sees_untranslated_page_labelled_dutch(self):
        response = self.client.get("/de/geschiedenis/")
        self.assertEqual(response.status_code, 200)
        notice = soup(response).find(class_="language-notice")
        self.assertIn("Niederländisch", notice.get_text())

    def test_untranslated_page_is_not_announced_as_german(self):
        page = soup(self.client.get("/de/geschiedenis/"))
        hreflangs = {link["hreflang"] for link in page.find_all("link", hreflang=True)}
        self.assertNotIn("de", hreflangs)
        self.assertEqual(
            page.find("link", rel="canonical")["href"], "http://testserver/nl/geschiedenis/"
        )

    def test_untranslated_content_is_marked_as_dutch_and_the_notice_as_german(self):
        page = soup(self.client.get("/de/geschiedenis/"))
        self.assertEqual(page.find("html")["lang"], "de")
        main = page.find("main")
        self.assertEqual(main["lang"], "nl")
        self.assertIn("Geschiedenis", main.find("h1").get_text())
        self.assertEqual(main.find(class_="language-notice")["lang"], "de")
        self.assertFalse(soup(self.client.get("/nl/geschiedenis/")).find("main").has_attr("lang"))

    def test_translated_dutch_page_has_no_language_notice(self):
        page = soup(self.client.get("/nl/geschiedenis/"))
        self.assertIsNone(page.find(class_="language-notice"))


class SitemapTests(BilingualSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.about = cls.add_page(title="Over de jumelage", slug="over-de-jumelage")
        publish_translation(cls.about, cls.german)
        cls.draft = cls.add_page(title="Nog niet klaar", slug="concept", live=False)

    def locations(self, host="testserver"):
        response = self.client.get("/sitemap.xml", HTTP_HOST=host)
        self.assertEqual(response["Content-Type"], "application/xml; charset=utf-8")
        tree = ElementTree.fromstring(response.content)
        return [loc.text for loc in tree.findall("s:url/s:loc", SITEMAP_NS)]

    def test_sitemap_lists_pages_of_both_languages(self):
        locations = self.locations()
        self.assertIn("http://testserver/nl/", locations)
        self.assertIn("http://testserver/de/", locations)
        self.assertIn("http://testserver/nl/over-de-jumelage/", locations)
        self.assertIn("http://testserver/de/over-de-jumelage/", locations)

    def test_sitemap_leaves_out_drafts(self):
        self.assertNotIn("http://testserver/nl/concept/", self.locations())

    @override_settings(ALLOWED_HOSTS=["jumelage.example"])
    def test_sitemap_urls_use_the_requested_host(self):
        self.assertIn("http://jumelage.example/de/", self.locations(host="jumelage.example"))

    def test_robots_txt_points_to_the_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertContains(response, "Sitemap: http://testserver/sitemap.xml")
        self.assertContains(response, "Disallow: /admin/")

    def test_robots_txt_keeps_search_engines_out_of_the_search_pages(self):
        lines = self.client.get("/robots.txt").content.decode().splitlines()
        self.assertIn("Disallow: /nl/search/", lines)
        self.assertIn("Disallow: /de/search/", lines)


class FaviconTests(BilingualSiteTestCase):
    def test_a_browser_asking_for_favicon_ico_gets_the_sites_icon(self):
        response = self.client.get("/favicon.ico")
        self.assertEqual(response.status_code, 301)
        # The address that stays the same across releases (not the hashed one), as browsers
        # keep a permanent redirect.
        self.assertEqual(response["Location"], "/static/img/favicon.svg")
        icon = finders.find(response["Location"].removeprefix(settings.STATIC_URL))
        self.assertIn("<svg", Path(icon).read_text())

    def test_a_phone_adding_the_site_to_its_home_screen_gets_an_opaque_icon(self):
        # iOS neither reads the SVG icon nor keeps a transparent one's background.
        page = self.client.get("/de/").content.decode()
        address = re.search(r'<link rel="apple-touch-icon" href="([^"]+)"', page)[1]
        with Image.open(finders.find(address.removeprefix(settings.STATIC_URL))) as icon:
            self.assertEqual((icon.format, icon.size, icon.mode), ("PNG", (180, 180), "RGB"))


class HealthTests(TestCase):
    def test_healthz_answers_ok_when_the_database_is_up(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"ok\n")

    def test_healthz_answers_a_load_balancer_probing_by_ip_address(self):
        response = self.client.get("/healthz", HTTP_HOST="10.0.0.12:8000")
        self.assertEqual(response.status_code, 200)


class NotFoundTests(BilingualSiteTestCase):
    def test_not_found_in_dutch(self):
        response = self.client.get("/nl/bestaat-niet/")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(soup(response).html["lang"], "nl")
        self.assertContains(response, "Pagina niet gevonden", status_code=404)

    def test_not_found_in_german(self):
        response = self.client.get("/de/gibt-es-nicht/")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(soup(response).html["lang"], "de")
        self.assertContains(response, "Seite nicht gefunden", status_code=404)

    def test_make_run_shows_the_sites_own_not_found_page(self):
        # Django's yellow debug page under `make run` (DEBUG on), in English, listing the URL
        # patterns (walk of 2026-12-06, W15): the development settings show the site's page.
        with override_settings(DEBUG=dev.DEBUG, MIDDLEWARE=dev.MIDDLEWARE):
            self.assertTrue(settings.DEBUG)
            dutch = self.client.get("/nl/bestaat-niet/")
            german = self.client.get("/de/gibt-es-nicht/")
        self.assertContains(dutch, "Pagina niet gevonden", status_code=404)
        self.assertContains(german, "Seite nicht gefunden", status_code=404)
        self.assertEqual(soup(german).html["lang"], "de")
        self.assertNotContains(dutch, "DEBUG = True", status_code=404)

    def test_make_run_shows_the_sites_own_page_for_addresses_no_route_matches(self):
        # Only a view's "not found" got the site's page: an address no URL pattern matches (a
        # dot or a space in it, no language) got Django's yellow page listing every pattern
        # (outsider's test, F7).
        with override_settings(DEBUG=dev.DEBUG, MIDDLEWARE=dev.MIDDLEWARE):
            for url, words in (
                ("/nl/a.b/", "Pagina niet gevonden"),
                ("/nl/verhalen/x.y/", "Pagina niet gevonden"),
                ("/nl/a%20b/", "Pagina niet gevonden"),
                ("/de/a.b/", "Seite nicht gefunden"),
                ("/%2Fevil.example/", "Pagina niet gevonden"),  # //evil.example/
                ("/robots.txt/x", "Pagina niet gevonden"),
                ("/nl/a%00b/", "Pagina niet gevonden"),
            ):
                with self.subTest(url=url):
                    response = self.client.get(url, follow=True)
                    self.assertContains(response, words, status_code=404)
                    self.assertNotContains(response, "URLconf", status_code=404)

    def test_the_language_switcher_of_a_missing_page_leads_to_the_other_home_page(self):
        # It led to the same address under /de/: another "not found" (walk of 2026-12-05).
        response = self.client.get("/nl/bestaat-niet/")
        switcher = soup(response).select_one(".language-switcher a[hreflang=de]")
        self.assertEqual(switcher["href"], "/de/")

    def test_ids_too_large_for_any_database_are_not_found(self):
        huge = 10**25
        for url in (
            f"/nl/meetings/{huge}.ics",
            f"/nl/report/{huge}/",
            f"/de/members/contributions/{huge}/",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)


class SettingsFromEnvironmentTests(SettingsProbeMixin, TestCase):
    def test_database_url_selects_postgresql(self):
        value = self.settings_value(
            "settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'],"
            " settings.DATABASES['default']['HOST']",
            DATABASE_URL="postgres://jumelage:secret@db.internal:5432/jumelage",
        )
        self.assertEqual(value, "django.db.backends.postgresql jumelage db.internal")

    def test_without_database_url_sqlite_next_to_the_code(self):
        value = self.settings_value("settings.DATABASES['default']['ENGINE']")
        self.assertEqual(value, "django.db.backends.sqlite3")

    def test_redis_url_selects_a_shared_cache(self):
        value = self.settings_value(
            "settings.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/3"
        )
        # django-redis, failing like a cache that keeps nothing while Redis is away.
        self.assertEqual(value, "home.redis_cache.RedisCache")

    def test_production_settings_pass_the_deploy_check(self):
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env.update(SECRET_KEY="x" * 64 + "-production-check", ALLOWED_HOSTS="jumelage.example")
        result = subprocess.run(  # noqa: S603
            [
                sys.executable,
                "manage.py",
                "check",
                "--deploy",
                "--fail-level",
                "WARNING",
                "--settings",
                "jumelage.settings.production",
            ],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)


class ContentSecurityPolicyTests(BilingualSiteTestCase):
    def test_public_pages_allow_no_inline_script_and_no_other_origin(self):
        policy = self.client.get("/nl/")["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        self.assertNotIn("unsafe-inline", directives["script-src"])
        self.assertEqual(directives["default-src"], "'self'")
        self.assertEqual(directives["frame-ancestors"], "'none'")
        self.assertNotIn("http", policy)

    def test_the_admin_gets_a_relaxed_policy_of_its_own(self):
        from django.contrib.auth import get_user_model

        editor = get_user_model().objects.create_superuser("redactie@example.org", "x")
        self.client.force_login(editor)
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        policy = response["Content-Security-Policy"]
        self.assertIn("script-src 'self' 'unsafe-inline'", policy)
        self.assertNotIn("http", policy)

    def test_the_page_editors_preview_panel_may_frame_the_preview(self):
        # Wagtail renders a preview as the site would (a request of its own through the
        # middleware), which brought the site's policy: no framing, and the editor's preview
        # panel showed "127.0.0.1 refused to connect" on every page (walk 5).
        from django.contrib.auth import get_user_model

        from tests.test_roles import form_data

        page = self.add_page(title="Over ons", slug="over-ons")
        editor = get_user_model().objects.create_superuser("redactie@example.org", "x")
        self.client.force_login(editor)
        edit = f"/admin/pages/{page.pk}/edit/"
        self.client.post(f"{edit}preview/", {**form_data(self.client.get(edit)), "body-count": "0"})
        response = self.client.get(f"{edit}preview/?mode=&in_preview_panel=true")
        self.assertContains(response, "Over ons")
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        self.assertEqual(directives["frame-ancestors"], "'self'")
        self.assertEqual(response["X-Frame-Options"], "SAMEORIGIN")


class DocumentTests(TestCase):
    def test_documents_are_downloaded_not_shown_inline_and_html_cannot_be_uploaded(self):
        from django.core.exceptions import ValidationError
        from django.core.files.base import ContentFile
        from wagtail.documents import get_document_model

        document_model = get_document_model()
        document = document_model(title="Notulen")
        document.file.save("notulen.txt", ContentFile(b"<script>alert(1)</script>"), save=True)
        response = self.client.get(document.url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Disposition"].startswith("attachment"))
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        html = document_model(title="Pagina")
        html.file.save("pagina.html", ContentFile(b"<html></html>"), save=False)
        with self.assertRaises(ValidationError):
            html.full_clean()
