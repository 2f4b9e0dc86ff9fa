from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

from .dashboard import PANELS


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels[:0] = [panel() for panel in PANELS]


class ContributionContentCheckerItem(ContentCheckerItem):
    """Wagtail's accessibility checker, also checking that every image has alternative text
    (members' photos above all) and that form fields have labels."""

    axe_run_only = [*ContentCheckerItem.axe_run_only, "image-alt", "label", "document-title"]


@hooks.register("construct_wagtail_userbar")
def use_our_accessibility_checker(request, items, page):
    items[:] = [
        ContributionContentCheckerItem() if isinstance(item, ContentCheckerItem) else item
        for item in items
    ]
