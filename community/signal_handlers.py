"""Members hear what happened to their contribution: approved (published) or changes requested;
deleting a contribution, however it happens, takes its other versions and photos along (all in
community/contributions.py). A member's photo leaves the storage with the member, or when they
replace or remove it. A new public name of a member whom published pages name (a story's author)
makes the feeds the cache keeps whole that list a story of hers anew (`author_renamed`): they
show it at once, and no other page or feed is made anew. A member who joins or leaves a sector,
or saves their profile, changes what the live parts naming them show (home/live.py: a sector's
members, a story's byline, a meeting's organiser), as kept for anonymous visitors. An address
that becomes an account's own (confirmed, or given in a sign-up or the users admin) ends other
accounts' pending changes to it (community/signup.py: `claims_held_back`)."""

import functools

from allauth.account.signals import email_confirmed
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import (
    Signal,
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)
from wagtail.models import Page, WorkflowState
from wagtail.signals import (
    page_published,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
    workflow_submitted,
)
from wagtail.tasks import delete_file_from_storage_task

from home import live

from . import contributions, notifications, roles, signup
from .models import SectorMembership, User
from .models.contribution import contribution_models


def on_workflow_approved(sender, instance, user=None, **kwargs):
    contributions.notify_published(instance, user)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    """Wagtail's "request changes" (our final "reject" cancels the workflow instead)."""
    contributions.notify_changes_requested(instance, user)


def on_review_ended(sender, instance, **kwargs):
    """A contribution decided or withdrawn (a cancelled workflow) is no longer waiting for its
    reviewers: a notice of it waiting for its time (`notifications.REVIEW_NOTICE_PAUSE`) would
    say it was."""
    notifications.forget_waiting_review_notices(instance.content_object)


def on_contribution_deleting(sender, instance, **kwargs):
    notifications.forget_waiting_review_notices(instance)


# Wagtail's receiver that emails administrators that a workflow started. The notice of its first
# task (to the task's group and administrators) tells the same, so administrators got two emails
# of one submission.
WORKFLOW_SUBMITTED_NOTICE = "workflow_state_submitted_email_notification"


def one_notice_of_a_submission(sender, instance, user=None, **kwargs):
    """Holds the place of Wagtail's notice that a workflow started: a signal connects one
    receiver for a dispatch_uid, so Wagtail's, connected after our apps are ready, is not.
    Whoever reviews hears of the submission from its task's notice."""


def delete_file_later(field_file, name):
    """Once the change is committed (a rolled-back save keeps its file), the way Wagtail deletes
    an image's files."""
    storage = field_file.storage.deconstruct()
    transaction.on_commit(lambda: delete_file_from_storage_task.enqueue(storage, name))


# A member's photo and its thumbnail (`User.set_photo`).
PHOTO_FIELDS = ("avatar", "avatar_thumbnail")
# What `User.public_name` is made of.
NAME_FIELDS = ("display_name", "first_name", "last_name")
# Set on a user being saved with another public name than the stored one, for `on_user_saved`.
RENAMED = "_public_name_changed"
# Set on a user being saved with another administrator flag than the stored one.
SUPERUSER_CHANGED = "_jumelage_superuser_changed"


def on_user_saving(sender, instance, raw=False, update_fields=None, **kwargs):
    """A replaced or removed photo is deleted: nothing of the member stays behind unused. A new
    public name, and an administrator flag set or taken, are noted for once the save is done.
    One query, and none for a save of other fields (a login's `last_login`)."""
    read = {*PHOTO_FIELDS, *NAME_FIELDS, "is_superuser"}
    if update_fields is not None:
        read &= set(update_fields)
    if raw or instance.pk is None or not read:
        return
    stored = sender.objects.filter(pk=instance.pk).values(*read).first()
    if stored is None:
        return
    for field in PHOTO_FIELDS:
        if stored.get(field) and stored[field] != getattr(instance, field).name:
            delete_file_later(getattr(instance, field), stored[field])
    before = sender(**{name: stored.get(name, getattr(instance, name)) for name in NAME_FIELDS})
    setattr(instance, RENAMED, before.public_name != instance.public_name)
    if "is_superuser" in stored and stored["is_superuser"] != instance.is_superuser:
        setattr(instance, SUPERUSER_CHANGED, True)


@functools.cache
def fields_naming_users():
    """The fields of page types that name a user to visitors (a story's author): those of
    Wagtail's Page itself (its owner, who locked it) never show."""
    return [
        relation.field
        for relation in User._meta.get_fields(include_hidden=True)
        if relation.one_to_many
        and issubclass(relation.related_model, Page)
        and relation.related_model is not Page
    ]


def named_in_feeds(user):
    """Whether a live page names `user` where the story feeds show it (`named_in_feeds` of its
    page type: a story's author, not a meeting's organiser)."""
    return any(
        field.model._default_manager.filter(live=True, **{field.name: user}).exists()
        for field in fields_naming_users()
        if field.name in getattr(field.model, "named_in_feeds", ())
    )


# Sent with `user` once a member whom the story feeds name took another public name: the app
# that keeps the feeds makes those anew that list a story of hers (exchanges.feeds).
author_renamed = Signal()


def on_user_saved(sender, instance, raw=False, **kwargs):
    """Members' profile saves leave the cached site alone, but for a new name of one whom
    published pages name (a story's author): the feeds kept whole show it (what is rendered
    live, a story's byline, a meeting's organiser, already does). Only the feeds that list a
    story of hers are made anew (`author_renamed`), not every page (attack 29, F2)."""
    if instance.__dict__.pop(RENAMED, False) and not raw and named_in_feeds(instance):
        author_renamed.send(sender=sender, user=instance)


def on_account_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    """An account saved with perhaps another administrator flag, name, town or choice to be
    shown on sector pages (not a login's last_login): the live parts that name the member are
    rendered again (one query, for the sectors whose members they show)."""
    if not raw and not (update_fields and set(update_fields) <= {"last_login"}):
        # Its own remembered account is kept under `user:<id>`, replaced below: the other
        # members' stay as they are (attack 29, F3).
        if instance.__dict__.pop(SUPERUSER_CHANGED, False):
            notifications.admin_notices_follow_access(
                [instance.pk], entering=[instance.pk] if instance.is_superuser else ()
            )
        sectors = instance.memberships.values_list("sector_key", flat=True)
        live.changed(f"user:{instance.pk}", *(f"sector:{key}" for key in sectors))


def on_address_owned(sender, instance, update_fields=None, raw=False, **kwargs):
    """An account created or given another address, anywhere (the users admin, a sign-up, a
    confirmed change): others' pending changes to its address can no longer be confirmed."""
    if not raw and instance.email and (update_fields is None or "email" in update_fields):
        signup.claims_held_back(instance.email)


def on_address_confirmed(sender, email_address, **kwargs):
    signup.claims_held_back(email_address.email)


def on_membership_changed(sender, instance, raw=False, **kwargs):
    """A member joined or left a sector: its members as shown on its page, and the sectors the
    member is remembered to belong to (their join buttons)."""
    if not raw:
        live.changed(f"sector:{instance.sector_key}", roles.memberships_token(instance.user_id))


# Set on the object whose groups or permissions are about to be cleared: the accounts affected,
# which the relation no longer tells once it is cleared.
CLEARING = "_jumelage_roles_clearing"


def accounts_changed(sender, instance, reverse, pk_set):
    """The ids of the accounts whose roles a change of `sender` (a user's groups or permissions,
    or a group's permissions, from either side) touches."""
    if sender is User.groups.through or sender is User.user_permissions.through:
        return [instance.pk] if not reverse else list(pk_set)
    groups = [instance.pk] if not reverse else list(pk_set)
    return list(User.objects.filter(groups__in=groups).values_list("pk", flat=True).distinct())


def on_roles_changed(
    sender, action, instance=None, reverse=False, model=None, pk_set=None, **kwargs
):
    """Someone's groups or permissions, or a group's permissions, changed: who works in the
    admin is remembered anew, and Wagtail's notices follow (`admin_notices_follow_access`)."""
    if action == "pre_clear" and reverse:
        # A group's accounts, or a permission's accounts or groups, about to be cleared.
        linked = sender.objects.filter(**{instance._meta.model_name: instance.pk})
        setattr(
            instance, CLEARING, set(linked.values_list(f"{model._meta.model_name}_id", flat=True))
        )
    if not action.startswith("post_"):
        return
    roles.forget_remembered_members()
    if action == "post_clear" and reverse:
        pk_set = instance.__dict__.pop(CLEARING, set())
    accounts = accounts_changed(sender, instance, reverse, pk_set)
    notifications.admin_notices_follow_access(
        accounts, entering=accounts if action == "post_add" else ()
    )


def on_group_deleting(sender, instance, **kwargs):
    """A group about to be deleted: its accounts, which the deletion takes out of it without
    telling `m2m_changed`."""
    setattr(instance, CLEARING, list(instance.user_set.values_list("pk", flat=True)))


def on_group_deleted(sender, instance, **kwargs):
    roles.forget_remembered_members()
    notifications.admin_notices_follow_access(instance.__dict__.pop(CLEARING, []))


def on_user_deleted(sender, instance, **kwargs):
    """Their photo and its thumbnail go; their stories' bylines name a former member (their
    memberships, deleted with them, each change their sector's members)."""
    live.changed(f"user:{instance.pk}")
    for field in PHOTO_FIELDS:
        if photo := getattr(instance, field):
            delete_file_later(photo, photo.name)


def register():
    workflow_submitted.disconnect(sender=WorkflowState, dispatch_uid=WORKFLOW_SUBMITTED_NOTICE)
    workflow_submitted.connect(
        one_notice_of_a_submission, sender=WorkflowState, dispatch_uid=WORKFLOW_SUBMITTED_NOTICE
    )
    workflow_approved.connect(on_workflow_approved, dispatch_uid="jumelage_contribution_approved")
    workflow_rejected.connect(on_workflow_rejected, dispatch_uid="jumelage_contribution_rejected")
    for signal in (workflow_approved, workflow_rejected, workflow_cancelled):
        signal.connect(on_review_ended, dispatch_uid=f"jumelage_review_ended_{id(signal)}")
    pre_save.connect(on_user_saving, sender=User, dispatch_uid="jumelage_avatar_replaced")
    post_save.connect(on_user_saved, sender=User, dispatch_uid="jumelage_user_renamed")
    post_save.connect(on_account_saved, sender=User, dispatch_uid="jumelage_user_roles_saved")
    post_save.connect(on_address_owned, sender=User, dispatch_uid="jumelage_address_owned")
    email_confirmed.connect(on_address_confirmed, dispatch_uid="jumelage_address_confirmed")
    for relation in (
        User.groups.through,
        User.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(
            on_roles_changed, sender=relation, dispatch_uid=f"jumelage_roles_{relation.__name__}"
        )
    post_delete.connect(on_user_deleted, sender=User, dispatch_uid="jumelage_avatar_deleted")
    pre_delete.connect(on_group_deleting, sender=Group, dispatch_uid="jumelage_group_deleting")
    post_delete.connect(on_group_deleted, sender=Group, dispatch_uid="jumelage_group_deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            on_membership_changed,
            sender=SectorMembership,
            dispatch_uid=f"jumelage_membership_changed_{signal is post_save}",
        )
    for model in contribution_models():
        pre_delete.connect(
            contributions.discard_with_contribution,
            sender=model,
            dispatch_uid=f"jumelage_contribution_deleted_{model.__name__}",
        )
        pre_delete.connect(
            on_contribution_deleting,
            sender=model,
            dispatch_uid=f"jumelage_review_notices_deleted_{model.__name__}",
        )
        page_published.connect(
            contributions.release_translation,
            sender=model,
            dispatch_uid=f"jumelage_contribution_translated_{model.__name__}",
        )
