"""Links to a deleted language version of a page keep working: its address leads to the page in
the same language again, so the links in emails already sent (a registration's confirmation, a
reminder, an approved story), in bookmarks and in search engines do not end at "page not found"
when editors delete a translation.

The language keeps the page as the German tree keeps every Dutch page (README, "Languages"): as
an alias of the version that stays, shown in its language with a note. The address of the
deleted translation leads there. Wagtail's redirects (wagtail.contrib.redirects) serve it, only
where the site has no page at that address: a new translation published there later is shown,
not the redirect; temporary, so that browsers do not remember it for that new translation.
The alias and the redirect are made once the deletion is committed. A page deleted with the
page above it (a whole section in one language) is not given an alias of its own: its address
leads to the version that stays."""

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.signals import page_published

from .machine_translation import ensure_aliases


def version_that_stays(page):
    """A language version of `page` the site shows (published, not an alias of another), the
    first made; None when the page went in every language."""
    return (
        Page.objects.filter(translation_key=page.translation_key, live=True, alias_of=None)
        .exclude(pk=page.pk)
        .order_by("pk")
        .first()
    )


def in_the_same_language(deleted, stays):
    """The page that shows `stays` in the language of the `deleted` page: its alias there, made
    when the page above the deleted one is still there; else `stays` itself."""
    parent_path = deleted.path[: -Page.steplen]
    if not Page.objects.filter(path=parent_path).exists():
        return stays
    ensure_aliases(stays.specific)
    return stays.get_translation_or_none(deleted.locale_id) or stays


def lead_to_the_version_that_stays(sender, instance, using, **kwargs):
    """After a page's row is deleted (every page this deletion takes is gone by then, the pages
    below it included: they are deleted in one statement), its address will lead to a version
    that stays. A page that was never published had no address anyone could have kept."""
    if instance.first_published_at is None:
        return
    parts = instance.get_url_parts()
    if parts is None or version_that_stays(instance) is None:
        return
    transaction.on_commit(lambda: redirect(instance, parts, using), using=using)


def redirect(deleted, parts, using):
    stays = version_that_stays(deleted)
    if stays is None:
        return
    target = in_the_same_language(deleted, stays)
    if not Page.objects.filter(pk=target.pk).public().exists():
        # A private page (a password, a login, groups) keeps its address to who may read it.
        return
    site_id, _root_url, path = parts
    Redirect.objects.using(using).update_or_create(
        site_id=site_id,
        old_path=Redirect.normalise_path(path),
        defaults={
            "redirect_page": target,
            "redirect_link": "",
            "is_permanent": False,
            "automatically_created": True,
        },
    )


def forget_the_redirect_at_its_address(sender, instance, **kwargs):
    """A page published at an address that led elsewhere takes it back for good: the redirect
    made there (for a deleted translation, or by Wagtail for a page moved away) goes, so that
    unpublishing this page later does not send its readers to the other page."""
    parts = instance.get_url_parts()
    if parts is None:
        return
    site_id, _root_url, path = parts
    Redirect.objects.filter(
        site_id=site_id, old_path=Redirect.normalise_path(path), automatically_created=True
    ).delete()


def connect():
    # Sent for the pages' base rows, which are deleted after their page type's rows.
    post_delete.connect(lead_to_the_version_that_stays, sender=Page, dispatch_uid="home.redirects")
    page_published.connect(forget_the_redirect_at_its_address, dispatch_uid="home.redirects")
