"""Which tag of the other language's story overview means what a tag means in this one. Tags
are words of a story's language: wagtail-localize leaves them to whoever translates a story, so
the Dutch "fietsen" of a story is "Radfahren" on its German version, and no table says so. The
stories say it: the tag there whose stories are the translations of this tag's stories filters
the other overview to the same stories."""

from difflib import SequenceMatcher


def same_stories_tag(value, wanted, tagged_there):
    """The tag (its value in the overview's address) of the other language whose stories are
    exactly `wanted`, the translations of the stories tagged `value` here, or "" when none is.
    Both sides count only the stories written in both languages (an untranslated story has no
    tags of the other language). `tagged_there`: (story's translation key, tag value) pairs of
    the other language's stories written in both. Where several tags have those stories (a tag
    of one story, beside the story's other tags), each filters to the same stories: the one
    spelled most like `value` ("water", "Wasser") reads best."""
    if not wanted:
        return ""
    stories_of = {}
    for key, tag in tagged_there:
        stories_of.setdefault(tag, set()).add(key)
    same = [tag for tag, keys in stories_of.items() if keys == wanted]
    if not same:
        return ""
    return min(same, key=lambda tag: (-SequenceMatcher(None, value, tag).ratio(), tag))
