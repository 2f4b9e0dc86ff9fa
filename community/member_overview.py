"""What a moderator reads of a member on the member's admin page, above the blocking fields:
who she is on the platform (name, town, when she joined and last logged in, her sector
communities), what she contributed and what became of it, and whether she is blocked.

Read-only, and only what the moderator's role covers (DESIGN.md, Roles): her name and town as
members read them, not her address, photo or "about me" (those stay on the inspect page); her
contributions as far as a reviewer reaches them: those sent for review, published, taken off
the site or rejected, each with the link the reader may open (the review's preview for a
moderator, what was sent back for changes as the reviewer read it, the editor for an editor,
the public page once published). A draft she never sent is hers: a moderator reads how many
there are, not their titles."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import Page, Revision, Task, TaskState

from home.cache import active_locale, locales

from .contributions import ContributionState, contributions_of, title_under_review
from .forms import town_names, town_or_elsewhere
from .models.sectors import sector_pages


def member_overview(member, reader):
    """The context of the member's admin page for `reader` (a moderator or editor)."""
    contributions, unsent_drafts = shown_contributions(member, reader)
    return {
        "member": member,
        "town": town_or_elsewhere(member.town_id, town_names()),
        "sectors": sector_names(member),
        "contributions": contributions,
        "unsent_drafts": unsent_drafts,
    }


def sector_names(member):
    """Her sector communities, each named in the admin's language where it has a page in it."""
    locale = active_locale()
    names = {}
    for page in sector_pages()["by_id"].values():
        key = page.translation_key
        if key not in names or (locale and page.locale_id == locale.pk):
            names[key] = page.title
    keys = member.memberships.values_list("sector_key", flat=True)
    return sorted((names[key] for key in keys if key in names), key=str.casefold)


def shown_contributions(member, reader):
    """Her contributions the reader may know of, each with `.shown_title`, `.state` and
    `.link` (None where the reader opens nothing), and how many unsent drafts are left out."""
    shown, unsent = [], 0
    pages = contributions_of(member)
    sent = titles_sent(page for page in pages if page.state in SENT_BACK)
    read_along(pages)
    for page in pages:
        edits = page.permissions_for_user(reader).can_edit()
        if page.state == ContributionState.DRAFT and not edits:
            unsent += 1
            continue
        page.shown_title = sent.get(page.pk, page.title)
        page.link = page.url if page.live else None
        if page.state == ContributionState.IN_REVIEW:
            page.shown_title = title_under_review(page)
            page.link = review_link(page, reader) or page.link
        elif page.state == ContributionState.CHANGES_REQUESTED:
            page.link = sent_back_link(page) or page.link
        if edits:
            page.link = reverse("wagtailadmin_pages:edit", args=[page.pk])
        shown.append(page)
    return shown, unsent


def read_along(pages):
    """Gives the pages what the summary asks of each (their language, latest revision and the
    specific task of their review, whose workflow state `contributions_of` prefetched) in a
    query for each, not in queries for every page."""
    by_id = {locale.pk: locale for locale in locales().values()}
    revisions = Revision.objects.in_bulk([page.latest_revision_id for page in pages])
    states = [page.current_workflow_state for page in pages]
    in_review = [state.current_task_state for state in states if state is not None]
    in_review = [task_state for task_state in in_review if task_state is not None]
    tasks = Task.objects.filter(pk__in={state.task_id for state in in_review}).specific()
    tasks = {task.pk: task for task in tasks}
    for task_state in in_review:
        task_state.task = tasks[task_state.task_id]
    for page in pages:
        if page.locale_id in by_id:
            page.locale = by_id[page.locale_id]
        page.latest_revision = revisions.get(page.latest_revision_id)


# Reviewed and not published: her edits since are drafts, which the page's title does not follow.
SENT_BACK = (ContributionState.CHANGES_REQUESTED, ContributionState.REJECTED)


def titles_sent(pages):
    """Each page's title as she last sent it for review (the revision of its latest task state),
    by page id, in one query."""
    ids = [str(page.pk) for page in pages]
    if not ids:
        return {}
    task_states = (
        TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id__in=ids,
            revision__isnull=False,
        )
        .select_related("revision", "workflow_state")
        .order_by("-started_at", "-pk")
    )
    titles = {}
    for task_state in task_states:
        page_id = int(task_state.workflow_state.object_id)
        title = task_state.revision.content.get("title")
        if page_id not in titles and title:
            titles[page_id] = title
    return titles


def review_link(page, reader):
    """The preview of the page's review in progress, where the reader may decide it."""
    task_state = page.current_workflow_task_state
    if task_state is None or not task_state.task.specific.get_actions(page, reader):
        return None
    return reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id])


def sent_back_link(page):
    """What the reviewer read of a contribution sent back for changes, read-only (as the
    reviewers' preview showed it; `review_decisions.reviewed_revision` checks the reader)."""
    state = page.current_workflow_state
    task_state = state.current_task_state if state else None
    if task_state is None or task_state.status != task_state.STATUS_REJECTED:
        return None
    return reverse("jumelage_reviewed_revision", args=[page.pk, task_state.pk])
