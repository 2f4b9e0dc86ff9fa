"""The publishing schedule in the status panel of the page editor and of wagtail-localize's
translation editor (templates/wagtailadmin/shared/side_panels/includes/status/workflow.html)."""

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail_localize.models import TranslationSource

from home.i18n import is_source_version

register = template.Library()

GOES_OFFLINE_WITH_SOURCE = _("Goes offline with the original on %(date)s: its expiry is set there.")


@register.simple_tag
def expiry_of_source(page):
    """Of a translation whose expiry follows its source's (a meeting's or visit's
    `SCHEDULE_FIELDS`, exchanges/signal_handlers.py), what the status panel says instead of
    Wagtail's schedule, which the translation editor cannot change: when it goes offline with
    its source, or "" when the source has no expiry. None for any other page."""
    if "expire_at" not in getattr(type(page), "SCHEDULE_FIELDS", ()) or is_source_version(page):
        return None
    source = TranslationSource.objects.filter(object_id=page.translation_key).first()
    original = (
        type(page)
        .objects.filter(translation_key=page.translation_key, locale_id=source.locale_id)
        .first()
        if source
        else None
    )
    if original is None or not original.expire_at or original.expired:
        return ""
    date = formats.date_format(timezone.localtime(original.expire_at), "DATETIME_FORMAT")
    return GOES_OFFLINE_WITH_SOURCE % {"date": date}
