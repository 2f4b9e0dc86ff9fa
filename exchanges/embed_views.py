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
from dataclasses import asdict

from csp.constants import HEADER, SELF
from csp.utils import build_policy
from django.conf import settings
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from community.localization import with_localized_sectors
from community.models import SectorIndexPage, SectorPage
from home.cache import active_locale
from home.middleware import ContentSecurityPolicyMiddleware
from home.models import with_renditions
from home.urls_util import absolute_url

from .models import CalendarPage, StoryIndexPage

WIDGET_ITEMS = 5
WIDGET_SECONDS = 300
SLUG_LENGTH = SectorPage._meta.get_field("slug").max_length


def widget(view):
    """GET and HEAD only; every answer (the widget, an unknown sector's 404, another method's 405)
    framable by the site and EMBED_FRAME_ORIGINS (read per request, not at import), with no
    X-Frame-Options (production's DENY included); a GET public for WIDGET_SECONDS."""
    refusing = require_safe(view)

    # csrf_exempt: a widget changes nothing, and a POST is to get this 405 with the widgets'
    # headers, not the CSRF failure page (which no site may frame).
    @csrf_exempt
    @xframe_options_exempt
    @functools.wraps(view)
    def answer(request, *args, **kwargs):
        response = refusing(request, *args, **kwargs)
        response[HEADER] = frame_policy(request, response)
        if request.method == "GET":
            patch_cache_control(response, public=True, max_age=WIDGET_SECONDS)
        return response

    return answer


def frame_policy(request, response):
    """The site's Content-Security-Policy (home.middleware: media origin included) with the
    widgets' frame-ancestors, written by the view itself: django-csp's middleware writes no
    header at all on a 404 or 500 while DEBUG is on (to leave Django's debug pages alone), which
    would leave an unknown sector's 404 framable by any site. On the way out the middleware
    keeps a header it finds."""
    parts = ContentSecurityPolicyMiddleware(lambda _request: response).get_policy_parts(
        request, response
    )
    # django-csp's extension point: the parts it returns are ours to change.
    parts.replace = {
        **(parts.replace or {}),
        "frame-ancestors": [SELF, *settings.EMBED_FRAME_ORIGINS],
    }
    return build_policy(**asdict(parts))


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
        # A slug is at most 255 characters and never holds a NUL byte (which PostgreSQL
        # refuses to compare): anything else names no sector without asking the database.
        if len(slug) > SLUG_LENGTH or "\x00" in slug:
            return unknown_sector(request, template, locale)
        sector = SectorPage.objects.live().public().filter(locale=locale, slug=slug).first()
        if sector is None:
            return unknown_sector(request, template, locale)
    index = index_model.objects.live().public().filter(locale=locale).first()
    context = {"sector": sector, "items": [], "more_url": ""}
    if index is not None:
        context["items"] = items_of(index, sector)
        context["more_url"] = platform_url(request, index, sector)
        for item in context["items"]:
            item.platform_url = platform_url(request, item)
    return render(request, template, context)


def unknown_sector(request, template, locale):
    """A widget whose address names no sector (a typo, a slug of the other language, a sector
    unpublished since) says so and links to the sector overview, with status 404."""
    overview = SectorIndexPage.objects.live().public().filter(locale=locale).first()
    context = {
        "unknown_sector": True,
        "sectors_url": platform_url(request, overview) if overview is not None else "",
    }
    return render(request, template, context, status=404)


def next_meetings(calendar, sector):
    meetings = calendar.meetings().upcoming()
    if sector is not None:
        meetings = meetings.in_sector(sector)
    return list(meetings[:WIDGET_ITEMS])


def latest_stories(index, sector):
    stories = index.stories()
    if sector is not None:
        stories = stories.in_sector(sector)
    # What a story card needs: its sectors (the emblem of a story without a photo) and its
    # picture's renditions, read along with the stories.
    return with_renditions(with_localized_sectors(stories[:WIDGET_ITEMS]))


@widget
def calendar_widget(request):
    return render_widget(request, "exchanges/embed/calendar.html", CalendarPage, next_meetings)


@widget
def stories_widget(request):
    return render_widget(request, "exchanges/embed/stories.html", StoryIndexPage, latest_stories)
