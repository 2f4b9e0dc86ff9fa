"""Wagtail's users admin with the language of each person's emails (`User.language`): chosen
when an administrator adds or edits an account, so a German editor added in the admin is not
written to in Dutch, the default, by allauth and by us. Wired in by `UsersAppConfig`
(community/users_app.py), the way Wagtail's documentation customises its user forms."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.models import UserProfile
from wagtail.users.views.users import CreateView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from community import roles

LANGUAGE_HELP = _("The language of the emails this person receives from the site.")


def language_of_groups(groups):
    """The language of the one foundation whose editors' groups are among `groups` (a query
    set: the names as stored, not as shown in the admin's language), else None."""
    names = groups.filter(name__in=roles.FOUNDATION_OF_GROUP).values_list("name", flat=True)
    countries = {roles.FOUNDATION_OF_GROUP[name] for name in names}
    languages = {code for code, _name in settings.LANGUAGES}
    if len(countries) == 1 and (language := countries.pop().lower()) in languages:
        return language
    return None


class LanguageCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"language"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].help_text = LANGUAGE_HELP

    def clean(self):
        cleaned_data = super().clean()
        # Left as it was offered (the administrator's own language), the language follows the
        # foundation the account's editors' group belongs to: a German editor reads German.
        if "language" not in self.changed_data:
            groups = cleaned_data.get("groups") or Group.objects.none()
            language = language_of_groups(groups)
            cleaned_data["language"] = language or cleaned_data.get("language")
        return cleaned_data

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


class LanguageCreateView(CreateView):
    def get_initial(self):
        """The administrator's own admin language, when the site speaks it."""
        language = translation.get_language()
        languages = {code for code, _name in settings.LANGUAGES}
        return {**super().get_initial(), "language": language if language in languages else None}


class UserViewSet(WagtailUserViewSet):
    add_view_class = LanguageCreateView

    def get_form_class(self, for_update=False):
        return LanguageEditForm if for_update else LanguageCreationForm
