"""The member's right to a copy of their data: what every app keeps about them (their profile,
communities and contributions from community, their registrations and exchange visits from
here), in one file.

A value of a fixed set keeps its code, for a program reading the file, and has its name beside
it in the member's language (`"status": "registered", "status_label": "Aangemeld"`), for her:
the export gave some values as codes and others only by their names."""

import json

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import pgettext
from wagtail.models import Page

from community import contributions
from community.models import Report
from community.newsletter.subscriptions import subscription_of

from . import visits
from .choices import VisitLanguage
from .contribution_forms import form_for
from .models import CalendarToken, GuestParty, HostOffer, Registration, StoryPage


def language_label(code):
    """A language (of the site, or one a guest or host speaks), named in the member's language
    ("Duits")."""
    return str(dict(VisitLanguage.choices).get(code, code))


def spoken_labels(codes):
    return [language_label(code) for code in codes]


def offer_status(offer):
    if offer.withdrawn_at:
        return "withdrawn", pgettext("host offer", "Withdrawn")
    return "offered", pgettext("host offer", "Offered")


def sector_communities(user):
    """The member's communities, named in the member's language where there is a page in it."""
    memberships = list(user.memberships.all())
    names = {}
    pages = Page.objects.filter(translation_key__in=[m.sector_key for m in memberships])
    for page in pages.select_related("locale"):
        if page.translation_key not in names or page.locale.language_code == user.language:
            names[page.translation_key] = page.title
    return [
        {
            "sector": names.get(m.sector_key, ""),
            "joined_at": m.joined_at.isoformat(),
            "digest": m.digest,
            "digest_label": m.get_digest_display(),
            "digest_chosen_at": m.digest_changed_at.isoformat(),
        }
        for m in memberships
    ]


def newsletter_subscription(user):
    """The member's newsletter subscription: the consent given and when, confirmed, left."""
    subscription = subscription_of(user)
    if subscription is None:
        return None
    return {
        "email": subscription.address,
        "language": subscription.language,
        "language_label": language_label(subscription.language),
        "consent_text_version": subscription.consent_version,
        "consented_at": subscription.consented_at.isoformat(),
        "confirmed_at": subscription.confirmed_at and subscription.confirmed_at.isoformat(),
        "unsubscribed_at": subscription.unsubscribed_at
        and subscription.unsubscribed_at.isoformat(),
    }


def personal_calendar(user):
    """That the member has a personal calendar address, and since when; not its secret, which
    would open the feed to anyone who finds the downloaded file."""
    token = CalendarToken.objects.filter(user=user).first()
    if token is None:
        return None
    return {"created_at": token.created_at.isoformat(), "reset_at": token.updated_at.isoformat()}


def _visit(record):
    visit = record.visit
    return {
        "visit": visit.title,
        "first_day": visit.start_date.isoformat(),
        "last_day": visit.end_date.isoformat(),
    }


def exchange_visits(user):
    """The member's guest parties and host offers with every answer, and their placement once
    the matching is published: of the other side only what the member was told (the household
    they stay with, the member whose party they host), never the other's answers."""
    parties = []
    for party in GuestParty.objects.filter(user=user).select_related("visit"):
        placement = visits.published_placement_of(party)
        parties.append(
            {
                **_visit(party),
                "status": party.status,
                "status_label": party.get_status_display(),
                "signed_up_at": party.queued_at.isoformat(),
                "adults": party.adults,
                "children": party.children,
                "travellers": party.travellers,
                "languages": party.languages,
                "languages_labels": spoken_labels(party.languages),
                "animal_allergy": party.animal_allergy,
                "allergies": party.allergies,
                "diet": party.diet,
                "needs_step_free_home": party.step_free,
                "mobility": party.mobility,
                "needs_smoke_free_home": party.smoke_free,
                "smokes": party.smokes,
                "stayed_with_before": party.previous_hosts,
                "wishes": party.wishes,
                "phone": party.phone,
                "staying_with": placement
                and {
                    "household": placement.offer.household,
                    "told_at": placement.announced_at.isoformat(),
                },
            }
        )
    offers = []
    for offer in HostOffer.objects.filter(user=user).select_related("visit"):
        status, status_label = offer_status(offer)
        offers.append(
            {
                **_visit(offer),
                "status": status,
                "status_label": status_label,
                "offered_at": offer.created_at.isoformat(),
                "withdrawn_at": offer.withdrawn_at and offer.withdrawn_at.isoformat(),
                "household": offer.household,
                "beds": offer.beds,
                "pets": offer.pets,
                "which_pets": offer.pets_detail,
                "smoking_household": offer.smoking_household,
                "smokers_welcome": offer.smokers_welcome,
                "languages": offer.languages,
                "languages_labels": spoken_labels(offer.languages),
                "guest_room_up_stairs": offer.stairs,
                "nights": offer.nights,
                "preferences": offer.preferences,
                "address": offer.address,
                "phone": offer.phone,
                "guests": [
                    {
                        "guest": placement.party.user.public_name,
                        "people": placement.party.people,
                        "told_at": placement.announced_at.isoformat(),
                    }
                    for placement in visits.published_placement_of(offer)
                ],
            }
        )
    return {"guest_parties": parties, "host_offers": offers}


def reports_filed(user):
    """The reports the member filed: what they reported (its title as they read it), their
    reason and explanation, when, and whether the editors handled it (not the editors' note)."""
    return [
        {
            "contribution": report.title,
            "reason": report.reason,
            "reason_label": report.get_reason_display(),
            "explanation": report.message,
            "reported_at": report.created_at.isoformat(),
            "handled": report.resolved_at is not None,
        }
        for report in Report.objects.filter(reporter=user).order_by("created_at", "pk")
    ]


def contribution(page):
    """One of the member's contributions as she reads it on her member page: its current
    version (after she withdrew, edited and sent it again, what she sent last)."""
    version = contributions.current_version(page)
    return {
        "type": page.contribution_kind,
        "type_label": str(capfirst(page._meta.verbose_name)),
        "title": version.title,
        "language": page.locale.language_code,
        "language_label": language_label(page.locale.language_code),
        "state": page.state.value,
        "state_label": str(page.state.label),
        "introduction": version.intro,
        "text": contributions.body_text(version),
        "url": page.url if page.live else None,
        "editor_comment": page.editor_comment,
        **(story_facts(version) if isinstance(version, StoryPage) else meeting_facts(version)),
        "sectors": [sector.title for sector in version.sectors],
        # Each photo she sent as her form shows it: its file, description and caption. Not one
        # an editor placed in it (another member's, perhaps): hers are those she uploaded.
        "photos": [
            {
                "file": photo.image.file.name,
                "url": photo.image.file.url,
                "description": photo.alt_text,
                "caption": photo.caption,
            }
            for photo in form_for(page).photos_of(version)
            if photo.image.uploaded_by_user_id == page.owner_id
        ],
    }


def story_facts(story):
    return {
        "date": story.date and story.date.isoformat(),
        "towns": [town.name for town in story.towns],
    }


def meeting_facts(meeting):
    elsewhere = meeting.town_elsewhere and meeting.is_in_person
    return {
        # In the site's time, as she gave them (a revision's are read back so, a page's not).
        "start": meeting.start and timezone.localtime(meeting.start).isoformat(),
        "end": meeting.end and timezone.localtime(meeting.end).isoformat(),
        "format": meeting.format,
        "format_label": meeting.get_format_display(),
        "place": meeting.place_name,
        "town": meeting.town.name if meeting.town else None,
        "town_elsewhere": elsewhere,
        "online_link": meeting.online_url or None,
        "spoken_language": meeting.spoken_language,
        "spoken_language_label": meeting.get_spoken_language_display(),
        "places": meeting.capacity,
    }


def export_member_data(user):
    """Everything the platform keeps about this member, and nothing about anyone else; the names
    of its values in her language, whichever language's page she downloaded it from."""
    with translation.override(user.language):
        data = member_data(user)
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )


def member_data(user):
    return {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "email": user.email,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "town": user.town.name if user.town else None,
            "language": user.language,
            "language_label": language_label(user.language),
            "bio": user.bio,
            "avatar": user.avatar.name or None,
            "avatar_thumbnail": user.avatar_thumbnail.name or None,
            "show_on_sector_pages": user.show_on_sector_pages,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "consents": [
            {"privacy_statement_version": consent.version, "given_at": consent.given_at.isoformat()}
            for consent in user.consents.all()
        ],
        "sector_communities": sector_communities(user),
        "newsletter": newsletter_subscription(user),
        "contributions": [contribution(page) for page in contributions.contributions_of(user)],
        "meeting_registrations": [
            {
                "meeting": registration.meeting.title,
                "start": registration.meeting.start.isoformat(),
                "status": registration.status,
                "status_label": registration.get_status_display(),
                "registered_at": registration.queued_at.isoformat(),
            }
            for registration in Registration.objects.filter(user=user).select_related("meeting")
        ],
        "personal_calendar": personal_calendar(user),
        "exchange_visits": exchange_visits(user),
        "reports": reports_filed(user),
    }
