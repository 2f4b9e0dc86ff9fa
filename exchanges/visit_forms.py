"""The members' forms of an exchange visit: a guest party's sign-up and a household's offer to
host. Both are ModelForms, so the model's own rules (its fields' validators and `clean()`) run as
the form is cleaned, each error at its field; exchanges/visits.py checks them once more when it
stores the answers. Labels and help texts are the model's."""

import datetime

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from .choices import VisitLanguage
from .models import GuestParty, HostOffer


def language_field():
    return forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=VisitLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=GuestParty._meta.get_field("languages").help_text,
    )


def text_area(rows=3):
    return forms.Textarea(attrs={"rows": rows})


class GuestPartyForm(forms.ModelForm):
    """Who travels together and stays together, and what their hosts should know."""

    languages = language_field()

    # The form's parts, each a fieldset with its legend.
    fieldsets = (
        (
            pgettext_lazy("exchange visit", "Who travels"),
            ("adults", "children", "travellers", "languages"),
        ),
        (
            _("Health and home"),
            (
                "animal_allergy",
                "allergies",
                "diet",
                "step_free",
                "mobility",
                "smoke_free",
                "smokes",
            ),
        ),
        (_("Wishes and contact"), ("previous_hosts", "wishes", "phone")),
    )

    class Meta:
        model = GuestParty
        fields = (
            "adults",
            "children",
            "travellers",
            "languages",
            "animal_allergy",
            "allergies",
            "diet",
            "step_free",
            "mobility",
            "smoke_free",
            "smokes",
            "previous_hosts",
            "wishes",
            "phone",
        )
        widgets = {
            "travellers": text_area(),
            "allergies": text_area(2),
            "diet": text_area(2),
            "mobility": text_area(2),
            "wishes": text_area(),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }

    # The contact details the model says are "given once the matching is published", and what
    # the form says of them once they have been (`told`: the member's placement is published).
    contact_fields = ("phone",)
    told_help = _("Your hosts have these details.")

    def __init__(self, *args, told=False, **kwargs):
        super().__init__(*args, **kwargs)
        if told:
            for name in self.contact_fields:
                self.fields[name].help_text = self.told_help

    def groups(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]


def weekday_date(date, year=True):
    """ "Friday 14 May 2027" as the reader's language writes it ("Freitag, 14. Mai 2027")."""
    return pgettext("weekday and date", "%(weekday)s %(date)s") % {
        "weekday": date_format(date, "l"),
        "date": date_format(date, "DATE_FORMAT" if year else "MONTH_DAY_FORMAT"),
    }


def night_label(night, following):
    """ "night of Friday 14 May to Saturday 15 May", in the reader's language."""
    return _("night of %(evening)s to %(morning)s") % {
        "evening": weekday_date(night, year=False),
        "morning": weekday_date(following, year=False),
    }


class HostOfferForm(forms.ModelForm):
    """A household's beds, home and the nights it can host."""

    languages = language_field()
    nights = forms.MultipleChoiceField(
        label=_("Nights"),
        widget=forms.CheckboxSelectMultiple,
        help_text=HostOffer._meta.get_field("nights").help_text,
        error_messages={"required": _("Choose at least one night you can host guests.")},
    )

    fieldsets = (
        (_("Your household"), ("household", "beds", "languages", "nights")),
        (
            _("Your home"),
            ("pets", "pets_detail", "smoking_household", "smokers_welcome", "stairs"),
        ),
        (_("Preferences and contact"), ("preferences", "address", "phone")),
    )

    class Meta:
        model = HostOffer
        fields = (
            "household",
            "beds",
            "languages",
            "nights",
            "pets",
            "pets_detail",
            "smoking_household",
            "smokers_welcome",
            "stairs",
            "preferences",
            "address",
            "phone",
        )
        widgets = {
            "preferences": text_area(),
            "address": text_area(3),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }

    contact_fields = ("address", "phone")
    told_help = _("Your guests have these details.")

    def __init__(self, *args, visit, told=False, **kwargs):
        super().__init__(*args, **kwargs)
        if told:
            for name in self.contact_fields:
                self.fields[name].help_text = self.told_help
        nights = visit.nights()
        self.fields["nights"].choices = [
            (night.isoformat(), night_label(night, night + datetime.timedelta(days=1)))
            for night in nights
        ]
        if self.instance.pk is None and not self.is_bound:
            # A new offer: every night, which is what most households can do.
            self.initial["nights"] = [night.isoformat() for night in nights]

    groups = GuestPartyForm.groups
