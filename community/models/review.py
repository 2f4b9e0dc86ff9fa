import unicodedata

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.models.workflows import AbstractGroupApprovalTask

from community import contributions
from home.validators import validate_text

# What a reviewer's comment may hold: a few paragraphs for the member (the email quotes it).
COMMENT_MAX_LENGTH = 2000


class ReviewCommentForm(TaskStateCommentForm):
    """The comment of "request changes" and "reject". Wagtail's own form translates its label
    once, when it is imported, in the process's first language: a German reviewer read
    "Opmerking". This one translates it per request. The comment reaches the member (their
    page, the email) and is checked as any text a member types is."""

    comment = forms.CharField(
        label=_("Comment"),
        # A reviewer writes for the member (or the editor) who submitted the page, not a note to
        # colleagues: the dialog says so before anything is sent.
        help_text=_(
            "Whoever submitted the page reads this comment, in the email about your decision."
        ),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        validators=[validate_text],
        widget=forms.Textarea({"rows": 2}),
    )


class ChangesRequestedForm(ReviewCommentForm):
    """ "Request changes" says which: an empty comment told the member that the editors asked
    her to change a few things, and not what (walk 10)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        comment = self.fields["comment"]
        comment.required = True
        comment.error_messages["required"] = self.required_message

    required_message = _("Write what should be changed.")

    def clean_comment(self):
        """A comment of invisible characters only (a zero-width space, a word joiner, a soft
        hyphen: what a paste from a chat carries) says nothing either (attack 34, F2)."""
        comment = self.cleaned_data["comment"]
        if not any(visible(character) for character in comment):
            raise forms.ValidationError(self.required_message, code="required")
        return comment


def visible(character):
    """Whether a character shows: not a space, nor a format or control character."""
    return not character.isspace() and unicodedata.category(character) not in {"Cf", "Cc", "Zs"}


class DeclinedForm(ChangesRequestedForm):
    """The final "no" says why."""

    required_message = _("Write why the contribution is rejected.")


# The dialog's form of each decision; an approval may come without a word.
DECISION_FORMS = {"reject": ChangesRequestedForm, "decline": DeclinedForm}


def decision_form(action):
    return DECISION_FORMS.get(action, ReviewCommentForm)


def decision_data_is_valid(data, action=None):
    """What a review decision may carry besides its name: a comment, as the dialog's form of
    `action` checks it. The page editor sends it as JSON (`workflow-action-extra-data`) and
    Wagtail passes every key on to the task's `on_action` unchecked: an unknown one reached
    `TaskState.approve` or `reject` (a server error, or a keyword they do take, such as
    `update`)."""
    if not isinstance(data, dict) or not set(data) <= {"comment"}:
        return False
    comment = data.get("comment", "")
    return isinstance(comment, str) and decision_form(action)({"comment": comment}).is_valid()


class ContributionReviewTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, plus a final "reject": the contribution will not be published
    and the member is told why (besides "approve" and "request changes")."""

    # Approving publishes, also for reviewers without a publish permission
    # (community/contributions.py, `approve`).
    approval_publishes = True

    def may_review(self, obj, user):
        """Moderators review members' contributions only, and never their own (a moderator's
        story waits for another reviewer); who may publish the page anyway (editors,
        administrators) also reviews whatever else enters the workflow."""
        if user.is_superuser:
            return True
        page = getattr(obj, "specific", obj)
        if getattr(page, "member_contribution", False) and page.owner_id != user.pk:
            return True
        tester = getattr(page, "permissions_for_user", None)
        return tester is not None and tester(user).can_publish()

    def user_can_access_editor(self, obj, user):
        """Reviewing is not rewriting: a reviewer who may not edit the page anyway (a moderator)
        reads it in the task's preview and decides from the dashboard, and never changes a
        member's words, author or photos. Editors keep the editor through their own rights."""
        return False

    def locked_for_user(self, obj, user):
        return super().locked_for_user(obj, user) or not self.may_review(obj, user)

    def user_can_lock(self, obj, user):
        return super().user_can_lock(obj, user) and self.may_review(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        allowed = [
            state.pk
            for state in states.select_related("workflow_state")
            if self.may_review(state.workflow_state.content_object, user)
        ]
        return states.filter(pk__in=allowed)

    def get_form_for_action(self, action):
        return decision_form(action)

    def get_template_for_action(self, action):
        """The dialog names the language its comment's reader reads."""
        return "community/admin/review_decision_modal.html"

    def get_actions(self, obj, user):
        if not self.may_review(obj, user):
            return []
        actions = super().get_actions(obj, user)
        # The final "no" of a member's contribution (its member is told why); any other page in
        # review is approved or sent back for changes.
        if actions and getattr(getattr(obj, "specific", obj), "member_contribution", False):
            actions.append(("decline", _("Reject"), True))
        return actions

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        # One decision at a time per contribution (its member's edit or withdrawal locks the same
        # row), and none on a review its member withdrew since the editor opened it.
        try:
            object_id = task_state.workflow_state.object_id
            Page.objects.select_for_update().filter(pk=object_id).first()
            task_state.refresh_from_db()
            task_state.workflow_state.refresh_from_db()
        except (TaskState.DoesNotExist, WorkflowState.DoesNotExist):
            # The member deleted the contribution (and its review) meanwhile.
            raise PermissionDenied from None
        if (
            task_state.status != TaskState.STATUS_IN_PROGRESS
            or task_state.workflow_state.status != WorkflowState.STATUS_IN_PROGRESS
        ):
            raise PermissionDenied
        # Wagtail's action view checks the user's actions against the page in its address and
        # acts on the task state in it: whoever decides must be allowed to on this task state's
        # own page (a moderator, say, on a member's contribution, never on an editor's draft).
        page = task_state.workflow_state.content_object
        if action_name not in {name for name, *_ in self.get_actions(page, user)}:
            raise PermissionDenied
        if not decision_data_is_valid(kwargs, action_name):
            raise PermissionDenied
        if action_name == "approve":
            # What publishing needs (a story's towns), in what is reviewed and in what an editor
            # saved since: the dashboard's approval publishes past the page form that asks it.
            reviewed = (task_state.revision.as_object(), page.get_latest_revision_as_object())
            if any(getattr(version, "missing_for_review", dict)() for version in reviewed):
                raise PermissionDenied
        if action_name != "decline":
            return super().on_action(task_state, user, action_name, **kwargs)
        contributions.reject(task_state, user, kwargs.get("comment", ""))
        # Wagtail reads what an action returns as the address to go to next: none of our own.
        return None

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve, ask for changes or reject a contribution")

    class Meta:
        verbose_name = _("contribution review")
        verbose_name_plural = _("contribution reviews")
