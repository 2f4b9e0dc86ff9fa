"""URL converters shared by the apps' URL patterns."""


class IdConverter:
    """A database id: at most 18 digits, so it fits every database's integer column. A longer
    number is a page not found, not an overflow inside the database driver."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)
