"""Choosing an account in the admin's page forms (a story's author): by the name the admin
shows for it (`roles.named`, as the `account_name` filter), sorted by that name; an address only
tells apart accounts of the same name. Django's choice listed `str(account)` in the model's
order, by email address, so an editor looked for "Anke" under "anke@bewoners.example"."""

from collections import Counter

from allauth.account.models import EmailAddress
from django import forms
from django.db.models import Exists, OuterRef, Q

from . import roles


class ByNameIterator(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        staff = roles.working_in_admin().filter(pk=OuterRef("pk"))
        accounts = list(self.queryset.annotate(jumelage_staff=Exists(staff)))
        names = {}
        for account in accounts:
            setattr(account, roles.KNOWN_ADMIN_ACCESS, account.jumelage_staff)
            names[account.pk] = str(roles.named(account, account.get_full_name()))
        shared = Counter(name.casefold() for name in names.values())
        accounts.sort(key=lambda account: (names[account.pk].casefold(), account.email.casefold()))
        for account in accounts:
            name = names[account.pk]
            label = f"{name} ({account.email})" if shared[name.casefold()] > 1 else name
            yield (self.choice(account)[0], label)


def offered_accounts(accounts, chosen_id=None):
    """The accounts an editor may choose (a story's author): active ones whose primary address
    was confirmed, not a sign-up nobody confirmed nor a blocked member; the account chosen
    before (`chosen_id`) stays, whatever became of it, or saving the form would lose it."""
    confirmed = EmailAddress.objects.filter(user=OuterRef("pk"), primary=True, verified=True)
    return accounts.filter(Exists(confirmed) & Q(is_active=True) | Q(pk=chosen_id))
