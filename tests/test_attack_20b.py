"""Attack 20b on the edit conflicts of a member's contribution form (b22724b): the version and
the fingerprints her form sends back (`opened`, `opened_fields`)."""

from django.utils import translation
from django.utils.translation import gettext
from wagtail.blocks import StreamValue

from exchanges.contribution_forms import StoryForm
from tests.test_contributions_photos import sent_by_the_browser, soup
from tests.test_edit_conflicts import EditConflictTestCase
from tests.test_members import photo


class TamperedFingerprintsTests(EditConflictTestCase):
    """Whatever `opened_fields` says, the page answers (no server error) and an editor's change
    is not overwritten by a form that did not show it."""

    VALUES = (
        None,
        "",
        "garbage",
        "=",
        ";;;",
        "title=;intro=",
        "own-x-1=abc;sector==;towns=a;b",
        "title=" + "a" * 5000,
        "x=" * 3000,
        "\x00=\x00",
        "tïtle=é",
    )

    def test_each_tampered_value_is_answered_and_the_editors_title_stays(self):
        for number, value in enumerate(self.VALUES):
            with self.subTest(value=value and value[:40]):
                self.story = self.draft_with_photos(title=f"Fietsen naar Clarholz {number}")
                self.client.force_login(self.anna)
                opened = sent_by_the_browser(self.edit_form(self.story))
                self.editor_saves(title="Met de fiets naar Clarholz")
                data = opened.copy()
                if value is None:
                    data.pop("opened_fields", None)
                else:
                    data["opened_fields"] = value
                response = self.send(self.story, data, intro="Twaalf fietsers, één dag, 80 km.")
                self.assertIn(response.status_code, (200, 302))
                self.assertEqual(self.latest(self.story).title, "Met de fiets naar Clarholz")


class ChangedAgainBeforeSheResendsTests(EditConflictTestCase):
    def test_a_second_change_of_the_editors_after_the_conflict_page_is_caught_too(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        self.editor_saves(title="Met de fiets naar Clarholz")
        response = self.send(self.story, opened, intro="Twaalf fietsers, één dag, 80 km.")
        conflict = sent_by_the_browser(soup(response))
        self.editor_saves(title="Fietsen naar de partner")
        response = self.send(self.story, conflict)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.latest(self.story).title, "Fietsen naar de partner")
        response = self.send(self.story, sent_by_the_browser(soup(response)))
        self.assertEqual(response.status_code, 302)
        latest = self.latest(self.story)
        self.assertEqual(
            (latest.title, latest.intro),
            ("Fietsen naar de partner", "Twaalf fietsers, één dag, 80 km."),
        )


class BackButtonTests(EditConflictTestCase):
    """She saves her draft, goes back in her browser, corrects a word and saves again: a form
    page the browser kept would come back with the token of the send already saved, and the
    correction would be dropped as "sent once" while she reads that it is saved. The forms are
    never kept: going back asks for the form again, filled from what she saved."""

    def test_the_forms_are_not_kept_by_the_browser(self):
        for address in (
            f"/nl/members/contributions/{self.story.pk}/",
            "/nl/members/stories/new/",
            "/nl/members/meetings/new/",
        ):
            with self.subTest(address):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 200)
                self.assertIn("no-store", response["Cache-Control"])

    def test_a_new_contribution_sent_again_after_going_back_is_not_made_twice(self):
        from exchanges.models import StoryPage

        self.client.force_login(self.bernd)
        data = self.story_data(title="Kermis in Clarholz", submit="", draft="1")
        data["submission"] = "5b0b7a52-2a6f-4bb0-9f0e-0d7f1b2c3d4e"
        self.client.post("/nl/members/stories/new/", data)
        data["intro"] = "Een andere inleiding, na terug in de browser."
        self.client.post("/nl/members/stories/new/", data)
        self.assertEqual(
            StoryPage.objects.filter(title="Kermis in Clarholz", alias_of__isnull=True).count(), 1
        )


class SectorAnEditorChoseInGermanTests(EditConflictTestCase):
    """In the admin an editor may link the German version of a sector (a story belongs to the
    sector whichever version it links, `StoryQuerySet.in_sector`). The member's form offers
    the Dutch versions only."""

    def sectors(self):
        return [link.sector_id for link in self.latest(self.story).story_sectors.all()]

    def link_german_climate(self):
        from exchanges.models import StorySector

        self.editor_saves(story_sectors=[StorySector(sector=self.climate_de)])

    def test_her_form_shows_the_sector_and_saving_keeps_it(self):
        self.link_german_climate()
        page = self.edit_form(self.story)
        selected = page.select_one("[name=sector] option[selected]")
        self.assertEqual(selected.get("value") if selected else "", str(self.climate.pk))
        response = self.send(self.story, sent_by_the_browser(page), intro="Met meer woorden.")
        self.assertEqual(response.status_code, 302)
        self.assertIn(self.sectors(), ([self.climate.pk], [self.climate_de.pk]))

    def test_the_editors_sector_chosen_while_her_form_was_open_is_named_and_kept(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        self.link_german_climate()
        response = self.send(self.story, opened, intro="Met meer woorden.")
        if response.status_code == 200:
            notice = self.notice(response).get_text()
            self.assertNotIn("(leeg)", notice)
            response = self.send(self.story, sent_by_the_browser(soup(response)))
        self.assertEqual(response.status_code, 302)
        self.assertIn(self.sectors(), ([self.climate.pk], [self.climate_de.pk]))


class PhotosUploadedAroundAConflictTests(EditConflictTestCase):
    def photos(self):
        return StoryForm.photos_of(self.latest(self.story))

    @staticmethod
    def with_new_photo(data):
        """`data` (a form as the browser sends it) with a new photo chosen in its first slot."""
        data = data.copy()
        data.update(
            {"photos-0-image": photo("vier.jpg"), "photos-0-alt_text": "De brug over de Ems"}
        )
        return data

    def test_a_photo_she_added_in_the_form_she_had_open_is_saved_once_after_the_conflict(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        self.editor_saves(title="Met de fiets naar Clarholz")
        response = self.send(self.story, self.with_new_photo(opened))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(self.photos()), 3)
        response = self.send(self.story, sent_by_the_browser(soup(response)))
        self.assertEqual(response.status_code, 302)
        self.assertEqual([photo.alt_text for photo in self.photos()][-1], "De brug over de Ems")
        self.assertEqual(len(self.photos()), 4)
        self.assertEqual(self.latest(self.story).title, "Met de fiets naar Clarholz")

    def test_a_photo_she_adds_on_the_conflict_page_is_saved(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        self.editor_saves(title="Met de fiets naar Clarholz")
        response = self.send(self.story, opened, intro="Twaalf fietsers, één dag, 80 km.")
        response = self.send(self.story, self.with_new_photo(sent_by_the_browser(soup(response))))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(self.photos()), 4)


class WhoChangedItTests(EditConflictTestCase):
    def test_an_editors_change_is_not_told_as_hers_when_she_also_saved_in_another_window(self):
        """An editor changes the title; she then saves the intro in another window; her first
        window's notice must not say that only she changed it ("in another window"): she
        would take the editors' title for her own."""
        opened = sent_by_the_browser(self.edit_form(self.story))
        self.editor_saves(title="Met de fiets naar Clarholz")
        other = sent_by_the_browser(self.edit_form(self.story))
        self.assertEqual(
            self.send(self.story, other, intro="Uit het andere venster.").status_code, 302
        )
        response = self.send(self.story, opened, body="Een nieuwe tekst.")
        self.assertEqual(response.status_code, 200)
        self.assertIn("De redactie heeft", self.notice(response).get_text())


class TextAnEditorFormattedTests(EditConflictTestCase):
    def editor_formats(self, html):
        from wagtail.rich_text import RichText

        page = self.latest(self.story)
        blocks = [
            (
                block.block_type,
                RichText(html) if block.block_type == "paragraph" else block.value,
                block.id,
            )
            for block in page.body
        ]
        self.editor_saves(body=StreamValue(page.body.stream_block, blocks))

    def source(self):
        return "".join(
            block.value.source
            for block in self.latest(self.story).body
            if block.block_type == "paragraph"
        )

    def test_a_list_the_editor_made_while_her_form_was_open_stays_a_list(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        self.editor_formats(
            '<p>We fietsten:</p><ul><li>naar Ootmarsum</li><li>naar <a href="https://example.org">Clarholz</a></li></ul>'
        )
        response = self.send(self.story, opened, title="Op de fiets naar Clarholz")
        if response.status_code == 200:
            response = self.send(self.story, sent_by_the_browser(soup(response)))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.latest(self.story).title, "Op de fiets naar Clarholz")
        self.assertIn("<ul>", self.source())
        self.assertIn("https://example.org", self.source())


class PhotoTheEditorChangedTests(EditConflictTestCase):
    def second_block(self):
        page = self.latest(self.story)
        return page, next(block for block in page.body if block.block_type == "image")

    def test_her_words_for_a_photo_the_editor_swapped_in_its_block_are_told_back(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        group = self.own_photo_groups(self.edit_form(self.story))[1]
        page, block = self.second_block()
        third = [b for b in page.body if b.block_type == "image"][1].value["image"]
        blocks = [
            (
                b.block_type,
                {**b.value, "image": third} if b.id == block.id else b.value,
                b.id,
            )
            for b in page.body
        ]
        self.editor_saves(body=StreamValue(page.body.stream_block, blocks))
        response = self.send(
            self.story, opened, **{self.field_of(group, "caption")["name"]: "Pauze aan de Ems"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Pauze aan de Ems", self.notice(response).get_text())

    def test_a_photo_she_removed_whose_caption_the_editor_changed_is_named(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        group = self.own_photo_groups(self.edit_form(self.story))[1]
        page, block = self.second_block()
        blocks = [
            (
                b.block_type,
                {**b.value, "caption": "Door de redactie"} if b.id == block.id else b.value,
                b.id,
            )
            for b in page.body
        ]
        self.editor_saves(body=StreamValue(page.body.stream_block, blocks))
        response = self.send(self.story, opened, **{self.field_of(group, "remove")["name"]: "on"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Door de redactie", self.notice(response).get_text())
        # She still wants it gone: the form keeps her choice, and sending it removes it.
        response = self.send(self.story, sent_by_the_browser(soup(response)))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(StoryForm.photos_of(self.latest(self.story))), 2)


class ConflictAfterSendingToTheEditorsTests(EditConflictTestCase):
    def test_the_conflict_page_says_what_sending_needs_is_asked_for_the_next_send(self):
        """She pressed "Send to the editors" in a form she had open: the conflict page is not
        a refusal of that send for what a draft may do without, and says so. It marks what
        sending needs, with a word on why (the final walk of stop 49 found the marks missing,
        and her next send refused for them)."""
        opened = sent_by_the_browser(self.edit_form(self.story))
        opened.setlist("towns", [])
        opened["submit"] = "1"
        self.editor_saves(title="Op de fiets naar Clarholz")
        response = self.send(self.story, opened)
        self.assertEqual(response.status_code, 200)
        notice = soup(response).select_one(".conflict")
        with translation.override("nl"):
            why = gettext("To send it to the editors, also fill in the marked fields.")
        self.assertIn(why, notice.get_text(" ", strip=True))
