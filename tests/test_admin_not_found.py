"""An address under /admin/ that is not there: the admin's own "not found", at that address and
in the admin's language, with the way back to the dashboard; not a redirect to /nl/admin/… and
the public site's 404 page."""

from bs4 import BeautifulSoup
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from jumelage.settings import dev
from tests.test_roles import RolesTestCase

WRONG_ADDRESSES = (
    "/admin/nonsense/",
    "/admin/pages/999999999/edit/",
    "/admin/pages/999999999/delete/",  # our view in front of Wagtail's (exchanges/page_admin.py)
)
DEVELOPMENT = {"DEBUG": dev.DEBUG, "MIDDLEWARE": dev.MIDDLEWARE}


class AdminNotFoundTests(RolesTestCase):
    def assert_admin_not_found(self, response, language):
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.redirect_chain, [])
        page = BeautifulSoup(response.content, "html.parser")
        back = page.find("a", href="/admin/")
        self.assertIsNotNone(back, "no way back to the admin's dashboard")
        with translation.override(language):
            self.assertEqual(back.get_text(strip=True), gettext("Go to Wagtail admin"))
            self.assertIn(gettext("The requested page could not be found."), page.get_text())

    def test_a_wrong_admin_address_answers_the_admins_not_found_where_it_is(self):
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "de"
        profile.save()
        for settings in ({}, DEVELOPMENT):
            for user, language in ((self.moderator, "nl"), (self.editor_de, "de")):
                # A client of its own: one loads the middleware of its first request's settings.
                self.client = self.client_class()
                self.client.force_login(user)
                for url in WRONG_ADDRESSES:
                    with self.subTest(url=url, user=user.email, debug=bool(settings)):
                        with override_settings(**settings):
                            response = self.client.get(url, follow=True)
                        self.assert_admin_not_found(response, language)

    def test_the_admins_not_found_is_kept_by_no_browser(self):
        # As every admin answer: what the admin shows is for the signed-in reader alone.
        self.client.force_login(self.editor_nl)
        for url in WRONG_ADDRESSES:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 404)
                self.assertIn("no-store", response.get("Cache-Control", ""))

    def test_admin_addresses_that_exist_keep_working(self):
        for settings in ({}, DEVELOPMENT):
            self.client = self.client_class()
            self.client.force_login(self.editor_de)
            with override_settings(**settings):
                self.assertEqual(self.client.get("/admin/").status_code, 200)
                self.assertEqual(
                    self.client.get(f"/admin/pages/{self.about.pk}/edit/").status_code, 200
                )
                self.assertRedirects(
                    self.client.get("/admin/reports"),
                    "/admin/reports/",
                    status_code=301,
                    fetch_redirect_response=False,
                )

    def test_public_unknown_addresses_keep_the_language_redirect_and_the_sites_page(self):
        for settings in ({}, DEVELOPMENT):
            self.client = self.client_class()
            self.client.force_login(self.moderator)
            with self.subTest(debug=bool(settings)), override_settings(**settings):
                response = self.client.get("/bestaat-niet/", follow=True)
                self.assertEqual(response.redirect_chain, [("/nl/bestaat-niet/", 302)])
                self.assertContains(response, "Pagina niet gevonden", status_code=404)

    def test_a_long_admin_address_is_not_found_in_her_admin_language_not_the_browsers(self):
        # An address too long to lead anywhere is refused before the admin's language is read:
        # its 404 came in the browser's language, Dutch to the German editor on a Dutch laptop.
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "de"
        profile.save()
        self.client.force_login(self.editor_de)
        response = self.client.get(
            "/admin/" + "x" * 3000 + "/", headers={"accept-language": "nl"}, follow=True
        )
        self.assert_admin_not_found(response, "de")
        html = BeautifulSoup(response.content, "html.parser").find("html")
        self.assertEqual(html["lang"], "de")
