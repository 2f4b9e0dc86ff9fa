"""The "add to Google Calendar / Outlook" links of a meeting's page: the same for every reader
(the page cache keeps them), and never with the join link."""

from django import template

from exchanges.events import google_calendar_url, outlook_calendar_url
from home.urls_util import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def web_calendar_links(context, meeting):
    """{"google": ..., "outlook": ...} for `meeting`, linking back to its page."""
    request = context.get("request")
    url = absolute_url(request, meeting.get_url(request))
    return {
        "google": google_calendar_url(meeting, url),
        "outlook": outlook_calendar_url(meeting, url),
    }
