"""Every admin chooser (`…/choose…/`, `…/chosen/<pk>/`, the task chooser, the snippets' JSON of
the translation editor, the tag and embed choosers) answers only someone who holds a permission
on what it chooses. Wagtail's choosers ask only for access to the admin: a moderator, who holds
no permission on glossary terms, towns or workflow tasks, read their names through them. Rights
are denied by default, so the guard stands in front of every such route, of Wagtail and of any
package, registered now or later: the same route, before Wagtail's own.

The address of an object chosen (`…/chosen/<pk>/`) also answers 404 for a key its model cannot
hold. Wagtail's chosen view looks the key up as given and turns only "does not exist" into a
404: `chosen/abc/` of a numbered model (a town, a glossary term, an image) let the database
field's ValueError through, a server error. A chooser without a creation form refuses a POST to
its create view as a bad request (`creating_nothing`)."""

import inspect
from functools import wraps
from urllib.parse import unquote

from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.http import Http404
from django.urls import URLPattern, URLResolver, path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser as page_chooser
from wagtail.admin.views import tags
from wagtail.admin.views.generic.chooser import (
    BaseChooseView,
    ChosenMultipleViewMixin,
    ChosenViewMixin,
    CreateViewMixin,
    CreationFormMixin,
)
from wagtail.admin.views.workflows import BaseTaskChooserView, task_chosen
from wagtail.embeds.views import chooser as embed_chooser
from wagtail.models import Task
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.views.snippets_api import SnippetViewSet

from community import admin_titles, roles

ANY_PERMISSION = ["add", "change", "delete", "view", "choose"]


def holds_permission_on(user, model):
    """Whether `user` holds any permission on `model` (of its own, through a group, or on a
    collection of images or documents)."""
    return policy_registry.get_by_type(model).user_has_any_permission(user, ANY_PERMISSION)


def for_permission_on(view, model_of):
    """The admin view `view`, for those who hold a permission on the model `model_of(kwargs)`
    names; the others are refused (403)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not holds_permission_on(request.user, model_of(kwargs)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return require_admin_access(guarded)


def for_editors(view):
    """Tags and embeds are chosen in the editors of pages, images and documents: an admin view
    for editors (who hold page permissions) and administrators only."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not roles.is_editor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return require_admin_access(guarded)


class ChosenPagesShownForLinking(page_chooser.ChosenMultipleView):
    """The page chooser's answer for pages chosen by id (their titles, parents and addresses):
    only for the pages it shows the user (`roles.pages_shown_for_linking`); any other id is
    left out, as an id no page has. Each named as the chooser names it (`admin_titles`): one
    outside her rights by its published title, not its draft's (attack 33, F3)."""

    def render_chosen_response(self, result):
        user = self.request.user
        return super().render_chosen_response(
            admin_titles.titles_shown(user, result, "id", "adminTitle")
        )

    def get(self, request):
        asked = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        shown = roles.pages_shown_for_linking(request.user).filter(pk__in=asked)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in shown.values_list("pk", flat=True)])
        return super().get(request)


def chosen_or_not_found(view, model):
    """The chosen view `view` of `model`, after its key is found to be one `model` can hold."""
    key = model._meta.pk

    @wraps(view)
    def chosen(request, pk):
        try:
            key.to_python(unquote(pk))  # unquoted as Wagtail's view reads it
        except ValidationError:
            raise Http404 from None
        return view(request, pk=pk)

    return chosen


def without_creation_form(view):
    """Whether the chooser view `view` has no creation form, by Wagtail's own rule (a view that
    makes its form otherwise, as the image and document choosers do, has one)."""
    if type(view).get_creation_form_class is not CreationFormMixin.get_creation_form_class:
        return False
    return view.get_creation_form_class() is None


def creating_nothing(view):
    """The create view of a chooser that has no creation form (towns, glossary terms: made in
    their own admin): Wagtail's view validated the form it does not have on a POST, a server
    error. A POST there is a bad request."""

    @wraps(view)
    def refusing_posts(request, *args, **kwargs):
        if request.method == "POST":
            raise BadRequest
        return view(request, *args, **kwargs)

    return refusing_posts


def _guarded(pattern):
    """The guarded view of a chooser's route, or None for a route that chooses nothing."""
    callback = pattern.callback
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view_class is None:
        view = inspect.unwrap(callback)
        if view is task_chosen:
            return for_permission_on(callback, lambda kwargs: Task)
        if view in (tags.autocomplete, embed_chooser.chooser, embed_chooser.chooser_upload):
            return for_editors(callback)
        return None
    if issubclass(view_class, SnippetViewSet):  # wagtail-localize's JSON of any snippet
        return for_permission_on(
            callback,
            lambda kwargs: get_snippet_model_from_url_params(
                kwargs["app_label"], kwargs["model_name"]
            ),
        )
    if issubclass(view_class, BaseTaskChooserView):
        return for_permission_on(callback, lambda kwargs: Task)
    if issubclass(
        view_class, BaseChooseView | ChosenViewMixin | ChosenMultipleViewMixin | CreateViewMixin
    ):
        view = view_class(**callback.view_initkwargs)
        model = view.model_class
        if issubclass(view_class, ChosenViewMixin):
            callback = chosen_or_not_found(callback, model)
        if issubclass(view_class, CreateViewMixin) and without_creation_form(view):
            callback = creating_nothing(callback)
        return for_permission_on(callback, lambda kwargs: model)
    return None


def guarded_chooser_patterns(patterns, prefix):
    """A guard in front of every chooser among `patterns` (the admin's, under `prefix`)."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from guarded_chooser_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
            continue
        if isinstance(pattern, URLPattern) and (guarded := _guarded(pattern)) is not None:
            yield path(prefix + str(pattern.pattern), guarded)
