"""Django's own form errors, in our register.

Django REST framework (installed for Wagtail's API) has catalogues that come before Django's
own, and they say "du" in German ("Gib eine gültige E-Mail Adresse an.") and use other words
in Dutch. Our catalogues (LOCALE_PATHS) come before both, so translating Django's message ids
there decides them. `makemessages` keeps only the ids it finds in our sources: this list is
where it finds these. Nothing imports it (tests/test_form_messages.py finds any id a package's
catalogue words differently from Django's and ours leaves out)."""

from django.utils.translation import gettext_noop

FORM_MESSAGES = [
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid URL."),
    gettext_noop("No file was submitted."),
    gettext_noop("The submitted file is empty."),
    gettext_noop(
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ),
]
