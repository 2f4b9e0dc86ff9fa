"""A meeting's online link is the platform's own address (home.validators.validate_join_link):
attack 37 proposed links that read otherwise than they lead, and the emails of those registered
carry them as links."""

from urllib.parse import urlsplit

from exchanges.models import MeetingPage
from home.validators import is_numeric_host
from tests.test_members import MembersTestCase, soup


class JoinLinkTests(MembersTestCase):
    def propose(self, link, language="nl"):
        self.client.force_login(self.anna)
        return self.client.post(
            f"/{language}/members/meetings/new/",
            self.meeting_data(online_url=link, format="online"),
        )

    def assert_refused(self, link, message, language="nl"):
        response = self.propose(link, language)
        self.assertEqual(response.status_code, 200)
        page = soup(response)
        error = page.find(id="id_online_url_error")
        self.assertIsNotNone(error, link)
        self.assertIn(message, error.get_text())
        self.assertEqual(page.find("input", attrs={"name": "online_url"})["value"], link)
        self.assertFalse(MeetingPage.objects.filter(title="Taalcafé").exists())

    def test_a_link_read_on_the_way_is_refused(self):
        self.assert_refused(
            "http://meet.example.org/taalcafe", "Geef de beveiligde link van het platform"
        )

    def test_a_name_before_the_address_is_refused(self):
        self.assert_refused(
            "https://zoom.us@evil.example/j/123",
            "Der Link führt zu dem, was nach dem „@“ folgt",
            "de",
        )

    def test_look_alike_letters_in_the_address_are_refused(self):
        for link in ("https://z\u043e\u043em.us/j/123", "https://xn--zm-gmca.us/j/123"):
            with self.subTest(link=link):
                self.assert_refused(link, "letters uit twee alfabetten")

    def test_a_label_wholly_in_another_alphabet_beside_latin_ones_is_refused(self):
        # Attack 38: "аррӏе.com" is Cyrillic to its last letter, then ".com": each label in one
        # alphabet, the address in two, and it reads as apple.com.
        self.assert_refused(
            "https://\u0430\u0440\u0440\u04cf\u0435.com/j/1", "letters uit twee alfabetten"
        )

    def test_latin_letters_that_pass_for_others_are_refused(self):
        # "ᴢoom.us": a small capital z, Latin like the rest, reads as zoom.us; so does its
        # "xn--" spelling (attack 38 left it).
        for link in ("https://\u1d22oom.us/j/123", "https://xn--oom-z6x.us/j/123"):
            with self.subTest(link=link):
                self.assert_refused(link, "letters die op andere lijken")

    def test_a_numeric_address_is_refused(self):
        # No platform invites by a number: it hides where the link leads.
        for link in ("https://203.0.113.7/j/123", "https://[2001:db8::1]/j/123"):
            with self.subTest(link=link):
                self.assert_refused(link, "Die Plattform lädt mit ihrem Namen ein", "de")
        # What browsers read as 192.168.1.1 and 127.0.0.1 too: Django's own check of an address
        # refuses them first, as not valid; the link's check would (`is_numeric_host`).
        for link in ("https://3232235777/j/123", "https://127.1/j/123", "https://0x7f000001/j/123"):
            with self.subTest(link=link):
                self.assert_refused(link, "Bitte geben Sie eine gültige Adresse ein.", "de")
                self.assertTrue(is_numeric_host(urlsplit(link).hostname))

    def test_a_port_that_cannot_be_is_refused(self):
        for link in ("https://meet.example.org:99999/taalcafe", "https://meet.example.org:0/t"):
            with self.subTest(link=link):
                self.assert_refused(link, "poort")

    def test_the_platforms_link_is_taken(self):
        for link in (
            "https://meet.example.org/taalcafe?pwd=a1",
            "https://пример.рф/встреча",
            "https://meet.example.org:8443/taalcafe",
            "https://straße.de/treffen",
        ):
            with self.subTest(link=link):
                self.assertEqual(self.propose(link).status_code, 302)
                MeetingPage.objects.filter(title="Taalcafé").delete()
