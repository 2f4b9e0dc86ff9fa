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


class DemoPage(models.Model):
    """A page the demo loader made (or found, on a demo loaded before its pages were recorded),
    under its place in `content/` (the Dutch slugs from the home page down), known by its
    translation key: an editor may move or rename a demo page (the next load made it again,
    a second copy at the old address, in both languages) or delete it (it came back); the
    loader keeps the one and leaves the other deleted."""

    key = models.CharField(max_length=500, unique=True)
    translation_key = models.UUIDField()

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return self.key
