"""The exchange visit's templates: the sign-up part of its page (a live part,
exchanges/live_parts.py), worked out here from the visit and the visitor, the same when the page
is rendered whole and when the page cache renders the part alone; and its dates with their
weekday, as the reader's language writes them."""

from django import template

from exchanges.visit_forms import weekday_date as weekday_date_text
from exchanges.visit_views import localized_towns, signup_state

register = template.Library()


@register.simple_tag(takes_context=True)
def visit_signup(context, visit):
    """The seats left and the visitor's party or offer (exchanges.visit_views.signup_state)."""
    return signup_state(context["request"], visit)


@register.filter
def weekday_date(date):
    """ "Friday 14 May 2027" / "Freitag, 14. Mai 2027"."""
    return weekday_date_text(date) if date else ""


@register.simple_tag
def visit_towns(visit):
    """(travelling town, hosting town), named in the reader's language."""
    return localized_towns(visit)
