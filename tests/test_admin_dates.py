"""The admin's date fields in the editor's language: the German admin showed a story's date as
"2026-11-20" where it writes "20.11.2026" everywhere else (home/date_inputs.py)."""

import datetime

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile

from exchanges.models import MeetingPage, StoryPage
from tests.calendar_base import local
from tests.test_roles import RolesTestCase, form_data


class AdminDatesInTheEditorsFormatTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.zomerkamp = cls.story(
            title="Zomerkamp", slug="zomerkamp", date=datetime.date(2026, 11, 20)
        )
        cls.taalcafe = cls.meeting(local(2026, 11, 20, 19, 30), title="Taalcafé", slug="taalcafe")

    def open_as(self, editor, language, page):
        profile = UserProfile.get_for_user(editor)
        profile.preferred_language = language
        profile.save()
        self.client.force_login(editor)
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return edit, self.client.get(edit)

    def shown(self, response, name):
        page = BeautifulSoup(response.content, "html.parser")
        return page.select_one(f"input[name={name}]")["value"]

    def test_each_editor_reads_the_dates_as_her_language_writes_them(self):
        for editor, language, date, moment in (
            (self.editor_de, "de", "20.11.2026", "20.11.2026 19:30"),
            (self.editor_nl, "nl", "20-11-2026", "20-11-2026 19:30"),
        ):
            with self.subTest(language=language):
                self.assertEqual(
                    self.shown(self.open_as(editor, language, self.zomerkamp)[1], "date"), date
                )
                self.assertEqual(
                    self.shown(self.open_as(editor, language, self.taalcafe)[1], "start"), moment
                )

    def test_a_german_editor_saves_a_story_date_as_she_writes_it(self):
        edit, opened = self.open_as(self.editor_de, "de", self.zomerkamp)
        data = {**form_data(opened), "date": "21.11.2026", "body-count": "0"}
        response = self.client.post(edit, data)
        self.assertEqual(response.status_code, 302)
        saved = StoryPage.objects.get(pk=self.zomerkamp.pk).get_latest_revision_as_object()
        self.assertEqual(saved.date, datetime.date(2026, 11, 21))

    def test_a_dutch_editor_saves_a_meetings_start_as_she_writes_it(self):
        edit, opened = self.open_as(self.editor_nl, "nl", self.taalcafe)
        data = {**form_data(opened), "start": "20-11-2026 19:00", "body-count": "0"}
        response = self.client.post(edit, data)
        self.assertEqual(response.status_code, 302)
        saved = MeetingPage.objects.get(pk=self.taalcafe.pk).get_latest_revision_as_object()
        self.assertEqual(saved.start, local(2026, 11, 20, 19))

    def test_a_two_digit_year_is_read_in_a_moment_as_in_a_date(self):
        # Both languages read "20-11-26" as a date; a date and time with the year so written
        # was refused as "Enter a valid date/time".
        for editor, language, moment in (
            (self.editor_nl, "nl", "20-11-26 19:00"),
            (self.editor_nl, "nl", "20/11/26 19:00"),
            (self.editor_de, "de", "20.11.26 19:00"),
        ):
            with self.subTest(moment=moment):
                edit, opened = self.open_as(editor, language, self.taalcafe)
                data = {**form_data(opened), "start": moment, "body-count": "0"}
                response = self.client.post(edit, data)
                self.assertEqual(response.status_code, 302)
                saved = MeetingPage.objects.get(pk=self.taalcafe.pk).get_latest_revision_as_object()
                self.assertEqual(saved.start, local(2026, 11, 20, 19))

    def test_a_time_the_clocks_skip_is_refused_in_her_format_saying_why(self):
        # 02:30 on the night summer time begins does not exist in Amsterdam and Berlin: the
        # refusal wrote it as "2027-03-28 02:30:00" and said only that it "may be ambiguous or
        # may not exist".
        for editor, language, moment in (
            (self.editor_nl, "nl", "28-03-2027 02:30"),
            (self.editor_de, "de", "28.03.2027 02:30"),
        ):
            with self.subTest(language=language):
                edit, opened = self.open_as(editor, language, self.taalcafe)
                data = {**form_data(opened), "start": moment, "body-count": "0"}
                response = self.client.post(edit, data)
                self.assertEqual(response.status_code, 200)
                page = BeautifulSoup(response.content, "html.parser")
                field = page.select_one("input[name=start]").find_parent(
                    attrs={"data-field-wrapper": True}
                )
                error = field.select_one(".error-message").get_text(" ", strip=True)
                self.assertIn(moment, error)
                # What the clocks do that night: from 02:00 to 03:00.
                self.assertIn("02:00", error)
                self.assertIn("03:00", error)
                self.assertNotIn("2027-03-28", error)
                self.assertNotIn("Europe/", error)
