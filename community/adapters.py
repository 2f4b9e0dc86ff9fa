from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model
from django.utils import translation


def language_of(user, email=None):
    if user is None and email:
        user = get_user_model().objects.filter(email__iexact=email).first()
    return getattr(user, "language", None) or translation.get_language()


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's emails (confirmation, password reset) in the member's own language, with
    links into that language's pages."""

    def send_mail(self, template_prefix, email, context):
        with translation.override(language_of(context.get("user"), email)):
            super().send_mail(template_prefix, email, context)

    def send_confirmation_mail(self, request, emailconfirmation, signup):
        with translation.override(language_of(emailconfirmation.email_address.user)):
            super().send_confirmation_mail(request, emailconfirmation, signup)
