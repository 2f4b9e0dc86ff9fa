"""The one way the platform sends email: a subject and a body template, rendered in the
recipient's language now, sent by the task worker (home.mail).

Every email is multipart: the plain text of `<template>_body.txt`, and an HTML version of it
(`<template>_body.html` when the template exists, else the text with its paragraphs made HTML
and the site's own addresses made links, `text_as_html`) in a simple frame
(`home/email/frame.html`: one column, inline styles, no images or anything loaded from
elsewhere). The sender is the platform's name, in the recipient's language, with the address of
DEFAULT_FROM_EMAIL."""

import re
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.defaultfilters import linebreaks_filter
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .mail import queue_email
from .urls_util import base_url, current_request, known_origins, origin_of_url
from .validators import HOST_DOTS

# The platform's name as emails give it, in the recipient's language.
SITE_NAME = settings.WAGTAIL_SITE_NAME


def email_context(request=None):
    """What every email says about where it comes from, in the active language: the platform's
    name, the address of the site (`site_url`: the request's own address when it is one of the
    site's own, so links in an email lead back where the visitor was; otherwise, and without a
    request, WAGTAILADMIN_BASE_URL: see home.urls_util.base_url) and its home page
    in that language. Emails are rendered when they are queued, mostly in the request that
    causes them; a task that renders one links to the address of the request that enqueued it
    (home.urls_util.at_address). The task worker sends what was rendered."""
    site_url = base_url(request)
    return {
        "site_name": str(SITE_NAME),
        "site_url": site_url,
        "home_url": site_url + reverse("wagtail_serve", args=("",)),
    }


def sender_address():
    """The address of DEFAULT_FROM_EMAIL, without its name."""
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL


def sender():
    """`"<the platform's name in the active language>" <address of DEFAULT_FROM_EMAIL>`."""
    return formataddr((str(SITE_NAME), sender_address()))


# An address in a text: up to the first space or angle bracket; what ends a sentence after it
# (a full stop, a comma, a closing parenthesis) is not part of it.
ADDRESS = re.compile(r"https?://[^\s<>\"]+?(?=[.,;:!?)\]]*(?:\s|$))", re.IGNORECASE)


def text_as_html(text, site_url=None, links=()):
    """Plain text as HTML paragraphs, every character escaped. Only the site's own addresses
    (on `site_url`, the address the email was rendered for, or another of the site's known
    origins) and the addresses in `links` (given on purpose, such as a meeting's join link)
    become links: a text holds words of visitors and members (a report's explanation, a
    meeting's title, a guest's wishes), and an address one of them typed, a look-alike of the
    site's admin among them, was made a link beside the genuine ones (attack 35, F1)."""
    own = (known_origins() | {origin_of_url(site_url or "")}) - {None}
    given = set(links)
    # The given addresses whole, first: one may end in a full stop or a parenthesis.
    whole = [re.escape(link) for link in sorted(given, key=len, reverse=True)]
    addresses = re.compile("|".join([*whole, ADDRESS.pattern]), re.IGNORECASE)
    parts, start = [], 0
    for found in addresses.finditer(text):
        address = found.group()
        parts.append(escape(text[start : found.start()]))
        if address in given or origin_of_url(address) in own:
            parts.append(format_html('<a href="{0}">{0}</a>', address))
        else:
            parts.append(escape(address))
        start = found.end()
    parts.append(escape(text[start:]))
    return linebreaks_filter(mark_safe("".join(parts)), autoescape=True)  # noqa: S308


# What mail programs make a link of in a plain text besides an address with its scheme: a host
# name ("www.evil.example", "evil.example"), its labels also parted by a full stop browsers
# read as a dot (`home.validators.HOST_DOTS`).
SCHEME_COLON = re.compile(r"(?<=[^\W_]):(?=//)|(?<=mailto):", re.IGNORECASE)
HOST_DOT = re.compile(rf"(?<=[^\W_])[.{HOST_DOTS}](?=[^\W\d_])")


def unlinked(text):
    """Words of a member (a contribution's title, which a moderator approved) for the
    plain text of an email: every address in them written so that no mail program makes a link
    of it (`https://evil.example/report` as `https[:]//evil[.]example/report`), so that none
    passes for the email's own beside them, as `text_as_html` makes none a link in its HTML. A
    dot between two letters is written `[.]` wherever it is: "evil.example" is a link without a
    scheme too."""
    return HOST_DOT.sub("[.]", SCHEME_COLON.sub("[:]", str(text)))


def html_body(template, context, text):
    try:
        body = render_to_string(f"{template}_body.html", context)
    except TemplateDoesNotExist:
        body = text_as_html(text, context.get("site_url"), context.get("email_links", ()))
    return render_to_string("home/email/frame.html", {**context, "body": body})


def as_multipart(message, context):
    """An email rendered elsewhere (allauth's) made like ours, in the active language: from the
    platform's name, with the HTML version of its text in our frame."""
    multipart = EmailMultiAlternatives(
        message.subject,
        message.body,
        sender(),
        to=message.to,
        cc=message.cc,
        bcc=message.bcc,
        reply_to=message.reply_to,
        headers=message.extra_headers,
    )
    for content, mimetype in getattr(message, "alternatives", []):
        multipart.attach_alternative(content, mimetype)
    if not multipart.alternatives:
        body = text_as_html(message.body, context.get("site_url"))
        frame = {**context, "subject": message.subject, "body": body}
        multipart.attach_alternative(render_to_string("home/email/frame.html", frame), "text/html")
    return multipart


def render_email(template, context, recipient, *, language=None, request=None):
    """(subject, text, html, sender) of `template` for `recipient`, in their language."""
    language = language or getattr(recipient, "language", None) or settings.LANGUAGE_CODE
    request = request or current_request()
    with translation.override(language):
        context = {"recipient": recipient, **email_context(request), **context}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}_body.txt", context)
        html = html_body(template, {**context, "subject": subject}, text)
        from_email = sender()
    return subject, text, html, from_email


def send_templated_email(
    template,
    context,
    recipient,
    *,
    language=None,
    request=None,
    key=None,
    attachments=(),
    headers=None,
    bulk=False,
    reply_to=(),
    not_before=None,
):
    """Renders `<template>_subject.txt` and `<template>_body.txt` (and `_body.html`, if there
    is one) in the recipient's language (their `language`, else the site default) and queues
    the message for them. `recipient` is anything with an `email` (and a `language`): an
    account, a newsletter subscriber. A mail server that is down delays it, never the caller.
    With a `key`, a second email with the same key is never queued (e.g. one reminder per
    registration): then None is returned. `attachments` are (filename, content, mimetype)
    triples (e.g. an iCalendar invitation); `headers` extra headers (e.g. List-Unsubscribe);
    a `bulk` email (a newsletter, a digest) waits behind those a member waits for; `reply_to`
    the addresses a reply goes to (the sender's is nobody's); `not_before` when it may go, if
    not at once.
    Links go to the address of the request being served (`request`, else the current one) if it
    is one of the site's own, else to WAGTAILADMIN_BASE_URL."""
    subject, text, html, from_email = render_email(
        template, context, recipient, language=language, request=request
    )
    message = EmailMultiAlternatives(
        subject,
        text,
        from_email,
        to=[recipient.email],
        headers=dict(headers or {}),
        reply_to=list(reply_to),
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    # The template's own name ("exchanges/email/reminder" → "reminder") is the email's kind.
    kind = template.rpartition("/")[2]
    if queue_email(message, kind=kind, key=key, bulk=bulk, not_before=not_before) is None:
        return None
    return message


def unsubscribe_headers(url):
    """One-click unsubscribe (RFC 8058) for an email of a list (newsletter, digest): `url` is
    an HTTPS address that unsubscribes on a POST with `List-Unsubscribe=One-Click` and no login;
    give the same `unsubscribe_url` to the template's context for the visible link."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
