"""Wagtail's front-end cache invalidation, for a CDN or caching proxy in front of the site.

Wagtail purges a page when it is published or unpublished. A story, meeting or sector also
appears on other pages: its overview and the home page (its ancestors), the sector pages it
belongs to, and the feeds of its language. Those are purged here too, and on moves. Filtered
overview addresses (`?sector=…`) cannot be purged one by one; the shared cache keeps them for
PAGE_CACHE_SECONDS at most (the `s-maxage` the page cache sends)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from home.cache import language_code_of

FEEDS = ("story_feed_rss", "story_feed_atom", "calendar_feed")


def purge_pages_listing(instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    page = instance.specific
    parts = page.get_url_parts()
    if parts is None:
        return
    root_url = parts[1]
    batch = PurgeBatch()
    batch.add_pages(page.get_ancestors().filter(depth__gt=1).live().specific())
    with translation.override(language_code_of(page.locale_id)):
        sectors = list(getattr(page, "sectors", ()))
        batch.add_pages(sectors)
        batch.add_urls(root_url + reverse(name) for name in FEEDS)
        for sector in sectors:
            for name in ("sector_feed_rss", "sector_feed_atom", "sector_calendar_feed"):
                batch.add_url(root_url + reverse(name, args=[sector.slug]))
    batch.purge()


def connect_signals():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(purge_pages_listing, dispatch_uid=f"purge-listings-{id(signal)}")
