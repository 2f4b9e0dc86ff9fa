from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from .blocks import BaseStreamBlock
from .cache import CacheVersion, active_locale  # noqa: F401 (CacheVersion: home/cache.py)
from .mail import OutgoingEmail  # noqa: F401 (the outgoing email queue, home/mail.py)
from .visibility import ViewRestrictionsMixin


def with_renditions(pages):
    """Fetches the renditions of the pages' lead images in one query: each card's picture has
    six (three formats, two sizes), which Wagtail would otherwise look up one by one."""
    pages = list(pages)
    images = [page.image for page in pages if page.image_id]
    prefetch_related_objects(images, Prefetch("renditions", to_attr="prefetched_renditions"))
    return pages


class LeadImageMixin(models.Model):
    """A page's main image with the alternative text that must go with it."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )

    image_panels = [FieldPanel("image"), FieldPanel("image_alt")]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("An image needs an alternative text for people who cannot see it.")}
            )


class OverviewPage(ViewRestrictionsMixin, Page):
    """An overview of one kind of page in one language (sectors, stories, calendar): one per
    home page, with an introduction."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    # How the home page shows the overview's highlights (see HomePage.overviews): with this
    # template (the overview is `overview` in it), above or below the home page's own text, in
    # this order.
    highlights_template = None
    highlights_above_body = True
    highlights_order = 0
    # What the overview adds to the home page's opening, if anything (the sector emblems).
    hero_template = None

    class Meta:
        abstract = True

    def highlights(self):
        """A few of the pages this overview lists, for the home page: each kind of overview says
        which (the next meetings, the latest stories, every sector community)."""
        raise NotImplementedError(f"{type(self).__name__} does not say what it highlights")

    def query_in_language(self, query, language_code):
        """The parameters of this overview's `query` whose values are words of the language being
        read, as they read in `language_code`, for the language switcher (home.i18n.same_query).
        Overviews filtered by a sector give its slug in that language."""
        return []

    def sector_listings(self, sector):
        """What this overview lists of one sector community (a page of the same language), by
        name, for the sector's page: its stories, its meetings. The sector page asks the
        overviews beside its own, without knowing their kinds."""
        return {}


class HomePage(ViewRestrictionsMixin, Page):
    """The start page of one language: what the twinning is, and what happens in it."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        """Wagtail's routing asks for every level of the path on its way down, two queries a
        level (the child by slug, then its specific page); this finds the page at the whole
        path in two. Only when no page type below routes further itself (none of ours does):
        a page that does gets the rest of the path as Wagtail would give it."""
        if not path_components:
            return super().route(request, path_components)
        url_path = self.url_path + "/".join(path_components) + "/"
        # By slug first: `url_path` has no index, `slug` has.
        found = Page.objects.filter(slug=path_components[-1], url_path=url_path).first()
        if found is None or not found.is_descendant_of(self):
            raise Http404
        model = found.specific_class
        if model is None or model.route is not Page.route:
            return super().route(request, path_components)
        # With what the page shows fetched along (its type's `for_page_view()`), where it has
        # one and the page is public; else as Wagtail fetches it (a private page asks for a
        # login or password).
        pages = model.objects.filter(pk=found.pk, live=True)
        page = getattr(pages, "for_page_view", lambda: None)()
        page = (page.first() if page is not None else None) or found.specific
        if not page.live:
            raise Http404
        return RouteResult(page)

    def overviews(self):
        """The live overviews under this home page, in the order the home page shows their
        highlights. One query: the home page needs their methods and addresses, not their
        fields."""
        overviews = self.get_children().live().type(OverviewPage).specific(defer=True)
        return sorted(overviews, key=lambda overview: overview.highlights_order)


class StandardPage(ViewRestrictionsMixin, Page):
    """A page of text: about the foundations, history, privacy, accessibility, contact."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="group")
class FoundationSettings(ClusterableModel, BaseSiteSetting):
    """Contact details of the twinning foundation in each town, shown in the footer."""

    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        InlinePanel("foundations", label=_("Foundations")),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("contact_page"),
    ]

    class Meta:
        verbose_name = _("foundations")

    @classmethod
    def with_foundations(cls, site):
        """The site's settings and their foundations, in one query (two before any foundation
        is entered)."""
        foundations = list(
            Foundation.objects.filter(settings__site=site).select_related("settings")
        )
        return (foundations[0].settings if foundations else cls.for_site(site)), foundations

    def menu_and_footer_pages(self, home):
        """The main navigation (the home page's children shown in menus) and the footer's fixed
        pages, both in the language being read, from one query."""
        wanted = {
            "privacy_page_id": _("Privacy statement"),
            "accessibility_page_id": _("Accessibility statement"),
            "contact_page_id": _("Contact"),
        }
        ids = {
            getattr(self, field): label for field, label in wanted.items() if getattr(self, field)
        }
        locale = active_locale()
        sources = Page.objects.filter(pk__in=ids)
        source = sources.filter(translation_key=models.OuterRef("translation_key")).values("pk")
        menu = home.get_children().live().in_menu()
        footer = Page.objects.live().filter(
            translation_key__in=sources.values("translation_key"), locale=locale
        )
        # A union, not one filter with OR: each half finds its few rows through an index.
        pages = list(
            menu.annotate(footer_source=models.Subquery(source[:1]))
            .order_by()
            .union(footer.annotate(footer_source=models.Subquery(source[:1])).order_by())
            .order_by("path")
        )
        menu = [
            page
            for page in pages
            if page.show_in_menus and page.depth == home.depth + 1 and page.is_descendant_of(home)
        ]
        by_source = {
            page.footer_source: page
            for page in pages
            if page.footer_source and locale and page.locale_id == locale.pk
        }
        return menu, [(label, by_source[pk]) for pk, label in ids.items() if pk in by_source]


class Foundation(Orderable):
    """One town's twinning foundation."""

    settings = ParentalKey(FoundationSettings, on_delete=models.CASCADE, related_name="foundations")
    name = models.CharField(_("name"), max_length=150)
    town = models.CharField(_("town"), max_length=100)
    country = models.CharField(
        _("country"), max_length=2, choices=[("NL", _("Netherlands")), ("DE", _("Germany"))]
    )
    address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("town"),
        FieldPanel("country"),
        FieldPanel("address"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("website"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("foundation")
        verbose_name_plural = _("foundations")

    def __str__(self):
        return self.name
