"""Emails to members about their contributions, in the member's own language."""

from datetime import timedelta
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

from home.i18n import live_translation
from home.mail import OutgoingEmail
from home.models import FoundationSettings
from home.notifications import send_templated_email
from home.validators import validate_email_address

from . import roles

# How long a reviewer hears no more of one contribution after a notice of it (see
# `notify_reviewers_of_contribution`).
REVIEW_NOTICE_PAUSE = timedelta(minutes=30)

# Wagtail's notices from the admin, each a flag of the account's UserProfile: pages to review,
# the decisions on pages sent, editors' comments on the pages they follow.
ADMIN_NOTICES = (
    "submitted_notifications",
    "approved_notifications",
    "rejected_notifications",
    "updated_comments_notifications",
)


def admin_notices_follow_access(user_ids, *, entering=()):
    """Wagtail's notices reach who works in the admin only: an editor whose role was taken
    (she stays a member) no longer receives the editors' comments on the pages she once worked
    on, nor pages to review; a member who submits a contribution gets our emails in her
    language instead. An account `entering` the admin (a member made moderator) gets them, as
    Wagtail gives a new account, unless she had kept some of them on."""
    working = set(roles.working_in_admin().filter(pk__in=user_ids).values_list("pk", flat=True))
    for user_id in user_ids:
        if user_id in working:
            profile = UserProfile.objects.filter(user_id=user_id).first()
            if profile is None:
                continue  # Wagtail's defaults when it makes one: every notice on
        else:
            profile, _created = UserProfile.objects.get_or_create(
                user_id=user_id, defaults=dict.fromkeys(ADMIN_NOTICES, False)
            )
        flags = [getattr(profile, name) for name in ADMIN_NOTICES]
        if profile.user_id not in working and any(flags):
            wanted = False
        elif profile.user_id in working and profile.user_id in entering and not any(flags):
            wanted = True
        else:
            continue
        for name in ADMIN_NOTICES:
            setattr(profile, name, wanted)
        profile.save(update_fields=ADMIN_NOTICES)


def page_in_language(page, language):
    return live_translation(page, language) or page


def notify_contribution_published(page, comment="", by_moderation=False):
    """The member hears her contribution is published, from the editors, or from the moderation
    when a moderator approved it (`by_moderation`); a reply goes to the foundations
    (`questions_to_foundations`)."""
    member = page.owner
    questions, addresses = questions_to_foundations(page, member)
    send_templated_email(
        "community/email/contribution_published",
        {
            "page": page,
            "public_page": page_in_language(page, member.language),
            "comment": comment,
            "by_moderation": by_moderation,
            **questions,
        },
        member,
        reply_to=addresses,
    )


def notify_changes_requested(page, comment, by_moderation=False):
    """The member hears she is asked for changes, from the editors, or from the moderation when
    a moderator asked them (`by_moderation`); a reply goes to the foundations (walk 17: the
    reviewer's question could only be answered to the sender's address, nobody's)."""
    member = page.owner
    with translation.override(member.language):
        member_area_url = reverse("member_area")
    questions, addresses = questions_to_foundations(page, member)
    send_templated_email(
        "community/email/changes_requested",
        {
            "page": page,
            "comment": comment,
            "member_area_url": member_area_url,
            "by_moderation": by_moderation,
            **questions,
        },
        member,
        reply_to=addresses,
    )


def review_notice_key(page, reviewer=None):
    """The start of the outbox `key` of the notices of `page` to `reviewer` (to any reviewer
    without one); the task state they tell of ends it."""
    return f"contribution-review:{page.pk}:" + (f"{reviewer.pk}:" if reviewer else "")


def waiting_review_notices(page):
    """The notices of `page` to its reviewers that wait for their time (`REVIEW_NOTICE_PAUSE`):
    not tried yet, due later."""
    return OutgoingEmail.objects.filter(
        key__startswith=review_notice_key(page),
        status=OutgoingEmail.Status.QUEUED,
        attempts=0,
        next_attempt_at__gt=timezone.now(),
    )


def forget_waiting_review_notices(page):
    """Taken back from review, decided or deleted: what waited to be told of it is no longer
    true (community.signal_handlers)."""
    waiting_review_notices(page).delete()


def next_review_notice_at(page, reviewer, now):
    """When `reviewer` may next hear of `page`: REVIEW_NOTICE_PAUSE after the last notice of it
    that went to her (or is going), None when that is now."""
    told = OutgoingEmail.objects.filter(
        key__startswith=review_notice_key(page, reviewer),
        created_at__gt=now - 2 * REVIEW_NOTICE_PAUSE,
    ).values_list("sent_at", "claimed_at", "created_at")
    moments = [sent_at or claimed_at or created_at for sent_at, claimed_at, created_at in told]
    if not moments or max(moments) <= now - REVIEW_NOTICE_PAUSE:
        return None
    return max(moments) + REVIEW_NOTICE_PAUSE


def notify_reviewers_of_contribution(page, task_state, reviewers):
    """The reviewers of a member's contribution (those Wagtail's notice of the review task would
    reach, with their notification preferences: community.review_emails) hear that it waits for
    them, in their own language: sent for the first time, or again with the changes asked for.
    The preview shows what was sent; the dashboard holds the decision.

    Sent, withdrawn and sent again (15 times an hour, within the form's limit), a contribution
    mailed its reviewers each time: a reviewer now hears of one contribution at most once in
    REVIEW_NOTICE_PAUSE, and of what was sent meanwhile once, at its end, as it stands then
    (the notice waiting is replaced by each newer sending, and goes when she withdraws it). A
    contribution sent again with the changes a reviewer asked for is told of at once."""
    now = timezone.now()
    again = task_state.workflow_state.task_states.exclude(pk=task_state.pk).exists()
    preview_url = reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id])
    # Named as sent (the page's row keeps the title it had when first sent in a draft).
    sent = task_state.revision.as_object() if task_state.revision_id else page
    forget_waiting_review_notices(page)
    for reviewer in reviewers:
        send_templated_email(
            "community/email/contribution_submitted",
            {
                "page": sent,
                # Every sentence of the email that names her starts with her name.
                "author": roles.named(page.owner, page.owner.public_name, starts_sentence=True),
                "again": again,
                "preview_url": preview_url,
                "dashboard_url": reverse("wagtailadmin_home"),
                # Whoever turned off Wagtail's notices of submissions gets none of ours either.
                "preferences_url": reverse("wagtailadmin_account") + "#tab-notifications",
            },
            reviewer,
            key=f"{review_notice_key(page, reviewer)}{task_state.pk}",
            not_before=None if again else next_review_notice_at(page, reviewer, now),
        )


def notify_editors_of_report(report):
    """Every moderator and editor hears of a report, in their own language. The view calls this
    for the first open report of a contribution and for the report that hid it (or would have,
    of a meeting members count on: `kept_for`), not for every report."""
    # The report in the admin, where every moderator may read and decide it (a moderator may not
    # edit the page; a contribution deleted meanwhile leaves the report).
    admin_url = reverse("reports:edit", args=[report.pk])
    # As it is now, not as the reporter's copy of the page had it.
    on_site = Page.objects.filter(pk=report.page_id, live=True).exists()
    titles = report.titles_by_language()
    for editor in roles.moderators().exclude(email=""):
        send_templated_email(
            "community/email/report_filed",
            {
                "report": report,
                "title": titles.get(editor.language, report.title),
                "on_site": on_site,
                "threshold": report.hide_after,
                "admin_url": admin_url,
            },
            editor,
        )


def notify_contribution_hidden(report, by_moderation=False):
    """Members' reports (or a moderator deciding a report: `by_moderation`) took the member's
    contribution off the site: she hears it, and that the editors look at it, not who reported
    it nor why. Once: the reports that follow while it is hidden hide nothing
    (`Report.hid_page`). Named as she wrote it: her own language version."""
    member, reported = report.author, report.page
    if member is None or reported is None or not roles.is_member(member):
        return
    versions = Page.objects.filter(translation_key=reported.translation_key, alias_of=None)
    page = versions.filter(owner=member).first() or reported
    with translation.override(member.language):
        member_area_url = reverse("member_area")
    send_templated_email(
        "community/email/contribution_hidden",
        {"page": page, "member_area_url": member_area_url, "by_moderation": by_moderation},
        member,
    )


def usable_address(address):
    """Whether `address` may go into a header: one saved before the foundations' addresses were
    checked as usually written may hold what would break the email."""
    try:
        validate_email_address(address)
    except ValidationError:
        return False
    return bool(address)


def foundations_contact(page, language):
    """(email addresses, contact page) of the foundations of the page's site (without a page,
    the default site's): where a member's
    question about an editors' decision goes. The contact page in `language` when it has a live
    translation; either may be empty."""
    site = (page and page.get_site()) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return [], None
    found, foundations = FoundationSettings.with_foundations(site)
    addresses = list(dict.fromkeys(f.email for f in foundations if usable_address(f.email)))
    contact = found.contact_page and page_in_language(found.contact_page.specific, language)
    return addresses, contact if contact and contact.live else None


def questions_to_foundations(page, member):
    """What an email to `member` about the editors' decision on `page` says of her questions
    (community/email/questions.txt), and its Reply-To: a reply goes to the foundations (the
    sender's address is nobody's); without their addresses, the email points to the contact
    page."""
    addresses, contact = foundations_contact(page, member.language)
    return {"reply_goes_to_foundations": bool(addresses), "contact_page": contact}, addresses


def notify_contribution_declined(page, reason, by_moderation=False):
    """The member hears the decision and the comment, from the editors, or from the moderation
    when a moderator decided (`by_moderation`); a reply goes to the foundations
    (`questions_to_foundations`)."""
    member = page.owner
    questions, addresses = questions_to_foundations(page, member)
    send_templated_email(
        "community/email/contribution_declined",
        {"page": page, "comment": reason, "by_moderation": by_moderation, **questions},
        member,
        reply_to=addresses,
    )


def partly_hidden(email):
    """`a***@nieuw.example`: enough for the owner to recognise an address, not to read it whole,
    in an email to an address that may no longer be theirs."""
    local_part, _at, domain = email.rpartition("@")
    return f"{local_part[:1]}***@{domain}"


def notify_address_changed_by_administration(account, previous):
    """The account's old address hears that an administrator changed it (in the users admin),
    in the member's language, and where to turn if they did not ask for it: a reply goes to
    the foundations, else the email names the contact page."""
    addresses, contact = foundations_contact(None, account.language)
    send_templated_email(
        "community/email/address_changed",
        {
            "new_address": partly_hidden(account.email),
            "reply_goes_to_foundations": bool(addresses),
            "contact_page": contact,
        },
        SimpleNamespace(email=previous, language=account.language, public_name=account.public_name),
        reply_to=addresses,
    )
