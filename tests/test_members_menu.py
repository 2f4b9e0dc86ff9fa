"""A members' page in the main menu is named to those who may open it: every logged-in member for
a page "for members", the group's members for a group's page, nobody for a page behind a password,
and no visitor ever, also when the page comes from the page cache. Before, private pages were in
nobody's menu, so members could not find the members' section (second walk of 2026-12-05, F5)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client, TestCase, override_settings
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from tests.calendar_base import CalendarMixin

MEMBERS_ROOM = '<a href="/nl/ledenkamer/"'
BOARD_ROOM = '<a href="/nl/bestuurskamer/"'
SAFE = '<a href="/nl/kluis/"'


def restrict(page, kind, groups=(), password=""):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password=password
    )
    restriction.groups.set(groups)


class MembersMenuTestCase(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.board = Group.objects.create(name="Bestuur")
        pages = {}
        for title, slug in (
            ("Ledenkamer", "ledenkamer"),
            ("Bestuurskamer", "bestuurskamer"),
            ("Kluis", "kluis"),
        ):
            pages[slug] = StandardPageFactory(
                parent=cls.home, title=title, slug=slug, show_in_menus=True
            )
        with cls.captureOnCommitCallbacks(execute=True):
            restrict(pages["ledenkamer"], PageViewRestriction.LOGIN)
            restrict(pages["bestuurskamer"], PageViewRestriction.GROUPS, [cls.board])
            restrict(pages["kluis"], PageViewRestriction.PASSWORD, password="geheim-123")
        cls.german_room = cls.translated(pages["ledenkamer"], title="Mitgliederraum")
        User = get_user_model()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        cls.board_member = User.objects.create_user("bestuur@example.org", "x")
        cls.board_member.groups.add(cls.board)

    def reader(self, user=None):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    def menu_of(self, client, url="/nl/agenda/"):
        response = client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()


class MembersMenuTests(MembersMenuTestCase):
    def test_a_visitor_reads_none_of_them(self):
        page = self.menu_of(self.reader())
        for entry in (MEMBERS_ROOM, BOARD_ROOM, SAFE, "Ledenkamer", "Bestuurskamer", "Kluis"):
            self.assertNotIn(entry, page)

    def test_a_member_finds_the_members_page_in_both_menus_and_in_both_languages(self):
        page = self.menu_of(self.reader(self.member))
        self.assertEqual(page.count(MEMBERS_ROOM), 2, "the bar's menu and the phone menu")
        self.assertNotIn(BOARD_ROOM, page)
        self.assertNotIn(SAFE, page)
        german = self.menu_of(self.reader(self.member), self.calendar_de.url)
        self.assertIn(f'<a href="{self.german_room.url}"', german)
        self.assertIn("Mitgliederraum", german)

    def test_the_groups_member_finds_the_groups_page_too(self):
        page = self.menu_of(self.reader(self.board_member))
        self.assertIn(MEMBERS_ROOM, page)
        self.assertIn(BOARD_ROOM, page)
        self.assertNotIn(SAFE, page)

    def test_a_password_given_does_not_put_its_page_in_the_menu(self):
        page = self.menu_of(self.reader(self.board_member))
        self.assertNotIn("Kluis", page)

    def test_the_members_page_itself_is_marked_as_the_current_section(self):
        page = self.menu_of(self.reader(self.member), "/nl/ledenkamer/")
        self.assertIn(f'{MEMBERS_ROOM} aria-current="page">Ledenkamer</a>', page)


@override_settings(PAGE_CACHE_SECONDS=300)
class MembersMenuFromThePageCacheTests(MembersMenuTestCase):
    def test_the_cached_page_names_it_to_members_only(self):
        visitor, member = self.reader(), self.reader(self.member)
        for _ in range(2):  # kept by the first visit, served from the cache by the second
            self.assertNotIn(MEMBERS_ROOM, self.menu_of(visitor))
            member_page = self.menu_of(member)
            self.assertEqual(member_page.count(MEMBERS_ROOM), 2)
            self.assertNotIn(BOARD_ROOM, member_page)
        self.assertIn(BOARD_ROOM, self.menu_of(self.reader(self.board_member)))
        self.assertNotIn(MEMBERS_ROOM, self.menu_of(self.reader()))
