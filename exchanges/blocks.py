"""Blocks of exchange stories, on top of the shared ones in `home.blocks`."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import ImageBlock, ParagraphBlock, QuoteBlock


class GalleryBlock(blocks.StreamBlock):
    """A row of photos; a StreamBlock (not a ListBlock) so each photo translates on its own."""

    image = ImageBlock()

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "blocks/gallery_block.html"
        min_num = 2
        max_num = 12


class FactBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=60)
    value = blocks.CharBlock(label=_("Value"), max_length=200)

    class Meta:
        icon = "list-ul"
        label = _("Fact")


class FactsBlock(blocks.StructBlock):
    """A box of key facts of an exchange: when, where, who."""

    title = blocks.CharBlock(label=_("Title"), max_length=80)
    facts = blocks.StreamBlock([("fact", FactBlock())], label=_("Facts"), min_num=1)

    class Meta:
        icon = "info-circle"
        label = _("Facts box")
        template = "blocks/facts_block.html"


class StoryStreamBlock(blocks.StreamBlock):
    """The body of an exchange story."""

    paragraph = ParagraphBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    facts = FactsBlock()


class ProgrammeItemBlock(blocks.StructBlock):
    """One item of a day of an exchange visit's programme."""

    start = blocks.TimeBlock(label=_("From"), required=False)
    end = blocks.TimeBlock(label=_("Until"), required=False)
    title = blocks.CharBlock(label=_("What"), max_length=150)
    place = blocks.CharBlock(label=_("Where"), max_length=200, required=False)
    online = blocks.BooleanBlock(
        label=_("Online"),
        required=False,
        help_text=_("Taking part online; the guests are sent the link."),
    )
    bring = blocks.CharBlock(label=_("What to bring"), max_length=200, required=False)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        label = _("Programme item")


class ProgrammeDayBlock(blocks.StructBlock):
    """A day of an exchange visit: its date, a title and what happens when."""

    date = blocks.DateBlock(label=_("Date"))
    title = blocks.CharBlock(label=_("Title of the day"), max_length=100, required=False)
    items = blocks.ListBlock(ProgrammeItemBlock(), label=_("Items"), min_num=1)

    class Meta:
        icon = "date"
        label = _("Day")
        template = "blocks/programme_day_block.html"


class ProgrammeBlock(blocks.StreamBlock):
    """The programme of an exchange visit, day by day."""

    day = ProgrammeDayBlock()
