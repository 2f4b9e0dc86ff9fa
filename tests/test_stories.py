"""Exchange stories: listing, filters, pagination, feeds, labels and query budgets (search:
test_search.py)."""

import datetime

import feedparser
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.test import SimpleTestCase, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from community.models import Town
from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from exchanges.models import StoryPage
from exchanges.models.stories import DATE_NEEDED
from home.pagination import TOTAL
from home.templatetags.jumelage_tags import page_numbers
from tests.stories_base import StoriesMixin
from tests.test_query_budgets import BUDGET, OVER_BUDGET
from tests.test_roles import form_data


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def needed(language):
    """What publishing a story without its date says, in `language`."""
    with translation.override(language):
        return str(DATE_NEEDED)


def listed_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".card__title a")]


class StoryTestCase(StoriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_stories()


class StoryPagesRenderTests(StoryTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.visit = cls.story(
            title="Bezoek aan Herzebrock-Clarholz",
            slug="bezoek",
            sectors=[cls.climate],
            towns=[cls.steenwijkerland, cls.herzebrock],
            tag_names=["bezoek"],
        )
        cls.visit_de = cls.translated(
            cls.visit,
            title="Besuch in Herzebrock-Clarholz",
            slug="besuch",
            intro="Eine Delegation besuchte die Partnergemeinde.",
        )

    def test_home_page_shows_the_latest_stories_above_its_text_and_the_sectors_below(self):
        page = soup(self.client.get("/de/"))
        self.assertEqual(len(page.select(".hero .hero__emblem")), 2)  # one per sector
        stories = page.find(id="home-stories").find_parent("section")
        self.assertEqual(
            [a.get_text(strip=True) for a in stories.select(".card__title a")],
            ["Besuch in Herzebrock-Clarholz"],
        )
        self.assertEqual(stories.select_one("a.more-link")["href"], "/de/geschichten/")
        sectors = page.find(id="home-sectors").find_parent("section")
        self.assertEqual(
            [a.get_text(strip=True) for a in sectors.select(".card__title a")],
            ["Nachhaltigkeit und Klima", "Landwirtschaft"],
        )
        order = [
            tag.get("id") or "body"
            for tag in page.select("#home-stories, .home-body, #home-sectors")
        ]
        self.assertEqual(order, ["home-stories", "body", "home-sectors"])

    def test_each_page_type_renders_in_dutch_and_german(self):
        pages = {
            "/nl/sectoren/": "Sectoren",
            "/de/fachgruppen/": "Fachgruppen",
            "/nl/sectoren/duurzaamheid/": "Duurzaamheid en klimaat",
            "/de/fachgruppen/nachhaltigkeit/": "Nachhaltigkeit und Klima",
            "/nl/verhalen/": "Verhalen",
            "/de/geschichten/": "Geschichten",
            "/nl/verhalen/bezoek/": "Bezoek aan Herzebrock-Clarholz",
            "/de/geschichten/besuch/": "Besuch in Herzebrock-Clarholz",
        }
        for url, heading in pages.items():
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                page = soup(response)
                self.assertEqual(page.h1.get_text(strip=True), heading)
                self.assertEqual(page.html["lang"], url[1:3])

    def test_story_shows_its_towns_sectors_and_tags(self):
        aside = soup(self.client.get("/de/geschichten/besuch/")).find(
            "aside", class_="story__aside"
        )
        text = aside.get_text(" ", strip=True)
        self.assertIn("Herzebrock-Clarholz", text)
        self.assertIn("Nachhaltigkeit und Klima", text)
        self.assertIn("bezoek", text)

    def test_story_has_open_graph_and_description_meta(self):
        page = soup(self.client.get("/de/geschichten/besuch/"))
        meta = {
            tag.get("property") or tag.get("name"): tag["content"]
            for tag in page.find_all("meta")
            if tag.get("content")
        }
        self.assertEqual(meta["og:title"], "Besuch in Herzebrock-Clarholz")
        self.assertEqual(meta["og:type"], "article")
        self.assertEqual(meta["og:locale"], "de_DE")
        self.assertEqual(meta["og:url"], "http://testserver/de/geschichten/besuch/")
        self.assertEqual(meta["description"], "Eine Delegation besuchte die Partnergemeinde.")

    def test_sector_page_has_open_graph_meta_and_its_own_feed(self):
        page = soup(self.client.get("/de/fachgruppen/nachhaltigkeit/"))
        self.assertEqual(
            page.find("meta", property="og:title")["content"], "Nachhaltigkeit und Klima"
        )
        feeds = [link["href"] for link in page.find_all("link", type="application/rss+xml")]
        self.assertIn("/de/feeds/sectors/nachhaltigkeit.rss", feeds)
        self.assertIn("/de/feeds/stories.rss", feeds)

    def test_every_page_announces_the_story_feeds(self):
        page = soup(self.client.get("/nl/"))
        self.assertEqual(
            page.find("link", type="application/rss+xml")["href"], "/nl/feeds/stories.rss"
        )
        self.assertEqual(
            page.find("link", type="application/atom+xml")["href"], "/nl/feeds/stories.atom"
        )


class EditorsStoryDraftTests(StoryTestCase):
    """An editor writes a story in the admin: a draft may lack what publishing needs."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        cls.editor = get_user_model().objects.create_user("redactie@example.org", "x")
        cls.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))

    def post(self, slug, chosen=(), date="2024-05-01", **action):
        """The admin's form for a new story as the browser sends it: its towns' rows as shown
        (empty), with the title, slug and date filled in."""
        self.client.force_login(self.editor)
        address = f"/admin/pages/add/exchanges/storypage/{self.story_index.pk}/"
        shown = soup(self.client.get(address))
        rows = int(shown.find("input", {"name": "story_towns-TOTAL_FORMS"})["value"])
        towns = [
            {
                "town": "",
                "ORDER": shown.find("input", {"name": f"story_towns-{row}-ORDER"})["value"],
            }
            for row in range(rows)
        ]
        towns += [{"town": town.pk, "ORDER": str(len(towns) + 1)} for town in chosen]
        data = nested_form_data(
            {
                "title": "Fietstocht",
                "slug": slug,
                "date": date,
                "intro": "Met de fiets naar de partnergemeente.",
                "body": streamfield([]),
                "story_sectors": inline_formset([]),
                "story_towns": inline_formset(towns),
                "tags": "",
            }
        )
        return self.client.post(address, {**data, **action})

    def test_a_draft_without_towns_is_saved_and_publishing_asks_for_one(self):
        dutch = self.story_index.locale
        self.assertEqual(self.post("concept").status_code, 302)
        self.assertFalse(StoryPage.objects.get(slug="concept", locale=dutch).live)
        refused = self.post("zonder-gemeente", **{"action-publish": "action-publish"})
        self.assertEqual(refused.status_code, 200)
        self.assertFalse(StoryPage.objects.filter(slug="zonder-gemeente").exists())
        self.assertContains(refused, "Kies ten minste één betrokken gemeente.")
        published = self.post(
            "met-gemeente", [self.steenwijkerland], **{"action-publish": "action-publish"}
        )
        self.assertEqual(published.status_code, 302)
        self.assertTrue(StoryPage.objects.get(slug="met-gemeente", locale=dutch).live)

    def test_bulk_publishing_leaves_a_draft_without_towns_unpublished_and_says_why(self):
        self.assertEqual(self.post("concept").status_code, 302)
        draft = StoryPage.objects.get(slug="concept", locale=self.story_index.locale)
        published = self.client.post(
            f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}", {}, follow=True
        )
        self.assertFalse(StoryPage.objects.get(pk=draft.pk).live)
        self.assertContains(published, "Kies ten minste één betrokken gemeente.")

    def test_approving_a_review_whose_towns_an_editor_removed_since_is_refused(self):
        story = self.story(title="Zomerkamp", slug="zomerkamp", towns=[self.steenwijkerland])
        story.unpublish()
        story.save_revision(user=self.editor)
        story.get_workflow().start(story, self.editor)
        story = StoryPage.objects.get(pk=story.pk)
        story.story_towns = []
        story.save_revision(user=self.editor)  # a draft saved while in review
        task_state = story.current_workflow_state.current_task_state
        other = get_user_model().objects.create_user("redactie2@example.org", "x")
        other.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        with self.assertRaises(PermissionDenied):
            task_state.task.specific.on_action(task_state, other, "approve", comment="")
        self.assertFalse(StoryPage.objects.get(pk=story.pk).live)

    def test_a_draft_without_its_date_is_saved_and_no_path_publishes_it(self):
        """Walk W3: a draft may lack its date; publishing asks for it, by whichever path."""
        dutch = self.story_index.locale
        self.assertEqual(self.post("concept", [self.steenwijkerland], date="").status_code, 302)
        draft = StoryPage.objects.get(slug="concept", locale=dutch)
        self.assertIsNone(draft.date)
        preview = self.client.get(f"/admin/pages/{draft.pk}/view_draft/")
        self.assertEqual(preview.status_code, 200)
        self.assertFalse(soup(preview).select(".story__meta time"))
        with translation.override("nl"):
            refused = self.post(
                "zonder-datum",
                [self.steenwijkerland],
                date="",
                **{"action-publish": "action-publish"},
            )
        self.assertEqual(refused.status_code, 200)
        self.assertFalse(StoryPage.objects.filter(slug="zonder-datum").exists())
        self.assertContains(refused, needed("nl"))
        bulk = self.client.post(
            f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}", {}, follow=True
        )
        self.assertContains(bulk, needed("nl"))
        self.assertFalse(StoryPage.objects.get(pk=draft.pk).live)
        # Past the admin's forms (a scheduled revision, an approval): the page's own clean.
        with translation.override("de"):
            with self.assertRaises(ValidationError) as raised:
                draft.get_latest_revision().publish()
            self.assertEqual(raised.exception.message_dict["date"], [needed("de")])
        self.assertFalse(StoryPage.objects.get(pk=draft.pk).live)

    def test_a_draft_of_a_live_story_may_lack_its_date_until_it_is_published(self):
        story = self.story(title="Zomerkamp", slug="zomerkamp", date=datetime.date(2024, 7, 1))
        edit = f"/admin/pages/{story.pk}/edit/"
        self.client.force_login(self.editor)
        data = {**form_data(self.client.get(edit)), "date": "", "body-count": "0"}
        self.assertEqual(self.client.post(edit, data).status_code, 302)
        draft = StoryPage.objects.get(pk=story.pk).get_latest_revision().as_object()
        self.assertIsNone(draft.date)
        with translation.override("nl"):
            refused = self.client.post(edit, {**data, "action-publish": "action-publish"})
        self.assertContains(refused, needed("nl"))
        self.assertEqual(StoryPage.objects.get(pk=story.pk).date, datetime.date(2024, 7, 1))

    def test_approving_a_review_of_a_story_without_its_date_is_refused(self):
        story = self.story(title="Zomerkamp", slug="zomerkamp")
        story.unpublish()
        story.date = None
        story.save_revision(user=self.editor)
        story.get_workflow().start(story, self.editor)
        task_state = StoryPage.objects.get(pk=story.pk).current_workflow_state.current_task_state
        other = get_user_model().objects.create_user("redactie2@example.org", "x")
        other.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        with self.assertRaises(PermissionDenied):
            task_state.task.specific.on_action(task_state, other, "approve", comment="")
        self.assertFalse(StoryPage.objects.get(pk=story.pk).live)

    def test_a_translation_of_a_draft_without_its_date_is_not_published(self):
        self.assertEqual(self.post("concept", [self.steenwijkerland], date="").status_code, 302)
        draft = StoryPage.objects.get(slug="concept", locale=self.story_index.locale)
        with self.captureOnCommitCallbacks(execute=True):
            TranslationCreator(self.editor, [self.german]).create_translations(draft)
        target = Translation.objects.get(
            source__object_id=draft.translation_key, target_locale=self.german
        )
        german = StoryPage.objects.get(translation_key=draft.translation_key, locale=self.german)
        admin = get_user_model().objects.create_superuser("beheer@example.org", "x")
        self.client.force_login(admin)
        # In the admin's language (the editor chose none: the site's first, Dutch).
        refused = self.client.post(
            f"/admin/pages/{german.pk}/edit/", {"action": "publish"}, follow=True
        )
        self.assertContains(refused, needed("nl"))
        self.assertFalse(StoryPage.objects.get(pk=german.pk).live)
        # wagtail-localize publishes it once the translation is saved (on commit).
        with self.assertRaises(ValidationError) as raised:
            with self.captureOnCommitCallbacks(execute=True):
                target.save_target(user=self.editor, publish=True)
        with translation.override("nl"):
            self.assertEqual(raised.exception.message_dict["date"], [str(DATE_NEEDED)])
        self.assertFalse(
            StoryPage.objects.filter(translation_key=draft.translation_key, live=True).exists()
        )


class LeadImageTests(StoryTestCase):
    def test_a_story_image_needs_alternative_text(self):
        image = get_image_model().objects.create(title="Fietsers", file=get_test_image_file())
        story = StoryPage(
            title="Zonder alt",
            slug="zonder-alt",
            date=datetime.date(2024, 1, 1),
            intro="Tekst",
            image=image,
            image_alt=" ",
        )
        with self.assertRaises(ValidationError) as raised:
            story.full_clean()
        self.assertIn("image_alt", raised.exception.message_dict)

    def test_story_image_is_served_as_responsive_picture_with_alt(self):
        image = get_image_model().objects.create(title="Fietsers", file=get_test_image_file())
        self.story(title="Met foto", slug="met-foto", image=image, image_alt="Fietsers op een dijk")
        page = soup(self.client.get("/nl/verhalen/met-foto/"))
        picture = page.find("figure", class_="story__image").picture
        types = [source["type"] for source in picture.find_all("source")]
        self.assertEqual(types, ["image/avif", "image/webp"])
        self.assertIn("srcset", picture.img.attrs)
        self.assertEqual(picture.img["alt"], "Fietsers op een dijk")


class StoryFilterTests(StoryTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.story(
            title="Klimaat in Steenwijk 2023",
            slug="a",
            date=datetime.date(2023, 4, 1),
            sectors=[cls.climate],
            towns=[cls.steenwijkerland],
            tag_names=["energie"],
        )
        cls.story(
            title="Klimaat in Herzebrock 2023",
            slug="b",
            date=datetime.date(2023, 6, 1),
            sectors=[cls.climate],
            towns=[cls.herzebrock],
            tag_names=["energie", "water"],
        )
        cls.story(
            title="Klimaat in Herzebrock 2024",
            slug="c",
            date=datetime.date(2024, 6, 1),
            sectors=[cls.climate],
            towns=[cls.herzebrock],
            tag_names=["water"],
        )
        farmers = cls.story(
            title="Boeren in Herzebrock 2023",
            slug="d",
            date=datetime.date(2023, 9, 1),
            sectors=[cls.farming],
            towns=[cls.herzebrock],
            tag_names=["energie"],
        )
        farmers.copy_for_translation(cls.german, alias=True)

    def test_listing_is_newest_first(self):
        self.assertEqual(
            listed_titles(self.client.get("/nl/verhalen/")),
            [
                "Klimaat in Herzebrock 2024",
                "Boeren in Herzebrock 2023",
                "Klimaat in Herzebrock 2023",
                "Klimaat in Steenwijk 2023",
            ],
        )

    def test_filters_combine(self):
        response = self.client.get(
            "/nl/verhalen/",
            {"sector": "duurzaamheid", "town": "herzebrock-clarholz", "year": "2023"},
        )
        self.assertEqual(listed_titles(response), ["Klimaat in Herzebrock 2023"])

    def test_tag_filter_combines_with_sector(self):
        response = self.client.get("/nl/verhalen/", {"sector": "duurzaamheid", "tag": "water"})
        self.assertEqual(
            listed_titles(response), ["Klimaat in Herzebrock 2024", "Klimaat in Herzebrock 2023"]
        )

    def test_chosen_filters_stay_selected_in_the_form(self):
        page = soup(self.client.get("/nl/verhalen/", {"sector": "landbouw", "year": "2023"}))
        self.assertEqual(
            page.find("select", attrs={"name": "sector"}).find("option", selected=True)["value"],
            "landbouw",
        )
        self.assertEqual(
            page.find("select", attrs={"name": "year"}).find("option", selected=True)["value"],
            "2023",
        )

    def test_unknown_filter_values_are_ignored(self):
        response = self.client.get(
            "/nl/verhalen/",
            {"sector": "bestaat-niet", "year": "tweeduizend", "town": "herzebrock-clarholz"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(listed_titles(response)), 3)

    def test_no_match_says_so(self):
        response = self.client.get(
            "/nl/verhalen/", {"sector": "landbouw", "town": "steenwijkerland"}
        )
        self.assertContains(response, "Er zijn geen verhalen die aan deze filters voldoen.")

    def test_language_switch_keeps_the_filters_that_mean_the_same(self):
        # The sector's slug is the other language's; a town's slug is the same in both; a tag
        # is a word of the stories' language, so it is not carried over.
        page = soup(
            self.client.get(
                "/nl/verhalen/",
                {"sector": "landbouw", "town": "herzebrock-clarholz", "year": "2023", "tag": "x"},
            )
        )
        switch = page.select_one('.language-switcher a[hreflang="de"]')["href"]
        self.assertEqual(
            switch, "/de/geschichten/?sector=landwirtschaft&year=2023&town=herzebrock-clarholz"
        )
        self.assertEqual(listed_titles(self.client.get(switch)), ["Boeren in Herzebrock 2023"])

    def test_german_listing_filters_by_german_sector_slug(self):
        german = self.client.get("/de/geschichten/", {"sector": "landwirtschaft"})
        self.assertEqual(listed_titles(german), ["Boeren in Herzebrock 2023"])


class PaginationTests(StoryTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.many_stories(15)

    def test_first_page_has_twelve_stories_and_a_link_to_the_next(self):
        response = self.client.get("/nl/verhalen/")
        self.assertEqual(len(listed_titles(response)), 12)
        self.assertEqual(soup(response).find("a", rel="next")["href"], "?page=2")

    def test_second_page_has_the_rest(self):
        self.assertEqual(len(listed_titles(self.client.get("/nl/verhalen/", {"page": 2}))), 3)

    def test_page_links_keep_the_filters(self):
        response = self.client.get("/nl/verhalen/", {"sector": "duurzaamheid", "tag": "bezoek"})
        self.assertEqual(
            soup(response).find("a", rel="next")["href"], "?sector=duurzaamheid&tag=bezoek&page=2"
        )

    def test_page_out_of_range_shows_the_last_page(self):
        self.assertEqual(len(listed_titles(self.client.get("/nl/verhalen/", {"page": 99}))), 3)


class StoryTotalTests(StoryTestCase):
    """The overview says how many stories it lists: counted on Wagtail's page table alone while
    no filter applies, from the stories (their links, their dates) when one does."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.many_stories(3)
        cls.story(
            title="Boeren",
            slug="boeren",
            date=datetime.date(2019, 6, 1),
            sectors=[cls.farming],
            tag_names=["oogst"],
        )
        draft = cls.story(title="Concept", slug="concept")
        draft.unpublish()
        private = cls.story(title="Besloten", slug="besloten")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        # Not a story, though below the overview (as a script could put it there).
        cls.add_page(parent=cls.story_index, title="Geen verhaal", slug="geen-verhaal")

    def total(self, **filters):
        return soup(self.client.get("/nl/verhalen/", filters)).find(class_="result-count").text

    def test_visitor_sees_the_number_of_live_public_stories(self):
        self.assertEqual(self.total(), "4 verhalen")
        # Beyond the last page, counted apart.
        self.assertEqual(self.total(page="99"), "4 verhalen")

    def test_a_filtered_overview_counts_the_stories_it_lists(self):
        self.assertEqual(self.total(sector="landbouw"), "1 verhaal")
        self.assertEqual(self.total(tag="bezoek"), "3 verhalen")
        self.assertEqual(self.total(year="2020", town="steenwijkerland"), "3 verhalen")

    def test_a_story_linking_both_language_versions_is_listed_and_counted_once(self):
        # An editor chose the farming sector and Steenwijkerland in both languages (the admin
        # offers the rows of each).
        german_town = Town.objects.get(
            translation_key=self.steenwijkerland.translation_key, locale=self.german
        )
        story = self.story(
            title="Twee keer gekozen",
            slug="twee-keer",
            date=datetime.date(2019, 7, 1),
            sectors=[self.farming, self.farming_de],
            towns=[self.steenwijkerland, german_town],
        )
        chosen = {"sector": "landbouw", "town": "steenwijkerland"}
        self.assertEqual(self.total(**chosen), "2 verhalen")
        page = soup(self.client.get("/nl/verhalen/", chosen))
        titles = [link.get_text(strip=True) for link in page.select("article h2 a, article h3 a")]
        self.assertEqual(titles, [story.title, "Boeren"])

    def test_the_whole_list_is_counted_without_the_stories_own_table(self):
        with CaptureQueriesContext(connection) as captured:
            self.client.get("/nl/verhalen/")
        listing = next(query["sql"] for query in captured if TOTAL in query["sql"])
        count = listing[listing.index("COUNT(*)") : listing.index(f'AS "{TOTAL}"')]
        self.assertNotIn(StoryPage._meta.db_table, count)


class LongPagerTests(SimpleTestCase):
    def test_a_long_overview_links_the_ends_and_the_pages_around_the_current_one(self):
        page = Paginator(range(10_000), 12).page(400)
        self.assertEqual(page_numbers(page), [1, None, 398, 399, 400, 401, 402, None, 834])


class UntranslatedStoryTests(StoryTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.dutch_only = cls.story(
            title="Alleen in het Nederlands", slug="alleen-nl", sectors=[cls.climate]
        )
        cls.dutch_only.copy_for_translation(cls.german, alias=True)

    def test_german_visitor_sees_untranslated_story_labelled_dutch(self):
        page = soup(self.client.get("/de/geschichten/"))
        card = page.find("a", string="Alleen in het Nederlands").find_parent("article")
        self.assertEqual(card.find(class_="label").get_text(strip=True), "auf Niederländisch")

    def test_untranslated_story_is_on_the_german_sector_page_too(self):
        self.assertIn(
            "Alleen in het Nederlands",
            listed_titles(self.client.get("/de/fachgruppen/nachhaltigkeit/")),
        )

    def test_the_untranslated_storys_card_is_marked_as_dutch(self):
        page = soup(self.client.get("/de/geschichten/"))
        card = page.find("a", string="Alleen in het Nederlands").find_parent("article")
        self.assertEqual(card.find("h3")["lang"], "nl")
        self.assertEqual(card.find(class_="card__intro")["lang"], "nl")
        dutch = soup(self.client.get("/nl/verhalen/"))
        self.assertEqual(dutch.select(".card [lang]"), [])

    def test_german_stories_beside_an_untranslated_one_are_marked_german(self):
        german = self.translated(
            self.story(title="Ook over klimaat", slug="ook-klimaat", sectors=[self.climate]),
            title="Auch zum Klima",
            slug="auch-klima",
        )
        page = soup(self.client.get("/de/geschichten/alleen-nl/"))
        self.assertEqual(page.find("main")["lang"], "nl")
        card = page.find("a", string=german.title).find_parent("article")
        self.assertEqual(card.find_parent(lang=True)["lang"], "de")

    def test_the_interface_around_an_untranslated_story_stays_german(self):
        """The Dutch text is marked Dutch; the German interface around it (breadcrumbs, the facts
        beside the story, the share links) is marked German, not inherited Dutch."""
        page = soup(self.client.get("/de/geschichten/alleen-nl/"))
        self.assertEqual(page.find("main")["lang"], "nl")
        self.assertEqual(page.find("nav", class_="breadcrumbs")["lang"], "de")
        self.assertEqual(page.find("aside", class_="story__aside")["lang"], "de")

    def test_dutch_listing_has_no_language_label(self):
        self.assertIsNone(soup(self.client.get("/nl/verhalen/")).find(class_="label"))


class SectorStoriesTests(StoryTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.story(title="Over het klimaat", slug="klimaat", sectors=[cls.climate])
        cls.story(title="Over de boerderij", slug="boerderij", sectors=[cls.farming])

    def test_sector_page_lists_its_own_stories_only(self):
        self.assertEqual(
            listed_titles(self.client.get("/nl/sectoren/duurzaamheid/")), ["Over het klimaat"]
        )
        self.assertEqual(
            listed_titles(self.client.get("/nl/sectoren/landbouw/")), ["Over de boerderij"]
        )


class FeedTests(StoryTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        climate_story = cls.story(
            title="Zonnepanelen op de sporthal",
            slug="zon",
            sectors=[cls.climate],
            date=datetime.date(2024, 3, 2),
        )
        cls.translated(climate_story, title="Solardach auf der Sporthalle", slug="solar")
        cls.story(
            title="Melkveehouders op bezoek",
            slug="melk",
            sectors=[cls.farming],
            date=datetime.date(2024, 4, 2),
        ).copy_for_translation(cls.german, alias=True)

    def parse(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        return feed

    def test_dutch_rss_feed_lists_dutch_stories(self):
        feed = self.parse("/nl/feeds/stories.rss")
        self.assertEqual(feed.version, "rss20")
        self.assertEqual(feed.feed.language, "nl")
        self.assertEqual(
            [e.title for e in feed.entries],
            ["Melkveehouders op bezoek", "Zonnepanelen op de sporthal"],
        )
        self.assertEqual(feed.entries[1].link, "http://testserver/nl/verhalen/zon/")

    def test_german_atom_feed_lists_german_stories_and_labels_untranslated_ones(self):
        feed = self.parse("/de/feeds/stories.atom")
        self.assertEqual(feed.version, "atom10")
        self.assertEqual(
            [e.title for e in feed.entries],
            ["Melkveehouders op bezoek (auf Niederländisch)", "Solardach auf der Sporthalle"],
        )
        self.assertEqual(feed.entries[1].link, "http://testserver/de/geschichten/solar/")

    def test_sector_feed_lists_the_sectors_stories(self):
        feed = self.parse("/nl/feeds/sectors/landbouw.rss")
        self.assertEqual([e.title for e in feed.entries], ["Melkveehouders op bezoek"])
        self.assertEqual(
            self.parse("/de/feeds/sectors/nachhaltigkeit.atom").entries[0].title,
            "Solardach auf der Sporthalle",
        )

    def test_unknown_sector_feed_is_not_found(self):
        self.assertEqual(self.client.get("/nl/feeds/sectors/bestaat-niet.rss").status_code, 404)

    def test_feed_can_be_cached_by_readers(self):
        self.assertIn("max-age", self.client.get("/nl/feeds/stories.rss")["Cache-Control"])


@override_settings(CACHE_RENDERED_HTML=False, CONTENT_CACHE_SECONDS=0, PAGE_CACHE_SECONDS=0)
class QueryBudgetTests(StoriesMixin, TestCase):
    """Pages cost the same number of queries whatever the number of stories, with every cache
    off. The ceiling is the highest of tests/test_query_budgets.py's (issue 14 asks for 12)."""

    BUDGET = max(OVER_BUDGET.values(), default=BUDGET)

    def queries(self, url):
        # The first visit fills the content cache (routes, navigation), as on a running server.
        self.client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(captured)

    def test_story_index_and_sector_page_with_5_and_100_stories(self):
        self.build_stories()
        self.many_stories(5)
        few = {
            url: self.queries(url)
            for url in (
                "/nl/verhalen/",
                "/nl/sectoren/duurzaamheid/",
                "/nl/verhalen/?sector=duurzaamheid&year=2020",
            )
        }
        self.many_stories(95, first=5)
        for url, count in few.items():
            with self.subTest(url=url):
                many = self.queries(url)
                self.assertEqual(
                    many, count, f"{url}: {count} queries with 5 stories, {many} with 100"
                )
                self.assertLessEqual(many, self.BUDGET)
