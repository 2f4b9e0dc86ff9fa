"""The story overview's filters offer the towns of its language and the years and tags there are
stories for, found without reading every story, in one query: the same choices, and the same
number of queries with three times as many stories."""

import datetime

from bs4 import BeautifulSoup
from django import forms
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from community.models import Town
from exchanges.forms import FilterSelect
from exchanges.models import StoryPage
from home.cache import restricted_paths, versions_for_request
from tests.stories_base import StoriesMixin


def choices_by_reading_every_story(index):
    """The choices as the overview offered them before, from every story of the overview."""
    stories = StoryPage.objects.child_of(index).live()
    written = stories.filter(alias_of__isnull=True)
    tags = Tag.objects.filter(exchanges_storytag_items__content_object__in=written).distinct()
    return {
        "town": list(Town.objects.filter(locale_id=index.locale_id).values_list("slug", "name")),
        "year": [(date.year, str(date.year)) for date in stories.dates("date", "year", "DESC")],
        "tag": list(tags.order_by("name").values_list("slug", "name")),
    }


class StoryFilterChoicesTests(StoriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_stories()

    def add_stories(self, count, first):
        for number in range(first, first + count):
            self.story(
                title=f"Verhaal {number}",
                slug=f"verhaal-{number}",
                date=datetime.date(1990 + 3 * number, 5, 1),
                tag_names=["bezoek", f"thema-{number % 3}"],
            )
        # An unpublished story's year and tag are not offered.
        draft = self.story(title="Concept", slug=f"concept-{first}", date=datetime.date(1950, 1, 1))
        draft.tags.add("geheim")
        draft.save_revision()
        draft.unpublish()

    def assert_same_choices(self):
        for index in (self.story_index, self.story_index_de):
            with self.subTest(index=index.title):
                self.assertEqual(index.filter_choices(), choices_by_reading_every_story(index))

    def queries(self, index):
        # As in a request, which reads the private sections with the site's languages first.
        with versions_for_request():
            restricted_paths()
            with CaptureQueriesContext(connection) as captured:
                index.filter_choices()
        return len(captured)

    def test_the_same_choices_as_from_every_story_in_both_languages(self):
        self.add_stories(4, 0)
        german = self.translated(
            StoryPage.objects.get(slug="verhaal-1"), title="Besuch", slug="besuch"
        )
        german.tags.set(["besuch"])
        german.save_revision().publish()
        self.assert_same_choices()
        choices = self.story_index_de.filter_choices()
        # The German overview offers the German story's tag, not its Dutch aliases' tags.
        self.assertEqual(choices["tag"], [("besuch", "besuch")])
        self.assertEqual(
            [year for year, _label in self.story_index.filter_choices()["year"]],
            [1999, 1996, 1993, 1990],
        )

    def test_the_choices_cost_the_same_queries_with_three_times_the_stories(self):
        self.add_stories(3, 0)
        few = self.queries(self.story_index)
        self.add_stories(6, 3)
        self.assertEqual(self.queries(self.story_index), few)
        self.assertEqual(few, 1)
        self.assert_same_choices()


class StoryTagLinkTests(StoriesMixin, TestCase):
    """A story's tags link to its overview filtered by them, where the overview filters by them:
    an untranslated Dutch story in the German tree keeps its Dutch tags, which the German
    overview does not offer, and /de/geschichten/?tag=gemeente showed every story."""

    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        visit = cls.story(title="Bezoek", slug="bezoek", tag_names=["bezoek"])
        german = cls.translated(visit, title="Besuch", slug="besuch")
        german.tags.set(["besuch"])
        german.save_revision().publish()
        untranslated = cls.story(
            title="Grondafspraken", slug="grondafspraken", tag_names=["gemeente", "stichting"]
        )
        untranslated.copy_for_translation(cls.german, alias=True)

    def tags_of(self, url):
        page = BeautifulSoup(self.client.get(url).content, "html.parser")
        return page.find("aside", class_="story__aside").find("ul", class_="tags")

    def test_every_tag_link_leads_to_the_overview_filtered_by_it(self):
        for url in (
            "/nl/verhalen/bezoek/",
            "/nl/verhalen/grondafspraken/",
            "/de/geschichten/besuch/",
            "/de/geschichten/grondafspraken/",
        ):
            for link in self.tags_of(url).find_all("a"):
                with self.subTest(url=url, tag=link.get_text()):
                    overview = BeautifulSoup(self.client.get(link["href"]).content, "html.parser")
                    chosen = overview.find("select", attrs={"name": "tag"}).find(
                        "option", selected=True
                    )
                    self.assertEqual(chosen.get_text(strip=True), link.get_text(strip=True))
                    self.assertIn(url, {a["href"] for a in overview.select(".card a")})

    def test_untranslated_storys_tags_are_shown_in_its_language_without_a_link(self):
        tags = self.tags_of("/de/geschichten/grondafspraken/")
        self.assertEqual([li.get_text(strip=True) for li in tags("li")], ["gemeente", "stichting"])
        self.assertEqual(tags.find_all("a"), [])
        self.assertEqual(tags["lang"], "nl")
        dutch = self.tags_of("/nl/verhalen/grondafspraken/")
        self.assertEqual(
            [a["href"] for a in dutch("a")],
            ["/nl/verhalen/?tag=gemeente", "/nl/verhalen/?tag=stichting"],
        )
        self.assertFalse(dutch.has_attr("lang"))


class TagsOfOneNameInBothLanguagesTests(StoriesMixin, TestCase):
    """Both languages' stories share one table of tags, whose slugs are unique: the German
    "Corona" beside the Dutch "corona" got the slug "corona_1", which visitors read in the
    overview's address and its filter (walk of 2026-12-06, W13)."""

    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        dutch = cls.story(title="Coronatijd", slug="coronatijd", tag_names=["corona", "online"])
        german = cls.translated(dutch, title="Corona-Zeit", slug="corona-zeit")
        german.tags.set(["Corona", "Online"])
        german.save_revision().publish()
        cls.story(title="Fietstocht", slug="fietstocht", tag_names=["fietsen"])

    def page(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser")

    def test_the_german_overview_filters_by_the_tags_name_without_a_number(self):
        self.assertEqual(Tag.objects.get(name="Corona").slug, "corona_1")
        story = self.page("/de/geschichten/corona-zeit/")
        links = story.find("aside", class_="story__aside").find("ul", class_="tags")("a")
        self.assertEqual(
            [(a["href"], a.get_text()) for a in links],
            [("/de/geschichten/?tag=corona", "Corona"), ("/de/geschichten/?tag=online", "Online")],
        )
        overview = self.page("/de/geschichten/?tag=corona")
        tag = overview.find("select", attrs={"name": "tag"})
        self.assertEqual(
            [(o["value"], o.get_text()) for o in tag("option")],
            [("", "Alle"), ("corona", "Corona"), ("online", "Online")],
        )
        self.assertEqual(tag.find("option", selected=True)["value"], "corona")
        self.assertEqual(
            [a["href"] for a in overview.select(".card h3 a")], ["/de/geschichten/corona-zeit/"]
        )

    def test_the_dutch_overview_keeps_its_own_tag(self):
        overview = self.page("/nl/verhalen/?tag=corona")
        self.assertEqual(
            [a["href"] for a in overview.select(".card h3 a")], ["/nl/verhalen/coronatijd/"]
        )

    def test_one_name_in_two_cases_in_one_language_is_one_choice(self):
        self.story(title="Mondkapjes", slug="mondkapjes", tag_names=["Corona"])
        overview = self.page("/nl/verhalen/?tag=corona")
        values = [o["value"] for o in overview.find("select", attrs={"name": "tag"})("option")]
        self.assertEqual(values.count("corona"), 1)
        self.assertEqual(
            {a["href"] for a in overview.select(".card h3 a")},
            {"/nl/verhalen/coronatijd/", "/nl/verhalen/mondkapjes/"},
        )

    def test_a_tag_in_capitals_or_another_unicode_form_filters_as_its_link_does(self):
        self.story(title="Terras", slug="terras", tag_names=["café"])
        for url, tag, shown in (
            ("/nl/verhalen/?tag=Corona", "corona", "/nl/verhalen/coronatijd/"),
            ("/de/geschichten/?tag=CORONA", "corona", "/de/geschichten/corona-zeit/"),
            # "É" as one sign, and as an "E" followed by a combining accent.
            ("/nl/verhalen/?tag=CAF%C3%89", "café", "/nl/verhalen/terras/"),
            ("/nl/verhalen/?tag=cafe%CC%81", "café", "/nl/verhalen/terras/"),
        ):
            with self.subTest(url=url):
                overview = self.page(url)
                chosen = overview.find("select", attrs={"name": "tag"}).find(
                    "option", selected=True
                )
                self.assertEqual(chosen["value"], tag)
                self.assertEqual([a["href"] for a in overview.select(".card h3 a")], [shown])

    def test_an_old_address_with_a_numbered_slug_leads_to_the_tags_name(self):
        # /de/geschichten/?tag=corona_1, the address of the German "Corona" before its links
        # named it "corona", showed every story (walk of 2026-12-06).
        for url, to in (
            ("/de/geschichten/?tag=corona_1", "/de/geschichten/?tag=corona"),
            ("/nl/verhalen/?tag=corona_1&page=1", "/nl/verhalen/?tag=corona&page=1"),
            ("/de/geschichten/?tag=online_1", "/de/geschichten/?tag=online"),
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 301)
                self.assertEqual(response["Location"], to)

    def test_an_old_tag_address_with_a_long_parameter_is_no_bad_request(self):
        # The redirect repeated every parameter of the address: past Django's 16,384 characters
        # for a Location it raised DisallowedRedirect, a 400 logged with its traceback as a
        # security error (attack 26). A parameter the overview does not read need not follow.
        response = self.client.get("/nl/verhalen/", {"tag": "corona_1", "utm": "x" * 17000})
        self.assertIn(response.status_code, (200, 301))

    def test_an_old_tag_address_keeps_the_filters_and_page_the_overview_reads(self):
        year = StoryPage.objects.get(slug="coronatijd").date.year
        response = self.client.get(
            "/nl/verhalen/",
            {"year": year, "tag": "corona_1", "page": "2", "utm": "x", "sector": "y" * 17000},
        )
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], f"/nl/verhalen/?year={year}&tag=corona&page=2")

    def test_a_tag_no_story_has_is_named_and_shows_no_story(self):
        # Ignored, it showed every story as if they all had it (walk of 2026-12-06).
        for url, language, tag in (
            ("/nl/verhalen/?tag=doesnotexist", "nl", "doesnotexist"),
            ("/de/geschichten/?tag=fietsen", "de", "fietsen"),
            ("/nl/verhalen/?tag=%3Cb%3Evet%3C%2Fb%3E", "nl", "<b>vet</b>"),
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                overview = self.page(url)
                self.assertEqual(overview.select(".card h3 a"), [])
                with translation.override(language):
                    said = gettext("No story has the tag “%(tag)s”.") % {"tag": tag}
                self.assertEqual(
                    overview.select_one(".empty-state p").get_text(" ", strip=True), said
                )
                self.assertNotContains(response, "<b>vet</b>")
        # Another made-up tag is named as it was asked, not as the one before (the content
        # cache), and a tag the stories have still shows them.
        overview = self.page("/nl/verhalen/?tag=bestaatniet")
        self.assertIn("bestaatniet", overview.select_one(".empty-state").get_text())
        self.assertEqual(len(self.page("/nl/verhalen/?tag=fietsen").select(".card h3 a")), 1)

    def test_a_tag_no_story_has_is_the_one_chosen_and_no_count_contradicts_the_message(self):
        # The select read "All" beside "0 stories" under the message that no story has the tag.
        for url, language in (
            ("/nl/verhalen/?tag=onbekend", "nl"),
            ("/de/geschichten/?tag=unbekannt", "de"),
        ):
            with self.subTest(url=url):
                overview = self.page(url)
                chosen = overview.select("select[name=tag] option[selected]")
                self.assertEqual([option.get_text() for option in chosen], [url.split("=")[1]])
                # Sent again (another town, say), the form asks without it: it is disabled.
                self.assertTrue(chosen[0].has_attr("disabled"))
                with translation.override(language):
                    everything = gettext("All")
                options = [o.get_text() for o in overview.select("select[name=tag] option")]
                self.assertEqual(options[0], everything)
                self.assertIsNone(overview.select_one(".result-count"))
                self.assertIn(url.split("=")[1], overview.select_one("[role=status]").get_text())
        # A tag the stories have is chosen as before, counted, and nothing else is disabled.
        overview = self.page("/nl/verhalen/?tag=fietsen")
        chosen = overview.select("select[name=tag] option[selected]")
        self.assertEqual([option["value"] for option in chosen], ["fietsen"])
        self.assertEqual(overview.select("option[disabled]"), [])
        self.assertIsNotNone(overview.select_one(".result-count"))


class LanguageSwitcherKeepsTheTagTests(StoriesMixin, TestCase):
    """The language switcher of a story overview filtered by a tag leads to the other language's
    overview filtered by the tag of the same stories there: tags are words of each story's
    language ("fietsen" is "Radfahren" on the story's German version), so the switcher dropped
    them and the German reader got every story."""

    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        cycling = cls.story(
            title="Fietstocht", slug="fietstocht", tag_names=["fietsen", "bezoek", "corona"]
        )
        cls.tagged_translation(cycling, "Radtour", "radtour", ["Radfahren", "Besuch", "Corona"])
        rain = cls.story(title="Regen meten", slug="regen", tag_names=["school", "water", "bezoek"])
        cls.tagged_translation(rain, "Regen messen", "regen", ["Wasser", "Schule", "Besuch"])
        # Untranslated: the German overview offers none of its tags.
        cls.story(title="Raadsvergadering", slug="raad", tag_names=["gemeente"])

    @classmethod
    def tagged_translation(cls, story, title, slug, tags):
        german = cls.translated(story, title=title, slug=slug)
        german.tags.set(tags)
        german.save_revision().publish()

    def switch(self, url, language):
        """Where the overview at `url` leads in `language`, and the stories listed there."""
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        page = BeautifulSoup(response.content, "html.parser")
        link = page.select_one(f".language-switcher a[hreflang={language}]")["href"]
        there = BeautifulSoup(self.client.get(link).content, "html.parser")
        return link, [a.get_text(strip=True) for a in there.select(".card h3 a")]

    def test_the_other_language_shows_the_translations_of_the_same_stories(self):
        year = StoryPage.objects.get(slug="fietstocht").date.year
        for url, language, to, titles in (
            (f"/nl/verhalen/?tag=fietsen&year={year}", "de", "tag=radfahren", ["Radtour"]),
            ("/de/geschichten/?tag=radfahren", "nl", "tag=fietsen", ["Fietstocht"]),
            ("/nl/verhalen/?tag=bezoek", "de", "tag=besuch", ["Radtour", "Regen messen"]),
            # Two tags of one story: each shows the same story; the one spelled alike reads.
            ("/nl/verhalen/?tag=school", "de", "tag=schule", ["Regen messen"]),
            ("/nl/verhalen/?tag=water", "de", "tag=wasser", ["Regen messen"]),
            ("/de/geschichten/?tag=wasser", "nl", "tag=water", ["Regen meten"]),
            # One word in both languages.
            ("/nl/verhalen/?tag=corona", "de", "tag=corona", ["Radtour"]),
        ):
            with self.subTest(url=url):
                link, shown = self.switch(url, language)
                self.assertIn(to, link.split("?")[1].split("&"))
                self.assertEqual(sorted(shown), titles)
        # What is the same in every language stays beside it.
        link, _shown = self.switch(f"/nl/verhalen/?tag=fietsen&year={year}", "de")
        self.assertIn(f"year={year}", link)

    def test_a_tag_nothing_there_means_is_left_out_not_made_up(self):
        link, _shown = self.switch("/nl/verhalen/?tag=gemeente", "de")
        self.assertEqual(link, "/de/geschichten/")
        link, _shown = self.switch("/nl/verhalen/?tag=bestaatniet", "de")
        self.assertEqual(link, "/de/geschichten/")

    def test_a_dropped_tag_takes_the_page_number_with_it(self):
        # Page 2 of the stories tagged "gemeente" is not page 2 of every German story: the
        # reader starts at the first page of the overview, unfiltered.
        link, _shown = self.switch("/nl/verhalen/?tag=gemeente&page=2", "de")
        self.assertEqual(link, "/de/geschichten/")
        # A tag the other language has keeps its page, as the filtered listing is the same.
        link, _shown = self.switch("/nl/verhalen/?tag=bezoek&page=1", "de")
        self.assertEqual(sorted(link.split("?")[1].split("&")), ["page=1", "tag=besuch"])


class FilterSelectTests(TestCase):
    """The filters' selects are written without Django's widget templates (a tenth of the story
    overview's time): a visitor and her screen reader get what those templates give, escaped."""

    CHOICES = [
        ("", "Alle"),
        ('"><script>alert(1)</script>', '<b>Bold</b> & "quoted"'),
        ("rock&roll", "Rock & Roll"),
        (2024, "2024"),
        ("Group", [("a", "A"), ("b", "B <i>")]),
    ]

    def selects(self, widget, value):
        field = forms.ChoiceField(choices=self.CHOICES, required=False, widget=widget)
        html = field.widget.render("tag", value, attrs={"id": "id_tag", "data-x": 'a"b'})
        select = BeautifulSoup(str(html), "html.parser").select_one("select")
        return select

    def test_the_select_reads_as_djangos_own(self):
        for value in ("", "rock&roll", '"><script>alert(1)</script>', "b", 2024):
            with self.subTest(value=value):
                ours = self.selects(FilterSelect, value)
                djangos = self.selects(forms.Select, value)
                self.assertEqual(ours.attrs, djangos.attrs)
                self.assertEqual(
                    [(o.attrs, o.get_text(), o.parent.get("label")) for o in ours.select("option")],
                    [
                        (o.attrs, o.get_text(), o.parent.get("label"))
                        for o in djangos.select("option")
                    ],
                )
                self.assertEqual(len(ours.select("option[selected]")), 1)
                self.assertNotIn("<script>", str(ours))


class PrivateStoriesOfferNoFilterTests(StoriesMixin, TestCase):
    """A story behind a password or for members only is left out of the overview's listing, and
    of its filters too: its tags and year named it to every visitor (outsider's test, F6)."""

    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        cls.story(
            title="Bezoek", slug="bezoek", date=datetime.date(2024, 5, 1), tag_names=["bezoek"]
        )
        cls.secret = cls.story(
            title="Bestuursoverleg",
            slug="bestuursoverleg",
            date=datetime.date(2001, 5, 1),
            tag_names=["vertrouwelijk-bestuursoverleg"],
        )
        cls.board = cls.story(
            title="Ledenvergadering",
            slug="ledenvergadering",
            date=datetime.date(2002, 5, 1),
            tag_names=["ledenvergadering"],
        )

    def offered(self, name, url="/nl/verhalen/"):
        page = BeautifulSoup(self.client.get(url).content, "html.parser")
        select = page.find("select", attrs={"name": name})
        return {option.get_text(strip=True) for option in select.find_all("option")[1:]}

    def test_a_private_storys_tags_and_year_are_not_offered(self):
        # Offered while they were public, and kept in the content cache.
        self.assertIn("vertrouwelijk-bestuursoverleg", self.offered("tag"))
        self.assertIn("2001", self.offered("year"))
        PageViewRestriction.objects.create(
            page=self.secret, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        PageViewRestriction.objects.create(
            page=self.board, restriction_type=PageViewRestriction.LOGIN
        )
        self.assertEqual(self.offered("tag"), {"bezoek"})
        self.assertEqual(self.offered("year"), {"2024"})
        self.assertEqual(self.story_index.filter_choices()["tag"], [("bezoek", "bezoek")])

    def test_below_a_private_overview_its_readers_are_offered_its_stories_tags(self):
        PageViewRestriction.objects.create(
            page=self.story_index, restriction_type=PageViewRestriction.LOGIN
        )
        PageViewRestriction.objects.create(
            page=self.secret, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        member = get_user_model().objects.create_user("lid@example.org", "x")
        self.client.force_login(member)
        self.assertEqual(self.offered("tag"), {"bezoek", "ledenvergadering"})
