"""The admin's page API (the side menu's explorer reads it) naming each page by the title the
admin names it by to its reader (`admin_titles`): Wagtail's `admin_display_title` was every
page's draft title, of the pages above an editor's rights and of their translations too."""

from rest_framework.fields import Field
from wagtail.admin.api.serializers import PageAncestorsField, PageTranslationsField

from home.wagtail_hooks import PageNamingListedPagesOnly, PagesReadOnly, naming_listed_pages_only

from . import admin_titles


class AdminTitle(Field):
    """A page's `admin_display_title`, by the reader's rights on it."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return admin_titles.title_shown(self.context["request"], page)


def titled_by_rights(field_class):
    """A field naming other pages (ancestors, translations), each by the reader's rights."""

    class Titled(field_class):
        def to_representation(self, page):
            named = super().to_representation(page)
            user = self.context["request"].user
            return admin_titles.titles_shown(user, named, "id", "admin_display_title")

    return Titled


class PageTitledByRights(PageNamingListedPagesOnly):
    admin_display_title = AdminTitle(read_only=True)
    ancestors = titled_by_rights(naming_listed_pages_only(PageAncestorsField))(read_only=True)
    translations = titled_by_rights(naming_listed_pages_only(PageTranslationsField))(read_only=True)


class PagesTitledByRights(PagesReadOnly):
    base_serializer_class = PageTitledByRights
