from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BaseStreamBlock
from home.models import LeadImageMixin, OverviewPage
from home.visibility import PublicPageQuerySet, ViewRestrictionsMixin


class SectorIndexPage(OverviewPage):
    """The overview of all sector communities of one language."""

    subpage_types = ["community.SectorPage"]

    highlights_template = "includes/sector_highlights.html"
    highlights_above_body = False
    hero_template = "includes/sector_emblems.html"

    class Meta:
        verbose_name = _("sector overview")
        verbose_name_plural = _("sector overviews")

    def sectors(self):
        return SectorPage.objects.child_of(self).live().select_related("image")

    def highlights(self):
        """Every sector community."""
        return self.sectors()


class SectorPageQuerySet(PublicPageQuerySet):
    def for_page_view(self):
        """A sector page with what it shows, coordinators and their towns included (see
        home.views.serve)."""
        coordinators = SectorCoordinator.objects.select_related("town", "photo")
        return self.select_related("image").prefetch_related(
            Prefetch("coordinators", queryset=coordinators)
        )


class SectorPage(ViewRestrictionsMixin, LeadImageMixin, Page):
    """One sector community: what it is for, who coordinates it, and what happens in it."""

    purpose = models.CharField(
        _("purpose"),
        max_length=250,
        help_text=_("One sentence on what this community is for; shown on overview cards."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("purpose"),
        FieldPanel("intro"),
        MultiFieldPanel(LeadImageMixin.image_panels, heading=_("Image")),
        FieldPanel("body"),
        InlinePanel("coordinators", label=_("Coordinators")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("purpose", boost=2),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["community.SectorIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(SectorPageQuerySet)()

    class Meta:
        verbose_name = _("sector community")
        verbose_name_plural = _("sector communities")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["is_member"] = (
            request.user.is_authenticated and request.user.memberships.for_sector(self).exists()
        )
        return context

    def visible_members(self):
        """Members of this community who chose to be shown, with their town."""
        from django.contrib.auth import get_user_model

        return (
            get_user_model()
            .objects.filter(
                is_active=True,
                show_on_sector_pages=True,
                memberships__sector_key=self.translation_key,
            )
            .select_related("town")
            .order_by("display_name")
        )

    def listings(self):
        """What the other overviews of this language list of this community (its meetings, its
        stories), by name (`OverviewPage.sector_listings`): the overviews beside this page's own
        one, as the page's route found them (else in one query), say what they hold of it."""
        home_path, own_path = self.path[: -2 * self.steplen], self.path[: -self.steplen]
        ancestors = getattr(self, "found_ancestors", None)
        if ancestors and ancestors[0].path == home_path:
            # The home page's overviews as the page's route found them (see HomePage.route).
            overviews = [page for page in ancestors[0].overviews() if page.path != own_path]
        else:
            overviews = (
                Page.objects.live()
                .type(OverviewPage)
                .filter(depth=self.depth - 1, path__startswith=home_path)
                .exclude(path=own_path)
                .specific(defer=True)
            )
        listings = {}
        for overview in overviews:
            listings.update(overview.sector_listings(self))
        return listings


class SectorCoordinator(TranslatableMixin, Orderable):
    """A contact person of a sector community in one of the towns."""

    page = ParentalKey(SectorPage, on_delete=models.CASCADE, related_name="coordinators")
    name = models.CharField(_("name"), max_length=120)
    town = models.ForeignKey(
        "community.Town", verbose_name=_("town"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=120, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("town"), FieldPanel("role"), FieldPanel("photo")]
    # A person's name is the same in every language; their role is translated.
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        TranslatableField("town"),
        SynchronizedField("photo"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("coordinator")
        verbose_name_plural = _("coordinators")

    def __str__(self):
        return self.name
