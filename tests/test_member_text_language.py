"""A member's text shown on a page in the other language carries its own `lang` (WCAG 3.1.2): a
screen reader read Anna's Dutch titles on the German member area with German sounds (walk of
2026-12-06). What the site says around them stays in the language being read."""

from django.test import TestCase

from exchanges.choices import RegistrationStatus
from exchanges.models import MeetingPage, Registration, StoryPage
from home.machine_translation import ensure_aliases
from tests.calendar_base import CalendarMixin, local
from tests.test_members import MembersTestCase, soup


def language_of(element):
    """The language a screen reader reads `element` in: its own `lang`, or its nearest
    ancestor's (up to `<html lang>`)."""
    holder = element if element.has_attr("lang") else element.find_parent(lang=True)
    return holder["lang"]


def languages_saying(page, text):
    """The languages every element whose own text contains `text` is read in (a title shown
    and repeated for screen readers in its buttons, "Withdraw to edit Fietsen …")."""
    found = page.find("main").find_all(string=lambda string: string and text in string)
    assert found, text
    return {language_of(string.parent) for string in found}


class MemberAreaTests(MembersTestCase):
    def member_area(self, language):
        self.client.force_login(self.anna)
        return soup(self.client.get(f"/{language}/members/"))

    def test_her_dutch_draft_is_marked_dutch_on_the_german_member_area(self):
        self.post_story(self.anna)
        self.assertEqual(languages_saying(self.member_area("de"), "Fietsen naar Clarholz"), {"nl"})
        self.assertEqual(languages_saying(self.member_area("nl"), "Fietsen naar Clarholz"), {"nl"})
        self.assertEqual(languages_saying(self.member_area("de"), "Meine Beiträge"), {"de"})

    def test_her_published_dutch_story_is_marked_dutch_on_the_german_member_area(self):
        self.post_story(self.anna)
        self.approve(self.contribution())
        self.assertEqual(languages_saying(self.member_area("de"), "Fietsen naar Clarholz"), {"nl"})

    def test_a_dutch_meeting_she_registered_for_is_marked_dutch(self):
        meeting = self.approved_meeting(self.bernd)
        Registration.objects.create(
            user=self.anna,
            meeting=meeting,
            meeting_key=meeting.translation_key,
            status=RegistrationStatus.REGISTERED,
        )
        self.assertEqual(languages_saying(self.member_area("de"), "Taalcafé"), {"nl"})


class ContributionInReviewTests(MembersTestCase):
    def test_her_dutch_story_in_review_is_marked_dutch_on_the_german_page(self):
        self.post_story(self.anna)
        story = self.contribution()
        page = soup(self.client.get(f"/de/members/contributions/{story.pk}/"))
        self.assertEqual(page.find("main").find("h1").get_text(strip=True), "Fietsen naar Clarholz")
        for text in (
            "Fietsen naar Clarholz",
            "Met twaalf mensen fietsten we naar de partnergemeente.",
            "Dag een was nat.",
        ):
            with self.subTest(text):
                self.assertEqual(languages_saying(page, text), {"nl"})
        # What the page says of it is German, and read so.
        self.assertEqual(language_of(page.find("main").find("p", class_="lead")), "de")


class UntranslatedMeetingTests(CalendarMixin, TestCase):
    """The other way round: on an untranslated Dutch meeting shown on the German site, `<main
    lang="nl">`; what the site says on it, in German, said so only in the facts beside it."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.cafe = cls.meeting(local(2030, 3, 20, 19), title="Taalcafé", slug="taalcafe")
        cls.cafe.cancelled = True
        cls.cafe.save_revision().publish()
        ensure_aliases(cls.cafe)

    def test_the_sites_sentences_on_it_are_read_in_german(self):
        alias = MeetingPage.objects.get(
            translation_key=self.cafe.translation_key, locale__language_code="de"
        )
        page = soup(self.client.get(alias.url))
        main = page.find("main")
        self.assertEqual(language_of(main.find("h1")), "nl")
        cancelled = main.find(class_="status--alert")
        self.assertEqual(cancelled.get_text(strip=True), "Dieses Treffen wurde abgesagt.")
        self.assertEqual(language_of(cancelled), "de")


class ReportedTitleTests(MembersTestCase):
    """The report form's "You are reporting “…”" put a Dutch story's title in a German sentence
    unmarked (walk of 2026-12-07)."""

    def test_her_dutch_story_reported_on_the_german_site_is_marked_dutch(self):
        self.post_story(self.anna)
        story = self.contribution()
        self.approve(story)
        ensure_aliases(story)
        alias = StoryPage.objects.get(translation_key=story.translation_key, locale=self.german)
        self.client.logout()
        for page, language in ((alias, "de"), (story, "nl")):
            with self.subTest(language):
                form = soup(self.client.get(f"/{language}/report/{page.pk}/"))
                self.assertEqual(languages_saying(form, "Fietsen naar Clarholz"), {"nl"})
        form = soup(self.client.get(f"/de/report/{alias.pk}/"))
        self.assertEqual(languages_saying(form, "Sie melden"), {"de"})


class MeetingsReportTests(CalendarMixin, TestCase):
    """A meeting's "Read the report: …" put an untranslated Dutch report's title in the German
    sentence unmarked (walk of 2026-12-07)."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.report = cls.story(title="Zo ging het", slug="zo-ging-het")
        ensure_aliases(cls.report)
        cls.cafe = cls.meeting(
            local(2026, 3, 20, 19), title="Taalcafé", slug="taalcafe", report=cls.report
        )

    def said(self, meeting):
        page = soup(self.client.get(meeting.url))
        return languages_saying(page, "Zo ging het"), languages_saying(page, "Zum Bericht")

    def test_on_a_german_meeting_the_dutch_reports_title_is_marked_dutch(self):
        german = self.translate(self.cafe)
        self.assertEqual(self.said(german), ({"nl"}, {"de"}))

    def test_on_an_untranslated_meeting_the_sentence_is_german_and_the_title_dutch(self):
        ensure_aliases(self.cafe)
        alias = MeetingPage.objects.get(
            translation_key=self.cafe.translation_key, locale__language_code="de"
        )
        self.assertEqual(self.said(alias), ({"nl"}, {"de"}))

    def test_on_the_dutch_meeting_the_title_needs_no_mark_of_its_own(self):
        page = soup(self.client.get(self.cafe.url))
        [title] = page.find("main").find_all(string=lambda s: s and "Zo ging het" in s)
        self.assertFalse(title.parent.has_attr("lang"))
        self.assertEqual(language_of(title.parent), "nl")
