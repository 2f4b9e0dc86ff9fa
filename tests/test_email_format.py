"""Every email the platform sends is multipart: the plain text, and the same in simple HTML (one
column, inline styles, nothing loaded from elsewhere), in the reader's language, from the
platform's name (home/notifications.py)."""

from email.header import decode_header, make_header
from email.utils import parseaddr

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase, override_settings
from django_tasks_db.models import DBTaskResult

from exchanges.models import Registration
from home.notifications import send_templated_email, unsubscribe_headers
from tests.calendar_base import CalendarMixin, local
from tests.test_members import MembersTestCase

# Checked by what templates and catalogues make of the pages (pyproject.toml's markers).
pytestmark = pytest.mark.same_on_every_database


User = get_user_model()


@time_machine.travel(local(2026, 3, 10, 12, 0), tick=False)
class MultipartEmailTests(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.small = cls.meeting(local(2026, 3, 20, 19, 0), title="Kleine groep", capacity=1)
        cls.translated(cls.small, title="Kleine & Co", slug="klein")
        cls.anna = User.objects.create_user("anna@example.org", "x", language="nl")
        cls.bernd = User.objects.create_user("bernd@example.org", "x", language="de")

    def promotion_email(self):
        Registration.objects.register(self.small, self.anna)
        Registration.objects.register(self.small, self.bernd)  # waits
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            Registration.objects.cancel(self.small, self.anna)
        [email] = [email for email in mail.outbox if email.to == ["bernd@example.org"]]
        return email

    def test_the_html_part_says_what_the_text_says_with_working_links_in_the_readers_language(
        self,
    ):
        email = self.promotion_email()
        [(html, mimetype)] = email.alternatives
        self.assertEqual(mimetype, "text/html")
        page = BeautifulSoup(html, "html.parser")
        self.assertEqual(page.html["lang"], "de")
        self.assertEqual(page.title.text, email.subject)
        # Every line of the text is in the HTML (spacing aside).
        text_in_html = "".join(page.body.get_text().split())
        for line in email.body.splitlines():
            self.assertIn("".join(line.split()), text_in_html)
        links = {a["href"] for a in page.select("a[href]")}
        self.assertIn("http://testserver/de/kalender/klein/", links)
        self.assertIn("„Kleine & Co“", page.body.get_text())  # escaped, shown as written
        # Nothing is loaded from elsewhere: no images, styles or scripts to fetch.
        self.assertFalse(page.select("img, link, script, iframe"))

    def test_the_sender_is_the_platform_by_name(self):
        email = self.promotion_email()
        name, address = parseaddr(str(make_header(decode_header(email.message()["From"]))))
        self.assertEqual(name, "Städtepartnerschaft Steenwijkerland – Herzebrock-Clarholz")
        self.assertEqual(address, "noreply@jumelage.example")

    def test_an_email_of_a_list_can_be_left_in_one_click_and_by_a_visible_link(self):
        url = "https://jumelage.example/nl/newsletter/unsubscribe/abc/"
        send_templated_email(
            "exchanges/email/promoted",
            {"registration": None, "meeting": self.small, "unsubscribe_url": url},
            self.anna,
            headers=unsubscribe_headers(url),
        )
        [email] = mail.outbox
        self.assertEqual(email.extra_headers["List-Unsubscribe"], f"<{url}>")
        self.assertEqual(email.extra_headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        page = BeautifulSoup(email.alternatives[0][0], "html.parser")
        self.assertEqual(page.find("a", href=url).text, "Afmelden")


class AllauthEmailFormatTests(MembersTestCase):
    """allauth's emails (confirmation, password reset) are made like ours."""

    def test_the_sign_up_confirmation_is_multipart_from_the_platform_in_german(self):
        self.client.post(
            "/de/accounts/signup/",
            {
                "email": "carla@example.org",
                "password1": "een-heel-lang-wachtwoord",
                "password2": "een-heel-lang-wachtwoord",
                "display_name": "Carla",
                "town": str(self.herzebrock.pk),
                "language": "de",
                "privacy_consent": "on",
            },
        )
        [email] = mail.outbox
        name, address = parseaddr(str(make_header(decode_header(email.message()["From"]))))
        self.assertEqual(name, "Städtepartnerschaft Steenwijkerland – Herzebrock-Clarholz")
        [(html, mimetype)] = email.alternatives
        page = BeautifulSoup(html, "html.parser")
        self.assertEqual(page.html["lang"], "de")
        confirm = [
            a["href"] for a in page.select("a[href]") if "/accounts/confirm-email/" in a["href"]
        ]
        self.assertEqual(len(confirm), 1)
        self.assertIn(confirm[0], email.body)


class BulkEmailTests(CalendarMixin, TestCase):
    """A newsletter to thousands does not hold back the email a member waits for."""

    def test_bulk_emails_wait_behind_the_others(self):
        member = User.objects.create_user("anna@example.org", "x", language="nl")
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            send_templated_email(
                "exchanges/email/waiting", {"registration": None}, member, bulk=True
            )
            send_templated_email("exchanges/email/waiting", {"registration": None}, member)
        priorities = sorted(DBTaskResult.objects.values_list("priority", flat=True))
        self.assertEqual(priorities, [0, 10])
