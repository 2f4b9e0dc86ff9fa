"""Attack 41: what a newsletter's one-click unsubscribe stops; the addresses a translation's
overrides may hold."""

import importlib
import json
import re

from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from community.newsletter import subscriptions
from exchanges import visits
from home.translation_overrides import refused
from tests.test_newsletter import PASSWORD, NewsletterMixin
from tests.test_translation_editor import TranslationEditorTestCase
from tests.visits_base import VisitEmailsMixin

User = get_user_model()


class OneClickStopsTheMailbox(NewsletterMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_newsletter()
        cls.anna = User.objects.create_user("anna@example.org", PASSWORD, display_name="Anna")

    def test_one_click_from_the_email_stops_every_subscription_that_reaches_the_mailbox(self):
        """Anna opted in on her profile and, as a visitor, subscribed another address of hers;
        she then made that address her account's. Both subscriptions reach one mailbox, which
        gets one email. Its one-click unsubscribe (RFC 8058) stopped only the subscription
        whose token the email carried: the next newsletter came all the same."""
        subscriptions.set_member_subscription(self.anna, True)
        self.subscriber("anna.prive@example.org")
        self.anna.email = "anna.prive@example.org"
        self.anna.save()

        self.send(self.newsletter())
        [message] = self.mails_to("anna.prive@example.org")
        url = re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"])[1]
        path = url.split("://", 1)[1].split("/", 1)[1]
        Client().get(f"/{path}")  # a mail gateway following the link unsubscribes nobody
        self.assertTrue(subscriptions.member_receives(self.anna))
        answer = Client().post(f"/{path}", {"List-Unsubscribe": "One-Click"})
        self.assertEqual(answer.status_code, 200)

        self.assertFalse(subscriptions.member_receives(self.anna))
        self.send(self.newsletter(title="Tweede nieuwsbrief", german=None, slug="tweede"))
        self.assertEqual(len(self.mails_to("anna.prive@example.org")), 1)


class OverridesInTheTranslationEditor(TranslationEditorTestCase):
    """A web address an editor gives a translation in the translation editor (a button's, a
    link's in a text) is one a browser may follow: wagtail-localize stored any text, and the
    German editor published `javascript:…` behind a button of the German page, which ran in the
    admin of whoever clicked it in its preview (attack 41)."""

    def button_override(self, url="https://www.steenwijkerland.nl/"):
        page = self.about.specific
        body = list(page.body.raw_data)
        body.append(
            {
                "type": "call_to_action",
                "value": {
                    "title": "Meer",
                    "text": "",
                    "button_label": "Ga",
                    "page": None,
                    "url": url,
                },
            }
        )
        page.body = body
        page.save_revision().publish()
        source, _created = TranslationSource.update_or_create_from_instance(page)
        segment = OverridableSegment.objects.get(source=source, context__path__endswith=".url")
        translation = source.translations.get(target_locale=self.german)
        return translation, segment

    def button_url_in_german(self):
        page = Page.objects.get(pk=self.about_de.pk).specific
        [button] = [block for block in page.body if block.block_type == "call_to_action"]
        return button.value["url"]

    def put(self, translation, segment, value, user=None):
        """`value` (one, or several of the same name, files among them) sent as the translation
        editor sends an override, by `user` (the German editor)."""
        self.client.force_login(user or self.editor_de)
        url = reverse(
            "wagtail_localize:edit_override",
            kwargs={"translation_id": translation.pk, "overridable_segment_id": segment.pk},
        )
        return self.client.put(
            url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT
        )

    def test_a_script_address_is_refused_and_the_german_button_keeps_the_dutch_address(self):
        translation, segment = self.button_override()
        for value in (
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
        ):
            response = self.put(translation, segment, value)
            self.assertEqual(response.status_code, 400, value)
        self.assertFalse(SegmentOverride.objects.filter(context=segment.context).exists())
        translation.save_target(user=self.editor_de, publish=True)
        self.assertEqual(self.button_url_in_german(), "https://www.steenwijkerland.nl/")

    def test_a_web_address_of_its_own_is_taken(self):
        translation, segment = self.button_override()
        response = self.put(translation, segment, "https://www.herzebrock-clarholz.de/")
        self.assertIn(response.status_code, (200, 201))
        translation.save_target(user=self.editor_de, publish=True)
        self.assertEqual(self.button_url_in_german(), "https://www.herzebrock-clarholz.de/")

    def test_who_may_not_edit_the_translation_learns_nothing_from_the_check(self):
        # Second review: the check answered 400 before the view's own 403, so a moderator
        # learned whether a segment's source is an address.
        translation, segment = self.button_override()
        response = self.put(translation, segment, "ftp://x", user=self.moderator)
        self.assertNotEqual(response.status_code, 400)
        self.assertFalse(SegmentOverride.objects.filter(context=segment.context).exists())

    def test_a_second_value_sent_as_a_file_does_not_get_round_the_check(self):
        # Review of attack 41's fix: the check read the file part "value", wagtail-localize's
        # view the text part beside it, and stored `javascript:` behind the German button.
        translation, segment = self.button_override()
        decoy = SimpleUploadedFile("value.txt", b"https://example.org/")
        response = self.put(translation, segment, ["javascript:alert(1)", decoy])
        self.assertEqual(response.status_code, 400)
        self.assertFalse(SegmentOverride.objects.filter(context=segment.context).exists())

    def test_an_override_stored_any_other_way_is_refused_too(self):
        translation, segment = self.button_override()
        with self.assertRaises(PermissionDenied):
            SegmentOverride.objects.create(
                locale=self.german,
                context=segment.context,
                data_json=json.dumps("javascript:alert(1)"),
            )
        self.assertFalse(SegmentOverride.objects.filter(context=segment.context).exists())

    def test_an_override_stored_before_the_check_goes_with_the_next_migration(self):
        translation, segment = self.button_override()
        # As stored before the check (bulk_create sends no pre_save).
        SegmentOverride.objects.bulk_create(
            [
                SegmentOverride(
                    locale=self.german,
                    context=segment.context,
                    data_json=json.dumps("javascript:alert(1)"),
                )
            ]
        )
        migration = importlib.import_module(
            "home.migrations.0016_remove_refused_translation_overrides"
        )
        migration.remove_refused(django_apps, None)
        self.assertFalse(SegmentOverride.objects.filter(context=segment.context).exists())
        translation.save_target(user=self.editor_de, publish=True)
        self.assertEqual(self.button_url_in_german(), "https://www.steenwijkerland.nl/")

    def test_words_of_a_field_that_is_no_address_are_the_editors(self):
        # Review of attack 41's fix: "Voorzitter: Jan" was refused as an address of the scheme
        # "voorzitter".
        self.assertFalse(refused("Voorzitter: Jan", "Chair"))
        self.assertTrue(refused("Voorzitter: Jan", "https://www.steenwijkerland.nl/"))
        self.assertTrue(refused("javascript:alert(1)", "Chair"))
        self.assertFalse(refused("mailto:info@example.org", "https://www.steenwijkerland.nl/"))

    def test_an_address_left_empty_or_relative_in_the_source_is_held_to_addresses(self):
        # Second review: a relative address in the source (or one left empty, should
        # wagtail-localize offer it) took "search-ms:" or "intent:" as its translation's.
        translation, segment = self.button_override(url="/nl/contact/")
        response = self.put(translation, segment, "search-ms:query=x")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(SegmentOverride.objects.filter(context=segment.context).exists())
        for source in ("/nl/contact/", "#top", "?page=2", None):
            with self.subTest(source=source):
                self.assertTrue(refused("intent:x", source))
                self.assertFalse(refused("https://www.herzebrock-clarholz.de/", source))

    def test_a_stored_override_still_records_its_error_when_published(self):
        # Second review: wagtail-localize saves an override's error alone while it publishes;
        # the check of what is stored refused that save too.
        translation, segment = self.button_override()
        [override] = SegmentOverride.objects.bulk_create(
            [
                SegmentOverride(
                    locale=self.german,
                    context=segment.context,
                    data_json=json.dumps("javascript:alert(1)"),
                )
            ]
        )
        override = SegmentOverride.objects.get(context=segment.context)
        override.has_error, override.field_error = True, "Onjuist"
        override.save(update_fields=["has_error", "field_error"])
        self.assertTrue(SegmentOverride.objects.get(pk=override.pk).has_error)


class MembersWordsInVisitEmails(VisitEmailsMixin, TestCase):
    """A guest's answers reach her host's email, and a host's address her guests': a line of
    them read as the email's own, and an address in them was a link in the plain text, which
    mail programs make of one (attack 41: "Bel https://redactie.evil.example/admin/" on a line
    of its own in the host's email, below the wishes)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_visit(seats=4)

    def test_a_guests_wishes_of_several_lines_are_quoted_and_link_nowhere(self):
        _anke, offer = self.place_anke_with_bergmann(
            wishes="Graag rustig.\nBel https://redactie.evil.example/admin/ om te bevestigen"
        )
        mail.outbox.clear()
        self.publish()
        [to_host] = self.emails_to(offer.user)
        self.assertNotIn("https://redactie", to_host.body)
        self.assertNotIn("\nBel ", to_host.body)
        self.assertIn(
            "Wünsche:\n> Graag rustig.\n> Bel https[:]//redactie[.]evil[.]example/admin/ om te "
            "bevestigen",
            to_host.body,
        )
        # Answers of one line stay on their label's line.
        self.assertIn("Ernährung: Vegetarisch", to_host.body)

    def matched(self, names=None, **offer_answers):
        """Anke's party (her account's `names` as an account manager gave them) placed with the
        Bergmanns (`offer_answers`), the matching published: (her party, their offer), the
        outbox holding what publishing sent."""
        anke = self.sign_up("Anke", wishes="")
        if names:
            get_user_model().objects.filter(pk=anke.user_id).update(**names)
        offer = self.offer("Bergmann", **offer_answers)
        visits.assign(anke, offer)
        mail.outbox.clear()
        self.publish()
        return anke, offer

    def test_a_hosts_address_of_several_lines_is_quoted_below_its_label(self):
        anke, _offer = self.matched(address="Lindenstraße 12\nhttps://evil.example/login")
        [to_guest] = self.emails_to(anke.user)
        self.assertIn("Adres:\n> Lindenstraße 12\n> https[:]//evil[.]example/login", to_guest.body)

    def test_a_hosts_household_in_her_guests_emails_links_nowhere(self):
        # Review of attack 41's fix: the household, the host's own words, went into the guests'
        # emails as written, and "Familie Bergmann https://evil.example/login" was a link.
        anke, _offer = self.matched(household="Familie Bergmann https://evil.example/login")
        [to_guest] = self.emails_to(anke.user)
        self.assertNotIn("https://evil.example", to_guest.body)
        self.assertIn("Familie Bergmann https[:]//evil[.]example/login", to_guest.body)

    def test_a_guests_name_in_her_hosts_email_links_nowhere(self):
        # Second review: first and last names an account manager typed in the admin are not
        # held to the display-name rules, and the guest's name went into her host's emails.
        names = {"first_name": "Anke", "last_name": "https://evil.example/x"}
        _anke, offer = self.matched(names=names)
        [to_host] = self.emails_to(offer.user)
        self.assertNotIn("https://evil.example", to_host.body)
        self.assertIn("https[:]//evil[.]example/x", to_host.body)
