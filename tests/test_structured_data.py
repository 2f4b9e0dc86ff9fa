"""What search engines and social networks read about our pages: schema.org JSON-LD of meetings
(Event), stories (Article) and the home page (both foundations), checked against the
schema.org vocabulary (tests/data/schemaorg_subset.json), and the Open Graph tags of every page."""

import datetime
import json
import re
from pathlib import Path

import pytest
import time_machine
import wagtail_factories
from django.test import TestCase, override_settings
from wagtail.models import PageViewRestriction, Site

from community.models import User
from exchanges.choices import MeetingFormat, SpokenLanguage
from home.models import Foundation, FoundationSettings
from tests.calendar_base import CalendarMixin, local

# Checked by what templates and catalogues make of the pages (pyproject.toml's markers).
pytestmark = pytest.mark.same_on_every_database


NOW = local(2026, 3, 2, 10, 0)
SCHEMA = "https://schema.org/"
JOIN_LINK = "https://meet.example.org/geheime-kamer-4711"
HOSTILE = "</script><script>alert(1)</script>"

VOCABULARY = json.loads((Path(__file__).parent / "data" / "schemaorg_subset.json").read_text())
# What Google's event and article results need (developers.google.com/search/docs/appearance/
# structured-data/event and .../article); an Article's image only when the story has one.
REQUIRED = {
    "Event": ("name", "startDate", "location"),
    "Article": ("headline", "datePublished", "author"),
}
# Values of these ranges are written as plain strings.
LITERALS = {"Text", "URL", "Date", "DateTime", "Language", "ImageObject", "Country", "Thing"}

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(html):
    """Every JSON-LD document in a page, parsed: a script that does not parse fails here."""
    return [json.loads(text) for text in JSON_LD.findall(html)]


def nodes(document):
    return document["@graph"] if "@graph" in document else [document]


def meta(html, name):
    """The contents of every `<meta property|name="name">` in a page."""
    pattern = rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">'
    return re.findall(pattern, html)


def superclasses(type_name):
    found, todo = set(), [type_name]
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo += VOCABULARY["classes"][name]["rdfs:subClassOf"]
    return found


def schema_errors(node, where="$"):
    """What in a JSON-LD node is not schema.org: an unknown type, a property the type does not
    have (domainIncludes, with the type's superclasses), a value outside the property's range,
    an enumeration value that is no member, a property search engines require missing."""
    type_name = node.get("@type")
    if type_name not in VOCABULARY["classes"]:
        return [f"{where}: unknown type {type_name!r}"]
    errors, types = [], superclasses(type_name)
    for required in REQUIRED.get(type_name, ()):
        if not node.get(required):
            errors.append(f"{where}: {type_name} without {required}")
    for name, value in node.items():
        if name.startswith("@"):
            continue
        prop = VOCABULARY["properties"].get(name)
        if prop is None:
            errors.append(f"{where}.{name}: no schema.org property")
            continue
        if not types & set(prop["schema:domainIncludes"]):
            errors.append(f"{where}.{name}: not a property of {type_name}")
        for item in value if isinstance(value, list) else [value]:
            errors += range_errors(item, prop["schema:rangeIncludes"], f"{where}.{name}")
    return errors


def range_errors(value, ranges, where):
    if isinstance(value, dict):
        errors = schema_errors(value, where)
        if not errors and not superclasses(value["@type"]) & set(ranges):
            errors.append(f"{where}: a {value['@type']} is not in {ranges}")
        return errors
    enumerations = [name for name in ranges if name in VOCABULARY["enumerations"]]
    if enumerations:
        members = {
            SCHEMA + member for name in enumerations for member in VOCABULARY["enumerations"][name]
        }
        return [] if value in members else [f"{where}: {value!r} is no member of {enumerations}"]
    if not LITERALS & set(ranges):
        return [f"{where}: a literal {value!r} where {ranges} is expected"]
    return []


@time_machine.travel(NOW, tick=False)
class StructuredDataTestCase(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        footer = FoundationSettings.for_site(Site.objects.get(is_default_site=True))
        cls.dutch_foundation = Foundation.objects.create(
            settings=footer,
            name="Stichting Jumelage Steenwijkerland",
            town="Steenwijk",
            country="NL",
            address="Markt 1\n8331 HK Steenwijk",
            email="info@jumelage.example",
            website="https://jumelage.example",
        )
        Foundation.objects.create(
            settings=footer,
            name="Partnerschaftskomitee Herzebrock-Clarholz",
            town="Herzebrock-Clarholz",
            country="DE",
            phone="+49 5245 1234",
        )
        cls.climate.image = wagtail_factories.ImageFactory()
        cls.climate.image_alt = "Zonnepanelen op een schuur"
        cls.climate.save_revision().publish()

    def meeting_page(self, **fields):
        fields.setdefault("sectors", [self.farming, self.climate])
        meeting = self.meeting(local(2026, 3, 20, 19, 30), **fields)
        response = self.client.get(meeting.url)
        self.assertEqual(response.status_code, 200)
        return meeting, response.content.decode()

    def event(self, html):
        (event,) = [
            node for doc in json_ld(html) for node in nodes(doc) if node["@type"] == "Event"
        ]
        self.assertEqual(schema_errors(event), [])
        return event

    def story_page(self, **fields):
        story = self.story(**fields)
        story.save_revision().publish()
        response = self.client.get(story.url)
        self.assertEqual(response.status_code, 200)
        return story, response.content.decode()


class MeetingEventTests(StructuredDataTestCase):
    def test_in_person_meeting_is_an_event_at_its_place_in_both_spoken_languages(self):
        meeting, html = self.meeting_page(
            title="Klimaatavond",
            address="Kerkstraat 3",
            town=self.steenwijkerland,
            spoken_language=SpokenLanguage.BOTH,
        )
        event = self.event(html)
        self.assertEqual(event["name"], "Klimaatavond")
        self.assertEqual(event["description"], meeting.intro)
        self.assertEqual(event["startDate"], "2026-03-20T19:30:00+01:00")
        self.assertEqual(event["endDate"], "2026-03-20T21:30:00+01:00")
        self.assertEqual(event["eventStatus"], SCHEMA + "EventScheduled")
        self.assertEqual(event["eventAttendanceMode"], SCHEMA + "OfflineEventAttendanceMode")
        self.assertEqual(
            event["location"],
            {
                "@type": "Place",
                "name": "Dorpshuis",
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": "Kerkstraat 3",
                    "addressLocality": "Steenwijkerland",
                    "addressCountry": "NL",
                },
            },
        )
        self.assertEqual(
            event["organizer"], {"@type": "Organization", "name": "Stichting Jumelage"}
        )
        self.assertEqual(event["inLanguage"], ["nl", "de"])
        self.assertEqual(event["url"], "http://testserver" + meeting.url)
        self.assertNotIn("previousStartDate", event)

    def test_meeting_shows_the_picture_of_its_first_sector_that_has_one(self):
        meeting, html = self.meeting_page()
        self.assertEqual(meeting.lead_image, self.climate.image)
        self.assertEqual(meeting.lead_image_alt, "Zonnepanelen op een schuur")
        image = self.event(html)["image"]
        self.assertRegex(image, r"^http://testserver/.+\.jpg$")
        self.assertEqual(meta(html, "og:image"), [image])
        self.assertEqual(meta(html, "og:image:alt"), ["Zonnepanelen op een schuur"])

    def test_a_sector_behind_a_login_lends_a_meeting_no_picture(self):
        PageViewRestriction.objects.create(
            page=self.climate, restriction_type=PageViewRestriction.LOGIN
        )
        meeting, html = self.meeting_page()
        self.assertIsNone(meeting.lead_image)
        self.assertNotIn("image", self.event(html))
        self.assertRegex(meta(html, "og:image")[0], r"/static/img/sharing.*\.png$")

    def test_cancelled_meeting_is_an_event_cancelled(self):
        _meeting, html = self.meeting_page(cancelled=True)
        self.assertEqual(self.event(html)["eventStatus"], SCHEMA + "EventCancelled")

    def test_moved_meeting_is_rescheduled_with_its_former_start(self):
        _meeting, html = self.meeting_page(moved_from=local(2026, 3, 13, 19, 30))
        event = self.event(html)
        self.assertEqual(event["eventStatus"], SCHEMA + "EventRescheduled")
        self.assertEqual(event["previousStartDate"], "2026-03-13T19:30:00+01:00")
        self.assertEqual(event["startDate"], "2026-03-20T19:30:00+01:00")

    def test_online_meeting_points_to_its_page_and_never_to_the_join_link(self):
        meeting, html = self.meeting_page(
            format=MeetingFormat.ONLINE,
            online_url=JOIN_LINK,
            spoken_language=SpokenLanguage.GERMAN,
        )
        event = self.event(html)
        self.assertEqual(event["eventAttendanceMode"], SCHEMA + "OnlineEventAttendanceMode")
        self.assertEqual(
            event["location"],
            {"@type": "VirtualLocation", "url": "http://testserver" + meeting.url},
        )
        self.assertEqual(event["inLanguage"], "de")
        self.assertNotIn("meet.example.org", html)

    def test_hybrid_meeting_is_at_its_place_and_on_its_page(self):
        meeting, html = self.meeting_page(
            format=MeetingFormat.HYBRID, online_url=JOIN_LINK, town=self.herzebrock
        )
        event = self.event(html)
        self.assertEqual(event["eventAttendanceMode"], SCHEMA + "MixedEventAttendanceMode")
        place, virtual = event["location"]
        self.assertEqual(place["address"]["addressCountry"], "DE")
        self.assertEqual(virtual["url"], "http://testserver" + meeting.url)
        self.assertNotIn("meet.example.org", html)

    def test_member_organising_a_meeting_is_its_organizer_by_public_name(self):
        _meeting, html = self.meeting_page(organiser="Anna J.", member_contribution=True)
        self.assertEqual(self.event(html)["organizer"], {"@type": "Person", "name": "Anna J."})

    def test_hostile_title_stays_inside_the_json(self):
        _meeting, html = self.meeting_page(title=f"Avond {HOSTILE}")
        self.assertNotIn("<script>alert(1)", html)
        self.assertEqual(self.event(html)["name"], f"Avond {HOSTILE}")

    @override_settings(CACHE_RENDERED_HTML=True)
    def test_event_follows_a_meeting_being_cancelled_and_moved(self):
        meeting, html = self.meeting_page()
        self.assertEqual(self.event(html)["eventStatus"], SCHEMA + "EventScheduled")
        meeting.cancelled = True
        meeting.save_revision().publish()
        html = self.client.get(meeting.url).content.decode()
        self.assertEqual(self.event(html)["eventStatus"], SCHEMA + "EventCancelled")
        meeting.cancelled, meeting.moved_from = False, meeting.start
        meeting.start += datetime.timedelta(days=7)
        meeting.end += datetime.timedelta(days=7)
        meeting.save_revision().publish()
        event = self.event(self.client.get(meeting.url).content.decode())
        self.assertEqual(event["eventStatus"], SCHEMA + "EventRescheduled")
        self.assertEqual(event["startDate"], "2026-03-27T19:30:00+01:00")


class StoryArticleTests(StructuredDataTestCase):
    def test_story_is_an_article_by_its_author_published_by_both_foundations(self):
        story, html = self.story_page(
            title="Boeren op bezoek",
            date=datetime.date(2019, 12, 10),
            image=wagtail_factories.ImageFactory(),
            image_alt="Een stal",
            author=User.objects.create_user(
                "anna@example.org", "een-lang-wachtwoord", display_name="Anna J."
            ),
        )
        (article,) = [doc for doc in json_ld(html) if doc["@type"] == "Article"]
        self.assertEqual(schema_errors(article), [])
        self.assertEqual(article["headline"], "Boeren op bezoek")
        self.assertEqual(article["author"], {"@type": "Person", "name": "Anna J."})
        self.assertEqual(article["inLanguage"], "nl")
        self.assertEqual(article["url"], "http://testserver" + story.url)
        # The date the story gives (that of the exchange, as its feeds say), not the day an
        # editor put it on the platform.
        self.assertEqual(article["datePublished"], "2019-12-10")
        story.refresh_from_db()
        self.assertEqual(
            datetime.datetime.fromisoformat(article["dateModified"]), story.last_published_at
        )
        self.assertRegex(article["image"], r"^http://testserver/.+\.jpg$")
        self.assertEqual(
            [publisher["name"] for publisher in article["publisher"]],
            ["Stichting Jumelage Steenwijkerland", "Partnerschaftskomitee Herzebrock-Clarholz"],
        )
        # Open Graph: an article, with the same picture.
        self.assertEqual(meta(html, "og:type"), ["article"])
        self.assertEqual(meta(html, "og:image"), [article["image"]])
        self.assertEqual(meta(html, "og:image:alt"), ["Een stal"])

    def test_german_reader_of_an_untranslated_story_gets_its_date(self):
        # The German alias mirrors the Dutch story but was never published itself.
        story, _html = self.story_page(date=datetime.date(2021, 6, 5))
        alias = story.create_alias(parent=self.story_index_de, update_locale=self.german)
        html = self.client.get(alias.url).content.decode()
        (article,) = [doc for doc in json_ld(html) if doc["@type"] == "Article"]
        self.assertEqual(schema_errors(article), [])
        self.assertEqual(article["datePublished"], "2021-06-05")
        self.assertEqual(article["inLanguage"], "nl")

    @override_settings(PAGE_CACHE_SECONDS=300, CACHE_RENDERED_HTML=True)
    def test_deleted_authors_name_leaves_the_article_of_a_cached_page_at_once(self):
        member = User.objects.create_user(
            "anna@example.org", "een-lang-wachtwoord", display_name="Anna Jansen"
        )
        story, html = self.story_page(author=member, member_contribution=True)
        self.assertEqual(json_ld(html)[0]["author"]["name"], "Anna Jansen")
        member.delete()
        html = self.client.get(story.url).content.decode()
        self.assertNotIn("Anna Jansen", html)
        (article,) = json_ld(html)
        self.assertEqual(schema_errors(article), [])
        self.assertEqual(article["author"], {"@type": "Person", "name": "voormalig lid"})

    def test_editors_story_without_author_is_by_the_foundations(self):
        _story, html = self.story_page(title="Nieuws")
        (article,) = [doc for doc in json_ld(html) if doc["@type"] == "Article"]
        self.assertEqual(schema_errors(article), [])
        self.assertEqual(len(article["author"]), 2)
        self.assertNotIn("image", article)

    def test_hostile_story_title_stays_inside_the_json(self):
        _story, html = self.story_page(title=HOSTILE)
        self.assertNotIn("<script>alert(1)", html)
        (article,) = [doc for doc in json_ld(html) if doc["@type"] == "Article"]
        self.assertEqual(article["headline"], HOSTILE)


class HomeOrganizationTests(StructuredDataTestCase):
    def test_home_page_names_both_foundations_as_organizations(self):
        html = self.client.get("/nl/").content.decode()
        (document,) = json_ld(html)
        for node in nodes(document):
            self.assertEqual(schema_errors(node), [])
        dutch, german = nodes(document)
        self.assertEqual(
            dutch,
            {
                "@type": "Organization",
                "name": "Stichting Jumelage Steenwijkerland",
                "url": "https://jumelage.example",
                "email": "info@jumelage.example",
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": "Markt 1, 8331 HK Steenwijk",
                    "addressLocality": "Steenwijk",
                    "addressCountry": "NL",
                },
            },
        )
        self.assertEqual(german["telephone"], "+49 5245 1234")
        self.assertEqual(german["address"]["addressCountry"], "DE")
        self.assertNotIn("info@jumelage.example", json.dumps(german))


class OpenGraphTests(StructuredDataTestCase):
    def test_translated_story_names_its_other_language(self):
        story = self.story(title="Samen fietsen", slug="samen-fietsen")
        german = self.translated(story, title="Gemeinsam Rad fahren", slug="gemeinsam-rad-fahren")
        html = self.client.get(story.url).content.decode()
        self.assertEqual(meta(html, "og:locale"), ["nl_NL"])
        self.assertEqual(meta(html, "og:locale:alternate"), ["de_DE"])
        self.assertEqual(meta(html, "og:url"), ["http://testserver" + story.url])
        html = self.client.get(german.url).content.decode()
        self.assertEqual(meta(html, "og:locale"), ["de_DE"])
        self.assertEqual(meta(html, "og:locale:alternate"), ["nl_NL"])
        self.assertEqual(meta(html, "og:title"), ["Gemeinsam Rad fahren"])
        self.assertEqual(
            meta(html, "og:site_name"),
            ["Städtepartnerschaft Steenwijkerland – Herzebrock-Clarholz"],
        )

    def test_untranslated_story_has_no_other_language(self):
        _story, html = self.story_page(title="Alleen in het Nederlands")
        self.assertEqual(meta(html, "og:locale"), ["nl_NL"])
        self.assertEqual(meta(html, "og:locale:alternate"), [])

    def test_page_without_picture_shares_the_site_graphic(self):
        _story, html = self.story_page(title="Zonder foto")
        self.assertRegex(
            meta(html, "og:image")[0], r"^http://testserver/static/img/sharing.*\.png$"
        )
        self.assertEqual(meta(html, "og:image:width"), ["1200"])
        self.assertEqual(meta(html, "og:image:height"), ["630"])
        self.assertEqual(meta(html, "twitter:card"), ["summary_large_image"])

    def test_search_and_month_view_get_the_site_tags(self):
        for url in ("/de/search/?q=Klima", "/nl/agenda/?view=month&month=2026-03"):
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                self.assertEqual(meta(html, "og:type"), ["website"])
                self.assertEqual(len(meta(html, "og:image")), 1)
                self.assertEqual(len(meta(html, "og:locale")), 1)
                self.assertTrue(meta(html, "og:url")[0].startswith("http://testserver/"))

    def test_meeting_page_is_a_website_with_its_description(self):
        _meeting, html = self.meeting_page(search_description="Praat mee over zonne-energie.")
        self.assertEqual(meta(html, "og:type"), ["website"])
        self.assertEqual(meta(html, "og:description"), ["Praat mee over zonne-energie."])
        self.assertEqual(meta(html, "description"), ["Praat mee over zonne-energie."])
