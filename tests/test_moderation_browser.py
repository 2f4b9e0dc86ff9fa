"""The moderators' and editors' admin in a real browser (headless Chromium): on a phone the
admin's lists (reports, members, registrations, the page explorer) wrap their titles between
words, never inside one; the dashboard's review buttons decide (their script came with
Wagtail's own review panel, which the dashboard leaves out)."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import TranslationCreator

from community.models import Report
from community.roles import EDITOR_GROUPS, MODERATORS
from community.roles.setup import setup_roles
from exchanges.factories import CalendarPageFactory, MeetingPageFactory
from exchanges.models import Registration, StoryPage
from tests.conftest import without_editing_sessions
from tests.stories_base import StoriesMixin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NO_SIDEWAYS_SCROLLING = "document.documentElement.scrollWidth <= innerWidth"
# The words of the listing's titles that the browser laid out on more than one line (a
# compound may break after its hyphen: "Herzebrock-" and "Clarholz" count as words).
SPLIT_WORDS = """() => {
    const split = [];
    for (const link of document.querySelectorAll("table.listing td.title a")) {
        for (const node of link.childNodes) {
            if (node.nodeType !== Node.TEXT_NODE) continue;
            for (const word of node.textContent.matchAll(/[^\\s-]+-?/g)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                if (lines.size > 1) split.push(word[0]);
            }
        }
    }
    return split;
}"""


@pytest.fixture
def site():
    class Site(StoriesMixin):
        pass

    Site.build_stories()
    setup_roles()
    return Site


def log_in_as_moderator(browser, live_server, width, group=MODERATORS):
    moderator = get_user_model().objects.create_user(f"{group[:4].lower()}@example.org", "x-123")
    moderator.groups.add(Group.objects.get(name=group))
    return log_in(browser, live_server, moderator, width)


def log_in(browser, live_server, user, width, locale="nl-NL"):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": width, "height": 844}, locale=locale)
    without_editing_sessions(context)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


def test_on_a_phone_the_reports_list_breaks_titles_between_words(site, live_server, browser):
    titles = [
        "Kunstgrasvelden in Steenwijkerland en Herzebrock-Clarholz vergeleken",
        "Een zomermiddag op de punter met gasten uit Clarholz",
    ]
    for number, title in enumerate(titles):
        story = site.story(title=title, slug=f"verhaal-{number}")
        Report.objects.file(story, "spam", session_key=f"s{number}", address=f"192.0.2.{number}")
    page = log_in_as_moderator(browser, live_server, width=390)
    page.goto(f"{live_server.url}/admin/reports/")
    shown = page.locator("table.listing td.title a")
    assert sorted(shown.all_inner_texts()) == sorted(titles)
    assert page.evaluate(SPLIT_WORDS) == []
    # The titles do wrap (between words), and the list scrolls in its own box, not the page.
    assert page.evaluate(
        "[...document.querySelectorAll('table.listing td.title a')]"
        ".every((link) => link.getClientRects().length > 1)"
    )
    assert page.evaluate(NO_SIDEWAYS_SCROLLING)
    page.context.close()


def test_on_a_phone_the_admins_lists_break_titles_between_words(site, live_server, browser):
    """Members by their addresses, registrations by their meetings, the explorer by its pages:
    every list of the admin (static/css/admin.css), not only the reports'."""
    for name in ("gerrit.van.der.veen", "brigitte.hoffmann-schulte"):
        member = get_user_model().objects.create_user(f"{name}@bewoners.example", "x")
        meeting = MeetingPageFactory(
            parent=CalendarPageFactory(parent=site.home, slug=f"agenda-{member.pk}"),
            title="Online taalcafé Nederlands-Duits voor gevorderden",
            start=timezone.now() + datetime.timedelta(days=7),
            end=timezone.now() + datetime.timedelta(days=7, hours=2),
            capacity=20,
        )
        Registration.objects.register(meeting, member)
    site.story(title="Samenwerkingsovereenkomst duurzaamheidsagenda", slug="overeenkomst")
    page = log_in_as_moderator(browser, live_server, width=390, group=EDITOR_GROUPS[0])
    for listing in (
        "/admin/members/",
        "/admin/registrations/",
        f"/admin/pages/{site.story_index.pk}/",
    ):
        page.goto(f"{live_server.url}{listing}")
        assert page.locator("table.listing td.title").count() >= 1, listing
        assert page.evaluate(SPLIT_WORDS.replace("td.title a", "td.title *")) == [], listing
        assert page.evaluate(NO_SIDEWAYS_SCROLLING), listing
    page.context.close()


def test_the_dashboard_offers_the_page_search_only_to_who_may_search_pages(
    site, live_server, browser
):
    """A moderator may explore no pages: the search led to a refusal."""
    for group, shown in ((MODERATORS, False), (EDITOR_GROUPS[1], True)):
        page = log_in_as_moderator(browser, live_server, width=1280, group=group)
        page.goto(f"{live_server.url}/admin/")
        expect(page.locator("main").get_by_role("heading", level=1)).to_be_visible()
        assert page.locator("main #id_q").is_visible() is shown, group
        page.context.close()


def awaiting_review(site):
    """A member's story "Fietsen naar Clarholz", sent to the moderators."""
    member = get_user_model().objects.create_user("lid@example.org", "x", display_name="Lid")
    story = site.story(title="Fietsen naar Clarholz", slug="fietsen", live=False)
    story.owner, story.member_contribution = member, True
    story.save()
    story.save_revision(user=member)
    story.get_workflow().start(story, member)
    return story


def test_a_moderator_approves_a_contribution_with_the_dashboards_button(site, live_server, browser):
    story = awaiting_review(site)
    page = log_in_as_moderator(browser, live_server, width=1280)
    page.goto(f"{live_server.url}/admin/")
    review = page.get_by_role("group", name="Fietsen naar Clarholz")
    review.get_by_role("link", name="Goedkeuren", exact=True).click()
    assert not StoryPage.objects.get(pk=story.pk).live  # it asks first
    with translation.override("nl"):
        confirm = gettext("Yes, approve and publish")
        approved = gettext("The contribution “%(title)s” has been approved.")
    page.get_by_role("button", name=confirm).click()
    expect(page.get_by_text(approved % {"title": "Fietsen naar Clarholz"})).to_be_visible()
    assert StoryPage.objects.get(pk=story.pk).live
    page.context.close()


# What of an element lies outside its box or the screen: the box scrolls, or cuts it off.
CUT_OFF = """(selector) => [...document.querySelectorAll(selector)].filter((element) =>
    element.scrollWidth > element.clientWidth
    || element.getBoundingClientRect().right > innerWidth
).map((element) => element.innerText.trim())"""


def test_on_a_phone_the_users_list_shows_its_title_and_add_button(site, live_server, browser):
    """Found by the newcomer's walk: the header read "Be" for "Benutzer", its button cut."""
    administrator = get_user_model().objects.create_superuser("beheer@example.org", "x-123")
    profile = UserProfile.get_for_user(administrator)
    profile.preferred_language = "de"
    profile.save()
    page = log_in(browser, live_server, administrator, width=390, locale="de-DE")
    page.goto(f"{live_server.url}/admin/users/")
    header = ".w-slim-header .w-breadcrumbs, #w-slim-header-buttons a"
    assert page.locator("#w-slim-header-buttons a").count() == 1
    assert page.evaluate(CUT_OFF, header) == []
    assert page.evaluate(NO_SIDEWAYS_SCROLLING)
    page.context.close()


def test_on_a_phone_the_review_buttons_need_no_sideways_scrolling(site, live_server, browser):
    """Found by the newcomer's walk: the dashboard's review buttons were a fifth column, off
    the screen of the moderator's phone."""
    awaiting_review(site)
    page = log_in_as_moderator(browser, live_server, width=390)
    page.goto(f"{live_server.url}/admin/")
    review = page.get_by_role("group", name="Fietsen naar Clarholz")
    expect(review.get_by_role("link", name="Goedkeuren", exact=True)).to_be_visible()
    section = "[aria-labelledby=jumelage-review-heading]"
    assert page.evaluate(CUT_OFF, f"{section} div, {section} [role=group] > *") == []
    assert page.evaluate(NO_SIDEWAYS_SCROLLING)
    page.context.close()


# Each review row's cells on a phone: what the cell says before its value, by column heading.
CELL_LABELS = """(section) => [...document.querySelectorAll(`${section} tbody tr`)].map((row) =>
    [...row.querySelectorAll("td")].slice(1, -1).map((cell) =>
        getComputedStyle(cell, "::before").content))"""
# The left edges of each review row's buttons, line by line (lines by their top).
BUTTON_LINES = """(section) => [...document.querySelectorAll(`${section} [role=group]`)].map(
(group) => {
    const lines = {};
    for (const button of group.children) {
        const box = button.getBoundingClientRect();
        (lines[Math.round(box.top)] ||= []).push(Math.round(box.left));
    }
    return Object.keys(lines).sort((a, b) => a - b).map((top) => lines[top]);
})"""


def test_on_a_phone_each_value_awaiting_review_says_what_it_is(site, live_server, browser):
    """The table's head is out of sight on a phone: "Verhaal  Lid  Steenwijkerland  Nederlands"
    said neither which town nor what the other words were."""
    awaiting_review(site)
    page = log_in_as_moderator(browser, live_server, width=390)
    page.goto(f"{live_server.url}/admin/")
    section = "[aria-labelledby=jumelage-review-heading]"
    with translation.override("nl"):
        headings = [
            gettext("Kind"),
            gettext("Where"),
            gettext("Member (town)"),
            gettext("Language"),
        ]
    assert page.evaluate(CELL_LABELS, section) == [[f'"{name}: "' for name in headings]]
    assert page.evaluate(NO_SIDEWAYS_SCROLLING)
    page.context.close()


def test_on_a_desktop_the_review_buttons_line_up(site, live_server, browser):
    """At 1280 px the four buttons wrapped as the spaces between them fell: the second line
    began further right than the first, differently in each row."""
    for number in range(2):
        member = get_user_model().objects.create_user(f"lid{number}@example.org", "x")
        story = site.story(title=f"Verhaal {number}", slug=f"verhaal-{number}", live=False)
        story.owner, story.member_contribution = member, True
        story.save()
        story.save_revision(user=member)
        story.get_workflow().start(story, member)
    page = log_in_as_moderator(browser, live_server, width=1280)
    page.goto(f"{live_server.url}/admin/")
    rows = page.evaluate(BUTTON_LINES, "[aria-labelledby=jumelage-review-heading]")
    assert len(rows) == 2
    for lines in rows:
        assert lines == rows[0]  # every row's buttons alike
        assert len({line[0] for line in lines}) == 1, lines  # each line starts at one edge
        if len(lines) > 1:
            assert lines[0] == lines[1], lines  # in columns
    page.context.close()


ACTIVE_MENU_ITEMS = """() => [...document.querySelectorAll(".sidebar-menu-item--active > a")]
    .map((link) => link.getAttribute("href"))"""


def test_the_to_review_item_is_highlighted_on_the_list_it_leads_to(site, live_server, browser):
    """The menu's "To review (1)" led to the dashboard's list and was never highlighted there:
    its address ended in "#awaiting-review", which Wagtail's sidebar never found in the path."""
    awaiting_review(site)
    page = log_in_as_moderator(browser, live_server, width=1280)
    with translation.override("nl"):
        label = gettext("To review (%(count)s)") % {"count": 1}
    page.goto(f"{live_server.url}/admin/")
    item = page.locator(".sidebar-menu-item--active")
    expect(item).to_have_count(1)
    expect(item).to_contain_text(label)
    expect(item.get_by_role("link")).to_have_attribute("aria-current", "page")
    # Elsewhere the item of that page is, not this one.
    page.goto(f"{live_server.url}/admin/members/")
    page.locator(".sidebar-menu-item--active").wait_for()
    assert page.evaluate(ACTIVE_MENU_ITEMS) == ["/admin/members/"]
    page.context.close()


def test_an_editor_browses_the_pages_in_the_side_menus_explorer(site, live_server, browser):
    """The explorer reads the admin's page API, whose page actions are closed
    (home/wagtail_hooks.py): it lists and opens pages as before, and sends none of them."""
    editor = get_user_model().objects.create_user("redactie@example.org", "x-123")
    editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
    page = log_in(browser, live_server, editor, width=1280)
    api_calls = []
    page.on("request", lambda request: api_calls.append((request.method, request.url)))
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("button", name="Pagina's").click()
    explorer = page.locator("#wagtail-sidebar")
    expect(explorer.get_by_role("link", name=site.home.title).first).to_be_visible()
    sent = [(method, url) for method, url in api_calls if "/admin/api/" in url]
    assert sent and all(method == "GET" and "/action/" not in url for method, url in sent)
    page.context.close()


@pytest.mark.parametrize("language", ["nl", "de"])
def test_on_a_phone_the_confirmations_buttons_start_at_one_edge(
    site, live_server, browser, language
):
    """At 390 px "Annuleren" wrapped under "Ja, goedkeuren en publiceren", indented by the space
    Wagtail leaves between buttons (walk 4). The German button is long enough to wrap: "Abbrechen"
    goes under "Ja, freigeben und veröffentlichen", at its edge."""
    story = awaiting_review(site)
    state = story.current_workflow_task_state
    moderator = get_user_model().objects.create_user("moderatie@example.org", "x-123")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = language
    profile.save()
    page = log_in(browser, live_server, moderator, width=390)
    page.goto(f"{live_server.url}/admin/pages/workflow/approve/{story.pk}/{state.pk}/")
    with translation.override(language):
        confirm, cancel = gettext("Yes, approve and publish"), gettext("Cancel")
    approve = page.get_by_role("button", name=confirm).bounding_box()
    back = page.get_by_role("link", name=cancel, exact=True).bounding_box()
    assert back["y"] == approve["y"] or back["x"] == approve["x"], (approve, back)
    page.context.close()


MESSAGES_IN_PLACE = """() => {
    const messages = getComputedStyle(document.querySelector(".messages > ul"));
    return messages.top === "0px" && messages.opacity === "1";
}"""
# The tops of the lines of the messages' text, and those the sidebar toggle covers.
MESSAGE_LINES = """() => {
    const toggle = document.querySelector(".sidebar-nav-toggle--mobile").getBoundingClientRect();
    const tops = new Set();
    const covered = [];
    const walker = document.createTreeWalker(document.querySelector(".messages"), 4);
    while (walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(walker.currentNode);
        for (const line of range.getClientRects()) {
            if (!line.width) continue;
            tops.add(Math.round(line.top));
            if (line.left < toggle.right && line.right > toggle.left
                && line.top < toggle.bottom && line.bottom > toggle.top) {
                covered.push(walker.currentNode.textContent.trim());
            }
        }
    }
    return {lines: tops.size, covered};
}"""


def test_on_a_phone_the_sidebar_toggle_covers_no_line_of_a_long_message(site, live_server, browser):
    """At 390 px Wagtail moved its toggle 82 px down when there are messages: it covered the
    fourth line of a long one. Here: "Sync translated pages" with "publish" of a story without its
    date, whose translations are not published, and why (exchanges/page_admin.py)."""
    editor = get_user_model().objects.create_user("redactie@example.org", "x-123")
    editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
    story = site.story(title="Zomerkamp aan de Beulakerwijde", slug="zomerkamp", live=False)
    story.date = None
    story.save()
    TranslationCreator(editor, [site.german]).create_translations(story)
    source = TranslationSource.objects.get(object_id=story.translation_key)
    page = log_in(browser, live_server, editor, width=390)
    page.goto(f"{live_server.url}/admin/localize/update/{source.pk}/")
    page.locator("input[name=publish_translations]").check()
    page.locator("main input[type=submit]").click()
    expect(page.locator(".messages li")).to_contain_text("Zomerkamp aan de Beulakerwijde")
    # Wagtail slides the messages in from above.
    page.wait_for_function(MESSAGES_IN_PLACE)
    seen = page.evaluate(MESSAGE_LINES)
    assert seen["lines"] >= 4, seen
    assert seen["covered"] == [], seen
    page.context.close()


# Whether the confirmation's subtitle (the contribution's title) starts a line of its own, at the
# left edge of the heading's own words.
SUBTITLE_ON_ITS_OWN_LINE = """() => {
    const title = document.querySelector(".w-header__title");
    const subtitle = title.querySelector(".w-header__subtitle");
    const words = [...title.childNodes].find(
        (node) => node.nodeType === 3 && node.textContent.trim());
    const range = document.createRange();
    range.selectNodeContents(words);
    const lines = [...range.getClientRects()].filter((line) => line.width);
    const first = [...subtitle.getClientRects()][0];
    return {
        below: first.top >= Math.max(...lines.map((line) => line.bottom)) - 1,
        sameEdge: Math.round(first.left) === Math.round(Math.min(...lines.map((l) => l.left))),
    };
}"""


@pytest.mark.parametrize("language", ["nl", "de"])
def test_on_a_phone_the_confirmation_and_the_decided_review_wrap_cleanly(
    site, live_server, browser, language
):
    """Found by the newcomer's walk (2026-12-06): at 390 px the confirmation's title ran on into
    the contribution's title, its next line indented by the space between them, and the
    decided review's "Naar de bijdragen die op beoordeling wachten" ran to the screen's edge,
    beyond its button's padding."""
    story = awaiting_review(site)
    state = story.current_workflow_task_state
    moderator = get_user_model().objects.create_user("moderatie@example.org", "x-123")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = language
    profile.save()
    page = log_in(browser, live_server, moderator, width=390)
    page.goto(f"{live_server.url}/admin/pages/workflow/approve/{story.pk}/{state.pk}/")
    assert page.evaluate(SUBTITLE_ON_ITS_OWN_LINE) == {"below": True, "sameEdge": True}
    assert page.evaluate(CUT_OFF, "[data-confirm-approval] .button") == []
    with translation.override(language):
        confirm = gettext("Yes, approve and publish")
    page.get_by_role("button", name=confirm).click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/pages/workflow/decided/{story.pk}/{state.task_id}/")
    expect(page.locator("[data-review-decided]")).to_be_visible()
    assert page.evaluate(CUT_OFF, "[data-review-decided] .button") == []
    page.context.close()


# The header cells of the table of `selector` that a box hiding what runs over cuts off: a
# box that scrolls sideways shows them when scrolled.
CUT_HEADERS = """(selector) => [...document.querySelectorAll(selector + " th")].filter((cell) => {
    const right = cell.getBoundingClientRect().right;
    for (let box = cell.parentElement; box; box = box.parentElement) {
        const overflow = getComputedStyle(box).overflowX;
        if (overflow === "visible") continue;
        if (overflow === "auto" || overflow === "scroll") return false;
        return right > box.getBoundingClientRect().right + 0.5;
    }
    return right > innerWidth + 0.5;
}).map((cell) => cell.innerText.trim())"""


def german_editor_with_meetings(site):
    """A German editor, and two meetings with long titles soon."""
    calendar = CalendarPageFactory(parent=site.home)
    for title, capacity in (
        ("Online-Wissensabend Energiegenossenschaften: die Erträge im Dorf halten", 40),
        ("Online-Wissensabend Klimaanpassung: Regenwasser im Ortskern", None),
    ):
        MeetingPageFactory(parent=calendar, title=title, capacity=capacity, sectors=[site.climate])
    return german_editor(site)


def dashboard(browser, live_server, user, width):
    page = log_in(browser, live_server, user, width=width, locale="de-DE")
    page.goto(f"{live_server.url}/admin/")
    return page


MEETINGS = "[aria-labelledby=jumelage-meetings-heading]"


def test_on_a_german_phone_the_dashboards_meetings_show_every_column(site, live_server, browser):
    """Found by the newcomer's walk: at 390 px the table "Treffen in den nächsten zwei Wochen"
    was 404 px wide in a box that hides what runs over: "Angemeldet" read "Angem"."""
    page = dashboard(browser, live_server, german_editor_with_meetings(site), 390)
    section = MEETINGS
    expect(page.locator(section).get_by_role("columnheader", name="Angemeldet")).to_be_attached()
    assert page.evaluate(CUT_HEADERS, section) == []
    assert page.evaluate(NO_SIDEWAYS_SCROLLING)
    page.context.close()


# The meetings' scrolling box: how far it scrolls, and what its background paints (the shadows
# at an edge with more to see), at its start and scrolled to its end.
SCROLL_BOX = """(selector) => {
    const box = [...document.querySelectorAll(`${selector}, ${selector} *`)].find((element) =>
        ["auto", "scroll"].includes(getComputedStyle(element).overflowX));
    return {
        scrolls: box.scrollWidth > box.clientWidth,
        keyboard: box.tabIndex === 0,
        shadows: getComputedStyle(box).backgroundImage.split("gradient").length - 1,
        label: box.getAttribute("aria-label"),
    };
}"""


def test_on_a_german_phone_the_dashboards_meetings_show_that_they_scroll(
    site, live_server, browser, tmp_path
):
    """Newcomer walk: at 390 px the meetings table scrolled in its own box, and nothing showed
    that it did: the columns beyond the edge looked like all there was. A hint says so, and the
    edge with more to see casts a shadow; neither on a desktop, where the table fits."""
    editor = german_editor_with_meetings(site)
    page = dashboard(browser, live_server, editor, 390)
    box = page.evaluate(SCROLL_BOX, MEETINGS)
    # A box that scrolls is reached and scrolled by keyboard too, and named for who lands on it.
    assert box["scrolls"] and box["keyboard"] and box["label"]
    assert box["shadows"] >= 2
    hint = page.locator(f"{MEETINGS} [data-scroll-hint]")
    expect(hint).to_be_visible()
    # Above the table, not below rows out of sight.
    table = page.locator(f"{MEETINGS} table")
    assert hint.bounding_box()["y"] < table.bounding_box()["y"]
    page.locator(MEETINGS).screenshot(path=tmp_path / "meetings-390-de.png")
    page.context.close()
    page = dashboard(browser, live_server, editor, 1280)
    assert not page.evaluate(SCROLL_BOX, MEETINGS)["scrolls"]
    expect(page.locator(f"{MEETINGS} [data-scroll-hint]")).to_be_hidden()
    page.context.close()


def german_editor(site):
    editor = get_user_model().objects.create_user("redaktion@example.org", "x-123")
    editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[1]))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "de"
    profile.save()
    return editor


# Where an element's box ends, what its text would need, and how its overflow ends.
BOX = """(element) => ({
    right: element.getBoundingClientRect().right,
    needs: element.scrollWidth,
    has: element.clientWidth,
    ellipsis: getComputedStyle(element).textOverflow === "ellipsis",
})"""


def test_on_a_german_phone_the_explorers_language_select_stays_on_the_screen(
    site, live_server, browser
):
    """Walk 8: the side menu's page explorer put the German home's title and the language select
    side by side at their full widths; the select ran past the screen's edge at 390 px. The title
    takes what the select leaves, and ends in an ellipsis when it does not fit."""
    site.home_de.title = "Gemeinsam über die Grenze, zwei Gemeinden im Austausch"
    site.home_de.save_revision().publish()
    page = log_in(browser, live_server, german_editor(site), width=390, locale="de-DE")
    page.goto(f"{live_server.url}/admin/")
    page.locator(".sidebar-nav-toggle--mobile").click()
    page.get_by_role("button", name="Seiten", exact=True).click()
    select = page.locator(".c-page-explorer__header select")
    expect(select).to_be_visible()
    assert select.evaluate(BOX)["right"] <= 390
    title = page.locator(".c-page-explorer__header__title__inner > span")
    shown = title.evaluate(BOX)
    assert shown["ellipsis"] and shown["needs"] > shown["has"]
    assert shown["right"] <= select.bounding_box()["x"]
    page.context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_a_long_page_title_in_the_editors_header_ends_in_an_ellipsis(
    site, live_server, browser, width
):
    """Walk 8: at 390 px the page editor's header cut a long title mid-word at the screen's edge
    ("Online-Wissensabend naturv"), as if that were all of it; on a desktop at the page's status.
    It ends in an ellipsis within its header."""
    story = site.story(
        title="Online-Wissensabend naturverträgliche Landwirtschaft: Blühstreifen und Kiebitzschutz"
    )
    page = log_in(browser, live_server, german_editor(site), width=width, locale="de-DE")
    page.goto(f"{live_server.url}/admin/pages/{story.pk}/edit/")
    title = page.locator(".w-breadcrumbs li:last-child > a")
    expect(title).to_have_text(story.title)
    shown = title.evaluate(BOX)
    assert shown["ellipsis"] and shown["needs"] > shown["has"]
    header = page.locator(".w-breadcrumbs").evaluate(BOX)
    assert shown["right"] <= header["right"] + 0.5
    assert page.evaluate(NO_SIDEWAYS_SCROLLING)
    page.context.close()


# Whether the text of the page's title comes within 0.5rem (8 px) of the "collapse all" button:
# the boxes of its lines, laid out, against the button's.
TITLE_CROWDS_COLLAPSE_ALL = """() => {
    const button = document.querySelector(".w-minimap__collapse-all").getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(document.querySelector("#header-title span"));
    return [...range.getClientRects()].some((line) =>
        line.width > 0 &&
        line.right > button.left - 8 && line.left < button.right + 8 &&
        line.bottom > button.top - 8 && line.top < button.bottom + 8
    );
}"""


@pytest.mark.parametrize("locale", ["nl-NL", "de-DE"])
def test_on_a_desktop_a_reports_long_title_keeps_clear_of_collapse_all(
    site, live_server, browser, locale
):
    """Newcomer's walk: at 1280 px a report's edit page put the "Alles samenvouwen" button, which
    floats at the form's top end, against the end of the first of two lines of a long title. The
    title wraps before the button."""
    story = site.story(
        title="Kunstgrasvelden in Steenwijkerland en Herzebrock-Clarholz vergeleken: een verslag "
        "van twee sportavonden",
        slug="kunstgras",
    )
    report = Report.objects.file(story, "spam", session_key="s1", address="192.0.2.1")
    page = log_in_as_moderator(browser, live_server, width=1280)
    if locale == "de-DE":
        page.context.close()
        page = log_in(browser, live_server, german_editor(site), width=1280, locale=locale)
    page.goto(f"{live_server.url}/admin/reports/edit/{report.pk}/")
    expect(page.locator(".w-minimap__collapse-all")).to_be_visible()
    lines = page.locator("#header-title").evaluate(
        "(h1) => { const r = document.createRange(); r.selectNodeContents(h1);"
        " return new Set([...r.getClientRects()].map((l) => Math.round(l.top))).size; }"
    )
    assert lines >= 2
    assert not page.evaluate(TITLE_CROWDS_COLLAPSE_ALL)
    assert page.evaluate(NO_SIDEWAYS_SCROLLING)
    page.context.close()


def test_on_a_phone_a_report_keeps_clear_of_the_screens_edges(site, live_server, browser):
    """Newcomer's walk at 390 px: a report's panel icons sat against the screen's left edge,
    its links and the decision's box ran up to the minimap's strip at the right."""
    story = site.story(title="Fietsen naar Clarholz", slug="fietsen")
    report = Report.objects.file(story, "spam", session_key="s1", address="192.0.2.1")
    page = log_in_as_moderator(browser, live_server, width=390)
    page.goto(f"{live_server.url}/admin/reports/edit/{report.pk}/")
    expect(page.locator(".report-details")).to_be_visible()
    icons_start = page.evaluate(
        "() => Math.min(...[...document.querySelectorAll('.w-panel__toggle')]"
        ".filter((toggle) => toggle.checkVisibility())"
        ".map((toggle) => toggle.getBoundingClientRect().left))"
    )
    assert icons_start >= 8
    strip = page.locator(".w-minimap").bounding_box()["x"]
    for part in (".report-details", "textarea"):
        box = page.locator(part).first.bounding_box()
        assert box["x"] + box["width"] <= strip - 8, part
    assert page.evaluate(NO_SIDEWAYS_SCROLLING)
    page.context.close()
