from django.db import migrations


def create_languages(apps, schema_editor):
    """Dutch is the source language; the German tree mirrors it until pages are translated."""
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    dutch, _ = Locale.objects.get_or_create(language_code="nl")
    german, _ = Locale.objects.get_or_create(language_code="de")
    LocaleSynchronization.objects.get_or_create(locale=german, defaults={"sync_from": dutch})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_languages, migrations.RunPython.noop)]
