"""What the open data API (jumelage/api.py) reads along with meetings, stories, visits and
sectors, so that a listing costs the same few queries for 2 pages as for 20: their towns,
sectors, authors and lead images with renditions, as the site's own listings read them."""

from itertools import groupby
from operator import attrgetter

from django.db.models import Prefetch, prefetch_related_objects
from django.utils import translation

from community.localization import with_localized_sectors, with_sector_links
from community.models import SectorPage, Town
from exchanges.models import MeetingPage, StoryPage, VisitPage
from home.models import with_renditions
from home.visibility import public


def meetings_for_api(queryset):
    return with_sector_links(queryset).select_related(
        "town", "locale", "alias_of", "organiser_member"
    )


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
        for sector in public(SectorPage.objects.live())
        .filter(pk__in=sector_ids, image__isnull=False)
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


def in_own_language(pages):
    """Gives each story or meeting its sector pages in the page's own language, whatever
    language the client reads labels in: a German meeting names the German sector (its slug,
    its picture's alternative text), as its page on the site does. No query: the sectors come
    from the content cache, grouped by the pages' languages."""
    language = attrgetter("locale.language_code")
    for code, group in groupby(sorted(pages, key=language), key=language):
        with translation.override(code):
            with_localized_sectors(group)
    return pages


# The towns a page names in its own fields (a story's are in its links).
TOWN_ATTRIBUTES = {MeetingPage: ("town",), VisitPage: ("travelling_town", "hosting_town")}


def with_towns_in_own_language(pages):
    """Each page's towns in the page's own language where the town has a version in it: a
    translated page keeps the source's town rows (wagtail-localize copies the links), so a
    German meeting would name the Dutch row. One query for all the pages, none when every town
    is of its page's language already."""
    stories = [page for page in pages if isinstance(page, StoryPage)]
    prefetch_related_objects(stories, "story_towns__town")
    slots = []  # (object holding the town, attribute, the page's locale)
    for page in pages:
        if isinstance(page, StoryPage):
            slots += [(link, "town", page.locale_id) for link in page.story_towns.all()]
        slots += [(page, name, page.locale_id) for name in TOWN_ATTRIBUTES.get(type(page), ())]
    linked = [getattr(holder, name) for holder, name, _locale in slots]
    foreign = [
        (town, locale_id)
        for town, (_holder, _name, locale_id) in zip(linked, slots, strict=True)
        if town is not None and town.locale_id != locale_id
    ]
    if not foreign:
        return pages
    versions = {
        (town.translation_key, town.locale_id): town
        for town in Town.objects.filter(
            translation_key__in={town.translation_key for town, _locale in foreign},
            locale_id__in={locale_id for _town, locale_id in foreign},
        )
    }
    for town, (holder, name, locale_id) in zip(linked, slots, strict=True):
        if town is not None:
            setattr(holder, name, versions.get((town.translation_key, locale_id), town))
    return pages


def only_public_sectors(pages):
    """Leaves out of each story's or meeting's sectors those that are not live and public (a
    private sector community, behind a login): the API names, and takes pictures from, only
    what anyone may read. One query for all the pages."""
    sector_ids = {sector.pk for page in pages for sector in page.sectors}
    if not sector_ids:
        return pages
    shown = set(
        public(SectorPage.objects.live()).filter(pk__in=sector_ids).values_list("pk", flat=True)
    )
    for page in pages:
        page._localized_sectors = [sector for sector in page.sectors if sector.pk in shown]
    return pages


def prepare_for_api(pages):
    """The page of results about to be serialised, with their sectors and towns in each page's
    own language and their pictures' renditions read together."""
    pages = list(pages)
    meetings = [page for page in pages if isinstance(page, MeetingPage)]
    stories = [page for page in pages if isinstance(page, StoryPage)]
    sectors = [page for page in pages if isinstance(page, SectorPage)]
    only_public_sectors(in_own_language(meetings + stories))
    if meetings:
        with_meeting_pictures(meetings)
    if stories:
        with_renditions(stories)
    if sectors:
        with_renditions(sectors)
    return with_towns_in_own_language(pages)
