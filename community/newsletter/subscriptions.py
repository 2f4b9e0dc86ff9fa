"""Who gets the newsletter: visitors subscribe with double opt-in (nothing is sent before they
follow the link in the confirmation email), members opt in on their profile (their address is
verified), and anyone leaves with one click, without logging in.

Subscribing again with a known address answers as for a new one (nobody learns whether an
address is subscribed) and sends a confirmation again only when the address still needs one,
at most once per RESEND_AFTER: the form cannot be used to flood someone's mailbox."""

import hashlib
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from home.notifications import send_templated_email
from home.ratelimit import mailbox_key
from home.schedule import scheduled
from home.urls_util import base_url
from home.validators import normalised_email

from ..models import NewsletterSubscriber
from ..models.newsletter import CONSENT_VERSION

CONFIRM_SALT = "community.newsletter.confirm"
# How long a confirmation link works.
CONFIRM_MAX_AGE = 7 * 24 * 3600
# At most one confirmation email per address in this many seconds.
RESEND_AFTER = 15 * 60
# How long a visitor's address is kept after they unsubscribed.
KEEP_LEFT = timedelta(days=30)


def confirmation_token(subscriber):
    """Names the subscriber and the request it answers: a later request (with its own email)
    or leaving after it makes the link void."""
    return signing.dumps(
        {"s": subscriber.pk, "e": subscriber.email, "c": subscriber.consented_at.isoformat()},
        salt=CONFIRM_SALT,
    )


def send_confirmation(subscriber, code, request=None):
    """The email with the confirmation link, in the language the visitor subscribed in; not
    again within RESEND_AFTER for the same address (unless they left since), nor for any other
    spelling of its mailbox after one of them: its "+tags" (and, at Gmail, the dots in its
    name) count together (`home.ratelimit.mailbox_key`; attack 39: one confirmation a minute
    reached one mailbox under new tags), never against its owner's own address. It goes to the
    address as typed."""
    left = subscriber.unsubscribed_at.isoformat() if subscriber.unsubscribed_at else ""
    digest = hashlib.sha256(f"{mailbox_key(subscriber.email)}|{left}".encode()).hexdigest()
    if not cache.add(f"newsletter-confirm:{digest}", True, RESEND_AFTER):
        return None
    # A new request: its link is valid CONFIRM_MAX_AGE from now, and so is the address.
    subscriber.consented_at = timezone.now()
    subscriber.save(update_fields=["consented_at"])
    with translation.override(code):
        path = reverse("newsletter_confirm", args=[confirmation_token(subscriber)])
    context = {"confirm_url": base_url(request) + path, "days": CONFIRM_MAX_AGE // 86400}
    return send_templated_email(
        "community/email/newsletter_confirm", context, subscriber, language=code, request=request
    )


def subscribe(email, code, request=None):
    """A visitor asks for the newsletter at `email`, in language `code`. An address whose
    member gets the newsletter already gets nothing more; any other is a visitor's subscription
    of its own, confirmed by its owner. Addresses compare without regard to case (the visitor's
    kept in lower case, as allauth keeps members'), so that one mailbox is one subscriber, with
    one confirmation per RESEND_AFTER; an address no form would accept raises ValidationError."""
    email = normalised_email(email).lower()
    if NewsletterSubscriber.objects.receiving().filter(user__email__iexact=email).exists():
        return None
    # get_or_create: two requests at once for a new address make one subscriber.
    subscriber, _new = NewsletterSubscriber.objects.get_or_create(
        email=email,
        user=None,
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


def subscriber_to_confirm(token):
    """The subscriber a confirmation link names, or None when the link is not valid (forged,
    expired, answered by a later request, or followed after the subscriber left)."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    subscriber = NewsletterSubscriber.objects.filter(
        pk=data["s"], email=data["e"], user__isnull=True
    ).first()
    if subscriber is None or subscriber.consented_at.isoformat() != data.get("c"):
        return None
    if subscriber.unsubscribed_at and subscriber.unsubscribed_at > subscriber.consented_at:
        return None
    return subscriber


def confirm(token, code):
    """Answers a confirmation link (sent in language `code`, which a visitor then reads it in):
    the subscriber it names, confirmed, or None when the link is not valid."""
    subscriber = subscriber_to_confirm(token)
    if subscriber is not None and not subscriber.receives:
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.consent_version = CONSENT_VERSION
        subscriber.language = code
        subscriber.save(
            update_fields=["confirmed_at", "unsubscribed_at", "consent_version", "language"]
        )
    return subscriber


def unsubscribe(subscriber):
    if subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["unsubscribed_at"])


def same_mailbox(subscriber):
    """Every subscription the newsletter reaches `subscriber`'s address by (a visitor's at that
    address, a member's whose account has it), `subscriber` included: a mailbox gets one email
    of them (`sending.recipient_key`), carrying one of their tokens."""
    address = subscriber.address.lower()
    return NewsletterSubscriber.objects.filter(
        Q(pk=subscriber.pk) | Q(user__isnull=True, email=address) | Q(user__email__iexact=address)
    )


def unsubscribe_mailbox(subscriber):
    """The link of a newsletter email (and its one-click, RFC 8058): the mailbox gets it no
    more, whichever of the subscriptions reaching it the email was sent for (attack 41: a
    member's and a visitor's at the address she made her account's, and the next newsletter
    came by the other)."""
    for subscription in same_mailbox(subscriber):
        unsubscribe(subscription)


def subscriptions_of(user):
    """Every subscription that reaches the member: their account's, and a visitor's one at
    their current address."""
    return NewsletterSubscriber.objects.filter(
        Q(user=user) | Q(user__isnull=True, email=user.email.lower())
    )


def subscription_of(user):
    """The member's subscription (their account's first, else a visitor's one at their
    address), or None."""
    return subscriptions_of(user).order_by("user_id").first()


def member_receives(user):
    return subscriptions_of(user).receiving().exists()


@transaction.atomic
def set_member_subscription(user, wanted):
    """A member opts in (consent and its time recorded; no confirmation needed: their address
    is verified) or out on their profile: out ends every subscription that reaches them."""
    if not wanted:
        for subscription in subscriptions_of(user):
            unsubscribe(subscription)
        return
    # Her account's row first, as every change of hers takes it: the same save sent twice
    # at once (a double click, two tabs) adds her one subscription, the second finds it.
    list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk"))
    if member_receives(user):
        return
    now = timezone.now()
    subscription = NewsletterSubscriber.objects.filter(user=user).first()
    subscription = subscription or NewsletterSubscriber(user=user, email=None)
    subscription.language = user.language
    subscription.consent_version = CONSENT_VERSION
    subscription.consented_at = now
    subscription.confirmed_at = now
    subscription.unsubscribed_at = None
    subscription.save()


def forget_member(user):
    """A member who deletes their account gets the newsletter no more, at neither subscription
    that reached them."""
    subscriptions_of(user).delete()


@scheduled(
    "newsletter-unconfirmed",
    every=timedelta(hours=1),
    description=_(
        "Forgets the addresses of visitors who did not confirm their subscription, or who left "
        "more than a month ago."
    ),
    counts=ngettext_lazy("%(count)s address deleted", "%(count)s addresses deleted", "count"),
)
def forget_unconfirmed(now):
    """An address typed in the form by someone who never followed the confirmation link (maybe
    not its owner) is deleted once the link has expired; a visitor's address KEEP_LEFT after
    they unsubscribed (the record of their leaving kept that long). Returns how many."""
    expired = now - timedelta(seconds=CONFIRM_MAX_AGE)
    visitors = NewsletterSubscriber.objects.filter(user__isnull=True)
    deleted, _by_model = visitors.filter(
        Q(confirmed_at__isnull=True, consented_at__lt=expired)
        | Q(unsubscribed_at__lt=now - KEEP_LEFT)
    ).delete()
    return deleted
