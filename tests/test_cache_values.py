"""What the content cache holds is plain data, which any release reads back alike: a deploy that
changes a model never meets a pickled instance of the old one (issue 14)."""

import datetime
import json
import pickle
import pickletools

import time_machine
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from community.models import SectorPage
from home.cache import PAGE_FIELDS, from_row, remember, row_of
from tests.calendar_base import CalendarMixin, local

NOW = local(2026, 3, 2, 10, 0)

# What a pickle needs to make an object of a class: the cache would import that class (ours, as
# it is in the release that reads it) to read the value back.
CLASS_OPCODES = {"GLOBAL", "STACK_GLOBAL", "INST", "OBJ", "NEWOBJ", "NEWOBJ_EX", "REDUCE"}


class PlainContentCache(LocMemCache):
    """Django's local-memory cache (which pickles, like Redis) that refuses to keep an entry of
    the content cache whose pickle names a class."""

    def set(self, key, value, timeout=None, version=None):
        if key.startswith("content:"):
            classes = [
                argument
                for opcode, argument, _position in pickletools.genops(pickle.dumps(value))
                if opcode.name in CLASS_OPCODES
            ]
            if classes:
                raise AssertionError(f"{key} would pickle classes: {classes}")
        super().set(key, value, timeout, version)


PLAIN_CACHE = {"default": {"BACKEND": "tests.test_cache_values.PlainContentCache"}}


@time_machine.travel(NOW, tick=False)
@override_settings(
    CACHES=PLAIN_CACHE, PAGE_CACHE_SECONDS=0, CONTENT_CACHE_SECONDS=3600, CACHE_RENDERED_HTML=True
)
class ContentCacheValuesTests(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        for number in range(3):
            cls.story(
                title=f"Verhaal {number}",
                slug=f"verhaal-{number}",
                date=datetime.date(2020 + number, 1, 1),
                sectors=[cls.climate, cls.farming],
                towns=[cls.steenwijkerland, cls.herzebrock],
                tag_names=["bezoek"],
            )
            meeting = cls.meeting(
                NOW + datetime.timedelta(days=number + 1), title=f"Bijeenkomst {number}"
            )
            meeting.meeting_sectors.create(sector=cls.climate)
        cls.add_page(title="Over ons", slug="over-ons")

    URLS = (
        "/nl/",
        "/de/",
        "/nl/sectoren/",
        "/nl/sectoren/duurzaamheid/",
        "/de/fachgruppen/nachhaltigkeit/",
        "/nl/verhalen/",
        "/de/geschichten/",
        "/nl/verhalen/?sector=duurzaamheid&year=2021&page=1",
        "/nl/verhalen/verhaal-1/",
        "/nl/agenda/",
        "/de/kalender/?view=past",
        "/nl/over-ons/",
        "/nl/feeds/stories.rss",
        "/nl/calendar.ics",
    )

    def setUp(self):
        cache.clear()

    def test_every_page_reads_the_same_from_plain_entries_and_costs_no_more(self):
        for url in self.URLS:
            with self.subTest(url=url):
                with CaptureQueriesContext(connection) as first:
                    filled = self.client.get(url)
                with CaptureQueriesContext(connection) as second:
                    read = self.client.get(url)
                self.assertEqual(filled.status_code, 200)
                # Sector labels and links, menus, language versions and filters read back from
                # the plain entries show what was computed.
                self.assertEqual(read.content, filled.content)
                self.assertLessEqual(len(second), len(first))
        self.assertTrue(any(":content:" in key for key in cache._cache))

    def test_a_model_instance_is_refused_and_not_kept(self):
        with self.assertRaises(TypeError):
            remember("a-sector", lambda: self.climate)
        with self.assertRaises(TypeError):
            remember("sectors", lambda: {"by_id": {self.climate.pk: self.climate}})
        self.assertEqual(remember("a-sector", lambda: self.climate.title), self.climate.title)

    def test_a_row_kept_by_another_release_still_makes_a_correct_page(self):
        row = row_of(self.climate_de, PAGE_FIELDS)
        del row["slug"]  # a field the other release did not keep
        row["colour"] = "green"  # one this release does not have
        page = from_row(SectorPage, json.loads(json.dumps(row)))
        self.assertEqual(page.pk, self.climate_de.pk)
        self.assertEqual(page.translation_key, self.climate_de.translation_key)
        self.assertEqual(page.slug, "nachhaltigkeit")  # read from the database when used
        self.assertEqual(page.purpose, "Wissen über Klimaschutz teilen.")
        self.assertFalse(hasattr(page, "colour"))
