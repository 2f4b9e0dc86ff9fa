"""Generated sector emblems in templates (community.emblems)."""

from django import template

from community import emblems

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
