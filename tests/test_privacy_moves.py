"""A page moved into a private section is private in every language (second attack of
2026-12-05, F3). Wagtail-localize leaves the other language versions where they are when an
editor moves a page, so the German meeting stayed public in the public German calendar while the
Dutch one, moved into a private archive, asked for the password."""

from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, PageViewRestriction

from exchanges.factories import CalendarPageFactory, MeetingPageFactory
from tests.calendar_base import local
from tests.test_meeting_privacy import administrator, move_url, set_privacy
from tests.visits_base import VisitMixin

PASSWORD = {"restriction_type": PageViewRestriction.PASSWORD, "password": "geheim-genoeg"}


class PrivateArchiveCase(VisitMixin, TestCase):
    """A calendar "Archief" (German "Archiv") private with a password, a meeting translated
    into German and one shown in German through an alias."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.editor = administrator(cls)
        cls.archive = CalendarPageFactory(parent=cls.home, title="Archief", slug="archief")
        cls.archive_de = cls.translated(cls.archive, title="Archiv", slug="archiv")
        cls.session = cls.meeting(local(2030, 5, 1, 19, 0), title="Overleg", slug="overleg")
        cls.session_de = cls.translated(
            cls.session, title="Vertrauliche Besprechung", slug="vertrauliche-besprechung"
        )
        cls.alone = cls.meeting(local(2030, 5, 2, 19, 0), title="Alleen in het Nederlands")
        # Until it is translated, the German calendar shows it through an alias (as the admin
        # makes one for every new page).
        cls.alone.copy_for_translation(cls.german, alias=True)

    def setUp(self):
        self.client.force_login(self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            set_privacy(self.client, self.archive, PASSWORD)

    def move(self, page, destination):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(move_url(page, destination))
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.get_parent().pk, destination.pk)

    def assert_public(self, page, title):
        page.refresh_from_db()
        response = Client().get(page.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, title)

    def assert_private(self, page, title):
        page.refresh_from_db()  # moved along, perhaps
        visitor = Client()
        response = visitor.get(page.url)
        self.assertContains(response, 'name="password"')
        self.assertNotContains(response, title)
        for url in (
            "/de/kalender/?view=month&month=2030-05",
            "/de/search/?q=Besprechung",
            "/de/calendar.ics",
            "/sitemap.xml",
        ):
            with self.subTest(url=url):
                self.assertNotIn(title, visitor.get(url).content.decode())


class MovedIntoAPrivateSectionTests(PrivateArchiveCase):
    def test_the_german_version_of_a_meeting_moved_in_is_private_too(self):
        self.assertContains(Client().get(self.session_de.url), "Vertrauliche Besprechung")
        self.move(self.session, self.archive)
        self.assert_private(self.session_de, "Vertrauliche Besprechung")
        # Wagtail's privacy dialog on the German page says so, and where it is set.
        privacy = reverse("wagtailadmin_pages:set_privacy", args=[self.session_de.pk])
        dialog = self.client.get(privacy).json()["html"]
        self.assertIn(reverse("wagtailadmin_pages:edit", args=[self.archive_de.pk]), dialog)

    def test_the_german_alias_of_an_untranslated_meeting_moved_in_is_private_too(self):
        alias = Page.objects.get(alias_of=self.alone, locale=self.german)
        self.assertEqual(Client().get(alias.url).status_code, 200)
        self.move(self.alone, self.archive)
        self.assert_private(alias, "Alleen in het Nederlands")

    def test_the_dutch_version_of_a_german_meeting_moved_in_is_private_too(self):
        self.move(self.session_de, self.archive_de)
        self.session.refresh_from_db()
        response = Client().get(self.session.url)
        self.assertContains(response, 'name="password"')
        self.assertNotContains(response, "Overleg")

    def test_a_move_between_public_pages_makes_nothing_private(self):
        elsewhere = CalendarPageFactory(parent=self.home, title="Elders", slug="elders")
        self.move(self.session, elsewhere)
        self.assertContains(Client().get(self.session_de.url), "Vertrauliche Besprechung")
        self.assertEqual(
            set(PageViewRestriction.objects.values_list("page", flat=True)),
            {self.archive.pk, self.archive_de.pk},
        )


class LiftedAfterAMoveTests(PrivateArchiveCase):
    """What a move made private in the other language is public again once the page is public
    again (walk of 2026-12-05, F1): the German version kept the section's restriction after the
    editor made the section public, or moved the page out of it."""

    def test_the_section_made_public_again_opens_the_moved_page_in_both_languages(self):
        self.move(self.session, self.archive)
        self.move(self.alone, self.archive)
        alias = Page.objects.get(alias_of=self.alone, locale=self.german)
        with self.captureOnCommitCallbacks(execute=True):
            set_privacy(self.client, self.archive, {"restriction_type": "none"})
        self.assert_public(self.session_de, "Vertrauliche Besprechung")
        self.assert_public(alias, "Alleen in het Nederlands")
        self.assertFalse(PageViewRestriction.objects.exists())

    def test_moved_out_again_it_is_public_in_both_languages(self):
        self.move(self.session, self.archive)
        self.move(self.session, self.calendar)
        self.assert_public(self.session_de, "Vertrauliche Besprechung")
        self.assert_public(self.session, "Overleg")

    def test_a_privacy_of_the_pages_own_stays_when_the_section_is_made_public(self):
        self.move(self.session, self.archive)
        with self.captureOnCommitCallbacks(execute=True):
            set_privacy(self.client, self.session, {"restriction_type": "login"})
            set_privacy(self.client, self.archive, {"restriction_type": "none"})
        for page in (self.session, self.session_de):
            page.refresh_from_db()
            with self.subTest(page=page.title):
                self.assertEqual(Client().get(page.url).status_code, 302)


class VersionsMoveAlongTests(PrivateArchiveCase):
    """A page moved in one language moves in the other too, below the same page there, as
    wagtail-localize made it (walk of 2026-12-05, F1: the Dutch Contact moved into a section
    while the German Kontakt stayed at the top, and the two menus differed)."""

    def test_the_german_version_and_alias_move_below_the_german_archive(self):
        alias = Page.objects.get(alias_of=self.alone, locale=self.german)
        self.move(self.session, self.archive)
        self.move(self.alone, self.archive)
        for page in (self.session_de, alias):
            page.refresh_from_db()
            with self.subTest(page=page.title):
                self.assertEqual(page.get_parent().pk, self.archive_de.pk)
        # Private through the section, as in Dutch: no restriction of their own.
        self.assertEqual(
            set(PageViewRestriction.objects.values_list("page", flat=True)),
            {self.archive.pk, self.archive_de.pk},
        )
        self.assert_private(self.session_de, "Vertrauliche Besprechung")
        # Each page's history shows its move: Wagtail shows one entry per request and action.
        moves = PageLogEntry.objects.filter(
            action="wagtail.move", page__in=[self.session, self.session_de]
        )
        self.assertEqual(moves.count(), 2)
        self.assertEqual(len(set(moves.values_list("uuid", flat=True))), 2)

    def test_moved_back_by_the_german_editor_the_dutch_version_follows(self):
        self.move(self.session, self.archive)
        self.move(self.session_de, self.calendar_de)
        self.session.refresh_from_db()
        self.assertEqual(self.session.get_parent().pk, self.calendar.pk)
        self.assert_public(self.session, "Overleg")

    def test_the_confirmation_says_the_other_language_moves_along_and_turns_private(self):
        # The editor learnt either only later (walk of 2026-12-05, F4).
        page = self.client.get(move_url(self.session, self.archive)).content.decode()
        text = " ".join(page.split())
        self.assertIn("De versie in de andere taal gaat mee", text)
        self.assertIn("na het verplaatsen is deze pagina dat ook, in elke taal", text)
        elsewhere = CalendarPageFactory(parent=self.home, title="Elders", slug="elders")
        page = self.client.get(move_url(self.session, elsewhere)).content.decode()
        self.assertNotIn("in elke taal", page)

    def test_a_page_made_inside_the_private_section_and_moved_out_is_public_in_both(self):
        # Translated inside the section, moved out in Dutch: the German version stayed behind
        # the password (second attack of 2026-12-05, F4).
        kept = MeetingPageFactory(
            parent=self.archive,
            start=local(2030, 6, 1, 19, 0),
            end=local(2030, 6, 1, 21, 0),
            title="Jaarvergadering",
            slug="jaarvergadering",
        )
        kept_de = self.translated(kept, title="Jahresversammlung", slug="jahresversammlung")
        self.assert_private(kept_de, "Jahresversammlung")
        self.move(kept, self.calendar)
        self.assert_public(kept_de, "Jahresversammlung")
        self.assert_public(kept, "Jaarvergadering")

    def test_a_version_whose_address_is_taken_there_stays_and_is_made_private(self):
        CalendarPageFactory(parent=self.archive_de, title="X", slug="vertrauliche-besprechung")
        confirmation = self.client.get(move_url(self.session, self.archive)).content.decode()
        self.assertNotIn("De versie in de andere taal gaat mee", confirmation)
        self.move(self.session, self.archive)
        self.session_de.refresh_from_db()
        self.assertEqual(self.session_de.get_parent().pk, self.calendar_de.pk)
        self.assert_private(self.session_de, "Vertrauliche Besprechung")
