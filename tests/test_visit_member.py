"""What members do with an exchange visit on the site: read its page in their language, sign up as
a guest party or offer hosting, change and cancel until the deadline, and find their hosts or
guests in their member area once the coordinators publish the matching."""

import datetime
import json
import re
from urllib.parse import quote

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext, pgettext

from exchanges import visits
from exchanges.choices import RegistrationStatus
from exchanges.factories import VisitPageFactory
from exchanges.models import GuestParty, HostOffer, VisitCoordinator
from exchanges.templatetags.meeting_dates import date_span
from exchanges.visit_forms import weekday_date
from tests.visits_base import VisitMixin

# The context of the visit's "Log in" button (templates/includes/visit_signup.html).
LOG_IN_HERE = "to the member's account, under the visit's sign-up: not signing up"

START = datetime.date.today() + datetime.timedelta(days=30)
SECOND = START + datetime.timedelta(days=1)
END = START + datetime.timedelta(days=3)


def days(language):
    """How a page in `language` writes the visit's days: the year once, like a meeting's."""
    with translation.override(language):
        return date_span(START, END)


def day(date, language, year=True):
    """How a page in `language` writes `date`, with its weekday."""
    with translation.override(language):
        return weekday_date(date, year=year)


def programme(days):
    """`days` days of the programme, from START, with two items each."""
    return json.dumps(
        [
            {
                "type": "day",
                "value": {
                    "date": (START + datetime.timedelta(days=number)).isoformat(),
                    "title": f"Dag {number + 1}",
                    "items": [
                        {
                            "start": "10:00:00",
                            "end": "12:30:00",
                            "title": f"Ontvangst {number + 1}",
                            "place": "Rathaus Clarholz",
                            "online": False,
                            "bring": "Wandelschoenen",
                            "description": "Met koffie.",
                        },
                        {
                            "start": "20:00:00",
                            "end": None,
                            "title": f"Videogesprek {number + 1}",
                            "place": "",
                            "online": True,
                            "bring": "",
                            "description": "",
                        },
                    ],
                },
            }
            for number in range(days)
        ]
    )


def url(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def guest_answers(**answers):
    data = {
        "adults": "2",
        "children": "1",
        "travellers": "Anke, Piet en Sanne (8)",
        "languages": ["nl", "de"],
        "diet": "Vegetarisch",
        "phone": "+31 6 12345678",
    }
    data.update(answers)
    return data


def host_answers(visit, **answers):
    data = {
        "household": "Familie Bergmann",
        "beds": "3",
        "languages": ["de"],
        "nights": [night.isoformat() for night in visit.nights()],
        "smokers_welcome": "on",
        "address": "Lange Straße 1, Herzebrock-Clarholz",
        "phone": "+49 5245 1234",
    }
    data.update(answers)
    return data


class VisitPageMixin(VisitMixin):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        deadline = timezone.now() + datetime.timedelta(days=21)
        cls.build_visit(
            title="Uitwisselingsbezoek Herzebrock",
            slug="bezoek",
            start_date=START,
            end_date=END,
            signup_deadline=deadline,
            seats=5,
            notice="Neem een coronatest mee.",
            programme=programme(2),
        )
        # The factory's coordinators, on both language versions, with their contact details.
        for name, email, phone in (
            ("Gerda Mulder", "gerda@steenwijkerland.example", "+31 521 123456"),
            ("Klaus Brinkmann", "klaus@herzebrock.example", "+49 5245 9876"),
        ):
            VisitCoordinator.objects.filter(name=name).update(email=email, phone=phone)
        # The German name of the travelling town differs, to see which one a page shows.
        german_town = cls.steenwijkerland.get_translation(cls.german)
        german_town.name = "Steenwijkerland (Overijssel)"
        german_town.save()
        cls.anke = cls.resident("Anke", cls.steenwijkerland, "nl")
        cls.klaus = cls.resident("Klaus", cls.herzebrock, "de")
        # Anke reads Dutch, Klaus German.
        cls.guest_url = url("nl", "visit_guest_party", cls.visit.pk)
        cls.host_url = url("de", "visit_host_offer", cls.visit.pk)

    def setUp(self):
        super().setUp()
        caches["default"].clear()

    def member(self, user):
        client = Client()
        client.force_login(user)
        return client


class VisitPageTests(VisitPageMixin, TestCase):
    def test_the_dutch_page_shows_the_facts_and_the_programme(self):
        response = self.client.get(self.visit.url)
        self.assertContains(response, "Uitwisselingsbezoek Herzebrock")
        self.assertContains(response, "Van Steenwijkerland naar Herzebrock-Clarholz")
        self.assertContains(response, day(START, "nl"))
        self.assertContains(response, days("nl"))
        self.assertContains(response, "€ 95 per volwassene")
        self.assertContains(response, "Neem een coronatest mee.")
        self.assertContains(response, '<a href="mailto:gerda@steenwijkerland.example">')
        self.assertContains(response, '<a href="tel:+31521123456">+31 521 123456</a>')
        self.assertContains(response, "Klaus Brinkmann</strong>, Herzebrock-Clarholz")
        self.assertContains(response, "5 van 5 plaatsen vrij")
        self.assertContains(response, "Ontvangst 2")
        self.assertContains(response, "10:00</time>–<time>12:30")
        self.assertContains(response, "Meenemen")
        self.assertContains(response, day(SECOND, "nl"))
        self.assertContains(response, "Leden melden zich aan als reisgezelschap")

    def test_the_german_page_names_the_towns_and_days_in_german(self):
        response = self.client.get(self.visit_de.url)
        self.assertContains(response, "Von Steenwijkerland (Overijssel) nach Herzebrock-Clarholz")
        self.assertContains(response, day(START, "de"))
        self.assertContains(response, day(SECOND, "de"))
        self.assertContains(response, "Mitzubringen")
        self.assertContains(response, "Gerda Mulder</strong>, Steenwijkerland (Overijssel)")
        self.assertContains(response, "5 von 5 Plätzen frei")

    def test_a_visit_that_is_not_live_is_not_found(self):
        self.visit.unpublish()
        self.assertEqual(self.member(self.anke).get(self.guest_url).status_code, 404)

    def test_the_calendar_shows_the_upcoming_visit_above_the_meetings(self):
        response = self.client.get(self.calendar_de.url)
        self.assertContains(response, 'id="visits-heading"')
        self.assertContains(response, "Von Steenwijkerland (Overijssel) nach Herzebrock-Clarholz")
        self.assertContains(response, f'href="{self.visit_de.url}"')

    def test_the_facts_and_the_sign_up_come_before_the_programme(self):
        # Phones show the page in one column, in the order of the HTML: the facts first.
        page = self.client.get(self.visit.url).content.decode()
        self.assertLess(page.index('id="visit-facts"'), page.index('id="programme-heading"'))
        self.assertLess(page.index('id="visit-signup-heading"'), page.index("Ontvangst 1"))
        self.assertNotIn("{#", page)

    def test_the_days_read_like_a_meeting_s_with_the_year_once(self):
        # e.g. "11–14 april 2027", not "11 april 2027 – 14 april 2027"
        self.assertEqual(days("nl").count(str(END.year)), 1)
        self.assertContains(self.client.get(self.visit.url), days("nl"))
        self.assertContains(self.client.get(self.calendar_de.url), days("de"))

    def test_an_anonymous_visitor_may_log_in_or_become_a_member(self):
        response = self.client.get(self.visit_de.url)
        signup = reverse("account_signup")
        self.assertContains(response, f'href="{signup}?next={self.visit_de.url}"')
        self.assertContains(response, "Mitglied werden")
        # What members do there in a sentence, and a button to log in with (the sentence was
        # the button's label, two lines on a phone: walk of 2026-12-06, W8).
        self.assertContains(response, "Mitglieder reisen als Reisegruppe mit")
        # Under the heading "Anmeldung", "Anmelden" read as signing up for the visit, and led
        # to the login page (walk of 2026-12-06): "Einloggen", as the header says it too.
        login = reverse("account_login")
        with translation.override("de"):
            log_in = pgettext(LOG_IN_HERE, "Log in")
            site_log_in = gettext("Log in")
        self.assertEqual(log_in, "Einloggen")
        self.assertEqual(site_log_in, "Einloggen")
        self.assertContains(
            response, f'<a class="button" href="{login}?next={self.visit_de.url}">{log_in}</a>'
        )
        self.assertNotContains(response, "um sich als Gast anzumelden")

    def test_the_month_view_shows_the_visit_on_each_of_its_days(self):
        month = f"?view=month&month={START:%Y-%m}"
        page = self.client.get(self.calendar.url + month).content.decode()
        in_month = sum(1 for date in self.visit.days() if date.month == START.month)
        # The phones' list: one entry a day of the visit in this month.
        phones = page.split('class="month__list"', 1)[1]
        self.assertEqual(phones.count(f'href="{self.visit.url}"'), in_month)
        self.assertIn("Uitwisselingsbezoek Herzebrock", page.split('class="month__grid"', 1)[1])
        # Filtered by a sector, the month shows that sector's meetings alone.
        filtered = self.client.get(f"{self.calendar.url}{month}&sector={self.climate.slug}")
        self.assertNotContains(filtered, f'href="{self.visit.url}"')

    def test_a_sector_or_an_online_format_filter_leaves_the_visit_out(self):
        # A visit belongs to no sector community and is held in person.
        month = f"view=month&month={START:%Y-%m}"
        for filters in (
            f"sector={self.climate.slug}",
            f"sector={self.climate.slug}&format=online",
            "format=online",
            "format=hybrid",
        ):
            for view in ("", f"&{month}"):
                with self.subTest(filters=filters, view=view):
                    response = self.client.get(f"{self.calendar.url}?{filters}{view}")
                    self.assertNotContains(response, f'href="{self.visit.url}"')
                    self.assertNotContains(response, 'id="visits-heading"')

    def test_an_in_person_format_filter_keeps_the_visit_in_every_view(self):
        upcoming = self.client.get(f"{self.calendar.url}?format=in_person")
        self.assertContains(upcoming, 'id="visits-heading"')
        self.assertContains(upcoming, f'href="{self.visit.url}"')
        month = self.client.get(
            f"{self.calendar.url}?format=in_person&view=month&month={START:%Y-%m}"
        ).content.decode()
        self.assertIn(f'href="{self.visit.url}"', month.split('class="month__grid"', 1)[1])

    @override_settings(PAGE_CACHE_SECONDS=0, CONTENT_CACHE_SECONDS=0, CACHE_RENDERED_HTML=False)
    def test_the_month_view_costs_the_same_with_more_visits(self):
        month = f"{self.calendar.url}?view=month&month={START:%Y-%m}"
        self.client.get(month)
        with CaptureQueriesContext(connection) as one:
            self.client.get(month)
        for number in range(3):
            VisitPageFactory(
                parent=self.calendar,
                title=f"Bezoek {number}",
                start_date=START,
                end_date=END,
                travelling_town=self.steenwijkerland,
                hosting_town=self.herzebrock,
            )
        self.client.get(month)
        with CaptureQueriesContext(connection) as more:
            response = self.client.get(month)
        self.assertContains(response, "Bezoek 2")
        self.assertEqual(len(more), len(one))


class GuestSignUpTests(VisitPageMixin, TestCase):
    def test_a_member_of_the_travelling_town_signs_up_and_sees_their_seats(self):
        client = self.member(self.anke)
        form = client.get(self.guest_url)
        self.assertContains(form, "Aanmelden als reisgezelschap")
        self.assertContains(form, "Wie er reist")
        response = client.post(self.guest_url, guest_answers(), follow=True)
        self.assertContains(response, "U bent aangemeld: 3 plaatsen gereserveerd.")
        party = GuestParty.objects.get(user=self.anke)
        self.assertEqual(party.status, RegistrationStatus.REGISTERED)
        self.assertEqual(party.languages, ["nl", "de"])
        self.assertEqual(party.diet, "Vegetarisch")
        self.assertContains(client.get(self.visit.url), "2 van 5 plaatsen vrij")

    def test_a_full_visit_puts_the_next_party_on_the_waiting_list_with_its_number(self):
        self.member(self.anke).post(self.guest_url, guest_answers(adults="4", children="0"))
        femke = self.resident("Femke", self.steenwijkerland, "nl")
        response = self.member(femke).post(self.guest_url, guest_answers(), follow=True)
        self.assertContains(response, "u bent nummer 1 op de wachtlijst")
        self.assertEqual(GuestParty.objects.get(user=femke).status, RegistrationStatus.WAITLISTED)
        self.assertContains(self.member(femke).get(self.visit.url), "(nummer 1)")

    def test_the_member_changes_and_cancels_their_party_until_the_deadline(self):
        client = self.member(self.anke)
        client.post(self.guest_url, guest_answers())
        form = client.get(self.guest_url)
        self.assertContains(form, "Anke, Piet en Sanne (8)")
        client.post(self.guest_url, guest_answers(children="0", travellers="Anke en Piet"))
        party = GuestParty.objects.get(user=self.anke)
        self.assertEqual((party.people, party.travellers), (2, "Anke en Piet"))
        cancel = url("nl", "visit_cancel_guest_party", self.visit.pk)
        self.assertContains(client.get(cancel), "Ja, annuleer mijn aanmelding")
        client.post(cancel)
        party.refresh_from_db()
        self.assertEqual(party.status, RegistrationStatus.CANCELLED)

    def test_cancelling_speaks_of_the_waiting_list_only_when_a_party_waits(self):
        # "… de gezelschappen op de wachtlijst krijgen ze" with nobody waiting (walk 14).
        client = self.member(self.anke)
        client.post(self.guest_url, guest_answers())
        cancel = url("nl", "visit_cancel_guest_party", self.visit.pk)

        def said():
            page = BeautifulSoup(client.get(cancel).content, "html.parser")
            return page.select_one("main h1").find_next("p").get_text(strip=True)

        with translation.override("nl"):
            alone = ngettext(
                "Your party gives up its %(seats)s seat.",
                "Your party gives up its %(seats)s seats.",
                3,
            ) % {"seats": 3}
            waited = ngettext(
                "Your party gives up its %(seats)s seat: the first party on the waiting list "
                "takes it.",
                "Your party gives up its %(seats)s seats: the parties on the waiting list take "
                "them.",
                3,
            ) % {"seats": 3}
        self.assertEqual(said(), alone)
        self.guest("Femke", adults=4, children=0)
        self.assertEqual(GuestParty.objects.get(user__display_name="Femke").status, "waitlisted")
        self.assertEqual(said(), waited)

    def test_after_the_deadline_changes_are_refused_with_the_coordinators_contact(self):
        client = self.member(self.anke)
        client.post(self.guest_url, guest_answers())
        self.close_signup()
        page = client.get(self.visit.url)
        self.assertContains(page, "vraag een coördinator")
        self.assertContains(page, "mailto:klaus@herzebrock.example")
        response = client.post(self.guest_url, guest_answers(children="0"))
        self.assertContains(response, 'class="form__errors"')
        self.assertContains(response, "Vraag een coördinator om een wijziging of annulering.")
        self.assertContains(response, "mailto:gerda@steenwijkerland.example")
        self.assertContains(response, 'value="0"')  # what the member typed
        cancel = client.post(url("nl", "visit_cancel_guest_party", self.visit.pk))
        self.assertEqual(cancel.status_code, 409)
        self.assertContains(cancel, "mailto:gerda@steenwijkerland.example", status_code=409)
        self.assertEqual(GuestParty.objects.get(user=self.anke).people, 3)

    def close_signup(self):
        for page in (self.visit, self.visit_de):
            type(page).objects.filter(pk=page.pk).update(
                signup_deadline=timezone.now() - datetime.timedelta(minutes=1)
            )

    def test_a_member_of_the_hosting_town_is_told_who_signs_up(self):
        guest_url_de = url("de", "visit_guest_party", self.visit.pk)
        response = self.member(self.klaus).post(guest_url_de, guest_answers())
        self.assertEqual(response.status_code, 403)
        self.assertContains(
            response,
            "Mitglieder aus Steenwijkerland (Overijssel) melden sich als Gäste an",
            status_code=403,
        )
        self.assertFalse(GuestParty.objects.exists())

    def test_a_member_of_neither_town_is_told_who_signs_up_and_where_to_correct_it(self):
        maria = get_user_model().objects.create_user(
            "maria@elders.example", "een-lang-wachtwoord", display_name="Maria", language="nl"
        )
        page = self.member(maria).get(self.visit.url)
        self.assertContains(
            page,
            "Leden uit Steenwijkerland melden zich aan als gast; leden uit Herzebrock-Clarholz "
            "bieden aan gastgezin te zijn.",
        )
        self.assertContains(page, "In uw profiel staat geen woonplaats.")
        # And back to the visit once she has said where she lives (walk 13).
        back = quote(self.visit.url, safe="")
        self.assertContains(page, f'href="{url("nl", "member_profile")}?next={back}"')

    def test_a_placed_guest_is_warned_before_changing_and_told_what_happened(self):
        anke = self.member(self.anke)
        anke.post(self.guest_url, guest_answers())
        self.member(self.klaus).post(self.host_url, host_answers(self.visit))
        visits.propose(self.visit)
        before = anke.get(self.guest_url)
        self.assertNotContains(before, "Uw gastgezin kent uw reisgezelschap")
        visits.publish_matching(self.visit, user=None)
        form = anke.get(self.guest_url)
        self.assertContains(form, "Uw gastgezin kent uw reisgezelschap")
        self.assertContains(form, "Uw gastgezin heeft deze gegevens.")
        self.assertNotContains(form, "zodra de koppeling is gepubliceerd")
        kept = anke.post(self.guest_url, guest_answers(diet="Veganistisch"), follow=True)
        self.assertContains(kept, "Uw gastgezin krijgt bericht van de wijzigingen.")
        # Four people where the household has three beds: out of the matching.
        out = anke.post(self.guest_url, guest_answers(adults="4", children="0"), follow=True)
        self.assertContains(out, "uw reisgezelschap valt uit de koppeling")
        self.assertIsNone(visits.published_placement_of(GuestParty.objects.get(user=self.anke)))

    def test_a_member_only_ever_sees_their_own_party(self):
        self.member(self.anke).post(self.guest_url, guest_answers())
        femke = self.resident("Femke", self.steenwijkerland, "nl")
        form = self.member(femke).get(self.guest_url)
        self.assertNotContains(form, "Anke, Piet en Sanne")
        self.assertNotContains(form, "12345678")
        self.assertContains(form, "Aanmelden als reisgezelschap")

    def test_hostile_text_is_escaped_or_refused_and_the_form_keeps_it(self):
        client = self.member(self.anke)
        script = '<script>alert("x")</script>'
        response = client.post(
            self.guest_url,
            guest_answers(travellers=f"Anke {script}", previous_hosts="Familie\x07Bergmann"),
        )
        self.assertContains(response, "Gebruik één regel zonder onzichtbare stuurtekens.")
        self.assertContains(response, "Anke &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
        self.assertNotContains(response, script)
        self.assertFalse(GuestParty.objects.exists())
        client.post(self.guest_url, guest_answers(travellers=f"Anke {script}"))
        self.assertEqual(GuestParty.objects.get().travellers, f"Anke {script}")
        self.assertNotContains(client.get(self.guest_url), script)


class HostOfferTests(VisitPageMixin, TestCase):
    def test_a_member_of_the_hosting_town_offers_hosting_for_the_nights_chosen(self):
        client = self.member(self.klaus)
        form = client.get(self.host_url)
        self.assertContains(form, "Gastfamilie sein")
        self.assertContains(
            form, f"Nacht von {day(START, 'de', False)} auf {day(SECOND, 'de', False)}"
        )
        html = form.content.decode()
        # Every night of the visit, each checked for a new offer.
        self.assertEqual(len(re.findall(r'<input[^>]*name="nights"[^>]*checked', html)), 3)
        nights = [START.isoformat(), SECOND.isoformat()]
        response = client.post(self.host_url, host_answers(self.visit, nights=nights), follow=True)
        self.assertContains(response, "Vielen Dank für Ihr Angebot")
        offer = HostOffer.objects.get(user=self.klaus)
        self.assertEqual((offer.beds, offer.nights), (3, nights))
        page = client.get(self.visit_de.url)
        self.assertContains(page, "Zurückziehen")

    def test_a_new_offer_welcomes_guests_who_smoke_only_when_the_host_ticks_it(self):
        # Walk 13: the box was ticked for her, and a host who did not notice it was matched
        # with guests who smoke.
        client = self.member(self.klaus)
        form = BeautifulSoup(client.get(self.host_url).content, "html.parser")
        box = form.find("input", attrs={"name": "smokers_welcome"})
        self.assertEqual(box["type"], "checkbox")
        self.assertFalse(box.has_attr("checked"))
        answers = host_answers(self.visit)
        del answers["smokers_welcome"]
        client.post(self.host_url, answers)
        self.assertFalse(HostOffer.objects.get(user=self.klaus).smokers_welcome)

    def test_a_host_who_ticks_it_welcomes_guests_who_smoke(self):
        client = self.member(self.klaus)
        client.post(self.host_url, host_answers(self.visit, smokers_welcome="on"))
        self.assertTrue(HostOffer.objects.get(user=self.klaus).smokers_welcome)

    def test_a_host_withdraws_their_offer(self):
        client = self.member(self.klaus)
        client.post(self.host_url, host_answers(self.visit))
        withdraw = url("de", "visit_withdraw_host_offer", self.visit.pk)
        client.post(withdraw)
        self.assertIsNotNone(HostOffer.objects.get(user=self.klaus).withdrawn_at)

    def test_a_host_offer_needs_a_night(self):
        response = self.member(self.klaus).post(self.host_url, host_answers(self.visit, nights=[]))
        self.assertContains(response, "Wählen Sie mindestens eine Nacht")
        self.assertContains(response, "Familie Bergmann")


class MemberAreaTests(VisitPageMixin, TestCase):
    def test_the_placement_shows_only_after_the_matching_is_published(self):
        anke = self.member(self.anke)
        klaus = self.member(self.klaus)
        anke.post(self.guest_url, guest_answers(smokes="on", wishes="Graag met een hond"))
        klaus.post(self.host_url, host_answers(self.visit))
        visits.propose(self.visit)
        area, area_de = url("nl", "member_area"), url("de", "member_area")
        before = anke.get(area)
        self.assertContains(before, "De coördinatoren laten u per e-mail weten")
        self.assertNotContains(before, "Familie Bergmann")
        self.assertNotContains(klaus.get(area_de), "Anke, Piet en Sanne")
        visits.publish_matching(self.visit, user=None)
        guest = anke.get(area)
        self.assertContains(guest, "Familie Bergmann")
        self.assertContains(guest, "Lange Straße 1")
        self.assertContains(guest, f"mailto:{self.klaus.email}")
        host = klaus.get(area_de)
        self.assertContains(host, "Anke, Piet en Sanne (8)")
        self.assertContains(host, "Niederländisch, Deutsch")
        self.assertContains(host, "Vegetarisch")
        self.assertContains(host, "Graag met een hond")
        self.assertContains(host, "tel:+31612345678")
        self.assertContains(host, "3 Personen (2 Erwachsene, 1 Kind)")
        self.assertContains(guest, days("nl"))

    def test_one_adult_is_one_adult_in_german(self):
        femke = self.resident("Femke", self.steenwijkerland, "nl")
        self.member(femke).post(self.guest_url, guest_answers(adults="1", children="0"))
        self.member(self.klaus).post(self.host_url, host_answers(self.visit))
        visits.propose(self.visit)
        visits.publish_matching(self.visit, user=None)
        host = self.member(self.klaus).get(url("de", "member_area"))
        self.assertContains(host, "1 Person (1 Erwachsener, 0 Kinder)")

    def test_the_member_area_costs_the_same_with_more_visits(self):
        self.member(self.anke).post(self.guest_url, guest_answers())
        client = self.member(self.anke)
        client.get(url("nl", "member_area"))
        with CaptureQueriesContext(connection) as one:
            client.get(url("nl", "member_area"))
        second = self.build_second_visit()
        visits.sign_up(second, self.anke, GuestParty(travellers="Anke"))
        client.get(url("nl", "member_area"))  # the site's caches, emptied by the new page
        with CaptureQueriesContext(connection) as two:
            response = client.get(url("nl", "member_area"))
        self.assertContains(response, "Tweede bezoek")
        self.assertEqual(len(two), len(one))

    def build_second_visit(self):
        return VisitPageFactory(
            parent=self.calendar,
            title="Tweede bezoek",
            travelling_town=self.steenwijkerland,
            hosting_town=self.herzebrock,
        )


@override_settings(PAGE_CACHE_SECONDS=300)
class CachedVisitPageTests(VisitPageMixin, TestCase):
    def test_a_member_sees_their_own_sign_up_on_the_page_the_cache_keeps(self):
        first = self.client.get(self.visit.url)
        self.assertEqual(first["X-Page-Cache"], "miss")
        self.member(self.anke).post(self.guest_url, guest_answers())
        # A hit reads the visit's sign-up fields and the seats taken, nothing else.
        with self.assertNumQueries(2):
            anonymous = self.client.get(self.visit.url)
        self.assertEqual(anonymous["X-Page-Cache"], "hit")
        self.assertContains(anonymous, "2 van 5 plaatsen vrij")
        self.assertContains(anonymous, "Leden melden zich aan als reisgezelschap")
        own = self.member(self.anke).get(self.visit.url)
        self.assertEqual(own["X-Page-Cache"], "hit")
        self.assertContains(own, "U bent aangemeld: 3 plaatsen gereserveerd.")
        self.assertNotContains(own, "Leden melden zich aan als reisgezelschap")
        host = self.member(self.klaus).get(self.visit_de.url)
        self.assertContains(host, "Gastfamilie sein")


@override_settings(PAGE_CACHE_SECONDS=0, CONTENT_CACHE_SECONDS=0, CACHE_RENDERED_HTML=False)
class VisitPageQueryBudgetTests(VisitPageMixin, TestCase):
    def queries(self, client, url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(captured)

    def test_the_page_costs_the_same_with_more_days_and_parties(self):
        anke = self.member(self.anke)
        anke.post(self.guest_url, guest_answers())
        few = (self.queries(self.client, self.visit.url), self.queries(anke, self.visit.url))
        self.visit.programme = programme(4)
        self.visit.save_revision().publish()
        for name in ("Femke", "Joke", "Willem"):
            self.guest(name, adults=1)
        many = (self.queries(self.client, self.visit.url), self.queries(anke, self.visit.url))
        self.assertEqual(many, few)
        self.assertLessEqual(few[0], 12)


class TownlessMemberTests(VisitPageMixin, TestCase):
    """Walk 13: Maria, without a town in her profile, was sent from the visit to her profile
    ("Check your town"), and saving it left her on her member page, the visit out of sight."""

    def test_she_adds_her_town_and_comes_back_to_the_visit(self):
        maria = self.resident("Maria", self.steenwijkerland, "nl")
        type(maria).objects.filter(pk=maria.pk).update(town=None)
        client = self.member(maria)
        page = BeautifulSoup(client.get(self.visit.url).content, "html.parser")
        link = page.find("a", string="Vul uw woonplaats in uw profiel in")
        self.assertIsNotNone(link)
        # A sentence, with its full stop (walk 14).
        self.assertEqual(
            " ".join(link.parent.get_text().split()),
            "In uw profiel staat geen woonplaats. Vul uw woonplaats in uw profiel in.",
        )
        profile = BeautifulSoup(client.get(link["href"]).content, "html.parser")
        form = {
            field["name"]: field.get("value", "")
            for field in profile.select("form input[name]")
            if field.get("type") not in ("checkbox", "file")
        }
        form.update(town=str(self.steenwijkerland.pk), language="nl")
        response = client.post(link["href"], form)
        self.assertRedirects(response, self.visit.url, fetch_redirect_response=False)

    def test_a_way_back_to_another_site_is_not_followed(self):
        client = self.member(self.anke)
        data = {"display_name": "Anke", "language": "nl", "town": str(self.steenwijkerland.pk)}
        for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
            with self.subTest(target=target):
                response = client.post(f"/nl/members/profile/?next={quote(target)}", data)
                self.assertRedirects(response, "/nl/members/", fetch_redirect_response=False)
