"""Snippet choosers headed by one phrase in the admin's language ("Gemeinde auswählen", "Kies
een gemeente"). Wagtail heads a snippet chooser with its "Choose" and the model's name after
it, an order German and Dutch do not write: "Auswählen Gemeinde".

And every chooser's "Search" tab in the admin's language: Wagtail's chooser viewsets translate
it once, when imported, in the process's first language, so the German editors' image and
document choosers read the Dutch "Zoeken" (`translate_search_tabs`)."""

from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import ChooseView, SnippetChooserViewSet


def choosable(user, model):
    """The objects of `model` (an image, a document, a snippet) `user` may choose in the admin:
    those she may choose or change (collection permissions for images and documents)."""
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, {"choose", "change"})


def translate_search_tabs():
    """Before the admin's URLs are built (they hand the label to each chooser's views)."""
    ChooserViewSet.search_tab_label = gettext_lazy("Search")


class HeadedChooseView(ChooseView):
    """The chooser's heading is its viewset's `page_title` alone, a whole phrase."""

    page_subtitle = None


class HeadedChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser whose `choose_one_text` names what is chosen ("Choose a town"): the
    heading of its dialog and the label of its button."""

    choose_view_class = HeadedChooseView
