from django.db import migrations


def forget_addresses_an_administrator_replaced(apps, schema_editor):
    """An address an administrator replaced in the users admin stayed among the account's
    addresses in allauth, verified: a way into the account for whoever reads it (login, password
    reset) and a refusal of its owner's sign-up. A verified address other than the account's
    own is such a one: allauth's change of address removes the old one once the new one is
    confirmed. Claims not yet confirmed stay; the account's own address becomes its primary."""
    address_model = apps.get_model("account", "EmailAddress")
    replaced = [
        address.pk
        for address in address_model.objects.filter(verified=True).select_related("user")
        if address.email.lower() != address.user.email.lower()
    ]
    address_model.objects.filter(pk__in=replaced).delete()
    for address in address_model.objects.filter(primary=False).select_related("user"):
        own = address.email.lower() == address.user.email.lower()
        if own and not address_model.objects.filter(user=address.user, primary=True).exists():
            address.primary = True
            address.save(update_fields=["primary"])


class Migration(migrations.Migration):
    dependencies = [
        ("account", "0009_emailaddress_unique_primary_email"),
        ("community", "0013_one_account_per_email_in_any_case"),
    ]

    operations = [
        migrations.RunPython(forget_addresses_an_administrator_replaced, migrations.RunPython.noop),
    ]
