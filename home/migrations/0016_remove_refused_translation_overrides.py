"""Overrides the translation editor stored before it checked them (attack 41): one a browser
would run, or, where the source may be an address, one that is no web, email or telephone
link, is removed, so that the next publish of its translation takes the source's value again.
The rule as home/translation_overrides.py had it when this migration was written, copied so
that a later change of it does not change this history."""

import json
import re

from django.db import migrations

DROPPED_ANYWHERE = re.compile(r"[\t\n\r]")
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
RUN_BY_BROWSERS = {"javascript", "vbscript", "data", "blob", "filesystem", "file"}


def scheme_of(value):
    text = DROPPED_ANYWHERE.sub("", value).strip("".join(map(chr, range(0x21))))
    found = SCHEME.match(text)
    return found.group(1).lower() if found else None


def refused(value, source):
    if not isinstance(value, str):
        return False
    scheme = scheme_of(value)
    if scheme in RUN_BY_BROWSERS:
        return True
    address = source is None or source == ""
    if isinstance(source, str) and source:
        address = source[:1] in "/#?" or scheme_of(source) in ALLOWED_SCHEMES
    return address and scheme not in (None, *ALLOWED_SCHEMES)


def remove_refused(apps, schema_editor):
    SegmentOverride = apps.get_model("wagtail_localize", "SegmentOverride")
    OverridableSegment = apps.get_model("wagtail_localize", "OverridableSegment")
    # The newest source's value of each segment, as home.translation_overrides reads it.
    sources = dict(OverridableSegment.objects.order_by("pk").values_list("context_id", "data_json"))
    doomed = []
    for pk, context_id, data_json in SegmentOverride.objects.values_list(
        "pk", "context_id", "data_json"
    ):
        try:
            value = json.loads(data_json)
            source = json.loads(sources[context_id]) if context_id in sources else None
        except ValueError:
            continue
        if refused(value, source):
            doomed.append(pk)
    SegmentOverride.objects.filter(pk__in=doomed).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0015_phone_numbers"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(remove_refused, migrations.RunPython.noop)]
