import factory
import wagtail_factories
from wagtail.models import Locale

from .models import SectorIndexPage, SectorPage, Town


class TownFactory(factory.django.DjangoModelFactory):
    name = "Steenwijkerland"
    slug = factory.LazyAttribute(lambda town: town.name.lower().replace(" ", "-"))
    country = "NL"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="nl"))

    class Meta:
        model = Town
        django_get_or_create = ("slug", "locale")


class SectorIndexPageFactory(wagtail_factories.PageFactory):
    title = "Sectoren"
    slug = "sectoren"

    class Meta:
        model = SectorIndexPage


class SectorPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sector {n}")
    purpose = "Kennis delen over de grens."

    class Meta:
        model = SectorPage
