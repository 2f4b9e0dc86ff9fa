"""A moderator holds no permission on glossary terms, towns, workflow tasks, images, documents,
tags or embeds: no admin chooser, chosen object or JSON of the admin names one to her (roles deny
by default, jumelage/choosers.py). The sweep walks the URL resolver, so a chooser added later,
by us or a package, is tried too."""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Task

from community.factories import TownFactory
from home.machine_translation import GlossaryTerm
from tests.security.test_admin_keys import PARAMETER, all_routes
from tests.test_roles import RolesTestCase

CHOOSER_WORDS = ("choose", "chosen", "autocomplete", "/api/")
SECRETS = ("Geheimterm", "Geheimbegriff", "Geheime taak", "Geheimstad", "Geheim beeld")


def refused(response):
    """Not found, or refused: 403, or back at the dashboard (Wagtail's answer to a refusal
    outside a modal)."""
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def chooser_routes():
    """Every route of the admin that chooses, names a chosen object or answers JSON."""
    for route, pattern in all_routes():
        if route.startswith("admin/") and "^" not in route:
            if any(word in route + (pattern.name or "") for word in CHOOSER_WORDS):
                yield route


class ChooserRightsTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.term = GlossaryTerm.objects.create(dutch="Geheimterm", german="Geheimbegriff")
        cls.task = Task.objects.create(name="Geheime taak")
        cls.town = TownFactory(name="Geheimstad", slug="geheimstad")
        collection = Collection.get_first_root_node().add_child(name="Archief")
        cls.image = get_image_model().objects.create(
            title="Geheim beeld", file=get_test_image_file(), collection=collection
        )
        cls.document = get_document_model().objects.create(
            title="Geheim beeld (pdf)", file=ContentFile(b"%PDF-1.4\n", name="geheim.pdf")
        )

    def key_in(self, route):
        for word, key in (
            ("glossaryterm", self.term.pk),
            ("town", self.town.pk),
            ("task", self.task.pk),
            ("images", self.image.pk),
            ("documents", self.document.pk),
        ):
            if word in route:
                return key
        return 1

    def addresses(self, route):
        """The addresses `route` is tried with: each snippet model of the JSON of snippets."""
        models = [("home", "glossaryterm"), ("community", "town"), ("taggit", "tag")]
        for app_label, model_name in models if "model_name" in route else [(None, None)]:
            label = f"{app_label}/{model_name}"
            values = {"app_label": app_label, "app_name": app_label, "model_name": model_name}
            key = self.key_in(label if app_label else route)
            address = "/" + PARAMETER.sub(
                lambda m, values=values, key=key: str(values.get(m.group(2), key)), route
            )
            yield f"{address}?q=geheim&term=geheim&id={key}"

    def test_moderator_reads_no_name_through_any_chooser_of_the_admin(self):
        client = Client(raise_request_exception=False)
        client.force_login(self.moderator)
        routes = list(chooser_routes())
        self.assertIn("admin/snippets/choose/home/glossaryterm/chosen/<str:pk>/", routes)
        self.assertIn("admin/workflows/task_chooser/<int:task_id>/", routes)
        self.assertIn("admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/", routes)
        for route in routes:
            for address in self.addresses(route):
                response = client.get(address)
                with self.subTest(address=address, status=response.status_code):
                    if not refused(response):
                        body = response.content.decode()
                        self.assertFalse([secret for secret in SECRETS if secret in body])

    def test_moderator_is_refused_a_glossary_term_and_a_task_chosen(self):
        self.client.force_login(self.moderator)
        for address in (
            f"/admin/snippets/choose/home/glossaryterm/chosen/{self.term.pk}/",
            f"/admin/workflows/task_chooser/{self.task.pk}/",
            f"/admin/localize/api/snippets/home/glossaryterm/{self.term.pk}/",
        ):
            with self.subTest(address=address):
                self.assertTrue(refused(self.client.get(address)))

    def test_editor_still_chooses_a_glossary_term_and_a_town(self):
        self.client.force_login(self.editor_nl)
        for address in (
            f"/admin/snippets/choose/home/glossaryterm/chosen/{self.term.pk}/",
            f"/admin/snippets/choose/community/town/chosen/{self.town.pk}/",
            "/admin/tag-autocomplete/?term=x",
        ):
            with self.subTest(address=address):
                self.assertEqual(self.client.get(address).status_code, 200)

    def test_only_an_administrator_chooses_a_workflow_task(self):
        admin = get_user_model().objects.create_superuser("root@example.org", "x")
        for user, chooses in ((self.editor_nl, False), (admin, True)):
            self.client.force_login(user)
            with self.subTest(user=user.email):
                response = self.client.get(f"/admin/workflows/task_chooser/{self.task.pk}/")
                self.assertEqual(response.status_code == 200, chooses)
                self.assertEqual(refused(response), not chooses)
