from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from community.choices import Country


class Town(TranslatableMixin, index.Indexed, models.Model):
    """A town of the twinning (or a guest town), named in each language.

    The slug is the same in every language, so a filtered link such as `?town=steenwijkerland`
    works in Dutch and German alike."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)

    # The slug and the country are the town's in every language: wagtail-localize's editor does
    # not offer them for a change (a German slug of its own emptied the town filter of links
    # made in Dutch; walk of 2026-12-05, F4).
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("country", overridable=False),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("town")
        verbose_name_plural = _("towns")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_town_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """The slug and the country are the town's in every language: a change of either, in
        any version (the snippets' form edits each row on its own), is made in the others too
        (attack 17b, F3)."""
        super().save(*args, **kwargs)
        Town.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).exclude(
            slug=self.slug, country=self.country
        ).update(slug=self.slug, country=self.country)

    def clean(self):
        """Its slug is no other town's in any language (every version of it takes the slug)."""
        super().clean()
        others = Town.objects.filter(slug=self.slug).exclude(translation_key=self.translation_key)
        if self.slug and others.exists():
            raise ValidationError({"slug": _("Another town has this slug.")})
