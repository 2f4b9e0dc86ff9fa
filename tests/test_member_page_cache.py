"""A logged-in member's pages come from the anonymous page cache's entries, with everything that
depends on who asks rendered for them (community.middleware.MemberPageCacheMiddleware,
home/live.py): the same page as the one made for them, for every page of the demo."""

import gzip
import re
import time
from io import StringIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, TestCase, override_settings
from django.utils import timezone
from wagtail.models import Page

from community import roles
from community.models import SectorMembership, SectorPage
from exchanges.models import MeetingPage, Registration, StoryPage
from tests.base import cache_reads

# A form's CSRF token is masked anew each time it is shown.
CSRF_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
# Addresses with a query that the site links to, besides its pages.
LISTINGS = (
    "/nl/verhalen/?sector=agrarische-sector",
    "/de/geschichten/?page=2",
    "/nl/agenda/?view=month",
    "/de/kalender/?view=past",
    "/nl/search/?q=fiets",
    "/de/search/?q=chor",
    "/nl/calendar.ics",
    "/de/feeds/stories.rss",
)


def without_tokens(content):
    return CSRF_TOKEN.sub(b'name="csrfmiddlewaretoken" value=""', content)


@override_settings(PAGE_CACHE_SECONDS=300)
class MemberPagesFromTheCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=StringIO())
        User = get_user_model()
        cls.member = User.objects.get(email="anke@bewoners.example")
        cls.editor = User.objects.get(email="redactie@jumelage-steenwijkerland.example")
        # Registered for every meeting that takes registrations: each meeting page shows her
        # registration, and the online ones their link.
        now = timezone.now()
        for meeting in MeetingPage.objects.live().filter(
            alias_of__isnull=True, locale__language_code="nl"
        ):
            if meeting.registration_open(now):
                Registration.objects.register(meeting, cls.member)

    def setUp(self):
        self.visitor = Client()
        self.logged_in = Client()
        self.logged_in.force_login(self.member)

    def addresses(self):
        pages = Page.objects.live().public().filter(depth__gt=1).order_by("path")
        return [page.url for page in pages.specific()] + list(LISTINGS)

    def test_every_page_a_member_gets_from_the_cache_is_the_one_made_for_them(self):
        served = 0
        for url in self.addresses():
            with self.subTest(url=url):
                kept = self.visitor.get(url)
                self.assertEqual(kept.status_code, 200)
                cached = self.logged_in.get(url)
                with self.settings(PAGE_CACHE_SECONDS=0):
                    made = self.logged_in.get(url)
                self.assertEqual(without_tokens(cached.content), without_tokens(made.content))
                if kept.get("X-Page-Cache") == "miss":
                    self.assertEqual(cached["X-Page-Cache"], "hit")
                    self.assertIn("private", cached["Cache-Control"])
                    served += 1
        # Nearly every page is kept (not the search form without a query, nor a made-up one).
        self.assertGreater(served, 100)

    def test_a_member_sees_their_account_registration_membership_and_online_link(self):
        meeting = next(
            meeting
            for meeting in MeetingPage.objects.live()
            .filter(locale__language_code="nl", format="online", alias_of__isnull=True)
            .order_by("start")
            if meeting.registration_open()
        )
        self.visitor.get(meeting.url)
        response = self.logged_in.get(meeting.url)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, "Mijn pagina")
        self.assertContains(response, "U bent aangemeld voor deze bijeenkomst.")
        self.assertContains(response, meeting.online_url)
        anonymous = self.visitor.get(meeting.url)
        self.assertEqual(anonymous["X-Page-Cache"], "hit")
        self.assertNotContains(anonymous, meeting.online_url)
        self.assertNotContains(anonymous, "Mijn pagina")
        self.assertNotContains(anonymous, "csrfmiddlewaretoken")

    def test_a_member_is_not_offered_to_report_her_own_story_and_meeting(self):
        # The form told her she could not report her own; the link is no longer hers, on the
        # page every visitor and member gets from one entry of the cache.
        sabine = get_user_model().objects.get(email="sabine@einwohner.example")
        story = StoryPage.objects.live().get(
            author=self.member, member_contribution=True, locale__language_code="nl"
        )
        meeting = MeetingPage.objects.live().filter(locale__language_code="nl").first()
        # One of the demo's meetings proposed by Sabine, as a moderator approved it.
        MeetingPage.objects.filter(translation_key=meeting.translation_key).update(
            member_contribution=True, owner=sabine, organiser_member=sabine
        )
        for page, author, other in ((story, self.member, sabine), (meeting, sabine, self.member)):
            with self.subTest(page=page.title):
                link = f'href="/nl/report/{page.pk}/"'
                self.assertContains(self.visitor.get(page.url), link)
                hers, theirs = Client(), Client()
                hers.force_login(author)
                theirs.force_login(other)
                response = hers.get(page.url)
                self.assertEqual(response["X-Page-Cache"], "hit")
                self.assertNotContains(response, link)
                response = theirs.get(page.url)
                self.assertEqual(response["X-Page-Cache"], "hit")
                self.assertContains(response, link)
                self.assertContains(self.visitor.get(page.url), link)

    def test_the_report_link_follows_the_report_forms_rule_when_an_editor_credits_another(self):
        # The form refuses the member who owns a version of the contribution; the link was
        # hidden from its credited author instead, and an editor may credit another member
        # (review of session 32): the owner was offered a link the form then refused.
        sabine = get_user_model().objects.get(email="sabine@einwohner.example")
        story = StoryPage.objects.live().get(
            author=self.member, member_contribution=True, locale__language_code="nl"
        )
        StoryPage.objects.filter(translation_key=story.translation_key).update(author=sabine)
        link = f'href="/nl/report/{story.pk}/"'
        owner, credited = Client(), Client()
        owner.force_login(self.member)
        credited.force_login(sabine)
        self.assertContains(self.visitor.get(story.url), link)
        for cached in (True, False):
            with self.subTest(cached=cached), self.settings(PAGE_CACHE_SECONDS=300 * cached):
                self.assertNotContains(owner.get(story.url), link)
                self.assertContains(credited.get(story.url), link)
                refused = owner.get(f"/nl/report/{story.pk}/")
                self.assertContains(refused, "uw eigen bijdrage")

    def test_the_report_link_of_an_alias_follows_its_original(self):
        # Review: a same-language alias of her story (Wagtail's "create alias") has a key of its
        # own and its editor as owner; the form counts it as her story, and so does its link.
        story = StoryPage.objects.live().get(
            author=self.member, member_contribution=True, locale__language_code="nl"
        )
        alias = story.create_alias(update_slug=f"{story.slug}-kopie", user=self.editor)
        link = f'href="/nl/report/{alias.pk}/"'
        owner, editor = Client(), Client()
        owner.force_login(self.member)
        editor.force_login(self.editor)
        self.assertNotContains(owner.get(alias.url), link)
        self.assertContains(self.visitor.get(alias.url), link)
        refused = owner.get(f"/nl/report/{alias.pk}/")
        self.assertContains(refused, "uw eigen bijdrage")

    def test_the_form_token_of_a_page_from_the_cache_is_accepted(self):
        sector = "/nl/sectoren/agrarische-sector/"
        self.visitor.get(sector)
        member = Client(enforce_csrf_checks=True)
        member.force_login(self.member)
        page = member.get(sector)
        self.assertEqual(page["X-Page-Cache"], "hit")
        self.assertContains(page, "Lid worden van deze gemeenschap")
        form = re.search(rb'action="([^"]+/join/)"><input [^>]* value="([^"]+)"', page.content)
        joined = member.post(
            form[1].decode(), {"csrfmiddlewaretoken": form[2].decode()}, follow=True
        )
        self.assertEqual(joined.status_code, 200)
        # The message is shown on a page made for her, not from the cache.
        self.assertNotIn("X-Page-Cache", joined)
        self.assertContains(joined, "Welkom bij de gemeenschap Agrarische sector!")
        after = member.get(sector)
        self.assertEqual(after["X-Page-Cache"], "hit")
        self.assertContains(after, "Deze gemeenschap verlaten")

    def test_an_editor_gets_the_page_with_their_user_bar(self):
        self.visitor.get("/nl/")
        editor = Client()
        editor.force_login(self.editor)
        response = editor.get("/nl/")
        self.assertNotIn("X-Page-Cache", response)
        self.assertContains(response, "wagtail-userbar")

    def test_what_a_member_is_shown_is_never_kept_for_visitors(self):
        meeting = "/nl/agenda/online-taalcafe-nederlands-duits/"
        self.assertNotIn("X-Page-Cache", self.logged_in.get(meeting))
        response = self.visitor.get(meeting)
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertNotContains(response, "Mijn pagina")
        self.assertNotContains(response, "U bent aangemeld")

    def test_a_members_page_from_the_cache_costs_a_few_queries(self):
        self.visitor.get("/nl/verhalen/")
        self.logged_in.get("/nl/verhalen/")
        # Her session where no cache holds it; her account, and that she is a member (who works
        # in the admin sees their user bar), were read on her first visit and are remembered.
        sessions_in_cache = settings.SESSION_ENGINE.endswith("cached_db")
        with self.assertNumQueries(0 if sessions_in_cache else 1):
            response = self.logged_in.get("/nl/verhalen/", HTTP_ACCEPT_ENCODING="gzip")
        self.assertEqual(response["X-Page-Cache"], "hit")
        with self.settings(PAGE_CACHE_SECONDS=0):
            made = self.logged_in.get("/nl/verhalen/")
        self.assertEqual(
            without_tokens(gzip.decompress(response.content)), without_tokens(made.content)
        )

    def test_a_member_made_an_editor_gets_their_user_bar_at_once(self):
        self.visitor.get("/nl/")
        self.assertEqual(self.logged_in.get("/nl/")["X-Page-Cache"], "hit")
        with self.captureOnCommitCallbacks(execute=True):
            self.member.groups.add(Group.objects.get(name=roles.EDITOR_GROUPS[0]))
        response = self.logged_in.get("/nl/")
        self.assertNotIn("X-Page-Cache", response)
        self.assertContains(response, "wagtail-userbar")

    def test_a_group_given_admin_access_gets_its_user_bar_at_once(self):
        helpers = Group.objects.create(name="Helpers")
        self.member.groups.add(helpers)
        self.visitor.get("/nl/")
        self.assertEqual(self.logged_in.get("/nl/")["X-Page-Cache"], "hit")
        with self.captureOnCommitCallbacks(execute=True):
            helpers.permissions.add(
                Permission.objects.get(
                    content_type__app_label="wagtailadmin", codename="access_admin"
                )
            )
        response = self.logged_in.get("/nl/")
        self.assertNotIn("X-Page-Cache", response)
        self.assertContains(response, "wagtail-userbar")

    def test_a_members_page_from_the_cache_is_for_their_browser_only(self):
        self.visitor.get("/nl/verhalen/")
        response = self.logged_in.get("/nl/verhalen/")
        self.assertEqual(response["X-Page-Cache"], "hit")
        directives = {part.strip().split("=")[0] for part in response["Cache-Control"].split(",")}
        self.assertIn("private", directives)
        self.assertFalse(directives & {"public", "s-maxage"})
        # Nor does it write to her session (a form in another tab may be writing to it).
        self.assertNotIn(settings.SESSION_COOKIE_NAME, response.cookies)

    def warm(self, url="/nl/"):
        self.visitor.get(url)
        self.logged_in.get(url)
        self.assertEqual(self.logged_in.get(url)["X-Page-Cache"], "hit")

    def test_a_session_from_before_a_password_change_gets_no_page_as_the_member(self):
        self.warm()
        # As the password form saves it, in another browser of hers or an administrator's.
        member = get_user_model().objects.get(pk=self.member.pk)
        member.set_password("een-heel-nieuw-wachtwoord")
        member.save()
        response = self.logged_in.get("/nl/")
        self.assertNotContains(response, "Mijn pagina")
        self.assertContains(response, "Inloggen")

    def test_a_blocked_member_is_no_longer_served_as_a_member(self):
        self.warm()
        member = get_user_model().objects.get(pk=self.member.pk)
        member.is_active = False
        member.save()
        response = self.logged_in.get("/nl/")
        self.assertNotContains(response, "Mijn pagina")

    def test_a_deleted_account_is_no_longer_served_as_a_member(self):
        self.warm()
        get_user_model().objects.get(pk=self.member.pk).delete()
        self.assertNotContains(self.logged_in.get("/nl/"), "Mijn pagina")

    def test_a_members_account_costs_no_query_once_remembered(self):
        self.warm()
        with self.assertNumQueries(0 if settings.SESSION_ENGINE.endswith("cached_db") else 1):
            response = self.logged_in.get("/nl/")
        self.assertContains(response, "Mijn pagina")

    def test_a_members_sector_and_meeting_from_the_cache_ask_only_for_what_is_hers(self):
        # Nothing: not the sector page again, nor whether she belongs to it (remembered with
        # her account); of a meeting, what its registration shows, her registration and the
        # places taken are kept from her first hit until its registrations change; not whether
        # she moderates (she is remembered as a member).
        sessions = 0 if settings.SESSION_ENGINE.endswith("cached_db") else 1
        for url, queries in (
            ("/nl/sectoren/agrarische-sector/", 0),
            ("/nl/agenda/online-taalcafe-nederlands-duits/", 0),
        ):
            with self.subTest(url):
                self.warm(url)
                # A visitor's hit keeps the parts that show everyone the same (the sector's
                # members, the places left), which her hits take as they are.
                self.assertEqual(self.visitor.get(url)["X-Page-Cache"], "hit")
                with self.assertNumQueries(queries + sessions):
                    response = self.logged_in.get(url)
                self.assertEqual(response["X-Page-Cache"], "hit")

    def test_members_share_what_shows_everyone_the_same_when_no_visitor_comes(self):
        # The bench's member phase: the parts kept with a visitor's hit were outdated by a
        # change (here a new member of the sector) and no visitor comes to keep them again. The
        # first member's hit keeps the sector's members for the next member's, which asks
        # nothing, and shows the newcomer; another change shows at once.
        sector = "/nl/sectoren/agrarische-sector/"
        farming = SectorPage.objects.get(url_path__endswith="/agrarische-sector/")
        self.warm(sector)
        newcomer = get_user_model().objects.create_user(
            "nieuw@bewoners.example",
            "een-lang-wachtwoord-123",
            display_name="Nienke Nieuwe",
            show_on_sector_pages=True,
        )
        with self.captureOnCommitCallbacks(execute=True):
            SectorMembership.objects.create(user=newcomer, sector_key=farming.translation_key)
        self.assertContains(self.logged_in.get(sector), "Nienke")
        other = Client()
        other.force_login(get_user_model().objects.get(email="hendrik@bewoners.example"))
        other.get(sector)
        sessions = 0 if settings.SESSION_ENGINE.endswith("cached_db") else 1
        with self.assertNumQueries(sessions):
            response = other.get(sector)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, "Nienke")
        with self.captureOnCommitCallbacks(execute=True):
            SectorMembership.objects.filter(user=newcomer).delete()
        self.assertNotContains(other.get(sector), "Nienke")

    def test_a_registration_changed_elsewhere_shows_at_once(self):
        url = "/nl/agenda/online-taalcafe-nederlands-duits/"
        meeting = MeetingPage.objects.get(url_path__endswith="/online-taalcafe-nederlands-duits/")
        self.warm(url)
        self.assertContains(self.logged_in.get(url), "U bent aangemeld voor deze bijeenkomst.")
        # Her registration is cancelled in another request (her other browser, a moderator).
        with self.captureOnCommitCallbacks(execute=True):
            Registration.objects.filter(
                user=self.member, meeting_key=meeting.translation_key
            ).delete()
        response = self.logged_in.get(url)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertNotContains(response, "U bent aangemeld voor deze bijeenkomst.")
        self.assertNotContains(response, meeting.online_url)
        self.assertContains(response, "Aanmelden")

    def test_a_membership_ended_elsewhere_shows_the_join_button_at_once(self):
        sector = "/nl/sectoren/agrarische-sector/"
        farming = SectorPage.objects.get(url_path__endswith="/agrarische-sector/")
        with self.captureOnCommitCallbacks(execute=True):
            SectorMembership.objects.create(user=self.member, sector_key=farming.translation_key)
        self.warm(sector)
        self.assertContains(self.logged_in.get(sector), "Deze gemeenschap verlaten")
        # A moderator removes her from the community, in another request.
        with self.captureOnCommitCallbacks(execute=True):
            SectorMembership.objects.filter(user=self.member).delete()
        response = self.logged_in.get(sector)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, "Lid worden van deze gemeenschap")
        self.assertNotContains(response, "Deze gemeenschap verlaten")

    def test_the_cache_keeps_neither_password_nor_email_of_a_member(self):
        self.warm()
        kept = repr(cache.get(f"member-account:{self.member.pk}"))
        self.assertIn("Anke", kept)
        self.assertNotIn(self.member.email, kept)
        self.assertNotIn(get_user_model().objects.get(pk=self.member.pk).password, kept)

    def test_a_cookie_of_a_session_that_holds_nothing_gets_the_visitors_page_from_the_cache(self):
        # An expired session's cookie, or a made-up one: not a page made anew for every request
        # (found by the outsider's pass: 68 instead of 593 requests a second).
        self.visitor.get("/nl/verhalen/")
        stale = Client()
        stale.cookies[settings.SESSION_COOKIE_NAME] = "doesnotexist"
        with self.assertNumQueries(1):  # looking for the session
            response = stale.get("/nl/verhalen/")
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, "Inloggen")
        self.assertNotContains(response, "csrfmiddlewaretoken")
        self.assertEqual(response.cookies[settings.SESSION_COOKIE_NAME].value, "")
        self.assertIn("private", response["Cache-Control"])

    def test_a_block_the_cache_missed_shows_after_the_versions_seconds_at_most(self):
        # As when Redis could not be reached while the moderator blocked her, and came back with
        # its data (found by the outsider's pass: a minute late).
        with self.settings(CACHE_VERSION_SECONDS=1):
            self.warm()
            get_user_model().objects.filter(pk=self.member.pk).update(is_active=False)
            time.sleep(1.1)  # Redis expires entries in real time
            self.assertNotContains(self.logged_in.get("/nl/"), "Mijn pagina")

    def test_a_members_account_and_page_are_one_read_of_the_cache(self):
        self.warm()
        with cache_reads() as reads:
            response = self.logged_in.get("/nl/")
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, "Mijn pagina")
        # Besides her session, where the cache holds it.
        sessions_in_cache = settings.SESSION_ENGINE.endswith("cached_db")
        self.assertEqual(sorted(reads), ["get"] * sessions_in_cache + ["get_many"])
