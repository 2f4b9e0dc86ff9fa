"""Sector digests: one email to a member with what is new in their sector communities (new
stories, new and changed meetings), as often as they chose per sector (see
community.models.members: none, as it happens, daily at 07:00, weekly on Monday at 07:00).

A scheduled job runs every five minutes. For each member with a sector whose digest is due it
sends one email combining those sectors, in the member's language, then records per membership
up to when it was sent (`digest_sent_until`): an item is in one digest only, and a run that finds
nothing new sends nothing but still records that the period was looked at. A period ends
`DIGEST_LAG` before the run; meetings are in it by Wagtail's record of their publications in it
(not by their latest publication, which a later edit moves), and a changed one is judged by
comparing its version live at the period's start with the one live at its end. A run reads the
news of each sector once for all its members (`SectorNews`), so what it costs grows with the
sectors and what was published, not with the members; each member's email and the record of
their period are written together. The email has a key made of what it covers, and the period
is recorded only if no other run recorded it meanwhile, so two runs at once never send it
twice."""

import datetime
import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.core import signing
from django.db import transaction
from django.db.models import Min, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext_lazy
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
    """The member's id a token names, or None for a token that is not ours. A token never
    expires: a digest found in the mailbox years later still stops digests (RFC 8058), which is
    sound because it does nothing else (`digest_unsubscribe`): it shows nothing of the member,
    changes nothing but her digest choices, and logs nobody in. Keep it so."""
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


def _first_published(keys):
    """{translation key: when any version of the page was first published}: a page first
    published by the start of a period is not new in it."""
    return dict(
        Page.objects.filter(translation_key__in=keys, first_published_at__isnull=False)
        .values("translation_key")
        .annotate(first=Min("first_published_at"))
        .values_list("translation_key", "first")
    )


def _versions(model, keys):
    """{translation key: [live, public versions]} of the pages, not aliases, in the order
    they were first published."""
    versions = defaultdict(list)
    pages = (
        model.objects.live()
        .public()
        .filter(translation_key__in=keys, alias_of__isnull=True)
        .select_related("locale")
        .order_by("first_published_at", "pk")
    )
    for page in pages:
        versions[page.translation_key].append(page)
    return versions


def _shown(versions, code):
    """The Item of the version a reader of `code` gets: theirs, else the first published."""
    shown = None
    for page in versions:
        language = page.locale.language_code
        if shown is None or language == code:
            shown = Item(page, "" if language == code else language)
    return shown


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


class SectorNews:
    """What was published in one sector community from `since` (the earliest start of the
    periods its members' digests cover) to `until`, read in a few queries whatever the number
    of members; `stories` and `meetings` pick out each member's part (their own period, their
    language) without another query.

    Stories are those first published in the member's period, not the member's own (they were
    told when it was published). Meetings are those that have not ended and were published in
    the period: new ones (no version published by its start), and those whose version live at
    `until` differs from the one live at the start in what a participant notices. Meetings are
    in a period by Wagtail's record of their publications in it, so a later republication (a
    typo fixed within `DIGEST_LAG`, or during a worker's downtime) does not hide one; the
    schedule is the source's (exchanges.signal_handlers), so is its history."""

    def __init__(self, sector_key, since, until, now):
        self.until = until
        sector = {f"{MeetingPage.sector_links_name}__sector__translation_key": sector_key}
        self.story_versions = list(
            _published_in(StoryPage, sector_key, since, until, "first_published_at").values_list(
                "translation_key", "first_published_at", "owner_id"
            )
        )
        meeting_keys = set(
            MeetingPage.objects.live()
            .public()
            .filter(alias_of__isnull=True, end__gte=now, **sector)
            .filter(
                translation_key__in=PageLogEntry.objects.filter(
                    action="wagtail.publish", timestamp__gt=since, timestamp__lte=until
                ).values("page__translation_key")
            )
            .values_list("translation_key", flat=True)
        )
        self.publications = defaultdict(list)
        for key, timestamp in PageLogEntry.objects.filter(
            page__translation_key__in=meeting_keys,
            action="wagtail.publish",
            timestamp__gt=since,
            timestamp__lte=until,
        ).values_list("page__translation_key", "timestamp"):
            self.publications[key].append(timestamp)
        story_keys = {key for key, _first, _owner in self.story_versions}
        self.first_published = _first_published(story_keys | meeting_keys)
        self.stories_shown = _versions(StoryPage, story_keys)
        self.meetings_shown = _versions(MeetingPage, meeting_keys)
        self.sources = {}
        for source in (
            MeetingPage.objects.live()
            .filter(translation_key__in=meeting_keys, alias_of__isnull=True)
            .select_related("locale", "latest_revision")
            .order_by("-first_published_at", "-pk")
        ):
            self.sources[source.translation_key] = source
        self.history = defaultdict(list)
        for entry in (
            PageLogEntry.objects.filter(
                page__in=list(self.sources.values()),
                action="wagtail.publish",
                timestamp__lte=until,
                revision__isnull=False,
            )
            .select_related("revision")
            .order_by("-timestamp", "-pk")
        ):
            self.history[entry.page_id].append(entry)
        self.revisions = {}

    def _seen_before(self, key, since):
        first = self.first_published.get(key)
        return first is not None and first <= since

    def stories(self, since, code, reader):
        keys = {
            key
            for key, first_published_at, owner_id in self.story_versions
            if first_published_at > since
            and owner_id != reader.pk
            and not self._seen_before(key, since)
        }
        items = [
            _shown(versions, code) for key, versions in self.stories_shown.items() if key in keys
        ]
        return sorted(items, key=lambda item: item.page.first_published_at)

    def _as_it_was(self, meeting, moment):
        """The meeting as it was published at `moment` (the revision of its last publication up
        to then), or None when no publication of it is recorded by then. A revision that cannot
        be read fails each digest that needs it."""
        entry = next((e for e in self.history[meeting.pk] if e.timestamp <= moment), None)
        if entry is None:
            return None
        revision = entry.revision
        if revision.pk not in self.revisions:
            revision.content_object = meeting  # the page of its log entry, read already
            try:
                self.revisions[revision.pk] = revision.as_object()
            except Exception as error:  # noqa: BLE001 - raised again for each digest
                self.revisions[revision.pk] = error
        found = self.revisions[revision.pk]
        if isinstance(found, Exception):
            raise found
        return found

    def meetings(self, since, code):
        items = []
        for key, published in self.publications.items():
            if not any(timestamp > since for timestamp in published):
                continue
            if not self._seen_before(key, since):
                change, moved_from = "new", None
            else:
                source = self.sources[key]
                after = self._as_it_was(source, self.until) or source
                change, moved_from = meeting_change(self._as_it_was(source, since), after)
            if change and self.meetings_shown[key]:
                item = _shown(self.meetings_shown[key], code)
                item.change, item.moved_from = change, moved_from
                items.append(item)
        return sorted(items, key=lambda item: (item.page.start, item.page.pk))


class News:
    """The news of every sector community a run reads, each sector read once, when a member's
    digest first needs it."""

    def __init__(self, memberships, until, now):
        self.until, self.now = until, now
        self.since = {}
        for membership in memberships:
            key, since = membership.sector_key, membership.digest_sent_until
            self.since[key] = min(since, self.since.get(key, since))
        self.sectors = {}

    def of(self, sector_key):
        if sector_key not in self.sectors:
            self.sectors[sector_key] = SectorNews(
                sector_key, self.since[sector_key], self.until, self.now
            )
        return self.sectors[sector_key]


def digest_sections(user, memberships, news):
    """What is new for the member in each of these sector communities since its last digest,
    the sectors with nothing new left out, in the order of the sectors' names."""
    code = user.language
    sections = []
    for membership in memberships:
        sector = sector_in_language(membership.sector_key, code)
        if sector is None:
            continue
        since = membership.digest_sent_until
        sector_news = news.of(membership.sector_key)
        section = Section(
            sector,
            stories=sector_news.stories(since, code, user),
            meetings=sector_news.meetings(since, code),
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


class RecordedMeanwhile(Exception):
    """Another run recorded this member's digest after this run read it."""


def send_digest(user, due, news, until):
    """Sends the member's digest of the sectors `due` (their memberships due), if anything is
    new; records the period as done either way, unless another run recorded it meanwhile (then
    nothing is sent). Returns whether an email was sent."""
    with translation.override(user.language):
        sections = digest_sections(user, due, news)
    with transaction.atomic():
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
        # Each period from where this run read it: a run that read it before another recorded
        # its digest changes nothing, and takes back its email.
        as_read = Q()
        for membership in due:
            as_read |= Q(pk=membership.pk, digest_sent_until=membership.digest_sent_until)
        if SectorMembership.objects.filter(as_read).update(digest_sent_until=until) != len(due):
            raise RecordedMeanwhile
    return sent


def _settings_path(user):
    with translation.override(user.language):
        return reverse("digest_settings")


@scheduled(
    "sector-digests",
    every=datetime.timedelta(minutes=5),
    description=_("Sends members the news of their sector communities, as often as they chose."),
    counts=ngettext_lazy("%(count)s digest sent", "%(count)s digests sent", "count"),
)
def send_digests(now):
    """Sends every member whose digest of some sector is due their one email. A member whose
    digest fails is logged and left due (the next run tries again), and the others still get
    theirs. Returns how many were sent, or, when some failed, a short text saying how many of
    each."""
    until = now - DIGEST_LAG
    due = {}
    # Only those with something left to cover can be due (`SectorMembership.digest_due`).
    memberships = SectorMembership.objects.with_digest().filter(digest_sent_until__lt=until)
    for membership in memberships.select_related("user").order_by("user_id", "pk"):
        if membership.user.is_active and membership.digest_due(now):
            due.setdefault(membership.user_id, []).append(membership)
    news = News([membership for member in due.values() for membership in member], until, now)
    sent = failed = 0
    for member in due.values():
        user = member[0].user
        try:
            sent += send_digest(user, member, news, until)
        except RecordedMeanwhile:
            continue
        except Exception:
            logger.exception("The sector digest of member %s failed", user.pk)
            failed += 1
    if failed:
        return gettext("%(sent)d sent, %(failed)d failed (see the log)") % {
            "sent": sent,
            "failed": failed,
        }
    return sent
