from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _


class ContributionMixin(models.Model):
    """What a page needs to be a member's contribution: the mark, and an editor's final "no".
    The contribution lifecycle (community/contributions.py) works on every page type that has
    it, without naming them."""

    member_contribution = models.BooleanField(
        _("contributed by a member"), default=False, editable=False
    )
    declined_at = models.DateTimeField(_("rejected at"), null=True, blank=True, editable=False)
    decline_reason = models.TextField(_("reason for rejection"), blank=True, editable=False)

    # What a member's data export calls a contribution of this type ("story", "meeting").
    contribution_kind = None
    # Its fields naming a user that the story feeds show (a story's author): kept whole in the
    # page cache, under the names' version (home.cache.NAMES), which her new name replaces.
    # Pages themselves name users in live parts (home/live.py).
    named_in_feeds = ()

    class Meta:
        abstract = True

    def missing_for_review(self):
        """What a draft may lack but the editors need, as {field: message}: a draft is
        unfinished by definition, so only sending it for review asks for these (the members'
        form, `ContributionForm`)."""
        return {}

    def counted_on_by_others(self):
        """Whether members other than its own count on this published contribution (a meeting
        they are registered for): it stays on the site when its member leaves and asks to take
        their contributions along (community/privacy.py), as an editor may not delete it, and
        when members report it (community/models/reports.py)."""
        return self.others_counting_on() > 0

    def others_counting_on(self):
        """How many members other than its own count on it (`counted_on_by_others`)."""
        return 0

    def forget_contributor(self, user):
        """The member who contributed this page deletes their account and leaves it on the site:
        a page type that names them elsewhere than as its owner (an author, an organiser)
        forgets them here, in every language version and revision. Returns whether a live page
        showed their name otherwise than in a live part (home/live.py: a byline under the
        member's `user:<id>` token, which their deletion replaces): the pages kept whole in the
        cache show it until the version of pages is replaced."""
        return False


def contribution_models():
    """The page types members contribute (those with ContributionMixin)."""
    models_ = [model for model in apps.get_models() if issubclass(model, ContributionMixin)]
    for model in models_:
        if model.contribution_kind is None:
            raise ImproperlyConfigured(f"{model.__name__} does not say its contribution_kind.")
    return models_
