"""The member's choice of digest per sector community (see exchanges.digests)."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from community.models.members import DigestFrequency

from .digests import sector_in_language

# The scheduled job runs every few minutes (exchanges.digests): "as it happens" says so.
CHOICES = [
    (value, _("As it happens (within a few minutes)"))
    if value == DigestFrequency.AS_IT_HAPPENS
    else (value, label)
    for value, label in DigestFrequency.choices
]


class DigestSettingsForm(forms.Form):
    """One choice per sector community the member belongs to, named in the reader's language."""

    def __init__(self, data=None, *, user):
        super().__init__(data)
        self.memberships = {}
        code = get_language()
        for membership in user.memberships.all():
            sector = sector_in_language(membership.sector_key, code)
            if sector is None:
                continue
            name = f"sector_{membership.pk}"
            self.memberships[name] = membership
            self.fields[name] = forms.ChoiceField(
                label=sector.title, choices=CHOICES, initial=membership.digest
            )
        self.order_fields(sorted(self.fields, key=lambda name: str(self.fields[name].label)))

    def save(self):
        """Records the choices that changed; returns how many did."""
        return sum(
            membership.choose_digest(self.cleaned_data[name])
            for name, membership in self.memberships.items()
        )
