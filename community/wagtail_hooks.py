from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Town


class TownViewSet(SnippetViewSet):
    """Towns of the twinning; editors add guest towns and translate their names."""

    model = Town
    icon = "site"
    menu_label = _("Towns")
    list_display = ["name", "country", "locale"]
    list_filter = ["country"]
    search_fields = ["name"]


register_snippet(TownViewSet)
