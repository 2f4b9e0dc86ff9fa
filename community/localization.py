"""Sector references of stories and meetings, shown in the reader's language.

wagtail-localize keeps a translated page's references to other pages as they are (they point to
the source language), by design: pages are localized when shown. That happens here, from the
sector pages kept in the content cache (a handful of pages), so no listing or page needs a query
for it."""

from community.models.sectors import sector_pages
from home.cache import active_locale, locales
from home.models import NOT_READ, in_link_order, linked_rows
from home.visibility import below_a_restriction

# The annotation `with_sector_links` gives pages: their sector links.
SECTOR_LINKS = "sector_link_rows"


class LocalizedSectorsMixin:
    """For pages whose sector links live in `sector_links_name` (an InlinePanel relation)."""

    sector_links_name = None

    @property
    def sectors(self):
        if not hasattr(self, "_localized_sectors"):
            with_localized_sectors([self])
        return self._localized_sectors


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


def with_sector_links(pages):
    """`pages` (a queryset of a page type with `sector_links_name`) with their sector links
    read along, in each page's row: no query of their own for `with_localized_sectors`."""
    relation = pages.model._meta.get_field(pages.model.sector_links_name)
    links = linked_rows(relation.related_model, relation.field.name, "sector_id")
    return pages.annotate(**{SECTOR_LINKS: links})


def linked_sector_ids(item):
    """The ids of the sector pages a story or meeting links to, in the order of its links: as
    `with_sector_links` read them, else from its links."""
    rows = getattr(item, SECTOR_LINKS, NOT_READ)
    if rows is NOT_READ:
        links = getattr(item, item.sector_links_name).all()
        rows = [[link.sort_order, link.pk, link.sector_id] for link in links]
    return [sector_id for (sector_id,) in in_link_order(rows)]


def with_localized_sectors(items):
    """Gives each story or meeting its sector pages in the language being read; returns a list."""
    items = list(items)
    locale, sectors = active_locale(), sector_pages()
    for item in items:
        localized = (
            localized_sector(sector_id, locale, sectors) for sector_id in linked_sector_ids(item)
        )
        # Not a private sector (a password, members or a group only): its name and link are
        # for those who may open it (attack of 2026-12-05).
        item._localized_sectors = [
            sector for sector in localized if sector is not None and not below_a_restriction(sector)
        ]
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
