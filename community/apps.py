from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()

        from . import review_emails

        review_emails.register()

        from . import live_parts

        live_parts.register()

        from . import uploads

        uploads.register()

        from . import privacy

        privacy.register()

        from . import translation_choices

        translation_choices.register()

        from .roles.names import show_role_names_translated

        show_role_names_translated()

        # The newsletter's scheduled jobs (home.schedule): finishing a sending, forgetting
        # addresses nobody confirmed.
        from .newsletter import sending, subscriptions  # noqa: F401
