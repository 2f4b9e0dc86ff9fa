"""The emails `make run` prints in the terminal are readable (no encoded subjects or bodies)."""

import io
from email.utils import formataddr

import pytest
from django.core.mail import EmailMultiAlternatives
from django.test import SimpleTestCase

from home.console_mail import EmailBackend

# No database, no cache: CI's PostgreSQL and Redis run leaves it out.
pytestmark = pytest.mark.database_agnostic


class ConsoleMailTests(SimpleTestCase):
    def test_a_german_email_prints_as_written(self):
        stream = io.StringIO()
        message = EmailMultiAlternatives(
            "Bitte bestätigen Sie Ihre E-Mail-Adresse",
            "Guten Tag,\n\nbitte bestätigen Sie Ihre Adresse: http://127.0.0.1:8880/de/\n",
            "noreply@jumelage.example",
            ["jürgen@einwohner.example"],
        )
        message.attach_alternative("<p>Guten Tag</p>", "text/html")
        EmailBackend(stream=stream).send_messages([message])
        printed = stream.getvalue()
        self.assertIn("Subject: Bitte bestätigen Sie Ihre E-Mail-Adresse", printed)
        self.assertIn("bitte bestätigen Sie Ihre Adresse: http://127.0.0.1:8880/de/", printed)
        self.assertIn("To: jürgen@einwohner.example", printed)
        self.assertIn("[also as text/html]", printed)
        self.assertNotIn("=?utf-8?", printed)

    def test_where_a_reply_goes_is_printed_when_it_is_not_the_sender(self):
        stream = io.StringIO()
        replied = EmailMultiAlternatives(
            "Nicht veröffentlicht",
            "Fragen? Antworten Sie auf diese E-Mail.\n",
            "noreply@jumelage.example",
            ["lid@einwohner.example"],
            reply_to=["info@stichting.example", "info@verein.example"],
        )
        plain = EmailMultiAlternatives(
            "Hallo", "Hallo\n", "noreply@jumelage.example", ["a@b.example"]
        )
        EmailBackend(stream=stream).send_messages([replied, plain])
        printed = stream.getvalue()
        self.assertEqual(printed.count("Reply-To:"), 1)
        self.assertIn("Reply-To: info@stichting.example, info@verein.example", printed)

    def test_the_sender_prints_with_its_name_as_written_not_mime_encoded(self):
        """Our emails come from the platform's name (home.notifications.sender), which
        `formataddr` encodes because of its "ä" and "–"."""
        stream = io.StringIO()
        sender = formataddr(
            (
                "Städtepartnerschaft Steenwijkerland – Herzebrock-Clarholz",
                "noreply@jumelage.example",
            )
        )
        to = formataddr(("Jürgen Müller", "juergen@einwohner.example"))
        message = EmailMultiAlternatives("=?utf-8?q?Gr=C3=BC=C3=9Fe?=", "Hallo\n", sender, [to])
        EmailBackend(stream=stream).send_messages([message])
        printed = stream.getvalue()
        self.assertIn(
            "From: Städtepartnerschaft Steenwijkerland – Herzebrock-Clarholz "
            "<noreply@jumelage.example>",
            printed,
        )
        self.assertIn("To: Jürgen Müller <juergen@einwohner.example>", printed)
        self.assertIn("Subject: Grüße", printed)
        self.assertNotIn("=?utf-8?", printed)
