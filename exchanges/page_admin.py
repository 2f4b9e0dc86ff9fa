"""Wagtail's page views that would lock members out of a meeting or visit they count on
(`counted_on`), in front of Wagtail's own at the same addresses (jumelage/urls.py): for every
other page they are Wagtail's. The delete confirmation also says where a deleted translation's
address will lead (home/redirects.py)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.views.page_privacy import SetPrivacyView
from wagtail.admin.views.pages.delete import DeleteView
from wagtail.admin.views.pages.unpublish import UnpublishView
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.views.convert import convert_to_alias as localize_convert_to_alias
from wagtail_localize.views.update_translations import UpdateTranslationsView

from community import contributions
from home.cache import active_locale
from home.redirects import ADDRESS_KEPT, addresses_kept

from .models import MeetingPage, VisitPage
from .wagtail_hooks import UNPUBLISHING_REFUSALS, counted_on_among, sent_back

PRIVACY_REFUSALS = {
    MeetingPage: _(
        "Members are registered for this meeting (or one below this page) or waiting for a "
        "place: making it private, or more private than it is, would lock them out of the page "
        "their emails link to. Cancel the meeting first (tick “cancelled” and publish: they are "
        "told by email), or cancel their registrations under Registrations."
    ),
    VisitPage: _(
        "Members have signed up for this exchange visit (or one below this page) or offered "
        "hosting: making it private, or more private than it is, would lock them out of the "
        "page their emails link to. Cancel their sign-ups and withdraw their offers under "
        "Exchange visits first, so that they are told."
    ),
}

COUNTED_ON_BELOW = _("Members count on %(pages)s.")
NAMED_AT_MOST = 3
# A title named in a sentence, in the quotes of the sentence's language ("„…”" in Dutch, "„…“"
# in German): the Dutch refusal had „afgelast” beside “Online taalcafé” (walk of 2026-12-05).
QUOTED_TITLE = pgettext_lazy("a title named in a sentence", "“%(title)s”")


def titles_of(pages):
    """The titles of `pages`, the first few and how many more."""
    titles = [QUOTED_TITLE % {"title": page.title} for page in pages[:NAMED_AT_MOST]]
    more = pages.count() - len(titles)
    if not more:
        return ", ".join(titles)
    return ngettext("%(titles)s and %(count)s more", "%(titles)s and %(count)s more", more) % {
        "titles": ", ".join(titles),
        "count": more,
    }


CONVERTING_REFUSALS = {
    MeetingPage: _(
        "Members are registered for this meeting or waiting for a place: as an alias, this "
        "translation would show them the other language's text, untold. Keep the translation; "
        "change it in the translation editor instead."
    ),
    VisitPage: _(
        "Members have signed up for this exchange visit or offered hosting: as an alias, this "
        "translation would show them the other language's text, untold. Keep the translation; "
        "change it in the translation editor instead."
    ),
}

KEPT_BELOW = _(
    "Members count on meetings or exchange visits below this page: they are not unpublished "
    "with it. This page can be unpublished alone."
)


class UnpublishingOnlyWhatMembersDoNotCountOn(UnpublishView):
    """Wagtail's confirmation asked "Are you sure…?" of a meeting members count on and refused
    only once confirmed (its `before_unpublish_page` hook runs on the POST): it says the refusal
    instead, and offers no button to unpublish. Of a page with such meetings below it, it
    offers to unpublish the page alone. Sent anyway, both are refused as before
    (exchanges/wagtail_hooks.py)."""

    template_name = "exchanges/admin/confirm_unpublish.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        alone = Page.objects.filter(pk=self.object.pk)
        context["refusals"] = [UNPUBLISHING_REFUSALS[model] for model in counted_on_among(alone)]
        below = contributions.with_pages_below([self.object])
        context["kept_below"] = not context["refusals"] and bool(counted_on_among(below))
        context["kept_below_reason"] = KEPT_BELOW
        return context


class DeletingWithAddressesKept(DeleteView):
    """Wagtail's delete confirmation, which did not say that a deleted translation's address
    will lead to the page in its language (the other version's alias): it says so when it
    applies, in Wagtail's help box."""

    template_name = "exchanges/admin/confirm_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if addresses_kept(contributions.with_pages_below(self.pages_to_delete)):
            context["address_kept"] = ADDRESS_KEPT
        return context


class PrivacyKeepingMembersIn(PageViewRestrictionForm):
    """Wagtail's privacy form (password, login, groups), which refuses a restriction on a
    meeting or visit members count on, or on a page above one: members would no longer open
    it from their emails."""

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("restriction_type", PageViewRestriction.NONE) != (
            PageViewRestriction.NONE
        ) and not self.lets_in_whom_it_let_in(cleaned_data):
            below = contributions.with_pages_below([self.page])
            for model in counted_on_among(below):
                self.add_error(None, self.refusal(model, below))
        return cleaned_data

    def lets_in_whom_it_let_in(self, cleaned_data):
        """Whether the restriction sent lets in everyone the page's own restriction lets in now
        (those who count on it among them): a page private already that asks for a login in
        place of groups or a password, for more groups, or for the same password. Only a page
        made private, or more private, is refused (a helper of attack 42: a private meeting
        members had registered for could not even be opened to every member)."""
        current = self.instance
        if current.pk is None:
            return False
        sent = cleaned_data.get("restriction_type")
        if sent == PageViewRestriction.LOGIN:
            return True
        if sent != current.restriction_type:
            return False
        if sent == PageViewRestriction.GROUPS:
            groups = {group.pk for group in cleaned_data.get("groups") or []}
            return set(current.groups.values_list("pk", flat=True)) <= groups
        return sent == PageViewRestriction.PASSWORD and (
            cleaned_data.get("password") == current.password
        )

    def refusal(self, model, below):
        """Of a page above them, which meetings or visits members count on, by title: the
        editor was not told which they were."""
        counted_on = (
            model.objects.live()
            .filter(pk__in=below.values("pk"))
            .exclude(pk=self.page.pk)
            .counted_on()
            .order_by("path")
        )
        if not counted_on.exists():
            return PRIVACY_REFUSALS[model]
        return f"{PRIVACY_REFUSALS[model]} {COUNTED_ON_BELOW % {'pages': titles_of(counted_on)}}"


class SettingPrivacyWithoutLockingMembersOut(SetPrivacyView):
    """Each refusal in a box of its own above Wagtail's form: as errors of its field they ran
    together as one paragraph."""

    form_class = PrivacyKeepingMembersIn

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "page": self.page}

    def render_to_response(self, context, **response_kwargs):
        if not self.page.private_page_options:
            return super().render_to_response(context, **response_kwargs)
        return render_modal_workflow(
            self.request,
            "exchanges/admin/set_privacy.html",
            template_vars=context,
            json_data={"step": "set_privacy"},
            **response_kwargs,
        )


delete = require_admin_access(never_cache(DeletingWithAddressesKept.as_view()))
unpublish = require_admin_access(never_cache(UnpublishingOnlyWhatMembersDoNotCountOn.as_view()))
set_privacy = require_admin_access(never_cache(SettingPrivacyWithoutLockingMembersOut.as_view()))


@require_admin_access
@never_cache
def convert_to_alias(request, page_id):
    """wagtail-localize's "convert to alias" of a translation, which refuses a meeting or visit
    members count on: its members would read the other language's page (attack of
    2026-12-04). Who may not edit the page is refused as by wagtail-localize."""
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    refusals = [
        CONVERTING_REFUSALS[model] for model in counted_on_among(Page.objects.filter(pk=page.pk))
    ]
    return sent_back(request, refusals, "wagtailadmin_pages:edit", page.pk) or (
        localize_convert_to_alias(request, page_id)
    )


def labels_in_editor(page, missing):
    """The labels of the fields `missing` names ({name: message}) as `page`'s editor shows them
    ("Begin", not the members' form's "Choose when the meeting starts."), in the editor's order;
    the message of one the editor does not show."""
    edit_handler = page.get_edit_handler()
    form_fields = edit_handler.get_form_class().base_fields
    labels = {}

    def read(panel):
        if isinstance(panel, InlinePanel):
            labels[panel.relation_name] = panel.heading
        elif isinstance(panel, FieldPanel) and panel.field_name in form_fields:
            labels[panel.field_name] = panel.heading or form_fields[panel.field_name].label
        for child in getattr(panel, "children", ()):
            read(child)

    read(edit_handler)
    shown = [str(label) for name, label in labels.items() if name in missing]
    return shown + [str(message) for name, message in missing.items() if name not in labels]


def draft_left_out(page):
    """Whether a version of `page` was saved after the one wagtail-localize's sync reads: the
    page's row, which holds the version last published, or the first saved if it never was."""
    if page.latest_revision_id is None:
        return False
    synced = page.live_revision_id or page.revisions.order_by("created_at", "pk").first().pk
    return page.latest_revision_id != synced


TRANSLATIONS_UPDATED = {
    False: _("The translations of “%(title)s” were updated."),
    True: _("The translations of “%(title)s” were updated and published."),
}
# Said to an editor who reads another language than the source's: her version, by its title.
TRANSLATION_UPDATED = {
    False: _("The translation “%(title)s” was updated."),
    True: _("The translation “%(title)s” was updated and published."),
}
NOT_PUBLISHED_AS_EMPTY = _(
    "The changes to “%(title)s” are ready to be translated, but its translations were not "
    "published, as these fields are empty: %(fields)s."
)
# Keyed by whether the page was ever published.
DRAFT_NOT_SYNCED = {
    True: _(
        "Its draft saved since it was last published was not synced: publish the draft, then "
        "sync again to bring its changes to the translations."
    ),
    False: _(
        "Its drafts saved since it was created were not synced, as a page is synced as last "
        "published: publish it, then sync again to bring its changes to the translations."
    ),
}


class SyncingWithWhatIsLeftOutSaid(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages" (its update view, by translation source)
    reads the source page's row: the version last published (a page never published: as first
    saved), never a draft saved since. With "publish", of a source that lacks what publishing
    needs (`missing_for_review`: a meeting without its times or place, a story without its
    date), the translations' own clean refused publishing them after the sync, a server error.
    Such a sync is done without publishing (the changes wait in the translation editor), and
    the editor is told, in one warning in place of wagtail-localize's "Successfully updated",
    which of the editor's fields are empty, and that a draft saved since was left out; any
    other sync says whether the translations were published too. A snippet's sync (a town's)
    says so as well, naming the snippet as the editor reads it."""

    def form_valid(self, form):
        page = self.object.get_source_instance()
        publish = form.cleaned_data["publish_translations"]
        self.said_instead = True
        if not isinstance(page, Page):
            response = super().form_valid(form)
            messages.success(self.request, updated_as_read(page, publish))
            return response
        missing = getattr(page, "missing_for_review", dict)() if publish else {}
        left_out = draft_left_out(page)
        if missing:
            form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        if not missing and not left_out:
            # Whether they were published too, which wagtail-localize's message does not say.
            # The warnings below speak of the source (its empty fields, its draft) and name it,
            # with the way to its editor.
            messages.success(self.request, updated_as_read(page, publish))
            return response
        if missing:
            said = NOT_PUBLISHED_AS_EMPTY % {
                "title": page.title,
                "fields": ", ".join(labels_in_editor(page, missing)),
            }
        else:
            said = TRANSLATIONS_UPDATED[publish] % {"title": page.title}
        if left_out:
            said = f"{said} {DRAFT_NOT_SYNCED[page.live_revision_id is not None]}"
        edit = messages.button(reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Edit"))
        messages.warning(self.request, said, buttons=[edit])
        return response

    def get_success_message(self):
        # Said by `form_valid` instead: Django's messages leave out an empty one.
        if getattr(self, "said_instead", False):
            return ""
        return super().get_success_message()


def version_in_readers_language(page):
    """`page`'s version in the reader's admin language, as synced (her German page, not the
    Dutch source, which she may not read); `page` itself where there is none. A translatable
    snippet (a town) alike."""
    locale = active_locale()
    translated = page.get_translation_or_none(locale) if locale is not None else None
    return translated or page


def updated_as_read(source, published):
    """That `source`'s translations were updated (and `published`), as its editor reads it: of
    her version ("the translation „Über uns“"), where she reads another language than the
    source's, in place of wagtail-localize's message, which names the source."""
    version = version_in_readers_language(source)
    if version.pk == source.pk:
        return TRANSLATIONS_UPDATED[published] % {"title": str(source)}
    return TRANSLATION_UPDATED[published] % {"title": str(version)}


update_translations = require_admin_access(SyncingWithWhatIsLeftOutSaid.as_view())
