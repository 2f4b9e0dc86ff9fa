"""The widgets municipalities' websites frame (/<lang>/embed/…) and the code editors copy for
them from the admin."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from community.roles import EDITOR_GROUPS, MODERATORS
from community.roles.setup import setup_roles
from exchanges.choices import MeetingFormat
from exchanges.embed_admin import WIDGETS
from home.machine_translation import MachineTranslation
from tests.calendar_base import CalendarMixin

User = get_user_model()
ONLINE_LINK = "https://meet.example.com/geheim-123"
ATTRIBUTE_URL = re.compile(r'(?:src|href|srcset)="([^"]*)"')


def ahead(days):
    """`days` from today, at 19:00 local time: an evening meeting ends the day it starts whatever
    the time the tests run (from "now" at 23:00, a two-hour meeting ran into the next day, its
    dates took a longer line, and the widgets' heights measured taller)."""
    evening = timezone.localtime().replace(hour=19, minute=0, second=0, microsecond=0)
    return evening + datetime.timedelta(days=days)


def urls_in(html):
    """Every address in a src, href or srcset attribute (srcset: each candidate's URL)."""
    found = []
    for value in ATTRIBUTE_URL.findall(html):
        found.extend(candidate.split()[0] for candidate in value.split(",") if candidate.strip())
    return found


def item_of(html, title):
    """The widget's list item whose title is `title`."""
    [item] = [
        item
        for item in re.findall(r"<li .*?</li>", html, flags=re.DOTALL)
        if f">{title}</a>" in item
    ]
    return item


def embed_url(name, language, **query):
    with translation.override(language):
        url = reverse(name)
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


class EmbedMixin(CalendarMixin):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.picture = get_image_model().objects.create(title="Fietsers", file=get_test_image_file())
        cls.climate_meeting = cls.meeting(
            ahead(3), title="Klimaatcafé", sectors=[cls.climate], town=cls.steenwijkerland
        )
        cls.online_meeting = cls.meeting(
            ahead(4),
            title="Digitaal spreekuur",
            format=MeetingFormat.ONLINE,
            online_url=ONLINE_LINK,
            sectors=[cls.farming],
        )
        cls.cancelled_meeting = cls.meeting(ahead(5), title="Afgelaste excursie", cancelled=True)
        cls.moved_meeting = cls.meeting(
            ahead(6),
            title="Verplaatste lezing",
            moved_from=ahead(2),
            format=MeetingFormat.HYBRID,
            online_url=ONLINE_LINK,
        )
        cls.meeting(ahead(-3), title="Voorbije bijeenkomst")
        cls.meeting(ahead(2), title="Onuitgegeven bijeenkomst", live=False)
        private = cls.meeting(ahead(2), title="Besloten bijeenkomst")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        cls.climate_meeting_de = cls.translated(cls.climate_meeting, title="Klimacafé")
        cls.translated(cls.cancelled_meeting, title="Abgesagter Ausflug")

        cls.bike_story = cls.story(
            title="Op de fiets naar Herzebrock",
            date=datetime.date(2026, 5, 1),
            intro="Twintig fietsers reden naar de partnergemeente.",
            image=cls.picture,
            image_alt="Fietsers op een dijk",
            sectors=[cls.climate],
        )
        cls.farm_story = cls.story(
            title="Boeren bij boeren", date=datetime.date(2026, 4, 1), sectors=[cls.farming]
        )
        cls.story(title="Onuitgegeven verhaal", date=datetime.date(2026, 6, 1), live=False)
        private_story = cls.story(title="Besloten verhaal", date=datetime.date(2026, 6, 2))
        PageViewRestriction.objects.create(
            page=private_story, restriction_type="password", password="x"
        )
        cls.bike_story_de = cls.translated(
            cls.bike_story,
            title="Mit dem Rad nach Herzebrock",
            intro="Zwanzig Radfahrer fuhren in die Partnergemeinde.",
        )

    def widget(self, name, language, **query):
        return self.client.get(embed_url(name, language, **query))


class WidgetContentTests(EmbedMixin, TestCase):
    def test_dutch_calendar_shows_next_meetings_with_their_state_and_format(self):
        response = self.widget("embed_calendar", "nl")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('<html lang="nl">', html)
        self.assertContains(response, "Volgende bijeenkomsten")
        for title in ("Klimaatcafé", "Digitaal spreekuur", "Afgelaste excursie"):
            self.assertContains(response, title)
        self.assertContains(response, "Afgelast")
        self.assertContains(response, "Verplaatst")
        self.assertContains(response, "Online")
        self.assertContains(response, "Hybride")
        self.assertContains(response, "embed__item--cancelled", count=1)

    def test_german_calendar_speaks_german_and_shows_the_translation(self):
        response = self.widget("embed_calendar", "de")
        html = response.content.decode()
        self.assertIn('<html lang="de">', html)
        self.assertContains(response, "Nächste Treffen")
        self.assertContains(response, "Klimacafé")
        self.assertContains(response, "Abgesagt")
        self.assertContains(response, "Alle Treffen auf der Plattform")
        self.assertNotContains(response, "Volgende bijeenkomsten")

    def test_meeting_times_are_local_time(self):
        html = self.widget("embed_calendar", "nl").content.decode()
        local_start = timezone.localtime(self.climate_meeting.start)
        self.assertIn(local_start.strftime("%H:%M"), html)
        self.assertIn(f'datetime="{local_start.strftime("%Y-%m-%dT%H:%M:%S%z")}"', html)

    def test_the_online_link_is_never_in_the_calendar(self):
        for language in ("nl", "de"):
            self.assertNotContains(self.widget("embed_calendar", language), ONLINE_LINK)

    def test_past_unpublished_and_private_meetings_are_not_shown(self):
        response = self.widget("embed_calendar", "nl")
        for title in ("Voorbije bijeenkomst", "Onuitgegeven bijeenkomst", "Besloten bijeenkomst"):
            self.assertNotContains(response, title)

    def test_stories_widget_shows_picture_date_title_and_intro(self):
        response = self.widget("embed_stories", "nl")
        self.assertContains(response, "Nieuwste verhalen")
        self.assertContains(response, "Op de fiets naar Herzebrock")
        self.assertContains(response, "Twintig fietsers reden naar de partnergemeente.")
        self.assertContains(response, 'alt="Fietsers op een dijk"')
        self.assertContains(response, '<time datetime="2026-05-01">')
        self.assertContains(response, "Boeren bij boeren")

    def test_a_story_is_a_small_square_beside_its_text(self):
        html = self.widget("embed_stories", "nl").content.decode()
        bike = item_of(html, "Op de fiets naar Herzebrock")
        self.assertIn('class="embed__thumb"', bike)
        [image] = re.findall(r"<img [^>]*>", bike)
        self.assertIn('width="88"', image)
        self.assertIn('height="88"', image)
        self.assertNotRegex(bike, r'width="(400|800)"')
        self.assertIn('class="embed__text"', bike)

    def test_a_story_without_a_photo_shows_its_sectors_emblem(self):
        farm = item_of(self.widget("embed_stories", "nl").content.decode(), "Boeren bij boeren")
        self.assertIn('<svg class="emblem"', farm)
        self.assertNotIn("<img", farm)

    def test_german_widget_marks_a_machine_translated_story(self):
        source, _created = TranslationSource.update_or_create_from_instance(self.bike_story)
        translation = Translation.objects.create(
            source=source, target_locale=self.german, enabled=True
        )
        MachineTranslation.objects.create(
            translation=translation,
            status=MachineTranslation.Status.TRANSLATED,
            translated_at=timezone.now(),
        )
        bike = item_of(
            self.widget("embed_stories", "de").content.decode(), "Mit dem Rad nach Herzebrock"
        )
        self.assertIn('<span class="embed__label">Maschinell übersetzt</span>', bike)
        dutch = self.widget("embed_stories", "nl").content.decode()
        self.assertNotIn("Machinaal vertaald", dutch)

    def test_german_widget_says_a_story_is_shown_in_dutch(self):
        self.farm_story.copy_for_translation(self.german, alias=True)
        farm = item_of(self.widget("embed_stories", "de").content.decode(), "Boeren bij boeren")
        self.assertIn('<span class="embed__label" lang="de">auf Niederländisch</span>', farm)
        self.assertIn('<h2 class="embed__name" lang="nl">', farm)
        self.assertIn('<svg class="emblem"', farm)
        bike = item_of(
            self.widget("embed_stories", "de").content.decode(), "Mit dem Rad nach Herzebrock"
        )
        self.assertNotIn("auf Niederländisch", bike)

    def test_multi_day_meeting_shows_its_days_and_hours_as_the_calendar_does(self):
        start = timezone.localtime(ahead(1)).replace(hour=10, minute=0)
        meeting = self.meeting(start, hours=30, title="Tweedaagse excursie")
        self.translated(meeting, title="Zweitägiger Ausflug")
        end = start + datetime.timedelta(hours=30)
        days = f"{start.day}–{end.day}" if start.month == end.month else ""
        for language, title, hours in (
            ("nl", "Tweedaagse excursie", "(begint 10:00, eindigt 16:00)"),
            ("de", "Zweitägiger Ausflug", "(beginnt 10:00, endet 16:00)"),
        ):
            item = item_of(self.widget("embed_calendar", language).content.decode(), title)
            when = re.search(r'<p class="embed__meta">(.*?)</p>', item).group(1)
            self.assertIn(hours, when)
            self.assertIn(f'<time datetime="{start.strftime("%Y-%m-%dT%H:%M:%S%z")}">', when)
            self.assertIn(days.replace("–", ".–" if language == "de" else "–"), when)

    def test_german_stories_widget_speaks_german(self):
        response = self.widget("embed_stories", "de")
        self.assertContains(response, "Neueste Geschichten")
        self.assertContains(response, "Mit dem Rad nach Herzebrock")
        self.assertContains(response, "Zwanzig Radfahrer")
        self.assertContains(response, "Alle Geschichten auf der Plattform")

    def test_unpublished_and_private_stories_are_not_shown(self):
        response = self.widget("embed_stories", "nl")
        self.assertNotContains(response, "Onuitgegeven verhaal")
        self.assertNotContains(response, "Besloten verhaal")

    def test_sector_filter_shows_only_that_sectors_items_and_links_to_its_listing(self):
        calendar = self.widget("embed_calendar", "nl", sector="duurzaamheid")
        self.assertContains(calendar, "Klimaatcafé")
        self.assertNotContains(calendar, "Digitaal spreekuur")
        self.assertContains(calendar, "Duurzaamheid en klimaat")
        self.assertContains(calendar, f"{self.calendar.url}?sector=duurzaamheid")
        stories = self.widget("embed_stories", "nl", sector="landbouw")
        self.assertContains(stories, "Boeren bij boeren")
        self.assertNotContains(stories, "Op de fiets")
        german = self.widget("embed_stories", "de", sector="nachhaltigkeit")
        self.assertContains(german, "Mit dem Rad nach Herzebrock")
        self.assertContains(german, "Neueste Geschichten: Nachhaltigkeit und Klima")

    def test_unknown_sector_is_said_in_the_widgets_language_with_a_link_to_the_sectors(self):
        for language, slug, text, link in (
            (
                "de",
                "duurzaamheid",
                "Die Adresse dieses Widgets nennt keine Fachgruppe der Plattform.",
                "Die Fachgruppen auf der Plattform",
            ),
            (
                "nl",
                "nachhaltigkeit",
                "Het adres van deze widget noemt geen sector van het platform.",
                "De sectoren op het platform",
            ),
        ):
            response = self.widget("embed_stories", language, sector=slug)
            self.assertEqual(response.status_code, 404)
            self.assertContains(response, text, status_code=404)
            self.assertNotIn("(nicht mehr)", response.content.decode())
            overview = {"de": self.sector_index_de, "nl": self.sector_index}[language]
            self.assertContains(
                response,
                f'<a href="http://testserver{overview.url}" target="_blank" rel="noopener">'
                f"{link}<span",
                status_code=404,
            )
            self.assertNotIn("Set-Cookie", response.headers)

    def test_empty_widgets_say_so(self):
        for language, text in (
            ("nl", "Er zijn op dit moment geen bijeenkomsten gepland."),
            ("de", "Zurzeit sind keine Treffen geplant."),
        ):
            response = self.widget("embed_calendar", language, sector=self.farming_slug(language))
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, text)

    def farming_slug(self, language):
        # The farming sector has only an online meeting in Dutch; its German alias none.
        self.online_meeting.unpublish()
        return {"nl": "landbouw", "de": "landwirtschaft"}[language]

    def test_every_link_opens_the_platform_in_a_new_tab(self):
        for name in ("embed_calendar", "embed_stories"):
            for language in ("nl", "de"):
                html = self.widget(name, language).content.decode()
                links = re.findall(r"<a [^>]*>", html)
                self.assertGreater(len(links), 1)
                for link in links:
                    self.assertIn('target="_blank"', link)
                    self.assertIn('rel="noopener"', link)
                    self.assertRegex(link, r'href="http://testserver/')

    def test_nothing_is_loaded_from_another_origin(self):
        for name in ("embed_calendar", "embed_stories"):
            html = self.widget(name, "nl").content.decode()
            self.assertNotIn("<script", html)
            addresses = urls_in(html)
            self.assertTrue(any("/static/css/embed" in url for url in addresses))
            for url in addresses:
                self.assertTrue(
                    url.startswith(("/", "http://testserver/")) and not url.startswith("//"),
                    url,
                )


class WidgetHeaderTests(EmbedMixin, TestCase):
    def assert_no_cookie(self, response):
        self.assertNotIn("Set-Cookie", response.headers)
        self.assertFalse(response.cookies)

    def test_widgets_set_no_cookie_and_are_public_for_a_few_minutes(self):
        for name in ("embed_calendar", "embed_stories"):
            response = self.widget(name, "de")
            self.assert_no_cookie(response)
            self.assertIn("public", response["Cache-Control"])
            self.assertIn("max-age=300", response["Cache-Control"])
            self.assertNotIn("Cookie", response.get("Vary", ""))

    def test_a_logged_in_members_widget_reads_no_session(self):
        member = User.objects.create_user("lid@example.org", "een-lang-wachtwoord-123")
        self.client.force_login(member)
        for name in ("embed_calendar", "embed_stories"):
            response = self.widget(name, "nl")
            self.assert_no_cookie(response)
            self.assertFalse(response.wsgi_request.session.accessed)

    @override_settings(PAGE_CACHE_SECONDS=300)
    def test_a_logged_in_members_widget_reads_no_session_with_the_page_cache_on(self):
        # The page caches (home.middleware, community.middleware) leave the widgets alone: had
        # they asked who is logged in, every widget would vary by cookie and no shared cache
        # in front of the site could keep it.
        member = User.objects.create_user("lid@example.org", "een-lang-wachtwoord-123")
        self.client.force_login(member)
        for name in ("embed_calendar", "embed_stories"):
            response = self.widget(name, "nl")
            self.assert_no_cookie(response)
            self.assertFalse(response.wsgi_request.session.accessed)
            self.assertNotIn("Cookie", response.get("Vary", ""))

    @override_settings(PAGE_CACHE_SECONDS=300)
    def test_anonymous_widget_with_the_page_cache_on_keeps_its_frame_ancestors(self):
        for _ in range(2):
            response = self.widget("embed_calendar", "nl")
            self.assertNotEqual(response.get("X-Page-Cache"), "hit")
            self.assertIn("frame-ancestors 'self'", response["Content-Security-Policy"])
            self.assert_no_cookie(response)

    def test_widgets_are_framed_only_by_the_site_without_configured_origins(self):
        for name in ("embed_calendar", "embed_stories"):
            response = self.widget(name, "nl")
            self.assertNotIn("X-Frame-Options", response.headers)
            policy = response["Content-Security-Policy"]
            self.assertIn("frame-ancestors 'self'", policy)
            self.assertNotIn("'none'", policy.split("frame-ancestors")[1].split(";")[0])
            self.assertIn("default-src 'self'", policy)
            self.assertIn("script-src 'self'", policy)

    @override_settings(
        EMBED_FRAME_ORIGINS=["https://www.steenwijkerland.nl", "https://www.herzebrock-clarholz.de"]
    )
    def test_configured_origins_may_frame_the_widgets(self):
        response = self.widget("embed_stories", "de")
        self.assertIn(
            "frame-ancestors 'self' https://www.steenwijkerland.nl "
            "https://www.herzebrock-clarholz.de",
            response["Content-Security-Policy"],
        )

    @override_settings(X_FRAME_OPTIONS="DENY")
    def test_production_deny_does_not_reach_the_widgets_but_the_rest_of_the_site(self):
        self.assertNotIn("X-Frame-Options", self.widget("embed_calendar", "nl").headers)
        self.assertEqual(self.client.get(self.calendar.url)["X-Frame-Options"], "DENY")

    def test_post_is_refused(self):
        self.assertEqual(self.client.post(embed_url("embed_calendar", "nl")).status_code, 405)

    def test_head_is_answered_like_get(self):
        # Link checkers and caches ask with HEAD first.
        for name in ("embed_calendar", "embed_stories"):
            response = self.client.head(embed_url(name, "nl"))
            self.assertEqual(response.status_code, 200)
            self.assertIn("frame-ancestors 'self'", response["Content-Security-Policy"])

    def test_a_hostile_sector_is_an_unknown_sector_on_every_database(self):
        # PostgreSQL refuses to compare text holding a NUL byte (a 500 before).
        for slug in ("\x00", "klimaat\x00", "x" * 300):
            with self.subTest(slug=slug[:12]):
                response = self.widget("embed_stories", "de", sector=slug)
                self.assertEqual(response.status_code, 404)
                self.assertContains(
                    response,
                    "Die Adresse dieses Widgets nennt keine Fachgruppe der Plattform.",
                    status_code=404,
                )

    def answers(self):
        """Every kind of answer a widget gives: a widget, an unknown sector's 404 and a POST's
        405 (from a browser's client, which checks CSRF)."""
        browser = Client(enforce_csrf_checks=True)
        for name in ("embed_calendar", "embed_stories"):
            yield name, 200, self.widget(name, "de")
            yield name, 404, self.widget(name, "de", sector="gibt-es-nicht")
            yield name, 405, browser.post(embed_url(name, "nl"))

    @override_settings(
        EMBED_FRAME_ORIGINS=["https://www.steenwijkerland.nl"], X_FRAME_OPTIONS="DENY"
    )
    def test_every_answer_carries_the_widgets_frame_ancestors_and_policy(self):
        policies = set()
        for name, status, response in self.answers():
            with self.subTest(name=name, status=status):
                self.assertEqual(response.status_code, status)
                self.assertNotIn("X-Frame-Options", response.headers)
                policy = response["Content-Security-Policy"]
                self.assertIn("frame-ancestors 'self' https://www.steenwijkerland.nl", policy)
                policies.add(" ".join(sorted(policy.split("; "))))
        self.assertEqual(len(policies), 1, policies)

    @override_settings(DEBUG=True, EMBED_FRAME_ORIGINS=["https://www.steenwijkerland.nl"])
    def test_an_unknown_sectors_404_keeps_its_frame_ancestors_while_debugging(self):
        # django-csp's middleware writes no policy on a 404 while DEBUG is on.
        for name, status, response in self.answers():
            with self.subTest(name=name, status=status):
                self.assertEqual(response.status_code, status)
                self.assertIn(
                    "frame-ancestors 'self' https://www.steenwijkerland.nl",
                    response["Content-Security-Policy"],
                )
                self.assertIn("default-src 'self'", response["Content-Security-Policy"])


class WidgetQueryTests(EmbedMixin, TestCase):
    def queries(self, name):
        self.widget(name, "nl")  # the site's and locales' lookups, cached for the process
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(self.widget(name, "nl").status_code, 200)
        return len(captured)

    def test_queries_do_not_grow_with_the_number_of_items(self):
        few = {name: self.queries(name) for name in ("embed_calendar", "embed_stories")}
        for number in range(8):
            self.meeting(ahead(10 + number), title=f"Extra {number}", sectors=[self.climate])
            # Every other one without a photo: its sector's emblem stands in.
            picture = {"image": self.picture, "image_alt": "Fietsers"} if number % 2 else {}
            story = self.story(
                title=f"Extra verhaal {number}",
                date=datetime.date(2026, 3, 1 + number),
                sectors=[self.climate if number % 3 else self.farming],
                **picture,
            )
            if number % 4 == 0:
                story.copy_for_translation(self.german, alias=True)
        for name, count in few.items():
            self.assertEqual(self.queries(name), count, name)


class EmbedSnippetAdminTests(EmbedMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        setup_roles()
        cls.editor = User.objects.create_user("redactie@example.org", "een-lang-wachtwoord-123")
        cls.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        cls.moderator = User.objects.create_user("mod@example.org", "een-lang-wachtwoord-123")
        cls.moderator.groups.add(Group.objects.get(name=MODERATORS))
        cls.member = User.objects.create_user("lid@example.org", "een-lang-wachtwoord-123")

    def test_editor_gets_the_iframe_code_for_a_german_sector_widget(self):
        self.client.force_login(self.editor)
        response = self.client.get(
            reverse("embed_snippet"),
            {"widget": "stories", "language": "de", "sector": str(self.climate.translation_key)},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response,
            "&lt;iframe src=&quot;http://testserver/de/embed/stories/?sector=nachhaltigkeit&quot;"
            " title=&quot;Jumelage: neueste Geschichten (Nachhaltigkeit und Klima)&quot;"
            " width=&quot;100%&quot;",
        )
        self.assertContains(response, "loading=&quot;lazy&quot; style=&quot;border:0&quot;")
        self.assertContains(response, 'src="/de/embed/stories/?sector=nachhaltigkeit"')
        self.assertContains(response, "js/copy-field.js")

    def test_editor_gets_the_calendar_code_by_default(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("embed_snippet"))
        self.assertContains(response, "http://testserver/")
        self.assertContains(response, "/embed/calendar/&quot;")
        self.assertContains(response, "title=&quot;Jumelage: volgende bijeenkomsten&quot;")
        self.assertContains(response, "style=&quot;border:0&quot;")

    def test_the_editor_is_told_which_websites_show_the_widgets(self):
        """By their addresses, or that none does yet; never the name of a setting."""
        self.client.force_login(self.editor)
        with override_settings(EMBED_FRAME_ORIGINS=[]):
            response = self.client.get(reverse("embed_snippet"))
        self.assertContains(response, "Nog geen andere website mag de widgets tonen")
        with override_settings(EMBED_FRAME_ORIGINS=["https://www.steenwijkerland.nl"]):
            response = self.client.get(reverse("embed_snippet"))
        self.assertContains(response, "Browsers tonen de widgets alleen op deze websites:")
        self.assertContains(response, "<li>https://www.steenwijkerland.nl</li>", html=True)
        self.assertNotContains(response, "EMBED_FRAME_ORIGINS")

    def test_sector_widgets_title_names_the_sector(self):
        self.client.force_login(self.editor)
        response = self.client.get(
            reverse("embed_snippet"),
            {"widget": "calendar", "language": "nl", "sector": str(self.farming.translation_key)},
        )
        self.assertContains(
            response, "title=&quot;Jumelage: volgende bijeenkomsten (Landbouw)&quot;"
        )

    def test_the_german_editor_is_told_to_paste_the_code_into_the_other_website(self):
        """The code goes into a page of the other website (a municipality's), not of this
        one: "dieser Website" sends a German editor to paste it into our own pages."""
        editor = User.objects.create_user(
            "redaktion@example.org", "ein-langes-passwort-123", language="de"
        )
        editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[1]))
        profile = UserProfile.get_for_user(editor)
        profile.preferred_language = "de"
        profile.save()
        self.client.force_login(editor)
        response = self.client.get(reverse("embed_snippet"))
        self.assertContains(response, "auf einer anderen Website")
        self.assertNotContains(response, "in eine Seite dieser Website")

    def test_moderator_and_member_are_refused(self):
        for user in (self.moderator, self.member):
            self.client.force_login(user)
            response = self.client.get(reverse("embed_snippet"))
            self.assertNotEqual(response.status_code, 200)
            self.assertNotIn(b"embed/calendar", response.content)


# What the demo's items look like (jumelage/demo/content): long titles, introductions of two or
# three sentences, a photo or none, a label.
LONG_TITLES = (
    "Online kennissessie klimaatadaptatie: regenwater in de dorpskern",
    "Gezamenlijke raadsavond van Steenwijkerland en Herzebrock-Clarholz",
    "Voorbereidingsavond voor het bezoek van jonge boeren uit Clarholz",
    "Online kennissessie natuurinclusief boeren: akkerranden en kievitsbescherming",
    "Met de fiets naar Steenwijk: 180 kilometer in drie dagen door twee landen",
)
LONG_INTRO = (
    "Twaalf fietsers uit Herzebrock-Clarholz reden in juni naar het jumelagefeest in "
    "Steenwijk. Onderweg sliepen ze bij gastgezinnen en bezochten ze twee boerderijen, een "
    "zuivelfabriek en het gemeentehuis van Steenwijkerland."
)


@pytest.fixture
def long_items():
    class Site(CalendarMixin):
        pass

    Site.build_calendar()
    picture = get_image_model().objects.create(title="Fietsers", file=get_test_image_file())
    for number, title in enumerate(LONG_TITLES):
        meeting = Site.meeting(
            ahead(2 + number),
            title=title,
            format=MeetingFormat.HYBRID,
            online_url=ONLINE_LINK,
            town=Site.steenwijkerland,
            cancelled=number == 1,
            moved_from=ahead(1) if number == 2 else None,
        )
        Site.translated(meeting, title=title.replace("Online kennissessie", "Online-Wissensabend"))
        story = Site.story(
            title=title,
            date=datetime.date(2026, 5, 1 + number),
            intro=LONG_INTRO,
            sectors=[Site.climate],
            **({"image": picture, "image_alt": "Fietsers"} if number % 2 else {}),
        )
        story.copy_for_translation(Site.german, alias=True)
    return Site


def body_height(page, url, width):
    page.set_viewport_size({"width": width, "height": 400})
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.locator(".embed__item").count() == 5
    return page.evaluate("Math.ceil(document.body.getBoundingClientRect().bottom + scrollY)")


@pytest.mark.browser
@pytest.mark.same_on_every_database
@pytest.mark.django_db(transaction=True)
def test_the_snippets_height_shows_five_items_and_the_link_from_320_to_400_px(
    long_items, live_server, page
):
    # Chromium's measure of each widget, in both languages, with long titles and
    # introductions: the frame the editors' code sets must show all of it, the link to the
    # platform included, with no scroll bar inside the municipality's page.
    for widget, (name, _title, _sector_title, height) in WIDGETS.items():
        for language in ("nl", "de"):
            url = f"{live_server.url}{embed_url(name, language)}"
            for width in (320, 340, 400):
                measured = body_height(page, url, width)
                assert measured <= height, (widget, language, width, measured, height)
                if widget == "stories" and language == "nl" and width == 340:
                    # Compact: a small square beside the text, title and introduction in three
                    # lines at most (the demo's five stories take about 800 px).
                    assert measured <= 850, measured
