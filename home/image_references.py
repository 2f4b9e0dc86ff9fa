"""Which images the latest revisions of pages show: Wagtail's reference index reads the pages'
rows (what was published), not the drafts editors saved since, and only once the task worker has
brought it up to date (a page an editor has just published is not in it yet). Read with Wagtail's
public pieces (a field's `extract_references`, foreign keys, a page's child relations) and only
where a revision can mention one of the images at all: it is deserialised only when its content
holds one of their ids as a number."""

from django.db.models import ForeignKey, TextField
from django.db.models.functions import Cast
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.images import get_image_model
from wagtail.models import Page, Revision


def images_in_latest_revisions(image_ids, exclude=()):
    """Of `image_ids`, those the latest revision of a page shows, pages of `exclude` (their
    pks) aside: a draft, or what an editor has just published, before the reference index
    (`update_reference_index_task`, run by the worker) knows it."""
    wanted = {int(pk) for pk in image_ids}
    if not wanted:
        return set()
    latest = (
        Page.objects.filter(latest_revision__isnull=False)
        .exclude(pk__in=exclude)
        .values("latest_revision")
    )
    mentioning = (
        Revision.objects.filter(pk__in=latest)
        .alias(text=Cast("content", TextField()))
        .filter(text__regex=number_in_json(wanted))
        .prefetch_related("content_object")
    )
    shown = set()
    for revision in mentioning:
        shown |= image_ids_in(revision.as_object()) & wanted
    return shown


def number_in_json(numbers):
    r"""A regular expression (Python's and PostgreSQL's alike) finding one of `numbers` on its own
    in a revision's JSON, however a reference holds it: a number (`"image": 12`), a string, an
    attribute of rich text inside a StreamField's JSON (`id=\\\"12\\\"`). Not as a
    piece of a timestamp (`2026-05-12T19:12:08Z`) or a UUID (`…-4f12-…`), which every revision
    holds, nor of a longer number. A false match only costs reading that revision."""
    alternatives = "|".join(str(number) for number in sorted(numbers))
    return rf"(^|[^0-9A-Za-z.-])({alternatives})($|[^0-9A-Za-z.:-])"


def image_ids_in(instance):
    """The ids of the images `instance` refers to: by a foreign key (a page's lead image), in a
    field that says what it refers to (StreamField blocks, images embedded in rich text), and
    in its inline children (a sector's coordinators with their photos), as the reference index
    reads them."""
    image_model = get_image_model()
    ids = set()
    for field in instance._meta.get_fields():
        if isinstance(field, ForeignKey) and issubclass(field.related_model, image_model):
            value = field.value_from_object(instance)
            if value is not None:
                ids.add(int(value))
        elif hasattr(field, "extract_references"):
            value = field.value_from_object(instance)
            if value is None:
                continue
            for model, object_id, _model_path, _content_path in field.extract_references(value):
                if issubclass(model, image_model) and str(object_id).isdigit():
                    ids.add(int(object_id))
    if isinstance(instance, ClusterableModel):
        for relation in get_all_child_relations(instance):
            for child in getattr(instance, relation.get_accessor_name()).all():
                ids |= image_ids_in(child)
    return ids
