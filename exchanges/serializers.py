"""What the open data API (jumelage/api.py) reads along with meetings, stories, visits and
sectors, so that a listing costs the same few queries for 2 pages as for 20: their towns,
sectors, authors and lead images with renditions, as the site's own listings read them."""

from django.db.models import Prefetch, prefetch_related_objects

from community.localization import with_localized_sectors, with_sector_links
from community.models import SectorPage
from exchanges.models import MeetingPage, StoryPage, VisitPage
from home.models import with_renditions


def meetings_for_api(queryset):
    return with_sector_links(queryset).select_related("town", "locale", "alias_of")


def stories_for_api(queryset):
    return (
        with_sector_links(queryset)
        .select_related("image", "author", "locale", "alias_of")
        .prefetch_related("story_towns__town", "tags")
    )


def visits_for_api(queryset):
    return queryset.select_related("travelling_town", "hosting_town", "locale", "alias_of")


def sectors_for_api(queryset):
    return queryset.select_related("image", "locale", "alias_of")


QUERYSETS = {
    MeetingPage: meetings_for_api,
    StoryPage: stories_for_api,
    VisitPage: visits_for_api,
    SectorPage: sectors_for_api,
}


def for_api(queryset):
    """`queryset` of one page type with what its API fields read, in its rows or prefetched."""
    shape = QUERYSETS.get(queryset.model)
    return shape(queryset) if shape else queryset.select_related("locale", "alias_of")


def with_meeting_pictures(meetings):
    """Each meeting's picture sector (MeetingPage.lead_image: the first of its sectors with a
    lead image) for all of them in one query, and their renditions in another, instead of two
    queries per meeting."""
    sector_ids = {sector.pk for meeting in meetings for sector in meeting.sectors}
    pictured = {
        sector.pk: sector
        for sector in SectorPage.objects.filter(pk__in=sector_ids, image__isnull=False)
        .select_related("image")
        .only("image_alt", "image")
    }
    for meeting in meetings:
        # Where cached_property keeps its value: MeetingPage reads it from there.
        meeting.__dict__["_picture_sector"] = next(
            (pictured[sector.pk] for sector in meeting.sectors if sector.pk in pictured), None
        )
    images = {sector.image.pk: sector.image for sector in pictured.values()}
    prefetch_related_objects(
        list(images.values()), Prefetch("renditions", to_attr="prefetched_renditions")
    )
    return meetings


def prepare_for_api(pages):
    """The page of results about to be serialised, with their sectors in the language of the
    request and their pictures' renditions read together."""
    pages = list(pages)
    meetings = [page for page in pages if isinstance(page, MeetingPage)]
    stories = [page for page in pages if isinstance(page, StoryPage)]
    sectors = [page for page in pages if isinstance(page, SectorPage)]
    if meetings:
        with_meeting_pictures(with_localized_sectors(meetings))
    if stories:
        with_renditions(with_localized_sectors(stories))
    if sectors:
        with_renditions(sectors)
    return pages
