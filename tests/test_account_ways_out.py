"""What a visitor can do next on allauth's pages that end a step: the "confirm your email" page
after signing up, which said "contact us" with no way to and no way to get a new link, and the
logout page, which offered only its button (walk of 2026-12-06)."""

import time
from unittest import mock

from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from home.models import FoundationSettings
from tests.base import BilingualSiteTestCase, publish_translation
from tests.test_members import soup

User = get_user_model()


class ContactPageMixin:
    """A public contact page in both languages, the one the footer names."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.contact = cls.add_page(title="Contact", slug="contact")
        contact_de = publish_translation(cls.contact, cls.german)
        contact_de.title, contact_de.slug = "Kontakt", "kontakt"
        contact_de.save_revision().publish()
        settings = FoundationSettings.objects.get()
        settings.contact_page = cls.contact
        settings.save()


class ConfirmYourEmailPageTests(ContactPageMixin, BilingualSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.greta = User.objects.create_user(
            email="greta@example.org", password="ein-langes-passwort", language="de"
        )
        EmailAddress.objects.create(
            user=cls.greta, email="greta@example.org", primary=True, verified=False
        )

    def page(self, language):
        return soup(self.client.get(f"/{language}/accounts/confirm-email/")).find("main")

    def test_the_page_links_the_contact_page_in_the_language_being_read(self):
        for language, contact in (("de", "/de/kontakt/"), ("nl", "/nl/contact/")):
            with self.subTest(language):
                hrefs = [a["href"] for a in self.page(language).select("a")]
                self.assertIn(contact, hrefs)

    def test_the_page_says_that_logging_in_sends_a_new_link(self):
        for language in ("de", "nl"):
            with self.subTest(language):
                hrefs = [a["href"] for a in self.page(language).select("a")]
                self.assertIn(f"/{language}/accounts/login/", hrefs)

    def test_the_whole_request_to_log_in_is_the_link(self):
        # German had only "Loggen Sie sich" as the link, its "… ein" after it (walk of
        # 2026-12-06): a screen reader's list of links read half a sentence.
        for language, words in (
            ("de", "Loggen Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort ein"),
            ("nl", "Log in met uw e-mailadres en wachtwoord"),
        ):
            with self.subTest(language):
                [login] = self.page(language).select(f'a[href="/{language}/accounts/login/"]')
                self.assertEqual(login.get_text(" ", strip=True), words)

    def test_logging_in_with_an_unconfirmed_address_sends_a_new_link_as_the_page_says(self):
        response = self.client.post(
            "/de/accounts/login/",
            {"login": "greta@example.org", "password": "ein-langes-passwort"},
            follow=True,
        )
        self.assertEqual(response.redirect_chain[-1][0], "/de/accounts/confirm-email/")
        [email] = mail.outbox
        self.assertEqual(email.to, ["greta@example.org"])
        self.assertIn("/de/accounts/confirm-email/", email.body)

    def test_an_expired_links_new_request_leads_to_a_login_that_says_it_sends_a_new_link(self):
        # "Request a new confirmation email" led to the bare login page (walk 14).
        for language in ("de", "nl"):
            with self.subTest(language):
                expired = self.client.get(f"/{language}/accounts/confirm-email/verlopen/")
                link = soup(expired).find("main").select_one("p a")["href"]
                self.assertTrue(link.startswith(f"/{language}/accounts/login/"), link)
                login = soup(self.client.get(link)).find("main").get_text(" ", strip=True)
                with translation.override(language):
                    said = translation.gettext(
                        "Your confirmation link has expired or is not valid. Log in with your "
                        "email address and password: if your address is not confirmed yet, we "
                        "will send you a new link (one every few minutes at most)."
                    )
                self.assertIn(said, login)
                # Not on the login page reached otherwise.
                plain = soup(self.client.get(f"/{language}/accounts/login/")).find("main")
                self.assertNotIn(said, plain.get_text(" ", strip=True))

    def log_in(self, language):
        return self.client.post(
            f"/{language}/accounts/login/",
            {"login": "greta@example.org", "password": "ein-langes-passwort"},
            follow=True,
        )

    def test_a_login_within_the_cooldown_sends_none_and_says_when_to_ask_again(self):
        # allauth sends one link every three minutes at most and said nothing of the link it
        # did not send: the page promised one that never came (walk of 2026-12-07).
        for language, words in (
            ("de", ["vor Kurzem", "greta@example.org", "Spam-Ordner", "in 3 Minuten"]),
            ("nl", ["kort geleden", "greta@example.org", "ongewenste e-mail", "over 3 minuten"]),
        ):
            with self.subTest(language):
                cache.clear()
                mail.outbox = []
                first = soup(self.log_in(language)).find("main").get_text(" ", strip=True)
                self.assertEqual(len(mail.outbox), 1)
                self.assertNotIn(words[0], first)
                again = self.log_in(language)
                self.assertEqual(
                    again.redirect_chain[-1][0], f"/{language}/accounts/confirm-email/"
                )
                self.assertEqual(len(mail.outbox), 1)
                said = soup(again).get_text(" ", strip=True)
                for word in words:
                    self.assertIn(word, said)

    def test_a_login_after_the_cooldown_sends_a_new_link(self):
        self.log_in("de")
        later = time.time() + 181
        with mock.patch("time.time", return_value=later):
            again = self.log_in("de")
        self.assertEqual(len(mail.outbox), 2)
        self.assertNotIn("vor Kurzem", soup(again).get_text(" ", strip=True))

    def test_without_a_public_contact_page_the_page_names_none(self):
        FoundationSettings.objects.update(contact_page=None)
        hrefs = [a["href"] for a in self.page("de").select("a")]
        self.assertNotIn("/de/kontakt/", hrefs)
        self.assertIn("/de/accounts/login/", hrefs)


class VerifiedEmailRequiredPageTests(ContactPageMixin, BilingualSiteTestCase):
    """allauth's page for a part of the site that needs a confirmed address (its decorator
    `verified_email_required`) said "contact us" and named no way to, as the reset pages did."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.greta = User.objects.create_user(email="greta@example.org", password="x" * 20)

    def page(self, language):
        request = RequestFactory().get(f"/{language}/accounts/email/")
        request.user = self.greta
        with translation.override(language):
            html = render_to_string("account/verified_email_required.html", request=request)
        return BeautifulSoup(html, "html.parser").find("main")

    def test_the_page_links_the_contact_page_in_the_language_being_read(self):
        for language, contact, words, why in (
            ("de", "/de/kontakt/", "Schreiben Sie den Stiftungen", "Für diesen Teil der Website"),
            ("nl", "/nl/contact/", "Neem contact op met de stichtingen", "Voor dit deel van de"),
        ):
            with self.subTest(language):
                main = self.page(language)
                self.assertIn(why, main.get_text(" ", strip=True))
                links = {a["href"]: a.get_text(" ", strip=True) for a in main.select("a")}
                self.assertEqual(links.get(contact), words)
                self.assertNotRegex(main.get_text(), "wenden Sie sich .*an uns|contact met ons")

    def test_without_a_public_contact_page_it_promises_no_way_to_write(self):
        FoundationSettings.objects.update(contact_page=None)
        main = self.page("de")
        self.assertNotIn("/de/kontakt/", [a["href"] for a in main.select("a")])
        self.assertNotRegex(main.get_text(), "(?i)kontakt|wenden Sie sich")


class PasswordResetPagesTests(ContactPageMixin, BilingualSiteTestCase):
    """allauth's password reset page and its "email sent" page said "contact us" and named no
    way to (walk of 2026-12-06): where they send a visitor for help, they link the contact page."""

    PAGES = ("/{language}/accounts/password/reset/", "/{language}/accounts/password/reset/done/")

    def links(self, address):
        main = soup(self.client.get(address)).find("main")
        return {a["href"]: a.get_text(" ", strip=True) for a in main.select("a")}, main

    def test_both_pages_link_the_contact_page_in_the_language_being_read(self):
        for language, contact, words in (
            ("de", "/de/kontakt/", "Schreiben Sie den Stiftungen"),
            ("nl", "/nl/contact/", "Neem contact op met de stichtingen"),
        ):
            for page in self.PAGES:
                with self.subTest(language=language, page=page):
                    links, main = self.links(page.format(language=language))
                    self.assertEqual(links.get(contact), words)
                    self.assertNotRegex(main.get_text(), "wenden Sie sich .*an uns|contact met ons")

    def test_without_a_public_contact_page_they_promise_no_way_to_write(self):
        FoundationSettings.objects.update(contact_page=None)
        for page in self.PAGES:
            with self.subTest(page):
                links, main = self.links(page.format(language="de"))
                self.assertNotIn("/de/kontakt/", links)
                self.assertNotRegex(main.get_text(), "(?i)kontakt|wenden Sie sich")


class PasswordResetWaitPageTests(ContactPageMixin, BilingualSiteTestCase):
    """The fourth reset in 15 minutes: the wait page's heading said "a moment" above "try again
    in 15 minutes", and unlike the reset pages it named no way to the foundations (walk 8)."""

    def wait_page(self, language):
        for _ in range(4):
            response = self.client.post(
                f"/{language}/accounts/password/reset/", {"email": "a@example.org"}
            )
        self.assertEqual(response.status_code, 429)
        return soup(response).find("main")

    def test_the_heading_speaks_of_minutes_and_the_page_links_the_contact_page(self):
        for language, contact, heading, words in (
            ("de", "/de/kontakt/", "Bitte einige Minuten Geduld", "Schreiben Sie den Stiftungen"),
            (
                "nl",
                "/nl/contact/",
                "Even een paar minuten geduld",
                "Neem contact op met de stichtingen",
            ),
        ):
            with self.subTest(language):
                main = self.wait_page(language)
                self.assertEqual(main.find("h1").get_text(strip=True), heading)
                links = {a["href"]: a.get_text(" ", strip=True) for a in main.select("a")}
                self.assertEqual(links.get(contact), words)


class LogoutPageTests(BilingualSiteTestCase):
    def test_the_logout_page_leads_back_to_the_home_page(self):
        sabine = User.objects.create_user(email="sabine@example.org", password="x" * 20)
        self.client.force_login(sabine)
        for language, words in (("de", "Zur Startseite"), ("nl", "Naar de startpagina")):
            with self.subTest(language):
                main = soup(self.client.get(f"/{language}/accounts/logout/")).find("main")
                [home] = [a for a in main.select("a") if a["href"] == f"/{language}/"]
                self.assertEqual(home.get_text(strip=True), words)
