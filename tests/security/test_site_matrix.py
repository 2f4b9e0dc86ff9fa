"""Who may open which address of the site outside the admin: every URL pattern of ours (the member
area, registrations, reports, newsletter, search, feeds, calendars), for every role, with GET and
POST, against real objects (a meeting, a member's contribution, an exchange visit to
Herzebrock-Clarholz). The admin has its own table (test_role_matrix.py); allauth's addresses
(accounts/) and Wagtail's page route are theirs, tested by them and by the account tests.

The expected answers are the table MATRIX below; a URL pattern without a row fails the test. The
answers are those of test_role_matrix.py (ok, login, no, 404, 405, and "+" when the request
changed data). A POST is sent empty; every request runs in a savepoint that is rolled back."""

import copy
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client, TestCase
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from community.models import NewsletterSubscriber, Report, SectorMembership
from community.roles import EDITOR_GROUPS
from community.roles.setup import setup_roles
from exchanges.models import CalendarToken, GuestParty, HostOffer, Placement, Registration
from tests.security.test_role_matrix import answer
from tests.visits_base import VisitMixin

User = get_user_model()

ROLES = ("anonymous", "member", "guest", "host", "editor_de")

# Rows many addresses share (columns as in ROLES).
PUBLIC = "ok ok ok ok ok"
MEMBERS = "login ok ok ok ok"  # the member area: anyone logged in
GET_ONLY = "405 405 405 405 405"
NOT_FOUND = "404 404 404 404 404"

MATRIX = {
    # URL name: "anonymous member guest host editor_de", or a pair ("for GET", "for POST")
    "sitemap": (PUBLIC, GET_ONLY),
    "robots_txt": (PUBLIC, GET_ONLY),
    "favicon": (PUBLIC, GET_ONLY),
    "account_email": MEMBERS,  # allauth's address page, ours (community/signup.py)
    # allauth's "forgot password", ours for its limits (community/signup.py): anyone asks.
    "account_reset_password": PUBLIC,
    "member_profile": MEMBERS,
    "join_sector": (GET_ONLY, "login ok+ ok+ ok+ ok+"),
    "leave_sector": (GET_ONLY, MEMBERS),
    "member_delete": MEMBERS,
    # The secret address of their calendar is made on a member's first visit (the "member"
    # has one already).
    "member_area": "login ok ok+ ok+ ok+",
    "contribute_story": MEMBERS,
    "contribute_meeting": MEMBERS,
    "edit_contribution": "login ok 404 404 404",
    "withdraw_contribution": (GET_ONLY, "login ok 404 404 404"),
    "delete_contribution": "login ok 404 404 404",  # asks first, deletes on a POST
    # The picture of a photo kept for her form: only from the session that keeps it.
    "kept_photo": ("login 404 404 404 404", GET_ONLY),
    # Exchange visits: only a resident of the travelling town signs up as a guest, only one of
    # the hosting town offers hosting; coordinators act in the admin, not here. A member
    # reaches only their own party or offer: there is no id of one in any address.
    "visit_guest_party": "login no ok no no",
    "visit_cancel_guest_party": (MEMBERS, "login ok ok+ ok ok"),
    "visit_host_offer": "login no no ok no",
    "visit_withdraw_host_offer": (MEMBERS, "login ok ok ok+ ok"),
    "member_data": MEMBERS,
    "personal_calendar_feed": (PUBLIC, GET_ONLY),
    "reset_calendar_address": MEMBERS,
    "digest_settings": MEMBERS,
    "digest_unsubscribe": NOT_FOUND,
    "report_contribution": NOT_FOUND,
    "search": (PUBLIC, GET_ONLY),
    "newsletter_subscribe": PUBLIC,
    "newsletter_confirm": NOT_FOUND,  # GET shows a button, POST confirms
    "newsletter_unsubscribe": NOT_FOUND,
    "story_feed_rss": PUBLIC,
    "story_feed_atom": PUBLIC,
    "sector_feed_rss": PUBLIC,
    "sector_feed_atom": PUBLIC,
    "calendar_feed": (PUBLIC, GET_ONLY),
    "sector_calendar_feed": (PUBLIC, GET_ONLY),
    "meeting_calendar_feed": (PUBLIC, GET_ONLY),
    "meeting_register": (GET_ONLY, "login ok+ ok+ ok+ ok+"),
    "meeting_cancel_registration": (GET_ONLY, MEMBERS),
    "embed_calendar": (PUBLIC, GET_ONLY),
    "embed_stories": (PUBLIC, GET_ONLY),
    # Wagtail's bare login form for private pages: the site's login instead (jumelage/views.py);
    # someone logged in comes here only from a group's page she is not in: refused, with why
    # (the login sent her back to the page, without end: walk 17b, F1).
    "private_page_login": "login no no no no",
    "wagtailcore_login": "login no no no no",  # the same address, Wagtail's name
    # The open data API (jumelage/api.py): read-only for everyone; `find` without `?id=` and
    # the detail of an image or document no public page shows (the meeting's id) are 404.
    "wagtailapi:pages:listing": (PUBLIC, GET_ONLY),
    "wagtailapi:pages:detail": (PUBLIC, GET_ONLY),
    "wagtailapi:pages:find": (NOT_FOUND, GET_ONLY),
    "wagtailapi:images:listing": (PUBLIC, GET_ONLY),
    "wagtailapi:images:detail": (NOT_FOUND, GET_ONLY),
    "wagtailapi:images:find": (NOT_FOUND, GET_ONLY),
    "wagtailapi:documents:listing": (PUBLIC, GET_ONLY),
    "wagtailapi:documents:detail": (NOT_FOUND, GET_ONLY),
    "wagtailapi:documents:find": (NOT_FOUND, GET_ONLY),
}


def site_patterns():
    """(route, name, kwargs) of every named URL pattern outside the admin, allauth and
    Wagtail's page route, in the Dutch tree."""

    def walk(resolver, prefix="", namespace=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield prefix + str(pattern.pattern), namespace + pattern.name, pattern

    seen = set()
    # The language prefix of a route is the active language's: read them in Dutch.
    with translation.override("nl"):
        patterns = list(walk(get_resolver()))
    for route, name, pattern in patterns:
        module = getattr(pattern.callback, "__module__", "") or ""
        if route.startswith(("admin/", "documents/")) or module.startswith(("allauth", "wagtail")):
            continue
        if name in seen:
            continue
        seen.add(name)
        yield route, name, list(pattern.pattern.converters)


class Objects(VisitMixin):
    @classmethod
    def build(cls):
        cls.build_visit(seats=10)
        setup_roles()
        password = "een-lang-wachtwoord-123"  # noqa: S105
        cls.member = User.objects.create_user("lid@example.org", password, display_name="Lid")
        cls.editor_de = User.objects.create_user("redaktion@example.org", password)
        cls.editor_de.groups.add(Group.objects.get(name=EDITOR_GROUPS[1]))
        cls.party = cls.guest("Anke", adults=2)
        cls.offer = cls.host("Bergmann", beds=2)
        cls.guest_user, cls.host_user = cls.party.user, cls.offer.user
        cls.meeting_page = cls.meeting(timezone.now() + timezone.timedelta(days=5), capacity=5)
        cls.contribution = cls.story(title="Bijdrage", slug="bijdrage", live=False)
        cls.contribution.owner, cls.contribution.member_contribution = cls.member, True
        cls.contribution.save()
        cls.calendar_token = CalendarToken.objects.for_member(cls.member).token


def fingerprint():
    """What an empty or refused request may not change."""
    return (
        list(User.objects.order_by("pk").values_list("pk", "email", "is_active", "town_id")),
        list(GuestParty.objects.order_by("pk").values_list("pk", "status", "adults", "user_id")),
        list(HostOffer.objects.order_by("pk").values_list("pk", "withdrawn_at", "beds")),
        list(Placement.objects.order_by("pk").values_list("pk", "offer_id", "announced_at")),
        list(Registration.objects.order_by("pk").values_list("pk", "status")),
        list(SectorMembership.objects.order_by("pk").values_list("pk", "user_id", "sector_key")),
        list(Report.objects.order_by("pk").values_list("pk", "page_id")),
        list(NewsletterSubscriber.objects.order_by("pk").values_list("pk", "email")),
        list(CalendarToken.objects.order_by("pk").values_list("pk", "token")),
    )


def arguments(test, name, kwargs):
    """The URL arguments of pattern `name`, with the objects it is tried with."""
    if name.startswith("visit_"):
        page_id = test.visit.pk
    elif name.startswith(("join_sector", "leave_sector")):
        page_id = test.climate.pk
    elif name.endswith("_contribution") and name != "report_contribution":
        page_id = test.contribution.pk
    else:
        page_id = test.meeting_page.pk
    values = {
        "page_id": page_id,
        "pk": page_id,
        "slug": test.climate.slug,
        "token": test.calendar_token if name == "personal_calendar_feed" else "not-a-token",
        "slot": 0,
    }
    if name == "kept_photo":
        values["token"] = "5d9c3f8e-1b2a-4c6d-9e0f-a1b2c3d4e5f6"
    return {kwarg: values[kwarg] for kwarg in kwargs}


class SiteMatrixTests(Objects, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build()

    def clients(self):
        accounts = {
            "member": self.member,
            "guest": self.guest_user,
            "host": self.host_user,
            "editor_de": self.editor_de,
        }
        clients = {"anonymous": Client(raise_request_exception=False)}
        for role, user in accounts.items():
            clients[role] = Client(raise_request_exception=False)
            clients[role].force_login(user)
        return clients

    def test_every_role_gets_the_expected_answer_from_every_address_of_the_site(self):
        clients = self.clients()
        self.before = fingerprint()
        self.errors = {}
        mismatches, observed = [], {}
        patterns = list(site_patterns())
        self.assertTrue(any(name == "visit_guest_party" for _route, name, _kw in patterns))
        for _route, name, kwargs in patterns:
            row = MATRIX.get(name)
            if row is None and not os.environ.get("SITE_MATRIX_DUMP"):
                mismatches.append(f"{name}: new address without an expected answer")
                continue
            with translation.override("nl"):
                path = reverse(name, kwargs=arguments(self, name, kwargs))
            answers = {}
            for method in ("GET", "POST"):
                line = row if isinstance(row, str) else (row or ("",) * 2)[method == "POST"]
                wanted = dict(zip(ROLES, line.split(), strict=False))
                for role, client in clients.items():
                    got = self.request(client, method, path)
                    answers.setdefault(method, []).append(got)
                    if wanted and got != wanted[role]:
                        mismatches.append(
                            f"{name} {method} {path} as {role}: {got}, expected {wanted[role]}"
                        )
            observed[name] = answers
        if os.environ.get("SITE_MATRIX_DUMP"):
            with open(os.environ["SITE_MATRIX_DUMP"], "w") as dump:
                for name, answers in observed.items():
                    get, post = " ".join(answers["GET"]), " ".join(answers["POST"])
                    row = f'"{get}"' if get == post else f'("{get}", "{post}")'
                    dump.write(f'    "{name}": {row},\n')
                for path, error in self.errors.items():
                    dump.write(f"# {path}: {error}\n")
        errors = [f"{path}: {error}" for path, error in self.errors.items()]
        self.assertEqual(mismatches, [], "\n".join(["", *mismatches, *errors]))

    def request(self, client, method, path):
        cookies = copy.deepcopy(client.cookies)
        with transaction.atomic():
            response = client.generic(method, path)
            got = answer(response)
            if fingerprint() != self.before:
                got += "+"
            transaction.set_rollback(True)
        client.cookies = cookies
        if getattr(response, "exc_info", None):
            self.errors[path] = repr(response.exc_info[1])[:300]
        return got
