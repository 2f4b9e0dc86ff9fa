"""A bilingual calendar with an exchange visit from Steenwijkerland to Herzebrock-Clarholz, its
guests and hosts, for the visit tests."""

from django.contrib.auth import get_user_model
from django.core import mail

from exchanges import visits
from exchanges.factories import VisitPageFactory
from exchanges.models import GuestParty, HostOffer
from tests.calendar_base import CalendarMixin


class VisitMixin(CalendarMixin):
    @classmethod
    def build_visit(cls, **kwargs):
        """The calendar and a visit (Dutch, with its German translation `visit_de`)."""
        cls.build_calendar()
        kwargs.setdefault("travelling_town", cls.steenwijkerland)
        kwargs.setdefault("hosting_town", cls.herzebrock)
        cls.visit = VisitPageFactory(parent=cls.calendar, **kwargs)
        cls.visit_de = cls.translated(cls.visit, title="Austauschbesuch", slug="austauschbesuch")
        return cls.visit

    @classmethod
    def resident(cls, name, town, language):
        """A member living in `town` (password "een-lang-wachtwoord")."""
        email = f"{name.lower().replace(' ', '.')}@{town.slug or 'example'}.example"
        return get_user_model().objects.create_user(
            email, "een-lang-wachtwoord", display_name=name, town=town, language=language
        )

    @classmethod
    def guest(cls, name="Anke", language="nl", **answers):
        """A member of the travelling town and their guest party, signed up."""
        user = cls.resident(name, cls.steenwijkerland, language)
        answers.setdefault("travellers", name)
        return visits.sign_up(cls.visit, user, GuestParty(**answers))

    @classmethod
    def host(cls, name="Bergmann", language="de", **answers):
        """A member of the hosting town and their offer, for every night of the visit."""
        user = cls.resident(name, cls.herzebrock, language)
        answers.setdefault("household", f"Familie {name}")
        answers.setdefault("beds", 2)
        answers.setdefault("nights", [night.isoformat() for night in cls.visit.nights()])
        return visits.offer_hosting(cls.visit, user, HostOffer(**answers))


GUEST_PHONE = "+31 6 1234 5678"
HOST_PHONE = "+49 5245 98765"
HOST_ADDRESS = "Lindenstraße 12, 33442 Herzebrock-Clarholz"


class VisitEmailsMixin(VisitMixin):
    """Guests and hosts of the visit, signing up and offering as members do, and the emails
    each gets (`mail.outbox`); for a TestCase, whose `captureOnCommitCallbacks` sends them."""

    def sign_up(self, name, language="nl", **answers):
        user = self.resident(name, self.steenwijkerland, language)
        answers.setdefault("travellers", name)
        with self.captureOnCommitCallbacks(execute=True):
            return visits.sign_up(self.visit, user, GuestParty(**answers), notify=True)

    def offer(self, name, language="de", **answers):
        user = self.resident(name, self.herzebrock, language)
        answers.setdefault("household", f"Familie {name}")
        answers.setdefault("beds", 4)
        answers.setdefault("nights", [night.isoformat() for night in self.visit.nights()])
        with self.captureOnCommitCallbacks(execute=True):
            return visits.offer_hosting(self.visit_de, user, HostOffer(**answers), notify=True)

    def publish(self):
        with self.captureOnCommitCallbacks(execute=True):
            return visits.publish_matching(self.visit)

    def emails_to(self, member):
        return [email for email in mail.outbox if email.to == [member.email]]

    def place_anke_with_bergmann(self, **answers):
        answers = {
            "adults": 2,
            "children": 1,
            "travellers": "Anke de Vries, Piet de Vries, Sanne (8)",
            "languages": ["nl", "nds"],
            "animal_allergy": True,
            "allergies": "Noten",
            "diet": "Vegetarisch",
            "step_free": True,
            "mobility": "Rollator",
            "smoke_free": True,
            "wishes": "Graag bij de familie van 2024",
            "phone": GUEST_PHONE,
            **answers,
        }
        anke = self.sign_up("Anke", **answers)
        offer = self.offer("Bergmann", phone=HOST_PHONE, address=HOST_ADDRESS)
        visits.assign(anke, offer)
        return anke, offer
