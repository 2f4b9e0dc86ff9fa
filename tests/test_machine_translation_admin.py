"""The editors' side of machine translation (jumelage/translation_admin.py, the dashboard panel
in jumelage/dashboard.py): what waits for their review and what failed, marking a translation
reviewed (its label goes), trying a failed one again, "Translate and publish" for one page and
for a selection, the bar in the translation editor, and the glossary. Moderators and members
are refused all of it. The translator is a LibreTranslate-compatible server on loopback
(tests/translator_servers.py)."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from community.roles import EDITOR_GROUPS, MODERATORS
from home.machine_translation import GlossaryTerm, MachineTranslation, machine_translated_from
from tests.base import assert_help_blocks_show_their_icon
from tests.test_roles import RolesTestCase, User
from tests.translator_servers import (
    WithLibreTranslateServer,
    libretranslate_settings,
)

DASHBOARD = "/admin/"
BULK = "/admin/bulk/wagtailcore/page/translate_and_publish/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


class MachineTranslationAdminTestCase(WithLibreTranslateServer, RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "wachtwoord-123")
        cls.choir = cls.add_page(title="Het koor zingt", slug="het-koor-zingt")
        cls.bridge = cls.add_page(title="De brug", slug="de-brug")

    def setUp(self):
        self.server.reset()

    def machine_translated(self, page, **fields):
        """The German translation of `page` as the machine left it: published, not reviewed."""
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation = Translation.objects.create(source=source, target_locale=self.german)
        with self.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes then
            translation.save_target(publish=True)
        fields = {"translated_at": timezone.now(), "status": "translated", **fields}
        return MachineTranslation.objects.create(translation=translation, **fields)

    def failed(self, page):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation = Translation.objects.create(source=source, target_locale=self.german)
        return MachineTranslation.objects.create(
            translation=translation,
            status="failed",
            attempts=3,
            last_error="TranslatorUnavailable: LibreTranslate answered 503 Service Unavailable",
            next_attempt_at=timezone.now() + timedelta(minutes=15),
        )

    def german_version(self, page):
        return Page.objects.get(translation_key=page.translation_key, locale=self.german)

    def dashboard(self, user):
        self.client.force_login(user)
        response = self.client.get(DASHBOARD)
        self.assertEqual(response.status_code, 200)
        return soup(response).select_one("[data-machine-translations]")


class DashboardPanelTests(MachineTranslationAdminTestCase):
    def test_editors_see_what_awaits_review_and_what_failed_with_what_to_do(self):
        record = self.machine_translated(self.about)
        failure = self.failed(self.choir)
        translated = self.german_version(self.about)
        panel = self.dashboard(self.editor_de)
        self.assertIn("1 machinevertaling wacht op beoordeling", panel.h2.text)
        row = panel.select_one("[data-awaiting-review] tbody tr")
        self.assertIn(translated.title, row.text)
        self.assertIn("Nederlands → Duits", row.text)
        editor_link = row.find("a", string="Beoordelen in de vertaaleditor")
        self.assertEqual(editor_link["href"], f"/admin/pages/{translated.pk}/edit/")
        self.assertTrue(row.find("a", string="Pagina bekijken")["href"].startswith("/de/"))
        form = row.select_one("form[method=post]")
        self.assertEqual(
            form["action"], reverse("jumelage_machine_translation_reviewed", args=[record.pk])
        )
        self.assertEqual(form.button.text, "Markeren als beoordeeld")

        self.assertIn("Machinevertaling mislukt (1)", panel.h3.text)
        failed_row = panel.select_one("[data-failed] tbody tr")
        self.assertIn("Het koor zingt", failed_row.text)
        self.assertIn("503 Service Unavailable", failed_row.text)
        self.assertIn("3", [cell.text for cell in failed_row.find_all("td")])
        retry = failed_row.select_one("form[method=post]")
        self.assertEqual(
            retry["action"], reverse("jumelage_machine_translation_retry", args=[failure.pk])
        )

    def test_on_a_phone_the_tables_say_that_they_scroll_sideways(self):
        # Newcomer's walk at 390 px: the tables ran past the edge in a box that scrolled,
        # unseen. Each scrolls in the admin's scroll box (its shadows at an edge with more to
        # see), reached by keyboard and named by its heading, under the hint a phone shows.
        self.machine_translated(self.about)
        self.failed(self.choir)
        panel = self.dashboard(self.editor_nl)
        for table in ("[data-awaiting-review]", "[data-failed]"):
            with self.subTest(table=table):
                box = panel.select_one(table).parent
                self.assertIn("jumelage-scroll-box", box["class"])
                self.assertEqual(box["tabindex"], "0")
                self.assertEqual(box["role"], "region")
                heading = panel.find(id=box["aria-labelledby"])
                self.assertIn(heading.name, ("h2", "h3"))
                hint = box.find_previous_sibling("p")
                self.assertEqual(hint.get("data-scroll-hint"), "")
                self.assertEqual(hint.text, "Veeg opzij om alle kolommen te zien.")

    def test_a_page_taken_off_the_site_leaves_the_review_list(self):
        # Moderation took a page off the site; the panel still listed it under "Readers see
        # these pages…", with no word that nobody reads it (walk 14).
        self.machine_translated(self.about)
        self.machine_translated(self.bridge)
        for page in (self.bridge, self.german_version(self.bridge)):
            page.unpublish()
        panel = self.dashboard(self.editor_de)
        self.assertIn("1 machinevertaling wacht op beoordeling", panel.h2.text)
        rows = [row.td.text for row in panel.select("[data-awaiting-review] tbody tr")]
        self.assertEqual(rows, [self.german_version(self.about).title])
        # Back on the site, it is read labelled again, and listed.
        self.german_version(self.bridge).get_latest_revision().publish()
        panel = self.dashboard(self.editor_de)
        self.assertIn("2 machinevertalingen wachten op beoordeling", panel.h2.text)

    def test_the_admin_in_german_names_the_languages_and_the_actions_in_german(self):
        self.machine_translated(self.about)
        profile = UserProfile.get_for_user(self.editor_de)
        profile.preferred_language = "de"
        profile.save()
        panel = self.dashboard(self.editor_de)
        self.assertIn("1 maschinelle Übersetzung wartet auf Prüfung", panel.h2.text)
        self.assertTrue(panel.find("button", string="Als geprüft markieren"))
        self.assertTrue(panel.find("a", string="Im Übersetzungseditor prüfen"))

    def test_moderators_and_members_never_see_the_panel(self):
        self.machine_translated(self.about)
        self.failed(self.choir)
        self.client.force_login(self.moderator)
        response = self.client.get(DASHBOARD)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(soup(response).select("[data-machine-translations]"))
        self.assertNotIn("Markeren als beoordeeld", response.content.decode())
        self.client.force_login(self.member)
        self.assertNotEqual(self.client.get(DASHBOARD).status_code, 200)

    def test_the_dashboard_asks_as_many_queries_for_six_rows_as_for_two(self):
        self.machine_translated(self.about)
        self.failed(self.choir)
        self.client.force_login(self.editor_nl)
        self.client.get(DASHBOARD)
        with CaptureQueriesContext(connection) as two:
            self.client.get(DASHBOARD)
        for title in ("Een", "Twee"):
            page = self.add_page(title=title, slug=title.lower())
            self.machine_translated(page)
        for title in ("Drie", "Vier"):
            self.failed(self.add_page(title=title, slug=title.lower()))
        self.client.get(DASHBOARD)
        with CaptureQueriesContext(connection) as six:
            response = self.client.get(DASHBOARD)
        self.assertEqual(len(soup(response).select("[data-machine-translations] tbody tr")), 6)
        self.assertEqual(len(six), len(two), "\n".join(q["sql"] for q in six.captured_queries))

    def test_without_a_translator_the_panel_says_that_nothing_is_translated(self):
        panel = self.dashboard(self.editor_nl)
        self.assertIn("Er is geen vertaaldienst ingesteld", panel.text)
        with libretranslate_settings(self.server):
            panel = self.dashboard(self.editor_nl)
        self.assertNotIn("Er is geen vertaaldienst ingesteld", panel.text)


class ReviewTests(MachineTranslationAdminTestCase):
    def test_marking_reviewed_takes_the_label_off_the_page_and_the_row_off_the_dashboard(self):
        record = self.machine_translated(self.about)
        translated = self.german_version(self.about)
        self.assertEqual(machine_translated_from(translated), "nl")
        self.client.force_login(self.editor_nl)
        url = reverse("jumelage_machine_translation_reviewed", args=[record.pk])
        response = self.client.post(url, {"next": DASHBOARD})
        self.assertRedirects(response, DASHBOARD)
        self.assertIn("is gemarkeerd als beoordeeld", said(response)[0])
        record.refresh_from_db()
        self.assertEqual(record.reviewed_by, self.editor_nl)
        self.assertIsNone(machine_translated_from(translated))
        panel = self.dashboard(self.editor_nl)
        self.assertIn("0 machinevertalingen wachten op beoordeling", panel.h2.text)
        self.assertFalse(panel.select("[data-awaiting-review]"))

    def test_a_next_address_on_another_site_is_not_followed(self):
        record = self.machine_translated(self.about)
        self.client.force_login(self.editor_nl)
        response = self.client.post(
            reverse("jumelage_machine_translation_reviewed", args=[record.pk]),
            {"next": "https://elders.example/"},
        )
        self.assertRedirects(response, DASHBOARD)

    def test_marking_reviewed_takes_a_post(self):
        record = self.machine_translated(self.about)
        self.client.force_login(self.editor_nl)
        response = self.client.get(
            reverse("jumelage_machine_translation_reviewed", args=[record.pk])
        )
        self.assertEqual(response.status_code, 405)
        record.refresh_from_db()
        self.assertIsNone(record.reviewed_at)

    def test_the_translation_editor_says_it_is_unreviewed_and_offers_to_mark_it(self):
        record = self.machine_translated(self.about)
        translated = self.german_version(self.about)
        self.client.force_login(self.editor_de)
        edit_url = f"/admin/pages/{translated.pk}/edit/"
        bar = soup(self.client.get(edit_url)).select_one("[data-machine-translation]")
        self.assertIn("Machinaal vertaald, nog niet beoordeeld.", bar.text)
        form = bar.form
        self.assertEqual(
            form["action"], reverse("jumelage_machine_translation_reviewed", args=[record.pk])
        )
        response = self.client.post(
            form["action"], {"next": form.find("input", {"name": "next"})["value"]}
        )
        self.assertRedirects(response, edit_url, fetch_redirect_response=False)
        self.assertFalse(soup(self.client.get(edit_url)).select("[data-machine-translation]"))

    def test_publishing_from_the_translation_editor_marks_it_reviewed(self):
        record = self.machine_translated(self.about)
        translated = self.german_version(self.about).specific
        translated.save_revision(user=self.editor_de).publish(user=self.editor_de)
        record.refresh_from_db()
        self.assertEqual(record.reviewed_by, self.editor_de)
        self.client.force_login(self.editor_de)
        response = self.client.get(f"/admin/pages/{translated.pk}/edit/")
        self.assertFalse(soup(response).select("[data-machine-translation]"))


class RetryTests(MachineTranslationAdminTestCase):
    def test_try_again_now_queues_the_failed_translation_at_once(self):
        record = self.failed(self.choir)
        self.client.force_login(self.editor_nl)
        url = reverse("jumelage_machine_translation_retry", args=[record.pk])
        with libretranslate_settings(self.server):
            response = self.client.post(url, {"next": DASHBOARD})
        self.assertRedirects(response, DASHBOARD)
        self.assertIn("wordt op de achtergrond opnieuw vertaald", said(response)[0])
        record.refresh_from_db()
        self.assertEqual(record.status, MachineTranslation.Status.WAITING)
        self.assertLessEqual(record.next_attempt_at, timezone.now())

    def test_try_again_now_translates_and_publishes_when_the_queue_runs(self):
        record = self.failed(self.choir)
        self.client.force_login(self.editor_nl)
        url = reverse("jumelage_machine_translation_retry", args=[record.pk])
        with libretranslate_settings(self.server), self.captureOnCommitCallbacks(execute=True):
            self.client.post(url)
        record.refresh_from_db()
        self.assertEqual(record.status, MachineTranslation.Status.TRANSLATED)
        german = self.german_version(self.choir)
        self.assertEqual(german.title, "Das Chor singt")
        self.assertTrue(german.live)
        self.assertEqual(machine_translated_from(german), "nl")

    def test_without_a_translator_try_again_says_so_and_leaves_it(self):
        record = self.failed(self.choir)
        self.client.force_login(self.editor_nl)
        response = self.client.post(reverse("jumelage_machine_translation_retry", args=[record.pk]))
        self.assertIn("Er is geen vertaaldienst ingesteld", said(response)[0])
        record.refresh_from_db()
        self.assertEqual(record.status, MachineTranslation.Status.FAILED)


class TranslateAndPublishTests(MachineTranslationAdminTestCase):
    def url(self, page):
        return reverse("jumelage_translate_page", args=[page.pk])

    def test_the_page_menu_and_the_listing_offer_translate_and_publish(self):
        self.client.force_login(self.editor_nl)
        with libretranslate_settings(self.server):
            edit = self.client.get(f"/admin/pages/{self.choir.pk}/edit/").content.decode()
            self.assertIn(self.url(self.choir), edit)
            listing = self.client.get(f"/admin/pages/{self.home.pk}/").content.decode()
            self.assertIn(self.url(self.choir), listing)
            self.assertIn(BULK, listing)
            draft = self.add_page(title="Concept", slug="concept", live=False)
            edit = self.client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
            self.assertNotIn(self.url(draft), edit)

    def test_without_a_translator_the_page_menu_does_not_offer_it(self):
        """Walk 17: it led to a page saying that nothing can be translated."""
        self.client.force_login(self.editor_nl)
        edit = self.client.get(f"/admin/pages/{self.choir.pk}/edit/").content.decode()
        self.assertNotIn(self.url(self.choir), edit)
        listing = self.client.get(f"/admin/pages/{self.home.pk}/").content.decode()
        self.assertNotIn(self.url(self.choir), listing)

    def test_the_confirmation_says_into_which_language_and_that_it_is_labelled(self):
        self.client.force_login(self.editor_nl)
        with libretranslate_settings(self.server):
            page = soup(self.client.get(self.url(self.choir)))
        self.assertEqual([li.text for li in page.select("[data-languages] li")], ["Duits"])
        text = page.text
        self.assertIn("op de achtergrond", text)
        self.assertIn("„machinaal vertaald”", text)
        self.assertIn("Vertaaldienst: LibreTranslate.", text)
        self.assertTrue(page.find("button", string="Machinaal vertalen en publiceren"))
        self.assertEqual(MachineTranslation.objects.count(), 0)

    def test_translate_and_publish_queues_the_page_and_the_queue_publishes_it(self):
        self.client.force_login(self.editor_nl)
        with (
            libretranslate_settings(self.server),
            self.captureOnCommitCallbacks(execute=True) as done,
        ):
            response = self.client.post(self.url(self.choir))
        self.assertRedirects(
            response, f"/admin/pages/{self.choir.pk}/edit/", fetch_redirect_response=False
        )
        self.assertEqual(said(response), ["1 pagina in de wachtrij gezet voor vertaling."])
        record = MachineTranslation.objects.get()
        self.assertEqual(record.requested_by, self.editor_nl)
        self.assertTrue(done)  # the translation was handed to the task queue
        record.refresh_from_db()
        self.assertEqual(record.status, MachineTranslation.Status.TRANSLATED)
        self.assertEqual(self.german_version(self.choir).title, "Das Chor singt")

    def test_from_a_translation_its_source_page_is_translated_again(self):
        record = self.machine_translated(self.about)
        record.reviewed_at = timezone.now()
        record.save()
        translated = self.german_version(self.about)
        self.client.force_login(self.editor_de)
        with libretranslate_settings(self.server):
            page = soup(self.client.get(self.url(translated)))
            self.assertIn("„Over ons” (Nederlands) wordt vertaald in:", page.text)
            self.assertEqual([li.text for li in page.select("[data-languages] li")], ["Duits"])
            self.client.post(self.url(translated))
        record.refresh_from_db()
        self.assertEqual(record.status, MachineTranslation.Status.WAITING)
        self.assertEqual(record.requested_by, self.editor_de)
        self.assertFalse(TranslationSource.objects.filter(locale=self.german).exists())

    def test_without_a_translator_the_confirmation_says_so_and_nothing_is_queued(self):
        self.client.force_login(self.editor_de)
        page = soup(self.client.get(self.url(self.choir)))
        warning = page.select_one("[data-no-translator]")
        self.assertIn("Er is geen vertaaldienst ingesteld", warning.text)
        self.assertFalse(page.find("button", string="Machinaal vertalen en publiceren"))
        response = self.client.post(self.url(self.choir))
        self.assertIn("Er is geen vertaaldienst ingesteld", said(response)[0])
        self.assertEqual(MachineTranslation.objects.count(), 0)

    def test_without_a_translator_the_confirmations_promise_no_translation(self):
        self.client.force_login(self.editor_de)
        for url in (self.url(self.choir), f"{BULK}?id={self.choir.pk}&next=/admin/pages/"):
            with self.subTest(url=url):
                page = soup(self.client.get(url))
                self.assertIn("Er is geen vertaaldienst ingesteld", page.text)
                self.assertIn("Het koor zingt", page.text)
                for promise in ("wordt vertaald in", "worden in de andere taal vertaald"):
                    self.assertNotIn(promise, page.text)
                self.assertNotIn("op de achtergrond", page.text)
                self.assertFalse(page.select("main form button, main button[type=submit]"))

    def test_a_draft_is_not_translated(self):
        draft = self.add_page(title="Concept", slug="concept", live=False)
        self.client.force_login(self.editor_nl)
        with libretranslate_settings(self.server):
            page = soup(self.client.get(self.url(draft)))
            self.assertTrue(page.select("[data-not-live]"))
            response = self.client.post(self.url(draft))
        self.assertIn("Alleen gepubliceerde pagina's worden vertaald", said(response)[0])
        self.assertEqual(MachineTranslation.objects.count(), 0)

    def test_the_confirmations_warnings_carry_wagtails_icon(self):
        draft = self.add_page(title="Concept", slug="concept", live=False)
        self.client.force_login(self.editor_nl)
        # No translator and not published; the selection's confirmation says the first.
        assert_help_blocks_show_their_icon(self, self.client.get(self.url(draft)), 2)
        confirmation = self.client.get(f"{BULK}?id={self.choir.pk}&next=/admin/pages/")
        assert_help_blocks_show_their_icon(self, confirmation, 1)

    def test_a_selection_is_queued_through_the_bulk_action_leaving_drafts_out(self):
        draft = self.add_page(title="Concept", slug="concept", live=False)
        query = f"?id={self.choir.pk}&id={self.bridge.pk}&id={draft.pk}&next=/admin/pages/"
        self.client.force_login(self.editor_de)
        with libretranslate_settings(self.server):
            confirmation = soup(self.client.get(BULK + query))
            self.assertIn("Het koor zingt", confirmation.text)
            self.assertIn("Deze pagina wordt niet vertaald", confirmation.text)
            self.assertIn("Vertaaldienst: LibreTranslate.", confirmation.text)
            response = self.client.post(BULK + query)
        self.assertRedirects(response, "/admin/pages/", fetch_redirect_response=False)
        self.assertEqual(said(response), ["2 pagina's in de wachtrij gezet voor vertaling."])
        queued = MachineTranslation.objects.filter(status="waiting", requested_by=self.editor_de)
        self.assertEqual(
            sorted(record.translation.source.object_repr for record in queued),
            ["De brug", "Het koor zingt"],
        )

    def test_without_a_translator_the_bulk_action_queues_nothing(self):
        query = f"?id={self.choir.pk}&next=/admin/pages/"
        self.client.force_login(self.editor_nl)
        confirmation = soup(self.client.get(BULK + query))
        self.assertTrue(confirmation.select("[data-no-translator]"))
        self.assertFalse(confirmation.find("button", string="Ja, vertalen en publiceren"))
        response = self.client.post(BULK + query)
        self.assertIn("Er is geen vertaaldienst ingesteld", said(response)[0])
        self.assertEqual(MachineTranslation.objects.count(), 0)


class RefusalTests(MachineTranslationAdminTestCase):
    def test_moderators_and_members_are_refused_every_view(self):
        record = self.machine_translated(self.about)
        failure = self.failed(self.choir)
        addresses = [
            ("post", reverse("jumelage_machine_translation_reviewed", args=[record.pk])),
            ("post", reverse("jumelage_machine_translation_retry", args=[failure.pk])),
            ("get", reverse("jumelage_translate_page", args=[self.bridge.pk])),
            ("post", reverse("jumelage_translate_page", args=[self.bridge.pk])),
            ("get", f"{BULK}?id={self.bridge.pk}"),
            ("post", f"{BULK}?id={self.bridge.pk}"),
        ]
        with libretranslate_settings(self.server):
            for user, refusal in ((self.moderator, "/admin/"), (self.member, "/accounts/login/")):
                self.client.force_login(user)
                for method, url in addresses:
                    with self.subTest(user=user.email, method=method, url=url):
                        response = getattr(self.client, method)(url)
                        # A page's id: not found for a moderator (jumelage/page_routes.py).
                        if response.status_code not in (403, 404):
                            self.assertEqual(response.status_code, 302)
                            self.assertIn(refusal, response["Location"])
        record.refresh_from_db()
        failure.refresh_from_db()
        self.assertIsNone(record.reviewed_at)
        self.assertEqual(failure.status, MachineTranslation.Status.FAILED)
        self.assertEqual(MachineTranslation.objects.count(), 2)

    def test_an_editor_who_may_not_publish_the_page_is_refused(self):
        """An account of an editor group without the publish permission (an administrator's
        change): may edit, not publish, so not mark a translation reviewed."""
        record = self.machine_translated(self.about)
        group = Group.objects.create(name="Schrijvers")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        GroupPagePermission.objects.create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(codename="change_page"),
        )
        writer = User.objects.create_user("schrijver@example.org", "wachtwoord-123")
        writer.groups.add(group)
        self.client.force_login(writer)
        response = self.client.post(
            reverse("jumelage_machine_translation_reviewed", args=[record.pk])
        )
        self.assertRedirects(response, DASHBOARD, fetch_redirect_response=False)
        record.refresh_from_db()
        self.assertIsNone(record.reviewed_at)


class GlossaryTests(MachineTranslationAdminTestCase):
    LIST = "/admin/snippets/home/glossaryterm/"

    def test_editors_of_both_foundations_keep_the_glossary_moderators_do_not(self):
        for name in EDITOR_GROUPS:
            codenames = (
                Group.objects.get(name=name)
                .permissions.filter(content_type__model="glossaryterm")
                .values_list("codename", flat=True)
            )
            actions = {codename.partition("_")[0] for codename in codenames}
            self.assertEqual(actions, {"add", "change", "delete", "view"})
        moderators = Group.objects.get(name=MODERATORS)
        self.assertFalse(moderators.permissions.filter(content_type__model="glossaryterm"))

    def test_an_editor_adds_a_term_and_finds_it_in_the_list(self):
        self.client.force_login(self.editor_de)
        response = self.client.post(
            self.LIST + "add/",
            {"dutch": "Stichting Jumelage", "german": "", "note": "Naam van de stichting"},
        )
        self.assertRedirects(response, self.LIST, fetch_redirect_response=False)
        term = GlossaryTerm.objects.get()
        self.assertEqual(term.term_in("de"), "Stichting Jumelage")
        listing = self.client.get(self.LIST + "?q=jumelage").content.decode()
        self.assertIn("Stichting Jumelage", listing)
        self.assertIn("Naam van de stichting", listing)
        self.assertIn(self.LIST, self.client.get("/admin/snippets/").content.decode())

    def test_a_term_needs_one_language_at_least(self):
        self.client.force_login(self.editor_nl)
        response = self.client.post(self.LIST + "add/", {"dutch": " ", "german": "", "note": ""})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(GlossaryTerm.objects.exists())

    def test_moderators_are_refused_the_glossary(self):
        self.client.force_login(self.moderator)
        response = self.client.get(self.LIST)
        self.assertRedirects(response, DASHBOARD, fetch_redirect_response=False)
