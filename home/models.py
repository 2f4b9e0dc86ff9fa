from django.core.exceptions import ValidationError
from django.db import connection, models, router
from django.db.models import OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.db.models.functions import JSONArray
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from .blocks import BaseStreamBlock
from .cache import (  # noqa: F401 (CacheVersion: home/cache.py)
    AllAsJSON,
    CacheVersion,
    active_locale,
    field_names,
    from_values,
)
from .machine_translation import (  # noqa: F401 (home/machine_translation.py)
    GlossaryTerm,
    MachineTranslation,
)
from .mail import OutgoingEmail  # noqa: F401 (the outgoing email queue, home/mail.py)
from .schedule import ScheduledJob, SchedulerState  # noqa: F401 (work at set times, home/schedule.py)
from .translation_progress import IncompleteTranslation  # noqa: F401 (home/translation_progress.py)
from .validators import validate_email_address, validate_phone
from .visibility import ViewRestrictionsMixin, below_a_restriction, in_menus, public

# What `getattr` gives for an annotation a page was read without.
NOT_READ = object()
# The annotation `with_rendition_rows` gives pages: the renditions of their lead images.
RENDITIONS = "image_rendition_rows"


class JSONRows(AllAsJSON, models.Aggregate):
    """The values of a group as a JSON array, in no particular order (SQLite and PostgreSQL):
    `AllAsJSON` as Django's aggregate, grouped by what the query groups by."""


def rows_along(rows, by, *fields):
    """An annotation: the `fields` of `rows` (a queryset filtered on `by` to an `OuterRef`, so
    rows that belong to the outer row), as [*fields] lists, read in the outer row instead of a
    query of their own (None when there are none). `fields` may follow a relation
    (`town__name`)."""
    joined = rows.order_by().values(by).annotate(rows=JSONRows(JSONArray(*fields)))
    return Subquery(joined.values("rows"), output_field=models.JSONField())


def linked_rows(model, page_field, *fields):
    """An annotation of a page queryset: the rows of `model` (an Orderable, a page's inline
    links) whose `page_field` is the page, as [sort order, id, *fields] lists (see
    `rows_along`), for `in_link_order`."""
    links = model.objects.filter(**{page_field: OuterRef("pk")})
    return rows_along(links, page_field, "sort_order", "pk", *fields)


def in_link_order(rows):
    """The rows of `linked_rows` in the order of the links (by sort order, those without one
    where the database puts them, then by id), without their sort order and id."""
    nulls_last = connection.features.nulls_order_largest
    ordered = sorted(
        rows or [], key=lambda row: ((row[0] is None) == nulls_last, row[0] or 0, row[1])
    )
    return [row[2:] for row in ordered]


def _rendition_model():
    model = get_image_model().get_rendition_model()
    return model, field_names(model)


def with_rendition_rows(pages):
    """`pages` (a queryset of a page type with a lead image) with the renditions of their
    images in their rows, for `with_renditions`."""
    model, fields = _rendition_model()
    renditions = model.objects.filter(image_id=OuterRef("image_id"))
    return pages.annotate(**{RENDITIONS: rows_along(renditions, "image_id", *fields)})


def with_renditions(pages):
    """Gives the pages' lead images their renditions: each card's picture has six (three
    formats, two sizes), which Wagtail would otherwise look up one by one. As read in the
    pages' rows (`with_rendition_rows`), else in one query."""
    pages = list(pages)
    model, fields = _rendition_model()
    unread = []
    for page in pages:
        if not page.image_id:
            continue
        rows = getattr(page, RENDITIONS, NOT_READ)
        if rows is NOT_READ:
            unread.append(page.image)
        else:
            renditions = [from_values(model, fields, row) for row in rows or []]
            for rendition in renditions:
                rendition.image = page.image
            page.image.prefetched_renditions = renditions
    prefetch_related_objects(unread, Prefetch("renditions", to_attr="prefetched_renditions"))
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


# More levels below a home page than the page tree can hold (treebeard's 255-character paths of
# 4-character steps).
MAX_PATH_LEVELS = 64


def live_children_among(parent, pages, private_too=False):
    """The live, public pages just below `parent` among `pages` (fetched along with others),
    in the order of the page tree: a private one (a password, members or a group only) had its
    card on the overview and the home page (attack of 2026-12-05). `private_too`: the private
    ones as well (the main menu names them to those who may open them)."""
    return sorted(
        (
            page
            for page in pages
            if page.live
            and page.depth == parent.depth + 1
            and page.path.startswith(parent.path)
            and (private_too or not below_a_restriction(page))
        ),
        key=lambda page: page.path,
    )


class OverviewPage(ViewRestrictionsMixin, Page):
    """An overview of one kind of page in one language (sectors, stories, calendar): one per
    home page, with an introduction."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

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

    @classmethod
    def of_language_read(cls):
        """The overview of this kind in the language being read, or None: found by its type, as
        editors may rename it or change its address."""
        return cls.objects.live().public().filter(locale=active_locale()).first()

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
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        """Wagtail's routing asks for every level of the path on its way down, two queries a
        level (the child by slug, then its specific page); this finds the page at the whole
        path in two, and gives it what it found along: `found_ancestors`, the pages above it
        below the root (home page first), and `found_translations`, its live language versions
        (itself included); the home page keeps its live children (`found_children`). Only when
        no page type below routes further itself (none of ours does): a page that does gets the
        rest of the path as Wagtail would give it."""
        if len(path_components) > MAX_PATH_LEVELS:
            # Deeper than any page: a made-up address, whose prefixes would cost quadratic time.
            raise Http404
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[:length]) + "/"
            for length in range(1, len(path_components) + 1)
        ]
        url_path = prefixes[-1]
        # By slug first: `url_path` has no index, `slug` has. Along with the page come the pages
        # above it (the breadcrumbs), its live language versions (the language switcher) and
        # the live pages below this home page (the overviews a sector page asks).
        on_path = Page.objects.filter(slug__in=set(path_components), url_path__in=prefixes)
        wanted = Page.objects.filter(slug=path_components[-1], url_path=url_path)
        versions = Page.objects.live().filter(translation_key__in=wanted.values("translation_key"))
        children = self.get_children().live()
        along = list(on_path.order_by().union(versions.order_by(), children.order_by()))
        self.found_children = live_children_among(self, along, private_too=True)
        found = next((page for page in along if page.url_path == url_path), None)
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
        page.found_ancestors = [
            self,
            *sorted(
                (
                    above
                    for above in along
                    if above.depth < found.depth and found.path.startswith(above.path)
                ),
                key=lambda above: above.depth,
            ),
        ]
        page.found_translations = [
            version for version in along if version.translation_key == found.translation_key
        ]
        return RouteResult(page)

    @cached_property
    def _children_and_versions(self):
        """The live pages just below this home page and its live language versions, from one
        query, made when either is first asked for: the home page shows its overviews'
        highlights, its language switcher the versions."""
        children = self.get_children().live()
        versions = Page.objects.live().filter(translation_key=self.translation_key)
        return list(children.order_by().union(versions.order_by()))

    @property
    def found_translations(self):
        """The home page's live language versions, itself included (see home.i18n)."""
        return [
            page
            for page in self._children_and_versions
            if page.translation_key == self.translation_key
        ]

    def live_children(self, private_too=False):
        """The live public pages just below this home page, in the order of the page tree: as its
        route found them, else with its language versions. `private_too`: the private ones as
        well."""
        children = getattr(self, "found_children", None)
        if children is None:
            children = live_children_among(self, self._children_and_versions, private_too=True)
        return children if private_too else [c for c in children if not below_a_restriction(c)]

    def overviews(self):
        """The live overviews under this home page, in the order the home page shows their
        highlights (then in the order of the page tree). The home page needs their methods and
        addresses, not their fields."""
        overviews = [
            page.specific_deferred
            for page in self.live_children()
            if issubclass(page.specific_class or Page, OverviewPage)
        ]
        return sorted(overviews, key=lambda overview: (overview.highlights_order, overview.path))


class StandardPage(ViewRestrictionsMixin, Page):
    """A page of text: about the foundations, history, privacy, accessibility, contact."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def subpages(self):
        """The live, public pages below this one, in the order of the page tree. The main menu
        holds only the home page's children, so a page an editor adds below a page of text (the
        history below the about page) is reached from here, or from nowhere. No query for a page
        with none below it."""
        if not self.numchild:
            return []
        # With the source of an untranslated one (an alias): the list marks its language.
        below = StandardPage.objects.child_of(self).live().select_related("alias_of")
        return list(public(below).order_by("path"))


class FoundationSettingsForm(WagtailAdminModelForm):
    """The foundation settings' form, valid only once each `check_foundation_settings` hook
    found nothing to refuse in it (jumelage/wagtail_hooks.py: who may change which foundation,
    the roles being community's). A refusal stands as an error beside the fields, and the form
    comes back with what she typed, as with any other error."""

    def is_valid(self):
        valid = super().is_valid()
        if valid:
            for check in hooks.get_hooks("check_foundation_settings"):
                check(self)
        return valid and not self.has_errors()

    def has_errors(self):
        return bool(self.errors) or any(
            form.errors for formset in self.formsets.values() for form in formset.forms
        )


@register_setting(icon="group")
class FoundationSettings(ClusterableModel, BaseSiteSetting):
    """Contact details of the twinning foundation in each town, shown in the footer."""

    base_form_class = FoundationSettingsForm

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
        # Each foundation by the singular ("Foundation 1", "Add foundation"); whose details an
        # editor may change is said before she types (jumelage.wagtail_hooks refuses the rest).
        InlinePanel(
            "foundations",
            heading=_("Foundations"),
            label=_("Foundation"),
            help_text=_(
                "Each foundation's editors keep its details: you can change those of your own "
                "foundation, not those of the other town's. The pages below are shared."
            ),
        ),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("contact_page"),
    ]

    class Meta:
        verbose_name = _("foundations")

    @classmethod
    def with_foundations(cls, site):
        """The site's settings and their foundations, in one query: a row per foundation, with
        the settings' fields joined (one row with none before any foundation is entered)."""
        own = [field for field in cls._meta.concrete_fields]
        theirs = [field for field in Foundation._meta.concrete_fields]
        footer = ("privacy_page", "accessibility_page", "contact_page")
        rows = list(
            cls.objects.filter(site=site)
            .values(
                *(field.name for field in own),
                *(f"foundations__{f.name}" for f in theirs),
                *(f"{name}__translation_key" for name in footer),
            )
            .order_by("foundations__sort_order", "foundations__pk")
        )
        if not rows:
            return cls.for_site(site), []
        db = router.db_for_read(cls)
        found = cls.from_db(db, [f.attname for f in own], [rows[0][f.name] for f in own])
        # What the footer links are translations of (see `menu_and_footer_pages`).
        found.footer_translation_keys = {
            rows[0][name]: rows[0][f"{name}__translation_key"] for name in footer if rows[0][name]
        }
        foundations = [
            Foundation.from_db(
                db, [f.attname for f in theirs], [row[f"foundations__{f.name}"] for f in theirs]
            )
            for row in rows
            if row["foundations__id"] is not None
        ]
        for foundation in foundations:
            foundation.settings = found
        return found, foundations

    def menu_and_footer_pages(self, home):
        """The main navigation (the home page's children shown in menus) and the footer's fixed
        pages, both in the language being read: from the home page's live children when it has
        them at hand and they hold the footer's pages, else from one query."""
        wanted = {
            "privacy_page_id": _("Privacy statement"),
            "accessibility_page_id": _("Accessibility statement"),
            "contact_page_id": _("Contact"),
        }
        ids = {
            getattr(self, field): label for field, label in wanted.items() if getattr(self, field)
        }
        found = self._among_live_children(home, ids)
        if found is not None:
            return found
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
        # A private page (Wagtail's Privacy) is named nowhere to those who may not open it
        # (attack 16, F7): the footer names public pages only; the menu's entry of a members' or
        # a group's page is shown to each reader who may open it (templates/includes/
        # menu_items.html), one behind a password to nobody.
        menu = [
            page
            for page in pages
            if page.show_in_menus
            and page.depth == home.depth + 1
            and page.is_descendant_of(home)
            and in_menus(page)
        ]
        pages = [page for page in pages if not below_a_restriction(page)]
        by_source = {
            page.footer_source: page
            for page in pages
            if page.footer_source and locale and page.locale_id == locale.pk
        }
        return menu, [(label, by_source[pk]) for pk, label in ids.items() if pk in by_source]

    def _among_live_children(self, home, ids):
        """The menu and the footer's pages without a query, from the home page's live children
        as it found them (HomePage.live_children), when the home page is in the language being
        read (so are they) and every footer page is among them; else None."""
        keys, locale = getattr(self, "footer_translation_keys", None), active_locale()
        if keys is None or not isinstance(home, HomePage) or locale is None:
            return None
        if home.locale_id != locale.pk:
            return None
        children = home.live_children(private_too=True)
        by_key = {page.translation_key: page for page in children if not below_a_restriction(page)}
        if any(keys.get(pk) not in by_key for pk in ids):
            return None
        menu = [page for page in children if page.show_in_menus and in_menus(page)]
        return menu, [(label, by_key[keys[pk]]) for pk, label in ids.items()]


class Foundation(Orderable):
    """One town's twinning foundation."""

    settings = ParentalKey(FoundationSettings, on_delete=models.CASCADE, related_name="foundations")
    name = models.CharField(_("name"), max_length=150)
    town = models.CharField(_("town"), max_length=100)
    country = models.CharField(
        _("country"), max_length=2, choices=[("NL", _("Netherlands")), ("DE", _("Germany"))]
    )
    address = models.TextField(_("postal address"), blank=True)
    # The address a member's reply to a decision goes to (community.notifications): a mailbox's
    # usual spelling, no quoted name with invisible characters that would break the header.
    email = models.EmailField(_("email address"), blank=True, validators=[validate_email_address])
    phone = models.CharField(_("telephone"), max_length=40, blank=True, validators=[validate_phone])
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
