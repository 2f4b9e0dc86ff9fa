"""The one helper that turns a path into an absolute URL."""

import re
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import urlsplit

from allauth.core import context as allauth_context
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from django.urls import translate_url
from django.utils.text import slugify

DEFAULT_PORTS = {"http": "80", "https": "443"}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]"}
# Of a slug's 255 characters, leaving room for the number that makes it unique.
SLUG_LENGTH = 200
# In a task: the address of the request that caused it (`at_address`).
_caused_at = ContextVar("caused_at", default=None)


def current_request():
    """The request being served in this thread, or None (a task, a management command).
    allauth's middleware (in MIDDLEWARE for every request) keeps it for allauth's own emails; our
    emails use it the same way, so a notification sent deep inside a model method or a signal
    handler still links to the address the visitor used."""
    return allauth_context.request


def normalised_origin(scheme, netloc):
    """`scheme://host[:port]` written one way: lower case, no trailing dot on the host, no port
    where it is the scheme's default. None for an address that is no host name at all."""
    scheme = (scheme or "").lower()
    host, port = split_domain_port(netloc)  # lower case, without the trailing dot
    if not host or scheme not in DEFAULT_PORTS:
        return None
    if port and port != DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}:{port}"
    return f"{scheme}://{host}"


def origin_of_url(url):
    parts = urlsplit(url)
    return normalised_origin(parts.scheme, parts.netloc)


def public_base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def known_origins():
    """The addresses the site is known to be served at: WAGTAILADMIN_BASE_URL and
    CSRF_TRUSTED_ORIGINS (wildcard entries such as `https://*.example.org` are not taken)."""
    urls = [settings.WAGTAILADMIN_BASE_URL, *settings.CSRF_TRUSTED_ORIGINS]
    return {origin_of_url(url) for url in urls if "*" not in url} - {None}


def trusted_request_origin(request):
    """The request's own `scheme://host[:port]`, normalised, if emails may link there: one of
    the site's known origins, or, in development (DEBUG), any loopback address with any port
    (what `make run` serves). None otherwise: a Host header is the sender's to choose, and
    Django checks ALLOWED_HOSTS without the port, so `jumelage.example:4443` passes it."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    origin = normalised_origin(request.scheme, host)
    if origin is None:
        return None
    if origin in known_origins():
        return origin
    if settings.DEBUG and split_domain_port(host)[0] in LOOPBACK_HOSTS:
        return origin
    return None


def base_url(request=None):
    """`scheme://host[:port]` for links in emails: the address of the request being served when
    it is one of the site's own (`trusted_request_origin`), in a task the one of the request
    that enqueued it (`at_address`), else the public address in WAGTAILADMIN_BASE_URL (which
    `make run` sets to the address it serves)."""
    if request is not None:
        origin = trusted_request_origin(request)
        if origin is not None:
            return origin
    return _caused_at.get() or public_base_url()


@contextmanager
def at_address(origin):
    """Within the block (a task), links in emails go to `origin`: `base_url()` of the request
    that enqueued the task, passed along with its arguments (None: WAGTAILADMIN_BASE_URL)."""
    reset = _caused_at.set(origin)
    try:
        yield
    finally:
        _caused_at.reset(reset)


def email_url(path, site_url=None):
    """An absolute URL in an email, of a path or a page: on `site_url` (the address the email
    is sent from, see home.notifications.email_context), else base_url(). A page's path is
    taken without the host of its Site record: one site serves both languages, at whatever
    address the visitor used."""
    if hasattr(path, "get_url_parts"):
        parts = path.get_url_parts()
        path = parts[2] if parts else None
    path = path or "/"
    if path.startswith(("http://", "https://")):
        return path
    return (site_url or base_url()) + path


def rebase_url(url, request):
    """An absolute URL that Django or allauth built from the request's Host header, moved onto
    `base_url(request)` (same path, query and fragment). Other URLs are returned unchanged."""
    if not isinstance(url, str) or request is None:
        return url
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS:
        return url
    try:
        request_host = request.get_host()
    except DisallowedHost:
        request_host = None
    if parts.netloc != request_host:
        return url
    rest = parts._replace(scheme="", netloc="").geturl()
    return base_url(request) + rest


def in_language(url, language):
    """An address of the site's own pages (`rebase_url`'s) as it reads in `language`: allauth
    builds its links (a reset, a confirmation) in the language of the page asked on, and a
    German member who asked on the Dutch page got a German email whose link opened the Dutch
    page (attack 40). Asked in the language the address is in (Django's `translate_url` finds
    only the active language's addresses). Anything else is returned unchanged."""
    if not isinstance(url, str) or urlsplit(url).scheme not in DEFAULT_PORTS:
        return url
    return translate_url(url, language)


def absolute_url(request, path):
    """Absolute URLs come from the request's host, so every domain (and every test client)
    gets links to itself, whatever the Site record says. Without a request (an email sent by a
    background task) the public address from WAGTAILADMIN_BASE_URL is used."""
    if path.startswith(("http://", "https://")):
        return path
    if request is None:
        return base_url() + path
    return request.build_absolute_uri(path)


# German letters written out as German does without them, as the site's own addresses are
# ("niederlaendisch"): dropping the dots would make "Gästen" the Dutch "gasten".
GERMAN_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)


# Latin letters whose names say no letter with a mark, written out as ICU's Latin-ASCII does.
LATIN_LIGATURES = {
    **{"Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "TH", "þ": "th", "Ð": "D", "ð": "d"},
    **{"ı": "i", "ĸ": "q", "Ŋ": "N", "ŋ": "n", "ȷ": "j"},
}
# "LATIN SMALL LETTER O WITH STROKE": the letter inside, "o".
LETTER_WITH_MARK = re.compile(r"LATIN (CAPITAL|SMALL) LETTER ([A-Z]{1,2})(?: WITH .+)?")


def _other_latin_letters():
    """The Latin letters (Latin-1 to Latin Extended-B) Unicode does not decompose into a plain
    letter and marks, which slugify drops ("Łódź" would be "odz"): a ligature written out
    (`LATIN_LIGATURES`), a letter with a stroke or a hook as the letter inside ("ø" is "o")."""
    table = {}
    for letter in map(chr, range(0xC0, 0x250)):
        if unicodedata.normalize("NFKD", letter).encode("ascii", "ignore"):
            continue  # slugify keeps its plain letters ("é" is "e", "ǅ" is "dz")
        if letter in LATIN_LIGATURES:
            table[letter] = LATIN_LIGATURES[letter]
        elif named := LETTER_WITH_MARK.fullmatch(unicodedata.name(letter, "")):
            case, inside = named.groups()
            table[letter] = inside if case == "CAPITAL" else inside.lower()
    return str.maketrans(table)


OTHER_LATIN_LETTERS = _other_latin_letters()


def ascii_slug(text):
    """The address a title gives a page, in ASCII (WAGTAIL_ALLOW_UNICODE_SLUGS is off): German
    umlauts and the eszett are written out (`GERMAN_LETTERS`: "Straßenfest mit Gästen" is
    "strassenfest-mit-gaesten", whatever the page's language), other letters with accents lose
    them ("één" is "een"), and letters slugify would drop, having no plain letter inside, are
    written out too (`OTHER_LATIN_LETTERS`: "Æbeløe in Łódź" is "aebeloe-in-lodz"). At most
    SLUG_LENGTH characters, so that the number which makes a taken address unique ("-2") fits
    the column. Empty for a title without Latin letters or digits. Composed first: an umlaut
    typed as "a" and its combining dots (NFD, as some keyboards and copied text send it) is
    written out as the composed one is."""
    composed = unicodedata.normalize("NFC", text).translate(GERMAN_LETTERS)
    slug = slugify(composed.translate(OTHER_LATIN_LETTERS))
    return slug[:SLUG_LENGTH].strip("-_")
