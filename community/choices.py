from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    NETHERLANDS = "NL", _("Netherlands")
    GERMANY = "DE", _("Germany")
    OTHER = "XX", _("Elsewhere")
