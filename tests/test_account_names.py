"""Who did something, as the admin names her: a staff member without a name is "the editors"
(community.roles.named), never her email address; with a name, by it."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse

from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from tests.base import BilingualSiteMixin

User = get_user_model()


class RevisionAuthorTests(BilingualSiteMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_site()
        setup_roles()
        cls.editor = User.objects.create_user("redactie@example.org", first_name="Ineke")
        cls.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        cls.administrator = User.objects.create_superuser("beheer@example.org")
        cls.page = cls.add_page(title="Over ons", slug="over-ons")
        cls.first = cls.page.save_revision(user=cls.administrator)
        cls.page.title = "Over de jumelage"
        cls.page.save_revision(user=cls.editor)

    def test_a_previous_version_names_its_nameless_author_the_editors(self):
        # "U bekijkt een eerdere versie van deze pagina van … door beheer@example.org".
        self.client.force_login(self.editor)
        url = reverse("wagtailadmin_pages:revisions_revert", args=[self.page.pk, self.first.pk])
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "beheer@example.org")
        self.assertContains(response, "de redactie")  # the admin in Dutch
