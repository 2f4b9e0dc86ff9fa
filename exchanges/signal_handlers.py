"""A meeting's schedule belongs to the meeting, not to a language (and an exchange visit's dates,
towns, seats and deadline to the visit): when the source version is
published, its translations take over the new time, place, format and status at once, instead of
waiting for an editor to resync the translation (wagtail-localize's default). A translation that
is not on the site (never published, or taken off it by an editor or by reports) takes them in
its draft and stays off the site: publishing it is an editor's decision.

A meeting published moved, cancelled or no longer cancelled is then told to everyone registered
or waiting, once per change, whichever language version is published first (AnnouncedSchedule),
by a task once the publishing is committed (exchanges.notifications.tell_of_change).

An account deleted (by the member or in the admin) takes its guest parties and host offers with
it; before they go, the counterparts of placements told are told, and seats go to those waiting
(exchanges.visits.forget_member).

A registration made, changed or cancelled changes what the meeting's live parts show
(home/live.py): its places left and registration, as kept for anonymous visitors."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import timezone
from wagtail.signals import page_published

from community import contributions
from community.signal_handlers import author_renamed
from home import live, translation_progress
from home.i18n import is_source_version

from . import feeds, notifications, visits
from .models import AnnouncedSchedule, CalendarToken, MeetingPage, Registration, VisitPage


def push_schedule_to_translations(sender, instance, **kwargs):
    if not is_source_version(instance):
        return
    fields = sender.SCHEDULE_FIELDS
    for translation in (
        sender.objects.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
        .filter(alias_of__isnull=True)
    ):
        if not translation.live:
            translation = translation.get_latest_revision_as_object()
        if all(getattr(translation, f) == getattr(instance, f) for f in fields):
            continue
        for field in fields:
            setattr(translation, field, getattr(instance, field))
        # What the new format needs and the translation lacks (an online meeting made hybrid:
        # its translation had no place to translate) is taken from the source, as it is until
        # translated: the translation's own clean refuses a live meeting without it.
        for field in getattr(translation, "missing_for_review", dict)():
            setattr(translation, field, getattr(instance, field))
        revision = translation.save_revision()
        if translation.live:
            # Its words as they were: its "partly translated" notice stays as it was too.
            with translation_progress.republishing_as_it_was():
                revision.publish()


def tell_participants_of_changes(sender, instance, **kwargs):
    change, sequence = AnnouncedSchedule.objects.record(instance)
    if change is None:
        return
    transaction.on_commit(lambda: notifications.tell_participants(instance, change, sequence))


def forget_deleted_member(sender, instance, **kwargs):
    visits.forget_member(instance)
    # Deleted, not kept as cancelled: the account's deletion would delete them a moment later,
    # after a save had queued a task (Wagtail's reference index) for a row no longer there.
    give_up_places(instance, delete=True)


def give_up_places(user, *, delete=False):
    """A member who leaves (their account deleted) or is blocked (a moderator blocked the
    account, or an administrator made it inactive in bulk) keeps no place and waits for none in
    meetings still to come: each is given up as by a cancellation, so the first member waiting
    moves up and is told, not left waiting beside a free place for whoever registers next; the
    member is not emailed. Unblocking gives none back. With `delete`, the registrations go.
    A blocked member gives up the seats and hosting of exchange visits not over yet too."""
    held = (
        Registration.objects.filter(user=user, meeting__start__gt=timezone.now())
        .active()
        .select_related("meeting")
    )
    for registration in held:
        Registration.objects.cancel(registration.meeting, user, delete=delete)
    if not delete:
        # A deleted account's parties and offers go with it (visits.forget_member).
        visits.give_up_visits(user)


def give_up_places_of_blocked_member(sender, instance, raw=False, **kwargs):
    """post_save of an account: an inactive one gives up its places (one query when it holds
    none)."""
    if not raw and not instance.is_active:
        give_up_places(instance)


def new_calendar_address_with_a_new_password(sender, instance, created, raw=False, **kwargs):
    """post_save of an account whose password was just set (changed or reset through allauth,
    set in the admin, by `changepassword` or any other `set_password`): her personal calendar
    gets a new address, so whoever learnt the old one along with the old password (or before a
    reset) reads her meetings no more. Django keeps the password set by `set_password` in
    `_password` until the account is saved (it then tells the password validators, as
    `password_changed`); a hash Django only upgrades when she logs in is saved without it, so
    a new hasher does not break her calendar app's subscription."""
    if not raw and not created and getattr(instance, "_password", None) is not None:
        CalendarToken.objects.replace(instance)


def give_free_places(sender, instance, **kwargs):
    """A meeting published with more places (or none as a limit) moves up the members waiting."""
    Registration.objects.fill_free_places(instance)


def registrations_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        live.changed(f"meeting:{instance.meeting_key}")


def register():
    author_renamed.connect(feeds.on_author_renamed, dispatch_uid="jumelage_feeds_author_renamed")
    post_save.connect(registrations_changed, sender=Registration, dispatch_uid="jumelage_reg_saved")
    post_delete.connect(
        registrations_changed, sender=Registration, dispatch_uid="jumelage_reg_deleted"
    )
    page_published.connect(push_schedule_to_translations, sender=MeetingPage)
    page_published.connect(tell_participants_of_changes, sender=MeetingPage)
    page_published.connect(give_free_places, sender=MeetingPage)
    # An exchange visit's dates, towns, seats and deadline are the visit's, in every language.
    page_published.connect(push_schedule_to_translations, sender=VisitPage)
    post_save.connect(
        give_up_places_of_blocked_member,
        sender=settings.AUTH_USER_MODEL,
        dispatch_uid="jumelage_blocked_member_places",
    )
    post_save.connect(
        new_calendar_address_with_a_new_password,
        sender=settings.AUTH_USER_MODEL,
        dispatch_uid="jumelage_new_password_calendar_address",
    )
    # Sign-ups lock the visit's language versions: its deletion takes them first, as a
    # meeting's and a contribution's does (community/signal_handlers.py).
    pre_delete.connect(
        contributions.lock_before_deletion,
        sender=VisitPage,
        dispatch_uid="jumelage_visit_deleted",
    )
    pre_delete.connect(
        forget_deleted_member,
        sender=settings.AUTH_USER_MODEL,
        dispatch_uid="jumelage_visits_member_deleted",
    )
