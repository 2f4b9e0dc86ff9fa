"""The page editor of a page whose review is in progress, without Wagtail's autosave.

Approving publishes the page's latest revision. Wagtail 8 saves what an editor types as a draft
about every half second (`WAGTAIL_AUTOSAVE_INTERVAL`), also right after her approval was refused
for what the page lacks (its form said nothing was saved): her unsent edits became the version
in review, which the dashboard's approval then refused as well. While a review is in progress,
only what the editor saves herself (a button) is stored, and the editor says so when it opens:
the autosave indicator just stayed hidden."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import TaskState, WorkflowState

AUTOSAVE_REFUSED = _(
    "Not saved automatically while the page is in review: save it yourself when it is ready."
)
AUTOSAVE_OFF = _("Autosave is off while this page is in review: save your changes yourself.")


def review_in_progress(page):
    """Whether `page` waits for a reviewer's decision (not sent back for changes)."""
    state = page.current_workflow_state
    current = state.current_task_state if state else None
    return (
        state is not None
        and state.status == WorkflowState.STATUS_IN_PROGRESS
        and current is not None
        and current.status == TaskState.STATUS_IN_PROGRESS
    )


class ReviewEditView(EditView):
    """Wagtail's page editor; for a page in review, without autosave, which it says as Wagtail
    says a lock: a message when it opens."""

    def get(self, request, *args, **kwargs):
        if review_in_progress(self.page):
            messages.info(request, AUTOSAVE_OFF, extra_tags="autosave")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if review_in_progress(self.page):
            context["autosave_enabled"] = False
        return context

    def post(self, request, *args, **kwargs):
        # An autosave is the editor's form sent for a JSON answer, without an action button.
        # Of a page another editor locked, Wagtail's refusal says first that it is locked.
        autosave = self.expects_json_response and self.action_name == "save"
        if autosave and not self.locked_for_user and review_in_progress(self.page):
            return self.json_error_response("in_review", str(AUTOSAVE_REFUSED))
        return super().post(request, *args, **kwargs)


class ReviewedPageViewSet(PageViewSet):
    """The admin views of a page type members contribute, with `ReviewEditView`."""

    edit_view_class = ReviewEditView
