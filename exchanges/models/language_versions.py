"""What happens to what members entered on one language version of a page (a registration for
a meeting, a visit's guest party or host offer) when that version is deleted."""

from django.db import models
from wagtail.models import Page


def surviving_version(pages, key, going):
    """The pk of the language version of the page with translation `key` that takes over what
    members entered on the versions `going` (pks): one on the site (live, not an alias: an
    alias of a deleted page becomes an unpublished page of its own, which members cannot reach)
    that this deletion leaves. None when there is none: then the page goes whole (a meeting's
    or a visit's editors are refused that while members count on it: exchanges/wagtail_hooks.py)."""
    return (
        pages.filter(translation_key=key, live=True, alias_of__isnull=True)
        .exclude(pk__in=going)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )


def to_another_language_version(collector, field, sub_objs, using):
    """`on_delete` of a record's link to the language version it was entered on: it moves to
    another language version of the page (they share the translation key, which the record
    keeps in `<field>_key`), so deleting a translation loses nobody's registration or sign-up.
    Only with the last version of the page do they go."""
    deleting = {
        obj.pk for model, objs in collector.data.items() if issubclass(model, Page) for obj in objs
    }
    pages = field.related_model._default_manager.using(using)
    cascading = []
    for record in sub_objs:
        sibling = surviving_version(pages, getattr(record, f"{field.name}_key"), deleting)
        if sibling is None:
            cascading.append(record)
        else:
            type(record).objects.using(using).filter(pk=record.pk).update(
                **{field.attname: sibling}
            )
    if cascading:
        models.CASCADE(collector, field, cascading, using)
