from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Report, Town


class TownViewSet(SnippetViewSet):
    """Towns of the twinning; editors add guest towns and translate their names."""

    model = Town
    icon = "site"
    menu_label = _("Towns")
    list_display = ["name", "country", "locale"]
    list_filter = ["country"]
    search_fields = ["name"]


register_snippet(TownViewSet)


class ReportViewSet(ModelViewSet):
    """Reports of published contributions, for moderators to decide on."""

    model = Report
    icon = "warning"
    menu_label = _("Reports")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["page", "reason", "created_at", "hid_page", "resolved_at"]
    list_filter = ["reason", "hid_page"]
    form_fields = ["resolved_at", "decision"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return Report.objects.select_related("page")


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return ReportViewSet("reports")
