"""The coordinators' side of an exchange visit in the admin: the visits they coordinate, each
visit's guest parties and host offers with every answer and contact, and the matching:
proposing it, adjusting it by hand, publishing it (only then are guests and hosts emailed).

Who may see and do what is `visits.may_coordinate` (the editors of the hosting town's
foundation, and administrators) for every view here, with one exception: the editors of the
travelling town's foundation, whom the visit page names as coordinators too and whom guests ask
after the deadline (`guides_guests`), see their town's guest parties (the guests page without
the host offers, and the guest list) and cancel a party; the hosts and the matching stay the
hosting town's coordinators'. Moderators are refused. Every change goes through
exchanges/visits.py; the one field set here directly is a party's "returning to" household,
which only coordinators fill in and no rule depends on but the matching's preference."""

import csv
import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import (
    get_language,
    gettext_lazy,
    ngettext,
    pgettext,
    pgettext_lazy,
)
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from community import roles
from community.admin_views import EditorsAdminView
from home.spreadsheets import BOM, neutralised, separator

from . import matching, visits
from .choices import RegistrationStatus, VisitLanguage
from .models import GuestParty, HostOffer, Placement, VisitMatching, VisitPage

LANGUAGE_NAMES = dict(VisitLanguage.choices)


def contact_name(user):
    return user.get_full_name() or user.public_name or user.email


def language_names(codes):
    return [str(LANGUAGE_NAMES.get(code, code)) for code in codes or ()]


def sees_guests(user, visit):
    """The guest parties of a visit: its coordinators and the guests' coordinators."""
    return visits.may_coordinate(user, visit) or visits.guides_guests(user, visit)


def coordinated(visit, request, allowed=visits.may_coordinate):
    """The visit, if `allowed` lets the user in (by default: the user coordinates it); else a
    refusal for an editor (who sees every visit in the list), and for anyone else (moderators)
    not found, as an id no visit has: a refusal told them which page ids are visits, drafts
    too (attack 28)."""
    if not allowed(request.user, visit):
        if roles.is_editor(request.user):
            raise PermissionDenied
        raise Http404
    return visit


def visit_for(request, visit_id, allowed=visits.may_coordinate):
    visit = get_object_or_404(
        VisitPage.objects.select_related("locale", "hosting_town", "travelling_town"),
        pk=visit_id,
    )
    return coordinated(visit, request, allowed)


def party_for(request, party_id, allowed=visits.may_coordinate):
    party = get_object_or_404(
        GuestParty.objects.select_related(
            "user", "visit__locale", "visit__hosting_town", "visit__travelling_town"
        ),
        pk=party_id,
    )
    coordinated(party.visit, request, allowed)
    return party


def shown_version(visit):
    """The visit's version in the admin's language (its title and slug), else its source (the
    first version), as the index chooses."""
    language = get_language()
    if visit.locale.language_code == language:
        return visit
    versions = list(
        VisitPage.objects.filter(translation_key=visit.translation_key)
        .select_related("locale")
        .order_by("pk")
    )
    for version in versions:
        if version.locale.language_code == language:
            return version
    return versions[0] if versions else visit


def offer_for(request, offer_id):
    offer = get_object_or_404(
        HostOffer.objects.select_related("user", "visit__hosting_town"), pk=offer_id
    )
    coordinated(offer.visit, request)
    return offer


def visit_url(visit):
    return reverse("exchange_visit", args=[visit.pk])


def matching_url(visit):
    return reverse("exchange_visit_matching", args=[visit.pk])


def kept_next(target):
    """`target`, a page to lead back to, when it is one of the visits' admin pages; else ""."""
    return target if target.startswith(reverse("exchange_visits")) else ""


def back(request, fallback):
    """Back to the page the form was on (ours only), else `fallback`."""
    return redirect(kept_next(request.POST.get("next", "")) or fallback)


# --- the list of visits ---------------------------------------------------------------------


def matching_summary(state, untold):
    if state.published_at:
        if untold:
            return ngettext(
                "Published; %(count)d placement not yet told",
                "Published; %(count)d placements not yet told",
                untold,
            ) % {"count": untold}
        return _("Published")
    if state.proposed_at:
        return _("Proposed, not published")
    return _("Not proposed yet")


class VisitIndexView(EditorsAdminView):
    """The visits the editor coordinates, either side, one row per visit (not per language
    version), saying which side."""

    template_name = "exchanges/admin/visit_index.html"
    page_title = gettext_lazy("Exchange visits")
    header_icon = "group"

    def get_context_data(self, **kwargs):
        language = get_language()
        user = self.request.user
        countries = roles.foundation_countries(user)
        travelling = VisitPage.objects.filter(travelling_town__country__in=countries)
        versions = (visits.coordinated_visits(user) | travelling).select_related(
            "locale", "travelling_town", "hosting_town"
        )
        chosen = {}
        for visit in versions.order_by("-start_date", "pk"):
            current = chosen.get(visit.translation_key)
            if current is None or (
                visit.locale.language_code == language and current.locale.language_code != language
            ):
                chosen[visit.translation_key] = visit
        keys = list(chosen)
        party_counts = {
            row["visit_key"]: row
            for row in GuestParty.objects.filter(visit_key__in=keys)
            .values("visit_key")
            .annotate(
                registered=Count("pk", filter=Q(status=RegistrationStatus.REGISTERED)),
                waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
                cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
                seats=Sum("adults", filter=Q(status=RegistrationStatus.REGISTERED), default=0)
                + Sum("children", filter=Q(status=RegistrationStatus.REGISTERED), default=0),
            )
            .order_by()
        }
        offer_counts = {
            row["visit_key"]: row
            # Those the matching may place guests with: a blocked account's household hosts none.
            for row in HostOffer.objects.filter(
                visit_key__in=keys, withdrawn_at=None, user__is_active=True
            )
            .values("visit_key")
            .annotate(offers=Count("pk"), beds=Sum("beds"))
            .order_by()
        }
        untold = dict(
            Placement.objects.filter(
                party__visit_key__in=keys,
                party__status=RegistrationStatus.REGISTERED,
                announced_at=None,
            )
            .values("party__visit_key")
            .annotate(n=Count("pk"))
            .values_list("party__visit_key", "n")
            .order_by()
        )
        states = {
            state.visit_key: state for state in VisitMatching.objects.filter(visit_key__in=keys)
        }
        rows = []
        for key, visit in chosen.items():
            parties = party_counts.get(key, {})
            taken = parties.get("seats", 0)
            state = states.get(key) or VisitMatching(visit_key=key)
            rows.append(
                {
                    "visit": visit,
                    # The index lets editors only in: the foundation decides the side.
                    "hosting": visit.hosting_town.country in countries,
                    "taken": taken,
                    "left": visits.seats_left(visit, taken=taken),
                    "registered": parties.get("registered", 0),
                    "waiting": parties.get("waiting", 0),
                    "cancelled": parties.get("cancelled", 0),
                    "offers": offer_counts.get(key, {}).get("offers", 0),
                    "beds": offer_counts.get(key, {}).get("beds") or 0,
                    "matching": matching_summary(state, untold.get(key, 0)),
                }
            )
        # The introduction says what is true of the rows shown: an administrator has no town
        # of their own, and an editor's town may only receive or only send visits.
        return super().get_context_data(
            **kwargs,
            rows=rows,
            every_visit=countries >= set(roles.FOUNDATION_OF_GROUP.values()),
            to_town=any(row["hosting"] for row in rows),
            from_town=any(not row["hosting"] for row in rows),
        )


# --- one visit: guests and hosts ------------------------------------------------------------


class ReturningForm(forms.Form):
    """The household a party stayed with before (the matching prefers placing them again): one
    the matching may place guests with, not withdrawn nor of a blocked account."""

    offer = forms.ModelChoiceField(queryset=HostOffer.objects.none(), required=False)

    def __init__(self, *args, party, **kwargs):
        super().__init__(*args, **kwargs)
        # The household named before may be kept while the matching leaves it out (withdrawn,
        # or its account blocked): saving the party's form unchanged must not forget it.
        kept = HostOffer.objects.filter(pk=party.preferred_offer_id)
        self.fields["offer"].queryset = visits.matched_offers(party.visit) | kept


class PlaceForm(forms.Form):
    """A household the matching may place guests with: not withdrawn, nor of a blocked
    account (as the matching page lists them)."""

    offer = forms.ModelChoiceField(queryset=HostOffer.objects.none(), required=False)
    override = forms.BooleanField(required=False)

    def __init__(self, *args, party, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = visits.matched_offers(party.visit)


class VisitMixin(WagtailAdminTemplateMixin):
    header_icon = "group"
    allowed = staticmethod(visits.may_coordinate)

    def dispatch(self, request, *args, **kwargs):
        self.visit = visit_for(request, kwargs["visit_id"], self.allowed)
        self.coordinating = visits.may_coordinate(request.user, self.visit)
        # Titles in the admin's language; the records belong to every version alike.
        self.shown = shown_version(self.visit)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.shown.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("exchange_visits"), "label": _("Exchange visits")},
            {"url": "", "label": self.shown.title},
        ]

    def tabs(self, current):
        if not self.coordinating:
            return [(visit_url(self.visit), _("Guest parties"), current == "people")]
        return [
            (visit_url(self.visit), _("Guests and hosts"), current == "people"),
            (matching_url(self.visit), _("Matching"), current == "matching"),
        ]


def left_out_label(offer):
    """A household a party returns to that the matching leaves out, as its choice reads, or ""
    when the matching may use it (or none is named)."""
    if offer is None:
        return ""
    if offer.withdrawn_at is not None:
        return _("%(household)s (withdrawn: hosts no guests)") % {"household": offer.household}
    if not offer.user.is_active:
        return _("%(household)s (blocked: hosts no guests)") % {"household": offer.household}
    return ""


class VisitPeopleView(VisitMixin, TemplateView):
    """Every guest party (cancelled ones too) and every host offer (withdrawn ones too), with
    every answer and contact; coordinators cancel, withdraw and name returning pairs here, after
    the deadline too."""

    template_name = "exchanges/admin/visit_people.html"
    allowed = staticmethod(sees_guests)

    def get_page_title(self):
        return _("Guests and hosts") if self.coordinating else _("Guest parties")

    def get_context_data(self, **kwargs):
        visit = self.visit
        # The guests' coordinators see no host offers; a household only once it was told.
        all_offers = list(visits.offers(visit)) if self.coordinating else []
        offers_by_pk = {offer.pk: offer for offer in all_offers}
        active_offers = [offer for offer in all_offers if offer.withdrawn_at is None]
        all_parties = list(visits.parties(visit))
        placements = Placement.objects.filter(party__in=all_parties)
        if not self.coordinating:
            placements = placements.exclude(announced_at=None).select_related("offer")
            offers_by_pk = {placement.offer.pk: placement.offer for placement in placements}
        placed = dict(placements.values_list("party_id", "offer_id"))
        party_rows = [
            {
                "party": party,
                "name": contact_name(party.user),
                "languages": language_names(party.languages),
                "late": party.status == RegistrationStatus.CANCELLED
                and party.updated_at > visit.signup_deadline,
                "returning_to": offers_by_pk.get(party.preferred_offer_id),
                "returning_left_out": left_out_label(offers_by_pk.get(party.preferred_offer_id)),
                "placed_with": offers_by_pk.get(placed.get(party.pk)),
            }
            for party in all_parties
        ]
        offer_rows = [
            {
                "offer": offer,
                "name": contact_name(offer.user),
                "languages": language_names(offer.languages),
                "nights": [datetime.date.fromisoformat(night) for night in offer.nights or ()],
                "every_night": offer.hosts_every_night(visit),
            }
            for offer in all_offers
        ]
        taken = sum(party.people for party in all_parties if party.is_registered)
        matched = [offer for offer in active_offers if offer.user.is_active]
        return super().get_context_data(
            **kwargs,
            visit=visit,
            shown=self.shown,
            coordinating=self.coordinating,
            tabs=self.tabs("people"),
            party_rows=party_rows,
            offer_rows=offer_rows,
            # Whom a party returns to: households the matching may place them with.
            returning_choices=matched,
            taken=taken,
            left=visits.seats_left(visit, taken=taken),
            # The beds the matching may fill: a blocked account's household hosts no one.
            beds=sum(offer.beds for offer in matched),
            deadline_passed=not visit.signup_open(),
            next_url=self.request.get_full_path(),
        )


# --- one visit: the matching ----------------------------------------------------------------


def host_choices(party, placement, visit_offers, used, chosen=None):
    """The households of "place by hand" for `party`, each with the beds it has free (`used`:
    people placed, by offer id). One without room for the party is shown, not offered: choosing
    it would only be refused (a party's own beds count as free where it stays now). `chosen`,
    the household a refused placement chose, stays selected for "place anyway"."""
    current = getattr(placement, "offer_id", None)
    choices = []
    for offer in visit_offers:
        free = max(offer.beds - used.get(offer.pk, 0), 0)
        room = free + (party.people if offer.pk == current else 0)
        if free and room < party.people:
            # Greyed out: say why, or a coordinator reads a household with beds free as refused.
            label = ngettext(
                "%(household)s (%(free)d of %(beds)d bed free, too few for this party)",
                "%(household)s (%(free)d of %(beds)d beds free, too few for this party)",
                offer.beds,
            ) % {"household": offer.household, "free": free, "beds": offer.beds}
        elif free:
            label = ngettext(
                "%(household)s (%(free)d of %(beds)d bed free)",
                "%(household)s (%(free)d of %(beds)d beds free)",
                offer.beds,
            ) % {"household": offer.household, "free": free, "beds": offer.beds}
        else:
            label = _("%(household)s (full)") % {"household": offer.household}
        choices.append(
            {
                "offer": offer,
                "label": label,
                "selected": offer.pk == (current if chosen is None else chosen),
                "fits": room >= party.people,
            }
        )
    return choices


class VisitMatchingView(VisitMixin, TemplateView):
    """The matching as it stands: each household's guests, who is left without a host and why,
    and a form per party to place it by hand."""

    template_name = "exchanges/admin/visit_matching.html"
    page_title = gettext_lazy("Matching")

    def get_context_data(self, **kwargs):
        visit = self.visit
        active_offers = list(visits.matched_offers(visit))
        registered = list(visits.matched_parties(visit))
        placements = list(
            Placement.objects.filter(party__in=registered, offer__in=active_offers).select_related(
                "party", "offer"
            )
        )
        by_party = {placement.party_id: placement for placement in placements}
        offers_by_pk = {offer.pk: offer for offer in active_offers}

        def facts(party, offer):
            shared = set(party.languages or ()) & set(offer.languages or ())
            return {
                "party": party,
                "name": contact_name(party.user),
                "shared": language_names(sorted(shared)),
                "returning": offer.pk in visits.returning_offers(party, active_offers),
                "placement": by_party.get(party.pk),
                # Rules a placement made by hand ("place anyway") breaks, for every coordinator
                # to see before and after publishing.
                "broken": [
                    str(visits.RULE_TEXTS[code])
                    for code in matching.broken_rules(
                        visits.as_party(party), visits.as_host(offer, visit)
                    )
                ],
            }

        hosts = []
        for offer in active_offers:
            guests = [
                facts(party, offer)
                for party in registered
                if getattr(by_party.get(party.pk), "offer_id", None) == offer.pk
            ]
            hosts.append(
                {
                    "offer": offer,
                    "guests": guests,
                    "used": sum(guest["party"].people for guest in guests),
                    "languages": language_names(offer.languages),
                }
            )
        parties_by_pk = {party.pk: party for party in registered}
        left_out = [
            {
                "party": parties_by_pk[item.party],
                "name": contact_name(parties_by_pk[item.party].user),
                "reason": visits.reason_text(item, parties_by_pk[item.party]),
            }
            for item in visits.unmatched(registered, active_offers, placements, visit)
        ]
        used = {offer.pk: 0 for offer in active_offers}
        for placement in placements:
            used[placement.offer_id] += placement.party.people
        # The choice of a placement just refused (`place_view`), kept for "place anyway".
        refused = {
            name: int(self.request.GET[name])
            for name in ("party", "offer")
            if self.request.GET.get(name, "").isdigit()
        }
        rows = [
            {
                "party": party,
                "name": contact_name(party.user),
                "languages": language_names(party.languages),
                "placement": by_party.get(party.pk),
                "returning": [
                    offers_by_pk[pk]
                    for pk in sorted(visits.returning_offers(party, active_offers))
                    if pk in offers_by_pk
                ],
                "choices": host_choices(
                    party,
                    by_party.get(party.pk),
                    active_offers,
                    used,
                    refused.get("offer") if refused.get("party") == party.pk else None,
                ),
            }
            for party in registered
        ]
        for row in rows:
            # Every household greyed out: the row says why instead of leaving a list of
            # choices none of which can be taken.
            if not any(choice["fits"] for choice in row["choices"]):
                row["no_room"] = ngettext(
                    "No household has a bed free for this party.",
                    "No household has %(people)d beds free for this party.",
                    row["party"].people,
                ) % {"people": row["party"].people}
        # Accounts made inactive that still hold seats or offer hosting (a block gives them
        # up): the matching leaves them out, and the coordinators see why.
        blocked = [
            contact_name(party.user)
            for party in visits.parties(visit).filter(
                status=RegistrationStatus.REGISTERED, user__is_active=False
            )
        ] + [
            offer.household
            for offer in visits.offers(visit).filter(withdrawn_at=None, user__is_active=False)
        ]
        state = visits.matching_state(visit)
        untold = [placement for placement in placements if placement.announced_at is None]
        return super().get_context_data(
            **kwargs,
            visit=visit,
            shown=self.shown,
            tabs=self.tabs("matching"),
            state=state,
            hosts=hosts,
            left_out=left_out,
            rows=rows,
            blocked=blocked,
            untold=len(untold),
            told=len(placements) - len(untold),
            next_url=self.request.get_full_path(),
        )


def to_be_told(visit):
    """The placements a publication would tell now (guests and hosts of active accounts, not
    told yet), with their guests' and households' accounts."""
    return list(
        Placement.objects.filter(
            party__in=visits.matched_parties(visit),
            offer__in=visits.matched_offers(visit),
            announced_at=None,
        )
        .select_related("party__user", "offer")
        .order_by("party__queued_at", "party__pk")
    )


def emailed(guests, hosts):
    """Who a publication emails, in one sentence that reads right for any number of each (the
    verb belongs to both): "Emailed now: 2 guest parties and 1 host household." """
    guests_text = ngettext("%(count)d guest party", "%(count)d guest parties", guests) % {
        "count": guests
    }
    hosts_text = ngettext("%(count)d host household", "%(count)d host households", hosts) % {
        "count": hosts
    }
    if guests and hosts:
        return _("Emailed now: %(guests)s and %(hosts)s.") % {
            "guests": guests_text,
            "hosts": hosts_text,
        }
    return _("Emailed now: %(recipients)s.") % {"recipients": guests_text if guests else hosts_text}


def against_rules(placements, visit):
    """The placements among `placements` that break a hard rule (a coordinator's "place
    anyway"), with the rules, for the publish confirmation to name before anyone is told."""
    forced = []
    for placement in placements:
        codes = matching.broken_rules(
            visits.as_party(placement.party), visits.as_host(placement.offer, visit)
        )
        if codes:
            forced.append(
                {
                    "name": contact_name(placement.party.user),
                    "household": placement.offer.household,
                    "rules": "; ".join(str(visits.RULE_TEXTS[code]) for code in codes),
                }
            )
    return forced


def without_host(visit):
    """The parties holding seats that no household takes in: publishing tells them that the
    coordinators look further."""
    return (
        visits.matched_parties(visit)
        .exclude(placement__offer__in=visits.matched_offers(visit))
        .count()
    )


class PublishView(VisitMixin, TemplateView):
    """The confirmation before the emails go: how many guests and hosts will be told, and the
    placements among them made against a hard rule."""

    template_name = "exchanges/admin/visit_publish.html"

    def get_page_title(self):
        if visits.is_published(self.visit):
            return _("Publish the changes")
        return _("Publish the matching")

    def get_context_data(self, **kwargs):
        untold = to_be_told(self.visit)
        guests = len({placement.party_id for placement in untold})
        # One email per household, listing all its guests.
        hosts = len({placement.offer_id for placement in untold})
        return super().get_context_data(
            **kwargs,
            visit=self.visit,
            guests=guests,
            hosts=hosts,
            emailed=emailed(guests, hosts) if guests or hosts else "",
            forced=against_rules(untold, self.visit),
            homeless=without_host(self.visit),
            signup_open=self.visit.signup_open(),
            state=visits.matching_state(self.visit),
        )

    def post(self, request, *args, **kwargs):
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm that the emails may be sent."))
            return redirect("exchange_visit_publish", self.visit.pk)
        told = visits.publish_matching(self.visit, user=request.user)
        messages.success(
            request,
            ngettext(
                "The matching is published: %(count)d placement told to its guests and hosts.",
                "The matching is published: %(count)d placements told to their guests and hosts.",
                told,
            )
            % {"count": told},
        )
        return redirect(matching_url(self.visit))


# --- actions --------------------------------------------------------------------------------


@require_POST
def propose_view(request, visit_id):
    visit = visit_for(request, visit_id)
    plan = visits.propose(visit)
    messages.success(
        request,
        _("A matching is proposed. Parties placed: %(placed)d; without a host: %(left)d.")
        % {"placed": len(plan.placements), "left": len(plan.unmatched)},
    )
    return redirect(matching_url(visit))


@require_POST
def place_view(request, party_id):
    party = party_for(request, party_id)
    form = PlaceForm(request.POST, party=party)
    fallback = matching_url(party.visit)
    if not form.is_valid():
        messages.error(request, _("Choose one of the households of this visit."))
        return back(request, fallback)
    offer = form.cleaned_data["offer"]
    try:
        visits.assign(party, offer, override=form.cleaned_data["override"])
    except visits.MatchingRefused as refusal:
        messages.error(request, str(refusal))
        # Her choice stays selected, for "place anyway" (walk 8: the page came back without it).
        if offer is None:
            return back(request, fallback)
        kept = urlencode({"party": party.pk, "offer": offer.pk})
        return redirect(f"{fallback}?{kept}")
    name = contact_name(party.user)
    if offer is None:
        messages.success(request, _("%(party)s has no host now.") % {"party": name})
    else:
        messages.success(
            request,
            _("%(party)s stays with %(household)s.")
            % {"party": name, "household": offer.household},
        )
    return back(request, fallback)


@require_POST
def returning_view(request, party_id):
    party = party_for(request, party_id)
    form = ReturningForm(request.POST, party=party)
    if not form.is_valid():
        messages.error(request, _("Choose one of the households of this visit."))
        return back(request, visit_url(party.visit))
    party.preferred_offer = form.cleaned_data["offer"]
    party.save(update_fields=["preferred_offer", "updated_at"])
    messages.success(
        request,
        _("Saved whom %(party)s returns to.") % {"party": contact_name(party.user)},
    )
    return back(request, visit_url(party.visit))


class ConfirmedChangeView(WagtailAdminTemplateMixin, TemplateView):
    """A change to a guest party or a host offer that emails members and is not undone here:
    its page says what will happen and asks (a GET changes nothing: a link followed, a page
    reloaded); its form's POST does it, then leads back to the page it was asked from."""

    template_name = "exchanges/admin/visit_confirm.html"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.record = self.get_record(request, **kwargs)
        self.shown = shown_version(self.record.visit)
        if self.done():
            # Done already (by the member, another coordinator, a second tab): not asked again,
            # nor said done now, which nobody was emailed about (attack 31, F1).
            messages.info(request, self.already())
            target = (request.POST if request.method == "POST" else request.GET).get("next", "")
            return redirect(kept_next(target) or visit_url(self.record.visit))
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.shown.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("exchange_visits"), "label": _("Exchange visits")},
            {"url": visit_url(self.record.visit), "label": self.shown.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        back_url = kept_next(self.request.GET.get("next", ""))
        return super().get_context_data(
            **kwargs,
            question=self.question(),
            consequence=self.consequence,
            confirm_label=self.confirm_label,
            next_url=back_url,
            back_url=back_url or visit_url(self.record.visit),
        )

    def post(self, request, *args, **kwargs):
        messages.success(request, self.change())
        return back(request, visit_url(self.record.visit))


class CancelPartyView(ConfirmedChangeView):
    consequence = gettext_lazy("The member is emailed; a host who was told of them too.")
    confirm_label = gettext_lazy("Yes, cancel this party")

    def get_record(self, request, party_id):
        # The guests' coordinators too: guests ask them after the deadline.
        return party_for(request, party_id, sees_guests)

    def get_page_title(self):
        return _("Cancel this party")

    def question(self):
        return _("Cancel the party of %(party)s?") % {"party": contact_name(self.record.user)}

    def done(self):
        return self.record.status == RegistrationStatus.CANCELLED

    def already(self):
        return _("The party of %(party)s was cancelled already.") % {
            "party": contact_name(self.record.user)
        }

    def change(self):
        visits.cancel_party(self.record, by_coordinator=True)
        return _("The party of %(party)s is cancelled.") % {"party": contact_name(self.record.user)}


class WithdrawOfferView(ConfirmedChangeView):
    consequence = gettext_lazy("The household is emailed; guests who were told of it too.")
    confirm_label = gettext_lazy("Yes, withdraw this offer")

    def get_record(self, request, offer_id):
        return offer_for(request, offer_id)

    def get_page_title(self):
        return _("Withdraw this offer")

    def question(self):
        return _("Withdraw the offer of %(household)s?") % {"household": self.record.household}

    def done(self):
        return self.record.withdrawn_at is not None

    def already(self):
        return _("The offer of %(household)s was withdrawn already.") % {
            "household": self.record.household
        }

    def change(self):
        visits.withdraw_offer(self.record, by_coordinator=True)
        return _("The offer of %(household)s is withdrawn.") % {"household": self.record.household}


def yes_no(value):
    return _("yes") if value else _("no")


def guests_csv_view(request, visit_id):
    """The guest list for the bus and the hosts, safe to open in a spreadsheet: every answer of
    each party and the household it stays with. The guests' coordinators see a household only
    once it was told (the matching is the hosting town's coordinators' until then)."""
    visit = visit_for(request, visit_id, sees_guests)
    coordinating = visits.may_coordinate(request.user, visit)
    all_parties = list(visits.parties(visit))
    placements = {
        placement.party_id: placement
        for placement in Placement.objects.filter(party__in=all_parties).select_related("offer")
        if coordinating or placement.announced_at is not None
    }
    # A file name in the admin's language: "gasten-<slug>.csv", "gaeste-<slug>.csv".
    prefix = pgettext("file name", "guests")
    name = f"{prefix}-{shown_version(visit).slug}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, name)
    response.write(BOM)
    writer = csv.writer(response, delimiter=separator())
    writer.writerow(
        [
            _("Name"),
            _("Email"),
            _("Phone"),
            _("Who travels"),
            _("Adults"),
            _("Children"),
            _("Status"),
            _("Placed with"),
            _("Told"),
            _("Languages spoken"),
            _("Allergic to animals"),
            _("Other allergies"),
            _("Diet"),
            _("Needs a home without stairs"),
            _("Other mobility needs"),
            _("Needs a smoke-free home"),
            _("Smokes"),
            _("Wishes"),
        ]
    )
    for party in all_parties:
        placement = placements.get(party.pk)
        writer.writerow(
            neutralised(value)
            for value in (
                contact_name(party.user),
                party.user.email,
                party.phone,
                party.travellers,
                party.adults,
                party.children,
                party.get_status_display(),
                placement.offer.household if placement else "",
                yes_no(placement.announced_at) if placement else "",
                ", ".join(language_names(party.languages)),
                yes_no(party.animal_allergy),
                party.allergies,
                party.diet,
                yes_no(party.step_free),
                party.mobility,
                yes_no(party.smoke_free),
                yes_no(party.smokes),
                party.wishes,
            )
        )
    return response


# --- wiring ---------------------------------------------------------------------------------


def urls():
    def admin(view):
        return require_admin_access(view)

    return [
        path("exchange-visits/", admin(VisitIndexView.as_view()), name="exchange_visits"),
        path(
            "exchange-visits/<id:visit_id>/",
            admin(VisitPeopleView.as_view()),
            name="exchange_visit",
        ),
        path(
            "exchange-visits/<id:visit_id>/matching/",
            admin(VisitMatchingView.as_view()),
            name="exchange_visit_matching",
        ),
        path(
            "exchange-visits/<id:visit_id>/propose/",
            admin(propose_view),
            name="exchange_visit_propose",
        ),
        path(
            "exchange-visits/<id:visit_id>/publish/",
            admin(PublishView.as_view()),
            name="exchange_visit_publish",
        ),
        path(
            "exchange-visits/<id:visit_id>/guests.csv",
            admin(guests_csv_view),
            name="exchange_visit_guests_csv",
        ),
        path(
            "exchange-visits/parties/<id:party_id>/place/",
            admin(place_view),
            name="exchange_visit_place",
        ),
        path(
            "exchange-visits/parties/<id:party_id>/returning/",
            admin(returning_view),
            name="exchange_visit_returning",
        ),
        path(
            "exchange-visits/parties/<id:party_id>/cancel/",
            admin(CancelPartyView.as_view()),
            name="exchange_visit_cancel_party",
        ),
        path(
            "exchange-visits/offers/<id:offer_id>/withdraw/",
            admin(WithdrawOfferView.as_view()),
            name="exchange_visit_withdraw_offer",
        ),
    ]


class VisitsMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_editor(request.user)


def menu_item():
    return VisitsMenuItem(
        # Short enough for the sidebar (its page keeps the whole heading).
        pgettext_lazy("admin menu", "Exchange visits"),
        reverse("exchange_visits"),
        name="exchange-visits",
        icon_name="group",
        order=305,
    )


def visit_buttons(page, user):
    """ "Guests and hosts" on an exchange visit in any language, for its coordinators;
    "Guest parties" for the guests' coordinators."""
    if page.specific_class is not None and issubclass(page.specific_class, VisitPage):
        visit = page.specific_deferred
        if visits.may_coordinate(user, visit):
            yield Button(_("Guests and hosts"), url=visit_url(visit), icon_name="group", priority=6)
        elif visits.guides_guests(user, visit):
            yield Button(_("Guest parties"), url=visit_url(visit), icon_name="group", priority=6)
