"""A page's expiry date (Wagtail's `publish_scheduled`, run by the worker's schedule) takes it
offline without asking the admin's refusal to unpublish a meeting or visit members count on.
The page forms refuse an expiry date on such a page (`MeetingPage.clean`), but one set before
the first registration still passed: the members' emails then led to a page not found (defect
of 2026-12-04). At its expiry such a page stays published, its expiry date is cleared, and its
history says why."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Page

from .models import MeetingPage, VisitPage

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
    sent meanwhile is counted, or finds the page gone. Returns the pages kept."""
    now = now or timezone.now()
    kept = []
    for model in (MeetingPage, VisitPage):
        for pk in model.objects.live().filter(expire_at__lt=now).values_list("pk", flat=True):
            with transaction.atomic():
                page = _locked(model, pk, now)
                if page is None:
                    continue
                if model.objects.filter(pk=pk).counted_on().exists():
                    _keep_published(page)
                    kept.append(page)
                else:
                    page.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
    return kept


def _locked(model, pk, now):
    """The page, its language versions locked, if it is still live and expired."""
    key = model.objects.filter(pk=pk).values_list("translation_key", flat=True).first()
    list(Page.objects.select_for_update().filter(translation_key=key).order_by("pk"))
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
