"""What a reviewer reads after deciding on a review, from the dashboard or in the page editor.

Wagtail's workflow action view (the dashboard's "approve", "request changes" and our "reject")
decides and goes back to the dashboard without a word, and its page editor's workflow actions
say only that the page was updated. Here the decision is confirmed in the reviewer's admin
language, once the review's task state shows it was taken (not after a form sent back with
errors, nor a refusal)."""

from contextvars import ContextVar
from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.admin import messages
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.utils import get_latest_str, get_valid_next_url_from_request
from wagtail.models import Page, PageLogEntry, TaskState

from home import queued_messages
from home.cache import active_locale

from . import roles
from .contributions import member_contribution, title_under_review

# By action, in Wagtail's words where it has them: "reject" is Wagtail's name for sending back
# for changes, "decline" our final "no" (community/models/review.py).
DECISION_MESSAGES = {
    "approve": _("The page “%(title)s” has been approved."),
    "reject": _("Changes to the page “%(title)s” have been requested."),
    "decline": _("The page “%(title)s” has been rejected."),
}
# The same of a member's contribution, as the site calls it (not a "page").
CONTRIBUTION_DECISION_MESSAGES = {
    "approve": _("The contribution “%(title)s” has been approved."),
    "reject": _("Changes to the contribution “%(title)s” have been requested."),
    "decline": _("The contribution “%(title)s” has been rejected."),
}
# What Wagtail's page editor says after saving, also with a decision (in its words: translated
# by its catalogues, not ours).
WAGTAILS_UPDATE = "Page '%(page_title)s' has been updated."
# The status each decision leaves its task state in: publishing the page or cancelling the
# review ends it too, and is not the decision the form named.
DECIDED_STATUS = {
    "approve": TaskState.STATUS_APPROVED,
    "reject": TaskState.STATUS_REJECTED,
    "decline": TaskState.STATUS_REJECTED,
}


def confirming_decision(view):
    """Wagtail's workflow action view (`page_id`, `action_name`, `task_state_id` in its address),
    followed by a success message naming what was decided on, by its title under review."""

    @wraps(view)
    def confirmed(request, *args, **kwargs):
        if request.method != "POST" or kwargs["action_name"] not in DECISION_MESSAGES:
            return view(request, *args, **kwargs)  # the dialog, or an action we do not name
        with transaction.atomic():
            return decide(request, view, *args, **kwargs)

    return confirmed


def decide(request, view, *args, **kwargs):
    """`confirming_decision`'s decision, in one transaction with the checks before it."""
    task_state = TaskState.objects.filter(pk=kwargs["task_state_id"])
    if kwargs["action_name"] == "approve":
        if "revision" in request.POST:
            shown = shown_revision_is_latest(request, kwargs)
            unseen = _(
                "Nothing was approved: a new version was saved after you opened the "
                "confirmation. Read again what approving publishes now."
            )
        else:
            # Wagtail's "Approve with comment" dialog (no revision of ours in its form): what
            # the reviewers' preview showed is what was sent for review.
            shown = sent_revision_is_latest(kwargs)
            unseen = _(
                "Nothing was approved: a new version was saved after the page was sent for "
                "review. Read what approving publishes now."
            )
        if refused := not_approvable(task_state.first(), request.user):
            # What publishing needs, which an editor's draft saved during the review took away
            # (a meeting's place): said, not refused as a lack of permission
            # (`ContributionReviewTask.on_action` refuses it all the same). First: it names the
            # version saved during the review too, and no confirmation could approve it.
            messages.error(request, refused)
            return lead_to(request, reverse("wagtailadmin_home"))
        if not shown:
            messages.error(request, unseen)
            return lead_to(
                request,
                reverse(
                    "jumelage_confirm_approval",
                    args=[kwargs["page_id"], kwargs["task_state_id"]],
                ),
            )
    # Only a decision this request took: not a repeat of one taken before (Wagtail refuses
    # it with its own message), nor a form sent back with errors.
    was_open = task_state.filter(status=TaskState.STATUS_IN_PROGRESS).exists()
    response = view(request, *args, **kwargs)
    decided = task_state.filter(status=DECIDED_STATUS[kwargs["action_name"]])
    if was_open and decided.exists():
        page = Page.objects.get(pk=kwargs["page_id"])
        messages.success(request, decision_message(kwargs["action_name"], page))
        if not get_valid_next_url_from_request(request) and not roles.holds_rights_on(
            request.user, page
        ):
            # Wagtail leads to the page's editor, not found for who holds no rights on the
            # page once its review is decided (a moderator): to the dashboard, where her
            # reviews wait.
            return lead_to(request, reverse("wagtailadmin_home"))
    return response


def decision_message(action, page):
    """What a reviewer is told she decided on `page`, named by its title under review."""
    texts = DECISION_MESSAGES
    if getattr(page.specific_deferred, "member_contribution", False):
        texts = CONTRIBUTION_DECISION_MESSAGES
    return texts[action] % {"title": get_latest_str(page)}


def shown_revision_is_latest(request, kwargs):
    """Whether the revision the approval's confirmation showed (`confirm_approval`, its form's
    `revision`) is still the page's latest, which approving publishes: an editor's save since
    would be published unseen. Read under the lock of the page's row that every decision
    (`ContributionReviewTask.on_action`) takes and a save waits for, until the decision is
    committed."""
    page = Page.objects.select_for_update().filter(pk=kwargs["page_id"]).first()
    return page is None or str(page.latest_revision_id) == request.POST["revision"]


def sent_revision_is_latest(kwargs):
    """Whether the page's latest revision, which approving publishes, is still the one its
    review's task state was sent with (what the reviewers' preview shows), for an approval
    that names no revision: an editor's save since would be published unseen. Read under the
    page's row lock, as `shown_revision_is_latest`. A task state of another page, or none,
    is left to Wagtail's view to refuse."""
    page = Page.objects.select_for_update().filter(pk=kwargs["page_id"]).first()
    task_state = TaskState.objects.filter(pk=kwargs["task_state_id"]).first()
    if page is None or task_state is None or task_state.revision_id is None:
        return True
    if task_state.revision.object_id != str(page.pk):
        return True
    return page.latest_revision_id == task_state.revision_id


def not_approvable(task_state, user):
    """What approving `task_state` would publish and lacks, as a message; None if nothing, or
    if `user` may not approve it (Wagtail's view refuses that as it does)."""
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return None
    page = task_state.workflow_state.content_object
    actions = task_state.task.specific.get_actions(page, user)
    if "approve" not in {name for name, *_ in actions}:
        return None
    versions = (
        # What was sent for review (what the reviewer read), then what an editor saved since.
        (task_state.revision.as_object(), _("“%(title)s” was not published: %(missing)s")),
        (
            page.get_latest_revision_as_object(),
            _(
                "“%(title)s” was not published: a version an editor saved during the review "
                "lacks this: %(missing)s"
            ),
        ),
    )
    for version, text in versions:
        missing = getattr(version, "missing_for_review", dict)()
        if missing:
            return text % {
                "title": version.title,
                "missing": " ".join(map(str, missing.values())),
            }
    return None


def remember_review_in_progress(request, page):
    """`before_edit_page`: the review task in progress when the editor's form is sent with a
    workflow action, to tell afterwards whether this request decided it."""
    if request.method == "POST" and request.POST.get("action-workflow-action"):
        task_state = page.current_workflow_task_state
        request.jumelage_review_in_progress = task_state.pk if task_state else None


def confirm_decision_in_editor(request, page):
    """`after_edit_page`: the decision taken with the editor's workflow action, confirmed as
    from the dashboard (the editor saved the form without deciding when the action was not
    available any more: the review was decided or withdrawn meanwhile)."""
    action = request.POST.get("workflow-action-name")
    task_state_id = getattr(request, "jumelage_review_in_progress", None)
    if action not in DECISION_MESSAGES or task_state_id is None:
        return
    task_state = TaskState.objects.filter(pk=task_state_id)
    if task_state.filter(status=DECIDED_STATUS[action]).exists():
        # In place of Wagtail's "Page '…' has been updated." (its words, just queued, with
        # other quotes): one line that says what was decided.
        title = page.get_admin_display_title()
        updated = gettext(WAGTAILS_UPDATE) % {"page_title": title}
        queued_messages.withdraw(request, [updated])
        messages.success(request, decision_message(action, page))


@require_GET
def confirm_approval(request, page_id, task_state_id):
    """What approving a page in review will do, asked before it is done: the dashboard's
    "Approve" published at once, with no way back. The form posts to Wagtail's workflow action
    (so it works without JavaScript) and returns to the dashboard. Guarded as Wagtail's review
    views are (jumelage/urls.py, `with_review_rights`): the page's own review in progress, for
    a reviewer who may decide it."""
    page = Page.objects.select_related("locale", "latest_revision", "owner").get(pk=page_id)
    task_state = TaskState.objects.get(pk=task_state_id)
    dashboard = reverse("wagtailadmin_home")
    context = {
        "page": page,
        # Its reader is named: the member told by email.
        "task_state": task_state,
        "title": title_under_review(page),
        "kind": page.specific_class.get_verbose_name() if page.specific_class else "",
        "refused": not_approvable(task_state, request.user),
        "action_url": reverse(
            "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
        ),
        "preview_url": reverse(
            "wagtailadmin_pages:workflow_preview", args=(page.pk, task_state.task_id)
        ),
        # Saved since it was sent: what approving publishes, to read before.
        "publishes_url": reverse(
            "jumelage_approval_preview",
            args=(page.pk, task_state.pk, page.latest_revision_id),
        ),
        "next_url": dashboard,
        # What approving publishes, as shown here (`shown_revision_is_latest`).
        "revision_id": page.latest_revision_id,
        # Saved since it was sent for review: the preview shows what was sent.
        "saved_since": page.latest_revision_id != task_state.revision_id,
        "cancel_url": f"{dashboard}#awaiting-review",
    }
    return TemplateResponse(request, "community/admin/confirm_approval.html", context)


def review_open_to(page, task_id, user):
    """Whether `page`'s review in progress is at the task `task_id` and `user` may read it:
    decide it, or edit pages. A review whose changes were requested is not open (Wagtail keeps
    its rejected task state as the workflow's current one until the member sends it again)."""
    state = page.current_workflow_state
    current = state.current_task_state if state else None
    if current is None or current.task_id != task_id:
        return False
    if current.status != TaskState.STATUS_IN_PROGRESS:
        return False
    return roles.holds_rights_on(user, page) or bool(current.task.specific.get_actions(page, user))


def last_decision(page_id, task_id):
    """The latest finished task state of the page's reviews at `task_id`, or None."""
    return (
        TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id=str(page_id),
            task_id=task_id,
        )
        .exclude(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("finished_by", "workflow_state", "revision")
        .order_by("-finished_at", "-pk")
        .first()
    )


def decided_review_address(page, task_state_id, user):
    """Where a decision or its confirmation on `page`'s task state `task_state_id` leads once
    that review is no longer in progress: what became of it (`review_decided`), for a reader
    who may read that; None for a task state of another page, one still in progress, or a
    reader who may not (as `review_decided` refuses)."""
    task_state = (
        TaskState.objects.filter(
            pk=task_state_id,
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id=str(page.pk),
        )
        .exclude(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state")
        .first()
    )
    if task_state is None:
        return None
    if not (roles.holds_rights_on(user, page) or member_contribution(task_state.workflow_state)):
        return None
    return reverse("jumelage_review_decided", args=[page.pk, task_state.task_id])


def lead_to(request, address):
    """A redirect to `address`; for Wagtail's review dialog (a script that asked for a step of
    its modal), the step that leads there."""
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return render_modal_workflow(
            request, "", None, {}, json_data={"step": "success", "redirect": address}
        )
    return redirect(address)


def decided_elsewhere(preview):
    """Wagtail's preview of a review (the address the reviewers' email gives): once another
    reviewer decided it, or its member withdrew it, the reader is led to what became of it
    (`review_decided`), not to Wagtail's red "is not currently awaiting moderation"."""

    @wraps(preview)
    def previewed(request, page_id, task_id, *args, **kwargs):
        if request.method == "GET" and roles.is_moderator(request.user):
            page = Page.objects.filter(pk=page_id).first()
            if page is not None and not review_open_to(page, task_id, request.user):
                if last_decision(page_id, task_id) is not None:
                    return redirect("jumelage_review_decided", page_id, task_id)
        return preview(request, *args, page_id=page_id, task_id=task_id, **kwargs)

    return previewed


DECIDED = {
    TaskState.STATUS_APPROVED: _("“%(title)s” was approved by %(name)s on %(date)s."),
    TaskState.STATUS_REJECTED: _("Changes to “%(title)s” were requested by %(name)s on %(date)s."),
    "declined": _("“%(title)s” was rejected by %(name)s on %(date)s."),
    TaskState.STATUS_CANCELLED: _("“%(title)s” was withdrawn from review on %(date)s."),
    TaskState.STATUS_SKIPPED: _("The review of “%(title)s” was skipped on %(date)s."),
    # Its member took it back (an editor's publishing ends a review too: the text above).
    "withdrawn": _("Its author withdrew “%(title)s” from review on %(date)s: nobody decided."),
}
# The same, told to the reviewer who decided it herself (another tab, her phone).
DECIDED_BY_READER = {
    TaskState.STATUS_APPROVED: _("You approved “%(title)s” on %(date)s."),
    TaskState.STATUS_REJECTED: _("You requested changes to “%(title)s” on %(date)s."),
    "declined": _("You rejected “%(title)s” on %(date)s."),
}


# The log entries of a page's review starting at a task: sent for review, or sent again.
REVIEW_STARTS = ("wagtail.workflow.start", "wagtail.workflow.resume")


# Written into the review starts of a staff account before it is deleted
# (`remember_staff_sender`): their sender was no member, though no account says so any more.
SENT_BY_STAFF = "jumelage_sent_by_staff"


def told_of_review(user, page_id, task_id):
    """Whether `user` may learn that the page `page_id`, deleted since, was reviewed at the task
    `task_id` (its log entries outlive the page): an editor who holds rights on deleted pages
    (`roles.holds_rights_on_deleted_pages`: rights on the root itself, not on parts of the tree
    however many, as the page no longer says where it was), or a moderator the reviewers' email
    told of it, a member's contribution sent to that task by another. Nobody else learns that a
    page id existed.

    The log keeps the id of who sent it, not her account: a member who deleted hers took her
    contributions in review with it, so a sender no account has any more is taken for a member,
    unless her review starts say she was staff (`remember_staff_sender`: a staff member's pages
    stay when her account goes, the site's)."""
    if not roles.is_moderator(user):  # editors and administrators moderate too
        return False
    holds_rights = roles.holds_rights_on_deleted_pages(user)
    senders = set()
    for entry in PageLogEntry.objects.filter(page_id=page_id, action__in=REVIEW_STARTS):
        workflow = entry.data.get("workflow") or {}
        task = workflow.get("next") or workflow.get("task") or {}
        if task.get("id") == task_id:
            if holds_rights:
                return True
            if entry.user_id not in (None, user.pk) and not entry.data.get(SENT_BY_STAFF):
                senders.add(entry.user_id)
    accounts = list(get_user_model().objects.filter(pk__in=senders))
    return len(accounts) < len(senders) or any(map(roles.is_member, accounts))


def remember_staff_sender(user):
    """Before the account of `user` (an editor, a moderator) is deleted: the reviews she asked
    for say they were a staff member's, so that her pages, deleted or not, are not taken for a
    member's contributions (`told_of_review`)."""
    entries = PageLogEntry.objects.filter(user_id=user.pk, action__in=REVIEW_STARTS)
    for pk, data in entries.values_list("pk", "data"):
        # Not saved as a model: its page may be gone, which its validation refuses.
        PageLogEntry.objects.filter(pk=pk).update(data={**data, SENT_BY_STAFF: True})


def page_in_readers_language(page):
    """The live page to show the reader: its translation in her admin language where one is
    live, else the page itself if live; None if neither."""
    locale = active_locale()
    if locale is not None and locale.pk != page.locale_id:
        translation = page.get_translation_or_none(locale)
        if translation is not None and translation.live:
            return translation
    return page if page.live else None


@require_GET
def review_decided(request, page_id, task_id):
    """What became of a review the reader was told of: who decided what and when, in the
    reader's admin language, with the way on (the page on the site once published, the editor
    for an editor). A review open again at this task leads to its preview. Moderators read this
    of members' contributions only (as they review nothing else); a page deleted since is said
    to be gone."""
    page = Page.objects.filter(pk=page_id).select_related("latest_revision").first()
    if page is None:
        # Said only to who was told of its review: to anyone else, as to an id no page ever
        # had, nothing is found (else the page ids that exist could be read off the answers).
        if not told_of_review(request.user, page_id, task_id):
            raise Http404
        return TemplateResponse(request, "community/admin/review_decided.html", {"gone": True})
    if review_open_to(page, task_id, request.user):
        return redirect("wagtailadmin_pages:workflow_preview", page_id, task_id)
    decision = last_decision(page_id, task_id)
    if decision is None or not (
        roles.holds_rights_on(request.user, page) or member_contribution(decision.workflow_state)
    ):
        raise Http404
    status = decision.status
    specific = page.specific
    if status == TaskState.STATUS_REJECTED and getattr(specific, "declined_at", None):
        status = "declined"
    moment = timezone.localtime(decision.finished_at) if decision.finished_at else None
    finished_by = decision.finished_by
    texts = DECIDED
    if finished_by is not None and finished_by.pk == request.user.pk:
        texts = {**DECIDED, **DECIDED_BY_READER}
    # The title of what was reviewed: not of a draft saved since (its member's, unsent, or an
    # editor's), which the reader may not know of.
    reviewed = decision.revision.content.get("title") if decision.revision_id else None
    withdrawn = (
        status == TaskState.STATUS_CANCELLED
        and finished_by is not None
        and finished_by.pk == page.owner_id
        and roles.is_member(finished_by)
    )
    if withdrawn:
        status = "withdrawn"
    text = texts.get(status, DECIDED[TaskState.STATUS_CANCELLED]) % {
        "title": reviewed or page.title,
        "name": decider_name(finished_by),
        "date": formats.date_format(moment, "DATETIME_FORMAT") if moment else "–",
    }
    context = {
        "page": page,
        "text": text,
        "withdrawn": withdrawn,
        "public_url": shown.url if (shown := page_in_readers_language(page)) else None,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk])
        if page.permissions_for_user(request.user).can_edit()
        else None,
    }
    return TemplateResponse(request, "community/admin/review_decided.html", context)


def decider_name(user):
    """Who decided a review, as `review_decided` names her: her name, else "the editors" (a
    staff member without a name is never named by her email address, which moderators may not
    see of staff)."""
    if user is None:
        return "–"
    return roles.named(user, user.get_full_name())


# Where the preview of a review leads back to (`with_way_back`): the page it shows is the site's,
# without the admin around it, and the reviewer decides elsewhere.
PREVIEW_WAY_BACK = ContextVar("preview_way_back", default=None)


def with_way_back(address):
    """A view that shows a review's preview, whose page then links `address(**kwargs)` back
    to the review (templates/base.html, `review_way_back`)."""

    def decorator(view):
        @wraps(view)
        def previewed(request, *args, **kwargs):
            token = PREVIEW_WAY_BACK.set(address(**kwargs))
            try:
                return view(request, *args, **kwargs)
            finally:
                PREVIEW_WAY_BACK.reset(token)

        return previewed

    return decorator


def to_the_reviews(**kwargs):
    """The contributions awaiting review on the dashboard, with their decisions."""
    return reverse("wagtailadmin_home") + "#awaiting-review"


def to_the_confirmation(page_id, task_state_id, **kwargs):
    """The approval's confirmation (`confirm_approval`), which links what approving publishes."""
    return reverse("jumelage_confirm_approval", args=[page_id, task_state_id])


@with_way_back(to_the_confirmation)
@require_GET
def approval_preview(request, page_id, task_state_id, revision_id):
    """What approving publishes (the page's latest revision), when it was saved after the page
    was sent for review: Wagtail's preview of a review shows only what was sent. Guarded as the
    confirmation is (`with_review_rights`); only the revision the confirmation names, while it is
    still the latest: an older one, or one saved since, is not found (the confirmation, opened
    again, names the latest)."""
    page = Page.objects.get(pk=page_id)
    if page.latest_revision_id != revision_id:
        raise Http404
    publishes = page.latest_revision.as_object()
    return publishes.make_preview_request(
        request,
        publishes.default_preview_mode,
        extra_request_attrs={"revision_id": revision_id},
    )


@require_GET
def reviewed_revision(request, page_id, task_state_id):
    """What a reviewer sent back for changes, read-only, as the reviewers' preview showed it:
    the revision of the page's review whose changes were requested, while its member has not
    sent it again (Wagtail's preview shows only a review in progress). For editors, and for
    moderators of members' contributions (those they review); what the member saved since is
    hers and is not shown. Anything else is not found."""
    page = Page.objects.filter(pk=page_id).first()
    state = page.current_workflow_state if page is not None else None
    current = state.current_task_state if state is not None else None
    if (
        current is None
        or current.pk != task_state_id
        or current.status != TaskState.STATUS_REJECTED
        or not (roles.holds_rights_on(request.user, page) or member_contribution(state))
    ):
        raise Http404
    reviewed = current.revision.as_object()
    return reviewed.make_preview_request(
        request,
        reviewed.default_preview_mode,
        extra_request_attrs={"revision_id": current.revision_id},
    )
