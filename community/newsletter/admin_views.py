"""The editors' send page of a newsletter in the admin: how many recipients per language, a
preview of the email in each language, a test to themselves, and sending (with a confirmation).
For editors who may publish the newsletter page; moderators and members are refused. Reached
from the newsletter in any language (community/wagtail_hooks.py): the send page of a translation
sends the newsletter itself, its source's audience, each reader in their language."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages as admin_messages
from wagtail.admin.auth import permission_denied, require_admin_access

from home import queued_messages

from .. import roles
from ..models import NewsletterPage
from . import sending


def newsletter_for_editor(request, page_id):
    """The newsletter page, if the user is an editor who may publish it; else a refusal."""
    if not roles.is_editor(request.user):
        return None, permission_denied(request)
    page = get_object_or_404(NewsletterPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        return None, permission_denied(request)
    return page, None


RESTRICTED = gettext_lazy(
    "This newsletter is private (its page or a page above it has a privacy setting): it can "
    "not be sent to subscribers. Make it public first."
)


def restricted(page):
    """A newsletter only some may read is never emailed to everyone."""
    return bool(page.get_view_restrictions())


def send_page_url(page):
    return reverse("newsletter_send", args=[page.pk])


PUBLISHED_NOT_PUBLIC = gettext_lazy(
    "The newsletter “%(title)s” is published, but visitors see it only once it is sent."
)
# Wagtail's messages after a publish from the page editor (wagtail/admin/views/pages).
WAGTAIL_PUBLISHED = (
    "Page '%(page_title)s' created and published.",
    "Page '%(page_title)s' has been published.",
)


def tell_published_is_not_public(request, page):
    """`after_create_page`, `after_edit_page`: a newsletter just published and not sent yet is
    not on the site (it answers 404 until it is sent), which Wagtail's "created and published"
    did not say: in its place, that it is seen once sent, with the way to the send page."""
    page = page.specific
    if not (
        isinstance(page, NewsletterPage)
        and request.POST.get("action-publish")
        and page.live
        and page.sent_at_or_none() is None
    ):
        return
    title = page.get_admin_display_title()
    queued_messages.withdraw(
        request, [_(text) % {"page_title": title} for text in WAGTAIL_PUBLISHED], buttons=True
    )
    admin_messages.warning(
        request,
        PUBLISHED_NOT_PUBLIC % {"title": title},
        buttons=[admin_messages.button(send_page_url(page), _("Send newsletter"))],
    )


@require_admin_access
def send_view(request, page_id):
    page, refused = newsletter_for_editor(request, page_id)
    if refused:
        return refused
    source = sending.source_of(page)
    if request.method == "POST":
        if not source.live:
            messages.error(request, _("Publish the newsletter before sending it."))
        elif restricted(source):
            messages.error(request, RESTRICTED)
        elif request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm that it may be sent."))
        else:
            _sending, new = sending.start_sending(page, request.user)
            if new:
                messages.success(request, _("The newsletter is being sent."))
            else:
                messages.info(request, _("This newsletter has been sent already."))
        return redirect(send_page_url(page))
    counts = sending.counts_by_language(page)
    languages = [
        {
            "code": code,
            "name": name,
            "count": counts[code],
            "version": sending.version_for(page, code),
            "untranslated": sending.version_for(page, code).locale.language_code != code,
            "preview_url": f"{reverse('newsletter_preview', args=[page.pk])}?language={code}",
        }
        for code, name in settings.LANGUAGES
    ]
    context = {
        "page": page,
        "source": source,
        "restricted": RESTRICTED if restricted(source) else "",
        "languages": languages,
        "total": sum(counts.values()),
        "sending": source.sending,
    }
    return TemplateResponse(request, "community/newsletter_send.html", context)


@require_admin_access
def preview_view(request, page_id):
    """The email a reader of `?language=` gets, as HTML: the editor's test of it, with its
    notes (sending.test_context)."""
    page, refused = newsletter_for_editor(request, page_id)
    if refused:
        return refused
    code = request.GET.get("language", settings.LANGUAGE_CODE)
    if code not in sending.LANGUAGE_CODES:
        raise Http404
    _subject, html = sending.preview(page, code, request.user)
    response = HttpResponse(html)
    response["Content-Language"] = code
    return response


@require_admin_access
@require_POST
def test_view(request, page_id):
    page, refused = newsletter_for_editor(request, page_id)
    if refused:
        return refused
    sending.send_test(page, request.user)
    messages.success(
        request,
        _("A test in each language is on its way to %(email)s.") % {"email": request.user.email},
    )
    return redirect(send_page_url(page))


urlpatterns = [
    path("newsletter/<id:page_id>/", send_view, name="newsletter_send"),
    path("newsletter/<id:page_id>/preview/", preview_view, name="newsletter_preview"),
    path("newsletter/<id:page_id>/test/", test_view, name="newsletter_test"),
]
