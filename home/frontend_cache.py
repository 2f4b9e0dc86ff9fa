"""Wagtail's front-end cache invalidation, for a CDN or caching proxy in front of the site.

Wagtail purges a page when it is published or unpublished. A story, meeting or sector also
appears on other pages: its overview and the home page (its ancestors), the sector pages it
belongs to, and the feeds of its language. Those are purged here too, and on moves. Filtered
overview addresses (`?sector=…`) cannot be purged one by one; the shared cache keeps them for
PAGE_CACHE_SECONDS at most (the `s-maxage` the page cache sends).

A page made private (or public again) in Wagtail's privacy dialog is neither published nor
unpublished: Wagtail purges nothing, and a proxy served the public copy of the page, of the
pages below it and of the overviews, feeds and home page that list them to anyone for up to
`s-maxage` (attack of 2026-12-05, F6). A view restriction made or lifted purges them too, once
committed; each language version's restriction purges its own pages."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from home.cache import language_code_of

FEEDS = ("story_feed_rss", "story_feed_atom", "calendar_feed")
WIDGETS = ("embed_stories", "embed_calendar")


def purge_pages_listing(instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    page = instance.specific
    parts = page.get_url_parts()
    if parts is None:
        return
    root_url = parts[1]
    batch = PurgeBatch()
    add_listings(batch, page, root_url, lambda: list(getattr(page, "sectors", ())))
    batch.purge()


def add_listings(batch, page, root_url, sectors_of):
    """What lists `page`: its ancestors below the root, the sector pages `sectors_of()` gives
    (read in the page's language) and the feeds of its language and of those sectors."""
    batch.add_pages(page.get_ancestors().filter(depth__gt=1).live().specific())
    # The sitemap lists every page (`public, max-age=3600`) (attack 29, F4).
    batch.add_url(root_url + reverse("sitemap"))
    with translation.override(language_code_of(page.locale_id)):
        sectors = sectors_of()
        batch.add_pages(sectors)
        batch.add_urls(root_url + reverse(name) for name in FEEDS)
        # What a page type serves besides the page (a meeting's own iCalendar file), and the
        # addresses of its overview it links (a story's tags, a meeting's months).
        along = getattr(page.specific_deferred, "purged_along", None)
        if along is not None:
            parent = page.get_parent()
            parts = parent.get_url_parts() if parent is not None else None
            batch.add_urls(root_url + path for path in along(parts[2] if parts else None))
        for sector in sectors:
            for name in ("sector_feed_rss", "sector_feed_atom", "sector_calendar_feed"):
                batch.add_url(root_url + reverse(name, args=[sector.slug]))
        # The widgets other websites frame (`public, max-age=300`), whole and by sector, as
        # editors copy their code (attack 37).
        for name in WIDGETS:
            widget = root_url + reverse(name)
            batch.add_url(widget)
            batch.add_urls(f"{widget}?{urlencode({'sector': sector.slug})}" for sector in sectors)


def purge_section(page_id):
    """The live pages at and below the page `page_id` (a section made private or public), the
    pages that list them and the feeds of its language."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    parts = page.get_url_parts()
    if parts is None:
        return
    root_url = parts[1]
    pages = list(Page.objects.descendant_of(page, inclusive=True).live().specific())
    batch = PurgeBatch()
    batch.add_pages(pages)

    def sectors_of_pages():
        found = {sector.pk: sector for item in pages for sector in getattr(item, "sectors", ())}
        return list(found.values())

    add_listings(batch, page, root_url, sectors_of_pages)
    batch.purge()


def purge_privacy_changed(sender, instance, created=True, raw=False, **kwargs):
    """A restriction made (not one changed: the page was private before and after) or lifted."""
    if raw or not created or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from django.db import transaction

    page_id = instance.page_id
    transaction.on_commit(lambda: purge_section(page_id))


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(purge_pages_listing, dispatch_uid=f"purge-listings-{id(signal)}")
    for signal in (post_save, post_delete):
        signal.connect(
            purge_privacy_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"purge-privacy-{id(signal)}",
        )
