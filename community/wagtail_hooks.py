from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import IndexView
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


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return ReportViewSet("reports")


class MemberBlockForm(WagtailAdminModelForm):
    """Moderators block (or unblock) a member; blocking needs a reason."""

    block = forms.BooleanField(label=_("Blocked"), required=False)

    class Meta:
        model = get_user_model()
        fields = ["blocked_reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block"].initial = not self.instance.is_active

    def clean(self):
        data = super().clean()
        if data.get("block") and not data.get("blocked_reason", "").strip():
            self.add_error("blocked_reason", _("Say why the member is blocked."))
        return data

    def _post_clean(self):
        super()._post_clean()
        member = self.instance
        if self.cleaned_data.get("block"):
            if member.is_active:
                member.is_active = False
                member.blocked_at = timezone.now()
        else:
            member.is_active = True
            member.blocked_at = None


class MemberIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(is_staff=False, is_superuser=False, groups=None)


class MemberViewSet(ModelViewSet):
    """Members (not editors) for moderators: who they are, and blocking them."""

    model = get_user_model()
    icon = "user"
    menu_label = _("Members")
    menu_order = 320
    add_to_admin_menu = True
    url_prefix = "members"
    list_display = ["email", "display_name", "town", "is_active", "date_joined"]
    list_filter = ["is_active", "town"]
    search_fields = ["email", "display_name"]
    search_backend_name = None
    index_view_class = MemberIndexView
    form_fields = ["blocked_reason"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return MemberBlockForm


@hooks.register("register_admin_viewset")
def register_member_viewset():
    return MemberViewSet("members")
