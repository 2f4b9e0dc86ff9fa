import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def link_members_meetings(apps, schema_editor):
    """The meetings members proposed so far name them by the account that owns the proposal
    (its other language versions too), so their pages follow the member's name from now on."""
    MeetingPage = apps.get_model("exchanges", "MeetingPage")
    proposals = MeetingPage.objects.filter(
        member_contribution=True, alias_of__isnull=True, owner__isnull=False
    )
    for key, owner in proposals.values_list("translation_key", "owner_id"):
        MeetingPage.objects.filter(translation_key=key).update(organiser_member_id=owner)


class Migration(migrations.Migration):
    dependencies = [
        ("exchanges", "0007_visit_records_survive_a_deleted_translation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="meetingpage",
            name="organiser_member",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="organising member",
            ),
        ),
        migrations.RunPython(link_members_meetings, migrations.RunPython.noop),
    ]
