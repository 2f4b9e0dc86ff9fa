"""What each role may do, as code: what `manage.py setup_roles` creates, and what the tests check
(who holds which role: `community.roles`).

Deny by default: a group gets exactly the permissions listed here, and `setup_roles` takes away
any other (also from groups an older version set up).

- Editors of both foundations edit, publish and translate all content, manage towns,
  registrations, reports and members (blocking), and their own foundation's details (see
  `foundation_countries`). Not accounts, groups or roles: Wagtail's users admin reads
  `change_user` as managing every account (passwords, superuser status, groups), so no group
  gets a permission of `auth` or on `community.User` except `block_member`.
- Moderators review members' contributions (the workflow gives them the editor of a contribution
  while it is in review, nothing else of the page tree), handle reports and block or unblock
  members (`block_member`, through our members view only). No pages, images or documents.
- Administrators (superusers) do everything else: accounts, groups, roles, sites, workflows."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from ..models import ContributionReviewTask
from ..models.contribution import contribution_models
from . import EDITOR_GROUPS, MODERATORS, TASK, WAGTAILS_FIRST_WORKFLOW, WORKFLOW

PAGE_PERMISSIONS_EDITORS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS_EDITORS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
MODEL_PERMISSIONS_EDITORS = {
    "wagtailadmin": ["access_admin"],
    "wagtail_localize": ["submit_translation"],
    "community": [
        "add_town",
        "change_town",
        "delete_town",
        "view_town",
        "view_report",
        "change_report",
        "block_member",
        "view_newslettersubscriber",
        "delete_newslettersubscriber",
    ],
    "home": [
        "change_foundationsettings",
        "view_foundationsettings",
        # The machine translators' glossary (home/machine_translation.py).
        "add_glossaryterm",
        "change_glossaryterm",
        "delete_glossaryterm",
        "view_glossaryterm",
    ],
    "exchanges": ["view_registration", "change_registration"],
}
MODEL_PERMISSIONS_MODERATORS = {
    "wagtailadmin": ["access_admin"],
    "community": ["view_report", "change_report", "block_member"],
}


def permissions(spec):
    found = []
    for app_label, codenames in spec.items():
        found += list(
            Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
    return found


def page_permissions(codenames):
    return list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    )


def contribution_trees():
    """The story overviews and calendars of every language: where members' contributions live
    (the pages each contribution type may be created under)."""
    return [
        page
        for model in contribution_models()
        for parent in model.allowed_parent_page_models()
        for page in parent.objects.all()
    ]


def set_page_permissions(group, pages, codenames):
    """Gives the group exactly these permissions on these pages (and takes away any others)."""
    wanted = {(page.pk, grant.pk) for page in pages for grant in page_permissions(codenames)}
    for grant in GroupPagePermission.objects.filter(group=group):
        key = (grant.page_id, grant.permission_id)
        if key in wanted:
            wanted.discard(key)
        else:
            grant.delete()
    for page_id, permission_id in wanted:
        GroupPagePermission.objects.create(
            group=group, page_id=page_id, permission_id=permission_id
        )


def set_collection_permissions(group, collection, spec):
    """Gives the group exactly these permissions on this collection (and takes away any others)."""
    wanted = {permission.pk for permission in permissions(spec)}
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=collection, permission_id__in=wanted
    ).delete()
    for permission_id in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission_id=permission_id
        )


@transaction.atomic
def setup_roles():
    """Creates or repairs the groups, their permissions and the contribution workflow; running it
    again changes nothing."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for name in EDITOR_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions(MODEL_PERMISSIONS_EDITORS))
        set_page_permissions(group, [root_page], PAGE_PERMISSIONS_EDITORS)
        set_collection_permissions(group, root_collection, COLLECTION_PERMISSIONS_EDITORS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.set(permissions(MODEL_PERMISSIONS_MODERATORS))
    # No page, image or document permissions: the review task opens a member's contribution
    # to its reviewers while it is in review (ContributionReviewTask), and only that.
    set_page_permissions(moderators, [], [])
    set_collection_permissions(moderators, root_collection, {})

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    task, _ = ContributionReviewTask.objects.get_or_create(name=TASK)
    task.groups.set([moderators, *Group.objects.filter(name__in=EDITOR_GROUPS)])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in contribution_trees():
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    leave_wagtails_first_workflow(root_page, moderators, task)
    return workflow


def leave_wagtails_first_workflow(root_page, moderators, task):
    """Wagtail's first migration puts a "Moderators approval" workflow on the whole tree, with a
    task for a group it calls "Moderators": ours, by that name. Moderators would then approve
    editors' pages, and approving publishes. Editors publish their own pages; moderators review
    members' contributions in our task and in no other."""
    WorkflowPage.objects.filter(page=root_page, workflow__name=WAGTAILS_FIRST_WORKFLOW).delete()
    for other in GroupApprovalTask.objects.filter(groups=moderators).exclude(pk=task.pk):
        other.groups.remove(moderators)
