"""Wagtail's users admin with the language of each person's emails (`User.language`): chosen
when an administrator adds or edits an account, so a German editor added in the admin is not
written to in Dutch, the default, by allauth and by us. Wired in by `UsersAppConfig`
(community/users_app.py), the way Wagtail's documentation customises its user forms.

One account per address, whatever its case (`User`'s constraint, which the forms check as they
validate the model): Wagtail's own check compares the address as typed, and its "username" is our
email address."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, BulkActionsCheckboxColumn, Column
from wagtail.admin.views.generic.usage import UsageView
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.models import UserProfile
from wagtail.users.views.bulk_actions.assign_role import AssignRoleBulkAction, RoleForm
from wagtail.users.views.bulk_actions.delete import DeleteBulkAction
from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction
from wagtail.users.views.users import CreateView, DeleteView, EditView, HistoryView, IndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from community.models.users import EMAIL_TAKEN
from community.notifications import notify_address_changed_by_administration
from community.roles.reach import groups_beyond
from home.admin_columns import YesNoColumn
from home.validators import normalised_email, refuse_case_lookalikes, validate_one_line

ROLES_BEYOND_REACH = _(
    "You can only give or take away roles that allow nothing you may not do yourself; ask an "
    "administrator for: %(roles)s."
)
ADMINISTRATORS_ACCOUNT = _(
    "Only an administrator may change or delete the account of %(account)s: it is an "
    "administrator's account."
)
ACCOUNT_BEYOND_REACH = _(
    "Only an administrator may change or delete the account of %(account)s: its roles allow "
    "more than you may do yourself (%(roles)s)."
)
OWN_PERMISSIONS = _(
    "Only an administrator may change or delete the account of %(account)s: permissions are set "
    "on the account itself, which only an administrator sees and changes."
)
NOTHING_CHANGED = _("No account was changed. %(reasons)s")
OWN_ACCOUNT_NOT_HERE = _(
    "Your own account, %(account)s, is not deleted here: you delete it yourself in your member "
    "area, or an administrator deletes it."
)
ROLE_HELD_ALREADY = _(
    "No account was changed: the selected accounts already have the role %(role)s."
)
LANGUAGE_HELP = _("The language of the emails this person receives from the site.")
ERROR_MESSAGES = {**UserCreationForm.error_messages, "duplicate_username": EMAIL_TAKEN}


class CheckedAddress:
    """The address checked as sign-up checks it, in the one spelling the site keeps
    (`home.validators.normalised_email`): the admin took one ending in a zero-width space, to
    the eye Joke's (attack of 2026-12-04). In small letters, as allauth's sign-up stores it:
    the account's address kept "Femke@" while its `EmailAddress` said "femke@"."""

    def clean_email(self):
        typed = self.cleaned_data["email"]
        refuse_case_lookalikes(typed)  # named as typed: the Kelvin sign K is a k in small letters
        return normalised_email(typed.lower())


def refuse_roles_beyond_reach(user, groups):
    """Given or taken away by `user`: the roles that allow more than she may do herself
    (`community.roles.reach`) are refused, by name."""
    if beyond := groups_beyond(user, groups):
        raise ValidationError(
            ROLES_BEYOND_REACH, code="roles_beyond_reach", params={"roles": role_names(beyond)}
        )


def role_names(groups):
    return ", ".join(sorted(str(group) for group in groups))


def refusal_to_manage(user, account, groups_beyond_reach=None):
    """Why `user` may not edit, deactivate or delete `account`, or None when she may. An account
    manager (a group with Wagtail's user permissions) set a new password or her own address on an
    editor's account and so took it over (attack of 2026-12-04): an account whose roles allow more
    than she may do herself (`community.roles.reach`) is left to administrators, as an
    administrator's account is, the strongest case. Who asks about many accounts (the users
    list) passes the roles beyond her reach, found once."""
    if user.is_superuser:
        return None
    if account.is_superuser:
        return ADMINISTRATORS_ACCOUNT % {"account": account}
    if account.user_permissions.all():
        # Any permission of its own, not only one beyond hers: the users admin shows none, so
        # she could neither see what the account may do nor take it away (attack of
        # 2026-12-05, F2: access_admin and change_group on the account made it an
        # administrator's in all but name).
        return OWN_PERMISSIONS % {"account": account}
    groups = account.groups.all()
    if groups_beyond_reach is None:
        beyond = groups_beyond(user, groups)
    else:
        beyond = [group for group in groups if group in groups_beyond_reach]
    if beyond:
        return ACCOUNT_BEYOND_REACH % {"account": account, "roles": role_names(beyond)}
    return None


class RolesWithinReach:
    """An account manager gives and takes away only the roles within her own reach; the roles
    an account keeps untouched stay, whatever they allow."""

    def __init__(self, *args, for_user, **kwargs):
        self.for_user = for_user
        super().__init__(*args, **kwargs)

    def clean_groups(self):
        groups = set(self.cleaned_data["groups"])
        had = set(self.instance.groups.all()) if self.instance.pk else set()
        refuse_roles_beyond_reach(self.for_user, groups ^ had)
        return self.cleaned_data["groups"]


class NamesOptional:
    """First and last name as the account has them: Wagtail requires both, but members have a
    display name instead (`User.display_name`), and an account manager could not save a member's
    language without making names up. One line each, without direction overrides, as members'
    names (attack of 2026-12-04: the Account page saved `\u202eevil`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name"):
            self.fields[name].required = False
            self.fields[name].validators.append(validate_one_line)


class LanguageCreationForm(CheckedAddress, RolesWithinReach, NamesOptional, UserCreationForm):
    """The language is chosen, never guessed: a preselected one (the administrator's own) was
    left as it stood for a German editor, and one inferred from the groups overrode a choice
    the form showed (walk of 2026-12-04)."""

    error_messages = ERROR_MESSAGES

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


def addresses_follow(account, previous):
    """The account's addresses in allauth (`EmailAddress`) after an administrator changed its
    address from `previous`: allauth finds an account by them before its login address, so the
    old one stayed a way in, to log in and to have a password reset mailed to whoever reads it,
    and kept its owner from signing up with it. The new address is the only one, primary; it
    is verified only when it is the old one in another case. Otherwise its reader confirms it
    at the first login (mandatory verification), as for an account added in the admin: the
    administrator typed it, nobody showed they read it, and allauth's own change of address
    counts only once confirmed."""
    if account.email == previous:
        return
    email = account.email.lower()  # an address saved before the admin kept small letters
    addresses = EmailAddress.objects.filter(user=account)
    kept = addresses.filter(email__iexact=email).first()
    addresses.exclude(pk=getattr(kept, "pk", None)).delete()
    if kept is None:
        EmailAddress.objects.create(user=account, email=email, primary=True)
    else:
        kept.email, kept.primary = email, True
        kept.save(update_fields=["email", "primary"])


class LanguageEditForm(CheckedAddress, RolesWithinReach, NamesOptional, UserEditForm):
    error_messages = ERROR_MESSAGES

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"language"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].help_text = LANGUAGE_HELP
        self.previous_email = self.instance.email

    def save(self, commit=True):
        account = super().save(commit=commit)
        if commit:
            addresses_follow(account, self.previous_email)
            if account.email.lower() != self.previous_email.lower():
                notify_address_changed_by_administration(account, self.previous_email)
        return account


class RefusingTakenAddresses:
    """Two saves of one address at once (two administrators, or one and a member signing up)
    both pass the form's check; the database refuses the second, which then gets the form's
    answer instead of a server error."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except IntegrityError:
            try:
                form.instance.validate_constraints()
            except ValidationError as error:
                form.add_error(None, error)
                self.produced_error_message = self.get_error_message()
                return self.form_invalid(form)
            raise


class GuardingAdministrators:
    """Only an administrator makes an administrator: an account manager (a group with Wagtail's
    user permissions) made one by ticking the box (attack of 2026-12-04). The form knows who
    fills it in, for the roles she may give (`RolesWithinReach`)."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.request.user.is_superuser:
            form.fields.pop("is_superuser", None)
        return form


class AddingView(GuardingAdministrators, RefusingTakenAddresses, CreateView):
    pass


class SparingAccountsBeyondReach:
    """The account edited, deleted or whose history or usage is read is within the reach of who
    asks (`refusal_to_manage`); if not, she is back at the users list, told why. Asked only of
    who holds the view's permission (any of them, for the history), so that who may not manage
    accounts at all is refused as before; and before Wagtail's delete view, which refused an
    administrator's account with its unexplained "no permission"."""

    def dispatch(self, request, *args, **kwargs):
        required = [self.permission_required] if self.permission_required else None
        if self.user_has_any_permission(required or self.any_permission_required):
            if refusal := refusal_to_manage(request.user, self.get_object()):
                messages.error(request, refusal)
                return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)


class EditingView(
    SparingAccountsBeyondReach, GuardingAdministrators, RefusingTakenAddresses, EditView
):
    pass


class DeletingView(SparingAccountsBeyondReach, DeleteView):
    pass


class HistoryOfAccountsWithinReach(SparingAccountsBeyondReach, HistoryView):
    """An account's history (its names, its address and what was done to it) is the business
    of who may manage it: an account manager read the administrators', editors' and
    moderators' (attack of 2026-12-05, F5)."""


class UsageOfAccountsWithinReach(SparingAccountsBeyondReach, UsageView):
    """What refers to an account (pages it owns, revisions, ...) and its name, likewise: an
    account manager opened it for the administrators' and editors' accounts (outsider's pass)."""


class ReachOfWhoAsks:
    """The roles beyond the reach of who asks, found once for the many accounts of the users
    list or a bulk action."""

    @cached_property
    def groups_beyond_reach(self):
        return set(groups_beyond(self.request.user, Group.objects.all()))

    def refusal(self, account):
        return refusal_to_manage(self.request.user, account, self.groups_beyond_reach)


class UsersListing(ReachOfWhoAsks, IndexView):
    """Wagtail's users list, whose "Active" column said "True" or "False" to screen readers:
    "yes" or "no" in the admin's language, as our other listings say it. It offers to edit or
    delete only the accounts within reach of who asks (`refusal_to_manage`): the others' links
    led to a refusal.

    It exports nothing: Wagtail answered ?export=csv (or xlsx) with a file of one blank row per
    account, those beyond reach included (attack of 2026-12-05, F4); the members list
    (/admin/members/) has the export. The parameter is ignored, the list shown as always."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.is_export = False

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("groups", "user_permissions")

    def get_edit_url(self, instance):
        return None if self.refusal(instance) else super().get_edit_url(instance)

    def get_delete_url(self, instance):
        return None if self.refusal(instance) else super().get_delete_url(instance)

    @cached_property
    def columns(self):
        return [self.column_for(column) for column in super().columns]

    def column_for(self, column):
        if isinstance(column, BulkActionsCheckboxColumn):
            # Ticked, an account beyond reach was only left out by the bulk action.
            return CheckboxWithinReachColumn(column.name, obj_type="user", refusal=self.refusal)
        if isinstance(column, BooleanColumn):
            return YesNoColumn.replacing(column)
        if column.classname == "level":
            # Wagtail's access level said only "Admin", for administrators: an administrator
            # did not see who is an editor or a moderator before a bulk action.
            return Column(
                column.name,
                accessor=access_level,
                label=column.label,
                sort_key=column.sort_key,
                classname=column.classname,
                width=column.width,
            )
        return column


class CheckboxWithinReachColumn(BulkActionsCheckboxColumn):
    """The bulk actions' checkbox, offered only for the accounts within reach of who asks."""

    def __init__(self, *args, refusal, **kwargs):
        super().__init__(*args, **kwargs)
        self.refusal = refusal

    def render_cell_html(self, instance, parent_context):
        if self.refusal(instance):
            return format_html('<td class="{}"></td>', "bulk-action-checkbox-cell")
        return super().render_cell_html(instance, parent_context)


def access_level(account):
    """ "Admin" for an administrator, and the account's roles by name, in the admin's language
    (from the groups the list fetches with its accounts)."""
    levels = [str(_("Admin"))] if account.is_superuser else []
    levels += sorted(str(group) for group in account.groups.all())
    return ", ".join(levels) or None


class UserViewSet(WagtailUserViewSet):
    # Wagtail's copy of an account: its address took a POST meant for a new account and
    # overwrote the account copied (Wagtail 8.0.1's generic copy view; attack of 2026-12-04).
    # An account is added, not copied.
    copy_view_enabled = False
    index_view_class = UsersListing
    add_view_class = AddingView
    edit_view_class = EditingView
    delete_view_class = DeletingView
    history_view_class = HistoryOfAccountsWithinReach
    usage_view_class = UsageOfAccountsWithinReach

    def get_form_class(self, for_update=False):
        return LanguageEditForm if for_update else LanguageCreationForm


class SparingAccountsBeyondReachInBulk(ReachOfWhoAsks):
    """The users list's bulk actions leave to administrators the accounts only they may manage
    (`refusal_to_manage`): Wagtail asks only for the permission to change users, and an account
    manager deactivated the administrators (outsider's pass of 2026-12-04). The confirmation
    names each of them and why it is left out: Wagtail's "you don't have permission to delete
    these users" made no sense to who may delete users (the template adds them to Wagtail's)."""

    def get_template_names(self):
        return ["wagtailusers/bulk_actions/confirm_within_reach.html"]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "wagtail_confirmation": self.template_name}

    def check_perm(self, obj):
        return super().check_perm(obj) and self.refusal(obj) is None

    def prepare_action(self, objects, objects_without_access):
        """Only accounts beyond reach: nothing is done, and she is told so and why, not
        "0 users…"."""
        if not objects and (reasons := objects_without_access["accounts_beyond_reach"]):
            messages.warning(
                self.request, NOTHING_CHANGED % {"reasons": " ".join(map(str, reasons))}
            )
            return redirect(self.next_url)
        return super().prepare_action(objects, objects_without_access)

    def get_actionable_objects(self):
        objects, without_access = super().get_actionable_objects()
        refused = without_access["items_with_no_access"]
        beyond_reach = {account: why for account in refused if (why := self.refusal(account))}
        return objects, {
            **without_access,
            "items_with_no_access": [account for account in refused if account not in beyond_reach],
            "accounts_beyond_reach": list(beyond_reach.values()),
            "accounts_left_out": len(beyond_reach),
        }


class SetActiveState(SparingAccountsBeyondReachInBulk, SetActiveStateBulkAction):
    pass


class Delete(SparingAccountsBeyondReachInBulk, DeleteBulkAction):
    """Her own account, which Wagtail never deletes for who asks, is left out in our list and
    says where it is deleted: Wagtail said "you don't have permission" without a reason."""

    def get_actionable_objects(self):
        objects, without_access = super().get_actionable_objects()
        refused = without_access["items_with_no_access"]
        own = [account for account in refused if account.pk == self.request.user.pk]
        return objects, {
            **without_access,
            "items_with_no_access": [account for account in refused if account not in own],
            "own_account": own[0] if own else None,
            "accounts_left_out": without_access["accounts_left_out"] + len(own),
        }

    def prepare_action(self, objects, objects_without_access):
        """Only her own account (besides any beyond reach): nothing is deleted, and she is told
        why, not "0 users deleted"."""
        own = objects_without_access["own_account"]
        if not objects and own is not None:
            reasons = [
                *objects_without_access["accounts_beyond_reach"],
                OWN_ACCOUNT_NOT_HERE % {"account": own},
            ]
            messages.warning(
                self.request, NOTHING_CHANGED % {"reasons": " ".join(map(str, reasons))}
            )
            return redirect(self.next_url)
        return super().prepare_action(objects, objects_without_access)


class RoleWithinReachForm(RoleForm):
    """Wagtail's form for the bulk "assign role", labelled in the admin's language (Wagtail's
    field had only its English name) and offering only the roles within reach of who assigns:
    offered every role, an account manager was refused the most of them only once she
    confirmed."""

    def __init__(self, *args, for_user, **kwargs):
        self.for_user = for_user
        super().__init__(*args, **kwargs)
        role = self.fields["role"]
        role.label = _("Role")
        # Only what is offered: a role beyond reach sent all the same is refused by name.
        if beyond := {group.pk for group in groups_beyond(for_user, role.queryset)}:
            role.widget.choices = [
                (value, label) for value, label in role.choices if value not in beyond
            ]

    def clean_role(self):
        role = self.cleaned_data["role"]
        refuse_roles_beyond_reach(self.for_user, [role])
        return role


class AssignRole(SparingAccountsBeyondReachInBulk, AssignRoleBulkAction):
    """Only a role within the account manager's reach (`RolesWithinReach`)."""

    form_class = RoleWithinReachForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    @classmethod
    def execute_action(cls, objects, role=None, **kwargs):
        """Counts only the accounts that got the role: Wagtail counted those that had it."""
        if role is None:
            return None
        had = set(role.user_set.filter(pk__in=[account.pk for account in objects]))
        role.user_set.add(*objects)
        return len([account for account in objects if account not in had]), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if num_parent_objects == 0:
            return ROLE_HELD_ALREADY % {"role": self.cleaned_form.cleaned_data["role"]}
        return super().get_success_message(num_parent_objects, num_child_objects)
