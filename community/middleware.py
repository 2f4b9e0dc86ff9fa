"""Middleware of the member's side of the site."""

import time

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.utils.cache import patch_cache_control

from community import roles
from home.cache import KINDS, version_of
from home.middleware import AnonymousPageCacheMiddleware as PageCache

# In a member's session: [their id, until when they are known to be a member].
MEMBER_CHECKED = "_jumelage_member_until"
MEMBER_RECHECK_SECONDS = 300


class MemberPageCacheMiddleware:
    """A logged-in member's request for a page the anonymous page cache keeps is answered from
        the same entry, with every `{% live %}` part rendered for them (home/live.py): the account
        links, a sector's join button, a meeting's registration and online link. Everything a page
        shows by who asks is such a part (tests/test_member_page_cache.py compares every kind of
        page served this way with the page rendered for the member), so a member's page costs the
        parts' few queries, not the page's.

        After the middleware that finds the member, their CSRF token and their messages. Not for a
        member with a message waiting (the page shows it), nor for an account that works in the
        admin (Wagtail's user bar, shown on each page, is theirs). The anonymous page cache is
    home.middleware's. Nothing is stored here: only an
        anonymous visitor's page is kept, so no member's page can reach anyone else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.applies_to(request):
            stored = cache.get(PageCache.key(request), version=version_of(*KINDS))
            if stored is not None:
                response = PageCache.rebuild(request, stored)
                if response is not None:
                    patch_cache_control(response, private=True)
                    return response
        return self.get_response(request)

    @staticmethod
    def applies_to(request):
        user = request.user
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(PageCache.bypassed_prefixes)
            and len(request.META.get("QUERY_STRING", "")) <= 300
            and user.is_authenticated
            and not len(get_messages(request))
            and MemberPageCacheMiddleware.is_member(request)
        )

    @staticmethod
    def is_member(request):
        """Whether the visitor is a member, asked of the database at most every
        MEMBER_RECHECK_SECONDS and kept in their session meanwhile: a member made an editor
        sees their user bar on pages from the cache that much later (the admin asks anew)."""
        user, now = request.user, time.time()
        checked = request.session.get(MEMBER_CHECKED)
        if checked is not None and checked[0] == user.pk and now < checked[1]:
            return True
        if not roles.is_member(user):
            return False
        request.session[MEMBER_CHECKED] = [user.pk, now + MEMBER_RECHECK_SECONDS]
        return True
