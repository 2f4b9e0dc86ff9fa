"""Admin hooks of the whole site: its stylesheet, the editors' dashboard, foundation settings
guarded by the editors' roles, and machine translation (jumelage/translation_admin.py)."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.snippets.models import register_snippet

from community import roles
from community.roles import foundation_countries
from home.models import Foundation

from . import editor_guide, outbox, translation_admin
from .dashboard import PANELS, contributions_awaiting_review_count
from .site_summary import pages_of_the_readers_language


@hooks.register("insert_global_admin_css")
def admin_stylesheet():
    """What every admin page needs of ours (static/css/admin.css): listings on phones."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    """Our panels first, each only for the roles that may act on it (moderators see the
    contributions awaiting review and the open reports, not registrations or translations).
    Wagtail's "Awaiting your review" is left out: it listed every contribution a second time
    (and spoke informal Dutch); ours lists whatever else awaits the user's review below them."""
    panels[:] = [panel for panel in panels if panel.name != "workflow_objects_to_moderate"]
    ours = [panel() for panel in PANELS]
    panels[:0] = [panel for panel in ours if panel.is_shown(request.user)]


hooks.register(
    "construct_homepage_summary_items", pages_of_the_readers_language, order=1
)  # after Wagtail's own


class ToReviewMenuItem(MenuItem):
    """The way to the dashboard's list of members' contributions awaiting review, for moderators
    and editors, saying how many wait: reached before only through Wagtail's logo."""

    def is_shown(self, request):
        return roles.is_moderator(request.user)

    def render_component(self, request):
        count = contributions_awaiting_review_count()
        label = _("To review (%(count)s)") % {"count": count} if count else _("To review")
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name)


@hooks.register("register_admin_menu_item")
def to_review_menu_item():
    return ToReviewMenuItem(
        _("To review"),
        # The dashboard itself, whose first panel the list is: Wagtail's sidebar marks an item
        # active by the address's path, which a "#awaiting-review" never matched.
        reverse("wagtailadmin_home"),
        name="to-review",
        icon_name="tasks",
        order=90,
    )


def _field_changed(bound_field):
    """Changed for a person: browsers send a text area's line breaks as CR LF, which the
    stored text (LF) must not count as a change of the other town's address."""
    data = bound_field.data
    if isinstance(data, str):
        data = data.replace("\r\n", "\n")
    return bound_field.field.has_changed(bound_field.initial, data)


@hooks.register("check_foundation_settings")
def editors_change_only_their_own_foundation(form):
    """The foundation settings hold both foundations' details and the shared footer pages. An
    editor group keeps its own foundation's details (community.roles.FOUNDATION_OF_GROUP): a
    change that adds, edits or removes the other town's foundation is refused beside what she
    changed, and nothing is saved. The footer pages are the site's, either editor group may
    change them. One entry a town: a second entry of a country would speak for its foundation in
    the footer and answer the decision emails' replies (attack 41)."""
    instance, user = form.instance, form.for_user
    stored = dict(Foundation.objects.filter(settings=instance).values_list("pk", "country"))
    own = foundation_countries(user)
    forms = form.formsets["foundations"].forms
    touched = set()
    for foundation in forms:
        changed = [name for name in foundation.changed_data if _field_changed(foundation[name])]
        if not changed:
            continue
        countries = {stored.get(foundation.instance.pk), foundation.cleaned_data.get("country")}
        touched |= countries - {None}
        if countries - {None} - own:
            refusal = _("You may change only the details of your own foundation.")
            # Beside the first field she typed into; a removal or a move of the entry, whose
            # row the admin hides or which has no field to show it by, above the form.
            shown = [name for name in changed if name not in ("DELETE", "ORDER")]
            if shown and not foundation.cleaned_data.get("DELETE"):
                foundation.add_error(shown[0], refusal)
            elif refusal not in form.non_field_errors():
                form.add_error(None, refusal)
    kept = [
        foundation.cleaned_data.get("country")
        for foundation in forms
        if foundation.cleaned_data and not foundation.cleaned_data.get("DELETE")
    ]
    # Of the countries this change touches: a duplicate stored before the rule does not keep
    # the other town's editors from saving theirs.
    doubled = {country for country in kept if kept.count(country) > 1} & touched
    for foundation in forms:
        if foundation.has_changed() and foundation.cleaned_data.get("country") in doubled:
            if not foundation.cleaned_data.get("DELETE"):
                foundation.add_error(
                    "country",
                    _("Each town has one foundation: change its entry rather than adding another."),
                )


@hooks.register("register_admin_urls")
def outgoing_email_urls():
    return outbox.urls()


@hooks.register("register_reports_menu_item")
def outgoing_email_menu_item():
    return outbox.menu_item()


@hooks.register("register_admin_urls")
def machine_translation_urls():
    return translation_admin.urls()


@hooks.register("register_page_header_buttons")
def translate_header_button(page, user, view_name, next_url=None):
    yield from translation_admin.translate_buttons(page, user, next_url)


@hooks.register("register_page_listing_more_buttons")
def translate_listing_button(page, user, next_url=None):
    yield from translation_admin.translate_buttons(page, user, next_url)


register_snippet(translation_admin.GlossaryViewSet)


@hooks.register("register_admin_urls")
def editor_guide_urls():
    return editor_guide.urls()


@hooks.register("register_help_menu_item")
def editor_guide_menu_item():
    return editor_guide.menu_item()
