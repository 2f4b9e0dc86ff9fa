"""A request the site cannot read is answered at once with the 400 page in the language of its
address (home.middleware.UnreadableQueryMiddleware, bad_request; templates/400.html): Django's
was in English, and under `make run` a query of more than a thousand fields held the server for
20 to 30 seconds before a 500 (attack 35, F2)."""

from bs4 import BeautifulSoup
from django.test import Client, RequestFactory, TestCase, override_settings
from django.utils import translation
from django.utils.translation import gettext
from django.views import defaults

from tests.test_roles import RolesTestCase

TOO_MANY_FIELDS = "&".join(f"x{number}=1" for number in range(1001))


class BadRequestTests(TestCase):
    def assert_readable_refusal(self, response, language, heading):
        self.assertEqual(response.status_code, 400)
        page = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(page.html["lang"], language)
        self.assertEqual(page.h1.get_text(strip=True), heading)
        self.assertNotIn("Bad Request", page.get_text())

    def test_a_query_of_too_many_fields_is_refused_in_the_language_of_its_address(self):
        for address, language, heading in (
            ("/nl/agenda/", "nl", "Dit verzoek kan niet worden gelezen"),
            ("/de/kalender/", "de", "Diese Anfrage kann nicht gelesen werden"),
            ("/api/v2/pages/", "nl", "Dit verzoek kan niet worden gelezen"),
        ):
            with self.subTest(address=address):
                response = self.client.get(f"{address}?{TOO_MANY_FIELDS}")
                self.assert_readable_refusal(response, language, heading)

    @override_settings(DEBUG=True)
    def test_make_runs_server_refuses_it_the_same_way(self):
        # Django's error page for developers read the query again in every middleware.
        response = self.client.get(f"/de/?{TOO_MANY_FIELDS}")
        self.assert_readable_refusal(response, "de", "Diese Anfrage kann nicht gelesen werden")

    def test_a_request_to_an_unknown_host_is_refused_in_the_language_of_its_address(self):
        response = self.client.get("/de/", HTTP_HOST="unknown.example")
        self.assert_readable_refusal(response, "de", "Diese Anfrage kann nicht gelesen werden")

    def test_a_thousand_fields_are_still_read(self):
        fields = "&".join(f"x{number}=1" for number in range(999))
        self.assertEqual(self.client.get(f"/nl/?{fields}").status_code, 200)

    def test_the_error_page_of_the_servers_own_faults_is_in_the_readers_language_too(self):
        # 400 and 500 share their page (templates/standalone_error.html).
        with translation.override("de"):
            response = defaults.server_error(RequestFactory().get("/de/"))
        self.assertEqual(response.status_code, 500)
        page = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(page.html["lang"], "de")
        self.assertEqual(page.h1.get_text(strip=True), page.title.get_text().split(" · ")[0])
        with translation.override("de"):
            self.assertEqual(page.h1.get_text(strip=True), gettext("Something went wrong"))

    def home_button(self, response):
        page = BeautifulSoup(response.content, "html.parser")
        return page.find("a", class_="button")["href"]

    def test_the_error_pages_lead_home_in_the_language_they_are_shown_in(self):
        # Newcomer's walk: "/" asked her for a language again, or sent her to the other one.
        csrf = Client(enforce_csrf_checks=True)
        for language, home in (("nl", "/nl/"), ("de", "/de/")):
            with self.subTest(language=language):
                refused = self.client.get(f"/{language}/?{TOO_MANY_FIELDS}")
                self.assertEqual(self.home_button(refused), home)
                expired = csrf.post(f"/{language}/newsletter/", {"email": "lezer@example.org"})
                self.assertEqual(self.home_button(expired), home)
                # What failed may be the database: the page asks nothing of it.
                with translation.override(language), self.assertNumQueries(0):
                    failed = defaults.server_error(RequestFactory().get(f"/{language}/"))
                self.assertEqual(self.home_button(failed), home)

    def test_an_error_in_the_admins_english_leads_to_the_sites_default_home(self):
        # English is an admin language only: the site has no /en/ home page.
        with translation.override("en"):
            failed = defaults.server_error(RequestFactory().get("/admin/"))
        self.assertEqual(self.home_button(failed), "/nl/")


class AdminBadRequestTests(RolesTestCase):
    def test_an_admin_form_refused_as_unreadable_is_refused_in_her_admin_language(self):
        # Attack 36: the German editor read the Dutch page: the admin's addresses have no
        # language prefix, and the page took the site's default over her admin language.
        self.client.raise_request_exception = False
        self.log_in_reading(self.editor_de, "de")
        response = self.client.post("/admin/choose-external-link/", {})
        self.assertEqual(response.status_code, 400)
        page = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(page.html["lang"], "de")
        self.assertEqual(page.h1.get_text(strip=True), "Diese Anfrage kann nicht gelesen werden")
