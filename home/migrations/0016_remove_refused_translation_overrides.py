"""Overrides the translation editor stored before it checked them (attack 41): one a browser
would run, or an address that is no web, email or telephone link where the source has one, is
removed, so that the next publish of its translation takes the source's value again."""

import json

from django.db import migrations

from home.translation_overrides import refused


def remove_refused(apps, schema_editor):
    SegmentOverride = apps.get_model("wagtail_localize", "SegmentOverride")
    OverridableSegment = apps.get_model("wagtail_localize", "OverridableSegment")
    sources = dict(OverridableSegment.objects.values_list("context_id", "data_json"))
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
