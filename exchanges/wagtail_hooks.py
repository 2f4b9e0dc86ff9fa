from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.models import Translation, TranslationSource

from community import contributions
from community.review_editing import ReviewedPageViewSet
from home.redirects import ADDRESS_KEPT, addresses_kept

from . import embed_admin, expiry, visit_admin
from .choices import RegistrationStatus
from .models import MeetingPage, Registration, RegistrationClosed, StoryPage, VisitPage
from .models.language_versions import surviving_version
from .models.registrations import BLOCKED_MEMBER
from .signal_handlers import give_up_places


class RegistrationStatusForm(WagtailAdminModelForm):
    """An editor changes a registration under the members' rules (places, waiting list)."""

    class Meta:
        model = Registration
        fields = ["status"]

    def clean_status(self):
        status = self.cleaned_data["status"]
        holding = status in (RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED)
        if holding and status != self.instance.status and self.member_blocked():
            raise forms.ValidationError(BLOCKED_MEMBER)
        joining = status == RegistrationStatus.REGISTERED != self.instance.status
        if joining and Registration.objects.full(self.instance.meeting):
            raise forms.ValidationError(
                _("The meeting is full: cancel another registration first.")
            )
        return status

    def member_blocked(self):
        """Read again: the member may have been blocked since the form was opened."""
        users = get_user_model()._default_manager
        return users.filter(pk=self.instance.user_id, is_active=False).exists()

    def save(self, commit=True):
        stored = Registration.objects.get(pk=self.instance.pk)
        return Registration.objects.change_status(stored, self.cleaned_data["status"])


class RegistrationEditView(EditView):
    """The form's checks read the meeting and the account without a lock: a block or another
    registration committed since is refused when the change is stored, under the locks
    (Registration.objects.change_status), and said on the form with what the editor chose, not
    answered with an error page."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except RegistrationClosed as refusal:
            form.add_error("status", str(refusal))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class RegistrationIndexView(IndexView):
    def get_base_queryset(self):
        # The meeting in the editor's admin language where it is translated.
        return super().get_base_queryset().with_meeting_in(get_language())


class RegistrationViewSet(ModelViewSet):
    """Editors see who registered for which meeting, and export the list as CSV or Excel."""

    model = Registration
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
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


@hooks.register("register_admin_viewset")
def register_contributed_page_viewsets():
    """The page editor of stories and meetings (what members contribute) without autosave while
    in review (community/review_editing.py)."""
    return [
        ReviewedPageViewSet(f"{model._meta.model_name}_pages", model=model)
        for model in (StoryPage, MeetingPage)
    ]


@hooks.register("register_log_actions")
def register_expiry_kept(actions):
    """The page history's entry for an expiry date cleared (exchanges/expiry.py)."""
    actions.register_action(expiry.KEPT, expiry.KEPT_LABEL, expiry.KEPT_MESSAGE)


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


def losing_sign_ups(going):
    """The meetings members count on (registered or waiting, `MeetingQuerySet.counted_on`)
    and the visits with sign-ups (not cancelled) or offers (not withdrawn) that deleting the
    pages `going` (a queryset, the pages below included) would delete whole: their source
    version is among them, which takes its translations with it, or no version would be left
    on the site for members to reach. A translation alone may go while another version stays
    live: what members entered on it moves there (models.language_versions)."""
    going_pks = set(going.values_list("pk", flat=True))
    losing = {}
    signed_up = [
        *MeetingPage.objects.filter(pk__in=going_pks).counted_on().select_related("locale"),
        *VisitPage.objects.filter(pk__in=going_pks).with_sign_ups().select_related("locale"),
    ]
    for page in signed_up:
        if page.translation_key in losing:
            continue
        if (
            is_source(page)
            or surviving_version(Page.objects, page.translation_key, going_pks) is None
        ):
            losing[page.translation_key] = page
    return list(losing.values())


def is_source(page):
    """Whether `page` is the version its translations were made from; without
    wagtail-localize's record, the first version made (not an alias) is."""
    source = TranslationSource.objects.filter(object_id=page.translation_key).first()
    if source is not None:
        return source.locale_id == page.locale_id
    first = (
        Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    return page.pk == first


REFUSALS = {
    MeetingPage: _(
        "Members are registered for this meeting or waiting for a place: deleting it would "
        "delete their registrations without telling them. Cancel the meeting instead (tick "
        "“cancelled” and publish: they are told by email and the invitation leaves their "
        "calendars), or cancel their registrations under Registrations; then it can be "
        "deleted. A translation can be deleted alone while the meeting stays published in its "
        "original language: its registrations move there."
    ),
    VisitPage: _(
        "Members have signed up for this exchange visit or offered hosting: cancel their "
        "sign-ups and withdraw their offers under Exchange visits first, so that they are "
        "told, then delete the page. A translation can be deleted alone while the visit stays "
        "published in its original language: its sign-ups and offers move there."
    ),
}


UNPUBLISHING_REFUSALS = {
    MeetingPage: _(
        "Members are registered for this meeting or waiting for a place: unpublishing it would "
        "leave them registered for a page they cannot open, untold. Cancel the meeting instead "
        "(tick “cancelled” and publish: they are told by email and the invitation leaves their "
        "calendars), or cancel their registrations under Registrations; then it can be "
        "unpublished."
    ),
    VisitPage: _(
        "Members have signed up for this exchange visit or offered hosting: unpublishing it "
        "would leave them signed up for a page they cannot open, untold. Cancel their sign-ups "
        "and withdraw their offers under Exchange visits first, so that they are told; then it "
        "can be unpublished."
    ),
}


def sent_back(request, refusals, to, *args):
    """Each refusal told as an error, and the editor sent back to `to` (a URL or a view's name
    with `args`); None when nothing is refused, so that the action goes ahead."""
    for refusal in refusals:
        messages.error(request, refusal)
    return redirect(to, *args) if refusals else None


def refused_unpublishing(request, pages, back):
    """The editor's unpublishing of `pages` (with the pages below them if the form says so), or
    None when it may go ahead: not while members count on a meeting or a visit among them
    (`counted_on`; walk of 2026-12-04: the member area linked to a page not found, its cancel
    button gone, and the registration email's promise to cancel on the meeting's page broken;
    outsider's pass: visits with sign-ups were still unpublished)."""
    if request.POST.get("include_descendants"):
        going = contributions.with_pages_below(pages)
    else:
        going = Page.objects.filter(pk__in=[page.pk for page in pages])
    refusals = [UNPUBLISHING_REFUSALS[model] for model in counted_on_among(going)]
    return sent_back(request, refusals, back()) if refusals else None


def counted_on_among(pages):
    """The page types (meeting, visit) of which members count on a published one among `pages`
    (a queryset; `counted_on`)."""
    return [
        model
        for model in UNPUBLISHING_REFUSALS
        if model.objects.live().filter(pk__in=pages.values("pk")).counted_on().exists()
    ]


def counted_on_in(pages):
    """The published meetings and visits among `pages` (a queryset) that members count on."""
    return [
        page
        for model in UNPUBLISHING_REFUSALS
        for page in model.objects.live().filter(pk__in=pages.values("pk")).counted_on()
    ]


MOVING_REFUSALS = {
    MeetingPage: _(
        "Members are registered for this meeting (or one below this page) or waiting for a "
        "place: moving it under a private page would lock them out of the page their emails "
        "link to. Cancel the meeting first (tick “cancelled” and publish: they are told by "
        "email), or cancel their registrations under Registrations; or choose a page that is "
        "not private."
    ),
    VisitPage: _(
        "Members have signed up for this exchange visit (or one below this page) or offered "
        "hosting: moving it under a private page would lock them out of the page their emails "
        "link to. Cancel their sign-ups and withdraw their offers under Exchange visits first, "
        "so that they are told; or choose a page that is not private."
    ),
}


def refusals_of_moving(pages, destination):
    """Why moving `pages` (with the pages below them) under `destination` is refused: members
    count on a meeting or visit among them, and the destination, or a language version of it
    where the admin moves their translations, is private (Wagtail's "Privacy" on it or on a
    page above it), as a meeting or visit members count on is not made private
    (page_admin.PrivacyKeepingMembersIn)."""
    versions = Page.objects.filter(translation_key=destination.translation_key)
    above = Page.objects.none()
    for version in versions:
        above |= Page.objects.ancestor_of(version, inclusive=True)
    if not PageViewRestriction.objects.filter(page__in=above).exists():
        return []
    going = contributions.with_pages_below(pages)
    return [MOVING_REFUSALS[model] for model in counted_on_among(going)]


def explorer_above(page):
    """The explorer's listing of the page's parent, where the editor came from."""
    parent = Page.objects.filter(path=page.path[: -page.steplen]).first()
    if parent is None:
        return reverse("wagtailadmin_explore_root")
    return reverse("wagtailadmin_explore", args=[parent.pk])


ALIAS_REFUSAL = _(
    "A meeting or an exchange visit (this page, or one below it) cannot have an alias in its "
    "own language: members would register for it as for another meeting, which goes offline "
    "with the original, untold. Copy it without “alias”, or link to the page."
)


@hooks.register("before_copy_page")
def refuse_aliases_of_meetings_and_visits(request, page):
    """The admin's copy made as an alias, in the page's own language, of a meeting or visit
    (or a page above one, with its pages below): it got a translation key of its own, so members
    signed up through it as for another meeting (overbooking a full one), and it went offline
    with the original, which the refusals above did not see. Back to the copy form."""
    if request.method != "POST" or not request.POST.get("alias"):
        return None
    if request.POST.get("copy_subpages"):
        copied = Page.objects.descendant_of(page, inclusive=True)
    else:
        copied = Page.objects.filter(pk=page.pk)
    if not any(model.objects.filter(pk__in=copied.values("pk")).exists() for model in REFUSALS):
        return None
    return sent_back(request, [ALIAS_REFUSAL], "wagtailadmin_pages:copy", page.pk)


@hooks.register("before_unpublish_page")
def keep_meetings_members_count_on_published(request, page):
    return refused_unpublishing(request, [page], lambda: explorer_above(page))


@hooks.register("before_move_page")
def keep_what_members_count_on_public_when_moved(request, page, destination):
    """The move's confirmation and its sending (`refusals_of_moving`): back to choosing
    another destination, as Wagtail sends back a move whose slug is taken there."""
    return sent_back(
        request, refusals_of_moving([page], destination), "wagtailadmin_pages:move", page.pk
    )


def refused_deletion(request, pages, back):
    """The editor's deletion of `pages` (the pages below them included), or None when it may go
    ahead. Sent (POST), it first locks every language version of what it takes, as a deletion
    does (community.contributions.lock_for_deletion), but before Django collects what goes
    with them (where registrations and sign-ups move to another version): a registration sent
    meanwhile is stored before and counted here, or waits and finds the page gone; a second
    editor deleting another version at once waits, and is refused or finds it gone."""
    going = contributions.with_pages_below(pages)
    if request.method == "POST":
        contributions.lock_for_deletion(going)
        if Page.objects.filter(pk__in=[page.pk for page in pages]).count() < len(pages):
            messages.error(request, _("This page was deleted meanwhile by someone else."))
            return redirect(back())
    refusals, _losing = refusals_of_deletion(going)
    return sent_back(request, refusals, back()) if refusals else None


def refusals_of_deletion(going):
    """Why deleting `going` (a queryset, the pages below included) is refused, and the pages
    members count on that it would take; nothing when it may go ahead."""
    losing = losing_sign_ups(going)
    return [REFUSALS[model] for model in {type(page) for page in losing}], losing


# The bulk confirmations' refusals of several pages of a type: the singular is the single
# page's refusal above (a msgid cannot be both a plain and a plural entry in the catalogue);
# Dutch and German both take the singular for one page only.
SEVERAL_REFUSED = {
    "delete": {
        MeetingPage: _(
            "Members are registered for these meetings or waiting for a place: deleting them "
            "would delete their registrations without telling them. Cancel the meetings "
            "instead (tick “cancelled” and publish: they are told by email and the invitation "
            "leaves their calendars), or cancel their registrations under Registrations; then "
            "they can be deleted. A translation can be deleted alone while the meeting stays "
            "published in its original language: its registrations move there."
        ),
        VisitPage: _(
            "Members have signed up for these exchange visits or offered hosting: cancel their "
            "sign-ups and withdraw their offers under Exchange visits first, so that they are "
            "told, then delete the pages. A translation can be deleted alone while the visit "
            "stays published in its original language: its sign-ups and offers move there."
        ),
    },
    "unpublish": {
        MeetingPage: _(
            "Members are registered for these meetings or waiting for a place: unpublishing "
            "them would leave them registered for pages they cannot open, untold. Cancel the "
            "meetings instead (tick “cancelled” and publish: they are told by email and the "
            "invitation leaves their calendars), or cancel their registrations under "
            "Registrations; then they can be unpublished."
        ),
        VisitPage: _(
            "Members have signed up for these exchange visits or offered hosting: unpublishing "
            "them would leave them signed up for pages they cannot open, untold. Cancel their "
            "sign-ups and withdraw their offers under Exchange visits first, so that they are "
            "told; then they can be unpublished."
        ),
    },
}

NOTHING_DONE = {
    "delete": ngettext_lazy(
        "The selected page is not deleted.",
        "None of the %(count)s selected pages is deleted.",
        "count",
    ),
    "unpublish": ngettext_lazy(
        "The selected page is not unpublished.",
        "None of the %(count)s selected pages is unpublished.",
        "count",
    ),
}

DESELECT = {
    "delete": ngettext_lazy(
        "The other selected pages are not deleted either: to delete them, deselect this page "
        "in the explorer and try again.",
        "The other selected pages are not deleted either: to delete them, deselect these "
        "pages in the explorer and try again.",
        "count",
    ),
    "unpublish": ngettext_lazy(
        "The other selected pages are not unpublished either: to unpublish them, deselect this "
        "page in the explorer and try again.",
        "The other selected pages are not unpublished either: to unpublish them, deselect "
        "these pages in the explorer and try again.",
        "count",
    ),
}

# The bulk unpublish of pages above meetings or visits members count on: as the single page's
# confirmation (page_admin.KEPT_BELOW), it offers to unpublish them alone, without their
# subpages, instead of Wagtail's "include subpages" that would be refused once sent.
COUNTED_ON_BELOW_SELECTED = ngettext_lazy(
    "Members count on meetings or exchange visits below this page:",
    "Members count on meetings or exchange visits below these %(count)s pages:",
    "count",
)

UNPUBLISHED_ALONE = ngettext_lazy(
    "Only the selected page is unpublished: the meetings and visits below it stay published.",
    "Only the selected pages are unpublished: the meetings and visits below them stay published.",
    "count",
)


class RefusingWhatMembersCountOn:
    """The explorer's bulk delete and bulk unpublish, whose confirmations asked "Are you
    sure…?" of a meeting members count on and refused only once the editor confirmed (walks
    of 2026-12-04 and 12-05): the confirmation says that nothing of the selection is done,
    which pages are refused and why, and offers only to go back. Sent anyway, it is refused as
    before (`keep_what_members_signed_up_for_in_bulk`). Wagtail's confirmation is extended by
    ours (`wagtail_template`), so that both share it."""

    template_name = "exchanges/admin/confirm_bulk_action.html"

    def refused_among(self, pages):
        """The pages among `pages` members count on: for a deletion, with the pages below them
        that it takes too; an unpublishing takes only the pages themselves."""
        if self.action_type == "delete":
            return refusals_of_deletion(contributions.with_pages_below(pages))[1]
        return counted_on_in(Page.objects.filter(pk__in=[page.pk for page in pages]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["wagtail_template"] = super().template_name
        pages = [item["item"] for item in context["items"]]
        refused = self.refused_among(pages) if pages else []
        if refused:
            context["refusal"] = self.refusal(pages, refused)
        elif self.action_type == "unpublish":
            # One look below the whole selection, not one for each selected page.
            counted = counted_on_in(contributions.with_pages_below(pages))
            above = [
                page
                for page in pages
                if any(meeting.path.startswith(page.path) for meeting in counted)
            ]
            if above:
                context["kept_below"] = self.kept_below(pages, above)
                # Wagtail's form then has no "include subpages": they would be refused.
                context["has_live_descendants"] = False
        elif self.action_type == "delete" and addresses_kept(contributions.with_pages_below(pages)):
            context["address_kept"] = ADDRESS_KEPT
        return context

    def kept_below(self, pages, above):
        """What the bulk unpublish's confirmation says of the selected `pages` when members
        count on meetings or visits below some of them (`above`)."""
        return {
            "counted_on_below": COUNTED_ON_BELOW_SELECTED % {"count": len(above)},
            "pages": above,
            "alone": UNPUBLISHED_ALONE % {"count": len(pages)},
        }

    def refusal(self, pages, refused):
        """What the confirmation says instead of asking. The language versions of one meeting
        or visit are one of them, listed together: they were counted as several."""
        versions = {}
        for page in refused:
            versions.setdefault(page.translation_key, []).append(page)
        by_type = {}
        for of_one in versions.values():
            by_type.setdefault(type(of_one[0]), []).append(of_one)
        singular = REFUSALS if self.action_type == "delete" else UNPUBLISHING_REFUSALS
        reasons = [
            singular[model] if len(of_type) == 1 else SEVERAL_REFUSED[self.action_type][model]
            for model, of_type in by_type.items()
        ]
        refused_pks = {page.pk for page in refused}
        others = any(page.pk not in refused_pks for page in pages)
        return {
            "nothing_done": NOTHING_DONE[self.action_type] % {"count": len(pages)},
            "counted_on": ngettext(
                "Members count on this page:",
                "Members count on these %(count)s pages:",
                len(versions),
            )
            % {"count": len(versions)},
            "versions": list(versions.values()),
            "reasons": reasons,
            "deselect": DESELECT[self.action_type] % {"count": len(refused)} if others else "",
        }


class DeletingOnlyWhatMembersDoNotCountOn(RefusingWhatMembersCountOn, DeleteBulkAction):
    """The explorer's bulk delete, with our confirmation."""


class UnpublishingOnlyWhatMembersDoNotCountOn(RefusingWhatMembersCountOn, UnpublishBulkAction):
    """The explorer's bulk unpublish, with our confirmation."""


# After Wagtail's own (order 0), which it replaces.
hooks.register("register_bulk_action", DeletingOnlyWhatMembersDoNotCountOn, order=1)
hooks.register("register_bulk_action", UnpublishingOnlyWhatMembersDoNotCountOn, order=1)


@hooks.register("before_delete_page")
def keep_what_members_signed_up_for(request, page):
    """A meeting members count on, or a visit that members signed up for or offered hosting
    for, is not deleted with them (nor with a page above it): the editors cancel the meeting
    (the registered are told), or the coordinators cancel the sign-ups and withdraw the offers
    first (Exchange visits), so that guests and hosts are told."""
    return refused_deletion(request, [page], lambda: explorer_above(page))


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
def keep_what_members_signed_up_for_in_bulk(request, action_type, objects, action):
    """The same for the explorer's bulk delete, bulk unpublish and bulk move."""
    if action_type not in ("delete", "unpublish", "move") or not objects:
        return None
    if not isinstance(objects[0], Page):
        return None
    back = action.next_url or reverse("wagtailadmin_explore_root")
    if action_type == "move":
        destination = action.cleaned_form.cleaned_data["chooser"]
        return sent_back(request, refusals_of_moving(objects, destination), back)
    refused = refused_deletion if action_type == "delete" else refused_unpublishing
    return refused(request, objects, lambda: back)


@hooks.register("before_edit_page", order=-1)
def translation_published_with_what_publishing_needs(request, page):
    """The translation editor's "Publish" publishes the translation with its source's facts (a
    story's date and towns, a meeting's format): of a draft source that lacks what publishing
    needs (`missing_for_review`), the page's own clean refuses it, which wagtail-localize told
    only as "new validation errors were found". The editor is told what it lacks. (Before
    wagtail-localize's hook, which shows the translation editor.)"""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    if not hasattr(page.specific_class, "missing_for_review"):
        return None
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )
    if translation is None:
        return None
    # What wagtail-localize publishes: the source as it was last synced.
    missing = translation.source.as_instance().missing_for_review()
    if not missing:
        return None
    messages.error(
        request,
        _("“%(title)s” was not published: %(missing)s")
        % {"title": page.title, "missing": " ".join(map(str, missing.values()))},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
