import json
from functools import cache, wraps

import django_filters
from django import forms
from django.apps import apps
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import BadRequest, PermissionDenied
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.auth import permission_denied, require_admin_access
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.fields import BaseFieldDisplay, register_display_class
from wagtail.admin.ui.tables import Column, LocaleColumn
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.generic.models import EditView, IndexView, InspectView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, ButtonWithDropdownFromHook
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView
from wagtail.snippets.views.snippets import SnippetViewSet

from home.admin_columns import YesNoColumn
from home.choosers import HeadedChooserViewSet, HeadedChooseView
from home.machine_translation import HIDDEN_UNTIL_DECIDED
from home.validators import validate_text

from . import (
    account_admin,
    admin_api,
    admin_titles,
    contributions,
    notifications,
    review_decisions,
    roles,
    user_admin,
)
from .forms import town_names, town_or_elsewhere, towns_named
from .member_overview import member_overview
from .models import NewsletterIndexPage, NewsletterPage, NewsletterSubscriber, Report, Town
from .models.newsletter import SubscriberKind, SubscriberStatus, sent_at_of_pages
from .models.review import COMMENT_MAX_LENGTH, decision_data_is_valid
from .newsletter import admin_views as newsletter_admin
from .roles.names import names_shown_in_history


class TownColumn(Column):
    """A member's town named in the admin's language (members keep the default language's row),
    the names read once per listing, not once per member."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = context.get("request")
        names = getattr(request, "jumelage_town_names", None)
        if names is None:
            names = town_names()
            if request is not None:
                request.jumelage_town_names = names
        context["value"] = town_or_elsewhere(instance.town_id, names)
        return context


class YesNoDisplay(BaseFieldDisplay):
    """A yes/no field on an inspect page, in the admin's language rather than "True"/"False"."""

    template_name = "wagtailadmin/shared/yes_no.html"


register_display_class(models.BooleanField, display_class=YesNoDisplay)


class DateTimeDisplay(BaseFieldDisplay):
    """A moment on an inspect page as the admin's listings show it (the site's time zone and
    the admin's date format), and "–" for none, rather than "None" or a time in UTC."""

    template_name = "wagtailadmin/shared/date_time.html"


register_display_class(models.DateTimeField, display_class=DateTimeDisplay)


class TownLanguageLabels:
    """The town chooser names a town's language "Language" in the admin's language: Wagtail
    gives its locale filter no label (Django makes "Locale" of the field's name, in English
    for everyone) and heads its column "Locale", which its German catalogue leaves so."""

    @property
    def columns(self):
        return [
            LocaleColumn(sort_key=None, label=_("Language"))
            if isinstance(column, LocaleColumn)
            else column
            for column in super().columns
        ]

    def get_filter_form(self):
        form = super().get_filter_form()
        if "locale" in form.fields:
            form.fields["locale"].label = _("Language")
        return form


class TownChooseView(TownLanguageLabels, HeadedChooseView):
    pass


class TownChooseResultsView(TownLanguageLabels, ChooseResultsView):
    pass


class TownChooserViewSet(HeadedChooserViewSet):
    """The town chooser (a story's towns), headed in the admin's language: Wagtail's own
    chooser heading is translated once, at import, in the site's default language (a German
    editor read "Kies" above "Gemeinde")."""

    choose_one_text = _("Choose a town")
    choose_view_class = TownChooseView
    choose_results_view_class = TownChooseResultsView


class TownViewSet(SnippetViewSet):
    """Towns of the twinning; editors add guest towns and translate their names."""

    model = Town
    chooser_viewset_class = TownChooserViewSet
    icon = "site"
    menu_label = _("Towns")
    list_display = ["name", "country", "locale"]
    list_filter = ["country"]
    search_fields = ["name"]


register_snippet(TownViewSet)
# After Wagtail's own (its users app comes later in INSTALLED_APPS), which they replace.
hooks.register("register_bulk_action", user_admin.SetActiveState, order=1)
hooks.register("register_bulk_action", user_admin.AssignRole, order=1)
hooks.register("register_bulk_action", user_admin.Delete, order=1)


@hooks.register("before_edit_snippet")
def town_keeps_its_country(request, instance):
    """A town's country says whose foundation it belongs to, and so which editors coordinate
    the exchange visits to it (exchanges.visits.may_coordinate): only an administrator changes
    it, else the editors of one foundation could make themselves coordinators of the other's
    visits. A refused change keeps the town as it was and says why."""
    if not isinstance(instance, Town) or request.method != "POST" or request.user.is_superuser:
        return None
    if request.POST.get("country", instance.country) == instance.country:
        return None
    messages.error(
        request,
        _(
            "Only an administrator changes a town's country: it decides which foundation's "
            "editors coordinate the exchange visits to the town."
        ),
    )
    return redirect(request.get_full_path())


def yes_no(value):
    return gettext("Yes") if value else gettext("No")


# A yes/no cell of an export in words, not "True".
YES_NO_CELLS = {
    **IndexView.custom_value_preprocess,
    bool: {IndexView.FORMAT_CSV: yes_no, IndexView.FORMAT_XLSX: yes_no},
}


class ReportIndexView(IndexView):
    """The listing reads the reports' pages and people in its own query, not one per row. Its
    export (CSV, Excel) says each cell as the listing does, in the moderator's admin language
    and time zone: the page by its title (a deleted one marked so), the reporter by name and
    yes or no in words, not "True" (choices and times as in every export:
    `home.spreadsheets`)."""

    custom_value_preprocess = YES_NO_CELLS

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page", "author", "reporter")

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row.update(
            page=item.get_page_display(),
            reporter=item.get_reporter_display(),
        )
        return row


COUNTED_ON = _(
    "Members are registered for this meeting or waiting for a place: an editor cancels it "
    "(those registered are told), then takes it off the site."
)


class ReportDecisionForm(WagtailAdminModelForm):
    """A moderator's decision on a report: what they decided, and whether it is handled (which
    closes it: it stops counting as open). The time it was handled is the moment they say so,
    not a date to type."""

    handled = forms.BooleanField(
        label=_("Handled"),
        required=False,
        help_text=_("A handled report is closed: it no longer counts towards hiding the page."),
    )

    take_off = forms.BooleanField(
        label=_("Take the contribution off the site"),
        required=False,
        help_text=_(
            "Every language version leaves the site until an editor publishes it again, and its "
            "open reports are handled. Its member is told by email, not who reported it nor why."
        ),
    )

    class Meta:
        model = Report
        fields = ["decision"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handled"].initial = self.instance.resolved_at is not None
        # Offered while the contribution is on the site (its panel is left out otherwise).
        page = self.instance.page
        if (
            page is None
            or not Page.objects.filter(translation_key=page.translation_key, live=True).exists()
        ):
            del self.fields["take_off"]
        # Checked as a reviewer's comment is (community/models/review.py).
        self.fields["decision"].validators += [
            validate_text,
            MaxLengthValidator(COMMENT_MAX_LENGTH),
        ]

    def clean_take_off(self):
        take_off = self.cleaned_data["take_off"]
        if take_off and self.counted_on():
            raise forms.ValidationError(COUNTED_ON)
        return take_off

    def counted_on(self):
        """Read again under the lock when it is taken off (`hide_contribution`)."""
        versions = Page.objects.filter(translation_key=self.instance.page.translation_key)
        return contributions.counted_on(list(versions.order_by("pk")))

    def save(self, commit=True):
        report = super().save(commit=False)
        # Taking the contribution off decides the report: it is handled.
        if not (self.cleaned_data["handled"] or self.cleaned_data.get("take_off")):
            report.resolved_at = None
        elif report.resolved_at is None:
            report.resolved_at = timezone.now()
        if commit:
            with transaction.atomic():
                report.save()
                if self.cleaned_data.get("take_off") and not self.hide_contribution(report):
                    # A member registered for the meeting since the form was checked: it
                    # stays, and so does the report, open for her to decide again (the form
                    # then says who takes it off). Attack 30, F1.
                    report.resolved_at = None
                    report.save(update_fields=["resolved_at"])
        return report

    def hide_contribution(self, report):
        """Hides the contribution as members' reports do (`Report.objects.file`), its rows
        locked first, and returns whether it did; a member who registered for the meeting since
        the form was sent keeps it on the site. Every report of it still open is handled with
        this one: reports filed before it was taken off count no more once an editor publishes
        it again (`ReportManager._members_reporting`; attack 30, F2)."""
        versions = contributions.locked_versions([report.page.translation_key])
        if contributions.counted_on(versions) or not contributions.hide(versions):
            return False
        report.hid_page = True
        report.hid_page_at = timezone.now()
        report.hid_by_moderation = True
        report.save(update_fields=["hid_page", "hid_page_at", "hid_by_moderation"])
        Report.objects.for_page(report.page).open().exclude(pk=report.pk).update(
            resolved_at=report.resolved_at or timezone.now()
        )
        transaction.on_commit(
            lambda: notifications.notify_contribution_hidden(report, by_moderation=True)
        )
        return True


class ReportDetailsPanel(HelpPanel):
    """What was reported, by whom and why, with the way to the contribution: on the site while it
    is there, in the editor for who may edit it; and, while reports keep it off the site, that
    handling the report does not bring it back (walk 13: a moderator ticked "Handled" on all
    three reports, expecting the story back, and it stayed off with nobody asked)."""

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance.page
            if page is not None:
                page = page.alias_of.specific if page.alias_of_id else page.specific
                if page.permissions_for_user(self.request.user).can_edit():
                    context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[page.pk])
                context["kept_off"] = Report.objects.that_hid(page) is not None
            return context


class ReportViewSet(ModelViewSet):
    """Reports of published contributions, for moderators to decide on; a report of a deleted
    contribution names it by its title, marked deleted (`Report.get_page_display`)."""

    model = Report
    index_view_class = ReportIndexView
    icon = "warning"
    # Wagtail's own "Reports" menu (aging pages, locked pages, …) keeps its name: ours is the
    # reports visitors and members filed.
    menu_label = pgettext_lazy("admin menu: what visitors and members reported", "Reports")
    menu_order = 310
    add_to_admin_menu = True
    list_display = [
        "page",
        "author",
        "reason",
        "created_at",
        YesNoColumn("hid_page", label=_("Took it off the site"), sort_key="hid_page"),
        "resolved_at",
    ]
    list_filter = ["reason", "hid_page"]
    # What was reported, by whom and why, above the decision (`ReportDecisionForm`).
    edit_handler = ObjectList(
        [
            ReportDetailsPanel(
                template="community/admin/report_details.html", heading=capfirst(_("report"))
            ),
            FieldPanel("handled"),
            FieldPanel("decision"),
            FieldPanel("take_off"),
        ],
        base_form_class=ReportDecisionForm,
    )
    inspect_view_enabled = True
    # What a moderator reads (not the hashes that recognise a visitor again), on a report's page
    # and in the list's export; the title kept of a deleted contribution is shown as its page
    # (`get_page_display`).
    inspect_view_fields = [
        "page",
        "author",
        "reason",
        "message",
        "reporter",
        "created_at",
        "hid_page",
        "resolved_at",
        "decision",
    ]
    list_export = inspect_view_fields
    export_headings = {"hid_page": _("Took it off the site")}
    export_filename = "reports"
    copy_view_enabled = False


class ReportPermissionPolicy(ModelPermissionPolicy):
    """Reports are filed by visitors and members on the site, never added in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


report_permissions = ReportPermissionPolicy(Report)
register_permission_policy(Report, report_permissions)


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


class MemberPermissionPolicy(BasePermissionPolicy):
    """The members view: who holds `community.block_member` (moderators, editors,
    administrators) lists and inspects members and blocks or unblocks them. Nobody adds, copies
    or deletes an account here, and no other account is within reach: staff, editors,
    moderators and administrators are managed by administrators under Settings → Users."""

    actions = {"view", "change"}

    def __init__(self):
        super().__init__(get_user_model())

    def user_has_permission(self, user, action):
        return action in self.actions and user.is_active and user.has_perm("community.block_member")

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and roles.is_member(instance)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not self.actions.intersection(actions):
            return users.none()
        permission = Q(codename="block_member", content_type__app_label="community")
        granted = Permission.objects.filter(permission)
        return users.filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=granted)
            | Q(groups__permissions__in=granted)
        ).distinct()

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return roles.members()
        return get_user_model().objects.none()


MEMBER_POLICY = MemberPermissionPolicy()


MEMBERS = _("Members")


class MembersOnlyMixin:
    """Every view of the members viewset (list, edit, inspect, history, usage and any other):
    checked against `MEMBER_POLICY`, and an account that is not a member is not found."""

    permission_policy = MEMBER_POLICY

    def setup(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None:
            if not roles.members().filter(pk=unquote(str(pk))).exists():
                raise Http404
        super().setup(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        # The list is named as the menu names it ("Members"), not by the model ("Users").
        index_url_name = getattr(self, "index_url_name", None)
        index_url = reverse(index_url_name) if index_url_name else None
        return [
            {**item, "label": MEMBERS} if index_url and item.get("url") == index_url else item
            for item in super().get_breadcrumbs_items()
        ]

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if queryset.model is get_user_model():  # the list (the history view lists log entries)
            queryset = roles.members(queryset).select_related("town")
        return queryset


def member_town_choices():
    return [(town.pk, town.name) for town in towns_named()]


class MemberFilterSet(WagtailFilterSet):
    """Members are filtered by town: each town once (members keep the default language's row),
    named in the language of the moderator's admin, and no town as the list names it."""

    town = django_filters.ChoiceFilter(
        label=_("Town"), choices=member_town_choices, null_label=_("Elsewhere or not said")
    )

    class Meta:
        model = get_user_model()
        fields = ["is_active", "town"]


class MemberIndexView(IndexView):
    """The members list. Its export (CSV, Excel) gave an empty file, as it named no column: it
    carries the list's columns, no more (what else is stored on a member stays on their inspect
    page), said as the list says them: the town in the moderator's admin language (read once,
    as `TownColumn` reads it), active in words."""

    custom_value_preprocess = YES_NO_CELLS

    @cached_property
    def town_names(self):
        return town_names()

    def to_row_dict(self, item):
        return {
            **super().to_row_dict(item),
            "town": town_or_elsewhere(item.town_id, self.town_names),
        }


class MemberInspectView(InspectView):
    """A member's town on her inspect page as the list names it: in the admin's language, and
    "Elsewhere or not said" for no town, not "None"."""

    def get_town_display_value(self):
        return town_or_elsewhere(self.object.town_id, town_names())


class MemberEditView(EditView):
    """Blocking a member, with what a moderator reads of her to decide it above the form
    (community/member_overview.py)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, **member_overview(self.object, self.request.user)}


class MemberUsageView(UsageView):
    """Wagtail's "Used n times" of an account named each of her contributions twice (its
    original and its version in the other language, which both name her) and, to a moderator,
    as "(Private page)": her page's summary names each once, with its state and the link its
    reader may open. The address leads there; no page links it (`MemberViewSet`)."""

    def get(self, request, *args, **kwargs):
        return redirect(self.edit_url_name, self.kwargs["pk"])


class MemberViewSet(ModelViewSet):
    """Members (not editors, moderators or administrators) for moderators: who they are, and
    blocking them."""

    model = get_user_model()
    index_view_class = MemberIndexView
    edit_view_class = MemberEditView
    inspect_view_class = MemberInspectView
    edit_template_name = "community/admin/member_edit.html"
    icon = "user"
    menu_label = MEMBERS
    menu_order = 320
    add_to_admin_menu = True
    url_prefix = "members"
    list_display = [
        "email",
        "display_name",
        TownColumn("town", label=_("Town"), sort_key="town"),
        YesNoColumn("is_active", label=_("Active"), sort_key="is_active"),
        "date_joined",
    ]
    list_export = ["email", "display_name", "town", "is_active", "date_joined"]
    export_headings = {"is_active": _("Active")}
    filterset_class = MemberFilterSet
    search_fields = ["email", "display_name"]
    search_backend_name = None
    form_fields = ["blocked_reason"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "email",
        "display_name",
        "town",
        "language",
        # What she shows others on her sectors' pages, and whether she does.
        "bio",
        "show_on_sector_pages",
        "date_joined",
        "is_active",
        "blocked_at",
        "blocked_reason",
    ]

    usage_view_class = MemberUsageView

    def get_common_view_kwargs(self, **kwargs):
        # No "Used n times" beside the header (MemberUsageView).
        return super().get_common_view_kwargs(**{"usage_url_name": None, **kwargs})

    def get_index_view_kwargs(self, **kwargs):
        # The heading says what the menu says (else the model's name: "Users").
        return super().get_index_view_kwargs(page_title=self.menu_label, **kwargs)

    def construct_view(self, view_class, **kwargs):
        if not issubclass(view_class, MembersOnlyMixin):
            view_class = type(view_class.__name__, (MembersOnlyMixin, view_class), {})
        return super().construct_view(view_class, **kwargs)

    @cached_property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        class MembersMenuItem(MenuItem):
            def is_shown(self, request):
                return MEMBER_POLICY.user_has_permission(request.user, "view")

        return MembersMenuItem

    def get_form_class(self, for_update=False):
        return MemberBlockForm


@hooks.register("register_admin_viewset")
def register_member_viewset():
    return MemberViewSet("members")


def only_with_page_permissions(request, *args):
    """Copying, moving, deleting, unpublishing, creating pages and converting aliases: for editors
    only (administrators included), whatever a review task would let a moderator open: moderators
    reach a member's contribution only through the review task, for its preview and actions."""
    if not roles.is_editor(request.user):
        return permission_denied(request)
    return None


for hook_name in (
    "before_create_page",
    "before_copy_page",
    "before_move_page",
    "before_delete_page",
    "before_unpublish_page",
    "before_convert_alias_page",
):
    hooks.register(hook_name, only_with_page_permissions)


@hooks.register("before_move_page")
def move_confirmed_only_within_rights(request, page, destination):
    """Wagtail's move confirmation answered a GET for any page the explorer names and any
    destination, naming both by their drafts' titles (a page above an editor's rights too:
    outsider's attack of 2026-12-07, F2); only sending it checked that she may move the page
    there. It is for who holds rights on both pages (`roles.holds_rights_on`), as the move
    itself; Wagtail's own rules (page types, slugs) answer as before."""
    if not (
        roles.holds_rights_on(request.user, page)
        and roles.holds_rights_on(request.user, destination)
    ):
        return permission_denied(request)
    return None


@hooks.register("before_edit_page")
def decision_data_checked_before_saving(request, page):
    """The page editor's workflow action sends its comment as JSON, and Wagtail reads it (and
    hands it to the task's `on_action`) after saving the form as a new revision: text that is
    no JSON was a server error, keys no task takes one too. Refused as a bad request before
    anything is saved."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return
    try:
        data = json.loads(request.POST.get("workflow-action-extra-data", "{}"))
    except (ValueError, RecursionError):  # RecursionError: arrays nested thousands deep
        raise BadRequest from None
    # The decision named is taken unless the form is sent by another of the editor's buttons
    # (Publish, Submit, Restart), which Wagtail takes first: then its comment is not asked.
    others = ("action-publish", "action-submit", "action-restart-workflow")
    action = (
        None
        if any(request.POST.get(name) for name in others)
        else request.POST.get("workflow-action-name")
    )
    if not decision_data_is_valid(data, action):
        raise BadRequest


# A decision taken with the page editor's workflow actions is confirmed as from the dashboard.
hooks.register("before_edit_page", review_decisions.remember_review_in_progress)
hooks.register("after_edit_page", review_decisions.confirm_decision_in_editor)


TAKEN_OFF_AFTER = {
    True: _("After a report, the moderation took this contribution off the site on %(date)s."),
    False: _("After reports from members, this contribution was taken off the site on %(date)s."),
}
TAKEN_OFF_BEFORE_RECORDED = _("After a report, this contribution was taken off the site.")


# Each sentence by how many language versions it names (walk 9: "these language versions:
# Dutch").
def publishing_brings_back(count):
    return ngettext(
        "Publishing it brings back this language version: %(languages)s.",
        "Publishing it brings back these language versions: %(languages)s.",
        count,
    )


def back_once_machine_translated(count):
    return ngettext(
        "Back once machine-translated again: %(languages)s.",
        "Back once machine-translated again: %(languages)s.",
        count,
    )


def stay_off_until_published(count):
    return ngettext(
        "Back only once published itself: %(languages)s.",
        "Back only once published themselves: %(languages)s.",
        count,
    )


EDIT_LANGUAGE_VERSION = _("Edit %(language)s")


# Before wagtail-localize's, which answers for an alias in another language with its own page
# ("not translated yet"): the German editor opening the German alias read nothing of it (walk 9).
@hooks.register("before_edit_page", order=-1)
def contribution_taken_off_after_report(request, page):
    """An editor opening a contribution reports took off the site reads so above its editor,
    when, and the way to the report, before she publishes it again (walk: the editor showed an
    unpublished draft and nothing else); on its alias in the other language too. Only to who
    may read reports."""
    if request.method != "GET" or not getattr(page, "member_contribution", False):
        return
    if not report_permissions.user_has_any_permission(request.user, ["view", "change"]):
        return
    # An alias is published with its original, and never was by itself: asked of the original.
    alias = page.alias_of_id is not None
    if alias:
        page = page.alias_of.specific
    report = Report.objects.that_hid(page)
    if report is None:
        return
    view = "edit" if report_permissions.user_has_permission(request.user, "change") else "inspect"
    if report.hid_page_at is None:
        # It hid the page before reports recorded when and how (`Report.objects.that_hid`).
        said = TAKEN_OFF_BEFORE_RECORDED
    else:
        date = formats.date_format(timezone.localtime(report.hid_page_at), "DATETIME_FORMAT")
        said = TAKEN_OFF_AFTER[report.hid_by_moderation] % {"date": date}
    back, buttons = what_publishing_brings_back(page, request.user)
    if alias and page.permissions_for_user(request.user).can_edit():
        buttons.insert(0, edit_language_version(page))
    buttons.insert(
        0, admin_messages.button(reverse(f"reports:{view}", args=[report.pk]), _("Read the report"))
    )
    admin_messages.warning(request, " ".join([str(said), *back]), buttons=buttons)


def what_publishing_brings_back(page, user):
    """The sentences that tell the editor which language versions her publish brings back and
    which stay off the site (`contributions.back_when_published`), and a button to the editor
    of each of those she may edit: published one version, an editor thought she had brought
    the contribution back in every language."""
    now, by_machine, stay_off = contributions.back_when_published(page)

    def naming(sentence, locales):
        locales = list(locales)
        names = ", ".join(str(locale.get_display_name()) for locale in locales)
        return sentence(len(locales)) % {"languages": names}

    said = [naming(publishing_brings_back, now)]
    if by_machine:
        said.append(naming(back_once_machine_translated, by_machine))
    if stay_off:
        said.append(naming(stay_off_until_published, (version.locale for version in stay_off)))
    buttons = [
        edit_language_version(version)
        for version in stay_off
        if version.permissions_for_user(user).can_edit()
    ]
    return said, buttons


def edit_language_version(page):
    return admin_messages.button(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        EDIT_LANGUAGE_VERSION % {"language": page.locale.get_display_name()},
    )


@hooks.register("construct_page_chooser_queryset")
def page_chooser_only_with_page_permissions(pages, request):
    """The page chooser (browsing, searching, every page type and locale) shows the page tree
    with titles and states of drafts: moderators, who hold no page permission, are refused it
    (they review submitted contributions through the review task only). An editor chooses the
    pages of her part of the tree and any page published to everyone (a link to the privacy
    statement, another town's meeting), not another part's drafts and private pages
    (`roles.pages_shown_for_linking`)."""

    if not roles.is_editor(request.user):
        raise PermissionDenied
    return pages.filter(pk__in=roles.pages_shown_for_linking(request.user).values("pk"))


def with_page_permissions(view):
    """An admin view for editors and administrators only: the page chooser's answer for chosen
    pages (titles by id) and the site history report (every page's title, every editor's and
    member's address in its filters)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        refused = only_with_page_permissions(request)
        return refused or view(request, *args, **kwargs)

    return require_admin_access(guarded)


def review_to_decide(page):
    """The task state of `page`'s review in progress, or None: none started, or changes were
    requested (the page is its member's again, nothing to decide)."""
    state = page.current_workflow_state
    current = state.current_task_state if state else None
    if current is not None and current.status != current.STATUS_IN_PROGRESS:
        return None
    return current


def may_decide_review(page, user):
    """Whether `user` may decide `page`'s review in progress (its task offers her actions)."""
    current = review_to_decide(page)
    return current is not None and bool(current.task.specific.get_actions(page, user))


def page_within_rights(user, page_id):
    """Whether `page_id` is a page Wagtail's page views may answer `user` about: one she holds a
    permission on or below, or one above those that the explorer leads her through and names
    (`roles.explorable_pages`: Wagtail's views refuse her the rest of such a page, its editor,
    history and revisions), or one whose review she may decide (a moderator's contribution to
    review)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return False
    explorable = roles.explorable_pages(user).filter(pk=page.pk).exists()
    return explorable or may_decide_review(page, user)


# The keyword arguments by which Wagtail's page views name pages.
PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "pk")


def page_shown_for_linking(user, page_id):
    """Whether the page chooser browses below `page_id` for `user`: for an editor, a page it
    shows her (`roles.pages_shown_for_linking`); for anyone else, as `page_within_rights`."""
    if not roles.is_editor(user):
        return page_within_rights(user, page_id)
    return roles.pages_shown_for_linking(user).filter(pk=page_id).exists()


def with_page_rights(view, names=PAGE_ID_KWARGS, within=page_within_rights):
    """A Wagtail page view (the editor, history, usage, copy, move, delete, revisions, …) for
    pages the user holds rights on. Wagtail refuses a page she holds none on with a redirect to
    the dashboard but answers 404 for an id no page has, so that a moderator (who holds no page
    permission) or an editor of another part of the tree told which page ids exist. Both are
    answered here, alike: not found (the admin's 404, `jumelage.views.page_not_found`), before
    any view's own answer (Wagtail's revisions address redirected an id no page has, its lock
    refused a GET before looking)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        for name in names:
            if name in kwargs and not within(request.user, int(kwargs[name])):
                raise Http404
        return view(request, *args, **kwargs)

    return require_admin_access(guarded)


# The page views a reviewer may be led to from elsewhere (a bookmark, a link an editor passed on):
# the editor and the histories.
LED_TO_THE_REVIEW = ("edit", "history", "workflow_history")


def review_instead(view):
    """A page view (`LED_TO_THE_REVIEW`) that who holds no rights on the page but may decide its
    review in progress (a moderator) is led from to that review's preview, what she may read:
    Wagtail answered her "Sorry, you do not have permission to access this area"."""

    @wraps(view)
    def led(request, *args, page_id, **kwargs):
        if request.method == "GET":
            page = Page.objects.filter(pk=page_id).first()
            if page is not None and not roles.holds_rights_on(request.user, page):
                current = review_to_decide(page)
                if current is not None and current.task.specific.get_actions(page, request.user):
                    return redirect("wagtailadmin_pages:workflow_preview", page.pk, current.task_id)
        return view(request, *args, page_id=page_id, **kwargs)

    return led


def with_review_rights(view):
    """Wagtail's review views (a decision, its form, the preview of what is reviewed) for the
    review they name only. Wagtail checks the user's actions against the page in the address
    but acts on the task state in it, and its refusal names the page's draft title: the task
    state must be that page's review in progress, always; and who holds no permission on the
    page (a moderator, an editor of another part of the tree) reaches it only while its current
    review is one she may decide, with its current task, else nothing is found. A review in
    progress only: a task state of the page decided since (approved, changes requested,
    withdrawn) leads to what became of it (`review_decided`)."""

    @wraps(view)
    def guarded(request, page_id, *args, **kwargs):
        if request.method != "POST":
            return checked(request, page_id, *args, **kwargs)
        # A decision holds the page's row, as a member's withdrawal or edit does, from before
        # it reads the review to its end: a withdrawal saved between this check and Wagtail's
        # own led a moderator to the page editor she is refused (attack 33, F4); now she reads
        # that it was withdrawn.
        with transaction.atomic():
            if not Page.objects.select_for_update().filter(pk=page_id).exists():
                raise Http404
            return checked(request, page_id, *args, **kwargs)

    def checked(request, page_id, *args, **kwargs):
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise Http404
        current = review_to_decide(page)
        task_state_id = kwargs.get("task_state_id")
        if task_state_id is not None and (current is None or current.pk != task_state_id):
            # Decided meanwhile (another reviewer, an old tab): what became of it, if the
            # reader may read that; any other task state is not found.
            decided = review_decisions.decided_review_address(page, task_state_id, request.user)
            if decided is None:
                raise Http404
            return review_decisions.lead_to(request, decided)
        if not roles.holds_rights_on(request.user, page):
            task_id = kwargs.get("task_id")
            if current is None or (task_id is not None and current.task_id != task_id):
                raise Http404
            if not current.task.specific.get_actions(page, request.user):
                raise Http404
        return view(request, *args, page_id=page_id, **kwargs)

    return require_admin_access(guarded)


def with_cancellation_rights(view):
    """Wagtail's confirmation that publishing cancels a page's review (the names of its task and
    workflow), for those who may cancel that review only: who may publish the page (publishing
    is what cancels it) and whom the review itself lets cancel it (who asked for it, the page's
    owner, a reviewer of its current task). Wagtail's view answers anyone in the admin for any
    page id; anyone else is refused, for an id no page has too, so that nobody learns which
    pages exist."""

    @wraps(view)
    def guarded(request, page_id, *args, **kwargs):
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise PermissionDenied
        state = page.current_workflow_state
        may_publish = page.permissions_for_user(request.user).can_publish()
        if not may_publish and not (state and state.user_can_cancel(request.user)):
            raise PermissionDenied
        return view(request, *args, page_id=page_id, **kwargs)

    return require_admin_access(guarded)


def with_bulk_action_permissions(view):
    """Wagtail's bulk actions (publish, move, unpublish, delete pages; delete, tag or file images
    and documents; accounts; snippets) for those who hold permissions on their model only. The
    confirmation lists the title of every object asked for by id, those the user may not act on
    included, and Wagtail's `before_bulk_action` hook runs only when the action is carried out,
    after that page was shown. Pages: editors and administrators (moderators hold no page
    permission); any other model: whoever may add, change or delete some of it (its permission
    policy), so not moderators for images, documents, accounts or towns."""

    @wraps(view)
    def guarded(request, app_label, model_name, action):
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            raise Http404 from None
        if issubclass(model, Page):
            refused = only_with_page_permissions(request)
            action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
            if refused or action_class is None:
                return refused or view(request, app_label, model_name, action)
            return within_page_rights(action_class)(request, model).dispatch(request)
        policy = policy_registry.get_by_type(model)
        allowed = policy.user_has_any_permission(request.user, ["add", "change", "delete"])
        refused = None if allowed else permission_denied(request)
        return refused or view(request, app_label, model_name, action)

    return require_admin_access(guarded)


class PagesWithinRights:
    """A bulk action on pages that knows only the pages the explorer shows the user
    (`roles.explorable_pages`: within her rights, and those above): the confirmation names
    those she may act on and those she may not (pages of her part of the tree she may not
    publish, say), never a page of another part; asked for such pages only, nothing is found,
    as for ids no page has."""

    def get_all_objects_in_listing_query(self, parent_id):
        # "All" of a listing below a page: one within her rights (Wagtail's own query failed
        # for an id no page has, a server error).
        if parent_id is not None and not (
            parent_id.isdigit()
            and roles.explorable_pages(self.request.user).filter(pk=parent_id).exists()
        ):
            raise Http404
        return super().get_all_objects_in_listing_query(parent_id)

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        asked = [page.pk for page in [*objects, *extra["items_with_no_access"]]]
        known = set(
            roles.explorable_pages(self.request.user)
            .filter(pk__in=asked)
            .values_list("pk", flat=True)
        )
        objects = [page for page in objects if page.pk in known]
        without_access = [page for page in extra["items_with_no_access"] if page.pk in known]
        if not objects and not without_access:
            raise Http404
        return objects, {**extra, "items_with_no_access": without_access}


@cache
def within_page_rights(action_class):
    """`action_class` (a bulk action on pages) as `PagesWithinRights` has it."""
    return type(action_class.__name__, (PagesWithinRights, action_class), {})


@hooks.register("before_bulk_action")
def publish_only_what_publishing_needs(request, action_type, objects, action):
    """Bulk publishing publishes each page's latest revision, past the page form that asks what
    publishing needs (a story's towns, `RowsToPublishPageForm`): a draft that lacks it is not
    published; the editor is told which and why. With "publish the draft pages below too", the
    drafts below each chosen page as well (Wagtail publishes them past any form)."""
    if action_type != "publish":
        return None
    pages = list(objects)
    if request.method == "POST" and request.POST.get("include_descendants"):
        for page in objects:
            pages += page.get_descendants().not_live().specific(defer=True)
    for page in pages:
        if not hasattr(page.specific_class, "missing_for_review"):
            continue  # no other page type asks anything of a draft (and no query for it)
        latest = page.specific.get_latest_revision_as_object()
        missing = getattr(latest, "missing_for_review", dict)()
        if missing:
            messages.error(
                request,
                _("“%(title)s” was not published: %(missing)s")
                % {"title": latest.title, "missing": " ".join(map(str, missing.values()))},
            )
            return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return None


@hooks.register("before_bulk_action")
def lock_contributions_deleted_in_bulk(request, action_type, objects, action):
    """The explorer's bulk delete deletes page after page in one transaction: the pages among
    and below them (members' contributions, meetings, visits) are locked with their language
    versions all at once first, as one deletion locks those it takes
    (`contributions.lock_for_deletion`)."""
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    contributions.lock_for_deletion(contributions.with_pages_below(objects))
    return None


@hooks.register("construct_reports_menu")
def translations_report_only_with_page_permissions(request, menu_items):
    """The translations report (every translated page's title) is for editors: moderators are
    refused it (jumelage/urls.py) and not shown it in the reports menu."""
    if not roles.is_editor(request.user):
        report = reverse("wagtail_localize:translations_report")
        menu_items[:] = [item for item in menu_items if item.url != report]


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    """The send page of a newsletter (community/newsletter/admin_views.py)."""
    return newsletter_admin.urlpatterns


def newsletter_send_buttons(page, user):
    """ "Send newsletter" on a newsletter in any language, for editors who may publish it (as
    the send page asks; their permissions are cached for the listing): wagtail-localize's
    translation editor has no header buttons, so a German editor finds it in the "more" menu of
    the German newsletter in the page explorer. The send page of a translation sends the
    newsletter itself (its source's audience, each reader in their language)."""
    if (
        issubclass(page.specific_class or Page, NewsletterPage)
        and page.permissions_for_user(user).can_publish()
    ):
        yield Button(
            _("Send newsletter"),
            url=newsletter_admin.send_page_url(page),
            icon_name="mail",
            priority=5,
        )


@hooks.register("register_page_header_buttons")
def newsletter_send_header_button(page, user, view_name, next_url=None):
    yield from newsletter_send_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def newsletter_send_listing_button(page, user, next_url=None):
    yield from newsletter_send_buttons(page, user)


hooks.register("after_create_page", newsletter_admin.tell_published_is_not_public)
hooks.register("register_account_settings_panel", account_admin.LoginPanel)
hooks.register("after_edit_page", newsletter_admin.tell_published_is_not_public)


@hooks.register("construct_explorer_page_queryset")
def newsletters_say_whether_sent(parent_page, pages, request):
    """The archive's listing says of each newsletter whether it was sent, from one annotation
    rather than a query per row (`NewsletterPage.status_string`)."""
    if issubclass(parent_page.specific_class or Page, NewsletterIndexPage):
        pages = pages.annotate(newsletter_sent_at=sent_at_of_pages())
    return pages


@hooks.register("construct_explorer_page_queryset")
def explored_page_named_as_published(parent_page, pages, request):
    """The page being explored, above the reader's rights (Wagtail's explorer leads an editor of
    several parts of the tree through the pages above them), named by its published title in
    the explorer's heading, its window title and its listing's headers, as its row in the
    listing above names it (`roles.admin_title`): Wagtail named it by its draft's title. Its
    view asks this hook before it names the page; the page is only read, never saved."""
    if not roles.holds_rights_on(request.user, parent_page):
        parent_page.draft_title = parent_page.title
    return pages


@hooks.register("construct_admin_api", order=2)  # after home's (order 1), which it extends
def admin_api_names_pages_by_rights(router):
    router.register_endpoint("pages", admin_api.PagesTitledByRights)


@hooks.register("construct_page_listing_buttons")
def listing_buttons_name_the_page_as_published(buttons, page, user, context=None):
    """A listing row's "more" button names its page as the row does (`roles.admin_title`), not
    by its draft's title where the reader holds no rights on it."""
    request = (context or {}).get("request")
    if request is None or roles.holds_rights_on(request.user, page):
        return
    for button in buttons:
        if isinstance(button, ButtonWithDropdownFromHook) and "aria-label" in button.attrs:
            button.attrs["aria-label"] = admin_titles.more_options_label(page)


class NewsletterSubscriberFilterSet(WagtailFilterSet):
    """Subscribers by what the status column says (who gets it, who has not confirmed, who
    left), by kind (a member's account or a visitor's address) and by language."""

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=SubscriberStatus.choices, method="filter_status"
    )
    kind = django_filters.ChoiceFilter(
        label=_("Subscribed as"), choices=SubscriberKind.choices, method="filter_kind"
    )

    class Meta:
        model = NewsletterSubscriber
        fields = ["status", "kind", "language"]

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)

    def filter_kind(self, queryset, name, value):
        return queryset.of_kind(value)


class NewsletterSubscriberIndexView(IndexView):
    @cached_property
    def columns(self):
        """Addresses whole: on a narrow screen the listing scrolls rather than break one
        mid-word."""
        columns = super().columns
        for column in columns:
            if column.name == "address":
                column.link_classname = "w-whitespace-nowrap"
        return columns


class NewsletterSubscriberViewSet(ModelViewSet):
    """Editors see who gets the newsletter (visitors by address, members by account), since
    when and in which language, and delete a subscriber who asks them to (by phone, by letter).
    Subscribing is the visitor's or member's own act: nobody is added or changed here."""

    model = NewsletterSubscriber
    icon = "mail"
    # Short enough for the sidebar; its page keeps the whole heading.
    menu_label = pgettext_lazy("admin menu", "Newsletter subscribers")
    menu_order = 330
    add_to_admin_menu = True
    list_display = [
        "address",
        "status",
        "language",
        "member",
        "consented_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    filterset_class = NewsletterSubscriberFilterSet
    index_view_class = NewsletterSubscriberIndexView
    # Not the token: the subscriber's secret in their unsubscribe links.
    inspect_view_fields = [
        "address",
        "status",
        "member",
        "language",
        "consent_version",
        "consented_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    search_fields = ["email", "user__email", "user__display_name"]
    search_backend_name = None
    form_fields = ["language"]
    inspect_view_enabled = True
    copy_view_enabled = False


class NewsletterSubscriberPermissionPolicy(ModelPermissionPolicy):
    """Subscribers are seen and deleted, never added or changed in the admin."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)


register_permission_policy(
    NewsletterSubscriber, NewsletterSubscriberPermissionPolicy(NewsletterSubscriber)
)


@hooks.register("register_admin_viewset")
def register_newsletter_subscriber_viewset():
    return NewsletterSubscriberViewSet("newsletter_subscribers")


@hooks.register("register_log_actions")
def register_contributions_hidden_until_decided(actions):
    """A member's contribution taken off the site after reports, by the moderation or by
    members' reports (`contributions.hide`): its history says so, not "Unpublished"."""
    actions.register_action(
        HIDDEN_UNTIL_DECIDED,
        _("Take off the site after a report"),
        _("Taken off the site after a report, until the editors decide"),
    )


@hooks.register("register_log_actions", order=1)
def register_names_shown_in_history(actions):
    """After Wagtail's own formatters (order 0): its workflow entries name the workflow and task
    in the reader's language (roles/names.py)."""
    names_shown_in_history(actions)
