"""What the review emails offer a reviewer."""

from django import template

register = template.Library()


@register.filter
def may_edit(page, user):
    """Whether `user` may open `page` in the editor: a moderator reviews members' contributions
    in the review's preview and never edits them (community/models/review.py)."""
    return bool(user) and page.permissions_for_user(user).can_edit()
