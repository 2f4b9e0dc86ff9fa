"""Links to a deleted language version of a page keep working: its address leads to a language
version that stays (the page in the other language), so the links in emails already sent (a
registration's confirmation, a reminder, an approved story), in bookmarks and in search engines
do not end at "page not found" when editors delete a translation. Wagtail's redirects
(wagtail.contrib.redirects) serve it, only where the site has no page at that address: a new
translation published there later is shown, not the redirect. Temporary, so that browsers do
not remember it for that new translation."""

from django.db.models.signals import post_delete
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page


def version_that_stays(page):
    """A language version of `page` the site shows (published, not an alias of another), the
    first made; None when the page went in every language."""
    return (
        Page.objects.filter(translation_key=page.translation_key, live=True, alias_of=None)
        .exclude(pk=page.pk)
        .order_by("pk")
        .first()
    )


def lead_to_the_version_that_stays(sender, instance, using, **kwargs):
    """After a page's row is deleted (every page this deletion takes is gone by then, the pages
    below it included: they are deleted in one statement), its address leads to a version that
    stays. A page that was never published had no address anyone could have kept."""
    if instance.first_published_at is None:
        return
    parts = instance.get_url_parts()
    stays = version_that_stays(instance)
    if parts is None or stays is None:
        return
    site_id, _root_url, path = parts
    Redirect.objects.using(using).update_or_create(
        site_id=site_id,
        old_path=Redirect.normalise_path(path),
        defaults={
            "redirect_page": stays,
            "redirect_link": "",
            "is_permanent": False,
            "automatically_created": True,
        },
    )


def connect():
    # Sent for the pages' base rows, which are deleted after their page type's rows.
    post_delete.connect(lead_to_the_version_that_stays, sender=Page, dispatch_uid="home.redirects")
