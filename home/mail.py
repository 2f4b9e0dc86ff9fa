"""Outgoing email: rendered where it is caused (a request, or a task that a member's action
enqueued: exchanges.notifications.tell_of_registration), sent by the task worker.

Every message becomes an `OutgoingEmail` row and a task (`deliver_email`) in the
same database transaction as the change that caused it. The request never talks to the SMTP
server, so a mail outage cannot break it. The worker sends the message; when the server refuses
or cannot be reached, the task enqueues itself again later (backoff over about a day, then the
email is marked failed and an error is logged). The row records what was sent: a task that runs
again for an email already sent (a retry, a second worker, a task re-queued after a crash) sends
nothing.
"""

import base64
import logging
import re
import smtplib
from datetime import timedelta
from email import message_from_string
from email.utils import formatdate, make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.utils import DNS_NAME
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_tasks import task

from .schedule import scheduled

logger = logging.getLogger(__name__)

# Seconds to wait before each further attempt: 1 min, 5 min, 15 min, 30 min, 1 h, 2 h, 4 h, 8 h,
# 8 h. Ten attempts over about 24 hours; then the email is marked failed.
RETRY_DELAYS = [60, 300, 900, 1800, 3600, 7200, 14400, 28800, 28800]
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# An email claimed by a worker longer ago than this, and neither sent nor failed, belongs to a
# worker that died while sending it (far longer than any SMTP timeout).
CLAIM_TIMEOUT = timedelta(minutes=15)
# How long the record of a sent or failed email (recipients, subject, status, key) is kept.
KEEP_RECORDS = timedelta(days=30)
# How long a failed email keeps its message, for an editor to send it again from the outbox page
# (jumelage/outbox.py); after that only its record stays (kind, date, status, error).
KEEP_FAILED_MESSAGES = timedelta(days=7)


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Callers that must never send the same thing twice (a reminder for a registration) give a
    # key; a second email with the same key is not queued.
    key = models.CharField(max_length=200, unique=True, null=True, blank=True, editable=False)
    recipients = models.TextField(_("recipients"))
    subject = models.TextField(_("subject"))
    # What sort of email it is (the name of its template, e.g. "reminder", or "account" for
    # allauth's), so the admin can name it to editors without showing its subject.
    kind = models.CharField(_("kind"), max_length=50, default="other", editable=False)
    # The whole message (sender, recipients, headers, bodies, attachments) until it is sent.
    message = models.JSONField(default=dict, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        app_label = "home"
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subject} → {self.recipients} ({self.status})"

    @staticmethod
    def serialise(message):
        attachments = []
        for attachment in message.attachments:
            if not isinstance(attachment, tuple):  # a MIMEBase part
                attachments.append({"mime": attachment.as_string()})
                continue
            filename, content, mimetype = attachment
            if isinstance(content, str):
                content = content.encode()
            attachments.append(
                {
                    "filename": filename,
                    "content": base64.b64encode(content).decode("ascii"),
                    "mimetype": mimetype,
                }
            )
        return {
            "subject": message.subject,
            "body": message.body,
            "from_email": message.from_email,
            "to": list(message.to),
            "cc": list(message.cc),
            "bcc": list(message.bcc),
            "reply_to": list(message.reply_to),
            "headers": dict(message.extra_headers),
            "content_subtype": message.content_subtype,
            "alternatives": [list(alt) for alt in getattr(message, "alternatives", [])],
            "attachments": attachments,
        }

    def as_message(self):
        data = self.message
        message = EmailMultiAlternatives(
            subject=data["subject"],
            body=data["body"],
            from_email=data["from_email"],
            to=data["to"],
            cc=data["cc"],
            bcc=data["bcc"],
            reply_to=data["reply_to"],
            headers=data["headers"],
            alternatives=[tuple(alt) for alt in data["alternatives"]],
        )
        message.content_subtype = data["content_subtype"]
        for attachment in data["attachments"]:
            if "mime" in attachment:
                message.attach(message_from_string(attachment["mime"]))
            else:
                message.attach(
                    attachment["filename"],
                    base64.b64decode(attachment["content"]),
                    attachment["mimetype"],
                )
        return message


class QueueingBackend(BaseEmailBackend):
    """The site's `EMAIL_BACKEND`: what other code sends through Django's mail API (Wagtail's
    comment notifications to editors, its admin's password reset) is queued like our own emails
    and sent by the worker through `EMAIL_DELIVERY_BACKEND`. Without it Wagtail's page editor
    talked to the SMTP server inside the editor's request: a slow server held her save, and a
    notification that failed was logged and lost. A subject with a line break (a page title's)
    goes on one line; a line break in another header is refused here (`BadHeaderError`, as
    Django's own backends refuse it), not by the worker later (`queue_email`)."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            try:
                queue_email(message)
            except Exception:  # noqa: BLE001 - `fail_silently`: the caller asked not to know
                if not self.fail_silently:
                    raise
            else:
                queued += 1
        return queued


def delivery_connection():
    """The backend that really sends: `EMAIL_DELIVERY_BACKEND` behind the queue, or whatever
    `EMAIL_BACKEND` is when it is not the queue (the test runner's locmem outbox)."""
    backend = settings.EMAIL_BACKEND
    if backend == f"{__name__}.{QueueingBackend.__name__}":
        backend = settings.EMAIL_DELIVERY_BACKEND
    return get_connection(backend)


# Emails to many at once (a newsletter, digests) wait behind those a member waits for.
BULK_PRIORITY = 0


LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def one_line(text):
    """`text` with each line break (and the spaces around it) as one space."""
    return LINE_BREAKS.sub(" ", str(text)).strip()


def queue_email(message, *, kind="other", key=None, bulk=False, not_before=None):
    """Stores a rendered `EmailMessage` and enqueues its delivery; returns the OutgoingEmail
    (None when an email with this `key` was queued before). Call it inside the transaction of
    the change the email is about: if that rolls back, nothing is sent. `kind` says what sort
    of email it is (see OutgoingEmail.kind). A `bulk` email (one of many sent at once) is
    delivered after the others waiting; one `not_before` a moment waits for it (deleting it
    before then sends nothing)."""
    # Fixed now: a message that reaches a mailbox twice after all is one message to its client.
    message.extra_headers.setdefault("Message-ID", make_msgid(domain=DNS_NAME))
    message.extra_headers.setdefault("Date", formatdate(localtime=settings.EMAIL_USE_LOCALTIME))
    # A subject is one line: a line break from a page title (in Wagtail's notifications) failed
    # only when the worker sent it, retried for a day with the subject in its error.
    message.subject = one_line(message.subject)
    # Built now, so that a line break in another header (BadHeaderError) fails its caller at
    # once rather than the worker for a day.
    message.message()
    recipients = [*message.to, *message.cc, *message.bcc]
    try:
        with transaction.atomic():
            email = OutgoingEmail.objects.create(
                key=key,
                recipients=", ".join(recipients),
                subject=message.subject,
                kind=kind,
                message=OutgoingEmail.serialise(message),
                next_attempt_at=not_before or timezone.now(),
            )
    except IntegrityError:
        if key is not None and OutgoingEmail.objects.filter(key=key).exists():
            return None
        raise
    if not_before is not None:
        # A backend that cannot wait (the immediate one) leaves it to `resume_overdue`.
        if deliver_email.get_backend().supports_defer:
            deliver_email.using(run_after=not_before).enqueue(email.pk)
        return email
    if bulk:
        deliver_email.using(priority=BULK_PRIORITY).enqueue(email.pk)
    else:
        deliver_email.enqueue(email.pk)
    return email


def permanent(error):
    """A refusal the server means for good (5xx): trying again would not help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return False


# Before Wagtail's own tasks (reference and search index updates): a member waits for this one.
@task(priority=10)
def deliver_email(email_id):
    """Sends one queued email; on failure it enqueues itself again."""
    return deliver(email_id)


def deliver(email_id):
    """Sends one OutgoingEmail unless it was sent (or is being sent) already. Called by the task
    worker; returns what happened."""
    now = timezone.now()
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status in (
            OutgoingEmail.Status.SENT,
            OutgoingEmail.Status.FAILED,
        ):
            return "nothing to do"
        if not email.message:
            # Forgotten while a worker was sending it (`forget_emails_to`), and not sent then.
            email.delete()
            return "forgotten"
        if email.status == OutgoingEmail.Status.SENDING:
            if email.claimed_at > now - CLAIM_TIMEOUT:
                return "being sent by another worker"
            # The worker that claimed it died between claiming it and recording the answer of
            # the SMTP server: it may have arrived. Sending it again could send it twice.
            email.status = OutgoingEmail.Status.FAILED
            email.last_error = "A worker stopped while sending it; it may not have arrived."
            email.message = {}
            email.save(update_fields=["status", "last_error", "message"])
            logger.error("Email %s to %s: %s", email.pk, email.recipients, email.last_error)
            return "interrupted"
        email.status = OutgoingEmail.Status.SENDING
        email.claimed_at = now
        email.attempts += 1
        email.save(update_fields=["status", "claimed_at", "attempts"])
    try:
        message = email.as_message()
        message.connection = delivery_connection()
        message.send()
    except Exception as error:  # noqa: BLE001 - every failure of the mail server is retried
        return retry_later(email, error)
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    email.next_attempt_at = None
    email.message = {}  # sent: links and tokens it carried are not kept
    email.save(update_fields=["status", "sent_at", "last_error", "next_attempt_at", "message"])
    forget_old_records()
    return "sent"


def forget_old_records(now=None):
    """Addresses are personal data: the record of an email goes KEEP_RECORDS after it. Returns
    how many went."""
    deleted, _by_model = OutgoingEmail.objects.filter(
        status__in=[OutgoingEmail.Status.SENT, OutgoingEmail.Status.FAILED],
        created_at__lt=(now or timezone.now()) - KEEP_RECORDS,
    ).delete()
    return deleted


@scheduled(
    "email-contents",
    every=timedelta(hours=1),
    description=_(
        "Removes the content of emails that failed more than a week ago, and the records of "
        "emails older than 30 days."
    ),
    counts=ngettext_lazy("%(count)s email cleared", "%(count)s emails cleared", "count"),
)
def forget_email_contents(now):
    """A failed email kept its whole message (its links and tokens) and the records of old
    emails stayed until another email was sent, on a quiet site for ever: the schedule clears
    them whether mail flows or not. Returns how many emails lost their content or record."""
    cleared = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.FAILED, created_at__lt=now - KEEP_FAILED_MESSAGES
    ).exclude(message={})
    return cleared.update(message={}) + forget_old_records(now)


def forget_emails_to(addresses):
    """The outbox's emails to these addresses go, waiting or failed messages whole and the
    records of those sent (an account deleted: an email the mail server had not taken yet, the
    sign-up of her party for a visit, would still reach her a day later, and its details stayed
    in the database). One a worker is sending now loses its message at once, and goes unsent
    if that attempt fails."""
    match = models.Q(pk__in=[])
    for address in addresses:
        match |= models.Q(recipients__iexact=address)
    emails = OutgoingEmail.objects.filter(match)
    emails.exclude(status=OutgoingEmail.Status.SENDING).delete()
    # One a worker holds: its message goes now; should this attempt fail, the row is deleted
    # when its delivery comes again (`deliver`), not sent.
    emails.filter(status=OutgoingEmail.Status.SENDING).update(message={}, subject="")


def retry_later(email, error):
    email.last_error = f"{type(error).__name__}: {error}"[:2000]
    if permanent(error) or email.attempts >= MAX_ATTEMPTS:
        email.status = OutgoingEmail.Status.FAILED
        email.next_attempt_at = None
        email.save(update_fields=["status", "last_error", "next_attempt_at"])
        logger.error(
            "Email %s to %s not sent after %d attempt(s): %s",
            email.pk,
            email.recipients,
            email.attempts,
            email.last_error,
        )
        return "failed"
    email.status = OutgoingEmail.Status.QUEUED
    email.next_attempt_at = timezone.now() + timedelta(seconds=RETRY_DELAYS[email.attempts - 1])
    email.save(update_fields=["status", "last_error", "next_attempt_at"])
    logger.warning(
        "Email %s to %s not sent (attempt %d), next attempt at %s: %s",
        email.pk,
        email.recipients,
        email.attempts,
        email.next_attempt_at.isoformat(),
        email.last_error,
    )
    if deliver_email.get_backend().supports_defer:
        deliver_email.using(run_after=email.next_attempt_at).enqueue(email.pk)
    # A backend that cannot wait (the immediate one) leaves it to `manage.py resume_work`.
    return "retry"


@scheduled(
    "resume-email",
    every=timedelta(minutes=15),
    description=_("Queues again the emails whose delivery a stopped worker left behind."),
    counts=ngettext_lazy("%(count)s email queued again", "%(count)s emails queued again", "count"),
)
def resume_overdue_job(now):
    return resume_overdue(now)


def resume_overdue(now=None):
    """Enqueues delivery again for every email that should have been sent by now but whose
    task is gone (a worker killed while it held the task, a queue emptied by hand). Safe to run
    at any time: an email already sent or being sent is not sent again."""
    now = now or timezone.now()
    overdue = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.QUEUED, next_attempt_at__lt=now - CLAIM_TIMEOUT
    ).values_list("pk", flat=True)
    stale = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT
    ).values_list("pk", flat=True)
    ids = [*overdue, *stale]
    for pk in ids:
        deliver_email.enqueue(pk)
    return len(ids)
