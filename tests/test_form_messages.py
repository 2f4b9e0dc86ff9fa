"""Django's form errors in the site's words: no package's catalogue that comes before Django's
decides them (Django REST framework's German one says "du": found by the newcomer's walk on the
newsletter and sign-up forms)."""

from pathlib import Path

import django
import polib
import pytest
from django import forms
from django.apps import apps
from django.core import validators
from django.test import TestCase, override_settings
from django.utils import translation

from tests.test_members import soup

# Checked by what templates and catalogues make of the pages (pyproject.toml's markers).
pytestmark = pytest.mark.same_on_every_database


ROOT = Path(__file__).resolve().parent.parent
DJANGO_CATALOGUE = Path(django.__file__).parent / "conf" / "locale"


def django_form_messages():
    """The message ids of Django's form fields' and validators' errors (their lazy texts read
    with no language active)."""
    with translation.override(None):
        return _django_form_messages()


def _django_form_messages():
    found = set()
    for name in dir(forms):
        field = getattr(forms, name)
        if isinstance(field, type) and issubclass(field, forms.Field):
            for klass in field.__mro__:
                found.update(
                    str(text) for text in vars(klass).get("default_error_messages", {}).values()
                )
    for name in dir(validators):
        validator = getattr(validators, name)
        message = getattr(validator, "message", None)
        if isinstance(validator, type) and message is not None:
            found.add(str(message))
    return found


def catalogue(path):
    return {entry.msgid: entry.msgstr for entry in polib.mofile(str(path)) if entry.msgstr}


class DjangoFormMessagesTests(TestCase):
    def test_no_package_words_djangos_form_errors_differently_from_ours(self):
        form_messages = django_form_messages()
        self.assertIn("Enter a valid email address.", form_messages)
        for language in ("nl", "de"):
            django_words = catalogue(DJANGO_CATALOGUE / language / "LC_MESSAGES" / "django.mo")
            ours = {
                entry.msgid: entry.msgstr
                for entry in polib.pofile(
                    str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")
                )
                if entry.msgstr
            }
            for config in apps.get_app_configs():
                found = Path(config.path) / "locale" / language / "LC_MESSAGES" / "django.mo"
                if not found.exists() or Path(config.path).parent == ROOT:  # not ours
                    continue
                for msgid, words in catalogue(found).items():
                    differs = msgid in django_words and words != django_words[msgid]
                    if differs and msgid in form_messages:
                        with self.subTest(language=language, app=config.label, msgid=msgid):
                            self.assertIn(msgid, ours)
                            with translation.override(language):
                                self.assertEqual(translation.gettext(msgid), ours[msgid])

    @override_settings(RATELIMIT_ENABLE=False)
    def test_the_german_newsletter_form_asks_for_a_valid_address_politely(self):
        answer = self.client.post("/de/newsletter/", {"email": "leserin@example"})
        errors = soup(answer).select(".field__error, .errorlist")
        text = " ".join(error.get_text() for error in errors)
        self.assertIn("Bitte geben Sie eine gültige E-Mail-Adresse ein.", text)
        self.assertNotIn("Gib", text)
