"""The pages the accessibility and HTML validity checks visit: each in both languages, on the
content `build_checked_site` makes."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

PUBLIC_PAGES = [
    "/nl/",
    "/de/",
    "/nl/sectoren/duurzaamheid/",
    "/de/fachgruppen/nachhaltigkeit/",
    "/nl/verhalen/?sector=duurzaamheid",
    "/de/geschichten/?sector=nachhaltigkeit",
    "/nl/verhalen/fietsen/",
    "/de/geschichten/radtour/",
    "/nl/agenda/",
    "/de/kalender/",
    "/nl/agenda/?view=month",
    "/de/kalender/?view=month",
    "/nl/agenda/taalcafe/",
    "/de/kalender/sprachcafe/",
    "/nl/search/?q=fietsen",
    "/de/search/?q=Radtour",
    "/nl/accounts/signup/",
    "/de/accounts/signup/",
    "/nl/accounts/login/",
    "/de/accounts/login/",
]
MEMBER_PAGES = [
    f"/{language}/members/{path}"
    for path in ("", "stories/new/", "meetings/new/", "profile/", "digests/")
    for language in ("nl", "de")
]
MEMBER_EMAIL = "anna@example.org"


def build_checked_site(site):
    """A story and a meeting, translated, and a member, on a CalendarMixin class."""
    site.build_calendar()
    story = site.story(title="Fietsen naar Clarholz", slug="fietsen", sectors=[site.climate])
    site.translated(story, title="Radtour nach Clarholz", slug="radtour")
    meeting = site.meeting(
        timezone.now() + datetime.timedelta(days=3),
        title="Taalcafé",
        slug="taalcafe",
        sectors=[site.climate],
    )
    site.translated(meeting, title="Sprachcafé", slug="sprachcafe")
    return get_user_model().objects.create_user(
        MEMBER_EMAIL, "een-lang-wachtwoord", display_name="Anna"
    )
