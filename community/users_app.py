"""Wagtail's users app with our users admin (community/user_admin.py), in INSTALLED_APPS in its
place; a module of its own, as Django picks an app's configuration from its `apps.py`."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "community.user_admin.UserViewSet"
