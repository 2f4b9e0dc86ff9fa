"""Who is who: whether an account is a member, a moderator or an editor. The views, the admin,
the emails and the tests ask here, and nowhere else.

Every account either works in the admin or is a member's:

- An account **works in the admin** when it may open Wagtail's admin: an administrator
  (`is_superuser`), or an account holding `wagtailadmin.access_admin` through a group (the editor
  groups and "Moderators" that `setup_roles` makes, or a group an administrator made) or as a
  permission of its own. Read from the data, not from `has_perm`, which says no for every blocked
  account: a blocked editor stays an editor's account, out of the members' list.
- A **member** is every other account: a resident using the public site. A blocked (inactive)
  member is a member still, whom moderators find in the members admin to unblock. The staff flag
  and a group without admin access (e.g. one a private page is shown to) make nobody staff:
  Wagtail's admin lets neither in.
- A **moderator** is an active account that works in the admin: the "Moderators" group, and the
  editors and administrators, who moderate too. Moderators review members' contributions, handle
  reports, block members, and are told of reports.
- An **editor** is a moderator who edits pages: an administrator, or an account in a group that
  holds permissions on pages (the editor groups; moderators hold none).

Everyone who logs in has the member area ("My page": their registrations, contributions and
sector communities), editors included. Members are whom the members admin lists (and lets
moderators block), whose contributions wait on the dashboard, and who are told what became of
them.

What each group may do, and the workflow, are set up by `community.roles.setup`; the names of
groups, workflows and tasks are shown translated by `community.roles.names`."""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import JSONField, OuterRef, Q, Subquery
from django.utils.crypto import constant_time_compare
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from community.models.members import REMEMBERED_SECTORS
from home import live
from home.cache import AllAsJSON, from_row, row_of
from home.visibility import REMEMBERED_GROUPS

EDITOR_GROUPS = ["Editors Steenwijkerland", "Redaktion Herzebrock-Clarholz"]
MODERATORS = "Moderators"
WORKFLOW = "Contribution review"
WAGTAILS_FIRST_WORKFLOW = "Moderators approval"
TASK = "Moderators review contributions"

# The foundation (by its country in the foundation settings) whose details each editor group
# keeps up to date; the shared footer pages may be changed by either.
FOUNDATION_OF_GROUP = {EDITOR_GROUPS[0]: "NL", EDITOR_GROUPS[1]: "DE"}


def _admin_access():
    """Wagtail's permission to open the admin."""
    return Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )


def working_in_admin():
    """Every account that works in the admin, blocked ones too."""
    access = _admin_access()
    return get_user_model().objects.filter(
        Q(is_superuser=True) | Q(groups__permissions__in=access) | Q(user_permissions__in=access)
    )


def members(users=None):
    """The members among `users` (every account by default), blocked ones included."""
    if users is None:
        users = get_user_model().objects.all()
    return users.exclude(pk__in=working_in_admin().values("pk"))


def moderators():
    """Active accounts working in the admin: moderators, editors and administrators."""
    return get_user_model().objects.filter(is_active=True, pk__in=working_in_admin().values("pk"))


def editors():
    """Moderators who edit pages: administrators and the accounts of groups with page
    permissions."""
    editing = get_user_model().objects.filter(
        Q(is_superuser=True) | Q(groups__page_permissions__isnull=False)
    )
    return moderators().filter(pk__in=editing.values("pk"))


# Set on an account `remembered_member` gives: whether it works in the admin, as remembered
# under the roles version (False: it is a member's).
KNOWN_ADMIN_ACCESS = "_jumelage_works_in_admin"


def _among_admin_workers(users, user):
    """Whether `user` is among `users()`, a set of accounts that work in the admin (moderators,
    editors): for an account the cache remembered as a member's, neither a query nor the
    queryset built (a millisecond of a member's page from the cache)."""
    if getattr(user, KNOWN_ADMIN_ACCESS, None) is False:
        return False
    return getattr(user, "pk", None) is not None and users().filter(pk=user.pk).exists()


def works_in_admin(user):
    """Whether the account `user` works in the admin (as `working_in_admin`, in one short query:
    asked on every page a member is served from the cache; none for an account the cache
    remembered as a member's)."""
    if getattr(user, "pk", None) is None:
        return False
    if user.is_superuser:
        return True
    known = getattr(user, KNOWN_ADMIN_ACCESS, None)
    if known is not None:
        return known
    return _admin_access().filter(Q(user=user.pk) | Q(group__user=user.pk)).exists()


def named(user, name, starts_sentence=False):
    """`name` as `user`'s name; for an account without one, her email address only for a
    member's (whom moderators may see), else "the editors": a moderator or member is never
    shown a staff member's address as her name (DESIGN.md's roles). Where the name
    `starts_sentence` ("%(name)s sent the story …"), "The editors" ("De redactie", "Die
    Redaktion"); a name someone gave herself is left as she wrote it."""
    if name:
        return name
    if not works_in_admin(user):
        return user.email
    return capfirst(gettext("the editors")) if starts_sentence else gettext("the editors")


def is_member(user):
    return getattr(user, "pk", None) is not None and not works_in_admin(user)


# The live token (home/live.py) every remembered account is kept under with its own: a new
# one, after a change of anyone's groups or permissions, forgets them all.
ROLES_CHANGES = "roles"
# What a page cache hit reads of the member (its live parts: who they are, their town and
# language); any other field is read from the database when used. Neither their password nor
# their email address are kept in the cache.
REMEMBERED_FIELDS = (
    "id",
    "is_active",
    "is_superuser",
    "display_name",
    "first_name",
    "last_name",
    "language",
    "town_id",
)


def remembered_member(request, read_along=()):
    """The member logged in on `request`'s session, as the cache remembers their account (its
    row, and that it is a member's), with no query; None when the session holds no account, the
    account is no member's, is blocked, or its password changed since the session began (as
    Django's `auth.get_user` checks), or the cache remembers none: the request then finds its
    account as Django does. For the page cache's hits (community.middleware), which read the
    account and render a few parts for it, never save it.

    Remembered under the account's token (replaced by every save of it), the roles version
    (replaced by a change of anyone's groups or permissions) and its memberships token (replaced
    when it joins or leaves a sector: the sectors it belongs to are remembered with it): one read
    of the cache for the four, and for the keys `read_along` (the page's entry). Returns (the
    member or None, what the read found of `read_along`; None when it did not read)."""
    user_model = get_user_model()
    try:
        pk = user_model._meta.pk.to_python(request.session[SESSION_KEY])
        backend = request.session[BACKEND_SESSION_KEY]
        session_hash = request.session[HASH_SESSION_KEY]
    except (KeyError, ValidationError):
        return None, None
    if backend not in settings.AUTHENTICATION_BACKENDS or not isinstance(session_hash, str):
        return None, None
    names = (ROLES_CHANGES, f"user:{pk}", memberships_token(pk))
    entry_key = f"member-account:{pk}"
    found = cache.get_many([*map(live.token_key, names), entry_key, *read_along])
    along = {key: found[key] for key in read_along if key in found}
    current = {name: found.get(live.token_key(name)) for name in names}
    entry = found.get(entry_key)
    if entry is None or None in current.values() or entry["versions"] != current:
        entry = _remember_member(user_model, pk, current, entry_key)
    if entry is None or not entry["member"]:
        return None, along
    user = from_row(user_model, entry["row"])
    if not user.is_active or not constant_time_compare(session_hash, entry["session_hash"]):
        return None, along
    setattr(user, KNOWN_ADMIN_ACCESS, False)
    setattr(user, REMEMBERED_SECTORS, frozenset(entry["sector_keys"]))
    setattr(user, REMEMBERED_GROUPS, frozenset(entry["group_ids"]))
    return user, along


def memberships_token(pk):
    """The live token replaced when the account `pk` joins or leaves a sector community."""
    return f"memberships:{pk}"


def _remember_member(user_model, pk, current, entry_key):
    """The account's row and whether it is a member's, read from the database and kept under
    the tokens `current` (made first where missing: home.live.with_missing_made)."""
    current = live.with_missing_made(current)
    # Its groups read along (the main menu's entries of a group's pages: home.visibility).
    groups = user_model.groups.through.objects.filter(
        **{user_model.groups.field.m2m_field_name(): OuterRef("pk")}
    )
    user = (
        user_model.objects.filter(pk=pk)
        .annotate(
            remembered_group_ids=Subquery(
                groups.order_by().values(ids=AllAsJSON(user_model.groups.field.m2m_reverse_name())),
                output_field=JSONField(),
            )
        )
        .first()
    )
    if user is None:
        return None
    entry = {
        "versions": current,
        "row": row_of(user, REMEMBERED_FIELDS),
        "member": is_member(user),
        # The sector communities they belong to (their join buttons), replaced with the
        # memberships token.
        "sector_keys": [str(key) for key in user.memberships.values_list("sector_key", flat=True)],
        # The groups it is in, replaced with the roles version (any change of groups).
        "group_ids": [str(pk) for pk in user.remembered_group_ids or ()],
        # What the session must hold, as Django's auth.get_user checks (not the password).
        "session_hash": user.get_session_auth_hash(),
    }
    # A save of the account replaces its token at once (a password changed, a member blocked);
    # CACHE_VERSION_SECONDS bounds how late a change shows that was made while Redis could not
    # be reached (and came back with its data), as it bounds a publish.
    if None not in current.values() and settings.CACHE_VERSION_SECONDS > 0:
        cache.set(entry_key, entry, settings.CACHE_VERSION_SECONDS)
    return entry


def forget_remembered_members():
    """Now, and once the change being made is committed: read before it, the old answer would
    be remembered again."""
    live.changed(ROLES_CHANGES)


def is_moderator(user):
    return _among_admin_workers(moderators, user)


def is_editor(user):
    return _among_admin_workers(editors, user)


# The page permissions that lead an editor through the explorer (Wagtail's explorable pages).
EXPLORING = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}


def pages_within_rights(user):
    """The pages `user` holds a page permission on or below: an administrator every page, an
    editor those of her groups' parts of the tree, a moderator none (her review task opens the
    contributions she may decide, and only those). Not the pages above them, which Wagtail's
    explorer leads her through (`explorable_pages`)."""
    return page_permission_policy.instances_user_has_any_permission_for(user, EXPLORING)


def explorable_pages(user):
    """The pages Wagtail's explorer leads `user` through and names: those within her rights
    and, once her rights lie in several parts of the tree, every page above them up to the
    first common to all (the root once in both language trees). Not pages she holds rights on:
    their reviews, drafts and histories are not hers (`holds_rights_on`)."""
    return page_permission_policy.explorable_instances(user)


def holds_rights_on(user, page):
    """Whether `page` is among the pages within `user`'s rights (`pages_within_rights`), asked of
    her page permissions, which Wagtail reads once a request and keeps on her account: no query
    per page of a listing that asks it of every row."""
    return page_permission_policy.user_has_any_permission_for_instance(user, EXPLORING, page)


def admin_title(user, page):
    """The title the admin names `page` by to `user`: on a page within her rights, its draft's
    (Wagtail's `get_admin_display_title`), as she edits it; on any other (those above her part
    of the tree, which the explorer leads her through; pages published to everyone, which she
    may link to) the title it is published under, which anyone reads on the site: another
    part's drafts are not hers (outsider's attack of 2026-12-07)."""
    return page.get_admin_display_title() if holds_rights_on(user, page) else page.title


def holds_rights_on_deleted_pages(user):
    """Whether `user` may know of pages deleted since, whose place in the tree went with them:
    who holds rights on the root itself (administrators, the editor groups), not an editor of
    parts of the tree, however many: a group with rights on both language homes is not told of
    a deleted page either, which may have stood anywhere (beside the homes, in a third tree;
    attack 30, F6)."""
    return pages_within_rights(user).filter(depth=1).exists()


def pages_shown_for_linking(user):
    """The pages an editor may choose (to link to them, in a page's text or fields): those
    within her rights, and every page published to everyone, whose title anyone reads on the
    site. A draft or a private page outside her part of the tree is not hers to learn of (those
    above her part, which the explorer names, are shown as it does)."""
    if user.is_superuser:
        return Page.objects.all()
    return Page.objects.filter(
        Q(pk__in=explorable_pages(user).values("pk"))
        | Q(pk__in=Page.objects.live().public().values("pk"))
    )


def foundation_countries(user):
    """The countries of the foundations whose details the user may change in the foundation
    settings: an editor group's own one, every one for administrators."""
    if user.is_superuser:
        return set(FOUNDATION_OF_GROUP.values())
    names = user.groups.filter(name__in=FOUNDATION_OF_GROUP).values_list("name", flat=True)
    return {FOUNDATION_OF_GROUP[name] for name in names}
