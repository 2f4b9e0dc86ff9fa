from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Site

from community.models import SectorIndexPage
from community.roles.setup import setup_roles
from exchanges.models import CalendarPage, StoryIndexPage
from home.models import Foundation, FoundationSettings
from jumelage.demo import builder
from jumelage.demo.management.commands import load_demo
from jumelage.demo.meetings import CALENDAR
from jumelage.demo.pages import HOME
from jumelage.demo.sectors import SECTOR_INDEX
from jumelage.demo.stories import STORY_INDEX

# The home page keeps the demo's title and introduction, not its body: that links to demo pages.
HOME_PAGE = {key: HOME[key] for key in ("title", "intro", "search_description")}
OVERVIEWS = [
    (SECTOR_INDEX, SectorIndexPage),
    (STORY_INDEX, StoryIndexPage),
    (CALENDAR, CalendarPage),
]


class Command(load_demo.Command):
    """The demo loader's way of building pages, for the parts every real site needs and nothing
    else: no demo pages, people or passwords."""

    help = (
        "Sets up a new site: the Dutch and German locales, towns, home pages, the overviews of "
        "sector communities, stories and the calendar in both languages, the site record, the "
        "foundations and the editors' roles with the contribution review workflow. Creates no "
        "account. Safe to run again: what exists is kept, editors' changes included."
    )

    def handle(self, *args, **options):
        self.pairs = builder.TextPairs()
        self.images = builder.NoImages()
        with transaction.atomic():
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
                Locale.objects.get_or_create(language_code=code)
            self.towns = self.ensure_towns()
            home, home_is_new = self.dutch_home()
            entries = [(home, HOME_PAGE, home_is_new)]
            for spec, page_class in OVERVIEWS:
                entries += self.ensure_children(home, [spec], self.new_index(page_class))
            self.fill_tree(home, entries)
        # Aliases and translations publish on commit, so they follow the saved Dutch tree.
        builder.sync_german_tree()
        for page, _spec, _new in entries:
            builder.translate_page(page, self.pairs)
        setup_roles()
        self.stdout.write(
            self.style.SUCCESS(
                "Site ready in Dutch and German. Next: manage.py createsuperuser for the first "
                "administrator."
            )
        )

    def configure_site(self, home):
        """The default site at the public address, and both foundations without contact details
        (editors add them under Settings)."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            default_port = 443 if address.scheme == "https" else 80
            site = Site(
                hostname=address.hostname or "localhost",
                port=address.port or default_port,
                is_default_site=True,
            )
        site.root_page = home
        site.site_name = site.site_name or "Jumelage"
        site.save()
        foundation_settings = FoundationSettings.for_site(site)
        if not foundation_settings.foundations.exists():
            for order, data in enumerate(load_demo.FOUNDATIONS):
                Foundation.objects.create(
                    settings=foundation_settings,
                    sort_order=order,
                    name=data["name"],
                    town=data["town"],
                    country=data["country"],
                )
