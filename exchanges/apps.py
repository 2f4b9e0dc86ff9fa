from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangesConfig(AppConfig):
    name = "exchanges"
    verbose_name = _("Exchanges")

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()

        from . import live_parts

        live_parts.register()

        from . import (
            digests,  # noqa: F401 (registers its scheduled job)
            reminders,  # noqa: F401 (registers its scheduled job)
            visits,  # noqa: F401 (registers its scheduled job)
        )
