import datetime
import uuid

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Page

from exchanges.models import MeetingPage, MeetingSector, Registration, StoryPage, StorySector
from exchanges.models.stories import StoryTown
from home.ratelimit import client_ip, rate_limit

from . import contributions
from .forms import (
    DeleteAccountForm,
    MeetingProposalForm,
    ProfileForm,
    ReportForm,
    StoryContributionForm,
    photo_formset,
)
from .models import Report, SectorMembership, SectorPage
from .models.reports import AlreadyReported
from .notifications import notify_editors_of_report
from .privacy import delete_account, export_member_data
from .uploads import KeptPhoto, clear_abandoned_photos


def member_required(view):
    """Logged-in members only; editors use the admin."""
    return login_required(view)


@member_required
def member_area(request):
    user = request.user
    registrations = list(
        Registration.objects.filter(user=user)
        .active()
        .with_meeting_in(get_language())
        .select_related("meeting")
        .order_by("meeting__start")
    )
    # Each meeting in the reader's language where it is translated: one query for them all.
    translated = MeetingPage.objects.in_bulk(
        [
            registration.shown_meeting_id
            for registration in registrations
            if registration.shown_meeting_id
        ]
    )
    for registration in registrations:
        registration.shown_meeting = translated.get(
            registration.shown_meeting_id, registration.meeting
        )
    keys = list(user.memberships.values_list("sector_key", flat=True))
    sectors = SectorPage.objects.live().filter(
        translation_key__in=keys, locale__language_code=get_language()
    )
    return render(
        request,
        "community/member_area.html",
        {
            "contributions": contributions.contributions_of(user),
            "registrations": registrations,
            "sectors": sectors,
        },
    )


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


def own_contribution(request, page_id, rule=contributions.editable_by):
    """The member's own contribution, as long as `rule` allows (by default: still editable);
    anything else is not found, so nobody learns that someone else's draft exists."""
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None or not rule(page, request.user):
        raise Http404
    return page.get_latest_revision_as_object()


def submission_token(request):
    """The contribution form's one-time token: the one the form was sent with (kept when the
    form comes back with errors), or a new one for a new form."""
    try:
        return uuid.UUID(request.POST.get("submission", ""))
    except ValueError:
        return uuid.uuid4() if request.method == "GET" else None


def photo_count(page):
    """The photos a contribution has: the one leading a story and those in its text."""
    if page is None:
        return 0
    in_body = sum(1 for block in page.body if block.block_type == "image")
    return in_body + (1 if getattr(page, "image_id", None) else 0)


def keep_photos(request, token, photos):
    """After a form came back with errors: keeps each photo that passed the checks for the next
    try (the browser forgets the chosen file), and forgets those the member no longer wants."""
    if token is None:
        return
    photos.is_valid()  # Cleans every photo, also when the other fields already had errors.
    if any(getattr(photo, "cleaned_data", {}).get("image") for photo in photos.forms):
        clear_abandoned_photos()  # once per request that keeps photos: no scheduler needed
    for index, photo in enumerate(photos.forms):
        data = getattr(photo, "cleaned_data", {})
        upload = data.get("image")
        if upload:
            sent = request.FILES.get(photo.add_prefix("image"))
            photo.kept = KeptPhoto.keep(
                request.session, token, index, upload, sent.name if sent else "", request.user
            )
        elif photo.kept and data.get("discard"):
            KeptPhoto.drop(request.session, token, index)
            photo.kept = None


def contribution_view(request, form_class, page=None):
    editing = page is not None
    is_story = form_class is StoryContributionForm
    initial = initial_for(page) if editing else {"language": get_language()}
    form = form_class(request.POST or None, initial=initial, editing=editing)
    token = submission_token(request)
    kept, lost = (
        KeptPhoto.for_form(request.session, token)
        if token and request.method == "POST"
        else ({}, {})
    )
    photos = photo_formset(
        request.POST or None,
        request.FILES or None,
        prefix="photos",
        kept=kept,
        lost=lost,
        existing=photo_count(page),
    )
    if request.method == "POST" and form.is_valid() and photos.is_valid():
        submit = bool(request.POST.get("submit"))
        try:
            with transaction.atomic():
                # First the token (a second copy of the same form waits here for the first and
                # stops), then the review state, before any photo is stored.
                contributions.claim_submission(request.user, token)
                if editing:
                    contributions.lock_for_edit(page, request.user)
                page = fill_page(
                    page or (StoryPage() if is_story else MeetingPage()), form, photos, request.user
                )
                if editing:
                    contributions.update_contribution(page, request.user, submit=submit)
                else:
                    locale = contributions.locale_for(form.cleaned_data["language"])
                    contributions.create_contribution(page, request.user, locale, submit=submit)
        except contributions.AlreadySubmitted:
            KeptPhoto.drop(request.session, token)
            messages.info(
                request, _("This form had already been sent; your contribution is saved once.")
            )
            return redirect("member_area")
        except contributions.NotEditable:
            return in_review_view(request, page, status=409)
        KeptPhoto.drop(request.session, token)
        if submit:
            messages.success(
                request, _("Thank you! Your contribution is waiting for an editor's review.")
            )
        else:
            messages.success(
                request, _("Your draft has been saved. You can come back to it later.")
            )
        return redirect("member_area")
    if request.method == "POST":
        keep_photos(request, token, photos)
        messages.error(request, _("Please correct the marked fields; nothing you typed is lost."))
    return render(
        request,
        "community/contribution_form.html",
        {
            "form": form,
            "photos": photos,
            "first_photos": photos.forms[:3],
            "more_photos": photos.forms[3:],
            "more_photos_open": any(photo.errors or photo.kept for photo in photos.forms[3:]),
            "page": None,
            "contribution": page,
            "is_story": is_story,
            "submission": token or uuid.uuid4(),
        },
    )


def in_review_view(request, page, status=200):
    """A contribution the editors are reviewing is read-only for its author: what they approve is
    what they read. The member may take it back to edit it."""
    page = Page.objects.get(pk=page.pk).specific
    if status == 409:
        messages.error(
            request, _("Your changes were not saved: the editors are reviewing this contribution.")
        )
    return render(
        request,
        "community/contribution_in_review.html",
        {
            "page": None,
            "contribution": page.get_latest_revision_as_object(),
            "body": contributions.body_text(page.get_latest_revision_as_object()),
            "withdrawable": contributions.withdrawable_by(page, request.user),
        },
        status=status,
    )


def initial_for(page):
    initial = {
        "title": page.title,
        "intro": page.intro,
        "body": contributions.body_text(page),
        "language": page.locale.language_code,
    }
    links = page.story_sectors.all() if isinstance(page, StoryPage) else page.meeting_sectors.all()
    first = next(iter(links), None)
    initial["sector"] = str(first.sector_id) if first else ""
    if isinstance(page, StoryPage):
        initial.update(date=page.date, towns=[str(link.town_id) for link in page.story_towns.all()])
    else:
        initial.update(
            start=timezone.localtime(page.start).replace(tzinfo=None),
            end=timezone.localtime(page.end).replace(tzinfo=None),
            format=page.format,
            place_name=page.place_name,
            town=page.town_id or "",
            online_url=page.online_url,
            spoken_language=page.spoken_language,
            capacity=page.capacity,
        )
    return initial


def fill_page(page, form, photos, user):
    data = form.cleaned_data
    page.title = data["title"]
    page.intro = data["intro"]
    stored = []
    chosen = ((photo, photo.photo()) for photo in photos)
    uploads = [{**photo.cleaned_data, "image": image} for photo, image in chosen if image]
    if uploads:
        collection = contributions.collection_for(data["title"], user)
        stored = contributions.save_photos(uploads, collection, user)
    existing_photos = (
        [block for block in page.body if block.block_type == "image"] if page.pk else []
    )
    if isinstance(page, StoryPage) and not page.image_id:
        # The first photo of a story leads it: on cards, at the top of the page, in previews. The
        # top of the page has no caption, so a photo the member wrote a caption for stays in the
        # text, with its caption; the first one without leads.
        lead = next((photo for photo in stored if not photo[2].strip()), None)
        if lead is not None:
            page.image, page.image_alt = lead[0], lead[1]
            stored = [photo for photo in stored if photo is not lead]
    body = []
    html = contributions.paragraphs_to_html(data["body"])
    if html:
        body.append(("paragraph", html))
    body += [("image", block.value) for block in existing_photos]
    body += contributions.photo_blocks(stored)
    page.body = body
    sector = form.chosen_sector()
    if isinstance(page, StoryPage):
        page.date = data["date"]
        page.author = user
        page.story_sectors = [StorySector(sector=sector)] if sector else []
        page.story_towns = [StoryTown(town=town) for town in form.chosen_towns()]
    else:
        page.start, page.end = data["start"], data["end"]
        page.format = data["format"]
        page.place_name = data["place_name"]
        page.town = data["town"]
        page.online_url = data["online_url"]
        page.spoken_language = data["spoken_language"]
        page.capacity = data["capacity"]
        page.organiser = user.public_name
        page.meeting_sectors = [MeetingSector(sector=sector)] if sector else []
    return page


@member_required
@rate_limit("contribution", limit=30)
def new_story(request):
    return contribution_view(request, StoryContributionForm)


@member_required
@rate_limit("contribution", limit=30)
def new_meeting(request):
    return contribution_view(request, MeetingProposalForm)


@member_required
@rate_limit("contribution", limit=30)
def edit_contribution(request, page_id):
    page = own_contribution(request, page_id, contributions.own_unpublished)
    if not contributions.editable_by(Page.objects.get(pk=page.pk).specific, request.user):
        return in_review_view(request, page, status=409 if request.method == "POST" else 200)
    form_class = StoryContributionForm if isinstance(page, StoryPage) else MeetingProposalForm
    return contribution_view(request, form_class, page)


@require_POST
@member_required
@rate_limit("contribution", limit=30)
def withdraw_contribution(request, page_id):
    """Takes a contribution out of review, so that its author can edit it and send it again."""
    page = own_contribution(request, page_id, contributions.own_unpublished)
    if contributions.withdraw_from_review(page, request.user):
        messages.success(
            request,
            _("Your contribution is a draft again: edit it and send it when you are ready."),
        )
    elif not contributions.editable_by(Page.objects.get(pk=page.pk).specific, request.user):
        messages.error(
            request, _("This contribution cannot be withdrawn now: an editor is working on it.")
        )
    return redirect("edit_contribution", page_id=page.pk)


@require_POST
@member_required
def delete_contribution(request, page_id):
    page = own_contribution(request, page_id, contributions.own_unpublished)
    contributions.remove_contribution(Page.objects.get(pk=page.pk).specific)
    messages.success(
        request, _("Your contribution “%(title)s” has been deleted.") % {"title": page.title}
    )
    return redirect("member_area")


@member_required
@never_cache
def download_data(request):
    """Personal data: never kept by a browser's or a proxy's cache (`no-store, private`)."""
    response = export_member_data(request.user)
    stamp = datetime.date.today().isoformat()
    response["Content-Disposition"] = f'attachment; filename="jumelage-my-data-{stamp}.json"'
    return response


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
