"""The admin's page forms: one that names a refused publishing schedule above the editor, one for
page types that need more to be published than to be saved as a draft, and one for page types
whose inline panels need a row before publishing."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

PUBLISHING_SCHEDULE = ("go_live_at", "expire_at")
SCHEDULE_REFUSED = _(
    "The publishing schedule (under Status, on the right) cannot be saved as it is."
)

# The page editor's buttons that publish the page or send it to review
# (wagtail/admin/views/pages/edit.py, `action_name_and_method`), and the workflow decisions that
# publish it or pass it to the workflow's next task (the others: "reject", "decline").
SENDING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")
PUBLISHING_DECISIONS = {"approve"}


class SchedulePageForm(WagtailAdminPageForm):
    """Wagtail shows an error of the schedule's dates only inside its "Set publishing schedule"
    dialog; its banner said no more than that the page could not be saved, so an editor who had
    not opened the dialog never learned why (an expiry date refused on a meeting members count
    on, MeetingPage.clean). With an error of the form's own, Wagtail's banner lists every error
    with its field's label: this one says where the schedule is, beside the reason. The status
    panel said no more than "Invalid schedule": it is given the page, not the form, so the
    reasons go with the page (`schedule_refusals`, read by
    templates/wagtailadmin/shared/side_panels/includes/status/workflow.html)."""

    def publishes_or_submits(self):
        """Whether the page editor's action (the button's name in the form, read as Wagtail's
        EditView reads it, publishing first) publishes the page or sends it to review. Wagtail
        defers validation only for "save draft": cancelling the workflow and a decision other
        than approving ("request changes", a contribution's "reject") save a draft all the
        same. Any other path (creating a page, an action without a button) asks."""
        data = self.data
        if any(data.get(name) for name in SENDING_ACTIONS):
            return True
        if data.get("action-workflow-action"):
            return data.get("workflow-action-name") in PUBLISHING_DECISIONS
        return not data.get("action-cancel-workflow")

    def _post_clean(self):
        super()._post_clean()  # the page's own clean runs here, after the form's
        self.instance.schedule_refusals = [
            message for name in PUBLISHING_SCHEDULE for message in self.errors.get(name, [])
        ]
        if self.instance.schedule_refusals:
            self.add_error(None, ValidationError(SCHEDULE_REFUSED, code="schedule_refused"))


class NeedsToPublishPageForm(SchedulePageForm):
    """For a page whose `missing_for_review()` names what a draft may lack but publishing or
    submitting needs ({field: message}; a meeting's place or online link): asked when the
    editor publishes, submits or approves, not when they save a draft (Wagtail's deferred
    validation), cancel the review or send it back (`publishes_or_submits`). The page's own
    `clean()` asks the same of a page it publishes by any other path (an approval, a bulk
    action, a translation), unless a form asked it (`needs_asked_by_form`)."""

    def _post_clean(self):
        self.instance.needs_asked_by_form = True
        super()._post_clean()
        if self.is_deferred_validation or not self.publishes_or_submits():
            return
        for name, message in self.instance.missing_for_review().items():
            # An inline panel's rows are the form's, not yet the page's: asked of the rows
            # (`RowsToPublishPageForm`).
            if name not in self.errors and name not in self.formsets:
                self.add_error(name if name in self.fields else None, message)


class RowsToPublishPageForm(SchedulePageForm):
    """`rows_to_publish` maps inline panels (by relation name) that need at least one row once
    the page is published or sent for review, not in a draft, to (the field a row chooses, the
    error to show). Instead of the panel's `min_num`: Wagtail defers that for drafts, but the
    empty row it shows to reach it still counts as filled in (by its order), so a draft whose
    row stayed empty was refused ("This field is required" on a story's town). Asked when the
    editor publishes, submits or approves (`publishes_or_submits`)."""

    rows_to_publish = {}

    def clean(self):
        cleaned = super().clean()
        if self.is_deferred_validation or not self.publishes_or_submits():
            return cleaned
        for name, (field, message) in self.rows_to_publish.items():
            formset = self.formsets[name]
            chosen = [
                form
                for form in formset.forms
                if form.is_valid()
                and form.cleaned_data.get(field)
                and not form.cleaned_data.get("DELETE")
            ]
            if not chosen:
                self.add_error(None, ValidationError(message, code="rows_to_publish"))
        return cleaned
