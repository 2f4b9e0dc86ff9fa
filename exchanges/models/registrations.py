from django.conf import settings
from django.contrib.admin import display as admin_display
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from exchanges import notifications
from exchanges.choices import RegistrationStatus
from exchanges.models.announcements import AnnouncedSchedule
from exchanges.models.language_versions import to_another_language_version


class RegistrationClosed(Exception):  # noqa: N818 - a state, not a failure of the code
    """Registration is not possible; the message says why, in the member's language."""


BLOCKED_MEMBER = _(
    "This member is blocked: an inactive account holds no places and waits for none. "
    "Unblock the member first."
)


class RegistrationQuerySet(models.QuerySet):
    def for_meeting(self, meeting):
        """Registrations of a meeting in every language: they are keyed to its translation key."""
        return self.filter(meeting_key=meeting.translation_key)

    def registered(self):
        return self.filter(status=RegistrationStatus.REGISTERED)

    def waiting(self):
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("queued_at", "pk")

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def with_meeting_in(self, language_code):
        """Each registration with the id and title of its meeting's published translation in
        `language_code` (`shown_meeting_id`, `shown_meeting_title`; None where there is none),
        in the same query: a member registers on one language version, and is read about in
        the reader's (or editor's) language."""
        meeting_page = self.model._meta.get_field("meeting").related_model
        translations = meeting_page.objects.filter(
            translation_key=models.OuterRef("meeting_key"),
            locale__language_code=language_code,
            alias_of__isnull=True,
            live=True,
        )
        return self.annotate(
            shown_meeting_id=models.Subquery(translations.values("pk")[:1]),
            shown_meeting_title=models.Subquery(translations.values("title")[:1]),
        )


class RegistrationManager(models.Manager.from_queryset(RegistrationQuerySet)):
    """The rules of registering, in one place. Each change locks the meeting's pages (all
    language versions, in a fixed order), so two members can never take the last place at once."""

    def _lock(self, meeting):
        """The meeting's language versions as {pk: live}, locked in the order a deletion (and a
        report) locks them in too (community.contributions.lock_for_deletion); the deleted ones
        missing."""
        return dict(
            Page.objects.select_for_update()
            .filter(translation_key=meeting.translation_key)
            .order_by("pk")
            .values_list("pk", "live")
        )

    def register(self, meeting, user, now=None, *, notify=False):
        """Registers a member, or puts them on the waiting list when the meeting is full. With
        `notify` (the member's own action, not the demo loader's), they are emailed which of
        the two, once the registration is stored (exchanges/notifications.py). Raises the
        meeting's DoesNotExist when it was deleted meanwhile, or taken off the site meanwhile
        (by the reports of members, which it waited for: a registration for a page not found
        is what those reports must not leave, community/models/reports.py)."""
        if not meeting.registration_open(now):
            if meeting.repeats_another_meeting():
                raise RegistrationClosed(
                    _("This page repeats a meeting: register on the meeting's own page.")
                )
            if meeting.cancelled:
                raise RegistrationClosed(_("This meeting has been cancelled."))
            raise RegistrationClosed(_("Registration for this meeting has closed."))
        with transaction.atomic():
            active = self._still_active(user)
            versions = self._lock(meeting)
            if meeting.pk not in versions:
                raise meeting.DoesNotExist("The meeting was deleted meanwhile.")
            if meeting.live and not versions[meeting.pk]:
                raise meeting.DoesNotExist("The meeting was taken off the site meanwhile.")
            if not active:
                raise RegistrationClosed(_("This account is inactive."))
            existing = self.for_meeting(meeting).filter(user=user).first()
            if existing is not None and existing.status != RegistrationStatus.CANCELLED:
                return existing
            full = self.full(meeting)
            status = RegistrationStatus.WAITLISTED if full else RegistrationStatus.REGISTERED
            # A new place is in no calendar until its confirmation is sent (by the task worker);
            # one taken again is where the emails of the last one left it. Without `notify`
            # (the demo loader), it is as if she had been sent it.
            registration = existing or self.model(
                meeting_key=meeting.translation_key, user=user, in_calendar=not notify
            )
            registration.meeting = meeting
            registration.status = status
            registration.queued_at = timezone.now()
            registration.save()
            told = AnnouncedSchedule.objects.told(meeting)
            if notify:
                # A place taken again follows the cancellation this member was sent.
                sequence = (
                    AnnouncedSchedule.objects.supersede(meeting) if existing else told.sequence
                )
                transaction.on_commit(
                    lambda: notifications.tell_later("confirmed", registration, sequence)
                )
            return registration

    def _still_active(self, user):
        """Whether the account may hold a place, read again under a lock of its row: its user
        was read when the request began, and a moderator may have blocked it since. A block
        committing meanwhile waits for this registration and then gives it up (see
        exchanges.signal_handlers.give_up_places), or is seen here. Taken before the meeting's
        lock, in the order a block takes them (the account's row, then the meetings it gives
        up): the other way round, a member's "register" and her block at the same moment each
        waited for the other's lock, and the database gave one of them up (a deadlock, an
        error page)."""
        users = get_user_model()._default_manager.select_for_update()
        return users.filter(pk=user.pk, is_active=True).values_list("pk", flat=True).first()

    def cancel(self, meeting, user, *, notify=False, delete=False):
        """Cancels a member's registration; a place that comes free goes to the first member on
        the waiting list, who is told by email (not once the meeting is cancelled or has begun).
        With `notify` (the member's own action), a member who gave up a place is sent the
        cancellation for their calendar (not for a meeting cancelled, of which they were told,
        or begun, nor for a place whose confirmation had not gone out yet: it is withdrawn, and
        nothing was put in her calendar; see notifications.tell_of_registration). With `delete`
        (their account goes), the registration is deleted, not kept as cancelled. Returns the
        promoted registration, if any."""
        return self.cancel_telling(meeting, user, notify=notify, delete=delete)[1]

    def cancel_telling(self, meeting, user, *, notify=False, delete=False):
        """`cancel`, returning also what the member held (a place or a place on the waiting
        list, as her registration's status before; None without one), read under the meeting's
        lock, so that what she is told is what she gave up."""
        with transaction.atomic():
            self._lock(meeting)
            registration = self.for_meeting(meeting).active().filter(user=user).first()
            if registration is None:
                return None, None
            held = registration.status
            freed = held == RegistrationStatus.REGISTERED
            registration.status = RegistrationStatus.CANCELLED
            if delete:
                registration.delete()
            else:
                registration.save(update_fields=["status", "updated_at"])
            promoted = self._promote(meeting) if freed else None
            if notify and freed and not meeting.cancelled and timezone.now() < meeting.start:
                sequence = AnnouncedSchedule.objects.supersede(meeting)
                transaction.on_commit(
                    lambda: notifications.tell_later("cancelled", registration, sequence)
                )
        if promoted is not None:
            transaction.on_commit(lambda: promoted.notify_promotion())
        return held, promoted

    def change_status(self, registration, status):
        """An editor's change of a registration, under the same rules as members' own: nobody
        is registered beyond the meeting's places, and a place that comes free goes to the first
        member waiting, who is told by email. The member is told too, for their calendar: a place
        given (the confirmation with the invitation) or taken away (the cancellation); not for
        a meeting cancelled or begun. A blocked member (an inactive account) is given no place
        and put on no waiting list: RegistrationClosed says why."""
        meeting = registration.meeting
        with transaction.atomic():
            active = self._still_active(registration.user)
            self._lock(meeting)
            registration.refresh_from_db()
            was_registered = registration.status == RegistrationStatus.REGISTERED
            holding = status in (RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED)
            if holding and status != registration.status and not active:
                # Blocked since the editor's form was checked: the block gave up her places
                # before this one was given (exchanges.signal_handlers.give_up_places).
                raise RegistrationClosed(BLOCKED_MEMBER)
            if status == RegistrationStatus.REGISTERED and not was_registered:
                if self.full(meeting):
                    raise RegistrationClosed(
                        _("The meeting is full: cancel another registration first.")
                    )
            registration.status = status
            registration.save(update_fields=["status", "updated_at"])
            now_registered = status == RegistrationStatus.REGISTERED
            freed = was_registered and not now_registered
            promoted = self._promote(meeting) if freed else None
            told = not meeting.cancelled and timezone.now() < meeting.start
            if was_registered != now_registered and told:
                # Newer than whatever this member was sent before.
                sequence = AnnouncedSchedule.objects.supersede(meeting)
                news = "confirmed" if now_registered else "cancelled"
                transaction.on_commit(
                    lambda: notifications.tell_later(news, registration, sequence)
                )
        if promoted is not None:
            transaction.on_commit(lambda: promoted.notify_promotion())
        return registration

    def full(self, meeting):
        """Every place of the meeting is taken (a meeting without a capacity is never full)."""
        taken = self.for_meeting(meeting).registered().count()
        return meeting.capacity is not None and taken >= meeting.capacity

    def fill_free_places(self, meeting):
        """Gives the places that came free otherwise than by a cancellation (more places
        published, no limit any more) to the members waiting, first come first served; each is
        told by email. Returns the promoted registrations."""
        promoted = []
        with transaction.atomic():
            self._lock(meeting)
            while (first := self._promote(meeting)) is not None:
                promoted.append(first)
        for registration in promoted:
            transaction.on_commit(registration.notify_promotion)
        return promoted

    def _promote(self, meeting):
        # A cancelled meeting, or one that has begun, has no place to give: nobody is moved up
        # (or emailed "you are registered") for it.
        if meeting.cancelled or timezone.now() >= meeting.start or self.full(meeting):
            return None
        # A blocked member (an inactive account) cannot log in to use or give up a place.
        waiting = self.for_meeting(meeting).waiting().filter(user__is_active=True)
        first = waiting.select_related("user").first()
        if first is None:
            return None
        first.status = RegistrationStatus.REGISTERED
        first.save(update_fields=["status", "updated_at"])
        return first


class Registration(models.Model):
    """A member's registration for a meeting, shared by the meeting's Dutch and German pages."""

    meeting_key = models.UUIDField(_("meeting"), db_index=True, editable=False)
    meeting = models.ForeignKey(
        "exchanges.MeetingPage",
        verbose_name=_("meeting page"),
        # Deleting a translation of the meeting keeps its registrations, on another version.
        on_delete=to_another_language_version,
        related_name="+",
        help_text=_("The language version the member registered on."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, db_index=True
    )
    queued_at = models.DateTimeField(_("registered at"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Whether the member's calendar holds the meeting from the emails she was sent: the last
    # invitation or cancellation of it (exchanges/notifications.py `tell`) was an invitation.
    # A place given up before its confirmation went out (which is then withdrawn) is not
    # cancelled either: a cancellation of an invitation she never had only confused her
    # (newcomer's walk of 2026-12-07). A place taken without emails (the demo loader, or
    # held before this was recorded) is taken to be in her calendar.
    in_calendar = models.BooleanField(_("in the member's calendar"), default=True, editable=False)

    objects = RegistrationManager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting_key", "user"], name="one_registration_per_member_and_meeting"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.meeting_title()} ({self.get_status_display()})"

    @admin_display(description=_("meeting"), ordering="meeting__title")
    def meeting_title(self):
        return getattr(self, "shown_meeting_title", None) or self.meeting.title

    @admin_display(description=_("start"), ordering="meeting__start")
    def meeting_start(self):
        return timezone.localtime(self.meeting.start)

    @admin_display(description=_("member"), ordering="user__display_name")
    def member_name(self):
        return self.user.public_name

    @admin_display(description=_("email address"), ordering="user__email")
    def member_email(self):
        return self.user.email

    @property
    def is_waiting(self):
        return self.status == RegistrationStatus.WAITLISTED

    def waiting_position(self):
        """1 for the first member on the waiting list."""
        ahead = Registration.objects.for_meeting(self.meeting).waiting()
        return (
            ahead.filter(
                models.Q(queued_at__lt=self.queued_at)
                | models.Q(queued_at=self.queued_at, pk__lt=self.pk)
            ).count()
            + 1
        )

    def notify_promotion(self):
        """Tells the member their place, with the invitation for their calendar (by the task
        worker)."""
        notifications.tell_later("promoted", self)
