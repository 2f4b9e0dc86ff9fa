"""The one helper that turns a path into an absolute URL."""

from allauth.core import context as allauth_context
from django.conf import settings


def current_request():
    """The request being served in this thread, or None (a task, a management command).
    allauth's middleware (in MIDDLEWARE for every request) keeps it for allauth's own emails; our
    emails use it the same way, so a notification sent deep inside a model method or a signal
    handler still links to the address the visitor used."""
    return allauth_context.request


def base_url(request=None):
    """`scheme://host[:port]` of the request, else the public address in WAGTAILADMIN_BASE_URL
    (which `make run` sets to the address it serves)."""
    if request is None:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{request.scheme}://{request.get_host()}"


def absolute_url(request, path):
    """Absolute URLs come from the request's host, so every domain (and every test client)
    gets links to itself, whatever the Site record says. Without a request (an email sent by a
    background task) the public address from WAGTAILADMIN_BASE_URL is used."""
    if path.startswith(("http://", "https://")):
        return path
    if request is None:
        return base_url() + path
    return request.build_absolute_uri(path)
