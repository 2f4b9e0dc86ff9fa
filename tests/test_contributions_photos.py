"""A member who edits her own contribution handles the photos it already has as she handles new
ones: she removes one, or changes its description and caption. Found by the newcomer's walk: her
photos were thumbnails only, and an editor's "please remove this photo" left her nothing but
deleting the whole contribution."""

from bs4 import BeautifulSoup
from django.core.management.color import no_style
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.datastructures import MultiValueDict
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.rich_text import RichText

from community import privacy
from community.contributions import discard_photos
from community.models import SectorCoordinator
from exchanges.models import MeetingPage, StoryPage
from home.factories import StandardPageFactory
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

    def remove_photo(self, story, number):
        """She opens her form, ticks "Remove this photo" of its photo `number` (from 0) and
        saves, the rest as the form shows it."""
        page = self.edit_form(story)
        group = self.own_photo_groups(page)[number]
        data = sent_by_the_browser(page)
        return self.send(story, data, **{self.field_of(group, "remove")["name"]: "on"})

    def latest(self, story):
        return StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()

    def editors_draft(self, page=None, **fields):
        """An editor changes `page` (the climate sector's) and saves a draft, not published."""
        page = page or self.climate
        page = page.specific_class.objects.get(pk=page.pk)
        for name, value in fields.items():
            setattr(page, name, value)
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision(user=self.moderator)

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
        self.remove_photo(story, 1)
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

    def test_an_editors_collection_inside_hers_stays_with_its_images_when_hers_empties(self):
        # Her collection, left empty, was deleted with the collections inside it, and Wagtail
        # deletes a collection's images with it: an editor's album kept there was lost.
        story = self.draft_with_photos()
        hers = Collection.objects.get(name__startswith="Anna:")
        album = hers.add_child(name="Fietstocht (redactie)")
        kept = get_image_model().objects.create(
            title="Kerk", file=photo("kerk.jpg"), collection=album, uploaded_by_user=self.moderator
        )
        for _photo in self.own_photo_groups(self.edit_form(story)):
            page = self.edit_form(story)
            data = sent_by_the_browser(page)
            group = self.own_photo_groups(page)[0]
            self.send(story, data, **{self.field_of(group, "remove")["name"]: "on"})
        self.assertEqual(self.member_images(self.anna), [])
        self.assertTrue(get_image_model().objects.filter(pk=kept.pk).exists())
        self.assertTrue(Collection.objects.filter(pk=album.pk).exists())

    def test_an_editors_collection_inside_hers_stays_when_she_deletes_her_account(self):
        self.draft_with_photos()
        hers = Collection.objects.get(name__startswith="Anna:")
        album = hers.add_child(name="Fietstocht (redactie)")
        kept = get_image_model().objects.create(
            title="Kerk", file=photo("kerk.jpg"), collection=album, uploaded_by_user=self.moderator
        )
        with self.captureOnCommitCallbacks(execute=True):
            privacy.delete_account(self.anna, remove_contributions=True)
        self.assertTrue(get_image_model().objects.filter(pk=kept.pk).exists())
        self.assertTrue(Collection.objects.filter(pk=album.pk).exists())

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


class PhotoInAnEditorsDraftTests(OwnPhotosTestCase):
    """An editor chose her photo for another page and saved a draft, not published yet: the
    reference index reads the page's row, the draft holds the photo in its latest revision only.
    Wherever the draft has it, the photo stays."""

    def setUp(self):
        super().setUp()
        self.story = self.draft_with_photos()
        self.picnic = get_image_model().objects.get(title="Picknick aan de Ems")

    def remove_picnic(self):
        page = self.edit_form(self.story)
        data = sent_by_the_browser(page)
        group = self.own_photo_groups(page)[1]
        response = self.send(self.story, data, **{self.field_of(group, "remove")["name"]: "on"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            [alt for _, alt, _ in self.photos_in_text(self.latest(self.story))],
            ["Aankomst in Clarholz"],
        )

    def picnic_stays(self):
        self.assertTrue(get_image_model().objects.filter(pk=self.picnic.pk).exists())
        self.assertIn(self.picnic.file.name, media_files())

    def test_a_photo_an_editor_embedded_in_the_text_of_a_draft_stays(self):
        embed = f'<embed embedtype="image" id="{self.picnic.pk}" format="fullwidth" alt="Ems"/>'
        self.editors_draft(body=[("paragraph", RichText(f"<p>Picknick</p>{embed}"))])
        self.remove_picnic()
        self.picnic_stays()

    def test_a_photo_an_editor_put_in_an_image_block_of_a_draft_stays(self):
        image = {"image": self.picnic, "alt_text": "Picknick aan de Ems", "caption": ""}
        self.editors_draft(body=[("image", image)])
        self.remove_picnic()
        self.picnic_stays()

    def test_a_photo_an_editor_chose_to_lead_a_draft_stays(self):
        self.editors_draft(image=self.picnic, image_alt="Picknick")
        self.remove_picnic()
        self.picnic_stays()

    def test_a_photo_an_editor_gave_a_coordinator_in_a_draft_stays(self):
        coordinator = SectorCoordinator(
            name="Anke de Vries",
            town=self.steenwijkerland,
            role="Contactpersoon",
            photo=self.picnic,
            locale=self.climate.locale,
        )
        self.editors_draft(coordinators=[coordinator])
        self.remove_picnic()
        self.picnic_stays()

    def test_a_draft_that_only_holds_the_photos_number_otherwise_does_not_keep_it(self):
        number = self.picnic.pk
        lead = get_image_model().objects.create(
            title="Kerk", file=photo("kerk.jpg"), uploaded_by_user=self.moderator
        )
        self.editors_draft(
            image=lead,
            image_alt=f"Foto {number}",
            body=[
                ("heading", {"text": f"{number} fietsers, 1{number}0 km", "level": "h2"}),
                ("paragraph", RichText(f'<p><a linktype="page" id="{number}">Pagina</a></p>')),
            ],
        )
        picnic_files = files_of(self.picnic)
        self.remove_picnic()
        self.assertFalse(get_image_model().objects.filter(pk=number).exists())
        self.assertFalse(picnic_files & media_files())


class ReadingEditorsDraftsTests(OwnPhotosTestCase):
    def test_removing_a_photo_costs_the_same_however_many_drafts_editors_keep(self):
        """Only drafts that can mention the photo are read, not every page's draft. In a test
        database every id is small and so are the numbers each draft holds (its depth, its
        language's id): the photos here are numbered beyond them."""
        beyond = get_image_model().objects.create(
            pk=10**6, title="Ver weg", file=photo("ver.jpg"), uploaded_by_user=self.moderator
        )
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [get_image_model()]):
                cursor.execute(statement)
        story = self.draft_with_photos()
        self.assertTrue(all(image.pk > beyond.pk for image in self.member_images(self.anna)))
        self.editors_draft(body=[("paragraph", RichText("<p>Concept</p>"))])

        def removing(title):
            page = self.edit_form(story)
            group = next(
                group
                for group in self.own_photo_groups(page)
                if self.field_of(group, "alt_text")["value"] == title
            )
            data = sent_by_the_browser(page)
            image = get_image_model().objects.get(title=title)
            # Her save queues the deletion (contributions.discard_photos); the worker's run of
            # it is what reads the drafts.
            with self.settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
                self.send(story, data, **{self.field_of(group, "remove")["name"]: "on"})
            self.assertTrue(get_image_model().objects.filter(pk=image.pk).exists())
            with CaptureQueriesContext(connection) as queries:
                discard_photos.call(story.pk, [image.pk])
            self.assertFalse(get_image_model().objects.filter(pk=image.pk).exists())
            return len(queries)

        with_one_draft = removing("Picknick aan de Ems")
        for number in range(12):
            self.editors_draft(
                StandardPageFactory(parent=self.home, title=f"Concept {number}"),
                body=[("paragraph", RichText(f"<p>Concept {number}</p>"))],
            )
        # (The first photo has one rendition more to delete.)
        self.assertLessEqual(removing("Aankomst in Clarholz"), with_one_draft)
