"""Hostile text never produces a server error, and nothing is stored that should not be.

First the four classes of fault that were found, each as a plain example: a quote in the search,
a line break in a meeting's title and its own iCalendar feed, a formula as a member's name in the
editors' CSV export, control characters in titles and names. Then a sweep: a table of hostile
strings (quotes, NUL, line breaks, right-to-left overrides, emoji, 10,000 characters, SQL, HTML,
JavaScript and template syntax, formula prefixes, bytes that are no UTF-8, path traversal, numbers
too long for an id) sent through every public form, filter, search and feed, as a visitor, a
member and a newcomer signing up; and a Hypothesis sweep of any text through the search and the
listings' filters. Every request of the sweeps is counted in `TALLY`; tests/security/conftest.py
prints the figure at the end of the run ("N hostile inputs, 0 server errors").

The test client here answers a crash with a 500 rather than raising it, so that one crash does
not hide the others: every request is checked, and the sweep fails listing all that answered 5xx."""

import csv
import io
import re
import xml.etree.ElementTree as ET
from html import escape
from urllib.parse import quote

import feedparser
import icalendar
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client, TestCase
from django.utils import timezone, translation
from django.utils.translation import gettext
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase
from wagtail.models import Page

from community.models import Report
from exchanges.models import MeetingPage, Registration, StoryPage
from tests import test_properties  # noqa: F401  (loads the Hypothesis profiles)
from tests.calendar_base import CalendarMixin
from tests.test_members import NEXT_YEAR, photo
from tests.test_properties import as_a_name
from tests.test_roles import RolesTestCase, form_data

User = get_user_model()

TALLY = {"requests": 0, "server_errors": 0}

SCRIPT = "<script>alert(1)</script>"
HOSTILE = [
    # Quotes and what a search engine's query language makes of them.
    '"',
    'x"y',
    "'",
    'Vecht"',
    '"unterminated phrase',
    "\\",
    "AND",
    "a OR b",
    "NOT fiets",
    "*",
    "fiets*",
    "(",
    "a OR (b",
    "NEAR(a b)",
    "title:x",
    "^-+:!&|<->",
    # Invisible and control characters.
    "\x00",
    "a\x00b",
    "%00",
    "\r\n",
    "Titel\r\nX-INJECTED:1",
    "Zeile\rzwei",
    "bell\x07escape\x1b[31m",
    "\x0b\x0c\x1c\x85",
    "\u2028\u2029",
    "\u202eevil\u202c",
    "\u200f\u200e\u200d",
    "\ufeff",
    # Noncharacters, which XML 1.0 and spreadsheets refuse (surrogates are in RAW_VALUES).
    "\ufffe",
    "\uffff",
    "Feed\ufffe\uffffbreaker",
    "Bot\uffff46",
    "\ufdd0\ufdef",
    "\U0001fffe\U0010ffff",
    # Scripts, emoji, sizes.
    "שלום עולם",
    "مرحبا",
    "🚲🇳🇱🇩🇪👩‍👩‍👧",
    "\ufdfa" * 20,
    "x" * 10_000,
    "ü" * 5_000,
    " ",
    "",
    # Injections.
    "' OR '1'='1' --",
    "1; DROP TABLE wagtailcore_page; --",
    "Robert'); DELETE FROM community_user;--",
    SCRIPT,
    '"><img src=x onerror=alert(2)>',
    "javascript:alert(3)",
    "{{ request }}",
    "{% debug %}",
    "${7*7}#{7*7}",
    '=HYPERLINK("http://evil.example","klik")',
    "+31 6 12345678",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "=cmd|' /C calc'!A0",
    # Paths and numbers.
    "../../../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "/nl/admin/",
    "9" * 30,
    "-1",
    "0",
    "1e309",
    "NaN",
    "2026-13-45",
    "٣",
]
# Lone surrogates cannot be encoded as UTF-8, so they reach a server as bytes no decoder accepts:
# surrogates in CESU-8, overlong dots, a byte order mark the wrong way round.
RAW_VALUES = ["%ED%A0%80", "%ED%BF%BFx", "%C0%AE%C0%AE%2F", "%FF%FE", "%80", "%E2%82"]

# What the forms refuse: control characters, and noncharacters and surrogates in any text.
NONCHARACTER = "\ufdd0-\ufdef\ud800-\udfff" + "".join(
    chr(plane * 0x10000 + last) for plane in range(17) for last in (0xFFFE, 0xFFFF)
)
# Characters that turn the direction of a text, refused in every text; zero-width spaces, the
# word joiner and the BOM in one line.
DIRECTION = "\u202a-\u202e\u2066-\u2069"
CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b\u2060\ufeff{DIRECTION}{NONCHARACTER}]")
CONTROL_BUT_LINE_BREAKS = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{DIRECTION}{NONCHARACTER}]"
)


def one_line_accepted(value, max_length):
    """What a title or a name may be: one line, no control characters, not too long."""
    stripped = value.strip()
    return bool(stripped) and len(stripped) <= max_length and not CONTROL.search(stripped)


def text_accepted(value, max_length, required=True):
    stripped = value.strip()
    return (
        (bool(stripped) or not required)
        and len(stripped) <= max_length
        and not CONTROL_BUT_LINE_BREAKS.search(stripped)
    )


class HostileClient(Client):
    """A test client that counts its requests and answers crashes as a server would (500)."""

    def __init__(self, failures, **defaults):
        super().__init__(raise_request_exception=False, **defaults)
        self.failures = failures

    def request(self, **request):
        # Rate limits count in the cache; here they would soon answer 429 and hide the form.
        cache.clear()
        response = super().request(**request)
        TALLY["requests"] += 1
        if response.status_code >= 500:
            TALLY["server_errors"] += 1
            self.failures.append(
                f"{request['REQUEST_METHOD']} {request['PATH_INFO']}"
                f"?{request.get('QUERY_STRING', '')[:80]} -> {response.status_code}"
            )
        return response


def member(email, name, language="nl"):
    user = User.objects.create_user(
        email, "een-lang-wachtwoord", display_name=name, language=language
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


class HostileSiteMixin(CalendarMixin):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.story(
            title="Fietstocht",
            slug="fietstocht",
            intro="Twintig inwoners fietsten langs de Vecht naar de partnergemeente.",
        )
        cls.contribution = cls.story(title="Bijdrage van een lid", slug="bijdrage")
        cls.contribution.member_contribution = True
        cls.contribution.save()
        cls.session = cls.meeting(
            timezone.now() + timezone.timedelta(days=20),
            title="Taalcafé",
            slug="taalcafe",
            sectors=[cls.climate],
            place_name="Bibliotheek",
            town=cls.steenwijkerland,
        )
        cls.anna = member("anna@example.org", "Anna")

    def setUp(self):
        self.failures = []
        self.client = HostileClient(self.failures)

    def assertNoServerErrors(self):
        self.assertEqual(self.failures, [], f"{len(self.failures)} server errors")


# The classes of fault that were found, as examples.


class SearchTests(HostileSiteMixin, TestCase):
    def test_a_quote_or_a_nul_in_the_search_is_answered_and_words_are_still_found(self):
        for query in ['"', 'x"y', "\x00", "a\x00b", '"Vecht"', "Vecht\x00", "(Vecht", "Vecht*"]:
            with self.subTest(query=query):
                response = self.client.get("/nl/search/", {"q": query})
                self.assertEqual(response.status_code, 200)
                self.assertEqual("Vecht" in query, b"Fietstocht" in response.content)
        self.assertNoServerErrors()

    def test_what_was_searched_for_is_shown_back_without_control_characters(self):
        response = self.client.get("/nl/search/", {"q": "fiets\x00\x1b<b>"})
        self.assertContains(response, 'value="fiets&lt;b&gt;"')


class MeetingFeedTests(HostileSiteMixin, TestCase):
    TITLE = "Taalcafé\r\nX-INJECTED:1;\x07 bel, komma"
    SHOWN = "Taalcafé\nX-INJECTED:1; bel, komma"  # as a calendar reads it

    def feed_events(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertNotIn(b"\r\nX-INJECTED", response.content)
        self.assertIsNone(CONTROL_BUT_LINE_BREAKS.search(response.content.decode()))
        calendar = icalendar.Calendar.from_ical(response.content)
        return calendar, {str(event["UID"]): event for event in calendar.walk("VEVENT")}

    def test_a_line_break_in_a_title_is_escaped_in_every_feed(self):
        self.session.title = self.TITLE
        self.session.save_revision().publish()
        for url in (
            "/nl/calendar.ics",
            "/nl/calendar/sectors/duurzaamheid.ics",
            f"/nl/meetings/{self.session.pk}.ics",
        ):
            with self.subTest(url=url):
                calendar, events = self.feed_events(url)
                [event] = [e for e in events.values() if "Taalcaf" in str(e["SUMMARY"])]
                self.assertEqual(str(event["SUMMARY"]), self.SHOWN)
                self.assertNotIn("X-INJECTED", event)
        # The feed of one meeting is named after it, escaped as any text.
        content = self.client.get(f"/nl/meetings/{self.session.pk}.ics").content.decode()
        self.assertIn("\r\nX-WR-CALNAME:Taalcafé\\nX-INJECTED:1\\; bel\\, komma\r\n", content)
        self.assertNoServerErrors()


class StoryFeedTests(HostileSiteMixin, TestCase):
    """Editors type titles in the admin, where no form of ours checks them."""

    FEEDS = [
        "/nl/feeds/stories.rss",
        "/nl/feeds/stories.atom",
        "/nl/feeds/sectors/duurzaamheid.rss",
        "/nl/feeds/sectors/duurzaamheid.atom",
    ]

    def test_a_title_with_characters_xml_cannot_carry_still_yields_readable_feeds(self):
        self.story(
            title="Feed\ufffe\uffffbreaker\x0b",
            slug="feedbreaker",
            intro="Een inleiding\uffff met\x1b tekens.\n\nTwee alinea's.",
            author=member("bot@example.org", "Bot\uffff46"),  # signed up before the check
            sectors=[self.climate],
        )
        for url in self.FEEDS:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                # Our own feed; raises on anything XML 1.0 cannot carry.
                root = ET.fromstring(response.content)  # noqa: S314
                titles = [
                    element.text
                    for element in root.iter()
                    if element.tag in ("title", "{http://www.w3.org/2005/Atom}title")
                ]
                self.assertIn("Feedbreaker", titles)
                parsed = feedparser.parse(response.content)
                self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
                [entry] = [entry for entry in parsed.entries if entry.title == "Feedbreaker"]
                self.assertIn("Een inleiding met tekens.", entry.summary)
                self.assertEqual(entry.author, "Bot46")
        self.assertNoServerErrors()


class CsvExportTests(HostileSiteMixin, TestCase):
    FORMULAS = ["=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]

    def export_text(self, url):
        editor = User.objects.create_superuser("redactie@example.org", "x")
        self.client.force_login(editor)
        response = self.client.get(url, {"export": "csv"})
        self.assertEqual(response.status_code, 200)
        return b"".join(response.streaming_content).decode("utf-8-sig")

    def export(self, url):
        # The admin is in Dutch: its CSV is separated as Dutch Excel splits it, at semicolons.
        return list(csv.reader(io.StringIO(self.export_text(url)), delimiter=";"))

    def test_a_name_that_looks_like_a_formula_stays_text_in_the_registrations_export(self):
        for number, name in enumerate(self.FORMULAS):
            Registration.objects.register(self.session, member(f"lid{number}@example.org", name))
        rows = self.export("/admin/registrations/")
        names = {row[2] for row in rows[1:]}
        # The carriage return starts a row where Excel splits at semicolons: so does its "=".
        expected = {"'" + name for name in self.FORMULAS} - {"'\r=1"} | {"'\r'=1"}
        self.assertEqual(names, expected)
        self.assertTrue(
            all(
                not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
                for row in rows
                for cell in row
            )
        )

    def test_a_formula_after_a_semicolon_stays_text_where_excel_splits_at_semicolons(self):
        # Dutch and German Excel open a .csv split at semicolons, which the CSV writer leaves
        # unquoted: each part is a cell there, and must not start a formula either.
        hostile = "Zie;=HYPERLINK(CHAR(104));x; @SUM(A1);-1"
        Registration.objects.register(self.session, member("lid@example.org", hostile))
        content = "\n".join(",".join(row) for row in self.export("/admin/registrations/"))
        cells = [cell for line in content.splitlines() for cell in line.split(";")]
        self.assertTrue(any("HYPERLINK" in cell for cell in cells))
        self.assertEqual(
            [cell for cell in cells if cell.lstrip().startswith(("=", "+", "-", "@"))], []
        )

    def test_a_formula_on_a_line_of_its_own_stays_text_where_excel_splits_at_semicolons(self):
        # There a value's line break starts a row, and a quote the writer doubled may open a
        # cell: neither may start a formula (attack of 2026-12-04).
        hostile = 'Graag bij de familie\n=1+1;\r\n@SUM(A1)\na;"=HYPERLINK(1)"'
        Registration.objects.register(self.session, member("lid@example.org", hostile))
        content = self.export_text("/admin/registrations/")
        self.assertIn("HYPERLINK", content)
        cells = [
            cell.strip('"').lstrip() for line in content.splitlines() for cell in line.split(";")
        ]
        self.assertEqual([cell for cell in cells if cell.startswith(("=", "+", "-", "@"))], [])

    def test_a_formula_behind_spaces_or_in_full_width_stays_text(self):
        # A spreadsheet that trims a cell's leading spaces, or takes a full-width sign for its
        # ASCII one, reads a formula there too: at the start of a value as after a separator
        # (attack of 2026-12-04).
        spaced = [" =1+1", "\xa0+31", "\u3000-2+3", "\u2003@SUM(A1)"]
        hostile = [*spaced, "＝1+1", "＋1", "－1", "＠A1"]
        for number, name in enumerate(hostile):
            Registration.objects.register(self.session, member(f"lid{number}@example.org", name))
        Registration.objects.register(self.session, member("lid@example.org", "Zie;＝1,\xa0＠A1"))
        content = self.export_text("/admin/registrations/")
        cells = [
            cell.strip('"') for line in content.splitlines() for cell in re.split("[;,]", line)
        ]
        formula = re.compile(r'[\s"]*[=+\-@＝＋－＠]')
        self.assertEqual([cell for cell in cells if formula.match(cell)], [])
        names = {row[2] for row in csv.reader(io.StringIO(content), delimiter=";")}
        self.assertLessEqual({" '=1+1", "\xa0'+31", "'＝1+1", "'＠A1"}, names)

    def test_a_title_that_looks_like_a_formula_stays_text_in_wagtails_own_reports(self):
        self.contribution.title = '=HYPERLINK("http://evil.example")'
        self.contribution.save_revision().publish()
        rows = self.export("/admin/reports/aging-pages/")
        self.assertIn('\'=HYPERLINK("http://evil.example")', [row[0] for row in rows])


class ControlCharacterTests(HostileSiteMixin, TestCase):
    ONE_LINE = "Please use one line without invisible control characters."
    TEXT = "Please remove the invisible control characters from this text."

    def assertRefused(self, response, message, lang="nl", field=None, typed=None):
        self.assertEqual(response.status_code, 200)
        with translation.override(lang):
            self.assertContains(response, escape(gettext(message)))
        if field is not None:
            self.assertContains(response, f'value="{escape(typed.strip())}"')

    def test_a_display_name_with_control_characters_is_refused_at_sign_up(self):
        response = self.client.post(
            "/de/accounts/signup/",
            {
                "email": "carla@example.org",
                "password1": "ein-sehr-langes-passwort",
                "password2": "ein-sehr-langes-passwort",
                "display_name": "Carla\x1b[31m",
                "language": "de",
                "privacy_consent": "on",
            },
        )
        self.assertRefused(response, self.ONE_LINE, "de")
        self.assertContains(response, 'value="carla@example.org"')
        self.assertFalse(User.objects.filter(email="carla@example.org").exists())

    def test_a_display_name_with_a_line_break_is_refused_in_the_profile(self):
        self.client.force_login(self.anna)
        response = self.client.post(
            "/nl/members/profile/", {"display_name": "Anna\r\nBcc: x", "language": "nl"}
        )
        self.assertRefused(response, self.ONE_LINE)
        self.assertEqual(User.objects.get(pk=self.anna.pk).display_name, "Anna")

    def test_a_contribution_title_with_control_characters_is_refused_and_kept_in_the_form(self):
        self.client.force_login(self.anna)
        before = Page.objects.count()
        response = self.client.post(
            "/nl/members/stories/new/",
            {
                "title": "Fietsen\x08 naar Clarholz",
                "intro": "Met twaalf mensen.\n\nEn een \x0c pagina-einde.",
                "language": "nl",
                "date": "2026-05-01",
                "towns": [str(self.steenwijkerland.pk)],
                "photos-TOTAL_FORMS": "0",
                "photos-INITIAL_FORMS": "0",
                "draft": "1",
            },
        )
        self.assertRefused(response, self.ONE_LINE)
        self.assertContains(response, escape(gettext(self.TEXT)))
        self.assertEqual(Page.objects.count(), before)

    def test_noncharacters_are_refused_in_a_display_name_and_a_contribution(self):
        self.client.force_login(self.anna)
        response = self.client.post(
            "/nl/members/profile/", {"display_name": "Bot\uffff46", "language": "nl"}
        )
        self.assertRefused(response, self.ONE_LINE)
        self.assertEqual(User.objects.get(pk=self.anna.pk).display_name, "Anna")
        before = Page.objects.count()
        response = self.client.post(
            "/nl/members/stories/new/",
            {
                "title": "Feed\ufffe\uffffbreaker",
                "intro": "Met twaalf mensen.\ufdd0",
                "language": "nl",
                "date": "2026-05-01",
                "towns": [str(self.steenwijkerland.pk)],
                "photos-TOTAL_FORMS": "0",
                "photos-INITIAL_FORMS": "0",
                "draft": "1",
            },
        )
        self.assertRefused(response, self.ONE_LINE)
        self.assertContains(response, escape(gettext(self.TEXT)))
        self.assertEqual(Page.objects.count(), before)

    def test_a_report_keeps_its_line_breaks_but_not_other_control_characters(self):
        url = f"/nl/report/{self.contribution.pk}/"
        response = self.client.post(url, {"reason": "spam", "message": "Zie\x1b hier"})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Report.objects.exists())
        self.client.post(url, {"reason": "spam", "message": "Eerste regel.\r\nTweede regel."})
        self.assertEqual(Report.objects.get().message, "Eerste regel.\r\nTweede regel.")


# The sweep.


class HostileInputSweepTests(HostileSiteMixin, TestCase):
    def get_each(self, path, names, fixed=None):
        """Each hostile value in every parameter of `names` at once (filters are checked one by
        one, so one bad value does not hide another)."""
        for value in HOSTILE:
            with self.subTest(path=path, value=value[:40]):
                response = self.client.get(path, {**(fixed or {}), **dict.fromkeys(names, value)})
                self.assertNotIn(SCRIPT.encode(), response.content)
        for raw in RAW_VALUES:
            self.client.get(path, QUERY_STRING="&".join(f"{name}={raw}" for name in names))

    def get_paths(self, template):
        for value in [*HOSTILE, *RAW_VALUES]:
            self.client.get(template.format(quote(value, safe="%") or "x"))

    def test_search_filters_and_the_calendar_answer_any_parameter(self):
        self.get_each("/nl/search/", ["q"])
        self.get_each("/de/search/", ["page"], fixed={"q": "Vecht"})
        self.get_each(self.story_index.url, ["sector", "town", "year", "tag", "page"])
        self.get_each(self.calendar.url, ["view", "sector", "format", "page"])
        self.get_each(self.calendar_de.url, ["month", "sector"], fixed={"view": "month"})
        self.assertNoServerErrors()

    def test_feeds_answer_any_address(self):
        self.get_paths("/nl/feeds/sectors/{}.rss")
        self.get_paths("/de/feeds/sectors/{}.atom")
        self.get_paths("/nl/calendar/sectors/{}.ics")
        self.get_paths("/nl/meetings/{}.ics")
        self.get_paths("/de/{}/")
        self.get_each("/nl/calendar.ics", ["sector", "month"])
        self.get_each("/nl/feeds/stories.rss", ["sector", "page"])
        self.assertNoServerErrors()

    def test_login_and_sign_up_answer_anything_and_store_only_a_clean_name(self):
        for number, value in enumerate(HOSTILE):
            with self.subTest(value=value[:40]):
                email = f"nieuw{number}@example.org"
                self.client.post("/nl/accounts/login/", {"login": value, "password": value})
                self.assertNotIn("_auth_user_id", self.client.session)
                response = self.client.post(
                    "/nl/accounts/signup/",
                    {
                        "email": email,
                        "password1": "een-heel-lang-wachtwoord",
                        "password2": "een-heel-lang-wachtwoord",
                        "display_name": value,
                        "language": "nl",
                        "privacy_consent": "on",
                    },
                )
                stored = User.objects.filter(email=email).first()
                if not one_line_accepted(value, 80):
                    self.assertIsNone(stored)
                elif stored is not None:
                    # As a name is kept: its compatibility form, single spaces.
                    self.assertEqual(stored.display_name, as_a_name(value))
                else:
                    # Refused as a name (an address, the editors', another member's, longer in
                    # that form): said so, what she typed kept.
                    self.assertEqual(response.status_code, 200)
                    page = BeautifulSoup(response.content, "html.parser")
                    self.assertTrue(page.select(".field__error"))
                    self.assertEqual(
                        page.find("input", attrs={"name": "display_name"})["value"], value
                    )
                self.client.post("/nl/accounts/signup/", {"email": value, "display_name": "X"})
                self.client.post("/nl/accounts/password/reset/", {"email": value})
        self.assertNoServerErrors()

    def test_the_profile_stores_only_what_a_name_and_a_text_may_be(self):
        self.client.force_login(self.anna)
        for value in HOSTILE:
            with self.subTest(value=value[:40]):
                before = User.objects.values("display_name", "bio").get(pk=self.anna.pk)
                self.client.post("/nl/members/profile/", {"display_name": value, "language": "nl"})
                self.client.post(
                    "/nl/members/profile/", {"display_name": "Anna", "bio": value, "language": "nl"}
                )
                after = User.objects.values("display_name", "bio").get(pk=self.anna.pk)
                if one_line_accepted(value, 80) and text_accepted(value, 600, required=False):
                    self.assertEqual(after, {"display_name": "Anna", "bio": value.strip()})
                elif not text_accepted(value, 600, required=False):
                    self.assertEqual(after["bio"], before["bio"])
                area = self.client.get("/nl/members/")
                self.assertNotIn(SCRIPT.encode(), area.content)
        self.assertNoServerErrors()

    def contribution_data(self, value, kind):
        data = {
            "title": value,
            "intro": value,
            "body": value,
            "language": "nl",
            "sector": str(self.climate.pk),
            "photos-TOTAL_FORMS": "1",
            "photos-INITIAL_FORMS": "0",
            # With a photo: words for an empty slot are refused (walk 16), and the caption is
            # what is swept here.
            "photos-0-image": photo(),
            "photos-0-alt_text": "Foto",
            "photos-0-caption": value,
            "draft": "1",
        }
        if kind == "stories":
            data.update(date="2026-05-01", towns=[str(self.steenwijkerland.pk)])
        else:
            data.update(
                start=f"{NEXT_YEAR}-06-01T19:30",
                end=f"{NEXT_YEAR}-06-01T21:00",
                format="in_person",
                place_name=value,
                town=str(self.steenwijkerland.pk),
                spoken_language="nl",
            )
        return data

    def test_both_contribution_forms_store_only_clean_titles_and_texts(self):
        self.client.force_login(self.anna)
        for kind, model in (("stories", StoryPage), ("meetings", MeetingPage)):
            for value in HOSTILE:
                with self.subTest(kind=kind, value=value[:40]):
                    newest = Page.objects.order_by("-pk").values_list("pk", flat=True).first()
                    self.client.post(
                        f"/nl/members/{kind}/new/", self.contribution_data(value, kind)
                    )
                    created = model.objects.filter(
                        pk__gt=newest, owner=self.anna, alias_of__isnull=True
                    )
                    if one_line_accepted(value, 150) and text_accepted(value, 600):
                        [page] = created
                        revision = page.get_latest_revision_as_object()
                        self.assertEqual(revision.title, value.strip())
                        shown = self.client.get(f"/nl/members/contributions/{page.pk}/")
                        self.assertNotIn(SCRIPT.encode(), shown.content)
                    else:
                        self.assertFalse(created.exists())
        area = self.client.get("/nl/members/")
        self.assertNotIn(SCRIPT.encode(), area.content)
        self.assertNoServerErrors()

    def test_forms_answer_bytes_that_are_no_utf_8(self):
        self.client.force_login(self.anna)
        forms = [
            "/nl/members/profile/",
            "/nl/members/stories/new/",
            "/nl/members/meetings/new/",
            f"/nl/report/{self.contribution.pk}/",
            "/nl/accounts/signup/",
        ]
        for url in forms:
            for raw in RAW_VALUES:
                body = "&".join(
                    f"{name}={raw}" for name in ("display_name", "title", "intro", "message")
                )
                self.client.post(url, body, content_type="application/x-www-form-urlencoded")
        self.assertEqual(User.objects.get(pk=self.anna.pk).display_name, "Anna")
        self.assertFalse(Report.objects.exists())
        self.assertNoServerErrors()

    def test_reports_and_registrations_store_only_what_they_should(self):
        report_url = f"/nl/report/{self.contribution.pk}/"
        for value in HOSTILE:
            with self.subTest(value=value[:40]):
                self.client.logout()
                before = Report.objects.count()
                self.client.post(report_url, {"reason": value, "message": "Spam."})
                self.assertEqual(Report.objects.count(), before)
                self.client.post(report_url, {"reason": "spam", "message": value})
                if not text_accepted(value, 2000, required=False):
                    self.assertEqual(Report.objects.count(), before)
                else:
                    stored = Report.objects.order_by("-pk").first()
                    if stored is not None and Report.objects.count() > before:
                        self.assertEqual(stored.message, value.strip())
                self.client.force_login(self.anna)
                self.client.post(f"/nl/meetings/{self.session.pk}/register/", {"x": value})
                self.client.post(f"/nl/meetings/{self.session.pk}/cancel/", {"x": value})
                self.client.post(f"/nl/meetings/{quote(value, safe='') or 'x'}/register/")
                self.client.post(f"/nl/members/sectors/{quote(value, safe='') or 'x'}/join/")
        self.assertFalse(Registration.objects.active().exists())
        self.assertNoServerErrors()


class HypothesisSweepTests(HostileSiteMixin, HypothesisTestCase):
    """Any text at all, as Hypothesis draws it, in the search and the listings' filters."""

    @given(
        value=st.one_of(
            st.text(),
            st.text(st.characters(codec="utf-8"), min_size=150, max_size=400),
            st.sampled_from(HOSTILE),
        ),
        where=st.sampled_from(
            [
                ("search", "q"),
                ("stories", "sector"),
                ("stories", "year"),
                ("stories", "page"),
                ("calendar", "month"),
                ("calendar", "view"),
                ("calendar", "sector"),
            ]
        ),
    )
    def test_any_text_in_search_and_filters_is_answered(self, value, where):
        failures = []
        client = HostileClient(failures)
        page, name = where
        path = {
            "search": "/nl/search/",
            "stories": self.story_index.url,
            "calendar": self.calendar.url,
        }[page]
        response = client.get(path, {name: value})
        self.assertEqual(failures, [])
        self.assertIn(response.status_code, (200, 302))


class TruncatedPageFormTests(RolesTestCase):
    """The page editor's form without a StreamField's count (forged, or cut off on its way): a
    bad request, nothing saved, rather than a server error inside Wagtail's view."""

    def setUp(self):
        self.client.raise_request_exception = False
        self.client.force_login(self.editor_nl)

    def test_an_edited_page_without_its_body_count_is_a_bad_request_and_not_saved(self):
        story = self.story(title="Zomerkamp", slug="zomerkamp")
        edit = f"/admin/pages/{story.pk}/edit/"
        data = {**form_data(self.client.get(edit)), "title": "Zomerkamp 2026"}
        latest = StoryPage.objects.get(pk=story.pk).latest_revision_id
        for sent in (data, {**data, "body-count": "1"}, {**data, "body-count": "veel"}):
            with self.subTest(sent={key: sent[key] for key in sent if key.startswith("body")}):
                response = self.client.post(edit, {**sent, "action-publish": "1"})
                self.assertEqual(response.status_code, 400)
                story.refresh_from_db()
                self.assertEqual(story.title, "Zomerkamp")
                self.assertEqual(story.latest_revision_id, latest)
        response = self.client.post(edit, {**data, "body-count": "0", "action-publish": "1"})
        self.assertEqual(response.status_code, 302)
        story.refresh_from_db()
        self.assertEqual(story.title, "Zomerkamp 2026")

    def test_a_new_page_without_its_body_count_is_a_bad_request_and_not_created(self):
        add = f"/admin/pages/add/home/standardpage/{self.home.pk}/"
        data = {**form_data(self.client.get(add)), "title": "Geschiedenis", "slug": "geschiedenis"}
        response = self.client.post(add, data)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Page.objects.filter(slug="geschiedenis").exists())


class LongAddressTests(RolesTestCase):
    """An address of 17,000 characters was redirected (a language prefix, a slash added, the
    admin's login), and Django refuses a redirect that long: a 400 with an error logged. It is
    the site's 404, in the language of its address (the admin's 404 under /admin/)."""

    LONG = "a" * 17000

    def assert_not_found_quietly(self, path, **headers):
        self.client.raise_request_exception = False
        with self.assertNoLogs(level="ERROR"):
            response = self.client.get(path, **headers)
        self.assertEqual(response.status_code, 404)
        return BeautifulSoup(response.content, "html.parser")

    def test_a_long_public_address_is_the_sites_not_found_in_its_language(self):
        for user in (None, self.editor_nl):
            if user is not None:
                self.client.force_login(user)
            for path, headers, language in (
                (f"/nl/{self.LONG}", {}, "nl"),
                (f"/de/{self.LONG}/", {}, "de"),
                (f"/{self.LONG}", {"HTTP_ACCEPT_LANGUAGE": "de"}, "de"),
            ):
                with self.subTest(path=path[:8], user=user):
                    page = self.assert_not_found_quietly(path, **headers)
                    self.assertEqual(page.html["lang"], language)
                    with translation.override(language):
                        self.assertIn(gettext("Page not found"), page.get_text())

    def test_a_long_admin_address_is_the_admins_not_found(self):
        for user in (None, self.editor_nl):
            if user is not None:
                self.client.force_login(user)
            for path in (f"/admin/{self.LONG}", f"/admin/{self.LONG}/"):
                with self.subTest(slash=path.endswith("/"), user=user):
                    page = self.assert_not_found_quietly(path)
                    self.assertIsNotNone(page.find("a", href="/admin/"))
                    with translation.override("nl"):
                        text = gettext("The requested page could not be found.")
                    self.assertIn(text, page.get_text())
