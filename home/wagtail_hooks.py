from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.contrib.settings.views import get_setting_edit_handler
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

from community.roles import foundation_countries

from .dashboard import PANELS
from .models import Foundation, FoundationSettings


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    """Our panels first, each only for the roles that may act on it (moderators see the
    contributions awaiting review and the open reports, not registrations or translations)."""
    ours = [panel() for panel in PANELS]
    panels[:0] = [panel for panel in ours if panel.is_shown(request.user)]


@hooks.register("insert_global_admin_js")
def translation_editor_heading_in_admin_language():
    """wagtail-localize's editor titles its strings in English (js/translation-heading.js)."""
    return format_html(
        '<script src="{}" data-heading="{}" defer></script>',
        static("js/translation-heading.js"),
        _("%(source)s to %(target)s translation"),
    )


class ContributionContentCheckerItem(ContentCheckerItem):
    """Wagtail's accessibility checker, also checking that every image has alternative text
    (members' photos above all) and that form fields have labels."""

    axe_run_only = [*ContentCheckerItem.axe_run_only, "image-alt", "label", "document-title"]


@hooks.register("construct_wagtail_userbar")
def use_our_accessibility_checker(request, items, page):
    items[:] = [
        ContributionContentCheckerItem() if isinstance(item, ContentCheckerItem) else item
        for item in items
    ]


@hooks.register("before_edit_setting")
def editors_change_only_their_own_foundation(request, instance):
    """The foundation settings hold both foundations' details and the shared footer pages. An
    editor group keeps its own foundation's details (community.roles.FOUNDATION_OF_GROUP): a
    change that adds, edits or removes the other town's foundation is refused and nothing is
    saved. The footer pages are the site's, either editor group may change them."""
    if request.method != "POST" or not isinstance(instance, FoundationSettings):
        return None
    form_class = get_setting_edit_handler(FoundationSettings).get_form_class()
    form = form_class(request.POST, request.FILES, instance=instance, for_user=request.user)
    if not form.is_valid():
        return None  # the edit view shows the errors and saves nothing
    stored = dict(Foundation.objects.filter(settings=instance).values_list("pk", "country"))
    touched = set()
    for foundation in form.formsets["foundations"].forms:
        if not foundation.has_changed():
            continue
        touched.add(stored.get(foundation.instance.pk))
        touched.add(foundation.cleaned_data.get("country"))
    touched.discard(None)
    if touched - foundation_countries(request.user):
        messages.error(request, _("You may change only the details of your own foundation."))
        return redirect(request.get_full_path())
    return None


def choosable_only(endpoint):
    """An endpoint of the admin's API that lists only what the user may choose or change: by
    default it lists every image and document, with their originals' addresses, to anyone with
    admin access (moderators hold no permission on either)."""

    class Choosable(endpoint):
        def get_queryset(self):
            user = self.request.user
            policy = policy_registry.get_by_type(self.model)
            allowed = policy.instances_user_has_any_permission_for(user, {"choose", "change"})
            return super().get_queryset().filter(pk__in=allowed.values("pk"))

    return Choosable


@hooks.register("construct_admin_api", order=1)  # after Wagtail's own registrations
def admin_api_lists_only_what_the_user_may_choose(router):
    router.register_endpoint("images", choosable_only(ImagesAdminAPIViewSet))
    router.register_endpoint("documents", choosable_only(DocumentsAdminAPIViewSet))
