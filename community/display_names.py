"""The name a member goes by on the site: it must say who she is, not whom she is not.

A display name is shown with what a member posts and, if she chooses, on her sector pages
beside her photo; nobody reviews it. Attacks 33 and 35 signed up as "Redactie Jumelage
Steenwijkerland", as another member ("Anke", and "Ａｎｋｅ" in full-width letters that look the
same), as "Аnke" with a Cyrillic А, and as a web address. So a name a member chooses in the
sign-up and profile forms (`check`):

- is kept as Unicode's compatibility form (NFKC) with single spaces: full-width, ligature and
  other look-alike forms of plain letters become those letters, so "Ａｎｋｅ" is "Anke";
- has its letters in one of the Latin, Greek and Cyrillic alphabets (which share look-alike
  letters), not two: "Аnke" is refused, "Анке" and "Anke" are not; other scripts mix freely;
- is no web or email address;
- has no word that belongs to the foundations' or municipalities' staff ("redactie",
  "Redaktion", "moderator", "Stichting", "Gemeinde", …, `RESERVED_WORDS`), nor a word made
  with a long one ("Redactieteam");
- is not a name another account goes by in public, compared as it reads (`skeleton`: without
  case, spaces, punctuation or accents, look-alike letters and digits as the letters they
  look like): a staff member's, or that of a member others see (on her sector
  pages, with a contribution on the site; `names_of_others`). Two residents called Anke are
  told to add an initial or a village; a staff member's name, or one made of it ("Joost
  Bakker B."), is the staff's.

Names already stored are left as they are until their owner changes them; an account manager
may name an account in the admin as she sees fit."""

import re
import unicodedata

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.validators import AS_DOTS, LATIN_LOOKALIKES, lookalike_scripts

from . import roles

# Words for the staff of the foundations and the municipalities, in both languages (and the
# English the admin's users may know), compared as names are (`STAFF_WORDS`).
RESERVED_WORDS = frozenset(
    {
        "admin",
        "administrator",
        "administratie",
        "administration",
        "beheer",
        "beheerder",
        "bestuur",
        "burgemeester",
        "bürgermeister",
        "gemeente",
        "gemeinde",
        "jumelage",
        "moderatie",
        "moderation",
        "moderator",
        "moderatoren",
        "partnerschaftskomitee",
        "redacteur",
        "redactie",
        "redakteur",
        "redakteurin",
        "redaktion",
        "stichting",
        "städtepartnerschaft",
        "vorstand",
        "webmaster",
    }
)
# An address: a scheme, "www.", an "@" (also written out: "(at)", "[at]"), or a host name ending
# in a top-level domain that sites use, with or without spaces before the dot ("evil . nl"). A
# dot after a single letter, or before a space, is an initial's ("J.Th. Jansen", "Jan B. de
# Vries", "Jan v.de Berg"), unless only an address can follow it ("x.com", "t.me/anke").
TOP_LEVEL_DOMAINS = (
    "com|net|org|info|biz|eu|nl|de|be|at|ch|fr|uk|ru|io|app|xyz|online|site|shop|link|top|me|co|"
    "tv|ai|gg|ly|cc|ws|us|ca|pl|es|it|dk|se|lu|cz|club|store|blog|news|live|page|dev|email|"
    "website|space|tech|fun|world"
)
ADDRESS = re.compile(
    r"://|\bwww\.|@|[(\[{]\s*at\s*[)\]}]|"
    rf"[\w-]{{2}}(?:\.|\s+\.\s*)(?:{TOP_LEVEL_DOMAINS})\b|"
    # One letter is a host too where nothing but an address follows ("x.com", "t.me/anke").
    rf"\b\w(?:\.|\s+\.\s*)(?:{TOP_LEVEL_DOMAINS})(?:[/:]|$)",
    re.IGNORECASE,
)


RESERVED = _(
    "This name sounds like the foundations' editors or a municipality. Please use your own name."
)


def normalized(value):
    """The name as stored: NFKC, one space between words, none around."""
    return " ".join(unicodedata.normalize("NFKC", value).split())


# Letters that show as nothing but that Python counts as letters (`str.isalnum`): the Hangul
# fillers ("Anna" and one of them was a name of its own, attack 38).
INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
# What reads as another letter in a name: the Latin look-alikes of `home.validators` (small
# capitals of phonetics, "ʀedactie"; a dotless ı, "Marıeke") and digits written for letters
# ("R3dacti3", "H0ekstra"). Compared only, never stored: a Turkish name keeps its ı.
LOOKALIKE_LETTERS = str.maketrans(
    {**LATIN_LOOKALIKES, "0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t"}
)


# Greek and Cyrillic letters that are Latin ones to the eye, in their case ("ΑΝΝΑ" in Greek
# capitals is "ANNA", "ТНОМАЅ" in Cyrillic "THOMAS": attack 38). Compared only.
OTHER_ALPHABETS_LOOKALIKES = str.maketrans(
    "АВЕКМНОРСТХЅІЈҮаеорсхуіјѕһԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧαιοκνρυχ",
    "ABEKMHOPCTXSIJYaeopcxyijshdqwABEZHIKMNOPTYXaiokvpux",
)


def folded(value):
    """What two names are compared by: without case, spaces, punctuation or symbols."""
    return "".join(
        c for c in normalized(value).casefold() if c.isalnum() and c not in INVISIBLE_LETTERS
    )


def skeleton(value):
    """What a name reads as: folded, without accents and other marks, with look-alike letters
    and digits as the letters they look like ("Mariéke H0ekstra" reads as "Marieke Hoekstra")."""
    bare = "".join(
        c for c in unicodedata.normalize("NFKD", normalized(value)) if not unicodedata.combining(c)
    ).translate(OTHER_ALPHABETS_LOOKALIKES)
    return folded(bare.casefold().translate(LOOKALIKE_LETTERS))


def visible(value):
    """The name as it shows: without the characters that show as nothing (zero-width joiners,
    soft hyphens, marks that join, fillers), which split a word in two for `\\w+`."""
    return "".join(
        c
        for c in normalized(value)
        if c not in INVISIBLE_LETTERS and unicodedata.category(c) not in ("Cf", "Mn", "Me")
    )


# The staff words as names are compared (`skeleton`).
STAFF_WORDS = frozenset(skeleton(word) for word in RESERVED_WORDS)


def has_staff_word(name):
    """Whether a word of the name, as it reads (`skeleton`: also "Burgermeister" without its
    umlaut), is a staff word, or the name holds a long one however it is cut up or joined:
    "Redactieteam", "Re-dactie", "R e d a c t i e" (attack 38). Short ones ("admin") count
    only as words of their own, which names may hold ("Adminah")."""
    words = re.findall(r"\w+", visible(name))
    letters = skeleton(name)
    return any(skeleton(word) in STAFF_WORDS for word in words) or any(
        word in letters for word in STAFF_WORDS if len(word) >= 8
    )


def names_of_others(user):
    """The names others go by in public, as they read (`skeleton`), each with
    whether it is a staff member's: the staff's (display name, and first and last name as the
    admin shows them), and the display names of members who show themselves on their sector
    pages or have a contribution on the site. A member nobody sees is not revealed by refusing
    her name (as an address taken is not, at sign-up)."""
    staff = roles.working_in_admin().values("pk")
    seen = (
        Q(pk__in=staff)
        | Q(show_on_sector_pages=True)
        | Q(pk__in=Page.objects.live().public().values("owner"))
    )
    others = get_user_model().objects.filter(seen)
    if user is not None and user.pk:
        others = others.exclude(pk=user.pk)
    names = {}
    rows = others.filter(~Q(display_name="") | ~Q(first_name="") | ~Q(last_name=""))
    rows = rows.annotate(is_staff_member=Exists(staff.filter(pk=OuterRef("pk"))))
    for display_name, first_name, last_name, is_staff_member in rows.values_list(
        "display_name", "first_name", "last_name", "is_staff_member"
    ).iterator():
        for name in (display_name, f"{first_name} {last_name}"):
            if other := skeleton(name):
                names[other] = names.get(other, False) or is_staff_member
    return names


def check(value, user=None):
    """The name `user` (None at sign-up) chose, as stored; `ValidationError` if it is not hers
    to use."""
    name = normalized(value)
    # Again: "ﷺ" is eighteen letters in this form.
    MaxLengthValidator(get_user_model()._meta.get_field("display_name").max_length)(name)
    if not any(character.isalnum() for character in visible(name)):
        # Nothing one sees (a Hangul filler, a soft hyphen, a lone accent): her byline would
        # read as nobody's, as if the site wrote it (attack 38).
        raise ValidationError(forms.Field.default_error_messages["required"], code="required")
    if len(lookalike_scripts(name)) > 1:
        raise ValidationError(
            _(
                "Please write your name in one alphabet: letters of two alphabets that look "
                "alike make it look like someone else's."
            ),
            code="mixed_scripts",
        )
    # As it shows: "evil" and a soft hyphen before ".com" is "evil.com", and the full stops
    # browsers read as dots are dots ("evil。com"; attack 40).
    if ADDRESS.search(visible(name).translate(AS_DOTS)):
        raise ValidationError(_("Please use a name, not a web or email address."), code="address")
    if has_staff_word(name):
        raise ValidationError(RESERVED, code="reserved")
    others = names_of_others(user)
    reads = skeleton(name)
    # A staff member's name, and one made of it ("Joost Bakker B."), is not a member's to take
    # (walk 13 was asked to add an initial to it).
    if any(reads.startswith(other) for other, is_staff_member in others.items() if is_staff_member):
        raise ValidationError(RESERVED, code="reserved")
    if reads in others:
        raise ValidationError(
            _(
                "Another member already goes by this name. Please add an initial or your "
                "village, for example “%(name)s B.”."
            ),
            code="taken",
            params={"name": name},
        )
    return name
