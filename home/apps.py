from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import post_migrate
        from django.urls import register_converter

        from . import (
            cache,
            choosers,
            frontend_cache,
            i18n,
            image_metadata,
            live_parts,
            lookups,
            machine_translation,
            redirects,
            spreadsheets,
            stored_files,
            tasks,
            translation_editor,
            translation_overrides,
            translation_progress,
            visibility,
        )
        from .converters import IdConverter

        register_converter(IdConverter, "id")
        lookups.register()
        live_parts.register()
        cache.connect_signals()
        # Every deploy runs `migrate`: what was kept was rendered by the last release's templates.
        post_migrate.connect(cache.new_release, sender=self, dispatch_uid="cache-new-release")
        frontend_cache.connect_signals()
        visibility.connect_signals()
        machine_translation.connect_signals()
        translation_overrides.connect_signals()
        translation_progress.connect_signals()
        redirects.connect()
        spreadsheets.protect_csv_exports()
        choosers.translate_search_tabs()
        tasks.connect_signals()
        image_metadata.connect_signals()
        stored_files.connect_signals()
        i18n.translate_the_root_page()
        translation_editor.date_segment_comments()
        translation_editor.connect_signals()
