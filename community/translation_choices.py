"""What the translation editor may put in a translation's place of a chosen object.

wagtail-localize offers a translation its own choice where the source chose a page or an image
(a button's page, a photo in the body, a lead image): its editor sends the id its chooser gave,
and its view stores whatever is sent. Publishing the translation then looks the id up: an id
that is no object's ("abc", "-1", 20 digits) made every publish of the translation a server
error until the override was replaced (attack 41), and an id the editor could not have chosen
put a page or a photo she may not see on the translation: a draft of the other part of the tree,
a member's photo that was never published.

So an override where the source holds a chosen object's id is stored only when it names one
the editor who sends it may choose in the chooser itself: a page `roles.pages_shown_for_linking`
shows her, an image or document of a collection she may choose from. Refused otherwise with
403, whichever way it is stored (a `pre_save` receiver, connected in community/apps.py)."""

import json

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import ForeignKey, ManyToOneRel
from django.db.models.signals import post_delete, pre_save
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import SegmentOverride, TranslationSource

from community import roles
from home.choosers import choosable as choosable_objects
from home.translation_overrides import source_value

# The largest key a database's big integer holds.
LARGEST_KEY = 2**63 - 1


def model_at(model, field_path):
    """The model the chooser at `field_path` (wagtail-localize's "body.gallery.image.image",
    "image", "coordinators.photo") of `model` chooses from, or None when it is no chooser."""
    names = field_path.split(".")
    try:
        field = model._meta.get_field(names[0])
        if isinstance(field, ManyToOneRel) and len(names) == 2:
            field = field.related_model._meta.get_field(names[1])
    except FieldDoesNotExist:
        return None
    if isinstance(field, ForeignKey):
        return field.related_model
    if not isinstance(field, StreamField):
        return None
    block, rest = field.stream_block, names[1:]
    while not isinstance(block, blocks.ChooserBlock):
        if isinstance(block, blocks.ListBlock):
            # A list's items are named by one part of the path, whatever they are.
            block, rest = block.child_block, rest[1:]
        elif isinstance(block, blocks.StructBlock | blocks.StreamBlock) and rest:
            block, rest = block.child_blocks.get(rest[0]), rest[1:]
        else:
            return None
    return block.model_class if not rest else None


def key_of(value):
    """The object's key an override `value` names, or None when it names none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        key = value
    elif isinstance(value, str) and value.isascii() and value.isdigit():
        key = int(value)
    else:
        return None
    return key if 0 < key <= LARGEST_KEY else None


def choosable(user, model):
    """What `user` may choose of `model` in the admin's choosers: the pages the page chooser
    shows her, else the objects she may choose (`home.choosers.choosable`)."""
    if issubclass(model, Page):
        return roles.pages_shown_for_linking(user)
    return choosable_objects(user, model)


def chosen_model(context):
    """The model the chooser at `context` (a TranslationContext) chooses from, or None where
    the source holds no chosen object there."""
    held = source_value(context.pk)
    if not isinstance(held, int) or isinstance(held, bool):
        return None
    source = TranslationSource.objects.filter(object_id=context.object_id).order_by("-pk").first()
    return source and model_at(source.specific_content_type.model_class(), context.field_path)


def may_choose(user, model, value):
    """Whether an override `value` of a chooser of `model` names one `user` may choose."""
    key = key_of(value)
    if key is None:
        return False
    found = model._default_manager.all() if user is None else choosable(user, model)
    return found.filter(pk=key).exists()


def refusal():
    return _("Choose a page or an image with the chooser: this one cannot be chosen here.")


def refuse_unchoosable_override(sender, instance, **kwargs):
    """`pre_save` of wagtail-localize's SegmentOverride: an override where the source holds a
    chosen object's id is stored only when it names one its editor may choose. Not a save of
    its error alone (wagtail-localize's `set_field_error` while it publishes)."""
    fields = kwargs.get("update_fields")
    if fields is not None and "data_json" not in fields:
        return
    model = chosen_model(instance.context)
    if model is None:
        return
    try:
        value = json.loads(instance.data_json)
    except (TypeError, ValueError):
        value = None
    if not may_choose(instance.last_translated_by, model, value):
        raise PermissionDenied(refusal())


def forget_overrides_naming(sender, instance, **kwargs):
    """`post_delete` of a page, an image or a document: a translation's own choice of it in the
    translation editor goes with it, and the translation takes the source's choice again.
    wagtail-localize looks the stored id up each time it publishes the translation, and an
    object deleted after it was chosen (the override is in no usage count) made every publish a
    server error from then on (attack 43), as an id that was never an object's did (attack 41)."""
    # A page's deletion reaches the receiver as the base Page row: its own type, for a chooser
    # of one page type, is that of its content type.
    deleted = instance.specific_class if isinstance(instance, Page) else type(instance)
    found = SegmentOverride.objects.filter(data_json__contains=str(instance.pk)).select_related(
        "context"
    )
    for override in found:
        try:
            named = key_of(json.loads(override.data_json))
        except (TypeError, ValueError):
            continue
        if named != instance.pk:
            continue
        model = chosen_model(override.context)
        if model is not None and deleted is not None and issubclass(deleted, model):
            override.delete()


def register():
    pre_save.connect(
        refuse_unchoosable_override,
        sender=SegmentOverride,
        dispatch_uid="refuse-unchoosable-override",
    )
    # Each sender named: a receiver of every model's deletions would take Django's fast delete
    # (one query, no rows loaded) from every model of the project.
    for model in (Page, get_image_model(), get_document_model()):
        post_delete.connect(
            forget_overrides_naming,
            sender=model,
            dispatch_uid=f"forget-overrides-naming-{model._meta.label_lower}",
        )
