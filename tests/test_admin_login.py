"""On the way into the admin: where members and editors land after logging in or confirming
their address, and in which language, when the admin sent them to the login."""

from urllib.parse import parse_qs, urlsplit

from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from community.roles import EDITOR_GROUPS, MODERATORS
from community.roles.setup import setup_roles
from tests.base import BilingualSiteTestCase

User = get_user_model()
PASSWORD = "wachtwoord-123"  # noqa: S105


class AdminLoginTestCase(BilingualSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        cls.sabine = cls.account("sabine@example.org", "Sabine", "de")
        cls.anke = cls.account("anke@example.org", "Anke", "nl")
        cls.redaktion = cls.account("redaktion@example.org", "Redaktion", "de", EDITOR_GROUPS[1])
        cls.moderator = cls.account("moderatie@example.org", "Moderatie", "nl", MODERATORS)

    @classmethod
    def account(cls, email, name, language, group=None, verified=True):
        user = User.objects.create_user(email, PASSWORD, display_name=name, language=language)
        if group:
            user.groups.add(Group.objects.get(name=group))
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
        if verified:
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    def log_in(self, user, language="nl", **query):
        return self.client.post(
            f"/{language}/accounts/login/",
            {"login": user.email, "password": PASSWORD, **query},
            follow=True,
        )

    def messages(self, response):
        return [str(message) for message in response.context["messages"]]


class MemberSentByTheAdminTests(AdminLoginTestCase):
    """A member who follows a link into the admin is asked to log in; the admin is not for them,
    so they land in their member area, in their language, without Wagtail's refusal."""

    def test_german_member_logging_in_on_the_dutch_login_lands_in_the_german_member_area(self):
        # The admin's address as typed, with or without its closing slash, or percent-encoded.
        for admin in ("/admin/", "/admin", "/%61dmin/"):
            with self.subTest(next=admin):
                self.client.logout()
                response = self.log_in(self.sabine, language="nl", next=admin)
                self.assertEqual(response.redirect_chain[-1][0], "/de/members/")
                self.assertContains(response, '<html lang="de"')
                self.assertNotContains(response, "message--error")
                with translation.override("de"):
                    told = gettext("The editing environment is for the foundations' editors.")
                self.assertEqual(self.messages(response), ["Sie sind als Sabine eingeloggt.", told])

    def test_german_member_logging_in_on_the_german_login_is_not_told_in_dutch(self):
        response = self.log_in(self.sabine, language="de", next="/admin/pages/")
        self.assertEqual(response.redirect_chain[-1][0], "/de/members/")
        self.assertNotContains(response, "Je hebt geen toegang")
        self.assertNotContains(response, "U bent aangemeld")

    def test_dutch_member_logging_in_on_the_german_login_lands_in_the_dutch_member_area(self):
        response = self.log_in(self.anke, language="de", next="/admin/")
        self.assertEqual(response.redirect_chain[-1][0], "/nl/members/")
        self.assertContains(response, "U bent ingelogd als Anke.")
        self.assertNotContains(response, "Sie sind als")

    def test_german_member_already_logged_in_who_opens_the_admin_is_told_in_german(self):
        """With a Dutch browser: Wagtail's informal Dutch refusal is not shown."""
        for admin in ("/admin/", "/admin/pages/", "/admin/members/"):
            with self.subTest(admin=admin):
                self.client.force_login(self.sabine)
                response = self.client.get(admin, follow=True, HTTP_ACCEPT_LANGUAGE="nl")
                self.assertEqual(response.redirect_chain[-1][0], "/de/members/")
                self.assertContains(response, '<html lang="de"')
                with translation.override("de"):
                    told = gettext("The editing environment is for the foundations' editors.")
                self.assertEqual(self.messages(response), [told])

    def test_member_who_opens_the_admin_several_times_is_told_once(self):
        """Tabs opened on the admin, or a reload before the member area came: the notice is
        queued by each visit and was shown as many times."""
        self.client.force_login(self.sabine)
        for _visit in range(3):
            address = "/admin/"
            while address != "/de/members/":
                address = self.client.get(address).url
        response = self.client.get("/de/members/")
        with translation.override("de"):
            told = gettext("The editing environment is for the foundations' editors.")
        self.assertEqual(self.messages(response), [told])

    def test_member_logging_in_for_a_page_of_the_site_still_lands_there(self):
        response = self.log_in(self.sabine, language="de", next="/de/")
        self.assertEqual(response.redirect_chain[-1][0], "/de/")
        self.assertEqual(self.messages(response), ["Sie sind als Sabine eingeloggt."])


class EditorAtTheLoginTests(AdminLoginTestCase):
    """The admin sends whoever is not logged in to the login of their browser's language: before
    they log in, nothing says whose account it is. The editors' notice there offers the login
    in the other language, keeping where they were going."""

    def test_german_editor_with_a_dutch_browser_finds_the_german_login_in_the_notice(self):
        response = self.client.get(
            "/admin/pages/", headers={"accept-language": "nl-NL,nl;q=0.9"}, follow=True
        )
        self.assertEqual(response.redirect_chain[-1][0], "/nl/accounts/login/?next=/admin/pages/")
        notice = BeautifulSoup(response.content, "html.parser").select_one(".notice")
        link = notice.find("a", lang="de")
        with translation.override("de"):
            self.assertEqual(link.get_text(strip=True), gettext("Log in in this language"))
        address = urlsplit(link["href"])
        self.assertEqual(address.path, "/de/accounts/login/")
        self.assertEqual(parse_qs(address.query)["next"], ["/admin/pages/"])

        response = self.log_in(self.redaktion, language="de", next="/admin/pages/")
        self.assertEqual(response.redirect_chain[-1][0], "/admin/pages/")
        self.assertContains(response, '<html lang="de"')

    def test_after_a_mistyped_password_the_other_languages_login_still_leads_to_the_admin(self):
        # The login sent back with its error keeps `next` in the form, not in its address: the
        # links to the German login (the notice's and the language switch's) lose nothing.
        response = self.client.post(
            "/nl/accounts/login/",
            {"login": self.redaktion.email, "password": "verkeerd", "next": "/admin/pages/"},
        )
        self.assertEqual(response.status_code, 200)
        page = BeautifulSoup(response.content, "html.parser")
        links = [page.select_one(".notice").find("a", lang="de"), page.find("a", hreflang="de")]
        for link in links:
            address = urlsplit(link["href"])
            self.assertEqual(address.path, "/de/accounts/login/")
            self.assertEqual(parse_qs(address.query)["next"], ["/admin/pages/"])

    def test_members_login_without_the_admin_has_no_editors_notice(self):
        response = self.client.get("/nl/accounts/login/?next=/nl/")
        self.assertNotContains(response, 'class="notice"')


class LoggingInOnTheSiteTests(AdminLoginTestCase):
    """Editors and moderators who log in on the site's form land in the admin, where they work;
    they landed in a member area with "Write a story" and no way into the admin (walk 11)."""

    def test_editors_and_moderators_land_on_the_admins_dashboard(self):
        for user, language in ((self.moderator, "nl"), (self.redaktion, "de")):
            with self.subTest(user=user.email):
                self.client.logout()
                response = self.log_in(user, language=language)
                self.assertEqual(response.redirect_chain[-1][0], "/admin/")
                self.assertContains(response, 'id="jumelage-review-heading"')

    def test_members_land_in_their_member_area_and_a_next_address_is_followed(self):
        response = self.log_in(self.anke)
        self.assertEqual(response.redirect_chain[-1][0], "/nl/members/")
        self.client.logout()
        response = self.log_in(self.moderator, next="/nl/agenda/")
        self.assertEqual(response.redirect_chain[-1][0], "/nl/agenda/")


class ConfirmingTheAddressTests(AdminLoginTestCase):
    """After confirming their address by the link in allauth's email, editors and moderators go
    on to the admin, where they work; members to their member area, as before."""

    def confirm(self, user, language="de"):
        address = EmailAddress.objects.get(user=user, email=user.email)
        key = EmailConfirmationHMAC(address).key
        return self.client.post(f"/{language}/accounts/confirm-email/{key}/", follow=True)

    def test_new_editor_confirming_after_the_first_login_lands_in_the_admin(self):
        editor = self.account("neu@example.org", "Neu", "de", EDITOR_GROUPS[1], verified=False)
        self.log_in(editor, language="de")
        response = self.confirm(editor)
        self.assertEqual(response.redirect_chain[-1][0], "/admin/")
        self.assertContains(response, 'id="jumelage-review-heading"')

    def test_moderator_confirming_a_new_address_while_logged_in_lands_in_the_admin(self):
        EmailAddress.objects.filter(user=self.moderator).update(verified=False)
        self.client.force_login(self.moderator)
        response = self.confirm(self.moderator, language="nl")
        self.assertEqual(response.redirect_chain[-1][0], "/admin/")

    def test_editor_confirming_in_another_browser_logs_in_on_the_way_to_the_admin(self):
        EmailAddress.objects.filter(user=self.redaktion).update(verified=False)
        response = self.confirm(self.redaktion)
        self.assertEqual(response.redirect_chain[-1][0], "/de/accounts/login/?next=/admin/")
        response = self.log_in(self.redaktion, language="de", next="/admin/")
        self.assertEqual(response.redirect_chain[-1][0], "/admin/")

    def test_new_member_confirming_lands_in_the_member_area(self):
        member = self.account("lena@example.org", "Lena", "de", verified=False)
        self.log_in(member, language="de")
        response = self.confirm(member)
        self.assertEqual(response.redirect_chain[-1][0], "/de/members/")

    def test_member_confirming_in_another_browser_is_asked_to_log_in_as_before(self):
        EmailAddress.objects.filter(user=self.sabine).update(verified=False)
        response = self.confirm(self.sabine)
        self.assertEqual(response.redirect_chain[-1][0], "/de/accounts/login/")
