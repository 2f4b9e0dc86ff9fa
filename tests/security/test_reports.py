"""Reports cannot be abused.

One report per reporter and contribution: a member by account, a visitor by session and by
address (kept only as salted hashes). Only members' reports hide a contribution, once three
different members have an open report on it. The editors get an email for the first open report
of a contribution and for the report that hid it, not one per report."""

import csv
import io
import re
import shutil
import sqlite3
import tempfile
import threading
import unittest
from importlib import import_module
from pathlib import Path
from urllib.parse import urlsplit

import openpyxl
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client, TransactionTestCase, override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail.users.models import UserProfile

from community.models import Report
from community.models.reports import (
    HIDE_AFTER_MEMBER_REPORTS,
    AlreadyReported,
    NoLongerShown,
)
from community.roles import MODERATORS
from community.roles.setup import setup_roles
from exchanges.models import StoryPage
from tests.base import publish_translation
from tests.security.live import Browser, LiveSite, copy_test_database
from tests.stories_base import StoriesMixin
from tests.test_members import MembersTestCase, joined_long_ago, soup

User = get_user_model()


class ReportAbuseTestCase(MembersTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.moderator.email = "moderator@example.org"
        cls.moderator.save()
        cls.carla = cls.member("carla@example.org", "Carla", "nl")
        cls.dirk = cls.member("dirk@example.org", "Dirk", "nl")
        joined_long_ago(cls.anna, cls.bernd, cls.carla, cls.dirk)

    def setUp(self):
        self.post_story(self.anna)
        self.story = self.approve(self.contribution())
        self.client.logout()
        mail.outbox.clear()

    def report(self, client=None, reason="offensive", address="198.51.100.7"):
        client = client or self.client
        with self.captureOnCommitCallbacks(execute=True):
            return client.post(
                f"/nl/report/{self.story.pk}/",
                {"reason": reason, "message": "Niet netjes."},
                REMOTE_ADDR=address,
            )

    def as_member(self, member):
        client = Client()
        client.force_login(member)
        return client

    def known_member(self, address, name):
        """A member who joined a month ago (`joined_long_ago`)."""
        member = self.member(address, name, "nl")
        joined_long_ago(member)
        return member

    def live(self):
        return StoryPage.objects.get(pk=self.story.pk).live


class OwnContributionTests(ReportAbuseTestCase):
    """Second walk of 2026-12-05: the author could report her own story, and her report
    counted towards the three members' reports that hide it."""

    def test_the_author_cannot_report_her_own_contribution(self):
        anna = self.as_member(self.anna)
        response = self.report(anna)
        self.assertRedirects(response, self.story.url, fetch_redirect_response=False)
        self.assertFalse(Report.objects.exists())
        self.assertEqual(mail.outbox, [])
        self.assertContains(anna.get(self.story.url), "Dit is uw eigen bijdrage")
        form = anna.get(f"/nl/report/{self.story.pk}/")
        self.assertContains(form, "Dit is uw eigen bijdrage")
        self.assertNotContains(form, 'name="reason"')

    def test_her_report_does_not_count_with_two_others(self):
        for member in (self.anna, self.carla, self.dirk):
            self.report(self.as_member(member))
        self.assertTrue(self.live())
        self.assertEqual(Report.objects.count(), 2)


class OneReportPerReporterTests(ReportAbuseTestCase):
    def test_three_reports_from_one_visitor_count_once_and_hide_nothing(self):
        for reason in ("offensive", "spam", "incorrect"):
            self.report(reason=reason)
        self.assertEqual(Report.objects.count(), 1)
        self.assertTrue(self.live())
        self.assertEqual(self.client.get(self.story.url).status_code, 200)

    def test_a_second_report_is_answered_politely_and_stores_nothing(self):
        self.report()
        response = self.report(reason="spam")
        self.assertRedirects(response, self.story.url, fetch_redirect_response=False)
        page = self.client.get(self.story.url)
        self.assertContains(page, "U hebt deze bijdrage al gemeld")
        form = self.client.get(f"/nl/report/{self.story.pk}/")
        self.assertContains(form, "U hebt deze bijdrage al gemeld")
        self.assertNotContains(form, 'name="reason"')
        self.assertEqual(list(Report.objects.values_list("reason", flat=True)), ["offensive"])

    def test_a_visitor_without_their_cookie_is_recognised_by_address(self):
        self.report()
        self.report(client=Client(), reason="spam")  # a new session, the same address
        self.assertEqual(Report.objects.count(), 1)
        self.report(client=Client(), reason="spam", address="203.0.113.9")
        self.assertEqual(Report.objects.count(), 2)

    def test_a_visitor_at_another_address_is_recognised_by_session(self):
        self.report()
        self.report(reason="spam", address="203.0.113.9")
        self.assertEqual(Report.objects.count(), 1)

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_behind_our_proxy_visitors_are_told_apart_by_their_own_address(self):
        def report_via_proxy(visitor):
            with self.captureOnCommitCallbacks(execute=True):
                Client().post(
                    f"/nl/report/{self.story.pk}/",
                    {"reason": "spam"},
                    REMOTE_ADDR="10.0.0.2",
                    HTTP_X_FORWARDED_FOR=visitor,
                )

        report_via_proxy("203.0.113.1")
        report_via_proxy("203.0.113.1")  # the same visitor, a new session
        report_via_proxy("203.0.113.2")
        self.assertEqual(Report.objects.count(), 2)

    def test_three_reports_from_one_member_count_once(self):
        client = self.as_member(self.bernd)
        for reason in ("offensive", "spam", "incorrect"):
            self.report(client=client, reason=reason)
        self.assertEqual(Report.objects.filter(reporter=self.bernd).count(), 1)
        self.assertTrue(self.live())

    def test_the_database_refuses_a_second_report_of_the_same_reporter(self):
        Report.objects.file(self.story, "spam", reporter=self.bernd)
        with self.assertRaises(AlreadyReported):
            Report.objects.file(self.story, "offensive", reporter=self.bernd)
        Report.objects.file(self.story, "spam", session_key="abc", address="192.0.2.1")
        with self.assertRaises(AlreadyReported):
            Report.objects.file(self.story, "spam", session_key="def", address="192.0.2.1")
        self.assertEqual(Report.objects.count(), 2)

    def test_addresses_and_sessions_are_kept_only_as_salted_hashes(self):
        self.report(address="198.51.100.77")
        session_key = self.client.session.session_key
        self.assertTrue(session_key)
        stored = Report.objects.values().get()
        text = " ".join(str(value) for value in stored.values())
        self.assertNotIn("198.51.100.77", text)
        self.assertNotIn(session_key, text)
        self.assertEqual((len(stored["address_hash"]), len(stored["session_hash"])), (64, 64))


class HidingTests(ReportAbuseTestCase):
    def test_visitors_reports_reach_the_editors_but_never_hide_a_contribution(self):
        for number in range(1, 7):
            self.report(client=Client(), address=f"203.0.113.{number}")
        self.assertEqual(Report.objects.count(), 6)
        self.assertTrue(self.live())

    def test_three_different_members_hide_it(self):
        self.assertEqual(HIDE_AFTER_MEMBER_REPORTS, 3)
        for member in (self.bernd, self.carla):
            self.report(client=self.as_member(member))
        self.report(client=Client())
        self.assertTrue(self.live())
        self.report(client=self.as_member(self.dirk))
        self.assertFalse(self.live())
        self.assertEqual(self.client.get(self.story.url).status_code, 404)

    def test_resolved_reports_no_longer_count(self):
        for member in (self.bernd, self.carla):
            self.report(client=self.as_member(member))
        Report.objects.update(resolved_at="2026-01-01T00:00Z")
        self.report(client=self.as_member(self.dirk))
        self.assertTrue(self.live())


class EditorEmailTests(ReportAbuseTestCase):
    def test_editors_get_one_email_for_the_first_report_and_one_when_it_is_hidden(self):
        self.report()
        self.assertEqual([m.to for m in mail.outbox], [["moderator@example.org"]])
        self.assertIn("Niet netjes.", mail.outbox[0].body)
        for number in range(1, 5):
            self.report(client=Client(), address=f"203.0.113.{number}")
        for member in (self.bernd, self.carla):
            self.report(client=self.as_member(member))
        self.assertEqual(len(mail.outbox), 1)
        self.report(client=self.as_member(self.dirk))
        to_editors = [m for m in mail.outbox if m.to == ["moderator@example.org"]]
        self.assertEqual(len(to_editors), 2)
        self.assertIn("verborgen", to_editors[1].body)
        self.assertEqual(Report.objects.count(), 8)

    def test_after_the_editors_handled_the_reports_a_new_report_is_emailed_again(self):
        self.report()
        Report.objects.update(resolved_at="2026-01-01T00:00Z")
        self.report(client=self.as_member(self.bernd))
        self.assertEqual(len(mail.outbox), 2)


class RateLimitTests(ReportAbuseTestCase):
    def test_the_rate_limit_still_holds_for_repeated_reports(self):
        statuses = [self.report(reason="spam").status_code for _ in range(11)]
        self.assertEqual(statuses[:10], [302] * 10)
        self.assertEqual(statuses[10], 429)
        self.assertEqual(Report.objects.count(), 1)


class StaleCopyTests(ReportAbuseTestCase):
    def test_a_report_filed_with_a_copy_loaded_before_the_page_was_hidden_hides_nothing_again(self):
        # What a request waiting for the lock holds: the page as it was before the others hid it.
        loaded_before = StoryPage.objects.get(pk=self.story.pk)
        for member in (self.bernd, self.carla, self.dirk):
            Report.objects.file(StoryPage.objects.get(pk=self.story.pk), "spam", reporter=member)
        self.assertFalse(self.live())
        late = Report.objects.file(loaded_before, "spam", reporter=self.anna)
        self.assertFalse(late.hid_page)
        self.assertFalse(late.first_open)
        self.assertEqual(Report.objects.filter(hid_page=True).count(), 1)

    def test_a_report_of_a_contribution_deleted_on_its_way_is_not_found_nor_already_filed(self):
        loaded_before = StoryPage.objects.get(pk=self.story.pk)
        Page.objects.get(pk=self.story.pk).delete()
        with self.assertRaises(NoLongerShown):
            Report.objects.file(loaded_before, "spam", reporter=self.anna)
        self.assertFalse(Report.objects.exists())


class HiddenContributionTests(ReportAbuseTestCase):
    """What reports hid stays as it was approved: its member can no longer change it, so an
    editor who publishes it again publishes what was published, not an unreviewed edit."""

    def hide(self):
        for member in (self.bernd, self.carla, self.dirk):
            self.report(client=self.as_member(member))
        self.assertFalse(self.live())

    def test_the_member_cannot_edit_what_reports_hid_and_the_editor_publishes_it_as_approved(self):
        self.hide()
        approved = Page.objects.get(pk=self.story.pk).get_latest_revision()
        anna = self.as_member(self.anna)
        edit = f"/nl/members/contributions/{self.story.pk}/"
        page = anna.get(edit)
        self.assertEqual(page.status_code, 200)
        self.assertIsNone(soup(page).find("input", attrs={"name": "title"}))
        # Members' reports hid it: the page says so, as her member area does.
        self.assertContains(page, "Na meldingen van leden van de site gehaald.")
        self.assertContains(page, "Wat gepubliceerd was")
        changed = self.story_data(title="Veranderd na het verbergen", submit="", draft="1")
        response = anna.post(edit, changed)
        self.assertContains(
            response,
            "Uw wijzigingen zijn niet opgeslagen: deze bijdrage is van de site gehaald",
            status_code=409,
        )
        self.assertEqual(Page.objects.get(pk=self.story.pk).get_latest_revision(), approved)
        german = anna.get(f"/de/members/contributions/{self.story.pk}/")
        self.assertContains(german, "Nach Meldungen von Mitgliedern von der Website genommen.")
        # An editor publishes it again from the page editor: what was approved.
        self.client.force_login(self.moderator)
        editor = self.client.get(f"/admin/pages/{self.story.pk}/edit/")
        self.assertContains(editor, "Fietsen naar Clarholz")
        self.assertNotContains(editor, "Veranderd")
        Page.objects.get(pk=self.story.pk).get_latest_revision().publish(user=self.moderator)
        self.assertContains(self.client.get(self.story.url), "Fietsen naar Clarholz")

    def test_the_members_page_says_the_editors_decide_and_offers_delete_but_no_edit(self):
        self.hide()
        anna = self.as_member(self.anna)
        for language, state, decide, view, delete in (
            ("nl", "Van de site gehaald", "De redactie beslist", "Bekijken", "Verwijderen"),
            (
                "de",
                "Von der Website genommen",
                "Die Redaktion entscheidet",
                "Ansehen",
                "Löschen",
            ),
        ):
            with self.subTest(language=language):
                area = soup(anna.get(f"/{language}/members/"))
                row = area.find("td", string="Fietsen naar Clarholz").find_parent("tr")
                self.assertIn(state, row.select_one(".state").get_text())
                self.assertIn(decide, row.select_one(".state__comment").get_text())
                # Only to read it: the address that shows it read-only, not a form to edit.
                links = [(a.contents[0].strip(), a["href"]) for a in row.select("a")]
                edit = f"/{language}/members/contributions/{self.story.pk}/"
                self.assertEqual(links, [(view, edit), (delete, f"{edit}delete/")])
        # Deleting it is still the member's: their own words, as deleting their account would.
        anna.post(f"/nl/members/contributions/{self.story.pk}/delete/")
        self.assertFalse(StoryPage.objects.filter(pk=self.story.pk).exists())


class ReportsOutliveTheirContributionTests(ReportAbuseTestCase):
    """Deleting a contribution (its member, or an editor in the admin) leaves its reports: the
    moderators keep what was reported, whose it was, who reported it and what they decided."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        cls.only_moderator = User.objects.create_user("moderatie@example.org", "x")
        cls.only_moderator.groups.add(Group.objects.get(name=MODERATORS))
        # The admin in English: the test reads the words of the code, whatever the catalogues say.
        profile = UserProfile.get_for_user(cls.only_moderator)
        profile.preferred_language = "en"
        profile.save()

    def hide(self):
        for member in (self.bernd, self.carla, self.dirk):
            self.report(client=self.as_member(member))
        self.assertFalse(self.live())

    def delete_as_member(self):
        self.as_member(self.anna).post(f"/nl/members/contributions/{self.story.pk}/delete/")
        self.assertFalse(Page.objects.filter(pk=self.story.pk).exists())

    def kept(self):
        return list(
            Report.objects.order_by("pk").values_list("page", "title", "author", "reporter")
        )

    def as_moderator(self):
        client = Client()
        client.force_login(self.only_moderator)
        return client

    def listed(self, **filters):
        """The reports admin's rows as the moderator reads them: contribution, author, reason."""
        listing = self.as_moderator().get(reverse("reports:index"), filters)
        rows = soup(listing).select("table.listing tbody tr")
        return [
            [
                row.select_one(".title-wrapper").get_text(strip=True),  # not its row's menu
                *(cell.get_text(strip=True) for cell in row.select("td")[1:3]),
            ]
            for row in rows
        ]

    def test_the_email_of_a_report_opens_it_where_a_moderator_decides_it(self):
        self.hide()
        hiding = Report.objects.get(hid_page=True)
        [email] = [m for m in mail.outbox if m.to == [self.only_moderator.email]][-1:]
        # Not the page's editor, which a moderator may not open.
        [link] = re.findall(r"https?://\S+/admin/\S+", email.body)
        self.assertEqual(urlsplit(link).path, reverse("reports:edit", args=[hiding.pk]))
        self.assertContains(self.as_moderator().get(urlsplit(link).path), "Niet netjes.")

    def test_a_member_who_deletes_their_hidden_story_leaves_its_reports_to_the_moderators(self):
        self.hide()
        self.delete_as_member()
        title = "Fietsen naar Clarholz"
        self.assertEqual(
            self.kept(),
            [(None, title, self.anna.pk, m.pk) for m in (self.bernd, self.carla, self.dirk)],
        )
        row = [f"{title} (deleted)", "Anna", "Offensive or hateful"]
        self.assertEqual(self.listed(), [row] * 3)
        self.assertEqual(self.listed(hid_page="true"), [row])
        moderator = self.as_moderator()
        self.assertContains(moderator.get("/admin/"), f"{title} (deleted)")
        report = Report.objects.get(hid_page=True)
        inspect = moderator.get(reverse("reports:inspect", args=[report.pk]))
        self.assertContains(inspect, f"{title} (deleted)")
        self.assertContains(inspect, "Anna")
        self.assertContains(inspect, "Dirk")
        self.assertContains(inspect, "Niet netjes.")
        # When, in the site's time zone as the listing says it; not yet handled: "–", not "None".
        shown = soup(inspect).get_text(" ", strip=True)
        with translation.override("en"):  # the moderator's admin language here
            self.assertIn(date_format(localtime(report.created_at), "DATETIME_FORMAT"), shown)
        self.assertNotIn("None", shown)
        self.assertNotIn("hash", shown.lower())
        edit = reverse("reports:edit", args=[report.pk])
        # The decision is taken reading what was reported, about what, by whom and why.
        details = soup(moderator.get(edit)).select_one(".report-details").get_text(" ", strip=True)
        for shown in (f"{title} (deleted)", "Anna", "Offensive or hateful", "Niet netjes.", "Dirk"):
            self.assertIn(shown, details)
        self.assertNotIn("hash", details)
        refused = moderator.post(edit, {"handled": "on", "decision": "Zie \u202eredrow\u202c."})
        self.assertEqual(refused.status_code, 200)
        self.assertIsNone(Report.objects.get(pk=report.pk).resolved_at)
        decided = moderator.post(edit, {"handled": "on", "decision": "Verwijderd door de auteur."})
        self.assertEqual(decided.status_code, 302)
        report.refresh_from_db()
        self.assertEqual(report.decision, "Verwijderd door de auteur.")
        self.assertIsNotNone(report.resolved_at)
        # Taken back: open again.
        moderator.post(edit, {"decision": "Toch nog open."})
        report.refresh_from_db()
        self.assertIsNone(report.resolved_at)

    def test_reports_of_a_story_an_editor_deletes_in_the_admin_remain(self):
        self.report(client=self.as_member(self.bernd))
        self.client.force_login(User.objects.create_superuser("beheer@example.org", "x"))
        self.client.post(f"/admin/pages/{self.story.pk}/delete/")
        self.assertFalse(Page.objects.filter(pk=self.story.pk).exists())
        self.assertEqual(
            self.kept(), [(None, "Fietsen naar Clarholz", self.anna.pk, self.bernd.pk)]
        )

    def test_a_member_keeps_their_reports_of_two_contributions_both_deleted(self):
        # Reports of deleted contributions share a page of NULL: no report counts as a second one.
        self.post_story(self.anna, title="Wandelen in Giethoorn")
        other = self.approve(self.contribution("Wandelen in Giethoorn"))
        for page in (self.story, other):
            Report.objects.file(page, "spam", reporter=self.bernd)
            Report.objects.file(page, "spam", session_key="abc", address="192.0.2.1")
        for page in (self.story, other):
            Page.objects.get(pk=page.pk).delete()
        self.assertEqual(Report.objects.filter(page=None).count(), 4)

    def test_a_member_who_deletes_their_account_leaves_the_reports_without_their_name(self):
        self.hide()
        anna = self.as_member(self.anna)
        anna.post(reverse("member_delete"), {"confirm": "on", "password": "een-lang-wachtwoord"})
        self.assertFalse(User.objects.filter(pk=self.anna.pk).exists())
        self.assertEqual(
            self.kept(),
            [
                (None, "Fietsen naar Clarholz", None, m.pk)
                for m in (self.bernd, self.carla, self.dirk)
            ],
        )
        self.assertEqual(
            [contribution for contribution, *_ in self.listed()],
            ["Fietsen naar Clarholz (deleted)"] * 3,
        )

    def test_a_report_of_a_translation_keeps_the_member_not_the_translator(self):
        Page.objects.get(translation_key=self.story.translation_key, locale=self.german).delete()
        translation = publish_translation(self.story, self.german)
        Page.objects.filter(pk=translation.pk).update(owner=self.moderator)
        Report.objects.file(Page.objects.get(pk=translation.pk), "spam", reporter=self.bernd)
        expected = [(translation.pk, translation.title, self.anna.pk, self.bernd.pk)]
        self.assertEqual(self.kept(), expected)
        # Reports filed before they kept anything get the same from the migration.
        Report.objects.update(title="", author=None)
        migration = import_module("community.migrations.0012_reports_outlive_their_contribution")
        migration.keep_title_and_author(apps, None)
        self.assertEqual(self.kept(), expected)


class ReportExportTests(ReportAbuseTestCase):
    """A moderator downloads the reports list as CSV or Excel: every report with what the
    listing and the report's page say, in the moderator's admin language and time zone, and
    never the hashes that recognise a visitor again."""

    HEADINGS = {
        "nl": [
            "Pagina",
            "Auteur",
            "Reden",
            "Toelichting",
            "Gemeld door",
            "Gemeld op",
            "Van de site gehaald",
            "Afgehandeld op",
            "Besluit",
        ],
        "de": [
            "Seite",
            "Autor/in",
            "Grund",
            "Erläuterung",
            "Gemeldet von",
            "Gemeldet am",
            "Von der Website genommen",
            "Erledigt am",
            "Entscheidung",
        ],
    }

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        cls.moderators = {}
        for language in ("nl", "de"):
            moderator = User.objects.create_user(f"moderatie-{language}@example.org", "x")
            moderator.groups.add(Group.objects.get(name=MODERATORS))
            profile = UserProfile.get_for_user(moderator)
            profile.preferred_language = language
            profile.save()
            cls.moderators[language] = moderator

    def setUp(self):
        super().setUp()
        self.report(client=self.as_member(self.bernd))
        self.report(reason="spam")
        self.by_bernd, self.by_visitor = (
            Report.objects.get(reporter=self.bernd),
            Report.objects.get(reporter=None),
        )
        handled = localtime(self.by_bernd.created_at).replace(second=0, microsecond=0)
        Report.objects.filter(pk=self.by_bernd.pk).update(
            resolved_at=handled, decision="Blijft staan: geen belediging."
        )
        self.by_bernd.refresh_from_db()

    def export(self, language, export_format):
        client = Client()  # the browser asks for no language: the admin's is the profile's
        client.force_login(self.moderators[language])
        response = client.get(reverse("reports:index"), {"export": export_format})
        self.assertEqual(response.status_code, 200)
        if export_format == "csv":
            content = b"".join(response.streaming_content).decode("utf-8-sig")
            # Dutch and German Excel split a file at semicolons, their admins' files use them.
            return content, list(csv.reader(io.StringIO(content), delimiter=";"))
        workbook = b"".join(response.streaming_content)
        sheet = openpyxl.load_workbook(io.BytesIO(workbook)).active
        rows = [["" if cell is None else cell for cell in row] for row in sheet.values]
        return str(rows), rows

    def expected_rows(self, language, when):
        """The two reports, newest first as the listing orders them."""
        with translation.override(language):
            offensive, spam = (
                gettext(label) for label in ("Offensive or hateful", "Advertising or spam")
            )
            yes_no = gettext("No")
            visitor = gettext("A visitor without an account")
        return [
            [
                "Fietsen naar Clarholz",
                "Anna",
                spam,
                "Niet netjes.",
                visitor,
                when(self.by_visitor.created_at),
                yes_no,
                "",
                "",
            ],
            [
                "Fietsen naar Clarholz",
                "Anna",
                offensive,
                "Niet netjes.",
                "Bernd",
                when(self.by_bernd.created_at),
                yes_no,
                when(self.by_bernd.resolved_at),
                "Blijft staan: geen belediging.",
            ],
        ]

    def assertNoVisitorHashes(self, content):
        self.assertTrue(self.by_visitor.session_hash and self.by_visitor.address_hash)
        self.assertNotIn(self.by_visitor.session_hash, content)
        self.assertNotIn(self.by_visitor.address_hash, content)
        self.assertNotIn("hash", content.lower())

    # As a spreadsheet reads a date and time from text, and as Excel stores one: in the site's
    # time zone (not UTC), to the minute, as the listing shows it.
    TIMES = {
        "csv": lambda at: f"{localtime(at):%Y-%m-%d %H:%M}",
        "xlsx": lambda at: localtime(at).replace(tzinfo=None, second=0, microsecond=0),
    }

    def test_moderators_download_the_reports_in_their_admin_language(self):
        for language in ("nl", "de"):
            for export_format in ("csv", "xlsx"):
                with self.subTest(language=language, export_format=export_format):
                    content, rows = self.export(language, export_format)
                    self.assertEqual(rows[0], self.HEADINGS[language])
                    expected = self.expected_rows(language, self.TIMES[export_format])
                    self.assertEqual(rows[1:], expected)
                    self.assertNoVisitorHashes(content)

    def test_the_reports_list_offers_both_downloads(self):
        client = Client()
        client.force_login(self.moderators["nl"])
        listing = soup(client.get(reverse("reports:index")))
        offered = [link["href"] for link in listing.select("a[href*='export=']")]
        self.assertEqual(
            sorted(offered), ["/admin/reports/?export=csv", "/admin/reports/?export=xlsx"]
        )


class LanguageVersionTests(ReportAbuseTestCase):
    """A contribution is one contribution in every language: its German alias (which mirrors the
    Dutch page) and its real translations share its reports."""

    def german_version(self):
        return Page.objects.get(translation_key=self.story.translation_key, locale=self.german)

    def report_german(self, member):
        with self.captureOnCommitCallbacks(execute=True):
            return self.as_member(member).post(
                f"/de/report/{self.german_version().pk}/", {"reason": "spam"}
            )

    def test_three_reports_on_the_german_alias_hide_the_dutch_story_and_its_alias(self):
        alias = self.german_version()
        self.assertEqual(alias.alias_of_id, self.story.pk)
        self.assertTrue(alias.live)
        for member in (self.bernd, self.carla, self.dirk):
            self.report_german(member)
        self.assertFalse(self.live())
        self.assertFalse(self.german_version().live)
        self.assertEqual(Client().get(self.story.url).status_code, 404)
        self.assertEqual(Client().get(alias.url).status_code, 404)
        # The editors find the report on the page they edit: the original.
        self.assertEqual(set(Report.objects.values_list("page", flat=True)), {self.story.pk})

    def test_a_german_reader_goes_back_to_the_german_version(self):
        for page in (self.german_version(), self.story):  # the link may name either version
            answer = self.as_member(self.bernd).post(f"/de/report/{page.pk}/", {"reason": "spam"})
            self.assertRedirects(answer, self.german_version().url, fetch_redirect_response=False)

    def test_a_member_cannot_report_the_alias_and_the_original_separately(self):
        self.report_german(self.bernd)
        self.report(client=self.as_member(self.bernd), reason="spam")
        self.assertEqual(Report.objects.count(), 1)

    def test_reports_on_a_real_translation_count_with_those_on_the_original(self):
        self.german_version().delete()  # the alias makes room for a translation
        translation = publish_translation(self.story, self.german)
        self.report(client=self.as_member(self.bernd))
        self.report(client=self.as_member(self.carla))
        self.assertTrue(self.live())
        self.report_german(self.carla)  # the same member in the other language: counted once
        self.assertEqual(Report.objects.count(), 2)
        self.assertTrue(self.live())
        self.report_german(self.dirk)
        self.assertFalse(self.live())
        self.assertFalse(Page.objects.get(pk=translation.pk).live)
        self.assertEqual(Report.objects.filter(hid_page=True).count(), 1)

    def test_editors_hear_once_of_the_first_report_whichever_language_it_came_in(self):
        self.german_version().delete()
        publish_translation(self.story, self.german)
        self.report_german(self.bernd)
        self.report(client=self.as_member(self.carla))
        self.assertEqual(len(mail.outbox), 1)


class SimultaneousReportsMixin(StoriesMixin):
    """Members who press "report" at the same moment, each request on its own connection."""

    MEMBERS = 6
    EDITORS = 4

    def build_story(self):
        self.build_stories()
        for number in range(self.EDITORS):
            User.objects.create_superuser(f"redactie-{number}@example.org", "x")
        self.members = [
            User.objects.create_user(f"lid-{number}@example.org", "een-lang-wachtwoord")
            for number in range(self.MEMBERS)
        ]
        joined_long_ago(*self.members)
        author = User.objects.create_user("anna@example.org", "een-lang-wachtwoord")
        self.story = self.story(title="Fietsen naar Clarholz", owner=author)
        StoryPage.objects.filter(pk=self.story.pk).update(member_contribution=True)

    def assert_hidden_once_and_editors_emailed_twice(
        self, statuses, reports, hid, emails, to_author
    ):
        # Each member's report is stored, or, when it came after the contribution was hidden,
        # the contribution is gone for them (404); nobody sees an error.
        self.assertEqual(set(statuses) - {302, 404}, set(), statuses)
        self.assertEqual(reports, statuses.count(302))
        self.assertGreaterEqual(reports, HIDE_AFTER_MEMBER_REPORTS)
        self.assertEqual(hid, 1, "one report hides the contribution, the others find it hidden")
        # The first report and the hiding: one email to each editor for each; its member hears
        # once that it was taken off the site.
        self.assertEqual(emails, 2 * self.EDITORS)
        self.assertEqual(to_author, 1)


def at_once(count, action):
    """Runs `action(number)` in `count` threads released together, each with its own database
    connection; returns their answers."""
    start = threading.Barrier(count)
    answers = [None] * count

    def run(number):
        try:
            start.wait()
            answers[number] = action(number)
        except Exception as error:  # noqa: BLE001 - the assertion on the answers shows it
            answers[number] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class SimultaneousReportsTests(SimultaneousReportsMixin, TransactionTestCase):
    def test_six_members_reporting_at_once_hide_it_once_and_the_editors_hear_it_twice(self):
        self.build_story()
        clients = []
        for member in self.members:
            client = Client()
            client.force_login(member)
            clients.append(client)
        answers = at_once(
            self.MEMBERS,
            lambda number: clients[number].post(f"/nl/report/{self.story.pk}/", {"reason": "spam"}),
        )
        self.assertFalse(StoryPage.objects.get(pk=self.story.pk).live)
        self.assert_hidden_once_and_editors_emailed_twice(
            [getattr(answer, "status_code", answer) for answer in answers],
            Report.objects.count(),
            Report.objects.filter(hid_page=True).count(),
            len([m for m in mail.outbox if m.to != ["anna@example.org"]]),
            len([m for m in mail.outbox if m.to == ["anna@example.org"]]),
        )


@unittest.skipUnless(connection.vendor == "sqlite", "the SQLite default, `make run`")
class SimultaneousReportsOnTheSQLiteSiteTests(SimultaneousReportsMixin, TransactionTestCase):
    """The same on a real threaded server over a database file, as `make run` serves it."""

    def test_six_members_reporting_at_once_hide_it_once_and_the_editors_hear_it_twice(self):
        self.build_story()
        sessions = []
        for member in self.members:
            client = Client()
            client.force_login(member)
            sessions.append(client.cookies["sessionid"].value)
        folder = Path(tempfile.mkdtemp(prefix="jumelage-reports-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        database = folder / "site.sqlite3"
        copy_test_database(database)
        with LiveSite(database, folder / "server.log") as site:
            browsers = [Browser(site, session) for session in sessions]
            answers = at_once(
                self.MEMBERS,
                lambda number: browsers[number].post(
                    f"/nl/report/{self.story.pk}/", {"reason": "spam"}
                ),
            )
            log = site.log_text()
        self.assertNotIn("Traceback", log)
        with sqlite3.connect(database) as stored:
            (reports, hid), *_ = stored.execute(
                "SELECT COUNT(*), COALESCE(SUM(hid_page), 0) FROM community_report"
            ).fetchall()
            (emails, to_author) = stored.execute(
                "SELECT COUNT(*) - COALESCE(SUM(recipients LIKE '%anna@example.org%'), 0),"
                " COALESCE(SUM(recipients LIKE '%anna@example.org%'), 0) FROM home_outgoingemail"
            ).fetchone()
            (live,) = stored.execute(
                "SELECT live FROM wagtailcore_page WHERE id = ?", (self.story.pk,)
            ).fetchone()
        self.assertFalse(live)
        self.assert_hidden_once_and_editors_emailed_twice(
            [status for status, _ in answers], reports, hid, emails, to_author
        )
