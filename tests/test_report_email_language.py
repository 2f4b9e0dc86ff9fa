"""The email of a report reads as every other to its reader: greeted by name, signed, and the
contribution named by its title in her language (walk 12: the German editor read „Gemeldet:"
with the Dutch machine translation's title of a German member's story, and no greeting)."""

from django.core import mail
from wagtail.actions.convert_alias import ConvertAliasPageAction

from exchanges.models import MeetingPage
from tests.test_report_outcomes import ReportedMeetingTestCase


class ReportEmailTests(ReportedMeetingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.katrin = cls.staff_member(
            "redaktion@example.org", "Editors", first_name="Katrin", language="de"
        )

    def setUp(self):
        super().setUp()
        # The meeting's German version, translated: a title of its own.
        german = MeetingPage.objects.get(
            translation_key=self.meeting.translation_key, locale=self.german
        )
        if german.alias_of_id:
            ConvertAliasPageAction(german).execute(skip_permission_checks=True)
            german = MeetingPage.objects.get(pk=german.pk)
        german.title = "Sprachcafé"
        german.save_revision().publish()
        mail.outbox.clear()

    def test_each_reader_finds_the_contribution_by_its_title_in_her_language(self):
        self.report(self.reporters[0])  # on the Dutch page
        (to_katrin,) = [m for m in mail.outbox if m.to == [self.katrin.email]]
        self.assertEqual(to_katrin.subject, "Gemeldet: Sprachcafé")
        self.assertTrue(to_katrin.body.startswith("Hallo Katrin,"), to_katrin.body[:40])
        self.assertRegex(to_katrin.body, r"(?m)^[“„]Sprachcafé[”“]$")
        self.assertNotIn("Taalcafé", to_katrin.body)
        (to_moderator,) = self.to_editors()
        self.assertEqual(to_moderator.subject, "Gemeld: Taalcafé")
        self.assertRegex(to_moderator.body, r"(?m)^[“„]Taalcafé[”“]$")
        # Signed as the site's other emails are.
        for message in (to_katrin, to_moderator):
            self.assertNotEqual(message.body.rstrip().splitlines()[-1], "")
        self.assertIn("Mit freundlichen Grüßen", to_katrin.body)
        self.assertIn("Met vriendelijke groet", to_moderator.body)
