"""Wagtail's view restrictions (private sections), read without a query when there are none.

Wagtail reads every restriction for each listing (`.public()`) and walks a page's ancestors before
serving it. This site has no private sections unless an editor makes one, so whether any exists is
kept in the content cache and the queries run only when one does."""

from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from home.cache import view_restrictions_exist


def public(queryset):
    """`queryset.public()`, free while no page has a view restriction."""
    return PageQuerySet.public(queryset) if view_restrictions_exist() else queryset


class PublicPageQuerySet(PageQuerySet):
    def public(self):
        return public(self)


class ViewRestrictionsMixin:
    """For page models: the restrictions that apply, without queries while there are none."""

    def get_view_restrictions(self):
        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
