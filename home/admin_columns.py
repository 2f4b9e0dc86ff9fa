"""Columns of the admin's listings that say what Wagtail's own leave to an icon."""

from wagtail.admin.ui.tables import BooleanColumn


class YesNoColumn(BooleanColumn):
    """Wagtail's tick or cross, with "yes" or "no" in the admin's language beside it (its own
    column says "True" or "False" to screen readers and on hover)."""

    cell_template_name = "wagtailadmin/tables/yes_no_cell.html"

    @classmethod
    def replacing(cls, column):
        """This column in place of Wagtail's `BooleanColumn` `column`, with its heading,
        sorting and width."""
        return cls(
            column.name,
            label=column.label,
            sort_key=column.sort_key,
            classname=column.classname,
            width=column.width,
        )
