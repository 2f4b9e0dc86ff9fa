"""Wagtail's views that add, move and delete collections (Images → Collections), taking the lock
of the tree that a member's first photos take (contributions.lock_collections): an editor's new
collection and a member's photos at the same moment took the same place in the tree, and one of
them was answered with an error page; a delete of the emptied members' collection beside them
left her new collection without a parent. Routed in place of Wagtail's own (jumelage/urls.py)."""

from django.db import transaction
from wagtail.admin.views import collections

from .contributions import lock_collections

TREE_FIELDS = ["path", "depth", "numchild"]


class AddCollection(collections.Create):
    def save_instance(self):
        lock_collections()
        # The parent as it is now: treebeard places the new collection after the children it
        # counts, and the form read them before the lock.
        self.form.cleaned_data["parent"].refresh_from_db(fields=TREE_FIELDS)
        return super().save_instance()


class EditCollection(collections.Edit):
    def save_instance(self):
        lock_collections()
        # The collection's place in the tree as it is now (saving it writes its place back,
        # and a move starts from it), and its new parent's.
        self.form.instance.refresh_from_db(fields=TREE_FIELDS)
        if "parent" in self.form.changed_data:
            self.form.cleaned_data["parent"].refresh_from_db(fields=TREE_FIELDS)
        return super().save_instance()


class DeleteCollection(collections.Delete):
    def post(self, request, pk):
        # The collection and what it holds read after the lock: a collection a member's first
        # photos made in it meanwhile keeps it (Wagtail refuses to delete what is not empty).
        with transaction.atomic():
            lock_collections()
            return super().post(request, pk)
