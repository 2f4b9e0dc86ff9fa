"""Where the side menu's page explorer opens. Wagtail opens it at the topmost page of the
editor's rights (`explorable_root_instance`): for the editor groups, whose rights start at the
root, the root, which lists both language homes. An editor whose admin language is not the
site's default one (German) starts at her language's home instead; the Dutch editors keep the
root, with the Dutch sources that translations are made from and the German home beside them.
An editor of one part of the tree starts at her part, as in Wagtail."""

from django.conf import settings
from django.utils import translation
from wagtail.admin.ui.sidebar import PageExplorerMenuItem
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Locale, Site
from wagtail.permissions import page_permission_policy


def explorer_start_for(request):
    """`explorer_start` of the request's user, found once a request (the menu item asks for it
    while rendering its context and its component)."""
    if not hasattr(request, "_jumelage_explorer_start"):
        request._jumelage_explorer_start = explorer_start(request.user)
    return request._jumelage_explorer_start


def explorer_start(user):
    """The page the explorer opens at for `user` in the active (admin) language, or None."""
    start = page_permission_policy.explorable_root_instance(user)
    language = translation.get_language()
    if start is None or not start.is_root() or language == settings.LANGUAGE_CODE:
        return start
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    locale = Locale.objects.filter(language_code=language).first()
    if site is None or locale is None:
        return start
    home = site.root_page.get_translation_or_none(locale)
    explorable = page_permission_policy.explorable_instances(user)
    if home is None or not explorable.filter(pk=home.pk).exists():
        return start
    return home


class LanguageExplorerMenuItem(ExplorerMenuItem):
    """Wagtail's "Pages" menu item, opening at `explorer_start`."""

    @classmethod
    def like(cls, item):
        return cls(
            item.label,
            item.url,
            name=item.name,
            classname=item.classname,
            icon_name=item.icon_name,
            attrs=dict(item.attrs),
            order=item.order,
        )

    def get_context(self, request):
        context = super().get_context(request)
        start = explorer_start_for(request)
        if start is not None:
            context["start_page_id"] = start.id
        return context

    def render_component(self, request):
        start = explorer_start_for(request)
        if start is None:
            return super().render_component(request)
        return PageExplorerMenuItem(
            self.name,
            self.label,
            self.url,
            start.id,
            icon_name=self.icon_name,
            classname=self.classname,
        )


def opens_at_the_readers_home(request, menu_items):
    """`construct_main_menu`: Wagtail's "Pages" item replaced with `LanguageExplorerMenuItem`."""
    menu_items[:] = [
        LanguageExplorerMenuItem.like(item) if isinstance(item, ExplorerMenuItem) else item
        for item in menu_items
    ]
