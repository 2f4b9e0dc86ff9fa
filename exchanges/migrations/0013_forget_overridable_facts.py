"""A story's author, a visit's towns, a meeting's online link and a town's slug and country are no
longer overridable in the translation editor (90dbdfd, c4bb023). Sources extracted before kept
their overridable segments until the next sync: the editor still offered them, and an override
put through them gave the German version another author, towns or link on its next publish.
They go, with their overrides."""

from django.db import migrations

FACTS = {
    ("exchanges", "storypage"): ("author",),
    ("exchanges", "visitpage"): ("travelling_town", "hosting_town"),
    ("exchanges", "meetingpage"): ("online_url",),
    ("community", "town"): ("slug", "country"),
}


def forget_overridable_facts(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    OverridableSegment = apps.get_model("wagtail_localize", "OverridableSegment")
    SegmentOverride = apps.get_model("wagtail_localize", "SegmentOverride")
    for (app_label, model), paths in FACTS.items():
        content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
        if content_type is None:
            continue
        segments = OverridableSegment.objects.filter(
            source__specific_content_type=content_type, context__path__in=paths
        )
        contexts = list(segments.values_list("context_id", flat=True))
        SegmentOverride.objects.filter(context_id__in=contexts).delete()
        segments.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("exchanges", "0012_story_date_help"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forget_overridable_facts, migrations.RunPython.noop),
    ]
