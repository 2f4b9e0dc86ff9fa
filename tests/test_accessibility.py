"""axe-core (bundled with axe-playwright-python, no CDN) finds no serious or critical
accessibility problem on the main pages, in both languages, for visitors and members."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from tests.calendar_base import CalendarMixin
from tests.checked_pages import MEMBER_EMAIL, MEMBER_PAGES, PUBLIC_PAGES, build_checked_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.same_on_every_database,
]


@pytest.fixture
def site():
    class Site(CalendarMixin):
        pass

    build_checked_site(Site)
    return Site


def serious_violations(page, url):
    page.goto(url)
    # axe's default set leaves out the WCAG 2.2 rule (target size): ask for every A and AA rule.
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
    result = Axe().run(page, options={"runOnly": tags})
    return [
        (violation["id"], [node["target"] for node in violation["nodes"]])
        for violation in result.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def test_public_pages_have_no_serious_accessibility_violations(site, live_server, page):
    for path in PUBLIC_PAGES:
        assert serious_violations(page, f"{live_server.url}{path}") == [], path


def test_member_pages_have_no_serious_accessibility_violations(site, live_server, page):
    # Log in through a session cookie: the sign-up and login pages are checked above.
    client = Client()
    client.force_login(get_user_model().objects.get(email=MEMBER_EMAIL))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    for path in MEMBER_PAGES:
        assert serious_violations(page, f"{live_server.url}{path}") == [], path
