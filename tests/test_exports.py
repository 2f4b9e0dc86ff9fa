"""Editors of both foundations download the admin's lists as spreadsheets (CSV or Excel) and
open them in Dutch or German Excel: they read the same words and times as the listing shows."""

import codecs
import csv
import datetime
import io

import openpyxl
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client, TestCase
from django.utils import translation
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from exchanges.models import Registration
from tests.calendar_base import CalendarMixin, local, year_like

User = get_user_model()

# A winter morning, 9:30 in UTC: 10:30 in Steenwijkerland and Herzebrock-Clarholz; in the year
# of the meeting (1 May, a Wednesday), which is still to come.
YEAR = year_like(2030)
REGISTERED_AT = datetime.datetime(YEAR, 1, 15, 9, 30, tzinfo=datetime.UTC)


def editor(email, group, language):
    user = User.objects.create_user(email, "x")
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


class ExportTestCase(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        setup_roles()
        cls.editors = {
            "nl": editor("redactie@example.org", EDITOR_GROUPS[0], "nl"),
            "de": editor("redaktion@example.org", EDITOR_GROUPS[1], "de"),
        }
        # A summer evening: 19:00 in both towns, 17:00 in UTC.
        cls.session = cls.meeting(
            local(YEAR, 5, 1, 19, 0), title="Toelichting op de ideeën", slug="ideeen", capacity=1
        )
        cls.translated(cls.session, title="Erläuterung der Ideen", slug="ideen")
        with time_machine.travel(REGISTERED_AT, tick=False):
            for email, name in (("anna@example.org", "Anna"), ("joerg@example.org", "Jörg")):
                member = User.objects.create_user(email, "x", display_name=name)
                Registration.objects.register(cls.session, member)


class RegistrationExportTests(ExportTestCase):
    TITLES = {"nl": "Toelichting op de ideeën", "de": "Erläuterung der Ideen"}

    def download(self, language, export_format):
        client = Client()  # the browser asks for no language: the admin's is the profile's
        client.force_login(self.editors[language])
        response = client.get("/admin/registrations/", {"export": export_format})
        self.assertEqual(response.status_code, 200)
        return b"".join(response.streaming_content)

    def rows(self, language, export_format):
        content = self.download(language, export_format)
        if export_format == "csv":
            text = content.decode("utf-8-sig")
            return list(csv.reader(io.StringIO(text), delimiter=";"))
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return [list(row) for row in sheet.values]

    def listing(self, language):
        client = Client()
        client.force_login(self.editors[language])
        return client.get("/admin/registrations/").content.decode()

    def test_excel_reads_umlauts_and_dutch_diaereses_of_the_csv_export(self):
        for language in ("nl", "de"):
            with self.subTest(language=language):
                content = self.download(language, "csv")
                # The UTF-8 byte-order mark, by which Excel knows the file is no Windows-1252.
                self.assertTrue(content.startswith(codecs.BOM_UTF8))
                text = content.decode("utf-8-sig")
                self.assertFalse(text.startswith("\ufeff"))  # one mark, not part of a heading
                self.assertIn(self.TITLES[language], text)
                self.assertIn("Jörg", text)

    def test_dutch_and_german_excel_open_the_csv_export_in_columns(self):
        """Their Excel splits a CSV file at semicolons: a file separated by commas was one
        column. An admin in English keeps the comma, and a formula after the separator the
        file does not use stays text (Excel in English opens a Dutch file at its commas)."""
        hostile = User.objects.create_user("h@example.org", "x", display_name="Jansen,=1+1;@A1")
        Registration.objects.register(self.session, hostile)
        self.editors["en"] = editor("editor@example.org", EDITOR_GROUPS[0], "en")
        for language, delimiter in (("nl", ";"), ("de", ";"), ("en", ",")):
            with self.subTest(language=language):
                text = self.download(language, "csv").decode("utf-8-sig")
                rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
                self.assertEqual([len(row) for row in rows], [6] * 4)
                self.assertIn("Jansen,'=1+1;'@A1", [row[2] for row in rows])
                for other in {",", ";"} - {delimiter}:
                    cells = [cell for line in text.splitlines() for cell in line.split(other)]
                    self.assertFalse([cell for cell in cells if cell.startswith(("=", "@"))])

    def test_a_control_character_in_a_name_does_not_break_the_excel_export(self):
        """openpyxl refuses control characters (a form feed pasted from a document): the
        download was a server error. Excel is given a space in their place."""
        pasted = User.objects.create_user(
            "p@example.org", "x", display_name="Jansen\x0cvan\x1bDijk"
        )
        Registration.objects.register(self.session, pasted)
        for language in ("nl", "de"):
            with self.subTest(language=language):
                names = [row[2] for row in self.rows(language, "xlsx")]
                self.assertIn("Jansen van Dijk", names)

    # As a spreadsheet reads a date and time from text, and as Excel stores one.
    TIMES = {
        "csv": lambda at: f"{at:%Y-%m-%d %H:%M}",
        "xlsx": lambda at: at.replace(tzinfo=None),
    }

    def test_dutch_and_german_editors_download_the_statuses_and_times_the_listing_shows(self):
        for language in ("nl", "de"):
            with translation.override(language):
                headings = [
                    capfirst(gettext(label))
                    for label in (
                        "meeting",
                        "start",
                        "member",
                        "email address",
                        "status",
                        "registered at",
                    )
                ]
                statuses = [gettext("Registered"), gettext("On the waiting list")]
            listing = self.listing(language)
            for status in statuses:
                self.assertIn(status, listing)
            for export_format in ("csv", "xlsx"):
                with self.subTest(language=language, export_format=export_format):
                    when = self.TIMES[export_format]
                    rows = self.rows(language, export_format)
                    self.assertEqual(rows[0], headings)
                    self.assertEqual(
                        rows[1:],
                        [
                            [
                                self.TITLES[language],
                                when(local(YEAR, 5, 1, 19, 0)),
                                name,
                                email,
                                status,
                                when(local(YEAR, 1, 15, 10, 30)),
                            ]
                            for name, email, status in (
                                ("Anna", "anna@example.org", statuses[0]),
                                ("Jörg", "joerg@example.org", statuses[1]),
                            )
                        ],
                    )

    def test_wagtails_own_reports_give_times_as_their_pages_show_them(self):
        with time_machine.travel(REGISTERED_AT, tick=False):
            self.session.save_revision().publish()
        client = Client()
        client.force_login(self.editors["de"])
        for export_format in ("csv", "xlsx"):
            with self.subTest(export_format=export_format):
                response = client.get("/admin/reports/aging-pages/", {"export": export_format})
                content = b"".join(response.streaming_content)
                if export_format == "csv":
                    text = content.decode("utf-8-sig")
                    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
                else:
                    rows = list(openpyxl.load_workbook(io.BytesIO(content)).active.values)
                [published] = [row[2] for row in rows if row[0] == "Toelichting op de ideeën"]
                self.assertEqual(published, self.TIMES[export_format](local(YEAR, 1, 15, 10, 30)))


class WagtailReportExportTests(ExportTestCase):
    """Wagtail's own reports, downloaded by the editors: headed and worded as their listings."""

    def report(self, language, address, export_format):
        client = Client()
        client.force_login(self.editors[language])
        response = client.get(address, {"export": export_format})
        content = b"".join(response.streaming_content)
        if export_format == "csv":
            # Dutch and German admins get their Excel's separator.
            return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
        return [list(row) for row in openpyxl.load_workbook(io.BytesIO(content)).active.values]

    def test_workflow_reports_are_headed_as_their_listings_not_by_field_names(self):
        # Found by the newcomer's walk: the headings read "workflow" and "requested_by".
        expected = {
            "nl": {"Workflow", "Aangevraagd door", "Taak", "Afgerond op", "Afgerond door"},
            "de": {"Workflow", "Angefordert von", "Abgeschlossen von"},
        }
        for language in ("nl", "de"):
            for export_format in ("csv", "xlsx"):
                with self.subTest(language=language, export_format=export_format):
                    headings = set()
                    for report in ("workflow", "workflow_tasks"):
                        address = f"/admin/reports/{report}/"
                        [row, *_] = self.report(language, address, export_format)
                        for heading in row:
                            self.assertNotIn("_", heading)
                            self.assertNotEqual(heading, heading.lower())
                        headings.update(row)
                    self.assertLessEqual(expected[language], headings)

    def test_downloads_and_their_sheets_are_named_after_the_listing_in_the_admins_language(self):
        """Wagtail named every download "spreadsheet-export" (or after a database table) and
        its Excel sheet "Sheet1", in English."""
        names = {
            ("nl", "/admin/reports/aging-pages/"): "Verouderende pagina's",
            ("de", "/admin/reports/aging-pages/"): "Alternde Seiten",
            ("nl", "/admin/registrations/"): "Aanmeldingen",
            ("de", "/admin/registrations/"): "Anmeldungen",
            # Wagtail names these four itself ("workflow-report-…", "audit-log-…").
            ("nl", "/admin/reports/locked/"): "Vergrendelde pagina's",
            ("de", "/admin/reports/locked/"): "Gesperrte Seiten",
            ("nl", "/admin/reports/workflow_tasks/"): "Workflowtaken",
            ("de", "/admin/reports/workflow_tasks/"): "Workflow-Aufgaben",
            ("de", "/admin/reports/workflow/"): "Workflows",
            ("nl", "/admin/reports/site-history/"): "Sitegeschiedenis",
            ("de", "/admin/reports/site-history/"): "Webseitenverlauf",
        }
        with time_machine.travel(REGISTERED_AT, tick=False):
            for (language, address), listing in names.items():
                client = Client()
                client.force_login(self.editors[language])
                self.assertEqual(client.get(address).context["page_title"], listing)
                file = slugify(listing.lower().replace("'", ""))
                for export_format in ("csv", "xlsx"):
                    with self.subTest(language=language, address=address, format=export_format):
                        response = client.get(address, {"export": export_format})
                        self.assertIn(
                            f'filename="{file}-{YEAR}-01-15.{export_format}"',
                            response["Content-Disposition"],
                        )
                        if export_format == "xlsx":
                            content = b"".join(response.streaming_content)
                            workbook = openpyxl.load_workbook(io.BytesIO(content))
                            self.assertEqual(workbook.sheetnames, [listing])

    def test_dutch_aging_pages_report_says_gepubliceerd_not_live(self):
        with time_machine.travel(REGISTERED_AT, tick=False):
            self.session.save_revision().publish()
        for export_format in ("csv", "xlsx"):
            with self.subTest(export_format=export_format):
                rows = self.report("nl", "/admin/reports/aging-pages/", export_format)
                [status] = [row[1] for row in rows if row[0] == "Toelichting op de ideeën"]
                self.assertEqual(status, "gepubliceerd")
                self.assertNotIn("live", {row[1] for row in rows})
