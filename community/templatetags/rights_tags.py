"""What Wagtail's admin shows an editor of a page, by her rights on it (`community.roles`): of a
page within her rights its review and its draft title, as Wagtail shows them; of a page above
them, which Wagtail's explorer leads an editor of several parts of the tree through, neither:
that page's review and drafts are its own editors' (outsider's attack of 2026-12-07)."""

from django import template
from wagtail.models import Page

from community import roles

register = template.Library()


def holds_rights(request, page):
    """`roles.holds_rights_on` for the reader of `request`, asked once per page and request (a
    listing asks it of every row, a side panel of its page in each of its parts)."""
    known = request.__dict__.setdefault("jumelage_rights_on_pages", {})
    if page.pk not in known:
        known[page.pk] = roles.holds_rights_on(request.user, page)
    return known[page.pk]


@register.simple_tag(takes_context=True)
def review_shown(context, obj):
    """Whether the status panel shows `obj`'s review (its status, who decided, the comment) and
    drafts: not of a page the reader holds no rights on; of anything else (a snippet, a page
    being created) as Wagtail does."""
    request = context.get("request")
    if request is None or not isinstance(obj, Page) or obj.pk is None:
        return True
    return holds_rights(request, obj)
