"""Members hear what happened to their contribution: approved (published) or changes requested;
deleting a contribution, however it happens, takes its other versions and photos along (all in
community/contributions.py). A member's photo leaves the storage with the member, or when they
replace or remove it."""

from django.db import transaction
from django.db.models.signals import post_delete, pre_delete, pre_save
from wagtail.signals import workflow_approved, workflow_rejected
from wagtail.tasks import delete_file_from_storage_task

from . import contributions
from .models import User
from .models.contribution import contribution_models


def on_workflow_approved(sender, instance, user=None, **kwargs):
    contributions.notify_published(instance)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    """Wagtail's "request changes" (our final "reject" cancels the workflow instead)."""
    contributions.notify_changes_requested(instance)


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
    for model in contribution_models():
        pre_delete.connect(
            contributions.discard_with_contribution,
            sender=model,
            dispatch_uid=f"jumelage_contribution_deleted_{model.__name__}",
        )
