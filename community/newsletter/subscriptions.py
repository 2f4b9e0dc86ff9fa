"""Who gets the newsletter: visitors subscribe with double opt-in (nothing is sent before they
follow the link in the confirmation email), members opt in on their profile (their address is
verified), and anyone leaves with one click, without logging in.

Subscribing again with a known address answers as for a new one (nobody learns whether an
address is subscribed) and sends a confirmation again only when the address still needs one,
at most once per RESEND_AFTER: the form cannot be used to flood someone's mailbox."""

import hashlib
from datetime import timedelta

from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from home.notifications import send_templated_email
from home.schedule import scheduled
from home.urls_util import base_url

from ..models import NewsletterSubscriber
from ..models.newsletter import CONSENT_VERSION

CONFIRM_SALT = "community.newsletter.confirm"
# How long a confirmation link works.
CONFIRM_MAX_AGE = 7 * 24 * 3600
# At most one confirmation email per address in this many seconds.
RESEND_AFTER = 15 * 60


def confirmation_token(subscriber):
    return signing.dumps({"s": subscriber.pk, "e": subscriber.email}, salt=CONFIRM_SALT)


def send_confirmation(subscriber, code, request=None):
    """The email with the confirmation link, in the language the visitor subscribed in; not
    again within RESEND_AFTER for the same address."""
    digest = hashlib.sha256(subscriber.email.encode()).hexdigest()
    if not cache.add(f"newsletter-confirm:{digest}", True, RESEND_AFTER):
        return None
    with translation.override(code):
        path = reverse("newsletter_confirm", args=[confirmation_token(subscriber)])
    context = {"confirm_url": base_url(request) + path, "days": CONFIRM_MAX_AGE // 86400}
    return send_templated_email(
        "community/email/newsletter_confirm", context, subscriber, language=code, request=request
    )


def subscribe(email, code, request=None):
    """A visitor asks for the newsletter at `email`, in language `code`."""
    email = email.strip().lower()
    subscriber = NewsletterSubscriber.objects.filter(
        Q(email=email) | Q(user__email__iexact=email)
    ).first()
    if subscriber is None:
        # get_or_create: two requests at once for a new address make one subscriber.
        subscriber, _new = NewsletterSubscriber.objects.get_or_create(
            email=email,
            defaults={
                "language": code,
                "consent_version": CONSENT_VERSION,
                "consented_at": timezone.now(),
            },
        )
    if subscriber.receives:
        return subscriber
    send_confirmation(subscriber, code, request)
    return subscriber


def confirm(token, code):
    """Follows a confirmation link (sent in language `code`, which a visitor then reads it in):
    the subscriber it names, confirmed (also after having unsubscribed: the link is their new
    consent), or None when the link is not valid."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    subscriber = NewsletterSubscriber.objects.filter(pk=data["s"], email=data["e"]).first()
    if subscriber is None:
        return None
    if not subscriber.receives:
        now = timezone.now()
        subscriber.confirmed_at = now
        subscriber.unsubscribed_at = None
        subscriber.consent_version = CONSENT_VERSION
        subscriber.consented_at = now
        subscriber.language = code
        subscriber.save(
            update_fields=[
                "confirmed_at",
                "unsubscribed_at",
                "consent_version",
                "consented_at",
                "language",
            ]
        )
    return subscriber


def unsubscribe(subscriber):
    if subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["unsubscribed_at"])


def subscription_of(user):
    """The member's subscription (by account, or a visitor's one at their address), or None."""
    return NewsletterSubscriber.objects.filter(
        Q(user=user) | Q(user__isnull=True, email=user.email.lower())
    ).first()


def member_receives(user):
    subscription = subscription_of(user)
    return subscription is not None and subscription.receives


@transaction.atomic
def set_member_subscription(user, wanted):
    """A member opts in (consent and its time recorded; no confirmation needed: their address
    is verified) or out on their profile."""
    subscription = subscription_of(user)
    if not wanted:
        if subscription is not None:
            unsubscribe(subscription)
        return
    if subscription is not None and subscription.receives and subscription.user_id == user.pk:
        return
    now = timezone.now()
    subscription = subscription or NewsletterSubscriber(email=user.email.lower())
    subscription.user = user
    subscription.language = user.language
    subscription.consent_version = CONSENT_VERSION
    subscription.consented_at = now
    subscription.confirmed_at = now
    subscription.unsubscribed_at = None
    subscription.save()


@scheduled(
    "newsletter-unconfirmed",
    every=timedelta(hours=1),
    description=_("Forgets the addresses of visitors who did not confirm their subscription."),
)
def forget_unconfirmed(now):
    """An address typed in the form by someone who never followed the confirmation link (maybe
    not its owner) is deleted once the link has expired; returns how many."""
    expired = now - timedelta(seconds=CONFIRM_MAX_AGE)
    deleted, _by_model = NewsletterSubscriber.objects.filter(
        user__isnull=True, confirmed_at__isnull=True, consented_at__lt=expired
    ).delete()
    return deleted
