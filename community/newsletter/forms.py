"""The newsletter's form on the public site, and the consent text it and the profile show."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.validators import validate_email_address

# What a subscriber agrees to (its version: community.models.newsletter.CONSENT_VERSION).
NEWSLETTER_CONSENT = _(
    "I would like to receive the newsletter of the twinning by email. I can unsubscribe at any "
    "time with the link in every newsletter."
)


class SubscribeForm(forms.Form):
    """A visitor's address and their consent; the confirmation link follows by email. (A member
    needs neither: the button that says what they ask for is their consent, and their account's
    address is verified; community.views.newsletter_member.)"""

    field_order = ["email", "consent"]

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    consent = forms.BooleanField(
        label=NEWSLETTER_CONSENT,
        error_messages={
            "required": _("Tick the box if you would like to receive the newsletter."),
        },
    )

    def clean_email(self):
        """Refuses a second spelling of a mailbox (`"name"@...`: it would get a confirmation of
        its own, and every newsletter twice) and invisible characters. Kept as typed, to be
        shown back; `subscriptions.subscribe` stores the one spelling of its mailbox."""
        email = self.cleaned_data["email"]
        validate_email_address(email)
        return email
