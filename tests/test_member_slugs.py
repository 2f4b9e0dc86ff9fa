"""A member's contribution gets its address from its title as an editor's page does: in ASCII
(WAGTAIL_ALLOW_UNICODE_SLUGS is off), an eszett written "ss". Before, a German member's
"Großes Straßenfest" got the address "großes-straßenfest", which Wagtail's copy form refuses
when an editor copies the story (its slug field takes ASCII only)."""

from community.models import User
from exchanges.models import StoryPage
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
