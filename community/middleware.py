"""Middleware of the member's side of the site."""

from django.contrib.messages import get_messages
from django.utils.cache import patch_cache_control

from community import roles
from home import live
from home.middleware import AnonymousPageCacheMiddleware as PageCache


class MemberPageCacheMiddleware:
    """A logged-in member's request for a page the anonymous page cache keeps is answered from
    the same entry, with every `{% live %}` part rendered for them (home/live.py): the account
    links, a sector's join button, a meeting's registration and online link. Everything a page
    shows by who asks is such a part (tests/test_member_page_cache.py compares every kind of
    page served this way with the page rendered for the member), so a member's page costs the
    parts' few queries, not the page's.

    After the middleware that finds the member, their CSRF token and their messages. Not for a
    member with a message waiting (the page shows it), nor for an account that works in the
    admin (Wagtail's user bar, shown on each page, is theirs). The member's account is read from
    the cache, with their session (roles.remembered_member), so a hit costs no query but its
    parts'. Nothing is stored here: only an
    anonymous visitor's page is kept (home.middleware.AnonymousPageCacheMiddleware), so no
    member's page can reach anyone else; what a member is sent is private to their browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if PageCache.may_answer(request) and not len(get_messages(request)):
            response = self.hit(request)
            if response is not None:
                # Not for shared caches: without the anonymous entry's `s-maxage` (and
                # `public`, which `private` replaces).
                response["Cache-Control"] = ", ".join(
                    directive.strip()
                    for directive in response.get("Cache-Control", "").split(",")
                    if not directive.strip().lower().startswith("s-maxage")
                )
                patch_cache_control(response, private=True)
                return response
        return self.get_response(request)

    @staticmethod
    def hit(request):
        """The page cache's answer for the member as the cache remembers their account
        (roles.remembered_member: no query; one read of the cache for the account and the
        page), or None. Their account is read from the database as usual when the page is made
        instead."""
        entry_key = PageCache.entry_key(request)
        # With the parts the page keeps for everyone (home/live.py), when this process knows
        # their keys.
        member, read = roles.remembered_member(
            request, read_along=[entry_key, *live.keys_along(entry_key)]
        )
        if member is None:
            # A cookie of a session that holds nothing (it expired, or was made up) is answered
            # as an anonymous visitor is, and deleted (SessionMiddleware), not with a page made
            # anew for every request.
            return PageCache.hit(request, read) if request.session.is_empty() else None
        found = request.user
        request.user = member
        response = PageCache.hit(request, read)
        if response is None:
            request.user = found
        return response
