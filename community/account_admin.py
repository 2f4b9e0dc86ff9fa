"""Wagtail's "Account" page with the name optional: an administrator made with `manage.py
createsuperuser` has none, and Wagtail's page asked for a first and a last name before it saved
anything, a language or a new password included, above an empty error banner (outsider's pass
of 2026-12-04). Nobody on the site is called by them: members and editors by their email address
or display name. Its confirmation is in the admin language just chosen, addressing the editor as
the admin does ("u", "Sie"): Wagtail's came in the language the page was sent from, and in Dutch
with "je". Routed in place of Wagtail's own view (jumelage/urls.py)."""

from django.contrib import messages
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.views.account import AccountView, NameEmailSettingsPanel
from wagtail.users.models import UserProfile

from home.validators import validate_one_line


class NameForm(NameEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name"):
            self.fields[name].required = False
            # Shown in Wagtail's history, the users list and exports: one line, no direction
            # override (attack of 2026-12-04: `\u202eevil` was saved), as members' names.
            self.fields[name].validators.append(validate_one_line)


class NamePanel(NameEmailSettingsPanel):
    form_class = NameForm


class Account(AccountView):
    def get_panels(self):
        return [
            NamePanel(panel.request, panel.user, panel.profile)
            if type(panel) is NameEmailSettingsPanel
            else panel
            for panel in super().get_panels()
        ]

    def post(self, request):
        response = super().post(request)
        if response.status_code != 302:
            return response
        # Wagtail's confirmation is the success among the messages. Reading them marks them all
        # as shown; the others are added again.
        for message in list(messages.get_messages(request)):
            if message.level != messages.SUCCESS:
                messages.add_message(request, message.level, message.message, message.extra_tags)
        language = UserProfile.get_for_user(request.user).get_preferred_language()
        with translation.override(language):
            messages.success(request, _("Your account settings have been saved."))
        return response
