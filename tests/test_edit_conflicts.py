"""A member edits her contribution in a form she opened some time ago. Whatever changed it
since (an editor in the admin, or she herself in another window) is not overwritten without a
word: where what her form shows changed, nothing is saved, she keeps what she typed and reads
what it says now. Found by the attack of session 19: an editor's change made while her form
was open was lost when she saved, and two windows saving one after the other left the text an
image block of a photo the first had removed."""

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import translation
from wagtail.blocks import StreamValue
from wagtail.images import get_image_model

from community import contributions
from community.models.submissions import SubmissionToken
from exchanges.contribution_forms import StoryForm
from exchanges.models import StoryPage
from exchanges.models.stories import DATE_NEEDED
from tests.test_contributions_photos import OwnPhotosTestCase, sent_by_the_browser, soup
from tests.test_members import photo

# The sentence of the conflict notice that introduces the list of changes (its message id).
CHANGES_INTRODUCTION = "This is what was changed meanwhile:"


class EditConflictTestCase(OwnPhotosTestCase):
    def setUp(self):
        super().setUp()
        self.story = self.draft_with_photos()
        self.client.force_login(self.anna)

    def editor_saves(self, **fields):
        """An editor changes her draft in the admin (a new revision of the moderator)."""
        page = StoryPage.objects.get(pk=self.story.pk).get_latest_revision_as_object()
        for name, value in fields.items():
            setattr(page, name, value)
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision(user=self.moderator)

    def conflict(self, editors, **typed):
        """She opens her form, an editor saves `editors` (fields of the page) meanwhile, and
        she sends her form with what she `typed`: the response."""
        opened = sent_by_the_browser(self.edit_form(self.story))
        self.editor_saves(**editors)
        return self.send(self.story, opened, **typed)

    def notice(self, response):
        return soup(response).select_one(".conflict")


class ChangedByAnEditorTests(EditConflictTestCase):
    def test_an_editors_new_title_is_not_overwritten_by_the_form_she_had_open(self):
        response = self.conflict(
            {"title": "Met de fiets naar Clarholz"}, intro="Twaalf fietsers, één dag, 80 km."
        )
        self.assertEqual(response.status_code, 200)
        notice = self.notice(response)
        self.assertIn("De redactie heeft", notice.get_text())
        # What it says now, for the field that changed; not the fields nobody else changed.
        self.assertIn("Met de fiets naar Clarholz", notice.get_text())
        self.assertNotIn("Introductie", notice.get_text())
        latest = self.latest(self.story)
        self.assertEqual(latest.title, "Met de fiets naar Clarholz")
        self.assertNotEqual(latest.intro, "Twaalf fietsers, één dag, 80 km.")
        # What she typed is still in the form, which now knows the version she has read; the
        # title she had left as it was is the editors' now.
        page = soup(response)
        self.assertEqual(page.select_one("[name=title]")["value"], "Met de fiets naar Clarholz")
        self.assertIn("Overgenomen in het formulier.", notice.get_text())
        self.assertEqual(
            page.select_one("[name=intro]").get_text().strip(), "Twaalf fietsers, één dag, 80 km."
        )
        response = self.send(self.story, sent_by_the_browser(page))
        self.assertEqual(response.status_code, 302)
        latest = self.latest(self.story)
        self.assertEqual(
            (latest.title, latest.intro),
            ("Met de fiets naar Clarholz", "Twaalf fietsers, één dag, 80 km."),
        )

    def test_a_change_her_form_does_not_show_lets_her_save_as_before(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        page = self.latest(self.story)
        quote = ("quote", {"quote": "Nooit meer zonder fiets.", "attribution": ""}, None)
        blocks = [(block.block_type, block.value, block.id) for block in page.body]
        self.editor_saves(body=StreamValue(page.body.stream_block, [quote, *blocks]))
        response = self.send(self.story, opened, intro="Twaalf fietsers, één dag, 80 km.")
        self.assertEqual(response.status_code, 302)
        latest = self.latest(self.story)
        self.assertEqual(latest.intro, "Twaalf fietsers, één dag, 80 km.")
        self.assertEqual(latest.body[0].block_type, "quote")

    def test_the_errors_of_a_form_keep_the_version_she_opened(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        response = self.send(self.story, opened, title="")
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(self.notice(response))
        self.editor_saves(intro="Door de redactie ingekort.")
        again = sent_by_the_browser(soup(response))
        again["title"] = "Fietsen naar Clarholz"
        response = self.send(self.story, again, intro="Mijn eigen inleiding.")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Door de redactie ingekort.", self.notice(response).get_text())
        self.assertEqual(self.latest(self.story).intro, "Door de redactie ingekort.")

    def test_a_field_she_changed_too_keeps_what_she_typed_and_shows_theirs(self):
        response = self.conflict(
            {"title": "Met de fiets naar Clarholz"}, title="Op de fiets naar Clarholz"
        )
        notice = self.notice(response).get_text()
        self.assertIn("Met de fiets naar Clarholz", notice)
        self.assertIn("U hebt dit ook gewijzigd", notice)
        page = soup(response)
        self.assertEqual(page.select_one("[name=title]")["value"], "Op de fiets naar Clarholz")

    def test_an_editors_new_caption_is_not_undone_by_the_form_she_had_open(self):
        response = self.conflict(
            {"image_caption": "Vertrek bij de kerk (redactie)"},
            intro="Twaalf fietsers, één dag, 80 km.",
        )
        notice = self.notice(response).get_text()
        self.assertIn("Foto 1", notice)
        self.assertIn("Vertrek bij de kerk (redactie)", notice)
        # The caption she left as it was shows as stored now (attack 20, D1).
        page = soup(response)
        lead = self.own_photo_groups(page)[0]
        self.assertEqual(self.field_of(lead, "caption")["value"], "Vertrek bij de kerk (redactie)")
        response = self.send(self.story, sent_by_the_browser(page))
        self.assertEqual(response.status_code, 302)
        latest = self.latest(self.story)
        self.assertEqual(latest.image_caption, "Vertrek bij de kerk (redactie)")
        self.assertEqual(latest.intro, "Twaalf fietsers, één dag, 80 km.")

    def test_the_sentence_that_introduces_the_changes_stands_right_before_them(self):
        # It stood two sentences before them, in the paragraph of the headline: she read "This
        # is what was changed meanwhile." and then how her form takes them over (walk of
        # 2026-12-06).
        for language in ("nl", "de"):
            with self.subTest(language=language):
                opened = sent_by_the_browser(self.edit_form(self.story))
                self.editor_saves(title=f"Met de fiets naar Clarholz ({language})")
                with self.captureOnCommitCallbacks(execute=True):
                    address = f"/{language}/members/contributions/{self.story.pk}/"
                    response = self.client.post(address, opened)
                changes = self.notice(response).select_one("dl.conflict__changes")
                introduction = changes.find_previous_sibling()
                self.assertEqual(introduction.name, "p")
                with translation.override(language):
                    expected = translation.gettext(CHANGES_INTRODUCTION)
                self.assertEqual(introduction.get_text(" ", strip=True), expected)

    def test_the_notice_is_in_german_on_the_german_form(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        self.editor_saves(title="Met de fiets naar Clarholz")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"/de/members/contributions/{self.story.pk}/", opened)
        text = self.notice(response).get_text()
        self.assertIn("Die Redaktion hat", text)
        self.assertIn("Titel", text)


class TwoWindowsTests(EditConflictTestCase):
    def test_a_photo_removed_in_one_window_does_not_come_back_from_the_other(self):
        first = self.edit_form(self.story)
        second = sent_by_the_browser(first)
        picnic_group = self.own_photo_groups(first)[1]
        picnic = get_image_model().objects.get(title="Picknick aan de Ems")
        self.remove_photo(self.story, 1)
        self.assertFalse(get_image_model().objects.filter(pk=picnic.pk).exists())
        response = self.send(
            self.story, second, **{self.field_of(picnic_group, "caption")["name"]: "Middagpauze"}
        )
        self.assertEqual(response.status_code, 200)
        notice = self.notice(response).get_text()
        self.assertIn("in een ander venster", notice)
        # The photo that went, and the caption she had typed for it, are named.
        self.assertIn("Foto verwijderd", notice)
        self.assertIn("Middagpauze", notice)
        response = self.send(self.story, sent_by_the_browser(soup(response)))
        self.assertEqual(response.status_code, 302)
        images = [image for image, _alt, _caption in self.photos_in_text(self.latest(self.story))]
        self.assertNotIn(None, images)
        self.assertEqual([image.title for image in images], ["Aankomst in Clarholz"])

    def test_a_description_she_typed_for_one_photo_never_lands_on_another(self):
        first = self.edit_form(self.story)
        second = sent_by_the_browser(first)
        lead = self.own_photo_groups(first)[0]
        # The first window removes the leading photo: the picnic leads now.
        self.remove_photo(self.story, 0)
        second[self.field_of(lead, "alt_text")["name"]] = "Twaalf fietsers voor de kerk"
        response = self.send(self.story, second)
        self.assertEqual(response.status_code, 200)
        response = self.send(self.story, sent_by_the_browser(soup(response)))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.latest(self.story).image_alt, "Picknick aan de Ems")

    def test_sent_from_the_second_window_the_form_marks_what_sending_still_needs(self):
        # She pressed "Send" in the second window: the conflict notice came back, and what the
        # story still lacked to be sent was said only at her next press (walk of 2026-12-06).
        self.send(self.story, sent_by_the_browser(self.edit_form(self.story)), date="")
        first = sent_by_the_browser(self.edit_form(self.story))
        second = sent_by_the_browser(self.edit_form(self.story))
        self.send(self.story, first, title="Met de fiets naar Clarholz")
        response = self.send(self.story, second, submit="1", intro="Twaalf fietsers, één dag.")
        self.assertEqual(response.status_code, 200)
        self.assertIn("in een ander venster", self.notice(response).get_text())
        page = soup(response)
        with translation.override("nl"):
            needed = translation.gettext(DATE_NEEDED)
        date = page.select_one("[name=date]").find_parent(class_="field")
        self.assertIn("field--error", date["class"])
        self.assertEqual(date.select_one(".field__error").get_text(strip=True), needed)
        with translation.override("nl"):
            said = translation.gettext("To send it to the editors, also fill in the marked fields.")
        self.assertIn(said, self.notice(response).get_text())
        # What she typed is kept; nothing was sent or saved.
        self.assertEqual(
            page.select_one("[name=intro]").get_text().strip(), "Twaalf fietsers, één dag."
        )
        self.assertIsNone(self.latest(self.story).current_workflow_state)
        # A conflict on "Save as draft" asks nothing a draft may do without.
        first = sent_by_the_browser(self.edit_form(self.story))
        second = sent_by_the_browser(self.edit_form(self.story))
        self.send(self.story, first, title="Op de fiets naar Clarholz")
        response = self.send(self.story, second, intro="Twaalf fietsers.")
        self.assertIsNotNone(self.notice(response))
        self.assertEqual(soup(response).select(".field--error"), [])


class SavedWhileSheSavesTests(EditConflictTestCase):
    def test_the_service_refuses_a_version_that_is_not_the_stored_one_any_more(self):
        page = self.latest(self.story)
        opened = contributions.version_of(page)
        self.editor_saves(title="Met de fiets naar Clarholz")
        with self.assertRaises(contributions.ChangedMeanwhile), transaction.atomic():
            contributions.lock_for_edit(page, self.anna, version=opened)
        stored = contributions.version_of(StoryPage.objects.get(pk=page.pk))
        with transaction.atomic():
            contributions.lock_for_edit(page, self.anna, version=stored)

    def test_saved_over_at_each_of_her_tries_she_is_told_and_keeps_what_she_typed(self):
        """Saved again by someone else at each of her tries, by a change her form does not
        show, her save ended in a server error (the note of stop 47). Here an editor's save
        lands between her form's claim of its send and the lock on her contribution, each
        time."""
        opened = sent_by_the_browser(self.edit_form(self.story))
        saves = []

        def editor_saves_meanwhile(sender, instance, created, **kwargs):
            page = StoryPage.objects.get(pk=self.story.pk).get_latest_revision_as_object()
            page.search_description = f"Versie {len(saves)} van de redactie"
            saves.append(page.save_revision(user=self.moderator))

        post_save.connect(editor_saves_meanwhile, sender=SubmissionToken)
        try:
            response = self.send(self.story, opened, intro="Twaalf fietsers, één dag, 80 km.")
        finally:
            post_save.disconnect(editor_saves_meanwhile, sender=SubmissionToken)
        self.assertGreater(len(saves), 1)
        self.assertEqual(response.status_code, 200)
        page = soup(response)
        self.assertIn("Er is niets opgeslagen", page.select_one(".messages").get_text())
        self.assertEqual(
            page.select_one("[name=intro]").get_text().strip(), "Twaalf fietsers, één dag, 80 km."
        )
        self.assertNotEqual(self.latest(self.story).intro, "Twaalf fietsers, één dag, 80 km.")
        response = self.send(self.story, sent_by_the_browser(page))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.latest(self.story).intro, "Twaalf fietsers, één dag, 80 km.")


class FormWithoutItsVersionTests(EditConflictTestCase):
    """Found by an attack: an edit sent without the version her form was filled from (a form
    opened before forms said, a hand-made one) was saved without the check, over an editor's
    change; without the form's fingerprints, what she changed herself read as the editors'."""

    def assert_nothing_saved_and_the_form_comes_back(self, response, typed):
        """Nothing of her send is stored; the form comes back with what she `typed` (the
        intro) and the version stored now, so sending it again saves it."""
        self.assertEqual(response.status_code, 200)
        self.assertIsNotNone(self.notice(response))
        self.assertNotEqual(self.latest(self.story).intro, typed)
        page = soup(response)
        self.assertEqual(page.select_one("[name=intro]").get_text().strip(), typed)
        stored = StoryPage.objects.get(pk=self.story.pk)
        self.assertEqual(
            page.select_one("[name=opened]")["value"], contributions.version_of(stored)
        )
        response = self.send(self.story, sent_by_the_browser(page))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.latest(self.story).intro, typed)

    def test_a_form_without_its_version_saves_nothing_and_shows_what_is_stored(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        self.editor_saves(title="Met de fiets naar Clarholz")
        for name in ("opened", "opened_fields"):
            opened.pop(name)
        data = opened.copy()
        data.update({"photos-0-image": photo("vier.jpg"), "photos-0-alt_text": "De brug"})
        typed = "Twaalf fietsers, één dag, 80 km."
        response = self.send(self.story, data, intro=typed)
        self.assertEqual(self.latest(self.story).title, "Met de fiets naar Clarholz")
        # Where her form differs from what is stored, she reads what is stored now.
        self.assertIn("Met de fiets naar Clarholz", self.notice(response).get_text())
        self.assertNotIn("De redactie heeft", self.notice(response).get_text())
        # The sentence that introduces what is stored stands right before it.
        introduction = self.notice(response).select_one("dl.conflict__changes")
        self.assertEqual(
            introduction.find_previous_sibling().get_text(" ", strip=True),
            "Dit is wat nu is opgeslagen, waar het afwijkt van uw formulier:",
        )
        # The photo she chose is kept for the next try, as after any other error.
        self.assertEqual(len(soup(response).select(".photos__item--kept")), 1)
        self.assert_nothing_saved_and_the_form_comes_back(response, typed)
        self.assertEqual(len(StoryForm.photos_of(self.latest(self.story))), 4)

    def test_without_the_forms_fingerprints_her_own_change_is_not_the_editors(self):
        for number, value in enumerate((None, "garbage", "title=0123456789abcdef")):
            with self.subTest(opened_fields=value):
                self.story = self.draft_with_photos(title=f"Fietsen naar Clarholz {number}")
                self.client.force_login(self.anna)
                opened = sent_by_the_browser(self.edit_form(self.story))
                self.editor_saves(title="Met de fiets naar Clarholz")
                if value is None:
                    opened.pop("opened_fields")
                else:
                    opened["opened_fields"] = value
                typed = "Twaalf fietsers, één dag, 80 km."
                response = self.send(self.story, opened, intro=typed)
                notice = self.notice(response).get_text()
                self.assertNotIn("De redactie heeft", notice)
                self.assertNotIn("U hebt dit ook gewijzigd", notice)
                self.assert_nothing_saved_and_the_form_comes_back(response, typed)

    def test_a_form_not_changed_since_saves_without_its_fingerprints(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        opened.pop("opened_fields")
        response = self.send(self.story, opened, intro="Twaalf fietsers, één dag, 80 km.")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.latest(self.story).intro, "Twaalf fietsers, één dag, 80 km.")

    def test_a_tampered_version_saves_nothing(self):
        other = self.draft_with_photos(title="Kermis in Clarholz")
        stored = StoryPage.objects.get(pk=self.story.pk)
        values = {
            "in the future": f"{stored.latest_revision_id}:2099-01-01T00:00:00+00:00",
            "without a zone": f"{stored.latest_revision_id}:2026-01-01T00:00:00",
            "of another contribution": contributions.version_of(other),
            "garbage": "garbage",
            "a time only": ":" + stored.latest_revision_created_at.isoformat(),
            "a huge number": "9" * 5000 + ":" + stored.latest_revision_created_at.isoformat(),
            "not a time": f"{stored.latest_revision_id}:gisteren",
        }
        self.client.force_login(self.anna)
        for number, (case, value) in enumerate(values.items()):
            with self.subTest(case):
                opened = sent_by_the_browser(self.edit_form(self.story))
                opened["opened"] = value
                typed = f"Twaalf fietsers, één dag, {number} km."
                response = self.send(self.story, opened, intro=typed)
                self.assert_nothing_saved_and_the_form_comes_back(response, typed)

    def test_a_huge_version_number_is_answered_after_an_editors_change(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        self.editor_saves(title="Met de fiets naar Clarholz")
        opened["opened"] = "9" * 5000 + ":2026-01-01T00:00:00+00:00"
        response = self.send(self.story, opened, intro="Twaalf fietsers, één dag, 80 km.")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.latest(self.story).title, "Met de fiets naar Clarholz")
