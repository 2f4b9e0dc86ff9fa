"""What Wagtail's admin shows an editor of a page, by her rights on it (`community.roles`): of a
page within her rights its review and its draft title, as Wagtail shows them; of a page above
them, which Wagtail's explorer leads an editor of several parts of the tree through, neither:
that page's review and drafts are its own editors' (outsider's attack of 2026-12-07)."""

from django import template
from django.urls import reverse
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from community import roles
from community.admin_titles import title_shown

register = template.Library()


@register.simple_tag(takes_context=True)
def review_shown(context, obj):
    """Whether the status panel shows `obj`'s review (its status, who decided, the comment) and
    drafts: not of a page the reader holds no rights on; of anything else (a snippet, a page
    being created) as Wagtail does."""
    request = context.get("request")
    if request is None or not isinstance(obj, Page) or obj.pk is None:
        return True
    return roles.holds_rights_on(request.user, obj)


@register.simple_tag(takes_context=True)
def admin_title(context, page):
    """The title the admin names `page` by to its reader (`roles.admin_title`)."""
    return title_shown(context["request"], page)


@register.inclusion_tag("wagtailadmin/shared/breadcrumbs.html", takes_context=True)
def page_breadcrumbs_shown(
    context,
    page,
    url_name,
    url_root_name=None,
    include_self=True,
    is_expanded=False,
    querystring_value="",
    icon_name=None,
):
    """Wagtail's `page_breadcrumbs` (the pages from the reader's explorable root down to `page`),
    each named by `admin_title`: Wagtail named each by its draft's title."""
    request = context["request"]
    root = page_permission_policy.explorable_root_instance(request.user)
    items = []
    if root is not None:
        pages = (
            page.get_ancestors(inclusive=include_self)
            .descendant_of(root, inclusive=True)
            .specific(defer=True)
        )
        for ancestor in pages:
            if ancestor.is_root() and url_root_name:
                url = reverse(url_root_name)
            else:
                url = reverse(url_name, args=(ancestor.pk,))
            items.append({"url": url + querystring_value, "label": admin_title(context, ancestor)})
    return {
        "items": items,
        "is_expanded": is_expanded or len(items) == 1,
        "classname": None,
        "icon_name": icon_name,
    }
