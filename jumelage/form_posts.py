"""Admin views of Wagtail and its packages that read a posted field without asking whether it
was sent: a POST without it (empty, forged, cut off on its way) was a server error, logged each
time. Their browsers' forms always send it, so a POST that lacks it is refused as a bad request
(400) before the view runs (`sent_whole`): the external link chooser (its URL),
wagtail-localize's PO upload (the file) and the redirects import's second step (what the first
step signed for it, which Wagtail itself answers as suspicious when tampered with). Page copies
are checked by a hook, after Wagtail's refusals (`home.wagtail_hooks.copy_names_its_parent`).

A POST refused so answers 400 before the view's own refusal of who may not use it: the request
was none a browser sends, and its answer says nothing of what exists.

Routes that take an object's id as text from the address (Wagtail's editing-session ping,
wagtail-localize's snippet translation) answer an id that is none of the model's (`ID_AS_TEXT`)
as one no object has: not found. So do addresses of revision 0 (`REVISION_KWARGS`), which
Wagtail's page revert took for "no revision"."""

from functools import update_wrapper, wraps

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.http import Http404
from django.urls import URLPattern, URLResolver
from wagtail.admin.auth import require_admin_access


def external_link_url_sent(request):
    return "external-link-chooser-url" in request.POST


def po_file_sent(request):
    return "file" in request.FILES


def import_step_sent(request):
    return {"import_file_name", "input_format"} <= request.POST.keys()


# A route by its URL name, and what a POST to it must hold.
READ_UNCHECKED = {
    "wagtailadmin_choose_page_external_link": external_link_url_sent,
    "wagtail_localize:upload_pofile": po_file_sent,
    "wagtailredirects:process_import": import_step_sent,
}


# Routes that take an object's id from the address as text (`<str:…>`) and hand it to the
# database with the model it names: an id no such object could have ("x", in an address forged
# or cut off) was a server error (attack 30). By URL name, the keyword argument of the id and
# the permissions the view asks for before it looks the object up.
ID_AS_TEXT = {
    "wagtailadmin_editing_sessions:ping": ("object_id", ()),
    "wagtail_localize:submit_snippet_translation": ("pk", ("wagtail_localize.submit_translation",)),
}


# The arguments by which an admin address names a revision (of a page or a snippet, Wagtail's
# views and ours). Revision ids count from 1; Wagtail's page revert reads 0 as "no revision" and
# then reverts to none, a server error to editors on any page and to a moderator on a
# contribution she reviews (attack 42). Any route that names one, found by its arguments: a view
# Wagtail or a package adds later too.
REVISION_KWARGS = ("revision_id", "revision_id_a", "revision_id_b")


def a_revision_or_not_found(view):
    """`view`, not found for revision 0, as for an id no revision has. Who may not open the
    view at all is answered first by the guards around it (`page_routes.within_page_rights`
    wraps this one): 0 is no revision of anything, so the 404 tells nobody anything."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        named = (str(kwargs[name]) for name in REVISION_KWARGS if name in kwargs)
        if any(value.isdigit() and int(value) == 0 for value in named):
            raise Http404
        return view(request, *args, **kwargs)

    return checked


def id_of_its_model(view, name, perms=()):
    """`view`, not found (as an id no object has) when its `name` argument is no id of the
    model its address names (`app_label`, `model_name`); a model nobody has, the view answers.
    Who lacks `perms` is refused first, as by the view."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.has_perms(perms):
            raise PermissionDenied
        try:
            model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
        except (KeyError, LookupError, ValueError):
            return view(request, *args, **kwargs)
        try:
            model._meta.pk.to_python(unquote(kwargs[name]))
        except ValidationError:
            raise Http404 from None
        return view(request, *args, **kwargs)

    return require_admin_access(checked)


def refusing_posts_without(view, sent):
    """`view`, a POST to it refused as a bad request unless `sent(request)`."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method == "POST" and not sent(request):
            raise BadRequest
        return view(request, *args, **kwargs)

    return require_admin_access(checked)


def sent_whole(patterns, namespace=None):
    """`patterns` (and those of their includes), each route of `READ_UNCHECKED` refusing a POST
    without what its view reads, each of `ID_AS_TEXT` and each naming a revision answering an
    id none has as not found (once: Wagtail's patterns are its modules')."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            sent_whole(pattern.url_patterns, inner)
            continue
        if not isinstance(pattern, URLPattern):
            continue
        revision = set(REVISION_KWARGS) & set(pattern.pattern.regex.groupindex)
        if revision and not getattr(pattern.callback, "jumelage_revision_found", False):
            view = update_wrapper(a_revision_or_not_found(pattern.callback), pattern.callback)
            view.jumelage_revision_found = True
            pattern.callback = view
        if not pattern.name:
            continue
        name = f"{namespace}:{pattern.name}" if namespace else pattern.name
        id_of = ID_AS_TEXT.get(name)
        if id_of is not None and not getattr(pattern.callback, "jumelage_id_checked", False):
            view = update_wrapper(id_of_its_model(pattern.callback, *id_of), pattern.callback)
            view.jumelage_id_checked = True
            pattern.callback = view
        sent = READ_UNCHECKED.get(name)
        if sent is not None and not getattr(pattern.callback, "jumelage_sent_whole", False):
            view = update_wrapper(refusing_posts_without(pattern.callback, sent), pattern.callback)
            view.jumelage_sent_whole = True
            pattern.callback = view
    return patterns
