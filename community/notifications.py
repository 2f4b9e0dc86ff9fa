"""Emails to members about their contributions, in the member's own language."""

from django.urls import reverse
from django.utils import translation

from home.i18n import live_translation
from home.notifications import send_templated_email

from . import roles


def page_in_language(page, language):
    return live_translation(page, language) or page


def notify_contribution_published(page, comment=""):
    member = page.owner
    send_templated_email(
        "community/email/contribution_published",
        {"page": page, "public_page": page_in_language(page, member.language), "comment": comment},
        member,
    )


def notify_changes_requested(page, comment):
    member = page.owner
    with translation.override(member.language):
        member_area_url = reverse("member_area")
    send_templated_email(
        "community/email/changes_requested",
        {"page": page, "comment": comment, "member_area_url": member_area_url},
        member,
    )


def notify_editors_of_report(report):
    """Every moderator and editor hears of a report, in their own language. The view calls this
    for the first open report of a contribution and for the report that hid it, not for
    every report."""
    for editor in roles.moderators().exclude(email=""):
        send_templated_email(
            "community/email/report_filed",
            {
                "report": report,
                "threshold": report.hide_after,
                "admin_url": reverse("wagtailadmin_pages:edit", args=[report.page_id]),
            },
            editor,
        )


def notify_contribution_declined(page, reason):
    send_templated_email(
        "community/email/contribution_declined", {"page": page, "comment": reason}, page.owner
    )
