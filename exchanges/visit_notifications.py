"""What guests and hosts of an exchange visit are emailed, each in their own language, with the
visit under its title in that language (its published translation, else the version they used):
a sign-up (seats held, or a number on the waiting list) and its changes, seats that came free, a
cancellation; an offer to host, its changes and its withdrawal; the matching once published, and
a placement told that no longer holds.

Names and contact details of a counterpart go only into the emails of a published placement, to
the guest and the host of it, and only into the bodies: the subject of every email is kept in the
outbox (home.mail) that editors read. Every email has a `key` (home.notifications), so code that
runs again never tells the same thing twice."""

import datetime

from home.notifications import send_templated_email

from .choices import VisitLanguage
from .models import GuestParty, HostOffer
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


def matched(placement):
    """The published placement, to both: the guest learns where they stay and how to reach the
    household, the host whom they receive and what their guests need. Returns the emails
    queued now (none when both were told already)."""
    party, offer = placement.party, placement.offer
    told = placement.announced_at.isoformat()
    sent = [
        tell(
            "visit_matched_guest",
            party.user,
            party.visit,
            key=f"visit-matched-guest:{placement.pk}:{told}",
            party=party,
            offer=offer,
            host=offer.user,
        ),
        tell(
            "visit_matched_host",
            offer.user,
            offer.visit,
            key=f"visit-matched-host:{placement.pk}:{told}",
            party=party,
            offer=offer,
            contact=party.user,
            languages=language_names(party.languages),
        ),
    ]
    return [email for email in sent if email is not None]


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
