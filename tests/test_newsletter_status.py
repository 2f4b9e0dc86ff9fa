"""Whether a newsletter was sent, told where an editor needs it and nowhere Wagtail keeps it. Its
title in the admin carried "(nog niet verstuurd)": Wagtail froze that into the history's labels
(the German site history said "Nieuwsbrief winter 2026 (nog niet verstuurd)" after it was sent)
and into its messages. And publishing a new newsletter said Wagtail's "created and published"
while visitors got a 404 until it was sent (walk 6)."""

from importlib import import_module

from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client, TestCase
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from community.models import NewsletterPage
from community.roles import EDITOR_GROUPS
from tests.test_newsletter import PASSWORD, NewsletterMixin, User
from tests.test_roles import form_data

PUBLISHED_NOT_PUBLIC = (
    "The newsletter “%(title)s” is published, but visitors see it only once it is sent."
)
NOT_SENT = "Not sent yet: visitors see this newsletter only once it is sent."


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def said(response):
    """The messages the editor reads: (text, links)."""
    return [
        (item.get_text(" ", strip=True), [a["href"] for a in item.select("a")])
        for item in soup(response).select(".messages li")
    ]


class NewsletterStatusTests(NewsletterMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_newsletter()
        cls.editor_de = User.objects.create_user("redaktion@example.org", PASSWORD)
        cls.editor_de.groups.add(Group.objects.get(name=EDITOR_GROUPS[1]))
        for editor, language in ((cls.editor, "nl"), (cls.editor_de, "de")):
            profile = UserProfile.get_for_user(editor)
            profile.preferred_language = language
            profile.save()

    def create_and_publish(self, client, title):
        add = f"/admin/pages/add/community/newsletterpage/{self.archive.pk}/"
        data = {
            **form_data(client.get(add)),
            "title": title,
            "slug": "winter-2026",
            "intro": "Wat er deze winter gebeurt.",
            "body-count": "0",
            "action-publish": "action-publish",
        }
        response = client.post(add, data, follow=True)
        self.assertEqual(response.status_code, 200)
        return NewsletterPage.objects.get(slug="winter-2026", locale=self.dutch), response

    def test_publishing_a_newsletter_says_visitors_see_it_once_it_is_sent(self):
        client = self.editor_client()
        page, response = self.create_and_publish(client, "Nieuwsbrief winter 2026")
        self.assertTrue(page.live)
        send = f"/admin/newsletter/{page.pk}/"
        with translation.override("nl"):
            expected = gettext(PUBLISHED_NOT_PUBLIC) % {"title": "Nieuwsbrief winter 2026"}
            send_label = gettext("Send newsletter")
            wagtails = gettext("Page '%(page_title)s' created and published.") % {
                "page_title": "Nieuwsbrief winter 2026"
            }
        self.assertEqual(said(response), [(f"{expected} {send_label}", [send])])
        self.assertNotIn(wagtails, response.content.decode())
        self.assertEqual(self.client.get(page.url_parts_once_sent()[2]).status_code, 404)

        # Published again from its editor: the same, in place of "has been published".
        edit = f"/admin/pages/{page.pk}/edit/"
        data = {
            **form_data(client.get(edit)),
            "intro": "Wat er deze winter gebeurt, en meer.",
            "body-count": "0",
            "action-publish": "action-publish",
        }
        response = client.post(edit, data, follow=True)
        self.assertEqual(said(response), [(f"{expected} {send_label}", [send])])

        # Once sent, publishing says what Wagtail says: visitors see it.
        self.subscriber("jan@example.org")
        with self.captureOnCommitCallbacks(execute=True):
            self.send(page, client)
        response = client.post(edit, {**data, "intro": "Nog meer."}, follow=True)
        with translation.override("nl"):
            published = gettext("Page '%(page_title)s' has been published.") % {
                "page_title": "Nieuwsbrief winter 2026"
            }
        self.assertTrue(any(text.startswith(published) for text, _links in said(response)))

    def test_the_history_names_a_newsletter_by_its_title_alone(self):
        page, _response = self.create_and_publish(self.editor_client(), "Nieuwsbrief winter 2026")
        labels = set(PageLogEntry.objects.filter(page=page).values_list("label", flat=True))
        self.assertEqual(labels, {"Nieuwsbrief winter 2026"})
        german = Client()
        german.force_login(self.editor_de)
        history = soup(german.get("/admin/reports/site-history/")).get_text(" ", strip=True)
        self.assertIn("Nieuwsbrief winter 2026", history)
        self.assertNotIn("verstuurd", history)
        self.assertNotIn("gesendet", history)

    def test_the_page_editor_says_whether_it_was_sent_beside_wagtails_status(self):
        client = self.editor_client()
        page, _response = self.create_and_publish(client, "Nieuwsbrief winter 2026")
        panel = soup(client.get(f"/admin/pages/{page.pk}/edit/")).select_one(
            "[data-newsletter-status]"
        )
        with translation.override("nl"):
            self.assertIn(gettext(NOT_SENT), panel.get_text(" ", strip=True))
        self.assertEqual(panel.a["href"], f"/admin/newsletter/{page.pk}/")


migration = import_module("community.migrations.0019_newsletter_history_without_sending_status")


class HistoryWrittenBeforeTests(NewsletterMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_newsletter()

    def test_the_history_written_with_the_sending_status_names_the_newsletter_alone(self):
        page = self.newsletter(german=None)
        other = self.add_page(title="Jaarverslag", slug="jaarverslag")
        labels = {
            "Nieuws uit de jumelage (nog niet verstuurd)": "Nieuws uit de jumelage",
            "Nieuws uit de jumelage (noch nicht gesendet)": "Nieuws uit de jumelage",
            "Nieuws uit de jumelage (verstuurd op 1 december 2026)": "Nieuws uit de jumelage",
            "Nieuws uit de jumelage (gesendet am 1. Dezember 2026)": "Nieuws uit de jumelage",
            "Nieuws (extra) uit de jumelage (not sent yet)": "Nieuws (extra) uit de jumelage",
            "Nieuws uit de jumelage (extra)": "Nieuws uit de jumelage (extra)",
        }
        for label in labels:
            PageLogEntry.objects.log_action(page, "wagtail.edit", title=label)
        # Another page's title that happens to end so is its own.
        PageLogEntry.objects.log_action(other, "wagtail.edit", title="Jaarverslag (not sent yet)")
        migration.labels_without_sending_status(apps, None)
        for before, after in labels.items():
            with self.subTest(before):
                entry = PageLogEntry.objects.filter(page=page).order_by("pk")
                self.assertTrue(entry.filter(label=after).exists())
                self.assertFalse(entry.filter(label=before).exclude(label=after).exists())
        self.assertTrue(
            PageLogEntry.objects.filter(page=other, label="Jaarverslag (not sent yet)").exists()
        )
