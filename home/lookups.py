"""A project-wide guard on integer keys too large for any database column.

Django answers `id=<a number past the column's range>` with no row, but not `id__in=[…]`,
nor a key through a relation (`pk` of a page type is its `page_ptr`): SQLite's driver raises
OverflowError on a 20-digit number, a server error wherever a form or an admin filter takes a
key (a listing's meeting or owner, a user's groups). Here such numbers match nothing, on every
database, so they are an invalid choice like any key that does not exist."""

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignObject, IntegerField
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In


def in_range(lookup, connection):
    """Whether a value fits the integer column the lookup compares with (True if not one)."""
    field = lookup.lhs.output_field
    while isinstance(field, ForeignObject):
        field = field.target_field
    if not isinstance(field, IntegerField):
        return lambda value: True
    low, high = connection.ops.integer_field_range(field.get_internal_type())
    return lambda value: (
        not isinstance(value, int)
        or ((low is None or value >= low) and (high is None or value <= high))
    )


class KeyInRange:
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            fits = in_range(self, connection)
            if self.lookup_name == "in":
                self.rhs = [value for value in self.rhs if fits(value)]
            elif not fits(self.rhs):
                raise EmptyResultSet
        return super().process_rhs(compiler, connection)


class IntegerIn(KeyInRange, In):
    pass


class RelatedKeyExact(KeyInRange, RelatedExact):
    pass


class RelatedKeyIn(KeyInRange, RelatedIn):
    pass


def register():
    IntegerField.register_lookup(IntegerIn)
    ForeignObject.register_lookup(RelatedKeyExact)
    ForeignObject.register_lookup(RelatedKeyIn)
