import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Exists, OuterRef
from django.http import HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework.fields import CharField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from community.account_choices import ByNameIterator, offered_accounts
from community.localization import (
    LocalizedSectorsMixin,
    linked_sector_ids,
    sector_query_in_language,
    sector_versions,
    with_localized_sectors,
    with_sector_links,
)
from community.models import Town
from community.models.contribution import ContributionMixin
from community.models.sectors import sector_pages
from community.serializers import LeadImageField, SectorsField, TownsField
from exchanges.blocks import StoryStreamBlock
from exchanges.forms import StoryFilterForm, page_key, tag_filter_value, tag_filters
from exchanges.tag_languages import same_stories_tag
from home.cache import field_names, from_values, locales, remember
from home.i18n import with_source_locale
from home.models import (
    NOT_READ,
    LeadImageMixin,
    OverviewPage,
    in_link_order,
    linked_rows,
    with_rendition_rows,
    with_renditions,
)
from home.page_forms import NeedsToPublishPageForm, RowsToPublishPageForm
from home.pagination import CountedPaginator
from home.visibility import PublicPageQuerySet, ViewRestrictionsMixin, hidden_paths, public

STORIES_PER_PAGE = 12
# What a story card shows of its towns, read in the story's row (see `StoryPage.towns`): every
# field of a town.
TOWN_FIELDS = field_names(Town)
TOWN_LINKS = "town_link_rows"
# The first day of the year of `years.day`, in StoryIndexPage._years_query.
START_OF_YEAR = {
    "postgresql": "MAKE_DATE(CAST(EXTRACT(YEAR FROM years.day) AS INTEGER), 1, 1)",
    "sqlite": "DATE(years.day, 'start of year')",
}
# A story tells what happened: not in the future, nor before the twinning's prehistory.
FIRST_STORY_DATE = datetime.date(1900, 1, 1)


class StoryQuerySet(PublicPageQuerySet):
    def for_listing(self):
        """Published stories, newest first, with what a story card shows: its towns, sectors
        and its picture's renditions in its own row."""
        towns = linked_rows(StoryTown, "page", *(f"town__{name}" for name in TOWN_FIELDS))
        return (
            with_source_locale(with_rendition_rows(with_sector_links(self.live().public())))
            .annotate(**{TOWN_LINKS: towns})
            .select_related("image")
            .order_by("-date", "-pk")
        )

    def for_page_view(self):
        """A story with what its page shows (see HomePage.route): of its author only the name it
        shows; its towns and sectors in its row (see `for_listing`)."""
        shown = {"id", "display_name", "first_name", "last_name"}
        author = self.model._meta.get_field("author").related_model
        return (
            self.for_listing()
            .select_related("author")
            .defer(
                *(
                    f"author__{field.name}"
                    for field in author._meta.concrete_fields
                    if field.name not in shown
                )
            )
        )

    # Each filter of a link asks whether the story has one (EXISTS), not for a row per link:
    # a story linking a sector or a town in both languages is listed and counted once, and the
    # count does not join every link of every story.

    def in_sector(self, sector):
        """Stories of a sector community, whichever language version of the sector they chose."""
        links = StorySector.objects.filter(
            page=OuterRef("pk"), sector_id__in=sector_versions(sector)
        )
        return self.filter(Exists(links))

    def in_town(self, slug):
        return self.filter(Exists(StoryTown.objects.filter(page=OuterRef("pk"), town__slug=slug)))

    def in_year(self, year):
        return self.filter(date__year=year)

    def tagged(self, slugs):
        """Stories with any of the tags of these slugs."""
        links = StoryTag.objects.filter(content_object=OuterRef("pk"), tag__slug__in=slugs)
        return self.filter(Exists(links))

    def written_in(self, locale):
        """Stories whose text is in this locale: translations, not untranslated aliases."""
        return self.filter(locale=locale, alias_of__isnull=True)


StoryManager = PageManager.from_queryset(StoryQuerySet)


TOWNS_NEEDED = _("Choose at least one town involved.")
DATE_NEEDED = _("Choose the date when it happened.")


class StoryPageForm(RowsToPublishPageForm, NeedsToPublishPageForm):
    """The admin's story form: a draft may lack its date and its towns; publishing or
    submitting asks (the towns of the rows the form shows, `RowsToPublishPageForm`)."""

    rows_to_publish = {"story_towns": ("town", TOWNS_NEEDED)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if author := self.fields.get("author"):
            # By the name the admin shows (community/account_choices.py), not the address.
            author.iterator = ByNameIterator
            author.queryset = offered_accounts(author.queryset, self.instance.author_id)
            author.widget.choices = author.choices


class StoryTag(TaggedItemBase):
    content_object = ParentalKey(
        "exchanges.StoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class StoryIndexPage(OverviewPage):
    """All exchange stories of one language, filterable by sector, town, year and tag."""

    subpage_types = ["exchanges.StoryPage"]

    highlights_template = "includes/story_highlights.html"
    highlights_order = 1  # below the next meetings

    class Meta:
        verbose_name = _("story overview")
        verbose_name_plural = _("story overviews")

    def stories(self):
        return StoryPage.objects.child_of(self).for_listing()

    def stories_counted(self):
        """As many rows as `stories()`, as pages of Wagtail's table alone: the live public pages
        below the overview whose type is a story. The unfiltered overview counts these for its
        total from the index home_live_page_paths (home migration 0014); counting `stories()`
        joined each story's row to its page's (4.3 against 1.4 ms for 10,000 stories)."""
        return public(Page.objects.child_of(self).live().type(StoryPage))

    def highlights(self, limit=3):
        """The latest stories."""
        return with_renditions(with_localized_sectors(self.stories()[:limit]))

    def query_in_language(self, query, language_code):
        kept = sector_query_in_language(query, language_code)
        tag = self.tag_in_language(query.get("tag"), language_code) if query.get("tag") else ""
        return [*kept, ("tag", tag)] if tag else kept

    def tag_in_language(self, value, language_code):
        """`?tag=` as the overview in `language_code` reads it: the same word where it offers
        it ("corona", "sport"), else the tag of the same stories there
        (exchanges/tag_languages.py), else nothing (the language switcher leaves it out)."""
        locale = locales().get(language_code)
        there = self.get_translation_or_none(locale) if locale is not None else None
        value = tag_filter_value("", value)
        if there is None or value not in self.tag_slugs():
            return ""

        def compute():
            if value in there.specific.tag_slugs():
                return value
            here_written, there_written = self.written_stories(), there.specific.written_stories()
            in_both = there_written.filter(
                translation_key__in=here_written.values("translation_key")
            )
            wanted = set(
                in_both.filter(
                    translation_key__in=here_written.tagged(self.tag_slugs()[value]).values(
                        "translation_key"
                    )
                ).values_list("translation_key", flat=True)
            )
            rows = StoryTag.objects.filter(
                content_object__in=in_both,
                tag__in=StoryTag.objects.filter(
                    content_object__in=in_both.filter(translation_key__in=wanted)
                ).values("tag"),
            ).values_list("content_object__translation_key", "tag__slug", "tag__name")
            pairs = [(key, tag_filter_value(slug, name)) for key, slug, name in rows]
            return same_stories_tag(value, wanted, pairs)

        return remember(f"tag-in-language:{self.pk}:{there.pk}:{value}", compute)

    def tag_slugs(self):
        """The tags the overview filters by: {value in its address: the slugs it stands for}."""
        return remember(f"story-filters:{self.pk}", self.filter_choices, build=tag_filters)[
            "tag_slugs"
        ]

    def written_stories(self):
        """Its public live stories written in its language (not the aliases of untranslated
        ones, which keep their source's tags)."""
        stories = public(StoryPage.objects.child_of(self).live(), opened=self.path)
        return stories.filter(alias_of__isnull=True)

    def sector_listings(self, sector, limit=6):
        """A sector community's latest stories, for the sector's page."""
        stories = self.stories().in_sector(sector)[:limit]
        return {"latest_stories": with_renditions(with_localized_sectors(stories))}

    def filter_choices(self):
        """The towns, years and tags a visitor can filter the overview by: the towns of its
        language, and the years and tags there are live stories for, in one query (see
        `_years_query` for the years). Of public stories only (as `stories()` lists them): a
        private story's tags named it to every visitor (outsider's test, F6). Plain data: the
        story filter form keeps it in the content cache, by overview (`public` of its readers)
        and the versions of the pages (a restriction's change is one of the pages)."""
        start_of_year = START_OF_YEAR.get(connection.vendor)
        if start_of_year is None:
            return self._filter_choices_apart()
        page, town, tag, tagged = Page._meta, Town._meta, Tag._meta, StoryTag._meta
        hidden = [f"{path}%" for path in hidden_paths(self.path)]
        public_sql = " AND p.path NOT LIKE %s" * len(hidden)
        # Tags are words of the stories' language: an untranslated story (an alias of the Dutch
        # one) keeps its Dutch tags, which are not offered in the German overview (nor linked on
        # its page: StoryPage.tags_filter_the_overview). They are found once, as the distinct
        # tags of these stories' tag links, not by searching each tag's links for one of these
        # stories (most of them are the other language's).
        tags = (
            f", tags(id) AS MATERIALIZED (SELECT DISTINCT i.{tagged.get_field('tag').column}"  # noqa: S608 (names of our tables)
            f" FROM {tagged.db_table} i INNER JOIN {page.db_table} p"
            f" ON p.{page.pk.column} = i.{tagged.get_field('content_object').column}"
            " WHERE p.path LIKE %s AND p.depth = %s AND p.live = %s AND p.alias_of_id IS NULL"
            f"{public_sql})"
        )
        query = (
            f"{self._years_query(start_of_year, public_sql)}{tags}"  # noqa: S608 (names of our tables)
            " SELECT kind, value, label, day FROM ("
            " SELECT 1 AS part, 'year' AS kind, NULL AS value, NULL AS label, day"
            " FROM years WHERE day IS NOT NULL"
            " UNION ALL SELECT 2, 'town', t.slug, t.name, NULL"
            f" FROM {town.db_table} t WHERE t.{town.get_field('locale').column} = %s"
            " UNION ALL SELECT 3, 'tag', g.slug, g.name, NULL"
            f" FROM {tag.db_table} g INNER JOIN tags ON tags.id = g.{tag.pk.column}"
            ") choices ORDER BY part, day DESC, label"
        )
        children = [f"{self.path}%", self.depth + 1, True, *hidden]
        choices = {"town": [], "year": [], "tag": []}
        with connection.cursor() as cursor:
            cursor.execute(query, [*children, *children, *children, self.locale_id])
            for kind, value, label, day in cursor.fetchall():
                if kind == "year":
                    year = int(str(day)[:4])
                    choices["year"].append((year, str(year)))
                else:
                    choices[kind].append((value, label))
        return choices

    def _filter_choices_apart(self):
        """`filter_choices` on a database START_OF_YEAR has no expression for: three queries."""
        stories = public(StoryPage.objects.child_of(self).live(), opened=self.path)
        written = stories.filter(alias_of__isnull=True)
        tags = Tag.objects.filter(exchanges_storytag_items__content_object__in=written).distinct()
        return {
            "town": list(Town.objects.filter(locale_id=self.locale_id).values_list("slug", "name")),
            "year": [
                (day.year, str(day.year)) for day in stories.dates("date", "year", order="DESC")
            ],
            "tag": list(tags.order_by("name").values_list("slug", "name")),
        }

    def _years_query(self, start_of_year, public_sql):
        """`WITH RECURSIVE years(day)`: the day of the latest live story of each year there are
        stories of this overview in, the latest first (then a NULL), for `filter_choices`: it
        steps down the index story_newest_first from the latest story to the latest of the year
        before (a few index entries a year), not through every story. Its
        parameters are the overview's children's path pattern, depth, `True` and the
        patterns of `public_sql` (which leaves the private stories out), twice."""
        story, page = StoryPage._meta, Page._meta
        latest = (
            f"SELECT s.date FROM {story.db_table} s INNER JOIN {page.db_table} p"  # noqa: S608 (names of our tables)
            f" ON p.id = s.{story.pk.column}"
            " WHERE p.path LIKE %s AND p.depth = %s AND p.live = %s"
            f"{public_sql}{{before}}"
            " ORDER BY s.date DESC LIMIT 1"
        )
        return (
            f"WITH RECURSIVE years(day) AS (SELECT ({latest.format(before='')})"  # noqa: S608
            f" UNION ALL SELECT ({latest.format(before=f' AND s.date < {start_of_year}')})"
            " FROM years WHERE years.day IS NOT NULL)"
        )

    def serve(self, request, *args, **kwargs):
        form = StoryFilterForm(request.GET, index=self)
        if form.renamed_tag:
            # An old address of a tag by its numbered slug ("?tag=corona_1"), which showed
            # every story: to the address its links give now, with what the overview reads of
            # it (its valid filters and page number), not any other parameter: a long one made
            # the address too long to redirect to (a 400).
            page = request.GET.get("page", "")
            query = {**form.selected(), "tag": form.renamed_tag}
            if page.isdigit() and len(page) < 10:
                query["page"] = page
            return HttpResponsePermanentRedirect(f"{request.path}?{urlencode(query)}")
        return super().serve(request, *args, filter_form=form, **kwargs)

    def get_context(self, request, *args, filter_form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = filter_form or StoryFilterForm(request.GET, index=self)

        def listing():
            stories = form.filter(self.stories())
            # Every filter is of a story's own fields or links: only the whole list is counted
            # on the page table alone.
            counted = stories if form.is_filtered() else self.stories_counted()
            paginator = CountedPaginator(stories, STORIES_PER_PAGE, counted=counted)
            page = paginator.get_page(request.GET.get("page"))
            page.object_list = with_renditions(with_localized_sectors(page.object_list))
            return page

        # Queried only when the template shows the listing, not when it comes from the cache.
        context.update(
            filter_form=form,
            stories=SimpleLazyObject(listing),
            query_string=form.query_string(),
            # An unknown tag is named on the page: its own entry, forgotten once rendered
            # (`StoryFilterForm.filter`), so that made-up tags add no entries.
            listing_key=form.listing_key(page=page_key(request.GET.get("page")))
            + (f"&{urlencode({'unknown_tag': form.unknown_tag})}" if form.unknown_tag else ""),
        )
        return context


class StoryPage(
    ViewRestrictionsMixin, ContributionMixin, LocalizedSectorsMixin, LeadImageMixin, Page
):
    """A story of the twinning (an exchange, a meeting, …): who met whom, where, and what came
    of it."""

    contribution_kind = "story"
    named_in_feeds = ("author",)

    # Empty in a draft only (`missing_for_review`): every live story has its date, which its
    # listings, feeds, the open data API and its structured data give.
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("When what the story tells of happened.")
    )
    intro = models.TextField(_("introduction"), help_text=_("Two or three sentences."))
    body = StreamField(StoryStreamBlock(), verbose_name=_("body"), blank=True)
    image_caption = models.CharField(
        _("caption"), max_length=250, blank=True, help_text=_("Shown under the image.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    tags = ClusterTaggableManager(through=StoryTag, blank=True, verbose_name=_("tags"))

    objects = StoryManager()
    sector_links_name = "story_sectors"
    base_form_class = StoryPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [*LeadImageMixin.image_panels, FieldPanel("image_caption")], heading=_("Image")
        ),
        FieldPanel("body"),
        # A heading for the panel, a label for each of its items: Wagtail numbers the items and
        # words its add button with the label ("Gemeinde 1", "Voeg gemeente toe").
        InlinePanel("story_sectors", heading=_("Sectors"), label=_("sector")),
        InlinePanel("story_towns", heading=_("Towns involved"), label=_("town")),
        FieldPanel("tags"),
        FieldPanel("author"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    # The member who wrote it and the towns it tells of are no words to translate: the
    # translation editor offers neither (it showed her account's number, with a button to change
    # it, and each town as a snippet "0 / 1 translated"); translations take the original's
    # towns, each in the translation's language (`StoryTown.save`).
    override_translatable_fields = [
        SynchronizedField("author", overridable=False),
        SynchronizedField("story_towns", overridable=False),
    ]
    # The open data API (jumelage/api.py): of the author only the name the story shows.
    api_fields = [
        APIField("date"),
        APIField("intro"),
        APIField("body"),
        APIField("author_name", serializer=CharField(read_only=True)),
        APIField("towns", serializer=TownsField()),
        APIField("sectors", serializer=SectorsField()),
        APIField("tags"),
        APIField("image", serializer=LeadImageField()),
    ]

    parent_page_types = ["exchanges.StoryIndexPage"]
    subpage_types = []

    class Meta:
        # Not "exchange story": members tell of any meeting between the towns, and their list
        # of contributions, the admin and a slug made of the kind (contributions.slug_for)
        # called every story an exchange (outsider's walk of 2026-12-05).
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        # Listings show the newest first and stop after a page: with this index the database
        # reads a page's worth of stories instead of sorting all of them.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="story_newest_first")]

    def clean(self):
        """What a story needs, for the admin and the members' form alike (its full_clean)."""
        super().clean()
        if self.date and not FIRST_STORY_DATE <= self.date <= timezone.localdate():
            raise ValidationError({"date": _("Choose a date between 1900 and today.")})
        if self.live and self.date is None and not getattr(self, "needs_asked_by_form", False):
            # Wagtail cleans a story it publishes by any path past the forms (an approval, a
            # scheduled revision, a translation): a draft may lack its date, a live story not.
            raise ValidationError({"date": DATE_NEEDED})

    def missing_for_review(self):
        """Its date and the towns involved: a draft may do without, publishing or sending it to
        the editors asks (the members' form, `StoryPageForm`)."""
        missing = {}
        if self.date is None:
            missing["date"] = DATE_NEEDED
        if not self.story_towns.all():
            missing["story_towns"] = TOWNS_NEEDED
        return missing

    def forget_contributor(self, user):
        """The member who wrote the story is its author, here and in its revisions. Its byline
        names them live (`user:<id>`): no page shows them as kept."""
        StoryPage.objects.filter(pk=self.pk, author=user).update(author=None)
        for revision in self.revisions.all():
            if revision.content.get("author") == user.pk:
                revision.content["author"] = None
                revision.save(update_fields=["content"])
        return False

    @property
    def towns(self):
        """The towns of the story, in its links' order: as `StoryQuerySet.for_listing` read them
        in its row, else from its links."""
        rows = getattr(self, TOWN_LINKS, NOT_READ)
        if rows is NOT_READ:
            links = [[link.sort_order, link.pk, link] for link in self.story_towns.all()]
            return [link.town for (link,) in in_link_order(links)]
        return [from_values(Town, TOWN_FIELDS, row) for row in in_link_order(rows)]

    def related_stories(self, limit=3):
        """Other public stories written in this story's language that share a sector with it
        (first) or a town, newest first. They are among the newest `limit` of its sectors and
        the newest `limit` of its towns, each read through the index story_newest_first, so one
        query sorts a handful of stories, not every story of a town, with their towns and
        sectors in their rows; then the cards' renditions: a bounded number of queries, and
        time, whatever the number of stories."""
        # This story's sectors in every language, as values: its links come in its own row and
        # the sector pages are read once a request. (A subquery would hide from the planner how
        # many stories a sector has, and it would sort all of them instead of stepping down the
        # index.) Its towns as a subquery.
        sector_ids = [
            version
            for sector_id in linked_sector_ids(self)
            if (sector := sector_pages()["by_id"].get(sector_id)) is not None
            for version in sector_versions(sector)
        ]
        town_keys = StoryTown.objects.filter(page_id=self.pk).values("town__translation_key")
        # The candidates from the stories' own rows alone: the cards' columns and the JSON of
        # their links are read for the few found, not built (and cloned, and planned) into
        # each subquery.
        others = (
            StoryPage.objects.live()
            .public()
            .written_in(self.locale_id)
            .exclude(pk=self.pk)
            .order_by("-date", "-pk")
        )
        same_sector = Exists(
            StorySector.objects.filter(page=OuterRef("pk"), sector_id__in=sector_ids)
        )
        same_town = Exists(
            StoryTown.objects.filter(page=OuterRef("pk"), town__translation_key__in=town_keys)
        )
        newest = (
            StoryPage.objects.order_by()
            .filter(pk__in=others.filter(same_sector).values("pk")[:limit])
            .values("pk")
            .union(
                StoryPage.objects.order_by()
                .filter(pk__in=others.filter(same_town).values("pk")[:limit])
                .values("pk")
            )
        )
        stories = (
            StoryPage.objects.for_listing()
            .filter(pk__in=newest)
            .annotate(same_sector=same_sector)
            .order_by("-same_sector", "-date", "-pk")
        )
        return with_renditions(with_localized_sectors(stories[:limit]))

    def tag_filters(self):
        """The story's tags as (value in the overview's address, name), for links to the
        overview filtered by each."""
        return [(tag_filter_value(tag.slug, tag.name), tag.name) for tag in self.tags.all()]

    def purged_along(self, overview_path):
        """What a caching proxy purges with the page (home/frontend_cache.py) besides the pages
        that list it: its overview filtered by each of its tags, the addresses its page links
        (`tag_filters`), which the page cache sends `public` for `s-maxage` (attack 37).
        `overview_path`: the overview's, None when it has no address."""
        if overview_path is None or not self.tags_filter_the_overview:
            return []
        return [f"{overview_path}?{urlencode({'tag': v})}" for v, _name in self.tag_filters()]

    @property
    def tags_filter_the_overview(self):
        """Whether the overview above this story filters by its tags, so that its page may
        link them there: the overview offers the tags of the stories written in its language
        (`StoryIndexPage.filter_choices`), not those an untranslated story (an alias) keeps,
        words of its source's language. A link to a filter it does not offer would show every
        story under "Tag: All"."""
        return self.alias_of_id is None

    @property
    def author_name(self):
        if self.author:
            return self.author.public_name
        return _("former member") if self.member_contribution else ""


class StorySector(Orderable):
    """A sector community a story belongs to. wagtail-localize keeps page references as they
    are (pointing to the source language); listings show the sector in the reader's language
    through `with_localized_sectors`."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_sectors")
    sector = models.ForeignKey(
        "community.SectorPage", verbose_name=_("sector"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("sector")]

    class Meta(Orderable.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        # The stories of a sector, for the overview's filter (`StoryQuerySet.in_sector`) from
        # the index alone.
        indexes = [models.Index(fields=["sector", "page"], name="story_sector_pages")]


class StoryTown(TranslatableMixin, Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_towns")
    town = models.ForeignKey(
        "community.Town", verbose_name=_("town"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("town")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("town")
        verbose_name_plural = _("towns")
        # The stories of a town, for the overview's filter (`StoryQuerySet.in_town`).
        indexes = [models.Index(fields=["town", "page"], name="story_town_pages")]

    def save(self, *args, **kwargs):
        """A story's town is named in the story's language: its translations take the towns of
        the original (`StoryPage.override_translatable_fields`), each link the town's version
        in the link's language where there is one."""
        if self.town_id is not None and self.locale_id not in (None, self.town.locale_id):
            version = Town.objects.filter(
                translation_key=self.town.translation_key, locale_id=self.locale_id
            ).first()
            if version is not None:
                self.town = version
        super().save(*args, **kwargs)
