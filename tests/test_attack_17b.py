"""Attack 17b: the members' menu entries, towns of translated stories, aliases' slugs and the
API's translated refusals."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from community.models import Town
from exchanges.models import StoryPage, StoryTown
from tests.stories_base import StoriesMixin
from tests.test_api import ErrorLanguageTests, OpenDataTestCase
from tests.test_members_menu import BOARD_ROOM, MEMBERS_ROOM, MembersMenuTestCase


def dutch_restriction(slug):
    return PageViewRestriction.objects.get(page__slug=slug, page__locale__language_code="nl")


@override_settings(PAGE_CACHE_SECONDS=300)
class MembersMenuAttackTests(MembersMenuTestCase):
    def setUp(self):
        cache.clear()

    def test_member_first_then_visitor(self):
        member, visitor = self.reader(self.board_member), self.reader()
        first = member.get("/nl/agenda/")
        self.assertIn(BOARD_ROOM, first.content.decode())
        for _ in range(2):
            response = visitor.get("/nl/agenda/")
            body = response.content.decode()
            self.assertNotIn("Bestuurskamer", body)
            self.assertNotIn("Ledenkamer", body)
            gz = visitor.get("/nl/agenda/?utm_source=x", HTTP_ACCEPT_ENCODING="gzip")
            self.assertNotIn(b"Bestuurskamer", gz.content)
            head = visitor.head("/nl/agenda/")
            self.assertEqual(head.status_code, 200)

    def test_member_hits_keep_serving_and_cost_no_more(self):
        member = self.reader(self.board_member)
        member.get("/nl/agenda/")
        self.reader().get("/nl/agenda/")
        member.get("/nl/agenda/")
        with CaptureQueriesContext(connection) as queries:
            response = member.get("/nl/agenda/")
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertIn(BOARD_ROOM, response.content.decode())
        # The session's row (database sessions in the tests) and nothing else: the groups came
        # with the remembered account.
        reads = [q["sql"] for q in queries if "django_session" not in q["sql"]]
        self.assertEqual(reads, [])

    def test_left_the_group(self):
        member = self.reader(self.board_member)
        self.assertIn(BOARD_ROOM, self.menu_of(member))
        with self.captureOnCommitCallbacks(execute=True):
            self.board_member.groups.remove(self.board)
        self.assertNotIn(BOARD_ROOM, self.menu_of(member))
        self.assertNotIn(BOARD_ROOM, self.menu_of(member))

    def test_restriction_moves_to_another_group(self):
        member = self.reader(self.board_member)
        self.assertIn(BOARD_ROOM, self.menu_of(member))
        other = Group.objects.create(name="Kas")
        restriction = dutch_restriction("bestuurskamer")
        with self.captureOnCommitCallbacks(execute=True):
            restriction.groups.set([other])
        self.assertNotIn(BOARD_ROOM, self.menu_of(member))

    def test_login_becomes_groups(self):
        member = self.reader(self.member)
        self.assertIn(MEMBERS_ROOM, self.menu_of(member))
        restriction = dutch_restriction("ledenkamer")
        with self.captureOnCommitCallbacks(execute=True):
            restriction.restriction_type = PageViewRestriction.GROUPS
            restriction.save()
            restriction.groups.set([self.board])
        self.assertNotIn(MEMBERS_ROOM, self.menu_of(member))
        self.assertIn(MEMBERS_ROOM, self.menu_of(self.reader(self.board_member)))

    def test_groups_becomes_password(self):
        member = self.reader(self.board_member)
        self.assertIn(BOARD_ROOM, self.menu_of(member))
        restriction = dutch_restriction("bestuurskamer")
        with self.captureOnCommitCallbacks(execute=True):
            restriction.restriction_type = PageViewRestriction.PASSWORD
            restriction.password = "x-geheim-99"
            restriction.save()
            restriction.groups.clear()
        self.assertNotIn(BOARD_ROOM, self.menu_of(member))


class StoryTownsAttackTests(StoriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_stories()

    def test_a_german_story_made_in_the_editor_with_the_dutch_town_row(self):
        # The page editor saves a new page's towns before their locale is set (Wagtail's
        # pre_save gives it), so the remapping saw no locale.
        story = StoryPage(
            title="Radtour",
            slug="radtour",
            date=datetime.date(2026, 5, 1),
            intro="Zwölf Radfahrer.",
            locale=self.german,
            story_towns=[StoryTown(town=self.steenwijkerland)],
        )
        self.story_index_de.add_child(instance=story)
        story.save_revision().publish()
        link = StoryTown.objects.get(page=story)
        self.assertEqual((link.locale_id, link.town.locale_id), (self.german.pk, self.german.pk))

    def test_a_german_towns_slug_changed_in_the_snippets_admin(self):
        # No translation source holds the towns (setup_site and the demo copy them): the German
        # row is edited in the snippets' own form, slug and country included.
        admin = get_user_model().objects.create_superuser("root@example.org", "x")
        self.client.force_login(admin)
        german_town = Town.objects.get(
            translation_key=self.steenwijkerland.translation_key, locale=self.german
        )
        url = f"/admin/snippets/community/town/edit/{german_town.pk}/"
        self.client.post(url, {"name": "Steenwijkerland", "slug": "steenwijk", "country": "DE"})
        self.steenwijkerland.refresh_from_db()
        german_town.refresh_from_db()
        self.assertEqual(
            (german_town.slug, german_town.country),
            (self.steenwijkerland.slug, self.steenwijkerland.country),
        )

    def test_a_slug_another_town_has_in_the_other_language_is_refused(self):
        admin = get_user_model().objects.create_superuser("root@example.org", "x")
        self.client.force_login(admin)
        url = f"/admin/snippets/community/town/edit/{self.steenwijkerland.pk}/"
        data = {"name": "Steenwijkerland", "slug": "herzebrock-clarholz", "country": "NL"}
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)  # the form again, with the error
        self.assertEqual(Town.objects.filter(slug="herzebrock-clarholz").count(), 2)

    def test_the_dutch_towns_new_slug_reaches_the_german_row(self):
        admin = get_user_model().objects.create_superuser("root@example.org", "x")
        self.client.force_login(admin)
        url = f"/admin/snippets/community/town/edit/{self.steenwijkerland.pk}/"
        self.client.post(url, {"name": "Steenwijkerland", "slug": "steenwijk", "country": "NL"})
        self.steenwijkerland.refresh_from_db()
        self.assertEqual(self.steenwijkerland.slug, "steenwijk")
        german_town = Town.objects.get(
            translation_key=self.steenwijkerland.translation_key, locale=self.german
        )
        self.assertEqual(german_town.slug, "steenwijk")


class ApiRefusalsAttackTests(OpenDataTestCase):
    message = ErrorLanguageTests.message

    def test_a_field_name_with_a_line_break_is_refused_in_german_too(self):
        self.assertEqual(
            self.message("/api/v2/pages/?order=a%0Ab"),
            "Nach 'a\nb' kann nicht sortiert werden: Dieses Feld gibt es nicht.",
        )

    def test_random_order_with_search_is_named(self):
        self.assertEqual(
            self.message("/api/v2/pages/?search=fiets&order=random"),
            "order=random kann nicht zusammen mit search= verwendet werden.",
        )


@override_settings(PAGE_CACHE_SECONDS=300)
class MembersMenuAliasAttackTests(MembersMenuTestCase):
    def test_an_alias_of_the_members_page_at_the_top_level_is_named_to_members_only(self):
        room = Page.objects.get(slug="ledenkamer", locale__language_code="nl")
        with self.captureOnCommitCallbacks(execute=True):
            room.create_alias(parent=self.home, update_slug="ledenkamer-2")
        alias = '<a href="/nl/ledenkamer-2/"'
        self.assertNotIn(alias, self.menu_of(self.reader()))
        self.assertNotIn("ledenkamer-2", self.menu_of(self.reader()))
        self.assertIn(alias, self.menu_of(self.reader(self.member)))
