"""The admin's "Outgoing email" page (Reports menu, for editors): what the task worker has to
send, has sent and could not send, whether the scheduled work (reminders, digests) is running,
and whether tasks wait for a worker that does not come. A failed email that still holds its
message can be sent again from here."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Min
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from community.roles import is_editor
from home.mail import OutgoingEmail, deliver_email
from home.schedule import ensure_schedule, schedule_status

PER_PAGE = 50
# A task due this long ago and not started means no worker is taking tasks.
WORKER_LATE = timedelta(minutes=2)


def editors_only(view):
    def guarded(request, *args, **kwargs):
        if not is_editor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


def waiting_tasks(now):
    """(how many, since when) tasks are due and not taken by a worker for WORKER_LATE."""
    ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    # A task enqueued without a time to wait for carries the largest date as its run_after.
    at_once = ready.filter(run_after=get_date_max(), enqueued_at__lte=now - WORKER_LATE)
    deferred = ready.filter(run_after__lte=now - WORKER_LATE)
    first = at_once.aggregate(count=Count("pk"), since=Min("enqueued_at"))
    second = deferred.aggregate(count=Count("pk"), since=Min("run_after"))
    since = [value for value in (first["since"], second["since"]) if value is not None]
    return first["count"] + second["count"], min(since, default=None)


class OutgoingEmailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "jumelage/admin/outgoing_email.html"
    page_title = gettext_lazy("Outgoing email")
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        now = timezone.now()
        counts = dict(
            OutgoingEmail.objects.values_list("status").annotate(n=Count("pk")).order_by()
        )
        status = self.request.GET.get("status")
        if status not in OutgoingEmail.Status.values:
            status = ""
        emails = OutgoingEmail.objects.order_by("-created_at", "-pk")
        if status:
            emails = emails.filter(status=status)
        page = Paginator(emails, PER_PAGE).get_page(self.request.GET.get("p"))
        tabs = [("", _("All"), sum(counts.values()))]
        tabs += [
            (value, label, counts.get(value, 0)) for value, label in OutgoingEmail.Status.choices
        ]
        late_count, late_since = waiting_tasks(now)
        return super().get_context_data(
            **kwargs,
            tabs=tabs,
            status=status,
            page=page,
            schedule=schedule_status(now),
            late_count=late_count,
            late_since=late_since,
        )


@require_POST
def retry(request, email_id):
    """Queues a failed email again, from its first attempt."""
    email = get_object_or_404(OutgoingEmail, pk=email_id, status=OutgoingEmail.Status.FAILED)
    if not email.message:
        messages.error(request, _("This email can no longer be sent: its content was removed."))
        return redirect("jumelage_outgoing_email")
    email.status = OutgoingEmail.Status.QUEUED
    email.attempts = 0
    email.next_attempt_at = timezone.now()
    email.save(update_fields=["status", "attempts", "next_attempt_at"])
    deliver_email.enqueue(email.pk)
    messages.success(
        request,
        _("The email to %(recipients)s is queued again.") % {"recipients": email.recipients},
    )
    return redirect(reverse("jumelage_outgoing_email") + "?status=queued")


@require_POST
def restart_schedule(request):
    if ensure_schedule():
        messages.success(request, _("The scheduled work is queued again."))
    else:
        messages.info(request, _("The scheduled work is queued already."))
    return redirect("jumelage_outgoing_email")


def urls():
    return [
        path(
            "outgoing-email/",
            editors_only(OutgoingEmailView.as_view()),
            name="jumelage_outgoing_email",
        ),
        path(
            "outgoing-email/<int:email_id>/retry/",
            editors_only(retry),
            name="jumelage_outgoing_email_retry",
        ),
        path(
            "outgoing-email/schedule/",
            editors_only(restart_schedule),
            name="jumelage_outgoing_email_schedule",
        ),
    ]


class OutgoingEmailMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


def menu_item():
    return OutgoingEmailMenuItem(
        gettext_lazy("Outgoing email"),
        reverse("jumelage_outgoing_email"),
        name="outgoing-email",
        icon_name="mail",
        order=950,
    )
