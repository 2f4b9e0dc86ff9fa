"""Who hears of a page in review, and how: Wagtail's notifiers (wagtail.admin.mail), connected in
their place (`register`, under Wagtail's own dispatch_uids), sending as every email of ours is
sent: queued in the outbox (home.mail: sent by the task worker, retried, listed under Reports →
Outgoing email), from the platform's name, with its HTML version in our frame.

A member's contribution is ours to tell of. Its reviewers get our notice
(`notifications.notify_reviewers_of_contribution`: a member's story or meeting proposal, in the
reviewer's language), not Wagtail's besides ("De pagina … is ter goedkeuring ingediend"); the
member hears of the decision from our emails (community.signal_handlers), never from Wagtail's.
An editor's page sent for moderation keeps Wagtail's notices, to the reviewers who may decide on
it (`ContributionReviewTask.may_review`: not the moderators, who review members' contributions
only) and to the editor of the decision."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected
from wagtail.users.models import UserProfile

from home.mail import queue_email
from home.notifications import as_multipart, email_context
from home.urls_util import current_request

from . import contributions, notifications

# The kind of Wagtail's emails about a page in review (home.mail.OutgoingEmail.kind).
KIND = "page_review"


class InOutbox:
    """A Wagtail notifier whose emails are queued in the outbox, rendered as Wagtail renders them
    (in the recipient's admin language)."""

    def send_emails(self, template_set, context, recipients, **kwargs):
        request = current_request()
        for recipient in recipients:
            context["user"] = recipient
            language = UserProfile.get_for_user(recipient).get_preferred_language()
            with translation.override(language):
                subject = " ".join(render_to_string(template_set["subject"], context).split())
                text = render_to_string(template_set["text"], context).strip()
                message = EmailMessage(
                    subject,
                    text,
                    to=[recipient.email],
                    headers={"Auto-Submitted": "auto-generated"},
                )
                queue_email(as_multipart(message, email_context(request)), kind=KIND)
        return True


class ReviewTaskSubmitted(InOutbox, GroupApprovalTaskStateSubmissionEmailNotifier):
    """A page entered a review task: its reviewers hear of it, those who may decide on it
    only. Of a member's contribution, from our notice; of any other page, from Wagtail's."""

    def get_recipient_users(self, task_state, **kwargs):
        recipients = super().get_recipient_users(task_state, **kwargs)
        may_review = getattr(task_state.task.specific, "may_review", None)
        if may_review is None:
            return recipients
        page = task_state.workflow_state.content_object
        return [user for user in recipients if may_review(page, user)]

    def get_context(self, task_state, **kwargs):
        return {**super().get_context(task_state, **kwargs), "task_state": task_state}

    def send_notifications(self, template_set, context, recipients, **kwargs):
        task_state = context["task_state"]
        page = contributions.member_contribution(task_state.workflow_state)
        if page is None:
            return self.send_emails(template_set, context, recipients, **kwargs)
        notifications.notify_reviewers_of_contribution(page, task_state, recipients)
        return True


class EditorsPagesOnly:
    """A notice of a decision, for the editor who sent a page: a member hears of the decision on
    a contribution from our emails."""

    def can_handle(self, workflow_state, **kwargs):
        return (
            super().can_handle(workflow_state, **kwargs)
            and contributions.member_contribution(workflow_state) is None
        )


class WorkflowApproved(EditorsPagesOnly, InOutbox, WorkflowStateApprovalEmailNotifier):
    """The editor who sent a page for moderation hears it was approved."""


class WorkflowRejected(EditorsPagesOnly, InOutbox, WorkflowStateRejectionEmailNotifier):
    """The editor who sent a page for moderation hears that changes were requested."""


task_submission_email_notifier = ReviewTaskSubmitted()
workflow_approval_email_notifier = WorkflowApproved()
workflow_rejection_email_notifier = WorkflowRejected()

# (signal, receiver, sender, Wagtail's dispatch_uid): a signal connects one receiver for a
# dispatch_uid, so Wagtail's own, connected after our apps are ready, are not.
RECEIVERS = [
    (
        task_submitted,
        task_submission_email_notifier,
        TaskState,
        "group_approval_task_submitted_email_notification",
    ),
    (
        workflow_approved,
        workflow_approval_email_notifier,
        WorkflowState,
        "workflow_state_approved_email_notification",
    ),
    (
        workflow_rejected,
        workflow_rejection_email_notifier,
        WorkflowState,
        "workflow_state_rejected_email_notification",
    ),
]


def register():
    for signal, receiver, sender, dispatch_uid in RECEIVERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(receiver, sender=sender, dispatch_uid=dispatch_uid)
