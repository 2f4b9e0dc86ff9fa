"""What guests and hosts of an exchange visit are emailed, each in their own language, with the
visit under its title in that language (its published translation, else the version they used):
a sign-up (seats held, or a number on the waiting list) and its changes, seats that came free, a
cancellation; an offer to host, its changes and its withdrawal; the matching once published
(one email to each guest party, one to each host with all its guests, and to a party left
without a host that the coordinators look further), the changed details of a counterpart once
told, and a placement told that no longer holds. Once the matching is published, a guest's or
host's own confirmations say who their hosts or guests are, or that none are found yet.

Names and contact details of a counterpart go only into the emails of a published placement, to
the guest and the host of it, and only into the bodies: the subject of every email is kept in the
outbox (home.mail) that editors read. Every email has a `key` (home.notifications), so code that
runs again never tells the same thing twice."""

import datetime

from home.notifications import send_templated_email

from .choices import VisitLanguage
from .models import GuestParty, HostOffer, Placement, VisitMatching
from .notifications import meeting_for, page_address


def language_names(codes):
    """The names of VisitLanguage codes, rendered in the recipient's language."""
    return [VisitLanguage(code).label for code in codes or () if code in VisitLanguage.values]


def tell(template, member, visit, *, key, **context):
    """Emails `member` about `visit` (shown in their language): its page, the member area and
    its coordinators are in every email."""
    shown = meeting_for(member, visit)
    return send_templated_email(
        f"exchanges/email/{template}",
        {
            "visit": shown,
            "visit_url": page_address(shown),
            "coordinators": list(shown.coordinators.all()),
            **context,
        },
        member,
        key=key,
    )


def member_name(user):
    return user.get_full_name() or user.public_name or user.email


def _published(record):
    return VisitMatching.objects.filter(
        visit_key=record.visit_key, published_at__isnull=False
    ).exists()


def _told_placement(party):
    return (
        Placement.objects.filter(party=party, announced_at__isnull=False)
        .select_related("offer")
        .first()
    )


def _guest(party):
    """What a host is told of one party staying with them."""
    return {"party": party, "contact": party.user, "languages": language_names(party.languages)}


def signed_up(party, *, changed=False):
    """The party's seats, or its number on the waiting list; how long it may change or cancel
    on the site, and whom to ask afterwards."""
    return tell(
        "visit_signed_up",
        party.user,
        party.visit,
        key=f"visit-signed-up:{party.pk}:{party.updated_at.isoformat()}",
        party=party,
        changed=changed,
        position=party.waiting_position() if party.is_waiting else None,
        placement=_told_placement(party),
        published=_published(party),
    )


def party_cancelled(party, *, by_coordinator=False):
    return tell(
        "visit_party_cancelled",
        party.user,
        party.visit,
        key=f"visit-party-cancelled:{party.pk}:{party.updated_at.isoformat()}",
        party=party,
        by_coordinator=by_coordinator,
    )


def promoted(party):
    """Seats came free for a party that was waiting."""
    return tell(
        "visit_promoted",
        party.user,
        party.visit,
        key=f"visit-promoted:{party.pk}:{party.updated_at.isoformat()}",
        party=party,
        placement=_told_placement(party),
        published=_published(party),
    )


def offer_received(offer, *, changed=False):
    visit = offer.visit
    return tell(
        "visit_offer_received",
        offer.user,
        visit,
        key=f"visit-offer:{offer.pk}:{offer.updated_at.isoformat()}",
        offer=offer,
        changed=changed,
        every_night=offer.hosts_every_night(visit),
        nights=[datetime.date.fromisoformat(night) for night in sorted(offer.nights or ())],
        guests=", ".join(
            member_name(placement.party.user)
            for placement in Placement.objects.filter(offer=offer, announced_at__isnull=False)
            .select_related("party__user")
            .order_by("party__queued_at", "party__pk")
        ),
        published=_published(offer),
    )


def offer_withdrawn(offer, *, by_coordinator=False):
    withdrawn_at = offer.withdrawn_at.isoformat() if offer.withdrawn_at else ""
    return tell(
        "visit_offer_withdrawn",
        offer.user,
        offer.visit,
        key=f"visit-offer-withdrawn:{offer.pk}:{withdrawn_at}",
        offer=offer,
        by_coordinator=by_coordinator,
    )


def guest_matched(placement):
    """The published placement, to the guest: where the party stays and how to reach the
    household. Returns the email queued now (None when told already)."""
    party, offer = placement.party, placement.offer
    return tell(
        "visit_matched_guest",
        party.user,
        party.visit,
        key=f"visit-matched-guest:{placement.pk}:{placement.announced_at.isoformat()}",
        party=party,
        offer=offer,
        host=offer.user,
    )


def host_matched(offer, placements):
    """The placements with `offer` published at once (one publication), in one email to the
    host: whom they receive, how to reach each party and what it needs, and who was told to
    them before and still comes. Returns the email queued now (None when told already)."""
    told = placements[0].announced_at
    earlier = (
        Placement.objects.filter(offer=offer, announced_at__lt=told, party__user__is_active=True)
        .exclude(pk__in=[placement.pk for placement in placements])
        .select_related("party__user")
        .order_by("party__queued_at", "party__pk")
    )
    return tell(
        "visit_matched_host",
        offer.user,
        offer.visit,
        key=f"visit-matched-host:{offer.pk}:{told.isoformat()}",
        offer=offer,
        guests=[_guest(placement.party) for placement in placements],
        earlier=", ".join(member_name(placement.party.user) for placement in earlier),
    )


def guest_changed(placement):
    """A guest changed what their host was told of the party (travellers, phone, diet, …) and
    still stays there: the host gets the party's current details."""
    party, offer = placement.party, placement.offer
    return tell(
        "visit_guest_changed",
        offer.user,
        offer.visit,
        key=f"visit-guest-changed:{placement.pk}:{party.updated_at.isoformat()}",
        offer=offer,
        **_guest(party),
    )


def host_changed(placement):
    """A host changed what their guests were told (household, phone, address) and the party
    still stays there: the guest gets the household's current details."""
    party, offer = placement.party, placement.offer
    return tell(
        "visit_host_changed",
        party.user,
        party.visit,
        key=f"visit-host-changed:{placement.pk}:{offer.updated_at.isoformat()}",
        party=party,
        offer=offer,
        host=offer.user,
    )


def no_host_yet(party):
    """The matching is published and the party, holding seats, has no host: the coordinators
    look further. Told once per party."""
    return tell("visit_no_host_yet", party.user, party.visit, key=f"visit-no-host:{party.pk}")


def placement_cancelled(party, offer):
    """A placement both were told of no longer holds. The guest (their coordinators look for
    another host) and the host (this party no longer comes) are told; not a guest who cancelled
    or a host who withdrew, who had their own confirmation, nor an account being deleted."""
    sent = []
    party_now = GuestParty.objects.filter(pk=party.pk).select_related("user", "visit").first()
    offer_now = HostOffer.objects.filter(pk=offer.pk).select_related("user", "visit").first()
    if party_now is not None and party_now.is_registered and party_now.user.is_active:
        sent.append(
            tell(
                "visit_unplaced_guest",
                party_now.user,
                party_now.visit,
                key=None,
                party=party_now,
                offer=offer,
            )
        )
    if offer_now is not None and offer_now.is_active and offer_now.user.is_active:
        sent.append(
            tell(
                "visit_unplaced_host",
                offer_now.user,
                offer_now.visit,
                key=None,
                party=party,
                offer=offer_now,
                contact=party.user,
            )
        )
    return [email for email in sent if email is not None]
