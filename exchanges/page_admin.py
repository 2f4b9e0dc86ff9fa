"""Wagtail's page views that would lock members out of a meeting or visit they count on
(`counted_on`), in front of Wagtail's own at the same addresses (jumelage/urls.py): for every
other page they are Wagtail's."""

from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.unpublish import UnpublishView
from wagtail.models import Page

from community import contributions

from .wagtail_hooks import UNPUBLISHING_REFUSALS, counted_on_among

KEPT_BELOW = _(
    "Members count on meetings or exchange visits below this page: they are not unpublished "
    "with it. This page can be unpublished alone."
)


class UnpublishingOnlyWhatMembersDoNotCountOn(UnpublishView):
    """Wagtail's confirmation asked "Are you sure…?" of a meeting members count on and refused
    only once confirmed (its `before_unpublish_page` hook runs on the POST): it says the refusal
    instead, and offers no button to unpublish. Of a page with such meetings below it, it
    offers to unpublish the page alone. Sent anyway, both are refused as before
    (exchanges/wagtail_hooks.py)."""

    template_name = "exchanges/admin/confirm_unpublish.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        alone = Page.objects.filter(pk=self.object.pk)
        context["refusals"] = [UNPUBLISHING_REFUSALS[model] for model in counted_on_among(alone)]
        below = contributions.with_pages_below([self.object])
        context["kept_below"] = not context["refusals"] and bool(counted_on_among(below))
        context["kept_below_reason"] = KEPT_BELOW
        return context


unpublish = require_admin_access(never_cache(UnpublishingOnlyWhatMembersDoNotCountOn.as_view()))
