"""Sector references of stories and meetings, shown in the reader's language.

wagtail-localize keeps a translated page's references to other pages as they are (they point to
the source language), by design: pages are localized when shown. For listings that happens here
in one query for all items, instead of one per sector."""

from wagtail.models import Locale


class LocalizedSectorsMixin:
    """For pages whose sector links live in `sector_links_name` (an InlinePanel relation)."""

    sector_links_name = None

    @property
    def sectors(self):
        if not hasattr(self, "_localized_sectors"):
            with_localized_sectors([self])
        return self._localized_sectors


def with_localized_sectors(items):
    """Gives each story or meeting its sector pages in the language being read; returns a list."""
    from community.models import SectorPage

    items = list(items)
    links = {item.pk: list(getattr(item, item.sector_links_name).all()) for item in items}
    keys = {link.sector.translation_key for item_links in links.values() for link in item_links}
    localized = {}
    if keys:
        localized = {
            sector.translation_key: sector
            for sector in SectorPage.objects.live().filter(
                translation_key__in=keys, locale=Locale.get_active()
            )
        }
    for item in items:
        item._localized_sectors = [
            localized.get(link.sector.translation_key, link.sector) for link in links[item.pk]
        ]
    return items
