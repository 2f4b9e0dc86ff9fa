"""Review 19: a member's plain-text paragraphs merged with an editor's blocks
(community/contributions.py `text_with_editors_blocks`), checked as properties over texts an
editor could have written in the admin (paragraphs, line breaks, lists, links, a quote between
paragraph blocks) and edits the member could make in her form."""

import io
from html import escape
from pathlib import Path

import pytest
from django.test import TestCase
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from PIL import Image
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from community.contributions import (
    discard_photos,
    html_to_paragraphs,
    paragraphs_of,
    remove_contribution,
    text_with_editors_blocks,
)
from exchanges.models import StoryPage
from home.image_metadata import ORIENTATION, drawn_again, minimal_exif, without_metadata
from home.urls_util import ascii_slug
from tests import test_partly_translated as partly
from tests.stories_base import StoriesMixin
from tests.test_contributions_photos import OwnPhotosTestCase, sent_by_the_browser
from tests.test_members import photo

set_hypothesis_home_dir(Path(__file__).resolve().parent.parent / ".pytest_cache" / "hypothesis")


WORDS = st.sampled_from(["Dag", "een", "nat", "zonnig", "Käse", "<b>", "a & b", "x<y"])


def sentence():
    return st.lists(WORDS, min_size=1, max_size=3).map(" ".join)


@st.composite
def piece(draw):
    """A top-level element of an editor's rich text (features: bold, italic, link, ol, ul)."""
    kind = draw(st.sampled_from(["p", "p", "link", "lines", "break", "ul", "ol", "nested"]))
    words = escape(draw(sentence()), quote=False)
    other = escape(draw(sentence()), quote=False)
    return {
        "p": f'<p data-block-key="k">{words}</p>',
        "link": f'<p>{words} <a href="https://example.org/">{other}</a></p>',
        "lines": f"<p>{words}<br/>{other}</p>",
        # Shift+Enter twice in Draftail: one paragraph element, two paragraphs in her form.
        "break": f"<p>{words}<br/><br/>{other}</p>",
        "ul": f"<ul><li>{words}</li><li>{other}</li></ul>",
        "ol": f"<ol><li>{words}</li></ol>",
        "nested": f"<ul><li>{words}<ul><li>{other}</li></ul></li></ul>",
    }[kind]


@st.composite
def editors_text(draw):
    """An editor's body: paragraph blocks, with quotes between them."""
    blocks = []
    for number in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            blocks.append(("quote", {"quote": f"Citaat {number}"}, f"q{number}"))
        html = "".join(draw(st.lists(piece(), min_size=1, max_size=3)))
        blocks.append(("paragraph", RichText(html), f"p{number}"))
    return blocks


def shown(blocks):
    """Her form's text (community/contributions.py `body_text`)."""
    return "\n\n".join(
        html_to_paragraphs(value.source) for kind, value, _id in blocks if kind == "paragraph"
    )


def paragraphs_stored(blocks):
    return paragraphs_of(shown(blocks))


@st.composite
def her_edit(draw):
    """The editor's text and what she saved: paragraphs she kept, changed, removed, added."""
    blocks = draw(editors_text())
    paragraphs = paragraphs_of(shown(blocks))
    edited = []
    for paragraph in paragraphs:
        action = draw(st.sampled_from(["keep", "keep", "change", "remove", "add"]))
        if action == "add":
            edited.append(draw(sentence()) + " nieuw")
        if action == "change":
            edited.append(paragraph + " (bijgewerkt)")
        elif action != "remove":
            edited.append(paragraph)
    if draw(st.booleans()):
        edited.insert(draw(st.integers(0, len(edited))), draw(sentence()) + " erbij")
    return blocks, edited


@pytest.mark.database_agnostic
class TestHerParagraphsWithTheEditorsBlocks:
    @settings(max_examples=300, deadline=None)
    @given(editors_text())
    def test_saving_the_text_as_shown_keeps_every_block(self, blocks):
        merged = text_with_editors_blocks(blocks, shown(blocks))
        assert [(kind, str(value), id_) for kind, value, id_ in merged] == [
            (kind, str(value), id_) for kind, value, id_ in blocks
        ]

    @settings(max_examples=500, deadline=None)
    @given(her_edit())
    @example(
        (
            [("paragraph", RichText("<p>Dag<br/><br/>nat</p>"), "p0")],
            ["Dag", "een erbij", "nat"],
        )
    )
    def test_every_paragraph_she_typed_is_stored_once_in_her_order(self, edit):
        """Her text read back from what is stored is what she typed: no paragraph of hers lost,
        doubled, moved, or stored as markup (`<b>` she typed reads `<b>`)."""
        blocks, edited = edit
        merged = text_with_editors_blocks(blocks, "\n\n".join(edited))
        assert paragraphs_stored(merged) == [
            part for paragraph in edited for part in paragraphs_of(paragraph)
        ]

    @settings(max_examples=300, deadline=None)
    @given(her_edit())
    def test_the_editors_other_blocks_stay_in_order(self, edit):
        blocks, edited = edit
        merged = text_with_editors_blocks(blocks, "\n\n".join(edited))
        others = [block for block in blocks if block[0] != "paragraph"]
        assert [block for block in merged if block[0] != "paragraph"] == others


class PhotoSheRemovedThenHerContributionWent(OwnPhotosTestCase):
    """community/contributions.py `discard_photos`: the worker deletes a photo she removed after
    her save; her contribution may be gone by then (she deleted it, or an editor did)."""

    def test_a_photo_she_removed_goes_when_she_deletes_the_contribution_before_the_worker_runs(
        self,
    ):
        story = self.draft_with_photos()
        # A photo she adds in a later edit is in that revision only, not in the page's row.
        data = sent_by_the_browser(self.edit_form(story))
        self.send(
            story,
            data,
            **{
                "photos-TOTAL_FORMS": "1",
                "photos-0-image": photo("vier.jpg"),
                "photos-0-alt_text": "Terug thuis",
            },
        )
        home = get_image_model().objects.get(title="Terug thuis")
        page = self.edit_form(story)
        group = next(
            group
            for group in self.own_photo_groups(page)
            if self.field_of(group, "alt_text")["value"] == "Terug thuis"
        )
        data = sent_by_the_browser(page)
        with self.settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            self.send(story, data, **{self.field_of(group, "remove")["name"]: "on"})
            # She deletes her story before the worker came to her save.
            with self.captureOnCommitCallbacks(execute=True):
                remove_contribution(StoryPage.objects.get(pk=story.pk))
        # The worker runs her save's deletion now.
        discard_photos.call(story.pk, [home.pk])
        self.assertFalse(get_image_model().objects.filter(pk=home.pk).exists())


class GermanAddressOfATranslatedTitle(StoriesMixin, TestCase):
    """home/translation_editor.py `slug_follows_title`: the German page's address follows the
    title the editor translated in wagtail-localize's editor."""

    setUpTestData = classmethod(partly.PartlyTranslatedTests.setUpTestData.__func__)
    translate = partly.PartlyTranslatedTests.translate

    def test_an_eszett_in_the_title_is_written_ss_in_the_address(self):
        # As Wagtail's admin writes an address from a title (WAGTAIL_ALLOW_UNICODE_SLUGS is
        # off: Django's URLify map), not with the letter dropped ("groes-straenfest").
        german = self.translate(title="Großes Straßenfest in Giethoorn")
        self.assertEqual(german.slug, "grosses-strassenfest-in-giethoorn")

    def test_a_long_title_whose_address_is_taken_gets_one_that_fits_the_column(self):
        # Cut at the column's 255 characters, an address already taken got "-1" on top (257):
        # PostgreSQL refused to publish the translation; SQLite stored the longer one.
        title = ("Großes Straßenfest " * 14)[:255].strip()
        taken = ascii_slug(title)[:255]
        self.story(parent=self.story_index_de, title="Straßenfest", slug=taken)
        german = self.translate(title=title)
        self.assertLessEqual(len(german.slug), 255)
        self.assertTrue(german.slug.startswith("grosses-strassenfest-grosses"))
        self.assertTrue(german.live)


@pytest.mark.database_agnostic
class TestAnAnimatedPictureWithItsOrientation:
    """home/image_metadata.py `without_metadata`: an editor's animated WebP or PNG whose EXIF is
    its orientation alone (what the site stores of a turned photo, what Pillow writes) keeps
    its frames: only the orientation is there to keep, nothing is drawn again."""

    @pytest.mark.parametrize("kind", ["WEBP", "PNG"])
    def test_it_stays_animated(self, kind):
        frames = [Image.new("RGB", (32, 32), colour) for colour in ("red", "green", "blue")]
        out = io.BytesIO()
        frames[0].save(
            out,
            format=kind,
            save_all=True,
            append_images=frames[1:],
            duration=100,
            loop=0,
            exif=minimal_exif(6),
        )
        stored = without_metadata(out.getvalue())
        with Image.open(io.BytesIO(stored)) as image:
            assert image.n_frames == 3
            assert image.getexif().get(ORIENTATION) == 6

    def test_a_lossless_webp_drawn_again_stays_lossless(self):
        # A screenshot or a drawing an editor saved lossless: drawn again (its container not
        # followed), it is not turned into a lossy picture with smeared edges.
        image = Image.merge("RGB", [Image.effect_noise((64, 64), 64)] * 3)
        out = io.BytesIO()
        image.save(out, format="WEBP", lossless=True)
        again = drawn_again(out.getvalue())
        with Image.open(io.BytesIO(again)) as drawn:
            assert list(drawn.convert("RGB").get_flattened_data()) == list(
                image.get_flattened_data()
            )


@pytest.mark.database_agnostic
def test_an_editors_list_in_a_list_reads_as_lines_in_her_form():
    # An editor indented an item (Tab in Draftail): her form showed it glued to the item above
    # ("Fietsenboot"), and saving the paragraph stored the glued words.
    html = "<ul><li>Fietsen<ul><li>boot</li></ul></li><li>Trein</li></ul>"
    assert html_to_paragraphs(html) == "Fietsen\nboot\nTrein"
