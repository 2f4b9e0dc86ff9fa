"""Pages in the other language the day they are approved: machine translation through
wagtail-localize's own translation objects, in the background, labelled until an editor reviewed it.

- `queue_translation(page)` makes (or updates) wagtail-localize's `TranslationSource` of the
  published page and a `Translation` into every other language, records a `MachineTranslation`
  for each, and enqueues `translate_in_background` once the transaction is committed. Members'
  approved contributions are queued by the lifecycle service; editors queue their own pages with
  "Translate and publish"; a source page published again is queued again (`source_published`).
- `translate(record)` (the task) machine-translates only the segments that have no translation
  yet: a segment an editor corrected keeps its correction, a segment whose source text changed is
  translated anew. It then publishes the translation: an alias becomes a real translated page.
- A translator that cannot be reached, refuses, or is over its quota leaves the page as it was
  (the labelled original, an alias), records the error and tries again later (`RETRY_DELAYS`);
  the editors' dashboard shows it. The scheduled job `machine-translations` picks up what is
  due, so a retry survives a worker restart and a queue that cannot wait.
- A machine translation is labelled on the page ("Machine translated from German", linking the
  original) until an editor reviewed it: published it from the translation editor, or marked it
  reviewed on the dashboard (`mark_reviewed`). New machine-translated segments bring the label back.
- Without a translator configured, nothing is queued: a contribution appears in the other
  language as its labelled original (`ensure_aliases`), in both directions.

The glossary (`GlossaryTerm`, a snippet editors keep) is applied by the translators
(home/translators.py)."""

import logging
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, override
from django_tasks import task
from wagtail.models import Locale, Page, PageLogEntry
from wagtail.signals import page_published, page_unpublished
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue

from .cache import PAGES, SITE_FLAGS, bump, language_code_of, site_flag
from .schedule import scheduled
from .translation_editor import slug_of_title
from .translation_progress import label_of, labels_of

logger = logging.getLogger(__name__)

# Seconds before each further attempt when the translator fails: 1 min, 5 min, 15 min, 1 h,
# 3 h, then every 6 h. A translator over its monthly quota comes back after days; the page stays
# the labelled original meanwhile, and the dashboard says so.
RETRY_DELAYS = [60, 300, 900, 3600, 10800, 21600]
# The site flag (home/cache.py) that says whether any page carries the machine translation label.
AWAITING_REVIEW = "machine_translations_to_review"
# The longest wait before a further attempt, whatever the translator asks (seconds).
LONGEST_WAIT = 7 * 24 * 3600
# A translation claimed by a worker longer ago than this belongs to a worker that died.
CLAIM_TIMEOUT = timedelta(minutes=15)


class GlossaryTerm(models.Model):
    """A term the machine translator must not translate (a place, a foundation) or must
    translate one fixed way. An empty side is the same term as the other side."""

    dutch = models.CharField(
        _("Dutch"),
        max_length=200,
        blank=True,
        help_text=_(
            "Leave one language empty for a term that is never translated (a place, a name)."
        ),
    )
    german = models.CharField(
        _("German"),
        max_length=200,
        blank=True,
        help_text=_(
            "Both filled in: the translator always translates the one as the other. Applies to "
            "translations made from now on; correct earlier ones in the translation editor."
        ),
    )
    note = models.CharField(_("note for editors"), max_length=300, blank=True)

    class Meta:
        app_label = "home"
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["dutch", "german"]

    def __str__(self):
        if self.dutch and self.german and self.dutch != self.german:
            return f"{self.dutch} ↔ {self.german}"
        return self.dutch or self.german

    def clean(self):
        self.dutch, self.german = self.dutch.strip(), self.german.strip()
        if not (self.dutch or self.german):
            raise ValidationError(_("Give the term in Dutch, in German or in both."))

    def term_in(self, language_code):
        own = {"nl": self.dutch, "de": self.german}.get(language_code, "")
        return own or self.dutch or self.german


def glossary_pairs(source_code, target_code):
    """(source term, target term) of every glossary term, longest source term first (so that
    "Stichting Jumelage Steenwijkerland" is found before "Steenwijkerland"), once each."""
    pairs = {}
    for term in GlossaryTerm.objects.all():
        source, target = term.term_in(source_code), term.term_in(target_code)
        if source:
            pairs.setdefault(source, target)
    return sorted(pairs.items(), key=lambda pair: (-len(pair[0]), pair[0]))


class MachineTranslation(models.Model):
    """The machine translation of one page into one language (a wagtail-localize `Translation`):
    its progress in the background queue and whether an editor reviewed it."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting for the translator")
        TRANSLATING = "translating", _("being translated")
        TRANSLATED = "translated", _("translated")
        FAILED = "failed", _("failed, will be tried again")

    translation = models.OneToOneField(
        Translation, on_delete=models.CASCADE, related_name="machine_translation"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.WAITING
    )
    # Who asked for it: an editor's "Translate and publish"; empty for an approved contribution.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # When it was last asked for (approval, a publish of the source, an editor): a run that
    # started before sees that it is to run again.
    requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the translator's text was last published, and how many segments it translated then.
    translated_at = models.DateTimeField(_("machine translated"), null=True, blank=True)
    segments_translated = models.PositiveIntegerField(default=0)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "home"
        verbose_name = _("machine translation")
        verbose_name_plural = _("machine translations")

    def __str__(self):
        return f"{self.translation.source.object_repr} → {self.target_language}"

    @property
    def target_language(self):
        return language_code_of(self.translation.target_locale_id)

    @property
    def source_language(self):
        return language_code_of(self.translation.source.locale_id)

    @property
    def problem(self):
        """What went wrong, in the reader's language; `last_error` holds the details, in
        English (the translator's own words)."""
        kind = self.last_error.partition(":")[0]
        return {
            "QuotaExceeded": _("The translator's quota is used up for now."),
            "TranslatorUnavailable": _(
                "The translator could not be reached or refused the request."
            ),
            "TranslatorMissing": _("No machine translator is configured."),
            "PageLocked": _("An editor has locked the page; it is tried again later."),
        }.get(kind, _("The translated page could not be saved."))

    @property
    def awaiting_review(self):
        return self.translated_at is not None and self.reviewed_at is None

    def source_page(self):
        return Page.objects.filter(
            translation_key=self.translation.source.object_id,
            locale_id=self.translation.source.locale_id,
        ).first()

    def target_page(self):
        return Page.objects.filter(
            translation_key=self.translation.source.object_id,
            locale_id=self.translation.target_locale_id,
        ).first()


def translator():
    """The configured machine translator (DeepL or LibreTranslate, see settings), or None."""
    return get_machine_translator()


def other_locales(page):
    return Locale.objects.exclude(pk=page.locale_id).filter(
        language_code__in=[code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    )


def ensure_aliases(page):
    """In every other language where `page` has no version yet, its alias (its parents' too,
    when they have none): readers of that language find it, labelled as written in the other
    language. Aliases follow their original: published, changed and unpublished with it."""
    made = []
    for locale in other_locales(page):
        if not page.has_translation(locale):
            made.append(page.copy_for_translation(locale, copy_parents=True, alias=True))
    return made


def queue_translation(page, *, requested_by=None):
    """Queues the machine translation of the published `page` (its source version) into every
    other language; returns the MachineTranslation records. Nothing is queued without a
    translator: the page stays readable there as its labelled original."""
    if translator() is None:
        return []
    # As stored now (the caller's copy may predate the publish), and the original of an alias.
    page = Page.objects.get(pk=page.alias_of_id or page.pk).specific
    source, _created = TranslationSource.update_or_create_from_instance(page)
    records = []
    for locale in other_locales(page):
        target = page.get_translation_or_none(locale)
        if (
            target is not None
            and target.alias_of_id is None
            and not _made_by_localize(source, locale)
        ):
            # Translated by hand outside wagtail-localize: an editor's page, left alone.
            continue
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        if not translation.enabled:
            # An editor stopped the translation (wagtail-localize's "Stop translation") to
            # translate the page by hand: theirs, left alone.
            continue
        record, _created = MachineTranslation.objects.get_or_create(
            translation=translation, defaults={"requested_by": requested_by}
        )
        record.requested_at = timezone.now()
        record.next_attempt_at = record.requested_at
        record.attempts = 0
        if record.status != MachineTranslation.Status.TRANSLATING:
            # A run that is busy sees `requested_at` when it finishes and runs again.
            record.status = MachineTranslation.Status.WAITING
        if requested_by is not None:
            record.requested_by = requested_by
        record.save(
            update_fields=["status", "requested_at", "next_attempt_at", "attempts", "requested_by"]
        )
        records.append(record)
    for record in records:
        transaction.on_commit(lambda pk=record.pk: _enqueue(pk))
    return records


def _made_by_localize(source, locale):
    return Translation.objects.filter(source=source, target_locale=locale).exists()


def _enqueue(pk, run_after=None):
    if run_after is not None and translate_in_background.get_backend().supports_defer:
        translate_in_background.using(run_after=run_after).enqueue(pk)
    elif run_after is None:
        translate_in_background.enqueue(pk)
    # A backend that cannot wait leaves a retry to the scheduled job `machine-translations`.


@task(priority=0)
def translate_in_background(record_id):
    """Translates and publishes one page in one language; on failure it is tried again later."""
    return translate(record_id)


def translate(record_id, now=None):
    """Runs one MachineTranslation unless it is not due or another worker holds it. Returns
    what happened."""
    now = now or timezone.now()
    with transaction.atomic():
        record = (
            MachineTranslation.objects.select_for_update()
            .select_related("translation__source", "translation__target_locale")
            .filter(pk=record_id)
            .first()
        )
        if record is None or record.status == MachineTranslation.Status.TRANSLATED:
            return "nothing to do"
        if record.status == MachineTranslation.Status.TRANSLATING and (
            record.claimed_at and record.claimed_at > now - CLAIM_TIMEOUT
        ):
            return "being translated by another worker"
        if record.next_attempt_at and record.next_attempt_at > now:
            return "not due"
        if not record.translation.enabled:
            # An editor stopped the translation (wagtail-localize's "Stop translation") since it
            # was queued: the page is theirs now, a retry or "Try again now" leaves it alone.
            MachineTranslation.objects.filter(pk=record.pk).update(
                status=MachineTranslation.Status.TRANSLATED,
                next_attempt_at=None,
                claimed_at=None,
                last_error="",
            )
            return "stopped by an editor"
        record.status = MachineTranslation.Status.TRANSLATING
        record.claimed_at = now
        record.attempts += 1
        record.save(update_fields=["status", "claimed_at", "attempts"])
    machine = translator()
    try:
        if machine is None:
            raise TranslatorMissing(_("No machine translator is configured."))
        # The error is kept in English, the translator's own language; the dashboard says in
        # each editor's language what kind of problem it is (`problem`).
        with override("en"):
            count, outcome = translate_and_publish(record.translation, machine)
    except Exception as error:  # noqa: BLE001 - every failure of the translator is retried
        return _retry_later(record, error)
    record_translated(record, count, published=outcome == PUBLISHED)
    return f"{outcome}: translated {count} segment(s)"


# What `translate_and_publish` did with the translated page.
PUBLISHED = "published"
# The original is off the site (unpublished, hidden after reports) since it was queued.
SOURCE_NOT_LIVE = "source not live"
# An editor keeps the translation off the site, or is correcting it in the translation editor:
# the machine's segments are stored for them, nothing is published.
LEFT_TO_EDITOR = "left to the editor"


class PageLocked(Exception):
    pass


def translate_and_publish(translation, machine):
    """Reads the source page as published now, has `machine` translate the segments without a
    translation and publishes the translated page (an alias becomes a real page). Returns how
    many segments the machine translated and what became of the page."""
    source = translation.source
    if not source.get_source_instance().live:
        return 0, SOURCE_NOT_LIVE
    source.update_from_db()
    count = machine_translate_segments(translation, machine)
    return count, publish_translation(translation)


def publish_translation(translation):
    """Publishes what wagtail-localize makes of the source and its translated segments, in one
    transaction with the original's row locked: an original hidden after reports or unpublished
    meanwhile is never shown in another language (the reports lock the same rows). A page an
    editor took off the site, locks, or is correcting in the translation editor is theirs: it is
    not published. The translation is the site's page, not the author's (an alias was copied
    with its owner): a member's own pages, drafts and data export hold what they wrote."""
    key, locale = translation.source.object_id, translation.target_locale
    with transaction.atomic():
        original = (
            Page.objects.select_for_update()
            .filter(translation_key=key, locale_id=translation.source.locale_id)
            .first()
        )
        if original is None or not original.live:
            return SOURCE_NOT_LIVE
        target = Page.objects.filter(translation_key=key, locale=locale).first()
        if target is not None and target.locked:
            raise PageLocked(
                f"The page in {locale.language_code} is locked by an editor; tried again later."
            )
        if left_to_editor(translation, target):
            return LEFT_TO_EDITOR
        translation.save_target(user=None, publish=False)
        target = Page.objects.get(translation_key=key, locale=locale)
        target.get_latest_revision().publish()
        Page.objects.filter(pk=target.pk).exclude(owner=None).update(owner=None)
    return PUBLISHED


def left_to_editor(translation, target):
    """Whether the machine leaves `target` (the page of `translation`, or None) as it is: an
    editor took it off the site or is correcting it in the translation editor."""
    return (
        target is not None
        and target.alias_of_id is None
        and (
            (not target.live and _taken_off_by_editor(target))
            or _editor_at_work(translation, target)
        )
    )


# The log entries of a page taken off the site that no editor took off by itself: a machine
# translation following its original (`follow_original`), and a member's contribution hidden
# until the editors decide whether it comes back (after reports: community.contributions.hide).
# Wagtail logs an unpublish as the request's user: in the admin, as the editor who unpublished
# the original or the moderator who took it off, as if they had taken off the translation.
FOLLOWED_ORIGINAL = "jumelage.followed_original"
HIDDEN_UNTIL_DECIDED = "jumelage.hidden_until_decided"


def _taken_off_by_editor(page):
    """An editor unpublished the page (or it was never published): not the machine following
    its original off the site, nor a contribution hidden until the editors decide, by members'
    reports or by the moderation (a "wagtail.unpublish" without a user: logged before these
    had entries of their own)."""
    last = list(
        PageLogEntry.objects.filter(
            page_id=page.pk,
            action__in=["wagtail.unpublish", FOLLOWED_ORIGINAL, HIDDEN_UNTIL_DECIDED],
        )
        .order_by("-timestamp", "-pk")
        .values_list("action", "user_id")[:1]
    )
    if not last:
        return True
    action, user_id = last[0]
    return action == "wagtail.unpublish" and user_id is not None


def _editor_at_work(translation, target):
    """An editor changed a segment in the translation editor since the page was last published:
    their work is not published by the machine (they publish it themselves)."""
    return StringTranslation.objects.filter(
        locale=translation.target_locale,
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        translation_of__in=StringSegment.objects.filter(source=translation.source).values(
            "string_id"
        ),
        updated_at__gt=target.last_published_at or target.latest_revision_created_at,
    ).exists()


def translate_now(page, locale, machine):
    """Translates `page` into `locale` with `machine` at once, in this process, recorded as a
    machine translation awaiting review (the demo's translated member story)."""
    page = Page.objects.get(pk=page.pk).specific  # as published
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    record, _created = MachineTranslation.objects.get_or_create(translation=translation)
    count, outcome = translate_and_publish(translation, machine)
    record_translated(record, count, published=outcome == PUBLISHED)
    return record


def record_translated(record, count, *, published):
    changes = {
        "status": MachineTranslation.Status.TRANSLATED,
        "last_error": "",
        "next_attempt_at": None,
        "claimed_at": None,
    }
    requested_again = (
        record.claimed_at is not None
        and MachineTranslation.objects.filter(
            pk=record.pk, requested_at__gt=record.claimed_at
        ).exists()
    )
    if requested_again:
        # The source was published again while this run translated it: another run follows.
        changes.update(status=MachineTranslation.Status.WAITING, next_attempt_at=timezone.now())
        transaction.on_commit(lambda: _enqueue(record.pk))
    if published and _unreviewed_machine_text(record):
        # The published page holds text from the machine no editor reviewed (of this run, or of
        # one that could not publish it): labelled until an editor reviewed it. A page whose
        # every segment was translated by hand gets no label.
        changes.update(
            translated_at=timezone.now(),
            segments_translated=count,
            reviewed_at=None,
            reviewed_by=None,
        )
    MachineTranslation.objects.filter(pk=record.pk).update(**changes)
    bump(PAGES)


def _unreviewed_machine_text(record):
    translation = record.translation
    text = StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        has_error=False,
        translation_of__in=StringSegment.objects.filter(source_id=translation.source_id).values(
            "string_id"
        ),
    )
    if record.reviewed_at is not None:
        text = text.filter(updated_at__gt=record.reviewed_at)
    return text.exists()


class TranslatorMissing(Exception):
    pass


def _retry_later(record, error):
    delay = RETRY_DELAYS[min(record.attempts, len(RETRY_DELAYS)) - 1]
    try:
        delay = max(delay, int(getattr(error, "retry_after", None) or 0))
    except (TypeError, ValueError):
        pass
    # A translator asking to wait for years (or a broken Retry-After) is asked again in a week.
    delay = min(delay, LONGEST_WAIT)
    record.status = MachineTranslation.Status.FAILED
    record.last_error = f"{type(error).__name__}: {error}"[:2000]
    record.next_attempt_at = timezone.now() + timedelta(seconds=delay)
    record.claimed_at = None
    record.save(update_fields=["status", "last_error", "next_attempt_at", "claimed_at"])
    logger.warning(
        "Machine translation %s (attempt %d) failed, next attempt at %s: %s",
        record.pk,
        record.attempts,
        record.next_attempt_at.isoformat(),
        record.last_error,
    )
    transaction.on_commit(lambda: _enqueue(record.pk, run_after=record.next_attempt_at))
    return "retry"


def machine_translate_segments(translation, machine):
    """Asks the translator for every segment of `translation` that has no translation in its
    language yet (never one an editor corrected, never one translated before whose source did
    not change); stores the answers as wagtail-localize's machine translations. Returns how many
    segments it translated."""
    source, locale = translation.source, translation.target_locale
    if not machine.can_translate(source.locale, locale):
        raise TranslatorMissing(_("The machine translator cannot translate these languages."))
    existing = StringTranslation.objects.filter(
        locale=locale,
        translation_of__in=StringSegment.objects.filter(source=source).values("string_id"),
    )
    # A machine answer wagtail-localize refused (block tags, attributes) is asked again.
    done = {
        (string_id, context_id): data
        for string_id, context_id, data, refused, kind in existing.values_list(
            "translation_of_id", "context_id", "data", "has_error", "translation_type"
        )
        if not (refused and kind == StringTranslation.TRANSLATION_TYPE_MACHINE)
    }
    wanted = defaultdict(list)
    slug = title = None
    for segment in source.stringsegment_set.select_related("context", "string"):
        place = (segment.string_id, segment.context_id)
        if segment.context.path == "title":
            title = place
        if place in done:
            continue
        if segment.context.path == "slug":
            slug = place  # follows the translated title (below), glossary terms and all
            continue
        value = StringSegmentValue(segment.context.path, segment.string.as_value())
        wanted[value.string].append(place)
    answers = machine.translate(source.locale, locale, list(wanted)) if wanted else {}
    translated = {}
    for string, places in wanted.items():
        answer = answers.get(string)
        if answer is not None and answer.data is not None:
            for place in places:
                translated[place] = answer.data
    title_text = translated.get(title) or done.get(title)
    if slug is not None and title_text:
        translated[slug] = slug_of_title(title_text) or None
    count = 0
    with transaction.atomic():
        for (string_id, context_id), data in translated.items():
            if not data:
                continue
            stored, created = StringTranslation.objects.get_or_create(
                translation_of_id=string_id,
                locale=locale,
                context_id=context_id,
                defaults=_machine_answer(data, machine),
            )
            if not created:
                if not (
                    stored.has_error
                    and stored.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
                ):
                    continue  # an editor translated it meanwhile: theirs stays
                for field, value in _machine_answer(data, machine).items():
                    setattr(stored, field, value)
                stored.save()
            count += 1
    return count


def _machine_answer(data, machine):
    return {
        "data": data,
        "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
        "tool_name": machine.display_name,
        "last_translated_by": None,
        "has_error": False,
        "field_error": "",
    }


@scheduled(
    "machine-translations",
    every=timedelta(minutes=1),
    description=_("Translates the pages waiting for the machine translator, and tries again."),
    counts=ngettext_lazy("%(count)s page translated", "%(count)s pages translated", "count"),
)
def run_due(now):
    """Runs every machine translation that is due (a retry, or one a stopped worker left)."""
    due = MachineTranslation.objects.filter(
        models.Q(
            status__in=[MachineTranslation.Status.WAITING, MachineTranslation.Status.FAILED],
            next_attempt_at__lte=now,
        )
        | models.Q(status=MachineTranslation.Status.TRANSLATING, claimed_at__lt=now - CLAIM_TIMEOUT)
    ).values_list("pk", flat=True)
    done = 0
    for pk in list(due):
        try:
            if translate(pk, now=now).startswith(PUBLISHED):
                done += 1
        except Exception:
            # One broken record never keeps the others waiting.
            logger.exception("Machine translation %s could not be run", pk)
    return done


def retry_now(record):
    """An editor's "Try again now" on the dashboard."""
    MachineTranslation.objects.filter(pk=record.pk).exclude(
        status=MachineTranslation.Status.TRANSLATING
    ).update(status=MachineTranslation.Status.WAITING, next_attempt_at=timezone.now())
    transaction.on_commit(lambda: _enqueue(record.pk))


def mark_reviewed(record, user):
    """An editor read the machine translation: its label goes."""
    updated = MachineTranslation.objects.filter(
        pk=record.pk, translated_at__isnull=False, reviewed_at__isnull=True
    ).update(reviewed_at=timezone.now(), reviewed_by=user)
    if updated:
        bump(PAGES)
    return bool(updated)


def awaiting_review():
    """Machine translations published and not yet reviewed, oldest first: those readers see,
    so not one whose page is off the site (taken off by the moderation, unpublished by an
    editor). Reviewing a page nobody reads can wait: it comes back here, still unreviewed,
    when it is published again."""
    on_the_site = Page.objects.filter(
        translation_key=models.OuterRef("translation__source__object_id"),
        locale_id=models.OuterRef("translation__target_locale_id"),
        live=True,
    )
    return (
        MachineTranslation.objects.filter(translated_at__isnull=False, reviewed_at__isnull=True)
        .filter(models.Exists(on_the_site))
        .select_related("translation__source", "translation__target_locale")
        .order_by("translated_at")
    )


def failing():
    """Machine translations the translator failed, waiting for their next attempt."""
    return (
        MachineTranslation.objects.filter(status=MachineTranslation.Status.FAILED)
        .select_related("translation__source", "translation__target_locale")
        .order_by("next_attempt_at")
    )


def _awaiting_review_exists():
    return models.Exists(
        MachineTranslation.objects.filter(translated_at__isnull=False, reviewed_at__isnull=True)
    )


# Asked with the site's languages (home/cache.py): no query of its own when nothing awaits review.
SITE_FLAGS[AWAITING_REVIEW] = _awaiting_review_exists


def labels():
    """{(translation key, locale id): source language code} of every page shown as an
    unreviewed machine translation: one cached read for any number of pages, none when no
    machine translation awaits review."""
    if not site_flag(AWAITING_REVIEW):
        return {}
    return labels_of(
        "machine-translation-labels",
        MachineTranslation.objects.filter(translated_at__isnull=False, reviewed_at__isnull=True),
    )


def machine_translated_from(page):
    """The language code `page` was machine-translated from, while no editor reviewed it; else
    None (a page of its own language, a reviewed translation, an alias)."""
    label = label_of(page, labels)
    return label[0] if label is not None else None


def source_published(sender, instance, revision=None, **kwargs):
    """A page was published. Its machine translations' source: translated again (only what
    changed). A machine translation an editor published from the translation editor: reviewed."""
    page = instance
    key = str(page.translation_key)
    records = MachineTranslation.objects.filter(translation__source__object_id=key)
    if not records.exists():
        return
    user = getattr(revision, "user", None)
    if records.filter(translation__source__locale_id=page.locale_id).exists():
        if not page.alias_of_id:
            queue_translation(page)
        return
    if user is not None:
        for record in records.filter(translation__target_locale_id=page.locale_id):
            mark_reviewed(record, user)


def translated_again_when_published(page):
    """The locale ids of `page`'s machine translations the machine publishes again once `page`
    (their source) is published (`source_published`), as it does after reports hid them all:
    none without a translator, none an editor stopped to translate by hand, took off the site
    or is correcting (`left_to_editor`)."""
    if translator() is None or page.alias_of_id:
        return set()
    records = MachineTranslation.objects.filter(
        translation__source__object_id=page.translation_key,
        translation__source__locale_id=page.locale_id,
        translation__enabled=True,
    ).select_related("translation")
    versions = {
        version.locale_id: version
        for version in Page.objects.filter(translation_key=page.translation_key)
    }
    return {
        record.translation.target_locale_id
        for record in records
        if not left_to_editor(record.translation, versions.get(record.translation.target_locale_id))
    }


def source_unpublished(sender, instance, **kwargs):
    """An original taken off the site (by an editor, or hidden after reports) takes its machine
    translations with it, as its aliases go with it: never readable in the other language only."""
    targets = MachineTranslation.objects.filter(
        translation__source__object_id=instance.translation_key,
        translation__source__locale_id=instance.locale_id,
    ).values_list("translation__target_locale_id", flat=True)
    targets = [] if instance.alias_of_id else list(targets)
    if targets:
        follow_original(instance, targets)


def follow_original(original, locale_ids):
    for page in Page.objects.filter(
        translation_key=original.translation_key,
        locale_id__in=locale_ids,
        alias_of__isnull=True,
        live=True,
    ).specific():
        page.unpublish(log_action=FOLLOWED_ORIGINAL)


def connect_signals():
    page_published.connect(source_published, dispatch_uid="machine-translation-published")
    page_unpublished.connect(source_unpublished, dispatch_uid="machine-translation-unpublished")
