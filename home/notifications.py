"""The one way the platform sends email: a subject and a body template, rendered in the
recipient's language now, sent by the task worker (home.mail)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .mail import queue_email
from .urls_util import base_url, current_request

# The platform's name as emails give it, in the recipient's language.
SITE_NAME = settings.WAGTAIL_SITE_NAME


def email_context(request=None):
    """What every email says about where it comes from, in the active language: the platform's
    name, the address of the site (`site_url`: the request's own address when it is one of the
    site's own, so links in an email lead back where the visitor was; otherwise, and without a
    request, WAGTAILADMIN_BASE_URL: see home.urls_util.base_url) and its home page
    in that language. Emails are rendered when they are queued, in the request that causes them;
    the task worker only sends what was rendered."""
    site_url = base_url(request)
    return {
        "site_name": str(SITE_NAME),
        "site_url": site_url,
        "home_url": site_url + reverse("wagtail_serve", args=("",)),
    }


def send_templated_email(template, context, recipient, *, language=None, request=None, key=None):
    """Renders `<template>_subject.txt` and `<template>_body.txt` in the recipient's language
    (their `language`, else the site default) and queues the message for them. A mail server
    that is down delays it, never the caller. With a `key`, a second email with the same key is
    never queued (e.g. one reminder per registration). Links go to the address of the request
    being served (`request`, else the current one) if it is one of the site's own, else to
    WAGTAILADMIN_BASE_URL."""
    language = language or getattr(recipient, "language", None) or settings.LANGUAGE_CODE
    request = request or current_request()
    with translation.override(language):
        context = {"recipient": recipient, **email_context(request), **context}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    message = EmailMessage(subject, body, to=[recipient.email])
    queue_email(message, key=key)
    return message
