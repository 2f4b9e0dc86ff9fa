"""A Redis that stops answering (hung, not refusing connections) costs a process one timeout,
then nothing for REDIS_RETRY_SECONDS: the cache keeps nothing meanwhile, without asking Redis,
then one call finds out whether it is back (home/redis_cache.py, attack 29, F6). Rehearsed with
the system's redis-server, stopped with SIGSTOP and continued with SIGCONT."""

import logging
import signal
import threading
import time

from django.core.cache import caches
from django.test import override_settings

from tests.security.test_outages import redis_server  # noqa: F401 - a fixture

TIMEOUT = 0.2
RETRY = 0.6


def redis_cache(port):
    return {
        "default": {
            "BACKEND": "home.redis_cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": TIMEOUT,
                "SOCKET_TIMEOUT": TIMEOUT,
            },
        }
    }


def timed(call):
    started = time.monotonic()
    value = call()
    return value, time.monotonic() - started


def test_a_hung_redis_costs_one_timeout_then_is_asked_once_in_a_while(redis_server, caplog):  # noqa: F811
    port, redis = redis_server
    with override_settings(CACHES=redis_cache(port), REDIS_RETRY_SECONDS=RETRY):
        cache = caches["default"]
        cache.set("greeting", "hallo", 60)
        assert cache.get("greeting") == "hallo"
        redis.send_signal(signal.SIGSTOP)
        try:
            with caplog.at_level(logging.WARNING, logger="home.redis_cache"):
                _, first = timed(lambda: cache.get("greeting"))
                # Dozens of calls, as a page makes: none waits, each keeps nothing.
                answers, rest = timed(
                    lambda: [
                        (cache.get("greeting", "none"), cache.set("x", 1), cache.add("y", 1))
                        for _ in range(30)
                    ]
                )
                assert answers == [("none", None, True)] * 30
                assert rest < TIMEOUT
                assert first >= TIMEOUT
                # The end of a request closes the cache, which asks nothing: nor is it an answer.
                cache.close()
                assert timed(lambda: cache.get("greeting"))[1] < TIMEOUT
                # Once REDIS_RETRY_SECONDS passed, threads asking at once: one asks Redis,
                # the others keep nothing at once.
                time.sleep(RETRY + 0.05)
                cache.close()
                took = []

                def ask():
                    took.append(timed(lambda: cache.get("greeting", "none"))[1])

                threads = [threading.Thread(target=ask) for _ in range(6)]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                assert sum(seconds >= TIMEOUT for seconds in took) == 1, took
        finally:
            redis.send_signal(signal.SIGCONT)
        time.sleep(RETRY + 0.05)
        with caplog.at_level(logging.WARNING, logger="home.redis_cache"):
            # Back: the first call after REDIS_RETRY_SECONDS finds it, and it keeps again.
            assert cache.get("greeting") == "hallo"
            cache.set("greeting", "weer hallo", 60)
            assert cache.get("greeting") == "weer hallo"
    warnings = [record.getMessage() for record in caplog.records]
    assert sum("cannot be reached" in message for message in warnings) == 1, warnings
    assert sum("answers again:" in message for message in warnings) == 1, warnings
