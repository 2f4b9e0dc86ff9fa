"""Taking back a message another part queued for the next page (Wagtail's admin, say), where
ours says it better: Django's message storage has no way to remove one, but reading the
messages takes them all, and the others are queued again, in their order."""

from django.contrib import messages
from django.utils.html import escape


def withdraw(request, unwanted, *, buttons=False):
    """Takes back the queued messages whose text is one of `unwanted`, also as Wagtail's admin
    queues them: rendered through a template, escaped and with line breaks around them; with
    `buttons`, also followed by the buttons Wagtail renders after the text."""
    unwanted = {form for text in unwanted for form in (str(text), str(escape(text)))}
    for message in list(messages.get_messages(request)):
        text = str(message.message)
        if buttons:
            text = text.split(BUTTONS, 1)[0]
        if text.strip() not in unwanted:
            messages.add_message(request, message.level, message.message, message.extra_tags)


# What follows the text of a message with buttons (wagtailadmin/shared/messages.html).
BUTTONS = '<span class="buttons">'
