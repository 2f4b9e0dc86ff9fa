"""What a sector community's page shows live, inside the page the anonymous page cache keeps
(home/live.py): who is a member changes with members' own clicks, not with a publish."""

from home import live

from .models import SectorPage


def sector_context(request, pk):
    # visible_members() needs only the translation key; any other field would cost a query.
    return {"page": SectorPage.objects.only("translation_key").get(pk=pk)}


def register():
    live.register("sector-members", "includes/sector_members.html", sector_context)
