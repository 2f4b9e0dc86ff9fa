"""Generated sector emblems in templates (community.emblems)."""

from django import template

from community import emblems
from community.localization import sector_pages
from home.cache import active_locale

register = template.Library()


@register.simple_tag
def sector_emblem(sector):
    """A sector's emblem (decorative inline SVG, 3:2)."""
    return emblems.sector_emblem(sector)


@register.simple_tag
def story_emblem(story):
    """The picture of a story without a photo: its first sector's emblem, or the twinning's."""
    sectors = story.sectors
    return emblems.sector_emblem(sectors[0]) if sectors else emblems.twinning_emblem()


@register.simple_tag
def sector_emblems(limit=6):
    """The emblems of the live sector communities of the language being read, in the order of
    the page tree, from the content cache (no query once it is filled)."""
    locale = active_locale()
    pages = sorted(
        (
            page
            for (key, locale_id), page in sector_pages()["live"].items()
            if locale is not None and locale_id == locale.pk
        ),
        key=lambda page: page.path,
    )
    return [emblems.sector_emblem(page, 200, 200, pattern_field=False) for page in pages[:limit]]
