from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionToken(models.Model):
    """The one-time token of a contribution form a member sent: the same form sent twice (a
    double click, a browser's resend) is saved once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.UUIDField(_("form token"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        constraints = [
            models.UniqueConstraint(fields=["user", "token"], name="one_submission_per_form")
        ]

    def __str__(self):
        return str(self.token)
