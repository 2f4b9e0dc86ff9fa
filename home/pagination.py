"""Listings split into pages without a query of their own for the number of items."""

from django.core.paginator import Paginator
from django.db.models import Count, Subquery, Value
from django.utils.functional import cached_property

from home.cache import refuse_to_keep

TOTAL = "listing_total"
# The largest row offset databases take (a 64-bit integer): a page number beyond it is counted
# apart like any number beyond the last page.
LARGEST_OFFSET = 2**63 - 1


class CountedPaginator(Paginator):
    """Django's Paginator over a queryset that reads how many items there are along with the
    page's own rows (a count of the whole listing in the same query), instead of asking the
    database apart. Only a page without rows (an empty listing, a number beyond the last page) is
    counted apart, to find the page Django's Paginator would show: the last one for a number
    beyond it, which is then not kept in the cache (home.cache.refuse_to_keep), so that made-up
    page numbers add no entries.

    `counted`, when given, is counted instead of the listing: a queryset with as many rows,
    cheaper to count (fewer tables)."""

    def __init__(self, object_list, per_page, *, counted=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.counted = object_list if counted is None else counted

    @cached_property
    def count(self):
        """For a page without rows (`_counted_page`)."""
        return self.counted.count()

    def get_page(self, number):
        page = self._counted_page(number)
        try:
            beyond = int(number) > page.number
        except (TypeError, ValueError):
            beyond = False
        if beyond:
            refuse_to_keep()
        return page

    def total_column(self):
        """The number of items, as a column of every row: a subquery the database runs once
        (a window count would make it build every row, with their own subqueries, before
        choosing the page's)."""
        counted = self.counted.order_by().values(one=Value(1)).annotate(total=Count("*"))
        return Subquery(counted.values("total"))

    def _counted_page(self, number):
        try:
            asked = int(number)
        except (TypeError, ValueError):
            asked = 1
        bottom = (asked - 1) * self.per_page
        too_far = bottom + self.per_page > LARGEST_OFFSET
        if asked < 1 or too_far or self.orphans or "count" in self.__dict__:
            return super().get_page(number)
        rows = list(
            self.object_list.annotate(**{TOTAL: self.total_column()})[
                bottom : bottom + self.per_page
            ]
        )
        if not rows:
            return super().get_page(number)
        self.__dict__["count"] = getattr(rows[0], TOTAL)
        return self._get_page(rows, asked, self)
