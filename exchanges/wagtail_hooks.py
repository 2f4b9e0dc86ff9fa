from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Registration


class RegistrationViewSet(ModelViewSet):
    """Editors see who registered for which meeting, and export the list as CSV or Excel."""

    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["meeting_title", "member_name", "member_email", "status", "queued_at"]
    list_filter = ["status", "meeting"]
    list_export = [
        "meeting_title",
        "meeting_start",
        "member_name",
        "member_email",
        "status",
        "queued_at",
    ]
    export_filename = "registrations"
    search_fields = ["user__email", "user__display_name", "meeting__title"]
    search_backend_name = None
    form_fields = ["status"]
    inspect_view_enabled = True
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("registrations")
