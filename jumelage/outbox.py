"""The admin's "Outgoing email" page (Reports menu, for editors): what the task worker has to
send, has sent and could not send, whether the scheduled work (reminders, digests) is running,
and whether tasks wait for a worker that does not come. A failed email that still holds its
message can be sent again from here.

What editors see of each email is decided here, for both towns' editors alike: the queue is for
seeing whether mail flows, not for reading other people's mail. So no view of it shows what an
email says (an editor must never get hold of a member's password reset or address confirmation
link), an address is shortened to its first character and its domain (`j•••@example.org`), and
an account email (allauth's: password reset, address confirmation, ...) is named by its kind,
not by its subject. Administrators (superusers), who may see every account anyway, see the
addresses and subjects. An editor helping a member finds that member's emails by their full
address, and sees them shortened like the others: the address was typed, nothing is revealed."""

import re
from dataclasses import dataclass
from datetime import timedelta
from email.utils import getaddresses
from functools import cache
from pathlib import Path

from allauth.account import app_settings as account_settings
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.core.validators import validate_email
from django.db.models import Count, Min, Q
from django.shortcuts import get_object_or_404, redirect
from django.template import engines
from django.template.loader import render_to_string
from django.template.utils import get_app_template_dirs
from django.urls import path, reverse
from django.utils import timezone, translation
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


# Anything that looks like an address, in an error the mail server gave.
ADDRESS = re.compile(r"[^\s'\"<>(),;:]+@[^\s'\"<>(),;:]+")


def shortened(address):
    """`jan@example.org` as `j•••@example.org`."""
    local, _at, domain = address.rpartition("@")
    return f"{local[:1]}•••@{domain}" if local else "•••"


def shortened_recipients(recipients):
    """The addresses of a recipients list shortened, without the names."""
    return ", ".join(shortened(address) for _name, address in getaddresses([recipients]))


@cache
def account_subjects():
    """The subjects of allauth's account emails (account/email/*_subject.txt, ours and its
    own) in every language of the site, without allauth's subject prefix."""
    names = {
        path.name
        for folder in (*engines["django"].engine.dirs, *get_app_template_dirs("templates"))
        for path in Path(folder).glob("account/email/*_subject.txt")
    }
    subjects = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            subjects |= {
                " ".join(render_to_string(f"account/email/{name}").split()) for name in names
            }
    return subjects


def is_account_email(subject):
    prefix = account_settings.EMAIL_SUBJECT_PREFIX or ""
    if prefix.strip() and subject.startswith(prefix):
        return True
    return subject.removeprefix(prefix) in account_subjects()


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
            _("Account email") if is_account_email(email.subject) else email.subject,
            ADDRESS.sub(lambda found: shortened(found.group(0)), email.last_error),
        )


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
        return super().get_context_data(
            **kwargs,
            tabs=tabs,
            status=status,
            page=page,
            rows=rows,
            address=address,
            address_error=address_error,
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
