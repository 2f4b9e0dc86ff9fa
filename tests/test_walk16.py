"""Newcomer's walk 16: pages in one language only."""

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.models import Page, Site
from wagtail_localize.operations import TranslationCreator

from community.models import SectorPage
from exchanges.models import StoryPage
from home.machine_translation import ensure_aliases
from home.models import FoundationSettings
from jumelage.dashboard import OutdatedTranslations
from tests.stories_base import StoriesMixin
from tests.test_members import MembersTestCase
from tests.test_roles import form_data

User = get_user_model()


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class OneLanguageSectorsTests(StoriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        cls.admin = User.objects.create_superuser("beheer@example.org", "een-lang-wachtwoord")

    def card(self, address, title):
        response = self.client.get(address)
        self.assertEqual(response.status_code, 200)
        [card] = [
            card
            for card in soup(response).select(".card")
            if card.select_one(".card__title").get_text(strip=True) == title
        ]
        return card

    def test_an_untranslated_sector_says_on_its_card_what_language_it_is_in(self):
        # "Cultuur en erfgoed" stood on the German overview in Dutch, unmarked, where a story's
        # card says "auf Niederländisch" and marks its text as Dutch.
        culture = self.add_sector("Cultuur en erfgoed", "cultuur")
        card = self.card("/de/fachgruppen/", "Cultuur en erfgoed")
        self.assertEqual(card.select_one(".card__title")["lang"], "nl")
        self.assertEqual(card.select_one(".card__intro")["lang"], "nl")
        self.assertEqual(card.select_one(".label").get_text(strip=True), "auf Niederländisch")
        # Its translated neighbours say nothing of the kind.
        card = self.card("/de/fachgruppen/", "Landwirtschaft")
        self.assertFalse(card.has_attr("lang") or card.select(".label"))
        self.assertFalse(card.select_one(".card__title").has_attr("lang"))
        self.assertTrue(culture.live)

    def add_sector(self, title, slug):
        sector = SectorPage(title=title, slug=slug, purpose="Koren en musea uit beide gemeenten.")
        self.sector_index.add_child(instance=sector)
        sector.save_revision().publish()
        ensure_aliases(sector)
        return sector

    def test_a_sector_the_german_editor_adds_is_on_the_dutch_site_too(self):
        # The German editor's new sector was on the German site only: not on the Dutch
        # overview, and its language switch led to the Dutch home page. A Dutch editor's new
        # page gets its German version (wagtail-localize's alias) as she creates it.
        self.client.force_login(self.admin)
        address = f"/admin/pages/add/community/sectorpage/{self.sector_index_de.pk}/"
        data = {
            **form_data(self.client.get(address)),
            "title": "Jugend und Schule",
            "slug": "jugend-und-schule",
            "purpose": "Schulen und Jugendgruppen beider Gemeinden.",
            "body-count": "0",
            "action-publish": "action-publish",
        }
        response = self.client.post(address, data)
        self.assertEqual(response.status_code, 302)
        german = SectorPage.objects.get(slug="jugend-und-schule", locale=self.german)
        self.assertTrue(german.live)
        dutch = Page.objects.filter(translation_key=german.translation_key, locale=self.dutch)
        dutch = dutch.first()
        self.assertIsNotNone(dutch)
        self.assertEqual(dutch.alias_of_id, german.pk)
        self.assertTrue(dutch.live)

        card = self.card("/nl/sectoren/", "Jugend und Schule")
        self.assertEqual(card.select_one(".label").get_text(strip=True), "in het Duits")
        page = soup(self.client.get("/de/fachgruppen/jugend-und-schule/"))
        switch = page.select_one('a[hreflang="nl"]')
        self.assertEqual(switch["href"], dutch.url)

    def test_an_untranslated_sector_is_on_the_editors_dashboard_until_it_is_translated(self):
        # Both dashboards said "0 translations incomplete or out of date" while the new sector
        # stood untranslated in the other language.
        culture = self.add_sector("Cultuur en erfgoed", "cultuur")
        alias = Page.objects.get(alias_of=culture)
        self.client.force_login(self.admin)
        panel = soup(self.client.get("/admin/")).select_one(
            "[aria-labelledby=jumelage-translations-heading]"
        )
        self.assertTrue(panel.h2.get_text(strip=True).startswith("1 "))
        [row] = panel.select("li")
        self.assertEqual(row["data-step"], "untranslated")
        self.assertIn("Cultuur en erfgoed", row.get_text())
        self.assertEqual(row.a["href"], f"/admin/pages/{alias.pk}/edit/")

        TranslationCreator(self.admin, [self.german]).create_translations(culture)
        steps = [row.step for row in OutdatedTranslations().data()["outdated"]]
        self.assertNotIn("untranslated", steps)


class PublishedContributionTests(MembersTestCase):
    def test_her_published_contribution_says_whom_she_asks_to_change_or_remove_it(self):
        # Walk 16: the row of her published story had no action at all; only deleting her
        # account was left to her.
        self.post_story(self.anna)
        self.approve(self.contribution())
        settings = FoundationSettings.for_site(Site.objects.get(is_default_site=True))
        settings.contact_page = self.add_page(title="Contact", slug="contact")
        settings.save()
        self.client.force_login(self.anna)
        row = soup(self.client.get("/nl/members/")).select_one("#my-contributions ~ table tbody tr")
        self.assertIn("Fietsen naar Clarholz", row.get_text())
        comment = row.select_one(".state__comment")
        self.assertEqual(
            comment.get_text(" ", strip=True),
            "Een gepubliceerde bijdrage kan alleen de redactie nog wijzigen of van de site halen: "
            "vraag het de redactie .",
        )
        self.assertEqual(comment.a["href"], "/nl/contact/")


class WordsWithoutAPhotoTests(MembersTestCase):
    def test_a_caption_without_a_photo_is_not_dropped_unsaid(self):
        # Walk 16: "Nur eine Bildunterschrift" typed into an empty photo slot; the draft was
        # saved ("Ihr Entwurf wurde gespeichert") and the caption gone without a word.
        response = self.post_story(self.anna, **{"photos-0-caption": "Nur eine Bildunterschrift"})
        self.assertEqual(response.status_code, 200)
        page = soup(response)
        self.assertEqual(
            page.select_one('[name="photos-0-caption"]')["value"], "Nur eine Bildunterschrift"
        )
        self.assertIn("Kies de foto bij deze woorden", page.get_text())
        self.assertFalse(StoryPage.objects.filter(title="Fietsen naar Clarholz").exists())


class StaffsMemberAreaTests(MembersTestCase):
    """Walk 16: an editor's or a moderator's "My page" is the member area, and it had no way
    back to the admin she works in; a member's shows none."""

    def admin_links(self, user, language="nl"):
        self.client.force_login(user)
        response = self.client.get(f"/{language}/members/")
        self.assertEqual(response.status_code, 200)
        return [
            link.get_text(strip=True) for link in soup(response).select("main a[href='/admin/']")
        ]

    def test_a_moderator_finds_her_way_back_to_the_admin_in_her_language(self):
        self.assertEqual(self.admin_links(self.moderator), ["Naar de beheeromgeving"])
        self.assertEqual(self.admin_links(self.moderator, "de"), ["Zum Redaktionsbereich"])

    def test_an_editor_does_too(self):
        editor = self.staff_member("redactie@example.org", "Editors")
        self.assertEqual(self.admin_links(editor), ["Naar de beheeromgeving"])

    def test_a_member_is_not_shown_the_admin(self):
        self.assertEqual(self.admin_links(self.anna), [])
