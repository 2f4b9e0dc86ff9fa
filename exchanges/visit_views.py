"""What members do with an exchange visit: sign up as a guest party, offer hosting, change and
cancel (in their member area, `members/visits/…`), and what the visit's page and the member area
show them of it. A member only ever reaches their own party or offer: the views find it by the
member who asks, never by an id in the address. The rules are exchanges/visits.py's."""

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from community.models import Town
from community.views import member_required
from home.ratelimit import rate_limit
from home.visibility import openable_or_404

from . import visits
from .choices import CoordinatorSide, RegistrationStatus, VisitLanguage
from .models import GuestParty, HostOffer, VisitMatching, VisitPage
from .visit_forms import GuestPartyForm, HostOfferForm

GUEST, HOST = "guest", "host"


def visit_for(request, page_id):
    """The visit as it is on the site: a page that is not live, or that does not open for the
    member (a group's she is not in), is not found."""
    return openable_or_404(
        request, VisitPage.objects.select_related("travelling_town", "hosting_town"), pk=page_id
    )


def localized_towns(visit):
    """(travelling town, hosting town) in the reader's language where the town is translated,
    in one query."""
    ids = (visit.travelling_town_id, visit.hosting_town_id)
    keys = Town.objects.filter(pk__in=ids).values("translation_key")
    language = get_language()
    found = list(
        Town.objects.filter(
            Q(pk__in=ids) | Q(translation_key__in=keys, locale__language_code=language)
        ).select_related("locale")
    )
    by_key = {town.translation_key: town for town in found if town.locale.language_code == language}
    originals = {town.pk: town for town in found}
    return tuple(by_key.get(originals[pk].translation_key, originals[pk]) for pk in ids)


def coordinators(visit):
    """The visit's coordinators, each with their town in the reader's language."""
    travelling, hosting = localized_towns(visit)
    towns = {CoordinatorSide.TRAVELLING: travelling, CoordinatorSide.HOSTING: hosting}
    found = list(visit.coordinators.all())
    for coordinator in found:
        coordinator.town_name = towns[coordinator.side].name
    return found


def side_of(visit, user):
    """GUEST for a member of the travelling town, HOST for one of the hosting town, else None.
    A member who signed up or offered keeps that side after changing the town on their profile
    (to change or cancel it), whatever the town says now."""
    if not user.is_authenticated:
        return None
    by_town = (
        GUEST
        if visit.is_travelling_resident(user)
        else HOST
        if visit.is_hosting_resident(user)
        else None
    )
    if by_town != HOST and visits.offer_of(visit, user) is not None:
        return HOST
    if by_town != GUEST and visits.party_of(visit, user) is not None:
        return GUEST
    return by_town


def signup_state(request, visit):
    """What the sign-up part of the visit's page shows to whoever asks: the seats left, and for
    a member their party or offer, or who signs up. Reads only what it shows: for an anonymous
    visitor the seats taken alone."""
    user = request.user
    seats_left = visits.seats_left(visit)
    state = {
        "visit": visit,
        "seats_left": seats_left,
        "signup_open": visit.signup_open(),
        "side": side_of(visit, user),
        "party": None,
        "offer": None,
    }
    if state["side"] == GUEST:
        party = visits.party_of(visit, user)
        state["party"] = party
        if party is not None and party.is_waiting:
            state["waiting_position"] = visits.waiting_position(party)
    elif state["side"] == HOST:
        state["offer"] = visits.offer_of(visit, user)
    if state["party"] or state["offer"]:
        state["published"] = visits.is_published(visit)
        if not state["signup_open"]:
            state["coordinators"] = coordinators(visit)
    if user.is_authenticated and state["side"] is None:
        state["travelling_town"], state["hosting_town"] = localized_towns(visit)
    return state


# --- the forms ------------------------------------------------------------------------------


def seats_message(party):
    if party.is_waiting:
        return _(
            "The visit is full: you are number %(position)d on the waiting list. We will email "
            "you when seats come free."
        ) % {"position": visits.waiting_position(party)}
    return ngettext(
        "You are signed up: %(count)d seat held.",
        "You are signed up: %(count)d seats held.",
        party.people,
    ) % {"count": party.people}


def who_signs_up(request, visit):
    """For a member of neither town (or of the other one): who signs up, and who hosts."""
    visit = visit.localized
    travelling, hosting = localized_towns(visit)
    return render(
        request,
        "exchanges/visit_who.html",
        {"visit": visit, "travelling_town": travelling, "hosting_town": hosting},
        status=403,
    )


def told_placements(record):
    """The record's placements told to the member (published): a party's one, an offer's
    all; empty for a new record or before publication."""
    if record is None or record.pk is None:
        return []
    told = visits.published_placement_of(record)
    return told if isinstance(told, list) else [told] if told else []


def form_page(request, visit, form, side, record, told=()):
    closed = not visit.signup_open()
    return render(
        request,
        "exchanges/visit_form.html",
        {
            "visit": visit.localized,
            "form": form,
            "side": side,
            "record": record,
            "closed": closed,
            "show_form": not closed or request.method == "POST",
            "retention_days": visits.retention_days(),
            "told": bool(told),
            "coordinators": coordinators(visit) if closed or form.non_field_errors() else [],
        },
    )


@require_http_methods(["GET", "POST"])
@member_required
@rate_limit("visit", limit=30)
@never_cache
def guest_party(request, page_id):
    """The member's guest party: a new one, or theirs to change."""
    visit = visit_for(request, page_id)
    if side_of(visit, request.user) != GUEST:
        return who_signs_up(request, visit)
    party = visits.party_of(visit, request.user)
    changing = party is not None
    told = told_placements(party)
    form = GuestPartyForm(
        request.POST or None, instance=party or GuestParty(visit=visit), told=bool(told)
    )
    if request.method == "POST" and form.is_valid():
        try:
            party = visits.sign_up(visit, request.user, form.instance, notify=True)
        except visits.VisitClosed as refused:
            form.add_error(None, str(refused))
        except VisitPage.DoesNotExist:
            raise Http404 from None
        else:
            message = seats_message(party)
            if changing:
                message = _("Your changes are saved.") + " " + message
            if told:
                if told_placements(party):
                    message += " " + _("Your host family is told of the changes.")
                else:
                    message += " " + _(
                        "Your changes no longer suit your host family's home: your party is out "
                        "of the matching, and the coordinators look for another host family."
                    )
            messages.success(request, message)
            return redirect(visit.localized.get_url(request))
    if request.method == "POST":
        messages.error(request, _("Please correct the marked fields; nothing you typed is lost."))
    return form_page(request, visit, form, GUEST, party, told)


@require_http_methods(["GET", "POST"])
@member_required
@rate_limit("visit", limit=30)
@never_cache
def host_offer(request, page_id):
    """The member's offer to host guests: a new one, or theirs to change."""
    visit = visit_for(request, page_id)
    if side_of(visit, request.user) != HOST:
        return who_signs_up(request, visit)
    offer = visits.offer_of(visit, request.user)
    told = told_placements(offer)
    form = HostOfferForm(
        request.POST or None,
        instance=offer or HostOffer(visit=visit),
        visit=visit,
        told=bool(told),
    )
    if request.method == "POST" and form.is_valid():
        try:
            offer = visits.offer_hosting(visit, request.user, form.instance, notify=True)
        except visits.VisitClosed as refused:
            form.add_error(None, str(refused))
        except VisitPage.DoesNotExist:
            raise Http404 from None
        else:
            messages.success(
                request,
                ngettext(
                    "Thank you for offering to host: %(count)d bed. The coordinators will tell "
                    "you your guests by email.",
                    "Thank you for offering to host: %(count)d beds. The coordinators will tell "
                    "you your guests by email.",
                    offer.beds,
                )
                % {"count": offer.beds}
                + host_change_message(told, told_placements(offer)),
            )
            return redirect(visit.localized.get_url(request))
    if request.method == "POST":
        messages.error(request, _("Please correct the marked fields; nothing you typed is lost."))
    return form_page(request, visit, form, HOST, offer, told)


def host_change_message(before, after):
    """What saving did to the guests already told of: they are told of the changes, or those
    the household can no longer receive leave the matching."""
    if not before:
        return ""
    if len(after) < len(before):
        return " " + _(
            "Your changes no longer suit some of your guests: they are out of the matching, and "
            "the coordinators look for another host family for them."
        )
    return " " + _("Your guests are told of the changes.")


def cancel_page(request, visit, side, record, error=None):
    return render(
        request,
        "exchanges/visit_cancel.html",
        {
            "visit": visit.localized,
            "side": side,
            "record": record,
            # Its seats go to the waiting list only where a party waits (walk 14).
            "anyone_waiting": side == GUEST and visits.anyone_waiting(visit),
            "error": error,
            "coordinators": coordinators(visit) if error or not visit.signup_open() else [],
        },
        status=409 if error else 200,
    )


@require_http_methods(["GET", "POST"])
@member_required
@rate_limit("visit", limit=30)
@never_cache
def cancel_guest_party(request, page_id):
    """Asks first (GET), then cancels the member's party (POST)."""
    visit = visit_for(request, page_id)
    party = visits.party_of(visit, request.user)
    if party is None:
        messages.info(request, _("You are not signed up for this visit."))
        return redirect(visit.localized.get_url(request))
    if request.method == "POST":
        try:
            visits.cancel_party(party, notify=True)
        except visits.VisitClosed as refused:
            return cancel_page(request, visit, GUEST, party, str(refused))
        messages.success(request, _("Your sign-up for this visit has been cancelled."))
        return redirect(visit.localized.get_url(request))
    return cancel_page(request, visit, GUEST, party)


@require_http_methods(["GET", "POST"])
@member_required
@rate_limit("visit", limit=30)
@never_cache
def withdraw_host_offer(request, page_id):
    """Asks first (GET), then withdraws the member's offer (POST)."""
    visit = visit_for(request, page_id)
    offer = visits.offer_of(visit, request.user)
    if offer is None:
        messages.info(request, _("You have not offered to host guests of this visit."))
        return redirect(visit.localized.get_url(request))
    if request.method == "POST":
        try:
            visits.withdraw_offer(offer, notify=True)
        except visits.VisitClosed as refused:
            return cancel_page(request, visit, HOST, offer, str(refused))
        messages.success(request, _("Your offer to host guests has been withdrawn."))
        return redirect(visit.localized.get_url(request))
    return cancel_page(request, visit, HOST, offer)


# --- the member area ------------------------------------------------------------------------


def language_names(codes):
    labels = dict(VisitLanguage.choices)
    return [str(labels[code]) for code in codes or () if code in labels]


def member_visits(user):
    """The member's guest parties and host offers (not cancelled nor withdrawn), each with its
    visit in the reader's language and, once the matching is published, who they stay with or
    whom they host (`visits.published_placement_of`). A fixed number of queries, and one more
    per visit whose matching is published."""
    parties = list(
        GuestParty.objects.filter(user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("visit")
    )
    offers = list(HostOffer.objects.filter(user=user, withdrawn_at=None).select_related("visit"))
    records = [*parties, *offers]
    if not records:
        return []
    keys = {record.visit_key for record in records}
    translated = {
        page.translation_key: page
        for page in VisitPage.objects.live().filter(
            translation_key__in=keys, locale__language_code=get_language()
        )
    }
    published = set(
        VisitMatching.objects.filter(visit_key__in=keys, published_at__isnull=False).values_list(
            "visit_key", flat=True
        )
    )
    for record in records:
        record.shown_visit = translated.get(record.visit_key, record.visit)
        record.side = GUEST if isinstance(record, GuestParty) else HOST
        record.published = record.visit_key in published
        record.told = visits.published_placement_of(record) if record.published else None
        if record.side == GUEST and record.is_waiting:
            record.waiting_position = visits.waiting_position(record)
        if record.side == HOST and record.told:
            for placement in record.told:
                placement.party.language_names = language_names(placement.party.languages)
    return sorted(records, key=lambda record: (record.shown_visit.start_date, record.side))
