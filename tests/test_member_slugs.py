"""A member's contribution gets its address from its title as an editor's page does: in ASCII
(WAGTAIL_ALLOW_UNICODE_SLUGS is off), an eszett written "ss". Before, a German member's
"Großes Straßenfest" got the address "großes-straßenfest", which Wagtail's copy form refuses
when an editor copies the story (its slug field takes ASCII only)."""

from community.models import User
from exchanges.models import MeetingPage, StoryPage
from tests.test_members import MembersTestCase


class MemberSlugTests(MembersTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.superuser = User.objects.create_superuser("beheer@example.org", "een-lang-wachtwoord")

    def german_story(self, title):
        self.post_story(self.bernd, title=title, language="de")
        return StoryPage.objects.get(title=title, alias_of__isnull=True)

    def test_a_german_title_gives_an_ascii_address(self):
        story = self.german_story("Großes Straßenfest in Clarholz")
        self.assertEqual(story.slug, "grosses-strassenfest-in-clarholz")

    def test_an_editor_copies_a_german_members_story_with_its_address(self):
        story = self.german_story("Großes Straßenfest in Clarholz")
        self.client.force_login(self.superuser)
        response = self.client.post(
            f"/admin/pages/{story.pk}/copy/",
            {
                "new_title": "Großes Straßenfest 2027",
                # The slug the copy form offers, made the copy's own.
                "new_slug": f"{story.slug}-2027",
                "new_parent_page": story.get_parent().pk,
                "copy_subpages": "",
                "publish_copies": "",
                "alias": "",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(StoryPage.objects.filter(title="Großes Straßenfest 2027").exists())

    def test_a_title_without_latin_letters_is_named_by_its_kind(self):
        story = self.german_story("Фестиваль")
        self.assertEqual(story.slug, "geschichte")

    def test_german_umlauts_are_written_out_in_the_address_as_the_sites_own_are(self):
        # "gasten" would be Dutch ("Gäste" → "gaeste"), as in /de/kalender/…-niederlaendisch-…/.
        story = self.german_story("Radtour mit Gästen aus Giethoorn")
        self.assertEqual(story.slug, "radtour-mit-gaesten-aus-giethoorn")
        story = self.german_story("Ärger über Öl: Übung im Straßenbau, GROẞ")
        self.assertEqual(story.slug, "aerger-ueber-oel-uebung-im-strassenbau-gross")

    def test_a_german_meeting_proposal_gets_its_umlauts_written_out_too(self):
        self.client.force_login(self.bernd)
        self.client.post(
            "/de/members/meetings/new/",
            self.meeting_data(title="Frühstück für Gäste", language="de", spoken_language="de"),
        )
        meeting = MeetingPage.objects.get(title="Frühstück für Gäste", alias_of__isnull=True)
        self.assertEqual(meeting.slug, "fruehstueck-fuer-gaeste")

    def test_a_dutch_title_keeps_its_letters_without_accents(self):
        self.post_story(self.anna, title="Ideeën voor één café")
        story = StoryPage.objects.get(title="Ideeën voor één café", alias_of__isnull=True)
        self.assertEqual(story.slug, "ideeen-voor-een-cafe")

    def test_latin_letters_without_a_plain_letter_inside_are_written_out(self):
        # Slugify keeps only what Unicode decomposes into a plain letter and a mark: a Danish,
        # Polish, Icelandic or French guest's name lost letters ("rsted-in-odz").
        story = self.german_story("Ørsted und Æbeløe in Łódź, Þórður, Đorđe: Œuvre")
        self.assertEqual(story.slug, "orsted-und-aebeloe-in-lodz-thordur-dorde-oeuvre")
        self.post_story(self.anna, title="Sæbø, Gdańsk, Ħal Għargħur en Bjørn")
        story = StoryPage.objects.get(title__startswith="Sæbø", alias_of__isnull=True)
        self.assertEqual(story.slug, "saebo-gdansk-hal-gharghur-en-bjorn")
