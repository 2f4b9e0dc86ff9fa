from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState
from wagtail.models.workflows import AbstractGroupApprovalTask


class ContributionReviewTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, plus a final "reject": the contribution will not be published
    and the member is told why (besides "approve" and "request changes")."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions:
            actions.append(("decline", _("Reject"), True))
        return actions

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "decline":
            return super().on_action(task_state, user, action_name, **kwargs)
        from community import notifications

        comment = kwargs.get("comment", "")
        task_state.status = TaskState.STATUS_REJECTED
        task_state.finished_at = timezone.now()
        task_state.finished_by = user
        task_state.comment = comment
        task_state.save()
        workflow_state = task_state.workflow_state
        workflow_state.cancel(user=user)
        page = workflow_state.content_object.specific
        type(page).objects.filter(pk=page.pk).update(
            declined_at=timezone.now(), decline_reason=comment
        )
        if page.owner_id and page.owner.is_member:
            transaction.on_commit(lambda: notifications.notify_contribution_declined(page, comment))
        return task_state

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve, ask for changes or reject a contribution")

    class Meta:
        verbose_name = _("contribution review")
        verbose_name_plural = _("contribution reviews")
