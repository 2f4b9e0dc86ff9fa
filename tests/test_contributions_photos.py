"""A member who edits her own contribution handles the photos it already has as she handles new
ones: she removes one, or changes its description and caption. Found by the newcomer's walk: her
photos were thumbnails only, and an editor's "please remove this photo" left her nothing but
deleting the whole contribution."""

from bs4 import BeautifulSoup
from django.utils.datastructures import MultiValueDict
from wagtail.images import get_image_model
from wagtail.models import Collection

from exchanges.models import MeetingPage, StoryPage
from tests.security.test_files import MemberFilesTestCase, files_of, media_files
from tests.test_members import photo


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def sent_by_the_browser(page):
    """What the contribution form on `page` sends as it is shown (files aside)."""
    data = MultiValueDict()
    form = page.select_one("form.form")
    for field in form.select("input, textarea, select"):
        name = field.get("name")
        kind = field.get("type", "")
        if not name or kind == "file" or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            data.appendlist(name, field.get_text())
        elif field.name == "select":
            for option in field.select("option[selected]"):
                data.appendlist(name, option.get("value", ""))
        elif kind in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.appendlist(name, field.get("value", "on"))
        elif kind != "submit":
            data.appendlist(name, field.get("value", ""))
    return data


class OwnPhotosTestCase(MemberFilesTestCase):
    def draft_with_photos(self, user=None, title="Fietsen naar Clarholz"):
        """A draft story of `user` (Anna) with three photos: the first leads it."""
        self.post_story(
            user or self.anna,
            title=title,
            submit="",
            draft="1",
            **{
                "photos-0-image": photo("een.jpg"),
                "photos-0-alt_text": "Fietsers bij de kerk",
                "photos-0-caption": "Vertrek",
                "photos-1-image": photo("twee.jpg"),
                "photos-1-alt_text": "Picknick aan de Ems",
                "photos-1-caption": "Middag",
                "photos-2-image": photo("drie.jpg"),
                "photos-2-alt_text": "Aankomst in Clarholz",
            },
        )
        return StoryPage.objects.get(title=title, locale=self.dutch)

    def edit_form(self, story):
        return soup(self.client.get(f"/nl/members/contributions/{story.pk}/"))

    def own_photo_groups(self, page):
        return page.select(".photos__item--own")

    def field_of(self, group, ending):
        return group.select_one(f"[name$='-{ending}']")

    def send(self, story, data, **changes):
        data = data.copy()
        for name, value in changes.items():
            data[name] = value
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(f"/nl/members/contributions/{story.pk}/", data)

    def latest(self, story):
        return StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()

    def photos_in_text(self, story):
        return [
            (block.value["image"], block.value["alt_text"], block.value["caption"])
            for block in story.body
            if block.block_type == "image"
        ]


class RemovingPhotosTests(OwnPhotosTestCase):
    def test_each_photo_she_has_can_be_removed_and_described_in_the_form(self):
        story = self.draft_with_photos()
        page = self.edit_form(story)
        groups = self.own_photo_groups(page)
        self.assertEqual(len(groups), 3)
        first = groups[0]
        self.assertIsNotNone(first.select_one("img"))
        self.assertEqual(self.field_of(first, "alt_text")["value"], "Fietsers bij de kerk")
        self.assertEqual(self.field_of(first, "caption")["value"], "Vertrek")
        self.assertEqual(self.field_of(first, "remove")["type"], "checkbox")
        remove = self.field_of(first, "remove")
        self.assertTrue(first.select_one(f"label[for={remove['id']}]").get_text(strip=True))
        titles = [title.get_text(strip=True) for title in page.select(".photos__title")]
        self.assertEqual(titles, [f"Foto {number}" for number in range(1, 11)])

    def test_a_photo_she_removes_leaves_the_contribution_and_its_files_go_once_saved(self):
        story = self.draft_with_photos()
        picnic = get_image_model().objects.get(title="Picknick aan de Ems")
        picnic.get_rendition("fill-160x120")
        files = files_of(picnic)
        self.assertLessEqual(files, media_files())
        data = sent_by_the_browser(self.edit_form(story))
        # She may leave without saving: nothing goes before she saves.
        self.assertTrue(get_image_model().objects.filter(pk=picnic.pk).exists())
        group = self.own_photo_groups(self.edit_form(story))[1]
        response = self.send(story, data, **{self.field_of(group, "remove")["name"]: "on"})
        self.assertEqual(response.status_code, 302)
        edited = self.latest(story)
        self.assertEqual(edited.image_alt, "Fietsers bij de kerk")
        self.assertEqual(
            [alt for _, alt, _ in self.photos_in_text(edited)], ["Aankomst in Clarholz"]
        )
        self.assertFalse(get_image_model().objects.filter(pk=picnic.pk).exists())
        self.assertFalse(files & media_files())
        self.assertEqual(len(self.member_images(self.anna)), 2)

    def test_removing_the_leading_photo_lets_the_next_one_lead_the_story(self):
        story = self.draft_with_photos()
        page = self.edit_form(story)
        data = sent_by_the_browser(page)
        lead = self.own_photo_groups(page)[0]
        self.send(story, data, **{self.field_of(lead, "remove")["name"]: "on"})
        edited = self.latest(story)
        self.assertEqual(edited.image_alt, "Picknick aan de Ems")
        self.assertEqual(edited.image_caption, "Middag")
        self.assertEqual(
            [alt for _, alt, _ in self.photos_in_text(edited)], ["Aankomst in Clarholz"]
        )
        self.assertEqual(len(self.member_images(self.anna)), 2)

    def test_she_changes_the_description_and_caption_of_a_photo_she_has(self):
        story = self.draft_with_photos()
        page = self.edit_form(story)
        data = sent_by_the_browser(page)
        lead, picnic, _ = self.own_photo_groups(page)
        self.send(
            story,
            data,
            **{
                self.field_of(lead, "alt_text")["name"]: "Twaalf fietsers voor de kerk",
                self.field_of(lead, "caption")["name"]: "",
                self.field_of(picnic, "caption")["name"]: "Middag aan de Ems",
            },
        )
        edited = self.latest(story)
        self.assertEqual(edited.image_alt, "Twaalf fietsers voor de kerk")
        self.assertEqual(edited.image_caption, "")
        self.assertEqual(
            [(alt, caption) for _, alt, caption in self.photos_in_text(edited)],
            [("Picknick aan de Ems", "Middag aan de Ems"), ("Aankomst in Clarholz", "")],
        )
        self.assertEqual(len(self.member_images(self.anna)), 3)

    def test_a_photo_she_keeps_needs_its_description_one_she_removes_does_not(self):
        story = self.draft_with_photos()
        page = self.edit_form(story)
        data = sent_by_the_browser(page)
        lead, picnic, _ = self.own_photo_groups(page)
        response = self.send(story, data, **{self.field_of(lead, "alt_text")["name"]: " "})
        self.assertEqual(response.status_code, 200)
        group = self.own_photo_groups(soup(response))[0]
        self.assertIn("Beschrijf de foto", group.get_text())
        self.assertEqual(self.latest(story).image_alt, "Fietsers bij de kerk")
        response = self.send(
            story,
            data,
            **{
                self.field_of(picnic, "alt_text")["name"]: "",
                self.field_of(picnic, "remove")["name"]: "on",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(self.photos_in_text(self.latest(story))), 1)

    def test_a_form_with_errors_keeps_her_choices_and_removes_nothing_yet(self):
        story = self.draft_with_photos()
        page = self.edit_form(story)
        data = sent_by_the_browser(page)
        lead, picnic, _ = self.own_photo_groups(page)
        response = self.send(
            story,
            data,
            title="",
            **{
                self.field_of(lead, "alt_text")["name"]: "Twaalf fietsers",
                self.field_of(picnic, "remove")["name"]: "on",
            },
        )
        self.assertEqual(response.status_code, 200)
        lead, picnic, _ = self.own_photo_groups(soup(response))
        self.assertEqual(self.field_of(lead, "alt_text")["value"], "Twaalf fietsers")
        self.assertTrue(self.field_of(picnic, "remove").has_attr("checked"))
        self.assertFalse(self.field_of(lead, "remove").has_attr("checked"))
        self.assertEqual(len(self.member_images(self.anna)), 3)
        self.assertEqual(len(self.photos_in_text(self.latest(story))), 2)

    def test_a_photo_an_editor_also_used_elsewhere_leaves_her_contribution_only(self):
        story = self.draft_with_photos()
        picnic = get_image_model().objects.get(title="Picknick aan de Ems")
        with self.captureOnCommitCallbacks(execute=True):
            self.climate.image, self.climate.image_alt = picnic, "Picknick"
            self.climate.save_revision().publish()
        page = self.edit_form(story)
        data = sent_by_the_browser(page)
        group = self.own_photo_groups(page)[1]
        self.send(story, data, **{self.field_of(group, "remove")["name"]: "on"})
        self.assertEqual(len(self.photos_in_text(self.latest(story))), 1)
        self.assertTrue(get_image_model().objects.filter(pk=picnic.pk).exists())
        self.assertIn(picnic.file.name, media_files())

    def test_photos_of_another_members_contribution_cannot_be_touched_from_hers(self):
        theirs = self.draft_with_photos(self.bernd, title="Radtour nach Steenwijk")
        bernd_block = next(block for block in theirs.body if block.block_type == "image")
        bernd_images = {image.pk for image in self.member_images(self.bernd)}
        story = self.draft_with_photos()
        data = sent_by_the_browser(self.edit_form(story))
        sneaked = {}
        for key in (bernd_block.id, *bernd_images):
            sneaked.update({f"own-{key}-remove": "on", f"own-{key}-alt_text": "Gekaapt"})
        self.client.force_login(self.anna)
        response = self.send(story, data, **sneaked)
        self.assertEqual(response.status_code, 302)
        self.assertEqual({image.pk for image in self.member_images(self.bernd)}, bernd_images)
        theirs = self.latest(theirs)
        self.assertEqual(len(self.photos_in_text(theirs)), 2)
        self.assertNotIn("Gekaapt", str(theirs.body.raw_data) + theirs.image_alt)
        self.assertEqual(len(self.photos_in_text(self.latest(story))), 2)

    def test_a_meeting_proposal_loses_a_photo_she_removes(self):
        self.client.force_login(self.anna)
        draft = self.meeting_data(
            **{
                "photos-TOTAL_FORMS": "1",
                "photos-0-image": photo("cafe.jpg"),
                "photos-0-alt_text": "Het café",
                "draft": "1",
            }
        )
        del draft["submit"]
        self.client.post("/nl/members/meetings/new/", draft)
        meeting = MeetingPage.objects.get(title="Taalcafé", locale=self.dutch)
        page = self.edit_form(meeting)
        data = sent_by_the_browser(page)
        data["draft"] = "1"
        group = self.own_photo_groups(page)[0]
        response = self.send(meeting, data, **{self.field_of(group, "remove")["name"]: "on"})
        self.assertEqual(response.status_code, 302)
        edited = MeetingPage.objects.get(pk=meeting.pk).get_latest_revision_as_object()
        self.assertEqual([block.block_type for block in edited.body], [])
        self.assertEqual(self.member_images(self.anna), [])
        # Nor is a collection named after her left empty in the editors' image library.
        self.assertFalse(Collection.objects.filter(name__startswith="Anna:").exists())

    def test_a_photo_an_editor_put_in_her_contribution_leaves_it_and_stays_in_the_library(self):
        story = self.draft_with_photos()
        editors = get_image_model().objects.create(
            title="Kerk", file=photo("kerk.jpg"), uploaded_by_user=self.moderator
        )
        latest = self.latest(story)
        latest.image, latest.image_alt = editors, "De kerk van Clarholz"
        latest.save_revision(user=self.moderator)
        page = self.edit_form(story)
        data = sent_by_the_browser(page)
        lead = self.own_photo_groups(page)[0]
        self.assertEqual(self.field_of(lead, "alt_text")["value"], "De kerk van Clarholz")
        self.send(story, data, **{self.field_of(lead, "remove")["name"]: "on"})
        self.assertNotEqual(self.latest(story).image, editors)
        self.assertTrue(get_image_model().objects.filter(pk=editors.pk).exists())
        self.assertEqual(len(self.member_images(self.anna)), 3)

    def test_a_german_member_does_the_same_on_the_german_page(self):
        story = self.draft_with_photos(self.bernd, title="Radtour nach Steenwijk")
        response = self.client.get(f"/de/members/contributions/{story.pk}/")
        page = soup(response)
        self.assertEqual(page.html["lang"], "de")
        groups = self.own_photo_groups(page)
        self.assertEqual(len(groups), 3)
        data = sent_by_the_browser(page)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                f"/de/members/contributions/{story.pk}/",
                {**data.dict(), self.field_of(groups[2], "remove")["name"]: "on"},
            )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(self.photos_in_text(self.latest(story))), 1)
        self.assertEqual(len(self.member_images(self.bernd)), 2)
