"""Files stored with rows that a transaction then rolls back. An image's file (and a rendition's)
is written to the storage when its row is saved, and a rollback takes back the row, never the
file: it would stay on disk (or in the bucket) with nothing pointing to it, for good. Django has
`transaction.on_commit` but no hook for a rollback, so the transaction that may store them is
opened with `atomic_with_files`, which deletes the files of the images and renditions created
inside it when it does not commit."""

from contextlib import contextmanager
from threading import local

from django.db import transaction

# The lists of (storage, name) of the `atomic_with_files` blocks open in this thread, outermost
# first: a file stored inside an inner one that committed is still taken back with an outer one.
_open = local()


def _blocks():
    if not hasattr(_open, "blocks"):
        _open.blocks = []
    return _open.blocks


@contextmanager
def atomic_with_files(using=None):
    """`transaction.atomic()` that deletes the files of the images and renditions created inside
    it when it rolls back (an exception leaves it, or it was marked for rollback)."""
    stored = []
    blocks = _blocks()
    blocks.append(stored)
    committed = False
    try:
        with transaction.atomic(using=using):
            yield
            marked = transaction.get_rollback(using=using)
        # Only once the block is left without an error: its commit may fail too.
        committed = not marked
    finally:
        blocks.remove(stored)
        if not committed:
            for storage, name in stored:
                storage.delete(name)


def record_stored_file(sender, instance, created, raw=False, **kwargs):
    """post_save of an image or a rendition: its file, to delete if the blocks around it roll
    back."""
    blocks = _blocks()
    if not created or raw or not blocks or not instance.file:
        return
    for stored in blocks:
        stored.append((instance.file.storage, instance.file.name))


def connect_signals():
    from django.db.models.signals import post_save
    from wagtail.images import get_image_model

    image_model = get_image_model()
    for model in (image_model, image_model.get_rendition_model()):
        post_save.connect(
            record_stored_file, sender=model, dispatch_uid=f"jumelage_stored_file_{model.__name__}"
        )
