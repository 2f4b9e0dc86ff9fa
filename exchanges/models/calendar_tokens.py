import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(24)


class CalendarTokenManager(models.Manager):
    def for_member(self, user):
        """The member's token, made on first use."""
        token, _created = self.get_or_create(user=user)
        return token

    def reset(self, user):
        """A new token for the member: the address with the old one is not found any more."""
        token = self.for_member(user)
        token.token = new_token()
        token.save(update_fields=["token", "updated_at"])
        return token

    def replace(self, user):
        """A new token for the member who has one (none is made): the old address is not found
        any more, the member area shows the new one."""
        for token in self.filter(user=user):
            token.token = new_token()
            token.save(update_fields=["token", "updated_at"])


class CalendarToken(models.Model):
    """The secret in the address of a member's own calendar feed (the meetings they registered
    for, with join links): whoever knows it reads that calendar without logging in, as a
    calendar app does, so the member can replace it at any time."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="calendar_token",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CalendarTokenManager()

    class Meta:
        verbose_name = _("personal calendar address")
        verbose_name_plural = _("personal calendar addresses")
        ordering = ["pk"]

    def __str__(self):
        return str(self.user)
