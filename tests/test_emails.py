"""Emails lead where the site is and speak like the site.

Links in an email sent while serving a request go to the address of that request (scheme, host
and port) when it is one of the site's own (WAGTAILADMIN_BASE_URL, CSRF_TRUSTED_ORIGINS, and in
development any loopback address); otherwise, and without a request (a task, a management
command), to WAGTAILADMIN_BASE_URL, which `make run` sets to the address it serves. allauth's
emails are signed with the platform's name in the recipient's language and say u/Sie like the
rest of the site."""

import re
import shutil
import subprocess
from pathlib import Path

import time_machine
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import SimpleTestCase, TestCase, TransactionTestCase, override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from community.models import Report
from exchanges.choices import RegistrationStatus
from exchanges.models import Registration, StoryPage
from home.mail import OutgoingEmail
from home.notifications import unlinked
from tests.base import gave_password
from tests.calendar_base import CalendarMixin, local
from tests.security.test_accounts import AccountsTestCase
from tests.security.test_mail_outage import run_worker
from tests.test_members import MembersTestCase

User = get_user_model()

ROOT = Path(__file__).resolve().parent.parent
NOW = local(2026, 3, 10, 12, 0)
HOST = "testserver:8801"
# The address of the test requests is one the site is known to be served at.
SERVED_AT_HOST = override_settings(CSRF_TRUSTED_ORIGINS=[f"http://{HOST}"])
# How every email ends, ours and allauth's, for a German recipient of a request to HOST.
GERMAN_SIGN_OFF = (
    "\n\nMit freundlichen Grüßen\nStädtepartnerschaft Steenwijkerland – Herzebrock-Clarholz\n"
    f"http://{HOST}/de/"
)
PRODUCTION = override_settings(
    ALLOWED_HOSTS=["jumelage.example"],
    WAGTAILADMIN_BASE_URL="https://jumelage.example",
    CSRF_TRUSTED_ORIGINS=[],
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
)


@SERVED_AT_HOST
@time_machine.travel(NOW, tick=False)
class LinksInEmailsTests(CalendarMixin, TransactionTestCase):
    """As the site runs: the request's own transaction commits inside the request, so the email
    is rendered while the request is being served (a TestCase would run it after)."""

    def setUp(self):
        self.build_calendar()
        self.small = self.meeting(
            local(2026, 3, 20, 19, 0), title="Kleine groep", slug="klein", capacity=1
        )
        self.translated(self.small, title="Kleine Gruppe", slug="klein")
        self.anna = User.objects.create_user("anna@example.org", "x", language="nl")
        self.bernd = User.objects.create_user("bernd@example.org", "x", language="de")
        Registration.objects.register(self.small, self.anna)
        Registration.objects.register(self.small, self.bernd)  # on the waiting list

    def email_to_bernd(self):
        """Anna's cancel emails her the cancellation of her place and Bernd the place that came
        free: his."""
        [email] = [message for message in mail.outbox if message.to == ["bernd@example.org"]]
        return email

    def test_an_email_sent_while_serving_a_request_links_to_that_requests_address(self):
        self.client.force_login(self.anna)
        self.client.post(f"/nl/meetings/{self.small.pk}/cancel/", HTTP_HOST=HOST)
        email = self.email_to_bernd()
        self.assertEqual(email.to, ["bernd@example.org"])
        self.assertIn("http://testserver:8801/de/kalender/klein/", email.body)

    def test_an_email_to_someone_else_never_links_to_a_port_the_sender_chose(self):
        """Anna's cancel, sent to a port the site is not served at, promotes Bernd: his email
        links to the site's public address."""
        self.client.force_login(self.anna)
        self.client.post(f"/nl/meetings/{self.small.pk}/cancel/", HTTP_HOST="127.0.0.1:9")
        email = self.email_to_bernd()
        self.assertIn("http://testserver/de/kalender/klein/", email.body)
        self.assertNotIn("127.0.0.1", email.body)

    @override_settings(DEBUG=True, ALLOWED_HOSTS=[], WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
    def test_in_development_an_email_links_to_the_loopback_address_the_request_came_to(self):
        self.client.force_login(self.anna)
        self.client.post(f"/nl/meetings/{self.small.pk}/cancel/", HTTP_HOST="localhost:8811")
        email = self.email_to_bernd()
        self.assertIn("http://localhost:8811/de/kalender/klein/", email.body)

    def test_our_notices_are_signed_like_allauths_emails_in_the_recipients_language(self):
        self.client.force_login(self.anna)
        self.client.post(f"/nl/meetings/{self.small.pk}/cancel/", HTTP_HOST=HOST)
        email = self.email_to_bernd()
        self.assertEqual(email.to, ["bernd@example.org"])
        self.assertTrue(email.body.rstrip().endswith(GERMAN_SIGN_OFF), email.body)

    @override_settings(WAGTAILADMIN_BASE_URL="https://jumelage.example:8443")
    def test_an_email_sent_without_a_request_links_to_the_public_address(self):
        Registration.objects.cancel(self.small, self.anna)
        [email] = mail.outbox
        self.assertIn("https://jumelage.example:8443/de/kalender/klein/", email.body)

    def test_the_editors_email_about_a_report_links_to_the_admin_where_the_report_came_from(self):
        User.objects.create_superuser("redactie@example.org", "x", language="nl")
        author = User.objects.create_user("auteur@example.org", "x")
        story = self.story(title="Fietsen naar Clarholz", owner=author)
        StoryPage.objects.filter(pk=story.pk).update(member_contribution=True)
        self.client.force_login(self.anna)
        self.client.post(
            f"/nl/report/{story.pk}/",
            {"reason": "offensive", "message": "Niet netjes."},
            HTTP_HOST=HOST,
        )
        [email] = mail.outbox
        self.assertEqual(email.to, ["redactie@example.org"])
        # The report, which every moderator may open (not the page's editor).
        report = Report.objects.get()
        self.assertIn(f"http://testserver:8801/admin/reports/edit/{report.pk}/", email.body)

    def test_an_address_a_visitor_wrote_is_no_link_in_the_html_of_the_editors_email(self):
        # Attack 35, F1: the report's explanation (anyone's words) was made into links, a
        # look-alike of the site's own admin among them, beside the genuine link to the report.
        User.objects.create_superuser("redactie@example.org", "x", language="nl")
        author = User.objects.create_user("auteur@example.org", "x")
        story = self.story(title="Fietsen naar Clarholz", owner=author)
        StoryPage.objects.filter(pk=story.pk).update(member_contribution=True)
        lure = (
            "Log in om te beslissen: https://testserver.xn--80ak6aa92e.com/admin/login/ "
            "of www.jumeIage-steenwijkerland.example/admin/"
        )
        self.client.post(
            f"/nl/report/{story.pk}/", {"reason": "spam", "message": lure}, HTTP_HOST=HOST
        )
        [email] = mail.outbox
        html = BeautifulSoup(email.alternatives[0][0], "html.parser")
        links = [a["href"] for a in html.select("a[href]")]
        report = Report.objects.get()
        self.assertIn(f"http://testserver:8801/admin/reports/edit/{report.pk}/", links)
        self.assertEqual([link for link in links if "xn--" in link or "jumeIage" in link], [])
        # Quoted as hers, each address written as no link (review of attack 38's fix: the text
        # part made links of them, and a line of hers could read as the email's own).
        text = html.get_text()
        self.assertIn("https[:]//testserver[.]xn--80ak6aa92e[.]com/admin/login/", text)
        self.assertIn("www[.]jumeIage-steenwijkerland[.]example/admin/", text)
        self.assertNotIn("xn--80ak6aa92e.com", email.body)
        [line] = [line for line in email.body.splitlines() if "Log in om te beslissen" in line]
        self.assertTrue(line.startswith("> "), line)

    def test_a_title_cannot_pass_for_the_text_of_the_editors_email(self):
        # A title, the member's words a moderator approved, sat in the sentence that tells the
        # editors of a report, and a mail program made a link of the address in it.
        User.objects.create_superuser("redactie@example.org", "x", language="nl")
        author = User.objects.create_user("auteur@example.org", "x")
        lure = "Beslis de melding hier: https://testserver.xn--80ak6aa92e.com/admin/reports/"
        story = self.story(title=f"Fietsen. {lure}", owner=author)
        StoryPage.objects.filter(pk=story.pk).update(member_contribution=True)
        self.client.post(f"/nl/report/{story.pk}/", {"reason": "spam"}, HTTP_HOST=HOST)
        [email] = mail.outbox
        # Its only addresses are the site's own: none of the title's, with a scheme or without.
        addresses = re.findall(r"\S+://\S+", email.body)
        self.assertEqual([a for a in addresses if "://testserver:8801/" not in a], [], email.body)
        self.assertNotIn("xn--80ak6aa92e.com", email.body)
        # The title, quoted on a line of its own, its address written as no link.
        [line] = [line for line in email.body.splitlines() if "Beslis" in line]
        written = "https[:]//testserver[.]xn--80ak6aa92e[.]com/admin/reports/"
        self.assertEqual(line[1:-1], f"Fietsen. Beslis de melding hier: {written}")
        self.assertIn(line[0], "“„")
        self.assertIn(line[-1], "”“")

    def test_the_join_link_of_an_online_meeting_stays_a_link(self):
        self.assert_join_link_is_a_link("https://meet.example.org/taal")

    def test_a_join_link_ending_in_a_parenthesis_stays_a_link_whole(self):
        # Attack 36: the end of a sentence was left out of an address, and the join link that
        # ended in ")" no longer matched itself, so it stayed text.
        self.assert_join_link_is_a_link("https://meet.example.org/r/(taal)")

    def assert_join_link_is_a_link(self, join_link):
        online = self.online_meeting(
            local(2026, 3, 21, 19, 0),
            title="Taalcafé",
            slug="taalcafe",
            capacity=1,
            online_url=join_link,
        )
        Registration.objects.register(online, self.anna)
        Registration.objects.register(online, self.bernd)  # on the waiting list
        mail.outbox.clear()
        self.client.force_login(self.anna)
        self.client.post(f"/nl/meetings/{online.pk}/cancel/", HTTP_HOST=HOST)
        html = BeautifulSoup(self.email_to_bernd().alternatives[0][0], "html.parser")
        links = [a["href"] for a in html.select("a[href]")]
        self.assertIn(join_link, links)
        self.assertIn(f"http://testserver:8801{online.url}", links)  # its page, in Dutch


class MembersWordsAreNoLinksTests(SimpleTestCase):
    """`unlinked`: a member's words in the plain text of an email hold no address a mail
    program makes a link of, whichever dot a browser reads as one."""

    def test_every_dot_a_browser_reads_as_one_is_written_as_no_link(self):
        # U+FE52, the small full stop, is a dot in a host name for a browser (UTS 46), as the
        # ideographic, full-width and half-width ones are (review of session 32).
        for dot in (".", "\u3002", "\uff0e", "\uff61", "\ufe52"):
            with self.subTest(dot=dot):
                self.assertEqual(unlinked(f"zie evil{dot}example"), "zie evil[.]example")


@SERVED_AT_HOST
@time_machine.travel(NOW, tick=False)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
class RegistrationEmailsByTheWorkerTests(CalendarMixin, TransactionTestCase):
    """As a deployment runs: a member's click on "register" or "cancel" has the email made and
    sent by the task worker (`manage.py db_worker`), which links to the address the member
    clicked at, and tells what is still true when it runs."""

    def setUp(self):
        self.build_calendar()
        self.small = self.meeting(
            local(2026, 3, 20, 19, 0), title="Kleine groep", slug="klein", capacity=1
        )
        self.anna = User.objects.create_user("anna@example.org", "x", language="nl")
        self.client.force_login(self.anna)
        run_worker()  # what building the site queued

    def assert_every_task_succeeded(self):
        """What the worker ran is recorded as done: a result it cannot store (an email object
        is not JSON) marks the task failed after its work, among real failures."""
        failed = DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL)
        self.assertEqual(list(failed.values_list("task_path", "traceback")), [])

    def test_the_worker_sends_the_confirmation_with_the_invitation_linking_where_she_clicked(self):
        self.client.post(f"/nl/meetings/{self.small.pk}/register/", HTTP_HOST=HOST)
        self.assertEqual(mail.outbox, [])
        run_worker()
        self.assert_every_task_succeeded()
        [email] = mail.outbox
        self.assertEqual(email.to, ["anna@example.org"])
        self.assertIn("http://testserver:8801/nl/agenda/klein/", email.body)
        [invitation] = [a for a in email.attachments if a[2].startswith("text/calendar")]
        self.assertIn("METHOD:REQUEST", invitation[1])

    def test_an_account_deleted_with_a_place_leaves_no_failed_task(self):
        # Found by the second attack pass: the deletion cancelled the registration (a save that
        # queued Wagtail's reference index update), then deleted it before the worker ran.
        self.client.post(f"/nl/meetings/{self.small.pk}/register/", HTTP_HOST=HOST)
        run_worker()
        User.objects.get(pk=self.anna.pk).delete()
        run_worker()
        self.assert_every_task_succeeded()

    def calendar_methods(self):
        """What each email sent put into the member's calendar, in order."""
        return [
            re.search(r"METHOD:(\w+)", attachment[1]).group(1)
            for email in mail.outbox
            for attachment in email.attachments
            if attachment[2].startswith("text/calendar")
        ]

    def test_a_place_given_up_before_its_confirmation_went_out_is_neither_confirmed_nor_cancelled(
        self,
    ):
        # A newcomer's walk (2026-12-07): a German member clicked "Teilnehmen" and, a second
        # later, "Meine Anmeldung stornieren", before the worker ran. The confirmation was
        # withdrawn (no longer true), but the cancellation went out alone: a METHOD:CANCEL for an
        # invitation she never received, "takes the meeting out of your calendar".
        self.client.post(f"/nl/meetings/{self.small.pk}/register/", HTTP_HOST=HOST)
        self.client.post(f"/nl/meetings/{self.small.pk}/cancel/", HTTP_HOST=HOST)
        run_worker()
        self.assert_every_task_succeeded()
        self.assertEqual([email.subject for email in mail.outbox], [])
        self.assertFalse(OutgoingEmail.objects.filter(recipients="anna@example.org").exists())

    def test_a_place_given_up_after_its_confirmation_went_out_is_cancelled(self):
        self.client.post(f"/nl/meetings/{self.small.pk}/register/", HTTP_HOST=HOST)
        run_worker()
        self.client.post(f"/nl/meetings/{self.small.pk}/cancel/", HTTP_HOST=HOST)
        run_worker()
        self.assert_every_task_succeeded()
        self.assertEqual(self.calendar_methods(), ["REQUEST", "CANCEL"])

    def test_a_place_taken_again_and_given_up_before_the_worker_ran_is_cancelled_once(self):
        # Her calendar holds the first invitation: its cancellation goes, whatever came after.
        self.client.post(f"/nl/meetings/{self.small.pk}/register/", HTTP_HOST=HOST)
        run_worker()
        for action in ("cancel", "register", "cancel"):
            self.client.post(f"/nl/meetings/{self.small.pk}/{action}/", HTTP_HOST=HOST)
        run_worker()
        self.assert_every_task_succeeded()
        self.assertEqual(self.calendar_methods(), ["REQUEST", "CANCEL"])
        # Taken again once more, confirmed: its cancellation follows.
        self.client.post(f"/nl/meetings/{self.small.pk}/register/", HTTP_HOST=HOST)
        run_worker()
        self.client.post(f"/nl/meetings/{self.small.pk}/cancel/", HTTP_HOST=HOST)
        run_worker()
        self.assertEqual(self.calendar_methods(), ["REQUEST", "CANCEL", "REQUEST", "CANCEL"])

    def test_an_editor_taking_away_a_place_not_yet_confirmed_sends_nothing_either(self):
        self.client.post(f"/nl/meetings/{self.small.pk}/register/", HTTP_HOST=HOST)
        registration = Registration.objects.get(user=self.anna)
        Registration.objects.change_status(registration, RegistrationStatus.CANCELLED)
        run_worker()
        self.assert_every_task_succeeded()
        self.assertEqual(mail.outbox, [])


@SERVED_AT_HOST
class AllauthEmailTests(MembersTestCase):
    def signup(self, language, email="carla@example.org"):
        self.client.post(
            f"/{language}/accounts/signup/",
            {
                "email": email,
                "password1": "een-heel-lang-wachtwoord",
                "password2": "een-heel-lang-wachtwoord",
                "display_name": "Carla",
                "town": str(self.herzebrock.pk),
                "language": language,
                "privacy_consent": "on",
            },
            HTTP_HOST=HOST,
        )
        return mail.outbox[-1]

    def assert_signed_by_the_platform(self, email, name, language):
        self.assertNotIn("127.0.0.1", email.body)
        self.assertNotRegex(email.body, r"(Hallo von|Hallo van|Hello from) testserver")
        self.assertTrue(email.body.endswith(f"\n{name}\nhttp://testserver:8801/{language}/"))
        self.assertRegex(
            email.body, rf"http://testserver:8801/{language}/accounts/confirm-email/\S+"
        )

    def test_the_german_confirmation_says_sie_and_names_the_platform(self):
        email = self.signup("de")
        self.assertEqual(email.subject, "Bitte bestätigen Sie Ihre E-Mail-Adresse")
        self.assertTrue(email.body.startswith("Guten Tag,"), email.body)
        self.assert_signed_by_the_platform(
            email, "Städtepartnerschaft Steenwijkerland – Herzebrock-Clarholz", "de"
        )
        self.assertTrue(email.body.rstrip().endswith(GERMAN_SIGN_OFF), email.body)
        self.assertIn("Sie", email.body)
        self.assertIsNone(re.search(r"\b(du|dich|dir|dein\w*)\b", email.body, re.I), email.body)

    def test_the_dutch_confirmation_says_u_and_names_the_platform(self):
        email = self.signup("nl")
        self.assertEqual(email.subject, "Bevestig uw e-mailadres")
        self.assertTrue(email.body.startswith("Goedendag,"), email.body)
        self.assert_signed_by_the_platform(
            email, "Jumelage Steenwijkerland – Herzebrock-Clarholz", "nl"
        )
        self.assertRegex(email.body, r"\bu\b")
        self.assertIsNone(re.search(r"\b(je|jij|jouw)\b", email.body, re.I), email.body)

    def test_a_password_reset_for_an_unknown_address_says_u_and_links_to_the_sign_up(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                "/nl/accounts/password/reset/", {"email": "niemand@example.org"}, HTTP_HOST=HOST
            )
        [email] = mail.outbox
        self.assertEqual(email.subject, "Geen account met dit adres")
        self.assertIn("http://testserver:8801/nl/accounts/signup/", email.body)
        self.assertIsNone(re.search(r"\b(je|jij|jouw)\b", email.body, re.I), email.body)

    def test_a_password_reset_in_german_says_sie(self):
        self.client.post("/de/accounts/password/reset/", {"email": "bernd@example.org"})
        [email] = mail.outbox
        self.assertEqual(email.subject, "Wählen Sie ein neues Passwort")
        self.assertIn("Passwort Ihres Kontos bei der Städtepartnerschaft", email.body)
        self.assertIsNone(re.search(r"\b(du|dich|dir|dein\w*)\b", email.body, re.I), email.body)


class PasswordResetLinkTests(MembersTestCase):
    """A password reset link leads to the site, whatever Host header asked for it: ALLOWED_HOSTS
    is checked without the port, so any port passes it."""

    def reset_email(self, host, **request):
        self.client.post(
            "/nl/accounts/password/reset/", {"email": "anna@example.org"}, HTTP_HOST=host, **request
        )
        [email] = mail.outbox
        return email.body

    def reset_link(self, body):
        return re.search(r"\S+/accounts/password/reset/key/\S+", body).group(0)

    def test_a_port_the_site_is_not_served_at_gets_the_public_address(self):
        body = self.reset_email("127.0.0.1:31337")
        self.assertTrue(self.reset_link(body).startswith("http://testserver/nl/"), body)
        self.assertNotIn("31337", body)

    @SERVED_AT_HOST
    def test_an_address_the_site_is_served_at_is_kept(self):
        body = self.reset_email(HOST)
        self.assertTrue(self.reset_link(body).startswith(f"http://{HOST}/nl/"), body)

    @PRODUCTION
    def test_in_production_another_port_of_the_public_host_gets_the_public_address(self):
        body = self.reset_email("jumelage.example:4443", HTTP_X_FORWARDED_PROTO="https")
        self.assertTrue(self.reset_link(body).startswith("https://jumelage.example/nl/"), body)
        self.assertNotIn("4443", body)

    @PRODUCTION
    def test_in_production_the_host_is_written_as_the_site_writes_it(self):
        body = self.reset_email("JUMELAGE.EXAMPLE.", HTTP_X_FORWARDED_PROTO="https")
        self.assertTrue(self.reset_link(body).startswith("https://jumelage.example/nl/"), body)
        self.assertNotIn("EXAMPLE", body)
        self.assertNotIn("example./", body)

    @PRODUCTION
    def test_in_production_plain_http_gets_the_public_https_address(self):
        body = self.reset_email("jumelage.example")
        self.assertTrue(self.reset_link(body).startswith("https://jumelage.example/nl/"), body)


class PasswordResetByPendingAddressTests(MembersTestCase):
    """A password reset asked for an address a member only asked to change to (not yet
    confirmed) mailed a reset link for her account there: a mistyped new address gave its
    real owner a way into her account (attack of 2026-12-05, F8). Only an account's own address
    or a confirmed one gets the link; the pending one is answered as any unknown address."""

    def ask_reset(self, email):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post("/nl/accounts/password/reset/", {"email": email})
        self.assertRedirects(response, "/nl/accounts/password/reset/done/")
        return mail.outbox

    def test_a_pending_address_gets_no_reset_link_for_the_account(self):
        EmailAddress.objects.create(
            user=self.anna, email="anna.nieuw@example.org", verified=False, primary=False
        )
        [email] = self.ask_reset("anna.nieuw@example.org")
        self.assertEqual(email.to, ["anna.nieuw@example.org"])
        self.assertEqual(email.subject, "Geen account met dit adres")
        self.assertNotIn("/accounts/password/reset/key/", email.body)
        # Her own address still gets the link, and so does a confirmed one.
        [email] = self.ask_reset("anna@example.org")
        self.assertIn("/accounts/password/reset/key/", email.body)
        EmailAddress.objects.filter(email="anna.nieuw@example.org").update(verified=True)
        [email] = self.ask_reset("anna.nieuw@example.org")
        self.assertIn("/accounts/password/reset/key/", email.body)


class MakeRunTests(TestCase):
    def test_make_run_gives_the_server_and_the_worker_the_address_it_serves(self):
        make = [shutil.which("make"), "--dry-run", "--always-make"]
        recipe = subprocess.run(  # noqa: S603 - our own Makefile, fixed arguments
            [*make, "run", "HOST=127.0.0.1", "PORT=8811"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        self.assertIn("WAGTAILADMIN_BASE_URL=http://127.0.0.1:8811", recipe)


class SubmissionNoticeTests(MembersTestCase):
    """Who reviews a member's contribution hears of it once: Wagtail sends a notice that the
    workflow started (to administrators) and one that its review task did (to the task's group
    and administrators), which were two emails of the same news for an administrator."""

    def test_an_administrator_and_a_moderator_each_get_one_email_of_a_submission(self):
        administrator = User.objects.create_superuser("beheer@example.org", "x")
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.post_story(self.anna, title="Fietsen naar Herzebrock")
        received = [address for message in mail.outbox for address in message.to]
        self.assertEqual(received.count(administrator.email), 1, received)
        self.assertEqual(received.count(self.moderator.email), 1, received)


class AccountChangeNotificationTests(AccountsTestCase):
    """A member hears of every change to how she logs in, at the address she had (walk of
    2026-12-05: no mail told a member that her password was changed), in her language, with
    "u"/"Sie", where it came from and what to do if it was not her."""

    def change_password(self, member, language):
        self.client.force_login(member)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                f"/{language}/accounts/password/change/",
                {
                    "oldpassword": "een-lang-wachtwoord",
                    "password1": "een-nieuw-lang-wachtwoord",
                    "password2": "een-nieuw-lang-wachtwoord",
                },
                HTTP_USER_AGENT="Firefox/140.0",
                REMOTE_ADDR="192.0.2.7",
            )
        [email] = mail.outbox
        return email

    def test_a_dutch_member_hears_her_password_was_changed(self):
        email = self.change_password(self.anna, "nl")
        self.assertEqual(email.to, ["anna@example.org"])
        self.assertEqual(email.subject, "Uw wachtwoord is gewijzigd")
        self.assertTrue(email.body.startswith("Goedendag,"), email.body)
        self.assertIn(
            "Uw wachtwoord bij Jumelage Steenwijkerland – Herzebrock-Clarholz is gewijzigd.",
            email.body,
        )
        self.assertIn("192.0.2.7", email.body)
        self.assertIn("Firefox/140.0", email.body)
        self.assertIn("/nl/accounts/password/reset/", email.body)
        self.assertRegex(
            email.body,
            r"\d{1,2}\s(januari|februari|maart|april|mei|juni|juli|"
            r"augustus|september|oktober|november|december)\s\d{4}",
        )
        self.assertIsNone(re.search(r"\b(je|jij|jouw)\b", email.body, re.I), email.body)
        self.assertNotIn("IP address", email.body)

    def test_a_german_member_hears_it_with_sie(self):
        email = self.change_password(self.bernd, "de")
        self.assertEqual(email.subject, "Ihr Passwort wurde geändert")
        self.assertTrue(email.body.startswith("Guten Tag,"), email.body)
        self.assertIn("Ihr Passwort bei der Städtepartnerschaft", email.body)
        self.assertIn("/de/accounts/password/reset/", email.body)
        self.assertIsNone(re.search(r"\b(du|dich|dir|dein\w*)\b", email.body, re.I), email.body)

    def ask_for(self, address):
        self.client.force_login(self.anna)
        gave_password(self.client)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post("/nl/accounts/email/", {"email": address, "action_add": ""})
        [confirmation] = mail.outbox
        mail.outbox.clear()
        return confirmation

    def test_the_old_address_hears_that_the_new_one_was_confirmed(self):
        confirmation = self.ask_for("ana@example.org")
        link = re.search(r"http://testserver(/\S+/accounts/confirm-email/\S+)", confirmation.body)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(link.group(1))
        [email] = mail.outbox
        self.assertEqual(email.to, ["anna@example.org"])
        self.assertEqual(email.subject, "Uw e-mailadres is gewijzigd")
        self.assertIn("van anna@example.org in ana@example.org", email.body)
        # The old address can no longer ask for a new password: no reset link, the foundations
        # instead (second walk of 2026-12-05, F1).
        self.assertNotIn("/accounts/password/reset/", email.body)
        self.assertIn("geen nieuw wachtwoord meer worden aangevraagd", email.body)

    def test_a_cancelled_change_of_address_sends_nothing(self):
        self.ask_for("ana@example.org")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                "/nl/accounts/email/", {"email": "ana@example.org", "action_remove": ""}
            )
        self.assertEqual(mail.outbox, [])
