from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from . import cache, frontend_cache

        cache.connect_signals()
        frontend_cache.connect_signals()
