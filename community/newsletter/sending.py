"""Sending a newsletter to its audience, each subscriber in their language.

The editor's "send" records the sending (`NewsletterSending`: from then on the newsletter is
public in the archive) and enqueues `send_newsletter`, which queues one email per recipient
with the key `newsletter:<translation key>:<subscriber>`: a second click, a task run twice or a
worker that died mid-batch (the scheduled job `newsletters` finishes its work) never sends
anyone the same newsletter twice. A German reader gets the live German translation, else the
Dutch source; every link carries the language prefix of the reader's language."""

import hashlib
import re
from datetime import timedelta
from html import unescape

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_tasks import task

from home.cache import PAGES, bump
from home.i18n import live_translation
from home.mail import OutgoingEmail
from home.notifications import render_email, send_templated_email, unsubscribe_headers
from home.schedule import scheduled
from home.urls_util import base_url

from ..models import NewsletterPage, NewsletterSending, NewsletterSubscriber
from .subscriptions import subscriptions_of

TEMPLATE = "community/email/newsletter"
# A sending whose emails are not all queued this long after it started lost its worker.
UNFINISHED_AFTER = timedelta(minutes=15)
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def source_of(page):
    """The version editors write and whose audience counts: the one in the default language
    (the page itself when it has none)."""
    source = page.get_translations(inclusive=True).filter(
        locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True
    )
    return (source.specific().first() or page).specific


def version_for(page, code):
    """What a reader of `code` gets: the live translation in that language (not an alias, which
    mirrors the source), else the source."""
    source = source_of(page)
    version = live_translation(source, code)
    if version is not None and version.alias_of_id is None:
        return version.specific
    return source


def recipients(page):
    """The confirmed subscribers in the audience of `page`, in every language."""
    return (
        NewsletterSubscriber.objects.receiving()
        .for_page(source_of(page))
        .select_related("user")
        .order_by("pk")
    )


def counts_by_language(page):
    """{language code: how many recipients read it} for the audience of `page`."""
    audience = recipients(page)
    return {code: audience.in_language(code).count() for code in LANGUAGE_CODES}


def absolute(url_path):
    return base_url() + url_path


def unsubscribe_url(subscriber, code):
    with translation.override(code):
        return absolute(reverse("newsletter_unsubscribe", args=[subscriber.token]))


# Addresses of the site itself in the rendered body (rich text links, images, buttons).
SITE_ADDRESS = re.compile(r'(\s(?:href|src)=")(/[^/"][^"]*|/)"')


def body_html(newsletter, code):
    """The newsletter's body as simple email HTML in language `code`, its addresses absolute."""
    with translation.override(code):
        html = render_to_string("community/email/newsletter_blocks.html", {"page": newsletter})
    site = base_url()
    return mark_safe(SITE_ADDRESS.sub(lambda m: f'{m.group(1)}{site}{m.group(2)}"', html))  # noqa: S308 - rendered by our templates


def html_as_text(html):
    """Rendered HTML as plain text: paragraphs on their own lines, links as `text (address)`."""
    html = re.sub(r'<a\s[^>]*href="([^"]+)"[^>]*>(.*?)</a>', r"\2 (\1)", html, flags=re.DOTALL)
    html = re.sub(r"</(p|h2|h3|li|figure|blockquote|aside)>|<br\s*/?>", "\n\n", html)
    text = unescape(strip_tags(html))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def web_url(newsletter, code, *, once_sent=False):
    """The address of `newsletter` on the site, in language `code`: "" while it is not public,
    unless `once_sent` asks for the one it will have then."""
    with translation.override(code):
        url = newsletter.get_url()
        if not url and once_sent:
            parts = newsletter.url_parts_once_sent()
            url = parts[2] if parts else None
    return absolute(url) if url else ""


def email_context(newsletter, code, unsubscribe):
    html = body_html(newsletter, code)
    return {
        "newsletter": newsletter,
        "body_html": html,
        "body_text": html_as_text(html),
        "web_url": web_url(newsletter, code),
        "unsubscribe_url": unsubscribe,
    }


def send_to(subscriber, page, *, parts=None, key=None, test=False):
    """Queues the newsletter `page` for one subscriber in their language, with one-click
    unsubscribe; returns the message (None when one with `key` was queued before). `parts`
    keeps the rendered body per language over a batch."""
    code = subscriber.reading_language
    parts = {} if parts is None else parts
    if code not in parts:
        parts[code] = email_context(version_for(page, code), code, None)
    unsubscribe = unsubscribe_url(subscriber, code)
    context = {**parts[code], "unsubscribe_url": unsubscribe, "test": test}
    return send_templated_email(
        TEMPLATE,
        context,
        subscriber.user or subscriber,
        language=code,
        key=key,
        headers=unsubscribe_headers(unsubscribe),
        bulk=not test,
    )


class TestReader:
    """The editor reading a test: their address, in the language of the version tested."""

    def __init__(self, user, code):
        self.email = user.email
        self.language = code
        self.public_name = user.public_name


def test_context(page, code, user):
    """The email a reader of `code` gets, as a test for the editor `user`, its two links made
    honest: the newsletter's address on the site even while it is not public (the email says it
    works once sent), and the editor's own unsubscribe link if they get the newsletter (it asks
    before it unsubscribes them), else none (the email says each subscriber finds theirs
    there). Without List-Unsubscribe headers: a mail client unsubscribes nobody from a test."""
    newsletter = version_for(page, code)
    own = subscriptions_of(user).receiving().order_by("pk").first()
    context = email_context(newsletter, code, unsubscribe_url(own, code) if own else "")
    if not context["web_url"]:
        context["web_url"] = web_url(newsletter, code, once_sent=True)
        context["public_once_sent"] = True
    return {**context, "test": True}


def preview(page, code, user):
    """(subject, html) of the test `user` gets in language `code`."""
    subject, _text, html, _sender = render_email(
        TEMPLATE, test_context(page, code, user), TestReader(user, code), language=code
    )
    return subject, html


def send_test(page, user):
    """The newsletter to the editor themselves, once in each language."""
    for code in LANGUAGE_CODES:
        send_templated_email(
            TEMPLATE, test_context(page, code, user), TestReader(user, code), language=code
        )


@transaction.atomic
def start_sending(page, user):
    """Records the sending of `page` (every language version) by `user` and enqueues the
    emails; returns the sending and whether it is new (a second click changes nothing)."""
    source = source_of(page)
    sending, created = NewsletterSending.objects.get_or_create(
        translation_key=source.translation_key, defaults={"sent_by": user}
    )
    if created:
        # Now public: in the archive and at its own address.
        bump(PAGES)
        send_newsletter.enqueue(str(source.translation_key))
    return sending, created


def recipient_key(translation_key, subscriber):
    """What makes a newsletter's email to a mailbox one: its address, not the subscription."""
    address = subscriber.address.lower()
    return f"newsletter:{translation_key}:{hashlib.sha256(address.encode()).hexdigest()[:32]}"


@task()
def send_newsletter(translation_key):
    """Queues the newsletter for every recipient who has not had it; returns how many."""
    sending = NewsletterSending.objects.filter(translation_key=translation_key).first()
    page = NewsletterPage.objects.filter(translation_key=translation_key).first()
    if sending is None or page is None:
        return 0
    parts, queued = {}, 0
    # Keyed by address: a mailbox that is both a member's and a visitor's subscription gets it
    # once; a run again (a second worker, the finishing job) renders only what is not queued.
    prefix = f"newsletter:{translation_key}:"
    done = set(OutgoingEmail.objects.filter(key__startswith=prefix).values_list("key", flat=True))
    for subscriber in recipients(page).iterator(chunk_size=200):
        key = recipient_key(translation_key, subscriber)
        if key in done:
            continue
        done.add(key)
        if send_to(subscriber, page, parts=parts, key=key) is not None:
            queued += 1
    NewsletterSending.objects.filter(pk=sending.pk).update(
        completed_at=timezone.now(), recipients=F("recipients") + queued
    )
    return queued


@scheduled(
    "newsletters",
    every=timedelta(minutes=15),
    description=_(
        "Finishes sending a newsletter whose worker stopped before every email was queued."
    ),
    counts=ngettext_lazy(
        "%(count)s unfinished newsletter sent on",
        "%(count)s unfinished newsletters sent on",
        "count",
    ),
)
def finish_unfinished_sendings(now):
    """Enqueues the sending again (no reader gets it twice); returns how many sendings."""
    unfinished = NewsletterSending.objects.filter(
        completed_at__isnull=True, sent_at__lt=now - UNFINISHED_AFTER
    ).values_list("translation_key", flat=True)
    for translation_key in unfinished:
        send_newsletter.enqueue(str(translation_key))
    return len(unfinished)
