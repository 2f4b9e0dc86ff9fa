"""What a newcomer's walk found (walk 16): the way from the member area to the sector communities
and back from the account pages, demo meetings on public holidays, the phone menu and Escape, and
what deleting an account takes with it."""

from bs4 import BeautifulSoup

from tests.test_digests import DigestTestCase, day


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class AMemberInNoSectorCommunityYet(DigestTestCase):
    """The hint to join a sector community links the sector overview of her language."""

    def overview_link(self, member, address, overview="/nl/sectoren/"):
        self.client.force_login(member)
        response = self.client.get(address)
        self.assertEqual(response.status_code, 200)
        return soup(response).main.find("a", href=overview)

    def test_her_member_area_links_the_dutch_sector_overview(self):
        self.assertIsNotNone(self.overview_link(self.anna, "/nl/members/"))

    def test_her_digest_settings_link_the_dutch_sector_overview(self):
        self.assertIsNotNone(self.overview_link(self.anna, "/nl/members/digests/"))

    def test_a_german_member_is_led_to_the_german_overview_whatever_its_address(self):
        self.sector_index_de.slug = "gemeinschaften"
        self.sector_index_de.save_revision().publish()
        for address in ("/de/members/", "/de/members/digests/"):
            link = self.overview_link(self.bernd, address, overview="/de/gemeinschaften/")
            self.assertIsNotNone(link, address)

    def test_a_member_of_a_community_sees_her_communities_instead(self):
        self.join(self.anna, self.climate, day(0, 6))
        self.assertIsNone(self.overview_link(self.anna, "/nl/members/"))
        self.assertIsNotNone(self.overview_link(self.anna, "/nl/members/", self.climate.url))


class AMembersAccountPages(DigestTestCase):
    """The address and password pages, reached from the member area, lead back to it."""

    def back_link(self, address):
        self.client.force_login(self.anna if address.startswith("/nl/") else self.bernd)
        response = self.client.get(address)
        self.assertEqual(response.status_code, 200)
        return soup(response).main.find("a", href=address[:3] + "/members/")

    def test_the_email_page_leads_back_to_her_page(self):
        for address in ("/nl/accounts/email/", "/de/accounts/email/"):
            self.assertIsNotNone(self.back_link(address), address)

    def test_the_password_page_leads_back_to_her_page(self):
        for address in ("/nl/accounts/password/change/", "/de/accounts/password/change/"):
            self.assertIsNotNone(self.back_link(address), address)

    def test_the_link_reads_as_on_her_profile(self):
        link = self.back_link("/nl/accounts/password/change/")
        self.assertEqual(link.get_text(strip=True), "Terug naar mijn pagina")
        link = self.back_link("/de/accounts/email/")
        self.assertEqual(link.get_text(strip=True), "Zurück zu meiner Seite")
