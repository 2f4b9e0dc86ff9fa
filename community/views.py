from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from home.ratelimit import client_ip, rate_limit

from .forms import DeleteAccountForm, ProfileForm, ReportForm
from .models import Report, SectorMembership, SectorPage
from .models.reports import AlreadyReported
from .notifications import notify_editors_of_report
from .privacy import delete_account


def member_required(view):
    """Logged-in accounts only (the member area's views, here and in exchanges/views.py):
    members, and moderators and editors with their own registrations and contributions too
    (`community.roles`)."""
    return login_required(view)


@member_required
@rate_limit("profile", limit=30)
def edit_profile(request):
    form = ProfileForm(request.POST or None, request.FILES or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("member_area")
    return render(request, "community/profile_form.html", {"form": form})


def live_sector(page_id):
    return get_object_or_404(SectorPage.objects.live(), pk=page_id)


@require_POST
@member_required
@rate_limit("membership", limit=30)
def join_sector(request, page_id):
    sector = live_sector(page_id)
    SectorMembership.objects.get_or_create(user=request.user, sector_key=sector.translation_key)
    messages.success(request, _("Welcome to the %(sector)s community!") % {"sector": sector.title})
    return redirect(sector.get_url(request))


@require_POST
@member_required
def leave_sector(request, page_id):
    sector = live_sector(page_id)
    SectorMembership.objects.for_sector(sector).filter(user=request.user).delete()
    messages.success(
        request, _("You have left the %(sector)s community.") % {"sector": sector.title}
    )
    return redirect(sector.get_url(request))


@member_required
@rate_limit("delete_account", limit=10)
def delete_account_view(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user, remove_contributions=form.cleaned_data["remove_contributions"])
        messages.success(request, _("Your account and personal data have been deleted. Goodbye!"))
        return redirect(reverse("wagtail_serve", args=("",)))
    return render(request, "community/delete_account.html", {"form": form})


def client_address(request):
    """The visitor's address, as the rate limits see it (behind our trusted proxies)."""
    return client_ip(request)


def reporter_of(request, *, start_session=False):
    """Who reports: a member by account; a visitor by session and by address."""
    if request.user.is_authenticated:
        return {"reporter": request.user}
    if start_session and not request.session.session_key:
        request.session["reporter"] = True  # so the browser keeps the session's cookie
        request.session.save()
    return {"session_key": request.session.session_key or "", "address": client_address(request)}


@rate_limit("report", limit=10)
def report_contribution(request, page_id):
    """Anyone may report a published contribution, once; the editors decide."""
    page = get_object_or_404(Page.objects.live().public().specific(), pk=page_id)
    if not getattr(page, "member_contribution", False):
        raise Http404
    # Back to the version the visitor reads (a report of any version counts for all of them).
    back = page.localized.get_url(request)
    already = _(
        "You have already reported this contribution. Thank you: the editors will look at it."
    )
    if Report.objects.already_reported(page, **reporter_of(request)):
        if request.method == "POST":
            messages.info(request, already)
            return redirect(back)
        return render(
            request, "community/report_form.html", {"reported": page, "already_reported": already}
        )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = Report.objects.file(
                page,
                form.cleaned_data["reason"],
                form.cleaned_data["message"],
                **reporter_of(request, start_session=True),
            )
        except AlreadyReported:
            messages.info(request, already)
            return redirect(back)
        if report.first_open or report.hid_page:
            transaction.on_commit(lambda: notify_editors_of_report(report))
        messages.success(request, _("Thank you. The editors will look at your report."))
        if report.hid_page:
            return redirect(reverse("wagtail_serve", args=("",)))
        return redirect(back)
    return render(request, "community/report_form.html", {"form": form, "reported": page})
