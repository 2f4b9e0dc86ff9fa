"""Attack 16 of 2026-12-05: privacy across languages after a move, a proxy's copies of a page
made private, and the demo loader after a deleted editor's address went to another account."""

import datetime
import re
from io import StringIO

import time_machine
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site
from wagtail_localize.models import TranslationSource

from exchanges.factories import CalendarPageFactory
from home.factories import StandardPageFactory
from home.models import FoundationSettings
from tests import test_private_page_access
from tests.base import gave_password
from tests.calendar_base import local
from tests.stories_base import StoriesMixin
from tests.test_caching import CachedSiteTestCase, PurgeRecorder, RecordedPurgesMixin
from tests.test_meeting_privacy import administrator, move_url, set_privacy
from tests.test_members import MembersTestCase
from tests.visits_base import VisitMixin

OLD = {"restriction_type": PageViewRestriction.PASSWORD, "password": "oud-wachtwoord"}
NEW = {"restriction_type": PageViewRestriction.PASSWORD, "password": "nieuw-wachtwoord"}
MEMBERS = {"restriction_type": PageViewRestriction.LOGIN}


class SectionChangedAfterAMoveTests(VisitMixin, TestCase):
    """A meeting moved into a private section: its German version got a copy of the section's
    restriction, which stayed as it was when the editor changed the section's (F1), and was not
    given at all when the German version lay below another private section (F2)."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.editor = administrator(cls)
        cls.archive = CalendarPageFactory(parent=cls.home, title="Archief", slug="archief")
        cls.archive_de = cls.translated(cls.archive, title="Archiv", slug="archiv")
        cls.members = CalendarPageFactory(parent=cls.home, title="Leden", slug="leden")
        cls.members_de = cls.translated(cls.members, title="Mitglieder", slug="mitglieder")
        cls.session = cls.meeting(local(2030, 5, 1, 19, 0), title="Overleg", slug="overleg")
        cls.session_de = cls.translated(
            cls.session, title="Vertrauliche Besprechung", slug="vertrauliche-besprechung"
        )
        cls.board = Group.objects.create(name="Bestuur")
        cls.reader = get_user_model().objects.create_user(
            "lid@example.org", "een-lang-wachtwoord", display_name="Lid"
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def privacy(self, page, data):
        with self.captureOnCommitCallbacks(execute=True):
            set_privacy(self.client, page, data)

    def move(self, page, destination):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(move_url(page, destination))
        self.assertEqual(response.status_code, 302)
        # Its other version moves along (home/language_trees.py).
        for moved in (page, self.session, self.session_de):
            moved.refresh_from_db()

    def opens_with(self, password):
        """Whether a visitor with `password` reads the German meeting."""
        visitor = Client()
        page = self.session_de
        for restriction in page.get_view_restrictions():
            if restriction.restriction_type == PageViewRestriction.PASSWORD:
                url = reverse(
                    "wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]
                )
                visitor.post(url, {"password": password, "return_url": page.url})
        return "Vertrauliche Besprechung" in visitor.get(page.url).content.decode()

    def test_the_sections_new_password_holds_for_the_german_version_moved_in(self):
        self.privacy(self.archive, OLD)
        self.move(self.session, self.archive)
        self.assertTrue(self.opens_with("oud-wachtwoord"))
        self.privacy(self.archive, NEW)
        self.assertFalse(self.opens_with("oud-wachtwoord"))
        self.assertTrue(self.opens_with("nieuw-wachtwoord"))

    def test_a_section_for_a_group_is_for_that_group_in_german_too(self):
        self.privacy(self.archive, MEMBERS)
        self.move(self.session, self.archive)
        self.privacy(self.archive, {"restriction_type": "groups", "groups": [self.board.pk]})
        member = Client()
        member.force_login(self.reader)
        for page, title in ((self.session, "Overleg"), (self.session_de, "Vertrauliche")):
            with self.subTest(page=page.url):
                response = member.get(page.url)
                self.assertEqual(response.status_code, 302)
                self.assertNotIn(title, response.content.decode())

    def test_moved_from_a_members_section_into_a_password_section(self):
        self.privacy(self.members, MEMBERS)
        self.privacy(self.archive, NEW)
        self.move(self.session, self.members)
        self.move(self.session, self.archive)
        member = Client()
        member.force_login(self.reader)
        self.assertContains(member.get(self.session.url), 'name="password"')
        response = member.get(self.session_de.url)
        self.assertContains(response, 'name="password"')
        self.assertNotContains(response, "Vertrauliche Besprechung")

    def test_a_page_with_its_own_restriction_keeps_it_in_german(self):
        self.privacy(self.archive, NEW)
        self.privacy(self.session, MEMBERS)
        self.move(self.session, self.archive)
        own = PageViewRestriction.objects.get(page=self.session_de)
        self.assertEqual(own.restriction_type, PageViewRestriction.LOGIN)


class AliasOfAPrivatePageTests(VisitMixin, TestCase):
    """Wagtail serves an alias under the restrictions of the page it mirrors and of its own
    ancestors, not of the mirrored page's ancestors: an alias (Wagtail's copy dialog, "Alias")
    of a page of a private section, placed in a public one, showed it to anyone, in the menu and
    the API too (F3)."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.editor = administrator(cls)
        cls.board = StandardPageFactory(parent=cls.home, title="Bestuur", slug="bestuur")
        cls.report = StandardPageFactory(
            parent=cls.board, title="Geheim verslag", slug="verslag", show_in_menus=True
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def privacy(self, page, data):
        with self.captureOnCommitCallbacks(execute=True):
            set_privacy(self.client, page, data)

    def assert_private(self, alias):
        visitor = Client()
        response = visitor.get(alias.url)
        self.assertContains(response, 'name="password"')
        self.assertNotContains(response, "Geheim verslag")
        for url in ("/nl/", "/api/v2/pages/?type=home.StandardPage&fields=title"):
            with self.subTest(url=url):
                self.assertNotIn("Geheim verslag", visitor.get(url).content.decode())

    def alias_on_the_home_page(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailadmin_pages:copy", args=[self.report.pk]),
                {
                    "new_title": "Geheim verslag",
                    "new_slug": "verslag-ook-hier",
                    "new_parent_page": self.home.pk,
                    "publish_copies": True,
                    "alias": True,
                },
            )
        self.assertEqual(response.status_code, 302)
        return self.report.aliases.get(slug="verslag-ook-hier")

    def test_an_alias_made_of_a_private_sections_page_is_private(self):
        self.privacy(self.board, NEW)
        self.assert_private(self.alias_on_the_home_page())

    def test_an_alias_made_before_its_section_went_private_goes_private_with_it(self):
        alias = self.alias_on_the_home_page()
        self.assertContains(Client().get(alias.url), "Geheim verslag")
        self.privacy(self.board, NEW)
        self.assert_private(alias)


class PrivatePageInTheMenuTests(VisitMixin, TestCase):
    """A private page among the home page's children shown in menus was in everybody's main
    menu (title and address) on every page whose footer page is not a child of the home page,
    and a private footer page among the footer's links (F7)."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.editor = administrator(cls)
        cls.board = StandardPageFactory(
            parent=cls.home, title="Bestuurskamer", slug="bestuur", show_in_menus=True
        )
        cls.board_de = cls.translated(cls.board, title="Vorstandszimmer", slug="vorstand")
        # The footer's privacy statement lives below the about page, not on the home page.
        about = StandardPageFactory(parent=cls.home, title="Over ons", slug="over-ons")
        statement = StandardPageFactory(parent=about, title="Privacy", slug="privacy")
        footer = FoundationSettings.for_site(Site.objects.get(is_default_site=True))
        footer.privacy_page = statement
        footer.save()
        cls.statement = statement

    def test_neither_language_names_it_to_a_visitor(self):
        self.assertContains(Client().get("/nl/"), "Bestuurskamer")
        self.client.force_login(self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            set_privacy(self.client, self.board, NEW)
        for url, title in (
            ("/nl/", "Bestuurskamer"),
            ("/nl/agenda/", "Bestuurskamer"),
            (self.story_index.url, "Bestuurskamer"),
            ("/de/", "Vorstandszimmer"),
            (self.calendar_de.url, "Vorstandszimmer"),
        ):
            with self.subTest(url=url):
                response = Client().get(url)
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, title)

    def test_a_private_footer_page_is_not_linked(self):
        self.assertContains(Client().get("/nl/agenda/"), 'href="/nl/over-ons/privacy/"')
        self.client.force_login(self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            set_privacy(self.client, self.statement, NEW)
        self.assertNotContains(Client().get("/nl/agenda/"), 'href="/nl/over-ons/privacy/"')


class PrivacyPurgesTheProxyTests(RecordedPurgesMixin, CachedSiteTestCase):
    """A page made private in the privacy dialog is neither published nor unpublished: a
    caching proxy kept serving its public copy, and the overviews listing it (F6)."""

    def setUp(self):
        super().setUp()
        admin = get_user_model().objects.create_superuser(
            "beheer@example.org", "een-lang-wachtwoord", display_name="Beheer"
        )
        self.client.force_login(admin)

    def test_making_a_story_private_purges_it_in_both_languages_and_its_overviews(self):
        with self.captureOnCommitCallbacks(execute=True):
            set_privacy(self.client, self.first_story, NEW)
        paths = {path for _, path in PurgeRecorder.purged}
        expected = {
            "/nl/verhalen/fietsen/",
            "/de/geschichten/radtour/",
            "/nl/verhalen/",
            "/nl/",
            "/nl/feeds/stories.rss",
        }
        self.assertTrue(expected <= paths, expected - paths)

    def test_a_new_password_purges_nothing(self):
        with self.captureOnCommitCallbacks(execute=True):
            set_privacy(self.client, self.first_story, OLD)
        PurgeRecorder.purged = []
        with self.captureOnCommitCallbacks(execute=True):
            set_privacy(self.client, self.first_story, NEW)
        self.assertEqual(PurgeRecorder.purged, [])


class DemoLoadAfterEditsTests(TestCase):
    """An administrator deleted the demo's Dutch editor and gave her address to another account
    (or someone signed up with it): the next load stopped with an IntegrityError (F4), where it
    says what to do, as for an address the demo never had. An editor moved, renamed or deleted
    a demo page: the next load made it again, at its old address, in both languages (F5)."""

    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=StringIO())

    def test_the_load_says_so_and_gives_the_account_no_editor_role(self):
        from allauth.account.models import EmailAddress

        user_model = get_user_model()
        address = "redactie@jumelage-steenwijkerland.example"
        user_model.objects.get(email=address).delete()
        hendrik = user_model.objects.get(email="hendrik@bewoners.example")
        hendrik.email = address.upper()
        hendrik.save()
        EmailAddress.objects.filter(user=hendrik).update(email=hendrik.email)
        with self.assertRaisesMessage(CommandError, "did not create"):
            with self.captureOnCommitCallbacks(execute=True):
                call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        self.assertFalse(user_model.objects.filter(email__iexact=address).exclude(pk=hendrik.pk))
        hendrik.refresh_from_db()
        self.assertFalse(hendrik.groups.exists())

    def test_pages_editors_moved_renamed_or_deleted_are_not_made_again(self):
        from wagtail.models import Page

        from exchanges.models import StoryPage
        from home.models import StandardPage

        about = StandardPage.objects.get(slug="over-de-jumelage", locale__language_code="nl")
        contact = StandardPage.objects.get(slug="contact", locale__language_code="nl")
        contact.move(about, pos="last-child")
        story = StoryPage.objects.get(slug="vervolgoverleg-van-de-twee-stichtingen")
        story.slug = "twee-stichtingen-een-werkplan"
        story.save_revision().publish()
        gone = StoryPage.objects.get(slug="water-in-de-kop-van-overijssel")
        with self.captureOnCommitCallbacks(execute=True):
            gone.get_translations().delete()
            gone.delete()
        pages = Page.objects.count()
        out = StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", verbosity=2, stdout=out, stderr=out)
        self.assertEqual(Page.objects.count(), pages, out.getvalue())
        for title in ("Contact", "Twee stichtingen, één werkplan"):
            with self.subTest(title=title):
                self.assertEqual(Page.objects.filter(title=title).count(), 1)
        self.assertFalse(StoryPage.objects.filter(slug="water-in-de-kop-van-overijssel"))


class OldAddressHearsInTheMembersLanguageTests(MembersTestCase):
    """The email to the old address of a confirmed change was written in the language of the
    page the link was opened on, not the member's: it looked her up by the old address, which
    is no longer hers by then (second pass of attack 16, F1)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        EmailAddress.objects.create(
            user=cls.bernd, email=cls.bernd.email, verified=True, primary=True
        )

    def test_a_german_member_hears_of_her_new_address_in_german(self):
        self.client.force_login(self.bernd)
        gave_password(self.client)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                "/de/accounts/email/", {"email": "bernd2@example.org", "action_add": ""}
            )
        [confirmation] = mail.outbox
        mail.outbox.clear()
        link = re.search(r"http://testserver/de(/accounts/confirm-email/\S+)", confirmation.body)
        # Opened on the Dutch site (another browser, a link shared to her phone, …).
        with self.captureOnCommitCallbacks(execute=True):
            Client().post("/nl" + link.group(1))
        [email] = mail.outbox
        self.assertEqual(email.to, ["bernd@example.org"])
        self.assertEqual(email.subject, "Ihre E-Mail-Adresse wurde geändert")
        self.assertTrue(email.body.startswith("Guten Tag,"), email.body)


# The tries count in ten-minute windows: the clock stands still inside one, or a test crossing a
# window's edge would get fresh tries.
@time_machine.travel(datetime.datetime(2026, 12, 5, 10, 3, tzinfo=datetime.UTC), tick=False)
class PagePasswordTriesPerAddressTests(StoriesMixin, TestCase):
    """The password of a private page was held to ten tries per account when logged in: a
    visitor whose address had used them up had ten more with each account she logged in with
    (second pass of attack 16, F3). The address counts for members too."""

    setUpTestData = classmethod(
        test_private_page_access.PrivatePageAccessTests.setUpTestData.__func__
    )

    def test_logging_in_gives_no_more_tries(self):
        visitor = Client()
        action = visitor.get(self.closed.url).context["action_url"]
        for n in range(10):
            visitor.post(action, {"password": f"gok-{n}", "return_url": self.closed.url})
        member = get_user_model().objects.create_user("gok@example.org", "een-lang-wachtwoord")
        visitor.force_login(member)
        response = visitor.post(action, {"password": "gok-10", "return_url": self.closed.url})
        self.assertEqual(response.status_code, 429)

    def test_each_account_still_has_its_own_tries(self):
        member = get_user_model().objects.create_user("gok@example.org", "een-lang-wachtwoord")
        for address in ("192.0.2.1", "192.0.2.2"):
            visitor = Client(REMOTE_ADDR=address)
            visitor.force_login(member)
            action = visitor.get(self.closed.url).context["action_url"]
            for n in range(5):
                visitor.post(action, {"password": f"gok-{n}", "return_url": self.closed.url})
        response = visitor.post(action, {"password": "gok", "return_url": self.closed.url})
        self.assertEqual(response.status_code, 429)


class GroupPrivacyOfATranslatedPageTests(VisitMixin, TestCase):
    """A page private to a group (the board), translated with wagtail-localize: its copy of the
    restriction for the translation is saved before (and, by wagtail-localize, without) its
    groups, and that empty list was mirrored back onto the original, so the board could read
    neither version any more (second pass of attack 16, F6)."""

    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.editor = administrator(cls)
        cls.board = Group.objects.create(name="Bestuur")
        cls.chair = get_user_model().objects.create_user(
            "voorzitter@example.org", "een-lang-wachtwoord", display_name="Voorzitter"
        )
        cls.chair.groups.add(cls.board)
        cls.session = cls.meeting(local(2030, 7, 1, 19, 0), title="Bestuursoverleg")

    def test_the_board_reads_both_versions_after_the_translation(self):
        self.client.force_login(self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            set_privacy(
                self.client, self.session, {"restriction_type": "groups", "groups": [self.board.pk]}
            )
        source, _ = TranslationSource.get_or_create_from_instance(self.session)
        with self.captureOnCommitCallbacks(execute=True):
            source.create_or_update_translation(self.german, publish=True, fallback=True)
        for restriction in PageViewRestriction.objects.all():
            with self.subTest(page=restriction.page.locale.language_code):
                self.assertEqual(list(restriction.groups.all()), [self.board])
        chair = Client()
        chair.force_login(self.chair)
        german = self.session.get_translation(self.german)
        for page in (self.session, german):
            with self.subTest(url=page.url):
                self.assertContains(chair.get(page.url), "Bestuursoverleg")
