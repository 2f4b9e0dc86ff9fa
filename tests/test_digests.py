"""Sector digests as a member notices them: one email at the time they chose, with what is new in
each of their communities, in their language, never an item twice, nothing when nothing is new
(exchanges/digests.py), moved through time with time_machine in Amsterdam's local time."""

import datetime

import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Revision

from community.models import SectorMembership
from community.models.members import DigestFrequency
from exchanges.digests import send_digests
from home import schedule
from home.mail import OutgoingEmail
from tests.calendar_base import CalendarMixin, local

User = get_user_model()

# A Monday, with a week of days after it.
MONDAY = datetime.date(2027, 3, 1)
HALF_MINUTE = datetime.timedelta(seconds=30)


def day(offset, hour, minute=0):
    """Local time `offset` days after MONDAY."""
    date = MONDAY + datetime.timedelta(days=offset)
    return local(date.year, date.month, date.day, hour, minute)


class DigestTestCase(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.anna = User.objects.create_user(
            "anna@example.org", "een-lang-wachtwoord", display_name="Anna", language="nl"
        )
        cls.bernd = User.objects.create_user(
            "bernd@example.org", "een-lang-wachtwoord", display_name="Bernd", language="de"
        )

    def at(self, moment):
        return time_machine.travel(moment, tick=False)

    def join(self, user, sector, moment, digest=None):
        with self.at(moment):
            membership = SectorMembership.objects.create(
                user=user, sector_key=sector.translation_key
            )
            if digest:
                membership.choose_digest(digest)
        return membership

    def published(self, page, moment):
        with self.at(moment):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    def new_story(self, title, sector, moment, **kwargs):
        return self.published(self.story(title=title, sectors=[sector], **kwargs), moment)

    def new_meeting(self, title, sector, moment, start=None, **kwargs):
        meeting = self.meeting(start or day(30, 19), title=title, sectors=[sector], **kwargs)
        return self.published(meeting, moment)

    def run_at(self, moment):
        """A run of the job at `moment`; returns the emails it sent."""
        before = len(mail.outbox)
        with self.at(moment):
            send_digests(moment)
        return mail.outbox[before:]

    def digests_to(self, user, emails):
        return [email for email in emails if email.to == [user.email]]


class WhenDigestsArrive(DigestTestCase):
    def test_weekly_digest_arrives_once_on_monday_grouped_by_sector_in_each_language(self):
        self.join(self.anna, self.climate, day(0, 8))
        self.join(self.anna, self.farming, day(0, 8))
        self.join(self.bernd, self.climate, day(0, 8))
        story = self.new_story("Fietsen naar Clarholz", self.climate, day(1, 10), slug="fietsen")
        with self.at(day(2, 10)):
            self.translated(story, title="Radtour nach Clarholz", slug="radtour")
        self.new_meeting("Boerenmarkt", self.farming, day(3, 12), slug="boerenmarkt")

        self.assertEqual(self.run_at(day(6, 23, 55)), [])
        self.assertEqual(self.run_at(day(7, 6, 55)), [])
        sent = self.run_at(day(7, 7, 0))
        self.assertEqual(len(sent), 2)
        (anna,) = self.digests_to(self.anna, sent)
        self.assertEqual(anna.subject, "Nieuws uit uw 2 sectorgemeenschappen")
        self.assertIn("Beste Anna,", anna.body)
        climate, farming = anna.body.index("Duurzaamheid en klimaat"), anna.body.index("Landbouw")
        story_at, meeting_at = (
            anna.body.index("Fietsen naar Clarholz"),
            anna.body.index("Boerenmarkt"),
        )
        # Sectors in alphabetical order, each item under its own sector.
        self.assertLess(climate, story_at)
        self.assertLess(story_at, farming)
        self.assertLess(farming, meeting_at)
        self.assertIn("http://testserver/nl/verhalen/fietsen/", anna.body)
        self.assertIn("[nieuw] Boerenmarkt", anna.body)
        self.assertIn("http://testserver/nl/agenda/boerenmarkt/", anna.body)
        html = anna.alternatives[0][0]
        self.assertIn('href="http://testserver/nl/verhalen/fietsen/"', html)

        (bernd,) = self.digests_to(self.bernd, sent)
        self.assertEqual(bernd.subject, "Neues aus Ihrer Fachgruppe: Nachhaltigkeit und Klima")
        self.assertIn("Radtour nach Clarholz", bernd.body)
        self.assertIn("http://testserver/de/geschichten/radtour/", bernd.body)
        self.assertNotIn("Fietsen", bernd.body)
        self.assertNotIn("Boerenmarkt", bernd.body)

        self.assertEqual(self.run_at(day(7, 7, 5)), [])
        self.assertEqual(self.run_at(day(8, 7, 0)), [])

    def test_a_member_hears_nothing_when_nothing_is_new(self):
        self.join(self.anna, self.climate, day(0, 8), DigestFrequency.DAILY)
        self.join(self.bernd, self.climate, day(0, 8), DigestFrequency.AS_IT_HAPPENS)
        for moment in (day(1, 7, 0), day(1, 7, 5), day(7, 7, 0), day(7, 12, 0)):
            self.assertEqual(self.run_at(moment), [])

    def test_as_it_happens_arrives_within_minutes_and_never_twice(self):
        self.join(self.bernd, self.climate, day(0, 8), DigestFrequency.AS_IT_HAPPENS)
        self.new_story("Taalcafé", self.climate, day(2, 14, 2))
        (first,) = self.run_at(day(2, 14, 5))
        self.assertIn("Taalcafé", first.body)
        self.assertEqual(self.run_at(day(2, 14, 10)), [])
        self.new_story("Zomerkamp", self.climate, day(2, 14, 11))
        (second,) = self.run_at(day(2, 14, 15))
        self.assertIn("Zomerkamp", second.body)
        self.assertNotIn("Taalcafé", second.body)

    def test_daily_digest_comes_at_seven_local_time_on_both_days_the_clocks_change(self):
        for spring_or_autumn in (datetime.date(2027, 3, 28), datetime.date(2027, 10, 31)):
            with self.subTest(spring_or_autumn):
                year, month, date = (
                    spring_or_autumn.year,
                    spring_or_autumn.month,
                    spring_or_autumn.day,
                )
                eve = spring_or_autumn - datetime.timedelta(days=1)
                membership = self.join(
                    self.anna, self.climate, local(eve.year, eve.month, eve.day, 6, 0), "daily"
                )
                self.new_story(
                    f"Verhaal {month}",
                    self.climate,
                    local(eve.year, eve.month, eve.day, 12, 0),
                )
                self.assertEqual(self.run_at(local(year, month, date, 6, 55)), [])
                (digest,) = self.run_at(local(year, month, date, 7, 0))
                self.assertIn(f"Verhaal {month}", digest.body)
                # 07:00 in Amsterdam: 05:00 UTC in summer, 06:00 UTC in winter.
                self.assertEqual(self.run_at(local(year, month, date, 23, 55)), [])
                membership.delete()

    def test_a_daily_digest_is_not_sent_at_midnight_but_at_seven(self):
        self.join(self.anna, self.climate, day(0, 8), DigestFrequency.DAILY)
        self.new_story("Voor middernacht", self.climate, day(0, 23, 50))
        self.assertEqual(self.run_at(day(0, 23, 55)), [])
        self.assertEqual(self.run_at(day(1, 0, 0)), [])
        self.assertEqual(self.run_at(day(1, 0, 5)), [])
        (digest,) = self.run_at(day(1, 7, 0))
        self.assertIn("Voor middernacht", digest.body)

    def test_after_a_worker_was_down_for_hours_a_late_run_sends_exactly_one_digest(self):
        self.join(self.anna, self.climate, day(0, 8), DigestFrequency.DAILY)
        self.join(self.bernd, self.climate, day(0, 8))
        self.new_story("Maandag", self.climate, day(0, 10))
        self.new_story("Dinsdag", self.climate, day(1, 10))
        # No run from Monday morning until Tuesday afternoon, nor on Monday of the next week.
        sent = self.run_at(day(1, 15, 0))
        (anna,) = self.digests_to(self.anna, sent)
        self.assertIn("Maandag", anna.body)
        self.assertIn("Dinsdag", anna.body)
        self.assertEqual(self.digests_to(self.bernd, sent), [])
        self.assertEqual(self.run_at(day(1, 15, 5)), [])
        self.assertEqual(self.run_at(day(2, 7, 0)), [])

        (bernd,) = self.run_at(day(8, 9, 30))
        self.assertEqual(bernd.to, [self.bernd.email])
        self.assertIn("Dinsdag", bernd.body)
        self.assertEqual(self.run_at(day(8, 9, 35)), [])

    def test_two_runs_that_read_the_same_moment_send_one_digest(self):
        membership = self.join(self.anna, self.climate, day(0, 6), DigestFrequency.DAILY)
        self.new_story("Eenmaal", self.climate, day(0, 10))
        self.assertEqual(len(self.run_at(day(1, 7, 0))), 1)
        # A second worker that read the membership before the first recorded its digest.
        SectorMembership.objects.filter(pk=membership.pk).update(
            digest_sent_until=membership.digest_sent_until
        )
        self.assertEqual(self.run_at(day(1, 7, 0)), [])

    def test_the_worker_runs_the_digests_every_five_minutes(self):
        job = schedule.JOBS["sector-digests"]
        self.assertEqual(job.every, datetime.timedelta(minutes=5))
        self.join(self.anna, self.climate, day(0, 6), DigestFrequency.AS_IT_HAPPENS)
        self.new_story("Via de planner", self.climate, day(0, 10))
        with self.at(day(0, 10, 5)):
            results, _next_due = schedule.run_due_jobs(day(0, 10, 5))
        self.assertEqual(results["sector-digests"], 1)
        self.assertIn("Via de planner", mail.outbox[-1].body)


class ChoicesAndChanges(DigestTestCase):
    def test_a_new_member_gets_no_digest_of_what_came_before_joining(self):
        self.new_story("Van voor mijn tijd", self.climate, day(1, 10))
        self.join(self.anna, self.climate, day(2, 10))
        self.assertEqual(self.run_at(day(7, 7, 0)), [])

    def test_changing_from_weekly_to_daily_mid_week_brings_what_came_since_the_last_digest(self):
        membership = self.join(self.anna, self.climate, day(-7, 6))
        self.new_story("Vorige week", self.climate, day(-3, 10))
        (weekly,) = self.run_at(day(0, 7, 0))
        self.assertIn("Vorige week", weekly.body)
        self.new_story("Dinsdag", self.climate, day(1, 10))
        with self.at(day(2, 9, 0)):
            membership.choose_digest(DigestFrequency.DAILY)
        (daily,) = self.run_at(day(2, 9, 5))
        self.assertIn("Dinsdag", daily.body)
        self.assertNotIn("Vorige week", daily.body)
        self.assertEqual(self.run_at(day(3, 7, 0)), [])
        self.new_story("Donderdag", self.climate, day(3, 10))
        (next_day,) = self.run_at(day(4, 7, 0))
        self.assertIn("Donderdag", next_day.body)
        self.assertNotIn("Dinsdag", next_day.body)

    def test_from_none_to_weekly_only_what_comes_after_the_choice(self):
        membership = self.join(self.anna, self.climate, day(0, 6), DigestFrequency.NONE)
        self.new_story("Zonder overzicht", self.climate, day(1, 10))
        self.assertEqual(self.run_at(day(2, 7, 0)), [])
        with self.at(day(2, 12)):
            membership.choose_digest(DigestFrequency.WEEKLY)
        self.new_story("Met overzicht", self.climate, day(3, 10))
        (digest,) = self.run_at(day(7, 7, 0))
        self.assertIn("Met overzicht", digest.body)
        self.assertNotIn("Zonder overzicht", digest.body)

    def test_a_sector_the_member_left_is_no_longer_in_their_digest(self):
        self.join(self.anna, self.climate, day(0, 6))
        farming = self.join(self.anna, self.farming, day(0, 6))
        self.new_story("Klimaatdag", self.climate, day(1, 10))
        self.new_story("Oogstfeest", self.farming, day(1, 10))
        farming.delete()
        (digest,) = self.run_at(day(7, 7, 0))
        self.assertIn("Klimaatdag", digest.body)
        self.assertNotIn("Oogstfeest", digest.body)
        self.assertNotIn("Landbouw", digest.body)

    def test_one_email_combines_every_sector_due_at_that_moment(self):
        self.join(self.anna, self.climate, day(0, 6), DigestFrequency.DAILY)
        self.join(self.anna, self.farming, day(0, 6))
        self.new_story("Klimaatdag", self.climate, day(5, 10))
        self.new_story("Oogstfeest", self.farming, day(5, 10))
        (digest,) = self.run_at(day(7, 7, 0))
        self.assertIn("Klimaatdag", digest.body)
        self.assertIn("Oogstfeest", digest.body)


class WhatADigestSays(DigestTestCase):
    def test_german_member_gets_an_untranslated_story_from_the_dutch_source_labelled_dutch(self):
        self.join(self.bernd, self.climate, day(0, 6), DigestFrequency.DAILY)
        self.new_story("Alleen in het Nederlands", self.climate, day(0, 10), slug="alleen")
        (digest,) = self.run_at(day(1, 7, 0))
        self.assertIn("Alleen in het Nederlands (auf Niederländisch)", digest.body)
        self.assertIn("http://testserver/nl/verhalen/alleen/", digest.body)
        self.assertIn("Neue Geschichten", digest.body)

    def test_the_untranslated_storys_title_is_read_as_dutch_in_the_german_html_email(self):
        # Its title in the German email was read with German sounds (WCAG 3.1.2).
        self.join(self.bernd, self.climate, day(0, 6), DigestFrequency.DAILY)
        self.new_story("Alleen in het Nederlands", self.climate, day(0, 10), slug="alleen")
        (digest,) = self.run_at(day(1, 7, 0))
        html = BeautifulSoup(digest.alternatives[0][0], "html.parser")
        [title] = html.find_all("a", string="Alleen in het Nederlands")
        self.assertEqual(title["lang"], "nl")
        self.assertEqual(html.find("html")["lang"], "de")

    def test_moved_cancelled_and_changed_meetings_say_so_and_mere_text_edits_do_not(self):
        self.join(self.anna, self.climate, day(-7, 6), DigestFrequency.DAILY)
        self.join(self.bernd, self.climate, day(-7, 6), DigestFrequency.DAILY)
        moved = self.new_meeting("Verplaatst", self.climate, day(-3, 10), start=day(20, 19))
        cancelled = self.new_meeting("Afgelast", self.climate, day(-3, 10))
        changed = self.new_meeting("Andere plek", self.climate, day(-3, 10))
        retold = self.new_meeting("Nieuwe tekst", self.climate, day(-3, 10))
        self.run_at(day(0, 7, 0))

        original = moved.start
        moved.start, moved.end = day(21, 19), day(21, 21)
        moved.moved_from = original
        self.published(moved, day(0, 10))
        cancelled.cancelled = True
        self.published(cancelled, day(0, 10))
        changed.place_name = "Bibliotheek"
        self.published(changed, day(0, 10))
        retold.intro = "Een betere inleiding."
        self.published(retold, day(0, 10))

        sent = self.run_at(day(1, 7, 0))
        (anna,) = self.digests_to(self.anna, sent)
        self.assertIn("[verplaatst] Verplaatst", anna.body)
        # With the start it had before (the wording is the translators').
        self.assertIn("zondag 21\xa0maart\xa02027, 19:00)", anna.body)
        self.assertIn("[afgelast] Afgelast", anna.body)
        self.assertIn("[gewijzigd] Andere plek", anna.body)
        self.assertNotIn("Nieuwe tekst", anna.body)
        (bernd,) = self.digests_to(self.bernd, sent)
        self.assertIn("[verschoben] Verplaatst (auf Niederländisch)", bernd.body)
        self.assertIn("[abgesagt] Afgelast", bernd.body)
        self.assertIn("[geändert] Andere plek", bernd.body)
        self.assertIn("21.\xa0März\xa02027", bernd.body)

    def test_a_story_in_review_comes_only_once_it_is_published(self):
        self.join(self.anna, self.climate, day(0, 6), DigestFrequency.DAILY)
        story = self.story(title="Nog in behandeling", sectors=[self.climate], live=False)
        with self.at(day(0, 10)):
            story.save_revision()
        self.assertEqual(self.run_at(day(1, 7, 0)), [])
        self.published(story, day(1, 10))
        (digest,) = self.run_at(day(2, 7, 0))
        self.assertIn("Nog in behandeling", digest.body)

    def test_a_members_own_story_is_not_news_to_them(self):
        """Newcomer walk: Anke's digest told her of the story she had just been told was
        published."""
        self.join(self.anna, self.climate, day(0, 6), DigestFrequency.DAILY)
        self.join(self.bernd, self.climate, day(0, 6), DigestFrequency.DAILY)
        story = self.story(title="Mijn eigen verhaal", sectors=[self.climate], live=False)
        story.owner = self.anna
        story.save()
        self.published(story, day(0, 10))
        digests = self.run_at(day(1, 7, 0))
        self.assertEqual([digest.to for digest in digests], [[self.bernd.email]])

    def test_a_story_published_in_both_languages_comes_once(self):
        self.join(self.bernd, self.climate, day(0, 6), DigestFrequency.DAILY)
        story = self.new_story("Samen", self.climate, day(0, 10))
        with self.at(day(0, 11)):
            self.translated(story, title="Zusammen", slug="zusammen")
        (digest,) = self.run_at(day(1, 7, 0))
        self.assertIn("Zusammen", digest.body)
        self.assertNotIn("Samen", digest.body)
        # The translation's publication a day later is no new story either.
        self.assertEqual(self.run_at(day(2, 7, 0)), [])

    def test_every_digest_has_a_one_click_and_a_visible_unsubscribe_link(self):
        self.join(self.bernd, self.climate, day(0, 6), DigestFrequency.DAILY)
        self.new_story("Abmelden", self.climate, day(0, 10))
        (digest,) = self.run_at(day(1, 7, 0))
        url = digest.extra_headers["List-Unsubscribe"].strip("<>")
        self.assertTrue(url.startswith("http://testserver/de/members/digests/unsubscribe/"))
        self.assertEqual(
            digest.extra_headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click"
        )
        self.assertIn(url, digest.body)
        self.assertIn(f'href="{url}"', digest.alternatives[0][0])


class RepublishedWithinTheLag(DigestTestCase):
    """A run covers what was published up to a minute before it (`DIGEST_LAG`); an edit in that
    minute, or while the worker was down, must not hide the publication before it."""

    def test_a_new_meeting_whose_typo_is_fixed_just_before_the_run_is_announced_once(self):
        self.join(self.anna, self.climate, day(0, 6), DigestFrequency.AS_IT_HAPPENS)
        self.assertEqual(self.run_at(day(2, 9, 55)), [])
        meeting = self.new_meeting("Taalcafé", self.climate, day(2, 10, 0), intro="Wij praatn.")
        meeting.intro = "Wij praten."
        self.published(meeting, day(2, 10, 4) + HALF_MINUTE)
        (digest,) = self.run_at(day(2, 10, 5))
        self.assertIn("[nieuw] Taalcafé", digest.body)
        # The fixed typo, published after this run's period, is no news in the next one.
        self.assertEqual(self.run_at(day(2, 10, 10)), [])

    def test_a_move_followed_by_an_edit_just_before_the_run_is_announced(self):
        self.join(self.anna, self.climate, day(-7, 6), DigestFrequency.AS_IT_HAPPENS)
        meeting = self.new_meeting("Verhuisd", self.climate, day(-3, 10), start=day(20, 19))
        self.run_at(day(-3, 10, 5))
        original = meeting.start
        meeting.start, meeting.end, meeting.moved_from = day(21, 19), day(21, 21), original
        self.published(meeting, day(2, 10, 0))
        meeting.intro = "Nu een dag later."
        self.published(meeting, day(2, 10, 4) + HALF_MINUTE)
        (digest,) = self.run_at(day(2, 10, 5))
        self.assertIn("[verplaatst] Verhuisd", digest.body)
        self.assertEqual(self.run_at(day(2, 10, 10)), [])

    def test_a_late_run_announces_a_move_edited_again_during_the_downtime(self):
        self.join(self.anna, self.climate, day(-7, 6), DigestFrequency.DAILY)
        meeting = self.new_meeting("Verzet", self.climate, day(-3, 10), start=day(20, 19))
        self.run_at(day(0, 7, 0))
        meeting.start, meeting.end = day(22, 19), day(22, 21)
        self.published(meeting, day(0, 12))
        # The worker is down from before 07:00 until 09:00; the text is edited at 07:30.
        meeting.intro = "Andere inleiding."
        self.published(meeting, day(1, 7, 30))
        (digest,) = self.run_at(day(1, 9, 0))
        self.assertIn("[verplaatst] Verzet", digest.body)
        self.assertEqual(self.run_at(day(2, 7, 0)), [])


class OneMembersFailure(DigestTestCase):
    def test_a_digest_that_fails_is_logged_and_the_next_member_still_gets_theirs(self):
        self.join(self.anna, self.climate, day(0, 6), DigestFrequency.DAILY)
        self.join(self.bernd, self.farming, day(0, 7), DigestFrequency.DAILY)
        meeting = self.new_meeting("Kapot", self.climate, day(-3, 10))
        meeting.title = "Kapot, opnieuw"
        self.published(meeting, day(0, 10))
        # Broken data: the revision the digest reads back for the earlier version is unreadable.
        Revision.objects.filter(object_id=str(meeting.pk)).update(content={"start": "gisteren"})
        self.new_story("Oogstfeest", self.farming, day(0, 10))

        # The result is read by editors in the admin, in the language the worker runs in.
        with (
            self.at(day(1, 7, 0)),
            self.assertLogs("exchanges.digests", "ERROR") as logged,
            translation.override("nl"),
        ):
            result = send_digests(day(1, 7, 0))
        self.assertIn(f"member {self.anna.pk} failed", logged.output[0])
        self.assertEqual(result, "1 verzonden, 1 mislukt (zie het logboek)")
        (bernd,) = mail.outbox
        self.assertEqual(bernd.to, [self.bernd.email])
        self.assertIn("Oogstfeest", bernd.body)
        # Anna's digest is still due: the next run tries it again, Bernd's is not sent twice.
        self.assertEqual(SectorMembership.objects.get(user=self.anna).digest_sent_until, day(0, 6))


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
class WhatARunCosts(DigestTestCase):
    """What a run reads is read once per sector, not once per member and sector: a run for a
    dozen members reads what a run for three reads, and writes only each member's email and
    the record of its period."""

    def members(self, count):
        members = [
            User.objects.create_user(
                f"lid{User.objects.count()}@example.org", "x", language=("nl", "de")[n % 2]
            )
            for n in range(count)
        ]
        for member in members:
            self.join(member, self.climate, day(0, 6), DigestFrequency.DAILY)
            self.join(member, self.farming, day(0, 6), DigestFrequency.DAILY)
        return members

    def run_for(self, count):
        """(queries that read, queries that write, emails queued) of a run for `count`
        members."""
        self.members(count)
        before = OutgoingEmail.objects.count()
        with self.at(day(1, 7, 0)), CaptureQueriesContext(connection) as queries:
            send_digests(day(1, 7, 0))
        sql = [query["sql"] for query in queries.captured_queries]
        reads = [statement for statement in sql if statement.startswith("SELECT")]
        writes = [statement for statement in sql if statement.startswith(("INSERT", "UPDATE"))]
        return len(reads), len(writes), OutgoingEmail.objects.count() - before

    def test_a_run_for_twelve_members_reads_what_a_run_for_three_reads(self):
        story = self.new_story("Fietsen", self.climate, day(0, 10), slug="fietsen")
        with self.at(day(0, 11)):
            self.translated(story, title="Radtour", slug="radtour")
        self.new_meeting("Boerenmarkt", self.farming, day(0, 12), slug="boerenmarkt")
        changed = self.new_meeting("Andere plek", self.climate, day(-3, 10), slug="plek")
        changed.place_name = "Bibliotheek"
        self.published(changed, day(0, 10))
        self.run_for(1)  # caches warmed
        few_reads, few_writes, sent_to_few = self.run_for(3)
        many_reads, many_writes, sent_to_many = self.run_for(12)
        self.assertEqual((sent_to_few, sent_to_many), (3, 12))
        self.assertEqual(few_reads, many_reads)
        # Each member's own: their email, and the record of the period it covered.
        self.assertEqual((few_writes, many_writes), (2 * 3, 2 * 12))


class WhatAnUnsubscribeLinkCanDo(DigestTestCase):
    """The link never expires (RFC 8058: a digest found in the mailbox years later still stops
    digests), which is sound only as long as it can do nothing else: it stops her digests, and
    shows, changes and opens nothing more of her."""

    def test_a_link_of_three_years_ago_stops_digests_and_nothing_else(self):
        self.join(self.anna, self.climate, day(0, 6), DigestFrequency.DAILY)
        self.new_story("Samen fietsen", self.climate, day(0, 10))
        (digest,) = self.run_at(day(1, 7, 0))
        url = digest.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")
        with self.at(day(3 * 365, 12)):
            asked = self.client.get(url)
            self.assertEqual(asked.status_code, 200)
            stopped = self.client.post(url, {"List-Unsubscribe": "One-Click"})
            settings_page = self.client.get("/nl/members/digests/")
        self.assertEqual(stopped.status_code, 200)
        for page in (asked, stopped):
            self.assertNotContains(page, "anna@example.org")
            self.assertNotContains(page, "Anna")
        membership = SectorMembership.objects.get(user=self.anna)
        self.assertEqual(membership.digest, DigestFrequency.NONE)
        # She is still a member of the sector, and the link did not log anyone in.
        self.assertEqual(membership.sector_key, self.climate.translation_key)
        self.assertEqual(settings_page.status_code, 302)
        self.assertIn("/accounts/login/", settings_page["Location"])
