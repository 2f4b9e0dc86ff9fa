"""Admin views of Wagtail and its packages that read a posted field without asking whether it
was sent: a POST without it (empty, forged, cut off on its way) was a server error, logged each
time. Their browsers' forms always send it, so a POST that lacks it is refused as a bad request
(400) before the view runs (`sent_whole`): the external link chooser (its URL),
wagtail-localize's PO upload (the file) and the redirects import's second step (what the first
step signed for it, which Wagtail itself answers as suspicious when tampered with). Page copies
are checked by a hook, after Wagtail's refusals (`home.wagtail_hooks.copy_names_its_parent`).

A POST refused so answers 400 before the view's own refusal of who may not use it: the request
was none a browser sends, and its answer says nothing of what exists."""

from functools import update_wrapper, wraps

from django.core.exceptions import BadRequest
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
    without what its view reads (once: Wagtail's patterns are its modules')."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            sent_whole(pattern.url_patterns, inner)
            continue
        if not isinstance(pattern, URLPattern) or not pattern.name:
            continue
        name = f"{namespace}:{pattern.name}" if namespace else pattern.name
        sent = READ_UNCHECKED.get(name)
        if sent is not None and not getattr(pattern.callback, "jumelage_sent_whole", False):
            view = update_wrapper(refusing_posts_without(pattern.callback, sent), pattern.callback)
            view.jumelage_sent_whole = True
            pattern.callback = view
    return patterns
