"""A translation an editor published of a member's contribution is the site's page
(`community.contributions.release_translation`, on every publish since 5 December 2026):
wagtail-localize had copied the member's ownership into it, so her page and her data export
listed it as a contribution of hers. Translations published before lose that owner too. The
member's own version and the aliases (her page in the other language until it is translated)
keep theirs."""

from django.db import migrations


def release_published_translations(apps, schema_editor):
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for name in ("StoryPage", "MeetingPage"):
        model = apps.get_model("exchanges", name)
        versions = model.objects.filter(
            member_contribution=True,
            owner__isnull=False,
            alias_of__isnull=True,
            first_published_at__isnull=False,
        )
        for page in versions.only("pk", "translation_key", "locale_id"):
            source = (
                TranslationSource.objects.filter(object_id=page.translation_key)
                .values_list("locale_id", flat=True)
                .first()
            )
            if source is not None and source != page.locale_id:
                model.objects.filter(pk=page.pk).update(owner=None)


class Migration(migrations.Migration):
    dependencies = [
        ("exchanges", "0013_forget_overridable_facts"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(release_published_translations, migrations.RunPython.noop),
    ]
