import datetime
import hashlib
import re
from dataclasses import dataclass, replace

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats, translation
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamValue
from wagtail.models import Locale, Site

from home.machine_translation import translator
from home.models import FoundationSettings
from home.validators import validate_one_line, validate_text
from home.visibility import public

from . import display_names
from .contributions import (
    MEMBERS_BLOCKS,
    body_text,
    check_daily_photo_room,
    collection_for,
    opened_revision,
    photo_blocks,
    save_photos,
    text_with_editors_blocks,
    version_of,
)
from .localization import localized_sector
from .models import PrivacyConsent, ReportReason, SectorPage, Town, User
from .newsletter import subscriptions
from .newsletter.forms import NEWSLETTER_CONSENT
from .uploads import PhotoField, PixelBudget, lazy_text


def towns_named():
    """The towns (as stored: those of the default language) by id, each with its name in the
    language being read."""
    towns = list(Town.objects.filter(locale__language_code=settings.LANGUAGE_CODE))
    names = dict(
        Town.objects.filter(
            translation_key__in=[town.translation_key for town in towns],
            locale__language_code=translation.get_language(),
        ).values_list("translation_key", "name")
    )
    for town in towns:
        town.name = names.get(town.translation_key, town.name)
    return sorted(towns, key=lambda town: town.name.casefold())


def town_names():
    """The towns' names in the language being read, by the id members and meetings store."""
    return {town.pk: town.name for town in towns_named()}


def town_or_elsewhere(town_id, names):
    """A member's town as she chose it in her profile: its name (`names`: `town_names()`), or,
    stored as no town, "elsewhere or not said" (`residence_choices`): the site cannot tell
    which."""
    return names.get(town_id, "") if town_id is not None else gettext("Elsewhere or not said")


def as_stored(towns):
    """The ids of `towns` as the members' forms offer them (those of the default language): an
    editor who chose a town in the admin for a German page chose its German version, which the
    form would not show ticked (the newcomer's walk of 2026-12-05, W1)."""
    keys = [town.translation_key for town in towns if town is not None]
    return list(
        Town.objects.filter(
            translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE
        ).values_list("pk", flat=True)
    )


# The value of "Elsewhere" in a form that also offers "Choose a town" (empty): her answer must
# come back as she gave it after an error, not as the question (MeetingForm). Either is no town.
ELSEWHERE = "elsewhere"


def town_choices(elsewhere=""):
    return [(town.pk, town.name) for town in towns_named()] + [(elsewhere, _("Elsewhere"))]


def residence_choices():
    """Where a member lives: a town of the twinning (or one editors added), or no town. No town
    is both a member from elsewhere and one who did not say (she is no town's for its visits
    and newsletters either way), and it is what a skipped question leaves: first, and worded as
    both (the newcomer's walk: the sign-up came set to "Elsewhere", which a member who skipped
    the optional question was then said to have chosen)."""
    return [("", _("— (elsewhere, or I'd rather not say)"))] + [
        (town.pk, town.name) for town in towns_named()
    ]


class TownChoiceField(forms.TypedChoiceField):
    """Where a member lives (`residence_choices`), or a meeting's town (`MeetingForm`)."""

    def __init__(self, label=None, **kwargs):
        super().__init__(
            label=label or _("Where do you live?"),
            choices=residence_choices,
            coerce=lambda pk: None if pk == ELSEWHERE else Town.objects.get(pk=pk),
            empty_value=None,
            required=False,
            **kwargs,
        )


def privacy_statement_url():
    """The privacy statement the footer links (the site's settings), in the language being read."""
    site = Site.objects.filter(is_default_site=True).first()
    page = FoundationSettings.for_site(site).privacy_page if site else None
    page = page.localized if page else None
    return page.url if page and page.live else None


class SignupForm(forms.Form):
    """Extra fields of allauth's sign-up form."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=80,
        help_text=_("Shown with what you post; your first name is enough."),
        validators=[validate_one_line],
    )
    town = TownChoiceField()
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy statement and agree to how my data is used."),
        help_text=_("The privacy statement is linked at the bottom of every page."),
        error_messages={"required": _("Please accept the privacy statement to become a member.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = translation.get_language()
        url = privacy_statement_url()
        if url:
            self.fields["privacy_consent"].help_text = format_html(
                gettext('Read the <a href="{url}">privacy statement</a>.'), url=url
            )

    def clean_display_name(self):
        return display_names.check(self.cleaned_data["display_name"])

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.town = self.cleaned_data["town"]
        user.language = self.cleaned_data["language"]
        user.save()
        PrivacyConsent.objects.create(user=user, version=settings.PRIVACY_STATEMENT_VERSION)


# Said with the photo field, before what it accepts.
PHOTO_SHOWN = _(
    "Shown as a small square with your name on the pages of your sector communities if you "
    "choose so below."
)


class ProfileForm(forms.ModelForm):
    town = TownChoiceField()
    avatar = PhotoField(label=_("Photo"), required=False, widget=forms.FileInput)
    remove_avatar = forms.BooleanField(label=_("Remove my photo"), required=False)
    # Opting in records the consent and its time (community.newsletter.subscriptions).
    newsletter = forms.BooleanField(label=NEWSLETTER_CONSENT, required=False)

    class Meta:
        model = User
        fields = ["display_name", "town", "language", "bio", "avatar", "show_on_sector_pages"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        self.fields["display_name"].validators.append(validate_one_line)
        self.fields["bio"].validators.append(validate_text)
        self.initial["town"] = self.instance.town_id or ""
        # As stored: a photo sent with a form that has errors is not.
        self.current_avatar = self.instance.avatar or None
        photo = self.fields["avatar"]
        photo.help_text = format_lazy("{} {}", PHOTO_SHOWN, photo.help_text)
        if self.current_avatar:
            self.fields["avatar"].label = _("Replace my photo")
        else:
            del self.fields["remove_avatar"]
        self.initial["newsletter"] = subscriptions.member_receives(self.instance)
        self.order_fields(["display_name", "town", "language", "bio", "avatar", "remove_avatar"])

    def clean_display_name(self):
        name = self.cleaned_data["display_name"]
        if display_names.normalized(name) == self.instance.display_name:
            return self.instance.display_name  # as she had it, even from before the rules
        return display_names.check(name, self.instance)

    def save(self, commit=True):
        user = super().save(commit=False)
        if "avatar" in self.files:
            user.set_photo(self.cleaned_data["avatar"])
        elif self.cleaned_data.get("remove_avatar"):
            # The stored files go once this is saved (community.signal_handlers).
            user.set_photo(None)
        if commit:
            user.save()
            if self.cleaned_data["newsletter"] != self.initial["newsletter"]:
                subscriptions.set_member_subscription(user, self.cleaned_data["newsletter"])
        return user


class DeleteAccountForm(forms.Form):
    """Deleting an account cannot be undone: whoever found the member's browser open cannot do
    it without the password."""

    remove_contributions = forms.BooleanField(
        label=_("Also remove my published contributions and their photos"), required=False
    )
    confirm = forms.BooleanField(label=_("Yes, delete my account for good"))
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password. Nothing has been deleted."))
        return password


class PhotoTextForm(forms.Form):
    """The text of a contribution's photo: what people who cannot see it need, and its caption.
    The description is required as soon as there is a photo (the forms below say when)."""

    alt_text = forms.CharField(
        label=_("What does the photo show?"),
        max_length=250,
        required=False,
        help_text=_("Needed with a photo, for people who cannot see it."),
        validators=[validate_one_line],
    )
    caption = forms.CharField(
        label=_("Caption"),
        max_length=250,
        required=False,
        help_text=_("Shown under the photo."),
        validators=[validate_one_line],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Required as soon as there is a photo: the label must not call it optional.
        self.fields["alt_text"].required_with_photo = True

    def require_description(self):
        """Called by `clean` when the form has a photo."""
        if not self.cleaned_data.get("alt_text", "").strip():
            self.add_error("alt_text", _("Describe the photo for people who cannot see it."))


class PhotoForm(PhotoTextForm):
    """One photo of a contribution, with the text people who cannot see it need. A photo that
    was accepted on a form sent back with errors is kept on the server (`kept`), since a browser
    cannot fill in a file field again."""

    # The formats and the size are said once for all photos, above them.
    image = PhotoField(label=_("Photo"), required=False, help_text="")
    discard = forms.BooleanField(label=_("Do not use this photo"), required=False)

    def __init__(self, *args, kept=None, lost=None, budget=None, slot=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Its place among the form's photos: what a photo is kept under (`KeptPhoto`).
        self.slot = slot
        # What the photos sent together may cost to decode (uploads.PixelBudget).
        self.fields["image"].budget = budget
        self.kept = kept
        # The member's name of a photo kept from before that is no longer there.
        self.lost = lost

    @property
    def kept(self):
        return self._kept

    @kept.setter
    def kept(self, kept):
        self._kept = kept
        self.fields["image"].help_text = (
            format_lazy(_("“{name}” is kept: choose another file to replace it."), name=kept.name)
            if kept
            else ""
        )
        # A bound field copies its help text when made (by validation, for one).
        self._bound_fields_cache.pop("image", None)

    def photo(self):
        """The photo of this slot: a new upload, else the one kept from before (unless the
        member chose not to use it)."""
        data = getattr(self, "cleaned_data", {})
        if data.get("image"):
            return data["image"]
        if self.kept and not data.get("discard"):
            return self.kept.file()
        return None

    def first_frame_of(self):
        """The member's name of this slot's photo if it was animated (its first frame is what
        is stored), else None."""
        data = getattr(self, "cleaned_data", {})
        if data.get("image"):
            return getattr(data["image"], "first_frame_of", None)
        if self.kept and not data.get("discard") and self.kept.animated:
            return self.kept.name
        return None

    def photo_size(self):
        """The bytes of this slot's photo as it will be stored (without reading a kept one),
        0 without one."""
        data = getattr(self, "cleaned_data", {})
        if data.get("image"):
            return data["image"].size
        if self.kept and not data.get("discard"):
            return self.kept.size()
        return 0

    def has_photo(self):
        """Whether this slot brings a photo (without reading a kept one)."""
        data = getattr(self, "cleaned_data", {})
        return bool(data.get("image") or (self.kept and not data.get("discard")))

    def clean(self):
        data = super().clean()
        if data.get("image") and data.get("discard"):
            # A file chosen now wins over the tick for the one kept before, and replaces it: the
            # form shown again must not offer to leave out the new one.
            data["discard"] = False
            self.data = self.data.copy()
            self.data.pop(self.add_prefix("discard"), None)
            self._bound_fields_cache.pop("discard", None)
        if self.lost and not data.get("image") and not data.get("discard"):
            # The member believes it is kept: the form must not be saved without it unsaid.
            self.add_error(
                "image",
                format_lazy(
                    _("“{name}” could not be kept any longer: please choose the photo again."),
                    name=self.lost,
                ),
            )
        if self.has_photo():
            self.require_description()
        elif (
            not data.get("discard")
            and "image" not in self.errors
            and (data.get("alt_text", "").strip() or data.get("caption", "").strip())
        ):
            # Words for a photo that is not there: saved, they were dropped unsaid (walk 16).
            self.add_error(
                "image",
                _(
                    "Choose the photo these words are for, or leave its description and caption "
                    "empty."
                ),
            )
        return data


@dataclass(frozen=True)
class OwnPhoto:
    """A photo a contribution has, as its form shows it: `block_id` names its place in the text,
    None for the photo leading a story."""

    image: object
    alt_text: str
    caption: str
    block_id: str | None = None

    @property
    def key(self):
        """What names it in the member's form."""
        return self.block_id or "lead"


class OwnPhotoForm(PhotoTextForm):
    """A photo the member's contribution already has: she changes its description and caption,
    or removes it. It goes only once the contribution is saved (she may leave without saving),
    see `community.contributions.discard_removed_photos`."""

    remove = forms.BooleanField(label=_("Remove this photo"), required=False)

    def __init__(self, data=None, *, photo, **kwargs):
        self.photo = photo
        # Her words for a photo go to that photo at that place only: not to another one that
        # took its place since she opened the form (the next photo leads when the first goes).
        prefix = f"own-{photo.key}-{photo.image.pk}"
        # A photo the form did not show (added in another window meanwhile) stays as it is.
        sent = data is not None and f"{prefix}-alt_text" in data
        super().__init__(
            data if sent else None,
            prefix=prefix,
            initial={"alt_text": photo.alt_text, "caption": photo.caption},
            **kwargs,
        )

    def clean(self):
        data = super().clean()
        if not data.get("remove"):
            self.require_description()
        return data

    def kept(self):
        """The photo as she keeps it, None when she removes it; as stored while unsent or
        with errors."""
        if not self.is_bound or not self.is_valid():
            return self.photo
        if self.cleaned_data["remove"]:
            return None
        return replace(
            self.photo,
            alt_text=self.cleaned_data["alt_text"],
            caption=self.cleaned_data["caption"],
        )


@dataclass(frozen=True)
class StoredChange:
    """Something a member's form shows that was saved differently while she had the form open
    (`ContributionForm.merged_with_stored`): what it is now; whether the form keeps what she
    typed (she changed it too) or shows it as stored; what she had typed for a photo that is
    no longer there."""

    label: str
    now: str
    kept_hers: bool = False
    typed: str = ""


def photo_words(alt_text, caption, sep="\n"):
    """A photo's description and caption, each named."""
    return sep.join(
        f"{label}: {value or gettext('(empty)')}"
        for label, value in ((gettext("Description"), alt_text), (gettext("Caption"), caption))
    )


def photo_block(photo):
    """The block of a photo (`OwnPhoto`) in a contribution's text."""
    value = {"image": photo.image, "alt_text": photo.alt_text, "caption": photo.caption}
    return ("image", value, photo.block_id)


class OwnPhotoForms:
    """The forms of the photos a contribution has, one each. Built from the contribution's own
    photos only: whatever else a post names (another contribution's photos) is never read."""

    def __init__(self, data, photos):
        self.forms = [OwnPhotoForm(data, photo=photo) for photo in photos]

    def __iter__(self):
        return iter(self.forms)

    def __len__(self):
        return len(self.forms)

    def is_valid(self):
        return all([not form.is_bound or form.is_valid() for form in self.forms])

    def kept(self):
        """The photos the contribution keeps, in their order, as she left them."""
        return [photo for form in self.forms if (photo := form.kept()) is not None]

    def removed(self):
        """The images of the photos she removed."""
        return [form.photo.image for form in self.forms if form.kept() is None]


# Photos per contribution, those it already has included.
MAX_PHOTOS = 10


def too_many_photos_text():
    return ngettext(
        "A contribution has at most %(max)d photo.",
        "A contribution has at most %(max)d photos.",
        MAX_PHOTOS,
    ) % {"max": MAX_PHOTOS}


class BasePhotoFormSet(forms.BaseFormSet):
    # Also when the number of slots sent was tampered with (Django's own words speak of forms).
    default_error_messages = {"too_many_forms": lazy_text(too_many_photos_text)}

    def __init__(self, *args, kept=None, lost=None, existing=0, user=None, **kwargs):
        self.kept = kept or {}
        self.lost = lost or {}
        self.existing = existing
        # Whose photos they are: what they may take up a day (`check_daily_photo_room`).
        self.user = user
        self.budget = PixelBudget()
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {
            **super().get_form_kwargs(index),
            "kept": self.kept.get(index),
            "lost": self.lost.get(index),
            "budget": self.budget,
            "slot": index,
        }

    def refuse(self, error):
        """Adds `error` (a ValidationError) to what the photos are refused for, found once the
        formset was valid: the daily room checked again while her form was being saved."""
        self.full_clean()
        self._non_form_errors = self.error_class(
            error.messages, error_class="nonform", renderer=self.renderer
        )

    def clean(self):
        if any(self.errors):
            return
        count = sum(1 for form in self.forms if form.has_photo())
        if self.existing + count > MAX_PHOTOS:
            raise forms.ValidationError(too_many_photos_text())
        if self.user is not None:
            check_daily_photo_room(self.user, [form.photo_size() for form in self.forms])


def photo_formset(*args, existing=0, **kwargs):
    """A slot for every photo the contribution may still get; without JavaScript, all of them
    are in the page."""
    slots = max(MAX_PHOTOS - existing, 0)
    formset = forms.formset_factory(
        PhotoForm, formset=BasePhotoFormSet, extra=slots, max_num=slots, absolute_max=MAX_PHOTOS
    )
    return formset(*args, existing=existing, **kwargs)


def as_strings(value):
    """A field's value as a browser sends it: a list of strings, line ends as in Python."""
    values = value if isinstance(value, list | tuple) else [value]
    strings = [
        "" if item is None else str(item).replace("\r\n", "\n").replace("\r", "\n").strip()
        for item in values
    ]
    # Ticked boxes (the towns) in whatever order.
    return sorted(strings) if isinstance(value, list | tuple) else strings


def as_sent(field, value):
    """`value` of `field` (as `initial_from` reads it) as its widget shows it, for a browser to
    send."""
    return as_strings(field.widget.format_value(field.prepare_value(value)))


def photo_strings(alt_text, caption):
    """A photo's words as a browser sends them (`as_strings`), description first."""
    return as_strings(alt_text) + as_strings(caption)


def fingerprint(strings):
    """A short digest of a value as a browser sends it (`as_strings`)."""
    return hashlib.sha256("\x1f".join(strings).encode()).hexdigest()[:16]


def read_fingerprints(text):
    """The fingerprints a form sent back (`ContributionForm.fingerprints_text`); None when it
    sent none, or none that can be read."""
    if not text or len(text) > MAX_FINGERPRINTS_TEXT:
        return None
    prints = {}
    for part in text.split(";"):
        name, sep, value = part.partition("=")
        if not sep:
            return None
        prints[name] = value
    return prints


# Far more than a form with its ten photos sends.
MAX_FINGERPRINTS_TEXT = 4000
# A fingerprint as `fingerprint` writes it.
FINGERPRINT = re.compile(r"[0-9a-f]{16}")


# What a new contribution's language says of the other language: machine-translated only where
# a translator is configured (home/machine_translation.py), else as she wrote it.
SHOWN_MACHINE_TRANSLATED = _(
    "Once published, it is shown in the other language too: machine-translated, or as you wrote "
    "it until it is translated."
)
SHOWN_AS_WRITTEN = _(
    "Once published, it is shown in the other language too, as you wrote it, until an editor "
    "translates it."
)
LANGUAGE_CHOSEN_ONCE = _(
    "Choose it with care: once you save, even as a draft, it cannot be changed."
)


class ContributionForm(forms.Form):
    """What every contribution form shares. Each page type members contribute has its own form
    (exchanges/contribution_forms.py), which names its `page_model`, reads a page back
    (`initial_from`) and fills it (`fill`, `add_photos`). Validation ends with the page's own
    `full_clean`, so the form refuses what the admin refuses, each error at its field."""

    page_model = None
    # The form's title ("Write a story"), for its page.
    heading = None
    # Fields of the form that are fields of the page, copied as they are.
    page_fields = ("title", "intro")
    # The form's field for a field of the page whose name differs (its errors go there).
    form_field_of = {}

    title = forms.CharField(label=_("Title"), max_length=150, validators=[validate_one_line])
    intro = forms.CharField(
        label=_("Introduction"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences that make people want to read on."),
        validators=[validate_text],
    )
    body = forms.CharField(
        label=_("Text"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Plain text. Leave an empty line between paragraphs."),
        validators=[validate_text],
    )
    sector = forms.ChoiceField(label=_("Sector community"), required=False)
    language = forms.ChoiceField(
        label=_("Language of your text"),
        # Named in the reader's language, as the form's spoken language is ("Niederländisch" on
        # the German form): the site's own names of its languages are for its language links.
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        # What the other language shows (`__init__`: machine-translated only where a translator
        # is configured), and that it is chosen once (a reopened draft says it is fixed).
    )

    def __init__(self, data=None, *, user, page=None, sending=None, **kwargs):
        """A new contribution of `user`, or their `page` (its latest revision) to edit.
        `sending`: whether what sending needs is asked, when `data` does not say (the form of
        a conflict, which sends nothing, after she pressed "Send")."""
        self.user = user
        # Sent to the editors, not saved as a draft: what the page needs for review is asked.
        self.sending = bool(data and data.get("submit")) if sending is None else sending
        self.editing = page is not None
        self.page = page if self.editing else self.page_model()
        # Her text's blocks as she opened it: what an editor added stays in place (`fill`).
        self.blocks = [(block.block_type, block.value, block.id) for block in self.page.body]
        initial = self.initial_from(page) if self.editing else self.initial_for(user)
        # The version her form is filled from: what an edit compares with the version she
        # opened (`changed_since`).
        self.version = version_of(page) if self.editing else ""
        super().__init__(data, initial=initial, **kwargs)
        if any(kind not in MEMBERS_BLOCKS for kind, _value, _id in self.blocks):
            self.fields["body"].help_text = format_lazy(
                "{} {}",
                self.fields["body"].help_text,
                _(
                    "An editor added parts to your text that this form does not show (a quote, "
                    "for example): they stay where they are when you save."
                ),
            )
        # A contribution links the sector's page of the default language, as a translated page
        # does; the member reads its name in their language.
        # Not a private sector: a published contribution would show its name to everyone.
        sectors = public(SectorPage.objects.live()).filter(locale=Locale.get_default())
        self.sectors = {str(sector.pk): sector for sector in sectors}
        shown = sorted(
            ((pk, localized_sector(sector.pk).title) for pk, sector in self.sectors.items()),
            key=lambda choice: choice[1].casefold(),
        )
        self.fields["sector"].choices = [("", _("None"))] + shown
        self.fields["language"].help_text = format_lazy(
            "{} {}",
            SHOWN_MACHINE_TRANSLATED if translator() else SHOWN_AS_WRITTEN,
            LANGUAGE_CHOSEN_ONCE,
        )
        if self.editing:
            # The language of a contribution is fixed once it exists: it was saved in that
            # language's section, and its version in the other language is made from it.
            self.fields["language"].disabled = True
            self.fields["language"].help_text = _(
                "Chosen when the contribution was first saved; it cannot be changed any more, "
                "as its version in the other language is made from it."
            )
        self.own_photos = OwnPhotoForms(data, self.photos_of(page) if self.editing else [])

    def is_valid(self):
        """Valid with the forms of the photos it has (a description left empty, say)."""
        own_photos = self.own_photos.is_valid()
        return super().is_valid() and own_photos

    @classmethod
    def initial_for(cls, user):
        """What a new contribution's form shows: the member writes in the language of the page
        they fill it in."""
        return {"language": translation.get_language()}

    @staticmethod
    def stored_sector(link):
        """The sector page of a sector `link` in the default language (the one linked when that
        has no live version); None without a link."""
        return localized_sector(link.sector_id, Locale.get_default()) if link else None

    @classmethod
    def initial_from(cls, page):
        """What the form shows to edit `page`: the page read back into the form's fields."""
        first = next(iter(getattr(page, page.sector_links_name).all()), None)
        return {
            **{name: getattr(page, name) for name in cls.page_fields},
            "body": body_text(page),
            "language": page.locale.language_code,
            # As the form offers it, the default language's version: an editor may have linked
            # another language's in the admin, which the form would show as none (attack 20b).
            "sector": str(stored.pk) if (stored := cls.stored_sector(first)) else "",
        }

    @classmethod
    def photos_of(cls, page):
        """The photos `page` has (`OwnPhoto`s), in their order: those in its text."""
        return [
            OwnPhoto(
                block.value["image"], block.value["alt_text"], block.value["caption"], block.id
            )
            for block in page.body
            if block.block_type == "image" and block.value["image"] is not None
        ]

    def fingerprints(self):
        """Of the version this form is filled from, as the form shows it: a fingerprint of each
        field's value and of each photo's words (by the photo form's prefix), as a browser
        sends them. Sent back with the form, they tell what was changed while she had it open,
        and what she changed herself, also after an editor's autosave saved over the revision
        she opened."""
        prints = {
            name: fingerprint(as_sent(self.fields[name], self.initial.get(name)))
            for name in self.shown_names()
        }
        for form in self.own_photos:
            prints[form.prefix] = fingerprint(
                photo_strings(form.photo.alt_text, form.photo.caption)
            )
        return prints

    def shown_names(self):
        """The fields she can change, in the form's order: those a version of the contribution
        is compared on."""
        return [name for name, field in self.fields.items() if not field.disabled]

    def fingerprints_text(self):
        return ";".join(f"{name}={value}" for name, value in self.fingerprints().items())

    def sent_fingerprints(self, text):
        """The fingerprints her form was sent with (`fingerprints_text`), or None when it sent
        none, or none of this form's: one for each of its fields, and others only for photos
        (a photo added or removed since has one or not)."""
        prints = read_fingerprints(text)
        if prints is None:
            return None
        names = set(self.shown_names())
        ours = all(name in names or name.startswith("own-") for name in prints)
        readable = all(FINGERPRINT.fullmatch(value) for value in prints.values())
        return prints if ours and readable and names <= prints.keys() else None

    def unchecked(self, opened, prints):
        """Whether her edit cannot be checked against what was saved while she had the form
        open: it does not say which version of the contribution it was filled from (`opened`,
        missing, tampered with, of another contribution), or that version is no longer the
        stored one and the form did not send what it showed (`prints`). Without them, what she
        changed herself would read as changed since."""
        if not self.editing:
            return False
        if opened_revision(self.page, opened) is None:
            return True
        return prints is None and opened != self.version

    def differs_from_stored(self):
        """The fields where what she sent differs from what is stored now, in the form's order,
        and "photos" when she sent other photos or other words for them."""
        names = self.shown_names()
        sent = {name.rsplit("-", 1)[0] for name in self.data if name.startswith("own-")}
        shown = {form.prefix for form in self.own_photos}
        changed = [name for name in names if self.sent_differs(name, self.initial.get(name))]
        words = any(form.is_bound and form.has_changed() for form in self.own_photos)
        return changed + (["photos"] if sent != shown or words else [])

    def changed_since(self, opened, prints):
        """What her form shows that was saved differently after she opened it from the version
        `opened` (`version_of`, sent with the form) whose `fingerprints` are `prints`: the names
        of the fields, in the form's order, and "photos". Nothing when it was not saved since.
        Only for a form that says both (not `unchecked`)."""
        if not self.editing or opened == self.version:
            return []
        names = self.shown_names()
        now = self.fingerprints()
        changed = [name for name in names if now[name] != prints.get(name)]
        photos_now = {key: value for key, value in now.items() if key.startswith("own-")}
        photos_then = {key: value for key, value in prints.items() if key.startswith("own-")}
        return changed + (["photos"] if photos_now != photos_then else [])

    def sent_strings(self, name):
        """What she sent for field `name`, as `as_strings` reads it."""
        field = self.fields[name]
        return as_strings(
            field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
        )

    def sent_differs(self, name, value):
        """Whether what she sent for field `name` differs from `value` (as `initial_from`
        reads it)."""
        return self.sent_strings(name) != as_sent(self.fields[name], value)

    def merged_with_stored(self, changed, prints):
        """After `changed_since` found `changed` (with the `prints` the form sent), or
        `differs_from_stored` (`prints` None, nothing of hers taken over): what her
        form shows next, and what the notice says. Returns (data, changes): `data` is what she
        sent, except where something was changed since she opened the form that she left as it
        was: there, what is stored now (nothing she changed herself is lost, nothing of the
        editors' is undone unseen); `changes` are `StoredChange`s, each saying what it is now
        and which of the two the form holds."""
        data = self.data.copy()
        # Nothing is sent yet: her next press of a button says which (the form of the conflict
        # marks what sending needs when she pressed "Send", `sending`).
        for button in ("submit", "draft"):
            data.pop(button, None)
        changes = []
        for name in changed:
            if name == "photos":
                continue
            field = self.fields[name]
            hers = prints is None or fingerprint(self.sent_strings(name)) != prints.get(name)
            if not hers:
                data.setlist(self.add_prefix(name), as_sent(field, self.initial.get(name)))
            changes.append(StoredChange(str(field.label), self.stored_text(name), kept_hers=hers))
        if "photos" in changed:
            if prints is None:
                text = gettext("Changed: the form below shows those the contribution has now.")
                changes.append(StoredChange(gettext("Photos"), text, kept_hers=True))
            else:
                changes.extend(self.merged_photos(data, prints))
        return data, changes

    def merged_photos(self, data, prints):
        """`merged_with_stored` for the photos: the words of a photo she left as they were
        take what is stored now; a photo added since is shown as it is; one removed since is
        named, with what she had typed for it."""
        then = {key: value for key, value in prints.items() if key.startswith("own-")}
        changes, present = [], set()
        for number, form in enumerate(self.own_photos, start=1):
            photo, prefix = form.photo, form.prefix
            present.add(prefix)
            label = gettext("Photo %(number)s") % {"number": number}
            if prefix not in then:
                text = gettext("Added since you opened the form: the form shows it.")
                changes.append(StoredChange(label, text))
                continue
            if then[prefix] == fingerprint(photo_strings(photo.alt_text, photo.caption)):
                continue
            fields = (f"{prefix}-alt_text", f"{prefix}-caption")
            sent = [data.get(name) for name in fields]
            hers = fields[0] in data and fingerprint(photo_strings(*sent)) != then[prefix]
            if not hers:
                data[fields[0]], data[fields[1]] = photo.alt_text, photo.caption
            words = photo_words(photo.alt_text, photo.caption)
            changes.append(StoredChange(label, words, kept_hers=hers))
        for prefix, value in then.items():
            if prefix in present:
                continue
            sent = [data.get(f"{prefix}-{name}") for name in ("alt_text", "caption")]
            typed = None not in sent and fingerprint(photo_strings(*sent)) != value
            shown = "" if typed or sent[0] is None else sent[0]
            typed = photo_words(*sent, sep=" · ") if typed else ""
            changes.append(StoredChange(gettext("Photo removed"), shown, typed=typed))
        return changes

    def stored_text(self, name):
        """How field `name` reads as stored now, for the member to compare with what she typed."""
        field, value = self.fields[name], self.initial.get(name)
        if isinstance(field, forms.ChoiceField):
            wanted = {str(item) for item in value} if isinstance(value, list) else {str(value)}
            labels = [str(label) for key, label in field.choices if str(key) in wanted]
            return ", ".join(labels) or gettext("(empty)")
        if isinstance(value, datetime.datetime):
            return formats.date_format(value, "DATETIME_FORMAT")
        if isinstance(value, datetime.date):
            return formats.date_format(value)
        if value is None or value == "":
            return gettext("(empty)")
        return str(value)

    def place_photos(self, page, photos):
        """Puts the photos the page keeps (`OwnPhoto`s, as its member left them) in its text:
        each where its block was, the others after the text; a photo she removed leaves it."""
        placed = {photo.block_id: photo for photo in photos if photo.block_id}
        blocks = []
        for kind, value, block_id in ((b.block_type, b.value, b.id) for b in page.body):
            if kind != "image":
                blocks.append((kind, value, block_id))
            elif (photo := placed.pop(block_id, None)) is not None:
                blocks.append(photo_block(photo))
        blocks.extend(
            photo_block(photo) for photo in photos if not photo.block_id or photo.block_id in placed
        )
        page.body = StreamValue(page.body.stream_block, blocks)

    def fill(self, page):
        """Puts what the member sent into the page, field by field, leaving out fields that
        have errors (as a ModelForm does); photos come with `add_photos`."""
        data = self.cleaned_data
        for name in self.page_fields:
            if name in data:
                setattr(page, name, data[name])
        if not page.pk and "language" in data:
            page.locale = Locale.objects.get(language_code=data["language"])
        if "body" in data:
            # The text as the member wrote it, with what an editor added to it and the photos
            # the page keeps.
            page.body = StreamValue(
                page.body.stream_block, text_with_editors_blocks(self.blocks, data["body"])
            )
            self.place_photos(page, self.own_photos.kept())
        if "sector" in data:
            sector = self.sectors.get(data["sector"] or "")
            link = page._meta.get_field(page.sector_links_name).related_model
            setattr(page, page.sector_links_name, [link(sector=sector)] if sector else [])

    def add_photos(self, page, photos):
        """Stores the photos of the formset as images of the member, in the contribution's own
        collection, and adds them to the page (after its text)."""
        chosen = ((photo, photo.photo()) for photo in photos)
        uploads = [{**photo.cleaned_data, "image": image} for photo, image in chosen if image]
        if not uploads:
            return []
        collection = collection_for(page.title, self.user)
        stored = save_photos(uploads, collection, self.user)
        self.add_photo_blocks(page, stored)
        return stored

    def add_photo_blocks(self, page, stored):
        page.body = StreamValue(
            page.body.stream_block,
            [
                *((block.block_type, block.value, block.id) for block in page.body),
                *photo_blocks(stored),
            ],
        )

    def _post_clean(self):
        """The page's own rules (its `clean()` and its fields'), on the page as filled with
        what the member sent: the form and the admin cannot disagree."""
        self.fill(self.page)
        # What only sending needs, this form asks below (not the page's clean of a live page).
        self.page.needs_asked_by_form = True
        # What a member may not propose though an editor may record it (a meeting's past start).
        self.page.filled_by_member = True
        filled = {*self.page_fields, "body"}
        exclude = [
            field.name
            for field in self.page._meta.concrete_fields
            if field.name not in filled or field.name in self.errors
        ]
        errors = {}
        try:
            self.page.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors = error.message_dict
        if self.sending:
            for name, message in self.page.missing_for_review().items():
                # A field refused already is not missing too (a start the clocks skip).
                if self.form_field_of.get(name, name) not in self.errors:
                    errors.setdefault(name, []).append(message)
        for name, messages in errors.items():
            name = self.form_field_of.get(name, name)
            for message in messages:
                self.add_error(name if name in self.fields else None, message)


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Explanation"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Helps the moderation decide quickly."),
        validators=[validate_text],
    )
