"""Sector references of stories and meetings, shown in the reader's language.

wagtail-localize keeps a translated page's references to other pages as they are (they point to
the source language), by design: pages are localized when shown. That happens here, from the
sector pages kept in the content cache (a handful of pages), so no listing or page needs a query
for it."""

from community.models import SectorPage
from home.cache import PAGE_FIELDS, active_locale, from_row, locales, remember, row_of


class LocalizedSectorsMixin:
    """For pages whose sector links live in `sector_links_name` (an InlinePanel relation)."""

    sector_links_name = None

    @property
    def sectors(self):
        if not hasattr(self, "_localized_sectors"):
            with_localized_sectors([self])
        return self._localized_sectors


def sector_pages():
    """Every sector page by id, and the live ones by (translation key, locale id): kept in the
    content cache as rows of their fields, made pages once per request."""

    def load():
        return [row_of(page, PAGE_FIELDS) for page in SectorPage.objects.all()]

    def build(rows):
        pages = [from_row(SectorPage, row) for row in rows]
        return {
            "by_id": {page.pk: page for page in pages},
            "live": {(page.translation_key, page.locale_id): page for page in pages if page.live},
        }

    return remember("sector-pages", load, build=build)


def sector_versions(sector):
    """The ids of every language version of a sector page, for filters without a join."""
    return [
        page.pk
        for page in sector_pages()["by_id"].values()
        if page.translation_key == sector.translation_key
    ]


def localized_sector(sector_id, locale=None, sectors=None):
    """The sector page in the language being read, or as linked when it has no live version."""
    sectors = sectors or sector_pages()
    sector = sectors["by_id"].get(sector_id)
    if sector is None:
        return None
    locale = locale or active_locale()
    return sectors["live"].get((sector.translation_key, locale.pk if locale else None), sector)


def with_localized_sectors(items):
    """Gives each story or meeting its sector pages in the language being read; returns a list."""
    items = list(items)
    locale, sectors = active_locale(), sector_pages()
    for item in items:
        links = getattr(item, item.sector_links_name).all()
        localized = (localized_sector(link.sector_id, locale, sectors) for link in links)
        item._localized_sectors = [sector for sector in localized if sector is not None]
    return items


def sector_query_in_language(query, language_code):
    """`?sector=` of an overview filtered by sector, as it reads in `language_code`: the slug of
    that sector's page in that language, or nothing when it has none."""
    current, target = active_locale(), locales().get(language_code)
    live = sector_pages()["live"]
    sector = next(
        (
            page
            for (_key, locale_id), page in live.items()
            if current and locale_id == current.pk and page.slug == query.get("sector")
        ),
        None,
    )
    other = sector and target and live.get((sector.translation_key, target.pk))
    return [("sector", other.slug)] if other else []
