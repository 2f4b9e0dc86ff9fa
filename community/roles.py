"""The editors' roles, as code: what `manage.py setup_roles` creates, and what the tests check.

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

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_init, post_save, pre_save
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import pgettext, pgettext_lazy
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

from .models import ContributionReviewTask

EDITOR_GROUPS = ["Editors Steenwijkerland", "Redaktion Herzebrock-Clarholz"]
MODERATORS = "Moderators"
WORKFLOW = "Contribution review"
WAGTAILS_FIRST_WORKFLOW = "Moderators approval"
TASK = "Moderators review contributions"

# The names of groups, workflows and tasks are rows in the database, read by Wagtail's admin in
# many places (status panels, action menus, dashboards, notifications). They stay these English
# keys in the database, and every instance shows its name in the language active when the name is
# rendered (the editor's admin language; for Wagtail's moderation emails, each recipient's) while
# it is in memory: see `show_role_names_translated`.
NAME_CONTEXT = "name of a group, workflow or task"
TRANSLATED_NAMES = [
    *EDITOR_GROUPS,
    MODERATORS,
    "Editors",  # Wagtail's first migration creates "Editors" and "Moderators"
    WORKFLOW,
    WAGTAILS_FIRST_WORKFLOW,
    TASK,
]


def _marked_for_makemessages():
    """Never called: makemessages finds only literal strings, so the names above are repeated
    here to keep their translations in the catalogues."""
    return [
        pgettext("name of a group, workflow or task", "Editors Steenwijkerland"),
        pgettext("name of a group, workflow or task", "Redaktion Herzebrock-Clarholz"),
        pgettext("name of a group, workflow or task", "Moderators"),
        pgettext("name of a group, workflow or task", "Editors"),
        pgettext("name of a group, workflow or task", "Contribution review"),
        pgettext("name of a group, workflow or task", "Moderators approval"),
        pgettext("name of a group, workflow or task", "Moderators review contributions"),
    ]


# The foundation (by its country in the foundation settings) whose details each editor group
# keeps up to date; the shared footer pages may be changed by either.
FOUNDATION_OF_GROUP = {EDITOR_GROUPS[0]: "NL", EDITOR_GROUPS[1]: "DE"}

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
    ],
    "home": ["change_foundationsettings", "view_foundationsettings"],
    "exchanges": ["view_registration", "change_registration"],
}
MODEL_PERMISSIONS_MODERATORS = {
    "wagtailadmin": ["access_admin"],
    "community": ["view_report", "change_report", "block_member"],
}


def foundation_countries(user):
    """The countries of the foundations whose details the user may change in the foundation
    settings: an editor group's own one, every one for administrators."""
    if user.is_superuser:
        return set(FOUNDATION_OF_GROUP.values())
    names = user.groups.filter(name__in=FOUNDATION_OF_GROUP).values_list("name", flat=True)
    return {FOUNDATION_OF_GROUP[name] for name in names}


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


def translated_name(key):
    return pgettext(NAME_CONTEXT, key)


def name_keys():
    """Every translation of every known name, to its key."""
    keys = {}
    for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES:
        with translation.override(code):
            keys.update({translated_name(key): key for key in TRANSLATED_NAMES})
    keys.update({key: key for key in TRANSLATED_NAMES})
    return keys


def show_translated(instance):
    """A known name becomes a lazy translation: it is translated each time it is rendered, in
    the language active then. An instance loaded while serving a Dutch request and rendered in
    Wagtail's email to a German editor (under the editor's language) reads German there."""
    name = instance.__dict__.get("name")
    if isinstance(name, str) and name in TRANSLATED_NAMES:
        instance.name = pgettext_lazy(NAME_CONTEXT, name)


def on_role_loaded(sender, instance, **kwargs):
    show_translated(instance)


def on_role_saving(sender, instance, **kwargs):
    """Whatever language the name was shown (and perhaps submitted back) in, the key is stored:
    a lazy name as a plain string, the translation of a known name as its key."""
    name = instance.name
    if isinstance(name, Promise):
        name = str(name)
    instance.name = name_keys().get(name, name)


def on_role_saved(sender, instance, **kwargs):
    """Translated again once stored, for what the admin shows after saving."""
    show_translated(instance)


def name_as_text(self):
    """Group, Workflow and Task give their name as their str(): a lazy name is made a string
    (str() accepts only a string from __str__)."""
    return str(self.name)


def show_role_names_translated():
    """Groups, workflows and tasks with a known name show it in the language active when they
    are rendered."""
    from wagtail.models import GroupApprovalTask, Task

    from .models import ContributionReviewTask

    for model in (Group, Workflow, Task, GroupApprovalTask, ContributionReviewTask):
        uid = f"jumelage_role_name_{model._meta.label_lower}"
        post_init.connect(on_role_loaded, sender=model, dispatch_uid=uid)
        pre_save.connect(on_role_saving, sender=model, dispatch_uid=uid)
        post_save.connect(on_role_saved, sender=model, dispatch_uid=uid)
    for model in (Group, Workflow, Task):
        model.__str__ = name_as_text
