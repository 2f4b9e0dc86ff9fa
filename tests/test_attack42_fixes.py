"""Fixes of attack pass 42 beyond its own tests (tests/test_attack42.py)."""

import unittest
import uuid

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group
from django.contrib.messages import constants, get_messages
from django.db import connection
from django.test import Client, TransactionTestCase
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from exchanges.models import StoryPage
from jumelage.form_posts import REVISION_KWARGS
from tests.base import BilingualSiteTestCase
from tests.security.test_role_matrix import admin_patterns
from tests.stories_base import StoriesMixin
from tests.test_contribution_races import hold, in_thread, waiting_for_locks

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


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class SameTitleInBothLanguagesAtOnceTests(StoriesMixin, TransactionTestCase):
    """A Dutch and a German member send a story of one title at the same moment, while
    something else holds both overviews: each story's alias goes below the other language's
    overview, where the other story goes. Both are stored, each alias beside the other's
    story under a slug of its own: each contribution locks every language version of its
    overview before it chooses a slug (in the order every writer locks them), where they
    locked one each and then waited for the other's, a deadlock."""

    TITLE = "Jaarvergadering in Blokzijl"

    def setUp(self):
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        self.build_stories()
        setup_roles()
        self.members = {
            language: User.objects.create_user(
                f"lid-{language}@example.org", "x", display_name=f"Lid {language}"
            )
            for language in ("nl", "de")
        }

    def send(self, language):
        client = Client(raise_request_exception=False)
        client.force_login(self.members[language])
        with translation.override(language):
            url = reverse("contribute_story")
        return client.post(
            url,
            {
                "submission": str(uuid.uuid4()),
                "title": self.TITLE,
                "intro": "Wat we bespraken.",
                "body": "",
                "sector": "",
                "language": language,
                "photos-TOTAL_FORMS": "0",
                "photos-INITIAL_FORMS": "0",
                "photos-MIN_NUM_FORMS": "0",
                "photos-MAX_NUM_FORMS": "10",
            },
        ).status_code

    def test_both_stories_and_their_aliases_are_stored(self):
        overviews = Page.objects.filter(pk__in=[self.story_index.pk, self.story_index_de.pk])
        release = hold(self, overviews)
        sent = [
            in_thread(lambda language=language: self.send(language)) for language in ("nl", "de")
        ]
        self.assertTrue(waiting_for_locks(2))
        release.set()
        for thread, _answers in sent:
            thread.join(30)
        self.assertEqual([answers for _thread, answers in sent], [[302], [302]])
        for overview in (self.story_index, self.story_index_de):
            stories = StoryPage.objects.child_of(overview).filter(title=self.TITLE)
            with self.subTest(overview=overview.slug):
                self.assertEqual(stories.count(), 2)
                self.assertEqual(stories.filter(alias_of=None).count(), 1)
                self.assertEqual(len(set(stories.values_list("slug", flat=True))), 2)
