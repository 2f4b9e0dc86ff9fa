"""The admin's "Outgoing email" page (Reports menu, for editors): what the task worker has to
send, has sent and could not send, whether the scheduled work (reminders, digests) is running,
and whether tasks wait for a worker that does not come. A failed email that still holds its
message can be sent again from here.

What editors see of each email is decided here, for both towns' editors alike: the queue is for
seeing whether mail flows, not for reading other people's mail. So no view of it shows what an
email says (an editor must never get hold of a member's password reset or address confirmation
link), an address is shortened to its first character and its domain (`j•••@example.org`), and
an email is named by its kind (`OutgoingEmail.kind`: "an email about a meeting"), never by its
subject: "Registration cancelled: Council evening" next to a shortened address would still say
who cancelled what. Administrators (superusers), who may see every account anyway, see the
addresses and subjects. An editor helping a member finds that member's emails by their full
address, and sees them shortened like the others: the address was typed, nothing is revealed."""

import re
from dataclasses import dataclass
from datetime import timedelta
from email.utils import getaddresses

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.core.validators import validate_email
from django.db.models import Count, Min, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from community.roles import is_editor
from home.mail import OutgoingEmail, deliver_email
from home.schedule import STALE, ensure_schedule, schedule_status

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


# Anything that looks like an address, in an error the mail server gave.
ADDRESS = re.compile(r"[^\s'\"<>(),;:]+@[^\s'\"<>(),;:]+")


def shortened(address):
    """`jan@example.org` as `j•••@example.org`."""
    local, _at, domain = address.rpartition("@")
    return f"{local[:1]}•••@{domain}" if local else "•••"


def shortened_recipients(recipients):
    """The addresses of a recipients list shortened, without the names."""
    return ", ".join(shortened(address) for _name, address in getaddresses([recipients]))


# What editors see of an email instead of its subject: its kind (OutgoingEmail.kind, the name
# of its template), told by what it is about, not what it says.
KIND_LABELS = {
    # allauth's, and the notice to the address an administrator replaced.
    **dict.fromkeys(
        ["account", "address_changed"], gettext_lazy("Account email (sign-up, password)")
    ),
    **dict.fromkeys(
        [
            "registered",
            "waiting",
            "promoted",
            "cancelled_registration",
            "reminder",
            "meeting_cancelled",
            "meeting_moved",
            "meeting_reinstated",
        ],
        gettext_lazy("Email about a meeting"),
    ),
    # Wagtail's, about an editor's page in review (community/review_emails.py).
    "page_review": gettext_lazy("Email about a page in review"),
    "digest": gettext_lazy("News digest of a sector"),
    "newsletter": gettext_lazy("Newsletter"),
    "newsletter_confirm": gettext_lazy("Newsletter subscription"),
    **dict.fromkeys(
        [
            "contribution_submitted",
            "contribution_published",
            "changes_requested",
            "contribution_declined",
            "contribution_hidden",
            "report_filed",
        ],
        gettext_lazy("Email about a contribution or report"),
    ),
    **dict.fromkeys(
        [
            "visit_signed_up",
            "visit_promoted",
            "visit_party_cancelled",
            "visit_offer_received",
            "visit_offer_withdrawn",
            "visit_matched_guest",
            "visit_matched_host",
            "visit_unplaced_guest",
            "visit_unplaced_host",
            "visit_no_host_yet",
            "visit_guest_changed",
            "visit_host_changed",
        ],
        gettext_lazy("Email about an exchange visit"),
    ),
}


def kind_label(kind):
    return KIND_LABELS.get(kind) or _("Other email")


@dataclass
class Row:
    """One email as the page shows it to the user looking."""

    email: OutgoingEmail
    recipients: str
    subject: str
    last_error: str

    @classmethod
    def of(cls, email, user):
        if user.is_superuser:
            return cls(email, email.recipients, email.subject, email.last_error)
        return cls(
            email,
            shortened_recipients(email.recipients),
            kind_label(email.kind),
            ADDRESS.sub(lambda found: shortened(found.group(0)), email.last_error),
        )


@dataclass
class JobRow:
    """One scheduled job as the page tells it: what it does, what it did last, when next."""

    description: str
    last_run: object
    outcome: str
    error: str
    next_run: object
    late: bool

    @classmethod
    def of(cls, job, record, now):
        if record is None or record.last_started_at is None:
            return cls(job.description or job.name, None, _("Not run yet"), "", None, False)
        if record.last_error:
            outcome = _("failed")
        elif record.last_result.isdigit() and job.counts:
            outcome = job.counts % {"count": int(record.last_result)}
        elif record.last_result in ("", "–"):
            outcome = _("done")
        else:
            outcome = record.last_result
        late = record.next_run_at is not None and record.next_run_at < now - STALE
        return cls(
            job.description or job.name,
            record.last_started_at,
            outcome,
            record.last_error,
            record.next_run_at,
            late,
        )


def schedule_summary(schedule, jobs):
    """The one line that says whether the scheduled work is all right."""
    failed = sum(1 for job in jobs if job.error)
    late = sum(1 for job in jobs if job.late and not job.error)
    never = sum(1 for job in jobs if job.last_run is None)
    if schedule["stopped"]:
        return _("Scheduled work: stopped"), True
    if failed:
        return ngettext_lazy(
            "Scheduled work: %(count)s job failed", "Scheduled work: %(count)s jobs failed", "count"
        ) % {"count": failed}, True
    if late:
        return ngettext_lazy(
            "Scheduled work: %(count)s job is behind",
            "Scheduled work: %(count)s jobs are behind",
            "count",
        ) % {"count": late}, True
    if never:
        return ngettext_lazy(
            "Scheduled work: %(count)s job has not run yet",
            "Scheduled work: %(count)s jobs have not run yet",
            "count",
        ) % {"count": never}, False
    return ngettext_lazy(
        "Scheduled work: %(count)s job ran on time",
        "Scheduled work: all %(count)s jobs ran on time",
        "count",
    ) % {"count": len(jobs)}, False


def sent_to(address):
    """The emails with `address` (whole, any case) among their recipients."""
    return (
        Q(recipients__iexact=address)
        | Q(recipients__istartswith=f"{address}, ")
        | Q(recipients__iendswith=f", {address}")
        | Q(recipients__icontains=f", {address}, ")
        | Q(recipients__icontains=f"<{address}>")
    )


class OutgoingEmailView(WagtailAdminTemplateMixin, TemplateView):
    """Editors see whether mail flows, not what it says, and to whom only shortened unless they
    are administrators: the decision is explained at the top of this module."""

    template_name = "jumelage/admin/outgoing_email.html"
    page_title = gettext_lazy("Outgoing email")
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        now = timezone.now()
        emails = OutgoingEmail.objects.all()
        # Only a whole address is searched: parts of one would let anyone list the addresses.
        address = self.request.GET.get("address", "").strip()
        address_error = ""
        if address:
            try:
                validate_email(address)
            except ValidationError:
                address_error = _("Only a full email address can be searched.")
                emails = emails.none()
            else:
                emails = emails.filter(sent_to(address))
        counts = dict(emails.values_list("status").annotate(n=Count("pk")).order_by())
        status = self.request.GET.get("status")
        if status not in OutgoingEmail.Status.values:
            status = ""
        emails = emails.order_by("-created_at", "-pk")
        if status:
            emails = emails.filter(status=status)
        page = Paginator(emails, PER_PAGE).get_page(self.request.GET.get("p"))
        rows = [Row.of(email, self.request.user) for email in page]
        tabs = [("", _("All"), sum(counts.values()))]
        tabs += [
            (value, label, counts.get(value, 0)) for value, label in OutgoingEmail.Status.choices
        ]
        late_count, late_since = waiting_tasks(now)
        schedule = schedule_status(now)
        jobs = [JobRow.of(job, record, now) for job, record in schedule["jobs"]]
        summary, trouble = schedule_summary(schedule, jobs)
        return super().get_context_data(
            **kwargs,
            tabs=tabs,
            status=status,
            page=page,
            rows=rows,
            address=address,
            address_error=address_error,
            schedule=schedule,
            jobs=jobs,
            schedule_summary=summary,
            schedule_trouble=trouble,
            editor_view=not self.request.user.is_superuser,
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
        _("The email to %(recipients)s is queued again.")
        % {"recipients": Row.of(email, request.user).recipients},
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
            "outgoing-email/<id:email_id>/retry/",
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
