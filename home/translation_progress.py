"""Pages published with passages still in the language they were translated from.

wagtail-localize publishes a translation whose every passage is not translated yet with the
original's words in their place (its translation editor warns the editor, and lets her publish
all the same). A visitor of the German site then reads Dutch passages without being told. So
whenever such a page is published, the passages still without a translation are counted
(`IncompleteTranslation`), and the page says it is partly translated, with a link to the
original, until a publish with every passage translated; the cards of listings say so too.

Read as the machine translation labels are (home/machine_translation.py): one site flag in the
query every request makes, and while any page is partly translated, one cached read for all."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.signals import page_published
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .cache import PAGES, SITE_FLAGS, bump, language_code_of, remember, site_flag

# The site flag (home/cache.py) that says whether any page is partly translated.
PARTLY_TRANSLATED = "partly_translated_pages"


class IncompleteTranslation(models.Model):
    """A translation (wagtail-localize's) last published with passages of its original."""

    translation = models.OneToOneField(
        Translation, on_delete=models.CASCADE, related_name="incomplete"
    )
    untranslated = models.PositiveIntegerField(_("passages not translated"))
    total = models.PositiveIntegerField(_("passages"))
    published_at = models.DateTimeField(_("published"), auto_now=True)

    class Meta:
        verbose_name = _("partly translated page")
        verbose_name_plural = _("partly translated pages")

    def __str__(self):
        return f"{self.translation}: {self.untranslated}/{self.total}"


# Set while a translation is published again as it was, with only facts of its original pushed
# to it (exchanges.signal_handlers): its words are those of its last publish, and the passages
# translated in the editor since, not yet published, must not count as shown.
_republishing = ContextVar("republishing_as_it_was", default=False)


@contextmanager
def republishing_as_it_was():
    token = _republishing.set(True)
    try:
        yield
    finally:
        _republishing.reset(token)


def translation_published(sender, instance, **kwargs):
    """A page was published: when it is the target of a translation, what of it is still the
    original's words, as it now shows; no record when everything is translated."""
    page = instance
    if page.alias_of_id or _republishing.get():
        return
    translations = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    )
    translation = translations.filter(enabled=True).first()
    if translation is None:
        # Not a translation (an original, a page of its own language), or no longer kept in sync
        # with its original: an editor writes it in Wagtail's own editor.
        changed = IncompleteTranslation.objects.filter(translation__in=translations).delete()[0]
    else:
        total, translated = passages(translation)
        if translated < total:
            IncompleteTranslation.objects.update_or_create(
                translation=translation,
                defaults={"untranslated": total - translated, "total": total},
            )
            changed = True
        else:
            changed = IncompleteTranslation.objects.filter(translation=translation).delete()[0]
    if changed:
        bump(PAGES)


def passages(translation):
    """(passages, passages translated) of what `translation`'s page shows: wagtail-localize's
    `get_progress` without the slug, which is part of the page's address, not of its text (a
    page whose every word was translated said it was partly Dutch; walk of 2026-12-05, F1)."""
    counts = shown_passages(translation.source_id).aggregate(
        total=Count("pk"),
        translated=Count("pk", filter=Q(translated_into(translation.target_locale_id))),
    )
    return counts["total"], counts["translated"]


def shown_passages(source):
    """The segments of `source` (an id or an `OuterRef`) that a page shows as text: the slug is
    part of its address."""
    return StringSegment.objects.filter(source_id=source).exclude(context__path="slug")


def translated_into(locale):
    """Whether a segment (of the query this is used in) has a usable translation into `locale`
    (an id or an `OuterRef`), as wagtail-localize's `get_progress` counts it."""
    return Exists(
        StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale,
            has_error=False,
        )
    )


def untranslated_passages():
    """For a query of wagtail-localize's `Translation`s: how many passages of each one's source
    have no translation into its language yet, as `passages` counts them, in the same query for
    any number of translations."""
    missing = (
        shown_passages(OuterRef("source_id"))
        .filter(~translated_into(OuterRef(OuterRef("target_locale_id"))))
        .order_by()
        .values("source_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(missing), 0)


def _any_partly_translated():
    return models.Exists(IncompleteTranslation.objects.all())


SITE_FLAGS[PARTLY_TRANSLATED] = _any_partly_translated


def labels():
    """{(translation key, locale id): (source language code, whether not one passage is
    translated)} of every partly translated page: one cached read for any number of pages, none
    while no page is partly translated."""
    if not site_flag(PARTLY_TRANSLATED):
        return {}
    records = IncompleteTranslation.objects.annotate(
        nothing_translated=models.Q(untranslated=models.F("total"))
    )
    return labels_of("partly-translated-labels", records, "nothing_translated")


def labels_of(name, records, *more):
    """{(translation key, locale id): (source language code, *values of the fields `more`)} of
    the pages `records` (of a model with a `translation`) label, kept in the content cache as
    `name` until pages change."""

    def compute():
        rows = records.values_list(
            "translation__source__object_id",
            "translation__target_locale_id",
            "translation__source__locale_id",
            *more,
        )
        return [[str(key), target, source, *rest] for key, target, source, *rest in rows]

    return {
        (key, target): (language_code_of(source), *rest)
        for key, target, source, *rest in remember(name, compute, kinds=(PAGES,))
    }


def label_of(page, labels):
    """What `labels()` (a `labels_of`) says of `page`; None for an alias, which shows its
    original as it is, and for a page it says nothing of."""
    if page is None or not page.pk or page.alias_of_id:
        return None
    return labels().get((str(page.translation_key), page.locale_id))


def partly_translated_from(page):
    """The language code of the original whose words parts of `page` still show; else None."""
    label = label_of(page, labels)
    return label[0] if label is not None and not label[1] else None


def untranslated_from(page):
    """The language code of the original when not one passage of `page` is translated yet (its
    translation published as it was made): the page is in that language, as an alias is."""
    label = label_of(page, labels)
    return label[0] if label is not None and label[1] else None


def alias_keeps_its_address(sender, instance, created=False, raw=False, **kwargs):
    """A translation made of a page that has an alias in its language (the untranslated version
    visitors read until now) takes the alias's slug as the slug's translation: the page keeps its
    address in that language, which the translation editor offered as the original's (walk of
    2026-12-05, F2). An editor may still change it there."""
    if not created or raw:
        return
    source = instance.source
    alias = (
        Page.objects.filter(
            translation_key=source.object_id,
            locale_id=instance.target_locale_id,
            alias_of__isnull=False,
        )
        .only("slug")
        .first()
    )
    segment = source.stringsegment_set.filter(context__path="slug").select_related("string").first()
    if alias is None or segment is None or alias.slug == segment.string.data:
        return
    StringTranslation.objects.get_or_create(
        translation_of=segment.string,
        locale_id=instance.target_locale_id,
        context_id=segment.context_id,
        defaults={
            "data": alias.slug,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
        },
    )


def connect_signals():
    page_published.connect(translation_published, dispatch_uid="translation-progress-published")
    post_save.connect(
        alias_keeps_its_address, sender=Translation, dispatch_uid="translation-alias-address"
    )
