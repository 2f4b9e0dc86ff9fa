"""What the review emails offer a reviewer."""

from django import template
from wagtail.users.models import UserProfile

from community import roles
from community.review_decisions import PREVIEW_WAY_BACK

register = template.Library()


@register.filter
def may_edit(page, user):
    """Whether `user` may open `page` in the editor: a moderator reviews members' contributions
    in the review's preview and never edits them (community/models/review.py)."""
    return bool(user) and page.permissions_for_user(user).can_edit()


@register.filter
def decision_reader(workflow_state):
    """Who reads a review decision: of a member's contribution its member, whoever sent it for
    review (an editor who corrected it, say), as our emails go to her
    (community/notifications.py); of anything else who sent it (Wagtail's emails)."""
    page = workflow_state.content_object.specific
    if getattr(page, "member_contribution", False):
        return page.owner
    return workflow_state.requested_by


@register.filter
def name_starting_a_sentence(user):
    """`user`'s name where it starts a sentence ("%(name)s reads the site in …"): hers, else as
    `roles.named` says (a staff member without one left the sentence without a subject)."""
    return roles.named(user, user.public_name, starts_sentence=True)


@register.simple_tag(takes_context=True)
def review_way_back(context):
    """Where the preview of a review being rendered leads back to (the review, its decision),
    with the reader's admin language to say it in (the page is in its own); None outside such
    a preview."""
    request = context.get("request")
    address = PREVIEW_WAY_BACK.get() if getattr(request, "is_preview", False) else None
    if address is None:
        return None
    language = UserProfile.get_for_user(request.user).get_preferred_language()
    return {"url": address, "language": language}
