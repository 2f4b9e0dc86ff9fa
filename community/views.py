import datetime

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
from django.views.decorators.http import require_POST
from wagtail.models import Page

from exchanges.models import MeetingPage, MeetingSector, Registration, StoryPage, StorySector
from exchanges.models.stories import StoryTown
from home.ratelimit import rate_limit

from . import contributions
from .forms import (
    MeetingProposalForm,
    PhotoFormSet,
    ProfileForm,
    ReportForm,
    StoryContributionForm,
)
from .models import Report, SectorMembership, SectorPage
from .notifications import notify_editors_of_report
from .privacy import delete_account, export_member_data


def member_required(view):
    """Logged-in members only; editors use the admin."""
    return login_required(view)


@member_required
def member_area(request):
    user = request.user
    registrations = (
        Registration.objects.filter(user=user)
        .active()
        .select_related("meeting")
        .order_by("meeting__start")
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


def own_contribution(request, page_id):
    """The member's own contribution, still editable; anything else is not found, so nobody
    learns that someone else's draft exists."""
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None or not contributions.editable_by(page, request.user):
        raise Http404
    return page.get_latest_revision_as_object()


def contribution_view(request, form_class, page=None):
    editing = page is not None
    is_story = form_class is StoryContributionForm
    initial = initial_for(page) if editing else {"language": get_language()}
    form = form_class(request.POST or None, initial=initial, editing=editing)
    photos = PhotoFormSet(request.POST or None, request.FILES or None, prefix="photos")
    if request.method == "POST" and form.is_valid() and photos.is_valid():
        submit = bool(request.POST.get("submit"))
        page = fill_page(
            page or (StoryPage() if is_story else MeetingPage()), form, photos, request.user
        )
        if editing:
            contributions.update_contribution(page, request.user, submit=submit)
        else:
            locale = contributions.locale_for(form.cleaned_data["language"])
            contributions.create_contribution(page, request.user, locale, submit=submit)
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
        messages.error(request, _("Please correct the marked fields; nothing you typed is lost."))
    return render(
        request,
        "community/contribution_form.html",
        {"form": form, "photos": photos, "page": None, "contribution": page, "is_story": is_story},
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
    uploads = [photo.cleaned_data for photo in photos if photo.cleaned_data.get("image")]
    if uploads:
        collection = contributions.collection_for(data["title"], user)
        stored = contributions.save_photos(uploads, collection, user)
    existing_photos = (
        [block for block in page.body if block.block_type == "image"] if page.pk else []
    )
    if isinstance(page, StoryPage) and stored and not page.image_id:
        # The first photo of a story leads it: on cards, at the top of the page, in previews.
        page.image, page.image_alt = stored[0][0], stored[0][1]
        stored = stored[1:]
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
    page = own_contribution(request, page_id)
    form_class = StoryContributionForm if isinstance(page, StoryPage) else MeetingProposalForm
    return contribution_view(request, form_class, page)


@require_POST
@member_required
def delete_contribution(request, page_id):
    page = own_contribution(request, page_id)
    contributions.remove_contribution(Page.objects.get(pk=page.pk).specific)
    messages.success(
        request, _("Your contribution “%(title)s” has been deleted.") % {"title": page.title}
    )
    return redirect("member_area")


@member_required
def download_data(request):
    response = export_member_data(request.user)
    stamp = datetime.date.today().isoformat()
    response["Content-Disposition"] = f'attachment; filename="jumelage-my-data-{stamp}.json"'
    return response


@member_required
def delete_account_view(request):
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        user = request.user
        logout(request)
        delete_account(user, remove_contributions=request.POST.get("remove_contributions") == "yes")
        messages.success(request, _("Your account and personal data have been deleted. Goodbye!"))
        return redirect(reverse("wagtail_serve", args=("",)))
    return render(request, "community/delete_account.html", {})


@rate_limit("report", limit=10)
def report_contribution(request, page_id):
    """Anyone may report a published contribution; the editors decide."""
    page = get_object_or_404(Page.objects.live().public().specific(), pk=page_id)
    if not getattr(page, "member_contribution", False):
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reporter = request.user if request.user.is_authenticated else None
        report = Report.objects.file(
            page, form.cleaned_data["reason"], form.cleaned_data["message"], reporter
        )
        transaction.on_commit(lambda: notify_editors_of_report(report))
        messages.success(request, _("Thank you. The editors will look at your report."))
        if report.hid_page:
            return redirect(reverse("wagtail_serve", args=("",)))
        return redirect(page.get_url(request))
    return render(request, "community/report_form.html", {"form": form, "reported": page})
