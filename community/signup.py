"""allauth's sign-up form, with one rule of ours: an address belongs to whoever can read its mail.

A member can ask to change their address to any other (allauth stores it unverified until the
link sent there is followed). Such a claim must not keep the address's owner from signing up:
allauth would count it as an existing account, say a confirmation was sent and create nothing.
So an unverified address that is not the account's own login address counts for nothing here,
and the owner's sign-up removes the claim; the mail the claim caused does not hold back the
owner's confirmation either (allauth sends one per address every few minutes). An account's
own address still counts, verified or not: two sign-ups with one address make one account
(allauth mails the owner instead).

A member's new address (allauth's "add email" form) is answered the same way when another
account already has it: told, as for any address, that a confirmation was sent, while nothing is
stored and nobody is mailed (the site was made to mail Anke "Bevestig uw e-mailadres" on behalf
of another member's account, attack of 2026-12-04).

This lives apart from `forms.py`: allauth builds its form on our `forms.SignupForm`
(ACCOUNT_SIGNUP_FORM_CLASS), so importing allauth's forms from there would be a circle."""

from allauth.account.adapter import get_adapter
from allauth.account.forms import AddEmailForm as AllauthAddEmailForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.models import EmailAddress
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction


def unconfirmed_claims(email):
    """Other accounts' pending changes to this address: unverified and not their login."""
    return (
        EmailAddress.objects.filter(email__iexact=email, verified=False)
        .exclude(user__email__iexact=email)
        .exclude(primary=True)
    )


def claimed_for_real(email, apart_from=None):
    """Verified by someone, or the login address of an account (awaiting its confirmation); by
    an account other than `apart_from`, when given."""
    addresses = EmailAddress.objects.filter(email__iexact=email, verified=True)
    accounts = get_user_model().objects.filter(email__iexact=email)
    if apart_from is not None:
        addresses = addresses.exclude(user=apart_from)
        accounts = accounts.exclude(pk=apart_from.pk)
    return addresses.exists() or accounts.exists()


class AddEmailForm(AllauthAddEmailForm):
    def save(self, request):
        """Another account's address is answered as allauth answers any (its "confirmation sent"
        message), so that nobody learns whose it is; but it is not stored, nor mailed."""
        email = self.cleaned_data["email"]
        if not claimed_for_real(email, apart_from=self.user):
            return super().save(request)
        get_adapter().add_message(
            request,
            messages.INFO,
            "account/messages/email_confirmation_sent.txt",
            {"email": email, "login": True, "signup": False},
        )
        return EmailAddress(user=self.user, email=email)


class SignupForm(AllauthSignupForm):
    def validate_unique_email(self, value):
        email = super().validate_unique_email(value)
        if self.account_already_exists and not claimed_for_real(email):
            self.account_already_exists = False
        return email

    def try_save(self, request):
        """Two sign-ups with one address at the same moment both pass the form's check; the
        database lets one through, and the other is answered as any sign-up with a taken
        address (allauth mails the owner), not with a server error (outsider's pass)."""
        try:
            return super().try_save(request)
        except IntegrityError:
            if not claimed_for_real(self.cleaned_data["email"]):
                raise
        self.account_already_exists = True
        return super().try_save(request)

    @transaction.atomic
    def save(self, request):
        email = self.cleaned_data["email"]
        removed, _ = unconfirmed_claims(email).delete()
        if removed:
            ratelimit.clear(request, action="confirm_email", key=email.lower())
        return super().save(request)
