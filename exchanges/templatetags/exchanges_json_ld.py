"""The JSON-LD of a meeting's and a story's page (exchanges/structured_data.py)."""

from django import template

from exchanges.structured_data import article_author, article_data, event_data, event_organizer
from home import i18n
from home.structured_data import (
    json_ld_script,
    json_ld_script_open,
    json_ld_text,
    sharing_image,
)
from home.templatetags.jumelage_tags import canonical_url, site_chrome

register = template.Library()


def _image_url(context, page):
    image = sharing_image(context["request"], page)
    return image["url"] if image else None


@register.simple_tag(takes_context=True)
def meeting_json_ld(context, meeting):
    """A meeting as a schema.org Event: the picture is its sector's, the same rendition as
    its Open Graph image. Its organizer last, where a member's meeting has it
    (`meeting_json_ld_open`): the page of a meeting whose member left, kept with its organizer
    live, is the page made anew."""
    data = event_data(meeting, canonical_url(context), _image_url(context, meeting))
    if "organizer" in data:
        data["organizer"] = data.pop("organizer")
    return json_ld_script(data)


@register.simple_tag(takes_context=True)
def meeting_json_ld_open(context, meeting):
    """A member's meeting as a schema.org Event up to its organizer: the page adds
    `meeting_organizer_json_ld` (live, as the page names them: a member's name changes without
    a publish) and closes the script."""
    data = event_data(meeting, canonical_url(context), _image_url(context, meeting))
    data.pop("organizer", None)
    return json_ld_script_open(data, "organizer")


@register.simple_tag
def meeting_organizer_json_ld(meeting):
    """The organizer of a member's meeting's Event, as JSON."""
    return json_ld_text(event_organizer(meeting))


@register.simple_tag(takes_context=True)
def story_json_ld_open(context, story):
    """A story as a schema.org Article, published by the foundations of the footer (read once
    per request, kept in the content cache), up to its author: the page adds
    `story_author_json_ld` (live, like the byline: a member's name changes without a publish)
    and closes the script."""
    data = article_data(
        story,
        canonical_url(context),
        i18n.content_language(story),
        site_chrome(context)["foundations"],
        _image_url(context, story),
    )
    return json_ld_script_open(data, "author")


@register.simple_tag(takes_context=True)
def story_author_json_ld(context, story):
    """The author of a story's Article, as JSON: the author's public name, else the
    foundations (only read when the story names nobody)."""
    name = str(story.author_name)
    foundations = [] if name else site_chrome(context)["foundations"]
    return json_ld_text(article_author(story, foundations))
