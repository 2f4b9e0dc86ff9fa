"""The Redis cache backend of a site that outlives Redis.

While Redis cannot be reached, the cache behaves like Django's DummyCache, a cache that keeps
nothing: every read misses, every write is dropped, `add` succeeds and `incr` finds no key. So
pages keep serving (from the database), and every rate limit counted in the cache (ours in
home/ratelimit.py and allauth's, whose lock is a `cache.add`) lets the request through instead
of answering 500 or 429. An outage is logged once, as a warning, not as a traceback per call.

A Redis that stops answering without refusing connections (hung, swapping, a failover, a network
partition) costs each call its whole socket timeout, and a page makes dozens of calls: a circuit
breaker (`Breaker`, one per process and Redis, shared by its threads) stops asking after a call
that timed out or could not connect. For REDIS_RETRY_SECONDS the cache keeps nothing without
touching the network; then one call is let through to find out whether Redis is back, and the
others keep nothing until it has answered. Nothing served is ever stale for it: what the cache
does not answer is read from the database, where the versions of the content are
(home/cache.py), and what it does not store or delete while it keeps nothing is what a call that
timed out would not have stored or deleted either (the versions, live tokens and remembered
accounts Redis keeps meanwhile expire within CACHE_VERSION_SECONDS)."""

import logging
import socket
import threading
import time

from django.conf import settings
from django_redis.cache import RedisCache as DjangoRedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What a call that did not reach Redis raises (under django-redis's ConnectionInterrupted); an
# error Redis answered with (a wrong type) says Redis is there.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, socket.timeout, OSError)


class Breaker:
    """Whether calls to one Redis are made, for the whole process (Django makes a backend per
    thread). Closed, every call is made; after a call that did not reach Redis, open: no call
    is made for `retry_seconds`; then the first call is made (a probe) while the others are
    not, and its answer closes the breaker or opens it for another `retry_seconds`. The first
    failure of an outage is logged, as a warning; so is the end of it."""

    def __init__(self, location, retry_seconds):
        self.location = location
        self.retry_seconds = retry_seconds
        self.open_until = None  # None: closed
        self.probing = False
        self.lock = threading.Lock()

    def allows(self):
        """Whether a call may be made now (True for the one probe of an open breaker)."""
        if self.open_until is None:
            return True
        with self.lock:
            if self.open_until is None:
                return True
            if self.probing or time.monotonic() < self.open_until:
                return False
            self.probing = True
            return True

    def answered(self):
        if self.open_until is None:
            return
        with self.lock:
            if self.open_until is None:
                return
            self.open_until = None
            self.probing = False
        logger.warning(
            "Redis at %s answers again: the cache keeps what it is given.", self.location
        )

    def failed(self, error):
        with self.lock:
            starts = self.open_until is None
            self.open_until = time.monotonic() + self.retry_seconds
            self.probing = False
        if starts:
            logger.warning(
                "Redis at %s cannot be reached (%s): until it answers again, the cache keeps "
                "nothing and rate limits let every request through. It is asked again every "
                "%g s; further failures are not logged.",
                self.location,
                error,
                self.retry_seconds,
            )


class SkippedCall(RedisConnectionError):
    """A call not made while the breaker is open."""


# The calls of django-redis's client that ask Redis and answer at once. Not its `close` (which
# asks nothing: it must neither take the one call an open breaker lets through nor close it),
# `lock` (a lock that asks later) nor what makes keys or values.
ASKING = frozenset(
    {
        "get",
        "set",
        "add",
        "delete",
        "get_many",
        "set_many",
        "delete_many",
        "delete_pattern",
        "incr",
        "decr",
        "incr_version",
        "has_key",
        "touch",
        "ttl",
        "pttl",
        "expire",
        "pexpire",
        "expire_at",
        "pexpire_at",
        "persist",
        "keys",
        "clear",
    }
)


class GuardedClient:
    """django-redis's client, each call that asks Redis (ASKING) made only when the breaker
    allows it and telling the breaker how it went. A call not made raises
    ConnectionInterrupted, which the backend answers as a cache that keeps nothing, as for a
    call that failed."""

    def __init__(self, client, breaker):
        self._client = client
        self._breaker = breaker

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if name not in ASKING:
            return attribute
        breaker = self._breaker

        def call(*args, **kwargs):
            if not breaker.allows():
                raise ConnectionInterrupted(connection=None) from SkippedCall("circuit open")
            try:
                result = attribute(*args, **kwargs)
            except ConnectionInterrupted as error:
                if isinstance(error.__cause__, UNREACHABLE):
                    breaker.failed(error.__cause__)
                else:
                    breaker.answered()
                raise
            except BaseException:
                breaker.answered()
                raise
            breaker.answered()
            return result

        return call


_breakers = {}
_breakers_lock = threading.Lock()


class QuietLog:
    """Stands in for django-redis's logger of ignored exceptions, which it calls on every failed
    cache call: the breaker logs the outage, once."""

    def exception(self, *args, **kwargs):
        pass


class RedisCache(DjangoRedisCache):
    """django-redis with IGNORE_EXCEPTIONS, failing like a cache that keeps nothing, and not
    asking a Redis that did not answer for REDIS_RETRY_SECONDS (see the module's description).
    Without IGNORE_EXCEPTIONS it raises, as django-redis does."""

    def __init__(self, server, params):
        super().__init__(server, params)
        location = server.rsplit("@", 1)[-1]  # no password in the log
        retry_seconds = getattr(settings, "REDIS_RETRY_SECONDS", 5)
        with _breakers_lock:
            self.breaker = _breakers.setdefault(location, Breaker(location, retry_seconds))
        self.logger = QuietLog()
        self._log_ignored_exceptions = True

    @property
    def client(self):
        if self._client is None:
            self._client = GuardedClient(
                self._client_cls(self._server, self._params, self), self.breaker
            )
        return self._client

    def _unreachable(self, error):
        if not self._ignore_exceptions:
            raise error.__cause__  # noqa: B904 - as django-redis does

    def add(self, *args, **kwargs):
        try:
            return self.client.add(*args, **kwargs)
        except ConnectionInterrupted as error:
            self._unreachable(error)
            return True

    def incr(self, key, delta=1, version=None, *args, **kwargs):
        try:
            return self.client.incr(key, delta, version, *args, **kwargs)
        except ConnectionInterrupted as error:
            self._unreachable(error)
            raise ValueError(f"Key '{key}' not found (the cache cannot be reached)") from None

    def decr(self, key, delta=1, version=None, *args, **kwargs):
        try:
            return self.client.decr(key, delta, version, *args, **kwargs)
        except ConnectionInterrupted as error:
            self._unreachable(error)
            raise ValueError(f"Key '{key}' not found (the cache cannot be reached)") from None
