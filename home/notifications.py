"""The one way the platform sends email: a subject and a body template, rendered in the
recipient's language now, sent by the task worker (home.mail)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from .mail import queue_email


def send_templated_email(template, context, recipient, *, language=None, request=None, key=None):
    """Renders `<template>_subject.txt` and `<template>_body.txt` in the recipient's language
    (their `language`, else the site default) and queues the message for them. A mail server
    that is down delays it, never the caller. With a `key`, a second email with the same key is
    never queued (e.g. one reminder per registration)."""
    language = language or getattr(recipient, "language", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"recipient": recipient, "site_url": settings.WAGTAILADMIN_BASE_URL, **context}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context, request).split())
        body = render_to_string(f"{template}_body.txt", context, request)
    message = EmailMessage(subject, body, to=[recipient.email])
    queue_email(message, key=key)
    return message
