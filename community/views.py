from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Locale, Page

from home.ratelimit import client_ip, counted_as_a_confirmation, rate_limit
from home.visibility import openable_or_404

from .forms import DeleteAccountForm, ProfileForm, ReportForm
from .models import (
    NewsletterIndexPage,
    NewsletterSubscriber,
    Report,
    SectorMembership,
    SectorPage,
)
from .models.reports import AlreadyReported, NoLongerShown
from .newsletter import subscriptions
from .newsletter.forms import SubscribeForm
from .notifications import notify_contribution_hidden, notify_editors_of_report
from .privacy import delete_account, kept_for_others
from .uploads import first_frame_text


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
        if animation := getattr(form.cleaned_data.get("avatar"), "first_frame_of", None):
            messages.info(request, first_frame_text(animation))
        # Back where she was sent from (an exchange visit that asked for her town, walk 13),
        # if that is a page of this site.
        back = request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            return redirect(back)
        return redirect("member_area")
    return render(request, "community/profile_form.html", {"form": form})


def live_sector(page_id):
    return get_object_or_404(SectorPage.objects.live(), pk=page_id)


def joinable_sector(request, page_id):
    """A sector the member may open: one behind a password or for a group she is not in is not
    joined (a member joined a group's sector by posting its id: attack of 2026-12-05). Leaving
    stays open, whatever became of the sector."""
    return openable_or_404(request, SectorPage.objects, pk=page_id)


@require_POST
@member_required
@rate_limit("membership", limit=30)
def join_sector(request, page_id):
    sector = joinable_sector(request, page_id)
    _membership, joined = SectorMembership.objects.get_or_create(
        user=request.user, sector_key=sector.translation_key
    )
    welcome = _("Welcome to the %(sector)s community!") % {"sector": sector.title}
    if joined:
        # A new membership gets the weekly digest (SectorMembership.digest): said, not silent.
        welcome = format_html(
            '{} {} <a href="{}">{}</a>.',
            welcome,
            _("Every Monday we email you the news of this community."),
            reverse("digest_settings"),
            _("Choose how often, or stop it"),
        )
    messages.success(request, welcome)
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
@counted_as_a_confirmation
def delete_account_view(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        remove = form.cleaned_data["remove_contributions"]
        kept = [
            (page.title, page.live) for page in kept_for_others(user, remove_contributions=remove)
        ]
        logout(request)
        delete_account(user, remove_contributions=remove)
        messages.success(request, _("Your account and personal data have been deleted. Goodbye!"))
        for title, live in kept:
            if live:
                told = _(
                    "Members have registered for “%(title)s”, so it stays on the site, without "
                    "your name. The editors decide about it."
                )
            else:
                told = _(
                    "Members have registered for “%(title)s”, so it is not deleted with your "
                    "account: it stays off the site, without your name, until the editors "
                    "decide about it."
                )
            messages.info(request, told % {"title": title})
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
    """Anyone who may open a published contribution may report it, once; the editors decide."""
    page = openable_or_404(request, Page.objects.specific(), pk=page_id)
    if not getattr(page, "member_contribution", False):
        raise Http404
    # The form of the version the visitor reads, which it names and leads back to (a report of
    # any version counts for all of them): the language switch of the form of another version
    # keeps its number (walk 10).
    localized = page.localized
    if request.method != "POST" and localized.pk != page.pk:
        return redirect("report_contribution", page_id=localized.pk)
    back = localized.get_url(request)
    already = _(
        "You have already reported this contribution. Thank you: the moderation will look at it."
    )
    refusal = None
    if request.user.is_authenticated and Report.objects.by_its_member(page, request.user):
        # Her report would count towards the members' reports that hide it.
        refusal = _(
            "This is your own contribution, so you cannot report it. If it must change or go, "
            "write to the editors."
        )
    elif Report.objects.already_reported(page, **reporter_of(request)):
        refusal = already
    if refusal:
        if request.method == "POST":
            messages.info(request, refusal)
            return redirect(back)
        return render(
            request, "community/report_form.html", {"reported": page, "not_to_report": refusal}
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
        except NoLongerShown:
            raise Http404 from None
        if report.first_open or report.hid_page or report.kept_for:
            transaction.on_commit(lambda: notify_editors_of_report(report))
        if report.hid_page:
            transaction.on_commit(lambda: notify_contribution_hidden(report))
        messages.success(request, _("Thank you. The moderation will look at your report."))
        if report.hid_page:
            return redirect(reverse("wagtail_serve", args=("",)))
        return redirect(back)
    return render(request, "community/report_form.html", {"form": form, "reported": page})


def newsletter_archive():
    """The newsletter archive of the language being read, or None."""
    return NewsletterIndexPage.objects.live().filter(locale=Locale.get_active()).first()


@rate_limit("newsletter_subscribe", limit=10)
def newsletter_subscribe(request):
    """A visitor subscribes with their address and consent; a confirmation link follows by
    email. Every address gets the same answer, subscribed or not. Not kept by the page cache
    (a form with a CSRF token, and an answer by who asks). A logged-in member opts in or out
    in one click instead, as on their profile (their address is verified). The archive is its
    `menu_section`, which the main menu marks and the breadcrumbs lead back to; not its `page`:
    a view has no page, and the language switcher, hreflang and canonical links would lead to
    the archive."""
    archive = newsletter_archive()
    if request.user.is_authenticated:
        return newsletter_member(request, archive)
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subscriptions.subscribe(form.cleaned_data["email"], get_language(), request)
        return render(
            request,
            "community/newsletter_subscribe.html",
            {"requested": True, "email": form.cleaned_data["email"], "menu_section": archive},
        )
    context = {"form": form, "menu_section": archive}
    return render(request, "community/newsletter_subscribe.html", context)


def newsletter_member(request, archive):
    """The member's own subscription on the newsletter page: the profile's opt-in, in one
    click on a button that says what it asks for, to the account's verified address
    (`subscriptions.set_member_subscription` records the consent and its time), and a way out
    once subscribed."""
    receives = subscriptions.member_receives(request.user)
    if request.method == "POST" and receives and "stop" in request.POST:
        subscriptions.set_member_subscription(request.user, False)
        messages.success(
            request, _("You have been unsubscribed. We will not send you the newsletter any more.")
        )
        return redirect("newsletter_subscribe")
    if request.method == "POST" and not receives and "subscribe" in request.POST:
        subscriptions.set_member_subscription(request.user, True)
        messages.success(request, _("From now on we send you the newsletter."))
        return redirect("newsletter_subscribe")
    context = {"member": True, "receives": receives, "menu_section": archive}
    return render(request, "community/newsletter_subscribe.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def newsletter_confirm(request, token):
    """The link of the confirmation email: GET shows the address and a button, whose POST
    confirms (as allauth's confirmation of an account's address does). Mail gateways and link
    previews follow every link of an incoming email with a GET: that confirmed subscriptions
    nobody had confirmed (walk of 2026-12-06). A link already answered says so."""
    if request.method == "POST":
        subscriber = subscriptions.confirm(token, get_language())
    else:
        subscriber = subscriptions.subscriber_to_confirm(token)
    return render(
        request,
        "community/newsletter_confirm.html",
        {"subscriber": subscriber, "archive": newsletter_archive()},
        status=200 if subscriber is not None else 404,
    )


# Token-authenticated: RFC 8058's one-click POST comes from the mail client, without a cookie.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def newsletter_unsubscribe(request, token):
    """GET asks (a button); POST (the button, or the mail client's `List-Unsubscribe=One-Click`)
    unsubscribes, without a login."""
    # A NUL character is in no token, and PostgreSQL refuses it in a text (attack 22, F4).
    subscriber = (
        None if "\x00" in token else NewsletterSubscriber.objects.filter(token=token).first()
    )
    if subscriber is None:
        # Forgotten since (KEEP_LEFT), or never: either way nothing goes there.
        return render(
            request,
            "community/newsletter_unsubscribe.html",
            {"unknown": True, "archive": newsletter_archive()},
            status=404,
        )
    # A GET unsubscribes nobody (mail gateways follow links): it says "done" only when nothing
    # reaches the mailbox any more, else it asks, also on the link of a subscription that left.
    if request.method == "POST" or not subscriptions.same_mailbox(subscriber).receiving().exists():
        if request.method == "POST":
            subscriptions.unsubscribe_mailbox(subscriber)
        context = {"done": True, "archive": newsletter_archive()}
        return render(request, "community/newsletter_unsubscribe.html", context)
    return render(request, "community/newsletter_unsubscribe.html", {"subscriber": subscriber})
