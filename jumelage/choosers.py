"""The address of an object chosen in an admin chooser (`…/chosen/<pk>/`) answers 404 for a key
its model cannot hold. Wagtail's chosen view looks the key up as given and turns only "does not
exist" into a 404: `chosen/abc/` of a numbered model (a town, a glossary term, an image) let the
database field's ValueError through, a server error."""

from functools import wraps
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import URLPattern, URLResolver, path
from wagtail.admin.views.generic.chooser import ChosenViewMixin


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


def guarded_chosen_patterns(patterns, prefix):
    """A guard in front of every chooser's chosen view among `patterns` (the admin's, under
    `prefix`): the same route, so every chooser registered now or later gets one."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from guarded_chosen_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
            continue
        view_class = getattr(pattern.callback, "view_class", object)
        if isinstance(pattern, URLPattern) and issubclass(view_class, ChosenViewMixin):
            model = view_class(**pattern.callback.view_initkwargs).model_class
            yield path(prefix + str(pattern.pattern), chosen_or_not_found(pattern.callback, model))
