"""Fixes of attack pass 42 beyond its own tests (tests/test_attack42.py)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import constants, get_messages
from django.urls import reverse
from wagtail.models import Page

from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from tests.base import BilingualSiteTestCase
from tests.security.test_role_matrix import admin_patterns

User = get_user_model()
# The arguments by which Wagtail's addresses (and ours) name a revision.
REVISION_KWARGS = ("revision_id", "revision_id_a", "revision_id_b")


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


class RevisionZeroTests(BilingualSiteTestCase):
    """Every admin address that names a revision (walked from the resolver: the page revisions'
    view, revert, unschedule and comparison, our review's preview, a snippet's when one keeps
    revisions) answers revision 0 as an id no revision has. Wagtail's page revert took it for
    "no revision" and failed (attack 42); the others looked it up and found nothing."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        cls.editor = User.objects.create_user("redactie@example.org", "x")
        cls.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        cls.revision = cls.home.save_revision(user=cls.editor)

    def addresses(self):
        routes = [
            (name, kwargs)
            for _key, _route, name, kwargs in admin_patterns()
            if set(REVISION_KWARGS) & set(kwargs)
        ]
        names = [name for name, _kwargs in routes]
        self.assertIn("wagtailadmin_pages:revisions_revert", names)
        self.assertIn("wagtailadmin_pages:revisions_compare", names)
        for name, kwargs in routes:
            for zero in set(REVISION_KWARGS) & set(kwargs):
                values = {kwarg: 0 if kwarg == zero else self.value(kwarg) for kwarg in kwargs}
                yield reverse(name, kwargs=values)

    def value(self, kwarg):
        if kwarg in REVISION_KWARGS:
            return self.revision.pk
        return self.home.pk  # the page (`page_id`, `pk`); any other id

    def test_revision_zero_is_not_found_at_every_address_that_names_one(self):
        self.client.force_login(self.editor)
        self.client.raise_request_exception = False
        for path in self.addresses():
            for method in ("GET", "POST"):
                with self.subTest(path=path, method=method):
                    self.assertEqual(self.client.generic(method, path).status_code, 404)
