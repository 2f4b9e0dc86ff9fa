"""What a newcomer found walking the demo site (walk 17): meetings dated on Sundays and
registrations closing on Christmas Day, the towns without wagtail-localize's translation records,
English image titles, and Dutch texts with German-style quotes."""

import datetime
import io

import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import SimpleTestCase, TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationSource,
)

from community.models import SectorPage, Town
from jumelage import site_tree
from jumelage.demo import data, holidays
from jumelage.demo.management.commands.load_demo import (
    closes_in,
    meeting_times,
    moved_from,
    visit_days,
)
from tests.calendar_base import local

EVENINGS = {"Monday", "Tuesday", "Wednesday", "Thursday"}
WORKING_DAYS = EVENINGS | {"Friday"}


def demo_meetings():
    """Each meeting of the demo (the calendar's and the members' proposals) as its file says."""
    yield from data.pages("meetings")
    for contribution in data.read("contributions")["contributions"]:
        if contribution["kind"] == "meeting":
            yield contribution


def name(spec):
    title = spec["title"]
    return title["nl"] if isinstance(title, dict) else title


def days_of(start, end):
    day = start.date()
    while day <= end.date():
        yield day
        day += datetime.timedelta(days=1)


def loaded_on(*days):
    """Each day of the ranges (first, last) given, at ten in the morning."""
    for first, last in days:
        day = first
        while day <= last:
            yield day
            day += datetime.timedelta(days=1)


class DemoMeetingsFallOnDaysSuchMeetingsAreHeld(SimpleTestCase):
    """Dated from today, the first demo meetings fell on Sundays when the demo was loaded on a
    Monday, the council evening in Steenwijk's town hall on Sunday 27 December 2026 with its
    registration closing on Christmas Day."""

    @time_machine.travel(local(2026, 12, 7, 10, 0), tick=False)
    def test_loaded_on_monday_7_december_the_council_evening_is_on_a_monday(self):
        council = next(
            spec for spec in data.pages("meetings") if "raadsavond" in spec["slug"]["nl"]
        )
        start, end, deadline = meeting_times(council)
        # 20 days on is Sunday 27 December: the next evening a council meets is Monday 28.
        self.assertEqual(start, local(2026, 12, 28, 19, 0))
        # Two days before is Boxing Day (Christmas Eve and Day before it): Wednesday 23.
        self.assertEqual(deadline, local(2026, 12, 23, 19, 0))

    @time_machine.travel(local(2026, 12, 7, 10, 0), tick=False)
    def test_loaded_on_monday_7_december_no_evening_is_at_the_weekend(self):
        for spec in demo_meetings():
            start, _end, _deadline = meeting_times(spec)
            if start.hour >= 17:
                self.assertIn(start.strftime("%A"), EVENINGS, name(spec))

    def test_whenever_it_is_loaded_meetings_keep_their_days_and_avoid_holidays(self):
        for today in loaded_on(
            (datetime.date(2026, 11, 30), datetime.date(2027, 1, 10)),  # every weekday, Christmas
            (datetime.date(2027, 3, 1), datetime.date(2027, 4, 10)),  # Easter 2027: 28 March
            (datetime.date(2028, 3, 20), datetime.date(2028, 4, 25)),  # Easter 2028: 16 April
        ):
            with time_machine.travel(local(today.year, today.month, today.day, 10), tick=False):
                for spec in demo_meetings():
                    start, end, deadline = meeting_times(spec)
                    where = (str(today), name(spec), start)
                    weekday = start.strftime("%A")
                    if start.hour >= 17:
                        self.assertIn(weekday, EVENINGS, where)
                    else:
                        self.assertIn(weekday, WORKING_DAYS | {"Saturday"}, where)
                    for day in days_of(start, end):
                        self.assertFalse(holidays.is_holiday(day), where)
                    if deadline is not None:
                        self.assertFalse(holidays.is_holiday(deadline.date()), (*where, deadline))
                        self.assertLess(deadline, start, where)
                    self.assertEqual(start.strftime("%H:%M"), spec["start"], where)
                    self.assertEqual(start.date() < today, spec["days_from_now"] < 0, where)

    def test_weekend_events_are_on_saturday_and_working_visits_on_working_days(self):
        held_on = {spec["slug"]["nl"]: spec.get("held_on") for spec in data.pages("meetings")}
        self.assertEqual(held_on["fietstweedaagse-steenwijk-clarholz"], "saturday")
        self.assertEqual(held_on["jumelagemarkt-herzebrock"], "saturday")
        self.assertEqual(held_on["klassenbezoek-regenmeters-steenwijk"], "weekday")
        with time_machine.travel(local(2027, 2, 3, 10), tick=False):
            for spec in data.pages("meetings"):
                start, end, _deadline = meeting_times(spec)
                if spec.get("held_on") == "saturday":
                    self.assertEqual(start.strftime("%A"), "Saturday", name(spec))
                if spec.get("held_on") == "weekday":
                    self.assertIn(start.strftime("%A"), WORKING_DAYS, name(spec))


def texts_in(value, language):
    """Every text of `language` in a demo file's data: under its `[nl]`/`[de]` tables, in
    dotted keys (`alt_text.nl`) and in body blocks."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == language:
                yield from all_texts(item)
            elif key not in site_tree.LANGUAGES:
                yield from texts_in(item, language)
    elif isinstance(value, list):
        for item in value:
            yield from texts_in(item, language)


def all_texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from all_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_texts(item)


class DemoTextsQuoteAsEachLanguageDoes(SimpleTestCase):
    """Dutch demo texts quoted with ‘…’ (and once “…”) where this site writes „…” in Dutch."""

    def test_dutch_texts_quote_with_low_and_high_double_quotes(self):
        for path in sorted(data.CONTENT.rglob("*.toml")):
            for text in texts_in(site_tree.read_toml(path), "nl"):
                where = (str(path.relative_to(data.CONTENT)), text[:80])
                self.assertNotRegex(text, "[‘’“]", where)
                self.assertEqual(text.count("„"), text.count("”"), where)

    def test_german_texts_quote_with_low_and_high_double_quotes(self):
        for path in sorted(data.CONTENT.rglob("*.toml")):
            for text in texts_in(site_tree.read_toml(path), "de"):
                where = (str(path.relative_to(data.CONTENT)), text[:80])
                self.assertNotRegex(text, "[‘’”]", where)
                self.assertEqual(text.count("„"), text.count("“"), where)

    def test_the_language_cafe_keeps_the_group_small_in_good_dutch(self):
        cafe = next(spec for spec in data.pages("meetings") if "taalcafe" in spec["slug"]["nl"])
        text = " ".join(
            paragraph
            for kind, value in cafe["body"]
            if kind == "paragraphs"
            for paragraph in value["nl"]
        )
        self.assertIn("Om de groep klein te houden, zijn er acht plaatsen", text)
        self.assertNotIn("Zodat de groep klein blijft", text)


def load_demo(test_case):
    # Translations are published when the transaction commits, as in a real run.
    with test_case.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


class TheLoadedDemo(TestCase):
    """What the walk found on a demo site `make run` loaded: one load for every test here."""

    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=io.StringIO())
        cls.dutch = Locale.objects.get(language_code="nl")
        cls.german = Locale.objects.get(language_code="de")
        cls.admin = get_user_model().objects.create_superuser(
            email="admin@jumelage.example", password="x", language="en"
        )

    def town_translations(self):
        return Translation.objects.filter(
            source__object_id__in=Town.objects.filter(locale=self.dutch).values("translation_key"),
            target_locale=self.german,
            enabled=True,
        )

    # Towns

    def test_an_editor_can_sync_the_towns_translations(self):
        profile = UserProfile.get_for_user(self.admin)
        profile.preferred_language = "en"
        profile.save()
        self.client.force_login(self.admin)
        response = self.client.get("/admin/snippets/community/town/?locale=nl")
        self.assertEqual(response.status_code, 200)
        for town in Town.objects.filter(locale=self.dutch):
            source = TranslationSource.objects.get_for_instance_or_none(town)
            self.assertIsNotNone(source, town.name)
            url = reverse("wagtail_localize:update_translations", args=[source.pk])
            self.assertContains(response, url)
        self.assertContains(response, "Sync translated snippets")

    def test_the_german_towns_are_the_translations_of_the_dutch(self):
        self.assertEqual(self.town_translations().count(), 2)
        for town in Town.objects.filter(locale=self.dutch):
            german = town.get_translation(self.german)
            name = StringTranslation.objects.get(translation_of__data=town.name, locale=self.german)
            self.assertEqual(name.data, german.name)
        self.assertEqual(
            Town.objects.get(slug="herzebrock-clarholz", locale=self.german).name,
            "Herzebrock-Clarholz",
        )

    def test_a_demo_loaded_before_gets_the_towns_translation_records_once(self):
        # As an earlier loader left them: German copies without wagtail-localize's records, the
        # German name of one changed by an editor since.
        keys = Town.objects.values("translation_key")
        TranslationSource.objects.filter(object_id__in=keys).delete()
        StringTranslation.objects.filter(context__object_id__in=keys).delete()
        renamed = Town.objects.get(slug="herzebrock-clarholz", locale=self.german)
        renamed.name = "Gemeinde Herzebrock-Clarholz"
        renamed.save()
        towns = Town.objects.count()
        load_demo(self)
        load_demo(self)
        self.assertEqual(Town.objects.count(), towns)
        self.assertEqual(self.town_translations().count(), 2)
        renamed.refresh_from_db()
        self.assertEqual(renamed.name, "Gemeinde Herzebrock-Clarholz")
        self.assertTrue(
            StringTranslation.objects.filter(
                locale=self.german, data="Gemeinde Herzebrock-Clarholz"
            ).exists()
        )

    # Images

    def test_demo_images_have_dutch_and_german_titles(self):
        titles = set(get_image_model().objects.values_list("title", flat=True))
        self.assertIn("Koor · Chor", titles)
        self.assertIn("Gemeentehuis · Rathaus", titles)
        self.assertFalse([title for title in titles if title.startswith("Jumelage")], titles)

    def test_the_public_image_api_shows_no_english_title(self):
        response = self.client.get("/api/v2/images/?limit=100")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Jumelage –")
        self.assertContains(response, "Gemeentehuis · Rathaus")

    def test_a_demo_loaded_before_gets_its_untouched_images_retitled(self):
        images = get_image_model().objects
        # As an earlier loader titled them; one an editor has given another picture since.
        choir = images.get(title="Koor · Chor")
        choir.title = "Jumelage – choir"
        choir.save()
        council = images.get(title="Raadzaal · Ratssaal")
        council.title = "Jumelage – council"
        council.file.name = "original_images/raadzaal-2026.jpg"
        council.save()
        count = images.count()
        load_demo(self)
        self.assertEqual(images.get(pk=choir.pk).title, "Koor · Chor")
        self.assertEqual(images.get(pk=council.pk).title, "Jumelage – council")
        self.assertEqual(images.count(), count)

    # Texts

    def test_the_sector_page_quotes_its_join_button_as_it_reads(self):
        member = get_user_model().objects.create_user(email="nieuw@jumelage.example", language="nl")
        self.client.force_login(member)
        sector = SectorPage.objects.get(locale=self.dutch, slug="agrarische-sector")
        page = BeautifulSoup(self.client.get(sector.url).content, "html.parser")
        button = page.find("form", action=reverse("join_sector", args=[sector.pk])).button
        label = button.get_text(strip=True)
        self.assertEqual(label, "Lid worden van deze gemeenschap")
        self.assertIn(f"klik op deze pagina op „{label}”", page.main.get_text())

    def test_a_visitor_reads_that_she_logs_in_before_joining(self):
        """A visitor's button reads "Log in to join", not the join button the text quotes: the
        text says she logs in first (walk 10)."""
        for language, slug, said in (
            ("nl", "agrarische-sector", "log in en klik op deze pagina op"),
            ("de", "landwirtschaft", "Loggen Sie sich ein und klicken Sie auf dieser Seite auf"),
        ):
            with self.subTest(language=language):
                sector = SectorPage.objects.get(locale__language_code=language, slug=slug)
                page = BeautifulSoup(self.client.get(sector.url).content, "html.parser")
                self.assertIn(said, page.main.get_text())
                with translation.override(language):
                    self.assertIn(gettext("Log in to join"), page.main.get_text())


class DemoDaysAvoidHolidaysToo(SimpleTestCase):
    """What walk 9 found still falling on holidays: the day a moved meeting was first planned
    for, and the exchange visit's own days (it started on any day of the week)."""

    # Loaded on every day of these: the meetings and the visit fall on Christmas, New Year,
    # Easter (Good Friday 2027 is 26 March), Ascension and Whitsun.
    DAYS = ((datetime.date(2026, 10, 15), datetime.date(2027, 6, 1)),)

    def test_a_moved_meeting_was_first_planned_for_an_ordinary_day_of_its_kind(self):
        moved = [spec for spec in demo_meetings() if spec.get("moved_days")]
        self.assertTrue(moved)
        for today in loaded_on(*self.DAYS):
            with time_machine.travel(local(today.year, today.month, today.day, 10), tick=False):
                for spec in moved:
                    start, end, _deadline = meeting_times(spec)
                    before = moved_from(spec, start, end)
                    where = (str(today), name(spec), before)
                    self.assertFalse(holidays.is_holiday(before.date()), where)
                    self.assertEqual(before.strftime("%A"), start.strftime("%A"), where)
                    self.assertEqual(before.strftime("%H:%M"), spec["start"], where)
                    self.assertLess(before, start, where)

    def test_the_exchange_visit_runs_from_thursday_on_ordinary_days(self):
        visit = data.pages("visits")[0]
        for today in loaded_on(*self.DAYS):
            with time_machine.travel(local(today.year, today.month, today.day, 10), tick=False):
                first, last = visit_days(visit)
                where = (str(today), first)
                self.assertEqual(first.strftime("%A"), "Thursday", where)
                self.assertEqual((last - first).days + 1, visit["days"], where)
                for n in range(visit["days"]):
                    day = first + datetime.timedelta(days=n)
                    self.assertFalse(holidays.is_holiday(day), (*where, day))
                self.assertLess(
                    closes_in(visit["signup_deadline_days_from_now"], "23:59").date(), first
                )


class DemoVisitSignUpClosesOnAnOrdinaryDay(SimpleTestCase):
    def test_sign_up_for_the_visit_never_closes_on_a_public_holiday(self):
        visit = data.pages("visits")[0]
        days = visit["signup_deadline_days_from_now"]
        for today in loaded_on((datetime.date(2026, 9, 1), datetime.date(2027, 9, 1))):
            with time_machine.travel(local(today.year, today.month, today.day, 10), tick=False):
                closes = closes_in(days, "23:59")
                self.assertFalse(holidays.is_holiday(closes.date()), (today, closes))
                self.assertLessEqual(
                    (today + datetime.timedelta(days=days) - closes.date()).days, 4
                )
