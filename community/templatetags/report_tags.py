"""The way to report a member's contribution, for everyone but its member."""

from django import template

from community.models.reports import owns_contribution

register = template.Library()


@register.simple_tag(takes_context=True)
def is_its_member(context, page_id):
    """Whether who asks owns a language version of the contribution the page `page_id` shows:
    the report form's own rule (ReportManager.by_its_member), so its link and its refusal
    agree. A query for a logged-in visitor only."""
    request = context.get("request")
    return request is not None and owns_contribution(page_id, request.user)
