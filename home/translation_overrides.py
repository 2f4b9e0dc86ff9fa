"""What the translation editor may put in a translation's place of a web address.

wagtail-localize offers a translation its own value of what a page holds besides text: a
button's web address (a URLBlock), the address of a link in a text, an embed's address, an
email address, a synchronised field. Its view stores whatever is sent and publishing the
translation puts it on the page unchecked, where the source's form only took an `http(s)`
address: an editor published `javascript:…` behind a button of the German page, which ran in the
admin of whoever clicked it in the page's preview (attack 41).

So an override is refused when a browser would run it (a `javascript:`, `vbscript:`, `data:`
address, whatever the segment), and, where the source's value is an address, when it is not an
address of a web page, an email or a telephone link; any other words stay the editor's (a
coordinator's name "Voorzitter: Jan"). Checked twice: on the editor's request, which is answered
400 (`checked_override`), and whenever an override is stored, by any way
(`refuse_stored_override`, a `pre_save` receiver, home/apps.py), which ends the request with 403
and stores nothing."""

import json
import re

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models.signals import pre_save
from django.http import JsonResponse
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError, UnsupportedMediaType
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

# A browser drops tabs and line breaks anywhere in an address, and spaces and control characters
# around it, before it reads the scheme ("java\tscript:" is "javascript:").
DROPPED_ANYWHERE = re.compile(r"[\t\n\r]")
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
# What a browser runs, or shows as a page of its own, when it follows the address.
RUN_BY_BROWSERS = {"javascript", "vbscript", "data", "blob", "filesystem", "file"}
PARSERS = [FormParser(), MultiPartParser(), JSONParser()]


def scheme_of(value):
    """The scheme a browser reads `value` with, in lower case, or None for an address without
    one (a relative address, an email address, an object's id)."""
    text = DROPPED_ANYWHERE.sub("", value).strip("".join(map(chr, range(0x21))))
    found = SCHEME.match(text)
    return found.group(1).lower() if found else None


def may_be_address(source):
    """Whether a segment whose source value is `source` may be read as an address: one of the
    allowed schemes, a relative address ("/nl/contact/", "#top", "?page=2"), or nothing yet
    (an empty URLBlock beside a chosen page, which wagtail-localize offers all the same)."""
    if source is None or source == "":
        return True
    return isinstance(source, str) and (source[:1] in "/#?" or scheme_of(source) in ALLOWED_SCHEMES)


def refused(value, source=None):
    """Whether an override `value` of a segment whose source value is `source` is refused: what
    a browser runs, anywhere (so "Data: 12 mei" in a name is refused too: "data: text/html,…"
    runs); where the segment may be an address, anything but an allowed or relative one."""
    if not isinstance(value, str):
        return False
    scheme = scheme_of(value)
    if scheme in RUN_BY_BROWSERS:
        return True
    return may_be_address(source) and scheme not in (None, *ALLOWED_SCHEMES)


def source_value(context_id):
    """The source's value of the overridable segment of `context_id` (the same in every version
    of the source), or None."""
    found = (
        OverridableSegment.objects.filter(context_id=context_id)
        .order_by("-pk")
        .values_list("data_json", flat=True)
        .first()
    )
    return json.loads(found) if found is not None else None


def refusal():
    return _(
        "Only a web address (http or https), an email link (mailto:) or a telephone link (tel:) "
        "can be given here."
    )


def stored_by_view(user, translation_id, overridable_segment_id):
    """The overridable segment wagtail-localize's `edit_override` would store an override of
    for `user` (one of the translation's source, which she may edit), or None."""
    translation = Translation.objects.select_related("source").filter(pk=translation_id).first()
    segment = (
        OverridableSegment.objects.select_related("context")
        .filter(pk=overridable_segment_id)
        .first()
    )
    if translation is None or segment is None:
        return None
    if segment.context.object_id != translation.source.object_id:
        return None
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist:
        return None
    return segment if user_can_edit_instance(user, instance) else None


def checked_override(view):
    """wagtail-localize's `edit_override`, refusing (400) a value `refused` names. Every value
    its view could read is checked: each "value" of the form, and none may be a file."""

    def guarded(request, translation_id, overridable_segment_id, *args, **kwargs):
        if request.method == "PUT" and request.user.is_authenticated:
            # wagtail-localize reads the PUT's form with Django REST framework's parsers: read
            # the same way, from the body read first, which its view then reads again.
            request.body  # noqa: B018 - kept, so that the view reads the form too
            try:
                parsed = Request(request, parsers=PARSERS)
                values = parsed.POST.getlist("value") if hasattr(parsed.POST, "getlist") else []
                as_file = "value" in parsed.FILES
            except (ParseError, UnsupportedMediaType):
                values, as_file = [], False  # the view answers it as it does
            segment = stored_by_view(request.user, translation_id, overridable_segment_id)
            # Only where the view would store it: elsewhere it answers 404 or 403, and the
            # answer tells nobody whether a segment's source is an address (second review).
            if segment is not None:
                source = source_value(segment.context_id)
                if as_file or any(refused(value, source) for value in values):
                    return JsonResponse({"error": refusal()}, status=400)
        return view(request, translation_id, overridable_segment_id, *args, **kwargs)

    return guarded


def refuse_stored_override(sender, instance, **kwargs):
    """`pre_save` of wagtail-localize's SegmentOverride: whichever way it comes (another view, a
    request the guard above read otherwise), an override `refused` names is not stored. Not a
    save of its error alone (wagtail-localize's `set_field_error` while it publishes)."""
    fields = kwargs.get("update_fields")
    if fields is not None and "data_json" not in fields:
        return
    try:
        value = json.loads(instance.data_json)
    except (TypeError, ValueError):
        return
    if refused(value, source_value(instance.context_id)):
        raise PermissionDenied(refusal())


def connect_signals():
    pre_save.connect(
        refuse_stored_override, sender=SegmentOverride, dispatch_uid="refuse-stored-override"
    )
