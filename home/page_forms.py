"""The admin's page form, for page types whose inline panels need a row before publishing."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm


class RowsToPublishPageForm(WagtailAdminPageForm):
    """`rows_to_publish` maps inline panels (by relation name) that need at least one row once
    the page is published or sent for review, not in a draft, to (the field a row chooses, the
    error to show). Instead of the panel's `min_num`: Wagtail defers that for drafts, but the
    empty row it shows to reach it still counts as filled in (by its order), so a draft whose
    row stayed empty was refused ("This field is required" on a story's town)."""

    rows_to_publish = {}

    def clean(self):
        cleaned = super().clean()
        if self.is_deferred_validation:
            return cleaned
        for name, (field, message) in self.rows_to_publish.items():
            formset = self.formsets[name]
            chosen = [
                form
                for form in formset.forms
                if form.is_valid()
                and form.cleaned_data.get(field)
                and not form.cleaned_data.get("DELETE")
            ]
            if not chosen:
                self.add_error(None, ValidationError(message, code="rows_to_publish"))
        return cleaned
