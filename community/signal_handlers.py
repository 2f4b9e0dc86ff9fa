"""Members hear what happened to their contribution: approved (published) or changes requested."""

from django.db import transaction
from wagtail.models import TaskState
from wagtail.signals import workflow_approved, workflow_rejected

from . import notifications


def member_contribution(workflow_state):
    page = workflow_state.content_object
    page = getattr(page, "specific", page)
    if not getattr(page, "member_contribution", False) or page.owner is None:
        return None
    return page if page.owner.is_member else None


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


def register():
    workflow_approved.connect(on_workflow_approved, dispatch_uid="jumelage_contribution_approved")
    workflow_rejected.connect(on_workflow_rejected, dispatch_uid="jumelage_contribution_rejected")
