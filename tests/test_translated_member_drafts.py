"""An editor's translation of a member's draft (wagtail-localize's "Translate this page", which
copies the page with its owner) is the site's page, not a second draft of hers: her member area
and the moderator's page of her list what she wrote, and its address is not her form."""

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from wagtail_localize.models import Translation, TranslationSource

from community.roles import MODERATORS
from community.roles.setup import setup_roles
from exchanges.models import MeetingPage
from tests.test_members import MembersTestCase


class EditorsTranslationOfHerDraftTests(MembersTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        cls.moderator.groups.set([Group.objects.get(name=MODERATORS)])
        client = Client()
        client.force_login(cls.anna)
        data = {key: value for key, value in cls.meeting_data(cls).items() if key != "submit"}
        client.post("/nl/members/meetings/new/", data)
        cls.draft = MeetingPage.objects.get(title="Taalcafé", locale=cls.dutch)
        source, _ = TranslationSource.get_or_create_from_instance(cls.draft)
        Translation.objects.create(source=source, target_locale=cls.german).save_target(
            user=cls.moderator
        )
        cls.translation = MeetingPage.objects.get(
            translation_key=cls.draft.translation_key, locale=cls.german
        )

    def test_her_member_area_lists_her_draft_once(self):
        # The translation was listed as a second draft, "Taal van uw tekst: Duits", hers to
        # edit or send.
        self.assertEqual(self.translation.owner, self.anna)
        self.client.force_login(self.anna)
        area = BeautifulSoup(self.client.get("/nl/members/").content, "html.parser")
        links = {a["href"] for a in area.select("a[href*='/members/contributions/']")}
        self.assertIn(f"/nl/members/contributions/{self.draft.pk}/", links)
        self.assertFalse(any(f"/contributions/{self.translation.pk}/" in link for link in links))

    def test_the_translation_is_not_her_form(self):
        self.client.force_login(self.anna)
        address = f"/nl/members/contributions/{self.translation.pk}/"
        self.assertEqual(self.client.get(address).status_code, 404)
        self.assertEqual(self.client.post(address, self.meeting_data()).status_code, 404)
        self.assertEqual(
            self.client.get(f"/nl/members/contributions/{self.draft.pk}/").status_code, 200
        )

    def test_the_moderator_counts_one_unsent_draft(self):
        self.client.force_login(self.moderator)
        response = self.client.get(f"/admin/members/edit/{self.anna.pk}/")
        self.assertEqual(response.status_code, 200, response.get("Location"))
        overview = BeautifulSoup(response.content, "html.parser")
        overview = overview.select_one("[data-member-overview]")
        rows = overview.select("tbody tr")
        unsent = overview.select_one("[data-unsent-drafts]")
        shown = len(rows) + (int("".join(filter(str.isdigit, unsent.get_text()))) if unsent else 0)
        self.assertEqual(shown, 1)
