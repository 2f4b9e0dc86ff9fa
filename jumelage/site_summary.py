"""The dashboard's count of pages (Wagtail's site summary) for the tree of the reader's admin
language. Wagtail counts every page below the root an editor may reach, both languages' trees
together, and links the default site's home: the German editor read "124 Seiten" and landed in
the Dutch tree. Here the count and the link are her language's tree, and the words say which."""

from django.contrib.humanize.templatetags.humanize import intcomma
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import Page, Site

from home.cache import active_locale


class LanguageTreeSummaryItem(PagesSummaryItem):
    template_name = "jumelage/admin/site_summary_pages.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        root = context["root_page"]
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        locale = active_locale()
        if root is None or site is None or locale is None:
            return context
        home = site.root_page.get_translation_or_none(locale)
        # Only where she reaches the whole site (an editor's root holds the homes of both
        # languages): a narrower root of her own stays Wagtail's.
        if home is None or not (root.is_root() or root.pk == site.root_page_id):
            return context
        total = Page.objects.descendant_of(home, inclusive=True).count()
        return {
            **context,
            "root_page": home,
            "total_pages": total,
            "total": intcomma(total),
            "language": locale.get_display_name(),
        }


def pages_of_the_readers_language(request, summary_items):
    """`construct_homepage_summary_items`: Wagtail's count of pages, for her language's tree."""
    summary_items[:] = [
        LanguageTreeSummaryItem(request) if type(item) is PagesSummaryItem else item
        for item in summary_items
    ]
