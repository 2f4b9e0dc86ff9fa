"""The way to report a member's contribution, for everyone but its member."""

from django import template

from community.models.reports import owns_contribution

register = template.Library()


@register.simple_tag(takes_context=True)
def is_its_member(context, key):
    """Whether who asks owns a language version of the contribution whose versions share the
    translation key `key`: the report form's own rule (ReportManager.by_its_member), so its
    link and its refusal agree. A query for a logged-in visitor only."""
    return owns_contribution(key, context["request"].user)
