from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UnconfirmableAddressChange(models.Model):
    """A member's change to an address another account has. Her address page shows it pending,
    as any change awaiting its confirmation, so that it does not tell whose the address is; but
    it is no `EmailAddress`: allauth never logs in, resets or mails by it, and its owner gets no
    confirmation, only word that someone tried (community/signup.py)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("email address"), max_length=254)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("address change that cannot be confirmed")
        verbose_name_plural = _("address changes that cannot be confirmed")

    def __str__(self):
        return self.email
