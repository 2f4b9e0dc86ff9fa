"""Rate limits for the member forms (allauth limits sign-up and login itself).

Attempts are counted in the cache per member (or per address for visitors) and per time window,
so with several application servers the limits hold when REDIS_URL points them at one Redis."""

import time
from functools import wraps

from django.core.cache import cache
from django.shortcuts import render


def limit_exceeded(request, action, *, limit, period):
    who = (
        f"user:{request.user.pk}"
        if request.user.is_authenticated
        else f"ip:{request.META.get('REMOTE_ADDR', '')}"
    )
    key = f"ratelimit:{action}:{who}:{int(time.time() // period)}"
    cache.add(key, 0, period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, period)
        count = 1
    return count > limit


def rate_limit(action, *, limit, period=3600):
    """Answers 429 with an explanation once a member posts more than `limit` times a period."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and limit_exceeded(
                request, action, limit=limit, period=period
            ):
                return render(request, "429.html", {"minutes": period // 60}, status=429)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
