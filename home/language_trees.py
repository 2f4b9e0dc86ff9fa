"""One tree per language, in step: a page moved in one language moves in the others too.

wagtail-localize makes each page's versions (translations, and aliases until translated) below
the versions of its parent, but Wagtail's move takes only the page moved: the German "Kontakt"
stayed at the top of the German tree while the Dutch "Contact" moved into a section, the two
menus differed, and when the section was private the German page stayed public (walk of
2026-12-05, F1). Wagtail's own move view would move them along only with
`wagtail.contrib.simple_translation`'s tree sync, which this site does not use."""

from contextlib import contextmanager
from threading import local

from django.db.models import Q
from wagtail.actions.move_page import MovePageAction, MovePagePermissionError
from wagtail.log_actions import LogContext
from wagtail.models import Page

from home.urls_util import current_request

_state = local()


@contextmanager
def moving_along():
    _state.busy = True
    try:
        yield
    finally:
        _state.busy = False


def _editor():
    request = current_request()
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def where_versions_go(page, parent_before, parent_after):
    """(version, new parent) for each other version of `page` (a translation, or an alias until
    it is translated) that stood below a version of `parent_before` and can go below the version
    of `parent_after` in its language: that exists, and the version's address is free there."""
    versions = Page.objects.filter(
        Q(translation_key=page.translation_key) | Q(alias_of=page)
    ).exclude(pk=page.pk)
    for version in versions:
        parent = version.get_parent()
        if parent is None or parent.translation_key != parent_before.translation_key:
            continue
        target = parent_after.get_translation_or_none(version.locale)
        if target is None or target.pk == parent.pk:
            continue
        if Page._slug_is_available(version.slug, target, version):
            yield version, target


def move_versions_along(sender, instance, parent_page_before=None, parent_page_after=None, **kw):
    """After a page moved to another parent: each of its other versions that stood below a
    version of the old parent moves below the new parent's version in its language (with what
    lies below it), where `where_versions_go` finds it can and the editor may move it.
    Otherwise it stays where it is (home/visibility.py then gives it the privacy of the section
    the page moved into)."""
    if getattr(_state, "busy", False) or parent_page_before is None or parent_page_after is None:
        return
    if parent_page_before.pk == parent_page_after.pk:
        return
    editor = _editor()
    with moving_along():
        for version, target in list(
            where_versions_go(instance, parent_page_before, parent_page_after)
        ):
            try:
                # An entry of its own in the page history (Wagtail shows one per request and
                # action across all pages: the editor's move, or this one, went missing).
                with LogContext(user=editor):
                    MovePageAction(version, target, pos="last-child", user=editor).execute()
            except MovePagePermissionError:
                continue
