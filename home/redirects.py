"""Links to a deleted language version of a page keep working: its address leads to the page in
the same language again, so the links in emails already sent (a registration's confirmation, a
reminder, an approved story), in bookmarks and in search engines do not end at "page not found"
when editors delete a translation.

The language keeps the page as the German tree keeps every Dutch page (README, "Languages"): as
an alias of the version that stays, shown in its language with a note. The address of the
deleted translation leads there. Wagtail's redirects (wagtail.contrib.redirects) serve it, only
where the site has no page at that address: a new translation published there later is shown,
not the redirect; temporary, so that browsers do not remember it for that new translation.
A section deleted whole in one language (the German story overview with its stories) gets back
the aliases of the whole section that stays, and each deleted address leads to its own page's.

The aliases and the redirects are made once the deletion is committed, by the task worker, for
all the pages it took at once: a section of thousands of stories costs a few queries for its
redirects, not some for each page. Making each alias is Wagtail's, a page at a time (about 50
queries a page): in the request, deleting a German section of 500 stories took minutes, past any
server's timeout. Until the worker has run (seconds), the deleted addresses answer "not found"."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page
from wagtail.signals import page_published


class DeletedPages:
    """The pages one transaction deletes, read while their rows go (without a query), made
    into aliases and redirects once it is committed."""

    def __init__(self):
        self.pages = []
        self.done = False

    def add(self, page):
        # The site's root paths once for the whole deletion, not once a page.
        parts = page.get_url_parts(request=self)
        if parts is not None and parts[2] is not None:
            self.pages.append((page, parts))

    def __call__(self):
        self.done = True
        if self.pages:
            lead_to_the_versions_that_stay.enqueue(
                [
                    [str(page.translation_key), page.locale_id, page.path, site_id, path]
                    for page, (site_id, _root_url, path) in self.pages
                ]
            )


def deleted_pages(using):
    """The deletion the current transaction collects; a new one when there is none, or when
    it was committed already or rolled back (its callback is no longer waiting)."""
    connection = transaction.get_connection(using)
    pages = getattr(connection, "jumelage_deleted_pages", None)
    waiting = pages is not None and any(
        callback is pages for _savepoints, callback, _robust in connection.run_on_commit
    )
    if not waiting or pages.done:
        pages = DeletedPages()
        connection.jumelage_deleted_pages = pages
        transaction.on_commit(pages, using=using)
    return pages


def lead_to_the_version_that_stays(sender, instance, using, **kwargs):
    """After a page's row is deleted (every page this deletion takes is gone by then, the pages
    below it included: they are deleted in one statement), its address will lead to a version
    that stays. A page that was never published had no address anyone could have kept."""
    if instance.first_published_at is None:
        return
    deleted_pages(using).add(instance)


def versions_that_stay(translation_keys):
    """For each translation key, the language version the site shows (published, not an alias
    of another), the first made; none for a page that went in every language."""
    stays = {}
    pages = Page.objects.filter(translation_key__in=translation_keys, live=True, alias_of=None)
    for page in pages.order_by("-pk"):
        stays[str(page.translation_key)] = page
    return stays


def versions_in(translation_keys, locale_ids):
    return {
        (str(page.translation_key), page.locale_id): page
        for page in Page.objects.filter(
            translation_key__in=translation_keys, locale_id__in=locale_ids
        )
    }


def give_the_language_its_section(stays, locale):
    """The alias in `locale` of `stays` and of the pages below it that have no version there,
    as wagtail-localize makes for every untranslated page."""
    alias = stays.specific.copy_for_translation(locale, copy_parents=True, alias=True)
    below = Page.objects.descendant_of(stays)
    elsewhere = Page.objects.filter(locale=locale).values("translation_key")
    if not below.filter(translation_key__in=elsewhere).exists():
        for child in stays.get_children().specific():
            child.create_alias(
                recursive=True, parent=alias, update_locale=locale, reset_translation_key=False
            )
        return
    # Some page below has a version of its own there (moved elsewhere): a page at a time.
    for page in below.order_by("path").specific():
        if not page.has_translation(locale):
            page.copy_for_translation(locale, copy_parents=True, alias=True)


@task(priority=10)
def lead_to_the_versions_that_stay(deleted):
    """`deleted`: [translation key, locale id, tree path, site id, address] of each published
    page a deletion took. Made again, it changes nothing."""
    keys = {key for key, *_rest in deleted}
    locale_ids = {locale_id for _key, locale_id, *_rest in deleted}
    stays = versions_that_stay(keys)
    versions = versions_in(stays, locale_ids)
    locales = Locale.objects.in_bulk(locale_ids)
    # Parents first: a section's alias brings its pages' aliases along.
    for key, locale_id, _path, _site_id, _address in sorted(deleted, key=lambda row: row[2]):
        source = stays.get(key)
        if source is not None and (key, locale_id) not in versions:
            give_the_language_its_section(source, locales[locale_id])
            versions = versions_in(stays, locale_ids)
    targets = {}
    for key, locale_id, _path, site_id, address in deleted:
        source = stays.get(key)
        if source is not None:
            target = versions.get((key, locale_id))
            # A draft in that language (a translation begun since) has no address to lead to.
            if target is None or not target.live:
                target = source
            targets[site_id, Redirect.normalise_path(address)] = target
    # A private page (a password, a login, groups) keeps its address to who may read it.
    public = set(
        Page.objects.filter(pk__in={target.pk for target in targets.values()})
        .public()
        .values_list("pk", flat=True)
    )
    Redirect.objects.bulk_create(
        [
            Redirect(
                site_id=site_id,
                old_path=old_path,
                redirect_page=target,
                redirect_link="",
                is_permanent=False,
                automatically_created=True,
            )
            for (site_id, old_path), target in targets.items()
            if target.pk in public
        ],
        update_conflicts=True,
        unique_fields=["old_path", "site"],
        update_fields=["redirect_page", "redirect_link", "is_permanent", "automatically_created"],
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
    lead_to_the_new_translation(instance)


def lead_to_the_new_translation(page):
    """The addresses of a deleted translation that led to another language's version (there was
    none in the language, or only a draft, when the worker ran) lead to this version of the page
    in that language once it is published (second attack of 2026-12-05, F2): its readers stayed
    on the Dutch page."""
    language = page.locale.language_code
    others = Redirect.objects.filter(
        automatically_created=True, redirect_page__translation_key=page.translation_key
    ).exclude(redirect_page=page)
    moved = [
        redirect.pk
        for redirect in others.only("pk", "old_path")
        if get_language_from_path(redirect.old_path + "/") == language
    ]
    if moved and Page.objects.filter(pk=page.pk).public().exists():
        Redirect.objects.filter(pk__in=moved).update(redirect_page=page)


def connect():
    # Sent for the pages' base rows, which are deleted after their page type's rows.
    post_delete.connect(lead_to_the_version_that_stays, sender=Page, dispatch_uid="home.redirects")
    page_published.connect(forget_the_redirect_at_its_address, dispatch_uid="home.redirects")


ADDRESS_KEPT = _(
    "The address of a deleted translation will lead to the page in the same language: the "
    "version in the other language, shown there as an alias."
)


def addresses_kept(going):
    """Whether deleting `going` (a queryset, the pages below included) takes a published
    language version whose other version stays: the editor is told where its address leads."""
    published = going.filter(first_published_at__isnull=False).values("translation_key")
    return (
        Page.objects.filter(translation_key__in=published, live=True, alias_of=None)
        .exclude(pk__in=going.values("pk"))
        .exists()
    )
