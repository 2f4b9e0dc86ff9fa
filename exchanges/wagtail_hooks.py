from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from . import embed_admin, visit_admin
from .choices import RegistrationStatus
from .models import Registration, VisitPage
from .signal_handlers import give_up_places


class RegistrationStatusForm(WagtailAdminModelForm):
    """An editor changes a registration under the members' rules (places, waiting list)."""

    class Meta:
        model = Registration
        fields = ["status"]

    def clean_status(self):
        status = self.cleaned_data["status"]
        joining = status == RegistrationStatus.REGISTERED != self.instance.status
        if joining and Registration.objects.full(self.instance.meeting):
            raise forms.ValidationError(
                _("The meeting is full: cancel another registration first.")
            )
        return status

    def save(self, commit=True):
        stored = Registration.objects.get(pk=self.instance.pk)
        return Registration.objects.change_status(stored, self.cleaned_data["status"])


class RegistrationIndexView(IndexView):
    def get_base_queryset(self):
        # The meeting in the editor's admin language where it is translated.
        return super().get_base_queryset().with_meeting_in(get_language())


class RegistrationViewSet(ModelViewSet):
    """Editors see who registered for which meeting, and export the list as CSV or Excel."""

    model = Registration
    index_view_class = RegistrationIndexView
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

    def get_form_class(self, for_update=False):
        return RegistrationStatusForm

    inspect_view_enabled = True
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("registrations")


@hooks.register("register_admin_urls")
def register_visit_admin_urls():
    """The coordinators' guests, hosts and matching of exchange visits (visit_admin.py)."""
    return visit_admin.urls()


@hooks.register("register_admin_menu_item")
def register_visits_menu_item():
    return visit_admin.menu_item()


@hooks.register("register_admin_urls")
def register_embed_admin_urls():
    """The widgets' copy-paste code (embed_admin.py)."""
    return embed_admin.urls()


@hooks.register("register_admin_menu_item")
def register_embed_menu_item():
    return embed_admin.menu_item()


@hooks.register("register_page_header_buttons")
def visit_header_button(page, user, view_name, next_url=None):
    yield from visit_admin.visit_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def visit_listing_button(page, user, next_url=None):
    yield from visit_admin.visit_buttons(page, user)


def visits_losing_sign_ups(pages):
    """The visits with sign-ups (not cancelled) or offers (not withdrawn) that deleting `pages`
    (and the pages below them) would delete whole: every version of the visit among them, or
    its source version, which takes its translations with it. A translation alone may go: its
    sign-ups move to the other version (models.visits.to_another_language_version)."""
    going = set()
    for page in pages:
        going |= set(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))
    losing = []
    for visit in VisitPage.objects.filter(pk__in=going).select_related("locale"):
        if not visit.has_sign_ups():
            continue
        versions = sorted(
            VisitPage.objects.filter(
                translation_key=visit.translation_key, alias_of__isnull=True
            ).values_list("pk", flat=True)
        )
        source = TranslationSource.objects.filter(object_id=visit.translation_key).first()
        # Without wagtail-localize's record, the first version made is the source.
        is_source = source.locale_id == visit.locale_id if source else visit.pk == versions[0]
        if is_source or not set(versions) - going:
            losing.append(visit)
    return losing


def refuse_deleting(request, losing, back):
    messages.error(
        request,
        _(
            "Members have signed up for this exchange visit or offered hosting: cancel their "
            "sign-ups and withdraw their offers under Exchange visits first, so that they are "
            "told, then delete the page."
        ),
    )
    return redirect(back)


@hooks.register("before_delete_page")
def keep_a_visit_with_sign_ups(request, page):
    """A visit that members signed up for or offered hosting for is not deleted with them (nor
    with a page above it): the coordinators cancel the sign-ups and withdraw the offers first
    (Exchange visits), so that guests and hosts are told."""
    losing = visits_losing_sign_ups([page])
    if not losing:
        return None
    return refuse_deleting(
        request, losing, reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    )


@hooks.register("after_bulk_action")
def give_up_places_of_accounts_made_inactive(request, action_type, objects, action):
    """Wagtail's bulk "set active state" of accounts updates them without saving each (no
    post_save): those now inactive give up their places as a moderator's block does."""
    if action_type != "set_active_state" or not objects:
        return
    user_model = get_user_model()
    if not isinstance(objects[0], user_model):
        return
    inactive = user_model.objects.filter(pk__in=[user.pk for user in objects], is_active=False)
    for user in inactive:
        give_up_places(user)


@hooks.register("before_bulk_action")
def keep_visits_with_sign_ups_in_bulk(request, action_type, objects, action):
    """The same for the explorer's bulk delete."""
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    losing = visits_losing_sign_ups(objects)
    if not losing:
        return None
    return refuse_deleting(request, losing, action.next_url or reverse("wagtailadmin_explore_root"))
