"""The titles Wagtail's admin names pages by, by the reader's rights on each (`roles.admin_title`):
a page within her rights by its draft's title, as she edits it; any other (the pages above her
part of the tree, which the explorer leads an editor of several parts through; pages published
to everyone, which the page chooser offers) by its published title. Wagtail named every page by
its draft's title (outsider's attack of 2026-12-07, F2 and F3)."""

from django.utils.translation import gettext
from wagtail.models import Page

from . import roles


def title_shown(request, page):
    """The title the admin names `page` by to the reader of `request`."""
    return roles.admin_title(request.user, page)


def titles_shown(user, items, id_key, title_key):
    """Of `items` (dicts naming pages by id: the admin API's, the chooser's answer), the title at
    `title_key` replaced by the page's published title where `user` holds no rights on it; one
    query for the pages within her rights, one for the others' titles."""
    ids = [item[id_key] for item in items]
    within = set(roles.pages_within_rights(user).filter(pk__in=ids).values_list("pk", flat=True))
    outside = [pk for pk in ids if pk not in within]
    if not outside:
        return items
    published = dict(Page.objects.filter(pk__in=outside).values_list("pk", "title"))
    for item in items:
        if item[id_key] in published:
            item[title_key] = published[item[id_key]]
    return items


def more_options_label(page):
    """Wagtail's name of a listing row's "more" button, naming `page` by its published title."""
    return gettext("More options for '%(title)s'") % {"title": page.title}
