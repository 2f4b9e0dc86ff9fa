"""The member's digest settings (in the member area) and the one-click unsubscribe that every
digest email links to (no login: the address carries a signed token naming the member)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from community.models import SectorIndexPage, SectorMembership
from community.views import member_required
from home.ratelimit import rate_limit

from .digest_forms import DigestSettingsForm
from .digests import member_of_token


@member_required
@rate_limit("digest_settings", limit=30)
def digest_settings(request):
    form = DigestSettingsForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your digest choices have been saved."))
        return redirect("digest_settings")
    context = {"form": form}
    if not form.fields:
        context["sector_overview"] = SectorIndexPage.of_language_read()
    return render(request, "exchanges/digest_settings.html", context)


@csrf_exempt  # RFC 8058: the one-click POST comes from the mail client, without a session.
@never_cache
def digest_unsubscribe(request, token):
    """GET asks for confirmation (link checkers of mail servers follow links, and must not
    unsubscribe anyone); POST, from that page or as the mail client's one-click
    (`List-Unsubscribe=One-Click`), stops all the member's digests."""
    member_id = member_of_token(token)
    if member_id is None:
        raise Http404
    done = False
    if request.method == "POST":
        SectorMembership.objects.filter(user_id=member_id).stop_digests()
        done = True
    return render(request, "exchanges/digest_unsubscribe.html", {"done": done})
