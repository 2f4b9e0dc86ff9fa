"""The one helper that turns a path into an absolute URL."""


def absolute_url(request, path):
    """Absolute URLs come from the request's host, so every domain (and every test client)
    gets links to itself, whatever the Site record says."""
    if path.startswith(("http://", "https://")):
        return path
    return request.build_absolute_uri(path)
