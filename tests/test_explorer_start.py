"""The side menu's page explorer opens where an editor works: at the German home for an editor
whose admin language is German (it opened at the root, which lists both language homes), at
her own part of the tree for an editor of one part (Wagtail's own), at the root for the Dutch
editors (the sources translations are made from, with the German home beside them)."""

import json
import re

from wagtail.models import Page
from wagtail.users.models import UserProfile

from tests.test_attack28 import EditorOfOnePartTestCase

PROPS = re.compile(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>')


def explorer_start(response):
    """The page the side menu's explorer opens at, by its id, as the menu's data says."""
    props = json.loads(PROPS.search(response.content.decode()).group(1))
    items = []

    def walk(value):
        if isinstance(value, dict):
            if value.get("_type") == "wagtail.sidebar.PageExplorerMenuItem":
                items.append(value["_args"][1])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(props)
    [start] = items
    return start


class ExplorerStartTests(EditorOfOnePartTestCase):
    def menu_of(self, user, language):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        self.client.force_login(user)
        return explorer_start(self.client.get("/admin/"))

    def test_a_german_editor_starts_at_the_german_home(self):
        self.assertEqual(self.menu_of(self.editor_de, "de"), self.home_de.pk)

    def test_a_dutch_editor_starts_at_the_root_with_both_homes(self):
        root = Page.get_first_root_node()
        self.assertEqual(self.menu_of(self.editor_nl, "nl"), root.pk)

    def test_an_editor_of_one_part_starts_at_her_part_in_either_language(self):
        for language in ("de", "nl"):
            with self.subTest(language=language):
                self.assertEqual(self.menu_of(self.part_editor, language), self.climate.pk)
