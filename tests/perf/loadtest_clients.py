"""The load: visitors reading the site and members who log in, post stories and meeting
proposals, and race for the last places of a meeting. Every request and every contribution is
written down with what the server answered, for the report to compare with the database."""

import random
import re
import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta

import requests

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STYLESHEET = re.compile(r'<link rel="stylesheet" href="(/static/[^"]+)"')
TIMEOUT = 30


@dataclass
class Outcome:
    kind: str
    started: float
    ended: float
    status: int | None
    error: str | None
    db: bool = True


@dataclass
class Sent:
    """One contribution a member sent, and whether the app said it was saved."""

    title: str
    saved: bool
    error: str | None


def error_kind(status):
    """None for an answer that is not an error; a connection refused, reset or timed out is
    "connection"."""
    if status is None:
        return "connection"
    if status == 429:
        return "429"
    if status >= 500:
        return "5xx"
    if status >= 400:
        return "4xx"
    return None


class Ledger:
    """Everything the clients saw; appended to by many threads."""

    def __init__(self, start):
        self.start = start
        self.lock = threading.Lock()
        self.outcomes = []
        self.sent = []
        self.notes = []

    def now(self):
        return time.monotonic() - self.start

    def add(self, outcome):
        with self.lock:
            self.outcomes.append(outcome)

    def add_sent(self, sent):
        with self.lock:
            self.sent.append(sent)

    def note(self, text):
        with self.lock:
            self.notes.append(f"{self.now():7.2f}s {text}")


class Client:
    """A browser: its own cookies and connection, the headers a TLS proxy and a browser add."""

    def __init__(self, number, base, ledger, seed):
        self.number = number
        self.base = base
        self.ledger = ledger
        self.random = random.Random(seed)
        self.http = requests.Session()
        self.http.headers.update({"X-Forwarded-Proto": "https", "User-Agent": "jumelage-loadtest"})
        # What the browser believes it talks to: the site over HTTPS, as Django's CSRF check
        # compares Origin and Referer with it.
        self.origin = base.replace("http://", "https://")

    def request(self, kind, method, path, *, data=None, db=True, redirect_to=None):
        """One request, recorded. Returns the response (None when the connection failed) and
        the kind of error, if any: a form sent back with errors, or a redirect elsewhere than
        `redirect_to`, is an error too."""
        started = self.ledger.now()
        headers = (
            {"Origin": self.origin, "Referer": f"{self.origin}{path}"} if method == "POST" else {}
        )
        try:
            response = self.http.request(
                method,
                f"{self.base}{path}",
                data=data,
                headers=headers,
                allow_redirects=False,
                timeout=TIMEOUT,
            )
        except requests.RequestException:
            response = None
        # The server believes it is behind a TLS proxy and marks its cookies Secure; this client
        # stands in for that proxy on loopback, so it keeps sending them over plain HTTP.
        for cookie in self.http.cookies:
            cookie.secure = False
        status = response.status_code if response is not None else None
        error = error_kind(status)
        if error is None and method == "POST":
            location = response.headers.get("Location", "")
            if status == 200:
                error = "form"
            elif redirect_to and not location.endswith(redirect_to):
                error = "redirect"
        self.ledger.add(Outcome(kind, started, self.ledger.now(), status, error, db))
        return response, error

    def csrf_from(self, kind, path):
        response, error = self.request(kind, "GET", path)
        if error or response.status_code != 200:
            return None
        found = CSRF_FIELD.search(response.text)
        return found.group(1) if found else None

    def pause(self, stop, seconds):
        stop.wait(self.random.uniform(0, seconds))


class Visitor(Client):
    def run(self, stop, reading, think):
        while not stop.is_set():
            kind, path = self.random.choice(reading)
            self.request(kind, "GET", path, db=kind != "static")
            self.pause(stop, think)


class Member(Client):
    """Logs in as the next free member of the pool, registers for the nearly full meeting (and
    now and then cancels), and posts contributions until near the member's rate limit; then
    logs out and continues as the next member."""

    def __init__(self, number, base, ledger, seed, *, plan):
        super().__init__(number, base, ledger, seed)
        self.plan = plan
        self.sequence = 0

    def run(self, stop, reading, think):
        while not stop.is_set():
            email = self.plan.next_member()
            if email is None:
                self.ledger.note(f"client {self.number}: member pool used up; only reading now")
                Visitor.run(self, stop, reading, think)
                return
            if not self.log_in(stop, email):
                continue
            self.register(stop)
            posts = 0
            # About one member in four gives the place back, so waiting members move up while
            # others are still registering.
            cancel_after = self.random.randint(1, self.plan.posts_per_member * 4)
            while not stop.is_set() and posts < self.plan.posts_per_member:
                if self.random.random() < 0.5:
                    kind, path = self.random.choice(reading)
                    self.request(kind, "GET", path, db=kind != "static")
                else:
                    self.contribute()
                    posts += 1
                    if posts == cancel_after:
                        self.cancel()
                self.pause(stop, think)
            self.log_out()

    def log_in(self, stop, email):
        """Through allauth's form, as a person would; retried while the server cannot answer."""
        path = "/nl/accounts/login/"
        while not stop.is_set():
            token = self.csrf_from("login", path)
            if token:
                _response, error = self.request(
                    "login",
                    "POST",
                    path,
                    data={
                        "csrfmiddlewaretoken": token,
                        "login": email,
                        "password": self.plan.password,
                    },
                    redirect_to="/nl/members/",
                )
                if error is None:
                    return True
                if error == "429":
                    stop.wait(10)
                    continue
            stop.wait(0.5)
        return False

    def log_out(self):
        token = self.csrf_from("member_area", "/nl/members/")
        if token:
            self.request(
                "logout", "POST", "/nl/accounts/logout/", data={"csrfmiddlewaretoken": token}
            )
        self.http.cookies.clear()

    def register(self, stop):
        meeting = self.plan.meeting
        for _attempt in range(20):
            token = self.csrf_from("meeting", meeting["path"])
            if token:
                _response, error = self.request(
                    "register",
                    "POST",
                    f"/nl/meetings/{meeting['id']}/register/",
                    data={"csrfmiddlewaretoken": token},
                    redirect_to=meeting["path"],
                )
                if error is None:
                    return
            if stop.wait(0.5):
                return

    def cancel(self):
        meeting = self.plan.meeting
        token = self.csrf_from("meeting", meeting["path"])
        if token:
            self.request(
                "cancel",
                "POST",
                f"/nl/meetings/{meeting['id']}/cancel/",
                data={"csrfmiddlewaretoken": token},
            )

    def contribute(self):
        """Writes a story (or now and then a meeting proposal) and sends it to the editors."""
        story = self.random.random() < 0.8
        path = "/nl/members/stories/new/" if story else "/nl/members/meetings/new/"
        token = self.csrf_from("contribution_form", path)
        if not token:
            return
        self.sequence += 1
        title = f"{self.plan.title_prefix} c{self.number:02d} n{self.sequence:04d}"
        data = {
            "csrfmiddlewaretoken": token,
            "title": title,
            "intro": "Een verhaal uit de belastingtest, om te zien of niets verloren gaat.",
            "body": "Eerste alinea.\n\nTweede alinea met wat meer tekst.",
            "sector": self.random.choice(["", *self.plan.sectors]),
            "language": self.random.choice(["nl", "de"]),
            "photos-TOTAL_FORMS": "3",
            "photos-INITIAL_FORMS": "0",
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "10",
            "submit": "1",
        }
        if story:
            data["date"] = (date.today() - timedelta(days=self.random.randint(1, 300))).isoformat()
            data["towns"] = self.random.sample(self.plan.towns, k=1)
        else:
            start = date.today() + timedelta(days=self.random.randint(10, 90))
            data.update(
                start=f"{start.isoformat()}T19:30",
                end=f"{start.isoformat()}T21:00",
                format="online",
                online_url="https://meet.example/belastingtest",
                spoken_language="nl-de",
            )
        _response, error = self.request(
            "contribute", "POST", path, data=data, redirect_to="/nl/members/"
        )
        self.ledger.add_sent(Sent(title, error is None, error))


class MemberPlan:
    """What the member clients share: the pool of accounts and the meeting they race for."""

    def __init__(self, members, password, meeting, sectors, towns, title_prefix, posts_per_member):
        self.members = list(members)
        self.password = password
        self.meeting = meeting
        self.sectors = sectors
        self.towns = towns
        self.title_prefix = title_prefix
        self.posts_per_member = posts_per_member
        self.lock = threading.Lock()

    def next_member(self):
        with self.lock:
            return self.members.pop(0) if self.members else None


def warm_up(base, reading):
    """Reads every address once before the clock starts, as a site in service has had its
    image renditions made long ago. Returns the addresses that did not answer 200."""
    failed = []
    with requests.Session() as http:
        for _kind, path in reading:
            try:
                response = http.get(
                    f"{base}{path}", headers={"X-Forwarded-Proto": "https"}, timeout=120
                )
                if response.status_code != 200:
                    failed.append(f"{path}: {response.status_code}")
            except requests.RequestException as error:
                failed.append(f"{path}: {error}")
    return failed


def stylesheet_path(base):
    """The hashed stylesheet the home page links to: static files must be served too."""
    response = requests.get(f"{base}/nl/", headers={"X-Forwarded-Proto": "https"}, timeout=TIMEOUT)
    response.raise_for_status()
    found = STYLESHEET.search(response.text)
    if not found:
        raise RuntimeError("The home page links no stylesheet under /static/.")
    return found.group(1)
