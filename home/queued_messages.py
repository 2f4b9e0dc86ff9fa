"""Taking back a message another part queued for the next page (Wagtail's admin, say), where
ours says it better: Django's message storage has no way to remove one, but reading the
messages takes them all, and the others are queued again, in their order."""

from django.contrib import messages
from django.utils.html import escape


def withdraw(request, unwanted):
    """Takes back the queued messages whose text is one of `unwanted`, also as Wagtail's admin
    queues them: rendered through a template, escaped and with line breaks around them."""
    unwanted = {form for text in unwanted for form in (str(text), str(escape(text)))}
    for message in list(messages.get_messages(request)):
        if str(message.message).strip() not in unwanted:
            messages.add_message(request, message.level, message.message, message.extra_tags)
