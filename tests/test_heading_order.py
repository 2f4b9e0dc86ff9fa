"""Headings go down one level at a time: a screen reader user who lists a page's headings, or
jumps between levels, finds each card under a heading of the level above it (walk 16: the
story and sector overviews went from their h1 straight to the cards' h3). axe-core calls a skip
"moderate", below what tests/test_accessibility.py fails on, so it is checked here."""

import pytest
from bs4 import BeautifulSoup
from django.test import TestCase

from tests.calendar_base import CalendarMixin
from tests.checked_pages import MEMBER_PAGES, PUBLIC_PAGES, build_checked_site

# Besides the checked pages: the overviews unfiltered, and a search without results.
PAGES = [
    *PUBLIC_PAGES,
    "/nl/verhalen/",
    "/de/geschichten/",
    "/nl/sectoren/",
    "/de/fachgruppen/",
    "/nl/search/?q=nergens",
]


def skipped_levels(html):
    """The headings of the page's main content that come more than one level below the one
    before them, with that one: [("h1 Verhalen", "h3 Fietsen")]."""
    main = BeautifulSoup(html, "html.parser").find("main")
    skips, before = [], None
    for heading in main.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        level = int(heading.name[1])
        label = f"{heading.name} {heading.get_text(' ', strip=True)[:40]}"
        if before is not None and level > before[0] + 1:
            skips.append((before[1], label))
        before = (level, label)
    return skips


@pytest.mark.same_on_every_database
class HeadingOrderTests(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.anna = build_checked_site(cls)

    def test_public_pages_go_down_one_heading_level_at_a_time(self):
        for url in PAGES:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(skipped_levels(response.content), [])

    def test_member_pages_go_down_one_heading_level_at_a_time(self):
        self.client.force_login(self.anna)
        for url in MEMBER_PAGES:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(skipped_levels(response.content), [])
