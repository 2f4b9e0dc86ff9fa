"""The widgets the municipalities' websites frame (`/<lang>/embed/calendar/`,
`/<lang>/embed/stories/`): the next meetings or the latest stories of one language, optionally of
one sector, as small pages of their own.

They are the same for everyone: they read no session and set no cookie (a visitor of a
municipality's website is not asked about ours), load nothing from another origin, open the
platform in a new tab, and may be framed only by the site itself and the origins in
EMBED_FRAME_ORIGINS. Shared caches and browsers keep them a few minutes (`Cache-Control: public`).
Our own page cache does not (they never say `shows_content_only`): a hit is rebuilt from the
stored headers and would lose the `frame-ancestors` given here; their queries do not grow with
the content anyway."""

import functools

from csp.constants import SELF
from csp.decorators import csp_replace
from django.conf import settings
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from community.models import SectorPage
from home.cache import active_locale
from home.models import with_renditions
from home.urls_util import absolute_url

from .models import CalendarPage, StoryIndexPage

WIDGET_ITEMS = 5
WIDGET_SECONDS = 300


def widget(view):
    """GET only; framable by the site and EMBED_FRAME_ORIGINS (read per request, not at import),
    with no X-Frame-Options (production's DENY included); public for WIDGET_SECONDS."""

    @require_GET
    @xframe_options_exempt
    @functools.wraps(view)
    def answer(request, *args, **kwargs):
        ancestors = {"frame-ancestors": [SELF, *settings.EMBED_FRAME_ORIGINS]}
        response = csp_replace(ancestors)(view)(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=WIDGET_SECONDS)
        return response

    return answer


def platform_url(request, page, sector=None):
    """The absolute address of `page` on the platform (the widget's links leave the frame), of
    its listing filtered by `sector` when one is given."""
    url = absolute_url(request, page.get_url(request))
    return f"{url}?sector={sector.slug}" if sector is not None else url


def render_widget(request, template, index_model, items_of):
    """The widget of the listing `index_model` of the language being read, with `items_of(index,
    sector)`; a sector that is not on the platform in this language is said so (404)."""
    locale = active_locale()
    slug = request.GET.get("sector", "")
    sector = None
    if slug:
        sector = SectorPage.objects.live().public().filter(locale=locale, slug=slug).first()
        if sector is None:
            return render(request, template, {"unknown_sector": True}, status=404)
    index = index_model.objects.live().public().filter(locale=locale).first()
    context = {"sector": sector, "items": [], "more_url": ""}
    if index is not None:
        context["items"] = items_of(index, sector)
        context["more_url"] = platform_url(request, index, sector)
        for item in context["items"]:
            item.platform_url = platform_url(request, item)
    return render(request, template, context)


def next_meetings(calendar, sector):
    meetings = calendar.meetings().upcoming()
    if sector is not None:
        meetings = meetings.in_sector(sector)
    return list(meetings[:WIDGET_ITEMS])


def latest_stories(index, sector):
    stories = index.stories()
    if sector is not None:
        stories = stories.in_sector(sector)
    return with_renditions(stories[:WIDGET_ITEMS])


@widget
def calendar_widget(request):
    return render_widget(request, "exchanges/embed/calendar.html", CalendarPage, next_meetings)


@widget
def stories_widget(request):
    return render_widget(request, "exchanges/embed/stories.html", StoryIndexPage, latest_stories)
