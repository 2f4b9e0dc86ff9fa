"""Attack 20b on the edit conflicts of a member's contribution form (b22724b): the version and
the fingerprints her form sends back (`opened`, `opened_fields`)."""

from tests.test_attack_20 import EditorsAutosaveTests, field_value
from tests.test_contributions_photos import sent_by_the_browser, soup
from tests.test_edit_conflicts import EditConflictTestCase


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
    """She saves her draft, goes back in her browser (the page comes back as she left it, with
    its token), corrects a word and saves again: the correction must not be dropped while she
    reads that her contribution "is saved"."""

    def test_a_correction_sent_with_the_same_form_after_going_back_is_not_dropped(self):
        opened = sent_by_the_browser(self.edit_form(self.story))
        first = self.send(self.story, opened, intro="Twaalf fietsers, een dag, 80 km.")
        self.assertEqual(first.status_code, 302)
        second = self.send(self.story, opened, intro="Twaalf fietsers, één dag, 80 km.")
        if second.status_code == 200:
            # A conflict page with her correction in it is fine too.
            self.assertEqual(
                field_value(soup(second), "intro"), "Twaalf fietsers, één dag, 80 km."
            )
            return
        self.assertEqual(self.latest(self.story).intro, "Twaalf fietsers, één dag, 80 km.")
