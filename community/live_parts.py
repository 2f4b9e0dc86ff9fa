"""What a sector community's page shows live, inside the page the anonymous page cache keeps
(home/live.py): who is a member changes with members' own clicks, not with a publish; the join
button with who asks. What anonymous visitors see of a sector's members is kept until they
change (`sector:<translation key>`: a member joins or leaves, or one of them edits their
profile; community/signal_handlers.py). On a member's story or meeting, the way to report it,
for everyone but its member, by who asks."""

from home import live

from .models import SectorPage


def sector_context(request, pk, key):
    """Shared by both parts: who are members, and whether the visitor is one. Of the page they
    read its id (the join and leave forms) and its translation key (`visible_members`,
    `has_member`) alone, which the page gave them: no query for the page."""
    page = SectorPage(id=pk, page_ptr_id=pk, translation_key=key)
    return {"page": page, "is_member": page.has_member(request.user)}


def sector_tokens(pk, key):
    return [f"sector:{key}"]


def register():
    live.register(
        "sector-members",
        "includes/sector_members.html",
        sector_context,
        tokens=sector_tokens,
        for_everyone=True,
    )
    live.register("sector-join", "includes/sector_join.html", sector_context, by_visitor=True)
    live.register("report-link", "includes/report_link.html", live.given("pk"), by_visitor=True)
