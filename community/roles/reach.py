"""Which roles (groups) an account manager may give or take away: those that give nothing she
does not hold herself. An account manager (a group with Wagtail's permissions to add and change
users, no administrator) put accounts into any group, the editors', the moderators' or one
with user permissions, and so gave more than she may do herself (outsider's pass of
2026-12-04).

What a group gives is more than its permissions: Wagtail grants pages and collections (and what
may be done with them) to groups, makes groups the reviewers of a workflow's task and shows
private pages and collections to groups. Each counts: she holds a page permission when one of
her groups holds it on that page or one above it, a collection's likewise; a task or a private
page or collection when one of her groups is named there too."""

from wagtail.models import (
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    PageViewRestriction,
)


def _within_tree(grants, own_grants, node):
    """Whether every (node, permission) of `grants` is held in `own_grants` on it or above it."""
    return all(
        any(
            own.permission_id == grant.permission_id
            and getattr(grant, node).path.startswith(getattr(own, node).path)
            for own in own_grants
        )
        for grant in grants
    )


def _named_with(model, group, own_groups):
    """Whether every `model` (a task or restriction) naming `group` names one of `own_groups`."""
    theirs = set(model.objects.filter(groups=group).values_list("pk", flat=True))
    ours = set(model.objects.filter(groups__in=own_groups).values_list("pk", flat=True))
    return theirs <= ours


def groups_beyond(user, groups):
    """Of `groups`, those that give more than `user` holds: none for an administrator."""
    groups = list(groups)
    if user.is_superuser or not groups:
        # A member's account (no role) costs no query of her own grants.
        return []
    own_permissions = user.get_all_permissions()
    own_groups = list(user.groups.all())
    own_pages = list(
        GroupPagePermission.objects.filter(group__in=own_groups).select_related("page")
    )
    own_collections = list(
        GroupCollectionPermission.objects.filter(group__in=own_groups).select_related("collection")
    )

    def within(group):
        permissions = {
            f"{app_label}.{codename}"
            for app_label, codename in group.permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        pages = GroupPagePermission.objects.filter(group=group).select_related("page")
        collections = GroupCollectionPermission.objects.filter(group=group).select_related(
            "collection"
        )
        return (
            permissions <= own_permissions
            and _within_tree(pages, own_pages, "page")
            and _within_tree(collections, own_collections, "collection")
            and all(
                _named_with(model, group, own_groups)
                for model in (GroupApprovalTask, PageViewRestriction, CollectionViewRestriction)
            )
        )

    return [group for group in groups if not within(group)]
