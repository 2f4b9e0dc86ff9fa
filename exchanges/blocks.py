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
