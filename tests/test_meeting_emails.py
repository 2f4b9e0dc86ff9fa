"""What members are emailed about the meetings they register for: the confirmation with the
meeting for their calendar, the waiting list, a place that came free, their cancellation, a
meeting moved, cancelled or taking place after all, an editor's change of their registration, and
the reminders before it starts; each in their own language, once, the changes told by a task.
"""

import datetime
import re
from unittest import mock

import icalendar
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task_backends

from exchanges import notifications
from exchanges.choices import MeetingFormat, RegistrationStatus
from exchanges.ical import meeting_uid
from exchanges.models import MeetingPage, Registration
from exchanges.reminders import send_meeting_reminders
from home.mail import OutgoingEmail
from home.schedule import JOBS
from tests.calendar_base import CalendarMixin, local

User = get_user_model()

NOW = local(2026, 3, 10, 12, 0)
START = local(2026, 3, 20, 19, 0)
JOIN = "https://video.jumelage.example/sessie"
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


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
        self.assertEqual(event["ATTENDEE"].params["RSVP"], "FALSE")
        self.assertEqual(str(event["STATUS"]), "CONFIRMED")
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
        # One member's place, not the meeting: no STATUS:CANCELLED (RFC 5546, 3.2.5).
        self.assertNotIn("STATUS", event)

    def test_registering_again_after_cancelling_is_newer_than_the_cancellation(self):
        self.register(self.anna, self.small)
        self.cancel(self.anna, self.small)
        self.register(self.anna, self.small)
        _confirmation, cancellation, again = self.emails_to(self.anna)
        self.assertGreater(
            int(invitation(again)[1]["SEQUENCE"]), int(invitation(cancellation)[1]["SEQUENCE"])
        )

    def test_a_german_member_promoted_by_a_dutch_members_cancel_gets_a_german_invitation(self):
        small_online = self.meeting(
            START,
            title="Kleine online sessie",
            slug="klein-online",
            format=MeetingFormat.ONLINE,
            online_url=JOIN,
            capacity=1,
        )
        small_online_de = self.translated(
            small_online, title="Kleine Online-Sitzung", slug="klein-online"
        )
        self.register(self.anna, small_online)
        self.register(self.bernd, small_online_de)
        mail.outbox.clear()
        self.cancel(self.anna, small_online)  # on /nl/
        [email] = self.emails_to(self.bernd)
        _cal, event, _mimetype = invitation(email)
        description = str(event["DESCRIPTION"])
        self.assertIn(f"Online teilnehmen: {JOIN}", description)
        self.assertNotIn("Online deelnemen", description)
        self.assertEqual(
            event["ORGANIZER"].params["CN"],
            "Städtepartnerschaft Steenwijkerland – Herzebrock-Clarholz",
        )

    def test_an_editor_who_cancels_a_place_sends_the_cancellation_and_the_next_their_place(self):
        self.register(self.anna, self.small)
        self.register(self.bernd, self.small_de)  # waiting
        mail.outbox.clear()
        registration = Registration.objects.for_meeting(self.small).get(user=self.anna)
        with self.captureOnCommitCallbacks(execute=True), translation.override("nl"):
            Registration.objects.change_status(registration, RegistrationStatus.CANCELLED)
        [to_anna] = self.emails_to(self.anna)
        self.assertEqual(to_anna.subject, "Aanmelding geannuleerd: Kleine groep")
        cal, event, _mimetype = invitation(to_anna)
        self.assertEqual(str(cal["METHOD"]), "CANCEL")
        self.assertNotIn("STATUS", event)
        [to_bernd] = self.emails_to(self.bernd)
        self.assertEqual(str(invitation(to_bernd)[0]["METHOD"]), "REQUEST")

    def test_an_editor_who_gives_a_waiting_member_a_place_sends_the_invitation(self):
        self.register(self.anna, self.small)
        self.register(self.bernd, self.small_de)  # waiting
        [waiting_note] = self.emails_to(self.bernd)
        mail.outbox.clear()
        MeetingPage.objects.filter(translation_key=self.small.translation_key).update(capacity=2)
        registration = Registration.objects.for_meeting(self.small).get(user=self.bernd)
        with self.captureOnCommitCallbacks(execute=True), translation.override("nl"):
            Registration.objects.change_status(registration, RegistrationStatus.REGISTERED)
        [email] = mail.outbox
        self.assertEqual(email.to, ["bernd@example.org"])
        self.assertEqual(email.subject, "Sie sind angemeldet: Kleine Gruppe")
        cal, event, _mimetype = invitation(email)
        self.assertEqual(str(cal["METHOD"]), "REQUEST")
        self.assertEqual(int(event["SEQUENCE"]), self.feed_sequence(self.small))
        self.assertIsNone(invitation(waiting_note))

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
class MeetingOffTheSiteEmailTests(MeetingEmailsTestCase):
    """Found by the outsider's pass: a member moved up from the waiting list of a meeting no
    longer published (its expiry date passed) was emailed a link to its page, not found, and
    told to cancel there."""

    def setUp(self):
        self.register(self.anna, self.small)
        self.register(self.bernd, self.small_de)  # waiting
        for page in (self.small, self.small_de):
            page.refresh_from_db()
            page.unpublish()
        mail.outbox.clear()

    def addresses(self, email):
        """Every address the email leads to, none of them to the meeting's pages."""
        _cal, event, _mimetype = invitation(email)
        addresses = {*re.findall(r"https?://\S+", email.body), str(event["URL"])}
        for address in addresses:
            self.assertNotIn("/klein/", address)
        return addresses

    def test_a_member_moved_up_is_led_to_her_registrations_not_to_a_page_not_found(self):
        self.cancel(self.anna, self.small)
        [email] = self.emails_to(self.bernd)
        self.assertIn("Ein Platz ist für Sie frei geworden", email.subject)
        addresses = self.addresses(email)
        self.assertIn("http://testserver/de/members/#my-meetings", addresses)
        self.assertNotIn("Seite des Treffens", email.body)
        self.client.force_login(self.bernd)
        for address in addresses:
            self.assertEqual(self.client.get(address).status_code, 200)
        registrations = self.client.get("/de/members/")
        self.assertContains(registrations, "Kleine Gruppe")
        self.assertNotContains(registrations, "/klein/")
        self.assertContains(registrations, f'action="/de/meetings/{self.small_de.pk}/cancel/"')

    def test_the_member_who_cancels_is_not_asked_to_register_again_on_the_page(self):
        self.cancel(self.anna, self.small)
        [email] = self.emails_to(self.anna)
        self.assertIn("http://testserver/nl/members/#my-meetings", self.addresses(email))
        self.assertNotIn("pagina", email.body)


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
        self.assertIn("Wanneer: zaterdag 21\xa0maart\xa02026, 19:00–21:00", to_anna.body)
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

    def test_the_cancellation_of_an_online_meeting_promises_no_link(self):
        # "Online: the link is on the meeting page for members with a place" in the email that
        # says there is no meeting (walk 12).
        self.register(self.anna, self.online)
        mail.outbox.clear()
        self.publish(self.online, cancelled=True)
        [to_anna] = self.emails_to(self.anna)
        self.assertTrue(to_anna.subject.startswith("Afgelast: "), to_anna.subject)
        self.assertIn("\nOnline\n", to_anna.body)
        self.assertNotIn("link", to_anna.body.lower())
        self.assertNotIn(JOIN, to_anna.body)

    def test_a_cancelled_meeting_published_again_tells_that_it_takes_place_after_all(self):
        self.publish(self.small, cancelled=True)
        [cancellation] = self.emails_to(self.anna)
        mail.outbox.clear()
        self.publish(self.small, cancelled=False)
        [to_anna] = self.emails_to(self.anna)
        [to_bernd] = self.emails_to(self.bernd)
        self.assertEqual(len(mail.outbox), 2)
        self.assertEqual(to_anna.subject, "Gaat toch door: Kleine groep")
        self.assertIn("Wanneer: vrijdag 20\xa0maart\xa02026, 19:00–21:00", to_anna.body)
        cal, event, _mimetype = invitation(to_anna)
        self.assertEqual(str(cal["METHOD"]), "REQUEST")
        self.assertEqual(str(event["STATUS"]), "CONFIRMED")
        self.assertGreater(int(event["SEQUENCE"]), int(invitation(cancellation)[1]["SEQUENCE"]))
        self.assertEqual(int(event["SEQUENCE"]), self.feed_sequence(self.small))
        self.assertEqual(to_bernd.subject, "Findet doch statt: Kleine Gruppe")
        self.assertIn("Warteliste (Nummer 1)", to_bernd.body)
        self.assertIsNone(invitation(to_bernd))
        mail.outbox.clear()
        self.publish(self.small_de, cancelled=False)
        self.assertEqual(mail.outbox, [])

    def test_a_second_cancellation_is_told_too(self):
        self.publish(self.small, cancelled=True)
        self.publish(self.small, cancelled=False)
        self.publish(self.small, cancelled=True)
        subjects = [email.subject for email in self.emails_to(self.anna)]
        self.assertEqual(
            subjects,
            ["Afgelast: Kleine groep", "Gaat toch door: Kleine groep", "Afgelast: Kleine groep"],
        )

    def test_a_meeting_moved_back_and_forth_is_told_each_time(self):
        later = {
            "start": START + datetime.timedelta(days=1),
            "end": START + datetime.timedelta(days=1, hours=2),
        }
        back = {"start": START, "end": START + datetime.timedelta(hours=2)}
        for fields in (later, back, later):
            self.publish(self.small, **fields)
        emails = self.emails_to(self.anna)
        self.assertEqual([email.subject for email in emails], ["Nieuwe tijd: Kleine groep"] * 3)
        sequences = [int(invitation(email)[1]["SEQUENCE"]) for email in emails]
        self.assertEqual(sequences, sorted(set(sequences)))
        self.assertEqual(invitation(emails[2])[1].decoded("DTSTART"), later["start"])

    def test_telling_a_change_runs_again_without_telling_anyone_twice(self):
        self.move()
        self.assertEqual(len(mail.outbox), 2)
        sequence = self.feed_sequence(self.small)
        page = MeetingPage.objects.get(pk=self.small.pk)
        when = notifications.time_of(page)
        self.assertEqual(notifications.tell_of_change.call(page.pk, "moved", sequence, when), 0)
        self.assertEqual(len(mail.outbox), 2)

    @override_settings(TASKS=DUMMY_TASKS)
    def test_a_move_moved_again_before_it_was_told_is_told_once_at_its_latest_time(self):
        backend = task_backends["default"]
        backend.clear()
        self.move()
        self.publish(
            self.small,
            start=START + datetime.timedelta(days=2),
            end=START + datetime.timedelta(days=2, hours=2),
        )
        tasks = [r for r in backend.results if r.task.name == "tell_of_change"]
        self.assertEqual(len(tasks), 2)
        told = [notifications.tell_of_change.call(*result.args) for result in tasks]
        self.assertEqual(told, [0, 2])

    def publishing_queries(self, registrations):
        meeting = self.meeting(START, title=f"Groep {registrations}", slug=f"groep-{registrations}")
        for number in range(registrations):
            member = User.objects.create_user(f"lid{registrations}-{number}@example.org", "x")
            Registration.objects.register(meeting, member)
        backend = task_backends["default"]
        backend.clear()
        page = MeetingPage.objects.get(pk=meeting.pk)
        page.start = START + datetime.timedelta(days=1)
        page.end = page.start + datetime.timedelta(hours=2)
        with CaptureQueriesContext(connection) as queries:
            with self.captureOnCommitCallbacks(execute=True):
                page.save_revision().publish()
        [result] = [r for r in backend.results if r.task.name == "tell_of_change"]
        when = notifications.time_of(page)
        self.assertEqual(result.args, [meeting.pk, "moved", self.feed_sequence(meeting), when])
        return len(queries), result

    @override_settings(TASKS=DUMMY_TASKS)
    def test_publishing_a_change_costs_the_same_whatever_the_number_of_participants(self):
        self.publishing_queries(1)  # caches warmed
        few, _result = self.publishing_queries(2)
        many, result = self.publishing_queries(20)
        self.assertEqual(few, many)
        self.assertEqual(notifications.tell_of_change.call(*result.args), 20)  # by the worker
        self.assertEqual(OutgoingEmail.objects.filter(subject="Nieuwe tijd: Groep 20").count(), 20)


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

    def publish_at(self, moment, page, **fields):
        page = MeetingPage.objects.get(pk=page.pk)
        for name, value in fields.items():
            setattr(page, name, value)
        with time_machine.travel(moment, tick=False), self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()

    def test_a_meeting_moved_away_and_back_is_reminded_of_again_once(self):
        self.run_at(START - datetime.timedelta(hours=23))
        later = START + datetime.timedelta(days=2)
        hours = datetime.timedelta(hours=2)
        self.publish_at(
            START - datetime.timedelta(hours=22), self.small, start=later, end=later + hours
        )
        self.publish_at(
            START - datetime.timedelta(hours=21), self.small, start=START, end=START + hours
        )
        mail.outbox.clear()
        self.assertEqual(self.run_at(START - datetime.timedelta(hours=20, minutes=55)), 1)
        [email] = [e for e in self.emails_to(self.anna) if e.subject.startswith("Herinnering")]
        self.assertEqual(email.subject, "Herinnering: Kleine groep")
        self.assertEqual(self.run_at(START - datetime.timedelta(hours=20, minutes=50)), 0)
        self.assertEqual(self.run_at(START - datetime.timedelta(hours=2)), 0)

    def test_a_place_given_up_on_the_day_reminds_nobody_else_twice(self):
        self.assertEqual(self.run_at(START - datetime.timedelta(hours=23)), 3)
        # Bernd's cancellation gives the online meeting a new SEQUENCE for his calendar only.
        sequence = self.online.announced_sequence()
        with time_machine.travel(START - datetime.timedelta(hours=22), tick=False):
            self.cancel(self.bernd, self.online_de)
        self.assertGreater(self.online.announced_sequence(), sequence)
        self.assertEqual(self.run_at(START - datetime.timedelta(hours=22, minutes=55)), 0)

    def test_a_member_who_registers_on_the_day_gets_the_link_shortly_before(self):
        with time_machine.travel(START - datetime.timedelta(hours=3), tick=False):
            Registration.objects.register(self.online, self.carla)
        self.run_at(START - datetime.timedelta(hours=2, minutes=55))
        self.assertEqual(self.emails_to(self.carla), [])  # her confirmation says it all
        self.run_at(START - datetime.timedelta(minutes=14))
        [email] = self.emails_to(self.carla)
        self.assertEqual(email.subject, "Begint zo: Online sessie")
        self.assertIn(JOIN, email.body)

    def test_a_run_renders_only_the_reminders_not_queued_before(self):
        self.assertEqual(self.run_at(START - datetime.timedelta(hours=23, minutes=58)), 3)
        with mock.patch.object(notifications, "tell", wraps=notifications.tell) as tell:
            self.assertEqual(self.run_at(START - datetime.timedelta(hours=23, minutes=53)), 0)
        tell.assert_not_called()

    def test_a_reminder_that_fails_does_not_hold_up_the_others(self):
        real_tell = notifications.tell

        def tell(template, registration, meeting, **kwargs):
            if registration.user == self.bernd:
                raise ValueError("a broken registration")
            return real_tell(template, registration, meeting, **kwargs)

        moment = START - datetime.timedelta(hours=23)
        with (
            mock.patch.object(notifications, "tell", side_effect=tell),
            self.assertLogs("exchanges.reminders", "ERROR") as logs,
        ):
            self.assertEqual(self.run_at(moment), 2)
        self.assertIn("meeting-reminder:day:", logs.output[0])
        self.assertEqual(self.emails_to(self.bernd), [])
        self.assertEqual(self.run_at(moment + datetime.timedelta(minutes=5)), 1)  # tried again
        self.assertEqual(len(self.emails_to(self.bernd)), 1)

    def test_the_reminder_shortly_before_a_hybrid_meeting_speaks_to_both_audiences(self):
        hybrid = self.meeting(
            START,
            title="Hybride avond",
            slug="hybride",
            format=MeetingFormat.HYBRID,
            online_url=JOIN,
            place_name="Raadhuis",
        )
        self.translated(hybrid, title="Hybrider Abend", slug="hybride")
        with time_machine.travel(NOW, tick=False):
            Registration.objects.register(hybrid, self.carla)
            Registration.objects.register(hybrid, self.bernd)
        self.run_at(START - datetime.timedelta(minutes=14))
        [to_carla] = [e for e in self.emails_to(self.carla) if "Hybride" in e.subject]
        self.assertIn("Doet u online mee? Gebruik dan de link hieronder.", to_carla.body)
        self.assertIn(JOIN, to_carla.body)
        self.assertIn("Raadhuis", to_carla.body)
        [to_bernd] = [e for e in self.emails_to(self.bernd) if "Hybrider" in e.subject]
        self.assertIn("Nehmen Sie online teil? Dann nutzen Sie den Link unten.", to_bernd.body)
        online = [e for e in self.emails_to(self.anna) if "Online sessie" in e.subject]
        self.assertIn("Doe mee via de link hieronder.", online[0].body)


class WordingTests(TestCase):
    def test_a_moved_meeting_was_previously_at_an_earlier_time_not_originally(self):
        for language, word in (("nl", "eerder"), ("de", "zuvor")):
            with translation.override(language):
                self.assertEqual(gettext("previously %(start)s"), f"{word} %(start)s")
