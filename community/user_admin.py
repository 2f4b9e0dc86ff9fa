"""Wagtail's users admin with the language of each person's emails (`User.language`): chosen
when an administrator adds or edits an account, so a German editor added in the admin is not
written to in Dutch, the default, by allauth and by us. Wired in by `UsersAppConfig`
(community/users_app.py), the way Wagtail's documentation customises its user forms."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.models import UserProfile
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

LANGUAGE_HELP = _("The language of the emails this person receives from the site.")


class LanguageCreationForm(UserCreationForm):
    """The language is chosen, never guessed: a preselected one (the administrator's own) was
    left as it stood for a German editor, and one inferred from the groups overrode a choice
    the form showed (walk of 2026-12-04)."""

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"language"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["language"]
        field.help_text = LANGUAGE_HELP
        field.required = True
        field.choices = [("", "---------"), *settings.LANGUAGES]
        field.initial = None

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            # Wagtail's own emails (moderation) and the admin speak it too, until they choose.
            profile = UserProfile.get_for_user(user)
            if not profile.preferred_language:
                profile.preferred_language = user.language
                profile.save(update_fields=["preferred_language"])
        return user


class LanguageEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"language"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].help_text = LANGUAGE_HELP


class UserViewSet(WagtailUserViewSet):
    # Wagtail's copy of an account: its address took a POST meant for a new account and
    # overwrote the account copied (Wagtail 8.0.1's generic copy view; attack of 2026-12-04).
    # An account is added, not copied.
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return LanguageEditForm if for_update else LanguageCreationForm
