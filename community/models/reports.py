"""Reports of published contributions.

The rules: one report per reporter and contribution (a member by their account; a visitor by
their session and, separately, by their address, both kept only as salted hashes); only members'
reports hide a contribution, once HIDE_AFTER_MEMBER_REPORTS different members have an open report
on it, but never a meeting other members are registered for (its registrants' emails, calendars
and member areas lead to it: the editors cancel it, which tells them, if it must go); the editors
are emailed for the first open report of a contribution and when reports hide it (or would have,
but the meeting stays), not for every report; its member hears that reports hid it. Reports
outlive their contribution: deleted (by its member, or by an editor), it leaves the reports with
its title and its member, for the editors to read and decide."""

import datetime
from types import SimpleNamespace

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from community import contributions, roles
from home.ratelimit import visitor_network
from home.validators import mailbox

HIDE_AFTER_MEMBER_REPORTS = 3
# How old a member's account must be when she reports a contribution for her report to count
# towards hiding it (`ReportManager._members_reporting`); younger accounts' reports reach the
# editors all the same.
REPORTS_COUNT_AFTER = datetime.timedelta(days=7)


def visitor_hash(kind, value):
    """A salted hash (keyed with SECRET_KEY) that recognises the same session or address again
    without storing it. An address counts as every limit of the site counts it: an IPv6 address
    by its /64 network (`home.ratelimit.visitor_network`), which one connection holds whole, so
    the next address of it is the same visitor (attack 39: each one reported anew)."""
    if not value:
        return ""
    if kind == "address":
        value = visitor_network(value)
    return salted_hmac(f"community.report.{kind}", value, algorithm="sha256").hexdigest()


class AlreadyReported(Exception):
    """This reporter has reported this contribution before; nothing was stored."""


class NoLongerShown(Exception):
    """The contribution was deleted while the report was on its way; nothing was stored."""


class ReportReason(models.TextChoices):
    OFFENSIVE = "offensive", _("Offensive or hateful")
    PERSONAL_DATA = "personal_data", _("Shares someone's personal data")
    SPAM = "spam", _("Advertising or spam")
    INCORRECT = "incorrect", _("Incorrect or misleading")
    OTHER = "other", _("Something else")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def by_reporter(self, reporter=None, session_key="", address=""):
        """Reports of the same reporter: a member by account; a visitor by session or address
        (visitors' reports only, so a member's report does not silence a visitor)."""
        if reporter is not None:
            return self.filter(reporter=reporter)
        same = Q(pk__in=[])
        if session_key:
            same |= Q(session_hash=visitor_hash("session", session_key))
        if address:
            same |= Q(address_hash=visitor_hash("address", address))
        return self.filter(same, reporter__isnull=True)


def contribution_key(page):
    """The translation_key of the contribution a page shows: an alias mirrors its original (the
    same contribution, and reports of it count there), and every language version of a
    contribution shares its translation_key."""
    from wagtail.models import Page

    if page.alias_of_id:
        return Page.objects.values_list("translation_key", flat=True).get(pk=page.alias_of_id)
    return page.translation_key


def owns_contribution(page_id, user):
    """Whether `user` owns a language version of the contribution the page `page_id` shows (an
    alias: its original's; see `contribution_key`): hers she does not report (the report form
    and its link). One query; none for a visitor not logged in."""
    from wagtail.models import Page

    if not user.is_authenticated:
        return False
    shown = Page.objects.filter(pk=page_id)
    keys = Page.objects.filter(
        Q(pk__in=shown.filter(alias_of__isnull=False).values("alias_of_id"))
        | Q(pk=page_id, alias_of__isnull=True)
    ).values("translation_key")
    return Page.objects.filter(translation_key__in=keys, owner=user).exists()


def contribution_snapshot(page, versions):
    """What a report keeps of the contribution should it be deleted: the title the reporter read,
    and its member, the owner of its first language version (its translations are owned by the
    editors who made them). `versions` are the contribution's language versions by `pk`."""
    reported = next((version for version in versions if version.pk == page.pk), page)
    first = next((version for version in versions if not version.alias_of_id), page)
    return {"title": reported.title, "author_id": first.owner_id}


class ReportManager(models.Manager.from_queryset(ReportQuerySet)):
    def already_reported(self, page, reporter=None, session_key="", address=""):
        return self.for_page(page).by_reporter(reporter, session_key, address).exists()

    def by_its_member(self, page, user):
        """Whether `user` is the member whose contribution `page` shows (she owns a language
        version of it; translations editors made are the site's)."""
        return owns_contribution(page.pk, user)

    def file(self, page, reason, message="", reporter=None, session_key="", address=""):
        """Records a report, or raises AlreadyReported (storing nothing) when the same reporter
        reported this contribution before, in any language. A report of an alias is filed for
        the page it mirrors. The report of the third different member with an open report on
        any language version hides the contribution (every version; Wagtail takes the aliases
        with their originals) until an editor decides (they publish it again, or leave it
        hidden); visitors' reports reach the editors but never hide a page.

        A meeting other members are registered for (or waiting for) stays on the site: the
        report that would have hidden it says how many count on it (`kept_for`). A registration
        sent meanwhile locks the same rows: stored before, it is counted here; waiting, it finds
        the meeting hidden (RegistrationManager.register).

        `first_open`, `hid_page` and `kept_for` of the report say whether the editors are to
        hear of it: decided on the rows as they are once this report holds the lock, never on
        the copy of the page the caller loaded before it (which other reports may have hidden
        meanwhile)."""
        from wagtail.models import Page

        if page.alias_of_id:
            page = Page.objects.get(pk=page.alias_of_id)
        try:
            with transaction.atomic():
                # One report at a time per contribution: every language version's row, locked
                # in the order its deletion locks them in too (PostgreSQL; SQLite's IMMEDIATE
                # transactions serialise writers anyway). Everything below reads what the
                # reports before this one committed.
                versions = contributions.locked_versions([page.translation_key])
                # Not of a contribution deleted meanwhile (it was "already reported" for its
                # missing row). One the reports before this one hid still takes it, as a record.
                if not versions:
                    raise NoLongerShown
                if self.already_reported(page, reporter, session_key, address):
                    raise AlreadyReported
                report = self.create(
                    page=page,
                    **contribution_snapshot(page, versions),
                    reason=reason,
                    message=message,
                    reporter=reporter,
                    session_hash="" if reporter else visitor_hash("session", session_key),
                    address_hash="" if reporter else visitor_hash("address", address),
                )
                open_reports = self.for_page(page).open()
                report.first_open = not open_reports.exclude(pk=report.pk).exists()
                report.kept_for = 0
                if reporter is not None:
                    self._hide_or_keep(report, page, versions, open_reports)
        except IntegrityError as error:  # the same reporter, at the same moment
            raise AlreadyReported from error
        return report

    def _hide_or_keep(self, report, page, versions, open_reports):
        """A member's report that brings the contribution to HIDE_AFTER_MEMBER_REPORTS members
        hides it; of a meeting others count on (`contributions.counted_on`), only the report
        that reached the number says so (`kept_for`), for the editors to hear it once."""
        members = self._members_reporting(page, open_reports)
        if members < HIDE_AFTER_MEMBER_REPORTS:
            return
        counting_on = contributions.counted_on(versions)
        if not counting_on:
            report.hid_page = contributions.hide(versions)
            if report.hid_page:
                report.hid_page_at = timezone.now()
                report.save(update_fields=["hid_page", "hid_page_at"])
        elif members == HIDE_AFTER_MEMBER_REPORTS and any(version.live for version in versions):
            report.kept_for = counting_on

    def _members_reporting(self, page, open_reports):
        """How many different members have an open report on the contribution that counts: only
        a member's report hides (a visitor's never does), and an editor who published the
        contribution again after reports hid it decided those reports (ticking "Handled" on
        each or not), so only the reports filed since then count (the fourth member's report,
        or a visitor's, hid it again at once). Reports of an account a moderator blocked (or an
        administrator made inactive) count no more, as those of a deleted account (attack 37).

        Nor do accounts made to take it down (attack 37, F1: three sign-ups from one mailbox
        minutes after a story was published hid it; accounts made in advance hid a member's next
        story the day it appeared): a report counts if its member's account was REPORTS_COUNT_AFTER
        old when she filed it, whenever the contribution was published; and the accounts of one
        mailbox (`mailbox`: "anke+1@", "anke+2@") are one reporter."""
        members = open_reports.filter(
            reporter__isnull=False,
            reporter__is_active=True,
            reporter__date_joined__lte=F("created_at") - REPORTS_COUNT_AFTER,
        )
        last_hidden = self.for_page(page).filter(hid_page=True).order_by("-pk").first()
        if last_hidden is not None:
            members = members.filter(pk__gt=last_hidden.pk)
        addresses = members.values_list("reporter__email", flat=True).distinct()
        return len({mailbox(address) for address in addresses})

    def for_page(self, page):
        """The reports of the contribution `page` shows, in every language."""
        return self.filter(page__translation_key=contribution_key(page))

    def hiding(self, pages):
        """For each of `pages` off the site (source versions, whose translation_key is their
        contribution's), the report that took it off, by page id; none where an editor published
        it since or no report did (an editor unpublished it). One query for them all, as
        `that_hid` decides for one page in the editor."""
        by_key = {}
        # A report that hid it before `hid_page_at` was recorded (migration 0020) has none: it
        # hid the page once filed, or later by a moderator's decision, which its row cannot
        # tell apart (attack 31, F2). Its filing stands in for when.
        reports = (
            self.filter(hid_page=True, page__translation_key__in=[p.translation_key for p in pages])
            .annotate(key=models.F("page__translation_key"))
            .order_by(models.F("hid_page_at").asc(nulls_first=True), "created_at")
        )
        for report in reports:
            by_key[report.key] = report  # the latest wins
        found = {}
        for page in pages:
            report = by_key.get(page.translation_key)
            published = page.last_published_at
            if report is not None and (
                published is None or (report.hid_page_at or report.created_at) >= published
            ):
                found[page.pk] = report
        return found

    def that_hid(self, page):
        """The report that took the contribution `page` shows off the site, while it is off:
        None when it is on the site, when an editor published it again since, or when no report
        took it off (an editor unpublished it)."""
        from wagtail.models import Page

        if not contributions.hidden(page):
            return None
        # Its publishing date read from its row: the page editor's copy is its latest revision,
        # which keeps none.
        published = Page.objects.values_list("last_published_at", flat=True).get(pk=page.pk)
        shown = SimpleNamespace(
            pk=page.pk, translation_key=contribution_key(page), last_published_at=published
        )
        return self.hiding([shown]).get(page.pk)


class Report(models.Model):
    """Someone thinks a published contribution does not belong on the site."""

    # How many members' open reports hide a contribution (the editors' email tells them).
    hide_after = HIDE_AFTER_MEMBER_REPORTS

    # A deleted contribution leaves its reports (null page) with what the editors need to read
    # them: its title and its member, as they were when it was reported.
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255, blank=True, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
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
    # A visitor (no account) is recognised by a salted hash of their session and of their
    # address; neither is stored itself.
    session_hash = models.CharField(max_length=64, blank=True, editable=False, default="")
    address_hash = models.CharField(max_length=64, blank=True, editable=False, default="")
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    hid_page = models.BooleanField(_("hid the page"), default=False, editable=False)
    # When it hid the page, and whether a moderator did (deciding it) or members' reports: what
    # the page editor tells who opens the contribution (`that_hid`).
    hid_page_at = models.DateTimeField(_("took it off the site at"), null=True, editable=False)
    hid_by_moderation = models.BooleanField(
        _("a moderator took it off the site"), default=False, editable=False
    )
    resolved_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    decision = models.TextField(_("decision"), blank=True)

    objects = ReportManager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        # Reports of deleted contributions (a null page) never conflict: NULLs are distinct in a
        # unique constraint, and nobody reports a contribution that is gone.
        constraints = [
            models.UniqueConstraint(
                fields=["page", "reporter"],
                condition=Q(reporter__isnull=False),
                name="one_report_per_member",
            ),
            models.UniqueConstraint(
                fields=["page", "session_hash"],
                condition=Q(reporter__isnull=True) & ~Q(session_hash=""),
                name="one_report_per_visitor_session",
            ),
            models.UniqueConstraint(
                fields=["page", "address_hash"],
                condition=Q(reporter__isnull=True) & ~Q(address_hash=""),
                name="one_report_per_visitor_address",
            ),
        ]

    def __str__(self):
        return f"{self.get_page_display()}: {self.get_reason_display()}"

    def get_author_display(self):
        """Who wrote the reported page, as the admin names them: "–" for an account deleted
        since (a staff member without a name is not named by her address: `roles.named`)."""
        if self.author is None:
            return "–"
        return roles.named(self.author, self.author.public_name)

    def get_reporter_display(self):
        """Who reported, as the admin names them (the report's page, the list's export): the
        member, a visitor without an account, or "–" for an account deleted since."""
        if self.reporter is not None:
            return roles.named(self.reporter, self.reporter.public_name)
        if self.session_hash or self.address_hash:
            return gettext("A visitor without an account")
        return "–"

    def kept_on_site_for(self):
        """How many members other than its own count on the reported contribution while it is on
        the site (a meeting they are registered for), which reports therefore do not take off:
        the report's page in the admin says so once members' reports would have hidden it. 0
        otherwise."""
        from wagtail.models import Page

        if self.page is None or not self.page.live:
            return 0
        reports = Report.objects
        members = reports._members_reporting(self.page, reports.for_page(self.page).open())
        if members < HIDE_AFTER_MEMBER_REPORTS:
            return 0
        versions = Page.objects.filter(translation_key=self.page.translation_key).order_by("pk")
        return contributions.counted_on(list(versions))

    def titles_by_language(self):
        """The reported contribution's title in each language it has (a translation's own before
        an alias's), for each reader of the report to find it by hers: a German editor read the
        title of the Dutch machine translation a member reported, of a German member's story
        (walk 12). None of a contribution deleted meanwhile: `title` is what its reporter read."""
        from wagtail.models import Page

        if self.page is None:
            return {}
        versions = Page.objects.filter(translation_key=contribution_key(self.page)).order_by(
            F("alias_of").asc(nulls_first=True)
        )
        titles = {}
        for language, title in versions.values_list("locale__language_code", "title"):
            titles.setdefault(language, title)
        return titles

    def get_page_display(self):
        """The contribution as the admin names it (Wagtail's listing and inspect view use this
        for the page): its title, and whether it was deleted."""
        if self.page is None:
            # Translators: a report's contribution, deleted since it was reported.
            return gettext("%(title)s (deleted)") % {"title": self.title}
        return self.page.title
