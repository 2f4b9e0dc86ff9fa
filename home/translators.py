"""The machine translators of the site: wagtail-localize's DeepL and LibreTranslate clients,
with the editors' glossary (home/machine_translation.py, `GlossaryTerm`) applied and the
translator's refusals raised as errors the background queue retries.

- Both keep wagtail-localize's interface (`translate(source_locale, target_locale, strings)`
  returns {StringValue: StringValue} in the order asked, `can_translate`, `display_name`), so
  the translation editor's "Translate" button uses them too. Neither sends a string without
  letters (an empty one, a number, a term alone): it comes back as it is.
- Whatever goes wrong is a `TranslatorUnavailable` (`QuotaExceeded` when the service says to
  wait), with a short message for editors: the dashboard shows it. It never holds the key, not
  even echoed encoded, in capitals or cut short (`_key_pattern`).
- A server is not trusted with our time or memory: each request ends at its TIMEOUT however
  slowly the answer comes (`_Deadline`), and an answer far larger than the question is refused.
- LibreTranslate has no glossaries: the terms are taken out before sending and put back after
  (`_protect`, `_restore`). A string whose placeholder came back lost or mangled is asked again
  as it is, without its terms protected: never a placeholder on a page.
- DeepL has glossaries: one per language pair and glossary content, kept on DeepL's side, made
  when the terms change (`DeepLTranslator.glossary_id`).
"""

import contextlib
import contextvars
import hashlib
import html
import json
import logging
import re
import socket
import threading
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import quote

import requests
from django.core.cache import cache
from django.utils.translation import gettext
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from wagtail_localize.machine_translators import deepl, libretranslate
from wagtail_localize.strings import StringValue

from .machine_translation import glossary_pairs

logger = logging.getLogger(__name__)

# Strings per request (DeepL's limit; LibreTranslate servers limit the size of a request too).
BATCH = 50
# How much of a server's own words an editor sees in an error.
REASON_LENGTH = 160
# The largest answer read: this many bytes and so many times the request's size. A translation
# is about as long as its text (twice, escaped); more is a server filling our memory.
ANSWER_BYTES = 256 * 1024
ANSWER_FACTOR = 20
TAG = re.compile(r"(<[^>]*>)")
LETTER = re.compile(r"[^\W\d_]")

# A glossary term is sent to LibreTranslate as an empty element of a name no HTML uses. Its HTML
# mode (translatehtml over argos-translate) translates the text nodes one by one and keeps every
# element; its tag injection, which moves elements by their translated text, gives up on an
# element without text. So the placeholder has nothing to translate and nothing to be moved by,
# where a `translate="no"` element holding the term could be moved, and a made-up word
# translated. The price: the text on either side of a term is translated as separate pieces.
PLACEHOLDER = '<x-g id="g{}"></x-g>'
PLACEHOLDER_BACK = re.compile(
    r"""<x-g\s+id\s*=\s*["']?g(\d+)["']?\s*(?:/>|>\s*</x-g\s*>)""", re.IGNORECASE
)
PLACEHOLDER_LEFT = re.compile(r"x-g", re.IGNORECASE)


class TranslatorUnavailable(Exception):
    """The translator could not be reached or refused; `retry_after`: seconds it asked us to
    wait, or None."""

    def __init__(self, message, retry_after=None):
        super().__init__(message)
        self.retry_after = retry_after


class QuotaExceeded(TranslatorUnavailable):
    """The translator's quota (characters per month, requests per minute) is used up."""


def retry_after(response):
    """Seconds from a Retry-After header (a number or an HTTP date), or None."""
    value = response.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return int(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0, int((when - datetime.now(UTC)).total_seconds()))


def has_letters(data):
    return bool(LETTER.search("".join(TAG.split(data)[::2])))


_current_deadline = contextvars.ContextVar("translator_deadline", default=None)


class _Deadline:
    """The time limit of a request as a whole, from connecting to the answer's last byte.
    `requests` counts its timeout per read, so a server sending a byte at a time could hold a
    request for ever: when the time is up, a timer shuts the sockets the request opened (its
    connections hand them over, `_Watched`), which ends the read that waits."""

    def __init__(self, seconds):
        self.timer = threading.Timer(seconds, self.expire)
        self.timer.daemon = True
        self.lock = threading.Lock()
        self.sockets = []
        self.expired = False

    def watch(self, sock):
        # A duplicate, because wrapping in TLS detaches the socket: shutting the duplicate
        # down ends the connection all the same.
        with self.lock:
            self.sockets.append(sock.dup())
        if self.expired:
            self.expire()

    def expire(self):
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self):
        self.token = _current_deadline.set(self)
        self.timer.start()
        return self

    def __exit__(self, *exc_info):
        self.timer.cancel()
        _current_deadline.reset(self.token)
        with self.lock:
            for sock in self.sockets:
                sock.close()
            self.sockets = []


class _Watched:
    """A connection that hands its socket to the current request's `_Deadline`."""

    def _new_conn(self):
        sock = super()._new_conn()
        if (deadline := _current_deadline.get()) is not None:
            deadline.watch(sock)
        return sock


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = type("WatchedHTTPConnection", (_Watched, HTTPConnection), {})


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = type("WatchedHTTPSConnection", (_Watched, HTTPSConnection), {})


class _WatchedAdapter(HTTPAdapter):
    """Connections watched by their request's `_Deadline`, directly or through an HTTP proxy."""

    pools = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = self.pools

    def proxy_manager_for(self, proxy, **proxy_kwargs):
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = self.pools
        return manager


def _key_pattern(key):
    """A regex of `key` as a server may echo it, in any case: each character as it is,
    percent-encoded (`quote`, `quote_plus`) or as an HTML character reference, "+" as a space,
    "/" escaped as JSON may; for a key of 8 characters or more also any leading part of 6 or
    more (a server that cuts it short). None for a key too short to be told from words."""
    if len(key) < 4:
        return None
    units = []
    for char in key:
        forms = {char, quote(char, safe=""), html.escape(char), f"&#{ord(char)};"}
        forms |= {f"&#x{ord(char):x};", "".join(f"%{byte:02x}" for byte in char.encode())}
        forms |= {"+": {" "}, "/": {"\\/"}}.get(char, set())
        units.append("(?:{})".format("|".join(map(re.escape, sorted(forms, key=len)[::-1]))))
    if len(units) < 8:
        return re.compile("".join(units), re.IGNORECASE)
    tail = ""
    for unit in reversed(units[6:]):
        tail = f"(?:{unit}{tail})?"
    return re.compile("".join(units[:6]) + tail, re.IGNORECASE)


class ServiceClient:
    """What both translators share: requests whose failures become TranslatorUnavailable."""

    key_option = ""

    def timeout(self):
        return float(self.options.get("TIMEOUT", 30))

    def fail(self, message, kind=TranslatorUnavailable, retry_after=None, **values):
        """An error whose `message` (translated with gettext where it is written) editors read."""
        return kind(message % {"service": self.display_name, **values}, retry_after=retry_after)

    def request(self, method, url, *, allow=(), **kwargs):
        """The response, its body read whole within the time limit and the size limit."""
        seconds = self.timeout()
        deadline = _Deadline(seconds)
        try:
            with deadline, requests.Session() as session:
                session.mount("http://", _WatchedAdapter())
                session.mount("https://", _WatchedAdapter())
                prepared = session.prepare_request(requests.Request(method, url, **kwargs))
                limit = ANSWER_BYTES + ANSWER_FACTOR * len(prepared.body or b"")
                settings = session.merge_environment_settings(
                    prepared.url, proxies={}, stream=True, verify=None, cert=None
                )
                with session.send(prepared, timeout=seconds, **settings) as response:
                    self.read_body(response, limit)
        except requests.RequestException as error:
            if deadline.expired or isinstance(error, requests.Timeout):
                raise self.fail(gettext("%(service)s did not answer in time.")) from error
            raise self.fail(gettext("%(service)s could not be reached.")) from error
        if response.status_code >= 400 and response.status_code not in allow:
            raise self.error_for(response)
        return response

    def read_body(self, response, limit):
        """`response`'s body, up to `limit` bytes, kept where `response.json()` finds it."""
        too_large = gettext("%(service)s gave an answer far too large.")
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > limit:
            raise self.fail(too_large)
        chunks, size = [], 0
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > limit:
                raise self.fail(too_large)
            chunks.append(chunk)
        response._content = b"".join(chunks)

    def read(self, response, key, count=None):
        """`response`'s JSON `key`, a list of `count` items when given."""
        try:
            value = response.json()[key]
        except (ValueError, KeyError, TypeError):
            value = None
        if value is None or (count is not None and not _list_of(value, count)):
            raise self.fail(gettext("%(service)s gave an answer that could not be read."))
        return value

    def reason(self, response):
        """What the server said, short, without the key."""
        try:
            payload = response.json()
        except ValueError:
            payload = None
        if isinstance(payload, dict):
            text = payload.get("error") or payload.get("message") or payload.get("detail")
        else:
            text = response.text
        text = " ".join(str(text or response.reason or "").split())
        if pattern := _key_pattern(self.options.get(self.key_option) or ""):
            text = pattern.sub("…", text)
        if len(text) > REASON_LENGTH:
            text = text[: REASON_LENGTH - 1] + "…"
        return text

    def error_for(self, response):
        status = response.status_code
        if status == 429:
            return self.fail(
                gettext("%(service)s asks us to wait: too many requests."),
                QuotaExceeded,
                retry_after(response),
            )
        if status >= 500:
            message = gettext("%(service)s is not working at the moment (error %(status)s).")
            return self.fail(message, status=status)
        return self.fail(
            gettext("%(service)s refused the request (error %(status)s): %(reason)s"),
            status=status,
            reason=self.reason(response),
        )

    def quota_exceeded(self, response):
        message = gettext("The %(service)s quota is used up.")
        return self.fail(message, QuotaExceeded, retry_after(response))

    def translate(self, source_locale, target_locale, strings):
        """Every string with letters translated in batches; the others as they are."""
        answers = {string: StringValue(string.data) for string in strings}
        wanted = [string for string in answers if has_letters(string.data)]
        for start in range(0, len(wanted), BATCH):
            batch = wanted[start : start + BATCH]
            translated = self.translate_batch(source_locale, target_locale, batch)
            answers.update(zip(batch, translated, strict=True))
        return answers


def _list_of(value, count):
    return (
        isinstance(value, list)
        and len(value) == count
        and all(isinstance(item, str | dict) for item in value)
    )


class LibreTranslator(ServiceClient, libretranslate.LibreTranslator):
    """LibreTranslate, with the glossary's terms kept out of its reach."""

    key_option = "API_KEY"

    def timeout(self):
        return float(self.options.get("TIMEOUT", 10))

    def error_for(self, response):
        # LibreTranslate answers 403 both for a wrong key and for a key over its limits.
        if response.status_code == 403:
            if re.search(r"quota|limit", self.reason(response), re.IGNORECASE):
                return self.quota_exceeded(response)
            return self.fail(gettext("%(service)s refused the key."))
        return super().error_for(response)

    def translate_batch(self, source_locale, target_locale, strings):
        pairs = glossary_pairs(source_locale.language_code, target_locale.language_code)
        pattern, targets = _term_pattern(pairs)
        protected = [_protect(string.data, pattern, targets) for string in strings]
        answers = [None] * len(strings)
        to_send = []
        for index, (data, terms) in enumerate(protected):
            if has_letters(data):
                to_send.append(index)
            else:  # nothing but terms: nothing to ask
                answers[index] = _restore(data, terms, strings[index].data)
        sent = self.ask(source_locale, target_locale, [protected[i][0] for i in to_send])
        lost = []
        for index, translated in zip(to_send, sent, strict=True):
            answers[index] = _restore(translated, protected[index][1], strings[index].data)
            if answers[index] is None:
                lost.append(index)
        if lost:
            # The translator lost or mangled a placeholder: the string translated again as it
            # is, without its glossary terms protected, rather than a placeholder on the page.
            logger.warning("LibreTranslate lost glossary placeholders in %d string(s)", len(lost))
            again = self.ask(source_locale, target_locale, [strings[i].data for i in lost])
            for index, translated in zip(lost, again, strict=True):
                answers[index] = translated
        return [StringValue(answer) for answer in answers]

    def ask(self, source_locale, target_locale, texts):
        if not texts:
            return []
        response = self.request(
            "POST",
            self.get_api_endpoint().rstrip("/") + "/translate",
            data=json.dumps(
                {
                    "q": texts,
                    "source": self.language_code(source_locale.language_code),
                    "target": self.language_code(target_locale.language_code),
                    "api_key": self.options.get("API_KEY", ""),
                    "format": "html",
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        translated = self.read(response, "translatedText", count=len(texts))
        if not all(isinstance(text, str) for text in translated):
            raise self.fail(gettext("%(service)s gave an answer that could not be read."))
        return translated


def _term_pattern(pairs):
    """One regex of every source term as it may stand in wagtail-localize's HTML (its text is
    escaped), whole words, longest first; and {as written: target term}."""
    targets = {}
    for source, target in pairs:
        for written in (source, html.escape(source, False), html.escape(source)):
            targets.setdefault(written, target)
    if not targets:
        return None, targets
    alternatives = sorted(targets, key=len, reverse=True)
    # Never inside a character reference ("amp" in "&amp;", "39" in "&#39;"), nor ending on
    # the "&" that starts one.
    pattern = re.compile(
        r"(?<![\w&])(?<!&#)(?:{})(?!\w)(?!(?<=&)#)".format("|".join(map(re.escape, alternatives)))
    )
    return pattern, targets


def _protect(data, pattern, targets):
    """`data` with every term in its text (never in a tag) replaced by a placeholder; and the
    target terms, by placeholder number."""
    used = []
    if pattern is None:
        return data, used

    def placeholder(match):
        used.append(targets[match.group(0)])
        return PLACEHOLDER.format(len(used) - 1)

    parts = TAG.split(data)
    for index in range(0, len(parts), 2):
        parts[index] = pattern.sub(placeholder, parts[index])
    return "".join(parts), used


def _restore(translated, terms, original=""):
    """The translation with each placeholder replaced by its target term; None when one is
    missing, doubled or mangled (any "x-g" left that `original` did not have)."""
    if not terms:
        return translated
    found = []

    def term(match):
        number = int(match.group(1))
        found.append(number)
        return html.escape(terms[number], False) if number < len(terms) else match.group(0)

    restored = PLACEHOLDER_BACK.sub(term, translated)
    left = len(PLACEHOLDER_LEFT.findall(restored)) > len(PLACEHOLDER_LEFT.findall(original))
    if left or sorted(found) != list(range(len(terms))):
        return None
    return restored


class DeepLTranslator(ServiceClient, deepl.DeepLTranslator):
    """DeepL, with the glossary as a DeepL glossary."""

    key_option = "AUTH_KEY"
    # A day; a glossary deleted meanwhile is noticed by DeepL's 404 and made again.
    GLOSSARY_CACHE_SECONDS = 24 * 3600

    def base_url(self):
        url = (self.options.get("API_URL") or "").rstrip("/")
        if url:
            return url.removesuffix("/v2")
        if self.options.get("AUTH_KEY", "").endswith(":fx"):
            return "https://api-free.deepl.com"
        return "https://api.deepl.com"

    def get_api_endpoint(self):
        return self.base_url() + "/v2/translate"

    def error_for(self, response):
        if response.status_code == 456:
            return self.quota_exceeded(response)
        if response.status_code == 403:
            return self.fail(gettext("%(service)s refused the key."))
        return super().error_for(response)

    def translate_batch(self, source_locale, target_locale, strings):
        parameters = self.get_parameters(source_locale, target_locale, strings)
        source, target = source_locale.language_code, target_locale.language_code
        glossary_id = self.glossary_id(source, target)
        if glossary_id:
            parameters["glossary_id"] = glossary_id
        response = self.post_translate(parameters)
        if response.status_code == 404 and glossary_id:
            # Deleted on DeepL's side since we cached it: made again.
            parameters["glossary_id"] = self.glossary_id(source, target, cached=False)
            response = self.post_translate(parameters)
        if response.status_code == 404:
            raise self.error_for(response)
        translations = self.read(response, "translations", count=len(strings))
        if not all(isinstance(item.get("text"), str) for item in translations):
            raise self.fail(gettext("%(service)s gave an answer that could not be read."))
        return [StringValue(item["text"]) for item in translations]

    def post_translate(self, parameters):
        return self.request(
            "POST",
            self.get_api_endpoint(),
            data=parameters,
            headers=self.get_headers(),
            allow=(404,),
        )

    def glossary_id(self, source, target, cached=True):
        """The id of the DeepL glossary of the current terms from `source` to `target` (language
        codes), made when missing; None without terms. DeepL's glossaries cannot be changed:
        each content has its own, named by its hash, and the older ones are deleted."""
        source = deepl.language_code(source).lower()
        target = deepl.language_code(target, is_target=True).split("-")[0].lower()
        entries = [
            (term.strip(), translated.strip())
            for term, translated in glossary_pairs(source, target)
            if not re.search(r"[\t\r\n]", term + translated) and term.strip() and translated.strip()
        ]
        if not entries:
            return None
        tsv = "\n".join(f"{term}\t{translated}" for term, translated in entries)
        prefix = f"jumelage-{source}-{target}-"
        name = prefix + hashlib.sha256(tsv.encode()).hexdigest()[:12]
        account = hashlib.sha256(
            f"{self.base_url()} {self.options.get('AUTH_KEY', '')}".encode()
        ).hexdigest()[:12]
        cache_key = f"deepl-glossary:{account}:{name}"
        if cached and (found := cache.get(cache_key)):
            return found
        url = self.base_url() + "/v2/glossaries"
        listed = self.read(self.request("GET", url, headers=self.get_headers()), "glossaries")
        listed = [item for item in listed if isinstance(item, dict)]
        found = next((item.get("glossary_id") for item in listed if item.get("name") == name), None)
        if not found:
            created = self.request(
                "POST",
                url,
                json={
                    "name": name,
                    "source_lang": source,
                    "target_lang": target,
                    "entries": tsv,
                    "entries_format": "tsv",
                },
                headers=self.get_headers(),
            )
            found = self.read(created, "glossary_id")
        for item in listed:
            old = item.get("name") or ""
            if old.startswith(prefix) and old != name and item.get("glossary_id"):
                try:
                    self.request(
                        "DELETE",
                        f"{url}/{item['glossary_id']}",
                        headers=self.get_headers(),
                        allow=(404,),
                    )
                except TranslatorUnavailable as error:
                    logger.warning("An old DeepL glossary %s stays: %s", old, error)
        cache.set(cache_key, found, self.GLOSSARY_CACHE_SECONDS)
        return found
