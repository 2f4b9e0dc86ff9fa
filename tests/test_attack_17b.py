"""Attack 17b: the members' menu entries, towns of translated stories, aliases' slugs and the
API's translated refusals."""

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

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
