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
- is not a name another account goes by in public, compared without case, spaces and
  punctuation (`folded`): a staff member's, or that of a member others see (on her sector
  pages, with a contribution on the site; `names_of_others`). Two residents called Anke are
  told to add an initial or a village; a staff member's name, or one made of it ("Joost
  Bakker B."), is the staff's.

Names already stored are left as they are until their owner changes them; an account manager
may name an account in the admin as she sees fit."""

import re
import unicodedata

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.validators import lookalike_scripts

from . import roles

# Words for the staff of the foundations and the municipalities, in both languages (and the
# English the admin's users may know), compared as `folded` words.
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
# An address: a scheme, "www.", an "@", or a host name ending in a common top-level domain.
ADDRESS = re.compile(
    r"://|\bwww\.|@|[\w-]\.(?:com|net|org|info|biz|eu|nl|de|be|at|ch|fr|uk|ru|io|app|xyz|online|"
    r"site|shop|link|top|me|co)\b",
    re.IGNORECASE,
)


RESERVED = _(
    "This name sounds like the foundations' editors or a municipality. Please use your own name."
)


def normalized(value):
    """The name as stored: NFKC, one space between words, none around."""
    return " ".join(unicodedata.normalize("NFKC", value).split())


def folded(value):
    """What two names are compared by: without case, spaces, punctuation or symbols."""
    return "".join(c for c in normalized(value).casefold() if c.isalnum())


def words(value):
    return re.findall(r"\w+", normalized(value).casefold())


def is_reserved(word):
    """Whether a word of a name is a staff word, or holds a long one ("Redactieteam",
    "Gemeindeverwaltung"); short ones ("admin") only as themselves, which names may hold."""
    return word in RESERVED_WORDS or any(
        reserved in word for reserved in RESERVED_WORDS if len(reserved) >= 8
    )


def names_of_others(user):
    """The names others go by in public, folded, each with whether it is a staff member's: the
    staff's (display name, and first and last name as the admin shows them), and the display
    names of members who show themselves on their sector pages or have a contribution on the
    site. A member nobody sees is not revealed by refusing her name (as an address taken is not,
    at sign-up)."""
    staff = roles.working_in_admin().values("pk")
    seen = (
        Q(pk__in=staff)
        | Q(show_on_sector_pages=True)
        | Q(pk__in=Page.objects.filter(live=True).values("owner"))
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
        for other in (folded(display_name), folded(f"{first_name} {last_name}")):
            if other:
                names[other] = names.get(other, False) or is_staff_member
    return names


def check(value, user=None):
    """The name `user` (None at sign-up) chose, as stored; `ValidationError` if it is not hers
    to use."""
    name = normalized(value)
    # Again: "ﷺ" is eighteen letters in this form.
    MaxLengthValidator(get_user_model()._meta.get_field("display_name").max_length)(name)
    if len(lookalike_scripts(name)) > 1:
        raise ValidationError(
            _(
                "Please write your name in one alphabet: letters of two alphabets that look "
                "alike make it look like someone else's."
            ),
            code="mixed_scripts",
        )
    if ADDRESS.search(name):
        raise ValidationError(_("Please use a name, not a web or email address."), code="address")
    if any(is_reserved(word) for word in words(name)):
        raise ValidationError(RESERVED, code="reserved")
    others = names_of_others(user)
    staff = [other for other, is_staff_member in others.items() if is_staff_member]
    # A staff member's name, and one made of it ("Joost Bakker B."), is not a member's to take
    # (walk 13 was asked to add an initial to it).
    if any(folded(name).startswith(other) for other in staff):
        raise ValidationError(RESERVED, code="reserved")
    if folded(name) in others:
        raise ValidationError(
            _(
                "Another member already goes by this name. Please add an initial or your "
                "village, for example “%(name)s B.”."
            ),
            code="taken",
            params={"name": name},
        )
    return name
