"""The translation editor's bar over a machine translation no editor reviewed yet
(templates/wagtail_localize/admin/edit_translation.html)."""

from django import template

from home.machine_translation import MachineTranslation

register = template.Library()


@register.simple_tag
def unreviewed_machine_translation(translation):
    """The MachineTranslation of wagtail-localize's `translation` while readers see it labelled
    (published by the machine, not reviewed); else None."""
    if not translation:
        return None
    return MachineTranslation.objects.filter(
        translation=translation, translated_at__isnull=False, reviewed_at__isnull=True
    ).first()
