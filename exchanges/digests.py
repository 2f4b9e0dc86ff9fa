"""Sector digests: one email to a member with what is new in their sector communities (new
stories, new and changed meetings), as often as they chose per sector (see
community.models.members: none, as it happens, daily at 07:00, weekly on Monday at 07:00).

A scheduled job runs every five minutes. For each member with a sector whose digest is due it
sends one email combining those sectors, in the member's language, then records per membership
up to when it was sent (`digest_sent_until`): an item is in one digest only, and a run that finds
nothing new sends nothing but still records that the period was looked at. A period ends
`DIGEST_LAG` before the run; meetings are in it by Wagtail's record of their publications in it
(not by their latest publication, which a later edit moves), and a changed one is judged by
comparing its version live at the period's start with the one live at its end. The member's
memberships are locked while this happens and the email has a key made of what it covers, so
two runs at once never send it twice."""

import datetime
import hashlib
import logging
from dataclasses import dataclass, field

from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageLogEntry

from community.models import SectorMembership
from community.models.members import DIGEST_LAG
from community.models.sectors import sector_pages
from home.cache import locales
from home.notifications import send_templated_email, unsubscribe_headers
from home.schedule import scheduled
from home.urls_util import base_url

from .models import MeetingPage, StoryPage

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "exchanges.digests.unsubscribe-member"
# What a participant notices of a meeting being changed; an edit of its text alone is no news.
NOTICED_FIELDS = (
    "title",
    "start",
    "end",
    "cancelled",
    "format",
    "place_name",
    "address",
    "town_id",
)


@dataclass
class Item:
    """A story or meeting as the digest shows it: the version in the reader's language if it
    has a live one (else the source, with `language` naming the language it is written in)."""

    page: Page
    language: str = ""
    change: str = ""  # meetings: "new", "changed", "moved" or "cancelled"
    moved_from: datetime.datetime | None = None


@dataclass
class Section:
    sector: Page
    stories: list = field(default_factory=list)
    meetings: list = field(default_factory=list)


def sector_in_language(key, code):
    """The live sector page of a translation key in language `code`, else in another language,
    else None (the sector is gone)."""
    pages = sector_pages()
    locale = locales().get(code)
    found = pages["live"].get((key, locale.pk if locale else None))
    if found is None:
        found = next((page for (k, _id), page in pages["live"].items() if k == key), None)
    return found


def unsubscribe_token(user):
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def member_of_token(token):
    """The member's id a token names, or None for a token that is not ours."""
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def unsubscribe_url(user):
    """The absolute address of the member's one-click unsubscribe, in their language."""
    with translation.override(user.language):
        path = reverse("digest_unsubscribe", args=(unsubscribe_token(user),))
    return base_url() + path


def _published_in(model, sector_key, since, until, moment):
    """Live, public pages of `model` in the sector whose `moment` (first or last publication)
    falls in the period: each language version an editor wrote, not aliases (which repeat
    their source)."""
    return (
        model.objects.live()
        .public()
        .filter(
            alias_of__isnull=True,
            **{f"{moment}__gt": since, f"{moment}__lte": until},
            **{f"{model.sector_links_name}__sector__translation_key": sector_key},
        )
        .distinct()
    )


def _first_published_before(since):
    """Whether any version of the page (`OuterRef`) was first published by `since`: then it
    is not new."""
    return Exists(
        Page.objects.filter(
            translation_key=OuterRef("translation_key"), first_published_at__lte=since
        )
    )


def _shown_versions(model, keys, code):
    """{translation key: Item} with the version of each page a reader of `code` gets."""
    versions = {}
    pages = (
        model.objects.live()
        .public()
        .filter(translation_key__in=keys, alias_of__isnull=True)
        .select_related("locale")
        .order_by("first_published_at", "pk")
    )
    for page in pages:
        language = page.locale.language_code
        if page.translation_key not in versions or language == code:
            versions[page.translation_key] = Item(page, "" if language == code else language)
    return versions


def new_stories(sector_key, since, until, code, reader=None):
    """Stories of the sector first published in the period, in the reader's language; not the
    reader's own (they were told when it was published)."""
    stories = _published_in(StoryPage, sector_key, since, until, "first_published_at").exclude(
        _first_published_before(since)
    )
    if reader is not None:
        stories = stories.exclude(owner=reader)
    keys = list(stories.values_list("translation_key", flat=True))
    items = _shown_versions(StoryPage, keys, code)
    return sorted(items.values(), key=lambda item: item.page.first_published_at)


def _as_it_was(meeting, moment):
    """The meeting as it was published at `moment` (the revision of its last publication up to
    then), or None when no publication of it is recorded by then."""
    entry = (
        PageLogEntry.objects.filter(
            page=meeting, action="wagtail.publish", timestamp__lte=moment, revision__isnull=False
        )
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.as_object() if entry else None


def meeting_change(before, after):
    """What a participant should know of a meeting that was `before` at the start of a period
    and is `after` at its end: "cancelled", "moved" (with the start it had), "changed" (time,
    place, format or title), or nothing. `before` None (its publication was not recorded):
    what the meeting says of itself."""
    if after.cancelled:
        return ("cancelled", None) if before is None or not before.cancelled else (None, None)
    if before is None:
        return ("moved", after.moved_from) if after.moved_from else ("changed", None)
    if before.start != after.start:
        return "moved", before.start
    if any(getattr(before, name) != getattr(after, name) for name in NOTICED_FIELDS):
        return "changed", None
    return None, None


def _publications(since, until):
    """Whether some language version of the page (`OuterRef`) was published in the period, by
    Wagtail's record of publications: a later republication (a typo fixed within
    `DIGEST_LAG`, or during a worker's downtime) does not hide it from the period."""
    return Exists(
        PageLogEntry.objects.filter(
            page__translation_key=OuterRef("translation_key"),
            action="wagtail.publish",
            timestamp__gt=since,
            timestamp__lte=until,
        )
    )


def new_and_changed_meetings(sector_key, since, until, now, code):
    """Meetings of the sector that have not ended and were published in the period: new ones
    (no version published by `since`), and those whose version live at `until` differs from
    the one live at `since` in what a participant notices (changed, moved, cancelled)."""
    meetings = (
        MeetingPage.objects.live()
        .public()
        .filter(
            _publications(since, until),
            alias_of__isnull=True,
            end__gte=now,
            **{f"{MeetingPage.sector_links_name}__sector__translation_key": sector_key},
        )
        .annotate(seen_before=_first_published_before(since))
        .distinct()
    )
    changes = {}
    for meeting in meetings.order_by("first_published_at", "pk"):
        if meeting.translation_key in changes:
            continue
        if not meeting.seen_before:
            changes[meeting.translation_key] = ("new", None)
            continue
        # The schedule is the source's (exchanges.signal_handlers), so is its history.
        source = (
            MeetingPage.objects.live()
            .filter(translation_key=meeting.translation_key, alias_of__isnull=True)
            .order_by("first_published_at", "pk")
            .first()
        )
        after = _as_it_was(source, until) or source
        change, moved_from = meeting_change(_as_it_was(source, since), after)
        if change:
            changes[meeting.translation_key] = (change, moved_from)
    items = _shown_versions(MeetingPage, list(changes), code)
    for key, item in items.items():
        item.change, item.moved_from = changes[key]
    return sorted(items.values(), key=lambda item: (item.page.start, item.page.pk))


def digest_sections(user, memberships, until, now):
    """What is new for the member in each of these sector communities since its last digest,
    the sectors with nothing new left out, in the order of the sectors' names."""
    code = user.language
    sections = []
    for membership in memberships:
        sector = sector_in_language(membership.sector_key, code)
        if sector is None:
            continue
        since = membership.digest_sent_until
        section = Section(
            sector,
            stories=new_stories(membership.sector_key, since, until, code, reader=user),
            meetings=new_and_changed_meetings(membership.sector_key, since, until, now, code),
        )
        if section.stories or section.meetings:
            sections.append(section)
    return sorted(sections, key=lambda section: section.sector.title)


def digest_key(user, memberships):
    """Never twice the same digest: the key names the member and the periods it covers (each
    membership's start), which the next digest no longer starts from."""
    covered = ",".join(
        f"{membership.pk}@{membership.digest_sent_until.isoformat()}"
        for membership in sorted(memberships, key=lambda membership: membership.pk)
    )
    return f"digest:{user.pk}:{hashlib.sha256(covered.encode()).hexdigest()[:32]}"


def send_digest(user, now):
    """Sends the member's digest of every sector due at `now`, if anything is new; records the
    period as done either way. Returns whether an email was sent."""
    until = now - DIGEST_LAG
    with transaction.atomic():
        memberships = list(
            SectorMembership.objects.select_for_update().filter(user=user).with_digest()
        )
        due = [membership for membership in memberships if membership.digest_due(now)]
        if not due:
            return False
        with translation.override(user.language):
            sections = digest_sections(user, due, until, now)
        sent = False
        if sections:
            url = unsubscribe_url(user)
            sent = (
                send_templated_email(
                    "exchanges/email/digest",
                    {
                        "sections": sections,
                        "unsubscribe_url": url,
                        "settings_url": base_url() + _settings_path(user),
                    },
                    user,
                    key=digest_key(user, due),
                    headers=unsubscribe_headers(url),
                    bulk=True,
                )
                is not None
            )
        SectorMembership.objects.filter(pk__in=[membership.pk for membership in due]).update(
            digest_sent_until=until
        )
    return sent


def _settings_path(user):
    with translation.override(user.language):
        return reverse("digest_settings")


@scheduled(
    "sector-digests",
    every=datetime.timedelta(minutes=5),
    description=_("Sends members the news of their sector communities, as often as they chose."),
)
def send_digests(now):
    """Sends every member whose digest of some sector is due their one email. A member whose
    digest fails is logged and left due (the next run tries again), and the others still get
    theirs. Returns how many were sent, or, when some failed, a short text saying how many of
    each."""
    users = {}
    # Only those with something left to cover can be due (`SectorMembership.digest_due`).
    memberships = SectorMembership.objects.with_digest().filter(
        digest_sent_until__lt=now - DIGEST_LAG
    )
    for membership in memberships.select_related("user"):
        if membership.user.is_active and membership.digest_due(now):
            users.setdefault(membership.user_id, membership.user)
    sent = failed = 0
    for user in users.values():
        try:
            sent += send_digest(user, now)
        except Exception:
            logger.exception("The sector digest of member %s failed", user.pk)
            failed += 1
    if failed:
        return gettext("%(sent)d sent, %(failed)d failed (see the log)") % {
            "sent": sent,
            "failed": failed,
        }
    return sent
