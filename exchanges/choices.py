from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MeetingFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid (online and in person)")


class SpokenLanguage(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    GERMAN = "de", _("German")
    BOTH = "nl-de", _("Dutch and German")
    ENGLISH = "en", _("English")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("On the waiting list")
    # The member withdrew: not the meeting's "Cancelled" (Afgelast/Abgesagt).
    CANCELLED = "cancelled", pgettext_lazy("registration", "Cancelled")


class VisitLanguage(models.TextChoices):
    """Languages guests and hosts speak: the matching prefers hosts who share one with their
    guests. Low German is spoken on both sides of the border."""

    DUTCH = "nl", _("Dutch")
    GERMAN = "de", _("German")
    LOW_GERMAN = "nds", _("Low German (Nedersaksisch, Plattdeutsch)")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")


class CoordinatorSide(models.TextChoices):
    """Which town a coordinator of an exchange visit speaks for."""

    TRAVELLING = "travelling", _("The travelling town")
    HOSTING = "hosting", _("The hosting town")
