"""How pages name an account where they show who did something (`community.roles.named`): by
her name; a staff member without one as "the editors", never by her email address."""

from django import template

from community import roles

register = template.Library()


@register.filter
def account_name(user):
    return roles.named(user, user.get_full_name())
