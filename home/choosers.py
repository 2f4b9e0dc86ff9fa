"""Snippet choosers headed by one phrase in the admin's language ("Gemeinde auswählen", "Kies
een gemeente"). Wagtail heads a snippet chooser with its "Choose" and the model's name after
it, an order German and Dutch do not write: "Auswählen Gemeinde"."""

from wagtail.snippets.views.chooser import ChooseView, SnippetChooserViewSet


class HeadedChooseView(ChooseView):
    """The chooser's heading is its viewset's `page_title` alone, a whole phrase."""

    page_subtitle = None


class HeadedChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser whose `choose_one_text` names what is chosen ("Choose a town"): the
    heading of its dialog and the label of its button."""

    choose_view_class = HeadedChooseView
