"""Attack of session 20 on the edit conflicts of a member's contribution form (bb18e53): what
an editor changed while her form was open must not be lost, and a tampered form must not break
the page."""

from wagtail.models import Revision

from tests.test_contributions_photos import sent_by_the_browser, soup
from tests.test_edit_conflicts import EditConflictTestCase
from tests.test_members import NEXT_YEAR


def field_value(page, name):
    field = page.select_one(f"[name='{name}']")
    return field.get_text().strip() if field.name == "textarea" else field.get("value", "")


class EditorsAutosaveTests(EditConflictTestCase):
    def editor_autosaves(self, **fields):
        """The admin's autosave: the editor's own latest revision saved again (same id)."""
        from exchanges.models import StoryPage

        stored = StoryPage.objects.get(pk=self.story.pk)
        page = stored.get_latest_revision_as_object()
        for name, value in fields.items():
            setattr(page, name, value)
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision(user=self.moderator, overwrite_revision=stored.latest_revision)

    def test_a_caption_the_editors_autosave_changed_is_not_overwritten(self):
        self.editor_saves(title="Met de fiets naar Clarholz")
        opened = sent_by_the_browser(self.edit_form(self.story))
        latest_id = self.latest(self.story).latest_revision_id
        self.editor_autosaves(image_caption="Vertrek bij de kerk van Steenwijk")
        self.assertEqual(self.latest(self.story).latest_revision_id, latest_id)
        # She only gives the second photo a caption, and saves her draft.
        second = self.own_photo_groups(self.edit_form(self.story))[1]
        response = self.send(
            self.story, opened, **{self.field_of(second, "caption")["name"]: "Middagpauze"}
        )
        self.assertEqual(self.latest(self.story).image_caption, "Vertrek bij de kerk van Steenwijk")
        self.assertEqual(response.status_code, 200)

    def test_after_an_autosave_what_she_left_alone_is_taken_over_as_well(self):
        """The revision she opened was saved over: what the form tells of the version it was
        filled from still says which of the changes are the editors' alone."""
        self.editor_saves(title="Met de fiets naar Clarholz")
        opened = sent_by_the_browser(self.edit_form(self.story))
        self.editor_autosaves(
            image_caption="Vertrek bij de kerk van Steenwijk", title="Fietsen naar de partner"
        )
        response = self.send(self.story, opened, intro="Twaalf fietsers, één dag, 80 km.")
        self.assertEqual(response.status_code, 200)
        notice = self.notice(response).get_text()
        self.assertNotIn("U hebt dit ook gewijzigd", notice)
        response = self.send(self.story, sent_by_the_browser(soup(response)))
        self.assertEqual(response.status_code, 302)
        latest = self.latest(self.story)
        self.assertEqual(
            (latest.title, latest.image_caption, latest.intro),
            (
                "Fietsen naar de partner",
                "Vertrek bij de kerk van Steenwijk",
                "Twaalf fietsers, één dag, 80 km.",
            ),
        )


class TamperedVersionTests(EditConflictTestCase):
    def assert_handled(self, opened_value):
        data = sent_by_the_browser(self.edit_form(self.story))
        data["opened"] = opened_value
        response = self.send(self.story, data, intro="Twaalf fietsers, één dag, 80 km.")
        self.assertIn(response.status_code, (200, 302))

    def test_a_superscript_digit_as_version(self):
        self.assert_handled("²:2026-12-05T10:00:00+00:00")

    def test_a_version_with_very_many_digits(self):
        self.assert_handled("9" * 5000 + ":2026-12-05T10:00:00+00:00")

    def test_a_version_beyond_the_database_integers(self):
        self.assert_handled("9" * 30 + ":2026-12-05T10:00:00+00:00")

    def test_a_revision_of_another_members_draft_shows_nothing_of_it(self):
        other = self.draft_with_photos(user=self.bernd, title="Geheim verslag van Bernd")
        self.client.force_login(self.anna)
        revision = Revision.objects.for_instance(other).latest("created_at")
        data = sent_by_the_browser(self.edit_form(self.story))
        data["opened"] = f"{revision.pk}:{revision.created_at.isoformat()}"
        response = self.send(self.story, data, intro="Twaalf fietsers, één dag, 80 km.")
        self.assertNotIn("Geheim verslag", response.content.decode())


class TheSameFormSentTwiceTests(EditConflictTestCase):
    """A double click (or a resend of the same page) sends one form, with one token, twice: the
    second is the same send, already saved, not a conflict with "another window"."""

    def test_the_second_copy_of_a_saved_form_says_it_was_saved_once(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        first = self.send(self.story, opened, intro="Twaalf fietsers, één dag, 80 km.")
        self.assertEqual(first.status_code, 302)
        second = self.send(self.story, opened, intro="Twaalf fietsers, één dag, 80 km.")
        self.assertEqual(second.status_code, 302)
        messages = [str(message) for message in second.wsgi_request._messages]
        self.assertTrue(any("al verstuurd" in message for message in messages), messages)

    def test_a_double_click_on_send_to_the_editors_says_it_was_sent_once(self):
        """The first click sends it for review: the second is the same send, not an edit of a
        contribution the editors are reviewing ("your changes were not saved")."""
        opened = sent_by_the_browser(self.edit_form(self.story))
        opened["submit"] = "1"
        self.assertEqual(self.send(self.story, opened).status_code, 302)
        second = self.send(self.story, opened)
        self.assertEqual(second.status_code, 302)
        messages = [str(message) for message in second.wsgi_request._messages]
        self.assertTrue(any("al verstuurd" in message for message in messages), messages)

    def test_what_she_sends_from_the_conflict_page_is_not_thrown_away_as_already_sent(self):
        """The conflict page promises "nothing is saved yet ... send the form again": a send
        from it must be saved, not dropped as the form sent before."""
        opened = sent_by_the_browser(self.edit_form(self.story))
        self.assertEqual(self.send(self.story, opened, intro="Eerste versie.").status_code, 302)
        response = self.send(self.story, opened, intro="Tweede versie, met meer.")
        if response.status_code == 302:
            return  # told it was sent before: no promise made
        again = sent_by_the_browser(soup(response))
        response = self.send(self.story, again)
        self.assertEqual(self.latest(self.story).intro, "Tweede versie, met meer.")


class MeetingProposalAfterAConflictTests(EditConflictTestCase):
    def test_the_editors_new_time_town_and_places_stay_when_she_sends_again_in_german(self):
        import datetime

        from exchanges.models import MeetingPage

        self.client.force_login(self.bernd)
        self.client.post(
            "/de/members/meetings/new/",
            self.meeting_data(submit="", draft="1", capacity="12", language="de"),
        )
        meeting = MeetingPage.objects.get(owner=self.bernd, alias_of__isnull=True)
        address = f"/de/members/contributions/{meeting.pk}/"
        opened = sent_by_the_browser(soup(self.client.get(address)))
        page = MeetingPage.objects.get(pk=meeting.pk).get_latest_revision_as_object()
        page.start += datetime.timedelta(hours=1)
        page.end += datetime.timedelta(hours=1)
        page.capacity, page.town = 20, None
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision(user=self.moderator)
        data = opened.copy()
        data["intro"] = "Wir sprechen Deutsch und Niederländisch."
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(address, data)
        form = soup(response)
        notice = form.select_one(".conflict").get_text()
        self.assertIn("Die Redaktion hat", notice)
        self.assertIn("20:30", notice)
        # The editor cleared the town: not given, which no longer reads as "Anderswo" (walk 14).
        self.assertIn("Gemeinde auswählen", notice)
        self.assertEqual(field_value(form, "start"), f"{NEXT_YEAR}-06-01T20:30")
        self.assertEqual(field_value(form, "intro"), "Wir sprechen Deutsch und Niederländisch.")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(address, sent_by_the_browser(form))
        self.assertEqual(response.status_code, 302)
        stored = MeetingPage.objects.get(pk=meeting.pk).get_latest_revision_as_object()
        self.assertEqual((stored.capacity, stored.town), (20, None))
        self.assertEqual(stored.start, page.start)
        self.assertEqual(stored.intro, "Wir sprechen Deutsch und Niederländisch.")


class AfterAnAutosaveSheCannotSeeTests(EditorsAutosaveTests):
    """An editor's autosave saved over the version her form was opened from, adding only what her
    form does not show (a quote): she saves as before. A browser sends a text area's lines
    ending in CR LF."""

    test_a_caption_the_editors_autosave_changed_is_not_overwritten = None

    def test_her_text_as_a_browser_sends_it_is_not_a_change_of_the_editors(self):
        from wagtail.blocks import StreamValue

        self.editor_saves(title="Met de fiets naar Clarholz")
        opened = sent_by_the_browser(self.edit_form(self.story))
        page = self.latest(self.story)
        quote = ("quote", {"quote": "Nooit meer zonder fiets.", "attribution": ""}, None)
        blocks = [(block.block_type, block.value, block.id) for block in page.body]
        self.editor_autosaves(body=StreamValue(page.body.stream_block, [quote, *blocks]))
        data = opened.copy()
        for name in ("body", "intro"):
            data[name] = data[name].lstrip("\n").replace("\n", "\r\n")
        # She saves her draft as she opened it (to send it to the editors later, say).
        response = self.send(self.story, data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.latest(self.story).body[0].block_type, "quote")
