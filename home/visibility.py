"""Wagtail's view restrictions (private sections), read without a query of their own.

Wagtail reads every restriction for each listing (`.public()`) and walks a page's ancestors before
serving it: with one private page anywhere, every public page took 3 to 5 queries more (attack of
2026-12-05, F2). The paths of the private sections come with the site's languages, in the one
query every request makes (`home.cache.restricted_paths`): a listing leaves out what lies below
them, and only a page below one of them asks Wagtail which restrictions apply."""

from contextlib import contextmanager
from threading import local

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from wagtail.log_actions import LogContext
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.signals import post_page_move

from home.cache import restricted_paths, view_restrictions
from home.history import read_with
from home.language_trees import move_versions_along
from home.urls_util import current_request


def private_q(paths):
    """Pages at or below any of the tree paths `paths`, as Wagtail's `PageQuerySet.private_q`
    (a tree path starts with the paths of its ancestors)."""
    q = Q()
    for path in paths:
        q |= Q(path__startswith=path)
    return q


def serving(request, page):
    """Notes the page `request` is served (before Wagtail checks its restrictions)."""
    request.jumelage_serving_path = page.path


def public(queryset, opened=None):
    """`queryset.public()` without reading the restrictions again. On a private page (a members'
    section, a page behind a password) listings keep what lies below the restrictions over that
    page, which its reader passed to open it: a members-only story overview listed no story to
    the members either (walk of 2026-12-05, F3). Everywhere else, as on a public page every
    visitor shares, what is private is left out for everyone."""
    paths = hidden_paths(opened)
    return queryset.exclude(private_q(paths)) if paths else queryset


def hidden_paths(opened=None):
    """The tree paths below which `public` leaves pages out: every private section's but those
    over `opened`, the tree path of the page listing them (by default the page the request
    serves). What a page lists for its readers, kept in a cache by that page, gives `opened`:
    it is the same whoever asks."""
    paths = restricted_paths()
    if paths and opened is None:
        request = current_request()
        opened = getattr(request, "jumelage_serving_path", "") if request is not None else ""
    return [path for path in paths if not (opened or "").startswith(path)]


def may_open(request, page):
    """Whether the visitor of `request` passes every view restriction of `page` (a password
    given, logged in, in the group), as Wagtail checks before serving it."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def openable_or_404(request, queryset, **lookups):
    """The live page of `queryset` found by `lookups`, if the visitor of `request` may open it
    (`may_open`), else 404: what a member does on a page (register, report, sign up, take its
    calendar file) answers whoever the page opens for, also a members' or a group's page, and
    nobody else. Looked up among `public()` pages only, a meeting for logged-in members offered
    its members "Register" and answered the form 404 (attack 42)."""
    page = get_object_or_404(queryset.live(), **lookups)
    if not may_open(request, page):
        raise Http404
    return page


def below_a_restriction(page):
    """Whether `page` is at or below a private section (or an alias of one)."""
    return any(page.path.startswith(path) for path in restricted_paths())


def menu_rule(page):
    """Who may open `page`, as its entry in the main menu says it: "" for everyone, else each
    view restriction at or above it, "login", "password" or "groups:<id>.<id>", joined by "|".
    From the restrictions every request reads: no query."""
    rules = {
        f"groups:{'.'.join(map(str, groups))}" if kind == PageViewRestriction.GROUPS else kind
        for paths, kind, groups in view_restrictions()
        if any(page.path.startswith(path) for path in paths)
    }
    return "|".join(sorted(rules))


def passes(user, rule):
    """Whether `user` passes each restriction of `rule` (`menu_rule`) as Wagtail's
    `BaseViewRestriction.accept_request` lets a request through: logged in; in one of the
    groups, or an administrator. A password is given on the page itself, never by a menu."""
    for part in filter(None, rule.split("|")):
        kind, _colon, ids = part.partition(":")
        if kind == PageViewRestriction.LOGIN:
            allowed = user.is_authenticated
        elif kind == PageViewRestriction.GROUPS:
            allowed = user.is_authenticated and (
                user.is_superuser or bool(set(ids.split(".")) & group_ids(user))
            )
        else:
            allowed = False
        if not allowed:
            return False
    return True


# The ids (as text) of an account's groups, set on it where they were read along with it
# (community.roles.remembered_member: a member's page from the cache asks no query for them).
REMEMBERED_GROUPS = "_jumelage_group_ids"


def group_ids(user):
    """The ids (as text) of the groups `user` is in: read once for the request's account, or as
    the cache remembers a member's (community.roles.remembered_member: no query)."""
    if not hasattr(user, REMEMBERED_GROUPS):
        setattr(
            user, REMEMBERED_GROUPS, {str(pk) for pk in user.groups.values_list("pk", flat=True)}
        )
    return getattr(user, REMEMBERED_GROUPS)


def in_menus(page):
    """Whether the main menu names `page`: a public page for everyone; a members' or a group's
    page for those who may open it (`passes`, rendered for each reader); a page behind a
    password for nobody (a menu does not know who gave it)."""
    return PageViewRestriction.PASSWORD not in menu_rule(page).split("|")


class PublicPageQuerySet(PageQuerySet):
    def public(self):
        return public(self)


def restrictions_over(page):
    """The view restrictions on `page` and on its ancestors in its own tree, nearest first,
    read from the database."""
    steps = range(Page.steplen, len(page.path) + 1, Page.steplen)
    paths = [page.path[:end] for end in steps]
    return PageViewRestriction.objects.filter(page__path__in=paths).order_by("-page__depth")


class ViewRestrictionsMixin:
    """For page models: the restrictions that apply, without a query unless the page is below a
    private section. Wagtail reads an alias's restrictions from the page it mirrors and the
    alias's ancestors, and would ignore one given to the alias itself: those hold here too."""

    def get_view_restrictions(self):
        if not below_a_restriction(self):
            return PageViewRestriction.objects.none()
        restrictions = super().get_view_restrictions()
        if self.alias_of_id:
            restrictions = restrictions | restrictions_over(self)
        return restrictions


# --- one page, one privacy: a view restriction holds for every language version -----------------

_mirroring = local()


def versions_of(page):
    """The page's other language versions (translations, and aliases of any of them)."""
    keys = Page.objects.filter(pk=page.pk).values("translation_key")
    versions = Page.objects.filter(translation_key__in=keys)
    return Page.objects.filter(Q(pk__in=versions) | Q(alias_of__in=versions)).exclude(pk=page.pk)


@contextmanager
def mirroring():
    _mirroring.busy = True
    try:
        yield
    finally:
        _mirroring.busy = False


def busy():
    return getattr(_mirroring, "busy", False)


def own_entry(user=None):
    """A log context of its own for a change made on another page than the editor's (a mirrored
    restriction, a copy): Wagtail's page history shows one entry per request and action across
    all pages, so the entry on the page the editor changed, or the mirrored one, went missing
    (second walk of 2026-12-05, F2)."""
    return LogContext(user=user or acting_user())


def acting_user():
    """The editor whose change is mirrored, named in each version's history (Wagtail logs a
    restriction's save and delete on its page)."""
    request = current_request()
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def copy_restriction(source, page, restriction=None, groups=None):
    """Makes `restriction` (or a new one) of `page` ask what `source` asks: its kind, password
    and groups (`groups`, when read already), with an entry of its own in `page`'s history."""
    restriction = restriction or PageViewRestriction(page=page)
    restriction.restriction_type = source.restriction_type
    restriction.password = source.password
    user = acting_user()
    with own_entry(user):
        restriction.save(user=user)
    restriction.groups.set(list(source.groups.all()) if groups is None else groups)
    return restriction


def mirror_restriction(sender, instance, raw=False, **kwargs):
    """An editor makes a page private (password, logged-in visitors, groups) in Wagtail's privacy
    dialog: each of its language versions gets the same restriction, so the German story is not
    served, listed or found while the Dutch one asks for a password, and Wagtail's privacy
    indicator tells the truth on both."""
    if raw or busy():
        return
    if kwargs.get("created") and takes_the_groups_of_its_versions(instance):
        return
    with mirroring():
        groups = list(instance.groups.all())
        for page in versions_of(instance.page):
            restriction = PageViewRestriction.objects.filter(page=page).first()
            copy_restriction(instance, page, restriction, groups)
        cover_versions_below(instance, getattr(instance, "_jumelage_before", None))


def takes_the_groups_of_its_versions(instance):
    """A restriction to groups just made for a page whose other versions have one (the copy
    Wagtail's copy or wagtail-localize's translation makes): saved before its groups are set,
    and by wagtail-localize without them, its empty list of groups was mirrored onto the
    original, which no group could open any more (second pass of attack 16, F6). It takes the
    groups of theirs instead; groups set on it afterwards are mirrored as any change."""
    if instance.restriction_type != PageViewRestriction.GROUPS or instance.groups.exists():
        return False
    theirs = (
        PageViewRestriction.objects.filter(
            page__in=versions_of(instance.page),
            restriction_type=PageViewRestriction.GROUPS,
            groups__isnull=False,
        )
        .exclude(pk=instance.pk)
        .first()
    )
    if theirs is None:
        return False
    with mirroring():
        instance.groups.set(list(theirs.groups.all()))
    return True


def mirror_restriction_groups(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(
        instance, PageViewRestriction
    ):
        mirror_restriction(PageViewRestriction, instance)


def mirror_public(sender, instance, **kwargs):
    """Made public again: public in every language. A restriction also goes with its page when
    the page is deleted; the other versions keep theirs then, so this waits for the commit and
    acts only when the page is still there."""
    if busy():
        return
    page_id = instance.page_id

    before = getattr(instance, "_jumelage_before", None)
    user = acting_user()

    def lift():
        page = Page.objects.filter(pk=page_id).first()
        if page is None or PageViewRestriction.objects.filter(page=page).exists():
            return
        with mirroring():
            versions = list(versions_of(page))
            for restriction in PageViewRestriction.objects.filter(page__in=versions):
                with own_entry(user):
                    restriction.delete(user=user)
            if before is not None:
                uncover_versions_below([page, *versions], before)

    transaction.on_commit(lift)


def signature(restriction):
    """What a restriction asks: its kind, its password and its groups."""
    groups = frozenset(group.pk for group in restriction.groups.all())
    return (restriction.restriction_type, restriction.password, groups)


def covered_by(page, wanted):
    """Whether a restriction over `page` (on it or an ancestor) asks `wanted` already."""
    applying = restrictions_over(page).prefetch_related("groups")
    return any(signature(restriction) == wanted for restriction in applying)


def mirror_on_move(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    """A page moved into a private section: wagtail-localize leaves its other language versions
    (and those of the pages below it) where they were, in public sections. Each of them that the
    section's restriction does not cover gets a copy of it, so the move makes the page private
    in every language (second attack of 2026-12-05, F3). A version below another private
    section gets it too (attack 16, F2: the German version of a page moved from the members'
    section into the board's stayed open to every member), and one whose own restriction was
    the copy of an earlier section's has it replaced. Moving a page out of a private section
    lifts nothing: its other versions stay private until an editor makes them public."""
    if busy() or parent_page_before is None or parent_page_before.pk == parent_page_after.pk:
        return
    page = Page.objects.get(pk=instance.pk)
    moved = Page.objects.descendant_of(page, inclusive=True)
    versions = Page.objects.filter(translation_key__in=moved.values("translation_key"))
    others = (
        Page.objects.filter(Q(pk__in=versions) | Q(alias_of__in=versions))
        .exclude(path__startswith=page.path)
        .order_by("path")
    )
    # The moved pages with a restriction of their own (mirrored to their other versions).
    own_keys = set(
        PageViewRestriction.objects.filter(page__in=moved).values_list(
            "page__translation_key", flat=True
        )
    )
    section = restrictions_over(page).first()
    if section is None:
        # Moved out of a private section: the copies of its restriction go (walk of
        # 2026-12-05, F1: the German version stayed private).
        left = restrictions_over(parent_page_before).prefetch_related("groups").first()
        if left is not None:
            with mirroring():
                remove_copies(others, own_keys, signature(left))
        return
    wanted = signature(section)
    groups = list(section.groups.all())
    with mirroring():
        for other in others.only("path", "translation_key"):
            if covered_by(other, wanted):
                continue
            own = PageViewRestriction.objects.filter(page=other).first()
            if own is not None and other.translation_key in own_keys:
                # The page's own privacy, in every language: the editor's to change.
                continue
            copy_restriction(section, other, own, groups)


def group_key(page):
    """The translation key a page's privacy is mirrored by: an alias's is its original's."""
    return page.alias_of.translation_key if page.alias_of_id else page.translation_key


def remove_copies(pages, own_keys, copied):
    """Deletes the restrictions of `pages` that are copies of a section's asking `copied`: not
    a privacy of their own (mirrored from a version in `own_keys`)."""
    for other in pages.select_related("alias_of").only(
        "path", "translation_key", "alias_of__translation_key"
    ):
        own = PageViewRestriction.objects.filter(page=other).prefetch_related("groups").first()
        if own is None or signature(own) != copied or group_key(other) in own_keys:
            continue
        with own_entry():
            own.delete(user=acting_user())


def versions_outside(sections):
    """The pages below a section (all its language versions `sections`), and their versions and
    aliases that lie outside it."""
    inside = private_q(section.path for section in sections)
    below = Page.objects.filter(inside).exclude(pk__in=[section.pk for section in sections])
    versions = Page.objects.filter(translation_key__in=below.values("translation_key"))
    outside = (
        Page.objects.filter(Q(pk__in=versions) | Q(alias_of__in=versions))
        .exclude(inside)
        .order_by("path")
    )
    return below, outside


def uncover_versions_below(sections, copied):
    """A private section made public again (all its language versions `sections`): the copies of
    its restriction that moves and aliases gave versions of its pages elsewhere go too (walk of
    2026-12-05, F1: the German version of a page moved into it stayed private)."""
    below, outside = versions_outside(sections)
    own_keys = set(
        PageViewRestriction.objects.filter(page__in=below).values_list(
            "page__translation_key", flat=True
        )
    )
    remove_copies(outside, own_keys, copied)


def remember_before(sender, instance, raw=False, **kwargs):
    """What a restriction asked before an editor changes or deletes it, to find its copies by:
    as stored (the privacy dialog's form has set the instance to its new values by then)."""
    if raw or instance.pk is None:
        return
    stored = PageViewRestriction.objects.filter(pk=instance.pk).first()
    instance._jumelage_before = signature(stored) if stored is not None else None


def remember_groups_before(sender, instance, action, **kwargs):
    if action in ("pre_add", "pre_remove", "pre_clear") and isinstance(
        instance, PageViewRestriction
    ):
        instance._jumelage_before = signature(instance)


def cover_versions_below(instance, before):
    """The language versions and aliases of the pages below a private section that lie outside
    it (a German version left elsewhere by a move, an alias an editor placed in a public
    section) get the section's restriction when it is made, and their copies change with it
    when the editor changes it (another password, other groups: attack 16, F1). Wagtail serves
    an alias under the restrictions of the page it mirrors and its own ancestors, never those
    of the mirrored page's ancestors: an alias of a page of a private section, placed in a
    public one, showed that page to anyone, in the menu and the API too (attack 16, F3). A copy
    is a restriction of such a page that asks what the section asked before."""
    below, outside = versions_outside([instance.page, *versions_of(instance.page)])
    if not below.exists():
        return
    wanted = signature(instance)
    groups = list(instance.groups.all())
    for other in outside.only("path"):
        own = PageViewRestriction.objects.filter(page=other).prefetch_related("groups").first()
        if own is not None:
            if before is None or signature(own) != before:
                continue
        elif covered_by(other, wanted):
            continue
        copy_restriction(instance, other, own, groups)


def cover_new_alias(sender, instance, created=False, raw=False, **kwargs):
    """An alias made of a page below a private section (Wagtail's copy dialog, "Alias") gets the
    section's restriction, unless it is made in a section as private (its language's version of
    the same section, as wagtail-localize makes them)."""
    if raw or not created or not isinstance(instance, Page) or busy():
        return
    if instance.alias_of_id is None:
        return
    source = Page.objects.filter(pk=instance.alias_of_id).only("path").first()
    section = restrictions_over(source).prefetch_related("groups").first() if source else None
    if section is None:
        return
    if covered_by(instance, signature(section)):
        return
    with mirroring():
        copy_restriction(section, instance)


# --- the history names a restriction in its reader's language --------------------------------

RESTRICTION_LOG_ACTIONS = (
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
)


def restriction_title(data):
    """A logged restriction's name in the active language: the entry stores it in the language
    of whoever acted (and a removal's "type" as "none"), so it is found again by its type or by
    its stored name in either language."""
    labels = dict(PageViewRestriction.RESTRICTION_CHOICES)
    kind = data.get("type")
    if kind not in labels or kind == PageViewRestriction.NONE:
        stored = data.get("title")
        for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES:
            with translation.override(code):
                for key, label in labels.items():
                    if str(label) == stored:
                        kind = key
    return str(labels[kind]) if kind in labels else data.get("title")


def with_restriction_shown(data):
    restriction = data.get("restriction") if isinstance(data, dict) else None
    if not isinstance(restriction, dict):
        return data
    return {**data, "restriction": {**restriction, "title": restriction_title(restriction)}}


def restrictions_shown_in_history(actions):
    """Wagtail's formatters of privacy entries read the name as stored: a German editor read
    "„Afgeschermd, toegankelijk voor alle ingelogde gebruikers“" on the German page after the
    Dutch editor's change (walk of 2026-12-05, F5)."""
    read_with(actions, RESTRICTION_LOG_ACTIONS, with_restriction_shown)


def connect_signals():
    # The other versions move along first, so that the privacy follows where they end up.
    post_page_move.connect(move_versions_along, dispatch_uid="jumelage_versions_moved_along")
    post_page_move.connect(mirror_on_move, dispatch_uid="jumelage_privacy_moved")
    post_save.connect(cover_new_alias, dispatch_uid="jumelage_privacy_new_alias")
    pre_save.connect(
        remember_before, sender=PageViewRestriction, dispatch_uid="jumelage_privacy_before"
    )
    pre_delete.connect(
        remember_before, sender=PageViewRestriction, dispatch_uid="jumelage_privacy_deleting"
    )
    m2m_changed.connect(
        remember_groups_before,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="jumelage_privacy_groups_before",
    )
    post_save.connect(
        mirror_restriction, sender=PageViewRestriction, dispatch_uid="jumelage_privacy_mirrored"
    )
    m2m_changed.connect(
        mirror_restriction_groups,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="jumelage_privacy_groups_mirrored",
    )
    post_delete.connect(
        mirror_public, sender=PageViewRestriction, dispatch_uid="jumelage_privacy_lifted"
    )
