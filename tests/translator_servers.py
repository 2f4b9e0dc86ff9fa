"""LibreTranslate- and DeepL-compatible servers on loopback, for tests of the machine translators
(home/translators.py) over real HTTP.

Both "translate" deterministically: a small dictionary Dutch ↔ German, word by word, keeping the
case of a word's first letter; a text node with words but none the dictionary knows is marked
with the target language ("[de] Over ons"). In HTML, only the text between tags changes: tags and
their attributes come back as they were sent, like LibreTranslate's HTML mode and DeepL's
`tag_handling=xml`. Like real engines, the dictionary is eager with names: "Jumelage" and
"Steenwijkerland" come back translated unless a glossary protects them.

    with LibreTranslateServer() as server:
        ... LIBRETRANSLATE_URL = server.url ...
        server.asked                  # the `q` values received, one list per request
        server.fail_with = 503        # every request fails so until set back to None
        server.retry_after = 120      # ... with this Retry-After header
        server.error_message = "..."  # ... saying this instead of the usual words
        server.down()                 # connections are refused until server.up()
        server.trickle = 1.0          # the body of every answer comes a byte a second
        server.trickle_headers = True # ... and its status line and headers too
        server.huge = 5_000_000       # every answer's JSON is padded with that many spaces

They are context managers; pytest fixtures `libretranslate_server` and `deepl_server` (import
`libretranslate_server_fixture` or `deepl_server_fixture` into the test module); or started and
stopped by hand (`start()` in a TestCase's setUpClass, `stop()` in its tearDownClass).
`reset()` forgets the requests and failure modes between tests.
"""

import contextlib
import html
import io
import json
import re
import secrets
import threading
import time
from abc import ABC, abstractmethod
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

# `python -m tests.translator_servers` runs in a site's .venv, without the tests' tools.
try:
    import pytest
except ImportError:
    pytest = None

NL_DE = {
    "de": "der",
    "het": "das",
    "een": "ein",
    "en": "und",
    "wij": "wir",
    "koor": "Chor",
    "zingt": "singt",
    "zingen": "singen",
    "lied": "Lied",
    "in": "in",
    "met": "mit",
    "bij": "bei",
    "van": "von",
    "is": "ist",
    "welkom": "willkommen",
    "stichting": "Stiftung",
    "jumelage": "Partnerschaft",
    "steenwijkerland": "Steinwijkerland",
    "lees": "lies",
    "meer": "mehr",
}
DE_NL = {
    "der": "de",
    "die": "de",
    "das": "het",
    "ein": "een",
    "und": "en",
    "wir": "wij",
    "chor": "koor",
    "singt": "zingt",
    "singen": "zingen",
    "lied": "lied",
    "in": "in",
    "mit": "met",
    "bei": "bij",
    "von": "van",
    "ist": "is",
    "willkommen": "welkom",
    "stiftung": "stichting",
    "jumelage": "stedenband",
    "steenwijkerland": "Steenwijker Land",
    "lies": "lees",
    "mehr": "meer",
}
DICTIONARIES = {("nl", "de"): NL_DE, ("de", "nl"): DE_NL}
LANGUAGES = [
    {"code": "nl", "name": "Dutch", "targets": ["de", "nl"]},
    {"code": "de", "name": "German", "targets": ["de", "nl"]},
]
TAG = re.compile(r"(<[^>]*>)")


def _word(match, dictionary, known):
    word = match.group(0)
    translated = dictionary.get(word.lower())
    if translated is None:
        return word
    known.append(word)
    return translated[0].upper() + translated[1:] if word[0].isupper() else translated


def translate_text(text, source, target, glossary=()):
    """One text node: glossary terms (source, target) first, whole words, longest first; the
    other words through the dictionary. Marked "[target] " when it has words and none known."""
    dictionary = DICTIONARIES.get((source, target), {})
    known = []
    pieces = [text]
    if glossary:
        terms = sorted(dict(glossary).items(), key=lambda item: -len(item[0]))
        pattern = "|".join(re.escape(term) for term, _ in terms)
        pieces = re.split(rf"(?<!\w)({pattern})(?!\w)", text)
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            known.append(piece)
            out.append(dict(glossary)[piece])
        else:
            out.append(re.sub(r"\w+", lambda m: _word(m, dictionary, known), piece))
    result = "".join(out)
    if re.search(r"\w", text) and not known:
        return f"[{target}] {result}"
    return result


def translate_html(data, source, target, glossary=(), drop_empty_elements=False):
    """Only the text between tags, unescaped for translating and escaped again."""
    if drop_empty_elements:
        data = re.sub(r"<([\w-]+)[^>]*>\s*</\1>|<[\w-]+[^>]*/>", "", data)
    parts = TAG.split(data)
    for index in range(0, len(parts), 2):
        if parts[index]:
            text = html.unescape(parts[index])
            parts[index] = html.escape(translate_text(text, source, target, glossary), False)
    return "".join(parts)


class _Handler(BaseHTTPRequestHandler):
    fake = None  # the FakeServer, set per server

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.fake.handle(self, "GET")

    def do_POST(self):
        self.fake.handle(self, "POST")

    def do_DELETE(self):
        self.fake.handle(self, "DELETE")

    def body(self):
        """The request's fields: {name: [values]} from JSON or a form."""
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode() if length else ""
        if "json" in (self.headers.get("Content-Type") or ""):
            data = json.loads(raw or "{}")
            return {k: v if isinstance(v, list) else [v] for k, v in data.items()}, data
        return parse_qs(raw, keep_blank_values=True), None

    def reply(self, status, payload=None, headers=None):
        body = b"" if payload is None else json.dumps(payload).encode()
        if payload is not None and self.fake.huge:
            body += b" " * self.fake.huge
        wfile, self.wfile = self.wfile, io.BytesIO()
        try:
            self.send_response(status)
            if payload is not None:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            head = self.wfile.getvalue()
        finally:
            self.wfile = wfile
        if self.fake.trickle is None:
            with contextlib.suppress(ConnectionError):  # a client that stopped reading
                self.wfile.write(head + body)
            return
        if not self.fake.trickle_headers:
            self.wfile.write(head)
            self.wfile.flush()
            head = b""
        # Written by `trickle()` once the server's lock is released.
        self.slow = (head + body, self.fake.trickle)

    def trickle(self):
        """What `reply` held back, a byte at a time, until it is all sent or the client gone."""
        data, interval = getattr(self, "slow", (b"", 0))
        try:
            for index in range(len(data)):
                time.sleep(interval)
                self.wfile.write(data[index : index + 1])
                self.wfile.flush()
        except OSError:
            pass


class FakeServer(ABC):
    """A ThreadingHTTPServer on 127.0.0.1 (a free port chosen once, kept by `down()`/`up()`)
    in a daemon thread."""

    def __init__(self):
        self.port = 0
        self._httpd = None
        self._down = False
        self._lock = threading.Lock()
        self.reset()

    def reset(self):
        """Forgets the requests and every failure mode, `down()` included."""
        if self._down:
            self.up()
        self.requests = []
        self.fail_with = None
        self.retry_after = None
        self.error_message = None
        self.trickle = None
        self.trickle_headers = False
        self.huge = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        handler = type("Handler", (_Handler,), {"fake": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def down(self):
        """Refuses connections (nothing listens on the port) until `up()`."""
        self.stop()
        self._down = True

    def up(self):
        self._down = False
        if self._httpd is None:
            self.start()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    def handle(self, request, method):
        with self._lock:
            path = urlsplit(request.path).path
            self.requests.append((method, path))
            if self.fail_with:
                headers = {}
                if self.retry_after is not None:
                    headers["Retry-After"] = str(self.retry_after)
                payload = self.error(self.fail_with)
                if self.error_message is not None:
                    payload = dict.fromkeys(payload, self.error_message)
                request.reply(self.fail_with, payload, headers)
            else:
                self.route(request, method, path)
        request.trickle()

    @abstractmethod
    def error(self, status):
        """The JSON body of an error answer with `status`, as the service words it."""

    @abstractmethod
    def route(self, request, method, path):
        """Answers one request of the service's API."""


class LibreTranslateServer(FakeServer):
    """POST /translate and GET /languages of LibreTranslate. `api_key`: the key it requires
    (403 for another), None for none. `drop_empty_elements`: loses empty HTML elements, as a
    careless engine would; `rewrite`: a function applied to every translated text, to mangle it.
    `asked`: the `q` of every request, as a list."""

    def __init__(self, api_key=None):
        self.api_key = api_key
        super().__init__()

    def reset(self):
        super().reset()
        self.asked = []
        self.drop_empty_elements = False
        self.rewrite = None

    def error(self, status):
        messages = {
            429: "Too many request limits violations",
            403: "Invalid API key",
            503: "Service Unavailable",
        }
        return {"error": messages.get(status, f"Error {status}")}

    def route(self, request, method, path):
        if method == "GET" and path == "/languages":
            request.reply(200, LANGUAGES)
            return
        if method != "POST" or path != "/translate":
            request.reply(404, {"error": "Not Found"})
            return
        fields, data = request.body()
        if data is not None and "q" in data:
            q = data["q"]
        else:
            q = fields.get("q", [""])
            q = q[0] if len(q) == 1 else q
        self.asked.append(q if isinstance(q, list) else [q])
        key = (fields.get("api_key") or [""])[0]
        if self.api_key is not None and key != self.api_key:
            request.reply(403, self.error(403))
            return
        source = (fields.get("source") or [""])[0]
        target = (fields.get("target") or [""])[0]
        if not source or not target or source == "auto":
            request.reply(400, {"error": "Invalid request: missing source or target"})
            return
        html_mode = (fields.get("format") or ["text"])[0] == "html"

        def one(text):
            if html_mode:
                text = translate_html(
                    text, source, target, drop_empty_elements=self.drop_empty_elements
                )
            else:
                text = translate_text(text, source, target)
            return self.rewrite(text) if self.rewrite else text

        translated = [one(text) for text in q] if isinstance(q, list) else one(q)
        request.reply(200, {"translatedText": translated})


class DeepLServer(FakeServer):
    """DeepL's API v2: POST /v2/translate and the glossaries (POST, GET /v2/glossaries,
    DELETE /v2/glossaries/<id>). `auth_key`: the key it requires (403 for another);
    `character_limit`: characters it translates before answering 456; `glossaries`:
    {id: {"name", "source_lang", "target_lang", "entries": {source: target}}};
    `glossaries_created`: the names of the glossaries created, in order; `translated`: the
    `text` values of every translate request."""

    def __init__(self, auth_key="test-key"):
        self.auth_key = auth_key
        super().__init__()

    def reset(self):
        super().reset()
        self.character_limit = None
        self.character_count = 0
        self.glossaries = {}
        self.glossaries_created = []
        self.glossaries_deleted = []
        self.translated = []
        self.glossary_ids_used = []

    def error(self, status):
        messages = {
            403: "Authorization failure, check auth_key",
            429: "Too many requests",
            456: "Quota Exceeded",
        }
        return {"message": messages.get(status, "Internal error")}

    def route(self, request, method, path):
        if request.headers.get("Authorization") != f"DeepL-Auth-Key {self.auth_key}":
            request.reply(403, self.error(403))
            return
        if method == "POST" and path == "/v2/translate":
            self.translate(request)
        elif method == "POST" and path == "/v2/glossaries":
            self.create_glossary(request)
        elif method == "GET" and path == "/v2/glossaries":
            request.reply(200, {"glossaries": [self.describe(g) for g in self.glossaries]})
        elif method == "DELETE" and path.startswith("/v2/glossaries/"):
            glossary_id = path.rsplit("/", 1)[1]
            if self.glossaries.pop(glossary_id, None) is None:
                request.reply(404, {"message": "Glossary not found"})
                return
            self.glossaries_deleted.append(glossary_id)
            request.reply(204)
        else:
            request.reply(404, {"message": "Not found"})

    def describe(self, glossary_id):
        glossary = self.glossaries[glossary_id]
        return {
            "glossary_id": glossary_id,
            "name": glossary["name"],
            "ready": True,
            "source_lang": glossary["source_lang"],
            "target_lang": glossary["target_lang"],
            "creation_time": "2026-01-01T00:00:00.000000Z",
            "entry_count": len(glossary["entries"]),
        }

    def create_glossary(self, request):
        fields, _data = request.body()

        def field(name):
            return (fields.get(name) or [""])[0]

        if field("entries_format") not in ("", "tsv"):
            request.reply(400, {"message": "Unsupported entries format"})
            return
        entries = {}
        for line in field("entries").splitlines():
            if line.strip():
                source, _tab, target = line.partition("\t")
                if not source or not target:
                    request.reply(400, {"message": "Invalid glossary entries provided"})
                    return
                entries[source] = target
        if not field("name") or not entries:
            request.reply(400, {"message": "Invalid glossary"})
            return
        glossary_id = secrets.token_hex(8)
        self.glossaries[glossary_id] = {
            "name": field("name"),
            "source_lang": field("source_lang").lower(),
            "target_lang": field("target_lang").lower(),
            "entries": entries,
        }
        self.glossaries_created.append(field("name"))
        request.reply(201, self.describe(glossary_id))

    def translate(self, request):
        fields, _data = request.body()
        texts = fields.get("text") or []
        source = (fields.get("source_lang") or [""])[0].lower()
        target = (fields.get("target_lang") or [""])[0].lower()
        glossary_id = (fields.get("glossary_id") or [""])[0]
        self.translated.append(texts)
        if not texts or not target:
            request.reply(400, {"message": "Parameter 'text' or 'target_lang' not specified"})
            return
        glossary = ()
        if glossary_id:
            found = self.glossaries.get(glossary_id)
            if found is None:
                request.reply(404, {"message": "Glossary not found"})
                return
            if (found["source_lang"], found["target_lang"]) != (source, target):
                request.reply(400, {"message": "Glossary does not match the languages"})
                return
            glossary = tuple(found["entries"].items())
            self.glossary_ids_used.append(glossary_id)
        characters = sum(len(text) for text in texts)
        if self.character_limit is not None and (
            self.character_count + characters > self.character_limit
        ):
            request.reply(456, self.error(456))
            return
        self.character_count += characters
        xml = (fields.get("tag_handling") or [""])[0] in ("xml", "html")
        translations = [
            {
                "detected_source_language": (source or "nl").upper(),
                "text": translate_html(text, source, target, glossary)
                if xml
                else translate_text(text, source, target, glossary),
            }
            for text in texts
        ]
        request.reply(200, {"translations": translations})


if pytest is not None:

    @pytest.fixture(name="libretranslate_server")
    def libretranslate_server_fixture():
        with LibreTranslateServer() as server:
            yield server

    @pytest.fixture(name="deepl_server")
    def deepl_server_fixture():
        with DeepLServer() as server:
            yield server


def libretranslate_settings(server):
    """The site's LibreTranslate client pointed at `server` (override_settings)."""
    from django.test import override_settings

    return override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=libretranslate_config(server))


def libretranslate_config(server):
    return {
        "CLASS": "home.translators.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": server.url, "API_KEY": ""},
    }


class WithLibreTranslateServer:
    """A TestCase mixin: `cls.server`, a LibreTranslate-compatible server for the class's tests
    (`reset()` it in setUp when a test changes it)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = LibreTranslateServer().start()
        cls.addClassCleanup(cls.server.stop)


def main():
    """`python -m tests.translator_servers [port]`: the LibreTranslate-compatible server on its
    own, to try machine translation on a development site
    (`LIBRETRANSLATE_URL=http://127.0.0.1:5005 make run`). It translates a handful of words and
    marks the rest; it is no translator."""
    import sys
    import time

    server = LibreTranslateServer()
    server.port = int(sys.argv[1]) if len(sys.argv) > 1 else 5005
    server.start()
    sys.stdout.write(f"LibreTranslate-compatible test server on {server.url} (Ctrl+C stops it)\n")
    sys.stdout.flush()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
