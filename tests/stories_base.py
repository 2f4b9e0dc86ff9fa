"""Sector communities and stories in both languages, for the tests of listings, feeds and search."""

import datetime

from community.factories import SectorIndexPageFactory, SectorPageFactory, TownFactory
from exchanges.factories import StoryIndexPageFactory, StoryPageFactory
from tests.base import BilingualSiteMixin, publish_translation


class StoriesMixin(BilingualSiteMixin):
    @classmethod
    def build_stories(cls):
        cls.build_site()
        cls.steenwijkerland = TownFactory(name="Steenwijkerland", country="NL")
        cls.herzebrock = TownFactory(name="Herzebrock-Clarholz", country="DE")
        for town in (cls.steenwijkerland, cls.herzebrock):
            german_town = town.copy_for_translation(cls.german)
            german_town.save()

        cls.sector_index = SectorIndexPageFactory(parent=cls.home)
        cls.sector_index_de = cls.translated(
            cls.sector_index, title="Fachgruppen", slug="fachgruppen"
        )
        cls.climate = SectorPageFactory(
            parent=cls.sector_index, title="Duurzaamheid en klimaat", slug="duurzaamheid"
        )
        cls.climate_de = cls.translated(
            cls.climate,
            title="Nachhaltigkeit und Klima",
            slug="nachhaltigkeit",
            purpose="Wissen über Klimaschutz teilen.",
        )
        cls.farming = SectorPageFactory(parent=cls.sector_index, title="Landbouw", slug="landbouw")
        cls.farming_de = cls.translated(cls.farming, title="Landwirtschaft", slug="landwirtschaft")

        cls.story_index = StoryIndexPageFactory(parent=cls.home)
        cls.story_index_de = cls.translated(
            cls.story_index, title="Geschichten", slug="geschichten"
        )

    @classmethod
    def translated(cls, page, **fields):
        german = publish_translation(page, cls.german)
        for name, value in fields.items():
            setattr(german, name, value)
        german.save_revision().publish()
        german.refresh_from_db()
        return german.specific

    @classmethod
    def story(cls, parent=None, **kwargs):
        kwargs.setdefault("towns", [cls.steenwijkerland])
        return StoryPageFactory(parent=parent or cls.story_index, **kwargs)

    @classmethod
    def many_stories(cls, count, sector=None, first=0):
        start = datetime.date(2020, 1, 1)
        for number in range(first, first + count):
            cls.story(
                title=f"Verhaal {number}",
                slug=f"verhaal-{number}",
                date=start + datetime.timedelta(days=number),
                sectors=[sector or cls.climate],
                towns=[cls.steenwijkerland, cls.herzebrock],
                tag_names=["bezoek"],
            )
