from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from community.localization import sector_pages
from home.cache import refuse_to_keep, remember, shows_query
from home.visibility import below_a_restriction

from .choices import MeetingFormat

EVERYTHING = ("", _("All"))


class FilterSelect(forms.Select):
    """A listing filter's choices, written as Django's select template writes them, without
    rendering a template for each option: the story overview's 49 options (towns, years, tags)
    cost a tenth of its time through the templates."""

    # A value asked for that none of the choices has (a tag no story has): shown chosen after
    # "All", as the listing says it filters by it, and disabled, so that the form sent again
    # asks without it.
    asked = None

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            written = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (option["value"], flatatt(option["attrs"]), option["label"])
                    for option in options
                ),
            )
            if group_name:
                written = format_html('<optgroup label="{}">{}</optgroup>', group_name, written)
            groups.append(written)
        if self.asked is not None:
            asked = format_html('<option value="{0}" selected disabled>{0}</option>', self.asked)
            groups.insert(1, asked)
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            format_html_join("", "{}", ((group,) for group in groups)),
        )


class ListingFilterForm(forms.Form):
    """Filters of a listing. They combine and live in the URL, so a filtered listing can be
    shared as a link; an unknown value is ignored rather than an error."""

    def __init__(self, data, *, index):
        super().__init__(data)
        self.index = index
        in_language = (
            sector
            for sector in sector_pages()["by_id"].values()
            if sector.live
            and sector.locale_id == index.locale_id
            # Nor a private sector (a password, members only) by name (attack of 2026-12-05).
            and not below_a_restriction(sector)
        )
        self.sectors = {
            sector.slug: sector for sector in sorted(in_language, key=lambda item: item.title)
        }
        self.fields["sector"].choices = [EVERYTHING] + [
            (slug, sector.title) for slug, sector in self.sectors.items()
        ]

    def selected(self):
        """The valid values the visitor chose, field by field."""
        chosen = {}
        for name, field in self.fields.items():
            raw = self.data.get(name)
            if raw in (None, ""):
                continue
            try:
                value = field.clean(raw)
            except forms.ValidationError:
                continue
            if value not in (None, ""):
                chosen[name] = value
        return chosen

    def query_string(self, **extra):
        """The chosen filters (and extra parameters) as a query string for links that keep them."""
        return urlencode({**self.selected(), **extra})

    def is_filtered(self):
        return bool(self.selected())

    def listing_key(self, **shown):
        """What the listing shown with this form depends on, for keeping its HTML in the content
        cache: the valid filters, which fields were given a value they refuse (those are marked
        invalid), and what else is `shown` (page number, view). Unknown parameters and the
        spelling of a value do not make another entry. Also says what the page is made of, for
        the page cache (home.cache.shows_query)."""
        chosen = self.selected()
        refused = [name for name in self.fields if self.data.get(name) and name not in chosen]
        shows_query([*self.fields, *shown], {**chosen, **shown})
        return urlencode({**chosen, **shown, "refused": ",".join(refused)})


def page_key(value):
    """The page `Paginator.get_page()` shows for `value`, as far as it is known without counting:
    1 for anything but a whole number, the last page for a number below 1."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return "1"
    return str(number) if number >= 1 else "last"


def tag_filter_value(slug, name):
    """A tag as the story overview's address names it (`?tag=`): its name as taggit makes a slug
    of it. Both languages' stories share one table of tags with unique slugs, so the second of
    "corona" and "Corona" got "corona_1", a number that means nothing to a visitor."""
    return Tag().slugify(name) or slug


def numbered_slug_value(slug):
    """The value in the overview's address (`tag_filter_value`) of the tag whose slug is
    `slug`: old addresses named the second tag of one name by its numbered slug ("corona_1");
    "" when no tag has it."""
    name = Tag.objects.filter(slug=Tag().slugify(slug)).values_list("name", flat=True).first()
    return tag_filter_value(slug, name) if name is not None else ""


def tag_filters(choices):
    """The filter choices (`StoryIndexPage.filter_choices`) with each tag by its value in the
    address, once (tags of one name in other cases are one choice), and `tag_slugs`: the slugs
    of the tags each value stands for."""
    shown, slugs = {}, {}
    for slug, name in choices["tag"]:
        value = tag_filter_value(slug, name)
        shown.setdefault(value, name)
        slugs.setdefault(value, []).append(slug)
    return {**choices, "tag": list(shown.items()), "tag_slugs": slugs}


class StoryFilterForm(ListingFilterForm):
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=FilterSelect)
    town = forms.ChoiceField(label=_("Town"), required=False, widget=FilterSelect)
    year = forms.TypedChoiceField(
        label=_("Year"), required=False, coerce=int, empty_value=None, widget=FilterSelect
    )
    tag = forms.ChoiceField(label=_("Tag"), required=False, widget=FilterSelect)

    def __init__(self, data, *, index):
        super().__init__(data, index=index)
        # Plain data (slugs, names, years): kept in the content cache.
        choices = remember(f"story-filters:{index.pk}", index.filter_choices, build=tag_filters)
        for name in ("town", "year", "tag"):
            self.fields[name].choices = [EVERYTHING, *choices[name]]
        self.tag_slugs = choices["tag_slugs"]
        # A tag asked for that no story here has (`unknown_tag`), and the value by which the
        # overview names the tag of an old address's numbered slug (`renamed_tag`).
        self.unknown_tag = self.renamed_tag = ""
        tag = self.data.get("tag")
        if not tag or tag in self.tag_slugs:
            return
        if tag_filter_value("", tag) in self.tag_slugs:
            # "Corona", or "café" with a combining accent: the tag its links name "corona",
            # filtered and selected as those are (outsider's test).
            self.data = self.data.copy()
            self.data["tag"] = tag_filter_value("", tag)
        elif (renamed := numbered_slug_value(tag)) in self.tag_slugs:
            self.renamed_tag = renamed
        else:
            # Ignored, it showed every story as if they had that tag (walk of 2026-12-06).
            self.unknown_tag = tag
            # Its select showed "All" beside the message that no story has it.
            self.fields["tag"].widget.asked = Truncator(tag).chars(100)

    def is_filtered(self):
        return super().is_filtered() or bool(self.unknown_tag)

    def filter(self, stories):
        if self.unknown_tag:
            # Not one story has it, here: it says so (the overview's template), and shows none.
            refuse_to_keep()
            return stories.none()
        chosen = self.selected()
        if "sector" in chosen:
            stories = stories.in_sector(self.sectors[chosen["sector"]])
        if "town" in chosen:
            stories = stories.in_town(chosen["town"])
        if "year" in chosen:
            stories = stories.in_year(chosen["year"])
        if "tag" in chosen:
            stories = stories.tagged(self.tag_slugs[chosen["tag"]])
        return stories


class MeetingFilterForm(ListingFilterForm):
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=FilterSelect)
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[EVERYTHING, *MeetingFormat.choices],
        widget=FilterSelect,
    )

    def filter(self, meetings):
        chosen = self.selected()
        if "sector" in chosen:
            meetings = meetings.in_sector(self.sectors[chosen["sector"]])
        if "format" in chosen:
            meetings = meetings.with_format(chosen["format"])
        return meetings
