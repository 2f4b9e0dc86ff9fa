import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.local_time import LOCAL_TIME

# Digests go out at or after this hour of the twinning's local time (daily ones every day,
# weekly ones on Monday), so they arrive with the morning's mail.
DIGEST_HOUR = datetime.time(7, 0)
# A digest covers what was published up to this long before its run. Publications are chosen by
# the moment Wagtail records them (exchanges.digests), and the periods of successive digests
# follow each other without gap or overlap: one recorded in a transaction that commits within
# this time is in exactly one digest, the next run's when this run could not see it yet.
DIGEST_LAG = datetime.timedelta(minutes=1)


class DigestFrequency(models.TextChoices):
    NONE = "none", _("No digest")
    AS_IT_HAPPENS = "as_it_happens", _("As it happens")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


def digest_boundary(frequency, now):
    """The latest moment at or before `now` that a digest of `frequency` was due: today's
    07:00 local time (daily), this week's Monday 07:00 (weekly), `now` itself (as it happens).
    None when none is due: before 07:00 for a daily digest (one a calendar day, never at night,
    so a worker that was down overnight sends one in the morning), never for no digest."""
    if frequency == DigestFrequency.AS_IT_HAPPENS:
        return now
    local = timezone.localtime(now, LOCAL_TIME)
    if frequency == DigestFrequency.DAILY:
        if local.time() < DIGEST_HOUR:
            return None
        return datetime.datetime.combine(local.date(), DIGEST_HOUR, tzinfo=LOCAL_TIME)
    if frequency == DigestFrequency.WEEKLY:
        monday = local.date() - datetime.timedelta(days=local.weekday())
        boundary = datetime.datetime.combine(monday, DIGEST_HOUR, tzinfo=LOCAL_TIME)
        # Before 07:00 on Monday, last week's Monday; a late run on Tuesday still sends it.
        return boundary if boundary <= local else boundary - datetime.timedelta(weeks=1)
    return None


# Set on an account by community.roles.remembered_member: the translation keys of the sector
# communities it belongs to (as strings), as remembered with it (whether it belongs to one costs
# no query).
REMEMBERED_SECTORS = "_jumelage_sector_keys"


class SectorMembershipQuerySet(models.QuerySet):
    def for_sector(self, sector):
        """Members of a sector community, whichever language version of its page they joined."""
        return self.filter(sector_key=sector.translation_key)

    def with_digest(self):
        return self.exclude(digest=DigestFrequency.NONE)

    def stop_digests(self, now=None):
        """No more digests for these memberships (an unsubscribe link); returns how many
        stopped."""
        return self.with_digest().update(
            digest=DigestFrequency.NONE, digest_changed_at=now or timezone.now()
        )


class SectorMembership(models.Model):
    """A member belongs to a sector community; keyed to the sector's translation key so the
    Dutch and German pages share their members."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    sector_key = models.UUIDField(_("sector"), db_index=True)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)
    # Weekly by default: a municipal community's members expect to hear about their sector
    # without a mail a day, and can choose more or none (see the member's digest settings).
    digest = models.CharField(
        _("digest"),
        max_length=20,
        choices=DigestFrequency.choices,
        default=DigestFrequency.WEEKLY,
    )
    digest_changed_at = models.DateTimeField(_("digest chosen"), default=timezone.now)
    # Everything published up to this moment has been in a digest, or came before the member
    # joined or chose one: never sent (again).
    digest_sent_until = models.DateTimeField(_("digest sent until"), default=timezone.now)

    objects = SectorMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("sector membership")
        verbose_name_plural = _("sector memberships")
        ordering = ["joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "sector_key"], name="one_membership_per_sector")
        ]

    def __str__(self):
        return f"{self.user} – {self.sector_key}"

    def choose_digest(self, frequency, now=None):
        """Sets how often the member hears about this sector. From no digest to one, items
        count from now: the first digest does not bring up what came before the choice.
        Between frequencies nothing is lost or repeated: the next digest brings what came
        since the last one. Saves only on a change."""
        if frequency == self.digest:
            return False
        now = now or timezone.now()
        # Only what changes is saved: a digest sent meanwhile has moved `digest_sent_until`.
        changed = ["digest", "digest_changed_at"]
        if self.digest == DigestFrequency.NONE:
            self.digest_sent_until = now
            changed.append("digest_sent_until")
        self.digest, self.digest_changed_at = frequency, now
        self.save(update_fields=changed)
        return True

    def digest_due(self, now):
        """Whether a run at `now` sends this sector's digest: its latest due moment has come
        and the last digest (or the joining, or the choice) was before it."""
        boundary = digest_boundary(self.digest, now)
        return boundary is not None and self.digest_sent_until < boundary - DIGEST_LAG


class PrivacyConsent(models.Model):
    """Proof that a member accepted a version of the privacy statement, and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    version = models.CharField(_("version"), max_length=20)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        verbose_name = _("privacy consent")
        verbose_name_plural = _("privacy consents")
        ordering = ["given_at"]

    def __str__(self):
        return f"{self.user} – {self.version}"
