"""Wagtail's "Account" page with the name optional: an administrator made with `manage.py
createsuperuser` has none, and Wagtail's page asked for a first and a last name before it saved
anything, a language or a new password included, above an empty error banner (outsider's pass
of 2026-12-04). Nobody on the site is called by them: members and editors by their email address
or display name. Its confirmation is in the admin language just chosen, addressing the editor as
the admin does ("u", "Sie"): Wagtail's came in the language the page was sent from, and in Dutch
with "je". Routed in place of Wagtail's own view (jumelage/urls.py)."""

from django import forms
from django.contrib import messages
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.views.account import AccountView, BaseSettingsPanel, NameEmailSettingsPanel
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


class NothingToSave(forms.Form):
    """The form of a panel that only leads elsewhere: the account page saves every panel's."""

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, **kwargs)

    def save(self):
        pass


class LoginPanel(BaseSettingsPanel):
    """Where her password and address are changed: on the site, through allauth, which asks for
    the password first, tells her by email and holds tries to its limits. Wagtail's own password
    form on this page did none of it (attack 42; WAGTAIL_PASSWORD_MANAGEMENT_ENABLED is off, as
    is its address form). Registered in community/wagtail_hooks.py."""

    name = "login"
    title = gettext_lazy("Password and email address")
    order = 150
    form_class = NothingToSave
    template_name = "wagtailadmin/account/settings_panels/login.html"

    def get_context_data(self):
        # The site's pages in her language there (the admin may be in English, the site not).
        language = translation.get_language()
        with translation.override(language if language in ("nl", "de") else "nl"):
            return {
                **super().get_context_data(),
                "password_url": reverse("account_change_password"),
                "email_url": reverse("account_email"),
            }


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
