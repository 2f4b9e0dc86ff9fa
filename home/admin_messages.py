"""wagtail-localize's words on the admin pages editors use, where its catalogues leave them in
English or singular (the translations report: "Content type" in Dutch, "Übersetzung" as the
heading of a list of translations).

Our catalogues (LOCALE_PATHS) come before the packages', so translating their message ids there
overrides them. `makemessages` keeps only the ids it finds in our sources: this list is where it
finds these. Nothing imports it (see home/allauth_messages.py for allauth's)."""

from django.utils.translation import gettext_noop

ADMIN_MESSAGES = [
    gettext_noop("Translations"),
    gettext_noop("Content type"),
    gettext_noop("Source title"),
    gettext_noop("No translations found."),
    gettext_noop("Waiting for translations"),
]

# Wagtail's message after logging out of the admin, shown on the site's login page: its Dutch
# catalogue says "je" ("Je bent succesvol uitgelogd."), the site says "u" ("U bent afgemeld."
# after logging out of the site). Inside the admin, Wagtail's "je" stays: it is Wagtail's own.
WAGTAIL_LOGOUT_MESSAGES = [gettext_noop("You have been successfully logged out.")]

# Wagtail's moderation emails to editors and moderators: its Dutch catalogue says "je" there,
# the site says "u".
WAGTAIL_EMAIL_MESSAGES = [
    gettext_noop("You can view the page here:"),
    gettext_noop("You can edit the page here:"),
    gettext_noop("You can preview the page here:"),
    gettext_noop("Edit your notification preferences here:"),
]

# Wagtail's review actions, as the dashboard and the page editor offer them: its German catalogue
# mixes "Freigeben" and "Mit Kommentar genehmigen" and capitalises "und Veröffentlichen", its
# Dutch one puts a noun ("Wijzigingsverzoek") among the verbs.
WAGTAIL_REVIEW_ACTIONS = [
    gettext_noop("Request changes"),
    gettext_noop("Approve"),
    gettext_noop("Approve with comment"),
    gettext_noop("%(label)s and Publish"),
]

# Wagtail's refusal of an admin page a role may not open (a moderator at the exchange visits):
# its Dutch catalogue says "je".
WAGTAIL_REFUSALS = [gettext_noop("Sorry, you do not have permission to access this area.")]
