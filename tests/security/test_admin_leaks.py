"""What an editor does in Wagtail's admin to a member's contribution or a page, applied to all
of it (every language version, its photos), and what moderators do not see there."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client, TestCase
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageLogEntry
from wagtail_localize.models import LocaleSynchronization

from community.roles import EDITOR_GROUPS, MODERATORS
from community.roles.setup import setup_roles
from exchanges.models import StoryPage
from tests.calendar_base import CalendarMixin, local
from tests.test_members import MembersTestCase, User, photo


class AdminDeletesAMembersContributionTests(MembersTestCase):
    """Deleting a member's contribution in the admin removes what the member's own delete
    removes: its German alias, its photos and their collection."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        LocaleSynchronization.objects.get_or_create(locale=cls.german, sync_from=cls.dutch)
        cls.editor = User.objects.create_user("redactie@example.org", "x")
        cls.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        cls.hendrik = cls.member("hendrik@example.org", "Hendrik", "nl")

    def draft(self):
        photos = {}
        for slot, title in enumerate(("Fietsers", "De brug")):
            photos[f"photos-{slot}-image"] = photo(f"foto{slot}.jpg")
            photos[f"photos-{slot}-alt_text"] = title
        self.post_story(self.hendrik, submit="", draft="1", **photos)
        page = self.contribution()
        self.assertTrue(Page.objects.filter(alias_of=page, locale=self.german).exists())
        self.assertEqual(get_image_model().objects.filter(uploaded_by_user=self.hendrik).count(), 2)
        return page

    def assert_nothing_left(self, page):
        self.assertFalse(Page.objects.filter(translation_key=page.translation_key).exists())
        self.assertFalse(get_image_model().objects.filter(uploaded_by_user=self.hendrik).exists())
        self.assertFalse(Collection.objects.filter(name__startswith="Hendrik").exists())
        member = Client()
        member.force_login(self.hendrik)
        self.assertNotContains(member.get("/nl/members/"), "Fietsen naar Clarholz")

    def test_the_admins_delete_view_removes_the_alias_photos_and_collection(self):
        page = self.draft()
        self.client.force_login(self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"/admin/pages/{page.pk}/delete/")
        self.assertEqual(response.status_code, 302)
        self.assert_nothing_left(page)

    def test_the_admins_bulk_delete_removes_the_alias_photos_and_collection(self):
        page = self.draft()
        self.client.force_login(self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}")
        self.assertEqual(response.status_code, 302)
        self.assert_nothing_left(page)

    def test_deleting_the_story_overview_removes_the_contribution_with_it(self):
        page = self.draft()
        admin = User.objects.create_superuser("beheer@example.org", "x")
        self.client.force_login(admin)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"/admin/pages/{self.story_index.pk}/delete/")
        self.assertFalse(StoryPage.objects.filter(pk=page.pk).exists())
        self.assert_nothing_left(page)

    def test_deleting_a_published_contribution_leaves_no_redirect_to_it(self):
        """Its other versions are deleted first (`discard_with_contribution`): the address of
        the first one led to the original for a moment, which went next, and the deletion
        failed with a 500 on a redirect to a deleted page (attack of 2026-12-05, F1; also
        a member's deletion of her account with her contributions)."""
        self.post_story(self.hendrik)
        page = self.approve(self.contribution())
        # Translated (as the machine translation does): a published page of its own.
        german = StoryPage.objects.get(alias_of=page)
        german.alias_of, german.title = None, "Mit dem Rad nach Clarholz"
        german.save_revision().publish()
        self.client.force_login(self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"/admin/pages/{page.pk}/delete/")
        self.assertEqual(response.status_code, 302)
        connection.check_constraints()
        self.assert_nothing_left(page)
        self.assertFalse(Redirect.objects.exists())

    def test_deleting_only_the_german_version_keeps_the_members_original_and_photos(self):
        page = self.draft()
        alias = Page.objects.get(alias_of=page, locale=self.german)
        self.client.force_login(self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"/admin/pages/{alias.pk}/delete/")
        self.assertFalse(Page.objects.filter(pk=alias.pk).exists())
        self.assertTrue(StoryPage.objects.filter(pk=page.pk).exists())
        self.assertEqual(get_image_model().objects.filter(uploaded_by_user=self.hendrik).count(), 2)


class ModeratorAndEditorTestCase(MembersTestCase):
    """A moderator, a Dutch editor and a member (Maria), in the groups setup_roles makes."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        cls.reviewer = User.objects.create_user("nur-moderator@example.org", "x")
        cls.reviewer.groups.add(Group.objects.get(name=MODERATORS))
        cls.editor = User.objects.create_user("redactie@example.org", "x")
        cls.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        cls.maria = cls.member("maria@example.org", "Maria", "nl")


class ModeratorSeesNoDraftsTests(ModeratorAndEditorTestCase):
    """Moderators review what is sent to them; the page chooser and the site history would show
    them the titles of members' unsent drafts and the addresses of everyone who acted."""

    def test_the_page_chooser_and_site_history_show_a_moderator_nothing_of_a_draft(self):
        self.post_story(self.maria, title="Fietsen in de regen", submit="", draft="1")
        draft = self.contribution("Fietsen in de regen")
        staff = Client()
        for user, allowed in ((self.reviewer, False), (self.editor, True)):
            staff.force_login(user)
            for path in (
                "/admin/choose-page/search/?q=fietsen",
                f"/admin/choose-page/{draft.pk}/",
                f"/admin/choose-page/{self.story_index.pk}/",
                "/admin/choose-page/?locale=nl&page_type=exchanges.storypage",
                f"/admin/choose-page/chosen-multiple/?id={draft.pk}",
            ):
                with self.subTest(user=user.email, path=path):
                    response = staff.get(path)
                    self.assertEqual(response.status_code == 200, allowed)
                    if not allowed:
                        self.assertNotIn("Fietsen in de regen", response.content.decode())
            for path in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
                with self.subTest(user=user.email, path=path):
                    response = staff.get(path)
                    self.assertEqual(response.status_code == 200, allowed)
                    if not allowed:
                        self.assertNotIn("maria@example.org", response.content.decode())


class PrivacyHoldsInEveryLanguageTests(CalendarMixin, TestCase):
    """An editor makes a story and a meeting private in Wagtail's privacy dialog on the Dutch
    page: the German versions ask for the password too and are listed nowhere; made public
    again, both are public."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        setup_roles()
        cls.editor = User.objects.create_user("redactie@example.org", "x")
        cls.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        cls.tour = cls.story(title="Fietstocht Steenwijk-Herzebrock", slug="fietstocht")
        cls.tour_de = cls.translated(
            cls.tour, title="Radtour Steenwijk-Herzebrock", slug="radtour-steenwijk-herzebrock"
        )
        cls.session = cls.meeting(local(2030, 5, 1, 19, 0), title="Geheim overleg", slug="overleg")
        cls.session_de = cls.translated(
            cls.session, title="Geheime Besprechung", slug="geheime-besprechung"
        )

    def privacy(self, page, **data):
        self.client.force_login(self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"/admin/pages/{page.pk}/privacy/", data)
        self.assertEqual(response.status_code, 200)
        self.client.logout()

    def listed(self, text):
        visitor = Client()
        return {
            url: text in visitor.get(url).content.decode()
            for url in (
                "/de/search/?q=Radtour",
                "/de/search/?q=Besprechung",
                "/sitemap.xml",
                "/de/kalender/?view=month&month=2030-05",
                "/de/calendar.ics",
                "/de/feeds/stories.rss",
                "/de/feeds/stories.atom",
            )
        }

    def test_a_password_on_the_dutch_page_closes_the_german_one_and_lifting_it_opens_both(self):
        self.assertTrue(any(self.listed("Radtour Steenwijk-Herzebrock").values()))
        self.assertTrue(any(self.listed("Geheime Besprechung").values()))
        for page in (self.tour, self.session):
            self.privacy(page, restriction_type="password", password="geheim-123")
        for german, title in (
            (self.tour_de, "Radtour Steenwijk-Herzebrock"),
            (self.session_de, "Geheime Besprechung"),
        ):
            with self.subTest(page=title):
                response = Client().get(german.url)
                self.assertContains(response, 'name="password"')
                self.assertNotContains(response, title)
                self.assertEqual(self.listed(title), dict.fromkeys(self.listed(title), False))
                self.assertNotIn(german.full_url, Client().get("/sitemap.xml").content.decode())
        # Wagtail's privacy indicator on the German page says it is private.
        self.client.force_login(self.editor)
        dialog = self.client.get(f"/admin/pages/{self.tour_de.pk}/privacy/")
        self.assertRegex(dialog.json()["html"], r'value="password"[^>]*checked')
        for page in (self.tour, self.session):
            self.privacy(page, restriction_type="none")
        for german, title in (
            (self.tour_de, "Radtour Steenwijk-Herzebrock"),
            (self.session_de, "Geheime Besprechung"),
        ):
            with self.subTest(page=title):
                self.assertContains(Client().get(german.url), title)
                self.assertTrue(any(self.listed(title).values()))

    def test_the_history_of_each_version_names_the_editor_and_reads_in_its_readers_language(self):
        # The German page's history read "Ansichtsrestriktion „Afgeschermd, toegankelijk voor
        # alle ingelogde gebruikers“ …" with no one named, after the Dutch editor's change (walk
        # of 2026-12-05, F5).
        from django.urls import reverse
        from wagtail.users.models import UserProfile

        self.privacy(self.tour, restriction_type="login")
        self.privacy(self.tour, restriction_type="none")
        german_editor = User.objects.create_user("redaktion@example.org", "x")
        german_editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[1]))
        profile = UserProfile.get_for_user(german_editor)
        profile.preferred_language = "de"
        profile.save()
        self.client.force_login(german_editor)
        for page in (self.tour_de, self.tour):
            history = self.client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
            text = " ".join(history.content.decode().split())
            with self.subTest(page=page.pk):
                # Both entries, on both pages: Wagtail's history shows one entry per request and
                # action across all pages (second walk of 2026-12-05, F2).
                self.assertIn(
                    "„Privat, zugänglich für alle angemeldeten Benutzer“ hinzugefügt", text
                )
                self.assertIn("entfernt", text)
                self.assertNotIn("Afgeschermd", text)
        entries = PageLogEntry.objects.filter(
            page=self.tour_de, action__startswith="wagtail.view_restriction"
        )
        self.assertEqual(
            sorted(entries.values_list("action", "user")),
            [
                ("wagtail.view_restriction.create", self.editor.pk),
                ("wagtail.view_restriction.delete", self.editor.pk),
            ],
        )

    def test_a_translation_made_of_a_private_page_is_private_too(self):
        story = self.story(title="Besloten verslag", slug="besloten-verslag")
        self.privacy(story, restriction_type="password", password="geheim-123")
        german = self.translated(story, title="Geschlossener Bericht", slug="geschlossener-bericht")
        response = Client().get(german.url)
        self.assertContains(response, 'name="password"')
        self.assertNotContains(response, "Geschlossener Bericht")
        self.assertFalse(any(self.listed("Geschlossener Bericht").values()))
