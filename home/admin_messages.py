"""wagtail-localize's words on the admin pages editors use, where its catalogues leave them in
English or singular (the translations report: "Content type" in Dutch, "Übersetzung" as the
heading of a list of translations).

Our catalogues (LOCALE_PATHS) come before the packages', so translating their message ids there
overrides them. `makemessages` keeps only the ids it finds in our sources: this list is where it
finds these. Nothing imports it (see home/allauth_messages.py for allauth's)."""

from django.utils.translation import gettext_noop, ngettext_lazy

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

# Wagtail's answer to a wrong password of a private page, shown on the site's password page
# (templates/password_required.html): its Dutch catalogue says "je".
WAGTAIL_PAGE_PASSWORD_MESSAGES = [
    gettext_noop("The password you have entered is not correct. Please try again."),
]

# Wagtail's moderation emails to editors and moderators: its Dutch catalogue says "je" there,
# the site says "u".
WAGTAIL_EMAIL_MESSAGES = [
    gettext_noop("You can view the page here:"),
    gettext_noop("You can edit the page here:"),
    gettext_noop("You can preview the page here:"),
    gettext_noop("Edit your notification preferences here:"),
]

# Wagtail's notice of new comments on a page an editor follows (subject and first line): its
# Dutch catalogue glues the name to the verb ("Marieke Hoekstraheeft opmerkingen…").
WAGTAIL_COMMENT_MESSAGES = [
    gettext_noop('%(editor)s has updated comments on "%(title)s"'),
    gettext_noop('%(editor)s has updated comments on "%(title)s".'),
]

# wagtail-localize's title of its translation editor, in the browser's tab: its Dutch catalogue
# drops the space before "naar" ("Vertaling van Over onsnaar Duits"; walk 15).
WAGTAIL_LOCALIZE_TITLES = [gettext_noop("Translation of %(instance)s into %(locale)s")]

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

# Wagtail's page status, in the explorer, the reports and their spreadsheets: its Dutch catalogue
# leaves "live" in English ("live + concept"); the site says "gepubliceerd".
WAGTAIL_PAGE_STATUSES = [
    gettext_noop("live"),
    gettext_noop("live + draft"),
    gettext_noop("live + scheduled"),
    gettext_noop("live + in moderation"),
]

# Wagtail's count above the explorer's listing: its Dutch catalogue drops the spaces around
# "van" ("1-9van 9pagina's") and moves the dash ("19- van 9"). Ours write the range with an en
# dash ("1–9 van 9"), as a range is written in both languages.
WAGTAIL_LISTING_COUNTS = [
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in "
        "'<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
]

# Django's refusal of a password like the account's own details: its Dutch catalogue says
# "lijkt te veel op de e-mailadres", its German one "zu ähnlich zu E-Mail-Adresse".
DJANGO_PASSWORD_MESSAGES = [gettext_noop("The password is too similar to the %(verbose_name)s.")]

# Django's refusal of a short password on the sign-up, password reset and password change pages:
# its Dutch catalogue has no translation since the message counts with "%d" (Django 5.2), so the
# Dutch pages said "This password is too short. It must contain at least 8 characters." (walk 8).
DJANGO_PASSWORD_LENGTH_MESSAGES = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
]

# Wagtail's review emails about a page: its German catalogue calls the review task
# "Moderationsphase" where our body of the submission email says "Prüfstufe"
# (templates/wagtailadmin/notifications/task_state_submitted.txt); subjects and bodies alike.
WAGTAIL_REVIEW_STAGE_MESSAGES = [
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s".'
    ),
    gettext_noop('The page "%(title)s" has been approved in moderation stage "%(task)s".'),
    gettext_noop('The page "%(title)s" has been rejected in moderation stage "%(task)s".'),
]

# Wagtail's count of images on the dashboard, whose words are read out to screen readers: its
# Dutch catalogue drops the space before the site's name in the plural ("44 Afbeeldingen
# aangemaakt inJumelage …"). Not imported, so never evaluated: ngettext_lazy only marks the pair.
WAGTAIL_DASHBOARD_COUNTS = [
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
]

# Wagtail's confirmations ("Are you sure…?"): its Dutch catalogue says "je" there, where our
# refusals and explanations on the same screens say "u" (editors' walk of 2026-12-04: "Weet je
# zeker dat je deze pagina's wilt verwijderen?" under our "U kunt …"). Its German ones are kept,
# with their slips mended ("Sie Sie sicher", "für diesen Benutzern").
WAGTAIL_CONFIRMATIONS = [
    gettext_noop("Are you sure you want to delete these pages?"),
    gettext_noop("Are you sure you want to move these pages?"),
    gettext_noop("Are you sure you want to publish these pages?"),
    gettext_noop("Are you sure you want to unpublish these pages?"),
    gettext_noop("Are you sure you want to convert this alias into an ordinary page?"),
    gettext_noop("Are you sure you want to delete this page?"),
    gettext_noop("Are you sure you want to move this page into '%(title)s'?"),
    gettext_noop(
        "Are you sure you want to move this page and all of its children into '%(title)s'?"
    ),
    gettext_noop("Are you sure you want to unpublish this page?"),
    gettext_noop("Are you sure you want to unschedule this revision?"),
    gettext_noop("Are you sure you want to disable this workflow?"),
    gettext_noop("Are you sure you want to disable this task?"),
    gettext_noop("Are you sure you want to delete this collection?"),
    gettext_noop("Are you sure you want to delete this redirect?"),
    gettext_noop("Are you sure you want to assign this role to these users?"),
    gettext_noop("Are you sure you want to delete these users?"),
    gettext_noop("Are you sure you want to change the active state for these users?"),
    gettext_noop("Are you sure you want to delete this group?"),
    gettext_noop("Are you sure you want to delete this %(snippet_type_name)s?"),
]

# Where Wagtail's German catalogue says "du" among its "Sie" (walk of 2026-12-04: the privacy
# dialog's "Wähle aus, wer …").
WAGTAIL_GERMAN_INFORMAL = [
    gettext_noop("Choose who can view the live version of this page"),
    gettext_noop("Select a new parent page"),
    gettext_noop("Select a new language"),
    gettext_noop("Please add some alt text for your image or mark it as decorative"),
]

# wagtail-localize's action that brings a source's changes to its translations: its German
# catalogue words it "Synchronisiere übersetzte Seiten" (the imperative of "du", or "I"), among
# Wagtail's "Verschieben", "Kopieren", "Löschen" in the same menu (walk 8).
WAGTAIL_LOCALIZE_SYNC_ACTIONS = [
    gettext_noop("Sync translated pages"),
    gettext_noop("Sync translated snippets"),
    gettext_noop("Sync translated %(model_name)s"),
]

# Wagtail's page editor, deletion and users' listing where its catalogues leave words half
# translated (walk of 2026-12-05: "Dieses Seite-Objekt wird 0 Mal referenziert", "Jeder kann
# dieses seite-Objekt bearbeiten", "Locales umschalten", "Er bestaan 0 verwijzingen naar pagina",
# "Stel actief status in"). The model's name, lower case in the lock's text, comes first, where
# Wagtail capitalises it, and stands where no article has to agree with it.
WAGTAIL_HALF_TRANSLATED = [
    gettext_noop("Anyone can edit this %(model_name)s"),
    gettext_noop("Anyone can edit this %(model_name)s – lock it to prevent others from editing"),
    gettext_noop("Switch locales"),
    gettext_noop("Available in %(translations_total)s locales"),
    gettext_noop("Set active state"),
    ngettext_lazy(
        "This %(model_name)s is referenced %(usage_count)s time.",
        "This %(model_name)s is referenced %(usage_count)s times.",
        "usage_count",
    ),
]

# How long ago a page was changed, in the explorer, the dashboard and the reports: Wagtail's German
# catalogue drops "ago" ("Zuletzt geändert: 8 Minuten"). With "vor", Django's counts of days,
# months and years take the dative in German ("vor 3 Tagen"); only Wagtail's "… ago" shows them
# (humanize's naturaltime, in the workflow panel, has its own).
WAGTAIL_TIME_AGO = [
    gettext_noop("%(time_period)s ago"),
    gettext_noop("%(time_period)s ago by %(user_display_name)s"),
    ngettext_lazy("%(num)d day", "%(num)d days", "num"),
    ngettext_lazy("%(num)d month", "%(num)d months", "num"),
    ngettext_lazy("%(num)d year", "%(num)d years", "num"),
]

# Wagtail's review states, in the workflow reports: its Dutch catalogue words a request for
# changes "Heeft wijziging nodig" in one report and, as its task's state, "Afgewezen" in the
# other. The task's "Rejected" covers both an editor's request for changes and a final "no"
# (community/contributions.py `reject`), so it says neither: "not approved". A submission sent
# back reads as the member's page words it ("Wijzigingen gevraagd").
WAGTAIL_REVIEW_STATES = [gettext_noop("Needs changes"), gettext_noop("Rejected")]

# Wagtail's word for a language setting: the Account page's heading of the admin language and
# time zone, the language column of its listings. Its German catalogue leaves "Locale" in English,
# its Dutch one says "Taalregio", which the site says nowhere. Its Dutch help for a page's title
# says "je".
WAGTAIL_LANGUAGE_WORDS = [
    gettext_noop("Locale"),
    gettext_noop("The page title as you'd like it to be seen by the public"),
]

# wagtail-localize's note in the editor of a page not translated yet (an alias): the language
# named as an adjective glued to the page ("Het is een kopie van Deutschpagina", "Sie spiegelt
# die Nederlands Seite wider"); ours name it after the page, as the reader says it ("de pagina in
# het Duits", "die Seite auf Niederländisch"; the names come from WAGTAIL_CONTENT_LANGUAGES).
WAGTAIL_LOCALIZE_LANGUAGE_SENTENCES = [
    gettext_noop(
        "This page hasn't been translated yet. It is mirroring the <a "
        'href="%(edit_original_page_url)s" target="_blank">%(original_locale)s page</a>.'
    ),
]

# wagtail-localize's messages on publishing a translation: the language glued in after "in"
# ("‘Over ons’ in Duits gepubliceerd", "'Über uns' in Deutsch veröffentlicht"), where the reader
# says "in het Duits", "auf Deutsch"; the name quoted „…” and „…“ as ours.
WAGTAIL_LOCALIZE_PUBLISHED = [
    gettext_noop("Published '{object}' in {locale}."),
    gettext_noop("Published '{object}' in {locale} with missing translations - see below."),
    gettext_noop(
        "New validation errors were found when publishing '{object}' in {locale}. Please fix "
        "them or click publish again to ignore these translations for now."
    ),
]

# Wagtail's privacy dialog and the status panel: the German catalogue says "Privatsphäre"
# (someone's personal privacy) where the Dutch says "zichtbaarheid"; neither says that a page's
# privacy holds for its version in the other language too (home/visibility.py), and the panel's
# screen reader label read "Locale: Deutsch" (walk of 2026-12-05, F4, F9).
WAGTAIL_PRIVACY_WORDS = [
    gettext_noop("Change privacy"),
    gettext_noop("Privacy changes apply to all children of this page too."),
    gettext_noop("You can edit the privacy settings on:"),
    gettext_noop("Locale: "),
]

# The languages to translate a page into, on wagtail-localize's "Translate this page": its German
# catalogue leaves "Locale", its Dutch one says "Taalregio's" (walk W3); Wagtail's menu item of
# the same name (Settings → Locales) reads as plainly.
WAGTAIL_LOCALIZE_LOCALES = [gettext_noop("Locales")]

# Wagtail's answer to a review email's link opened after the review was done: its German
# catalogue runs the title into the word before it, in straight quotes ("Die Seite'Walker …'
# wartet …", walk W8), its Dutch one speaks of "content goedkeuring". Ours quote as the admin's
# other sentences do (‘…’ in Dutch, „…“ in German).
WAGTAIL_NOT_AWAITING_MODERATION = [
    gettext_noop("The page '%(page_title)s' is not currently awaiting moderation."),
    gettext_noop(
        "The page '%(page_title)s' is not currently awaiting moderation in task '%(task_name)s'."
    ),
]

# Wagtail's page history of a page sent back for changes: "Abgelehnt bei „…“. Änderungen
# angefordert" / "Afgekeurd op '…'. Wijziging verzocht", where the workflow reports and the
# review say "Änderungen erbeten" / "Wijzigingen gevraagd" (walk W9).
# The other workflow entries in the same quotes and with the same preposition ("bij"): the Dutch
# catalogue had "Goedgekeurd op '…'" in straight quotes under "Wijzigingen gevraagd bij ‘…’".
WAGTAIL_HISTORY_MESSAGES = [
    gettext_noop("Rejected at '%(task)s'. Changes requested"),
    gettext_noop("Approved at '%(task)s'. '%(workflow)s' complete"),
    gettext_noop("Approved at '%(task)s'. Next step '%(next_task)s'"),
    gettext_noop("'%(workflow)s' started. Next step '%(task)s'"),
    gettext_noop("Resubmitted '%(task)s'. Workflow resumed"),
    gettext_noop("Cancelled '%(workflow)s' at '%(task)s'"),
]

# Wagtail's names of actions in the history's action filter: "Workflow: taak afkeuren" /
# "Aufgabe ablehnen" where the review and the history say "Wijzigingen vragen" / "Änderungen
# erbitten", a noun ("Abbruch") among verbs, and Dutch imperatives ("Hernoem", "Verplaats",
# "Voeg weergavebeperkingen toe") among infinitives ("Publiceren", "Verwijderen"). Ours are
# infinitives throughout, and the review's verbs.
WAGTAIL_HISTORY_ACTIONS = [
    gettext_noop("Rename"),
    gettext_noop("Revert"),
    gettext_noop("Move"),
    gettext_noop("Reorder"),
    gettext_noop("Convert alias into ordinary page"),
    gettext_noop("Add view restrictions"),
    gettext_noop("Update view restrictions"),
    gettext_noop("Remove view restrictions"),
    gettext_noop("Add comment"),
    gettext_noop("Edit comment"),
    gettext_noop("Delete comment"),
    gettext_noop("Resolve comment"),
    gettext_noop("Reply to comment"),
    gettext_noop("Edit reply to comment"),
    gettext_noop("Delete reply to comment"),
    gettext_noop("Workflow: start"),
    gettext_noop("Workflow: approve task"),
    gettext_noop("Workflow: reject task"),
    gettext_noop("Workflow: resume task"),
    gettext_noop("Workflow: cancel"),
]

# Wagtail's report of workflow tasks (its menu item and heading): its Dutch catalogue writes the
# compound in two words ("Workflow taken", walk W14).
WAGTAIL_REPORT_NAMES = [gettext_noop("Workflow tasks")]

# The dashboard's link to Wagtail's guide, beside the account: the guide is in English, which its
# Dutch and German names did not say (the help menu's link says it too, home/wagtail_hooks.py).
WAGTAIL_EDITOR_GUIDE = [gettext_noop("Wagtail %(current_version)s editor guide")]

# The rich text toolbar's buttons and the keyboard shortcuts dialog: Wagtail's Dutch catalogue
# "translates" these as themselves, so the Dutch editor read them in English (walk W10;
# tests/test_admin_words.py).
WAGTAIL_FORMATTING = [
    gettext_noop("Bold"),
    gettext_noop("Italic"),
    gettext_noop("Monospace (code)"),
]

# Wagtail's admin 404 (jumelage/views.page_not_found under /admin/): its Dutch catalogue leaves
# "Error 404" in English and says "Wagtail admin" where the site says "beheeromgeving".
WAGTAIL_ADMIN_NOT_FOUND = [
    gettext_noop("Error 404"),
    gettext_noop("Error 404: Page not found"),
    gettext_noop("The requested page could not be found."),
    gettext_noop("Go to Wagtail admin"),
]

# The status panel of a page in review, in its editor: the review task's name is a sentence
# ("Die Moderation prüft Beiträge"), which Wagtail runs into "Gesendet an Die Moderation prüft
# Beiträge vor 52 Sekunden" / "Verstuurd naar Moderatoren beoordelen bijdragen …"; ours name the
# task after a colon, the time after it in brackets (humanize's "jetzt" / "nu" reads there too).
# Its lock says "dieses Seite-Objekt", "Reviewer" and "Gutachter" in one sentence (worded as
# WAGTAIL_HALF_TRANSLATED's), its count of references "0 mal referenziert"; a page sent back
# reads "Wijzigingsverzoek" where the review says "Wijzigingen gevraagd" / "Änderungen erbeten"
# (WAGTAIL_HISTORY_MESSAGES).
WAGTAIL_REVIEW_STATUS = [
    gettext_noop("Sent to %(task_name)s %(started_at)s"),
    gettext_noop("Changes requested %(finished_at)s"),
    gettext_noop(
        "Reviewers can edit this %(model_name)s – lock it to prevent other reviewers from editing"
    ),
    ngettext_lazy("Referenced %(count)s time", "Referenced %(count)s times", "count"),
]

# Wagtail's German catalogue misspells "Benachrichtigung": "Kommentarbenachichtigungen" in the
# page editor's comments panel and on the Account page's notification settings, "Benachrichtung"
# in the help of two of its switches. Its Dutch one writes "Opmerkingen notificaties" apart and
# says "je" in one help text (tests/test_admin_words.py).
WAGTAIL_NOTIFICATION_SETTINGS = [
    gettext_noop("Comment notifications"),
    gettext_noop("updated comments notifications"),
    gettext_noop("Receive notification when a page is submitted for moderation"),
    gettext_noop("Receive notification when your page edit is rejected"),
]

# The dashboard's heading (read out to screen readers) and the page editor's action that sends a
# page into our workflow: Wagtail's Dutch catalogue writes "Site samenvatting" apart and says
# "Stuur door naar Beoordeling van bijdragen" (an imperative among the menu's infinitives, the
# workflow's name read as a place); its German one says "Seitenzusammenfassung" (a page's, not
# the site's) and "In Prüfung von Beiträgen einreichen". Ours name the workflow (and, sent back,
# the task, a sentence: "Erneut in Die Moderation prüft Beiträge einreichen") after a colon, as
# WAGTAIL_REVIEW_STATUS does.
WAGTAIL_DASHBOARD_AND_SUBMIT = [
    gettext_noop("Site summary"),
    gettext_noop("Submit to %(workflow_name)s"),
    gettext_noop("Resubmit to %(task_name)s"),
]

# wagtail-localize's sync page (a page's or a town's "Sync translated …"): its German catalogue
# asks "Warum würde ich meine Seite synchronisieren?" and leaves out the comma before the
# infinitive ("Sie sind dabei das Folgende zu synchronisieren").
WAGTAIL_LOCALIZE_SYNC_PAGE = [
    gettext_noop("Why would I sync my page?"),
    gettext_noop("The last sync date was %(last_sync_date)s. You are about to sync the following:"),
]

# The page editor's checks panel and status, the explorer's bulk actions and the Account page, as
# the editors' walk of 2026-12-07 read them: Wagtail's Dutch catalogue leaves "Checks" and
# "Content statistieken" half English, writes compounds apart ("Bulk acties", "Pagina type",
# "Systeem standaard"), says "live" where the site says "gepubliceerd" (WAGTAIL_PAGE_STATUSES)
# and "Incomplete taak"; its German one says "Live-Seite besuchen".
WAGTAIL_EDITOR_WORDS = [
    gettext_noop("Checks"),
    gettext_noop("Content metrics"),
    gettext_noop("Visit the live page"),
    gettext_noop("Visible to all. Visit the live page"),
    gettext_noop("Once live anyone can view"),
    gettext_noop("Bulk actions"),
    gettext_noop("Page type"),
    gettext_noop("Page types"),
    gettext_noop("System default"),
    gettext_noop("Incomplete task"),
]

# Wagtail's German catalogue words the sort links' tooltips and the page editor's heading as
# imperatives of "du" ("Sortiere nach 'Status' in aufsteigender Reihenfolge.", "Bearbeite
# Geschichte"), among its "Sie" and its infinitives ("Sortieren"); and its word for a
# translatable model's language (the column of the towns' listing) is "Locale" / "taalregio",
# where the site says "Sprache" / "taal" (WAGTAIL_LANGUAGE_WORDS). Walk of 2026-12-07.
WAGTAIL_LISTING_WORDS = [
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop(
        "Sort the order of child pages within '%(parent)s' by '%(label)s' in ascending order."
    ),
    gettext_noop(
        "Sort the order of child pages within '%(parent)s' by '%(label)s' in descending order."
    ),
    gettext_noop("Editing %(page_type)s"),
    gettext_noop("locale"),
]

# The filter of Wagtail's report of pages not published for long ("aging pages"): its German
# catalogue misspells it ("Zuletzt veröffentlich vor"), its Dutch one says "Gepubliceerd voor"
# (read as "published for"). Walk of 2026-12-07.
WAGTAIL_REPORT_FILTERS = [gettext_noop("Last published before")]

# wagtail-localize's translation of a town (Snippets → Towns → "Translate"), as the newcomer's
# walk read it: the heading of the translation's editor (read out to screen readers) glued the
# model's name to the town's ("Wijzigen: gemeenteOldemarkt (Steenwijkerland)"); the message
# started with the model's name in lower case, in straight quotes and without a full stop
# ("gemeente 'Oldemarkt …' is succesvol verzonden om vertaald te worden in het Duits"), the
# German gave "Gemeinde" the article of a neuter ("Das Gemeinde '…' … in Deutsch eingereicht")
# and headed the form "Übersetze Gemeinde". Ours put no article before the model's name (its
# gender differs from one model to the next) and quote as the admin's other sentences do; a
# page's message is worded the same.
WAGTAIL_LOCALIZE_SNIPPET_TRANSLATION = [
    gettext_noop("Translate {model_name}"),
    gettext_noop("Editing %(object_type)s %(title)s"),
    gettext_noop(
        "The {model_name} '{object}' was successfully submitted for translation into {locales}"
    ),
    gettext_noop(
        "The page '{page_title}' was successfully submitted for translation into {locales}"
    ),
]

# More of Wagtail's German "du" (the imperative) on the pages editors and the moderation use:
# the heading of every edit page of a report, a town or a member ("Bearbeite: …", the
# newcomer's walk), of a snippet's deletion ("Lösche Gemeinde", whose Dutch reads
# "Verwijdergemeente"), the page copy's alias option ("Halte neue Seiten … aktuell.") and
# wagtail-localize's towns' sync action as read out ("Synchronisere Übersetzungen von …").
# Wagtail's workflows', collections' and locales' settings, which only administrators open, keep
# theirs.
WAGTAIL_GERMAN_IMPERATIVES = [
    gettext_noop("Editing"),
    gettext_noop("Delete %(snippet_type_name)s"),
    gettext_noop("Keep the new pages updated with future changes"),
    gettext_noop("Sync translations of '%(title)s'"),
]

# Wagtail's confirmations of an object saved or deleted in the admin (a report handled, a town
# renamed) and the history's line of an alias made a page of its own: its catalogues quote the
# name with typewriter quotes ("Melding 'Fietsen …' bijgewerkt.", walk 10), where every message
# of ours quotes „…” (Dutch) and „…“ (German).
WAGTAIL_QUOTED_NAMES = [
    gettext_noop("%(model_name)s '%(object)s' created."),
    gettext_noop("%(model_name)s '%(object)s' updated."),
    gettext_noop("%(model_name)s '%(object)s' deleted."),
    gettext_noop("%(model_name)s '%(object)s' created and published."),
    gettext_noop("%(model_name)s '%(object)s' updated and published."),
    gettext_noop("Converted the alias '%(title)s' into an ordinary page"),
    gettext_noop("Page '%(page_title)s' created."),
    gettext_noop("Page '%(page_title)s' created and published."),
    gettext_noop("Page '%(page_title)s' created and submitted for moderation."),
    gettext_noop("Page '%(page_title)s' deleted."),
    gettext_noop("Page '%(page_title)s' has been updated."),
    gettext_noop("Page '%(page_title)s' has been published."),
    gettext_noop("Page '%(page_title)s' has been submitted for moderation."),
    gettext_noop("Page '%(page_title)s' has been scheduled for publishing."),
    gettext_noop("Page '%(page_title)s' unpublished."),
    gettext_noop("Page '%(page_title)s' moved."),
    gettext_noop("Page '%(page_title)s' copied."),
    gettext_noop("Page '%(page_title)s' has been converted into an ordinary page."),
]

# The first step of the admin's breadcrumbs, which leads to the dashboard: "Home" in both
# catalogues, English beside the sidebar's "Dashboard" (walk 10).
WAGTAIL_BREADCRUMB_ROOT = [gettext_noop("Home")]
