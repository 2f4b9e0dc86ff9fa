"""The editors' roles, as code: what `manage.py setup_roles` creates, and what the tests check.

Both foundations' editors edit, publish and translate everything; moderators only decide on
members' contributions (stories and meetings) and handle reports and members."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import ContributionReviewTask

EDITOR_GROUPS = ["Editors Steenwijkerland", "Redaktion Herzebrock-Clarholz"]
MODERATORS = "Moderators"
WORKFLOW = "Contribution review"
TASK = "Moderators review contributions"

PAGE_PERMISSIONS_EDITORS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
PAGE_PERMISSIONS_MODERATORS = ["change_page", "publish_page"]
COLLECTION_PERMISSIONS = {
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
        "view_user",
        "change_user",
    ],
    "home": ["change_foundationsettings", "view_foundationsettings"],
    "exchanges": ["view_registration", "change_registration"],
}
MODEL_PERMISSIONS_MODERATORS = {
    "wagtailadmin": ["access_admin"],
    "community": ["view_report", "change_report", "view_user", "change_user"],
    "exchanges": ["view_registration"],
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
    """The story overviews and calendars of every language: where members' contributions live."""
    from exchanges.models import CalendarPage, StoryIndexPage

    return [*StoryIndexPage.objects.all(), *CalendarPage.objects.all()]


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


def set_collection_permissions(group, collection):
    wanted = {permission.pk for permission in permissions(COLLECTION_PERMISSIONS)}
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
        set_collection_permissions(group, root_collection)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.set(permissions(MODEL_PERMISSIONS_MODERATORS))
    set_page_permissions(moderators, contribution_trees(), PAGE_PERMISSIONS_MODERATORS)
    set_collection_permissions(moderators, root_collection)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    task, _ = ContributionReviewTask.objects.get_or_create(name=TASK)
    task.groups.set([moderators, *Group.objects.filter(name__in=EDITOR_GROUPS)])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in contribution_trees():
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
