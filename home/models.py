from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import BaseStreamBlock


class HomePage(Page):
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


class StandardPage(Page):
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

    panels = [InlinePanel("foundations", label=_("Foundations"))]

    class Meta:
        verbose_name = _("foundations")


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
