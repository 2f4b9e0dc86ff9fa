"""Panels on the editors' dashboard: what waits for them."""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail.admin.navigation import get_site_for_user
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, Task, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)

from community import roles
from community.contributions import title_under_review
from community.forms import town_names, town_or_elsewhere
from community.models import Report, Town
from community.models.contribution import contribution_models
from exchanges.choices import MeetingFormat
from exchanges.models import MeetingPage, Registration
from home.machine_translation import MachineTranslation, awaiting_review, failing, translator
from home.translation_progress import untranslated_passages


class Panel(Component):
    order = 50
    permission = None  # the permission a user needs to see the panel; None: every admin user

    def is_shown(self, user):
        return self.permission is None or user.has_perm(self.permission)

    def get_context_data(self, parent_context):
        return {"request": parent_context["request"], **self.data()}


def in_review():
    """The workflow states of pages in review now."""
    return WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )


def contributions_awaiting_review_count():
    """How many members' contributions await review (the panel's first list), in one query:
    the admin menu's item that leads to the panel says it on every admin page."""
    ids = in_review().annotate(page_id=Cast("object_id", IntegerField())).values("page_id")
    return (
        Page.objects.filter(pk__in=ids, owner__in=roles.members())
        .type(*contribution_models())
        .count()
    )


class ContributionsAwaitingReview(Panel):
    """Members' contributions awaiting review, and below them any other page whose review waits
    for this user (an editor's own draft sent for review, a page in a workflow an administrator
    added): the dashboard's one list of what waits for a reviewer, in place of Wagtail's
    "Awaiting your review" (jumelage/wagtail_hooks.py)."""

    name = "contributions_awaiting_review"
    order = 10
    template_name = "wagtailadmin/panels/contributions_awaiting_review.html"

    def data(self):
        states = in_review()
        tasks = {
            object_id: (task_id, task_state_id)
            for object_id, task_id, task_state_id in states.values_list(
                "object_id", "current_task_state__task_id", "current_task_state_id"
            )
        }
        ids = [int(pk) for pk in tasks]
        pages = (
            Page.objects.filter(pk__in=ids, owner__in=roles.members())
            .type(*contribution_models())
            .select_related("owner__town", "locale", "latest_revision")
            .order_by("latest_revision_created_at")
        )
        contributions = list(pages)
        for page in contributions:
            page.title_under_review = title_under_review(page)
            page.review_task_id, page.review_task_state_id = tasks[str(page.pk)]
        with_towns_under_review(contributions)
        shown = {str(page.pk) for page in contributions}
        others = {int(pk): task for pk, task in tasks.items() if pk not in shown}
        return {"contributions": contributions, "other_reviews": others}

    def get_context_data(self, parent_context):
        # Moderators review in the task's preview: reviewing is not editing (community/review).
        user = parent_context["request"].user
        edits = PagePermissionPolicy().user_has_any_permission(user, {"change", "publish"})
        context = {**super().get_context_data(parent_context), "edits_pages": edits}
        with_review_actions(context["contributions"], user)
        context["other_reviews"] = with_reviewer(context["other_reviews"], user)
        return context


def with_towns_under_review(pages):
    """The towns each contribution is about (`towns_under_review`), beside its member's own town
    (`member_town`): a meeting's town ("Online" for an online meeting), a story's towns involved,
    as approving would publish them (the latest revision: a draft's stored row may be older), in
    one query."""
    wanted, formats, elsewhere = {}, {}, {}
    for page in pages:
        content = page.latest_revision.content if page.latest_revision is not None else {}
        rows = content.get("story_towns") or []
        wanted[page.pk] = [pk for pk in (content.get("town"), *(r.get("town") for r in rows)) if pk]
        formats[page.pk] = content.get("format")
        elsewhere[page.pk] = content.get("town_elsewhere", False)
    towns = Town.objects.in_bulk({pk for ids in wanted.values() for pk in ids})
    # Each in the reader's language: a stored town is the default language's (a German page's,
    # the German one), and a German editor read "Keulen" for Köln.
    translated = dict(
        Town.objects.filter(
            translation_key__in={town.translation_key for town in towns.values()},
            locale__language_code=translation.get_language(),
        ).values_list("translation_key", "name")
    )
    names = town_names()
    for page in pages:
        page.towns_under_review = [
            translated.get(towns[pk].translation_key, towns[pk].name)
            for pk in wanted[page.pk]
            if pk in towns
        ]
        # A meeting without a town: online, or in person elsewhere where its member chose the
        # form's "Elsewhere"; left blank, it is not given (the column's dash), not "Elsewhere".
        if not page.towns_under_review and formats[page.pk] == MeetingFormat.ONLINE:
            page.towns_under_review = [MeetingFormat.ONLINE.label]
        elif not page.towns_under_review and elsewhere[page.pk]:
            page.towns_under_review = [gettext("Elsewhere")]
        page.member_town = town_or_elsewhere(page.owner.town_id, names)


def with_reviewer(reviews, user):
    """Of the other pages in review (`reviews`: page id → its task and task state), those whose
    review `user` may decide, as Wagtail's "Awaiting your review" listed them: each with its
    task, who sent it, the title approving would publish, where the user reads it (the editor
    where they may edit it, else the task's preview) and the actions they may take. Their task
    states in one query, each task's specific one once."""
    states = TaskState.objects.select_related("workflow_state__requested_by").in_bulk(
        [task_state_id for _task_id, task_state_id in reviews.values()]
    )
    tasks = {}
    pages = []
    for page in Page.objects.filter(pk__in=reviews).select_related("locale", "latest_revision"):
        task_id, task_state_id = reviews[page.pk]
        state = states[task_state_id]
        if state.task_id not in tasks:
            tasks[state.task_id] = state.task.specific
        task = tasks[state.task_id]
        actions = task.get_actions(page, user)
        if not actions:
            continue  # a review for another group
        page.title_under_review = title_under_review(page)
        page.review_task = task
        page.review_task_state_id = task_state_id
        page.sent_by = state.workflow_state.requested_by
        page.edits = page.permissions_for_user(user).can_edit()
        page.review_actions = review_actions(page, actions)
        pages.append((state.started_at, page))
    return [page for _started, page in sorted(pages, key=lambda row: row[0])]


def review_actions(page, actions):
    """Wagtail's workflow actions (name, label, whether it asks for a comment) of the page's
    review as the buttons of the panel: each posts to Wagtail's workflow action address, except
    "Approve" without a comment, which publishes at once: a link to a page that asks first
    (`community.review_decisions.confirm_approval`), which works without JavaScript too."""
    return [
        {
            "name": name,
            "label": label,
            "modal": modal,
            "url": reverse(
                "wagtailadmin_pages:workflow_action",
                args=(page.pk, name, page.review_task_state_id),
            ),
            "confirm_url": reverse(
                "jumelage_confirm_approval", args=(page.pk, page.review_task_state_id)
            )
            if name == "approve" and not modal
            else None,
        }
        for name, label, modal in actions
    ]


def with_review_actions(contributions, user):
    """Gives each contribution the review actions (approve, request changes, …) the user may
    take, as Wagtail's workflow action addresses, so the panel is not a dead end. Every entry
    is a member's contribution, so the actions depend on the task only: one lookup per task."""
    task_ids = {page.review_task_id for page in contributions}
    tasks = {task.pk: task for task in Task.objects.filter(pk__in=task_ids).specific()}
    by_task = {}
    for page in contributions:
        task = tasks.get(page.review_task_id)
        if task is None:
            page.review_actions = []
            continue
        if task.pk not in by_task:
            by_task[task.pk] = list(task.get_actions(page, user))
        page.review_actions = review_actions(page, by_task[task.pk])
    return contributions


class OpenReports(Panel):
    name = "open_reports"
    order = 20
    permission = "community.view_report"
    template_name = "wagtailadmin/panels/open_reports.html"

    def data(self):
        reports = Report.objects.open().select_related("page")
        return {"reports": reports[:10], "count": reports.count()}


class TakenOffAfterReports(Panel):
    """The contributions members' reports took off the site, each until an editor publishes it
    again or deletes it: handling its reports does not bring it back, and a moderator may not
    publish it (walk 13: she ticked "Handled" on all three reports, the story stayed off, and
    no list showed it any more). The moderation's own take-downs were its decision and are not
    listed. The first ten, in a fixed number of queries."""

    name = "taken_off_after_reports"
    order = 21
    permission = "community.view_report"
    template_name = "wagtailadmin/panels/taken_off_after_reports.html"
    SHOWN = 10

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        hid = Report.objects.filter(hid_page=True, page__live=False)
        # The member's own language versions: a contribution's source, off the site.
        pages = list(
            Page.objects.filter(
                translation_key__in=hid.values("page__translation_key"),
                alias_of=None,
                live=False,
                owner__in=roles.members(),
            ).order_by("-last_published_at")
        )
        hiding = Report.objects.hiding(pages)
        waiting = [
            (page, hiding[page.pk])
            for page in pages
            if page.pk in hiding and not hiding[page.pk].hid_by_moderation
        ]
        edits = roles.is_editor(user)
        items = [
            {
                "title": page.title,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]) if edits else None,
                "report_url": reverse("reports:edit", args=[report.pk]),
                "since": report.hid_page_at or report.created_at,
            }
            for page, report in waiting[: self.SHOWN]
        ]
        return {"items": items, "count": len(waiting)}


class MeetingsSoon(Panel):
    name = "meetings_soon"
    order = 30
    permission = "exchanges.view_registration"
    template_name = "wagtailadmin/panels/meetings_soon.html"

    def data(self):
        now = timezone.now()
        meetings = list(
            MeetingPage.objects.live()
            .filter(alias_of__isnull=True, start__gte=now, start__lte=now + timedelta(days=14))
            .select_related("locale")
            .order_by("start")
        )
        counts = dict(
            Registration.objects.filter(meeting_key__in=[m.translation_key for m in meetings])
            .values_list("meeting_key")
            .annotate(
                registered=Count("pk", filter=Q(status="registered")),
            )
        )
        for meeting in meetings:
            meeting.registered = counts.get(meeting.translation_key, 0)
        # One line per meeting, not per language version: the version in the editor's admin
        # language where it is translated, else the one there is.
        language = translation.get_language()
        chosen = {}
        for meeting in meetings:
            shown = chosen.get(meeting.translation_key)
            if shown is None or (
                meeting.locale.language_code == language and shown.locale.language_code != language
            ):
                chosen[meeting.translation_key] = meeting
        return {"meetings": list(chosen.values())}


@dataclass
class OutdatedTranslation:
    """A translated page behind its source, with the next step that brings it up to date and
    where an editor takes it."""

    source: Page
    page: Page
    step: str
    url: str
    untranslated: int = 0


# The steps, in the order an editor takes them. wagtail-localize's translation editor shows the
# source as it was last synced: a change of the source reaches it only after a sync.
SYNC = "sync"  # the source was published after the last sync
TRANSLATE = "translate"  # synced, with passages not translated yet
PUBLISH = "publish"  # synced and translated, not published since
EDIT = "edit"  # not kept in sync by wagtail-localize: its own editor, the source beside it
UNTRANSLATED = "untranslated"  # an alias: the original shown, labelled, until translated
# The rows the panel shows; its heading counts them all.
SHOWN = 15


class OutdatedTranslations(Panel):
    name = "outdated_translations"
    order = 40
    permission = "wagtail_localize.submit_translation"
    template_name = "wagtailadmin/panels/outdated_translations.html"

    def data(self):
        """Translated pages that do not show their source as last published, each with its next
        step (`next_step`), in the same queries for any number of pages. The source is the
        version wagtail-localize translated from (a German member's story is the source of its
        Dutch translation), else the Dutch one."""
        source_locale = Subquery(
            TranslationSource.objects.filter(object_id=OuterRef("translation_key")).values(
                "locale_id"
            )[:1]
        )
        dutch = Locale.objects.filter(language_code="nl").values("pk")[:1]
        versions = Page.objects.filter(alias_of__isnull=True, live=True).annotate(
            source_locale=Coalesce(source_locale, Subquery(dutch), output_field=IntegerField())
        )
        translated = versions.exclude(locale_id=F("source_locale"))
        sources = {
            page.translation_key: page
            for page in versions.filter(
                locale_id=F("source_locale"),
                translation_key__in=translated.values("translation_key"),
            )
        }
        kept = {
            (t.source.object_id, t.source.locale_id, t.target_locale_id): t
            for t in kept_in_sync(translated)
        }
        outdated = []
        for page in translated.select_related("locale"):
            source = sources.get(page.translation_key)
            if source is None:
                continue
            row = next_step(
                source, page, kept.get((page.translation_key, source.locale_id, page.locale_id))
            )
            if row is not None:
                outdated.append(row)
        rows, count = untranslated(max(SHOWN - len(outdated), 0))
        return {
            "outdated": [*outdated, *rows][:SHOWN],
            "count": len(outdated) + count,
            "to_sync": any(row.step == SYNC for row in outdated),
        }


def untranslated(shown):
    """Published pages shown in another language as their original (aliases, wagtail-localize's
    or ours, home.machine_translation.ensure_aliases), but those the translator is at
    (MachineTranslations' panel): (the first `shown` rows, each led to its alias's page in the
    admin, whose "Translate this page" starts its translation, and how many there are). A
    sector added in one language stood untranslated in the other with no word of it on the
    dashboard (walk 16). In two queries, whatever their number."""
    at_the_translator = MachineTranslation.objects.filter(
        translation__source__object_id=OuterRef("translation_key"),
        translation__target_locale_id=OuterRef("locale_id"),
        status__in=[MachineTranslation.Status.WAITING, MachineTranslation.Status.TRANSLATING],
    )
    aliases = (
        Page.objects.filter(alias_of__isnull=False, live=True, alias_of__live=True)
        .exclude(locale_id=F("alias_of__locale_id"))
        .exclude(Exists(at_the_translator))
    )
    rows = [
        OutdatedTranslation(
            alias.alias_of, alias, UNTRANSLATED, reverse("wagtailadmin_pages:edit", args=[alias.pk])
        )
        for alias in aliases.select_related("locale", "alias_of").order_by(
            "-alias_of__last_published_at", "pk"
        )[:shown]
    ]
    return rows, aliases.count()


def kept_in_sync(pages):
    """wagtail-localize's translations (enabled: kept in sync with their source) of `pages`, with
    their source, how many passages are not translated (`untranslated`) and when a passage or
    an override was last changed in the translation editor (`changed_at`, `overridden_at`)."""

    def last_changed(model):
        """When the translation's last passage (or override) of `model` was changed."""
        return (
            model.objects.filter(
                context__object_id=OuterRef("source__object_id"),
                locale_id=OuterRef("target_locale_id"),
            )
            .order_by("-updated_at")
            .values("updated_at")[:1]
        )

    changed, overridden = last_changed(StringTranslation), last_changed(SegmentOverride)
    return (
        Translation.objects.filter(
            enabled=True, source__object_id__in=pages.values("translation_key")
        )
        .select_related("source")
        .annotate(
            untranslated=untranslated_passages(),
            changed_at=Subquery(changed),
            overridden_at=Subquery(overridden),
        )
    )


def next_step(source, page, translation):
    """What an editor does next so that the translated `page` shows its `source` as last
    published (None: nothing). `translation`: wagtail-localize's, when it keeps the page in sync."""
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if translation is None:
        if (
            source.last_published_at
            and page.last_published_at
            and source.last_published_at > page.last_published_at
        ):
            return OutdatedTranslation(source, page, EDIT, edit)
        return None
    synced = translation.source.last_updated_at
    if source.last_published_at and source.last_published_at > synced:
        sync = reverse("wagtail_localize:update_translations", args=[translation.source_id])
        back = urlencode({"next": reverse("wagtailadmin_home")})
        return OutdatedTranslation(source, page, SYNC, f"{sync}?{back}")
    if translation.untranslated:
        return OutdatedTranslation(source, page, TRANSLATE, edit, translation.untranslated)
    published = page.last_published_at
    changes = (synced, translation.changed_at, translation.overridden_at)
    if published and any(changed and changed > published for changed in changes):
        return OutdatedTranslation(source, page, PUBLISH, edit)
    return None


class MachineTranslations(Panel):
    """Machine translations published and not yet reviewed (readers see them labelled), and
    those the translator failed (readers see the labelled original meanwhile), with what an
    editor does about them (jumelage/translation_admin.py). Editors only: moderators edit no
    pages."""

    name = "machine_translations"
    order = 45
    template_name = "wagtailadmin/panels/machine_translations.html"
    shown = 20  # rows of each list; the heading counts them all

    def is_shown(self, user):
        return roles.is_editor(user)

    def data(self):
        awaiting, awaiting_count = first_rows(awaiting_review(), self.shown)
        failed, failed_count = first_rows(failing(), self.shown)
        with_pages(awaiting + failed)
        return {
            "awaiting": awaiting,
            "awaiting_count": awaiting_count,
            "failed": failed,
            "failed_count": failed_count,
            "translator_configured": translator() is not None,
        }

    def get_context_data(self, parent_context):
        # The dashboard renders its panels without the request's context processors.
        request = parent_context["request"]
        return {**super().get_context_data(parent_context), "csrf_token": get_token(request)}


def first_rows(records, shown):
    """The first `shown` records and how many there are (counted only when there are more)."""
    rows = list(records.select_related("translation__source__locale")[:shown])
    return rows, len(rows) if len(rows) < shown else records.count()


def with_pages(records):
    """Gives each machine translation its pages in both languages (`source`, `target`: None
    where there is none) and the title to show, read in one query for any number of records."""
    keys = {record.translation.source.object_id for record in records}
    pages = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys).select_related("locale")
    }
    for record in records:
        key = record.translation.source.object_id  # a UUID, as the page's translation_key
        record.source = pages.get((key, record.translation.source.locale_id))
        record.target = pages.get((key, record.translation.target_locale_id))
        shown = record.target or record.source
        record.title = shown.title if shown else record.translation.source.object_repr
    return records


class NoPageSearch(Component):
    """Not a panel: the dashboard's search looks through the pages the user may explore
    (Wagtail's explorer). A user who may explore none (a moderator) was led to "Sorry, you do
    not have permission to access this area": for them the search is hidden, and what they
    work on is listed below it."""

    name = "no_page_search"
    order = 0

    def is_shown(self, user):
        return get_site_for_user(user)["root_page"] is None

    def render_html(self, parent_context=None):
        return mark_safe('<style>.w-dashboard form[role="search"] { display: none; }</style>')  # noqa: S308 (a constant)


PANELS = [
    NoPageSearch,
    ContributionsAwaitingReview,
    OpenReports,
    TakenOffAfterReports,
    MeetingsSoon,
    OutdatedTranslations,
    MachineTranslations,
]
