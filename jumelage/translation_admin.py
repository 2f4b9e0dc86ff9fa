"""Machine translation for editors in the admin (home/machine_translation.py does the work):
"Mark as reviewed" and "Try again now" from the dashboard panel (jumelage/dashboard.py) and the
translation editor, "Translate and publish" for one page (its "more" menu) or a selection (a
bulk action of the page listing), and the glossary the translators apply.

Each action is for editors who may publish the page it changes (the translation's page in the
other language, or the page to be translated): moderators and members are refused. Queuing
needs a configured translator; without one, nothing is queued and the editor is told so."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.admin.widgets.button import Button
from wagtail.models import Page
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.models import TranslationSource

from community.roles import is_editor
from home.choosers import HeadedChooserViewSet
from home.machine_translation import (
    GlossaryTerm,
    MachineTranslation,
    mark_reviewed,
    other_locales,
    queue_translation,
    retry_now,
    translator,
)


def may_publish(user, page):
    return page is not None and is_editor(user) and page.permissions_for_user(user).can_publish()


def back(request, default=None):
    """Where the editor came from (a safe `next`), else `default` or the dashboard."""
    next_url = get_valid_next_url_from_request(request)
    return HttpResponseRedirect(next_url or default or reverse("wagtailadmin_home"))


def record_for_editor(request, machine_translation_id):
    """The machine translation and its page in the other language (the labelled original while
    there is no translated page yet), if the user may publish that page; else a refusal."""
    record = get_object_or_404(
        MachineTranslation.objects.select_related(
            "translation__source__locale", "translation__target_locale"
        ),
        pk=machine_translation_id,
    )
    page = record.target_page() or record.source_page()
    if not may_publish(request.user, page):
        return None, None, permission_denied(request)
    return record, page, None


def described(record, page):
    return {
        "title": page.title if page else record.translation.source.object_repr,
        "language": record.translation.target_locale.get_display_name(),
    }


@require_POST
def mark_reviewed_view(request, machine_translation_id):
    record, page, refused = record_for_editor(request, machine_translation_id)
    if refused:
        return refused
    if mark_reviewed(record, request.user):
        messages.success(
            request,
            _("“%(title)s” (%(language)s) is marked as reviewed: readers no longer see the label.")
            % described(record, page),
        )
    else:
        messages.info(request, _("This machine translation needs no review."))
    return back(request)


@require_POST
def retry_view(request, machine_translation_id):
    record, page, refused = record_for_editor(request, machine_translation_id)
    if refused:
        return refused
    if translator() is None:
        # Not a refusal: the editor may, the site cannot (yet).
        messages.warning(request, NO_TRANSLATOR)
    else:
        retry_now(record)
        messages.success(
            request,
            _("“%(title)s” (%(language)s) is translated again in the background.")
            % described(record, page),
        )
    return back(request)


NO_TRANSLATOR = gettext_lazy(
    "No machine translator is configured: nothing can be translated, nothing was queued."
)


def queue_pages(request, pages):
    """Queues each page's machine translation; tells the editor how many pages were queued,
    and which were left as they are (translated by hand in every other language)."""
    queued = left = 0
    for page in pages:
        if queue_translation(page, requested_by=request.user):
            queued += 1
        else:
            left += 1
    if queued:
        messages.success(
            request,
            ngettext(
                "%(count)s page queued for translation.",
                "%(count)s pages queued for translation.",
                queued,
            )
            % {"count": queued},
        )
    if left:
        messages.warning(
            request,
            ngettext(
                "%(count)s page was left as it is: it is translated by hand.",
                "%(count)s pages were left as they are: they are translated by hand.",
                left,
            )
            % {"count": left},
        )
    return queued


def original(page):
    """The page to translate: an alias stands for its original, a translation made in
    wagtail-localize for its source page (translated again: only what is not translated yet)."""
    page = Page.objects.get(pk=page.alias_of_id or page.pk)
    source = (
        TranslationSource.objects.filter(
            object_id=page.translation_key, translations__target_locale_id=page.locale_id
        )
        .exclude(locale_id=page.locale_id)
        .first()
    )
    if source is not None:
        page = page.get_translation_or_none(source.locale_id) or page
    return page.specific


def translate_page_url(page, next_url=None):
    url = reverse("jumelage_translate_page", args=[page.pk])
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def translate_page_view(request, page_id):
    """GET: what "Translate and publish" will do with the page; POST: queues it."""
    page = original(get_object_or_404(Page, pk=page_id))
    if not may_publish(request.user, page):
        return permission_denied(request)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    machine = translator()
    if request.method == "POST":
        if machine is None:
            messages.error(request, NO_TRANSLATOR)
        elif not page.live:
            messages.error(request, _("Only published pages are translated: publish it first."))
        else:
            queue_pages(request, [page])
        return back(request, edit_url)
    context = {
        "page": page,
        "languages": [locale.get_display_name() for locale in other_locales(page)],
        "translator_configured": machine is not None,
        "translator_name": getattr(machine, "display_name", ""),
        "next_url": get_valid_next_url_from_request(request) or edit_url,
    }
    return TemplateResponse(request, "jumelage/admin/translate_page.html", context)


def translate_buttons(page, user, next_url=None):
    """ "Translate and publish" in the "more" menu of a published page the user may publish
    (Wagtail caches their page permissions for a listing; the view asks for the role too), once
    a translator is configured: without one it led to a page saying nothing can be translated
    (walk 17), which the dashboard says already."""
    if translator() is None:
        return
    if page.live and not page.is_root() and page.permissions_for_user(user).can_publish():
        yield Button(
            _("Translate and publish"),
            url=translate_page_url(page, next_url),
            icon_name="wagtail-localize-language",
            priority=65,
        )


@hooks.register("register_bulk_action")
class TranslateAndPublishBulkAction(PageBulkAction):
    """The selected pages that are published and that the user may publish, queued for machine
    translation; the others are listed as left out."""

    display_name = gettext_lazy("Translate and publish")
    action_type = "translate_and_publish"
    aria_label = gettext_lazy("Translate and publish the selected pages")
    template_name = "jumelage/admin/confirm_bulk_translate.html"
    action_priority = 45

    @cached_property
    def is_editor(self):
        return is_editor(self.request.user)

    def check_perm(self, page):
        user = self.request.user
        return (
            page.live
            and not page.is_root()
            and self.is_editor
            and page.permissions_for_user(user).can_publish()
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "translator_configured": translator()}

    def prepare_action(self, objects, objects_without_access):
        if translator() is None:
            messages.error(self.request, NO_TRANSLATOR)
            return redirect(self.next_url)
        return None

    def get_execution_context(self):
        return {"request": self.request}

    @classmethod
    def execute_action(cls, objects, request=None, **kwargs):
        pages = {}
        for page in objects:
            page = original(page)
            if may_publish(request.user, page):
                pages.setdefault(page.pk, page)
        return queue_pages(request, pages.values()), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return None  # said by queue_pages


class GlossaryChooserViewSet(HeadedChooserViewSet):
    choose_one_text = gettext_lazy("Choose a glossary term")


class GlossaryViewSet(SnippetViewSet):
    """The terms the machine translator keeps or translates one fixed way (places, the
    foundations' names), kept by the editors."""

    model = GlossaryTerm
    icon = "list-ul"
    menu_label = gettext_lazy("Glossary")
    list_display = ["dutch", "german", "note"]
    search_fields = ["dutch", "german", "note"]
    search_backend_name = None  # not in the search index: the database's own search
    copy_view_enabled = False
    chooser_viewset_class = GlossaryChooserViewSet


def urls():
    return [
        path(
            "machine-translations/<id:machine_translation_id>/reviewed/",
            mark_reviewed_view,
            name="jumelage_machine_translation_reviewed",
        ),
        path(
            "machine-translations/<id:machine_translation_id>/retry/",
            retry_view,
            name="jumelage_machine_translation_retry",
        ),
        path(
            "machine-translations/translate/<id:page_id>/",
            translate_page_view,
            name="jumelage_translate_page",
        ),
    ]
