"""Whether a member's calendar holds a meeting from the emails she was sent
(`Registration.in_calendar`): a place held was sent its invitation; a place given up was sent its
cancellation, and one on the waiting list none (or a cancellation, when an editor moved her
there)."""

from django.db import migrations, models

REGISTERED = "registered"


def record_what_calendars_hold(apps, schema_editor):
    Registration = apps.get_model("exchanges", "Registration")
    Registration.objects.exclude(status=REGISTERED).update(in_calendar=False)


class Migration(migrations.Migration):
    dependencies = [
        ("exchanges", "0020_phone_numbers"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="in_calendar",
            field=models.BooleanField(
                default=True, editable=False, verbose_name="in the member's calendar"
            ),
        ),
        migrations.RunPython(record_what_calendars_hold, migrations.RunPython.noop),
    ]
