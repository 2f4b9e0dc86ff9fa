"""Rate limits for the member forms (allauth limits sign-up and login itself).

Attempts are counted in the cache per member (or per address for visitors) and per time window,
so with several application servers the limits hold when REDIS_URL points them at one Redis.
While the cache cannot be reached, the limits let every request through (home/redis_cache.py).

Behind a proxy every request comes from the proxy's address: `client_ip` finds the visitor's
own, for our limits and allauth's (community/adapters.py)."""

import ipaddress
import logging
import math
import time
from functools import wraps

from allauth.core import ratelimit
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from home.validators import mailbox

# allauth's limits of the emails anyone can have sent to an address (ACCOUNT_RATE_LIMITS):
# a mailbox's other spellings counted together (`mailbox_key`), not each apart.
MAILBOX_ACTIONS = ("reset_password", "confirm_email")


def _address(value):
    """`value` as a normalised IP address, or None when it is not one."""
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


logger = logging.getLogger(__name__)
_warned_of_a_proxy = False


def _warn_of_an_uncounted_proxy(request, remote):
    """Once a process: the request came through a proxy (it says who it forwards for, from an
    address that is not on the internet: private, loopback) while TRUSTED_PROXY_COUNT says
    there is none, so every visitor counts as the proxy and shares its limits (attack of
    2026-12-05, F1)."""
    global _warned_of_a_proxy  # noqa: PLW0603 (one warning a process)
    if _warned_of_a_proxy or "X-Forwarded-For" not in request.headers:
        return
    try:
        ip = ipaddress.ip_address(remote)
    except ValueError:
        return
    if not ip.is_global:
        _warned_of_a_proxy = True
        logger.warning(
            "Requests come through a proxy at %s (X-Forwarded-For) but TRUSTED_PROXY_COUNT is "
            "0: every visitor counts as that address for rate limits and the page cache's "
            "entries. Set TRUSTED_PROXY_COUNT to the number of your proxies.",
            remote,
        )


def client_ip(request):
    """The visitor's address. With TRUSTED_PROXY_COUNT = 0 (the default) the address the request
    came from; X-Forwarded-For is never read, for anyone can send it. With n proxies of ours in
    front, the n-th address from the right of X-Forwarded-For: each proxy appends the address it
    was reached from, so that one was written by our outermost proxy, and whatever stands to its
    left came from the visitor. TRUSTED_CLIENT_IP_HEADER instead names a header our proxy sets to
    the visitor's address (X-Real-IP, CF-Connecting-IP)."""
    remote = request.META.get("REMOTE_ADDR", "")
    header = getattr(settings, "TRUSTED_CLIENT_IP_HEADER", "")
    if header:
        return _address(request.headers.get(header)) or remote
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        _warn_of_an_uncounted_proxy(request, remote)
        return remote
    forwarded = [part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        # Not through all our proxies: the address the request came from is the visitor's.
        return remote
    return _address(forwarded[-count]) or remote


def mailbox_key(email):
    """The key allauth's limits of the emails to an address (MAILBOX_ACTIONS) and the
    newsletter's confirmation count an email to `email` by. The address itself (in small
    letters) when it is its mailbox's own spelling (`home.validators.mailbox`), with a limit of
    its own as allauth counts it. Every other spelling of that mailbox ("name+1@", "name+2@"
    and, at Gmail, "n.ame@") counts in one limit for them all, `mailbox-variants:<mailbox>`
    (attack 39: each was a mailbox of its own), not in the owner's: strangers using up the
    spellings' limit never hold back her own emails (review of attack 39). Only the count: the
    email goes to the address as typed."""
    address = email.strip().lower()
    box = mailbox(address)
    return address if address == box else f"mailbox-variants:{box}"


def _window(period, now=None):
    return int((now or time.time()) // period)


def visitor_network(address):
    """What one visitor's limit counts: their IPv4 address, or the /64 network of their IPv6
    address (one connection holds a whole /64 and may use any address in it)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False))


def limit_exceeded(request, action, *, limit, period, by_address=False):
    """Counts this request of the visitor (their account, else their address) for `action`;
    whether they went over `limit` in the current `period`. Also before the middleware that
    finds the account: the address counts then. `by_address`: the address counts, logged in or
    not."""
    user = getattr(request, "user", None)
    if not by_address and user is not None and user.is_authenticated:
        who = f"user:{request.user.pk}"
    else:
        who = f"ip:{visitor_network(client_ip(request))}"
    key = f"ratelimit:{action}:{who}:{_window(period)}"
    cache.add(key, 0, period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr, or the cache keeps nothing just now
        cache.set(key, 1, period)
        count = 1
    return count is not None and count > limit


def seconds_to_wait(period, now=None):
    """Until the current window ends, when the next attempt counts afresh."""
    now = now or time.time()
    return max(1, math.ceil((_window(period, now) + 1) * period - now))


def rate_limit(action, *, limit, period=3600):
    """Answers 429 with an explanation once a member posts more than `limit` times a period."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and limit_exceeded(
                request, action, limit=limit, period=period
            ):
                return too_many_requests(request, seconds_to_wait(period))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def too_many_requests(request, seconds=None, searching=False, passwords=False, resets=False):
    """The 429 page, saying how long to wait when that is known; of searches, of a page's
    password (`passwords`; "document": a document's), of password resets (whose email may
    already have come), or of a form."""
    context = {
        "wait_minutes": None,
        "wait_seconds": None,
        "searching": searching,
        "passwords": passwords,
        "resets": resets,
    }
    if seconds and seconds > 90:
        context["wait_minutes"] = math.ceil(seconds / 60)
    elif seconds:
        context["wait_seconds"] = seconds
    response = render(request, "429.html", context, status=429)
    if seconds:
        response["Retry-After"] = str(seconds)
    return response


def allauth_seconds_to_wait(request, now=None, *, actions=None, keys=None):
    """How long until allauth lets this request through again: of each of its limits this visitor
    (address, member, or the email address in the form, and its spelling's: `mailbox_key`) has used
    up, the time until the oldest attempt in it expires; the longest of these. None when no
    used-up limit is found. Only of `actions` and the email addresses `keys`, when given."""
    from allauth.account import app_settings as account_settings
    from allauth.core.internal import ratelimit as allauth_ratelimit

    now = now or time.time()
    if keys is None:
        keys = {request.POST.get(name, "") for name in ("email", "login")}
    keys = {key.strip().lower() for key in keys} - {""}
    waits = []
    for action in actions or account_settings.RATE_LIMITS:
        counted = keys | {mailbox_key(key) for key in keys} if action in MAILBOX_ACTIONS else keys
        for rate in allauth_ratelimit.get_rates(app="allauth.account", action=action):
            if rate.per == "user" and not request.user.is_authenticated:
                continue
            for key in counted if rate.per == "key" else [None]:
                cache_key = allauth_ratelimit.get_cache_key(
                    request, app="allauth.account", action=action, rate=rate, key=key
                )
                history = [t for t in cache.get(cache_key) or [] if t > now - rate.duration]
                if len(history) >= rate.amount:
                    waits.append(math.ceil(min(history) + rate.duration - now))
    return max(waits) if waits else None


def handler429(request):
    """allauth's 429 (sign-up, login, password reset): our page, with the time to wait.
    jumelage/urls.py names it; allauth looks for `handler429` there."""
    match = request.resolver_match
    resets = match is not None and match.url_name == "account_reset_password"
    return too_many_requests(request, allauth_seconds_to_wait(request), resets=resets)


def counted_as_a_confirmation(view):
    """`view`, whose form checks the member's password (the password change's current password,
    the account deletion's), counting each form she sends against allauth's confirmation of the
    password (ACCOUNT_RATE_LIMITS' `reauthenticate`: 5 in five minutes, 20 a day), and refused
    with 429 once it is used up. Each form had a budget of its own (the change form allauth's 5
    a minute, the deletion 10 an hour), so whoever had a member's session guessed her password
    there thousands of times a day after the confirmation stopped him at five (attack 43)."""

    @wraps(view)
    def counted(request, *args, **kwargs):
        if request.method == "POST" and request.user.is_authenticated:
            refused = ratelimit.consume_or_429(request, action="reauthenticate", user=request.user)
            if refused is not None:
                return refused
        return view(request, *args, **kwargs)

    return counted
