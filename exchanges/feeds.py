"""RSS 2.0 and Atom feeds of exchange stories, per language and per sector community.

A feed carries the stories of its language's overview: those written in it, and those shown
there in the other language (an alias of an untranslated story, a German member's story in the
Dutch feed), whose title says so in the feed's language ("(in German)") and whose entry carries
its own language where the format has a place for it (Atom's `xml:lang`, Dublin Core's
`dc:language` in RSS).

Every text a feed writes leaves out the characters XML 1.0 cannot carry (control characters but
tab and line breaks, surrogates, U+FFFE and U+FFFF): the forms refuse them (home/validators.py),
but editors type titles in the admin, and one such character makes the whole feed unreadable."""

import re
from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from community.models import SectorPage
from home.cache import NAMES, active_locale, bump, names_at, shows_content_only, shows_kinds
from home.i18n import content_language, home_url
from home.machine_translation import machine_translated_from
from home.translation_progress import partly_translated_from
from home.visibility import public

from .models import StoryPage

FEED_LENGTH = 20

# Everything but XML 1.0's `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-].
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value):
    """`value` (a text, or a list of texts such as the categories) without what XML 1.0 cannot
    carry; anything else as it is."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        return NOT_IN_XML.sub("", value)
    if isinstance(value, (list, tuple)):
        return [xml_text(part) for part in value]
    return value


class XmlTextMixin:
    """A feed generator that cleans every text given to the feed and to each of its items."""

    def __init__(self, *args, **kwargs):
        args = [xml_text(value) for value in args]
        super().__init__(*args, **{name: xml_text(value) for name, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        args = [xml_text(value) for value in args]
        super().add_item(*args, **{name: xml_text(value) for name, value in kwargs.items()})


class RssFeed(XmlTextMixin, Rss201rev2Feed):
    """RSS 2.0 has no language of its own per item: Dublin Core's `dc:language` says it."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": "http://purl.org/dc/elements/1.1/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("language"):
            handler.addQuickElement("dc:language", item["language"])


class AtomFeed(XmlTextMixin, Atom1Feed):
    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class StoryFeed(Feed):
    feed_type = RssFeed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        shows_content_only()
        shows_kinds(NAMES, names_at(request.path))  # its stories' authors
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=900"
        return response

    def get_object(self, request, *args, **kwargs):
        return None

    def title(self, obj):
        return _("Exchange stories – Jumelage Steenwijkerland – Herzebrock-Clarholz")

    def link(self, obj):
        return home_url(translation.get_language())

    def description(self, obj):
        return _("New stories of the twinning between Steenwijkerland and Herzebrock-Clarholz.")

    def stories(self, obj):
        return (
            StoryPage.objects.for_listing().select_related("author").filter(locale=active_locale())
        )

    def items(self, obj):
        return self.stories(obj)[:FEED_LENGTH]

    def item_language(self, item):
        """The language of a story shown in the other language, else None."""
        code = content_language(item)
        return code if code != translation.get_language() else None

    def item_title(self, item):
        code = self.item_language(item)
        if code is None:
            # In brackets after a title, as "(in German)" is: lower case.
            if machine_translated_from(item):
                label = pgettext("after a title, in brackets", "machine translated")
                return f"{item.title} ({label})"
            if partly_translated_from(item):
                label = pgettext("after a title, in brackets", "partly translated")
                return f"{item.title} ({label})"
            return item.title
        language = translation.get_language_info(code)["name_translated"]
        return f"{item.title} ({_('in %(language)s') % {'language': language}})"

    def item_extra_kwargs(self, item):
        return {"language": self.item_language(item)}

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return f"jumelage-story-{item.translation_key}-{translation.get_language()}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(12)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author_name or None

    def item_categories(self, item):
        return [sector.title for sector in item.sectors]


class AtomStoryFeed(StoryFeed):
    feed_type = AtomFeed
    subtitle = StoryFeed.description


class SectorStoryFeed(StoryFeed):
    @staticmethod
    def sectors():
        """The sector communities of the language being read that have a feed."""
        return public(SectorPage.objects.live()).filter(locale=active_locale())

    def get_object(self, request, slug):
        return get_object_or_404(self.sectors(), slug=slug)

    def title(self, obj):
        return _("%(sector)s – exchange stories") % {"sector": obj.title}

    def link(self, obj):
        return obj.get_url(self.request)

    def description(self, obj):
        return obj.purpose

    def stories(self, obj):
        return super().stories(obj).in_sector(obj)


class AtomSectorStoryFeed(SectorStoryFeed):
    feed_type = AtomFeed
    subtitle = SectorStoryFeed.description


def listings():
    """Every story feed of the language being read: (the feed, its object, the names of its
    RSS and Atom addresses, their arguments)."""
    yield StoryFeed(), None, ("story_feed_rss", "story_feed_atom"), {}
    feed = SectorStoryFeed()
    for sector in feed.sectors():
        yield feed, sector, ("sector_feed_rss", "sector_feed_atom"), {"slug": sector.slug}


def addresses_naming(user):
    """The addresses of the feeds, in every language, whose entries name `user` as a story's
    author: asked of each feed's own entries (what it lists is said once, in its class)."""
    found = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for feed, obj, names, kwargs in listings():
                if user.pk in feed.items(obj).values_list("author_id", flat=True):
                    found += [reverse(name, kwargs=kwargs) for name in names]
    return found


def on_author_renamed(sender, user, **kwargs):
    """A member whom the feeds name took another public name: the feeds that list a story of
    hers are made anew (home.cache.names_at), every other one stays as kept."""
    if addresses := addresses_naming(user):
        bump(*map(names_at, addresses))
