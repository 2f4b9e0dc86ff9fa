"""Members from both towns: sign-up, profile, communities, contributions and moderation.

Permission tests are object-level and deny by default: a member reaches only their own things."""

import datetime
import importlib
import io
import json
import os
import re
import uuid
from unittest import mock
from urllib.parse import quote

import pytest
from allauth.account.forms import BaseSignupForm as AllauthSignupForm
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from bs4 import BeautifulSoup
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from community import contributions
from community.models import (
    NewsletterSubscriber,
    PrivacyConsent,
    SectorMembership,
    UnconfirmableAddressChange,
)
from community.uploads import kept_files, kept_folder, small_picture
from exchanges.choices import MeetingFormat, SpokenLanguage
from exchanges.contribution_forms import MeetingForm, StoryForm
from exchanges.models import MeetingPage, Registration, StoryPage
from exchanges.models.meetings import END_NEEDED, START_NEEDED
from exchanges.models.stories import DATE_NEEDED
from tests.base import gave_password
from tests.calendar_base import CalendarMixin, local, year_like

User = get_user_model()
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'

release_published_translations = importlib.import_module(
    "exchanges.migrations.0014_release_published_translations"
).release_published_translations


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def photo(name="foto.jpg", size=(640, 480), gps=False, image_format="JPEG"):
    image = Image.new("RGB", size, (30, 120, 160))
    buffer = io.BytesIO()
    options = {}
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "Camera maker"
        exif[0x8825] = {1: "N", 2: (52.0, 47.0, 0.0), 3: "E", 4: (6.0, 7.0, 0.0)}
        options["exif"] = exif
    image.save(buffer, format=image_format, **options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def animation(name, image_format="PNG"):
    """A photo of two frames: an animated PNG (APNG) or WebP."""
    frames = [Image.new("RGB", (64, 48), colour) for colour in ("red", "green")]
    buffer = io.BytesIO()
    frames[0].save(buffer, format=image_format, save_all=True, append_images=frames[1:])
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format}")


def story_data(site, **overrides):
    """A story as the members' form sends it, of `site`'s climate sector and Steenwijkerland, sent
    for review."""
    data = {
        "title": "Fietsen naar Clarholz",
        "intro": "Met twaalf mensen fietsten we naar de partnergemeente.",
        "body": "Dag een was nat.\n\nDag twee was zonnig.",
        "sector": str(site.climate.pk),
        "language": "nl",
        "date": "2026-05-01",
        "towns": [str(site.steenwijkerland.pk)],
        "photos-TOTAL_FORMS": "3",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "10",
        "submit": "1",
    }
    data.update(overrides)
    return data


# What the form of an edit says about the version it shows.
OPENED = ("opened", "opened_fields")
# The year of the meetings members propose: a start in the past is refused.
NEXT_YEAR = timezone.localdate().year + 1


def joined_long_ago(*members):
    """`members` joined a month ago: their reports count towards hiding a contribution at once
    (a report counts once its member's account is REPORTS_COUNT_AFTER old)."""
    User.objects.filter(pk__in=[member.pk for member in members]).update(
        date_joined=timezone.now() - datetime.timedelta(days=30)
    )
    for member in members:
        member.refresh_from_db(fields=["date_joined"])


def meeting_data(site, **overrides):
    """A meeting proposal as the members' form sends it, sent for review, of `site`'s climate
    sector and Steenwijkerland."""
    return {
        "title": "Taalcafé",
        "intro": "We praten Duits en Nederlands.",
        "body": "",
        "language": "nl",
        "sector": str(site.climate.pk),
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "submit": "1",
        "start": f"{NEXT_YEAR}-06-01T19:30",
        "end": f"{NEXT_YEAR}-06-01T21:00",
        "format": "in_person",
        "place_name": "Bibliotheek",
        "town": str(site.steenwijkerland.pk),
        "spoken_language": "nl",
        **overrides,
    }


class MembersTestCase(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        cls.anna = cls.member("anna@example.org", "Anna", "nl")
        cls.bernd = cls.member("bernd@example.org", "Bernd", "de")
        cls.moderator = User.objects.create_user("moderator@example.org", "x", is_staff=True)
        cls.moderator.groups.add(Group.objects.get(name="Moderators"))
        cls.moderator.groups.add(Group.objects.get(name="Editors"))

    @classmethod
    def member(cls, email, name, language):
        return User.objects.create_user(
            email, "een-lang-wachtwoord", display_name=name, language=language
        )

    @classmethod
    def staff_member(cls, email, group, **fields):
        """A moderator or editor: an account in the role's `group` ("Moderators", "Editors")."""
        user = User.objects.create_user(email, "x", is_staff=True, **fields)
        user.groups.add(Group.objects.get(name=group))
        return user

    def story_data(self, **overrides):
        return story_data(self, **overrides)

    def edit(self, page, data):
        """She opens the form of her contribution `page` and sends `data` with it: what it
        says about the version it shows (`opened`, `opened_fields`) as the form has it."""
        address = f"/nl/members/contributions/{page.pk}/"
        form = soup(self.client.get(address))
        shown = {name: form.select_one(f"[name={name}]")["value"] for name in OPENED}
        return self.client.post(address, {**data, **shown})

    def post_story(self, user, **overrides):
        self.client.force_login(user)
        return self.client.post("/nl/members/stories/new/", self.story_data(**overrides))

    def meeting_data(self, **overrides):
        return meeting_data(self, **overrides)

    def online_meeting_data(self, title, link, **overrides):
        """`meeting_data` of an online meeting, `title`, at `link`: no place, no town."""
        return self.meeting_data(
            title=title, format="online", online_url=link, place_name="", town="", **overrides
        )

    def approved_meeting(self, user):
        """`user`'s meeting proposal (`meeting_data`), approved by a moderator: live."""
        self.client.force_login(user)
        self.client.post("/nl/members/meetings/new/", self.meeting_data())
        meeting = MeetingPage.objects.get(title="Taalcafé", locale=self.dutch)
        self.approve(meeting)
        meeting = MeetingPage.objects.get(pk=meeting.pk)
        self.assertTrue(meeting.live)
        return meeting

    def contribution(self, title="Fietsen naar Clarholz"):
        return StoryPage.objects.get(title=title, locale=self.dutch)

    def approve(self, page, comment=""):
        state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
        with self.captureOnCommitCallbacks(execute=True):
            state.current_task_state.approve(user=self.moderator, comment=comment)
        return type(page).objects.get(pk=page.pk)


class SignUpTests(MembersTestCase):
    def signup(self, **overrides):
        data = {
            "email": "carla@example.org",
            "password1": "een-heel-lang-wachtwoord",
            "password2": "een-heel-lang-wachtwoord",
            "display_name": "Carla",
            "town": str(self.herzebrock.pk),
            "language": "de",
            "privacy_consent": "on",
        }
        data.update(overrides)
        return self.client.post("/nl/accounts/signup/", data)

    def test_sign_up_asks_for_profile_and_consent_and_sends_a_confirmation_in_the_chosen_language(
        self,
    ):
        self.signup()
        carla = User.objects.get(email="carla@example.org")
        self.assertEqual(
            (carla.display_name, carla.town, carla.language), ("Carla", self.herzebrock, "de")
        )
        consent = PrivacyConsent.objects.get(user=carla)
        self.assertEqual(consent.version, "1.0")
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("E-Mail", mail.outbox[0].subject)
        link = re.search(r"https?://\S+/de/accounts/confirm-email/\S+", mail.outbox[0].body).group(
            0
        )
        response = self.client.post(link.replace("http://testserver", ""))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.get("/de/members/").status_code, 200)

    def test_a_member_who_skips_where_she_lives_is_not_said_to_live_elsewhere(self):
        # The newcomer's walk: the optional "Waar woont u?" came set to "Elders", so a member who
        # skipped it was recorded, and listed to the moderation, as living elsewhere. No town
        # is stored for both (no town's visits, no town's newsletters): the empty first choice
        # says both, and nothing is chosen for her.
        for language in ("nl", "de"):
            with self.subTest(language=language), translation.override(language):
                page = soup(self.client.get(f"/{language}/accounts/signup/"))
                options = page.select("select[name=town] option")
                chosen = page.select("select[name=town] option[selected]")
                self.assertEqual(options[0]["value"], "")
                self.assertEqual(
                    options[0].get_text(), gettext("— (elsewhere, or I'd rather not say)")
                )
                self.assertIn(chosen, ([], [options[0]]))
                self.assertNotIn(gettext("Elsewhere"), [option.get_text() for option in options])
        self.signup(town="")
        carla = User.objects.get(email="carla@example.org")
        self.assertIsNone(carla.town)
        self.client.force_login(carla)
        profile = soup(self.client.get("/nl/members/profile/"))
        with translation.override("nl"):
            self.assertEqual(
                profile.select_one("select[name=town] option[selected]").get_text(),
                gettext("— (elsewhere, or I'd rather not say)"),
            )

    def test_unconfirmed_member_cannot_log_in(self):
        self.signup()
        self.client.logout()
        response = self.client.post(
            "/nl/accounts/login/",
            {"login": "carla@example.org", "password": "een-heel-lang-wachtwoord"},
        )
        self.assertRedirects(response, "/nl/accounts/confirm-email/", fetch_redirect_response=False)
        self.assertEqual(self.client.get("/nl/members/").status_code, 302)

    def test_sign_up_without_consent_is_refused_and_keeps_what_was_typed(self):
        response = self.signup(privacy_consent="")
        self.assertFalse(User.objects.filter(email="carla@example.org").exists())
        self.assertContains(response, "Accepteer de privacyverklaring om lid te worden.")
        self.assertEqual(
            soup(response).find("input", attrs={"name": "display_name"})["value"], "Carla"
        )

    def test_honeypot_stops_robots(self):
        self.signup(homepage="http://spam.example")
        self.assertFalse(User.objects.filter(email="carla@example.org").exists())

    def test_existing_address_is_not_revealed(self):
        response = self.signup(email="anna@example.org")
        self.assertRedirects(response, "/nl/accounts/confirm-email/", fetch_redirect_response=False)

    def test_an_existing_address_in_other_case_makes_no_second_account(self):
        """allauth compares addresses in any case; so do the admin (tests/test_user_admin.py)
        and the database."""
        response = self.signup(email="ANNA@Example.org")
        self.assertRedirects(response, "/nl/accounts/confirm-email/", fetch_redirect_response=False)
        self.assertEqual(User.objects.filter(email__iexact="anna@example.org").count(), 1)

    def test_a_sign_up_whose_address_another_sign_up_took_meanwhile_is_answered_as_taken(self):
        # Outsider's pass: of sign-ups with one address sent at one moment, all but the first
        # were a server error. Here the other account is saved right after this form's check
        # (allauth's), before this save; on PostgreSQL the same happens between two requests.
        check = AllauthSignupForm.validate_unique_email

        def signed_up_meanwhile(form, value):
            email = check(form, value)
            User.objects.create_user("CARLA@example.org", "een-heel-lang-wachtwoord")
            return email

        with mock.patch.object(AllauthSignupForm, "validate_unique_email", signed_up_meanwhile):
            response = self.signup(email="carla@example.org")
        self.assertRedirects(response, "/nl/accounts/confirm-email/", fetch_redirect_response=False)
        self.assertEqual(User.objects.filter(email__iexact="carla@example.org").count(), 1)

    def test_confirming_an_address_another_account_got_meanwhile_confirms_nothing(self):
        # Outsider's pass: an administrator gave the address to a new account before the member
        # followed her link: a server error, and her claim was left verified.
        claim = EmailAddress.objects.create(user=self.bernd, email="neu@example.org")
        User.objects.create_user("NEU@example.org", "een-heel-lang-wachtwoord")
        self.client.force_login(self.bernd)
        response = self.client.post(
            f"/de/accounts/confirm-email/{EmailConfirmationHMAC(claim).key}/"
        )
        self.assertLess(response.status_code, 500)
        self.bernd.refresh_from_db()
        self.assertEqual(self.bernd.email, "bernd@example.org")
        # The new account made his claim one that cannot be confirmed (attack of 2026-12-05,
        # F1): his link is no longer valid, his change stays pending, never to be confirmed.
        self.assertFalse(EmailAddress.objects.filter(user=self.bernd, email="neu@example.org"))
        self.assertEqual(
            UnconfirmableAddressChange.objects.get(user=self.bernd).email, "neu@example.org"
        )

    def test_a_member_cannot_change_to_another_accounts_address_in_other_case(self):
        EmailAddress.objects.create(
            user=self.anna, email="anna@example.org", verified=True, primary=True
        )
        EmailAddress.objects.create(
            user=self.bernd, email="bernd@example.org", verified=True, primary=True
        )
        self.client.force_login(self.bernd)
        gave_password(self.client)
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                "/nl/accounts/email/", {"action_send": "", "email": "ANNA@example.org"}
            )
        # Told as any change is (the address is not revealed), but nothing is claimed or sent.
        self.assertRedirects(response, "/nl/accounts/email/", fetch_redirect_response=False)
        self.assertFalse(
            EmailAddress.objects.filter(user=self.bernd, email__iexact="anna@example.org")
        )
        self.assertEqual(mail.outbox, [])
        self.bernd.refresh_from_db()
        self.assertEqual(self.bernd.email, "bernd@example.org")


class AccessTests(MembersTestCase):
    def test_logging_out_leads_to_the_home_page_of_the_language_being_read(self):
        for language in ("de", "nl"):
            with self.subTest(language=language):
                self.client.force_login(self.anna)
                # A browser that prefers the other language.
                other = "nl" if language == "de" else "de"
                response = self.client.post(
                    f"/{language}/accounts/logout/", HTTP_ACCEPT_LANGUAGE=other
                )
                self.assertRedirects(response, f"/{language}/", fetch_redirect_response=False)

    def test_a_member_who_changed_her_password_is_back_in_her_member_area(self):
        # She was left on an empty change form (walk of 2026-12-05, W13).
        self.client.force_login(self.anna)
        response = self.client.post(
            "/nl/accounts/password/change/",
            {
                "oldpassword": "een-lang-wachtwoord",
                "password1": "een-nieuw-lang-wachtwoord",
                "password2": "een-nieuw-lang-wachtwoord",
            },
            follow=True,
        )
        self.assertEqual(response.redirect_chain[-1][0], "/nl/members/")
        self.assertContains(response, "Het wachtwoord is gewijzigd.")

    def test_anonymous_visitor_cannot_post_or_see_the_member_area(self):
        for url in (
            "/nl/members/",
            "/nl/members/stories/new/",
            "/nl/members/meetings/new/",
            "/nl/members/my-data/",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 302)
                self.assertTrue(response["Location"].startswith("/nl/accounts/login/"))
        self.client.post("/nl/members/stories/new/", self.story_data())
        self.assertFalse(StoryPage.objects.filter(title="Fietsen naar Clarholz").exists())

    def test_member_cannot_reach_the_admin(self):
        self.client.force_login(self.anna)
        response = self.client.get("/admin/")
        self.assertNotEqual(response.status_code, 200)

    def test_member_cannot_see_or_edit_another_members_draft(self):
        self.post_story(self.anna, submit="", draft="1")
        draft = self.contribution()
        self.client.force_login(self.bernd)
        self.assertEqual(self.client.get(f"/nl/members/contributions/{draft.pk}/").status_code, 404)
        self.client.post(f"/nl/members/contributions/{draft.pk}/", self.story_data(title="Gekaapt"))
        self.assertNotContains(self.client.get("/nl/members/"), "Fietsen naar Clarholz")
        self.assertEqual(draft.get_latest_revision_as_object().title, "Fietsen naar Clarholz")

    def test_member_cannot_edit_an_editors_page(self):
        story = self.story(title="Van de redactie", slug="redactie")
        self.client.force_login(self.anna)
        self.assertEqual(self.client.get(f"/nl/members/contributions/{story.pk}/").status_code, 404)


class ContributionTests(MembersTestCase):
    def test_story_is_a_draft_owned_by_the_member_and_invisible_until_approved(self):
        response = self.post_story(self.anna)
        self.assertRedirects(response, "/nl/members/", fetch_redirect_response=False)
        story = self.contribution()
        self.assertEqual(
            (story.owner, story.live, story.member_contribution), (self.anna, False, True)
        )
        self.assertEqual(story.current_workflow_state.status, "in_progress")
        self.assertNotContains(self.client.get("/nl/verhalen/"), "Fietsen naar Clarholz")
        self.assertEqual(self.client.get("/nl/verhalen/fietsen-naar-clarholz/").status_code, 404)
        self.assertContains(self.client.get("/nl/members/"), "Wacht op beoordeling")

    def test_the_meeting_form_does_not_say_the_meeting_is_in_her_town(self):
        # It opened on an online meeting "in" Steenwijkerland, her own town, which a meeting
        # in the other town kept unless she noticed (walk of 2026-12-06, W9); before that on
        # "Elders", as wrong for a meeting in her town. She chooses; left so, it has no town.
        self.anna.town = self.steenwijkerland
        self.anna.save()
        self.client.force_login(self.anna)
        form = soup(self.client.get("/nl/members/meetings/new/"))
        town = form.select_one("select[name=town]")
        self.assertEqual(
            [option.get_text() for option in town("option")],
            ["Kies een gemeente", "Herzebrock-Clarholz", "Steenwijkerland", "Elders"],
        )
        self.assertEqual(town.select_one("option[selected]").get_text(), "Kies een gemeente")
        self.client.post("/nl/members/meetings/new/", self.meeting_data(town=""))
        self.assertIsNone(MeetingPage.objects.get(title="Taalcafé", locale=self.dutch).town)
        self.assertEqual(
            form.select_one("select[name=spoken_language] option[selected]")["value"], "nl"
        )

    def test_her_answer_elsewhere_survives_a_failed_send_and_saves_no_town(self):
        # "Elders" and "Kies een gemeente" had the same empty value: after an error the form
        # came back on the question although she had answered (walk of 2026-12-06).
        self.client.force_login(self.anna)
        form = soup(self.client.get("/nl/members/meetings/new/"))
        town = form.select_one("select[name=town]")
        values = [option["value"] for option in town("option")]
        self.assertEqual(len(set(values)), len(values))
        elsewhere = town.find("option", string="Elders")["value"]
        self.assertNotEqual(elsewhere, "")
        # Sent without its end: refused, her answer kept.
        response = self.client.post(
            "/nl/members/meetings/new/", self.meeting_data(town=elsewhere, end="")
        )
        self.assertEqual(response.status_code, 200)
        form = soup(response)
        self.assertEqual(form.select_one("select[name=town] option[selected]").get_text(), "Elders")
        self.client.post("/nl/members/meetings/new/", self.meeting_data(town=elsewhere))
        meeting = MeetingPage.objects.get(title="Taalcafé", locale=self.dutch)
        self.assertIsNone(meeting.town)
        sent = soup(self.client.get(f"/nl/members/contributions/{meeting.pk}/"))
        self.assertIn("Elders", [dd.get_text(strip=True) for dd in sent.select(".sent-facts dd")])
        # Reopened (withdrawn from review to edit it): a meeting in person without a town is
        # elsewhere; an online one has no town to choose.
        self.client.post(f"/nl/members/contributions/{meeting.pk}/withdraw/")
        address = f"/nl/members/contributions/{meeting.pk}/"
        form = soup(self.client.get(address))
        chosen = form.select_one("select[name=town] option[selected]")
        self.assertEqual(chosen.get_text(), "Elders")
        hidden = {field["name"]: field.get("value", "") for field in form("input", type="hidden")}
        online = self.meeting_data(
            town="", format="online", online_url="https://meet.example/t", submit="", draft="1"
        )
        self.assertEqual(self.client.post(address, {**hidden, **online}).status_code, 302)
        chosen = soup(self.client.get(address)).select_one("select[name=town] option[selected]")
        self.assertEqual(chosen.get_text(), "Kies een gemeente")
        # The field says what it is for: the form shows it for an online meeting too.
        with translation.override("nl"):
            said = gettext("For a meeting in person or a hybrid one; an online meeting has none.")
        self.assertEqual(form.find(id="id_town_helptext").get_text(strip=True), said)

    def test_what_she_sent_shows_every_field_of_her_meeting_in_her_language(self):
        # "What you sent" showed a meeting's introduction alone: not when, where, how, in which
        # language, for how many (walk of 2026-12-06). What the editors approve, she can check.
        self.client.force_login(self.anna)
        self.client.post(
            "/nl/members/meetings/new/",
            self.meeting_data(
                format="hybrid", online_url="https://meet.example/taalcafe", capacity="12"
            ),
        )
        meeting = MeetingPage.objects.get(title="Taalcafé", locale=self.dutch)
        for language in ("nl", "de"):
            with self.subTest(language=language):
                shown = self.sent_facts(meeting, language)
                with translation.override(language):
                    label = {
                        name: str(field.label) for name, field in MeetingForm.base_fields.items()
                    }
                    format_name = str(MeetingFormat.HYBRID.label)
                    spoken = str(SpokenLanguage.DUTCH.label)
                self.assertIn(str(NEXT_YEAR), shown[label["start"]])
                self.assertIn("19:30", shown[label["start"]])
                self.assertIn("21:00", shown[label["end"]])
                self.assertEqual(shown[label["format"]], format_name)
                self.assertEqual(shown[label["place_name"]], "Bibliotheek")
                self.assertEqual(shown[label["town"]], "Steenwijkerland")
                self.assertEqual(shown[label["online_url"]], "https://meet.example/taalcafe")
                self.assertEqual(shown[label["spoken_language"]], spoken)
                self.assertEqual(shown[label["capacity"]], "12")
                with translation.override(language):
                    self.assertEqual(shown[label["language"]], gettext("Dutch"))
                self.assertTrue(shown[label["sector"]])

    def test_what_she_sent_says_a_meeting_without_places_has_no_limit(self):
        # "Plaatsen: Geen" read as no places at all, for a meeting she left without a limit;
        # the form did not say that empty means no limit either (walk of 2026-12-06).
        self.client.force_login(self.anna)
        form = soup(self.client.get("/nl/members/meetings/new/"))
        self.assertEqual(
            form.find(id="id_capacity_helptext").get_text(strip=True),
            "Leeg laten voor onbeperkt.",
        )
        self.client.post("/nl/members/meetings/new/", self.meeting_data(capacity=""))
        meeting = MeetingPage.objects.get(title="Taalcafé", locale=self.dutch)
        for language, no_limit in (("nl", "Geen limiet"), ("de", "Keine Begrenzung")):
            with self.subTest(language=language):
                with translation.override(language):
                    label = str(MeetingForm.base_fields["capacity"].label)
                shown = self.sent_facts(meeting, language)
                self.assertEqual(shown[label], no_limit)

    def sent_facts(self, page, language="nl"):
        """What "What you sent" shows of her meeting `page`: {label: value}."""
        facts = soup(self.client.get(f"/{language}/members/contributions/{page.pk}/")).select_one(
            "dl.sent-facts"
        )
        return dict(
            zip(
                (dt.get_text(strip=True) for dt in facts("dt")),
                (dd.get_text(" ", strip=True) for dd in facts("dd")),
                strict=True,
            )
        )

    def test_what_she_sent_leaves_out_where_her_meetings_format_has_nothing(self):
        # "Onlinelink: Geen" for a meeting in person, read as a link that was missing (walk of
        # 2026-12-06); an online meeting's place and town read "Geen" as well.
        self.client.force_login(self.anna)
        self.client.post("/nl/members/meetings/new/", self.meeting_data())
        self.client.post(
            "/nl/members/meetings/new/",
            self.online_meeting_data("Online taalcafé", "https://meet.example/taalcafe"),
        )
        with translation.override("nl"):
            label = {name: str(field.label) for name, field in MeetingForm.base_fields.items()}
        in_person = self.sent_facts(MeetingPage.objects.get(title="Taalcafé", locale=self.dutch))
        self.assertNotIn(label["online_url"], in_person)
        self.assertEqual(in_person[label["place_name"]], "Bibliotheek")
        self.assertEqual(in_person[label["town"]], "Steenwijkerland")
        online = self.sent_facts(
            MeetingPage.objects.get(title="Online taalcafé", locale=self.dutch)
        )
        self.assertNotIn(label["place_name"], online)
        self.assertNotIn(label["town"], online)
        self.assertEqual(online[label["online_url"]], "https://meet.example/taalcafe")

    def test_an_online_meeting_carries_no_place_or_town_given_before_its_format_changed(self):
        # Its town, chosen while it was a meeting in person, stayed with the online meeting
        # (its calendar entry's location) and its form reopened on it (walk of 2026-12-06).
        self.client.force_login(self.anna)
        draft = {"submit": "", "draft": "1"}
        self.client.post("/nl/members/meetings/new/", self.meeting_data(**draft))
        meeting = MeetingPage.objects.get(title="Taalcafé", locale=self.dutch)
        self.assertEqual(meeting.town, self.steenwijkerland)
        # An address an editor gave it (the members' form has none).
        meeting.address = "Markt 1"
        meeting.save_revision()
        # A hybrid meeting keeps where it is.
        hybrid = {"format": "hybrid", "online_url": "https://meet.example/t"}
        self.edit(meeting, self.meeting_data(**draft, **hybrid))
        stored = MeetingPage.objects.get(pk=meeting.pk).get_latest_revision_as_object()
        self.assertEqual(
            (stored.town, stored.place_name, stored.address),
            (self.steenwijkerland, "Bibliotheek", "Markt 1"),
        )
        # Its place and address stayed in the online meeting's stored draft (walk of 2026-12-06).
        online = {"format": "online", "online_url": "https://meet.example/t"}
        for data in ({**draft, **online}, online):
            with self.subTest(sent=not data.get("draft")):
                response = self.edit(meeting, self.meeting_data(**data))
                self.assertEqual(response.status_code, 302)
                stored = MeetingPage.objects.get(pk=meeting.pk).get_latest_revision_as_object()
                self.assertIsNone(stored.town)
                self.assertEqual((stored.place_name, stored.address), ("", ""))
        self.client.post(
            "/nl/members/meetings/new/",
            self.meeting_data(title="Webinar", **online, **draft),
        )
        self.assertIsNone(MeetingPage.objects.get(title="Webinar", locale=self.dutch).town)

    def test_a_reopened_draft_in_person_without_town_or_place_asks_for_its_town(self):
        # Saved without a town or a place, it reopened on "Elders": an answer she never gave.
        self.client.force_login(self.anna)
        self.client.post(
            "/nl/members/meetings/new/",
            self.meeting_data(town="", place_name="", submit="", draft="1"),
        )
        meeting = MeetingPage.objects.get(title="Taalcafé", locale=self.dutch)
        form = soup(self.client.get(f"/nl/members/contributions/{meeting.pk}/"))
        chosen = form.select_one("select[name=town] option[selected]")
        self.assertEqual(chosen["value"], "")

    def test_a_meeting_town_left_blank_reads_as_not_given_not_as_elsewhere(self):
        # Left blank (it is optional), it came back as "Elders" in her form and in what she sent,
        # an answer she never gave (walk 14); "Elders" chosen still comes back as hers.
        self.client.force_login(self.anna)
        self.client.post("/nl/members/meetings/new/", self.meeting_data(town=""))
        meeting = MeetingPage.objects.get(title="Taalcafé", locale=self.dutch)
        address = f"/nl/members/contributions/{meeting.pk}/"
        sent = soup(self.client.get(address))
        facts = [dd.get_text(strip=True) for dd in sent.select(".sent-facts dd")]
        self.assertNotIn("Elders", facts)
        with translation.override("nl"):
            self.assertIn(gettext("Not given"), facts)
        self.client.post(f"{address}withdraw/")
        form = soup(self.client.get(address))
        self.assertEqual(form.select_one("select[name=town] option[selected]")["value"], "")
        elsewhere = form.find("option", string="Elders")["value"]
        self.edit(meeting, self.meeting_data(town=elsewhere, submit="", draft="1"))
        form = soup(self.client.get(address))
        self.assertEqual(form.select_one("select[name=town] option[selected]").get_text(), "Elders")

    def test_meetings_saved_before_the_answer_was_kept_read_as_elsewhere_as_before(self):
        # Exchanges 0024: a member's meeting in person with a place and no town read as
        # "Elders" then; the migration keeps it so, and nothing else (review of walk 14's fix).
        migration = importlib.import_module("exchanges.migrations.0024_meeting_town_elsewhere")
        self.client.force_login(self.anna)
        self.client.post("/nl/members/meetings/new/", self.meeting_data(town=""))
        self.client.post(
            "/nl/members/meetings/new/",
            self.online_meeting_data("Webinar", "https://meet.example.org/webinar"),
        )
        MeetingPage.objects.update(town_elsewhere=False)
        migration.answered_elsewhere(django_apps, None)
        answered = dict(MeetingPage.objects.values_list("title", "town_elsewhere"))
        self.assertEqual(answered, {"Taalcafé": True, "Webinar": False})

    def test_a_reopened_drafts_language_says_why_it_is_fixed_in_the_readers_language(self):
        # Greyed out without a word, and "Nederlands" on the German form, beside its spoken
        # language "Niederländisch" (walk of 2026-12-06).
        self.post_story(self.anna, submit="", draft="1")
        story = self.contribution()
        for language in ("nl", "de"):
            with self.subTest(language=language):
                form = soup(self.client.get(f"/{language}/members/contributions/{story.pk}/"))
                field = form.select_one("select[name=language]")
                self.assertTrue(field.has_attr("disabled"))
                with translation.override(language):
                    dutch, german = gettext("Dutch"), gettext("German")
                    why = gettext(
                        "Chosen when the contribution was first saved; it cannot be changed any "
                        "more, as its version in the other language is made from it."
                    )
                self.assertEqual(field.select_one("option[selected]").get_text(), dutch)
                self.assertEqual(form.find(id="id_language_helptext").get_text(strip=True), why)
                new = soup(self.client.get(f"/{language}/members/stories/new/"))
                options = new.select("select[name=language] option")
                self.assertEqual([option.get_text() for option in options], [dutch, german])
                # A new contribution's form says it before she saves: it said nothing of it.
                with translation.override(language):
                    final = gettext(
                        "Choose it with care: once you save, even as a draft, it cannot be changed."
                    )
                for kind in ("stories", "meetings"):
                    new = soup(self.client.get(f"/{language}/members/{kind}/new/"))
                    helptext = new.find(id="id_language_helptext").get_text(" ", strip=True)
                    self.assertTrue(helptext.endswith(final), helptext)

    def test_what_she_sent_shows_every_field_of_her_story(self):
        # Its date, towns, sector and, once an editor added them, its tags; and the language
        # she wrote it in, which the story's page does not say.
        self.post_story(self.anna)
        story = self.contribution()
        revision = story.get_latest_revision_as_object()
        revision.tags.add("fietsen")
        revision.save_revision(user=self.moderator)
        page = soup(self.client.get(f"/nl/members/contributions/{story.pk}/"))
        self.assertIn("2026", page.select_one(".story__meta time").get_text())
        facts = page.select_one(".story__aside dl")
        shown = dict(
            zip(
                (dt.get_text(strip=True) for dt in facts("dt")),
                (dd.get_text(" ", strip=True) for dd in facts("dd")),
                strict=True,
            )
        )
        with translation.override("nl"):
            towns, sectors, tags, language = (
                gettext("Towns involved"),
                gettext("Sectors"),
                gettext("Tags"),
                str(StoryForm.base_fields["language"].label),
            )
        self.assertEqual(shown[towns], "Steenwijkerland")
        self.assertTrue(shown[sectors])
        self.assertEqual(shown[tags], "fietsen")
        self.assertEqual(shown[language], "Nederlands")

    def test_member_never_publishes(self):
        self.post_story(self.anna, publish="1", action_publish="1")
        self.assertFalse(self.contribution().live)

    def test_member_saves_a_draft_and_comes_back_to_it(self):
        self.post_story(self.anna, submit="", draft="1")
        story = self.contribution()
        self.assertIsNone(story.current_workflow_state)
        self.assertContains(self.client.get("/nl/members/"), "Concept")
        form = soup(self.client.get(f"/nl/members/contributions/{story.pk}/"))
        self.assertEqual(
            form.find("input", attrs={"name": "title"})["value"], "Fietsen naar Clarholz"
        )
        self.assertIn(
            "Dag twee was zonnig.", form.find("textarea", attrs={"name": "body"}).get_text()
        )
        # The browser's date field shows only an ISO date; anything else leaves it empty.
        self.assertEqual(form.find("input", attrs={"name": "date"})["value"], "2026-05-01")
        self.edit(
            story,
            self.story_data(title="Fietsen naar Clarholz (2)"),
        )
        self.assertEqual(self.contribution().current_workflow_state.status, "in_progress")

    def test_approval_publishes_and_emails_the_member_in_their_language(self):
        self.post_story(self.bernd, title="Radtour nach Steenwijk", language="de")
        story = StoryPage.objects.get(title="Radtour nach Steenwijk", alias_of=None)
        mail.outbox.clear()
        published = self.approve(story)
        self.assertTrue(published.live)
        self.assertContains(self.client.get("/de/geschichten/"), "Radtour nach Steenwijk")
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["bernd@example.org"])
        self.assertIn("Veröffentlicht", mail.outbox[0].subject)
        self.assertNotIn("Kommentar", mail.outbox[0].body)

    def test_the_approvers_comment_reaches_the_member(self):
        # Found by the newcomer's walk: "approve with comment" kept the comment from the member.
        self.post_story(self.bernd, title="Radtour nach Steenwijk", language="de")
        story = StoryPage.objects.get(title="Radtour nach Steenwijk", alias_of=None)
        mail.outbox.clear()
        self.approve(story, comment="Danke, sehr schön!")
        self.assertIn("Danke, sehr schön!", mail.outbox[0].body)

    def test_a_member_who_renames_themselves_as_the_editors_still_reads_as_a_member(self):
        # A display name changes without review; the byline says who wrote it all the same.
        self.post_story(self.anna)
        published = self.approve(self.contribution())
        # The profile form refuses such a name now (tests/test_display_names.py); one from
        # before, or an account manager's, stays.
        User.objects.filter(pk=self.anna.pk).update(display_name="Redactie Jumelage (officieel)")
        self.assertContains(
            self.client.get(published.url), "door Redactie Jumelage (officieel), lid"
        )

    def test_changes_requested_reach_the_member_area_and_the_member_can_resubmit(self):
        self.post_story(self.anna)
        story = self.contribution()
        state = story.current_workflow_state
        with self.captureOnCommitCallbacks(execute=True):
            state.current_task_state.reject(
                user=self.moderator, comment="Voeg een foto toe, graag."
            )
        area = self.client.get("/nl/members/")
        self.assertContains(area, "Wijzigingen gevraagd")
        self.assertContains(area, "Voeg een foto toe, graag.")
        self.assertIn("Voeg een foto toe, graag.", mail.outbox[-1].body)
        self.edit(story, self.story_data(photos_note="x"))
        self.assertEqual(self.contribution().current_workflow_state.status, "in_progress")
        # Resent: the editors' old comment no longer stands under "Awaiting review".
        area = self.client.get("/nl/members/")
        self.assertContains(area, "Wacht op beoordeling")
        self.assertNotContains(area, "Voeg een foto toe, graag.")
        self.assertNotContains(area, "Commentaar bij de beoordeling")

    def test_her_pages_name_no_one_else_than_her_emails_for_a_moderators_decision(self):
        # Newcomer's walk 15: a moderator asked for changes; her email spoke of "the
        # moderation" (contributions.decided_by_moderation), her page and form of "the
        # editors' comment", whoever decided. They now say the review's.
        self.post_story(self.anna)
        story = self.contribution()
        state = story.current_workflow_state
        with self.captureOnCommitCallbacks(execute=True):
            state.current_task_state.reject(user=self.moderator, comment="Voeg een foto toe.")
        for address in ("/nl/members/", f"/nl/members/contributions/{story.pk}/"):
            with self.subTest(address=address):
                page = self.client.get(address)
                self.assertContains(page, "Commentaar bij de beoordeling:")
                self.assertNotContains(page, "redactie:")

    def test_the_emails_about_a_retitled_contribution_name_the_title_the_member_sent(self):
        # Found by the newcomer's walk: a member renamed her proposal while editing it; the
        # editors' emails named the title of her first version, her page the one she sent.
        self.post_story(self.anna)
        story = self.contribution()
        with self.captureOnCommitCallbacks(execute=True):
            story.current_workflow_state.current_task_state.reject(
                user=self.moderator, comment="Meer over de terugweg, graag."
            )
        self.edit(
            story,
            self.story_data(title="Fietsen naar Clarholz en terug"),
        )
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            story.current_workflow_state.current_task_state.reject(
                user=self.moderator, comment="Nog een foto, graag."
            )
        self.assertEqual(
            mail.outbox[-1].subject, "Wijzigingen gevraagd: Fietsen naar Clarholz en terug"
        )
        self.assertIn("„Fietsen naar Clarholz en terug”", mail.outbox[-1].body)
        self.edit(
            story,
            self.story_data(title="Fietsen naar Clarholz, heen en terug"),
        )
        mail.outbox.clear()
        task_state = story.current_workflow_state.current_task_state
        with self.captureOnCommitCallbacks(execute=True):
            contributions.reject(task_state, self.moderator, "Te weinig over de uitwisseling.")
        self.assertEqual(
            mail.outbox[-1].subject, "Niet gepubliceerd: Fietsen naar Clarholz, heen en terug"
        )
        self.assertIn("„Fietsen naar Clarholz, heen en terug”", mail.outbox[-1].body)

    def publish_editors_translation(self, story):
        """A German editor's translation of `story` in the translation editor, published."""
        editor = User.objects.create_user("redaktion@example.org", "x", is_staff=True)
        editor.groups.add(Group.objects.get(name="Editors"))
        with self.captureOnCommitCallbacks(execute=True):
            TranslationCreator(editor, [self.german]).create_translations(story)
        translation = Translation.objects.get(
            source__object_id=story.translation_key, target_locale=self.german
        )
        for segment in translation.source.stringsegment_set.select_related("string", "context"):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=self.german,
                context=segment.context,
                defaults={
                    "data": "Mit dem Rad nach Clarholz"
                    if segment.context.path == "title"
                    else "Text",
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
        with self.captureOnCommitCallbacks(execute=True):
            translation.save_target(user=editor, publish=True)
        german = Page.objects.get(translation_key=story.translation_key, locale=self.german)
        return german

    def test_an_editors_translation_of_a_contribution_is_not_the_members_own(self):
        # Found by the newcomer's walk: a German editor translated Gerda's approved story in the
        # translation editor and published it; Gerda's page then listed two stories, the German
        # one among hers, and her data export held it (a machine translation is the site's page).
        self.post_story(self.anna)
        story = self.approve(self.contribution())
        german = self.publish_editors_translation(story)
        self.assertEqual(german.title, "Mit dem Rad nach Clarholz")
        self.assertTrue(german.live)
        self.assertIsNone(german.owner)
        self.assertEqual(
            [page.pk for page in contributions.contributions_of(self.anna)], [story.pk]
        )
        self.client.force_login(self.anna)
        self.assertNotContains(self.client.get("/nl/members/"), "Mit dem Rad nach Clarholz")
        exported = json.loads(self.client.get("/nl/members/my-data/").content)
        self.assertEqual(
            [item["title"] for item in exported["contributions"]], ["Fietsen naar Clarholz"]
        )
        # The member's own version stays hers, also when it is published again.
        self.assertEqual(StoryPage.objects.get(pk=story.pk).owner, self.anna)

    def test_translations_published_before_lose_the_members_ownership(self):
        # As wagtail-localize left them before release_translation: the member owns the German.
        self.post_story(self.anna)
        story = self.approve(self.contribution())
        german = self.publish_editors_translation(story)
        Page.objects.filter(pk=german.pk).update(owner=self.anna)
        release_published_translations(django_apps, None)
        self.assertIsNone(Page.objects.get(pk=german.pk).owner)
        self.assertEqual(Page.objects.get(pk=story.pk).owner, self.anna)
        self.assertEqual(
            [page.pk for page in contributions.contributions_of(self.anna)], [story.pk]
        )

    def test_a_contribution_approved_while_its_member_reads_it_leads_to_its_page(self):
        # Found by the newcomer's walk: Anke read her story in review; a moderator approved it
        # meanwhile; her "Withdraw to edit" (and a reload of the page) answered "Page not found".
        self.post_story(self.anna)
        story = self.contribution()
        address = f"/nl/members/contributions/{story.pk}/"
        self.assertContains(self.client.get(address), "Terugtrekken om te bewerken")
        published = self.approve(story)
        for method, url in (
            ("get", address),
            ("post", f"{address}withdraw/"),
            ("get", f"{address}delete/"),
        ):
            with self.subTest(url=url):
                response = getattr(self.client, method)(url, follow=True)
                self.assertEqual(response.redirect_chain[0][0], published.url)
                self.assertContains(response, "<h1>Fietsen naar Clarholz</h1>", html=True)
                # The words are the catalogue's; the message names the story.
                said = [str(message) for message in response.context["messages"]]
                self.assertEqual(len(said), 1)
                self.assertIn("Fietsen naar Clarholz", said[0])
                # Who changes or removes it now (second walk of 2026-12-05, W3), also for an
                # old bookmark: no "meanwhile".
                self.assertIn("schrijf de redactie", said[0])
                self.assertNotIn("inmiddels", said[0])
        self.assertTrue(StoryPage.objects.get(pk=story.pk).live)
        # Someone else's published story is still not found at those addresses.
        self.client.force_login(self.bernd)
        self.assertEqual(self.client.get(address).status_code, 404)

    def test_the_member_area_calls_a_story_a_story_not_an_exchange_story(self):
        """A member's story, whatever it tells of, was labelled "Uitwisselingsverhaal" /
        "Austauschgeschichte" (outsider's walk): the member wrote a story."""
        self.post_story(self.anna, title="Taalcafé in Steenwijk")
        kinds = BeautifulSoup(self.client.get("/nl/members/").content, "html.parser").select(
            "#my-contributions ~ table td:nth-of-type(2)"
        )
        with translation.override("nl"):
            story = capfirst(str(StoryPage._meta.verbose_name))
        self.assertEqual([kind.get_text(strip=True) for kind in kinds], [story])
        self.assertNotIn("uitwisseling", story.lower())

    def test_the_editor_is_not_told_that_a_story_tells_of_an_exchange(self):
        """The help of a story's date in the admin said "when the exchange took place"."""
        for language, exchange in (("nl", "uitwisseling"), ("de", "austausch")):
            with translation.override(language):
                help_text = str(StoryPage._meta.get_field("date").help_text)
            self.assertNotIn(exchange, help_text.lower())

    def test_cancelling_a_change_of_address_says_the_change_is_cancelled(self):
        """It said "E-mailadres … verwijderd" under a button "Annuleer wijziging" (walk of
        2026-12-05): nothing of hers was removed."""
        EmailAddress.objects.create(
            user=self.anna, email=self.anna.email, verified=True, primary=True
        )
        self.client.force_login(self.anna)
        gave_password(self.client)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                "/nl/accounts/email/", {"email": "ana@example.org", "action_add": ""}, follow=True
            )
        response = self.client.post(
            "/nl/accounts/email/", {"email": "ana@example.org", "action_remove": ""}, follow=True
        )
        self.assertEqual(
            [str(message) for message in response.context["messages"]],
            ["De wijziging naar ana@example.org is geannuleerd."],
        )

    def test_meeting_proposal_becomes_a_draft_meeting(self):
        self.client.force_login(self.anna)
        data = self.story_data(
            title="Taalcafé in Steenwijk",
            start=f"{NEXT_YEAR}-06-01T19:30",
            end=f"{NEXT_YEAR}-06-01T21:00",
            format="in_person",
            place_name="Bibliotheek",
            town=str(self.steenwijkerland.pk),
            spoken_language="nl-de",
            capacity="12",
            submit="",
            draft="1",
        )
        self.client.post("/nl/members/meetings/new/", data)
        meeting = Page.objects.get(title="Taalcafé in Steenwijk", locale=self.dutch).specific
        self.assertEqual((meeting.live, meeting.owner, meeting.capacity), (False, self.anna, 12))
        self.assertEqual(meeting.start, local(NEXT_YEAR, 6, 1, 19, 30))
        form = soup(self.client.get(f"/nl/members/contributions/{meeting.pk}/"))
        self.assertEqual(
            form.find("input", attrs={"name": "start"})["value"], f"{NEXT_YEAR}-06-01T19:30"
        )
        self.assertEqual(
            form.find("input", attrs={"name": "end"})["value"], f"{NEXT_YEAR}-06-01T21:00"
        )

    def test_an_approved_meeting_proposal_is_not_announced_as_something_to_read(self):
        # Found by the newcomer's walk: the email on an approved meeting said, as of a story,
        # that everyone could now read it; members want to hear they can sign up.
        self.post_story(self.anna)
        mail.outbox.clear()
        self.approve(self.contribution())
        story_sentence = mail.outbox[0].body.split("\n\n")[1]
        self.client.force_login(self.anna)
        data = self.story_data(
            title="Taalcafé in Steenwijk",
            start=f"{NEXT_YEAR}-06-01T19:30",
            end=f"{NEXT_YEAR}-06-01T21:00",
            format="in_person",
            place_name="Bibliotheek",
            town=str(self.steenwijkerland.pk),
            spoken_language="nl-de",
        )
        self.client.post("/nl/members/meetings/new/", data)
        meeting = Page.objects.get(title="Taalcafé in Steenwijk", locale=self.dutch)
        state = WorkflowState.objects.get(object_id=str(meeting.pk), status="in_progress")
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            state.current_task_state.approve(user=self.moderator)
        self.assertTrue(Page.objects.get(pk=meeting.pk).live)
        body = mail.outbox[0].body
        self.assertIn("Taalcafé in Steenwijk", body)
        self.assertNotIn(
            story_sentence.replace("Fietsen naar Clarholz", "Taalcafé in Steenwijk"), body
        )

    def test_a_draft_story_may_leave_out_the_towns_but_sending_it_needs_one(self):
        form = soup(self.post_story(self.anna, towns=[], submit="", draft="1", title="Concept"))
        self.assertFalse(form.select(".field__error"))
        draft = StoryPage.objects.get(title="Concept", owner=self.anna, alias_of__isnull=True)
        self.assertFalse(draft.live)
        page = soup(self.client.get(f"/nl/members/contributions/{draft.pk}/"))
        legend = page.find("input", attrs={"name": "towns"}).find_parent("fieldset").legend
        self.assertEqual(legend.get_text(strip=True), "Betrokken gemeenten")
        self.assertIn(
            "Nodig om het verhaal naar de redactie te sturen",
            page.find(id="id_towns_helptext").get_text(),
        )
        response = self.edit(
            draft,
            self.story_data(towns=[], title="Concept", intro="Nu af."),
        )
        self.assertContains(response, "Kies ten minste één betrokken gemeente.")
        self.assertContains(response, "Nu af.")
        self.assertFalse(contributions.in_review(Page.objects.get(pk=draft.pk)))

    def test_a_draft_story_may_leave_out_its_date_but_sending_it_needs_one(self):
        """Walk W3: the form promises a draft may be saved and finished later, but a draft
        without "Wanneer gebeurde het?" was refused."""
        form = soup(self.post_story(self.anna, date="", submit="", draft="1", title="Concept"))
        self.assertFalse(form.select(".field__error"))
        draft = StoryPage.objects.get(title="Concept", owner=self.anna, alias_of__isnull=True)
        self.assertIsNone(draft.date)
        self.assertContains(self.client.get("/nl/members/"), "Concept")
        page = soup(self.client.get(f"/nl/members/contributions/{draft.pk}/"))
        label = page.find("label", attrs={"for": "id_date"})
        self.assertEqual(label.get_text(strip=True), "Wanneer gebeurde het?")
        self.assertIn(
            "Nodig om het verhaal naar de redactie te sturen",
            page.find(id="id_date_helptext").get_text(),
        )
        response = self.edit(draft, self.story_data(date="", title="Concept", intro="Nu af."))
        with translation.override("nl"):
            self.assertContains(response, str(DATE_NEEDED))
        self.assertContains(response, "Nu af.")
        self.assertFalse(contributions.in_review(Page.objects.get(pk=draft.pk)))

    def test_a_draft_meeting_may_wait_for_its_start_and_end_but_sending_it_needs_them(self):
        """The form promises a draft may be saved and finished later, but a meeting proposal
        without its start or end was refused."""
        self.client.force_login(self.anna)
        new = "/nl/members/meetings/new/"
        data = self.meeting_data(title="Concept", start="", end="", submit="", draft="1")
        self.assertFalse(soup(self.client.post(new, data)).select(".field__error"))
        draft = MeetingPage.objects.get(title="Concept", owner=self.anna, alias_of__isnull=True)
        self.assertEqual((draft.live, draft.start, draft.end), (False, None, None))
        self.assertContains(self.client.get("/nl/members/"), "Concept")
        page = soup(self.client.get(f"/nl/members/contributions/{draft.pk}/"))
        for name, label in (("start", "Begin"), ("end", "Einde")):
            with self.subTest(field=name):
                # Empty, not filled with the moment she opened it; not called optional.
                self.assertFalse(page.find("input", attrs={"name": name}).get("value"))
                shown = page.find("label", attrs={"for": f"id_{name}"})
                self.assertEqual(shown.get_text(strip=True), label)
                with translation.override("nl"):
                    help_text = str(MeetingForm.base_fields[name].help_text)
                self.assertEqual(page.find(id=f"id_{name}_helptext").text.strip(), help_text)
        # Sent without them: refused with what is missing, and her new words kept.
        refused = self.edit(
            draft, self.meeting_data(title="Concept", intro="Nu af.", start="", end="")
        )
        with translation.override("nl"):
            self.assertContains(refused, str(START_NEEDED))
            self.assertContains(refused, str(END_NEEDED))
        self.assertContains(refused, "Nu af.")
        self.assertFalse(contributions.in_review(Page.objects.get(pk=draft.pk)))
        # Sent with its start only: the start she typed stays in her form.
        refused = soup(self.edit(draft, self.meeting_data(title="Concept", intro="Nu af.", end="")))
        self.assertEqual(
            refused.find("input", attrs={"name": "start"})["value"], f"{NEXT_YEAR}-06-01T19:30"
        )
        with translation.override("nl"):
            self.assertEqual(
                [error.get_text(strip=True) for error in refused.select(".field__error")],
                [str(END_NEEDED)],
            )
        self.assertFalse(contributions.in_review(Page.objects.get(pk=draft.pk)))
        # Completed and sent.
        sent = self.edit(draft, self.meeting_data(title="Concept", intro="Nu af."))
        self.assertEqual(sent.status_code, 302)
        self.assertTrue(contributions.in_review(Page.objects.get(pk=draft.pk)))
        sent = MeetingPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
        self.assertEqual(
            (sent.start, sent.end), (local(NEXT_YEAR, 6, 1, 19, 30), local(NEXT_YEAR, 6, 1, 21))
        )

    def test_a_draft_meeting_without_its_end_is_deleted_by_its_member(self):
        self.client.force_login(self.anna)
        data = self.meeting_data(title="Concept", end="", submit="", draft="1")
        self.client.post("/nl/members/meetings/new/", data)
        draft = MeetingPage.objects.get(title="Concept", alias_of__isnull=True)
        address = f"/nl/members/contributions/{draft.pk}/delete/"
        self.assertContains(self.client.get(address), "Concept")
        self.assertRedirects(self.client.post(address), "/nl/members/")
        self.assertFalse(MeetingPage.objects.filter(title="Concept").exists())

    def test_the_meeting_form_says_a_draft_may_wait_for_its_place_and_link(self):
        # They said "needed for online and hybrid meetings", while a draft saves without them
        # (walk of 2026-12-06, W5).
        self.client.force_login(self.anna)
        for language, words in (("nl", "een concept kan zonder"), ("de", "ein Entwurf kommt")):
            form = soup(self.client.get(f"/{language}/members/meetings/new/"))
            for name in ("place_name", "online_url"):
                with self.subTest(language=language, field=name):
                    self.assertIn(words, form.find(id=f"id_{name}_helptext").get_text())

    def test_a_meeting_proposal_starts_in_the_members_language_with_its_town_to_choose(self):
        self.bernd.town = self.herzebrock
        self.bernd.save()
        self.client.force_login(self.bernd)
        form = soup(self.client.get("/de/members/meetings/new/"))
        spoken = form.find("select", attrs={"name": "spoken_language"})
        self.assertEqual(spoken.find("option", selected=True).get_text(), "Deutsch")
        town = form.find("select", attrs={"name": "town"})
        self.assertEqual(town.find("option", selected=True).get_text(), "Gemeinde auswählen")
        # A member from elsewhere, on the Dutch page: Dutch, and a town to choose.
        self.client.force_login(self.anna)
        form = soup(self.client.get("/nl/members/meetings/new/"))
        spoken = form.find("select", attrs={"name": "spoken_language"})
        self.assertEqual(spoken.find("option", selected=True).get_text(), "Nederlands")
        town = form.find("select", attrs={"name": "town"})
        self.assertEqual(town.find("option", selected=True).get_text(), "Kies een gemeente")


class UploadTests(MembersTestCase):
    def refused(self, upload, message):
        response = self.post_story(
            self.anna, **{"photos-0-image": upload, "photos-0-alt_text": "Een foto"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, message)
        page = soup(response)
        self.assertEqual(
            page.find("input", attrs={"name": "title"})["value"], "Fietsen naar Clarholz"
        )
        self.assertIn(
            "Dag twee was zonnig.", page.find("textarea", attrs={"name": "body"}).get_text()
        )
        self.assertFalse(StoryPage.objects.filter(title="Fietsen naar Clarholz").exists())

    def test_text_file_named_jpg_is_refused_in_the_sites_own_words(self):
        def not_a_photo():
            return SimpleUploadedFile("foto.jpg", b"dit is geen foto", content_type="image/jpeg")

        self.refused(
            not_a_photo(),
            "Dit bestand is geen foto of het is beschadigd: kies een JPEG-, PNG- of WebP-bestand.",
        )
        german = "Diese Datei ist kein Foto oder sie ist beschädigt: Wählen Sie eine JPEG-, "
        german += "PNG- oder WebP-Datei."
        sent = {"photos-0-image": not_a_photo(), "photos-0-alt_text": "Ein Foto"}
        for url in ("/de/members/stories/new/", "/de/members/meetings/new/"):
            with self.subTest(url=url):
                sent["photos-0-image"] = not_a_photo()
                response = self.client.post(url, self.story_data(language="de", **sent))
                self.assertContains(response, german)
                self.assertNotContains(response, "Lade ")
        profile = {"display_name": "Anna", "town": "", "language": "nl", "avatar": not_a_photo()}
        response = self.client.post("/de/members/profile/", profile)
        self.assertContains(response, german)

    def test_a_photo_named_as_another_format_is_stored_as_what_it_is(self):
        # A PNG named .jpg (a screenshot an app renamed): it is re-encoded and renamed anyway.
        png = photo("schermafdruk.jpg", image_format="PNG")
        response = self.post_story(
            self.anna, **{"photos-0-image": png, "photos-0-alt_text": "Schermafdruk"}
        )
        self.assertEqual(response.status_code, 302)
        stored = self.contribution().get_latest_revision_as_object().image.file
        self.assertTrue(stored.name.endswith(".png"))
        with stored.open() as file, Image.open(file) as image:
            self.assertEqual(image.format, "PNG")
        webp = photo("anna.png", image_format="WEBP")
        profile = {"display_name": "Anna", "town": "", "language": "nl", "avatar": webp}
        self.assertEqual(self.client.post("/de/members/profile/", profile).status_code, 302)
        self.anna.refresh_from_db()
        self.assertTrue(self.anna.avatar.name.endswith(".webp"))

    def test_a_file_named_as_a_photo_it_is_not_is_refused_in_the_sites_own_words(self):
        def gif():  # an image the site does not take, named as one it does
            return photo("animatie.png", image_format="GIF")

        def web_page():  # read as a drawing (SVG): no photo at all
            page = b"<html><body><img src='x' onerror='alert(1)'/></body></html>"
            return SimpleUploadedFile("foto.jpg", page, content_type="image/jpeg")

        refusals = {
            gif: {
                "nl": "Deze foto kan de site niet aannemen: kies een JPEG-, PNG- of WebP-bestand.",
                "de": "Dieses Foto kann die Website nicht annehmen: Wählen Sie eine JPEG-, PNG- "
                "oder WebP-Datei.",
            },
            web_page: {
                "nl": "Dit bestand is geen foto of het is beschadigd: kies een JPEG-, PNG- of "
                "WebP-bestand.",
                "de": "Diese Datei ist kein Foto oder sie ist beschädigt: Wählen Sie eine JPEG-, "
                "PNG- oder WebP-Datei.",
            },
        }
        self.client.force_login(self.anna)
        for upload, words in refusals.items():
            for language in ("nl", "de"):
                story = {"photos-0-image": upload(), "photos-0-alt_text": "Een foto"}
                profile = {"display_name": "Anna", "language": language, "avatar": upload()}
                for form, response in (
                    (
                        "story",
                        self.client.post(
                            f"/{language}/members/stories/new/",
                            self.story_data(language=language, **story),
                        ),
                    ),
                    ("profile", self.client.post(f"/{language}/members/profile/", profile)),
                ):
                    with self.subTest(upload=upload.__name__, language=language, form=form):
                        self.assertContains(response, words[language])
                        self.assertNotContains(response, "Geen geldige")
                        self.assertNotContains(response, "Kein gültiges")
        self.assertFalse(StoryPage.objects.filter(title="Fietsen naar Clarholz").exists())
        self.anna.refresh_from_db()
        self.assertFalse(self.anna.avatar)

    def test_huge_image_is_refused_with_its_pixels_counted_as_the_reader_writes_them(self):
        image = Image.new("1", (20000, 20000))
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")

        def huge():
            return SimpleUploadedFile("groot.png", buffer.getvalue(), content_type="image/png")

        self.refused(
            huge(),
            "Deze foto heeft te veel pixels (400.000.000). Een foto mag hoogstens 24.000.000 "
            "pixels hebben.",
        )
        sent = {"photos-0-image": huge(), "photos-0-alt_text": "Ein Foto"}
        response = self.client.post("/de/members/stories/new/", self.story_data(**sent))
        self.assertContains(
            response,
            "Dieses Foto hat zu viele Pixel (400.000.000). Ein Foto darf höchstens 24.000.000 "
            "Pixel haben.",
        )

    def test_30_mb_file_is_refused(self):
        data = photo().read() + b"\0" * (30 * 1024 * 1024)
        self.refused(SimpleUploadedFile("zwaar.jpg", data, content_type="image/jpeg"), "te groot")

    def test_photo_without_alternative_text_is_refused(self):
        response = self.post_story(self.anna, **{"photos-0-image": photo()})
        self.assertContains(response, "Beschrijf de foto voor mensen die hem niet kunnen zien.")

    def test_story_dated_in_the_future_is_refused_and_keeps_the_text(self):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        response = self.post_story(self.anna, date=tomorrow.isoformat())
        self.assertContains(response, "Kies een datum tussen 1900 en vandaag.")
        self.assertContains(response, "Met twaalf mensen fietsten we naar de partnergemeente.")
        self.assertFalse(StoryPage.objects.filter(title="Fietsen naar Clarholz").exists())

    def test_a_meeting_proposed_to_start_in_the_past_is_refused_and_keeps_what_she_typed(self):
        # A member proposed a meeting on 1 January 2026 in December 2026 and it went to the
        # editors for review (walk 14).
        self.client.force_login(self.bernd)
        past = {"start": "2026-01-01T19:30", "end": "2026-01-01T21:00"}
        response = self.client.post(
            "/de/members/meetings/new/", self.meeting_data(title="Sprachcafé", **past)
        )
        self.assertEqual(response.status_code, 200)
        with translation.override("de"):
            said = gettext("This start is in the past: choose a date and time still to come.")
        self.assertEqual(response.context["form"].errors["start"], [said])
        form = soup(response)
        self.assertEqual(form.select_one("[name=title]")["value"], "Sprachcafé")
        self.assertEqual(form.select_one("[name=start]")["value"], "2026-01-01T19:30")
        self.assertFalse(MeetingPage.objects.filter(title="Sprachcafé").exists())
        # Her draft's form refuses it too, and keeps the start she had.
        self.client.force_login(self.anna)
        self.client.post("/nl/members/meetings/new/", self.meeting_data(submit="", draft="1"))
        meeting = MeetingPage.objects.get(title="Taalcafé", locale=self.dutch)
        response = self.edit(meeting, self.meeting_data(**past))
        self.assertEqual(response.status_code, 200)
        self.assertIn("start", response.context["form"].errors)
        self.assertEqual(
            MeetingPage.objects.get(pk=meeting.pk).get_latest_revision_as_object().start.year,
            NEXT_YEAR,
        )
        # An editor may record a meeting that took place: the page itself accepts a past start.
        meeting.start, meeting.end = local(2026, 1, 1, 19, 30), local(2026, 1, 1, 21, 0)
        meeting.full_clean()

    def test_gps_data_is_gone_from_the_stored_original(self):
        self.post_story(
            self.anna, **{"photos-0-image": photo(gps=True), "photos-0-alt_text": "Fietsers"}
        )
        image = get_image_model().objects.get(title="Fietsers")
        with image.open_file() as stored, Image.open(stored) as opened:
            self.assertEqual(dict(opened.getexif()), {})
        self.assertTrue(image.collection.name.startswith("Anna: "))

    def test_a_photo_with_a_caption_leads_the_story_once_approved(self):
        self.post_story(
            self.anna,
            **{
                "photos-0-image": photo(),
                "photos-0-alt_text": "Wandelaars langs de Aa",
                "photos-0-caption": "Onderweg langs de Aa",
            },
        )
        story = self.approve(self.contribution())
        self.assertEqual(story.image_alt, "Wandelaars langs de Aa")
        self.assertEqual([b.block_type for b in story.body], ["paragraph"])
        page = soup(self.client.get(story.url))
        figure = page.select_one(".story__image")
        self.assertEqual(figure.img["alt"], "Wandelaars langs de Aa")
        self.assertEqual(figure.figcaption.get_text(), "Onderweg langs de Aa")
        self.assertEqual(len(page.select("main img")), 1)
        # Its cards show the photo, not the sector's emblem.
        for url in (self.story_index.url, self.climate.url):
            with self.subTest(url=url):
                card = soup(self.client.get(url)).find("a", string="Fietsen naar Clarholz")
                card = card.find_parent(class_="card")
                self.assertIsNotNone(card.select_one("img.card__image"))
                self.assertIsNone(card.select_one(".card__emblem"))

    def test_the_new_photos_of_a_contribution_are_numbered_after_those_it_has(self):
        # Found by the newcomer's walk: editing her story with one photo, the first empty slot
        # under it was called "Foto 1" again.
        self.post_story(
            self.anna,
            submit="",
            draft="1",
            **{"photos-0-image": photo(), "photos-0-alt_text": "Fietsers"},
        )
        page = soup(self.client.get(f"/nl/members/contributions/{self.contribution().pk}/"))
        self.assertEqual(len(page.select(".photos__existing")), 1)
        titles = [title.get_text(strip=True) for title in page.select(".photos__title")]
        self.assertEqual(titles, [f"Foto {number}" for number in range(1, 11)])

    def test_first_photo_leads_the_story_and_the_others_follow_the_text(self):
        self.post_story(
            self.anna,
            **{
                "photos-0-image": photo(),
                "photos-0-alt_text": "Fietsers",
                "photos-1-image": photo("tweede.jpg"),
                "photos-1-alt_text": "Picknick",
                "photos-1-caption": "Bij Osnabrück",
            },
        )
        story = self.contribution().get_latest_revision_as_object()
        self.assertEqual(story.image_alt, "Fietsers")
        captions = [b.value["caption"] for b in story.body if b.block_type == "image"]
        self.assertEqual(captions, ["Bij Osnabrück"])


class EscapingTests(MembersTestCase):
    def test_xss_in_every_field_comes_out_escaped(self):
        self.post_story(
            self.anna,
            title="Verhaal " + XSS,
            intro=XSS,
            body=XSS + "\n\n" + XSS,
            **{
                "photos-0-image": photo(),
                "photos-0-alt_text": XSS,
                "photos-1-image": photo("twee.jpg"),
                "photos-1-alt_text": XSS,
                "photos-1-caption": XSS,
            },
        )
        story = StoryPage.objects.get(title__startswith="Verhaal", locale=self.dutch)
        published = self.approve(story)
        for url in (published.url, "/nl/verhalen/", "/nl/members/"):
            with self.subTest(url=url):
                self.client.force_login(self.anna)
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn(b"<script>alert", response.content)
                self.assertNotIn(b"<img src=x", response.content)
        self.assertContains(self.client.get(published.url), "&lt;script&gt;")


class CommunityMembershipTests(MembersTestCase):
    def test_member_joins_and_leaves_a_sector_and_shows_when_they_opt_in(self):
        self.client.force_login(self.anna)
        self.client.post(f"/nl/members/sectors/{self.climate.pk}/join/")
        self.assertTrue(
            SectorMembership.objects.for_sector(self.climate_de).filter(user=self.anna).exists()
        )
        self.assertNotIn(
            "Anna",
            soup(self.client.get("/de/fachgruppen/nachhaltigkeit/"))
            .select_one(".membership")
            .get_text(),
        )
        self.anna.show_on_sector_pages = True
        self.anna.town = self.steenwijkerland
        self.anna.save()
        members = (
            soup(self.client.get("/de/fachgruppen/nachhaltigkeit/"))
            .select_one(".membership")
            .get_text(" ")
        )
        self.assertIn("Anna", members)
        self.assertIn("Steenwijkerland", members)
        self.client.post(f"/nl/members/sectors/{self.climate.pk}/leave/")
        self.assertFalse(SectorMembership.objects.filter(user=self.anna).exists())

    def test_a_visitor_logs_in_or_signs_up_from_the_sector_page_and_comes_back_to_join(self):
        sector = "/de/fachgruppen/landwirtschaft/"
        links = soup(self.client.get(sector)).select_one(".membership").select("a")
        by_address = {a["href"].split("?")[0]: a for a in links}
        login = by_address["/de/accounts/login/"]["href"]
        signup = by_address["/de/accounts/signup/"]["href"]
        self.assertEqual(login, f"/de/accounts/login/?next={sector}")
        self.assertEqual(signup, f"/de/accounts/signup/?next={sector}")
        # Someone with an account logs in and is back on the page, with the join button.
        EmailAddress.objects.create(
            user=self.bernd, email="bernd@example.org", verified=True, primary=True
        )
        response = self.client.post(
            login, {"login": "bernd@example.org", "password": "een-lang-wachtwoord"}
        )
        self.assertRedirects(response, sector, fetch_redirect_response=False)
        page = soup(self.client.get(sector))
        join = page.find(
            "form", attrs={"action": f"/de/members/sectors/{self.farming_de.pk}/join/"}
        )
        self.assertIsNotNone(join)
        self.client.post(join["action"])
        self.assertTrue(
            SectorMembership.objects.for_sector(self.farming).filter(user=self.bernd).exists()
        )
        # A newcomer signs up, confirms the address and lands on the page too.
        self.client.logout()
        self.client.post(
            signup,
            {
                "email": "carla@example.org",
                "password1": "een-heel-lang-wachtwoord",
                "password2": "een-heel-lang-wachtwoord",
                "display_name": "Carla",
                "town": str(self.herzebrock.pk),
                "language": "de",
                "privacy_consent": "on",
            },
        )
        link = re.search(r"https?://\S+/de/accounts/confirm-email/\S+", mail.outbox[-1].body)
        response = self.client.post(link.group(0).replace("http://testserver", ""))
        self.assertRedirects(response, sector, fetch_redirect_response=False)
        self.assertIsNotNone(
            soup(self.client.get(sector)).find("form", attrs={"action": join["action"]})
        )

    def test_logging_in_from_the_header_returns_to_the_search_with_its_results(self):
        address = "/de/search/?q=rad&page=1"
        for nav in soup(self.client.get(address)).select(".account-nav, .phone-menu__account"):
            with self.subTest(nav=nav["class"]):
                login = nav.select_one("a[href^='/de/accounts/login/']")["href"]
                self.assertEqual(login, "/de/accounts/login/?next=/de/search/%3Fq%3Drad%26page%3D1")
        EmailAddress.objects.create(
            user=self.bernd, email="bernd@example.org", verified=True, primary=True
        )
        response = self.client.post(
            login, {"login": "bernd@example.org", "password": "een-lang-wachtwoord"}
        )
        self.assertRedirects(response, address, fetch_redirect_response=False)

    def test_a_login_never_returns_to_another_site(self):
        for address in ("https://evil.example/", "//evil.example/", "http://testserver/de/"):
            with self.subTest(next=address):
                self.client.logout()
                response = self.client.post(
                    f"/de/accounts/login/?next={quote(address, safe='')}",
                    {"login": "bernd@example.org", "password": "een-lang-wachtwoord"},
                )
                self.assertEqual(response.status_code, 302)
                self.assertTrue(response["Location"].startswith("/"))
                self.assertFalse(response["Location"].startswith("//"))
                self.assertNotIn("evil", response["Location"])

    def test_profile_form_saves_and_keeps_input_on_error(self):
        self.client.force_login(self.anna)
        response = self.client.post(
            "/nl/members/profile/", {"display_name": "", "bio": "Ik fiets graag.", "language": "nl"}
        )
        self.assertEqual(
            soup(response).find("textarea", attrs={"name": "bio"}).get_text().strip(),
            "Ik fiets graag.",
        )
        self.client.post(
            "/nl/members/profile/",
            {"display_name": "Anna B.", "bio": "Ik fiets graag.", "language": "de", "town": ""},
        )
        self.anna.refresh_from_db()
        self.assertEqual(
            (self.anna.display_name, self.anna.language, self.anna.town), ("Anna B.", "de", None)
        )


class PrivacyTests(MembersTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        meeting = cls.meeting(
            local(year_like(2030), 5, 1, 19, 0), title="Taalcafé", slug="taalcafe"
        )
        Registration.objects.register(meeting, cls.anna)
        Registration.objects.register(meeting, cls.bernd)
        SectorMembership.objects.create(user=cls.anna, sector_key=cls.climate.translation_key)
        PrivacyConsent.objects.create(user=cls.anna, version="1.0")

    def test_data_export_contains_everything_and_nothing_of_others(self):
        self.post_story(self.anna, **{"photos-0-image": photo(), "photos-0-alt_text": "Fietsers"})
        self.post_story(self.bernd, title="Bernds geheim")
        self.client.force_login(self.anna)
        response = self.client.get("/nl/members/my-data/")
        self.assertIn("attachment", response["Content-Disposition"])
        data = json.loads(response.content)
        self.assertEqual(data["profile"]["email"], "anna@example.org")
        self.assertEqual([c["title"] for c in data["contributions"]], ["Fietsen naar Clarholz"])
        self.assertEqual([c["type"] for c in data["contributions"]], ["story"])
        self.assertEqual([r["meeting"] for r in data["meeting_registrations"]], ["Taalcafé"])
        self.assertEqual(data["consents"][0]["privacy_statement_version"], "1.0")
        self.assertEqual(data["sector_communities"][0]["sector"], "Duurzaamheid en klimaat")
        self.assertNotIn("bernd", response.content.decode().lower())

    def test_the_export_holds_what_she_filled_in_and_her_photos(self):
        # Newcomer's walk 15: the export of a story with a photo held neither the photo, its
        # description and caption, nor the story's date and towns; a meeting neither its time
        # nor its place.
        self.post_story(
            self.anna,
            **{
                "photos-0-image": photo(),
                "photos-0-alt_text": "Fietsers op de dijk",
                "photos-0-caption": "Bij Clarholz",
                "photos-1-image": photo("tweede.jpg"),
                "photos-1-alt_text": "De lunch",
            },
        )
        self.client.post("/nl/members/meetings/new/", self.meeting_data(capacity="12"))
        data = json.loads(self.client.get("/nl/members/my-data/").content)
        story, meeting = sorted(data["contributions"], key=lambda item: item["type"] != "story")
        self.assertEqual(
            (story["date"], story["towns"], story["sectors"]),
            ("2026-05-01", ["Steenwijkerland"], ["Duurzaamheid en klimaat"]),
        )
        self.assertEqual(
            [(item["description"], item["caption"]) for item in story["photos"]],
            [("Fietsers op de dijk", "Bij Clarholz"), ("De lunch", "")],
        )
        stored = self.contribution()
        self.assertEqual(
            [item["file"] for item in story["photos"]],
            [stored.image.file.name, stored.body[-1].value["image"].file.name],
        )
        self.assertTrue(all(item["url"].startswith("/media/") for item in story["photos"]))
        # A photo of another member an editor placed in her story is not hers to export.
        self.post_story(
            self.bernd,
            title="Bernds verhaal",
            **{"photos-0-image": photo(), "photos-0-alt_text": "Van Bernd"},
        )
        bernds = self.contribution("Bernds verhaal").image
        revision = stored.get_latest_revision_as_object()
        revision.body.append(("image", {"image": bernds, "alt_text": "Van Bernd", "caption": ""}))
        revision.save_revision(user=self.moderator)
        self.client.force_login(self.anna)
        data = json.loads(self.client.get("/nl/members/my-data/").content)
        [story] = [item for item in data["contributions"] if item["type"] == "story"]
        self.assertEqual(len(story["photos"]), 2)
        self.assertNotIn(bernds.file.name, str(data))
        self.assertEqual(
            {name: meeting[name] for name in ("place", "town", "format", "places", "photos")},
            {
                "place": "Bibliotheek",
                "town": "Steenwijkerland",
                "format": "in_person",
                "places": 12,
                "photos": [],
            },
        )
        self.assertEqual(meeting["format_label"], "Fysiek")
        self.assertTrue(meeting["start"].startswith(f"{NEXT_YEAR}-06-01T19:30:00+02:00"))

    def test_the_export_keeps_each_code_and_names_it_in_the_members_language(self):
        # Newcomer's walk: "status": "registered" next to "state": "Wacht op beoordeling".
        self.post_story(self.anna)
        for language, named in (
            ("nl", ("Nederlands", "Verhaal", "Wacht op beoordeling", "Aangemeld", "Wekelijks")),
            # Downloaded from the Dutch site, in the language she chose.
            ("de", ("Deutsch", "Geschichte", "Wartet auf Prüfung", "Angemeldet", "Wöchentlich")),
        ):
            with self.subTest(language=language):
                User.objects.filter(pk=self.anna.pk).update(language=language)
                data = json.loads(self.client.get("/nl/members/my-data/").content)
                [story] = data["contributions"]
                [registration] = data["meeting_registrations"]
                [community] = data["sector_communities"]
                shown = (
                    (data["profile"]["language"], data["profile"]["language_label"]),
                    (story["type"], story["type_label"]),
                    (story["state"], story["state_label"]),
                    (registration["status"], registration["status_label"]),
                    (community["digest"], community["digest_label"]),
                )
                codes = (language, "story", "in_review", "registered", "weekly")
                self.assertEqual(shown, tuple(zip(codes, named, strict=True)))

    def test_deleting_an_account_leaves_no_personal_data(self):
        self.post_story(self.anna, **{"photos-0-image": photo(), "photos-0-alt_text": "Fietsers"})
        published = self.approve(self.contribution())
        self.post_story(self.anna, title="Half af", submit="", draft="1")
        self.anna.avatar = photo("anna.jpg")
        self.anna.save()
        avatar_path = self.anna.avatar.path
        self.client.force_login(self.anna)
        self.client.post(
            "/nl/members/delete/", {"confirm": "yes", "password": "een-lang-wachtwoord"}
        )
        self.assertFalse(User.objects.filter(email="anna@example.org").exists())
        self.assertFalse(Registration.objects.filter(user_id=self.anna.pk).exists())
        self.assertFalse(StoryPage.objects.filter(title="Half af").exists())
        self.assertFalse(os.path.exists(avatar_path))
        kept = StoryPage.objects.get(pk=published.pk)
        self.assertIsNone(kept.owner)
        self.assertContains(self.client.get(kept.url), "door een voormalig lid")
        self.assertNotContains(self.client.get(kept.url), "Anna")
        # "von ehemaliges Mitglied" (walk of 2026-12-05, W5): the byline takes the dative.
        german = StoryPage.objects.get(
            translation_key=kept.translation_key, locale__language_code="de"
        )
        self.assertContains(self.client.get(german.url), "von einem ehemaligen Mitglied")

    def test_her_data_shows_the_version_she_sent_again_after_withdrawing_and_editing_it(self):
        # The export still said "Walk14 fietsdag voorstel" after she withdrew her contribution,
        # renamed it and sent it again, while her member page named the new title (walk 14).
        self.post_story(self.anna)
        story = self.contribution()
        self.client.post(f"/nl/members/contributions/{story.pk}/withdraw/")
        changed = self.story_data(
            title="Fietsdag in Clarholz",
            intro="Met twintig mensen fietsten we.",
            body="Dag een was zonnig.",
        )
        self.assertEqual(self.edit(story, changed).status_code, 302)
        self.assertContains(self.client.get("/nl/members/"), "Fietsdag in Clarholz")
        exported = json.loads(self.client.get("/nl/members/my-data/").content)
        [sent] = exported["contributions"]
        self.assertEqual(sent["title"], "Fietsdag in Clarholz")
        self.assertEqual(sent["introduction"], "Met twintig mensen fietsten we.")
        self.assertEqual(sent["text"], "Dag een was zonnig.")
        self.assertEqual(sent["state_label"], "Wacht op beoordeling")

    def test_a_member_with_a_meeting_draft_without_its_times_exports_and_deletes_her_data(self):
        self.client.force_login(self.anna)
        data = self.meeting_data(title="Concept", start="", end="", submit="", draft="1")
        self.client.post("/nl/members/meetings/new/", data)
        exported = json.loads(self.client.get("/nl/members/my-data/").content)
        self.assertIn(
            ("meeting", "Concept"), [(c["type"], c["title"]) for c in exported["contributions"]]
        )
        response = self.client.post(
            "/nl/members/delete/", {"confirm": "yes", "password": "een-lang-wachtwoord"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(User.objects.filter(email="anna@example.org").exists())
        self.assertFalse(MeetingPage.objects.filter(title="Concept").exists())

    def test_deleting_with_contributions_removes_them_and_their_photos(self):
        self.post_story(self.anna, **{"photos-0-image": photo(), "photos-0-alt_text": "Fietsers"})
        published = self.approve(self.contribution())
        image = get_image_model().objects.get(title="Fietsers")
        path = image.file.path
        self.client.force_login(self.anna)
        # Wagtail removes an image's files once the deletion is committed.
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                "/nl/members/delete/",
                {
                    "confirm": "yes",
                    "remove_contributions": "yes",
                    "password": "een-lang-wachtwoord",
                },
            )
        self.assertFalse(StoryPage.objects.filter(pk=published.pk).exists())
        self.assertFalse(get_image_model().objects.filter(pk=image.pk).exists())
        self.assertFalse(os.path.exists(path))


class AccountDeletedInTheAdminTests(MembersTestCase):
    """An administrator deletes an account in Wagtail's own users admin (a member who asked by
    letter, a departed editor): a member's data is forgotten as by their own deletion."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin = User.objects.create_superuser("beheer@example.org", "een-lang-wachtwoord")

    def delete_in_the_admin(self, user):
        client = Client()
        client.force_login(self.admin)
        with self.captureOnCommitCallbacks(execute=True):
            response = client.post(reverse("wagtailusers_users:delete", args=[user.pk]))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(User.objects.filter(pk=user.pk).exists())

    def test_a_members_drafts_photos_and_newsletter_address_go_their_stories_stay(self):
        self.post_story(self.anna, **{"photos-0-image": photo(), "photos-0-alt_text": "Fietsers"})
        published = self.approve(self.contribution())
        self.post_story(self.anna, title="Half af", submit="", draft="1")
        NewsletterSubscriber.objects.create(
            email="anna@example.org",
            language="nl",
            consent_version="test",
            consented_at=timezone.now(),
            confirmed_at=timezone.now(),
        )
        self.delete_in_the_admin(self.anna)
        self.assertFalse(StoryPage.objects.filter(title="Half af").exists())
        self.assertFalse(NewsletterSubscriber.objects.filter(email="anna@example.org").exists())
        kept = StoryPage.objects.get(pk=published.pk)
        self.assertIsNone(kept.owner)
        image = get_image_model().objects.select_related("collection").get(title="Fietsers")
        self.assertIsNone(image.uploaded_by_user)
        self.assertNotIn("Anna", image.collection.name)
        page = self.client.get(kept.url)
        self.assertContains(page, "voormalig lid")
        self.assertNotContains(page, "Anna")

    def test_an_editors_drafts_stay_with_the_site(self):
        editor = User.objects.create_user("redactie@example.org", "een-lang-wachtwoord")
        editor.groups.add(*Group.objects.filter(name__in=["Moderators", "Editors"]))
        self.post_story(editor, title="Concept van de redactie", submit="", draft="1")
        self.delete_in_the_admin(editor)
        self.assertIsNone(self.contribution("Concept van de redactie").owner)


class ReportTests(MembersTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.moderator.email = "moderator@example.org"
        cls.moderator.save()

    def published_contribution(self):
        self.post_story(self.anna)
        return self.approve(self.contribution())

    def report(self, page, reason="offensive"):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                f"/nl/report/{page.pk}/", {"reason": reason, "message": "Niet netjes."}
            )

    def test_anyone_can_report_and_the_editors_are_told(self):
        story = self.published_contribution()
        self.client.logout()
        mail.outbox.clear()
        response = self.report(story)
        self.assertRedirects(response, story.url, fetch_redirect_response=False)
        self.assertEqual([m.to for m in mail.outbox], [["moderator@example.org"]])
        self.assertIn("Niet netjes.", mail.outbox[0].body)

    def test_third_members_report_hides_the_contribution_until_an_editor_decides(self):
        # Members of more than a week (a report counts once its account is a week old:
        # tests/test_attack37.py).
        carla = self.member("carla@example.org", "Carla", "nl")
        dirk = self.member("dirk@example.org", "Dirk", "nl")
        joined_long_ago(carla, dirk, self.bernd)
        story = self.published_contribution()
        for member, reason in ((dirk, "offensive"), (self.bernd, "spam")):
            self.client.force_login(member)
            self.report(story, reason)
        self.assertTrue(StoryPage.objects.get(pk=story.pk).live)
        self.client.force_login(carla)
        self.report(story, "incorrect")
        self.assertFalse(StoryPage.objects.get(pk=story.pk).live)
        self.assertEqual(self.client.get(story.url).status_code, 404)
        self.client.force_login(self.anna)
        self.assertContains(self.client.get("/nl/members/"), "Van de site gehaald")

    def test_pages_of_the_editors_cannot_be_reported(self):
        story = self.story(title="Van de redactie", slug="redactie")
        self.assertEqual(self.client.get(f"/nl/report/{story.pk}/").status_code, 404)


class DeleteOwnDraftTests(MembersTestCase):
    def test_member_deletes_their_own_draft_but_not_someone_elses(self):
        self.post_story(
            self.anna,
            submit="",
            draft="1",
            **{"photos-0-image": photo(), "photos-0-alt_text": "Fietsers"},
        )
        draft = self.contribution()
        self.client.force_login(self.bernd)
        self.assertEqual(
            self.client.post(f"/nl/members/contributions/{draft.pk}/delete/").status_code, 404
        )
        self.assertTrue(StoryPage.objects.filter(pk=draft.pk).exists())
        self.client.force_login(self.anna)
        self.client.post(f"/nl/members/contributions/{draft.pk}/delete/")
        self.assertFalse(StoryPage.objects.filter(title="Fietsen naar Clarholz").exists())
        self.assertFalse(get_image_model().objects.filter(title="Fietsers").exists())


class RateLimitTests(MembersTestCase):
    def test_reports_are_limited_per_visitor(self):
        story = self.story(title="Bijdrage", slug="bijdrage")
        story.member_contribution = True
        story.save()
        statuses = [
            self.client.post(f"/nl/report/{story.pk}/", {"reason": ""}).status_code
            for _ in range(11)
        ]
        self.assertEqual(statuses[:10], [200] * 10)
        self.assertEqual(statuses[10], 429)
        # "Even geduld", or of minutes ("Even een paar minuten geduld") as long as the wait is.
        self.assertRegex(
            self.client.post(f"/nl/report/{story.pk}/", {}).content.decode(),
            r"<h1>Even (een paar minuten )?geduld</h1>",
        )

    def test_registrations_are_limited_per_member(self):
        meeting = self.meeting(
            local(year_like(2030), 5, 1, 19, 0), title="Taalcafé", slug="taalcafe"
        )
        self.client.force_login(self.anna)
        statuses = {
            self.client.post(f"/nl/meetings/{meeting.pk}/register/").status_code for _ in range(30)
        }
        self.assertEqual(statuses, {302})
        self.assertEqual(self.client.post(f"/nl/meetings/{meeting.pk}/register/").status_code, 429)


class FormsKeepTheirPromisesTests(MembersTestCase):
    """What the member forms say is what they do, in the member's language (issue 13)."""

    def test_german_forms_name_sectors_in_german(self):
        self.client.force_login(self.bernd)
        page = soup(self.client.get("/de/members/stories/new/"))
        sectors = [option.get_text() for option in page.select("#id_sector option")]
        self.assertIn("Nachhaltigkeit und Klima", sectors)
        self.assertNotIn("Duurzaamheid en klimaat", sectors)
        # The contribution still links the sector as the Dutch pages do, whichever name was read.
        value = page.find("option", string="Nachhaltigkeit und Klima")["value"]
        self.assertEqual(value, str(self.climate.pk))

    def test_photo_help_is_in_the_language_of_each_request(self):
        self.client.force_login(self.anna)
        dutch = self.client.get("/nl/members/profile/").content.decode()
        german = self.client.get("/de/members/profile/").content.decode()
        self.assertIn("JPEG, PNG of WebP, hoogstens 10 MB", dutch)
        self.assertIn("JPEG, PNG oder WebP, höchstens 10 MB", german)
        for dutch_word in ("Ondersteunde", "Maximale bestandsgrootte", "hoogstens"):
            self.assertNotIn(dutch_word, german)

    def test_the_form_offers_a_slot_for_every_photo_it_promises(self):
        self.client.force_login(self.anna)
        page = soup(self.client.get("/nl/members/stories/new/"))
        self.assertIn("10 foto's per bijdrage", page.get_text())
        self.assertEqual(len(page.select("input[type=file]")), 10)
        # Without JavaScript: the slots beyond the third are in the page, behind a disclosure.
        self.assertEqual(len(page.select("details.photos__more input[type=file]")), 7)

    def test_ten_photos_can_be_sent_and_an_eleventh_is_refused(self):
        photos = {"photos-TOTAL_FORMS": "10", "submit": "", "draft": "1"}
        for index in range(10):
            photos[f"photos-{index}-image"] = photo(f"foto{index}.jpg", size=(40, 30))
            photos[f"photos-{index}-alt_text"] = f"Foto {index}"
        self.post_story(self.anna, **photos)
        story = self.contribution().get_latest_revision_as_object()
        self.assertEqual(sum(1 for b in story.body if b.block_type == "image") + 1, 10)
        # The draft has ten now: editing it offers no slot, and a photo sent anyway is refused.
        edit = f"/nl/members/contributions/{story.pk}/"
        page = soup(self.client.get(edit))
        self.assertIsNotNone(page.select_one("#id_title"))
        self.assertEqual(len(page.select("input[type=file]")), 0)
        response = self.edit(
            story,
            self.story_data(
                **{
                    "photos-TOTAL_FORMS": "1",
                    "photos-0-image": photo("elf.jpg"),
                    "photos-0-alt_text": "Elf",
                }
            ),
        )
        self.assertContains(response, "Een bijdrage heeft hoogstens 10 foto&#x27;s.")
        story = self.contribution().get_latest_revision_as_object()
        self.assertEqual(sum(1 for b in story.body if b.block_type == "image") + 1, 10)

    def test_only_the_formats_the_help_names_are_accepted(self):
        self.client.force_login(self.anna)
        help_text = soup(self.client.get("/nl/members/profile/")).select_one("#id_avatar_helptext")
        self.assertNotIn("GIF", help_text.get_text())
        self.assertNotIn("AVIF", help_text.get_text())
        gif = photo("animatie.gif", image_format="GIF")
        response = self.post_story(
            self.anna, **{"photos-0-image": gif, "photos-0-alt_text": "Animatie"}
        )
        self.assertContains(response, "kies een JPEG-, PNG- of WebP-bestand")
        self.assertFalse(StoryPage.objects.filter(title="Fietsen naar Clarholz").exists())

    def test_the_caption_of_every_photo_reaches_the_story(self):
        self.post_story(
            self.anna,
            **{
                "photos-0-image": photo(),
                "photos-0-alt_text": "Fietsers",
                "photos-0-caption": "Vertrek in Steenwijk",
            },
        )
        story = self.contribution().get_latest_revision_as_object()
        # The first photo leads the story, with its caption.
        self.assertEqual(story.image_caption, "Vertrek in Steenwijk")
        published = self.approve(self.contribution())
        page = soup(self.client.get(published.url))
        self.assertIn("Vertrek in Steenwijk", [c.get_text() for c in page.select("figcaption")])

    def test_the_photo_description_is_not_called_optional(self):
        self.client.force_login(self.anna)
        page = soup(self.client.get("/nl/members/stories/new/"))
        label = page.select_one("label[for=id_photos-0-alt_text]").get_text()
        self.assertNotIn("niet verplicht", label)
        caption = page.select_one("label[for=id_photos-0-caption]").get_text()
        self.assertIn("niet verplicht", caption)

    def sent_with_a_kept_photo(self):
        """Anna sends a new story without a title and with a photo in slot 1: the form's token
        and the form as it comes back, keeping the photo."""
        self.client.force_login(self.anna)
        token = soup(self.client.get("/nl/members/stories/new/")).select_one(
            "input[name=submission]"
        )["value"]
        first = self.client.post(
            "/nl/members/stories/new/",
            self.story_data(
                title="",
                submission=token,
                **{"photos-1-image": photo("vakantie.jpg"), "photos-1-alt_text": "Fietsers"},
            ),
        )
        return token, first

    def test_a_photo_chosen_on_a_form_with_errors_is_kept_for_the_next_try(self):
        token, first = self.sent_with_a_kept_photo()
        note = soup(first).select_one("#id_photos-1-image_helptext").get_text()
        self.assertIn("„vakantie.jpg” is bewaard", note)
        self.assertIn(
            "id_photos-1-image_helptext",
            soup(first).select_one("#id_photos-1-image")["aria-describedby"],
        )
        # Another member sending the same form token gets nothing of it.
        bernd = Client()
        bernd.force_login(self.bernd)
        other = bernd.post(
            "/nl/members/stories/new/",
            self.story_data(title="", submission=token, **{"photos-1-alt_text": "x"}),
        )
        self.assertNotIn("vakantie.jpg", other.content.decode())
        self.client.post(
            "/nl/members/stories/new/",
            self.story_data(submission=token, **{"photos-1-alt_text": "Fietsers"}),
        )
        story = self.contribution().get_latest_revision_as_object()
        self.assertEqual(story.image_alt, "Fietsers")

    def test_a_kept_photo_is_shown_in_the_form_to_her_alone(self):
        """The form named a kept photo by its file name only (walk of stop 47): she sees which
        one it is, in a small picture only her session may open."""
        token, first = self.sent_with_a_kept_photo()
        shown = soup(first).select("img.photos__kept")
        self.assertEqual(len(shown), 1)
        address = shown[0]["src"]
        picture = self.client.get(address)
        self.assertEqual(picture.status_code, 200)
        self.assertEqual(picture["Content-Type"], "image/jpeg")
        self.assertIn("no-store", picture["Cache-Control"])
        with Image.open(io.BytesIO(picture.content)) as image:
            self.assertLessEqual(max(image.size), 320)
        # Another slot of her form, another member, or no one logged in: nothing.
        self.assertEqual(self.client.get(address.replace("/1/", "/0/")).status_code, 404)
        bernd = Client()
        bernd.force_login(self.bernd)
        self.assertEqual(bernd.get(address).status_code, 404)
        self.assertEqual(Client().get(address).status_code, 302)
        # Saved: the photo and its picture are no longer kept.
        self.client.post(
            "/nl/members/stories/new/",
            self.story_data(submission=token, **{"photos-1-alt_text": "Fietsers"}),
        )
        self.assertEqual(self.client.get(address).status_code, 404)
        self.assertEqual(kept_files(kept_folder(self.anna)), [])

    def messages_after(self, response):
        self.assertEqual(response.redirect_chain[-1][0], reverse("member_area"))
        return [message.get_text() for message in soup(response).select(".message")]

    def test_a_member_is_told_that_only_the_first_frame_of_an_animated_photo_is_kept(self):
        """An animation was stored as its first frame without a word: the member learnt it
        only from the still on their profile or story."""
        self.client.force_login(self.anna)
        told = self.messages_after(
            self.client.post(
                "/nl/members/profile/",
                {"display_name": "Anna", "language": "nl", "avatar": animation("zwaai.png")},
                follow=True,
            )
        )
        self.assertEqual(
            told,
            [
                "Uw profiel is opgeslagen.",
                "„zwaai.png” was geanimeerd: we bewaren het eerste beeld als stilstaande foto.",
            ],
        )
        self.client.force_login(self.bernd)
        photos = {
            "photos-0-image": photo("rathaus.jpg"),
            "photos-0-alt_text": "Das Rathaus",
            "photos-1-image": animation("winken.webp", "WEBP"),
            "photos-1-alt_text": "Winken",
        }
        told = self.messages_after(
            self.client.post(
                "/de/members/stories/new/", self.story_data(language="de", **photos), follow=True
            )
        )
        self.assertEqual(
            told[1:],
            ["„winken.webp“ war animiert: Wir behalten das erste Bild als Standbild."],
        )

    def test_a_still_photo_or_none_is_saved_without_a_word_of_animation(self):
        self.client.force_login(self.anna)
        for avatar in (photo("stil.png", image_format="PNG"), ""):
            response = self.client.post(
                "/nl/members/profile/",
                {"display_name": "Anna", "language": "nl", "avatar": avatar},
                follow=True,
            )
            self.assertEqual(self.messages_after(response), ["Uw profiel is opgeslagen."])

    def test_an_animated_photo_kept_from_a_form_with_errors_is_told_once_the_form_is_saved(self):
        self.client.force_login(self.anna)
        token = str(uuid.uuid4())
        sent = {"photos-0-image": animation("zwaai.png"), "photos-0-alt_text": "Zwaaien"}
        self.client.post(
            "/nl/members/stories/new/", self.story_data(title="", submission=token, **sent)
        )
        told = self.messages_after(
            self.client.post(
                "/nl/members/stories/new/",
                self.story_data(submission=token, **{"photos-0-alt_text": "Zwaaien"}),
                follow=True,
            )
        )
        self.assertIn(
            "„zwaai.png” was geanimeerd: we bewaren het eerste beeld als stilstaande foto.", told
        )

    def test_a_kept_photo_can_be_left_out(self):
        self.client.force_login(self.anna)
        token = "6f1c4a3e-8a53-4d0e-9a55-3f1d2b7c9e10"
        self.client.post(
            "/nl/members/stories/new/",
            self.story_data(
                title="", submission=token, **{"photos-0-image": photo(), "photos-0-alt_text": "A"}
            ),
        )
        self.client.post(
            "/nl/members/stories/new/",
            self.story_data(submission=token, **{"photos-0-discard": "on"}),
        )
        self.assertFalse(self.contribution().get_latest_revision_as_object().image)

    def test_profile_shows_the_current_photo_with_replace_and_remove(self):
        self.client.force_login(self.anna)
        page = soup(self.client.get("/de/members/profile/"))
        self.assertIsNone(page.select_one(".profile__photo"))
        self.assertIsNone(page.select_one("#id_remove_avatar"))
        self.client.post(
            "/nl/members/profile/",
            {"display_name": "Anna", "town": "", "language": "nl", "avatar": photo("anna.jpg")},
        )
        self.anna.refresh_from_db()
        page = soup(self.client.get("/de/members/profile/"))
        self.assertEqual(page.select_one(".profile__photo img")["src"], self.anna.avatar.url)
        self.assertIn("Ihr aktuelles Foto", page.select_one(".profile__photo").get_text())
        self.assertEqual(
            page.select_one("label[for=id_avatar]").get_text(strip=True)[:17], "Mein Foto ersetze"
        )
        self.assertIsNotNone(page.select_one("#id_remove_avatar"))
        self.assertNotIn("Currently", page.get_text())

    def test_the_meeting_form_asks_for_the_town_of_the_meeting(self):
        self.client.force_login(self.bernd)
        page = soup(self.client.get("/de/members/meetings/new/"))
        self.assertEqual(
            page.select_one("label[for=id_town]").get_text(" ", strip=True),
            "Gemeinde des Treffens (optional)",
        )

    def test_photos_kept_for_abandoned_forms_are_cleared(self):
        self.client.force_login(self.anna)
        self.client.post(
            "/nl/members/stories/new/",
            self.story_data(
                title="",
                submission="0b8f3c52-2f8e-4c43-9a3e-8d2f7b1e6a44",
                **{"photos-0-image": photo(), "photos-0-alt_text": "A"},
            ),
        )
        kept = self.client.session["kept_photos"]["0b8f3c52-2f8e-4c43-9a3e-8d2f7b1e6a44"]
        path = default_storage.path(kept["0"]["path"])
        call_command("clear_kept_photos", stdout=io.StringIO())
        self.assertTrue(os.path.exists(path))
        a_day_ago = (timezone.now() - datetime.timedelta(hours=25)).timestamp()
        os.utime(path, (a_day_ago, a_day_ago))
        call_command("clear_kept_photos", stdout=io.StringIO())
        self.assertFalse(os.path.exists(path))

    def test_keeping_a_photo_clears_those_of_forms_abandoned_a_day_ago(self):
        """No scheduler is needed: the next photo kept, by anyone, takes the old ones away."""
        self.client.force_login(self.anna)
        data = self.story_data(title="", **{"photos-0-image": photo(), "photos-0-alt_text": "A"})
        self.client.post("/nl/members/stories/new/", {**data, "submission": str(uuid.uuid4())})
        (kept,) = self.client.session["kept_photos"].values()
        path = default_storage.path(kept["0"]["path"])
        a_day_ago = (timezone.now() - datetime.timedelta(hours=25)).timestamp()
        os.utime(path, (a_day_ago, a_day_ago))
        self.client.post(
            "/nl/members/stories/new/",
            {
                **self.story_data(
                    title="", **{"photos-0-image": photo(), "photos-0-alt_text": "B"}
                ),
                "submission": str(uuid.uuid4()),
            },
        )
        self.assertFalse(os.path.exists(path))

    def kept_path(self, token, slot=0):
        return default_storage.path(self.client.session["kept_photos"][token][str(slot)]["path"])

    def test_a_kept_photo_cleared_meanwhile_is_asked_for_again_and_nothing_typed_is_lost(self):
        self.client.force_login(self.anna)
        token = "2d8c6f0a-1b7e-4c55-8f3a-6e9d0c4b2a71"
        self.client.post(
            "/nl/members/stories/new/",
            self.story_data(
                title="",
                submission=token,
                **{"photos-0-image": photo("brug.jpg"), "photos-0-alt_text": "De brug"},
            ),
        )
        path = self.kept_path(token)
        a_day_ago = (timezone.now() - datetime.timedelta(hours=25)).timestamp()
        os.utime(path, (a_day_ago, a_day_ago))
        call_command("clear_kept_photos", stdout=io.StringIO())
        response = self.client.post(
            "/nl/members/stories/new/",
            self.story_data(
                title="Over de brug", submission=token, **{"photos-0-alt_text": "De brug"}
            ),
        )
        self.assertEqual(response.status_code, 200)
        page = soup(response)
        self.assertEqual(page.select_one("#id_title")["value"], "Over de brug")
        self.assertIn(
            "„brug.jpg” kon niet langer worden bewaard: kies de foto opnieuw.",
            page.select_one("#id_photos-0-image_error").get_text(),
        )
        self.assertFalse(StoryPage.objects.filter(title="Over de brug").exists())
        self.assertNotIn(token, self.client.session.get("kept_photos", {}))
        # Chosen again, it goes with the story.
        self.client.post(
            "/nl/members/stories/new/",
            self.story_data(
                title="Over de brug",
                submission=token,
                **{"photos-0-image": photo("brug.jpg"), "photos-0-alt_text": "De brug"},
            ),
        )
        self.assertEqual(
            self.contribution("Over de brug").get_latest_revision_as_object().image_alt, "De brug"
        )

    def test_a_photo_chosen_while_ticking_do_not_use_replaces_the_kept_one_and_unticks_it(self):
        self.client.force_login(self.anna)
        token = "9a4e2b17-5c3d-4f60-8b21-7d0e6f3a9c58"
        first = {"photos-0-image": photo("eerste.jpg"), "photos-0-alt_text": "Eerste"}
        self.client.post(
            "/nl/members/stories/new/", self.story_data(title="", submission=token, **first)
        )
        second = {
            "photos-0-image": photo("tweede.jpg", size=(320, 240)),
            "photos-0-alt_text": "Tweede",
            "photos-0-discard": "on",
        }
        page = soup(
            self.client.post(
                "/nl/members/stories/new/", self.story_data(title="", submission=token, **second)
            )
        )
        self.assertIn(
            "„tweede.jpg” is bewaard", page.select_one("#id_photos-0-image_helptext").get_text()
        )
        self.assertFalse(page.select_one("#id_photos-0-discard").has_attr("checked"))
        # Sent as shown: with the second photo.
        self.client.post(
            "/nl/members/stories/new/",
            self.story_data(submission=token, **{"photos-0-alt_text": "Tweede"}),
        )
        story = self.contribution().get_latest_revision_as_object()
        self.assertEqual(story.image_alt, "Tweede")
        self.assertEqual(story.image.width, 320)

    def keep_a_photo(self, client):
        data = self.story_data(title="", **{"photos-0-image": photo(), "photos-0-alt_text": "A"})
        client.post("/nl/members/stories/new/", {**data, "submission": str(uuid.uuid4())})
        (kept,) = client.session["kept_photos"].values()
        return default_storage.path(kept["0"]["path"])

    def test_kept_photos_go_when_the_member_logs_out(self):
        self.client.force_login(self.anna)
        path = self.keep_a_photo(self.client)
        self.client.post("/nl/accounts/logout/")
        self.assertFalse(os.path.exists(path))

    def test_kept_photos_go_with_the_account_on_every_device(self):
        phone = Client()
        phone.force_login(self.anna)
        on_the_phone = self.keep_a_photo(phone)
        self.client.force_login(self.anna)
        here = self.keep_a_photo(self.client)
        self.client.force_login(self.bernd)
        of_someone_else = self.keep_a_photo(self.client)
        self.client.force_login(self.anna)
        self.client.post(
            "/nl/members/delete/", {"confirm": "yes", "password": "een-lang-wachtwoord"}
        )
        self.assertFalse(User.objects.filter(pk=self.anna.pk).exists())
        self.assertFalse(os.path.exists(here))
        self.assertFalse(os.path.exists(on_the_phone))
        self.assertTrue(os.path.exists(of_someone_else))

    def test_a_tampered_number_of_photo_slots_is_told_in_our_words(self):
        response = self.post_story(self.anna, **{"photos-TOTAL_FORMS": "1000"})
        errors = soup(response).select_one(".photos .form__errors").get_text()
        self.assertIn("Een bijdrage heeft hoogstens 10 foto's.", errors)
        self.assertNotIn("formulier", errors)
        self.assertFalse(StoryPage.objects.filter(title="Fietsen naar Clarholz").exists())

    def test_photos_too_large_together_are_asked_for_again_without_being_decoded(self):
        """Ten small files of 24 megapixels each: half of them are decoded, the others wait."""
        buffer = io.BytesIO()
        Image.new("L", (4898, 4898), 120).save(buffer, format="PNG")
        self.assertLess(len(buffer.getvalue()), 100_000)
        photos = {"photos-TOTAL_FORMS": "10", "title": "", "submission": str(uuid.uuid4())}
        for index in range(10):
            photos[f"photos-{index}-image"] = SimpleUploadedFile(
                f"groot{index}.png", buffer.getvalue(), content_type="image/png"
            )
            photos[f"photos-{index}-alt_text"] = f"Foto {index}"
        page = soup(self.post_story(self.anna, **photos))
        for index in range(10):
            help_text = page.select_one(f"#id_photos-{index}-image_helptext")
            error = page.select_one(f"#id_photos-{index}-image_error")
            if index < 5:
                self.assertIn(f"„groot{index}.png” is bewaard", help_text.get_text())
            else:
                self.assertIn("te veel grote foto's tegelijk verstuurd", error.get_text())
        (kept,) = self.client.session["kept_photos"].values()
        self.assertEqual(sorted(kept), ["0", "1", "2", "3", "4"])


@pytest.mark.database_agnostic
@pytest.mark.parametrize(
    ("mode", "kind", "frames"),
    [("RGBA", "PNG", 1), ("P", "GIF", 3), ("CMYK", "JPEG", 1), ("RGB", "WEBP", 3)],
)
def test_the_picture_of_a_kept_photo_is_a_small_jpeg_whatever_its_kind(mode, kind, frames):
    images = [Image.new(mode, (1200, 900)) for _frame in range(frames)]
    if mode == "P":
        images[0].info["transparency"] = 0
    out = io.BytesIO()
    images[0].save(out, format=kind, save_all=frames > 1, append_images=images[1:])
    with Image.open(io.BytesIO(small_picture(out))) as small:
        assert (small.format, small.mode, small.size) == ("JPEG", "RGB", (320, 240))
