"""A bilingual calendar with an exchange visit from Steenwijkerland to Herzebrock-Clarholz, its
guests and hosts, for the visit tests."""

from django.contrib.auth import get_user_model

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
