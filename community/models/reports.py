from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

HIDE_AFTER_OPEN_REPORTS = 3


class ReportReason(models.TextChoices):
    OFFENSIVE = "offensive", _("Offensive or hateful")
    PERSONAL_DATA = "personal_data", _("Shares someone's personal data")
    SPAM = "spam", _("Advertising or spam")
    INCORRECT = "incorrect", _("Incorrect or misleading")
    OTHER = "other", _("Something else")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class ReportManager(models.Manager.from_queryset(ReportQuerySet)):
    @transaction.atomic
    def file(self, page, reason, message="", reporter=None):
        """Records a report; the third open report hides the contribution until an editor
        decides (they publish it again, or leave it hidden)."""
        report = self.create(page=page, reason=reason, message=message, reporter=reporter)
        if page.live and self.for_page(page).open().count() >= HIDE_AFTER_OPEN_REPORTS:
            page.specific.unpublish()
            report.hid_page = True
            report.save(update_fields=["hid_page"])
        return report

    def for_page(self, page):
        return self.filter(page=page)


class Report(models.Model):
    """Someone thinks a published contribution does not belong on the site."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    message = models.TextField(_("explanation"), max_length=2000, blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    hid_page = models.BooleanField(_("hid the page"), default=False, editable=False)
    resolved_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    decision = models.TextField(_("decision"), blank=True)

    objects = ReportManager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page.title}: {self.get_reason_display()}"
