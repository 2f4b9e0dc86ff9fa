from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SectorMembershipQuerySet(models.QuerySet):
    def for_sector(self, sector):
        """Members of a sector community, whichever language version of its page they joined."""
        return self.filter(sector_key=sector.translation_key)


class SectorMembership(models.Model):
    """A member belongs to a sector community; keyed to the sector's translation key so the
    Dutch and German pages share their members."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    sector_key = models.UUIDField(_("sector"), db_index=True)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    objects = SectorMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("sector membership")
        verbose_name_plural = _("sector memberships")
        ordering = ["joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "sector_key"], name="one_membership_per_sector")
        ]

    def __str__(self):
        return f"{self.user} – {self.sector_key}"


class PrivacyConsent(models.Model):
    """Proof that a member accepted a version of the privacy statement, and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    version = models.CharField(_("version"), max_length=20)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        verbose_name = _("privacy consent")
        verbose_name_plural = _("privacy consents")
        ordering = ["given_at"]

    def __str__(self):
        return f"{self.user} – {self.version}"
