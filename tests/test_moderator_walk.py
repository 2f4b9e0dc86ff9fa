"""A moderator's walk through the admin: the way to the contributions awaiting review, what a
member's page tells before she is blocked, and a confirmation before approving publishes."""

import json

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from tests.test_review_panel import submitted_contribution
from tests.test_roles import RolesTestCase

User = get_user_model()


def sidebar_items(response):
    """The admin sidebar's menu items (Wagtail renders them as JSON for its script), by name."""
    page = BeautifulSoup(response.content, "html.parser")
    props = json.loads(page.find(id="wagtail-sidebar-props").string)
    items = {}

    def walk(value):
        if isinstance(value, dict):
            if value.get("_type") == "wagtail.sidebar.LinkMenuItem":
                item = value["_args"][0]
                if isinstance(item.get("name"), str):
                    items[item["name"]] = (item["label"], item["url"])
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(props)
    return items


class ToReviewMenuItemTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")

    def test_moderators_and_editors_find_the_contributions_awaiting_review_in_the_menu(self):
        submitted_contribution(self, self.member)
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "de"
        profile.save()
        for user, language in ((self.moderator, "nl"), (self.editor_de, "de")):
            with self.subTest(language=language):
                self.client.force_login(user)
                label, url = sidebar_items(self.client.get("/admin/reports/"))["to-review"]
                with translation.override(language):
                    self.assertEqual(label, gettext("To review (%(count)s)") % {"count": 1})
                self.assertEqual(url, "/admin/#awaiting-review")
                dashboard = BeautifulSoup(self.client.get(url).content, "html.parser")
                panel = dashboard.find(id="awaiting-review")
                self.assertIn("Bijdrage", panel.get_text())

    def test_without_contributions_waiting_the_item_names_no_number(self):
        self.client.force_login(self.moderator)
        label, _url = sidebar_items(self.client.get("/admin/"))["to-review"]
        with translation.override("nl"):
            self.assertEqual(label, gettext("To review"))
