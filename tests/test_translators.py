"""The machine translators (home/translators.py) against LibreTranslate- and DeepL-compatible
servers on loopback: the glossary's terms come back exactly, nothing of our own leaks into a page,
and every refusal is an error the background queue retries."""

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from home.machine_translation import GlossaryTerm
from home.translators import (
    DeepLTranslator,
    LibreTranslator,
    QuotaExceeded,
    TranslatorUnavailable,
)
from tests.base import BilingualSiteTestCase
from tests.translator_servers import (
    DeepLServer,
    LibreTranslateServer,
    deepl_server_fixture,  # noqa: F401 - the `deepl_server` fixture
)


def values(*texts):
    return [StringValue(text) for text in texts]


def texts(answers):
    return [answer.data for answer in answers.values()]


class GlossaryMixin:
    @classmethod
    def add_glossary(cls):
        cls.dutch, _ = Locale.objects.get_or_create(language_code="nl")
        cls.german, _ = Locale.objects.get_or_create(language_code="de")
        # A place never translated, a foundation translated one fixed way, and a longer term
        # that contains the place.
        GlossaryTerm.objects.create(dutch="Steenwijkerland")
        GlossaryTerm.objects.create(dutch="Stichting Jumelage", german="Stiftung Jumelage")
        GlossaryTerm.objects.create(
            dutch="Jumelage Steenwijkerland", german="Städtepartnerschaft Steenwijkerland"
        )


class ServerTestCase(GlossaryMixin, TestCase):
    server_class = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = cls.server_class().start()
        cls.addClassCleanup(cls.server.stop)

    @classmethod
    def setUpTestData(cls):
        cls.add_glossary()

    def setUp(self):
        self.server.reset()
        self.enterContext(translation.override("en"))


class LibreTranslatorTests(ServerTestCase):
    server_class = LibreTranslateServer

    def setUp(self):
        super().setUp()
        self.translator = LibreTranslator(
            {"LIBRETRANSLATE_URL": self.server.url, "API_KEY": "geheime-sleutel"}
        )

    def translate(self, *strings, source=None, target=None):
        return self.translator.translate(
            source or self.dutch, target or self.german, values(*strings)
        )

    def test_text_and_html_with_inline_links_come_back_translated_in_order(self):
        strings = [
            "Het koor zingt.",
            'Lees <a id="a1">meer</a> bij <b>het koor</b>.',
            "Wij zingen.",
        ]
        answers = self.translate(*strings)
        self.assertEqual(list(answers), values(*strings))
        self.assertEqual(
            texts(answers),
            ["Das Chor singt.", 'Lies <a id="a1">mehr</a> bei <b>das Chor</b>.', "Wir singen."],
        )
        self.assertEqual(self.server.asked, [strings])

    def test_glossary_terms_come_back_exactly_from_dutch_to_german(self):
        answers = self.translate(
            "Welkom bij Stichting Jumelage in Steenwijkerland.",
            "Jumelage Steenwijkerland zingt een lied.",
        )
        self.assertEqual(
            texts(answers),
            [
                "Willkommen bei Stiftung Jumelage in Steenwijkerland.",
                "Städtepartnerschaft Steenwijkerland singt ein Lied.",
            ],
        )
        asked = " ".join(self.server.asked[0])
        self.assertNotIn("Steenwijkerland", asked)
        self.assertNotIn("Jumelage", asked)

    def test_glossary_terms_come_back_exactly_from_german_to_dutch(self):
        answers = self.translate(
            "Die Stiftung Jumelage singt in Steenwijkerland.",
            source=self.german,
            target=self.dutch,
        )
        self.assertEqual(texts(answers), ["De Stichting Jumelage zingt in Steenwijkerland."])

    def test_without_the_glossary_the_engine_would_translate_the_terms(self):
        GlossaryTerm.objects.all().delete()
        answers = self.translate("Welkom bij Stichting Jumelage in Steenwijkerland.")
        self.assertEqual(
            texts(answers), ["Willkommen bei Stiftung Partnerschaft in Steinwijkerland."]
        )

    def test_a_term_in_a_tag_or_inside_a_longer_word_is_left_alone(self):
        answers = self.translate(
            '<a id="Steenwijkerland">het koor</a> in Steenwijkerland.',
            "Steenwijkerlanders zingen.",
        )
        self.assertEqual(
            self.server.asked[0][0],
            '<a id="Steenwijkerland">het koor</a> in <x-g id="g0"></x-g>.',
        )
        self.assertEqual(
            texts(answers),
            [
                '<a id="Steenwijkerland">das Chor</a> in Steenwijkerland.',
                "Steenwijkerlanders singen.",
            ],
        )

    def test_an_escaped_term_is_found_and_its_translation_escaped(self):
        GlossaryTerm.objects.create(dutch="Koor & Co", german="Chor & Co")
        answers = self.translate("Wij zingen met Koor &amp; Co.")
        self.assertEqual(texts(answers), ["Wir singen mit Chor &amp; Co."])

    def test_a_placeholder_the_engine_lost_never_reaches_the_page(self):
        self.server.drop_empty_elements = True
        answers = self.translate("Het koor zingt in Steenwijkerland.", "Het koor zingt.")
        # Asked again as it is: translated, without the glossary, rather than broken.
        self.assertEqual(texts(answers), ["Das Chor singt in Steinwijkerland.", "Das Chor singt."])
        self.assertEqual(self.server.asked[1], ["Het koor zingt in Steenwijkerland."])

    def test_a_placeholder_the_engine_mangled_never_reaches_the_page(self):
        self.server.rewrite = lambda text: text.replace("></x-g>", ">")
        answers = self.translate("Het koor zingt in Steenwijkerland.")
        self.assertEqual(texts(answers), ["Das Chor singt in Steinwijkerland."])
        self.assertEqual(len(self.server.asked), 2)

    def test_strings_without_words_to_translate_are_not_sent(self):
        answers = self.translate("", "Steenwijkerland", "2026", "<b>Stichting Jumelage</b>")
        self.assertEqual(
            texts(answers), ["", "Steenwijkerland", "2026", "<b>Stiftung Jumelage</b>"]
        )
        self.assertEqual(self.server.asked, [])

    def test_a_server_error_leaves_the_translator_unavailable(self):
        self.server.fail_with = 503
        with self.assertRaises(TranslatorUnavailable) as caught:
            self.translate("Het koor zingt.")
        self.assertNotIsInstance(caught.exception, QuotaExceeded)
        self.assertEqual(
            str(caught.exception), "LibreTranslate is not working at the moment (error 503)."
        )

    def test_too_many_requests_is_a_quota_with_the_wait_it_asks_for(self):
        self.server.fail_with, self.server.retry_after = 429, 120
        with self.assertRaises(QuotaExceeded) as caught:
            self.translate("Het koor zingt.")
        self.assertEqual(caught.exception.retry_after, 120)

    def test_a_key_over_its_limit_is_a_quota(self):
        self.server.fail_with, self.server.error_message = 403, "Request limit exceeded"
        with self.assertRaises(QuotaExceeded) as caught:
            self.translate("Het koor zingt.")
        self.assertIsNone(caught.exception.retry_after)

    def test_a_wrong_key_is_refused(self):
        self.server.api_key = "een-andere-sleutel"
        self.addCleanup(setattr, self.server, "api_key", None)
        with self.assertRaises(TranslatorUnavailable) as caught:
            self.translate("Het koor zingt.")
        self.assertNotIsInstance(caught.exception, QuotaExceeded)
        self.assertEqual(str(caught.exception), "LibreTranslate refused the key.")

    def test_a_refusal_says_what_the_server_said_short_and_without_the_key(self):
        self.server.fail_with = 400
        self.server.error_message = "Bad api_key geheime-sleutel: " + "te lang " * 100
        with self.assertRaises(TranslatorUnavailable) as caught:
            self.translate("Het koor zingt.")
        message = str(caught.exception)
        self.assertTrue(
            message.startswith("LibreTranslate refused the request (error 400): Bad"), message
        )
        self.assertNotIn("geheime-sleutel", message)
        self.assertLess(len(message), 250)

    def test_a_server_that_is_down_leaves_the_translator_unavailable(self):
        self.server.down()
        with self.assertRaises(TranslatorUnavailable) as caught:
            self.translate("Het koor zingt.")
        self.assertEqual(str(caught.exception), "LibreTranslate could not be reached.")
        self.server.up()
        self.assertEqual(texts(self.translate("Het koor zingt.")), ["Das Chor singt."])

    def test_a_server_that_trickles_its_answer_is_given_up_at_the_time_limit(self):
        # A byte every quarter second: each read is quick, the whole answer takes 10 s.
        self.server.trickle = 0.25
        translator = LibreTranslator({"LIBRETRANSLATE_URL": self.server.url, "TIMEOUT": 1})
        started = time.monotonic()
        with self.assertRaises(TranslatorUnavailable) as caught:
            translator.translate(self.dutch, self.german, values("Het koor zingt."))
        self.assertLess(time.monotonic() - started, 2.5)
        self.assertEqual(str(caught.exception), "LibreTranslate did not answer in time.")

    def test_a_server_that_trickles_its_headers_is_given_up_at_the_time_limit(self):
        self.server.trickle, self.server.trickle_headers = 0.25, True
        translator = LibreTranslator({"LIBRETRANSLATE_URL": self.server.url, "TIMEOUT": 1})
        started = time.monotonic()
        with self.assertRaises(TranslatorUnavailable) as caught:
            translator.translate(self.dutch, self.german, values("Het koor zingt."))
        self.assertLess(time.monotonic() - started, 2.5)
        self.assertEqual(str(caught.exception), "LibreTranslate did not answer in time.")

    def test_an_answer_far_larger_than_the_question_is_refused(self):
        self.server.huge = 5_000_000
        with self.assertRaises(TranslatorUnavailable) as caught:
            self.translate("Het koor zingt.")
        self.assertEqual(str(caught.exception), "LibreTranslate gave an answer far too large.")

    def test_a_long_batch_comes_back_whole(self):
        strings = [f"{index} Het koor zingt. " * 1000 for index in range(50)]
        answers = self.translate(*strings)
        self.assertEqual(
            texts(answers), [f"{index} Das Chor singt. " * 1000 for index in range(50)]
        )

    def test_a_refusal_never_shows_the_key_encoded_in_capitals_or_cut_short(self):
        translator = LibreTranslator(
            {"LIBRETRANSLATE_URL": self.server.url, "API_KEY": "s3cr3t/Key+9"}
        )
        self.server.fail_with = 400
        self.server.error_message = (
            "Bad keys: s3cr3t%2FKey%2B9, s3cr3t/Key%2b9, S3CR3T/KEY+9, s3cr3t/Key+ and s3cr3t"
        )
        with self.assertRaises(TranslatorUnavailable) as caught:
            translator.translate(self.dutch, self.german, values("Het koor zingt."))
        self.assertEqual(
            str(caught.exception),
            "LibreTranslate refused the request (error 400): Bad keys: …, …, …, … and …",
        )

    def test_a_short_key_is_hidden_only_whole(self):
        translator = LibreTranslator({"LIBRETRANSLATE_URL": self.server.url, "API_KEY": "koor12"})
        self.server.fail_with = 400
        self.server.error_message = "Het koor zingt: KOOR12 is no key for koor1"
        with self.assertRaises(TranslatorUnavailable) as caught:
            translator.translate(self.dutch, self.german, values("Het koor zingt."))
        self.assertEqual(
            str(caught.exception),
            "LibreTranslate refused the request (error 400): Het koor zingt: … is no key for koor1",
        )

    def test_terms_named_like_html_entities_leave_the_entities_alone(self):
        for dutch, german in [("amp", "lt"), ("#39", "#60"), ("39", "60"), ("x27", "x3c")]:
            GlossaryTerm.objects.create(dutch=dutch, german=german)
        GlossaryTerm.objects.create(dutch="nbsp", german="gt")
        answers = self.translate("Het koor &amp; Co zingt &#39;ja&#39; &#x27;nee&#x27;&nbsp;nu.")
        self.assertEqual(texts(answers), ["Das Chor &amp; Co singt 'ja' 'nee'\xa0nu."])
        self.assertNotIn("x-g", self.server.asked[0][0])

    def test_errors_are_in_the_editors_language(self):
        self.server.down()
        with translation.override("nl"), self.assertRaises(TranslatorUnavailable) as caught:
            self.translate("Het koor zingt.")
        self.assertEqual(str(caught.exception), "LibreTranslate is niet bereikbaar.")


class DeepLTranslatorTests(ServerTestCase):
    server_class = DeepLServer

    def setUp(self):
        super().setUp()
        self.translator = DeepLTranslator(
            {"AUTH_KEY": "test-key", "FORMALITY": "prefer_more", "API_URL": self.server.url}
        )

    def translate(self, *strings):
        return self.translator.translate(self.dutch, self.german, values(*strings))

    def test_translates_html_with_the_glossary_made_once_for_unchanged_terms(self):
        first = self.translate('Welkom bij <a id="a1">Stichting Jumelage</a> in Steenwijkerland.')
        second = self.translate("Jumelage Steenwijkerland zingt.")
        self.assertEqual(
            texts(first) + texts(second),
            [
                'Willkommen bei <a id="a1">Stiftung Jumelage</a> in Steenwijkerland.',
                "Städtepartnerschaft Steenwijkerland singt.",
            ],
        )
        self.assertEqual(len(self.server.glossaries_created), 1)
        self.assertRegex(self.server.glossaries_created[0], r"^jumelage-nl-de-[0-9a-f]{12}$")
        self.assertEqual(len(set(self.server.glossary_ids_used)), 1)
        self.assertEqual(len(self.server.glossary_ids_used), 2)

    def test_changed_terms_make_a_new_glossary_and_the_old_one_is_deleted(self):
        self.translate("Het koor zingt.")
        old = list(self.server.glossaries)
        GlossaryTerm.objects.create(dutch="koor", german="Gesangverein")
        answers = self.translate("Het koor zingt.")
        self.assertEqual(texts(answers), ["Das Gesangverein singt."])
        self.assertEqual(len(self.server.glossaries_created), 2)
        self.assertEqual(self.server.glossaries_deleted, old)
        self.assertEqual(len(self.server.glossaries), 1)

    def test_a_glossary_deleted_on_deepls_side_is_made_again(self):
        self.translate("Het koor zingt.")
        self.server.glossaries.clear()
        answers = self.translate("Wij zingen in Steenwijkerland.")
        self.assertEqual(texts(answers), ["Wir singen in Steenwijkerland."])
        self.assertEqual(len(self.server.glossaries_created), 2)

    def test_without_terms_there_is_no_glossary(self):
        GlossaryTerm.objects.all().delete()
        answers = self.translate("Het koor zingt.", "")
        self.assertEqual(texts(answers), ["Das Chor singt.", ""])
        self.assertEqual(self.server.glossaries_created, [])
        self.assertEqual(self.server.translated, [["Het koor zingt."]])

    def test_a_used_up_character_quota_is_a_quota(self):
        self.server.character_limit = 10
        with self.assertRaises(QuotaExceeded) as caught:
            self.translate("Het koor zingt in Steenwijkerland.")
        self.assertEqual(str(caught.exception), "The DeepL quota is used up.")

    def test_too_many_requests_is_a_quota_with_the_wait_it_asks_for(self):
        self.server.fail_with, self.server.retry_after = 429, 120
        with self.assertRaises(QuotaExceeded) as caught:
            self.translate("Het koor zingt.")
        self.assertEqual(caught.exception.retry_after, 120)

    def test_a_wrong_key_is_refused_and_not_repeated(self):
        translator = DeepLTranslator({"AUTH_KEY": "fout-1234", "API_URL": self.server.url})
        with self.assertRaises(TranslatorUnavailable) as caught:
            translator.translate(self.dutch, self.german, values("Het koor zingt."))
        self.assertNotIsInstance(caught.exception, QuotaExceeded)
        self.assertEqual(str(caught.exception), "DeepL refused the key.")

    def test_a_server_error_or_no_server_leaves_the_translator_unavailable(self):
        self.server.fail_with = 502
        with self.assertRaises(TranslatorUnavailable):
            self.translate("Het koor zingt.")
        self.server.fail_with = None
        self.server.down()
        with self.assertRaises(TranslatorUnavailable) as caught:
            self.translate("Het koor zingt.")
        self.assertEqual(str(caught.exception), "DeepL could not be reached.")

    def test_a_server_that_trickles_its_answer_is_given_up_at_the_time_limit(self):
        self.server.trickle = 0.25
        translator = DeepLTranslator(
            {"AUTH_KEY": "test-key", "API_URL": self.server.url, "TIMEOUT": 1}
        )
        started = time.monotonic()
        with self.assertRaises(TranslatorUnavailable) as caught:
            translator.translate(self.dutch, self.german, values("Het koor zingt."))
        self.assertLess(time.monotonic() - started, 2.5)
        self.assertEqual(str(caught.exception), "DeepL did not answer in time.")

    def test_an_answer_far_larger_than_the_question_is_refused(self):
        self.server.huge = 5_000_000
        with self.assertRaises(TranslatorUnavailable) as caught:
            self.translate("Het koor zingt.")
        self.assertEqual(str(caught.exception), "DeepL gave an answer far too large.")

    def test_the_endpoint_follows_the_key_unless_an_address_is_set(self):
        self.assertEqual(
            DeepLTranslator({"AUTH_KEY": "abc:fx"}).get_api_endpoint(),
            "https://api-free.deepl.com/v2/translate",
        )
        self.assertEqual(
            DeepLTranslator({"AUTH_KEY": "abc", "API_URL": ""}).get_api_endpoint(),
            "https://api.deepl.com/v2/translate",
        )
        self.assertEqual(
            DeepLTranslator(
                {"AUTH_KEY": "abc:fx", "API_URL": "http://proxy:8080/v2/"}
            ).get_api_endpoint(),
            "http://proxy:8080/v2/translate",
        )


class TranslateButtonTests(GlossaryMixin, BilingualSiteTestCase):
    """wagtail-localize's own "Translate" button in the translation editor."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.add_glossary()
        setup_roles()
        cls.editor = get_user_model().objects.create_user("redaktion@example.org", "wachtwoord")
        cls.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[1]))
        page = cls.add_page(
            title="Het koor van Steenwijkerland",
            slug="koor",
            intro="Wij zingen met Stichting Jumelage.",
        )
        page.save_revision().publish()
        source, _ = TranslationSource.get_or_create_from_instance(page)
        cls.translation = Translation.objects.create(source=source, target_locale=cls.german)
        cls.translation.save_target()

    def test_an_editor_translates_a_page_with_the_glossary(self):
        with (
            LibreTranslateServer() as server,
            override_settings(
                WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
                    "CLASS": "home.translators.LibreTranslator",
                    "OPTIONS": {"LIBRETRANSLATE_URL": server.url, "API_KEY": ""},
                }
            ),
        ):
            self.client.force_login(self.editor)
            response = self.client.post(
                reverse("wagtail_localize:machine_translate", args=[self.translation.pk]),
                {"next": "/admin/"},
            )
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        translated = {
            item.translation_of.data: (item.data, item.tool_name)
            for item in StringTranslation.objects.filter(locale=self.german).select_related(
                "translation_of"
            )
        }
        self.assertEqual(
            translated["Het koor van Steenwijkerland"],
            ("Das Chor von Steenwijkerland", "LibreTranslate"),
        )
        self.assertEqual(
            translated["Wij zingen met Stichting Jumelage."],
            ("Wir singen mit Stiftung Jumelage.", "LibreTranslate"),
        )


@pytest.mark.django_db
def test_a_wait_given_as_a_date_is_counted_in_seconds(deepl_server):
    deepl_server.fail_with = 429
    deepl_server.retry_after = format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)
    translator = DeepLTranslator({"AUTH_KEY": "test-key", "API_URL": deepl_server.url})
    nl, _ = Locale.objects.get_or_create(language_code="nl")
    de, _ = Locale.objects.get_or_create(language_code="de")
    with pytest.raises(QuotaExceeded) as caught:
        translator.translate(nl, de, values("Het koor zingt."))
    assert 3500 < caught.value.retry_after <= 3600
