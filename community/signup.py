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
account already has it: the same words, and a mail to it as to any, but no confirmation (the
site was made to mail Anke "Bevestig uw e-mailadres" on behalf of another member's account,
attack of 2026-12-04): as allauth's sign-up does for a taken address, its owner is told that
someone tried, with her own ways into her account. So "we have sent an email" holds (she was
told so while nobody was mailed, and waited for it), and the owner learns of the attempt.
Her address page then shows it pending, as a free one, with the same "send again" and
"cancel" (else the page told that the address is taken); it is kept apart from her addresses
(`UnconfirmableAddressChange`), so it can never log in, receive a password reset or be
confirmed.

This lives apart from `forms.py`: allauth builds its form on our `forms.SignupForm`
(ACCOUNT_SIGNUP_FORM_CLASS), so importing allauth's forms from there would be a circle."""

from contextlib import suppress

from allauth.account import signals
from allauth.account.adapter import get_adapter
from allauth.account.decorators import reauthentication_required
from allauth.account.forms import AddEmailForm as AllauthAddEmailForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.models import EmailAddress
from allauth.account.views import EmailView as AllauthEmailView
from allauth.account.views import PasswordChangeView as AllauthPasswordChangeView
from allauth.account.views import PasswordResetView as AllauthPasswordResetView
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _

from home.ratelimit import counted_as_a_confirmation, mailbox_key
from home.validators import normalised_email

from .models import UnconfirmableAddressChange


def unconfirmed_claims(email):
    """Other accounts' pending changes to this address: unverified and not their login."""
    return (
        EmailAddress.objects.filter(email__iexact=email, verified=False)
        .exclude(user__email__iexact=email)
        .exclude(primary=True)
    )


def claims_held_back(email):
    """`email` has become an account's own (confirmed, or its login address): the other
    accounts' pending changes to it become changes that can never be confirmed. Their pages
    still show them pending, so that they tell nothing; "send again" then tells the owner that
    someone tried, and no longer mails her a confirmation for another account nor uses up the
    pause between two confirmations to her address, which held back her own (attack of
    2026-12-05, F1). The pause their mails started ends too, as on the owner's sign-up, so that
    her own confirmation goes out at once (counted per address only, it needs no request)."""
    email = email.lower()
    claims = list(unconfirmed_claims(email))
    for claim in claims:
        UnconfirmableAddressChange.objects.update_or_create(
            user_id=claim.user_id, defaults={"email": email}
        )
        claim.delete()
    if claims:
        ratelimit.clear(None, action="confirm_email", key=email)


def claimed_for_real(email, apart_from=None):
    """Verified by someone, or the login address of an account (awaiting its confirmation); by
    an account other than `apart_from`, when given."""
    addresses = EmailAddress.objects.filter(email__iexact=email, verified=True)
    accounts = get_user_model().objects.filter(email__iexact=email)
    if apart_from is not None:
        addresses = addresses.exclude(user=apart_from)
        accounts = accounts.exclude(pk=apart_from.pk)
    return addresses.exists() or accounts.exists()


# What a member reads on her address page once a mail went to her new address, and when she
# asks for another too soon: true whether the address is free or another account's, so that it
# tells her nothing of whose it is. The pause is counted per address, so the mail it waits for
# may have been asked for by someone else (another member who typed the same address): the
# sentence does not say that she was sent it.
SENT = _(
    "We have sent an email to %(email)s. If this address can be used for your account, it "
    "contains a link to confirm it; otherwise it says why not."
)
NOT_AGAIN_YET = _(
    "An email went to %(email)s only a few minutes ago, so no other one is sent yet. Please "
    "wait a few minutes and look in your spam folder too."
)


def new_address(user, email):
    """The address `user` asked to change to, if it is `email` and free (allauth's: unverified,
    not her login address)."""
    return EmailAddress.objects.filter(
        user=user, email__iexact=email, verified=False, primary=False
    ).first()


def mail_new_address(request, user, email):
    """The mail to the address a member asked to change to, on adding it and on "send again":
    allauth's confirmation for a free address; for another account's, a word to whoever reads
    it (`AccountAdapter.send_address_taken_mail`), so that "we have sent an email" holds and the
    owner learns that someone tried. Not a second time within allauth's pause between two mails
    to one address (ACCOUNT_RATE_LIMITS' "confirm_email"), which she is then told; a taken
    address's pause is counted apart from its own, which a member must not be able to hold
    back for its owner. allauth said nothing at all when it held a mail back."""
    email = email.lower()
    pending = new_address(user, email)
    if pending is not None and claimed_for_real(email, apart_from=user):
        # Another account came to own it since she asked.
        claims_held_back(email)
        pending = None
    key = email if pending is not None else f"unconfirmable:{email}"
    if not ratelimit.consume(request, action="confirm_email", key=key):
        messages.info(request, NOT_AGAIN_YET % {"email": email})
        return
    if pending is not None:
        confirmation = pending.send_confirmation(request)
        signals.email_confirmation_sent.send(
            sender=confirmation.__class__, request=request, confirmation=confirmation, signup=False
        )
    else:
        get_adapter().send_address_taken_mail(request, email)
    messages.info(request, SENT % {"email": email})


class AddEmailForm(AllauthAddEmailForm):
    @transaction.atomic
    def save(self, request):
        """Another account's address replaces the change she had pending, as any new address
        does, and is answered as any (`mail_new_address`); but it is kept apart from her
        addresses."""
        email = self.cleaned_data["email"]
        if claimed_for_real(email, apart_from=self.user):
            pending = EmailAddress.objects.get_new(self.user)
            if pending is not None and not pending.primary:
                pending.remove()
            UnconfirmableAddressChange.objects.update_or_create(
                user=self.user, defaults={"email": email.lower()}
            )
            address = EmailAddress(user=self.user, email=email)
        else:
            UnconfirmableAddressChange.objects.filter(user=self.user).delete()
            address = EmailAddress.objects.add_new_email(
                request, self.user, email, send_verification=False
            )
        mail_new_address(request, self.user, email)
        return address


# Every change asks for the password first (allauth's confirmation, which holds for five
# minutes), ours as allauth's own actions (ACCOUNT_REAUTHENTICATION_REQUIRED): a session is not
# who is there (attack 42). Reading the page asks nothing.
@method_decorator(reauthentication_required(allow_get=True), name="dispatch")
class EmailView(AllauthEmailView):
    """allauth's address page, which shows a change to another account's address pending as
    any other: "send again" answers as for any (`mail_new_address`), "cancel" forgets it, "make
    primary" is refused as for any unconfirmed address (it said nothing at all, while a free one
    got allauth's refusal: attack of 2026-12-05, F2), and a script is answered in the same JSON.
    Once that account has gone, "send again" makes it a change as any other, confirmed by its
    link."""

    def unconfirmable(self):
        return UnconfirmableAddressChange.objects.filter(user=self.request.user).first()

    def post(self, request, *args, **kwargs):
        change = self.unconfirmable()
        email = request.POST.get("email", "").strip().lower()
        unconfirmable = change is not None and email == change.email
        if (
            "action_send" in request.POST
            and unconfirmable
            and not claimed_for_real(email, apart_from=request.user)
        ):
            # Its account has gone since she asked: the address is free, a change as any other.
            with transaction.atomic():
                change.delete()
                EmailAddress.objects.add_new_email(
                    request, request.user, email, send_verification=False
                )
            unconfirmable = False
        pending = unconfirmable or new_address(request.user, email) is not None
        if "action_add" in request.POST or not pending:
            return super().post(request, *args, **kwargs)
        if "action_send" in request.POST:
            mail_new_address(request, request.user, email)
        elif not unconfirmable:
            return super().post(request, *args, **kwargs)
        elif "action_remove" in request.POST:
            change.delete()
            get_adapter().add_message(
                request, messages.SUCCESS, "account/messages/email_deleted.txt", {"email": email}
            )
        elif "action_primary" in request.POST:
            # As allauth refuses a free one: only a confirmed address becomes the login address.
            get_adapter().add_message(
                request, messages.ERROR, "account/messages/unverified_primary_email.txt"
            )
        return self.answer(request, HttpResponseRedirect(self.get_success_url()))

    def answer(self, request, response):
        """As allauth answers its actions: in JSON when asked by script."""
        adapter = get_adapter()
        if not adapter.is_ajax(request):
            return response
        return adapter.ajax_response(
            request, response, data=self.get_ajax_data(), redirect_to=response["Location"]
        )

    def get_ajax_data(self):
        """Her addresses, as allauth lists them to a script, without the one she asked to change
        to: pending, it is not hers yet, and only a free one was listed (so the list told
        whether the address had an account)."""
        return [
            address
            for address in super().get_ajax_data()
            if address["verified"] or address["primary"]
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        change = self.unconfirmable()
        if change is not None and context.get("new_emailaddress") is None:
            context["new_emailaddress"] = EmailAddress(user=self.request.user, email=change.email)
        return context


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
        if self.account_already_exists:
            return self.answer_as_new(request)
        try:
            return super().try_save(request)
        except IntegrityError:
            if not claimed_for_real(self.cleaned_data["email"]):
                raise
        self.account_already_exists = True
        return self.answer_as_new(request)

    def answer_as_new(self, request):
        """A sign-up with an address that has an account, answered as one with a new address
        (ACCOUNT_PREVENT_ENUMERATION) after the same work: its password hashed as a new
        account's is (a million rounds), where allauth's answer came without, ten times
        sooner, and told whoever timed it that the address has an account (attack 42)."""
        make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)

    @transaction.atomic
    def save(self, request):
        email = self.cleaned_data["email"]
        removed, _ = unconfirmed_claims(email).delete()
        if removed:
            ratelimit.clear(request, action="confirm_email", key=email.lower())
        return super().save(request)


class ResetPasswordForm(AllauthResetPasswordForm):
    """A password reset goes only to an account's own login address or a confirmed one: allauth
    also mailed the link to an address a member had only asked to change to, so a mistyped new
    address gave its real owner a way into her account (attack of 2026-12-05, F8). Such a
    pending address is answered as any unknown one (allauth's "no account with this address"),
    so the answer on the page still tells nobody which addresses have an account."""

    def clean_email(self):
        email = super().clean_email()
        pending = set(unconfirmed_claims(email).values_list("user_id", flat=True))
        self.users = [user for user in self.users if user.pk not in pending]
        # The site's one spelling of the mailbox: the view's limit of emails per address counts
        # the address this returns, and the email goes to it. Each spelling of a domain that
        # reaches the same mailbox (full-width letters, a combining joiner) was a limit of its
        # own (attack 28).
        with suppress(ValidationError):
            email = normalised_email(email)
        return email


class PasswordResetView(AllauthPasswordResetView):
    """allauth's "forgot password", its limit of links to one address (3 in 15 minutes, 10 a
    day: ACCOUNT_RATE_LIMITS' reset_password) counted per address, the other spellings of a
    mailbox together (`mailbox_key`): each "+tag" of an address (and, at Gmail, each placement
    of dots in its name) was an address of its own to it, so one visitor sent one mailbox 20
    links a minute (attack 39). The link goes to the address as typed."""

    def form_valid(self, form):
        too_many = ratelimit.consume_or_429(
            self.request,
            action="reset_password",
            key=mailbox_key(form.cleaned_data["email"]),
        )
        if too_many:
            return too_many
        form.save(self.request)
        # allauth's own form_valid would count (and send) once more, by the address as typed.
        return super(AllauthPasswordResetView, self).form_valid(form)


password_change = counted_as_a_confirmation(AllauthPasswordChangeView.as_view())
