"""A page's expiry date (Wagtail's `publish_scheduled`, run by the worker's schedule) takes it
offline without asking the admin's refusal to unpublish a meeting or visit members count on.
The page forms refuse an expiry date on such a page (`MeetingPage.clean`), but one set before
the first registration still passed: the members' emails then led to a page not found (defect
of 2026-12-04). At its expiry such a page stays published, its expiry date is cleared, and its
history says why. A change scheduled to go live with an expiry date, of a page members came to
count on after it was scheduled, goes live without it (the page form's rule, `MeetingPage.clean`,
refused it at its go-live: the change was lost, and the rest of the run with it)."""

import logging

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, Page, Revision

from community import contributions

from .models import MeetingPage, VisitPage

logger = logging.getLogger(__name__)

KEPT = "exchanges.expiry_kept"
KEPT_LABEL = _("Expiry date cleared")
KEPT_MESSAGE = _(
    "Expiry date cleared, the page stays published: members are registered or signed up for "
    "it. Cancel it first (a meeting) or cancel the sign-ups (a visit), so that they are told."
)


def expire_only_what_members_do_not_count_on(now=None):
    """Takes the expired meetings and visits offline, but keeps those members count on
    (`counted_on`) published with their expiry date cleared. Each is decided with its language
    versions locked, as a registration locks them (RegistrationManager._lock): a registration
    sent meanwhile is counted, or finds the page gone. One that fails is logged and the others
    are decided. Returns the pages kept."""
    now = now or timezone.now()
    kept = []
    for model in (MeetingPage, VisitPage):
        for pk in model.objects.live().filter(expire_at__lt=now).values_list("pk", flat=True):
            try:
                page = _expire_or_keep(model, pk, now)
            except Exception:
                logger.exception("Expired %s %s was not handled", model.__name__, pk)
                continue
            if page is not None:
                kept.append(page)
    return kept


def _expire_or_keep(model, pk, now):
    """The page kept published, or None (taken offline, or no longer live and expired)."""
    with transaction.atomic():
        page = _locked(model, pk, now)
        if page is None:
            return None
        if model.objects.filter(pk=pk).counted_on().exists():
            _keep_published(page)
            return page
        page.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
        return None


def _locked(model, pk, now):
    """The page, its language versions locked, if it is still live and expired."""
    key = model.objects.filter(pk=pk).values_list("translation_key", flat=True).first()
    contributions.locked_versions([key])
    return model.objects.live().filter(pk=pk, expire_at__lt=now).first()


def _keep_published(page):
    """Clears the expiry of the page and of the revisions the editor opens and publishes, so
    that the editor's form shows none (MeetingPage.clean would refuse it)."""
    type(page).objects.filter(pk=page.pk).update(expire_at=None)
    for revision in {page.latest_revision, page.live_revision} - {None}:
        if revision.content.get("expire_at"):
            revision.content["expire_at"] = None
            revision.save(update_fields=["content"])
    log(instance=page, action=KEPT, data={"expire_at": page.expire_at.isoformat()})


def unpublish_expired(now=None):
    """Takes what else has expired offline (pages and snippets with drafts), as Wagtail's
    `publish_scheduled` does, but each on its own: one that fails is logged and stays live
    until the next run. Returns what failed."""
    now = now or timezone.now()
    models = [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]
    failed = []
    for model in models:
        for obj in list(model.objects.filter(live=True, expire_at__lt=now).order_by("expire_at")):
            try:
                with transaction.atomic():
                    obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
            except Exception:
                logger.exception("Expired %s %s was not unpublished", model.__name__, obj.pk)
                failed.append(obj)
    return failed


def publish_scheduled_changes(now=None):
    """Publishes the revisions whose go-live date has passed, the earliest first, as Wagtail's
    `publish_scheduled` does, but each on its own: one that fails stays scheduled (its error
    logged) and the others are published. A meeting or visit members count on goes live
    without the revision's expiry date. Returns the revisions that failed."""
    now = now or timezone.now()
    failed = []
    due = Revision.objects.filter(approved_go_live_at__lt=now).order_by("approved_go_live_at")
    for revision in due:
        try:
            with transaction.atomic():
                _without_expiry_members_count_on(revision)
                revision.publish(log_action="wagtail.publish.scheduled")
        except Exception:
            logger.exception("Scheduled revision %s was not published", revision.pk)
            failed.append(revision)
    return failed


def _without_expiry_members_count_on(revision):
    expire_at = revision.content.get("expire_at")
    model = revision.content_type.model_class()
    if not expire_at or model not in (MeetingPage, VisitPage):
        return
    key = model.objects.filter(pk=revision.object_id).values_list("translation_key", flat=True)
    contributions.locked_versions(key)
    if not model.objects.filter(translation_key__in=key).counted_on().exists():
        return
    revision.content["expire_at"] = None
    revision.save(update_fields=["content"])
    page = model.objects.get(pk=revision.object_id)
    log(instance=page, action=KEPT, data={"expire_at": expire_at})
