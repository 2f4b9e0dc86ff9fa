"""What search engines and social networks read about a page besides its HTML: schema.org
JSON-LD and the picture shared with a link (Open Graph). The builders return plain dicts; the
templates put them in the page's head through `json_ld_script`."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .local_time import LOCAL_TIME
from .urls_util import absolute_url

SCHEMA = "https://schema.org"

# The picture a page shares: 1200×630 is what Facebook, LinkedIn and Mastodon show in full.
SHARING_RENDITION = "fill-1200x630|format-jpeg"
DEFAULT_SHARING_IMAGE = "img/sharing.png"
DEFAULT_SHARING_SIZE = (1200, 630)

# Where a page keeps its picture and the picture's alternative text, first found first: a
# meeting shows its sector's (`lead_image`), stories and sectors their own (`image`).
IMAGE_ATTRIBUTES = (("lead_image", "lead_image_alt"), ("image", "image_alt"))

OPEN_GRAPH_LOCALES = {"nl": "nl_NL", "de": "de_DE"}

# As Django's `json_script`: no `<`, `>` or `&` in the JSON, so a title with `</script>` or
# `<!--` cannot end the script element early.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def site_name():
    return _("Jumelage Steenwijkerland – Herzebrock-Clarholz")


def json_ld_text(data):
    """`data` as JSON that is safe inside a script element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 (no <, > or & left)


def json_ld_script(data):
    """`data` in a `<script type="application/ld+json">` element, safe to put in a page."""
    return format_html('<script type="application/ld+json">{}</script>', json_ld_text(data))


def json_ld_script_open(data, last):
    """The start of a JSON-LD script of `data` up to the value of the property `last`, which
    the page adds live (a story's author, whose name changes without a publish) and closes
    with `}</script>`."""
    opened = mark_safe(json_ld_text(data)[:-1])  # noqa: S308 (escaped by json_ld_text)
    return format_html('<script type="application/ld+json">{},{}:', opened, json_ld_text(last))


def local_iso(moment):
    """A moment as ISO 8601 with the twinning's UTC offset (e.g. 2026-03-02T19:30:00+01:00)."""
    return moment.astimezone(LOCAL_TIME).isoformat() if moment else None


def sharing_image(request, page):
    """The page's picture for links shared elsewhere, as {url, width, height, alt} with an
    absolute URL, or None. One rendition, made once per request, serves Open Graph and JSON-LD."""
    if page is None:
        return None
    if not hasattr(page, "_sharing_image"):
        page._sharing_image = None
        for image_name, alt_name in IMAGE_ATTRIBUTES:
            image = getattr(page, image_name, None)
            if image is not None:
                rendition = image.get_rendition(SHARING_RENDITION)
                page._sharing_image = {
                    "url": absolute_url(request, rendition.url),
                    "width": rendition.width,
                    "height": rendition.height,
                    "alt": getattr(page, alt_name, ""),
                }
                break
    return page._sharing_image


def default_sharing_image(request):
    """The brand graphic shared for pages without a picture of their own."""
    width, height = DEFAULT_SHARING_SIZE
    return {
        "url": absolute_url(request, static(DEFAULT_SHARING_IMAGE)),
        "width": width,
        "height": height,
        "alt": site_name(),
    }


def postal_address(street, locality, country):
    """A schema.org PostalAddress of what is known; a multi-line address on one line."""
    address = {
        "@type": "PostalAddress",
        "streetAddress": ", ".join(line.strip() for line in (street or "").splitlines() if line),
        "addressLocality": locality,
        "addressCountry": country,
    }
    return {key: value for key, value in address.items() if value}


def organization(foundation):
    """A twinning foundation (a row of `site_chrome`'s foundations) as a schema.org
    Organization."""
    data = {
        "@type": "Organization",
        "name": foundation["name"],
        "url": foundation.get("website"),
        "email": foundation.get("email"),
        "telephone": foundation.get("phone"),
        "address": postal_address(
            foundation.get("address"), foundation.get("town"), foundation.get("country_code")
        ),
    }
    return {key: value for key, value in data.items() if value}


def foundations_data(foundations):
    """Both foundations as a JSON-LD document of the home page: a graph of two Organizations,
    side by side, for neither is part of the other."""
    return {"@context": SCHEMA, "@graph": [organization(each) for each in foundations]}


def publishers(foundations):
    """The foundations as the publishers of what the platform shows (name and website only)."""
    return [
        {key: value for key, value in organization(each).items() if key in ("@type", "name", "url")}
        for each in foundations
    ]
