"""Builds the bilingual page tree from data files: the Dutch page first, then its German
translation through wagtail-localize, so pages made here behave as pages made by editors.

`setup_site` makes the pages and records every site starts with (`site_tree.toml`); the demo
(`jumelage.demo`) adds its content the same way. In the data files each page has its texts per
language side by side, `[nl]` and `[de]`; here a page is a dict with each text as its
{"nl": ..., "de": ...} pair. The German page is made by translating each segment of the Dutch
source with its pair, which keeps the translation in wagtail-localize's translation memory
(editors can open it in the translation editor and resync later)."""

import logging
import tomllib
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue
from wagtail_localize.synctree import synchronize_tree

from community.models import Town
from home.models import HomePage

LANGUAGES = ("nl", "de")
SITE_TREE = Path(__file__).with_name("site_tree.toml")


def read_toml(path):
    with open(path, "rb") as file:
        return tomllib.load(file)


def page_spec(data):
    """A page of a data file as the builder takes it: the texts of `[nl]` and `[de]` paired by
    field, everything else as it is."""
    spec = {key: value for key, value in data.items() if key not in LANGUAGES}
    for language in LANGUAGES:
        for field, text in data.get(language, {}).items():
            spec.setdefault(field, {})[language] = text
    return spec


def site_texts():
    """The towns, foundations, home page and overviews of `site_tree.toml`."""
    data = read_toml(SITE_TREE)
    return {
        "towns": data["towns"],
        "foundations": data["foundations"],
        "home": page_spec(data["home"]),
        "overviews": {overview.pop("kind"): page_spec(overview) for overview in data["overviews"]},
    }


def plain(value):
    return StringValue.from_plaintext(value).render_text()


class TextPairs:
    """Collects every Dutch text with its German translation."""

    def __init__(self):
        self.german = {}

    def add(self, pair):
        dutch, german = pair["nl"], pair["de"]
        if isinstance(dutch, list):
            if len(dutch) != len(german):
                raise CommandError(f"Unaligned paragraphs: {dutch[:1]}")
            for nl_text, de_text in zip(dutch, german, strict=True):
                self.add({"nl": nl_text, "de": de_text})
            return dutch
        known = self.german.setdefault(plain(dutch), german)
        if known != german:
            raise CommandError(f"Two German translations for the Dutch text {dutch!r}")
        return dutch

    def translate(self, dutch):
        try:
            return self.german[dutch]
        except KeyError:
            raise CommandError(f"No German translation for {dutch!r}") from None


def publish(page, user=None):
    """Publishes `page` as `user` did, who the reports then name as its last publisher (the
    loader publishes for them, before their roles exist)."""
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    return page


def sync_german_tree():
    """Gives every Dutch page a German alias that mirrors it until it is translated."""
    synchronize_tree(Locale.objects.get(language_code="nl"), Locale.objects.get(language_code="de"))


def recorded_translation(instance, locale, translated, *, keep):
    """wagtail-localize's records of `instance` translated into `locale`: its source, a synced
    translation and each text's translation (`translated(dutch)`); translations of texts made
    before are kept when `keep` (an editor's), else written anew."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    strings = StringTranslation.objects
    store = strings.get_or_create if keep else strings.update_or_create
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        dutch = StringValue(segment.string.data).render_text()
        store(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": StringValue.from_plaintext(translated(dutch)).data},
        )
    return translation


def translate_page(page, pairs, locale_code="de", user=None):
    """Translates a published Dutch page into German with the collected pairs, once.

    A page already translated (not an alias any more) is left alone, so editors' work survives a
    second run."""
    locale = Locale.objects.get(language_code=locale_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return existing.specific, False
    translation = recorded_translation(page, locale, pairs.translate, keep=False)
    # wagtail-localize would publish it as no one; it is published here as `user`.
    translation.save_target(user=user, publish=False)
    german = page.get_translation(locale).specific
    german.get_latest_revision().publish(user=user, skip_permission_checks=True)
    return german, True


def translate_snippet(snippet, german, locale_code="de"):
    """Translates a Dutch snippet as wagtail-localize's "Translate" does: a translation source, a
    synced translation into `locale_code` with the German of each text (`german`, by its Dutch
    text), and the German copy made from them, so the admin offers "Sync translated snippets".

    Translations an editor made are kept; a German copy made before without these records (by
    `copy_for_translation`, as an earlier loader did) is kept too and recorded as the
    translation, `german` then being the texts it has."""
    locale = Locale.objects.get(language_code=locale_code)
    translation = recorded_translation(snippet, locale, german.__getitem__, keep=True)
    if snippet.get_translation_or_none(locale) is None:
        translation.save_target()


def child_by_slug(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


# Wagtail's loggers report every page created, published, aliased and redirected: the details
# of a load (verbosity 2), not what someone starting the site needs to read; and in two
# languages: the redirects' summary names them in the default one ("1/1 doorverwijzingen were
# created successfully"), where the commands speak English.
CHATTY_LOGGERS = ("wagtail", "wagtail.contrib.redirects.signal_handlers", "wagtail_localize")


@contextmanager
def quiet_loggers(verbosity):
    if verbosity >= 2:
        yield
        return
    loggers = [logging.getLogger(name) for name in CHATTY_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class PageTreeCommand(BaseCommand):
    """What `setup_site` and the demo's `load_demo` share: towns, the Dutch home page and pages
    below it made once (a second run keeps what exists, editors' changes included), and the
    texts of every page collected for the German translations. A subclass fills `self.pairs`
    (TextPairs) and `self.towns`, and says how the site points at the home page
    (`configure_site`)."""

    def detail(self, message):
        if getattr(self, "verbosity", 1) >= 2:
            self.stdout.write(message)

    def ensure_towns(self, towns):
        dutch = Locale.objects.get(language_code="nl")
        german = Locale.objects.get(language_code="de")
        found = {}
        for spec in towns:
            town, _ = Town.objects.get_or_create(
                slug=spec["slug"],
                locale=dutch,
                defaults={"name": spec["name"]["nl"], "country": spec["country"]},
            )
            existing = town.get_translation_or_none(german)
            german_name = existing.name if existing is not None else spec["name"]["de"]
            translate_snippet(town, {town.name: german_name})
            found[spec["slug"]] = town
        return found

    def dutch_home(self, spec):
        locale = Locale.objects.get(language_code="nl")
        slug = self.pairs.add(spec["slug"])
        home = HomePage.objects.filter(locale=locale).first()
        if home is not None:
            return home, False
        root = Page.get_first_root_node()
        # Wagtail's installer leaves a placeholder welcome page; the twinning's home replaces it.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        home = HomePage(title=self.pairs.add(spec["title"]), slug=slug, locale=locale)
        self.fill_common(home, spec)
        root.add_child(instance=home)
        return home, True

    def ensure_children(self, parent, specs, make):
        """Creates the pages that do not exist yet (their bodies follow once every page exists,
        so a call to action may point to any of them); returns (page, spec, is_new) for each."""
        entries = []
        for spec in specs:
            slug = self.pairs.add(spec["slug"])
            page = child_by_slug(parent, slug)
            is_new = page is None
            if is_new:
                page = self.add_page(parent, spec, slug, make)
            entries.append((page, spec, is_new))
            if "children" in spec:
                entries += self.ensure_children(page, spec["children"], make)
        return entries

    def add_page(self, parent, spec, slug, make):
        """A new page of `spec` (made by `make`) below `parent`, at `slug`."""
        page = make(spec)
        page.title = self.pairs.add(spec["title"])
        page.slug = slug
        self.fill_common(page, spec)
        parent.add_child(instance=page)
        return page

    def fill_common(self, page, spec):
        page.intro = self.pairs.add(spec["intro"])
        page.search_description = self.pairs.add(spec["search_description"])

    @staticmethod
    def new_index(page_class):
        return lambda spec: page_class(show_in_menus=True)

    def fill_tree(self, home, entries):
        """Fills the pages made new and learns the translations of those that were there, then
        points the site at the home page. The pages by their Dutch slugs in the site's texts
        (an editor may have given one another)."""
        self.by_slug = {spec["slug"]["nl"]: page for page, spec, _new in entries}
        for page, spec, is_new in entries:
            if is_new:
                self.fill_new(page, spec)
            else:
                self.collect_pairs(spec)
        self.configure_site(home)

    def publisher(self, language):
        """The account that publishes the pages of `language`: none on a new site, which has
        no accounts yet."""
        return None

    def fill_new(self, page, spec):
        publish(page, self.publisher(page.locale.language_code))

    def collect_pairs(self, spec):
        """Learns the texts of a page made by an earlier run, for translating it now."""
        for key in (
            "title",
            "intro",
            "search_description",
            "purpose",
            "image_alt",
            "place_name",
            "organiser",
            "notice",
        ):
            if key in spec:
                self.pairs.add(spec[key])

    def configure_site(self, home):
        raise NotImplementedError
