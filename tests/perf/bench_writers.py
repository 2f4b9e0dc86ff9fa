"""Members writing while `make bench` measures: each writer is a logged-in member who, once a
second, joins or leaves a sector community or registers for a meeting or cancels, through the
site's forms as a browser sends them. What a member does must not empty what anonymous visitors
get from the cache (issue 14); the "writes" phase of the bench measures that.

A writer takes the next member's session every ROTATE writes: a member may join a sector only
so often an hour (home.ratelimit), and a bench phase lasts longer than that allows one member."""

import itertools
import re
import threading
import time

import requests

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ROTATE = 8
TIMEOUT = 30


class Writer(threading.Thread):
    def __init__(self, base, members, sessions, interval, stop):
        super().__init__(daemon=True)
        self.base = base
        self.members = members
        self.sessions = sessions
        self.interval = interval
        self.stop = stop
        self.origin = base.replace("http://", "https://")
        self.statuses = {}
        self.http = None
        self.token = None

    def log_in_as(self, session_key):
        self.http = requests.Session()
        self.http.headers.update({"X-Forwarded-Proto": "https", "User-Agent": "jumelage-bench"})
        self.http.cookies.set(self.members["cookie"], session_key)
        page = self.http.get(self.base + self.members["urls"]["sector"], timeout=TIMEOUT)
        found = CSRF_FIELD.search(page.text)
        self.token = found[1] if found else None
        # The server believes it is behind a TLS proxy and marks its cookies Secure; this client
        # stands in for that proxy on loopback, so it keeps sending them over plain HTTP.
        for cookie in self.http.cookies:
            cookie.secure = False

    def write(self, action):
        urls = self.members["urls"]
        path = urls[action]
        try:
            answer = self.http.post(
                self.base + path,
                data={"csrfmiddlewaretoken": self.token},
                headers={"Origin": self.origin, "Referer": self.origin + urls["sector"]},
                allow_redirects=False,
                timeout=TIMEOUT,
            )
            status = answer.status_code
        except requests.RequestException:
            status = None
        key = f"{action} {status}"
        self.statuses[key] = self.statuses.get(key, 0) + 1

    def run(self):
        actions = itertools.cycle(("join", "register", "leave", "cancel"))
        sessions = itertools.cycle(self.sessions)
        next_at = time.monotonic()
        for count in itertools.count():
            if self.stop.is_set():
                return
            if count % ROTATE == 0:
                self.log_in_as(next(sessions))
            self.write(next(actions))
            next_at += self.interval
            self.stop.wait(max(0.0, next_at - time.monotonic()))


class Writers:
    """`count` writers, each writing once every `interval` seconds, while the block runs."""

    def __init__(self, base, members, count=2, interval=1.0):
        self.stop = threading.Event()
        sessions = members["sessions"]
        self.writers = [
            Writer(base, members, sessions[number::count], interval, self.stop)
            for number in range(count)
        ]

    def __enter__(self):
        for writer in self.writers:
            writer.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for writer in self.writers:
            writer.join(timeout=TIMEOUT)

    def statuses(self):
        total = {}
        for writer in self.writers:
            for key, count in writer.statuses.items():
                total[key] = total.get(key, 0) + count
        return dict(sorted(total.items()))
