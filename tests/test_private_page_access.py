"""A private page asks for a login on the site's own login page, and for a password on a page
of the site (walk of 2026-12-05, F2): Wagtail's bare login form at /_util/login/ logged in an
account whose address was never confirmed and counted no failed attempt, and its password page
had no layout and said "je"."""

import datetime
from urllib.parse import unquote

import time_machine
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client, TestCase
from wagtail.models import PageViewRestriction

from tests.stories_base import StoriesMixin

User = get_user_model()


# The tries count in ten-minute windows: the clock stands still inside one, or a test crossing a
# window's edge would get fresh tries.
@time_machine.travel(datetime.datetime(2026, 12, 5, 10, 3, tzinfo=datetime.UTC), tick=False)
class PrivatePageAccessTests(StoriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        cls.tour = cls.story(title="Fietstocht", slug="fietstocht")
        cls.tour_de = cls.translated(cls.tour, title="Radtour", slug="radtour")
        cls.closed = cls.story(title="Besloten verslag", slug="besloten-verslag")
        cls.closed_de = cls.translated(cls.closed, title="Geschlossener Bericht", slug="bericht")
        # On the Dutch pages; the German ones get the same (home/visibility.py).
        PageViewRestriction.objects.create(page=cls.tour, restriction_type="login")
        PageViewRestriction.objects.create(
            page=cls.closed, restriction_type="password", password="geheim-genoeg"
        )
        cls.unconfirmed = User.objects.create_user(
            "roos@example.org", "een-lang-wachtwoord", display_name="Roos", language="nl"
        )
        EmailAddress.objects.create(
            user=cls.unconfirmed, email=cls.unconfirmed.email, verified=False, primary=True
        )

    def test_a_login_only_page_leads_to_the_sites_login_in_its_language(self):
        for page, language, why in (
            (self.tour, "nl", "Deze pagina is alleen voor leden."),
            (self.tour_de, "de", "Diese Seite ist nur für Mitglieder."),
        ):
            with self.subTest(language=language):
                response = Client().get(page.url, follow=True)
                self.assertEqual(
                    unquote(response.redirect_chain[-1][0]),
                    f"/{language}/accounts/login/?next={page.url}",
                )
                # Saying why (second walk of 2026-12-05, F4).
                self.assertContains(response, why)

    def test_wagtails_own_login_form_is_the_sites_login(self):
        visitor = Client()
        response = visitor.get("/nl/_util/login/?next=/nl/members/")
        self.assertRedirects(
            response, "/nl/accounts/login/?next=/nl/members/", fetch_redirect_response=False
        )
        # Posted to directly, it logs in nobody: the unconfirmed address is not let in.
        visitor.post(
            "/nl/_util/login/?next=/nl/members/",
            {"username": "roos@example.org", "password": "een-lang-wachtwoord"},
        )
        self.assertNotIn("_auth_user_id", visitor.session)

    def test_the_password_page_is_a_page_of_the_site_in_its_language(self):
        for page, other, language, words in (
            (self.closed, self.closed_de, "nl", "Deze pagina is afgeschermd met een wachtwoord"),
            (self.closed_de, self.closed, "de", "Diese Seite ist durch ein Passwort geschützt"),
        ):
            with self.subTest(language=language):
                response = Client().get(page.url)
                self.assertContains(response, f'<html lang="{language}"')
                self.assertContains(response, 'class="site-header')
                self.assertContains(response, words)
                self.assertContains(response, 'name="password"')
                self.assertNotContains(response, page.title)
                # Nor its other language's address, whose slug carries the title: the switcher
                # leads to the other language's home page.
                self.assertNotContains(response, other.url)
                other_home = "/de/" if language == "nl" else "/nl/"
                self.assertContains(response, f'href="{other_home}" hreflang=')
                self.assertNotRegex(response.content.decode(), r"\b(je|jij|du|dich)\b")

    def test_a_wrong_password_is_told_in_the_pages_language_and_the_right_one_opens_it(self):
        visitor = Client()
        form = visitor.get(self.closed_de.url).context["form"]
        action = visitor.get(self.closed_de.url).context["action_url"]
        response = visitor.post(action, {"password": "falsch", "return_url": self.closed_de.url})
        self.assertContains(response, "Das Passwort ist nicht richtig.")
        # The switcher leads to the Dutch home, not to /nl/_util/… (second walk, F3).
        self.assertContains(response, 'href="/nl/" hreflang="nl"')
        self.assertContains(response, '<html lang="de"')
        self.assertIsNotNone(form)
        response = visitor.post(
            action, {"password": "geheim-genoeg", "return_url": self.closed_de.url}, follow=True
        )
        self.assertContains(response, "Geschlossener Bericht")

    def test_guessing_the_password_is_held_to_a_few_tries(self):
        visitor = Client()
        action = visitor.get(self.closed.url).context["action_url"]
        answers = [
            visitor.post(action, {"password": f"gok-{n}", "return_url": self.closed.url})
            for n in range(11)
        ]
        self.assertEqual([answer.status_code for answer in answers[:10]], [200] * 10)
        self.assertEqual(answers[10].status_code, 429)
        # Said of the password, not of a form to go back to (second walk of 2026-12-05, F7).
        self.assertContains(answers[10], "wachtwoord van een pagina", status_code=429)
        self.assertNotContains(answers[10], "terugknop", status_code=429)
        # Even the right password waits now.
        response = visitor.post(action, {"password": "geheim-genoeg", "return_url": "/nl/"})
        self.assertEqual(response.status_code, 429)


class MembersOnlySectionTests(StoriesMixin, TestCase):
    """A story overview only members may read lists its stories to them (walk of 2026-12-05,
    F3: it said "0 stories" to every member); to visitors it is the login."""

    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        cls.tour = cls.story(title="Fietstocht naar Clarholz", slug="fietstocht")
        cls.translated(cls.tour, title="Radtour nach Clarholz", slug="radtour")
        PageViewRestriction.objects.create(page=cls.story_index, restriction_type="login")
        cls.member = User.objects.create_user(
            "femke@example.org", "een-lang-wachtwoord", display_name="Femke", language="nl"
        )

    def test_a_member_reads_the_stories_of_a_members_only_overview_in_both_languages(self):
        self.client.force_login(self.member)
        for index, title in (
            (self.story_index, "Fietstocht naar Clarholz"),
            (self.story_index_de, "Radtour nach Clarholz"),
        ):
            with self.subTest(title=title):
                self.assertContains(self.client.get(index.url), title)
                self.assertEqual(Client().get(index.url).status_code, 302)

    def test_a_public_page_does_not_list_them_to_anyone(self):
        self.client.force_login(self.member)
        for client in (self.client, Client()):
            self.assertNotContains(client.get(self.home.url), "Fietstocht naar Clarholz")


class GroupOnlyPageTests(StoriesMixin, TestCase):
    """A page for a group: a member outside it was sent to the login, which sent her back to the
    page, without end (ERR_TOO_MANY_REDIRECTS); a visitor was told to become a member, which
    would not open it (walk 17b, F1 and F5)."""

    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        cls.board = Group.objects.create(name="Bestuur")
        cls.minutes = cls.story(title="Notulen", slug="notulen")
        cls.minutes_de = cls.translated(cls.minutes, title="Protokoll", slug="protokoll")
        restriction = PageViewRestriction.objects.create(
            page=cls.minutes, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([cls.board])
        cls.member = User.objects.create_user(
            "femke@example.org", "een-lang-wachtwoord", display_name="Femke", language="nl"
        )

    def test_a_member_outside_the_group_is_told_so_without_a_loop(self):
        client = Client()
        client.force_login(self.member)
        for url, words in (
            (self.minutes.url, "Deze pagina is voor een bepaalde groep"),
            (self.minutes_de.url, "Diese Seite ist für eine bestimmte Gruppe"),
        ):
            with self.subTest(url=url):
                response = client.get(url, follow=True)
                self.assertEqual(response.status_code, 403)
                self.assertLessEqual(len(response.redirect_chain), 1)
                self.assertContains(response, words, status_code=403)

    def test_the_groups_member_reads_it(self):
        self.member.groups.add(self.board)
        client = Client()
        client.force_login(self.member)
        self.assertContains(client.get(self.minutes.url), "Notulen")

    def test_a_visitor_is_told_the_page_is_for_a_group(self):
        response = Client().get(self.minutes.url, follow=True)
        self.assertContains(response, "Deze pagina is voor de leden van een bepaalde groep.")
        self.assertNotContains(response, "word lid")
