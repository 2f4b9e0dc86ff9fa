"""Links to pages in rich text: Wagtail links a chosen page whatever its state, so a page taken
off the site (unpublished, or a draft never published) was linked by its address, whose slug
names it, on public pages and in the open data API. Such a link keeps its words, without an
address, as a link to a deleted page does."""

from django.utils.html import escape
from wagtail.rich_text.pages import PageLinkHandler


class LivePageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        links = []
        for page in cls.get_many(attrs_list):
            target = page.localized if page is not None else None
            if target is not None and target.live:
                links.append(f'<a href="{escape(target.url)}">')
            else:
                links.append("<a>")
        return links
