"""What a newcomer's walk through the newsletter found, in the admin and on the site: the send
page's heading and wording, "Send newsletter" in the German translation editor, sent and unsent
newsletters told apart in the explorer, subscribing worded as subscribing (not logging in), the
subscribe page's privacy link and way back, no dead ends after confirming or leaving, and a
member's one-click opt-in."""

import datetime
import re

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Site
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from community.models import NewsletterSending, NewsletterSubscriber
from community.newsletter import subscriptions
from community.roles import EDITOR_GROUPS
from home.models import FoundationSettings, StandardPage
from tests.test_newsletter import PASSWORD, NewsletterMixin, User


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class SendPageWalkTests(NewsletterMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_newsletter()
        cls.editor_de = User.objects.create_user("redaktion@example.org", PASSWORD)
        cls.editor_de.groups.add(Group.objects.get(name=EDITOR_GROUPS[1]))
        profile = UserProfile.get_for_user(cls.editor_de)
        profile.preferred_language = "de"
        profile.save()
        cls.page = cls.newsletter(german=None)
        # As wagtail-localize makes it: edited in its translation editor.
        source, _new = TranslationSource.get_or_create_from_instance(cls.page)
        translation = Translation.objects.create(source=source, target_locale=cls.german)
        translation.save_target(publish=True)
        cls.german_page = cls.page.get_translation(cls.german)

    def german_editor_client(self):
        client = Client()
        client.force_login(self.editor_de)
        return client

    def test_send_page_has_a_heading_with_the_newsletters_title_in_both_languages(self):
        for client, page, heading in (
            (self.editor_client(), self.page, "Nieuwsbrief versturen"),
            (self.german_editor_client(), self.german_page, "Newsletter senden"),
        ):
            with self.subTest(heading):
                response = client.get(f"/admin/newsletter/{page.pk}/")
                title = soup(response).find("h1", id="header-title")
                self.assertIsNotNone(title, "no Wagtail header")
                self.assertIn(heading, title.get_text(" ", strip=True))
                self.assertEqual(
                    title.find(class_="w-header__subtitle").get_text(strip=True), page.title
                )
                self.assertIsNotNone(title.find("svg", class_="icon-mail"))

    def test_german_editor_finds_send_newsletter_in_the_translation_editor(self):
        response = self.german_editor_client().get(f"/admin/pages/{self.german_page.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "js-translation-editor")  # wagtail-localize's editor
        link = soup(response).find("a", href=f"/admin/newsletter/{self.german_page.pk}/")
        self.assertIsNotNone(link)
        self.assertEqual(link.get_text(strip=True), "Newsletter senden")

    def test_translation_editor_of_another_page_has_no_send_link(self):
        about = StandardPage(title="Over ons", slug="over-ons")
        self.home.add_child(instance=about)
        about.save_revision().publish()
        german = self.translated(about, title="Über uns")
        response = self.german_editor_client().get(f"/admin/pages/{german.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "data-newsletter-send")

    def test_send_page_speaks_of_the_version_to_send_then_of_the_emails_handed_to_the_queue(self):
        self.subscriber("jan@example.org")
        client = self.editor_client()
        before = client.get(f"/admin/newsletter/{self.page.pk}/").content.decode()
        self.assertIn("Te versturen versie", before)
        self.assertNotIn("Verstuurde versie", before)
        self.send(self.page, client)
        after = soup(client.get(f"/admin/newsletter/{self.page.pk}/"))
        text = after.get_text(" ", strip=True)
        self.assertIn("Verstuurde versie", text)
        self.assertIn("1 e-mail is aan de verzendwachtrij gegeven", text)
        self.assertNotIn("klaargezet", text)
        self.assertIsNotNone(after.find("a", href="/admin/outgoing-email/"))

    def test_each_languages_preview_is_in_its_first_cell_in_view_on_a_phone(self):
        page = soup(self.editor_client().get(f"/admin/newsletter/{self.page.pk}/"))
        rows = page.select("table.listing tbody tr")
        self.assertEqual(len(rows), 2)
        for row in rows:
            first = row.find("td")
            self.assertIsNotNone(first.find("a", string="Voorbeeld van de e-mail"))

    def test_explorer_tells_sent_from_unsent_newsletters_in_one_query_for_all_rows(self):
        client = self.editor_client()
        url = f"/admin/pages/{self.archive.pk}/"

        def statuses():
            """{title: status} of the listing's rows."""
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            page = soup(response)
            for hidden in page.select(".w-status .w-sr-only"):
                hidden.decompose()  # "Current page status:", for screen readers
            rows = page.select("table.listing tbody tr")
            sending = [q for q in queries if "community_newslettersending" in q["sql"]]
            shown = {
                row.select_one(".title-wrapper a").get_text(" ", strip=True): row.select_one(
                    ".w-status"
                ).get_text(" ", strip=True)
                for row in rows
            }
            return shown, len(sending)

        with translation.override("nl"):
            live = gettext("live")
            unsent = gettext("%(status)s, not sent yet") % {"status": live}
            sent = gettext("%(status)s, sent %(date)s") % {
                "status": live,
                "date": "1\xa0december\xa02026",
            }
        client.get(url)  # caches warmed
        shown, one_row = statuses()
        # The status says it, not the title: Wagtail keeps the title in the page's history.
        self.assertEqual(shown["Nieuws uit de jumelage"], unsent)
        for number in range(3):
            self.newsletter(title=f"Nummer {number}", slug=f"nummer-{number}", german=None)
        NewsletterSending.objects.create(
            translation_key=self.page.translation_key,
            sent_at=timezone.make_aware(datetime.datetime(2026, 12, 1, 10)),
        )
        shown, four_rows = statuses()
        self.assertEqual(shown["Nieuws uit de jumelage"], sent)
        self.assertEqual(shown["Nummer 2"], unsent)
        self.assertEqual(four_rows, one_row)

    def test_dutch_audience_help_says_subscribed_to_the_newsletter(self):
        add = self.editor_client().get(
            f"/admin/pages/add/community/newsletterpage/{self.archive.pk}/"
        )
        self.assertContains(add, "op de nieuwsbrief hebben geabonneerd")
        self.assertNotContains(add, "die zich hebben aangemeld")

    def test_subscriber_addresses_stay_whole_in_the_admin_listing(self):
        self.subscriber("iemand-met-een-lang-adres@voorbeeld-gemeente.example.org")
        page = soup(self.editor_client().get("/admin/newsletter_subscribers/"))
        link = page.select_one("tbody tr td a")
        self.assertIn("w-whitespace-nowrap", link["class"])


class SubscribingWalkTests(NewsletterMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_newsletter()
        for archive in (cls.archive, cls.archive_de):
            archive.show_in_menus = True
            archive.save_revision().publish()
        cls.privacy = StandardPage(title="Privacyverklaring", slug="privacy")
        cls.home.add_child(instance=cls.privacy)
        cls.privacy.save_revision().publish()
        cls.privacy_de = cls.translated(cls.privacy, title="Datenschutz", slug="datenschutz")
        settings = FoundationSettings.for_site(Site.objects.get(is_default_site=True))
        settings.privacy_page = cls.privacy
        settings.save()
        cls.anna = User.objects.create_user(
            "anna@example.org", PASSWORD, display_name="Anna", language="de"
        )

    def test_german_newsletter_says_abonnieren_not_anmelden(self):
        main = soup(self.client.get("/de/newsletter/")).find("main")
        self.assertEqual(main.find("button", type="submit").get_text(strip=True), "Abonnieren")
        self.assertNotIn("Anmeld", main.get_text())
        answer = soup(
            self.client.post("/de/newsletter/", {"email": "greta@example.org", "consent": "on"})
        ).find("main")
        self.assertNotIn("angemeldet", answer.get_text())
        self.assertIn("noch kein Abonnement", answer.get_text())

    def test_dutch_newsletter_says_abonneren_not_aanmelden(self):
        page = soup(self.client.get("/nl/newsletter/"))
        self.assertEqual(
            page.find("main").find("button", type="submit").get_text(strip=True), "Abonneren"
        )
        footer = page.find("footer").get_text(" ", strip=True)
        self.assertIn("Abonneren op de nieuwsbrief", footer)
        self.assertNotIn("Aanmelden", footer)

    def confirmed_page(self, code):
        self.client.post(f"/{code}/newsletter/", {"email": "greta@example.org", "consent": "on"})
        link = re.search(
            rf"http://testserver(/{code}/newsletter/confirm/\S+/)", mail.outbox[-1].body
        )
        return self.client.post(link.group(1))  # the button of the link's page

    def test_german_confirmation_says_abonnement_and_leads_on(self):
        page = soup(self.confirmed_page("de"))
        self.assertIn("Ihr Abonnement ist bestätigt", page.find("main").get_text())
        links = {a["href"] for a in page.find("main").find_all("a")}
        self.assertIn(self.archive_de.url, links)
        self.assertIn("/de/", links)

    def test_subscribe_page_links_privacy_archive_and_marks_the_newsletter_in_the_menu(self):
        page = soup(self.client.get("/de/newsletter/"))
        main = page.find("main")
        privacy = main.find(attrs={"data-privacy": True}).find("a")
        self.assertEqual(privacy["href"], self.privacy_de.url)
        self.assertEqual(privacy.get_text(), "Datenschutzerklärung")
        crumbs = main.find("nav", class_="breadcrumbs")
        self.assertEqual(crumbs.find_all("a")[-1]["href"], self.archive_de.url)
        current = page.find("header").find_all("a", attrs={"aria-current": "page"})
        self.assertEqual({a["href"] for a in current}, {self.archive_de.url})

    def test_language_switcher_leads_to_the_subscribe_page_in_the_other_language(self):
        """It led to the other language's archive: the view gave the archive as its page (for
        the menu), and the switcher, hreflang and canonical links followed that page."""
        member = Client()
        member.force_login(self.anna)
        for client in (self.client, member):
            for here, there in (
                ("/nl/newsletter/", "/de/newsletter/"),
                ("/de/newsletter/", "/nl/newsletter/"),
            ):
                with self.subTest(here=here, member=client is member):
                    page = soup(client.get(here))
                    switcher = page.find("nav", class_="language-switcher")
                    self.assertEqual([a["href"] for a in switcher.find_all("a")], [there])
                    alternates = {
                        link["href"]
                        for link in page.find_all("link", rel="alternate", hreflang=True)
                    }
                    self.assertNotIn(f"http://testserver{self.archive.url}", alternates)
                    self.assertNotIn(f"http://testserver{self.archive_de.url}", alternates)
                    canonical = page.find("link", rel="canonical")
                    self.assertTrue(canonical is None or canonical["href"].endswith(here))

    def test_unsubscribed_reader_is_led_on_to_the_archive_and_home(self):
        subscriber = self.subscriber("jan@example.org")
        page = soup(self.client.post(f"/nl/newsletter/unsubscribe/{subscriber.token}/"))
        links = {a["href"] for a in page.find("main").find_all("a")}
        self.assertIn(self.archive.url, links)
        self.assertIn("/nl/", links)

    def test_unknown_unsubscribe_link_says_not_subscribed_on_the_sites_page(self):
        response = self.client.get("/nl/newsletter/unsubscribe/bestaat-niet/")
        self.assertEqual(response.status_code, 404)
        main = soup(response).find("main")
        self.assertIn("niet (meer) geabonneerd", main.get_text())
        self.assertIsNotNone(main.find("a", href="/nl/newsletter/"))

    def test_member_subscribes_in_one_click_without_a_confirmation_email(self):
        client = Client()
        client.force_login(self.anna)
        page = soup(client.get("/de/newsletter/")).find("main")
        self.assertIsNone(page.find("input", attrs={"name": "email"}))
        self.assertIn("anna@example.org", page.get_text())
        button = page.find("button", attrs={"name": "subscribe"})
        self.assertEqual(button.get_text(strip=True), "Ja, senden Sie mir den Newsletter")
        self.assertIsNone(page.find("input", attrs={"type": "checkbox"}))
        response = client.post("/de/newsletter/", {"subscribe": "1"})
        self.assertRedirects(response, "/de/newsletter/")
        self.assertEqual(mail.outbox, [])
        self.assertTrue(subscriptions.member_receives(self.anna))
        self.assertEqual(NewsletterSubscriber.objects.get().user, self.anna)

        subscribed = soup(client.get("/de/newsletter/")).find("main")
        self.assertIn("Sie erhalten den Newsletter an anna@example.org", subscribed.get_text())
        self.assertIsNotNone(subscribed.find("a", href="/de/members/profile/"))
        client.post("/de/newsletter/", {"stop": "1"})
        self.assertFalse(subscriptions.member_receives(self.anna))

    def test_member_without_consent_is_not_subscribed(self):
        client = Client()
        client.force_login(self.anna)
        response = client.post("/de/newsletter/", {})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(subscriptions.member_receives(self.anna))
