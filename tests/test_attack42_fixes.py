"""Fixes of attack pass 42 beyond its own tests (tests/test_attack42.py)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import constants, get_messages
from wagtail.models import Page

from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from tests.base import BilingualSiteTestCase

User = get_user_model()


class TheRootIsNobodysPageTests(BilingualSiteTestCase):
    """The tree's root is no page anyone locks, unlocks or moves, an administrator neither:
    refused as Wagtail refuses its editor, deletion and move (its "no permission" answer), before
    Wagtail's view fails on the root's parent. The explorer still opens it and orders the homes
    below it."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        cls.editor = User.objects.create_user("redactie@example.org", "x")
        cls.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        cls.administrator = User.objects.create_superuser("beheer@example.org", "x")

    def refused(self, response):
        errors = [m for m in get_messages(response.wsgi_request) if m.level == constants.ERROR]
        return response.status_code == 302 and response["Location"] == "/admin/" and errors

    def test_locking_unlocking_or_moving_the_root_is_refused_to_everyone(self):
        root = Page.get_first_root_node()
        before = Page.objects.values_list("pk", "path", "locked", "locked_by").order_by("pk")
        before = list(before)
        for user in (self.editor, self.administrator):
            self.client.force_login(user)
            for action in ("lock", "unlock", "set_position", f"move/{self.home.pk}/confirm"):
                with self.subTest(user=user.email, action=action):
                    answer = self.client.post(f"/admin/pages/{root.pk}/{action}/")
                    self.assertTrue(self.refused(answer))
        after = Page.objects.values_list("pk", "path", "locked", "locked_by").order_by("pk")
        self.assertEqual(list(after), before)

    def test_the_explorers_own_requests_are_refused_with_403(self):
        self.client.force_login(self.editor)
        root = Page.get_first_root_node()
        answer = self.client.post(
            f"/admin/pages/{root.pk}/set_position/?position=0",
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        self.assertEqual(answer.status_code, 403)

    def test_the_explorer_still_opens_the_root_and_orders_the_homes(self):
        self.client.force_login(self.administrator)
        root = Page.get_first_root_node()
        self.assertEqual(self.client.get(f"/admin/pages/{root.pk}/").status_code, 200)
        answer = self.client.post(f"/admin/pages/{self.home_de.pk}/set_position/?position=0")
        self.assertEqual(answer.status_code, 200)
        self.assertEqual(list(root.get_children()), [self.home_de.page_ptr, self.home.page_ptr])
