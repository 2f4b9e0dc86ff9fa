"""Members hear what happened to their contribution: approved (published) or changes requested.
A member's photo leaves the storage with the member, or when they replace or remove it."""

from django.db import transaction
from django.db.models.signals import post_delete, pre_delete, pre_save
from wagtail.models import TaskState
from wagtail.signals import workflow_approved, workflow_rejected
from wagtail.tasks import delete_file_from_storage_task

from exchanges.models import MeetingPage, StoryPage

from . import contributions, notifications, roles
from .models import User


def member_contribution(workflow_state):
    page = workflow_state.content_object
    page = getattr(page, "specific", page)
    if not getattr(page, "member_contribution", False) or page.owner is None:
        return None
    return page if roles.is_member(page.owner) else None


def on_workflow_approved(sender, instance, user=None, **kwargs):
    page = member_contribution(instance)
    if page is not None:
        # The approval publishes the page; tell the member once that is committed.
        transaction.on_commit(
            lambda: notifications.notify_contribution_published(
                page.__class__.objects.get(pk=page.pk)
            )
        )


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    page = member_contribution(instance)
    if page is None:
        return
    rejected = (
        TaskState.objects.filter(workflow_state=instance, status=TaskState.STATUS_REJECTED)
        .order_by("-finished_at")
        .first()
    )
    comment = rejected.comment if rejected else ""
    transaction.on_commit(lambda: notifications.notify_changes_requested(page, comment))


def delete_file_later(field_file, name):
    """Once the change is committed (a rolled-back save keeps its file), the way Wagtail deletes
    an image's files."""
    storage = field_file.storage.deconstruct()
    transaction.on_commit(lambda: delete_file_from_storage_task.enqueue(storage, name))


def on_user_saving(sender, instance, raw=False, update_fields=None, **kwargs):
    """A replaced or removed photo is deleted: nothing of the member stays behind unused."""
    if raw or instance.pk is None or (update_fields is not None and "avatar" not in update_fields):
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("avatar", flat=True).first()
    if stored and stored != instance.avatar.name:
        delete_file_later(instance.avatar, stored)


def on_user_deleted(sender, instance, **kwargs):
    if instance.avatar:
        delete_file_later(instance.avatar, instance.avatar.name)


def register():
    workflow_approved.connect(on_workflow_approved, dispatch_uid="jumelage_contribution_approved")
    workflow_rejected.connect(on_workflow_rejected, dispatch_uid="jumelage_contribution_rejected")
    pre_save.connect(on_user_saving, sender=User, dispatch_uid="jumelage_avatar_replaced")
    post_delete.connect(on_user_deleted, sender=User, dispatch_uid="jumelage_avatar_deleted")
    for model in (StoryPage, MeetingPage):
        pre_delete.connect(
            contributions.discard_with_contribution,
            sender=model,
            dispatch_uid=f"jumelage_contribution_deleted_{model.__name__}",
        )
