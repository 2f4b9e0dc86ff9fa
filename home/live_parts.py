"""What every page shows live, inside the pages the anonymous page cache keeps (home/live.py):
the account links of the header and the main menu's entries of members' pages, by who asks."""

from home import live


def register():
    live.register("account-links", "includes/account_links.html", live.given(), by_visitor=True)
    live.register(
        "members-menu-item",
        "includes/members_menu_item.html",
        live.given("title", "url", "url_path", "rule"),
        by_visitor=True,
    )
