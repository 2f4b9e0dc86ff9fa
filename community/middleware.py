"""Middleware of the member's side of the site."""

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.utils.cache import patch_cache_control

from community import roles
from home.cache import KINDS, version_of
from home.middleware import AnonymousPageCacheMiddleware as PageCache

# How long the cache remembers that an account is a member (see `is_member`).
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
    admin (Wagtail's user bar, shown on each page, is theirs). Nothing is stored here: only an
    anonymous visitor's page is kept (home.middleware.AnonymousPageCacheMiddleware), so no
    member's page can reach anyone else; what a member is sent is private to their browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.applies_to(request):
            stored = cache.get(PageCache.key(request), version=version_of(*KINDS))
            if stored is not None:
                response = PageCache.rebuild(request, stored)
                if response is not None:
                    make_private(response)
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
            and is_member(user)
        )


def make_private(response):
    """For the member's browser only: without the anonymous entry's `public` and `s-maxage`,
    which would let a shared cache keep it."""
    kept = [
        directive.strip()
        for directive in response.get("Cache-Control", "").split(",")
        if directive.strip() and directive.split("=")[0].strip().lower() not in SHARED_DIRECTIVES
    ]
    response["Cache-Control"] = ", ".join(kept)
    patch_cache_control(response, private=True)


SHARED_DIRECTIVES = ("public", "s-maxage")


def member_check_key(user_pk):
    return f"member-check:{user_pk}"


def is_member(user):
    """Whether the account is a member (community.roles), asked of the database at most every
    MEMBER_RECHECK_SECONDS while the answer is yes, and again at once when the account's groups,
    permissions or administrator flag change (`forget_member_check`); a group given admin access
    shows its members their user bar on pages from the cache that much later."""
    key = member_check_key(user.pk)
    if cache.get(key):
        return True
    if not roles.is_member(user):
        return False
    cache.set(key, True, MEMBER_RECHECK_SECONDS)
    return True


def forget_member_check(user_pk):
    cache.delete(member_check_key(user_pk))
