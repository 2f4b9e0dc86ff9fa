"""Wagtail's page and site history, read in the language of whoever reads it."""


def read_with(actions, names, shown):
    """Wagtail's formatters of the log actions `names` format each entry's data as stored, in the
    language of whoever acted; each now formats `shown(data)` instead, for entries written before
    this too (the data stays as stored)."""
    for action in names:
        formatter = actions.formatters.get(action)
        if formatter is None:
            continue
        as_stored = formatter.format_message

        def format_message(log_entry, as_stored=as_stored):
            stored = log_entry.data
            log_entry.data = shown(stored)
            try:
                return as_stored(log_entry)
            finally:
                log_entry.data = stored

        formatter.format_message = format_message
