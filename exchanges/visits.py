"""The rules of an exchange visit, in one place: signing up as a guest party (seats first come,
then a waiting list), offering hosting, changing and cancelling until the deadline (after it only
coordinators do), the matching proposed by exchanges/matching.py, adjusted by hand and published,
and the deletion of what guests and hosts entered some days after the visit. The member's views,
the coordinators' admin, `manage.py match_visit`, the demo and the account deletion call these
functions; the emails they cause are in exchanges/visit_notifications.py.

Every change locks the visit's pages (all language versions, in a fixed order), so two members
never take the last seat at once, and a matching is never proposed while a party changes.

Before the matching is published its placements are a draft nobody is told of. Publishing tells
every guest and host of their placement by email, in their own language; a placement made later
(by hand or by proposing again, which keeps every placement already told) waits for the next
"publish". A placement that was told and no longer holds (moved, cancelled, withdrawn, an account
deleted) is told to both at once; when a guest or host changes what the other was given (phone,
travellers, address, …) and the placement stays, the other is told the new details."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy
from wagtail.models import Page

from community import roles
from home.local_time import LOCAL_TIME
from home.schedule import scheduled

from . import matching, visit_notifications
from .choices import RegistrationStatus
from .models import GuestParty, HostOffer, Placement, VisitMatching, VisitPage

REGISTERED, WAITLISTED, CANCELLED = (
    RegistrationStatus.REGISTERED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.CANCELLED,
)


class VisitClosed(Exception):  # noqa: N818 - a state, not a failure of the code
    """The change is not possible; the message says why, in the member's language."""


class MatchingRefused(Exception):  # noqa: N818
    """A coordinator's placement breaks a rule of the matching; the message says which."""


# --- who coordinates ------------------------------------------------------------------------


def may_coordinate(user, visit):
    """Coordinators of a visit are the editors of the hosting town's foundation (and
    administrators): they alone see the guests' and hosts' details before the matching is
    published, and run it."""
    if not getattr(user, "is_active", False) or not roles.is_editor(user):
        return False
    return visit.hosting_town.country in roles.foundation_countries(user)


def guides_guests(user, visit):
    """Whether `user` is among the guests' coordinators: an editor of the travelling town's
    foundation (administrators are of both). They see their town's guest parties and the guest
    list and may cancel a party at any time (guests ask them after the deadline); the host
    offers and the matching are not theirs."""
    if not getattr(user, "is_active", False) or not roles.is_editor(user):
        return False
    return visit.travelling_town.country in roles.foundation_countries(user)


def coordinated_visits(user):
    """The visits `user` coordinates, every language version."""
    countries = roles.foundation_countries(user) if roles.is_editor(user) else set()
    return VisitPage.objects.filter(hosting_town__country__in=countries)


# --- reading --------------------------------------------------------------------------------


def parties(visit):
    """The visit's guest parties (every status), in the order they signed up."""
    return GuestParty.objects.for_visit(visit).select_related("user").order_by("queued_at", "pk")


def offers(visit):
    return HostOffer.objects.for_visit(visit).select_related("user").order_by("created_at", "pk")


def seats_taken(visit):
    """The people of every party holding seats."""
    taken = GuestParty.objects.for_visit(visit).filter(status=REGISTERED)
    total = taken.aggregate(people=models.Sum(models.F("adults") + models.F("children")))["people"]
    return total or 0


def seats_left(visit, taken=None):
    """None for a visit without a limit."""
    if visit.seats is None:
        return None
    return max(visit.seats - (seats_taken(visit) if taken is None else taken), 0)


def waiting_position(party):
    """1 for the first party on the waiting list."""
    return party.waiting_position()


def party_of(visit, user):
    """The member's guest party for the visit that is not cancelled, or None."""
    if not getattr(user, "pk", None):
        return None
    return GuestParty.objects.for_visit(visit).filter(user=user).exclude(status=CANCELLED).first()


def offer_of(visit, user):
    """The member's host offer for the visit that is not withdrawn, or None."""
    if not getattr(user, "pk", None):
        return None
    return HostOffer.objects.for_visit(visit).filter(user=user, withdrawn_at=None).first()


def matching_state(visit):
    """The visit's VisitMatching (unsaved, never proposed, when there is none yet)."""
    return VisitMatching.objects.filter(visit_key=visit.translation_key).first() or VisitMatching(
        visit_key=visit.translation_key
    )


def is_published(visit):
    return VisitMatching.objects.filter(
        visit_key=visit.translation_key, published_at__isnull=False
    ).exists()


def published_placement_of(party_or_offer):
    """What a guest or host may see of their matching: for a party, its placement once told;
    for an offer, the placements told to it. None / [] before publication."""
    if isinstance(party_or_offer, GuestParty):
        return (
            Placement.objects.filter(party=party_or_offer, announced_at__isnull=False)
            .select_related("offer__user")
            .first()
        )
    return list(
        Placement.objects.filter(offer=party_or_offer, announced_at__isnull=False)
        .select_related("party__user")
        .order_by("party__queued_at", "party__pk")
    )


# --- the member's side ----------------------------------------------------------------------


def _lock(visit):
    """The pks of the visit's language versions, locked in the order a deletion locks them in
    too (community.contributions.lock_for_deletion); the deleted ones missing."""
    return list(
        Page.objects.select_for_update()
        .filter(translation_key=visit.translation_key)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _lock_account(user):
    """Whether the account may hold seats or host, read again under a lock of its row: its user
    was read when the request began, and a moderator may have blocked it since. Taken before
    the visit's lock, in the order a block takes them (the account's row, then the visits it
    gives up, exchanges.signal_handlers.give_up_places): a block committing meanwhile waits for
    this change and then gives it up, or is seen here."""
    users = get_user_model()._default_manager.select_for_update()
    return users.filter(pk=user.pk, is_active=True).exists()


def _check_open(visit, now, by_coordinator):
    if not by_coordinator and not visit.signup_open(now):
        raise VisitClosed(
            _(
                "Sign-up for this visit has closed. Please ask a coordinator for any change "
                "or cancellation."
            )
        )


def sign_up(visit, user, party, *, now=None, by_coordinator=False, notify=False):
    """Signs up `party` (a GuestParty with the member's answers, new or the member's own) for
    `visit`, or stores the changes of the member's party. A new party takes seats while there
    are enough for all its people, else it waits (first come); a party that grows needs the
    seats for its new people, and one that shrinks gives seats to those waiting. Only members of
    the travelling town sign up (coordinators may for them)."""
    _check_open(visit, now, by_coordinator)
    # A member who moved keeps changing (or cancelling) the party they signed up.
    if not by_coordinator and not visit.is_travelling_resident(user) and not party_of(visit, user):
        raise VisitClosed(
            _("Only members from %(town)s sign up as guests for this visit.")
            % {"town": visit.travelling_town}
        )
    with transaction.atomic():
        active = _lock_account(user)
        if visit.pk not in _lock(visit):
            raise visit.DoesNotExist("The visit was deleted meanwhile.")
        if not active:
            raise VisitClosed(_("This account is inactive."))
        existing = GuestParty.objects.for_visit(visit).filter(user=user).first()
        changed = existing is not None and existing.status != CANCELLED
        if HostOffer.objects.for_visit(visit).filter(user=user, withdrawn_at=None).exists():
            raise VisitClosed(
                _(
                    "You offer to host guests of this visit: one household cannot also travel "
                    "as guests. Withdraw your offer first."
                )
            )
        if existing is not None:
            # The stored party's place in the queue and status, as they are under the lock (a
            # form loaded before a promotion must not write the waiting list back); a form for
            # a new party while the member has one puts its answers in theirs.
            party.pk, party.queued_at, party.created_at = (
                existing.pk,
                existing.queued_at,
                existing.created_at,
            )
            party.status = existing.status
            party._state.adding = False
        party.visit_key, party.user = visit.translation_key, user
        if party.visit_id is None:
            party.visit = visit
        before = existing.people if changed and existing.status == REGISTERED else 0
        if not changed:
            party.queued_at = timezone.now()
            left = seats_left(visit)
            party.status = REGISTERED if left is None or party.people <= left else WAITLISTED
        elif party.status == REGISTERED and visit.seats is not None:
            left = seats_left(visit) + before
            if party.people > left:
                raise VisitClosed(
                    ngettext(
                        "Only %(count)d seat is left for your party: you cannot add more "
                        "people now.",
                        "Only %(count)d seats are left for your party: you cannot add more "
                        "people now.",
                        left,
                    )
                    % {"count": left}
                )
        party.full_clean(exclude=["visit_key", "visit", "user", "preferred_offer"])
        party.save()
        _drop_placement_if_broken(party)
        if changed and _differ(existing, party, GUEST_DETAILS):
            _tell_changed(Placement.objects.filter(party=party), visit_notifications.guest_changed)
        # A party that shrank, or one waiting that now fits, lets those waiting in.
        promoted = _promote(visit) if changed else []
    if notify:
        transaction.on_commit(lambda: visit_notifications.signed_up(party, changed=changed))
    _tell_promoted(promoted)
    return party


def cancel_party(party, *, now=None, by_coordinator=False, notify=True):
    """The party gives up its seats (or its place on the waiting list): those waiting take them,
    first come; a host who was told of the party is told it does not come."""
    visit = party.visit
    _check_open(visit, now, by_coordinator)
    with transaction.atomic():
        _lock(visit)
        party.refresh_from_db()
        if party.status == CANCELLED:
            return []
        freed = party.status == REGISTERED
        party.status = CANCELLED
        party.save(update_fields=["status", "updated_at"])
        _unplace(party)
        promoted = _promote(visit) if freed else []
    if notify:
        transaction.on_commit(
            lambda: visit_notifications.party_cancelled(party, by_coordinator=by_coordinator)
        )
    _tell_promoted(promoted)
    return promoted


# What the counterpart of a told placement was given (visit_notifications): when one of these
# changes, they are told again.
GUEST_DETAILS = (
    "adults",
    "children",
    "travellers",
    "languages",
    "animal_allergy",
    "allergies",
    "diet",
    "step_free",
    "mobility",
    "smoke_free",
    "smokes",
    "wishes",
    "phone",
)
HOST_DETAILS = ("household", "phone", "address")


def _differ(before, after, fields):
    return any(getattr(before, name) != getattr(after, name) for name in fields)


def _tell_changed(placements, tell):
    """Tells the counterpart of each told placement that stays (`placements` is read after the
    change, so those it undid are gone) of the details changed."""
    for placement in placements.filter(announced_at__isnull=False).select_related(
        "party__user", "party__visit", "offer__user", "offer__visit"
    ):
        transaction.on_commit(lambda placement=placement: tell(placement))


def anyone_waiting(visit):
    """Whether a party is on the visit's waiting list."""
    return GuestParty.objects.for_visit(visit).filter(status=WAITLISTED).exists()


def _promote(visit):
    """Gives free seats to the parties waiting, in the order they signed up; a party too large
    for the seats left lets a smaller one after it go first."""
    if visit.seats is None and not anyone_waiting(visit):
        return []
    left = seats_left(visit)
    promoted = []
    # Not a member blocked (or made inactive) meanwhile: as a meeting's waiting list.
    for waiting in (
        GuestParty.objects.for_visit(visit)
        .filter(status=WAITLISTED)
        .exclude(user__is_active=False)
        .order_by("queued_at", "pk")
    ):
        if left is not None and waiting.people > left:
            continue
        waiting.status = REGISTERED
        waiting.save(update_fields=["status", "updated_at"])
        promoted.append(waiting)
        if left is not None:
            left -= waiting.people
    return promoted


def settle_given_up(visit):
    """Seats and hosting given up otherwise than by the rules here (the data migration that gave
    up the places of accounts blocked before blocking did): placements of a party cancelled or
    with an offer withdrawn are undone, their counterparts told if they were told of them, and
    the seats that came free go to the parties waiting, who are told. Returns those moved up."""
    with transaction.atomic():
        _lock(visit)
        given_up = Placement.objects.filter(party__visit_key=visit.translation_key).filter(
            models.Q(party__status=CANCELLED) | models.Q(offer__withdrawn_at__isnull=False)
        )
        for placement in given_up.select_related("party__user", "offer__user"):
            _unplace(placement.party, placement)
        promoted = _promote(visit)
    _tell_promoted(promoted)
    return promoted


def _tell_promoted(promoted):
    for party in promoted:
        transaction.on_commit(lambda party=party: visit_notifications.promoted(party))


def offer_hosting(visit, user, offer, *, now=None, by_coordinator=False, notify=False):
    """Stores the member's offer to host guests (new, changed, or again after withdrawing it).
    Guests placed with it who no longer fit (fewer beds, a pet, stairs, …) lose that
    placement. Only members of the hosting town offer (coordinators may for them)."""
    _check_open(visit, now, by_coordinator)
    if not by_coordinator and not visit.is_hosting_resident(user) and not offer_of(visit, user):
        raise VisitClosed(
            _("Only members from %(town)s offer hosting for this visit.")
            % {"town": visit.hosting_town}
        )
    with transaction.atomic():
        active = _lock_account(user)
        if visit.pk not in _lock(visit):
            raise visit.DoesNotExist("The visit was deleted meanwhile.")
        if not active:
            raise VisitClosed(_("This account is inactive."))
        existing = HostOffer.objects.for_visit(visit).filter(user=user).first()
        if GuestParty.objects.for_visit(visit).filter(user=user).exclude(status=CANCELLED).exists():
            raise VisitClosed(
                _(
                    "You are signed up as a guest of this visit: one household cannot also host "
                    "guests. Cancel your sign-up first."
                )
            )
        changed = existing is not None and existing.withdrawn_at is None
        if existing is not None:
            offer.pk, offer.created_at = existing.pk, existing.created_at
            offer._state.adding = False
        offer.visit_key, offer.user, offer.withdrawn_at = visit.translation_key, user, None
        if offer.visit_id is None:
            offer.visit = visit
        nights = {night.isoformat() for night in visit.nights()}
        offer.nights = sorted(night for night in (offer.nights or ()) if night in nights)
        offer.full_clean(exclude=["visit_key", "visit", "user"])
        offer.save()
        _drop_placements_no_longer_fitting(offer)
        if changed and _differ(existing, offer, HOST_DETAILS):
            _tell_changed(offer.placements.all(), visit_notifications.host_changed)
    if notify:
        transaction.on_commit(lambda: visit_notifications.offer_received(offer, changed=changed))
    return offer


def withdraw_offer(offer, *, now=None, by_coordinator=False, notify=True):
    """The household no longer hosts: its guests lose their placement (told, if they were)."""
    visit = offer.visit
    _check_open(visit, now, by_coordinator)
    with transaction.atomic():
        _lock(visit)
        offer.refresh_from_db()
        if offer.withdrawn_at is not None:
            return
        offer.withdrawn_at = timezone.now()
        offer.save(update_fields=["withdrawn_at", "updated_at"])
        for placement in offer.placements.select_related("party__user"):
            _unplace(placement.party, placement)
    if notify:
        transaction.on_commit(
            lambda: visit_notifications.offer_withdrawn(offer, by_coordinator=by_coordinator)
        )


def forget_member(user):
    """Before an account is deleted: its parties and offers go with it (the database cascades),
    and the counterparts who were told of a placement with them are told it no longer holds."""
    told = Placement.objects.filter(
        models.Q(party__user=user) | models.Q(offer__user=user), announced_at__isnull=False
    ).select_related("party__user", "offer__user", "party__visit")
    for placement in told:
        _tell_unplaced(placement)
    # Seats a party of the member held go to those waiting.
    visits = VisitPage.objects.filter(
        pk__in=GuestParty.objects.filter(user=user, status=REGISTERED).values("visit")
    )
    for visit in visits:
        # Under the visit's lock, as a sign-up or a cancellation: beside one, the same seats
        # could be given twice.
        with transaction.atomic():
            _lock(visit)
            keys = GuestParty.objects.filter(user=user, visit_key=visit.translation_key)
            keys.update(status=CANCELLED)
            _tell_promoted(_promote(visit))


def give_up_visits(user):
    """A blocked member (or one an administrator made inactive) keeps no seats and waits for
    none in visits not over yet, and hosts no guests there: as a coordinator's cancellation, so
    that those waiting move up and a host or guest told of a placement with them is told it no
    longer holds; the member is not emailed. Without it, the matching placed a blocked member
    and its publication emailed her a host family's address (attack 22, F3)."""
    today = timezone.localdate()
    for party in (
        GuestParty.objects.filter(user=user, visit__end_date__gte=today)
        .exclude(status=CANCELLED)
        .select_related("visit")
    ):
        cancel_party(party, by_coordinator=True, notify=False)
    for offer in HostOffer.objects.filter(
        user=user, withdrawn_at=None, visit__end_date__gte=today
    ).select_related("visit"):
        withdraw_offer(offer, by_coordinator=True, notify=False)


# --- placements -----------------------------------------------------------------------------


def _tell_unplaced(placement):
    party, offer = placement.party, placement.offer
    transaction.on_commit(lambda: visit_notifications.placement_cancelled(party, offer))


def _unplace(party, placement=None):
    """Removes the party's placement, telling both if they had been told of it."""
    placement = (
        placement or Placement.objects.filter(party=party).select_related("offer__user").first()
    )
    if placement is None:
        return
    if placement.announced_at is not None:
        _tell_unplaced(placement)
    placement.delete()


def _drop_placement_if_broken(party):
    placement = Placement.objects.filter(party=party).select_related("offer").first()
    if placement is None:
        return
    if party.status != REGISTERED or _problems(party, placement.offer, exclude_party=party):
        _unplace(party, placement)


def _drop_placements_no_longer_fitting(offer):
    used = 0
    for placement in offer.placements.select_related("party__user").order_by(
        "party__queued_at", "party__pk"
    ):
        party = placement.party
        if broken(party, offer) or used + party.people > offer.beds:
            _unplace(party, placement)
        else:
            used += party.people


def as_party(party, returning_to=()):
    return matching.Party(
        id=party.pk,
        people=party.people,
        languages=frozenset(party.languages or ()),
        animal_allergy=party.animal_allergy,
        smoke_free=party.smoke_free,
        smokes=party.smokes,
        step_free=party.step_free,
        returning_to=frozenset(returning_to),
    )


def as_host(offer, visit):
    return matching.Host(
        id=offer.pk,
        beds=offer.beds,
        languages=frozenset(offer.languages or ()),
        pets=offer.pets,
        smoking_household=offer.smoking_household,
        smokers_welcome=offer.smokers_welcome,
        stairs=offer.stairs,
        every_night=offer.hosts_every_night(visit),
    )


def broken(party, offer):
    """The codes (matching.RULES) of the hard rules placing `party` with `offer` breaks."""
    return matching.broken_rules(as_party(party), as_host(offer, offer.visit))


def _problems(party, offer, exclude_party=None):
    """Why `party` cannot stay with `offer`: the rules broken and a lack of beds."""
    problems = list(broken(party, offer))
    used = sum(
        p.people
        for p in GuestParty.objects.filter(placement__offer=offer).exclude(
            pk=getattr(exclude_party, "pk", None)
        )
    )
    if used + party.people > offer.beds:
        problems.append("beds")
    return problems


RULE_TEXTS = {
    "pets": gettext_lazy("there are pets in the home, and the party is allergic to animals"),
    "smoking_household": gettext_lazy(
        "people smoke in the home, and the party needs a smoke-free home"
    ),
    "smokers": gettext_lazy("the household does not welcome guests who smoke"),
    "stairs": gettext_lazy(
        "the guest room or bathroom is up stairs, and the party cannot climb stairs"
    ),
    "nights": gettext_lazy("the household cannot host every night of the visit"),
    "beds": gettext_lazy("the household has not enough beds left"),
}


def returning_offers(party, visit_offers):
    """The offers a party stayed with before: the one a coordinator named, and any household
    or host whose name the party gave under "stayed with before"."""
    found = {party.preferred_offer_id} if party.preferred_offer_id else set()
    wished = " ".join(party.previous_hosts.casefold().split())
    if wished:
        for offer in visit_offers:
            names = {offer.household, offer.user.public_name, offer.user.last_name}
            for name in names:
                name = " ".join((name or "").casefold().split())
                if len(name) >= 3 and (name in wished or wished in name):
                    found.add(offer.pk)
    return found


def matched_parties(visit):
    """The parties the matching places: those holding seats, of accounts not blocked. A blocked
    account gives up its seats (give_up_visits); one made inactive otherwise (in bulk, in the
    database) is left out all the same, never placed nor told a host family's address."""
    return parties(visit).filter(status=REGISTERED, user__is_active=True)


def matched_offers(visit):
    """The offers the matching places guests with: not withdrawn, of accounts not blocked."""
    return offers(visit).filter(withdrawn_at=None, user__is_active=True)


def _inputs(visit):
    """The registered parties, the active offers and the placements between them (those kept by
    hand or told among them)."""
    visit_offers = list(matched_offers(visit))
    visit_parties = list(matched_parties(visit))
    hosts = [as_host(offer, visit) for offer in visit_offers]
    guests = [as_party(party, returning_offers(party, visit_offers)) for party in visit_parties]
    placements = list(
        Placement.objects.filter(party__in=visit_parties, offer__in=visit_offers).select_related(
            "party", "offer"
        )
    )
    return visit_parties, visit_offers, guests, hosts, placements


@transaction.atomic
def propose(visit, *, dry_run=False):
    """Runs the matching: keeps the placements made by hand and those already told, and places
    the other parties anew. Returns the plan (matching.Plan); with `dry_run`, stores nothing."""
    _lock(visit)
    visit_parties, visit_offers, guests, hosts, placements = _inputs(visit)
    fixed = {
        placement.party_id: placement.offer_id
        for placement in placements
        if placement.by_hand or placement.announced_at is not None
    }
    plan = matching.match(guests, hosts, fixed)
    if dry_run:
        return plan
    # A placement with an account made inactive goes (its counterpart told, if told of it): the
    # party of an active account is placed anew.
    for placement in (
        Placement.objects.filter(party__visit_key=visit.translation_key)
        .exclude(party__in=visit_parties, offer__in=visit_offers)
        .select_related("party__user", "offer__user")
    ):
        _unplace(placement.party, placement)
    Placement.objects.filter(pk__in=[p.pk for p in placements if p.party_id not in fixed]).delete()
    Placement.objects.bulk_create(
        Placement(party_id=party_id, offer_id=offer_id)
        for party_id, offer_id in plan.placements.items()
        if party_id not in fixed
    )
    state = matching_state(visit)
    state.proposed_at = timezone.now()
    state.save()
    return plan


@transaction.atomic
def assign(party, offer, *, override=False):
    """A coordinator places `party` with `offer` by hand (or takes it out of the matching with
    None), both of active accounts (not blocked). Beds are never overfilled; a hard rule is
    broken only with `override`, when the coordinator checked with both. A placement that was
    told and is moved is told as cancelled to both (the new one waits for the next
    publishing)."""
    _lock(party.visit)
    party.refresh_from_db()
    current = Placement.objects.filter(party=party).select_related("offer__user").first()
    if offer is None:
        if current is not None:
            _unplace(party, current)
        return None
    if party.status != REGISTERED:
        raise MatchingRefused(_("Only parties holding seats are placed with hosts."))
    if offer.withdrawn_at is not None or offer.visit_key != party.visit_key:
        raise MatchingRefused(_("This household does not host guests of this visit."))
    if offer.user_id == party.user_id:
        raise MatchingRefused(_("A member cannot be their own host."))
    # Read again under the visit's lock: the matching and its publication leave out accounts
    # made inactive (matched_parties, matched_offers), so a placement with one would be told to
    # nobody. A block committing meanwhile gives up her seats or offer after this placement,
    # and the placement with them (give_up_visits).
    inactive = set(
        get_user_model()
        ._default_manager.filter(pk__in=[party.user_id, offer.user_id], is_active=False)
        .values_list("pk", flat=True)
    )
    if party.user_id in inactive:
        raise MatchingRefused(
            _("%(party)s is blocked: the party of an inactive account is placed with no host.")
            % {"party": party.user.public_name or party.user.email}
        )
    if offer.user_id in inactive:
        raise MatchingRefused(
            _("%(household)s is blocked: an inactive account hosts no guests.")
            % {"household": offer.household}
        )
    if current is not None and current.offer_id == offer.pk:
        return current
    problems = _problems(party, offer, exclude_party=party)
    if "beds" in problems or (problems and not override):
        refusal = _("%(party)s cannot stay with %(household)s: %(reasons)s.") % {
            "party": party.user.public_name or party.user.email,
            "household": offer.household,
            "reasons": "; ".join(str(RULE_TEXTS[code]) for code in problems),
        }
        if "beds" not in problems:
            # Only rules a coordinator may set aside: say how.
            refusal = _(
                "%(refusal)s If you checked with both, tick “place anyway” and save again."
            ) % {"refusal": refusal}
        raise MatchingRefused(refusal)
    if current is not None:
        _unplace(party, current)
    return Placement.objects.create(party=party, offer=offer, by_hand=True)


@transaction.atomic
def publish_matching(visit, *, user=None):
    """Publishes the matching: every guest of a placement not told yet is emailed in their own
    language with their hosts' names and contact details, and every host of such placements
    one email with all its new guests (and those told before); both see it in their member
    area. Registered parties left without a host are told, once, that the coordinators look
    further. Returns the number of placements told."""
    _lock(visit)
    now = timezone.now()
    state = matching_state(visit)
    state.published_at, state.published_by = now, user
    state.save()
    new = list(
        Placement.objects.filter(
            party__in=matched_parties(visit),
            offer__in=matched_offers(visit),
            announced_at__isnull=True,
        )
        .select_related("party__user", "offer__user", "party__visit", "offer__visit")
        .order_by("party__queued_at", "party__pk")
    )
    Placement.objects.filter(pk__in=[p.pk for p in new]).update(announced_at=now)
    by_offer = {}
    for placement in new:
        placement.announced_at = now
        by_offer.setdefault(placement.offer_id, []).append(placement)
        transaction.on_commit(
            lambda placement=placement: visit_notifications.guest_matched(placement)
        )
    for told in by_offer.values():
        transaction.on_commit(
            lambda told=told: visit_notifications.host_matched(told[0].offer, told)
        )
    homeless = (
        matched_parties(visit)
        .exclude(placement__offer__in=matched_offers(visit))
        .select_related("user", "visit")
    )
    for party in homeless:
        transaction.on_commit(lambda party=party: visit_notifications.no_host_yet(party))
    return len(new)


# --- the plan as coordinators and scripts read it --------------------------------------------


def unmatched(visit_parties, visit_offers, placements, visit):
    """matching.Unmatched for every registered party without a placement, by the stored
    placements (as a coordinator left them)."""
    placed = {placement.party_id for placement in placements}
    used = {}
    for placement in placements:
        used[placement.offer_id] = used.get(placement.offer_id, 0) + placement.party.people
    hosts = [as_host(offer, visit) for offer in visit_offers]
    result = []
    for party in visit_parties:
        if party.pk in placed:
            continue
        guest = as_party(party)
        large = [host for host in hosts if host.beds >= guest.people]
        if not large:
            result.append(matching.Unmatched(party.pk, "too_large"))
            continue
        rules = {code for host in large for code in matching.broken_rules(guest, host)}
        suitable = [host for host in large if not matching.broken_rules(guest, host)]
        if not suitable:
            ordered = tuple(code for code in matching.RULES if code in rules)
            result.append(matching.Unmatched(party.pk, "rules", ordered))
        elif any(host.beds - used.get(host.id, 0) >= guest.people for host in suitable):
            # Signed up (or changed) since the proposal, or taken out by hand: a coordinator
            # can place it.
            result.append(matching.Unmatched(party.pk, "not_placed"))
        else:
            result.append(matching.Unmatched(party.pk, "full"))
    return result


def reason_text(item, party=None):
    """Why a party has no host, in the reader's language."""
    if item.reason == "too_large":
        people = party.people if party is not None else 0
        return ngettext(
            "No household has beds for %(count)d person.",
            "No household has beds for %(count)d people.",
            people,
        ) % {"count": people}
    if item.reason == "rules":
        return _("Every household with enough beds is ruled out: %(rules)s.") % {
            "rules": "; ".join(str(RULE_TEXTS[code]) for code in item.rules)
        }
    if item.reason == "not_placed":
        return _(
            "Not placed yet: a suitable household has beds left. Propose again or place by hand."
        )
    return _("The suitable households have not enough beds left for this party.")


def stored_plan(visit):
    """The matching as stored (proposed and adjusted), in the shape `match_visit` prints:
    {"matches": [{"host", "beds", "guests": [{"guest", "people"}]}], "unmatched": [{"guest",
    "reason"}]}."""
    visit_parties, visit_offers, _guests, _hosts, placements = _inputs(visit)
    return plan_as_data(
        visit,
        visit_parties,
        visit_offers,
        {placement.party_id: placement.offer_id for placement in placements},
        unmatched(visit_parties, visit_offers, placements, visit),
    )


def plan_as_data(visit, visit_parties, visit_offers, placements, unmatched_parties):
    by_party = {party.pk: party for party in visit_parties}
    matches = []
    for offer in visit_offers:
        guests = [
            {"guest": party.pk, "people": party.people}
            for party in visit_parties
            if placements.get(party.pk) == offer.pk
        ]
        if guests:
            matches.append({"host": offer.pk, "beds": offer.beds, "guests": guests})
    return {
        "matches": matches,
        "unmatched": [
            {"guest": item.party, "reason": reason_text(item, by_party.get(item.party))}
            for item in unmatched_parties
        ],
    }


def plan_data(visit, plan):
    """A matching.Plan (from `propose`) in the shape `match_visit` prints."""
    visit_parties, visit_offers, *_rest = _inputs(visit)
    return plan_as_data(visit, visit_parties, visit_offers, plan.placements, plan.unmatched)


# --- forgetting -----------------------------------------------------------------------------


def retention_days():
    return int(getattr(settings, "VISIT_DATA_RETENTION_DAYS", 30))


@scheduled(
    "visit-data",
    every=datetime.timedelta(hours=6),
    description=gettext_lazy(
        "Deletes what guests and hosts entered for an exchange visit, some days after it."
    ),
    counts=ngettext_lazy(
        "%(count)s visit's guests and hosts deleted",
        "%(count)s visits' guests and hosts deleted",
        "count",
    ),
)
def purge_visit_data(now):
    """Deletes the guest parties, host offers, placements and matching of every visit that ended
    more than VISIT_DATA_RETENTION_DAYS days ago. Returns the number of visits."""
    today = timezone.localtime(now, LOCAL_TIME).date()
    before = today - datetime.timedelta(days=retention_days())
    keys = set(
        VisitPage.objects.filter(end_date__lt=before).values_list("translation_key", flat=True)
    )
    with_data = set(
        GuestParty.objects.filter(visit_key__in=keys).values_list("visit_key", flat=True)
    ) | set(HostOffer.objects.filter(visit_key__in=keys).values_list("visit_key", flat=True))
    with transaction.atomic():
        GuestParty.objects.filter(visit_key__in=keys).delete()
        HostOffer.objects.filter(visit_key__in=keys).delete()
        VisitMatching.objects.filter(visit_key__in=keys).delete()
    return len(with_data)
