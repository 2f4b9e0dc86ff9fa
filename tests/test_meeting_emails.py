"""What members are emailed about the meetings they register for: the confirmation with the
meeting for their calendar, the waiting list, a place that came free, their cancellation, a
meeting moved or cancelled, and the reminders before it starts; each in their own language, once.
"""

import datetime

import icalendar
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase

from exchanges.choices import MeetingFormat
from exchanges.ical import meeting_uid
from exchanges.models import MeetingPage, Registration
from exchanges.reminders import send_meeting_reminders
from home.schedule import JOBS
from tests.calendar_base import CalendarMixin, local

User = get_user_model()

NOW = local(2026, 3, 10, 12, 0)
START = local(2026, 3, 20, 19, 0)
JOIN = "https://video.jumelage.example/sessie"


def invitation(email):
    """The calendar an email carries, parsed, with its content type; None without one."""
    attached = [a for a in email.attachments if a[2].startswith("text/calendar")]
    if not attached:
        return None
    [(_filename, content, mimetype)] = attached
    cal = icalendar.Calendar.from_ical(content)
    [event] = cal.walk("VEVENT")
    return cal, event, mimetype


class MeetingEmailsTestCase(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.small = cls.meeting(START, title="Kleine groep", slug="klein", capacity=1)
        cls.small_de = cls.translated(cls.small, title="Kleine Gruppe", slug="klein")
        cls.online = cls.meeting(
            START,
            title="Online sessie",
            slug="online",
            format=MeetingFormat.ONLINE,
            online_url=JOIN,
        )
        cls.online_de = cls.translated(cls.online, title="Online-Sitzung", slug="online")
        cls.anna = User.objects.create_user("anna@example.org", "x", language="nl")
        cls.bernd = User.objects.create_user("bernd@example.org", "x", language="de")
        cls.carla = User.objects.create_user("carla@example.org", "x", language="nl")

    def post(self, member, address):
        self.client.force_login(member)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(address)

    def register(self, member, meeting):
        self.post(member, f"/{meeting.locale.language_code}/meetings/{meeting.pk}/register/")

    def cancel(self, member, meeting):
        self.post(member, f"/{meeting.locale.language_code}/meetings/{meeting.pk}/cancel/")

    def emails_to(self, member):
        return [email for email in mail.outbox if email.to == [member.email]]

    def feed_sequence(self, meeting):
        response = self.client.get(f"/nl/meetings/{meeting.pk}.ics")
        [event] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        return int(event["SEQUENCE"])


@time_machine.travel(NOW, tick=False)
class RegistrationEmailTests(MeetingEmailsTestCase):
    def test_registering_sends_a_confirmation_in_the_members_language_with_an_invitation(self):
        self.register(self.bernd, self.small)  # on the Dutch page; Bernd reads German
        [email] = mail.outbox
        self.assertEqual(email.to, ["bernd@example.org"])
        self.assertEqual(email.subject, "Sie sind angemeldet: Kleine Gruppe")
        self.assertIn("http://testserver/de/kalender/klein/", email.body)
        cal, event, mimetype = invitation(email)
        self.assertEqual(mimetype, "text/calendar; method=REQUEST")
        [part] = [p for p in email.message().walk() if p.get_content_type() == "text/calendar"]
        self.assertEqual(part.get_param("method"), "REQUEST")
        self.assertEqual(str(cal["METHOD"]), "REQUEST")
        self.assertEqual(str(event["UID"]), meeting_uid(self.small))
        self.assertEqual(int(event["SEQUENCE"]), self.feed_sequence(self.small))
        self.assertEqual(event.decoded("DTSTART"), START)
        self.assertEqual(str(event["ORGANIZER"]), "mailto:noreply@jumelage.example")
        self.assertEqual(str(event["ATTENDEE"]), "mailto:bernd@example.org")
        self.assertEqual(str(event["SUMMARY"]), "Kleine Gruppe")

    def test_the_confirmation_of_an_online_meeting_carries_the_join_link(self):
        self.register(self.anna, self.online)
        [email] = mail.outbox
        self.assertIn(JOIN, email.body)
        _cal, event, _mimetype = invitation(email)
        self.assertIn(JOIN, str(event["DESCRIPTION"]))
        self.assertNotIn(
            JOIN.encode(), self.client.get(f"/nl/meetings/{self.online.pk}.ics").content
        )

    def test_a_member_on_the_waiting_list_is_told_their_number_without_an_invitation(self):
        self.register(self.anna, self.small)
        self.register(self.bernd, self.small_de)
        [email] = self.emails_to(self.bernd)
        self.assertIn("Warteliste", email.subject)
        self.assertIn("Nummer 1", email.body)
        self.assertIsNone(invitation(email))

    def test_a_place_that_comes_free_is_sent_with_the_invitation(self):
        self.register(self.anna, self.small)
        self.register(self.bernd, self.small_de)
        mail.outbox.clear()
        self.cancel(self.anna, self.small)
        [email] = self.emails_to(self.bernd)
        self.assertIn("Ein Platz ist für Sie frei geworden", email.subject)
        cal, event, _mimetype = invitation(email)
        self.assertEqual(str(cal["METHOD"]), "REQUEST")
        self.assertEqual(str(event["ATTENDEE"]), "mailto:bernd@example.org")

    def test_cancelling_sends_a_cancellation_that_supersedes_the_invitation(self):
        self.register(self.anna, self.small)
        [confirmation] = mail.outbox
        _cal, invited, _mimetype = invitation(confirmation)
        self.cancel(self.anna, self.small)
        [_confirmation, email] = self.emails_to(self.anna)
        self.assertEqual(email.subject, "Aanmelding geannuleerd: Kleine groep")
        cal, event, mimetype = invitation(email)
        self.assertEqual(mimetype, "text/calendar; method=CANCEL")
        self.assertEqual(str(cal["METHOD"]), "CANCEL")
        self.assertEqual(event["UID"], invited["UID"])
        self.assertGreater(int(event["SEQUENCE"]), int(invited["SEQUENCE"]))
        self.assertEqual(str(event["STATUS"]), "CANCELLED")

    def test_registering_again_after_cancelling_is_newer_than_the_cancellation(self):
        self.register(self.anna, self.small)
        self.cancel(self.anna, self.small)
        self.register(self.anna, self.small)
        _confirmation, cancellation, again = self.emails_to(self.anna)
        self.assertGreater(
            int(invitation(again)[1]["SEQUENCE"]), int(invitation(cancellation)[1]["SEQUENCE"])
        )

    def test_leaving_the_waiting_list_sends_nothing_more(self):
        self.register(self.anna, self.small)
        self.register(self.bernd, self.small_de)
        mail.outbox.clear()
        self.cancel(self.bernd, self.small_de)
        self.assertEqual(mail.outbox, [])

    def test_registering_twice_confirms_once(self):
        self.register(self.anna, self.small)
        self.register(self.anna, self.small)
        self.assertEqual(len(mail.outbox), 1)


@time_machine.travel(NOW, tick=False)
class ChangedMeetingEmailTests(MeetingEmailsTestCase):
    def setUp(self):
        self.register(self.anna, self.small)
        self.register(self.bernd, self.small_de)  # waiting
        mail.outbox.clear()

    def publish(self, page, **fields):
        page = MeetingPage.objects.get(pk=page.pk)
        for name, value in fields.items():
            setattr(page, name, value)
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()

    def move(self):
        self.publish(
            self.small,
            start=START + datetime.timedelta(days=1),
            end=START + datetime.timedelta(days=1, hours=2),
            moved_from=START,
        )

    def test_moving_a_meeting_tells_everyone_registered_and_waiting_once(self):
        self.move()  # the German version takes the new time over, and is published too
        [to_anna] = self.emails_to(self.anna)
        [to_bernd] = self.emails_to(self.bernd)
        self.assertEqual(len(mail.outbox), 2)
        self.assertEqual(to_anna.subject, "Nieuwe tijd: Kleine groep")
        self.assertIn("Wanneer: zaterdag 21 maart 2026, 19:00 – 21:00", to_anna.body)
        cal, event, _mimetype = invitation(to_anna)
        self.assertEqual(str(cal["METHOD"]), "REQUEST")
        self.assertEqual(event.decoded("DTSTART"), START + datetime.timedelta(days=1))
        self.assertEqual(int(event["SEQUENCE"]), self.feed_sequence(self.small))
        self.assertEqual(to_bernd.subject, "Neue Zeit: Kleine Gruppe")
        self.assertIn("Warteliste", to_bernd.body)
        self.assertIsNone(invitation(to_bernd))

    def test_publishing_again_without_a_change_sends_nothing(self):
        self.move()
        mail.outbox.clear()
        self.publish(self.small, intro="Een nieuwe tekst.")
        self.publish(self.small_de)
        self.assertEqual(mail.outbox, [])

    def test_a_new_text_sends_nothing(self):
        self.publish(self.small, title="Kleine groep (herzien)")
        self.assertEqual(mail.outbox, [])

    def test_cancelling_a_meeting_sends_the_cancellation_to_the_registered(self):
        self.publish(self.small, cancelled=True)
        [to_anna] = self.emails_to(self.anna)
        [to_bernd] = self.emails_to(self.bernd)
        self.assertEqual(to_anna.subject, "Afgelast: Kleine groep")
        cal, event, _mimetype = invitation(to_anna)
        self.assertEqual(str(cal["METHOD"]), "CANCEL")
        self.assertEqual(str(event["STATUS"]), "CANCELLED")
        self.assertEqual(to_bernd.subject, "Abgesagt: Kleine Gruppe")
        self.assertIsNone(invitation(to_bernd))
        mail.outbox.clear()
        self.publish(self.small_de, cancelled=True)
        self.assertEqual(mail.outbox, [])


class ReminderTests(MeetingEmailsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        with time_machine.travel(NOW, tick=False):
            for meeting in (cls.online, cls.small):
                Registration.objects.register(meeting, cls.anna)
            Registration.objects.register(cls.online, cls.bernd)
            Registration.objects.register(cls.small, cls.carla)  # waiting: no reminder

    def run_at(self, moment):
        with time_machine.travel(moment, tick=False), self.captureOnCommitCallbacks(execute=True):
            return send_meeting_reminders(moment)

    def test_the_job_is_registered_to_run_every_five_minutes(self):
        self.assertEqual(JOBS["meeting-reminders"].every, datetime.timedelta(minutes=5))

    def test_registered_members_are_reminded_a_day_before_once(self):
        self.assertEqual(self.run_at(START - datetime.timedelta(hours=24, minutes=1)), 0)
        self.assertEqual(self.run_at(START - datetime.timedelta(hours=23, minutes=58)), 3)
        self.assertEqual(self.run_at(START - datetime.timedelta(hours=23, minutes=53)), 0)
        self.assertEqual(
            sorted((email.to[0], email.subject) for email in mail.outbox),
            [
                ("anna@example.org", "Herinnering: Kleine groep"),
                ("anna@example.org", "Herinnering: Online sessie"),
                ("bernd@example.org", "Erinnerung: Online-Sitzung"),
            ],
        )

    def test_a_job_that_runs_an_hour_late_still_reminds(self):
        self.assertEqual(self.run_at(START - datetime.timedelta(hours=22, minutes=55)), 3)

    def test_online_meetings_are_reminded_shortly_before_with_the_join_link(self):
        self.run_at(START - datetime.timedelta(hours=23, minutes=58))
        mail.outbox.clear()
        self.assertEqual(self.run_at(START - datetime.timedelta(minutes=14)), 2)
        self.assertEqual(self.run_at(START - datetime.timedelta(minutes=9)), 0)
        to_bernd = next(email for email in mail.outbox if email.to == ["bernd@example.org"])
        self.assertEqual(to_bernd.subject, "Beginnt gleich: Online-Sitzung")
        self.assertIn(JOIN, to_bernd.body)

    def test_nobody_is_reminded_of_a_meeting_that_has_begun(self):
        self.assertEqual(self.run_at(START + datetime.timedelta(minutes=1)), 0)

    def test_a_cancelled_registration_or_meeting_is_not_reminded(self):
        with time_machine.travel(NOW, tick=False):
            Registration.objects.cancel(self.online, self.bernd)
        MeetingPage.objects.filter(translation_key=self.small.translation_key).update(
            cancelled=True
        )
        self.assertEqual(self.run_at(START - datetime.timedelta(hours=23)), 1)
        [email] = mail.outbox
        self.assertEqual(email.subject, "Herinnering: Online sessie")

    def test_a_moved_meeting_is_reminded_of_again_for_its_new_time(self):
        self.run_at(START - datetime.timedelta(hours=23))
        later = START + datetime.timedelta(days=2)
        MeetingPage.objects.filter(translation_key=self.small.translation_key).update(
            start=later, end=later + datetime.timedelta(hours=2)
        )
        mail.outbox.clear()
        self.assertEqual(self.run_at(later - datetime.timedelta(hours=23)), 1)
        self.assertEqual(self.emails_to(self.carla), [])

    def test_a_member_who_registers_on_the_day_gets_the_link_shortly_before(self):
        with time_machine.travel(START - datetime.timedelta(hours=3), tick=False):
            Registration.objects.register(self.online, self.carla)
        self.run_at(START - datetime.timedelta(hours=2, minutes=55))
        self.assertEqual(self.emails_to(self.carla), [])  # her confirmation says it all
        self.run_at(START - datetime.timedelta(minutes=14))
        [email] = self.emails_to(self.carla)
        self.assertEqual(email.subject, "Begint zo: Online sessie")
        self.assertIn(JOIN, email.body)
