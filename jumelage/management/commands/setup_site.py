from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Site

from community.models import NewsletterIndexPage, SectorIndexPage
from community.roles.setup import setup_roles
from exchanges.models import CalendarPage, StoryIndexPage
from home.models import Foundation, FoundationSettings
from jumelage import site_tree

# The overviews of jumelage/site_tree.toml, below the home page in this order.
OVERVIEWS = {
    "sectors": SectorIndexPage,
    "stories": StoryIndexPage,
    "calendar": CalendarPage,
    "newsletter": NewsletterIndexPage,
}


class Command(site_tree.PageTreeCommand):
    """The pages and records of jumelage/site_tree.toml, built as the demo builds its own, and
    nothing else: no demo pages, people or passwords."""

    help = (
        "Sets up a new site: the Dutch and German locales, towns, home pages, the overviews of "
        "sector communities, stories and the calendar in both languages, the site record, the "
        "foundations and the editors' roles with the contribution review workflow. Creates no "
        "account. Safe to run again: what exists is kept, editors' changes included."
    )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        with site_tree.quiet_loggers(self.verbosity):
            self.build()
        self.stdout.write(
            self.style.SUCCESS(
                "Site ready in Dutch and German. Next: manage.py createsuperuser for the first "
                "administrator."
            )
        )

    def build(self):
        texts = site_tree.site_texts()
        self.pairs = site_tree.TextPairs()
        with transaction.atomic():
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
                Locale.objects.get_or_create(language_code=code)
            self.towns = self.ensure_towns(texts["towns"])
            home, home_is_new = self.dutch_home(texts["home"])
            entries = [(home, texts["home"], home_is_new)]
            for kind, page_class in OVERVIEWS.items():
                spec = texts["overviews"][kind]
                entries += self.ensure_children(home, [spec], self.new_index(page_class))
            self.foundations = texts["foundations"]
            self.fill_tree(home, entries)
        # Aliases and translations publish on commit, so they follow the saved Dutch tree.
        site_tree.sync_german_tree()
        for page, _spec, _new in entries:
            site_tree.translate_page(page, self.pairs)
        setup_roles()

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
            for order, foundation in enumerate(self.foundations):
                Foundation.objects.create(
                    settings=foundation_settings, sort_order=order, **foundation
                )
