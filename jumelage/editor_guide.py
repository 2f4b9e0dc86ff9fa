"""The admin's guide to this site (Help → "Guide for this site"): what each role does and the
steps of the daily work, in the reader's admin language. Wagtail's own guide, which the Help menu
keeps, is in English and knows nothing of contributions, reports, translations or visits.

Every admin user may read it. Everyone who works in the admin reviews contributions and handles
reports and members; the editors' sections (pages, translations, meetings, visits, newsletters,
images) are shown to editors only, so a moderator does not read how to send a newsletter she may
not send, and the administrators' one to administrators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from community import roles


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "jumelage/admin/editor_guide.html"
    page_title = gettext_lazy("Guide for this site")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            **kwargs,
            for_editors=roles.is_editor(user),
            for_administrators=user.is_superuser,
        )


def urls():
    return [path("guide/", EditorGuideView.as_view(), name="jumelage_editor_guide")]


def menu_item():
    return MenuItem(
        gettext_lazy("Guide for this site"),
        reverse("jumelage_editor_guide"),
        name="guide-for-this-site",
        icon_name="help",
        order=900,
    )
