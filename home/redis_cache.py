"""The Redis cache backend of a site that outlives Redis.

While Redis cannot be reached, the cache behaves like Django's DummyCache, a cache that keeps
nothing: every read misses, every write is dropped, `add` succeeds and `incr` finds no key. So
pages keep serving (from the database), and every rate limit counted in the cache (ours in
home/ratelimit.py and allauth's, whose lock is a `cache.add`) lets the request through instead
of answering 500 or 429. An outage is logged once, as a warning, not as a traceback per call."""

import logging
import sys
import threading
import time

from django_redis.cache import RedisCache as DjangoRedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)


class OutageLog:
    """Stands in for django-redis's logger of ignored exceptions, which it calls on every failed
    cache call: one warning when Redis stops answering. The outage is over, and the next failure
    warns again, once `quiet_seconds` pass without a failure."""

    def __init__(self, location, quiet_seconds=60):
        self.location = location
        self.quiet_seconds = quiet_seconds
        self.last_failure = None
        self.lock = threading.Lock()

    def exception(self, *args, **kwargs):
        error = sys.exc_info()[1]
        cause = getattr(error, "__cause__", None) or error
        now = time.monotonic()
        with self.lock:
            starts = self.last_failure is None or now - self.last_failure > self.quiet_seconds
            self.last_failure = now
        if starts:
            logger.warning(
                "Redis at %s cannot be reached (%s): until it answers again, the cache keeps "
                "nothing and rate limits let every request through. Further failures are not "
                "logged until none has occurred for %d s.",
                self.location,
                cause,
                self.quiet_seconds,
            )


_outage_logs = {}
_outage_logs_lock = threading.Lock()


class RedisCache(DjangoRedisCache):
    """django-redis with IGNORE_EXCEPTIONS, failing like a cache that keeps nothing (see the
    module's description). Without IGNORE_EXCEPTIONS it raises, as django-redis does."""

    def __init__(self, server, params):
        super().__init__(server, params)
        location = server.rsplit("@", 1)[-1]  # no password in the log
        # Django makes a backend per thread; an outage is one for the whole process.
        with _outage_logs_lock:
            self.logger = _outage_logs.setdefault(location, OutageLog(location))
        self._log_ignored_exceptions = True

    def _unreachable(self, error):
        if not self._ignore_exceptions:
            raise error.__cause__  # noqa: B904 - as django-redis does
        self.logger.exception("Exception ignored")

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
