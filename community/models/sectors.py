from django.db import models
from django.db.models import Count, Window
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from community.serializers import LeadImageField
from home.blocks import BaseStreamBlock
from home.cache import (
    PAGE_FIELDS,
    field_names,
    from_row,
    from_values,
    remember,
    row_of,
)
from home.i18n import SOURCE_LOCALE, with_source_locale
from home.models import (
    NOT_READ,
    LeadImageMixin,
    OverviewPage,
    in_link_order,
    linked_rows,
    live_children_among,
)
from home.visibility import PublicPageQuerySet, ViewRestrictionsMixin

from .members import REMEMBERED_SECTORS
from .towns import Town
from .users import User

# How many members a sector page lists (those beyond it are counted): its side column stays a
# column, the page a page.
MEMBERS_SHOWN = 12


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
        return with_source_locale(
            SectorPage.objects.child_of(self).live().public().select_related("image")
        )

    def highlights(self):
        """Every live sector community, in the order of the page tree: the sector pages kept in
        the content cache (see `sector_pages`), so no query of its own."""
        return live_children_among(self, sector_pages()["by_id"].values())


class SectorPageQuerySet(PublicPageQuerySet):
    def for_page_view(self):
        """A sector page with what it shows (see HomePage.route): its coordinators, their towns
        and photos in its row (see `SectorPage.shown_coordinators`)."""
        fields = [
            f"{prefix}{name}"
            for prefix, model in COORDINATOR_PARTS
            for name in field_names(model or get_image_model())
        ]
        coordinators = linked_rows(SectorCoordinator, "page", *fields)
        return self.select_related("image").annotate(**{COORDINATORS: coordinators})


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
        InlinePanel("coordinators", heading=_("Coordinators"), label=_("coordinator")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("purpose", boost=2),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    # The open data API (jumelage/api.py): not the coordinators, whose contacts are for members.
    api_fields = [
        APIField("purpose"),
        APIField("intro"),
        APIField("body"),
        APIField("image", serializer=LeadImageField()),
    ]

    parent_page_types = ["community.SectorIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(SectorPageQuerySet)()

    class Meta:
        verbose_name = _("sector community")
        verbose_name_plural = _("sector communities")

    @property
    def shown_coordinators(self):
        """The coordinators with their towns and photos: as `for_page_view` read them in the
        page's row, else from its inline panel."""
        rows = getattr(self, COORDINATORS, NOT_READ)
        if rows is NOT_READ:
            return list(self.coordinators.all())
        kinds = [model or get_image_model() for _prefix, model in COORDINATOR_PARTS]
        coordinators = []
        for row in in_link_order(rows):
            built, start = [], 0
            for model in kinds:
                names = field_names(model)
                values = row[start : start + len(names)]
                built.append(from_values(model, names, values))
                start += len(names)
            coordinator, town, photo = built
            coordinator.town = town
            coordinator.photo = photo if coordinator.photo_id else None
            coordinators.append(coordinator)
        return coordinators

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["is_member"] = self.has_member(request.user)
        return context

    def has_member(self, user):
        if not user.is_authenticated:
            return False
        remembered = getattr(user, REMEMBERED_SECTORS, None)
        if remembered is not None:
            return str(self.translation_key) in remembered
        return user.memberships.for_sector(self).exists()

    def visible_members(self):
        """Members of this community who chose to be shown, with their town."""
        return User.objects.filter(
            is_active=True,
            show_on_sector_pages=True,
            memberships__sector_key=self.translation_key,
        ).select_related("town")

    def shown_members(self):
        """What the page lists of its members: the first `MEMBERS_SHOWN` by name, and how many
        others chose to be shown, in one query whatever their number."""
        members = list(
            self.visible_members()
            .annotate(shown_in_all=Window(Count("pk")))
            .order_by(Lower("display_name"), "pk")[:MEMBERS_SHOWN]
        )
        total = members[0].shown_in_all if members else 0
        return {"members": members, "more": total - len(members)}

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


# What `SectorPage.shown_coordinators` reads of a coordinator, its town and its photo (the image
# model, None here: it is known once the apps are ready), in the page's row.
COORDINATORS = "coordinator_rows"


def sector_pages():
    """Every sector page by id, and the live ones by (translation key, locale id): kept in the
    content cache as rows of their fields (those of menus and links, and the purpose that
    overview cards show), made pages once per request."""

    def load():
        return [row_of(page, (*PAGE_FIELDS, "purpose")) for page in SectorPage.objects.all()]

    def build(rows):
        pages = [from_row(SectorPage, row) for row in rows]
        locales = {page.pk: page.locale_id for page in pages}
        for page in pages:
            if page.alias_of_id in locales:
                # The language an untranslated sector (an alias) is written in, for its card.
                setattr(page, SOURCE_LOCALE, locales[page.alias_of_id])
        return {
            "by_id": {page.pk: page for page in pages},
            "live": {(page.translation_key, page.locale_id): page for page in pages if page.live},
        }

    return remember("sector-pages", load, build=build)


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


COORDINATOR_PARTS = (("", SectorCoordinator), ("town__", Town), ("photo__", None))
