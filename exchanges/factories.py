import datetime

import factory
import wagtail_factories
from django.utils import timezone

from .choices import CoordinatorSide, MeetingFormat
from .models import (
    CalendarPage,
    MeetingPage,
    MeetingSector,
    StoryIndexPage,
    StoryPage,
    StorySector,
    StoryTown,
    VisitCoordinator,
    VisitPage,
)


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Verhalen"
    slug = "verhalen"

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Uitwisseling {n}")
    date = datetime.date(2024, 5, 1)
    intro = "Inwoners van beide gemeenten ontmoetten elkaar."

    class Meta:
        model = StoryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def sectors(self, create, sectors):
        for sector in sectors or []:
            StorySector.objects.create(page=self, sector=sector)

    @factory.post_generation
    def towns(self, create, towns):
        # In their order, as the admin and the members' form store them (modelcluster numbers
        # them): a translation and a listing show them in it.
        for number, town in enumerate(towns or []):
            StoryTown.objects.create(page=self, town=town, sort_order=number)

    @factory.post_generation
    def tag_names(self, create, names):
        if names:
            self.tags.set(names)
            self.save()


class CalendarPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"

    class Meta:
        model = CalendarPage


class MeetingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda meeting: meeting.start + datetime.timedelta(hours=2))
    format = MeetingFormat.IN_PERSON
    place_name = "Dorpshuis"
    organiser = "Stichting Jumelage"
    intro = "Een bijeenkomst van de sectorgemeenschap."

    class Meta:
        model = MeetingPage
        skip_postgeneration_save = True

    @factory.post_generation
    def sectors(self, create, sectors):
        for sector in sectors or []:
            MeetingSector.objects.create(page=self, sector=sector)


class VisitPageFactory(wagtail_factories.PageFactory):
    """An exchange visit a month ahead, four days long, sign-up open for three more weeks;
    give travelling_town and hosting_town."""

    title = factory.Sequence(lambda n: f"Uitwisselingsbezoek {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda visit: visit.start_date + datetime.timedelta(days=3))
    signup_deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=21))
    seats = 20
    intro = "Inwoners van Steenwijkerland reizen naar Herzebrock-Clarholz."
    costs = "€ 95 per volwassene, inclusief de bus."

    class Meta:
        model = VisitPage
        skip_postgeneration_save = True

    @factory.post_generation
    def coordinators(self, create, coordinators):
        for name, side in coordinators or [
            ("Gerda Mulder", CoordinatorSide.TRAVELLING),
            ("Klaus Brinkmann", CoordinatorSide.HOSTING),
        ]:
            VisitCoordinator.objects.create(page=self, name=name, side=side)
