"""What members do on the site besides reading: register for meetings, and in their member area
(with community/views.py) contribute stories and meetings, find the address of their own calendar
(exchanges/ical.py) and download their data."""

import datetime
import functools
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail.models import Page

from community import contributions
from community.forms import photo_formset
from community.models import Report, SectorIndexPage, SectorPage
from community.notifications import foundations_contact
from community.roles import works_in_admin
from community.uploads import (
    KeptPhoto,
    clear_abandoned_photos,
    first_frame_text,
    kept_room,
    not_kept_text,
    shown_file_name,
)
from community.views import member_required
from home.i18n import live_translation, other_language
from home.ratelimit import rate_limit
from home.stored_files import atomic_with_files
from home.urls_util import absolute_url
from home.visibility import may_open, openable_or_404

from .choices import RegistrationStatus
from .contribution_forms import MeetingForm, StoryForm, form_for
from .models import CalendarToken, MeetingPage, Registration, RegistrationClosed, StoryPage
from .privacy import export_member_data
from .visit_views import member_visits


def meeting_for(request, page_id):
    """The meeting, as its page opens for the member: also one for members or a group."""
    return openable_or_404(request, MeetingPage.objects, pk=page_id)


@require_POST
@login_required
@rate_limit("registration", limit=30)
def register(request, page_id):
    meeting = meeting_for(request, page_id)
    try:
        registration = Registration.objects.register(meeting, request.user, notify=True)
    except RegistrationClosed as closed:
        messages.error(request, str(closed))
    except MeetingPage.DoesNotExist:
        raise Http404 from None
    else:
        if registration.status == RegistrationStatus.REGISTERED:
            messages.success(request, _("You are registered. See you there!"))
        else:
            messages.info(
                request,
                _(
                    "The meeting is full, so you are on the waiting list. We will email you "
                    "when a place comes free."
                ),
            )
    return redirect(meeting.get_url(request))


@require_POST
@login_required
@rate_limit("registration", limit=30)
def cancel_registration(request, page_id):
    if not Page.objects.filter(pk=page_id).exists():
        # Deleted while the member had its page open: the whole meeting (its registrations with
        # it), or only this language version (its registrations moved to another one). Nothing
        # is cancelled here; the member area shows what they still hold. (A page that is no
        # meeting's is not found, below.)
        messages.info(
            request,
            _(
                "This page of the meeting no longer exists, so nothing was cancelled. Your "
                "member area lists the registrations you still have."
            ),
        )
        return redirect("member_area")
    # Also a meeting no longer published: the member's registration stays theirs to cancel.
    meeting = get_object_or_404(MeetingPage, pk=page_id)
    held, _promoted = Registration.objects.cancel_telling(meeting, request.user, notify=True)
    if held == RegistrationStatus.WAITLISTED:
        messages.success(request, _("You have left the waiting list."))
    else:
        messages.success(request, _("Your registration has been cancelled."))
    if not (meeting.live and may_open(request, meeting)):
        return redirect("member_area")
    return redirect(meeting.get_url(request))


def taken_off_by(report):
    """Who took a contribution off the site, by the report that did (`Report.objects.hiding`):
    "moderation", "reports", "report" (a report that hid it before reports recorded how), or
    "editors" where none did."""
    if report is None:
        return "editors"
    if report.hid_page_at is None:
        return "report"
    return "moderation" if report.hid_by_moderation else "reports"


def editors_contact(language):
    """Where a member asks the editors to change or take off a published contribution: the
    site's contact page in `language`, else the foundations' email addresses, else None."""
    addresses, contact = foundations_contact(None, language)
    if contact is not None:
        return contact.url
    return f"mailto:{','.join(addresses)}" if addresses else None


@member_required
@never_cache
def member_area(request):
    """The member's registrations, contributions, exchange visits and sectors, and the secret
    address of their calendar: kept by no cache, not even the browser's (`private, no-store`)."""
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
        registration.title_language = other_language(registration.shown_meeting)
    own = contributions.contributions_of(user)
    # Who took one off the site, as the email told her: the moderation after a report, members'
    # reports, or the editors (walk 8: the page named all three). One query.
    hiding = Report.objects.hiding(
        [page for page in own if page.state == contributions.ContributionState.HIDDEN]
    )
    # Each published one in the reader's language where it is live there (a translation, or the
    # alias that shows the original labelled), not in the language she wrote it in: one query.
    in_language_read = {
        version.translation_key: version
        for version in Page.objects.live().filter(
            locale__language_code=get_language(),
            translation_key__in=[page.translation_key for page in own if page.live],
        )
    }
    for page in own:
        page.shown_version = in_language_read.get(page.translation_key, page)
        # For their `lang` where she wrote them in the other language (WCAG 3.1.2).
        page.draft_language = other_language(page)
        shown = page.shown_version if page.live else page
        page.title_language = other_language(shown)
        page.taken_off = taken_off_by(hiding.get(page.pk))
    published = any(page.state == contributions.ContributionState.PUBLISHED for page in own)
    keys = list(user.memberships.values_list("sector_key", flat=True))
    sectors = [
        sector
        for sector in SectorPage.objects.live().filter(
            translation_key__in=keys, locale__language_code=get_language()
        )
        # Not a sector she may no longer open (made private for a group she is not in).
        if may_open(request, sector)
    ]
    return render(
        request,
        "community/member_area.html",
        {
            "contributions": own,
            # A published one is the editors' to change or take off: whom she asks (walk 16).
            "editors_contact": editors_contact(get_language()) if published else None,
            "registrations": registrations,
            "sectors": sectors,
            "sector_overview": None if sectors else SectorIndexPage.of_language_read(),
            "visits": member_visits(user),
            # An editor's or a moderator's way back to her work (walk 16: her page had none).
            "admin_home": reverse("wagtailadmin_home") if works_in_admin(user) else None,
            **personal_calendar_addresses(request),
        },
    )


def personal_calendar_addresses(request):
    """The address of the member's own calendar feed (its token made on first use), to copy,
    and as the webcal: link that opens a calendar app's subscription."""
    token = CalendarToken.objects.for_member(request.user).token
    address = absolute_url(request, reverse("personal_calendar_feed", args=[token]))
    return {
        "calendar_address": address,
        "calendar_subscription": "webcal://" + address.split("://", 1)[1],
    }


@require_http_methods(["GET", "POST"])
@member_required
@never_cache
def reset_calendar_address(request):
    """A new secret address for the member's calendar: the old one is not found any more, so
    the member confirms first (a page that asks, without script); only its button resets."""
    if request.POST.get("confirm") != "reset":
        return render(request, "exchanges/calendar_reset.html")
    CalendarToken.objects.reset(request.user)
    messages.success(
        request,
        _(
            "Your calendar has a new address. Calendar apps that read the old one no longer "
            "receive your meetings: give them the new one."
        ),
    )
    return redirect(reverse("member_area") + "#my-calendar")


class PublishedMeanwhile(Exception):
    """The member's own contribution is on the site now: an editor approved it while she had
    it open (in review, or a draft she had sent)."""

    def __init__(self, page):
        super().__init__(page.pk)
        self.page = page


def own_contribution(request, page_id, rule=contributions.editable_by):
    """The member's own contribution, as long as `rule` allows (by default: still editable);
    anything else is not found, so nobody learns that someone else's draft exists. Her own,
    published since: `PublishedMeanwhile` (see `leads_to_the_published_page`)."""
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None or not rule(page, request.user):
        if page is not None and published_own(page, request.user):
            raise PublishedMeanwhile(page)
        raise Http404
    return contributions.current_version(page)


def published_own(page, user):
    return (
        user.is_authenticated
        and page.owner_id == user.pk
        and page.alias_of_id is None
        and getattr(page, "member_contribution", False)
        and page.live
    )


def leads_to_the_published_page(view):
    """A contribution's own addresses (its form, withdraw, delete) of one approved meanwhile
    (or long ago: an old bookmark) lead to its page on the site, in the language being read,
    saying so and who changes or removes it now: not "not found"."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PublishedMeanwhile as published:
            page = published.page
            messages.info(
                request,
                _(
                    "“%(title)s” is published: an editor approved it. To have it changed or "
                    "taken off the site, write to the editors (“Contact” at the bottom of the "
                    "page)."
                )
                % {"title": page.title},
            )
            shown = live_translation(page, get_language()) or page
            return redirect(shown.url)

    return wrapped


def submission_token(request):
    """The contribution form's one-time token: the one the form was sent with (kept when the
    form comes back with errors), or a new one for a new form."""
    try:
        return uuid.UUID(request.POST.get("submission", ""))
    except ValueError:
        return uuid.uuid4() if request.method == "GET" else None


@require_safe
@member_required
def kept_photo(request, token, slot):
    """A small picture of the photo kept for slot `slot` of her form `token`, which the form
    shows beside the photo's file name: only to the session that keeps it."""
    kept, _lost = KeptPhoto.for_form(request.session, token)
    picture = kept[slot].picture() if slot in kept else None
    if picture is None:
        raise Http404
    response = HttpResponse(picture, content_type="image/jpeg")
    patch_cache_control(response, private=True, no_store=True)
    return response


def keep_photos(request, token, photos):
    """After a form came back with errors: keeps each photo that passed the checks for the next
    try (the browser forgets the chosen file), and forgets those the member no longer wants."""
    if token is None:
        return
    photos.is_valid()  # Cleans every photo, also when the other fields already had errors.
    if any(getattr(photo, "cleaned_data", {}).get("image") for photo in photos.forms):
        clear_abandoned_photos()  # once per request that keeps photos: no scheduler needed
    room = kept_room(request.user)
    for index, photo in enumerate(photos.forms):
        data = getattr(photo, "cleaned_data", {})
        upload = data.get("image")
        if upload:
            sent = request.FILES.get(photo.add_prefix("image"))
            name = sent.name if sent else ""
            if upload.size > room:
                photo.add_error("image", not_kept_text(shown_file_name(name)))
                continue
            room -= upload.size
            photo.kept = KeptPhoto.keep(request.session, token, index, upload, name, request.user)
        elif photo.kept and data.get("discard"):
            KeptPhoto.drop(request.session, token, index)
            photo.kept = None


# How often an edit is tried again over a version saved between reading and saving it.
SAVE_TRIES = 5


def already_sent(request, token):
    KeptPhoto.drop(request.session, token)
    messages.info(request, _("This form had already been sent; your contribution is saved once."))
    return redirect("member_area")


def contribution_view(request, form_class, page=None, *, again=0):
    """The form of a new contribution, or of the member's `page` (its latest revision). An edit
    is saved only over the version her form was filled from (`opened`, sent along): where what
    the form shows was saved differently since (by an editor, or by her in another window),
    nothing is saved, and the form comes back with what she typed and what is stored now."""
    stored_title = page.title if page is not None else ""
    token = submission_token(request)
    form = form_class(request.POST or None, user=request.user, page=page)
    if request.method == "POST":
        opened, opened_fields = request.POST.get("opened", ""), request.POST.get("opened_fields")
    else:
        opened, opened_fields = form.version, form.fingerprints_text()
    prints = form.sent_fingerprints(opened_fields)
    # A form that cannot be checked (a hand-made one, one opened before forms said which
    # version they show) saves nothing: it comes back, saying what differs from what is stored.
    unchecked = request.method == "POST" and form.unchecked(opened, prints)
    checked = request.method == "POST" and not unchecked
    changed = form.changed_since(opened, prints) if checked else []
    kept, lost = (
        KeptPhoto.for_form(request.session, token)
        if token and request.method == "POST"
        else ({}, {})
    )
    # The photos it has, each with its own form (`ContributionForm.own_photos`).
    existing_photos = len(form.own_photos)
    photos = photo_formset(
        request.POST or None,
        request.FILES or None,
        prefix="photos",
        kept=kept,
        lost=lost,
        existing=existing_photos,
        user=request.user,
    )
    # Saved over again at each of her SAVE_TRIES: nothing is saved, and she sends it again.
    busy = False
    # Her photos found past her daily room once her other forms were stored: sent back.
    refused = False
    if checked and not changed and form.is_valid() and photos.is_valid():
        submit = bool(request.POST.get("submit"))
        page = form.page
        try:
            # Her photos' files go when the save does not go through (home/stored_files.py).
            with atomic_with_files():
                # First the token (a second copy of the same form waits here for the first and
                # stops), then the review state, before any photo is stored.
                contributions.claim_submission(request.user, token)
                if form.editing:
                    contributions.lock_for_edit(page, request.user, version=form.version)
                else:
                    contributions.lock_overview(type(page), page.locale)
                # Her photos' room once more, after her other forms that store photos: each
                # sent at the same moment found the room of before them (review).
                contributions.recheck_photo_room(
                    request.user, [photo.photo_size() for photo in photos.forms]
                )
                form.add_photos(page, photos)
                if form.editing:
                    contributions.update_contribution(page, request.user, submit=submit)
                    contributions.discard_removed_photos_later(page, form.own_photos.removed())
                else:
                    contributions.create_contribution(
                        page, request.user, page.locale, submit=submit
                    )
        except contributions.AlreadySubmitted:
            return already_sent(request, token)
        except contributions.NotEditable:
            return read_only_view(request, page, status=409)
        except contributions.ChangedMeanwhile:
            # Saved again between reading it and saving over it: once more, with what is stored
            # (a change her form shows comes back to her; a few tries for one it does not).
            if again < SAVE_TRIES:
                stored = own_contribution(request, page.pk, contributions.own_unpublished)
                return contribution_view(request, form_class, stored, again=again + 1)
            busy = True
        except contributions.Gone:
            raise Http404 from None
        except contributions.PhotoRoomUsed as used:
            photos.refuse(used.error)
            refused = True
        if not busy and not refused:
            KeptPhoto.drop(request.session, token)
            if submit:
                messages.success(
                    request, _("Thank you! Your contribution is waiting for an editor's review.")
                )
            else:
                messages.success(
                    request, _("Your draft has been saved. You can come back to it later.")
                )
            for photo in photos.forms:
                if animation := photo.first_frame_of():
                    messages.info(request, first_frame_text(animation))
            return redirect("member_area")
    conflict = None
    if unchecked:
        keep_photos(request, token, photos)
        data, changes = form.merged_with_stored(form.differs_from_stored(), None)
        # She pressed "Send": the form marks what sending still needs, with the notice.
        form = form_class(data, user=request.user, page=page, sending=form.sending)
        # She reads what is stored now: the next send saves over it.
        opened, opened_fields = form.version, form.fingerprints_text()
        conflict = {"unchecked": True, "changes": changes}
    elif changed:
        keep_photos(request, token, photos)
        data, changes = form.merged_with_stored(changed, prints)
        # Hers alone when each save since the version she opened was hers (else what the editors
        # changed would read as her own).
        saved_by = contributions.saved_since_by(page, opened) or {page.latest_revision.user_id}
        form = form_class(data, user=request.user, page=page, sending=form.sending)
        # She reads what is stored now: the next send saves over it.
        opened, opened_fields = form.version, form.fingerprints_text()
        conflict = {
            "by_her": saved_by == {request.user.pk},
            "changes": changes,
        }
    elif busy:
        keep_photos(request, token, photos)
        messages.error(
            request,
            _(
                "Your contribution was saved elsewhere again and again while yours was being "
                "saved, so yours was not saved. Nothing you typed is lost: please send it again."
            ),
        )
    elif request.method == "POST":
        keep_photos(request, token, photos)
        messages.error(request, _("Please correct the marked fields; nothing you typed is lost."))
    return render(
        request,
        "community/contribution_form.html",
        {
            "form": form,
            "photos": photos,
            "first_photos": photos.forms[:3],
            # The new photos' numbers follow those the contribution has (shown above them).
            "existing_photos": existing_photos,
            "more_photos": photos.forms[3:],
            "more_photos_open": any(photo.errors or photo.kept for photo in photos.forms[3:]),
            "page": None,
            "contribution": page,
            "contribution_title": stored_title,
            "requested_changes": (
                contributions.requested_changes(page) if page is not None and page.pk else None
            ),
            "submission": token or uuid.uuid4(),
            "opened": opened,
            "opened_fields": opened_fields,
            "conflict": conflict,
        },
    )


def read_only_view(request, page, status=200):
    """A contribution the editors are reviewing is read-only for its author: what they approve is
    what they read. The member may take it back to edit it. One taken off the site is read-only
    too, as it was published: the editors decide whether it comes back. One they rejected stays
    as it was sent, for its member to read (or delete)."""
    page = Page.objects.get(pk=page.pk).specific
    hidden, rejected = contributions.hidden(page), contributions.rejected(page)
    if status == 409:
        if hidden:
            reason = _(
                "Your changes were not saved: this contribution was taken off the site, and the "
                "editors decide about it."
            )
        elif rejected:
            reason = _(
                "Your changes were not saved: after review, this contribution will not be "
                "published."
            )
        else:
            reason = _("Your changes were not saved: the editors are reviewing this contribution.")
        messages.error(request, reason)
    # Hidden: what was published (the page as it was taken off the site); else what was sent.
    shown = page if hidden else page.get_latest_revision_as_object()
    return render(
        request,
        "community/contribution_in_review.html",
        {
            "page": None,
            "contribution": shown,
            # A story is shown as its page shows it; a meeting proposal as its text and photos,
            # and every other field of its form.
            "story": shown if isinstance(shown, StoryPage) else None,
            "meeting": shown if isinstance(shown, MeetingPage) else None,
            # What she sent, under the labels of the form she sent it with.
            "labels": {name: field.label for name, field in form_for(shown).base_fields.items()},
            "text_language": dict(settings.WAGTAIL_CONTENT_LANGUAGES).get(
                shown.locale.language_code, ""
            ),
            "body": contributions.body_text(shown),
            "hidden": hidden,
            # Who took it off, as her member area says it.
            "taken_off": taken_off_by(Report.objects.that_hid(page)) if hidden else None,
            # An editor saved it since she sent it: what is shown holds their changes.
            "edited_by_editors": not hidden
            and page.latest_revision is not None
            and page.latest_revision.user_id not in (None, page.owner_id),
            # Members registered for it: not deleted by its member (`delete_contribution`).
            "counted_on": hidden and page.counted_on_by_others(),
            "rejected": rejected,
            "decline_reason": page.decline_reason if rejected else "",
            "withdrawable": contributions.withdrawable_by(page, request.user),
        },
        status=status,
    )


# Never kept by the browser: going back asks for the form again, with a new token (one kept would
# send the token of a send already saved, and a correction would be dropped as sent once).
@never_cache
@member_required
@rate_limit("contribution", limit=30)
def new_story(request):
    return contribution_view(request, StoryForm)


@never_cache
@member_required
@rate_limit("contribution", limit=30)
def new_meeting(request):
    return contribution_view(request, MeetingForm)


@never_cache
@member_required
@rate_limit("contribution", limit=30)
@leads_to_the_published_page
def edit_contribution(request, page_id):
    page = own_contribution(request, page_id, contributions.own_unpublished)
    token = submission_token(request)
    if request.method == "POST" and contributions.sent_before(request.user, token):
        # The same form again (a double click, a resend; also on "Send to the editors"): saved
        # once, not a conflict with "another window" nor an edit of a contribution in review. A
        # new contribution's second copy is refused by `claim_submission`.
        return already_sent(request, token)
    if not contributions.editable_by(Page.objects.get(pk=page.pk).specific, request.user):
        return read_only_view(request, page, status=409 if request.method == "POST" else 200)
    return contribution_view(request, form_for(page), page)


@require_POST
@member_required
@rate_limit("contribution", limit=30)
@leads_to_the_published_page
def withdraw_contribution(request, page_id):
    """Takes a contribution out of review, so that its author can edit it and send it again."""
    page = own_contribution(request, page_id, contributions.own_unpublished)
    try:
        withdrawn = contributions.withdraw_from_review(page, request.user)
    except contributions.Gone:
        raise Http404 from None
    if withdrawn:
        messages.success(
            request,
            _("Your contribution is a draft again: edit it and send it when you are ready."),
        )
    elif (current := Page.objects.filter(pk=page.pk).first()) and contributions.in_review(current):
        # Still in review, and an editor keeps it locked. (One no longer in review, approved or
        # rejected meanwhile, says so on the page this leads to.)
        messages.error(
            request, _("This contribution cannot be withdrawn now: an editor is working on it.")
        )
    return redirect("edit_contribution", page_id=page.pk)


@require_http_methods(["GET", "POST"])
@member_required
@leads_to_the_published_page
def delete_contribution(request, page_id):
    """Asks first (a contribution deleted is gone for good), then deletes on the POST."""
    page = own_contribution(request, page_id, contributions.own_unpublished)
    if page.counted_on_by_others():
        # Taken off the site (by reports, say), with members registered: deleting it would take
        # their registrations along, untold; an editor may not delete it either.
        messages.error(
            request,
            _(
                "Members have registered for this meeting, so it cannot be deleted now. The "
                "editors decide about it."
            ),
        )
        return redirect("edit_contribution", page_id=page.pk)
    if request.method == "GET":
        return render(request, "community/contribution_delete.html", {"contribution": page})
    try:
        contributions.remove_contribution(page)
    except contributions.Gone:
        raise Http404 from None
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
