"""What happens to what members entered on one language version of a page (a registration for
a meeting, a visit's guest party or host offer) when that version is deleted."""

from django.db import models
from wagtail.models import Page


def to_another_language_version(collector, field, sub_objs, using):
    """`on_delete` of a record's link to the language version it was entered on: it moves to
    another language version of the page (they share the translation key, which the record
    keeps in `<field>_key`), so deleting a translation loses nobody's registration or sign-up.
    Only with the last version of the page do they go (a visit's coordinators cancel them
    first: exchanges/wagtail_hooks.py)."""
    deleting = {
        obj.pk for model, objs in collector.data.items() if issubclass(model, Page) for obj in objs
    }
    pages = field.related_model._default_manager.using(using)
    cascading = []
    for record in sub_objs:
        sibling = (
            pages.filter(translation_key=getattr(record, f"{field.name}_key"))
            .exclude(pk__in=deleting)
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )
        if sibling is None:
            cascading.append(record)
        else:
            type(record).objects.using(using).filter(pk=record.pk).update(
                **{field.attname: sibling}
            )
    if cascading:
        models.CASCADE(collector, field, cascading, using)
