"""wagtail-localize's translation editor in the admin's language, where its Python leaves
English: the note under a translated segment says when ("Manuell übersetzt am 5 December 2026":
its date was written by `strftime`, with the month in English whatever the language)."""

from django.utils import formats, timezone
from django.utils.translation import gettext


def segment_comment(string_translation):
    """How and when a segment was translated, its date as the admin's language writes it
    (`DATE_FORMAT`, jumelage/formats/): wagtail-localize's own words around it."""
    date = formats.date_format(timezone.localtime(string_translation.updated_at))
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
    from wagtail_localize.models import StringTranslation

    StringTranslation.get_comment = segment_comment
