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


def move_versions_along(sender, instance, parent_page_before=None, parent_page_after=None, **kw):
    """After a page moved to another parent: each of its other versions that stood below a
    version of the old parent moves below the new parent's version in its language (with what
    lies below it), when there is one, its address is free there, and the editor may move it.
    Otherwise it stays where it is (home/visibility.py then gives it the privacy of the section
    the page moved into)."""
    if getattr(_state, "busy", False) or parent_page_before is None or parent_page_after is None:
        return
    if parent_page_before.pk == parent_page_after.pk:
        return
    editor = _editor()
    versions = Page.objects.filter(
        Q(translation_key=instance.translation_key) | Q(alias_of=instance)
    ).exclude(pk=instance.pk)
    with moving_along():
        for version in versions:
            parent = version.get_parent()
            if parent is None or parent.translation_key != parent_page_before.translation_key:
                continue
            target = parent_page_after.get_translation_or_none(version.locale)
            if target is None or target.pk == parent.pk:
                continue
            if not Page._slug_is_available(version.slug, target, version):
                continue
            try:
                MovePageAction(version, target, pos="last-child", user=editor).execute()
            except MovePagePermissionError:
                continue
