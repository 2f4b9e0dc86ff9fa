from django.conf import settings
from django.db import models


class DemoAccount(models.Model):
    """An account the demo loader created, under the address `people.toml` gives it. The loader
    finds its accounts by this record, not by their address: an administrator may change a demo
    account's address (the next load made the member again, with a second copy of her story),
    and an account the loader did not create is never counted or changed. The record outlives
    its account: one deleted (by the member, by an administrator) is not made again."""

    address = models.EmailField(unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["address"]

    def __str__(self):
        return self.address
