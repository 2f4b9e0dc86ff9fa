"""Text people type, checked the same way in every form: no control characters.

A control character is invisible, survives copying and pasting unnoticed, and breaks what the text
goes on to become: a line of an iCalendar feed, a cell of a spreadsheet, the subject of an email,
an editor's terminal. Titles and names are one line and refuse them all, line breaks included;
texts of several lines (an introduction, a report's explanation) keep line breaks and tabs.

The same goes for what is no character at all: Unicode's noncharacters (U+FDD0 to U+FDEF and the
last two code points of every plane, U+FFFE, U+FFFF, U+1FFFE ...), which XML 1.0 and spreadsheets
refuse, so that one in a story's title made the feeds invalid; and lone surrogates (U+D800 to
U+DFFF), halves of a pair that no UTF-8 can carry.

NUL is left to Django's own `CharField`, which refuses it with a message of its own."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Noncharacters and surrogates (as the inside of a character class), refused in every text.
NONCHARACTERS = "\ufdd0-\ufdef\ud800-\udfff" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)
)
# Unicode's control characters (category Cc: C0, DEL and C1), the line and paragraph separators
# that end a line as a line feed does, and the noncharacters.
CONTROL_CHARACTERS = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{NONCHARACTERS}]")
# The same, except what a text of several lines is made of: tab, line feed, carriage return and
# the separators.
CONTROL_CHARACTERS_BUT_LINE_BREAKS = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{NONCHARACTERS}]"
)


def validate_one_line(value):
    """For titles and names."""
    if CONTROL_CHARACTERS.search(value.replace("\x00", "")):
        raise ValidationError(
            _("Please use one line without invisible control characters."),
            code="control_characters",
        )


def validate_text(value):
    """For texts of several lines."""
    if CONTROL_CHARACTERS_BUT_LINE_BREAKS.search(value.replace("\x00", "")):
        raise ValidationError(
            _("Please remove the invisible control characters from this text."),
            code="control_characters",
        )


def without_control_characters(text, keep_line_breaks=False):
    """`text` with its control characters (and noncharacters and surrogates) left out, for text
    that reaches a format which cannot hold them (an iCalendar feed, a search) from somewhere no
    form checked it."""
    pattern = CONTROL_CHARACTERS_BUT_LINE_BREAKS if keep_line_breaks else CONTROL_CHARACTERS
    return pattern.sub("", text)
