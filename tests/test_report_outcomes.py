"""What members' reports do to a contribution, and who hears of it: a meeting other members are
registered for stays on the site (its registrants' emails, calendars and member areas lead to
it), and the editors are told so and how to take it off; a member whose contribution reports
hid hears of it, once."""

import threading
import time
import unittest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection, transaction
from django.test import Client, TransactionTestCase, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

from community.models import Report
from community.models.reports import HIDE_AFTER_MEMBER_REPORTS
from community.roles.setup import setup_roles
from exchanges.models import MeetingPage, Registration
from tests.calendar_base import AMSTERDAM, CalendarMixin, local, year_like
from tests.security.test_reports import ReportAbuseTestCase
from tests.test_bilingual_contributions import DUMMY_TRANSLATOR, BilingualContributionsMixin
from tests.test_contribution_races import in_thread, waiting_for_locks
from tests.test_members import MembersTestCase, joined_long_ago, soup

User = get_user_model()
GERMAN_MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def stays_for(count):
    """The sentence of the editors' email (and of the report's page in the admin) that says the
    meeting stays, in the active language."""
    return ngettext(
        "The meeting stays on the site: %(count)s member is registered for it or waiting for "
        "a place, and reports do not take a meeting off the site that members count on. If it "
        "must go, an editor cancels it (those registered are told), then takes it off the site.",
        "The meeting stays on the site: %(count)s members are registered for it or waiting for "
        "a place, and reports do not take a meeting off the site that members count on. If it "
        "must go, an editor cancels it (those registered are told), then takes it off the site.",
        count,
    ) % {"count": count}


def emailed_again_when(count):
    """The sentence of the editors' first email about a contribution's reports that says when
    they are emailed again, in the active language."""
    return ngettext(
        "You are emailed again only when one member has reported it, not for each report.",
        "You are emailed again only when %(members)s members have reported it, not for each "
        "report.",
        count,
    ) % {"members": count}


class ReportedMeetingTestCase(MembersTestCase):
    """Anna's meeting proposal, approved and in the calendar."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.reporters = [
            cls.member(f"lid{number}@example.org", f"Lid {number}", "nl") for number in range(4)
        ]
        joined_long_ago(*cls.reporters)

    def setUp(self):
        self.meeting = self.approved_meeting(self.anna)
        self.client.logout()
        mail.outbox.clear()

    def report(self, reporter):
        client = Client()
        client.force_login(reporter)
        with self.captureOnCommitCallbacks(execute=True):
            return client.post(
                f"/nl/report/{self.meeting.pk}/", {"reason": "spam", "message": "Niet netjes."}
            )

    def live(self):
        return MeetingPage.objects.get(pk=self.meeting.pk).live

    def to_editors(self):
        return [message for message in mail.outbox if message.to == [self.moderator.email]]


class WhoReadsReportsTests(ReportedMeetingTestCase):
    def test_the_report_form_names_the_moderation_who_decides_reports(self):
        # "The editors of both foundations read every report": the moderation, which decides
        # them and may take a contribution off the site, went unnamed (walk 8).
        self.client.force_login(self.reporters[0])
        for language, said in (
            ("nl", "De moderatie en de redacties van beide stichtingen lezen elke melding."),
            ("de", "Die Moderation und die Redaktionen beider Stiftungen lesen jede Meldung."),
        ):
            with self.subTest(language):
                # The German address leads to the form of the German version (walk 10).
                page = soup(self.client.get(f"/{language}/report/{self.meeting.pk}/", follow=True))
                self.assertIn(said, " ".join(page.find("main").get_text(" ").split()))


class MeetingOthersAreRegisteredForTests(ReportedMeetingTestCase):
    def test_reports_do_not_hide_a_meeting_others_are_registered_for(self):
        Registration.objects.register(self.meeting, self.bernd)
        for reporter in self.reporters[:HIDE_AFTER_MEMBER_REPORTS]:
            self.report(reporter)
        self.assertTrue(self.live())
        self.assertFalse(Report.objects.filter(hid_page=True).exists())
        bernd = Client()
        bernd.force_login(self.bernd)
        self.assertEqual(bernd.get(self.meeting.url).status_code, 200)

    def test_the_editors_hear_once_that_it_stays_and_how_to_take_it_off(self):
        Registration.objects.register(self.meeting, self.bernd)
        Registration.objects.register(self.meeting, self.reporters[3])
        for reporter in self.reporters[:HIDE_AFTER_MEMBER_REPORTS]:
            self.report(reporter)
        first, kept = self.to_editors()
        with translation.override("nl"):
            self.assertIn(stays_for(2), kept.body)
            self.assertNotIn(stays_for(2), first.body)
        self.report(self.reporters[3])  # a fourth member's report: no email again
        self.assertEqual(len(self.to_editors()), 2)

    def test_a_moderator_is_not_told_to_cancel_what_she_may_not_edit(self):
        # Moderators may edit no page (walk: the moderator was told "cancel it, then take it
        # off the site", which only an editor can do): the sentence says who does it.
        Registration.objects.register(self.meeting, self.bernd)
        for reporter in self.reporters[:HIDE_AFTER_MEMBER_REPORTS]:
            self.report(reporter)
        kept = self.to_editors()[-1]
        self.assertIn("dan gelast een redacteur die eerst af", kept.body)

    def test_the_first_email_does_not_promise_that_no_other_follows(self):
        # It said "further reports are not emailed", then the third member's report was
        # (walk): it says when one is.
        Registration.objects.register(self.meeting, self.bernd)
        for reporter in self.reporters[:HIDE_AFTER_MEMBER_REPORTS]:
            self.report(reporter)
        first, kept = self.to_editors()
        self.assertNotIn("worden niet gemaild", first.body)
        with translation.override("nl"):
            self.assertIn(emailed_again_when(HIDE_AFTER_MEMBER_REPORTS), first.body)
        self.assertNotIn(emailed_again_when(HIDE_AFTER_MEMBER_REPORTS), kept.body)

    def test_the_first_email_says_it_is_still_on_the_site_and_what_to_do(self):
        # It said "Further reports of this contribution are emailed only when members' reports
        # hide it (or would have); the admin lists them all": nothing of where the contribution
        # is now, nor of what the moderator does.
        self.report(self.reporters[0])
        [first] = self.to_editors()
        with translation.override("nl"):
            still_on = gettext(
                "The contribution is still on the site. If it does not belong there, take it off "
                "the site when you decide the report; if it may stay, tick “Handled”."
            )
        self.assertIn(still_on, first.body)

    def test_the_report_in_the_admin_says_it_stays(self):
        setup_roles()
        Registration.objects.register(self.meeting, self.bernd)
        for reporter in self.reporters[:HIDE_AFTER_MEMBER_REPORTS]:
            self.report(reporter)
        self.client.force_login(self.moderator)
        report = Report.objects.order_by("pk").last()
        page = self.client.get(reverse("reports:edit", args=[report.pk]))
        with translation.override("nl"):
            self.assertContains(page, stays_for(1))

    def test_a_report_that_would_not_have_hidden_it_does_not_say_it_stays(self):
        # Second attack W1: one member's report of a meeting others count on said "the meeting
        # stays on the site", as if reports had reached the number that hides.
        setup_roles()
        Registration.objects.register(self.meeting, self.bernd)
        self.report(self.reporters[0])
        self.client.force_login(self.moderator)
        report = Report.objects.get()
        page = self.client.get(reverse("reports:edit", args=[report.pk]))
        self.assertEqual(page.status_code, 200)
        with translation.override("nl"):
            self.assertNotContains(page, stays_for(1))

    def test_a_meeting_only_its_organiser_is_registered_for_is_hidden_as_before(self):
        Registration.objects.register(self.meeting, self.anna)
        for reporter in self.reporters[:HIDE_AFTER_MEMBER_REPORTS]:
            self.report(reporter)
        self.assertFalse(self.live())
        self.assertEqual(Report.objects.filter(hid_page=True).count(), 1)

    def test_a_cancelled_meeting_is_hidden_as_before(self):
        Registration.objects.register(self.meeting, self.bernd)
        MeetingPage.objects.filter(pk=self.meeting.pk).update(cancelled=True)
        for reporter in self.reporters[:HIDE_AFTER_MEMBER_REPORTS]:
            self.report(reporter)
        self.assertFalse(self.live())

    def test_a_registration_loaded_before_the_reports_hid_it_finds_it_gone(self):
        # What a registration waiting for the lock holds: the meeting as it was, published.
        loaded_before = MeetingPage.objects.get(pk=self.meeting.pk)
        for reporter in self.reporters[:HIDE_AFTER_MEMBER_REPORTS]:
            self.report(reporter)
        self.assertFalse(self.live())
        with self.assertRaises(MeetingPage.DoesNotExist):
            Registration.objects.register(loaded_before, self.bernd)
        self.assertFalse(Registration.objects.filter(user=self.bernd).exists())


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class RegisteredWhileReportedTests(CalendarMixin, TransactionTestCase):
    """A member registers at the moment the third member's report is filed: one waits for the
    other, and the meeting is never hidden with a member registered for it."""

    def setUp(self):
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        self.build_calendar()
        organiser = User.objects.create_user("anna@example.org", "x")
        self.meeting = self.meeting(
            local(year_like(2030), 3, 20, 19), title="Taalcafé", slug="taalcafe"
        )
        MeetingPage.objects.filter(pk=self.meeting.pk).update(
            member_contribution=True, owner=organiser
        )
        self.meeting = MeetingPage.objects.get(pk=self.meeting.pk)
        for number in range(HIDE_AFTER_MEMBER_REPORTS - 1):
            reporter = User.objects.create_user(f"lid-{number}@example.org", "x")
            joined_long_ago(reporter)
            Report.objects.file(self.meeting, "spam", reporter=reporter)
        self.last_reporter = User.objects.create_user("laatste@example.org", "x")
        joined_long_ago(self.last_reporter)
        self.registrant = User.objects.create_user("bernd@example.org", "x")

    def first_then(self, first, then):
        """Runs `first` in a transaction that keeps its locks a moment; `then` starts meanwhile
        and waits for them. Returns what `then` answered or raised."""
        locked = threading.Event()

        def work():
            with transaction.atomic():
                first()
                locked.set()
                time.sleep(0.5)

        thread, answers = in_thread(work)
        self.assertTrue(locked.wait(10))
        waiting, answered = in_thread(then)
        self.assertTrue(waiting_for_locks(1))
        thread.join()
        waiting.join()
        self.assertEqual(answers, [None])
        return answered[0]

    def test_a_report_waiting_for_a_registration_leaves_the_meeting_on_the_site(self):
        report = self.first_then(
            lambda: Registration.objects.register(self.meeting, self.registrant),
            lambda: Report.objects.file(self.meeting, "spam", reporter=self.last_reporter),
        )
        self.assertEqual(report.kept_for, 1)
        self.assertFalse(report.hid_page)
        self.assertTrue(MeetingPage.objects.get(pk=self.meeting.pk).live)

    def test_a_registration_waiting_for_the_report_that_hid_it_finds_it_gone(self):
        answer = self.first_then(
            lambda: Report.objects.file(self.meeting, "spam", reporter=self.last_reporter),
            lambda: Registration.objects.register(self.meeting, self.registrant),
        )
        self.assertIsInstance(answer, MeetingPage.DoesNotExist)
        self.assertFalse(MeetingPage.objects.get(pk=self.meeting.pk).live)
        self.assertFalse(Registration.objects.exists())


class MemberToldOfHiddenContributionTests(ReportAbuseTestCase):
    def to_anna(self):
        return [message for message in mail.outbox if message.to == [self.anna.email]]

    def test_the_member_hears_once_in_her_language_without_who_or_why(self):
        for member in (self.bernd, self.carla):
            self.report(client=self.as_member(member))
        self.assertEqual(self.to_anna(), [])
        self.report(client=self.as_member(self.dirk))
        self.assertFalse(self.live())
        [told] = self.to_anna()
        with translation.override("nl"):
            self.assertEqual(
                told.subject, gettext("Taken off the site: %(title)s") % {"title": self.story.title}
            )
            self.assertIn(gettext("Hello %(name)s,") % {"name": "Anna"}, told.body)
            self.assertIn(
                gettext(
                    "After reports from members, “%(title)s” was taken off the site for now. The "
                    "editors will look at it and decide whether it comes back; you will see it "
                    "in your member area."
                )
                % {"title": self.story.title},
                told.body,
            )
        self.assertIn("/nl/members/", told.body)
        for secret in ("Niet netjes.", "Bernd", "Carla", "Dirk", "beledigend"):
            self.assertNotIn(secret, told.body)
        # Further reports while it is hidden: nothing more.
        self.report(client=self.as_member(self.member("eva@example.org", "Eva", "nl")))
        self.assertEqual(len(self.to_anna()), 1)

    def test_a_visitors_reports_hide_nothing_and_tell_her_nothing(self):
        for number in range(1, 5):
            self.report(client=Client(), address=f"203.0.113.{number}")
        self.assertEqual(self.to_anna(), [])


class ReportNamesNoStaffAddressTests(ReportedMeetingTestCase):
    """A moderator reads who reported: an editor without a name (the account page allows it) was
    named by her email address, which moderators may not see of staff (attack 26)."""

    def test_an_editor_who_reported_is_not_named_by_her_address(self):
        setup_roles()
        editor = User.objects.create_user("redacteur@example.org", "x", is_staff=True)
        editor.groups.add(Group.objects.get(name="Editors"))
        moderator = User.objects.create_user(
            "alleen-moderator@example.org", "x", is_staff=True, display_name="Mo"
        )
        moderator.groups.add(Group.objects.get(name="Moderators"))
        self.report(editor)
        report = Report.objects.get()
        self.client.force_login(moderator)
        page = self.client.get(reverse("reports:edit", args=[report.pk]))
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, editor.email)
        with translation.override("nl"):
            self.assertContains(page, gettext("the editors"))


class ReportBeforeAModeratorTestCase(ReportedMeetingTestCase):
    """A member's report of Anna's meeting, open on the report's page for the moderator."""

    def setUp(self):
        super().setUp()
        setup_roles()
        self.report(self.reporters[0])
        self.filed = Report.objects.get()
        self.client.force_login(self.moderator)
        self.address = reverse("reports:edit", args=[self.filed.pk])

    def decide(self, **data):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(self.address, {"decision": "Niet netjes.", **data})


class MemberAreaSaysWhoTookItOffTests(ReportBeforeAModeratorTestCase):
    """Her email said "after a report, the moderation took it off"; her member area said "by the
    moderators, the editors or after reports from members" of every contribution taken off
    (walk 8): it says which."""

    def state_comment(self):
        self.client.force_login(self.anna)
        with translation.override("nl"):
            page = soup(self.client.get(reverse("member_area")))
        [comment] = page.select(".state__comment")
        return " ".join(comment.get_text(" ").split())

    def test_the_moderations_take_off(self):
        self.decide(handled="on", take_off="on")
        self.assertTrue(self.state_comment().startswith("Door de moderatie na een melding"))

    def test_members_reports(self):
        for reporter in self.reporters[1:HIDE_AFTER_MEMBER_REPORTS]:
            self.report(reporter)
        self.assertFalse(self.live())
        self.assertTrue(self.state_comment().startswith("Na meldingen van leden"))

    def test_an_editor_who_unpublished_it(self):
        MeetingPage.objects.get(pk=self.meeting.pk).unpublish()
        self.assertTrue(self.state_comment().startswith("Door de redactie"))

    def test_published_again_and_unpublished_by_an_editor_is_the_editors(self):
        self.decide(handled="on", take_off="on")
        meeting = MeetingPage.objects.get(pk=self.meeting.pk)
        meeting.get_latest_revision().publish()
        MeetingPage.objects.get(pk=self.meeting.pk).unpublish()
        self.assertTrue(self.state_comment().startswith("Door de redactie"))


class ReviewPageSaysWhoTookItOffTests(MemberAreaSaysWhoTookItOffTests):
    """The page of the contribution she opens from her member area said "by the moderators, the
    editors or after reports from members" while the member area said which: it says the same
    as the member area, by the same rule."""

    def state_comment(self):
        self.client.force_login(self.anna)
        with translation.override("nl"):
            page = soup(self.client.get(reverse("edit_contribution", args=[self.meeting.pk])))
        [lead] = page.select(".lead")
        said = " ".join(lead.get_text(" ").split())
        self.assertTrue(said.endswith(gettext("You can still delete it on your page.")))
        return said


class ModeratorTakesItOffTests(ReportBeforeAModeratorTestCase):
    """A moderator handles reports (DESIGN.md's roles) but could only tick "handled" and write
    her decision: a contribution she found offensive stayed on the site until two more members
    reported it, or an editor unpublished it (walk of 2026-12-06: the page's editor and
    unpublish are "not found" for her, and the report's page said nothing of it). Deciding a
    report, she takes it off the site as members' reports do."""

    def test_she_takes_it_off_the_site_and_its_member_is_told_in_her_language(self):
        self.assertContains(self.client.get(self.address), 'name="take_off"')
        response = self.decide(handled="on", take_off="on")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(self.live())
        self.assertEqual(self.client.get(self.meeting.url).status_code, 404)
        self.filed.refresh_from_db()
        self.assertTrue(self.filed.hid_page)
        (told,) = [message for message in mail.outbox if message.to == [self.anna.email]]
        with translation.override(self.anna.language):
            sentence = gettext(
                "After a report, the moderation took “%(title)s” off the site. The editors "
                "decide whether it comes back; you will see it in your member area."
            ) % {"title": self.meeting.title}
        self.assertIn(" ".join(sentence.split()[:6]), " ".join(told.body.split()))
        self.assertNotIn("Niet netjes", told.body)  # nor why, nor who
        # Off the site, it is not offered again; an editor publishes it again.
        self.assertNotContains(self.client.get(self.address), 'name="take_off"')

    def test_taking_it_off_handles_the_report(self):
        # She took it off and left "handled" unticked: the report stayed open on the dashboard
        # (walk 7). Taking it off is her decision.
        self.decide(take_off="on")
        self.filed.refresh_from_db()
        self.assertIsNotNone(self.filed.resolved_at)
        self.assertFalse(Report.objects.open().exists())

    def test_deciding_without_it_leaves_the_contribution_on_the_site(self):
        self.decide(handled="on")
        self.assertTrue(self.live())
        self.assertEqual([m for m in mail.outbox if m.to == [self.anna.email]], [])

    def test_a_meeting_members_count_on_stays_and_she_reads_who_takes_it_off(self):
        Registration.objects.register(self.meeting, self.bernd)
        response = self.decide(handled="on", take_off="on")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(self.live())
        with translation.override("nl"):
            self.assertContains(response, "een redacteur")
        # What she wrote is kept for her to send again without it.
        self.assertContains(response, "Niet netjes.")
        self.filed.refresh_from_db()
        self.assertIsNone(self.filed.resolved_at)


class EditorOpensItTestCase(ReportBeforeAModeratorTestCase):
    """The page editor of the meeting, and its notice of the report that took it off."""

    def open_in_editor(self, user, language="de"):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client = Client()  # not the moderator's, whose message of her decision waits in it
        client.force_login(user)
        return client.get(reverse("wagtailadmin_pages:edit", args=[self.meeting.pk]))

    def notice(self, response):
        """The page editor's message that says so: the one leading to a report, in whatever
        language (its sentence was sought in English, which the catalogue's translations made
        a message no page shows: the tests that nothing is said passed whatever was said)."""
        reports = reverse("reports:index")
        said = [
            message
            for message in soup(response).select(".messages li")
            if message.select_one(f'a[href^="{reports}"]')
        ]
        return said[0] if said else None


class EditorReadsWhyItIsOffTests(EditorOpensItTestCase):
    """Newcomer walk: an editor who opened a meeting a moderator had taken off the site after a
    report saw an unpublished draft in the page editor, nothing of the report nor of when, and
    could publish it again without reading it. The editor says so, in her admin language,
    with the way to the report; not to whoever may not read reports."""

    def test_the_editor_reads_that_a_moderator_took_it_off_after_a_report_and_when(self):
        self.assertIsNone(self.notice(self.open_in_editor(self.moderator)))
        self.decide(handled="on", take_off="on")
        self.filed.refresh_from_db()
        notice = self.notice(self.open_in_editor(self.moderator))
        self.assertIsNotNone(notice)
        said = " ".join(notice.get_text().split())
        with translation.override("de"), timezone.override("Europe/Berlin"):
            when = date_format(timezone.localtime(self.filed.hid_page_at), "DATETIME_FORMAT")
        when = " ".join(when.split())
        # In her admin language (German), the date too, in the site's time zone.
        self.assertIn(
            f"Nach einer Meldung hat die Moderation diesen Beitrag am {when} von der Website "
            "genommen.",
            said,
        )
        # Its month by its German name ("Dezember" when this was written in December).
        month = timezone.localtime(self.filed.hid_page_at, AMSTERDAM).month
        self.assertIn(GERMAN_MONTHS[month - 1], when)
        link = notice.select_one("a")
        self.assertEqual(link["href"], reverse("reports:edit", args=[self.filed.pk]))
        self.assertEqual(" ".join(link.get_text().split()), "Meldung lesen")

    def test_members_reports_that_took_it_off_are_named_so(self):
        for reporter in self.reporters[1:HIDE_AFTER_MEMBER_REPORTS]:
            self.report(reporter)
        self.assertFalse(self.live())
        said = " ".join(self.notice(self.open_in_editor(self.moderator, "nl")).get_text().split())
        self.assertIn("Na meldingen van leden is deze bijdrage op", said)

    def test_an_editor_who_may_not_read_reports_is_not_told_of_one(self):
        self.decide(handled="on", take_off="on")
        editor = User.objects.create_user("redactie@example.org", "x", is_staff=True)
        editor.groups.add(Group.objects.get(name="Editors"))
        editor.user_permissions.set([])
        Group.objects.get(name="Editors").permissions.remove(
            *Permission.objects.filter(codename__in=["view_report", "change_report"])
        )
        response = self.open_in_editor(editor)
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(self.notice(response))
        self.assertNotContains(response, reverse("reports:edit", args=[self.filed.pk]))

    def test_once_an_editor_published_it_again_nothing_is_said(self):
        self.decide(handled="on", take_off="on")
        MeetingPage.objects.get(pk=self.meeting.pk).get_latest_revision().publish()
        self.assertIsNone(self.notice(self.open_in_editor(self.moderator)))


class EditorReadsWhatHerPublishBringsBackTests(BilingualContributionsMixin, EditorOpensItTestCase):
    """Reports hid every language version of the meeting; publishing one brings back its aliases
    (Wagtail publishes them with it), not a translation of its own, which stays off the site
    until it is published itself, and a machine translation comes back once the machine
    translated it again. The notice said none of it: an editor publishing the Dutch version
    could think the German one back too. It says which, and leads to each version that stays
    off, for an editor who may edit it."""

    def said(self, language="en"):
        notice = self.notice(self.open_in_editor(self.moderator, language))
        return notice, " ".join(notice.get_text().split())

    def test_publishing_the_meeting_brings_back_its_alias_in_german_too(self):
        self.decide(handled="on", take_off="on")
        notice, said = self.said()
        self.assertIn("Publishing it brings back these language versions: Dutch, German.", said)
        self.assertNotIn("Back only once", said)
        self.assertEqual(len(notice.select("a")), 1)  # the report only

    def test_its_german_alias_tells_her_too(self):
        # Walk 9: the German editor opening the German alias read only wagtail-localize's "not
        # translated yet", nothing of the report that took it off.
        self.decide(handled="on", take_off="on")
        alias = MeetingPage.objects.get(alias_of=self.meeting)
        profile = UserProfile.get_for_user(self.moderator)
        profile.preferred_language = "en"
        profile.save()
        client = Client()
        client.force_login(self.moderator)
        notice = self.notice(client.get(reverse("wagtailadmin_pages:edit", args=[alias.pk])))
        self.assertIsNotNone(notice)
        said = " ".join(notice.get_text().split())
        self.assertIn("Publishing it brings back these language versions: Dutch, German.", said)
        # And the way to the version she publishes.
        self.assertIn(
            reverse("wagtailadmin_pages:edit", args=[self.meeting.pk]),
            [link["href"] for link in notice.select("a")],
        )

    def test_its_german_translation_stays_off_and_she_is_led_to_it(self):
        german = self.translate(self.meeting)
        self.decide(handled="on", take_off="on")
        self.assertFalse(MeetingPage.objects.get(pk=german.pk).live)
        notice, said = self.said()
        self.assertIn("Publishing it brings back this language version: Dutch.", said)
        self.assertIn("Back only once published itself: German.", said)
        [link] = [
            link
            for link in notice.select("a")
            if link["href"] == reverse("wagtailadmin_pages:edit", args=[german.pk])
        ]
        self.assertEqual(" ".join(link.get_text().split()), "Edit German")
        # As said: published, the Dutch meeting is back and the German one is not.
        MeetingPage.objects.get(pk=self.meeting.pk).get_latest_revision().publish()
        self.assertTrue(self.live())
        self.assertFalse(MeetingPage.objects.get(pk=german.pk).live)

    def test_in_her_admin_language(self):
        # Needs the German translations of these msgids (locale/de).
        self.translate(self.meeting)
        self.decide(handled="on", take_off="on")
        _notice, said = self.said("de")
        self.assertIn("Veröffentlichen bringt diese Sprachversion zurück: Niederländisch.", said)
        self.assertIn("Erst zurück, wenn sie selbst veröffentlicht ist: Deutsch.", said)
        self.assertIn("Deutsch bearbeiten", said)

    def test_in_dutch(self):
        # Needs the Dutch translations of these msgids (locale/nl).
        self.translate(self.meeting)
        self.decide(handled="on", take_off="on")
        _notice, said = self.said("nl")
        self.assertIn("Publiceren brengt deze taalversie terug: Nederlands.", said)
        self.assertIn("Pas terug als ze zelf gepubliceerd is: Duits.", said)
        self.assertIn("Duits bewerken", said)

    def test_no_way_to_a_version_she_may_not_edit(self):
        german = self.translate(self.meeting)
        self.decide(handled="on", take_off="on")
        dutch_editors = Group.objects.create(name="Alleen Nederlands")
        dutch_editors.permissions.set(
            Permission.objects.filter(codename__in=["access_admin", "change_report"])
        )
        for codename in ["add_page", "change_page", "publish_page"]:
            GroupPagePermission.objects.create(
                group=dutch_editors,
                page=self.home,
                permission=Permission.objects.get(codename=codename),
            )
        editor = User.objects.create_user("redactie@example.org", "x", is_staff=True)
        editor.groups.add(dutch_editors)
        notice = self.notice(self.open_in_editor(editor, "en"))
        said = " ".join(notice.get_text().split())
        self.assertIn("Back only once published itself: German.", said)
        self.assertNotIn(
            reverse("wagtailadmin_pages:edit", args=[german.pk]),
            [link["href"] for link in notice.select("a")],
        )

    @override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_TRANSLATOR)
    def test_a_machine_translation_reports_hid_comes_back_once_translated_again(self):
        self.machine_translate(self.meeting, self.german, {})
        german = MeetingPage.objects.get(
            translation_key=self.meeting.translation_key, locale=self.german
        )
        for reporter in self.reporters[1:HIDE_AFTER_MEMBER_REPORTS]:
            self.report(reporter)
        self.assertFalse(MeetingPage.objects.get(pk=german.pk).live)
        notice, said = self.said()
        self.assertIn("Publishing it brings back this language version: Dutch.", said)
        self.assertIn("Back once machine-translated again: German.", said)
        self.assertEqual(len(notice.select("a")), 1)  # the report only
        with self.captureOnCommitCallbacks(execute=True):
            MeetingPage.objects.get(pk=self.meeting.pk).get_latest_revision().publish()
        self.assertTrue(MeetingPage.objects.get(pk=german.pk).live)

    @override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_TRANSLATOR)
    def test_a_machine_translation_the_moderation_took_off_comes_back_as_after_reports(self):
        # Her take-off was logged as an unpublish of hers, which the machine leaves to the
        # editors: after members' reports the translation came back, after hers it stayed off.
        self.machine_translate(self.meeting, self.german, {})
        german = MeetingPage.objects.get(
            translation_key=self.meeting.translation_key, locale=self.german
        )
        self.decide(handled="on", take_off="on")
        self.assertFalse(MeetingPage.objects.get(pk=german.pk).live)
        _notice, said = self.said()
        self.assertIn("Back once machine-translated again: German.", said)
        with self.captureOnCommitCallbacks(execute=True):
            MeetingPage.objects.get(pk=self.meeting.pk).get_latest_revision().publish()
        self.assertTrue(MeetingPage.objects.get(pk=german.pk).live)

    def test_the_history_says_it_was_taken_off_after_a_report_and_by_whom(self):
        # It read "Unpublished", like an editor's decision to take it off.
        self.decide(handled="on", take_off="on")
        profile = UserProfile.get_for_user(self.moderator)
        profile.preferred_language = "en"
        profile.save()
        client = Client()
        client.force_login(self.moderator)
        history = client.get(reverse("wagtailadmin_pages:history", args=[self.meeting.pk]))
        [row] = [
            " ".join(row.get_text().split())
            for row in soup(history).select("tbody tr")
            if "Taken off the site after a report, until the editors decide" in row.get_text()
        ]
        self.assertIn(self.moderator.get_full_name() or self.moderator.email, row)
