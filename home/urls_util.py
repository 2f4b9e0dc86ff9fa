"""The one helper that turns a path into an absolute URL."""

from django.conf import settings


def absolute_url(request, path):
    """Absolute URLs come from the request's host, so every domain (and every test client)
    gets links to itself, whatever the Site record says. Without a request (an email sent by a
    background task) the public address from WAGTAILADMIN_BASE_URL is used."""
    if path.startswith(("http://", "https://")):
        return path
    if request is None:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
    return request.build_absolute_uri(path)
