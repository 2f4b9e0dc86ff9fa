from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection


class MembersPhotosCollection(models.Model):
    """The collection the site made to hold the members' collections ("Bijdragen van leden",
    `contributions.collection_for`): known by this row, not by its name, which editors may
    change in the admin. One row."""

    collection = models.OneToOneField(Collection, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("collection of the members' photos")
        verbose_name_plural = _("collections of the members' photos")

    def __str__(self):
        return self.collection.name


class MemberCollection(models.Model):
    """A collection the site made for the photos of one contribution, and the member it was made
    for: hers to clean up when her account goes, whatever editors moved out of it or renamed."""

    collection = models.OneToOneField(Collection, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The start of its name made of hers ("Anna: "), as she was called when it was made: what
    # the clean-up takes off once her account goes, whatever she is called by then.
    named_after = models.CharField(_("named after"), max_length=255, blank=True, default="")

    class Meta:
        verbose_name = _("member's collection")
        verbose_name_plural = _("members' collections")

    def __str__(self):
        return self.collection.name
