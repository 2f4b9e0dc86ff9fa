"""Phones first, in a real browser on the demo content: no page is wider than a 320 or 390 px
screen, the header is a compact menu that opens on demand (with or without JavaScript), the
month view is a list of days; at 1280 px the desktop menu and the month grid are unchanged."""

import re
from io import StringIO
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import Collection, Locale, Page

from community.models import SectorPage
from exchanges.calendar_views import FIRST_YEAR
from exchanges.models import MeetingPage, StoryPage, VisitPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.same_on_every_database,
]

DEMO_MEMBER = "anke@bewoners.example"  # has contributions in review, with changes requested, live
DEMO_EDITORS = (
    "redactie@jumelage-steenwijkerland.example",
    "redaktion@partnerschaft-herzebrock-clarholz.example",
)
PHONE_WIDTHS = (320, 390)
LONG_TERM = "Partnerschaftskomiteevorsitzendenstellvertreterwahlversammlung" * 3

# Where the page is wider than the window: the element (or the text in it) reaching furthest
# right, as a selector path from <body>.
WIDEST_ELEMENT = """() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return null;
    const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
        + [...el.classList].map((c) => "." + c).join("");
    const path = (el) => {
        const parts = [];
        for (let e = el; e && e !== document.body; e = e.parentElement) parts.unshift(name(e));
        return parts.join(" > ");
    };
    let worst = null;
    const consider = (el, rect) => {
        if (rect.width === 0 && rect.height === 0) return;
        const right = rect.right + window.scrollX;
        if (right > width + 0.5 && (!worst || right > worst.right)) worst = { el, right };
    };
    for (const el of document.body.querySelectorAll("*")) consider(el, el.getBoundingClientRect());
    // A long word runs out of its box without its element getting wider: measure the text too.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim()) continue;
        range.selectNodeContents(node);
        consider(node.parentElement, range.getBoundingClientRect());
    }
    return `${scrollWidth}px wide, widest: ${worst ? path(worst.el) : "?"}`;
}"""


@pytest.fixture
def demo():
    # What the migrations made, flushed after an earlier transactional test: the locales, the
    # root page and collection (as BilingualSiteMixin.build_site does).
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    dutch, _ = Locale.objects.get_or_create(language_code="nl")
    Locale.objects.get_or_create(language_code="de")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=dutch))
    call_command("load_demo", stdout=StringIO())


def log_in(page, live_server, email):
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def sitemap_sample(live_server, page):
    """One page of each type in each language, from the sitemap."""
    sitemap = page.request.get(f"{live_server.url}/sitemap.xml").text()
    listed = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    kinds = {}
    for wagtail_page in Page.objects.live().specific().exclude(depth=1):
        kinds[wagtail_page.get_url_parts()[2]] = (
            type(wagtail_page).__name__,
            wagtail_page.locale.language_code,
        )
    sample = {}
    for url in listed:
        path = urlparse(url).path
        assert path in kinds, f"{url} in the sitemap is no live page"
        sample.setdefault(kinds[path], path)
    # Text pages whose headings or bodies were too wide before (privacy statement, history).
    wide_before = (
        "/privacyverklaring/",
        "/datenschutzerklaerung/",
        "/geschiedenis/",
        "/geschichte/",
    )
    for url in listed:
        path = urlparse(url).path
        if path.endswith(wide_before):
            sample.setdefault(path, path)
    return list(dict.fromkeys(sample.values()))


def wider_than_screen(page, live_server, paths):
    problems = []
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": 844})
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response.ok, path
            problem = page.evaluate(WIDEST_ELEMENT)
            if problem:
                problems.append(f"{width}px {path}: {problem}")
    return problems


def check_no_page_is_wider_than_a_phone(live_server, page):
    public = sitemap_sample(live_server, page)
    languages = {path.split("/")[1] for path in public}
    assert languages == {"nl", "de"} and len(public) >= 16, public
    public += [
        "/nl/agenda/?view=month",
        "/de/kalender/?view=month",
        f"/nl/search/?q={LONG_TERM}",
        f"/de/search/?q={LONG_TERM}",
        "/nl/search/?q=fiets",
        "/de/search/?q=Radtour",
        "/nl/accounts/login/",
        "/de/accounts/login/",
        "/nl/accounts/signup/",
        "/de/accounts/signup/",
    ]
    problems = wider_than_screen(page, live_server, public)

    log_in(page, live_server, DEMO_MEMBER)
    member = [
        f"/{language}/members/{path}"
        for language in ("nl", "de")
        for path in ("", "profile/", "stories/new/", "meetings/new/")
    ]
    problems += wider_than_screen(page, live_server, member)

    assert problems == [], "\n".join(problems)


def menu_links(page):
    return page.locator(".site-header").get_by_role("link", name=re.compile("^Agenda$"))


def check_phone_menu(live_server, browser):
    """At 390×844 the header is at most a fifth of the screen; "Menu" opens by keyboard, with
    and without JavaScript, and holds the pages, the search and the language switch."""
    for javascript in (True, False):
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, locale="nl-NL", java_script_enabled=javascript
        )
        page = context.new_page()
        page.goto(f"{live_server.url}/nl/")
        header = page.locator(".site-header").bounding_box()
        assert header["height"] <= 0.2 * 844, header
        # Closed: the menu items, search and languages are out of sight (and out of the tab order).
        assert not menu_links(page).first.is_visible()
        assert not page.get_by_role("searchbox").first.is_visible()

        # A keyboard user reaches the toggle after the skip link and the brand, and opens it.
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        toggle = page.locator("summary")
        assert toggle.evaluate("element => element === document.activeElement")
        assert toggle.inner_text().strip() == "Menu"
        page.keyboard.press("Enter")
        assert page.locator("details.phone-menu").evaluate("details => details.open")
        assert menu_links(page).is_visible()

        # Search and language switch are in it.
        search = page.get_by_role("searchbox", name="Zoeken op de website")
        search.fill("fiets")
        search.press("Enter")
        assert page.url == f"{live_server.url}/nl/search/?q=fiets"
        page.locator("summary").click()
        page.get_by_role("navigation", name="Kies een taal").get_by_role(
            "link", name="Deutsch"
        ).click()
        assert page.url.startswith(f"{live_server.url}/de/")
        assert page.locator("summary").inner_text().strip() == "Menü"
        context.close()


def check_month_view_and_desktop(live_server, page):
    """A phone lists the days with meetings; a desktop shows the grid and the full header."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/nl/agenda/?view=month")
    assert not page.locator("table.month__grid").is_visible()
    days = page.locator(".month__list .month__day")
    assert days.count() >= 1
    for day in days.all():
        assert day.get_by_role("heading", level=3).is_visible()
        assert day.get_by_role("link").count() >= 1  # only days with meetings are listed
    first = days.first.get_by_role("link").first
    first_title = first.inner_text()
    first.click()
    assert page.get_by_role("heading", level=1).inner_text() in first_title

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/de/kalender/?view=month")
    assert page.locator("table.month__grid").is_visible()
    assert not page.locator(".month__list").is_visible()
    assert page.locator("table.month__grid tbody tr").count() >= 4
    # The desktop header as before: the menu bar, the search field and the languages in sight.
    assert not page.locator("summary").is_visible()
    assert page.get_by_role("navigation", name="Hauptnavigation").is_visible()
    assert page.get_by_role("searchbox").is_visible()
    assert page.get_by_role("navigation", name="Sprache wählen").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    # Between a phone and a desktop (a tablet, a narrow window), the header is either the
    # phone's menu or the desktop's bar on one row, the main menu on one row too: never the
    # languages or a menu item alone on a second row (found at 896-990 px).
    one_row = """(selector) => {
        const boxes = [...document.querySelectorAll(selector)]
            .filter(el => el.offsetParent).map(el => el.getBoundingClientRect());
        const bottom = Math.min(...boxes.map(box => box.bottom));
        return boxes.every(box => box.top < bottom);
    }"""
    for width in (900, 960, 990, 1000, 1100):
        for path in ("/de/", "/nl/"):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{live_server.url}{path}")
            if page.locator("summary").is_visible():
                assert not page.locator(".main-nav").is_visible(), (width, path)
                continue
            assert page.evaluate(one_row, ".site-header__inner > *"), (width, path)
            assert page.evaluate(one_row, ".main-nav li"), (width, path)


def check_an_empty_month_says_so_at_every_width(live_server, page):
    """A month without meetings or visits says so on a desktop as on a phone, not a bare grid."""
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for path, message in (
            ("/nl/agenda/", "Deze maand zijn er geen bijeenkomsten."),
            ("/de/kalender/", "In diesem Monat finden keine Treffen statt."),
        ):
            page.goto(f"{live_server.url}{path}?view=month&month={FIRST_YEAR}-01")
            assert page.get_by_text(message).is_visible(), (width, path)


# The dates (a day, or days of one month) that run over two lines: each with the element it is in.
BROKEN_DATES = r"""() => {
    const date = /(\d{1,2}\.?–)?\d{1,2}\.?\s+\p{L}+\s+\d{4}|\d{1,2}[-.]\d{1,2}[-.]\d{4}/gu;
    const broken = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const found of node.textContent.matchAll(date)) {
            range.setStart(node, found.index);
            range.setEnd(node, found.index + found[0].length);
            const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0)
                .map((rect) => Math.round(rect.bottom)));
            if (lines.size > 1) broken.push(`${found[0]} in ${node.parentElement.outerHTML}`);
        }
    }
    return broken;
}"""


def broken_dates(page, live_server, paths):
    problems = []
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": 844})
        for path in paths:
            assert page.goto(f"{live_server.url}{path}").ok, path
            problems += [f"{width}px {path}: {date}" for date in page.evaluate(BROKEN_DATES)]
    return problems


def check_no_date_runs_over_two_lines_on_a_phone(live_server, page):
    """ "Aanmelden tot 17-2-2027" ended a line at "17-" in the admin's visits list, and
    "Aanmelden kan tot uiterlijk dinsdag 22 december 2026" at "22" on a meeting's page: a date
    is read in one piece, on the public site, in the member area and in the admin alike."""
    calendar = [
        shown.get_url()
        for shown in (*MeetingPage.objects.live(), *VisitPage.objects.live())
        if shown.get_url()
    ]
    assert len(calendar) >= 20 and {path.split("/")[1] for path in calendar} == {"nl", "de"}
    problems = broken_dates(page, live_server, ["/nl/agenda/", "/de/kalender/", *calendar])
    log_in(page, live_server, DEMO_MEMBER)
    problems += broken_dates(page, live_server, ["/nl/members/", "/de/members/"])
    for editor in DEMO_EDITORS:
        log_in(page, live_server, editor)
        problems += broken_dates(page, live_server, ["/admin/exchange-visits/"])
    assert problems == [], "\n".join(problems)


# The time ranges ("19:30–21:00") that run over two lines, each with the element it is in. A
# range spans elements (<time>19:30</time>–<time>21:00</time>): the page's text is read whole
# and each match mapped back to the text nodes it starts and ends in.
BROKEN_TIME_RANGES = r"""() => {
    const nodes = [];
    let text = "";
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, from: text.length });
        text += node.textContent;
    }
    const place = (offset, end) => {
        const found = nodes.findLast((n) => (end ? n.from < offset : n.from <= offset));
        return [found.node, offset - found.from];
    };
    const broken = [];
    const range = document.createRange();
    for (const found of text.matchAll(/\d{1,2}:\d{2}\s?[–-]\u2060?\s?\d{1,2}:\d{2}/g)) {
        range.setStart(...place(found.index, false));
        range.setEnd(...place(found.index + found[0].length, true));
        const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0)
            .map((rect) => Math.round(rect.bottom)));
        if (lines.size > 1) {
            broken.push(`${found[0]} in "${range.commonAncestorContainer.textContent.trim()}"`);
        }
    }
    return broken;
}"""


def check_no_time_range_runs_over_two_lines_on_a_phone(live_server, page):
    """A meeting card said "19:30–" at the end of a line and "21:00" on the next: on the
    calendar, the home page, the sector pages and the meetings' own pages, the hours of a
    meeting are read in one piece."""
    sectors = [sector.get_url() for sector in SectorPage.objects.live()]
    meetings = [meeting.get_url() for meeting in MeetingPage.objects.live()]
    paths = ["/nl/agenda/", "/de/kalender/", "/nl/", "/de/", *sectors, *meetings]
    problems = []
    ranges = 0
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": 844})
        for path in paths:
            assert page.goto(f"{live_server.url}{path}").ok, path
            ranges += page.locator(".meeting__when").count()
            broken = page.evaluate(BROKEN_TIME_RANGES)
            problems += [f"{width}px {path}: {hours}" for hours in broken]
    assert ranges >= 40
    assert problems == [], "\n".join(problems)


def check_calendar_on_a_phone_heads_visits_and_meetings_apart(live_server, page):
    """At 390 px the meetings seemed to sit under the heading "Uitwisselingsbezoeken": the
    meetings' own heading was hidden. Each list is under its own heading, in sight."""
    page.set_viewport_size({"width": 390, "height": 844})
    for path, visits, meetings in (
        ("/nl/agenda/", "Uitwisselingsbezoeken", "Komende bijeenkomsten"),
        ("/de/kalender/", "Austauschbesuche", "Kommende Treffen"),
    ):
        page.goto(f"{live_server.url}{path}")
        headings = page.get_by_role("heading", level=2)
        # Seen, not only read out: a visually hidden heading is a box of a pixel.
        visible = [
            heading.inner_text()
            for heading in headings.all()
            if heading.is_visible() and heading.bounding_box()["height"] > 16
        ]
        assert visible[:2] == [visits, meetings], visible
        # The meetings' heading is below the last visit and above the first meeting.
        meetings_heading = headings.filter(has_text=meetings).bounding_box()
        last_visit = page.locator(".visit-list .meeting").last.bounding_box()
        first_meeting = page.locator(".meeting-list .meeting:not(.visit-list *)").first
        assert last_visit["y"] + last_visit["height"] <= meetings_heading["y"]
        below_heading = meetings_heading["y"] + meetings_heading["height"]
        assert below_heading <= first_meeting.bounding_box()["y"]


# The buttons whose label takes more than one line, by their label.
WRAPPED_BUTTONS = """(selector) => {
    const range = document.createRange();
    return [...document.querySelectorAll(selector)].filter((button) => {
        range.selectNodeContents(button);
        const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0)
            .map((rect) => Math.round(rect.bottom)));
        return lines.size > 1;
    }).map((button) => button.innerText.trim());
}"""


def check_an_exchange_visits_buttons_are_one_line_on_a_phone(live_server, page):
    """The German visit page's sign-up button was a whole sentence ("Melden Sie sich als
    Mitglied an, um als Gast mitzureisen oder Gastfamilie zu sein.") in a button of two lines
    at 390 px: a button is a label, read at a glance, for visitors and members alike."""
    visits = [visit.get_url() for visit in VisitPage.objects.live()]
    assert {path.split("/")[1] for path in visits} == {"nl", "de"}
    problems = []
    for member in (None, DEMO_MEMBER):
        if member:
            log_in(page, live_server, member)
        for width in PHONE_WIDTHS:
            page.set_viewport_size({"width": width, "height": 844})
            for path in visits:
                assert page.goto(f"{live_server.url}{path}").ok, path
                assert page.locator(".visit-signup .button").count() >= 2, path
                wrapped = page.evaluate(WRAPPED_BUTTONS, ".visit-signup .button")
                problems += [f"{width}px {path} ({member}): {label}" for label in wrapped]
    assert problems == [], "\n".join(problems)


# How far the report link of a member's story or meeting is from the block above it, in px.
REPORT_LINK_GAP = """() => {
    const link = document.querySelector("article > .report-link");
    const above = link && link.previousElementSibling;
    return above ? link.getBoundingClientRect().top - above.getBoundingClientRect().bottom : null;
}"""


def check_the_report_link_stands_apart(live_server, page):
    """Walk 14: on a phone, "Deze bijdrage melden" sat a pixel under the card with the story's
    sectors and sharing buttons, as if it were part of it."""
    contributions = [
        item.get_url()
        for model in (StoryPage, MeetingPage)
        for item in model.objects.live().filter(member_contribution=True)
    ]
    problems, measured = [], 0
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 844})
        for path in contributions:
            assert page.goto(f"{live_server.url}{path}").ok, path
            gap = page.evaluate(REPORT_LINK_GAP)
            if gap is None:
                continue
            measured += 1
            if gap < 16:
                problems.append(f"{width}px {path}: {gap:.0f} px")
    assert measured >= 2, contributions
    assert problems == [], "\n".join(problems)


# The links and choices under `selector` lower than a finger's target (WCAG 2.5.8: 24 px).
LOW_TARGETS = """(selector) => [...document.querySelectorAll(selector)]
    .map((el) => [el.textContent.trim().slice(0, 40), el.getBoundingClientRect().height])
    .filter(([, height]) => height > 0 && height < 24)
    .map(([text, height]) => `${text}: ${height.toFixed(0)} px`)"""


def check_small_targets_are_a_finger_high_on_a_phone(live_server, page):
    """Walk 15: at 390 px a form's choices (towns, languages, nights) were the browser's 13 px
    boxes beside their words, a meeting's calendar links 21 px high and 24 px apart, the
    footer's links 22 px."""
    meeting = next(
        meeting.get_url()
        for meeting in MeetingPage.objects.live().filter(locale__language_code="nl")
        if not meeting.cancelled and meeting.start
    )
    log_in(page, live_server, DEMO_MEMBER)
    page.set_viewport_size({"width": 390, "height": 844})
    problems = []
    for path, selector in (
        ("/nl/members/stories/new/", ".field--choices label"),
        (meeting, ".feed-links a"),
        ("/de/", ".site-footer__nav a"),
    ):
        assert page.goto(f"{live_server.url}{path}").ok, path
        assert page.locator(selector).count(), (path, selector)
        problems += [f"{path} {found}" for found in page.evaluate(LOW_TARGETS, selector)]
    assert problems == [], "\n".join(problems)


# One test, in parts, on one load of the demo (about a minute on CI's machine, where five loads
# were a tenth of the suite's browser time): each part has a page of its own, so no login or
# window size carries over from one to the next.
CHECKS = {
    "no page is wider than a phone": check_no_page_is_wider_than_a_phone,
    "no date runs over two lines on a phone": check_no_date_runs_over_two_lines_on_a_phone,
    "no time range runs over two lines on a phone": (
        check_no_time_range_runs_over_two_lines_on_a_phone
    ),
    "the calendar heads visits and meetings apart on a phone": (
        check_calendar_on_a_phone_heads_visits_and_meetings_apart
    ),
    "an exchange visit's buttons are one line on a phone": (
        check_an_exchange_visits_buttons_are_one_line_on_a_phone
    ),
    "the month as a list on a phone and the unchanged desktop": check_month_view_and_desktop,
    "an empty month says so at every width": check_an_empty_month_says_so_at_every_width,
    "the report link stands apart": check_the_report_link_stands_apart,
    "small targets are a finger high on a phone": check_small_targets_are_a_finger_high_on_a_phone,
}


def test_phones_and_desktops_on_the_demo(demo, live_server, browser, subtests):
    for name, check in CHECKS.items():
        with subtests.test(name):
            context = browser.new_context(locale="nl-NL")
            try:
                check(live_server, context.new_page())
            finally:
                context.close()
    with subtests.test("the phone menu opens by keyboard, with and without JavaScript"):
        check_phone_menu(live_server, browser)
