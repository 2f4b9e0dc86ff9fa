"""Site search: what a visitor can read in a language is found in that language, labelled by kind;
a search that finds nothing points to the other language when it would find something there; on
PostgreSQL each language is stemmed by its own rules."""

import datetime
import unittest
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from wagtail.models import PageViewRestriction

from community.factories import SectorPageFactory
from exchanges.factories import VisitPageFactory
from tests.calendar_base import CalendarMixin, local


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class SearchMixin(CalendarMixin):
    @classmethod
    def build_search_site(cls):
        cls.build_calendar()
        cls.taalcafe = cls.meeting(
            local(2030, 5, 1, 19, 30),
            title="Taalcafé in Steenwijk",
            slug="taalcafe",
            intro="Nederlands en Duits oefenen bij koffie.",
            sectors=[cls.climate],
        )
        cls.translated(
            cls.taalcafe,
            title="Sprachcafé in Steenwijk",
            slug="sprachcafe",
            intro="Niederländisch und Deutsch üben beim Kaffee.",
        )
        cls.raadsavond = cls.meeting(
            local(2030, 6, 2, 20, 0),
            title="Raadsavond over de jumelage",
            slug="raadsavond",
            intro="De gemeenteraden vergaderen samen.",
        )
        bike_ride = cls.story(
            title="Fietstocht",
            slug="fietstocht",
            intro="Twintig inwoners fietsten langs de Vecht naar de partnergemeente.",
            date=datetime.date(2024, 5, 1),
        )
        cls.translated(
            bike_ride,
            title="Radtour",
            slug="radtour",
            intro="Zwanzig Einwohner radelten an der Ems entlang zur Partnergemeinde.",
        )

    def results(self, url, query):
        response = self.client.get(url, {"q": query})
        self.assertEqual(response.status_code, 200)
        return [a.get_text(strip=True) for a in soup(response).select(".search-results h2 a")]


class SearchTests(SearchMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_search_site()

    def test_meetings_are_found_by_a_word_of_their_title_in_both_languages(self):
        self.assertEqual(self.results("/nl/search/", "taalcafé"), ["Taalcafé in Steenwijk"])
        self.assertEqual(self.results("/nl/search/", "raadsavond"), ["Raadsavond over de jumelage"])
        self.assertEqual(self.results("/de/search/", "Sprachcafé"), ["Sprachcafé in Steenwijk"])

    @override_settings(PAGE_CACHE_SECONDS=300, SEARCHES_PER_TEN_MINUTES=5)
    def test_made_up_searches_are_limited_per_visitor_and_the_page_says_how_long_to_wait(self):
        for number in range(5):
            response = self.client.get("/nl/search/", {"q": f"woord{number}"})
            self.assertEqual(response.status_code, 200)
        refused = self.client.get("/nl/search/", {"q": "nog een"})
        self.assertEqual(refused.status_code, 429)
        self.assertContains(refused, "U hebt in korte tijd erg vaak gezocht.", status_code=429)
        self.assertNotContains(refused, "formulier", status_code=429)
        self.assertIn("Retry-After", refused)
        # What the cache already holds is still answered; another visitor still searches.
        self.assertEqual(self.client.get("/nl/search/", {"q": "woord1"}).status_code, 200)
        other = self.client.get("/nl/search/", {"q": "nog een"}, REMOTE_ADDR="192.0.2.7")
        self.assertEqual(other.status_code, 200)

    def test_search_pages_ask_search_engines_not_to_index_them(self):
        for url in ("/nl/search/?q=klimaat", "/de/search/?q=Klima", "/nl/search/"):
            with self.subTest(url=url):
                page = soup(self.client.get(url))
                self.assertEqual(page.find("meta", attrs={"name": "robots"})["content"], "noindex")

    def test_meetings_are_found_by_their_place(self):
        self.meeting(local(2030, 9, 1, 19, 0), title="Buurtavond", place_name="Sporthal De Waag")
        self.assertEqual(self.results("/nl/search/", "Waag"), ["Buurtavond"])

    def test_a_visit_is_found_with_its_days_as_its_page_writes_them(self):
        # Newcomer's walk 15: "22 april 2027 – 25 april 2027" in the results, "22–25 april 2027"
        # on the visit's page and cards.
        visit = VisitPageFactory(
            parent=self.calendar,
            title="Jeugduitwisseling",
            start_date=datetime.date(2030, 4, 22),
            end_date=datetime.date(2030, 4, 25),
            signup_deadline=local(2030, 3, 1, 23, 59),
            travelling_town=self.steenwijkerland,
            hosting_town=self.herzebrock,
        )
        found = soup(self.client.get("/nl/search/", {"q": "Jeugduitwisseling"}))
        [when] = found.select(".search-results__type time")
        self.assertEqual(when.get_text(), "22–25\xa0april\xa02030")
        self.assertEqual(when["datetime"], visit.start_date.isoformat())

    def test_sector_communities_are_found(self):
        self.assertEqual(self.results("/nl/search/", "Landbouw"), ["Landbouw"])
        self.assertEqual(self.results("/de/search/", "Landwirtschaft"), ["Landwirtschaft"])

    def test_a_story_is_found_by_a_word_of_its_text(self):
        self.assertEqual(self.results("/nl/search/", "Vecht"), ["Fietstocht"])
        self.assertEqual(self.results("/de/search/", "radelten"), ["Radtour"])

    def test_results_are_in_the_language_being_read(self):
        self.assertEqual(self.results("/de/search/", "Vecht"), [])
        self.assertEqual(self.results("/nl/search/", "radelten"), [])

    def labels(self, url, query):
        response = self.client.get(url, {"q": query})
        return {
            item.h2.get_text(strip=True): item.select_one(".search-results__type").get_text(
                " ", strip=True
            )
            for item in soup(response).select(".search-results li")
        }

    def test_results_say_what_kind_of_page_they_are_and_when_a_meeting_is(self):
        self.add_page(title="Steenwijk en de jumelage", slug="steenwijk")
        labels = self.labels("/nl/search/", "Steenwijk")
        self.assertEqual(labels["Steenwijk en de jumelage"], "Pagina")
        self.assertEqual(
            labels["Taalcafé in Steenwijk"], "Bijeenkomst · woensdag 1\xa0mei\xa02030, 19:30"
        )
        self.assertEqual(self.labels("/nl/search/", "Landbouw"), {"Landbouw": "Sectorgemeenschap"})
        self.assertEqual(
            self.labels("/nl/search/", "Vecht"), {"Fietstocht": "Verhaal · 1\xa0mei\xa02024"}
        )
        self.assertEqual(
            self.labels("/de/search/", "Sprachcafé"),
            {"Sprachcafé in Steenwijk": "Treffen · Mittwoch, 1.\xa0Mai\xa02030, 19:30"},
        )

    def test_a_word_of_the_other_language_points_to_its_results_there(self):
        response = self.client.get("/nl/search/", {"q": "Sprachcafé"})
        self.assertEqual(self.results("/nl/search/", "Sprachcafé"), [])
        hint = soup(response).select_one(".search-elsewhere")
        self.assertIn("In het Duits is er 1 resultaat voor „Sprachcafé”.", hint.get_text(" "))
        link = hint.a
        self.assertEqual(link["hreflang"], "de")
        self.assertEqual(self.results(link["href"], "Sprachcafé"), ["Sprachcafé in Steenwijk"])
        self.assertEqual(urlsplit(link["href"]).path, "/de/search/")
        followed = self.client.get(link["href"])
        self.assertEqual(
            [a.get_text(strip=True) for a in soup(followed).select(".search-results h2 a")],
            ["Sprachcafé in Steenwijk"],
        )

        hint = soup(self.client.get("/de/search/", {"q": "raadsavond"})).select_one(
            ".search-elsewhere"
        )
        self.assertIn("Auf Niederländisch gibt es 1 Ergebnis für „raadsavond“.", hint.get_text(" "))
        self.assertEqual(urlsplit(hint.a["href"]).path, "/nl/search/")

    def test_no_pointer_when_the_other_language_finds_nothing_either(self):
        response = self.client.get("/nl/search/", {"q": "Vulkan"})
        self.assertContains(response, "Er is niets gevonden voor „Vulkan”.")
        self.assertIsNone(soup(response).select_one(".search-elsewhere"))
        response = self.client.get("/de/search/", {"q": "Vulkan"})
        self.assertContains(response, "Für „Vulkan“ wurde nichts gefunden.")
        self.assertIsNone(soup(response).select_one(".search-elsewhere"))

    def test_a_search_without_results_links_the_overviews_to_look_through(self):
        """Walk 17: the words named the story and sector overviews and led nowhere (on a
        phone, the navigation is behind the menu)."""
        response = self.client.get("/nl/search/", {"q": "Vulkan"})
        links = soup(response).select(".empty-state p:last-child a")
        self.assertEqual(
            [(a.get_text(), a["href"]) for a in links],
            [("verhalen", self.story_index.url), ("sectorgemeenschappen", self.sector_index.url)],
        )

    def test_drafts_and_private_pages_are_not_found(self):
        draft = self.meeting(local(2030, 7, 1, 19, 0), title="Geheime vergadering", slug="geheim")
        draft.unpublish()
        private = self.add_page(title="Geheime notulen", slug="notulen")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        self.assertEqual(self.results("/nl/search/", "Geheime"), [])
        self.assertIsNone(
            soup(self.client.get("/de/search/", {"q": "Geheime"})).select_one(".search-elsewhere")
        )

    def test_the_index_rebuilt_by_update_index_finds_the_same(self):
        call_command("update_index", verbosity=0)
        self.assertEqual(self.results("/nl/search/", "taalcafé"), ["Taalcafé in Steenwijk"])
        self.assertEqual(self.results("/de/search/", "Sprachcafé"), ["Sprachcafé in Steenwijk"])


class SearchQueryBudgetTests(SearchMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_search_site()

    @pytest.fixture(autouse=True)
    def query_budget(self, django_assert_max_num_queries):
        self.at_most = django_assert_max_num_queries

    def queries_of_a_search(self, budget):
        self.client.get("/nl/search/", {"q": "Dorpshuis"})  # fills the content cache
        with self.at_most(budget) as captured:
            response = self.client.get("/nl/search/", {"q": "Vecht"})
        return response, len(captured)

    def pages_about_the_vecht(self, count, first=0):
        for number in range(first, first + count):
            self.meeting(
                local(2030, 8, 1 + number, 19, 0), title=f"Vecht {number}", slug=f"vecht-{number}"
            )
            self.story(title=f"Langs de Vecht {number}", slug=f"langs-de-vecht-{number}")
            self.add_page(title=f"Vecht en Ems {number}", slug=f"vecht-en-ems-{number}")

    def test_search_costs_the_same_with_one_or_pages_full_of_results_of_every_kind(self):
        SectorPageFactory(parent=self.sector_index, title="Natuur langs de Vecht", slug="natuur")
        self.pages_about_the_vecht(1)
        response, few = self.queries_of_a_search(20)
        self.assertEqual(len(soup(response).select(".search-results h2")), 5)
        self.pages_about_the_vecht(10, first=1)
        response, _many = self.queries_of_a_search(few)
        self.assertEqual(len(soup(response).select(".search-results h2")), 10)


@unittest.skipUnless(connection.vendor == "postgresql", "stemming needs PostgreSQL")
class StemmingTests(SearchMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_search_site()
        farmers = cls.story(
            title="Melkveehouders op bezoek",
            slug="melkveehouders",
            intro="Boeren uit Steenwijkerland bezochten de gemeenten rond Herzebrock.",
        )
        cls.translated(
            farmers,
            title="Milchbauern zu Besuch",
            slug="milchbauern",
            intro="Landwirte aus Steenwijkerland besuchten die Gemeinden um Herzebrock.",
        )

    def test_a_dutch_word_finds_its_plural(self):
        self.assertEqual(self.results("/nl/search/", "boer"), ["Melkveehouders op bezoek"])
        self.assertEqual(self.results("/nl/search/", "gemeente"), ["Melkveehouders op bezoek"])

    def test_a_german_word_finds_its_inflected_forms(self):
        self.assertEqual(self.results("/de/search/", "Landwirt"), ["Milchbauern zu Besuch"])
        self.assertEqual(self.results("/de/search/", "Gemeinde"), ["Milchbauern zu Besuch"])

    def test_dutch_is_not_stemmed_by_english_rules(self):
        # English rules cut "melkveehouders" to "melkveehoud"; Dutch ones to "melkveehouder".
        self.assertEqual(self.results("/nl/search/", "melkveehoud"), [])
        self.assertEqual(self.results("/nl/search/", "melkveehouder"), ["Melkveehouders op bezoek"])

    def test_the_index_rebuilt_by_update_index_stems_each_language_by_its_rules(self):
        call_command("update_index", verbosity=0)
        self.assertEqual(self.results("/nl/search/", "boer"), ["Melkveehouders op bezoek"])
        self.assertEqual(self.results("/de/search/", "Landwirt"), ["Milchbauern zu Besuch"])
        self.assertEqual(self.results("/nl/search/", "melkveehoud"), [])
