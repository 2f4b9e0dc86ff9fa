"""Newcomer's walk 17: what the emails promise."""

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase

from exchanges.models import Registration
from tests.calendar_base import CalendarMixin, local, year_like
from tests.test_members import MembersTestCase

User = get_user_model()


class WhyToCancelTests(CalendarMixin, TestCase):
    """The confirmation of a registration asked her to cancel "so someone else can take your
    place" on a meeting with no limit of places: there it says the organisers then know."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        start = local(year_like(2030), 5, 1, 19, 30)
        cls.open_to_all = cls.meeting(start, title="Avond voor iedereen", slug="iedereen")
        cls.small = cls.meeting(start, title="Kleine groep", slug="klein", capacity=5)
        cls.sabine = User.objects.create_user("sabine@example.org", "x", language="de")

    def confirmation(self, meeting):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            Registration.objects.register(meeting, self.sabine, notify=True)
        [email] = [message for message in mail.outbox if message.to == [self.sabine.email]]
        return email.body

    def test_a_meeting_without_a_limit_promises_no_place_to_others(self):
        body = self.confirmation(self.open_to_all)
        self.assertIn("damit die Veranstalter wissen, wer kommt.", body)
        self.assertNotIn("Platz", body)

    def test_a_meeting_with_a_limit_gives_her_place_to_someone_else(self):
        body = self.confirmation(self.small)
        self.assertIn("damit jemand anderes Ihren Platz bekommt.", body)


class ChoicesErrorTests(MembersTestCase):
    """The error of a group of choices (the towns a story is of) was tied to nothing: a screen
    reader on one of its boxes did not read it, as it reads a single field's."""

    def test_the_group_of_towns_reads_out_its_error_and_its_help(self):
        response = self.post_story(self.bernd, towns=[])
        self.assertEqual(response.status_code, 200)
        page = BeautifulSoup(response.content, "html.parser")
        group = page.select_one("#id_towns").find_parent("fieldset")
        described = [page.find(id=name) for name in group["aria-describedby"].split()]
        self.assertEqual(
            [part.get_text(" ", strip=True) for part in described],
            [
                "Nodig om het verhaal naar de redactie te sturen; een concept kan zonder.",
                "Kies ten minste één betrokken gemeente.",
            ],
        )
