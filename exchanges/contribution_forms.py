"""The members' forms for the page types they contribute: one form per page type, which reads its
page back (`initial_from`) and fills it (`fill`). What a story or a meeting needs is said by the
page's own `clean()` (the form ends with the page's `full_clean`), so the admin asks the same."""

from django import forms
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from community.forms import (
    ELSEWHERE,
    ContributionForm,
    OwnPhoto,
    TownChoiceField,
    as_stored,
    town_choices,
    towns_named,
)
from home.clock_changes import ReadersDateTimeField
from home.validators import validate_one_line

from .choices import MeetingFormat, SpokenLanguage
from .models import MeetingPage, StoryPage, StoryTown

# What a browser's date-and-time field reads and shows.
ISO = "%Y-%m-%dT%H:%M"


def as_shown(moment):
    """A moment as the browser's date-and-time field shows it, in local time; empty in a draft
    that does without (`timezone.localtime(None)` would be now)."""
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


class StoryForm(ContributionForm):
    page_model = StoryPage
    heading = _("Write a story")
    page_fields = (*ContributionForm.page_fields, "date")
    form_field_of = {"story_towns": "towns"}

    date = forms.DateField(
        label=_("When did it happen?"),
        # A date field of the browser reads and shows ISO dates, whatever the page's language.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        # A draft may do without (StoryPage.missing_for_review).
        required=False,
        help_text=_("Needed to send the story to the editors; a draft may do without."),
    )
    towns = forms.MultipleChoiceField(
        label=_("Towns involved"),
        widget=forms.CheckboxSelectMultiple,
        # A draft may do without (StoryPage.missing_for_review).
        required=False,
        help_text=_("Needed to send the story to the editors; a draft may do without."),
    )

    def __init__(self, *args, **kwargs):
        self.towns = {str(town.pk): town for town in towns_named()}
        super().__init__(*args, **kwargs)
        self.fields["towns"].choices = [(pk, town.name) for pk, town in self.towns.items()]
        # Required to send it: the label must not call them optional.
        for name in ("date", "towns"):
            self.fields[name].required_to_send = True

    @classmethod
    def initial_from(cls, page):
        return {
            **super().initial_from(page),
            "towns": [str(pk) for pk in as_stored(link.town for link in page.story_towns.all())],
        }

    def fill(self, page):
        super().fill(page)
        page.author = self.user
        if "towns" in self.cleaned_data:
            page.story_towns = [StoryTown(town=self.towns[pk]) for pk in self.cleaned_data["towns"]]

    @classmethod
    def photos_of(cls, page):
        """The photo leading the story first, then those in its text."""
        lead = [OwnPhoto(page.image, page.image_alt, page.image_caption)] if page.image else []
        return lead + super().photos_of(page)

    def place_photos(self, page, photos):
        """The first photo leads: when its member removed the one that did, the next one does
        (as the first photo of a new story does)."""
        lead, *others = photos or [None]
        page.image = lead.image if lead else None
        page.image_alt = lead.alt_text if lead else ""
        page.image_caption = lead.caption if lead else ""
        super().place_photos(page, others)

    def add_photo_blocks(self, page, stored):
        """The first photo of a story leads it, with its caption: on cards, at the top of the
        page, in previews (without one, the sector's emblem stands in). The others follow the
        text."""
        if not page.image_id and stored:
            (image, alt_text, caption), *stored = stored
            page.image, page.image_alt, page.image_caption = image, alt_text, caption
        super().add_photo_blocks(page, stored)


class MeetingForm(ContributionForm):
    page_model = MeetingPage
    heading = _("Propose a meeting")
    page_fields = (
        *ContributionForm.page_fields,
        "start",
        "end",
        "format",
        "place_name",
        "town",
        "online_url",
        "spoken_language",
        "capacity",
    )

    # A draft may do without either (MeetingPage.missing_for_review).
    # A time the clocks skip or show twice is refused saying why (home/clock_changes.py).
    start = ReadersDateTimeField(
        label=_("Start"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=ISO),
        required=False,
        help_text=_("Needed to send the meeting to the editors; a draft may do without."),
    )
    end = ReadersDateTimeField(
        label=_("End"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=ISO),
        required=False,
        help_text=_("Needed to send the meeting to the editors; a draft may do without."),
    )
    format = forms.ChoiceField(label=_("Format"), choices=MeetingFormat.choices)
    place_name = forms.CharField(
        label=_("Place"),
        max_length=150,
        required=False,
        validators=[validate_one_line],
        help_text=_(
            "Needed to send a meeting in person or a hybrid one to the editors; a draft may do "
            "without."
        ),
    )
    town = TownChoiceField(
        label=_("Town of the meeting"),
        # The form shows every field whatever the format (no script hides it).
        help_text=_("For a meeting in person or a hybrid one; an online meeting has none."),
    )
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        help_text=_(
            "Needed to send an online or hybrid meeting to the editors; a draft may do without."
        ),
        assume_scheme="https",
        max_length=MeetingPage._meta.get_field("online_url").max_length,
    )
    spoken_language = forms.ChoiceField(label=_("Spoken language"), choices=SpokenLanguage.choices)
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=10000,
        required=False,
        help_text=_("Leave empty for no limit."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Required for some formats to send it (the meeting's `missing_for_review` says
        # which): the label must not call them optional.
        for name in ("place_name", "online_url"):
            self.fields[name].required_by_format = True
        # The meeting's town is a fact of the meeting, asked, not guessed: neither her own town
        # (meetings in person are as often in the other town, and the form opens on an online
        # meeting, which has none) nor "Elsewhere". Left so, it is none, as "Elsewhere" is; but
        # "Elsewhere" has its own value, so that her answer comes back after an error.
        self.fields["town"].choices = [("", _("Choose a town")), *town_choices(ELSEWHERE)]
        # Required to send it: the label must not call them optional.
        for name in ("start", "end"):
            self.fields[name].required_to_send = True

    @classmethod
    def initial_for(cls, user):
        """A member proposes a meeting in their own language (the page's, else their setting);
        its town she chooses (see `__init__`)."""
        spoken = (translation.get_language(), user.language)
        return {
            **super().initial_for(user),
            "spoken_language": next((code for code in spoken if code in SpokenLanguage), ""),
        }

    @classmethod
    def initial_from(cls, page):
        return {
            **super().initial_from(page),
            "start": as_shown(page.start),
            "end": as_shown(page.end),
            "town": cls.stored_town(page),
        }

    @staticmethod
    def stored_town(page):
        """Its town as the form offers it: "Elsewhere" only where she chose it (a town left
        blank is saved as none too, and comes back unanswered, as an online meeting's)."""
        town = next(iter(as_stored([page.town])), "")
        if town == "" and page.is_in_person and page.town_elsewhere:
            return ELSEWHERE
        return town

    def fill(self, page):
        super().fill(page)
        page.organiser = self.user.public_name
        page.organiser_member = self.user
        if "town" in self.cleaned_data:
            page.town_elsewhere = self.data.get(self.add_prefix("town")) == ELSEWHERE
        if not page.is_in_person:
            # A place and town given before she made it an online meeting: they are of a
            # meeting in person (their help texts say so), and an online one carried them into
            # its calendar entries' location, its stored draft and its reopened form.
            page.town = None
            page.town_elsewhere = False
            page.place_name = page.address = ""


CONTRIBUTION_FORMS = (StoryForm, MeetingForm)


def form_for(page):
    """The form that edits this page."""
    return next(form for form in CONTRIBUTION_FORMS if form.page_model is type(page))
