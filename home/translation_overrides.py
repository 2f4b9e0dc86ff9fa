"""What the translation editor may put in a translation's place of a web address.

wagtail-localize offers a translation its own value of what a page holds besides text: a
button's web address (a URLBlock), the address of a link in a text, an embed's address, an
email address. Its view stores whatever is sent and publishing the translation puts it on the
page unchecked, where the source's form only took an `http(s)` address: an editor published
`javascript:…` behind a button of the German page, which ran in the admin of whoever clicked it
in the page's preview (attack 41). Here an override is refused when a browser would read it as
an address of another kind than a web page, an email or a telephone link."""

import re

from django.http import JsonResponse
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError, UnsupportedMediaType
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request

# A browser drops tabs and line breaks anywhere in an address, and spaces and control characters
# around it, before it reads the scheme ("java\tscript:" is "javascript:").
DROPPED_ANYWHERE = re.compile(r"[\t\n\r]")
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
PARSERS = [FormParser(), MultiPartParser(), JSONParser()]


def scheme_of(value):
    """The scheme a browser reads `value` with, in lower case, or None for an address without
    one (a relative address, an email address, an object's id)."""
    text = DROPPED_ANYWHERE.sub("", value).strip("".join(map(chr, range(0x21))))
    found = SCHEME.match(text)
    return found.group(1).lower() if found else None


def refused(value):
    return scheme_of(value) not in (None, *ALLOWED_SCHEMES)


def checked_override(view):
    """wagtail-localize's `edit_override`, refusing (400) a value `refused` names."""

    def guarded(request, *args, **kwargs):
        if request.method == "PUT" and request.user.is_authenticated:
            # wagtail-localize reads the PUT's form with Django REST framework's parsers: read
            # the same way, from the body read first, which its view then reads again.
            request.body  # noqa: B018 - kept, so that the view reads the form too
            try:
                value = Request(request, parsers=PARSERS).data.get("value", "")
            except (ParseError, UnsupportedMediaType):
                value = ""  # the view answers it as it does
            if isinstance(value, str) and refused(value):
                return JsonResponse(
                    {
                        "error": _(
                            "Only a web address (http or https), an email link (mailto:) or a "
                            "telephone link (tel:) can be given here."
                        )
                    },
                    status=400,
                )
        return view(request, *args, **kwargs)

    return guarded
