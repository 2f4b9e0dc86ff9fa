"""How the open data API (jumelage/api.py) writes the parts of pages the models name in their
`api_fields`: choices with their label in the reader's language, towns, sectors and lead images
with their alternative text. Plain DRF fields, as models import them before Wagtail's API is
loaded (its serializers need the models). Read-only: nothing here accepts input."""

from django.core.exceptions import ObjectDoesNotExist
from rest_framework.fields import Field

from home.urls_util import absolute_url

# Two sizes of every lead image: a card and a large picture (Open Graph takes up to 1200 wide).
LEAD_IMAGE_RENDITIONS = {"card": "fill-640x400", "large": "max-1200x1200"}


class ChoiceField(Field):
    """A choice as `{"value": …, "label": …}`, the label in the language of the request, so a
    client shows it without a table of its own; None when the field is empty."""

    def __init__(self, choices, **kwargs):
        self.labels = dict(choices)
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        if value in (None, ""):
            return None
        return {"value": value, "label": str(self.labels.get(value, value))}


def town_data(town):
    """A town with its name in the page's language, its slug (the same in every language, as in
    `?town=` of the story overview) and its country."""
    return {
        "name": town.name,
        "slug": town.slug,
        "country": {"value": town.country, "label": str(town.get_country_display())},
    }


class TownField(Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, town):
        return None if town is None else town_data(town)


class TownsField(TownField):
    def to_representation(self, towns):
        return [town_data(town) for town in towns]


class SectorsField(Field):
    """The sector communities of a story or meeting, in the page's own language where the
    sector has a live version in it (community.localization; the API gives the pages their
    sectors so), not the client's: a client that reads a German meeting follows German
    sector pages. `id` leads to the sector in the pages endpoint."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, sectors):
        return [{"id": sector.pk, "title": sector.title, "slug": sector.slug} for sector in sectors]


class LeadImageField(Field):
    """A page's lead image: its id in the images endpoint, the page's alternative text (not the
    image's title) and renditions of two sizes with absolute URLs. `image_attr` and `alt_attr`
    name where the page keeps them (a meeting borrows its sector's, see MeetingPage.lead_image)."""

    def __init__(self, image_attr="image", alt_attr="image_alt", **kwargs):
        self.image_attr, self.alt_attr = image_attr, alt_attr
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        try:
            image = getattr(page, self.image_attr)
        except ObjectDoesNotExist:
            image = None
        if image is None:
            return None
        request = self.context["request"]
        renditions = {}
        for name, spec in LEAD_IMAGE_RENDITIONS.items():
            try:
                rendition = image.get_rendition(spec)
            except OSError:  # Wagtail's SourceImageIOError: the original file is missing
                continue
            renditions[name] = {
                "url": absolute_url(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
        return {"id": image.pk, "alt": getattr(page, self.alt_attr), "renditions": renditions}
