"""What every page shows live, inside the pages the anonymous page cache keeps (home/live.py):
the account links of the header, by who asks."""

from home import live


def register():
    live.register("account-links", "includes/account_links.html", live.given(), by_visitor=True)
