"""What an editor adds to a member's text in the admin (a box of facts, a quote, a link in a
paragraph) stays when the member saves her contribution again: her form edits the paragraphs as
plain text and the photos one by one, and saving it rebuilt the whole text from those, so an
editor's box of facts or quote was lost without a word (photos helper of 2026-12-05)."""

from wagtail.blocks import StreamValue
from wagtail.models import WorkflowState
from wagtail.rich_text import RichText

from community.models import Town
from exchanges.models import StoryPage, StoryTown
from tests.test_contributions_photos import OwnPhotosTestCase, sent_by_the_browser
from tests.test_members import photo


class EditorsBlocksTests(OwnPhotosTestCase):
    def edited_by_an_editor(self, story, blocks):
        """The moderator edits `story` (in review) in the admin, then asks Anna for changes."""
        revision = story.get_latest_revision_as_object()
        revision.body = StreamValue(revision.body.stream_block, blocks)
        revision.save_revision(user=self.moderator)
        state = WorkflowState.objects.get(object_id=str(story.pk), status="in_progress")
        with self.captureOnCommitCallbacks(execute=True):
            state.current_task_state.reject(user=self.moderator, comment="Iets korter graag.")
        self.client.force_login(self.anna)

    def sent_story(self):
        self.post_story(self.anna, body="Dag een was nat.\n\nDag twee was zonnig.")
        return self.contribution()

    def with_facts_quote_and_link(self, story):
        self.edited_by_an_editor(
            story,
            [
                (
                    "facts",
                    {
                        "title": "De heenreis",
                        "facts": [("fact", {"label": "Afstand", "value": "120 km"})],
                    },
                ),
                (
                    "paragraph",
                    RichText('<p>Dag een was <a href="https://example.org/">nat</a>.</p>'),
                ),
                ("quote", {"quote": "Nooit meer regen!", "attribution": "Anna"}),
                ("paragraph", RichText("<p>Dag twee was zonnig.</p>")),
            ],
        )

    def saved(self, story, data, **changes):
        response = self.send(story, data, draft="1", submit="", **changes)
        self.assertEqual(response.status_code, 302, response.content[:2000])
        return [
            (block.block_type, block.value)
            for block in self.latest(StoryPage.objects.get(pk=story.pk)).body
        ]

    def test_her_form_says_the_editors_parts_stay(self):
        story = self.sent_story()
        self.with_facts_quote_and_link(story)
        form = self.edit_form(story)
        self.assertEqual(
            form.select_one("textarea[name=body]").get_text().strip(),
            "Dag een was nat.\n\nDag twee was zonnig.",
        )
        help_text = form.select_one("#id_body_helptext").get_text(" ", strip=True)
        self.assertIn("blijven staan waar ze staan", help_text)

    def test_saving_other_fields_keeps_the_editors_text_as_it_is(self):
        story = self.sent_story()
        self.with_facts_quote_and_link(story)
        data = sent_by_the_browser(self.edit_form(story))
        blocks = self.saved(story, data, title="Fietsen naar Clarholz en terug")
        self.assertEqual([kind for kind, _ in blocks], ["facts", "paragraph", "quote", "paragraph"])
        self.assertEqual(blocks[0][1]["title"], "De heenreis")
        self.assertIn('href="https://example.org/"', blocks[1][1].source)
        self.assertEqual(blocks[2][1]["quote"], "Nooit meer regen!")

    def test_her_changed_paragraph_goes_in_its_place_and_the_rest_stays(self):
        story = self.sent_story()
        self.with_facts_quote_and_link(story)
        data = sent_by_the_browser(self.edit_form(story))
        blocks = self.saved(
            story, data, body="Dag een was nat.\n\nDag twee was zonnig en warm.\n\nDag drie: thuis."
        )
        self.assertEqual([kind for kind, _ in blocks], ["facts", "paragraph", "quote", "paragraph"])
        # The paragraph she left keeps the editor's link; the one she changed holds her text.
        self.assertIn('href="https://example.org/"', blocks[1][1].source)
        self.assertEqual(
            blocks[3][1].source, "<p>Dag twee was zonnig en warm.</p><p>Dag drie: thuis.</p>"
        )

    def test_emptying_her_text_leaves_the_editors_parts(self):
        story = self.sent_story()
        self.with_facts_quote_and_link(story)
        data = sent_by_the_browser(self.edit_form(story))
        blocks = self.saved(story, data, body="")
        self.assertEqual([kind for kind, _ in blocks], ["facts", "quote"])

    def test_a_photo_an_editor_moved_into_the_text_stays_there(self):
        story = self.draft_with_photos()
        photos = [
            (block.block_type, block.value, block.id)
            for block in self.latest(story).body
            if block.block_type == "image"
        ]
        # Sent for review, the moderator puts the first photo of the text between two
        # paragraphs and asks for changes.
        self.send(story, sent_by_the_browser(self.edit_form(story)), submit="1", draft="")
        self.edited_by_an_editor(
            story,
            [
                ("paragraph", RichText("<p>Dag een was nat.</p>")),
                photos[0],
                ("paragraph", RichText("<p>Dag twee was zonnig.</p>")),
                *photos[1:],
            ],
        )
        data = sent_by_the_browser(self.edit_form(story))
        group = self.own_photo_groups(self.edit_form(story))[1]
        blocks = self.saved(
            story,
            data,
            body="Dag een was nat.\n\nDag twee was heel zonnig.",
            **{self.field_of(group, "caption")["name"]: "Middagpauze"},
        )
        self.assertEqual([kind for kind, _ in blocks], ["paragraph", "image", "paragraph", "image"])
        self.assertEqual(blocks[1][1]["caption"], "Middagpauze")
        self.assertEqual(blocks[2][1].source, "<p>Dag twee was heel zonnig.</p>")


class NewContributionTests(OwnPhotosTestCase):
    def test_a_new_story_has_her_paragraphs_then_her_photos(self):
        story = self.draft_with_photos()
        kinds = [block.block_type for block in self.latest(story).body]
        self.assertEqual(kinds, ["paragraph", "image", "image"])
        self.assertEqual(
            self.latest(story).body[0].value.source,
            "<p>Dag een was nat.</p><p>Dag twee was zonnig.</p>",
        )


class FullPhotoSlotsTests(OwnPhotosTestCase):
    def test_with_ten_photos_the_form_says_how_to_make_room_and_removing_one_does(self):
        uploads = {f"photos-{n}-image": photo(f"foto{n}.jpg") for n in range(10)}
        alts = {f"photos-{n}-alt_text": f"Foto {n}" for n in range(10)}
        self.post_story(
            self.anna, submit="", draft="1", **{"photos-TOTAL_FORMS": "10"}, **uploads, **alts
        )
        story = self.contribution()
        page = self.edit_form(story)
        self.assertFalse(page.select("input[type=file]"))
        self.assertIn(
            "verwijder er dan een en sla op", page.select_one(".photos").get_text(" ", strip=True)
        )
        group = self.own_photo_groups(page)[3]
        self.send(
            story, sent_by_the_browser(page), **{self.field_of(group, "remove")["name"]: "on"}
        )
        self.assertEqual(len(self.edit_form(story).select("input[type=file]")), 1)


class TownsAnEditorChoseTests(OwnPhotosTestCase):
    """An editor who saves a German story in the admin chooses its towns among the German ones;
    the member's form offers the towns as stored (the default language's), and showed none
    ticked: sending it again asked her to choose one (the newcomer's walk of 2026-12-05, W1)."""

    def test_the_towns_an_editor_chose_show_ticked_in_her_form(self):
        self.post_story(self.anna)
        story = self.contribution()
        german_town = Town.objects.get(
            translation_key=self.steenwijkerland.translation_key, locale=self.german
        )
        revision = story.get_latest_revision_as_object()
        revision.story_towns = [StoryTown(town=german_town)]
        revision.save_revision(user=self.moderator)
        state = WorkflowState.objects.get(object_id=str(story.pk), status="in_progress")
        with self.captureOnCommitCallbacks(execute=True):
            state.current_task_state.reject(user=self.moderator, comment="Graag nog een foto.")
        self.client.force_login(self.anna)
        form = self.edit_form(story)
        ticked = [box["value"] for box in form.select("input[name=towns][checked]")]
        self.assertEqual(ticked, [str(self.steenwijkerland.pk)])
        response = self.send(story, sent_by_the_browser(form))
        self.assertEqual(response.status_code, 302)


class InReviewAfterAnEditorsChangesTests(OwnPhotosTestCase):
    def test_what_she_reads_in_review_says_it_holds_the_editors_changes(self):
        # "What you sent" showed an editor's quote as hers (the newcomer's walk, W2).
        self.post_story(self.anna)
        story = self.contribution()
        heading = self.edit_form(story).select_one(".prose h2").get_text(strip=True)
        self.assertEqual(heading, "Wat u hebt verstuurd")
        revision = story.get_latest_revision_as_object()
        revision.body = StreamValue(
            revision.body.stream_block,
            [*((b.block_type, b.value, b.id) for b in revision.body), ("quote", {"quote": "Q"})],
        )
        revision.save_revision(user=self.moderator)
        heading = self.edit_form(story).select_one(".prose h2").get_text(strip=True)
        self.assertEqual(heading, "Wat u hebt verstuurd, met de wijzigingen van de redactie")
