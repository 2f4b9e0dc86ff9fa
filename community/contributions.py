"""The contribution lifecycle, in one place: a member's story or meeting proposal is created as a
draft page owned by the member, edited, submitted to the Wagtail moderation workflow, withdrawn,
approved (published), rejected, taken off the site (by an editor or after reports), or deleted.
Members never publish; editors and moderators decide.

Generic over every page type with `ContributionMixin` (community/models/contribution.py): the
views, the review task, the reports and the signal handlers call these functions, and what a page
type adds (its fields, its form) lives with it. The rules of who may see and edit a contribution
live here too, for the views and tests alike."""

import datetime
import difflib
import re
import weakref
from html import escape, unescape
from threading import local

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import QuerySet, Sum
from django.dispatch import receiver
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_tasks import task
from wagtail.coreutils import find_available_slug
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    Page,
    ReferenceIndex,
    Revision,
    TaskState,
    WorkflowState,
)
from wagtail.rich_text import RichText

from community import notifications, roles
from community.approval import workflow_approved_to_publish
from community.models.collections import MemberCollection, MembersPhotosCollection
from community.models.contribution import contribution_models
from community.models.submissions import SubmissionToken
from community.uploads import daily_photo_bytes, size_text
from home.i18n import is_source_version, source_versions
from home.image_references import images_in_latest_revisions
from home.machine_translation import (
    HIDDEN_UNTIL_DECIDED,
    ensure_aliases,
    queue_translation,
    translated_again_when_published,
)
from home.urls_util import ascii_slug

CONTRIBUTIONS_COLLECTION = "Bijdragen van leden"


class ContributionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("Awaiting review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    # Not Wagtail's "Rejected": its task states say so of changes requested too (see
    # home/admin_messages.py).
    REJECTED = "rejected", pgettext_lazy("contribution", "Rejected")
    HIDDEN = "hidden", _("Taken off the site")


def contributions_of(user):
    """The member's own stories and meeting proposals (what she wrote, not an editor's
    translation of it), newest first, each with `.state` and
    `.editor_comment` set, in a fixed number of queries."""
    # Each page's review in progress or sent back, read by Wagtail's `current_workflow_state`
    # (and its lock and permission checks) without a query per page.
    pages = list(
        source_versions(Page.objects.filter(owner=user, alias_of__isnull=True))
        .type(*contribution_models())
        .order_by("-latest_revision_created_at", "-pk")
        .specific()
        .prefetch_workflow_states()
    )
    workflows = {
        str(page.pk): page.current_workflow_state
        for page in pages
        if page.current_workflow_state is not None
    }
    comments = {}
    rejected = TaskState.objects.filter(
        workflow_state__in=workflows.values(), status=TaskState.STATUS_REJECTED
    ).order_by("finished_at")
    for task_state in rejected.select_related("workflow_state"):
        comments[task_state.workflow_state.object_id] = task_state.comment
    for page in pages:
        workflow_state = workflows.get(str(page.pk))
        page.editor_comment = comments.get(str(page.pk), "") or getattr(page, "decline_reason", "")
        page.state = state_of(page, workflow_state)
        # Taken off the site with members registered: its member no longer deletes it.
        page.counted_on = page.state == ContributionState.HIDDEN and page.counted_on_by_others()
    return pages


def state_of(page, workflow_state):
    if workflow_state is not None:
        if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return ContributionState.CHANGES_REQUESTED
        return ContributionState.IN_REVIEW
    if page.live:
        return ContributionState.PUBLISHED
    if rejected(page):
        return ContributionState.REJECTED
    if hidden(page):
        return ContributionState.HIDDEN
    return ContributionState.DRAFT


def title_under_review(page):
    """The title approving would publish: the latest revision's (community/approval.py), not the
    page's stored title, which a member who withdrew and sent it again with another title left
    as it was."""
    revision = page.latest_revision
    content = revision.content if revision is not None else {}
    return content.get("title") or page.draft_title or page.title


def current_version(page):
    """Her contribution as she reads it now: the published page while it is live, else its
    latest revision (what her edit form opens, and what her member page names by its draft
    title). Not the page's stored row, which keeps the title and text she first sent after she
    withdrew it, edited it and sent it again."""
    if page.live or page.latest_revision_id is None:
        return page
    return page.get_latest_revision_as_object()


def rejected(page):
    """The editors decided not to publish it: it stays its member's to read or delete."""
    return bool(getattr(page, "declined_at", None))


def hidden(page):
    """Published once and off the site now (members' reports hid it, or an editor unpublished
    it): the editors decide whether it comes back, and what they publish again must be what was
    approved, so its member no longer edits it."""
    return not page.live and page.first_published_at is not None


def own_unpublished(page, user):
    """The member's own contribution, not (or no longer) on the site: theirs to read and delete,
    and to edit unless it is in review, hidden or rejected."""
    return (
        user.is_authenticated
        and page.owner_id == user.pk
        and page.alias_of_id is None
        and getattr(page.specific, "member_contribution", False)
        and not page.live
        # An editor's translation of it is the site's page, though it has her as its owner.
        and is_source_version(page)
    )


def last_comment(workflow_state, status):
    """The comment of the review's latest decision with `status` (a task state's approval, or
    its "request changes"), "" without one: what the member is told."""
    decided = TaskState.objects.filter(workflow_state=workflow_state, status=status)
    last = decided.order_by("-finished_at", "-pk").first()
    return last.comment if last is not None else ""


def requested_changes(page):
    """What the editors wrote when they sent the contribution back for changes ("" without a
    comment), or None when it is not waiting for changes: its member reads it while editing."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return last_comment(state, TaskState.STATUS_REJECTED)


def in_review(page):
    """Sent to the editors and not sent back: what they approve must be what they read."""
    state = page.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


def locked_by_editor(page, user):
    """An editor locked the page in the admin (Wagtail's lock) while working on it."""
    return page.locked and page.locked_by_id != user.pk


def editable_by(page, user):
    """A member edits their own contribution until it is published, but not while the editors
    review it (unless they asked for changes) nor while an editor keeps it locked, nor once it
    was taken off the site or rejected; never someone else's."""
    return (
        own_unpublished(page, user)
        and not hidden(page)
        and not rejected(page.specific)
        and not in_review(page)
        and not locked_by_editor(page, user)
    )


def withdrawable_by(page, user):
    """A contribution in review can be taken back by its author to edit it (it becomes a
    draft again), unless an editor keeps it locked."""
    return own_unpublished(page, user) and in_review(page) and not locked_by_editor(page, user)


def locked_row(page):
    """Locks the contribution's row until the transaction ends, so an edit, a withdrawal, its
    deletion and an editor's decision on the same contribution happen one after the other, each
    seeing what the previous one did. Returns the page as stored now; Gone when it was deleted
    meanwhile."""
    locked = Page.objects.select_for_update().filter(pk=page.pk).first()
    if locked is None:
        raise Gone
    return locked.specific


def locked_versions(keys):
    """The language versions (translations and aliases) of the pages with these
    `translation_key`s, their rows locked until the transaction ends, always in the order of
    their `pk`: who locks several of them (a report, a deletion) takes them in this order and
    before changing any of them, so that two never each hold a row the other waits for."""
    return list(Page.objects.select_for_update().filter(translation_key__in=keys).order_by("pk"))


def lock_for_deletion(pages):
    """Locks every language version of `pages` (a queryset of what a deletion takes, the pages
    below included) before anything of them changes: a report of a member's contribution, a
    registration for a meeting, a sign-up for an exchange visit sent meanwhile waits, and finds
    the page gone (or was stored before it went). All at once: a deletion that changed one
    contribution holds the site's cache version (home/cache.py) until it commits, which a
    report that hides the next one waits for."""
    keys = Page.objects.filter(pk__in=pages.values("pk")).values_list("translation_key", flat=True)
    locked_versions(set(keys))


def with_pages_below(pages):
    """The pages a deletion of `pages` takes: they and the pages below them (a queryset)."""
    below = models.Q(pk__in=[])
    for page in pages:
        below |= models.Q(path__startswith=page.path)
    return Page.objects.filter(below)


def lock_for_edit(page, user, version=None):
    """Locks the contribution for the rest of the transaction, or raises NotEditable when it
    went into review (or an editor locked it, or reports hid it) since the member opened it, and
    ChangedMeanwhile when it is no longer the `version` (`version_of`) her form was filled from."""
    locked = locked_row(page)
    if not editable_by(locked, user):
        raise NotEditable
    if version is not None and version_of(locked) != version:
        raise ChangedMeanwhile


def version_of(page):
    """Names the version of a contribution a member's form shows: its latest revision, and when
    that was saved (an editor's autosave saves her latest revision again under the same id)."""
    if page.latest_revision_id is None or page.latest_revision_created_at is None:
        return ""
    return f"{page.latest_revision_id}:{page.latest_revision_created_at.isoformat()}"


def opened_revision(page, opened):
    """The revision of `page` that `opened` (`version_of`, sent with a member's form) names:
    None when it names none (nothing sent, text that is no version, another contribution's
    revision, or a time after that revision was last saved). A form without one cannot tell
    what was changed while she had it open."""
    number, sep, when = opened.partition(":")
    if not (sep and number.isascii() and number.isdigit()) or len(number) > 19:
        return None
    try:
        saved = datetime.datetime.fromisoformat(when)
    except ValueError:
        return None
    revision = Revision.objects.for_instance(page).filter(pk=int(number)).first()
    # An autosave saves a revision again later; never earlier.
    if revision is None or saved.tzinfo is None or saved > revision.created_at:
        return None
    return revision


def saved_since_by(page, opened):
    """The ids of the users who saved `page` since the version `opened` (`version_of`): the
    revisions after it, and the one it names when that was saved over since (an autosave). An
    empty set when `opened` names no revision of the page."""
    number, _sep, _when = opened.partition(":")
    if not (number.isascii() and number.isdigit()) or int(number) >= 2**63:
        return set()
    revisions = Revision.objects.for_instance(page).filter(pk__gte=int(number))
    return {
        user_id
        for pk, user_id, created_at in revisions.values_list("pk", "user_id", "created_at")
        if pk != int(number) or f"{pk}:{created_at.isoformat()}" != opened
    }


def sent_before(user, token):
    """Whether the form with this one-time token was saved already (`claim_submission`): a
    second copy of it (a double click, a resend) is the same send, not a conflict."""
    return token is not None and SubmissionToken.objects.filter(user=user, token=token).exists()


class ChangedMeanwhile(Exception):
    """The contribution was saved again (by an editor, or by its member in another window) after
    her form was filled from it."""


class NotEditable(Exception):
    """The contribution went into review (or was locked, or hidden) after the member opened it."""


class Gone(Exception):
    """The contribution was deleted after the member opened it."""


class AlreadySubmitted(Exception):
    """The same form (the same one-time token) was sent before."""


def claim_submission(user, token):
    """Records the form's one-time token for the member; a second form with the same token
    (a double click, a resend) raises AlreadySubmitted. Called inside the transaction that
    saves the contribution, so a failure frees the token again."""
    if token is None:
        return
    if sent_before(user, token):
        raise AlreadySubmitted
    try:
        with transaction.atomic():
            SubmissionToken.objects.create(user=user, token=token)
    except IntegrityError as error:
        raise AlreadySubmitted from error


@transaction.atomic
def withdraw_from_review(page, user):
    """Takes the contribution out of the workflow: it is a draft again, editable, and can be
    sent again. Returns False when it was no longer in review (approved meanwhile, say)."""
    page = locked_row(page)
    if not withdrawable_by(page, user):
        return False
    page.current_workflow_state.cancel(user=user)
    return True


def approve(workflow_state, user=None):
    """Publishes what the workflow approved, as Wagtail's own action does, without asking whether
    the approver may publish the page otherwise. Who may approve is the review task's decision
    (`ContributionReviewTask.may_review`): moderators approve members' contributions but hold no
    permission on any page (community/roles/setup.py). The member hears of it once it is committed
    (`notify_published`, on Wagtail's workflow_approved signal)."""
    reviewed_here = any(
        getattr(task, "approval_publishes", False)
        for task in workflow_state.workflow.tasks.specific()
    )
    revision = workflow_state.content_object.get_latest_revision()
    # Any other workflow publishes as Wagtail's own action does: only for who may publish.
    revision.publish(user=user, skip_permission_checks=reviewed_here)
    if member_contribution(workflow_state) is not None:
        # Readable in the other language the day it is approved (home/machine_translation.py).
        queue_translation(workflow_state.content_object)


@receiver(workflow_approved_to_publish, dispatch_uid="contributions-approve")
def _approved(sender, workflow_state, user=None, **kwargs):
    # The workflow's finish action (community/approval.py).
    approve(workflow_state, user)


def member_contribution(workflow_state):
    """The member's contribution a workflow is about, or None (an editor's page, a former
    member's contribution, or one of an account that is not a member's)."""
    page = workflow_state.content_object
    page = getattr(page, "specific", page)
    if not getattr(page, "member_contribution", False) or page.owner is None:
        return None
    return page if roles.is_member(page.owner) else None


def decided_by_moderation(reviewer):
    """Whether `reviewer` decided on a member's contribution for the moderation, in whose name
    the member hears the decision: a moderator (who edits no page) decides for the moderation,
    an editor or an administrator for the editors."""
    return reviewer is not None and not roles.is_editor(reviewer)


def notify_published(workflow_state, approver=None):
    """The approval published the contribution: its member is told once that is committed, with
    the approver's comment if they wrote one, and in the name of the approver's role
    (`decided_by_moderation`)."""
    page = member_contribution(workflow_state)
    if page is None:
        return
    # An editor may approve "with a comment": it is for the member.
    comment = last_comment(workflow_state, TaskState.STATUS_APPROVED)
    by_moderation = decided_by_moderation(approver)
    transaction.on_commit(
        lambda: notifications.notify_contribution_published(
            page.__class__.objects.get(pk=page.pk), comment, by_moderation=by_moderation
        )
    )


def notify_changes_requested(workflow_state, reviewer=None):
    """A reviewer asked for changes: the member is told, with the reviewer's comment, in the
    name of the reviewer's role (`decided_by_moderation`)."""
    page = member_contribution(workflow_state)
    if page is None:
        return
    comment = last_comment(workflow_state, TaskState.STATUS_REJECTED)
    by_moderation = decided_by_moderation(reviewer)
    transaction.on_commit(
        lambda: notifications.notify_changes_requested(page, comment, by_moderation=by_moderation)
    )


@transaction.atomic
def reject(task_state, user, comment=""):
    """A reviewer's final "no": the review ends, the contribution is never published, and its
    member is told why, in the name of the reviewer's role (`decided_by_moderation`). It stays
    the member's (to read, or delete), no longer editable."""
    task_state.status = TaskState.STATUS_REJECTED
    task_state.finished_at = timezone.now()
    task_state.finished_by = user
    task_state.comment = comment
    task_state.save()
    workflow_state = task_state.workflow_state
    workflow_state.cancel(user=user)
    page = workflow_state.content_object.specific
    type(page).objects.filter(pk=page.pk).update(declined_at=timezone.now(), decline_reason=comment)
    if page.owner_id and roles.is_member(page.owner):
        by_moderation = decided_by_moderation(user)
        transaction.on_commit(
            lambda: notifications.notify_contribution_declined(
                page, comment, by_moderation=by_moderation
            )
        )


def counted_on(versions):
    """How many members other than its own count on a contribution (registered for a meeting
    neither cancelled nor over), asked of its member's version: the first of its language
    versions (`locked_versions`, by `pk`) that is not an alias (a translation is the site's)."""
    own = next((version for version in versions if not version.alias_of_id), None)
    return own.specific.others_counting_on() if own is not None else 0


def hide(versions):
    """Takes a published contribution off the site until an editor decides (they publish it
    again, or leave it hidden): each of its own language versions given (locked by the caller),
    aliases following their originals. Returns whether anything was shown before."""
    shown = [version for version in versions if version.live and not version.alias_of_id]
    for version in shown:
        # Logged as what it is, by whoever took it off (the moderator; none for members'
        # reports): the machine translates it again when an editor publishes it again.
        version.specific.unpublish(log_action=HIDDEN_UNTIL_DECIDED)
    return bool(shown)


def back_when_published(page):
    """What publishing `page` (one language version of a contribution off the site) brings
    back, as language versions by locale: (`now`, `by_machine`, `stay_off`). Wagtail publishes
    its aliases with it (`now`, `page` first); the machine translations of it are translated
    and published again in the background (`by_machine`); any other translation off the site
    stays off until it is published itself (`stay_off`: the pages)."""
    others = (
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    machine = translated_again_when_published(page)
    now, by_machine, stay_off = [page.locale], [], []
    for version in others:
        if version.alias_of_id == page.pk:
            now.append(version.locale)
        elif version.alias_of_id or version.live:
            continue
        elif version.locale_id in machine:
            by_machine.append(version.locale)
        else:
            stay_off.append(version)
    return now, by_machine, stay_off


def photo_ids(page):
    """The photos of a contribution as stored and as last edited: a draft edited later holds the
    photos added then only in its latest revision."""
    versions = [page]
    if page.latest_revision_id:
        versions.append(page.get_latest_revision_as_object())
    ids = set()
    for version in versions:
        ids |= photo_ids_in(version)
    return ids


def photo_ids_in(version):
    """The photos one version of a contribution shows: anywhere in its text (an editor's
    gallery of her photos too, as the reference index reads it), and the one leading it."""
    image_model = get_image_model()
    body = version._meta.get_field("body")
    ids = {
        int(object_id)
        for model, object_id, *_paths in body.extract_references(version.body)
        if issubclass(model, image_model) and str(object_id).isdigit()
    }
    if getattr(version, "image_id", None):
        ids.add(version.image_id)
    return ids


def discard_removed_photos_later(page, images):
    """Has the task worker delete the photos (`images`) its member removed from her
    contribution `page` once her save is committed (`discard_removed_photos`): behind what was
    queued before it, such as the reference index's update of a page an editor just published
    with one of them, and not in her request (reading editors' drafts)."""
    image_ids = [image.pk for image in images]
    if image_ids:
        transaction.on_commit(lambda: discard_photos.enqueue(page.pk, image_ids))


@task()
def discard_photos(page_id, image_ids):
    """`discard_removed_photos` of a contribution as it is saved now. When it is gone, its
    deletion took the photos it showed, not those she had removed from it (a photo she added in
    one edit and removed in the next is in neither its row nor its latest revision): those go
    now, when they lie in the members' collections and nothing else refers to them."""
    page = Page.objects.filter(pk=page_id).first()
    images = get_image_model().objects.filter(pk__in=image_ids).order_by("pk")
    if page is not None:
        discard_removed_photos(page.get_latest_revision_as_object(), list(images))
        return
    discard_unused(list(images.filter(collection__in=members_collections())), [])


def discard_removed_photos(page, images):
    """Deletes the photos (`images`) its member removed from her contribution `page`, as
    saved: Wagtail removes their files and renditions once that is committed. Only what she
    uploaded, and not one the contribution still shows or anything else refers to (an editor
    used it on another page, published or in a draft): that one only leaves her contribution.
    Its own language versions and revisions do not count: they are what she edited. A members'
    collection (named after her) that is left empty goes too."""
    own_versions = Page.objects.filter(translation_key=page.translation_key).values_list(
        "pk", flat=True
    )
    shown = photo_ids_in(page)
    removed = [
        image
        for image in images
        if image.pk not in shown and image.uploaded_by_user_id == page.owner_id
    ]
    discard_unused(removed, own_versions)


def referred_to_in_bulk(images, own_versions):
    """The pks of `images` that anything but the contribution's own language versions refers
    to, as the reference index reads what is published: one query for them all."""
    page_type = ContentType.objects.get_for_model(Page)
    elsewhere = ReferenceIndex.get_references_to_in_bulk(list(images)).exclude(
        base_content_type=page_type, object_id__in=[str(pk) for pk in own_versions]
    )
    return {int(pk) for pk in elsewhere.values_list("to_object_id", flat=True)}


def used_elsewhere(images, own_versions=()):
    """The pks of `images` that something but the contribution's own language versions uses: a
    page's latest revision (a draft, or what an editor has just published before the worker
    updates the reference index) or anything the reference index knows of."""
    images = list(images)
    if not images:
        return set()
    shown = images_in_latest_revisions([image.pk for image in images], exclude=own_versions)
    return shown | referred_to_in_bulk(images, own_versions)


def discard_unused(photos, own_versions):
    """Deletes those of `photos` nothing but the contribution's own language versions uses
    (`used_elsewhere`, asked once for them all), and a members' collection left empty."""
    used = used_elsewhere(photos, own_versions)
    emptied = set()
    for image in photos:
        if image.pk not in used:
            emptied.add(image.collection_id)
            image.delete()
    if emptied:
        delete_if_empty(members_collections().filter(pk__in=emptied))


def members_root():
    """The collection that holds the members' collections, the one the site made for them
    (`collection_for`) whatever editors renamed it to; None before the first member's photo."""
    held = MembersPhotosCollection.objects.select_related("collection").order_by("pk").first()
    return held.collection if held is not None else None


def members_collections():
    """The collections of members' photos, one per contribution (`collection_for`): those below
    the members' collection (`members_root`). Only these are deleted once emptied, never an
    editors' own."""
    members = members_root()
    return members.get_descendants() if members else Collection.objects.none()


def delete_if_empty(collections):
    """Deletes those of `collections` (members' collections a deletion of photos emptied) that
    hold nothing at all: deleting a collection deletes the collections inside it and what they
    hold, such as an album an editor made there."""
    holders = (get_image_model(), get_document_model())
    for collection in collections:
        if collection.is_leaf() and not any(
            model.objects.filter(collection=collection).exists() for model in holders
        ):
            collection.delete()


@transaction.atomic
def remove_contribution(page):
    """Deletes a contribution; `discard_with_contribution` removes the rest with it, as it does
    when an editor deletes the contribution (or a page above it) in the admin. Under its row
    lock: an edit or a submission sent meanwhile is either deleted with it (its review
    included) or finds it gone, never leaves a review of nothing behind. Its language versions
    are locked first, in the order every other writer locks them (`lock_for_deletion`), not
    later at `pre_delete`."""
    lock_for_deletion(Page.objects.filter(pk=page.pk))
    locked_row(page).delete()


# The pages being removed with a contribution in this thread: their own deletion (and the
# signal it sends) must not start another removal.
_removing = local()
# The deletion (its origin, the queryset deleted) whose pages this thread locked last.
_locked_for = local()


def lock_before_deletion(sender, instance, origin=None, **kwargs):
    """pre_delete of a page others lock with its language versions (a member's contribution,
    reported; any meeting, registered for; an exchange visit, signed up for): before Wagtail
    unpublishes its aliases, or anything else of the deletion changes a row, every version of
    every page the deletion takes (its origin: a page above, say) is locked, at once."""
    if not isinstance(origin, QuerySet):
        origin = Page.objects.filter(pk=instance.pk)
    elif getattr(_locked_for, "origin", lambda: None)() is origin:
        # The same deletion, at the next page it takes (one pre_delete a page): locked already.
        return
    _locked_for.origin = weakref.ref(origin)
    lock_for_deletion(origin)


def release_translation(sender, instance, **kwargs):
    """page_published of a story or meeting: a translation of a member's contribution an editor
    made (wagtail-localize copies the page with its owner, converting its alias) is the site's
    page, as a machine translation is (home/machine_translation.py `publish_translation`): a
    member's own pages, drafts and data export hold what they wrote."""
    page = instance
    if page.owner_id is None or not getattr(page, "member_contribution", False):
        return
    # An alias is the member's page in the other language until it is translated (Wagtail copies
    # the original's owner into it on every publication).
    if page.alias_of_id is not None or is_source_version(page):
        return
    Page.objects.filter(pk=page.pk).update(owner=None)
    page.owner = None


def discard_with_contribution(sender, instance, origin=None, **kwargs):
    """pre_delete of a story or meeting (any deletion: the member's own, the admin's single and
    bulk delete, the delete of a page above it): a member's contribution takes its other
    language versions (aliases and translations), its photos (Wagtail removes their files and
    renditions) and the collection that held them along, so nothing of it is left to reappear
    as an independent page or in the image library; not what an editor keeps in that
    collection (`delete_if_empty`)."""
    busy = getattr(_removing, "pks", None)
    if busy is None:
        busy = _removing.pks = set()
    if instance.pk in busy:
        return
    lock_before_deletion(sender, instance, origin)
    if not getattr(instance, "member_contribution", False) or not is_source_version(instance):
        return
    versions = [instance]
    versions += (
        Page.objects.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
        .exclude(pk__in=busy)
        .specific()
        .order_by("-depth")
    )
    ids = set()
    for version in versions:
        ids |= photo_ids(version)
    photos = get_image_model().objects.filter(pk__in=ids)
    if instance.owner_id is not None:
        photos = photos.filter(uploaded_by_user_id=instance.owner_id)
    else:
        # A former member's: the photos she left with it lie in the members' collections,
        # credited to nobody (`privacy.forget_photos`). Another member's photo an editor put
        # in it is that member's, not this contribution's (attack 39).
        photos = photos.filter(uploaded_by_user__isnull=True, collection__in=members_collections())
    own = {version.pk for version in versions}
    # Not one anything else uses (another contribution that shows it, a page an editor chose it
    # for, published or a draft): the README's rule for her removing it in her form
    # (`discard_removed_photos`) holds for deleting the whole contribution too (attack 39: it
    # took the picture of a sector page). Deleting an account takes "every file only that
    # member owned"; one the foundations' pages show is no longer hers alone. It stays where
    # the editors put it, the deletion pages say so and whom to ask, and her account's
    # deletion no longer credits it to her (`privacy.forget_photos`).
    # Read in the pages' latest revisions too: the reference index knows a page an editor has
    # just published only once the worker has run.
    used = used_elsewhere(photos, own)
    photos = [photo for photo in photos if photo.pk not in used]
    collections = {photo.collection_id for photo in photos}
    busy |= own
    try:
        for version in versions[1:]:
            page = Page.objects.filter(pk=version.pk).first()
            if page is not None:
                page.delete()
        for photo in photos:
            photo.delete()
        # Only members' collections: one of the editors' own that an editor moved her photo
        # into stays, emptied or not.
        if collections:
            delete_if_empty(members_collections().filter(pk__in=collections))
    finally:
        busy -= own


def paragraphs_of(text):
    """The paragraphs of a member's plain text: parts between empty lines, trimmed."""
    parts = (part.strip() for part in text.replace("\r\n", "\n").split("\n\n"))
    return [part for part in parts if part]


def paragraphs_html(paragraphs):
    """Member text is plain: each paragraph is escaped and wrapped; no HTML from a member is
    ever stored as markup."""
    return "".join(
        "<p>{}</p>".format(escape(part, quote=False).replace("\n", "<br/>")) for part in paragraphs
    )


def paragraphs_to_html(text):
    return paragraphs_html(paragraphs_of(text))


def html_to_paragraphs(html):
    """Rich text as the member's plain text: paragraphs (and an editor's lists) apart, each
    item of a list on a line of its own."""
    plain = ""
    depth = 0  # of lists: an item of a list in a list is a line of its own too
    for part in TAG.split(html):
        name = TAG_NAME.match(part)
        name = name.group(1).lower() if name else ""
        if name in ("ul", "ol"):
            depth += 1
            part = "\n" if depth > 1 else ""
        elif name in ("/ul", "/ol"):
            depth = max(depth - 1, 0)
            part = "\n\n" if depth == 0 else ""
        elif name == "/li":
            part = "" if plain.endswith("\n") else "\n"
        elif name == "br":
            part = "\n"
        elif name == "/p":
            part = "\n\n"
        plain += part
    text = unescape(strip_tags(plain))
    return re.sub(r"\n\s*\n\s*(?:\n\s*)+", "\n\n", text).strip()


TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<(/?[a-zA-Z0-9]+)")


def body_text(page):
    return "\n\n".join(
        html_to_paragraphs(block.value.source)
        for block in page.body
        if block.block_type == "paragraph"
    )


# The blocks of a contribution's text its member edits in her form: its paragraphs as plain text,
# its photos one by one. Whatever else an editor put in it (a heading, a quote) she does not see
# there, and it stays.
MEMBERS_BLOCKS = ("paragraph", "image")


def text_with_editors_blocks(blocks, text):
    """The blocks of a contribution's text after its member saved `text` in her form: `blocks`
    (the body's (type, value, id) as she opened it) with its paragraph blocks holding her
    paragraphs, and everything else in its place. Her paragraphs are matched with those the
    text held: one she left as it was stays in its block with its HTML (what an editor
    formatted there: a link, bold words); one she changed or added goes where the one it
    replaces was, else after the one before it; a block left as it was keeps its value. A
    text without paragraph blocks comes first, as in a new contribution."""
    paragraphs = paragraphs_of(text)
    pieces = {
        index: top_level_pieces(value.source)
        for index, (kind, value, _id) in enumerate(blocks)
        if kind == "paragraph"
    }
    if not pieces:
        first = [("paragraph", RichText(paragraphs_html(paragraphs)), None)] if paragraphs else []
        return first + list(blocks)
    # The paragraphs the text held: (block, piece of its HTML, plain text).
    held = [
        (index, number, part)
        for index, block_pieces in pieces.items()
        for number, piece in enumerate(block_pieces)
        for part in paragraphs_of(html_to_paragraphs(piece))
    ]
    # Each block's paragraphs now: (its piece, for one she left; None for hers) and the text.
    content = {index: [] for index in pieces}
    matcher = difflib.SequenceMatcher(None, [part for *_, part in held], paragraphs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for (index, number, _part), paragraph in zip(
                held[i1:i2], paragraphs[j1:j2], strict=True
            ):
                content[index].append((number, paragraph))
        elif j1 < j2:
            index = block_for_changed(held, i1, i2, last=max(pieces))
            content[index].extend((None, paragraph) for paragraph in paragraphs[j1:j2])
    merged = []
    for index, block in enumerate(blocks):
        if index not in pieces:
            merged.append(block)
            continue
        html = []
        numbers = [number for number, _paragraph in content[index]]
        for position, (number, paragraph) in enumerate(content[index]):
            whole = number is not None and kept_whole(
                numbers, number, len(paragraphs_of(html_to_paragraphs(pieces[index][number])))
            )
            if not whole:
                html.append(paragraphs_html([paragraph]))
            elif position == 0 or content[index][position - 1][0] != number:
                html.append(pieces[index][number])
        if html == pieces[index]:
            merged.append(block)
        elif html:
            merged.append(("paragraph", RichText("".join(html)), block[2]))
    return merged


def kept_whole(numbers, number, count):
    """Whether all `count` paragraphs of a block's piece `number` stay, one after the other
    (`numbers`: the piece of each paragraph the block holds now, None for hers): only then is
    the piece's HTML kept as the editor wrote it; one of hers between two of its paragraphs
    (Shift+Enter twice in the admin) would otherwise write it twice."""
    first = numbers.index(number)
    return numbers[first : first + count] == [number] * count and numbers.count(number) == count


def block_for_changed(held, start, end, last):
    """The paragraph block that takes paragraphs she changed or added (in place of `held`'s
    paragraphs from `start` to `end`): that of the first one they replace, else that of the one
    before them, else that of the first one; the `last` block when the text held none."""
    if start < end:
        return held[start][0]
    if start > 0:
        return held[start - 1][0]
    return held[0][0] if held else last


def top_level_pieces(html):
    """The top-level elements of a paragraph block's HTML (paragraphs, lists), each whole; the
    whole HTML as one piece when they are not all of it (a list in a list, anything else an
    editor's text holds between them), so that nothing of it is lost."""
    pieces = [match.group(0) for match in TOP_LEVEL.finditer(html)]
    return pieces if "".join(pieces) == html.strip() else [html]


TOP_LEVEL = re.compile(r"<(p|ul|ol|h[1-6]|blockquote)\b[^>]*>.*?</\1>", re.DOTALL)


def lock_collections():
    """Locks the tree of collections until the transaction ends, and returns its root: whatever
    adds or moves a collection (a member's first photos, an editor in the admin,
    community.collection_admin) takes it first. treebeard gives a new collection the place
    after the last one it read, and two made at the same moment took the same place (an
    error page) or left the tree's counts wrong. The root collection's row always exists; on
    SQLite every transaction takes the database's write lock when it begins (settings
    `IMMEDIATE`)."""
    return Collection.objects.select_for_update().get(pk=Collection.get_first_root_node().pk)


def collection_for(page_title, user):
    """A new collection for the photos of a contribution of `user`, in the members' collection
    (made the first time, as "Bijdragen van leden"), named after her and the contribution. Both
    are kept by reference: editors may rename them, or move her photos elsewhere.

    Two members' photos sent at the same moment would each find no members' collection and make
    one, or give their collections the same place in the tree: the tree is locked first
    (`lock_collections`), so they are made one after the other."""
    with transaction.atomic():
        root = lock_collections()
        parent = members_root()
        if parent is None:
            parent = root.add_child(name=CONTRIBUTIONS_COLLECTION)
            MembersPhotosCollection.objects.create(collection=parent)
        named_after = f"{user.public_name or user.pk}: "
        collection = parent.add_child(name=f"{named_after}{page_title}"[:255])
        MemberCollection.objects.create(
            collection=collection, member=user, named_after=named_after[:255]
        )
    return collection


def save_photos(photos, collection, user):
    """Stores cleaned photos as Wagtail images in the contribution's own collection."""
    image_model = get_image_model()
    stored = []
    for photo in photos:
        image = image_model(
            title=photo["alt_text"][:255],
            file=photo["image"],
            collection=collection,
            uploaded_by_user=user,
            # What a member's photos take up a day is counted from it (`check_daily_photo_room`);
            # taken again when its metadata is stripped (home.image_metadata).
            file_size=photo["image"].size,
        )
        image.save()
        stored.append((image, photo["alt_text"], photo.get("caption", "")))
    return stored


def photo_bytes_of_last_day(user):
    """What the photos `user` sent with her contributions in the last 24 hours take up on the
    server: those still there, in her contributions' collections (a deleted draft's photos are
    gone, and give their room back; an editor's uploads in the admin are not counted)."""
    since = timezone.now() - datetime.timedelta(days=1)
    stored = get_image_model().objects.filter(
        uploaded_by_user=user,
        created_at__gte=since,
        collection__in=MemberCollection.objects.filter(member=user).values("collection"),
    )
    return stored.aggregate(total=Sum("file_size"))["total"] or 0


def check_daily_photo_room(user, sizes):
    """Refuses photos of `sizes` (bytes, as they will be stored) that would take what `user`'s
    photos take up in a day past `daily_photo_bytes`: a member makes as many drafts as
    she likes, each with its photos, and nothing else bounds what she stores (attack 42)."""
    new = sum(sizes)
    if not new:
        return
    limit = daily_photo_bytes()
    used = photo_bytes_of_last_day(user)
    if used + new > limit:
        raise ValidationError(
            _(
                "Each member may add at most %(limit)s of photos a day. Your photos of the last "
                "24 hours take up %(used)s and these would add %(new)s: choose fewer or smaller "
                "photos, or add them tomorrow."
            )
            % {
                "limit": size_text(limit),
                "used": filesizeformat(used),
                "new": filesizeformat(new),
            },
            code="daily_photo_room",
        )


class PhotoRoomUsed(Exception):
    """Her photos would take her past her daily room (`recheck_photo_room`); `error` says so."""

    def __init__(self, error):
        super().__init__(error)
        self.error = error


def recheck_photo_room(user, sizes):
    """`check_daily_photo_room` once more while her form is being saved, after any other form
    of hers that stores photos (her account's row is locked until the transaction ends; on
    SQLite every transaction that writes waits for the others already, settings `IMMEDIATE`):
    forms she sends at the same moment each found the room of before them (review). Raises
    PhotoRoomUsed, so that nothing of the form is saved."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).exists()
    try:
        check_daily_photo_room(user, sizes)
    except ValidationError as error:
        raise PhotoRoomUsed(error) from None


def photo_blocks(stored):
    return [
        ("image", {"image": image, "alt_text": alt_text, "caption": caption})
        for image, alt_text, caption in stored
    ]


def parent_for(page_class, locale):
    """Where a new contribution goes: the page its type may be created under (its overview) in
    the contribution's language."""
    for parent_class in page_class.allowed_parent_page_models():
        parent = parent_class.objects.filter(locale=locale).first()
        if parent is not None:
            return parent
    return None


@transaction.atomic
def create_contribution(page, user, locale, *, submit):
    """Saves a new contribution as a draft owned by the member, mirrored into the other
    language as an alias (in both directions: a German member's story has a Dutch alias), and
    optionally submits it. Its overview is locked in every language first (`locked_versions`),
    and read as stored then: two members sending the same title at once (or one in each
    language, whose aliases meet) choose their slugs and places in the tree one after the
    other. Chosen before the other's page was committed, the second slug was taken: Wagtail's
    check refused it, a server error, her text lost (attack 42)."""
    parent = lock_overview(type(page), locale)
    parent.refresh_from_db()
    page.slug = slug_for(page, parent)
    page.owner = user
    page.live = False
    page.member_contribution = True
    parent.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    # Readers of the other language find it there too once it is published: labelled as written
    # in the contribution's language until its machine translation replaces the alias.
    ensure_aliases(page)
    if submit:
        submit_for_review(page, user)
    return revision


def lock_overview(page_type, locale):
    """The overview a new contribution of `page_type` goes below in `locale`, locked in every
    language (`locked_versions`). Her form takes it before her photos are stored (their
    collections' rows), as a deletion takes the page rows before the collections': one order,
    so a contribution sent and another deleted at once do not wait for each other (review)."""
    parent = parent_for(page_type, locale)
    locked_versions({parent.translation_key})
    return parent


def slug_for(page, parent):
    """The slug an editor's page would get from the title (`ascii_slug`), but a title of only
    emoji, punctuation or letters other than Latin ones gives it nothing, and Unicode
    normalisation can stretch a title past the slug's length (one ligature becomes eighteen
    letters). The kind of page names what has no other name."""
    slug = ascii_slug(page.title)
    if not slug:
        with translation.override(parent.locale.language_code):
            slug = slugify(str(page._meta.verbose_name))
    return find_available_slug(parent, slug)


@transaction.atomic
def update_contribution(page, user, *, submit):
    """Saves the member's edit as a new revision, unless the contribution went into review (or
    an editor locked it) since the member opened it: then NotEditable, and nothing is saved."""
    lock_for_edit(page, user)
    revision = page.save_revision(user=user, log_action=True)
    if submit:
        submit_for_review(page, user)
    return revision


def submit_for_review(page, user):
    """Starts the moderation workflow, or resumes it after changes were requested."""
    state = page.current_workflow_state
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
        return True
    workflow = page.get_workflow()
    if workflow is None:
        return False
    quiet_admin_notifications(user)
    workflow.start(page, user)
    return True


def quiet_admin_notifications(user):
    """Wagtail emails whoever submits a page, in English with links into the admin. Members
    never use the admin: they get our own emails in their language instead. Not who uses the
    admin (a moderator or an editor writing in the members' form): their notices of what to
    review are theirs to keep."""
    notifications.admin_notices_follow_access([user.pk])
