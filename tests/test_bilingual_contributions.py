"""Members' contributions are readable in the other language, in both directions: a German
member's story is on the Dutch site as its labelled original (overview, home page, sector page,
feeds, search), a Dutch member's story on the German site likewise; a machine translation, once
there, takes the original's place, labelled "machine translated" with a link to the original
until an editor reviewed it; nothing is listed twice. `translate_contributions` does the same
for contributions published before."""

import datetime
import io

import feedparser
import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from django.core.management import call_command
from django.db.models import Q
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from exchanges.models import MeetingPage, StoryPage
from home.machine_translation import MachineTranslation, ensure_aliases, mark_reviewed
from tests.calendar_base import year_like
from tests.test_members import MembersTestCase

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def card_of(page, title):
    """The story or meeting card whose title is `title`."""
    [card] = [
        card
        for card in page.select("article.card, article.meeting")
        if card.h3.get_text(strip=True) == title
    ]
    return card


def text_of(element):
    return " ".join(element.get_text(" ").split())


def labels(card):
    return [label.get_text(" ", strip=True) for label in card.select(".label")]


def listed_titles(page):
    return [title.get_text(strip=True) for title in page.select("article h3")]


class BilingualContributionsMixin:
    @classmethod
    def contribute(cls, member, language, kind, **fields):
        """A member's story or meeting proposal, sent through the members' form and approved by
        a moderator, as it happens on the site."""
        client = Client()
        client.force_login(member)
        data = {
            "language": language,
            "body": "",
            "sector": str(cls.climate.pk),
            "photos-TOTAL_FORMS": "0",
            "photos-INITIAL_FORMS": "0",
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "10",
            "submit": "1",
        }
        if kind == "stories":
            data.update(date="2026-05-01", towns=[str(cls.herzebrock.pk)])
        else:
            data.update(
                start=f"{year_like(2030)}-06-01T19:30",
                end=f"{year_like(2030)}-06-01T21:00",
                format="online",
                place_name="",
                town="",
                online_url="https://meet.example.org/treffen",
                spoken_language="nl-de",
                capacity="",
            )
        data.update(fields)
        response = client.post(f"/{language}/members/{kind}/new/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
        model = StoryPage if kind == "stories" else MeetingPage
        page = model.objects.get(title=fields["title"], alias_of=None)
        state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
        state.current_task_state.approve(user=cls.moderator)
        page.refresh_from_db()
        assert page.live
        return page

    @classmethod
    def build_contributions(cls):
        cls.radeln = cls.contribute(
            cls.bernd,
            "de",
            "stories",
            title="Radeln nach Steenwijk",
            intro="Zwölf Einwohner radelten zur Partnergemeinde.",
        )
        cls.fietsen = cls.contribute(
            cls.anna,
            "nl",
            "stories",
            title="Fietsen naar Clarholz",
            intro="Twaalf inwoners fietsten naar de partnergemeente.",
        )
        cls.sprachtreffen = cls.contribute(
            cls.bernd,
            "de",
            "meetings",
            title="Sprachtreffen am Abend",
            intro="Wir sprechen Deutsch und Niederländisch.",
        )

    def machine_translate(self, page, locale, texts):
        """`page` translated into `locale` as the machine translator leaves it: wagtail-localize's
        translation with the translator's text (`texts`: source text -> translation) published,
        and its record, not yet reviewed."""
        source, _created = TranslationSource.update_or_create_from_instance(page)
        translation = Translation.objects.create(source=source, target_locale=locale, enabled=True)
        for segment in source.stringsegment_set.select_related("string", "context"):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": texts.get(segment.string.data, segment.string.data),
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                },
            )
        record = MachineTranslation.objects.create(
            translation=translation,
            status=MachineTranslation.Status.TRANSLATED,
            translated_at=timezone.now(),
        )
        with self.captureOnCommitCallbacks(execute=True):
            translation.save_target(publish=True)
        return record


class WithoutTranslatorTests(BilingualContributionsMixin, MembersTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_contributions()

    def test_a_german_members_story_is_on_the_dutch_overview_labelled_german(self):
        card = card_of(soup(self.client.get("/nl/verhalen/")), "Radeln nach Steenwijk")
        self.assertEqual(labels(card), ["in het Duits"])
        self.assertEqual(card.h3["lang"], "de")
        self.assertEqual(card.h3.a["href"], "/nl/verhalen/radeln-nach-steenwijk/")
        self.assertEqual(card.select_one(".card__intro")["lang"], "de")

    def test_the_description_of_its_picture_is_marked_german_too(self):
        # Walk 11: its card's title and intro said lang="de", its picture's description did not,
        # and a screen reader read the German words with a Dutch voice.
        photo = wagtail_factories.ImageFactory(title="Fietsers")
        StoryPage.objects.filter(Q(pk=self.radeln.pk) | Q(alias_of=self.radeln)).update(
            image=photo, image_alt="Zwölf Radfahrer auf dem Deich"
        )
        StoryPage.objects.filter(Q(pk=self.fietsen.pk) | Q(alias_of=self.fietsen)).update(
            image=photo, image_alt="Twaalf fietsers op de dijk"
        )
        for address in ("/nl/verhalen/", "/nl/embed/stories/"):
            with self.subTest(address=address):
                page = soup(self.client.get(address))
                german = page.find("img", alt="Zwölf Radfahrer auf dem Deich")
                self.assertEqual(german["lang"], "de")
                self.assertFalse(
                    page.find("img", alt="Twaalf fietsers op de dijk").has_attr("lang")
                )

    def test_the_german_story_reads_in_german_on_the_dutch_site_with_a_dutch_notice(self):
        page = soup(self.client.get("/nl/verhalen/radeln-nach-steenwijk/"))
        self.assertEqual(page.main["lang"], "de")
        notice = page.select_one(".language-notice")
        self.assertEqual(notice["lang"], "nl")
        self.assertEqual(
            notice.get_text(" ", strip=True),
            "Deze pagina is nog niet vertaald en wordt getoond in het Duits.",
        )
        self.assertEqual(page.h1.get_text(strip=True), "Radeln nach Steenwijk")
        sector = page.select_one('main a[href="/nl/sectoren/duurzaamheid/"]')
        self.assertEqual(sector.get_text(strip=True), "Duurzaamheid en klimaat")

    def test_the_german_story_is_among_the_latest_on_the_dutch_home_page(self):
        card = card_of(soup(self.client.get("/nl/")), "Radeln nach Steenwijk")
        self.assertEqual(labels(card), ["in het Duits"])

    def test_the_german_story_and_meeting_are_on_the_dutch_sector_page_with_dutch_sectors(self):
        page = soup(self.client.get("/nl/sectoren/duurzaamheid/"))
        story = card_of(page, "Radeln nach Steenwijk")
        self.assertEqual(labels(story), ["in het Duits"])
        self.assertEqual(
            [tag.get_text(strip=True) for tag in story.select(".tags li")],
            ["Duurzaamheid en klimaat"],
        )
        meeting = card_of(page, "Sprachtreffen am Abend")
        self.assertIn("in het Duits", labels(meeting))
        self.assertEqual(meeting.h3.a["href"], "/nl/agenda/sprachtreffen-am-abend/")

    def test_the_german_meeting_is_in_the_dutch_calendar_labelled_german(self):
        card = card_of(soup(self.client.get("/nl/agenda/")), "Sprachtreffen am Abend")
        self.assertIn("in het Duits", labels(card))
        self.assertEqual(card.h3["lang"], "de")
        page = soup(self.client.get(card.h3.a["href"]))
        self.assertEqual(
            text_of(page.select_one(".language-notice")),
            "Deze pagina is nog niet vertaald en wordt getoond in het Duits.",
        )

    def test_the_german_story_is_in_the_dutch_feeds_labelled_german(self):
        rss = self.client.get("/nl/feeds/stories.rss")
        feed = feedparser.parse(rss.content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        titles = [entry.title for entry in feed.entries]
        self.assertIn("Radeln nach Steenwijk (in het Duits)", titles)
        self.assertIn("Fietsen naar Clarholz", titles)
        entry = feed.entries[titles.index("Radeln nach Steenwijk (in het Duits)")]
        self.assertEqual(entry.link, "http://testserver/nl/verhalen/radeln-nach-steenwijk/")
        self.assertEqual(entry.get("language"), "de")  # dc:language

        atom = ElementTree.fromstring(self.client.get("/nl/feeds/stories.atom").content)
        entries = {
            entry.find(f"{ATOM}title").text: entry.get(XML_LANG)
            for entry in atom.iter(f"{ATOM}entry")
        }
        self.assertEqual(entries["Radeln nach Steenwijk (in het Duits)"], "de")
        self.assertIsNone(entries["Fietsen naar Clarholz"])

        sector = feedparser.parse(self.client.get("/nl/feeds/sectors/duurzaamheid.rss").content)
        self.assertIn("Radeln nach Steenwijk (in het Duits)", [e.title for e in sector.entries])

    def test_the_german_story_is_found_by_the_dutch_search_labelled_german(self):
        page = soup(self.client.get("/nl/search/", {"q": "radelten"}))
        [result] = page.select(".search-results li")
        self.assertEqual(result.h2.get_text(strip=True), "Radeln nach Steenwijk")
        self.assertEqual(result.h2["lang"], "de")
        self.assertEqual(result.h2.a["href"], "/nl/verhalen/radeln-nach-steenwijk/")
        self.assertEqual(labels(result), ["in het Duits"])

    def test_a_dutch_members_story_is_on_the_german_site_labelled_dutch(self):
        card = card_of(soup(self.client.get("/de/geschichten/")), "Fietsen naar Clarholz")
        self.assertEqual(labels(card), ["auf Niederländisch"])
        self.assertEqual(card.h3["lang"], "nl")
        sector = card_of(
            soup(self.client.get("/de/fachgruppen/nachhaltigkeit/")), "Fietsen naar Clarholz"
        )
        self.assertEqual(
            [tag.get_text(strip=True) for tag in sector.select(".tags li")],
            ["Nachhaltigkeit und Klima"],
        )
        feed = feedparser.parse(self.client.get("/de/feeds/stories.rss").content)
        self.assertIn("Fietsen naar Clarholz (auf Niederländisch)", [e.title for e in feed.entries])
        [result] = soup(self.client.get("/de/search/", {"q": "fietsten"})).select(
            ".search-results li"
        )
        self.assertEqual(result.h2.a["href"], "/de/geschichten/fietsen-naar-clarholz/")
        self.assertEqual(labels(result), ["auf Niederländisch"])

    def test_a_story_written_in_the_readers_language_has_no_label(self):
        card = card_of(soup(self.client.get("/nl/verhalen/")), "Fietsen naar Clarholz")
        self.assertEqual(labels(card), [])
        self.assertFalse(card.h3.has_attr("lang"))
        page = soup(self.client.get("/nl/verhalen/fietsen-naar-clarholz/"))
        self.assertIsNone(page.select_one(".language-notice"))


class MachineTranslationTests(BilingualContributionsMixin, MembersTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.build_contributions()

    def setUp(self):
        self.record = self.machine_translate(
            self.radeln,
            self.dutch,
            {
                "Radeln nach Steenwijk": "Fietsen naar Steenwijk",
                "Zwölf Einwohner radelten zur Partnergemeinde.": (
                    "Twaalf inwoners fietsten naar de partnergemeente."
                ),
            },
        )

    def test_the_feed_says_which_stories_are_machine_translated(self):
        feed = feedparser.parse(self.client.get("/nl/feeds/stories.rss").content)
        titles = [entry.title for entry in feed.entries]
        self.assertIn("Fietsen naar Steenwijk (machinaal vertaald)", titles)
        mark_reviewed(self.record, None)
        feed = feedparser.parse(self.client.get("/nl/feeds/stories.rss").content)
        self.assertIn("Fietsen naar Steenwijk", [entry.title for entry in feed.entries])

    def test_the_machine_translation_takes_the_originals_place_once(self):
        overview = soup(self.client.get("/nl/verhalen/"))
        titles = listed_titles(overview)
        self.assertEqual(titles.count("Fietsen naar Steenwijk"), 1)
        self.assertNotIn("Radeln nach Steenwijk", titles)
        feed = feedparser.parse(self.client.get("/nl/feeds/stories.rss").content)
        feed_titles = [entry.title for entry in feed.entries]
        self.assertEqual(feed_titles.count("Fietsen naar Steenwijk (machinaal vertaald)"), 1)
        self.assertFalse([title for title in feed_titles if "Radeln" in title])
        results = soup(self.client.get("/nl/search/", {"q": "Steenwijk"})).select(
            ".search-results h2"
        )
        self.assertEqual([r.get_text(strip=True) for r in results], ["Fietsen naar Steenwijk"])
        home = listed_titles(soup(self.client.get("/nl/")))
        self.assertEqual(home.count("Fietsen naar Steenwijk"), 1)
        self.assertNotIn("Radeln nach Steenwijk", home)

    def test_the_page_says_it_was_machine_translated_from_german_and_links_the_original(self):
        page = soup(self.client.get("/nl/verhalen/radeln-nach-steenwijk/"))
        self.assertEqual(page.h1.get_text(strip=True), "Fietsen naar Steenwijk")
        self.assertFalse(page.main.has_attr("lang"))
        [notice] = page.select(".language-notice")
        self.assertEqual(
            text_of(notice),
            "Machinaal vertaald uit het Duits. Lees het origineel",
        )
        link = notice.a
        self.assertEqual(link["href"], "/de/geschichten/radeln-nach-steenwijk/")
        self.assertEqual(link["hreflang"], "de")
        original = soup(self.client.get(link["href"]))
        self.assertEqual(original.h1.get_text(strip=True), "Radeln nach Steenwijk")
        self.assertIsNone(original.select_one(".language-notice"))

    def test_a_dutch_story_machine_translated_into_german_says_so_in_german(self):
        self.machine_translate(
            self.fietsen, self.german, {"Fietsen naar Clarholz": "Radeln nach Clarholz"}
        )
        page = soup(self.client.get("/de/geschichten/fietsen-naar-clarholz/"))
        self.assertEqual(page.h1.get_text(strip=True), "Radeln nach Clarholz")
        [notice] = page.select(".language-notice")
        self.assertEqual(
            text_of(notice),
            "Maschinell aus dem Niederländischen übersetzt. Lesen Sie das Original",
        )
        self.assertEqual(notice.a["href"], "/nl/verhalen/fietsen-naar-clarholz/")
        self.assertEqual(notice.a["hreflang"], "nl")
        card = card_of(soup(self.client.get("/de/geschichten/")), "Radeln nach Clarholz")
        self.assertEqual(labels(card), ["Maschinell übersetzt"])

    def test_cards_and_search_results_are_labelled_machine_translated(self):
        for url in ("/nl/verhalen/", "/nl/", "/nl/sectoren/duurzaamheid/"):
            with self.subTest(url=url):
                card = card_of(soup(self.client.get(url)), "Fietsen naar Steenwijk")
                self.assertEqual(labels(card), ["Machinaal vertaald"])
                self.assertFalse(card.h3.has_attr("lang"))
        [result] = soup(self.client.get("/nl/search/", {"q": "Steenwijk"})).select(
            ".search-results li"
        )
        self.assertEqual(labels(result), ["Machinaal vertaald"])

    def test_once_an_editor_reviewed_it_the_label_goes(self):
        mark_reviewed(self.record, self.moderator)
        page = soup(self.client.get("/nl/verhalen/radeln-nach-steenwijk/"))
        self.assertIsNone(page.select_one(".language-notice"))
        card = card_of(soup(self.client.get("/nl/verhalen/")), "Fietsen naar Steenwijk")
        self.assertEqual(labels(card), [])

    def test_her_page_links_her_story_in_the_language_she_reads_the_site_in(self):
        # The Dutch member page linked the German original although the story is on the Dutch
        # site (walk of 2026-12-06, W7): each language's page links that language's version.
        self.client.force_login(self.bernd)
        for address, title, href in (
            ("/nl/members/", "Fietsen naar Steenwijk", "/nl/verhalen/radeln-nach-steenwijk/"),
            ("/de/members/", "Radeln nach Steenwijk", "/de/geschichten/radeln-nach-steenwijk/"),
        ):
            with self.subTest(address=address):
                table = soup(self.client.get(address)).select_one("#my-contributions ~ table")
                link = table.find("a", string=title)
                self.assertIsNotNone(link, text_of(table))
                self.assertEqual(link["href"], href)
        # Not yet translated: the other language's page, which shows it labelled.
        self.client.force_login(self.anna)
        table = soup(self.client.get("/de/members/")).select_one("#my-contributions ~ table")
        link = table.find("a", string="Fietsen naar Clarholz")
        self.assertEqual(link["href"], "/de/geschichten/fietsen-naar-clarholz/")

    def test_the_original_is_not_labelled(self):
        card = card_of(soup(self.client.get("/de/geschichten/")), "Radeln nach Steenwijk")
        self.assertEqual(labels(card), [])


class QueryBudgetTests(BilingualContributionsMixin, MembersTestCase):
    """Labels cost no query per card: the overviews read as many queries with one German story
    shown on the Dutch site as with many, aliases and machine translations alike."""

    @pytest.fixture(autouse=True)
    def query_budget(self, django_assert_max_num_queries):
        self.at_most = django_assert_max_num_queries

    def german_stories(self, first, count):
        for number in range(first, first + count):
            story = self.story(
                parent=self.story_index_de,
                title=f"Geschichte {number}",
                slug=f"geschichte-{number}",
                intro="Eine Geschichte aus Herzebrock-Clarholz.",
                sectors=[self.climate_de],
                date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
            )
            ensure_aliases(story)
            if number % 2:
                self.machine_translate(story, self.dutch, {})

    def queries(self, url):
        self.client.get(url)  # fills the content cache
        with self.at_most(40) as captured:
            response = self.client.get(url)
        return soup(response), len(captured)

    def test_overviews_cost_the_same_with_one_or_many_stories_from_the_other_language(self):
        self.german_stories(0, 2)
        few = {
            url: self.queries(url)[1]
            for url in ("/nl/verhalen/", "/nl/", "/nl/search/?q=Geschichte")
        }
        self.german_stories(2, 8)
        for url, count in few.items():
            with self.subTest(url=url):
                page, many = self.queries(url)
                self.assertLessEqual(many, count)
                self.assertIn("Machinaal vertaald", page.get_text())


class TranslateContributionsCommandTests(BilingualContributionsMixin, MembersTestCase):
    """German stories published before members' contributions went both ways have no Dutch
    version: the command gives them one."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.earlier = cls.story(
            parent=cls.story_index_de,
            title="Frühere Geschichte",
            slug="fruehere-geschichte",
            intro="Vor dem Update geschrieben.",
            sectors=[cls.climate_de],
            owner=cls.bernd,
            member_contribution=True,
        )
        cls.editors_story = cls.story(
            parent=cls.story_index_de, title="Redaktionsgeschichte", slug="redaktion"
        )

    def run_command(self):
        output = io.StringIO()
        call_command("translate_contributions", stdout=output)
        return output.getvalue()

    def test_an_earlier_german_contribution_is_shown_on_the_dutch_site_after_the_command(self):
        self.assertNotIn(
            "Frühere Geschichte", listed_titles(soup(self.client.get("/nl/verhalen/")))
        )
        output = self.run_command()
        self.assertIn("1 alias(es) made, 0 queued", output)
        card = card_of(soup(self.client.get("/nl/verhalen/")), "Frühere Geschichte")
        self.assertEqual(labels(card), ["in het Duits"])
        # Only members' contributions: an editors' page is the editors' to translate.
        self.assertNotIn(
            "Redaktionsgeschichte", listed_titles(soup(self.client.get("/nl/verhalen/")))
        )
        self.assertIn("0 alias(es) made", self.run_command())

    @override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_TRANSLATOR)
    def test_with_a_translator_it_queues_each_untranslated_contribution_once(self):
        self.assertIn("1 alias(es) made, 1 queued", self.run_command())
        [record] = MachineTranslation.objects.all()
        self.assertEqual(record.translation.target_locale, self.dutch)
        self.assertEqual(record.status, MachineTranslation.Status.WAITING)
        self.assertIn("0 alias(es) made, 0 queued", self.run_command())
        self.assertEqual(MachineTranslation.objects.count(), 1)
        self.assertTrue(
            Page.objects.filter(
                translation_key=self.earlier.translation_key, locale=self.dutch
            ).exists()
        )
