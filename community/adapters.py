import math
from urllib.parse import unquote, urlparse

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_login_redirect_url
from allauth.core import context as allauth_context
from allauth.core import ratelimit
from allauth.utils import build_absolute_uri
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.contrib.sites.shortcuts import get_current_site
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, transaction
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home import queued_messages
from home.i18n import home_url
from home.mail import queue_email
from home.notifications import as_multipart, email_context
from home.ratelimit import allauth_seconds_to_wait, client_ip, mailbox_key
from home.urls_util import in_language, rebase_url
from home.validators import normalised_email

from . import roles
from .notifications import foundations_contact

# What Wagtail's admin says to an account it does not let in (wagtail.admin.auth), in its words.
WAGTAILS_REFUSAL = "You do not have permission to access the admin."


def is_admin_address(url):
    """An address in the admin, its home written with or without its closing slash."""
    admin = reverse("wagtailadmin_home")
    path = unquote(urlparse(url).path)
    return path.startswith(admin) or path == admin.rstrip("/")


def language_of(user, email=None):
    if user is None and email:
        user = get_user_model().objects.filter(email__iexact=email).first()
    return getattr(user, "language", None) or translation.get_language()


# How long after a link to confirm an address was sent a login held back by allauth's limit says
# so: the longest of that limit's windows but the day's (ACCOUNT_RATE_LIMITS' confirm_email).
CONFIRMATION_SENT_SECONDS = 3600


def confirmation_sent_key(email):
    return f"confirmation-sent:{email.strip().lower()}"


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's emails (confirmation, password reset) in the member's own language, with
    links into that language's pages. Editors log in here too, on their way to the admin."""

    # Where the login being finished sends the user (see `post_login`).
    landing = ""

    def confirm_email(self, request, email_address):
        """A member's new address, confirmed by the link sent there; unless another account got
        the address meanwhile (an administrator added it): then nothing is confirmed and the
        member is told. Before, the database's refusal was a server error that left the
        address marked verified on the member's side (outsider's pass of 2026-12-04)."""
        try:
            with transaction.atomic():
                return super().confirm_email(request, email_address)
        except IntegrityError:
            taken = (
                get_user_model()
                .objects.filter(email__iexact=email_address.email)
                .exclude(pk=email_address.user_id)
            )
            if not taken.exists():
                raise
        email_address.refresh_from_db()
        messages.error(
            request,
            _(
                "%(email)s now belongs to another account, so it was not confirmed for yours. "
                "You still log in with your address as before."
            )
            % {"email": email_address.email},
        )
        return False

    def send_mail(self, template_prefix, email, context):
        """Rendered now, in the member's language; sent by the task worker (home/mail.py), so a
        mail server that is down never breaks the sign-up or reset that asked for it. Our
        templates (templates/account/email/) sign with the platform's name and the address the
        request came to, as our own emails do (home.notifications.email_context). allauth builds
        its links (confirmation, reset, sign-up) on the request's Host header; they are moved
        onto the address our emails link to (home.urls_util.base_url), which takes the request's
        only when it is one of the site's own. Like ours, they are multipart and come from the
        platform's name (home.notifications.as_multipart)."""
        language = language_of(context.get("user"), email)
        request = allauth_context.request
        # Read in the language of the page asked on, as allauth built them.
        values = {
            name: in_language(rebase_url(value, request), language)
            for name, value in context.items()
        }
        with translation.override(language):
            context = {
                **email_context(request),
                "request": request,
                "email": email,
                "current_site": get_current_site(request),
                **values,
            }
            message = self.render_mail(template_prefix, email, context)
            if context.get("reply_to"):
                message.reply_to = list(context["reply_to"])
            queue_email(as_multipart(message, context), kind="account")

    def send_address_taken_mail(self, request, email):
        """To the address of an account that a member asked to change hers to (community/signup.py):
        as allauth's sign-up tells the owner of a taken address, in her language and with her
        ways into her account, and nothing of who asked, nor a link that could confirm it for
        them."""
        with translation.override(language_of(None, email)):
            context = {
                "login_url": build_absolute_uri(request, reverse("account_login")),
                "password_reset_url": build_absolute_uri(
                    request, reverse("account_reset_password")
                ),
            }
        self.send_mail("account/email/address_taken", email, context)

    def send_notification_mail(self, template_prefix, user, context=None, email=None):
        """allauth's notifications of changes to an account (ACCOUNT_EMAIL_NOTIFICATIONS), but
        not "address removed": with one address per account (ACCOUNT_CHANGE_EMAIL) the only
        address a member can remove is a new one she has not confirmed, when she cancels the
        change, and nothing of her account changed."""
        if template_prefix == "account/email/email_deleted":
            return
        # In her language (`send_mail` reads it from the user): the old address of a confirmed
        # change is no longer hers, so looking her up by it found nobody and the page's
        # language was taken (second pass of attack 16, F1).
        context = {**(context or {}), "user": user}
        if template_prefix == "account/email/email_changed":
            # The old address can no longer ask for a new password: the foundations can help
            # (second walk of 2026-12-05, F1: the email sent her to a reset that went to the new
            # address). A reply goes to them; without their addresses, their contact page.
            addresses, contact = foundations_contact(None, language_of(user))
            context |= {"reply_to": addresses, "contact_url": contact.full_url if contact else ""}
        super().send_notification_mail(template_prefix, user, context, email)

    def clean_email(self, email):
        """The sign-up's and the new address's (and a password reset's) address, checked as the
        newsletter's is (home.validators.normalised_email): no account with a quoted name, a
        control character or a second spelling of a mailbox."""
        return normalised_email(super().clean_email(email))

    def should_send_confirmation_mail(self, request, email_address, signup):
        """Logging in with an address not yet confirmed sends a new link, as the "confirm your
        email" page promises; but allauth sends none within its limit (ACCOUNT_RATE_LIMITS'
        confirm_email: one every three minutes) and said nothing, so she waited for a link that
        never came. The page she lands on says that one was sent a short while ago, and when
        she may ask for another."""
        seconds = allauth_seconds_to_wait(
            request, actions=["confirm_email"], keys=[email_address.email]
        )
        if seconds is not None:
            sent = cache.get(confirmation_sent_key(email_address.email)) is not None
            messages.info(request, self.confirmation_held_back(email_address.email, seconds, sent))
            return False
        # allauth counts the address as typed; another spelling of its mailbox counts with
        # the others too (`mailbox_key`): each sign-up with another "+tag" of one address was
        # a mailbox of its own (attack 39).
        return self.mailbox_allows(request, email_address.email) and (
            super().should_send_confirmation_mail(request, email_address, signup)
        )

    def send_account_already_exists_mail(self, email):
        """The email that someone signed up with her address: as the confirmations, within the
        limit of emails to its mailbox (`mailbox_allows`)."""
        if self.mailbox_allows(allauth_context.request, email):
            super().send_account_already_exists_mail(email)

    @staticmethod
    def mailbox_allows(request, email):
        """Counts an email of a sign-up (a confirmation, "you already have an account") to
        another spelling of a mailbox than its own with the others (`home.ratelimit.mailbox_key`)
        against ACCOUNT_RATE_LIMITS' confirm_email; whether it is within them. The mailbox's own
        address allauth counts itself."""
        key = mailbox_key(email)
        return key == email.strip().lower() or ratelimit.consume(
            request, action="confirm_email", key=key
        )

    @staticmethod
    def confirmation_held_back(email, seconds, sent):
        """`sent`: a link went to her within the hour. Not always so: allauth counts towards
        the same limit the email telling her that someone signed up with her address, which
        holds no link (it keeps who has an account from strangers; attack 32, F4)."""
        minutes = math.ceil(seconds / 60)
        if minutes <= 90:
            when = ngettext(
                "You can ask for a new link in %(count)s minute by logging in again.",
                "You can ask for a new link in %(count)s minutes by logging in again.",
                minutes,
            ) % {"count": minutes}
        else:
            hours = math.ceil(seconds / 3600)
            when = ngettext(
                "You can ask for a new link in %(count)s hour by logging in again.",
                "You can ask for a new link in %(count)s hours by logging in again.",
                hours,
            ) % {"count": hours}
        if sent:
            said = _(
                "We sent you a link to confirm %(email)s a short while ago: look for it in your "
                "inbox, and in your spam folder."
            )
        else:
            said = _("We cannot send you a link to confirm %(email)s right now.")
        return f"{said % {'email': email}} {when}"

    def send_confirmation_mail(self, request, emailconfirmation, signup):
        with translation.override(language_of(emailconfirmation.email_address.user)):
            super().send_confirmation_mail(request, emailconfirmation, signup)
        email = emailconfirmation.email_address.email
        cache.set(confirmation_sent_key(email), True, CONFIRMATION_SENT_SECONDS)

    def get_client_ip(self, request):
        """The visitor's address for allauth's rate limits, as for ours (TRUSTED_PROXY_COUNT)."""
        return client_ip(request) or super().get_client_ip(request)

    def authenticate(self, request, **credentials):
        """A login that fails on our side (the database cannot be reached) is no failed attempt:
        allauth counted it against the member before asking the database; it is taken back, so
        retrying during an outage does not lock the account once the database is back."""
        try:
            return super().authenticate(request, **credentials)
        except DatabaseError:
            self._rollback_login_failed_rl_usage()
            raise

    def get_logout_redirect_url(self, request):
        """The home page of the language the member logged out in (from the address's prefix),
        not of their browser's language."""
        return home_url(translation.get_language())

    def is_safe_url(self, url):
        """The admin sends whoever may not use it to the login; a member already logged in would
        be sent straight back and forth, so for them an admin address is no place to return to
        (allauth then falls back to the member area)."""
        user = getattr(allauth_context.request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and roles.is_member(user)
            and is_admin_address(url)
        ):
            return False
        return super().is_safe_url(url)

    def get_login_redirect_url(self, request):
        """Where a login without a `next` leads: the member area, except for whoever works in
        the admin (logging in on the site's form, or confirming their address by the link in
        allauth's email, logged in on the way or already): they go on to the admin's
        dashboard, where they work. The member area offers them nothing to do there, and no
        way into the admin (walk 11: a moderator and an editor landed on "Write a story")."""
        if roles.works_in_admin(request.user):
            return reverse("wagtailadmin_home")
        url_name = getattr(request.resolver_match, "url_name", None)
        if url_name == "account_login" and request.method == "GET":
            sent_by_the_admin = is_admin_address(request.GET.get(REDIRECT_FIELD_NAME, ""))
            if sent_by_the_admin and roles.is_member(request.user):
                return self.member_away_from_the_admin(request)
        return super().get_login_redirect_url(request)

    def member_away_from_the_admin(self, request):
        """A member already logged in who opens the admin: Wagtail refuses (in the browser's
        language, informally in Dutch) and sends them to the login, which sends them on. They
        land in their member area, in their language, told so in it as after logging in
        (`post_login`), without Wagtail's refusal; and told once, however often they opened
        the admin before the member area came (tabs, reloads)."""
        unwanted = set()
        for code in (*dict(settings.LANGUAGES), "en"):
            with translation.override(code):
                unwanted.add(_(WAGTAILS_REFUSAL))
                unwanted.add(_("The editing environment is for the foundations' editors."))
        queued_messages.withdraw(request, unwanted)
        with translation.override(request.user.language):
            messages.info(request, _("The editing environment is for the foundations' editors."))
            return reverse("member_area")

    def get_password_change_redirect_url(self, request):
        """A member who changed her password goes back to her member area, told so there; she
        was left on an empty change form (walk of 2026-12-05, W13). Whoever works in the admin
        stays on allauth's page, as before."""
        if roles.works_in_admin(request.user):
            return super().get_password_change_redirect_url(request)
        return reverse("member_area")

    def get_email_verification_redirect_url(self, email_address):
        """Whoever confirms their address while not logged in (the link opened in another
        browser) is asked to log in; an editor's login then goes on to the admin."""
        url = super().get_email_verification_redirect_url(email_address)
        if not self.request.user.is_authenticated and roles.works_in_admin(email_address.user):
            return f"{resolve_url(url)}?next={reverse('wagtailadmin_home')}"
        return url

    def post_login(self, request, user, *, redirect_url, signup, **kwargs):
        """Where the user lands is settled before allauth adds its message (see `add_message`).

        A member whom the admin sent to the login (its `next`, accepted while they were not yet
        logged in: `is_safe_url`) lands in their member area instead, in their own language
        and told so in it, rather than at Wagtail's refusal in the language of the browser."""
        self.landing = get_login_redirect_url(request, redirect_url, signup=signup)
        if not (is_admin_address(self.landing) and roles.is_member(user)):
            return super().post_login(
                request, user, redirect_url=self.landing, signup=signup, **kwargs
            )
        with translation.override(user.language):
            self.landing = reverse("member_area")
            response = super().post_login(
                request, user, redirect_url=self.landing, signup=signup, **kwargs
            )
            messages.info(request, _("The editing environment is for the foundations' editors."))
        return response

    def add_message(self, request, level, message_template=None, *args, **kwargs):
        """No "signed in as" for an editor landing in the admin: it would be in the language of
        the login page, the admin is in the editor's own (a German editor with a Dutch browser
        logs in on /nl/). Wagtail's own login said nothing either; the admin shows their name."""
        if message_template == "account/messages/logged_in.txt" and is_admin_address(self.landing):
            return
        super().add_message(request, level, message_template, *args, **kwargs)
