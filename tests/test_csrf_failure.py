"""A form whose CSRF check fails (its page open for hours, the browser's cookies cleared or
refused) is answered with the site's own page in the reader's language
(home.middleware.csrf_failure, templates/403_csrf.html): Django's was a bare "Forbidden (403)
CSRF verification failed" in English or German, with no way to tell what to do (walk 13)."""

from bs4 import BeautifulSoup
from django.test import Client, RequestFactory, TestCase
from django.utils import translation
from django.utils.translation import gettext

from home.middleware import csrf_failure

# Django's own page, in English, Dutch and German.
DJANGO_WORDING = ("Forbidden", "Verboden", "Verboten", "CSRF")
ADVICE = (
    "Go back, reload the page and send the form again. If that does not help, allow cookies "
    "for this site in your browser."
)


class CsrfFailureTests(TestCase):
    def setUp(self):
        # A browser without the CSRF cookie: cleared, refused, or the session's page too old.
        self.browser = Client(enforce_csrf_checks=True)

    def assert_site_refusal(self, response, language):
        self.assertEqual(response.status_code, 403)
        page = BeautifulSoup(response.content, "html.parser")
        text = page.get_text(" ", strip=True)
        for word in DJANGO_WORDING:
            self.assertNotIn(word, text)
        self.assertEqual(page.html["lang"], language)
        self.assertIsNotNone(page.find("link", rel="stylesheet"))
        with translation.override(language):
            self.assertEqual(page.h1.get_text(strip=True), gettext("Your form could not be sent"))
            self.assertIn(gettext(ADVICE), text)
            # The site's name as every other page gives it (walk 14: "· Jumelage").
            self.assertEqual(
                page.title.get_text(),
                f"{gettext('Your form could not be sent')} · "
                f"{gettext('Jumelage Steenwijkerland – Herzebrock-Clarholz')}",
            )

    def test_a_newsletter_form_sent_without_its_cookie_gets_the_sites_page_in_dutch(self):
        response = self.browser.post("/nl/newsletter/", {"email": "lezer@example.org"})
        self.assert_site_refusal(response, "nl")

    def test_a_newsletter_form_sent_without_its_cookie_gets_the_sites_page_in_german(self):
        response = self.browser.post("/de/newsletter/", {"email": "leser@example.org"})
        self.assert_site_refusal(response, "de")

    def test_a_login_sent_without_its_cookie_gets_the_sites_page_in_her_language(self):
        for language in ("nl", "de"):
            with self.subTest(language=language):
                response = self.browser.post(
                    f"/{language}/accounts/login/",
                    {"login": "anke@bewoners.example", "password": "wrong"},
                )
                self.assert_site_refusal(response, language)

    def test_the_page_does_not_mention_the_reason_django_logs(self):
        # The reason ("CSRF cookie not set.") is for the log, not for the reader.
        response = self.browser.post("/nl/newsletter/", {"email": "lezer@example.org"})
        self.assertNotIn(b"cookie not set", response.content)

    def test_the_page_needs_no_database(self):
        # Like the 400 and 500 pages: what failed may be the database itself.
        with self.assertNumQueries(0):
            request = RequestFactory().post("/de/newsletter/")
            response = csrf_failure(request, "CSRF cookie not set.")
        self.assert_site_refusal(response, "de")
