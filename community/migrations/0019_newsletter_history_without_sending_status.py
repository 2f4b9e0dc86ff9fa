import re

from django.db import migrations

# What the admin title of a newsletter used to end with ("%(title)s (not sent yet)", "%(title)s
# (sent %(date)s)"), in the languages its history was written in: Wagtail kept it in the labels.
SENDING_STATUS = re.compile(
    r" \((?:not sent yet|nog niet verstuurd|noch nicht gesendet"
    r"|sent [^()]+|verstuurd op [^()]+|gesendet am [^()]+)\)$"
)


def labels_without_sending_status(apps, schema_editor):
    """The history's labels of newsletters without "(not sent yet)" or "(sent …)": the label of a
    sent newsletter's creation said "not sent yet" forever."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    newsletters = ContentType.objects.filter(app_label="community", model="newsletterpage")
    entries = PageLogEntry.objects.filter(content_type__in=newsletters).only("label")
    for entry in entries.iterator():
        label = SENDING_STATUS.sub("", entry.label)
        if label != entry.label and label:
            PageLogEntry.objects.filter(pk=entry.pk).update(label=label)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0018_member_collection_named_after"),
        ("wagtailcore", "0052_pagelogentry"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(
            labels_without_sending_status, migrations.RunPython.noop, elidable=True
        ),
    ]
