"""Rate limits count per visitor, also behind a proxy, and their 429 page says how long to wait."""

import datetime

import time_machine
from django.contrib.auth import get_user_model
from django.test import RequestFactory, TestCase, override_settings
from django.utils import translation
from django.utils.translation import gettext

from home import ratelimit
from home.ratelimit import client_ip
from tests.base import BilingualSiteMixin

LOGIN = "/nl/accounts/login/"
ALLAUTH_LOGINS_A_MINUTE = 30  # allauth's "login": "30/m/ip"
# 12:20 UTC: our hourly windows end at 13:00, forty minutes on.
INBOX = (
    "The email with a link to choose a new password may already be in your inbox: "
    "look in your spam folder too."
)
TWENTY_PAST = datetime.datetime(2026, 12, 1, 12, 20, tzinfo=datetime.UTC)


class ClientAddressTests(BilingualSiteMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_site()

    def log_in_attempts(self, count, **headers):
        """Answers to `count` login attempts (empty forms: only allauth's limit per address)."""
        return [self.client.post(LOGIN, {}, **headers).status_code for _ in range(count)]

    def test_a_forged_forwarded_address_is_ignored_when_no_proxy_is_trusted(self):
        answers = [
            self.client.post(LOGIN, {}, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
            for n in range(ALLAUTH_LOGINS_A_MINUTE + 1)
        ]
        self.assertEqual(answers[:-1], [200] * ALLAUTH_LOGINS_A_MINUTE)
        self.assertEqual(answers[-1], 429)
        request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="203.0.113.9")
        self.assertEqual(client_ip(request), "127.0.0.1")

    def test_a_proxy_nobody_counted_is_reported_once(self):
        """Deployed behind nginx without TRUSTED_PROXY_COUNT, every visitor counted as nginx's
        address: one visitor's searches used up everybody's (attack of 2026-12-05, F1)."""
        factory = RequestFactory()
        ratelimit._warned_of_a_proxy = False  # as in a new server process
        self.addCleanup(setattr, ratelimit, "_warned_of_a_proxy", False)
        internet = "93.184.216.34"
        with self.assertNoLogs("home.ratelimit"):
            client_ip(factory.get("/", REMOTE_ADDR=internet))
            # From the internet with the header: a visitor's own (or forged) header.
            client_ip(factory.get("/", REMOTE_ADDR=internet, HTTP_X_FORWARDED_FOR="10.0.0.9"))
        with self.assertLogs("home.ratelimit", "WARNING") as logged:
            for _ in range(3):
                client_ip(factory.get("/", HTTP_X_FORWARDED_FOR=internet))
        self.assertEqual(len(logged.records), 1)
        self.assertIn("TRUSTED_PROXY_COUNT", logged.output[0])

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_behind_one_proxy_each_visitor_has_a_limit_of_their_own(self):
        # Everyone comes from the proxy (127.0.0.1); the proxy appends who it was reached by.
        first = self.log_in_attempts(
            ALLAUTH_LOGINS_A_MINUTE + 1, HTTP_X_FORWARDED_FOR="forged, 198.51.100.7"
        )
        self.assertEqual(first[-1], 429)
        # Another visitor is not held up by the first one's attempts.
        self.assertEqual(self.log_in_attempts(1, HTTP_X_FORWARDED_FOR="198.51.100.8"), [200])
        # Whatever the first one writes to the left of the proxy's entry changes nothing.
        self.assertEqual(
            self.log_in_attempts(1, HTTP_X_FORWARDED_FOR="198.51.100.9, 198.51.100.7"), [429]
        )

    @override_settings(SEARCHES_PER_TEN_MINUTES=2)
    def test_the_addresses_of_one_ipv6_network_share_a_limit(self):
        def search(address, words):
            return self.client.get("/nl/search/", {"q": words}, REMOTE_ADDR=address).status_code

        # One connection holds a whole /64 and may use any address in it.
        self.assertEqual(search("2001:db8:1:2::1", "een"), 200)
        self.assertEqual(search("2001:db8:1:2::ffff", "twee"), 200)
        self.assertEqual(search("2001:db8:1:2:abcd::9", "drie"), 429)
        # Another network, and an IPv4 visitor, have their own.
        self.assertEqual(search("2001:db8:1:3::1", "vier"), 200)
        self.assertEqual(search("198.51.100.7", "vijf"), 200)

    @override_settings(TRUSTED_PROXY_COUNT=2)
    def test_the_address_is_read_from_the_right_past_the_trusted_proxies(self):
        factory = RequestFactory()
        behind_two = factory.get("/", HTTP_X_FORWARDED_FOR="forged, 198.51.100.7, 10.0.0.2")
        self.assertEqual(client_ip(behind_two), "198.51.100.7")
        # A request that did not pass both proxies: its own address, not the forged one.
        direct = factory.get("/", HTTP_X_FORWARDED_FOR="198.51.100.9")
        self.assertEqual(client_ip(direct), "127.0.0.1")


class WaitingTimeTests(BilingualSiteMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_site()
        cls.member = get_user_model().objects.create_user(
            "anna@example.org", "een-lang-wachtwoord", display_name="Anna"
        )

    def test_our_limit_says_how_many_minutes_are_left(self):
        self.client.force_login(self.member)
        with time_machine.travel(TWENTY_PAST, tick=False):
            for _ in range(30):
                self.client.post("/nl/members/profile/", {})
            response = self.client.post("/nl/members/profile/", {})
        self.assertEqual(response.status_code, 429)
        self.assertEqual(response["Retry-After"], "2400")
        self.assertContains(response, "probeer het over 40 minuten opnieuw", status_code=429)

    def test_allauths_limit_says_how_many_seconds_are_left_in_the_visitors_language(self):
        with time_machine.travel(TWENTY_PAST, tick=False) as clock:
            for _ in range(ALLAUTH_LOGINS_A_MINUTE):
                self.client.post("/de/accounts/login/", {})
            clock.shift(45)
            response = self.client.post("/de/accounts/login/", {})
        self.assertEqual(response.status_code, 429)
        self.assertEqual(response["Retry-After"], "15")
        self.assertContains(
            response, "versuchen Sie es bitte in 15 Sekunden erneut", status_code=429
        )


class ResetLimitWayOnTests(BilingualSiteMixin, TestCase):
    """After three password resets for one address in 15 minutes, the page said how long to wait
    and nothing more: she is not told that the link may already be in her inbox (or her spam
    folder), nor given a way on but the browser's back button."""

    @classmethod
    def setUpTestData(cls):
        cls.build_site()

    def reset_too_often(self, language):
        for _ in range(3):
            self.client.post(f"/{language}/accounts/password/reset/", {"email": "a@example.org"})
        return self.client.post(f"/{language}/accounts/password/reset/", {"email": "a@example.org"})

    def assert_way_on(self, language):
        response = self.reset_too_often(language)
        self.assertEqual(response.status_code, 429)
        with translation.override(language):
            inbox = gettext(INBOX)
            back = gettext("Back to log in")
        self.assertContains(response, inbox, status_code=429)
        self.assertContains(
            response, f'href="/{language}/accounts/login/">{back}</a>', status_code=429
        )

    def test_the_wait_page_of_resets_points_to_the_inbox_and_back_to_log_in_in_dutch(self):
        self.assert_way_on("nl")

    def test_the_wait_page_of_resets_points_to_the_inbox_and_back_to_log_in_in_german(self):
        self.assert_way_on("de")

    def test_the_wait_page_of_resets_does_not_call_three_emails_very_often(self):
        # The fourth ask in 15 minutes is refused: "very often" (walk of 2026-12-06) was not true.
        for language, said, not_said in (
            ("nl", "U hebt in korte tijd meerdere e-mails aangevraagd.", "erg vaak"),
            ("de", "Sie haben in kurzer Zeit mehrere E-Mails angefordert.", "sehr oft"),
        ):
            with self.subTest(language):
                text = " ".join(self.reset_too_often(language).content.decode().split())
                self.assertIn(said, text)
                self.assertNotIn(not_said, text)

    def test_the_wait_page_of_another_form_does_not_speak_of_an_inbox(self):
        for _ in range(ALLAUTH_LOGINS_A_MINUTE + 1):
            response = self.client.post(LOGIN, {})
        self.assertEqual(response.status_code, 429)
        self.assertNotContains(response, INBOX, status_code=429)
