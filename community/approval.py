"""What happens when the contribution workflow approves. Imported by Wagtail while its models load
(`WAGTAIL_FINISH_WORKFLOW_ACTION`), so this module imports no models at the top."""


def publish_approved(workflow_state, user=None):
    """Publishes what the workflow approved, as Wagtail's own action does, without asking whether
    the approver may publish the page otherwise. Who may approve is the review task's decision
    (`ContributionReviewTask.may_review`): moderators approve members' contributions but hold no
    permission on any page (community/roles.py)."""
    reviewed_here = any(
        getattr(task, "approval_publishes", False)
        for task in workflow_state.workflow.tasks.specific()
    )
    revision = workflow_state.content_object.get_latest_revision()
    # Any other workflow publishes as Wagtail's own action does: only for who may publish.
    revision.publish(user=user, skip_permission_checks=reviewed_here)
