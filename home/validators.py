"""Text people type, checked the same way in every form: no control characters.

A control character is invisible, survives copying and pasting unnoticed, and breaks what the text
goes on to become: a line of an iCalendar feed, a cell of a spreadsheet, the subject of an email,
an editor's terminal. Titles and names are one line and refuse them all, line breaks included;
texts of several lines (an introduction, a report's explanation) keep line breaks and tabs.

The same goes for what is no character at all: Unicode's noncharacters (U+FDD0 to U+FDEF and the
last two code points of every plane, U+FFFE, U+FFFF, U+1FFFE ...), which XML 1.0 and spreadsheets
refuse, so that one in a story's title made the feeds invalid; and lone surrogates (U+D800 to
U+DFFF), halves of a pair that no UTF-8 can carry.

NUL is left to Django's own `CharField`, which refuses it with a message of its own.

Nor, in any text, the characters that override the direction of what follows them (U+202A to
U+202E, U+2066 to U+2069): invisible, they make a meeting's title or place read otherwise than it
is written ("Trojan Source"). The marks that only lean a neutral character one way (U+200E,
U+200F), which Hebrew and Arabic names need, stay; so do the zero-width joiners (U+200C, U+200D)
that emoji and some scripts are made of. A zero-width space (U+200B), a word joiner (U+2060) and a
byte order mark (U+FEFF) are refused in one line: a title or a name has no use for them, and they
make two that look alike differ; a long text may keep them as the hint where a word may break.

An email address is checked more strictly (`validate_email_address`): Django's own check accepts
what no one types, and what makes one mailbox look like two. An account's address, besides, has
no letter that turns into another in capitals or small letters (`refuse_case_lookalikes`)."""

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, validate_email
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
# Embeddings, overrides and isolates: what turns the direction of the text after them.
DIRECTION_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Invisible characters without a place in one line: zero-width space, word joiner, BOM.
ZERO_WIDTH_SPACES = re.compile("[\u200b\u2060\ufeff]")


def refuse_direction_overrides(value):
    if DIRECTION_OVERRIDES.search(value):
        raise ValidationError(
            _("Please remove the invisible characters that turn the direction of the text."),
            code="direction_overrides",
        )


def validate_one_line(value):
    """For titles and names."""
    text = value.replace("\x00", "")
    if CONTROL_CHARACTERS.search(text) or ZERO_WIDTH_SPACES.search(text):
        raise ValidationError(
            _("Please use one line without invisible control characters."),
            code="control_characters",
        )
    refuse_direction_overrides(text)


# A phone number as people write it: digits, perhaps a leading "+", and spaces, dots, dashes,
# slashes or brackets between them; at least six digits.
PHONE_CHARACTERS = re.compile(r"\+?[0-9 ./()\-]+")
PHONE_MESSAGE = _(
    "Please enter a phone number: digits, with spaces, +, -, / or brackets if you like."
)


def validate_phone(value):
    """For the phone numbers partners or visitors ring (a guest's, a host's, a coordinator's, a
    foundation's): a line of anything was taken ("<script>", "call me", attack 33)."""
    if not PHONE_CHARACTERS.fullmatch(value) or sum(c.isdigit() for c in value) < 6:
        raise ValidationError(PHONE_MESSAGE, code="phone")


def validate_text(value):
    """For texts of several lines."""
    if CONTROL_CHARACTERS_BUT_LINE_BREAKS.search(value.replace("\x00", "")):
        raise ValidationError(
            _("Please remove the invisible control characters from this text."),
            code="control_characters",
        )
    refuse_direction_overrides(value)


def validate_email_address(value):
    """For an address someone types (the newsletter's form, a member's sign-up or new address):
    a mailbox's usual spelling, `name@example.org`, after Django's own check (which accepts an
    RFC 5322 quoted name: `"name"@example.org` is one mailbox with two spellings, and between the
    quotes anything, terminal escapes included). Refused: quotation marks, whitespace, and any
    control or format character (category Cc or Cf: direction overrides, zero-width characters,
    a soft hyphen), which could hide in the domain, where Django's check drops them; and a
    domain literal (`name@[127.0.0.1]`): mail to a server's address, not to a domain."""
    local_part, _at, domain = value.rpartition("@")
    if (
        '"' in local_part
        or domain.startswith("[")
        or any(
            character.isspace() or unicodedata.category(character) in ("Cc", "Cf")
            for character in value
        )
    ):
        raise ValidationError(
            _(
                "Please enter an email address as it is usually written, like name@example.org: "
                "without quotation marks, spaces or invisible characters."
            ),
            code="unusual_email",
        )


# The small form of the dotted capital İ: an i and a combining dot above.
SMALL_DOTTED_I = "i\u0307"


def changes_under_case_mapping(character):
    """Whether `character` lacks one small and one capital form that lead back to each other:
    then comparing addresses in small letters (our constraint on `Lower(email)`, allauth,
    `.lower()`) and in capitals (Django's `iexact`, `UPPER()` on PostgreSQL) can disagree. So
    the dotted capital İ (small: i and a combining dot), the dotless ı (capital: I, whose small
    letter is i), the long ſ (capital: S) and the Kelvin sign K (small: k, whose capital is K),
    which Django's check lets into the name before the @ (its pattern ignores case, and they
    match a to z then); and in a domain also the final sigma ς (capital: Σ, small σ), ß and the
    ligatures (capitals of two letters, SS and FI, in Python and in PostgreSQL's builtin full
    case mapping, while its libc mapping keeps ß). Refused, not mapped to one spelling: ß is
    not ss to a domain, nor ı i. Every other character is its small form's as its capital is
    its capital form's, so two addresses equal in small letters are equal in capitals, and the
    other way round."""
    lower, upper = character.lower(), character.upper()
    return (
        len(lower) != 1
        or len(upper) != 1
        or lower.upper() != upper
        or upper.lower() != lower
        or character.casefold() != lower
    )


def refuse_case_lookalikes(value):
    """For an account's address: `HENDRİK@`, `hendrık@` and `ſabine@` are one login to Django's
    `iexact` on PostgreSQL (`upper('hendrık')` is `HENDRIK`) and another account to the
    constraint in small letters (outsider's pass of 2026-12-04). allauth's forms put the address
    in small letters before we see it, which makes İ an i with a combining dot above: named as
    the İ it was."""
    unusual = [character for character in value if changes_under_case_mapping(character)]
    if SMALL_DOTTED_I in value:
        unusual.insert(0, "\u0130")
    if unusual:
        raise ValidationError(
            _(
                "Please write this email address without “%(character)s”: in capitals or small "
                "letters it becomes another letter, so the address could be taken for another one."
            ),
            code="case_lookalike",
            params={"character": unusual[0]},
        )


def normalised_email(value):
    """`value` checked (Django's check, then `validate_email_address`) and in the one spelling
    of its mailbox this site keeps: its domain in lower case (and Unicode's composed form, NFC),
    the name before the @ as typed. Compare two with `iexact` or `.lower()`: mail servers treat
    names alike whatever their case, and allauth keeps members' addresses in lower case. No
    letter in it changes into another in capitals or small letters (`refuse_case_lookalikes`),
    so those comparisons agree."""
    value = value.strip()
    refuse_case_lookalikes(value)
    validate_email(value)
    validate_email_address(value)
    local_part, _at, domain = value.rpartition("@")
    return f"{local_part}@{mailbox_domain(domain)}"


def mailbox_domain(domain):
    """The domain as mail reaches it: Django's check accepts any domain the IDNA codec turns into
    a valid one, and Django's SMTP sending writes it so (`sanitize_address`). Of its spellings
    (`ｂewoners.example` full width, `ℬewoners.example`, a combining grapheme joiner or variation
    selector inside, an ideographic full stop, `xn--mller-kva.de` beside `müller.de`) the site
    keeps the one that codec reads back: lower case, composed, in Unicode. Two spellings of one
    mailbox are one address here, so never two accounts (outsider's pass of 2026-12-04)."""
    try:
        spelled = domain.encode("idna").decode("idna")
    except UnicodeError:
        raise ValidationError(EmailValidator.message, code="invalid") from None
    validate_email(f"name@{spelled}")
    return unicodedata.normalize("NFC", spelled).lower()


# The domains whose mailboxes read no dots in their names ("a.nke@" is "anke@"), by the domain
# their mail goes to.
DOTLESS_MAILBOXES = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


def mailbox(address):
    """The mailbox an address reaches: without a "+tag" after its name, in small letters, its
    domain in the one spelling the site keeps (`mailbox_domain`, without a dot at its end), and
    without dots in a Gmail name. What counts one mailbox wherever its spellings must not count
    apart: the members reporting a contribution (attack 38: three spellings of one Gmail address
    were three reporters) and the limits of the emails anyone can have sent to an address
    (attack 39: each "+tag" was a limit of its own). Only a key: the email goes to the address
    as typed, and that is what is stored."""
    name, _, domain = address.lower().rpartition("@")
    try:
        domain = mailbox_domain(domain.rstrip("."))
    except ValidationError:
        pass  # no address a member signed up with: as it is
    name = name.split("+", 1)[0]
    if domain in DOTLESS_MAILBOXES:
        name, domain = name.replace(".", ""), DOTLESS_MAILBOXES[domain]
    return f"{name}@{domain}"


def without_control_characters(text, keep_line_breaks=False):
    """`text` with its control characters (and noncharacters and surrogates) left out, for text
    that reaches a format which cannot hold them (an iCalendar feed, a search) from somewhere no
    form checked it."""
    pattern = CONTROL_CHARACTERS_BUT_LINE_BREAKS if keep_line_breaks else CONTROL_CHARACTERS
    return pattern.sub("", text)


# The full stops browsers read as the dot of a host name (UTS 46): ideographic, full-width,
# half-width and small ("evil。com" is "evil.com"). Members' words are read with them as dots
# (home.notifications.unlinked, community.display_names).
HOST_DOTS = "\u3002\uff0e\uff61\ufe52"
AS_DOTS = str.maketrans(dict.fromkeys(HOST_DOTS, "."))


# Latin letters that read as other Latin letters: the small capitals of phonetics ("ʀedactie",
# "ᴢoom.us"), a dotless ı or ȷ, a Latin iota ɩ, alpha or script g. Each with the letter it passes
# for.
LATIN_LOOKALIKES = {
    "\u0131": "i",
    "\u0269": "i",
    "\u0237": "j",
    "\u0251": "a",
    "\u0261": "g",
    "\u1d00": "a",
    "\u0299": "b",
    "\u1d04": "c",
    "\u1d05": "d",
    "\u1d07": "e",
    "\u0262": "g",
    "\u029c": "h",
    "\u026a": "i",
    "\u1d0a": "j",
    "\u1d0b": "k",
    "\u029f": "l",
    "\u1d0d": "m",
    "\u0274": "n",
    "\u1d0f": "o",
    "\u1d18": "p",
    "\u0280": "r",
    "\ua731": "s",
    "\u1d1b": "t",
    "\u1d1c": "u",
    "\u1d20": "v",
    "\u1d21": "w",
    "\u028f": "y",
    "\u1d22": "z",
}

# The alphabets that share letters that look alike (Latin a, Cyrillic а, Greek α, Armenian օ,
# Cherokee Ꭱ …; attack 40 found the last two and the Latin ɩ beside the first three).
LOOKALIKE_SCRIPTS = (
    "LATIN",
    "CYRILLIC",
    "GREEK",
    "ARMENIAN",
    "CHEROKEE",
    "COPTIC",
    "GEORGIAN",
    "LISU",
    "CANADIAN",
)


def lookalike_scripts(value):
    """Which of the alphabets with look-alike letters the letters of `value` are from: more than
    one, and "Аnke" (a Cyrillic А) or "zооm.us" (two Cyrillic о) pass for what they are not."""
    found = set()
    for character in value:
        if character.isalpha():
            script = unicodedata.name(character, "").split(" ", 1)[0]
            if script in LOOKALIKE_SCRIPTS:
                found.add(script)
    return found


def host_label(label):
    """A label of a host as it reads: an "xn--" label decoded, each on its own (Python's IDNA
    2003 codec cannot decode the whole of "xn--zm-jbca.xn--strae-oqa.de", for its ß, which
    browsers follow: attack 38)."""
    if label[:4].lower() == "xn--":
        try:
            return label[4:].encode("ascii").decode("punycode")
        except UnicodeError:
            return label  # Django's own check of the address says what is wrong with it
    return label


def is_numeric_host(host):
    """Whether a browser reads `host` as an IP address: an IPv6 or dotted IPv4 one, and also the
    forms browsers accept for IPv4 (a host "ending in a number": "3232235777", "127.1",
    "0x7f000001"; the URL Standard's rule; found by the review of this check)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        last = host.rstrip(".").rpartition(".")[2].lower()
        return last.isdigit() or (
            last.startswith("0x") and all(c in "0123456789abcdef" for c in last[2:])
        )
    return True


def validate_join_link(value):
    """A meeting's online link, which the emails of those registered carry as a link: the
    platform's own address, as its invitation gives it. Attack 37 proposed `http:` (readable on
    the way), `https://zoom.us@evil.example/…` (a name before the host: it leads to evil.example)
    and `https://zооm.us/…` (Cyrillic о), and only the moderator's eye stood between them and
    the members; attack 38 left Latin small capitals ("ᴢoom.us"), numeric addresses and ports
    that cannot be."""
    parts = urlsplit(value.strip())
    if parts.scheme.lower() != "https":
        raise ValidationError(
            _("Please give the secure link the platform gives, starting with https://."),
            code="not_https",
        )
    if "@" in parts.netloc:
        raise ValidationError(
            _(
                "Please give the link without a name or password before its address: the link "
                "leads to what follows the “@”."
            ),
            code="userinfo",
        )
    refuse_direction_overrides(value)
    host = parts.hostname or ""
    # The whole address, not each label: "аррӏе.com" is Cyrillic to its last letter, then Latin
    # (attack 38). An address wholly in one alphabet ("пример.рф") is one.
    readable = ".".join(host_label(label) for label in host.split("."))
    if len(lookalike_scripts(readable)) > 1:
        raise ValidationError(
            _(
                "The address of this link mixes letters of two alphabets that look alike, as a "
                "false copy of a known address does. Please copy the link from the platform."
            ),
            code="lookalike_host",
        )
    if any(character in LATIN_LOOKALIKES for character in readable):
        raise ValidationError(
            _(
                "The address of this link has letters that look like others, as a false copy of "
                "a known address does. Please copy the link from the platform."
            ),
            code="lookalike_letters",
        )
    if is_numeric_host(host):
        raise ValidationError(
            _(
                "Please give the link with the platform's name, not a numeric address: the "
                "platform invites with its name."
            ),
            code="numeric_host",
        )
    try:
        port = parts.port
    except ValueError:  # beyond 65535
        port = 0
    if port == 0:
        raise ValidationError(
            _(
                "This link's port (the number after the colon) cannot be. Please copy the link "
                "from the platform."
            ),
            code="port",
        )
