"""The way to report a member's contribution, for everyone but its member."""

from django import template

from community.models.reports import owns_contribution
from home import live

register = template.Library()


@register.simple_tag(takes_context=True)
def is_its_member(context, page_id):
    """Whether who asks owns a language version of the contribution the page `page_id` shows:
    the report form's own rule (ReportManager.by_its_member), so its link and its refusal
    agree. Nothing to ask for a visitor not logged in; a member's answer is kept as what the
    meeting parts read for her is (`home.live.kept_while_current`), so her next hits of the
    page ask the database nothing."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return live.kept_while_current(
        f"report-link:{page_id}:user:{user.pk}", [], lambda: owns_contribution(page_id, user)
    )
