import wagtail_factories

from .models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Samen over de grens"
    intro = "Het platform van de jumelage."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "Over de jumelage"
    intro = "Wat de jumelage is."

    class Meta:
        model = StandardPage
