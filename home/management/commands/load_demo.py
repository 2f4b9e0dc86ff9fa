from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.demo import builder
from home.demo.pages import HOME, PAGES
from home.models import Foundation, FoundationSettings, HomePage, StandardPage

FOUNDATIONS = [
    {
        "name": "Stichting Jumelage Herzebrock-Clarholz",
        "town": "Steenwijkerland",
        "country": "NL",
        "email": "info@jumelage-steenwijkerland.example",
        "website": "",
    },
    {
        "name": "Partnerschaftskomitee Herzebrock-Clarholz",
        "town": "Herzebrock-Clarholz",
        "country": "DE",
        "email": "info@partnerschaft-herzebrock-clarholz.example",
        "website": "",
    },
]

FOOTER_PAGES = {
    "privacy_page": "privacyverklaring",
    "accessibility_page": "toegankelijkheidsverklaring",
    "contact_page": "contact",
}


class Command(BaseCommand):
    help = (
        "Loads the bilingual demo content: the twinning's home, about, history, foundations, "
        "contact, privacy and accessibility pages. Safe to run again: what exists is kept."
    )

    def handle(self, *args, **options):
        pairs = builder.TextPairs()
        with transaction.atomic():
            home, home_is_new = self.dutch_home(pairs)
            entries = [(home, HOME, home_is_new), *self.ensure_pages(home, PAGES, pairs)]
            by_slug = {page.slug: page for page, _spec, _new in entries}
            images = self.images()
            for page, spec, is_new in entries:
                if is_new:
                    page.body = builder.stream_from_spec(
                        self.resolve(spec["body"], by_slug), pairs, images
                    )
                    builder.publish(page)
                else:
                    self.collect_pairs(spec, pairs)
            self.configure_site(home, by_slug)
        # Aliases and translations publish on commit, so they follow the saved Dutch tree.
        builder.sync_german_tree()
        for page, _spec, _new in entries:
            builder.translate_page(page, pairs)
        count = Page.objects.filter(depth__gt=1).count()
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready: {count} pages in both languages.")
        )

    def dutch_home(self, pairs):
        locale = Locale.objects.get(language_code="nl")
        slug = pairs.add({"nl": "thuis", "de": "start"})
        home = HomePage.objects.filter(locale=locale).first()
        if home is not None:
            return home, False
        root = builder.root_page()
        # Wagtail's installer leaves a placeholder welcome page; the twinning's home replaces it.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        home = HomePage(title=pairs.add(HOME["title"]), slug=slug, locale=locale)
        self.fill_fields(home, HOME, pairs)
        root.add_child(instance=home)
        return home, True

    def ensure_pages(self, parent, specs, pairs):
        """Creates the pages that do not exist yet (bodies follow once every page exists, so a
        call to action may point to any of them); yields (page, spec, is_new) for each."""
        for spec in specs:
            slug = pairs.add(spec["slug"])
            page = builder.child_by_slug(parent, slug)
            is_new = page is None
            if is_new:
                page = StandardPage(
                    title=pairs.add(spec["title"]),
                    slug=slug,
                    show_in_menus=spec.get("show_in_menus", True),
                )
                self.fill_fields(page, spec, pairs)
                parent.add_child(instance=page)
            yield page, spec, is_new
            yield from self.ensure_pages(page, spec.get("children", []), pairs)

    @staticmethod
    def fill_fields(page, spec, pairs):
        page.intro = pairs.add(spec["intro"])
        page.search_description = pairs.add(spec["search_description"])

    def collect_pairs(self, spec, pairs):
        """Learns the texts of a page made by an earlier run, for translating it now."""
        for key in ("title", "intro", "search_description"):
            if key in spec:
                pairs.add(spec[key])
        builder.stream_from_spec(
            self.resolve(spec["body"], {}), pairs, {key: None for key in builder.PALETTES}
        )

    @staticmethod
    def resolve(blocks, by_slug):
        resolved = []
        for block_type, value in blocks:
            if block_type == "call_to_action":
                value = {**value, "page": by_slug.get(value["page"])}
            resolved.append((block_type, value))
        return resolved

    def images(self):
        return {key: builder.demo_image(key, f"Jumelage – {key}") for key in builder.PALETTES}

    def configure_site(self, home, by_slug):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page = home
        site.site_name = "Jumelage"
        site.save()
        settings = FoundationSettings.for_site(site)
        for field, slug in FOOTER_PAGES.items():
            if getattr(settings, field) is None:
                setattr(settings, field, by_slug.get(slug))
        settings.save()
        if not settings.foundations.exists():
            for order, data in enumerate(FOUNDATIONS):
                Foundation.objects.create(settings=settings, sort_order=order, **data)
