"""The exchange visit's templates: the sign-up part of its page (a live part,
exchanges/live_parts.py), worked out here from the visit and the visitor, the same when the page
is rendered whole and when the page cache renders the part alone; and its dates (with their
weekday, or as a range of days), as the reader's language writes them."""

from django import template

from exchanges.templatetags.meeting_dates import date_span
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


@register.filter
def visit_days(visit):
    """The visit's days as the meetings' are written: "11–14 april 2027", "30 mei – 2 juni
    2027" (the year once)."""
    return date_span(visit.start_date, visit.end_date)


@register.simple_tag
def visit_towns(visit):
    """(travelling town, hosting town), named in the reader's language."""
    return localized_towns(visit)
