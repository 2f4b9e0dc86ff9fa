"""The member's right to be forgotten: deleting their account, and what of it their
contributions held. (A copy of their data combines what every app keeps: exchanges/privacy.py.)"""

from contextlib import suppress

from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from home.cache import NAMES, PAGES, bump
from home.mail import forget_emails_to

from . import contributions, review_decisions, roles
from .models import MemberCollection, User
from .models.contribution import contribution_models
from .newsletter import subscriptions
from .signal_handlers import fields_naming_users, named_in_feeds
from .uploads import clear_kept_photos_of

# Set on an account whose data `delete_account` has forgotten, so its deletion does not again.
FORGOTTEN = "_jumelage_forgotten"


@transaction.atomic
def delete_account(user, *, remove_contributions=False):
    """Deletes the member and their personal data. Published contributions stay, credited to a
    former member, unless the member asks to remove them too; drafts always go. Every file only
    the member owned goes with them: their photo, and the photos of what is removed with their
    renditions (Wagtail deletes an image's files with it)."""
    lock_account(user)
    addresses = addresses_of(user)
    changed = forget_account(user, remove_contributions=remove_contributions)
    user.__dict__[FORGOTTEN] = True
    user.delete()
    # Her emails waiting in the outbox, and any her deletion queued, go with her.
    forget_emails_to(addresses)
    if changed:
        bump(*changed)


def lock_account(user):
    """Locks the account's row before anything of it goes: the order a block and a "register"
    take their locks (the account, then the meetings it gives up or registers for). Deleting
    gave up her places first and deleted her account last, so her "register" sent meanwhile
    from another tab held her account and waited for a meeting the deletion held, and the
    database ended one of them as a deadlock (an error page)."""
    list(User.objects.select_for_update().filter(pk=user.pk).values_list("pk"))


def addresses_of(user):
    """The addresses the account has confirmed: her emails in the outbox. Not one she only
    asked to change to, nor an unconfirmed login address: anyone may type a stranger's, and
    deleting her account would delete the stranger's emails waiting there (attack 28)."""
    return set(user.emailaddress_set.filter(verified=True).values_list("email", flat=True))


def kept_for_others(user, *, remove_contributions=False):
    """The member's contributions that others count on (a meeting they registered for) and that
    would have gone with the account: they stay without the member's name (`forget_account`).
    Those published only when the member asks to remove them too; one taken off the site (by
    reports) always, as it goes with the account otherwise."""
    pages = (
        Page.objects.filter(owner=user, alias_of__isnull=True)
        .type(*contribution_models())
        .specific()
    )
    return [
        page
        for page in pages
        if (remove_contributions or not page.live) and page.counted_on_by_others()
    ]


def forget_before_deletion(sender, instance, **kwargs):
    """pre_delete of an account deleted by other means than the member's own deletion: an
    administrator's in the admin (one account or several at once), a script's. A member's data
    is forgotten as their own deletion would, keeping their published contributions. A staff
    account's reviews say they were staff's, however it is deleted."""
    staff = not roles.members(User.objects.filter(pk=instance.pk)).exists()
    if staff:
        review_decisions.remember_staff_sender(instance)
    if instance.__dict__.pop(FORGOTTEN, False):
        return
    lock_account(instance)
    # Django deletes the account after this: its emails waiting in the outbox go now.
    forget_emails_to(addresses_of(instance))
    if staff:
        # An editor's or moderator's drafts and uploads are the site's: they stay. Stories that
        # credit them lose their byline (live, `user:<id>`): the feeds kept whole are made anew.
        clear_kept_photos_of(instance)
        subscriptions.forget_member(instance)
        if named_in_feeds(instance):
            bump(NAMES)
    elif changed := forget_account(instance):
        bump(*changed)


def register():
    pre_delete.connect(
        forget_before_deletion, sender=User, dispatch_uid="jumelage_account_forgotten"
    )


def forget_account(user, *, remove_contributions=False):
    """Everything of `delete_account` but the deletion of the account itself. Returns the kinds
    of cached content (home.cache) that named the member, to be made anew once she is gone:
    NAMES when the story feeds name her (`named_in_feeds`: kept whole, they name authors;
    pages name her in live parts, which her deletion renders anew: `on_user_deleted`), PAGES
    only when a live page named her in its text (`forget_contributor`). Her contributions that
    go (with their photos) replace the versions they were shown under as they are deleted
    (home.cache)."""
    named = named_in_feeds(user)
    shown_whole = False
    pages = (
        Page.objects.filter(owner=user, alias_of__isnull=True)
        .type(*contribution_models())
        .specific()
        .order_by("-depth")
    )
    # All at once before the first is removed or changed, as one deletion does.
    contributions.lock_for_deletion(pages)
    # Her collections, those made for her (an editor may have moved every photo out of one)
    # and those her photos lie in, known before they go: one kept (for an album or a photo an
    # editor keeps there) no longer names her (`forget_photos`).
    hers = set(
        get_image_model()
        .objects.filter(uploaded_by_user=user, collection__in=contributions.members_collections())
        .values_list("collection_id", flat=True)
    )
    hers |= set(MemberCollection.objects.filter(member=user).values_list("collection", flat=True))
    kept_photos = set()
    for page in pages:
        # Not what others count on (a meeting they registered for, shown or taken off the
        # site): it stays without the member, as an editor may not delete it either.
        if (remove_contributions or not page.live) and not page.counted_on_by_others():
            with suppress(contributions.Gone):  # removed with a version of it before
                contributions.remove_contribution(page)
        else:
            kept_photos |= contributions.photo_ids(page)
            Page.objects.filter(pk=page.pk).update(owner=None)
            page.revisions.update(user=None)
            for revision in page.revisions.all():
                if revision.content.get("owner") == user.pk:
                    revision.content["owner"] = None
                    revision.save(update_fields=["content"])
            shown_whole = page.forget_contributor(user) or shown_whole
    # Pages not theirs that name them still (an editor's copy of their meeting keeps its
    # organiser): these forget them too, in every revision.
    for field in fields_naming_users():
        for page in field.model._default_manager.filter(**{field.name: user}):
            shown_whole = page.forget_contributor(user) or shown_whole
    for photo in (user.avatar, user.avatar_thumbnail):
        if photo:
            photo.delete(save=False)
    forget_photos(user, kept_photos, hers)
    # Photos kept for forms the member was correcting, on any device.
    clear_kept_photos_of(user)
    # The newsletter, at either subscription the member's page showed as theirs.
    subscriptions.forget_member(user)
    return tuple(kind for kind, changed in ((NAMES, named), (PAGES, shown_whole)) if changed)


def forget_photos(user, kept, hers=()):
    """The photos the member uploaded with their contributions go, unless a contribution that
    stays shows them: those stay, no longer linked to the member or named after them. Images an
    editor uploaded in the admin belong to the site and stay."""
    # Each collection made for her is named after her as she was called then; one made before
    # that was recorded, after her name of now.
    now = f"{user.public_name or user.pk}: "
    named_after = dict(
        MemberCollection.objects.filter(member=user).values_list("collection", "named_after")
    )

    def without_her_name(collection):
        prefix = named_after.get(collection.pk) or now
        if collection.name.startswith(prefix):
            collection.name = collection.name.removeprefix(prefix)
            collection.save(update_fields=["name"])

    emptied = set()
    images = list(
        get_image_model().objects.filter(uploaded_by_user=user).select_related("collection")
    )
    # Which of the collections her images lie in are members' collections.
    members = set(
        contributions.members_collections()
        .filter(pk__in={image.collection_id for image in images})
        .values_list("pk", flat=True)
    )
    # Nor one anything else uses (a page an editor chose it for, published or a draft): as her
    # removing it from a contribution, or deleting the contribution, leaves it there
    # (`contributions.discard_with_contribution`), it stays, no longer credited to her.
    # In the pages' latest revisions too: a page an editor has just published reaches the
    # reference index only when the worker runs.
    kept = set(kept) | contributions.used_elsewhere(images)
    for image in images:
        collection = image.collection
        own = collection.pk in members
        if own and image.pk not in kept:
            emptied.add(collection.pk)
            image.delete()
            continue
        image.uploaded_by_user = None
        image.save(update_fields=["uploaded_by_user"])
        if own:
            without_her_name(collection)
    # Emptied now, or before by an editor who moved her photos elsewhere.
    contributions.delete_if_empty(
        contributions.members_collections().filter(pk__in=emptied | set(hers))
    )
    for collection in Collection.objects.filter(pk__in=hers):
        without_her_name(collection)
