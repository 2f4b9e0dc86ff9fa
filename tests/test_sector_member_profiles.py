"""A member who chose to be seen is listed on her sectors' pages with what her profile says of
her: name, town, photo (a small square of it) and "about me". What she changes there, or her
leaving, shows at once, also on pages the caches keep, and empties nothing else of them."""

import os

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import translation
from PIL import Image

from community.forms import PHOTO_SHOWN
from community.models import SectorMembership, User
from community.models.sectors import MEMBERS_SHOWN
from community.roles import MODERATORS
from community.roles.setup import setup_roles
from home.cache import versions
from tests.test_caching import CachedSiteTestCase
from tests.test_members import photo

SECTOR = "/nl/sectoren/duurzaamheid/"
PROFILE = "/nl/members/profile/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def members_list(response):
    return soup(response).select_one(".sector-members")


def media_path(url):
    return os.path.join(settings.MEDIA_ROOT, url.removeprefix(settings.MEDIA_URL))


@override_settings(PAGE_CACHE_SECONDS=300)
class SectorMemberProfilesTests(CachedSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member.show_on_sector_pages = True
        cls.member.town = cls.steenwijkerland
        cls.member.save()
        SectorMembership.objects.create(user=cls.member, sector_key=cls.climate.translation_key)

    def save_profile(self, **changes):
        """The member saves her profile form with `changes`."""
        member = User.objects.get(pk=self.member.pk)
        data = {
            "display_name": member.display_name,
            "town": member.town_id or "",
            "language": member.language,
            "bio": member.bio,
            "show_on_sector_pages": "on" if member.show_on_sector_pages else "",
            **changes,
        }
        data = {name: value for name, value in data.items() if value != ""}
        client = self.client_class()
        client.force_login(member)
        with self.captureOnCommitCallbacks(execute=True):
            response = client.post(PROFILE, data)
        self.assertEqual(response.status_code, 302, response.content[:2000])
        return User.objects.get(pk=self.member.pk)

    def kept(self):
        """The sector page, kept by the page cache with its members' part."""
        self.client.get(SECTOR)
        self.client.get(SECTOR)
        with self.assertNumQueries(0):
            response = self.client.get(SECTOR)
        self.assertEqual(response["X-Page-Cache"], "hit")
        return response

    def test_a_member_is_listed_with_her_photo_thumbnail_and_about_me(self):
        self.save_profile(
            bio="Ik fiets graag.\nEn ik kook <b>graag</b>.",
            avatar=photo("anna.jpg", size=(800, 600), gps=True),
        )
        listed = members_list(self.client.get(SECTOR))
        self.assertIn("Anna Jansen", listed.get_text())
        self.assertIn("Steenwijkerland", listed.get_text())
        about = listed.select_one(".people__about")
        self.assertEqual(
            about.decode_contents(), "Ik fiets graag.<br/>En ik kook &lt;b&gt;graag&lt;/b&gt;."
        )
        # Beside her name, which says who it is: decorative for a screen reader.
        thumbnail = listed.select_one("img.people__photo")
        self.assertEqual(thumbnail["alt"], "")
        self.assertEqual((thumbnail["width"], thumbnail["height"]), ("48", "48"))
        member = User.objects.get(pk=self.member.pk)
        self.assertEqual(thumbnail["src"], member.avatar_thumbnail.url)
        # Not the photo she uploaded: a small square of it, re-encoded without its metadata, at a
        # name that does not lead to the photo.
        self.assertNotIn(os.path.basename(member.avatar.name).split(".")[0], thumbnail["src"])
        with Image.open(media_path(thumbnail["src"])) as image:
            self.assertEqual(image.size, (96, 96))
            self.assertEqual(dict(image.getexif()), {})
            self.assertNotIn("exif", image.info)

    def test_about_me_in_the_other_language_is_marked_as_such(self):
        # Her "about me" is in the language she reads the site in (WCAG 3.1.2).
        self.save_profile(bio="Ik fiets graag.")
        about = members_list(self.client.get(SECTOR)).select_one(".people__about")
        self.assertFalse(about.has_attr("lang"))
        self.save_profile(bio="Ich fahre gern Rad.", language="de")
        german_sector = self.climate.get_translation(self.german).url
        self.assertFalse(
            members_list(self.client.get(german_sector))
            .select_one(".people__about")
            .has_attr("lang")
        )
        about = members_list(self.client.get(SECTOR)).select_one(".people__about")
        self.assertEqual(about["lang"], "de")

    def test_a_long_about_me_is_shortened_on_the_list(self):
        self.save_profile(bio="Fietsen " * 70)
        about = members_list(self.client.get(SECTOR)).select_one(".people__about").get_text()
        self.assertLess(len(about), 300)
        self.assertTrue(about.endswith("…"))

    def test_what_a_member_changes_shows_at_once_on_the_kept_page(self):
        self.save_profile(bio="Ik fiets graag.", avatar=photo("anna.jpg"))
        first = User.objects.get(pk=self.member.pk)
        thumbnail_path = first.avatar_thumbnail.path
        self.assertIn("Ik fiets graag.", members_list(self.kept()).get_text())
        pages = versions()

        self.save_profile(bio="Ik wandel liever.")
        listed = members_list(self.client.get(SECTOR))
        self.assertIn("Ik wandel liever.", listed.get_text())
        self.assertIsNotNone(listed.select_one("img.people__photo"))

        self.kept()
        self.save_profile(avatar=photo("nieuw.jpg", size=(300, 500)))
        replaced = User.objects.get(pk=self.member.pk)
        src = members_list(self.client.get(SECTOR)).select_one("img.people__photo")["src"]
        self.assertEqual(src, replaced.avatar_thumbnail.url)
        self.assertFalse(os.path.exists(thumbnail_path), "the old thumbnail stays behind")

        self.kept()
        self.save_profile(remove_avatar="on")
        removed = User.objects.get(pk=self.member.pk)
        self.assertFalse(removed.avatar)
        self.assertFalse(removed.avatar_thumbnail)
        self.assertIsNone(members_list(self.client.get(SECTOR)).select_one("img"))
        self.assertFalse(os.path.exists(media_path(src)), "the thumbnail stays behind")

        self.kept()
        self.save_profile(show_on_sector_pages="")
        self.assertNotIn("Anna Jansen", members_list(self.client.get(SECTOR)).get_text())
        # Her profile renewed her sector's members, nothing else of the cache.
        self.assertEqual(versions(), pages)

    def test_a_moderator_reads_what_a_member_shows_and_blocking_her_takes_it_off(self):
        self.save_profile(bio="Koop goedkope horloges!", avatar=photo("anna.jpg"))
        self.assertIn("Koop goedkope horloges!", members_list(self.kept()).get_text())
        setup_roles()
        moderator = User.objects.create_user("moderator@example.org", "wachtwoord-123")
        moderator.groups.add(Group.objects.get(name=MODERATORS))
        moderation = self.client_class()
        moderation.force_login(moderator)
        inspected = moderation.get(f"/admin/members/inspect/{self.member.pk}/")
        self.assertContains(inspected, "Koop goedkope horloges!")
        with self.captureOnCommitCallbacks(execute=True):
            blocked = moderation.post(
                f"/admin/members/edit/{self.member.pk}/",
                {"block": "on", "blocked_reason": "Reclame op de sectorpagina"},
            )
        self.assertEqual(blocked.status_code, 302)
        listed = members_list(self.client.get(SECTOR))
        self.assertNotIn("Anna Jansen", listed.get_text())
        self.assertNotIn("Koop goedkope horloges!", listed.get_text())

    def test_a_deleted_account_takes_its_photo_and_thumbnail_along(self):
        member = self.save_profile(bio="Ik fiets graag.", avatar=photo("anna.jpg"))
        files = [member.avatar.path, member.avatar_thumbnail.path]
        self.assertTrue(all(os.path.exists(path) for path in files))
        self.kept()
        client = self.client_class()
        client.force_login(member)
        with self.captureOnCommitCallbacks(execute=True):
            client.post(
                "/nl/members/delete/", {"confirm": "yes", "password": "een-lang-wachtwoord"}
            )
        self.assertFalse(User.objects.filter(pk=member.pk).exists())
        self.assertEqual([path for path in files if os.path.exists(path)], [])
        self.assertNotIn("Ik fiets graag.", members_list(self.client.get(SECTOR)).get_text())

    def test_an_administrator_deleting_the_account_takes_the_thumbnail_along(self):
        member = self.save_profile(avatar=photo("anna.jpg"))
        files = [member.avatar.path, member.avatar_thumbnail.path]
        with self.captureOnCommitCallbacks(execute=True):
            member.delete()
        self.assertEqual([path for path in files if os.path.exists(path)], [])

    def test_the_data_export_holds_the_photo(self):
        member = self.save_profile(avatar=photo("anna.jpg"))
        client = self.client_class()
        client.force_login(member)
        profile = client.get("/nl/members/my-data/").json()["profile"]
        self.assertEqual(profile["avatar"], member.avatar.name)
        self.assertEqual(profile["avatar_thumbnail"], member.avatar_thumbnail.name)

    def test_a_long_list_shows_the_first_members_and_how_many_more_there_are(self):
        for number in range(MEMBERS_SHOWN + 5):
            other = User.objects.create_user(
                f"lid{number}@example.org",
                "x",
                display_name=f"Lid {number:02}",
                show_on_sector_pages=True,
                bio=f"Over lid {number}",
            )
            SectorMembership.objects.create(user=other, sector_key=self.climate.translation_key)
        listed = members_list(self.client.get(SECTOR))
        self.assertEqual(len(listed.select(".people > li")), MEMBERS_SHOWN)
        with translation.override("nl"):
            more = translation.ngettext(
                "and %(counter)s more member", "and %(counter)s more members", 6
            ) % {"counter": 6}
        self.assertEqual(listed.select_one(".sector-members__more").get_text(strip=True), more)


class ProfileFormSaysWhatOthersSeeTests(CachedSiteTestCase):
    def test_the_choice_names_everything_others_will_see(self):
        choice = User._meta.get_field("show_on_sector_pages")
        with translation.override("en"):
            said = f"{choice.verbose_name} {choice.help_text}".lower()
        for shown in ("name", "town", "photo", "about me"):
            with self.subTest(shown=shown):
                self.assertIn(shown, said)
        self.client.force_login(self.member)
        page = soup(self.client.get(PROFILE))
        with translation.override("nl"):
            expected = {
                "show_on_sector_pages": str(choice.help_text),
                "bio": str(User._meta.get_field("bio").help_text),
            }
        for name, text in expected.items():
            with self.subTest(field=name):
                self.assertTrue(text)
                shown = page.select_one(f"#id_{name}_helptext").get_text(" ", strip=True)
                self.assertIn(text, shown)
        # The photo field says where the photo is shown, beside what it accepts.
        photo_help = page.select_one("#id_avatar_helptext").get_text(" ", strip=True)
        with translation.override("nl"):
            self.assertIn(str(PHOTO_SHOWN), photo_help)
