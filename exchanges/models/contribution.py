from django.db import models
from django.utils.translation import gettext_lazy as _


class ContributionMixin(models.Model):
    """What a page needs to be a member's contribution: the mark, and an editor's final "no"."""

    member_contribution = models.BooleanField(
        _("contributed by a member"), default=False, editable=False
    )
    declined_at = models.DateTimeField(_("rejected at"), null=True, blank=True, editable=False)
    decline_reason = models.TextField(_("reason for rejection"), blank=True, editable=False)

    class Meta:
        abstract = True
