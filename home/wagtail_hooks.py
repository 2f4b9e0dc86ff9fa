import copy
from functools import wraps

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import BadRequest
from django.db import models
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.response import Response
from wagtail import hooks
from wagtail.admin.api.serializers import (
    AdminPageSerializer,
    PageAncestorsField,
    PageTranslationsField,
)
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.api.v2.serializers import PageAliasOfField
from wagtail.blocks import BlockField
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.utils.version import get_main_version

from home.cache import shows_content_only
from home.choosers import choosable
from home.clock_changes import ReadersDateTimeField
from home.date_inputs import ReadersDateInput, ReadersDateTimeInput
from home.explorer import opens_at_the_readers_home
from home.machine_translation import FOLLOWED_ORIGINAL, ensure_aliases
from home.rich_text import LivePageLinkHandler
from home.visibility import restrictions_shown_in_history, serving

# The admin's date fields in the editor's language's format (home/date_inputs.py).
register_form_field_override(models.DateField, override={"widget": ReadersDateInput})
register_form_field_override(
    models.DateTimeField,
    override={"widget": ReadersDateTimeInput, "form_class": ReadersDateTimeField},
)


# The side menu's page explorer opens at the German home for German editors (home/explorer.py).
hooks.register("construct_main_menu", opens_at_the_readers_home)


@hooks.register("insert_global_admin_js")
def translation_editor_words_in_admin_language():
    """wagtail-localize's editor titles its strings and names its menu button in English
    (js/translation-editor.js)."""
    return format_html(
        '<script src="{}" data-heading="{}" data-more-actions="{}" defer></script>',
        static("js/translation-editor.js"),
        _("%(source)s to %(target)s translation"),
        _("More actions"),
    )


def stream_fields_sent_whole(request, page_class):
    """Wagtail reads a StreamField of the page editor's form by its count field and the fields
    of each block it counts: a form without them (forged, or cut off on its way) was a server
    error inside Wagtail's view. Refused as a bad request before anything is saved."""
    form_class = page_class.get_edit_handler().get_form_class()
    for name, field in form_class.base_fields.items():
        if isinstance(field, BlockField):
            try:
                field.widget.value_from_datadict(request.POST, request.FILES, name)
            except (KeyError, ValueError) as error:  # a field missing, a count no number
                raise BadRequest from error


# After wagtail-localize's hooks (order 0), whose translation editor and alias pages post other
# forms to the same address.
@hooks.register("before_edit_page", order=1)
def edited_stream_fields_sent_whole(request, page):
    if request.method == "POST" and not page.alias_of_id:  # an alias is not saved (405)
        stream_fields_sent_whole(request, type(page))


@hooks.register("before_create_page", order=1)
def created_stream_fields_sent_whole(request, parent_page, page_class):
    if request.method == "POST":
        stream_fields_sent_whole(request, page_class)


@hooks.register("after_create_page", order=1)  # after wagtail-localize's aliases
def aliases_in_every_language(request, page):
    """A page an editor creates has a version in every language from the start, as a member's
    contribution has: wagtail-localize makes a Dutch page's German alias (its tree of German
    pages follows the Dutch one), and nothing made a German page's Dutch one, so a sector the
    German editor added was missing from the Dutch site, its language switch leading to the
    Dutch home page (walk 16). The alias shows the original, labelled with its language, until
    an editor translates it."""
    ensure_aliases(page)


@hooks.register("before_copy_page", order=1)  # after the refusals of who may not copy it
def copy_names_its_parent(request, page):
    """Wagtail's copy looks up the new parent by the id posted, before its form checks anything:
    a POST without one, or with an id no page has, was a server error. A bad request."""
    if request.method == "POST":
        parent = request.POST.get("new_parent_page", "")
        if not parent.isdigit() or not Page.objects.filter(pk=parent).exists():
            raise BadRequest


def previewed_stream_fields_sent_whole(view):
    """Wagtail's live preview (`…/edit/preview/`, `…/add/…/preview/`) posts the page editor's
    form where no hook runs: the same refusal of a form without its StreamFields' counts
    (jumelage/page_routes.py wraps the two routes)."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method == "POST" and request.user.has_perm("wagtailadmin.access_admin"):
            # Only for who may preview it (Wagtail's view refuses anyone else as before).
            if "page_id" in kwargs:
                page = Page.objects.filter(pk=kwargs["page_id"]).first()
                may = page is not None and page.permissions_for_user(request.user).can_edit()
                page_class = page.specific_class if may else None
            else:
                parent = Page.objects.filter(pk=kwargs["parent_page_id"]).first()
                content_type = ContentType.objects.filter(
                    app_label=kwargs["content_type_app_name"],
                    model=kwargs["content_type_model_name"],
                ).first()
                may = (
                    parent is not None
                    and parent.permissions_for_user(request.user).can_add_subpage()
                )
                page_class = content_type.model_class() if may and content_type else None
            if page_class is not None and issubclass(page_class, Page):
                stream_fields_sent_whole(request, page_class)
        return view(request, *args, **kwargs)

    return checked


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


def choosable_only(endpoint):
    """An endpoint of the admin's API that lists only what the user may choose or change: by
    default it lists every image and document, with their originals' addresses, to anyone with
    admin access (moderators hold no permission on either)."""

    class Choosable(endpoint):
        def get_queryset(self):
            allowed = choosable(self.request.user, self.model)
            return super().get_queryset().filter(pk__in=allowed.values("pk"))

    return Choosable


PAGE_ACTIONS_CLOSED = gettext_lazy(
    "Pages are not changed through this address. Use the page's buttons in the admin, which "
    "check what members count on."
)


def naming_listed_pages_only(field_class):
    """A field of a page's details in the admin's API that names other pages (its ancestors,
    its translations), naming only those the API lists for the user (`base_queryset`: the
    pages she may explore). Wagtail named every one, with its draft's title: an editor of one
    part of the tree read the drafts of the other language's versions of her pages."""

    class Listed(field_class):
        def to_representation(self, page):
            named = super().to_representation(page)
            listed = set(
                self.context["base_queryset"]
                .filter(pk__in=[item["id"] for item in named])
                .values_list("pk", flat=True)
            )
            return [item for item in named if item["id"] in listed]

    return Listed


class ListedAlias(PageAliasOfField):
    """The page an alias mirrors, named only where the API lists it for the user."""

    def get_attribute(self, instance):
        original = super().get_attribute(instance)
        if original is not None and self.context["base_queryset"].filter(pk=original.pk).exists():
            return original
        return None


class PageNamingListedPagesOnly(AdminPageSerializer):
    ancestors = naming_listed_pages_only(PageAncestorsField)(read_only=True)
    translations = naming_listed_pages_only(PageTranslationsField)(read_only=True)
    alias_of = ListedAlias(read_only=True)


class PagesReadOnly(PagesAdminAPIViewSet):
    """The admin's page API for reading only (the explorer in the side menu lists pages with
    it). Its actions (publish, unpublish, delete, move, copy, translate, alias, revert) call
    Wagtail's page actions without the admin's `before_*` hooks, which refuse what would leave
    members untold or locked out (a meeting they count on unpublished or deleted, moved under
    a private page; a contribution in review published): nothing of the admin sends them.
    A page's details name no page the listing would not show her (`naming_listed_pages_only`)."""

    base_serializer_class = PageNamingListedPagesOnly

    def action_view(self, request, pk, action_name):
        self.get_object()  # a page the user may not explore is not found, as before
        return Response({"message": str(PAGE_ACTIONS_CLOSED)}, status=403)


@hooks.register("construct_admin_api", order=1)  # after Wagtail's own registrations
def admin_api_lists_only_what_the_user_may_choose(router):
    router.register_endpoint("images", choosable_only(ImagesAdminAPIViewSet))
    router.register_endpoint("documents", choosable_only(DocumentsAdminAPIViewSet))
    router.register_endpoint("pages", PagesReadOnly)


@hooks.register("before_serve_page")
def pages_show_content_only(page, request, serve_args, serve_kwargs):
    """A page Wagtail serves is the same for every anonymous visitor: the page cache may keep
    it (home.middleware.AnonymousPageCacheMiddleware)."""
    shows_content_only()


@hooks.register("register_log_actions")
def register_translations_following_their_original(actions):
    """A machine translation taken off the site with its original (home/machine_translation.py):
    its history says so, not "Unpublished" by whoever unpublished the original."""
    actions.register_action(
        FOLLOWED_ORIGINAL,
        gettext_lazy("Take off the site with its original"),
        gettext_lazy("Taken off the site with the original it was machine-translated from"),
    )


@hooks.register("register_log_actions", order=1)
def register_restrictions_shown_in_history(actions):
    """After Wagtail's own formatters (order 0): privacy entries name the restriction in the
    reader's language (home/visibility.py)."""
    restrictions_shown_in_history(actions)


@hooks.register("before_serve_page")
def note_the_page_being_served(page, request, serve_args, serve_kwargs):
    """Listings on a private page show what lies below the restrictions its reader passed to
    open it (home.visibility.public)."""
    serving(request, page)


# Two admin menu items whose label their package translates once, when the menu is first built,
# in the language of whoever asked first: a German editor read "Vertalingen" and "Wat is er
# nieuw in Wagtail 8.0" after a Dutch one (walk of 2026-12-05). Each request gets a copy of the
# item with its label in the reader's language; the shared item is left as it is.
def _relabelled(items, is_it, label):
    for index, item in enumerate(items):
        if is_it(item):
            item = copy.copy(item)
            item.label = label
            items[index] = item


@hooks.register("construct_reports_menu")
def label_the_translations_report(request, menu_items):
    url = reverse("wagtail_localize:translations_report")
    _relabelled(menu_items, lambda item: getattr(item, "url", None) == url, _("Translations"))


@hooks.register("construct_help_menu")
def label_wagtails_help(request, menu_items):
    version = get_main_version(include_patch=False)
    _relabelled(
        menu_items,
        lambda item: getattr(item, "name", "") == f"whats-new-in-wagtail-{version}",
        # An English page elsewhere, said as the guide's is (walk 15).
        _("What's new in Wagtail %(version)s (in English)") % {"version": version},
    )
    # Wagtail's guide is in English and about Wagtail in general; the site's own comes first.
    _relabelled(
        menu_items,
        lambda item: getattr(item, "name", "") == "editor-guide",
        _("Wagtail's guide (in English)"),
    )


@hooks.register("register_rich_text_features", order=1)
def link_only_live_pages(features):
    """After Wagtail's own "page" link type (order 0), which it replaces (home/rich_text.py)."""
    features.register_link_type(LivePageLinkHandler)
