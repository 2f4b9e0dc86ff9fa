"""wagtail-localize's translation editor in the admin's language, where its Python leaves
English: the note under a translated segment says when ("Manuell übersetzt am 5 December 2026":
its date was written by `strftime`, with the month in English whatever the language). And a
page's address in the other language follows its translated title (`slug_follows_title`)."""

from django.db.models.signals import post_save, pre_save
from django.utils import formats, timezone
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue

from .urls_util import SLUG_LENGTH, ascii_slug

# A page's title column (Wagtail's `Page.title` and `draft_title`).
TITLE_LENGTH = Page._meta.get_field("title").max_length


def segment_comment(string_translation):
    """How and when a segment was translated, its date as the admin's language writes it
    (`DATE_FORMAT`, jumelage/formats/): wagtail-localize's own words around it."""
    date = formats.date_format(timezone.localtime(string_translation.updated_at))
    if string_translation.tool_name == SLUG_FROM_TITLE:
        return gettext("Made from the translated title on {date}").format(date=date)
    if string_translation.tool_name:
        return gettext("Translated with {tool_name} on {date}").format(
            tool_name=string_translation.tool_name, date=date
        )
    if string_translation.translation_type == string_translation.TRANSLATION_TYPE_MANUAL:
        return gettext("Translated manually on {date}").format(date=date)
    if string_translation.translation_type == string_translation.TRANSLATION_TYPE_MACHINE:
        return gettext("Machine translated on {date}").format(date=date)
    return None


def date_segment_comments():
    """In place of `StringTranslation.get_comment`, which the editor's API serialises."""
    StringTranslation.get_comment = segment_comment


# `tool_name` of a slug made from the translated title: the editor's comment under it says so,
# and the next title follows it (an editor's own slug is never replaced).
SLUG_FROM_TITLE = "jumelage:title"


def slug_follows_title(sender, instance, raw=False, **kwargs):
    """post_save of a string translation: the page's address in the other language follows its
    translated title, as a machine translation's does (home.machine_translation), unless an
    editor typed one. wagtail-localize keeps the source's slug for an untranslated slug
    segment, so an editor who translated the title published a German page under its Dutch
    address. A page already on the site keeps its address when an editor translates its title
    (home.translation_progress.alias_keeps_its_address): an alias made a translation, whose
    slug was the original's, moved to its title's (newcomer's walk)."""
    context = instance.context
    if raw or context is None or context.path != "title":
        return
    segment = (
        StringSegment.objects.filter(context__object_id=context.object_id, context__path="slug")
        .order_by("-pk")
        .first()
    )
    slug, tool_name = slug_of_title(instance.data), SLUG_FROM_TITLE
    if segment is None or not slug:
        return
    places = {
        "translation_of_id": segment.string_id,
        "locale_id": instance.locale_id,
        "context_id": segment.context_id,
    }
    existing = StringTranslation.objects.filter(**places).first()
    editors_own = (
        existing is not None
        and existing.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
        and existing.tool_name != SLUG_FROM_TITLE
    )
    if editors_own or (existing is not None and existing.data == slug):
        return
    if existing is None and instance.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        shared = (
            Page.objects.filter(
                translation_key=context.object_id, locale_id=instance.locale_id, live=True
            )
            .values_list("slug", flat=True)
            .first()
        )
        if shared is not None:
            slug = shared
            tool_name = ""  # as an editor's own: she may still change it
    StringTranslation.objects.update_or_create(
        **places,
        defaults={
            "data": slug,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": tool_name,
            "last_translated_by": instance.last_translated_by,
            "has_error": False,
            "field_error": "",
        },
    )


def within_columns(sender, instance, raw=False, **kwargs):
    """pre_save of a string translation: a page's translated title or address fits its column.
    wagtail-localize's editor takes text of any length and writes a title at once as the page's
    draft title (PostgreSQL refused one past 255 characters: a server error), and adds "-2" to
    an address that is taken (an address typed at 255 characters became 257). A title is cut at
    the column's length, a long address written as one made from a title is (`ascii_slug`)."""
    context = instance.context
    if raw or context is None or context.path not in ("title", "slug"):
        return
    model = context.object.content_type.model_class()
    if model is None or not issubclass(model, Page):
        return
    if context.path == "title":
        text = StringValue(instance.data).render_text()
        if len(text) > TITLE_LENGTH:
            instance.data = StringValue.from_plaintext(text[:TITLE_LENGTH].rstrip()).data
    elif len(instance.data) > SLUG_LENGTH:
        instance.data = ascii_slug(instance.data) or instance.data[:SLUG_LENGTH]


def slug_of_title(data):
    """The address a translated title (a segment's `data`) gives its page (`ascii_slug`)."""
    return ascii_slug(StringValue(data).render_text())


def connect_signals():
    pre_save.connect(
        within_columns, sender=StringTranslation, dispatch_uid="jumelage_translation_columns"
    )
    post_save.connect(
        slug_follows_title, sender=StringTranslation, dispatch_uid="jumelage_slug_follows_title"
    )
