"""Listings split into pages without a query of their own for the number of items."""

from django.core.paginator import Paginator
from django.db.models import Count, Window

TOTAL = "listing_total"


class CountedPaginator(Paginator):
    """Django's Paginator over a queryset that reads how many items there are along with the
    page's own rows (a window count over the whole listing), instead of asking the database
    apart. Only a page without rows (an empty listing, a number beyond the last page) is
    counted apart, to find the page Django's Paginator would show."""

    def get_page(self, number):
        try:
            asked = int(number)
        except (TypeError, ValueError):
            asked = 1
        if asked < 1 or self.orphans or "count" in self.__dict__:
            return super().get_page(number)
        bottom = (asked - 1) * self.per_page
        rows = list(
            self.object_list.annotate(**{TOTAL: Window(Count("*"))})[
                bottom : bottom + self.per_page
            ]
        )
        if not rows:
            return super().get_page(number)
        self.__dict__["count"] = getattr(rows[0], TOTAL)
        return self._get_page(rows, asked, self)
