"""The load test's view of the database, run in its own process with the server's settings:

    python -m tests.perf.loadtest_data prepare '{"members": 200, ...}'
    python -m tests.perf.loadtest_data audit '{"title_prefix": "...", ...}'

`prepare` adds the load's members and a nearly full meeting to the demo site and prints, as JSON,
who logs in and which addresses visitors read; `audit` prints what was stored."""

import json
import sys
from datetime import timedelta

import django

MEMBER_DOMAIN = "loadtest.example"
MEETING_TITLE = "Belastingtest: bijna volle bijeenkomst"


def member_email(number):
    return f"lid-{number:04d}@{MEMBER_DOMAIN}"


def create_members(count, password):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from community.models import Town

    # One hash for all: hashing is slow on purpose, and these accounts share a password anyway.
    hashed = make_password(password)
    town = Town.objects.filter(slug="steenwijkerland", locale__language_code="nl").first()
    user_model = get_user_model()
    users = user_model.objects.bulk_create(
        user_model(
            email=member_email(number),
            password=hashed,
            display_name=f"Testlid {number}",
            language="nl" if number % 2 else "de",
            town=town,
        )
        for number in range(count)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    )
    return users


def nearly_full_meeting(capacity, taken, fillers):
    """A meeting in a month's time with `capacity - taken` places left."""
    from django.utils import timezone

    from exchanges.choices import MeetingFormat, RegistrationStatus
    from exchanges.models import CalendarPage, MeetingPage, Registration

    calendar = CalendarPage.objects.get(locale__language_code="nl")
    start = timezone.now().replace(microsecond=0) + timedelta(days=30)
    meeting = MeetingPage(
        title=MEETING_TITLE,
        intro="Een bijeenkomst waarvoor veel leden tegelijk de laatste plaatsen willen.",
        start=start,
        end=start + timedelta(hours=2),
        format=MeetingFormat.IN_PERSON,
        place_name="Dorpshuis",
        organiser="Belastingtest",
        capacity=capacity,
    )
    calendar.add_child(instance=meeting)
    meeting.save_revision().publish()
    Registration.objects.bulk_create(
        Registration(
            meeting_key=meeting.translation_key,
            meeting=meeting,
            user=user,
            status=RegistrationStatus.REGISTERED,
        )
        for user in fillers[:taken]
    )
    return meeting


def reading_paths():
    """Addresses anonymous visitors read, in both languages: pages, filtered overviews, feeds,
    iCalendar files and search."""
    from django.urls import reverse
    from django.utils import translation

    from community.models import SectorIndexPage, SectorPage, Town
    from exchanges.models import CalendarPage, MeetingPage, StoryIndexPage, StoryPage
    from home.models import HomePage, StandardPage

    paths = []
    for language in ("nl", "de"):
        in_language = {"locale__language_code": language}
        sectors = list(SectorPage.objects.live().filter(**in_language))
        stories = StoryPage.objects.live().filter(**in_language)
        meetings = MeetingPage.objects.live().filter(**in_language)
        kinds = {
            "home": HomePage.objects.live().filter(**in_language),
            "page": StandardPage.objects.live().filter(**in_language),
            "sector": [*SectorIndexPage.objects.live().filter(**in_language), *sectors],
            "story": stories,
            "meeting": meetings,
        }
        for kind, pages in kinds.items():
            paths += [(kind, page.get_url()) for page in pages]
        for index in StoryIndexPage.objects.live().filter(**in_language):
            url = index.get_url()
            paths.append(("story_index", url))
            years = {story.date.year for story in stories}
            filters = [f"sector={sector.slug}" for sector in sectors]
            filters += [f"town={town.slug}" for town in Town.objects.filter(**in_language)]
            filters += [f"year={year}" for year in sorted(years)]
            paths += [("story_index", f"{url}?{query}") for query in filters]
        for calendar in CalendarPage.objects.live().filter(**in_language):
            url = calendar.get_url()
            paths += [("calendar", url), ("calendar", f"{url}?view=month")]
            paths.append(("calendar", f"{url}?view=past"))
        with translation.override(language):
            paths += [
                ("feed", reverse("story_feed_rss")),
                ("feed", reverse("story_feed_atom")),
                ("ical", reverse("calendar_feed")),
                ("search", reverse("search") + "?q=fiets"),
                ("search", reverse("search") + "?q=Chor"),
            ]
            paths += [
                ("ical", reverse("meeting_calendar_feed", args=[meeting.pk]))
                for meeting in meetings
            ]
            paths += [("feed", reverse("sector_feed_rss", args=[s.slug])) for s in sectors]
    return [(kind, path) for kind, path in paths if path]


def prepare(options):
    from community.models import SectorPage, Town

    users = create_members(options["members"] + options["capacity"], options["password"])
    members, fillers = users[: options["members"]], users[options["members"] :]
    meeting = nearly_full_meeting(
        options["capacity"], options["capacity"] - options["free_places"], fillers
    )
    return {
        "members": [user.email for user in members],
        "meeting": {"id": meeting.pk, "path": meeting.get_url()},
        "reading": reading_paths(),
        "sectors": [
            str(pk)
            for pk in SectorPage.objects.live()
            .filter(locale__language_code="nl")
            .values_list("pk", flat=True)
        ],
        "towns": [
            str(pk)
            for pk in Town.objects.filter(locale__language_code="nl").values_list("pk", flat=True)
        ],
    }


def audit(options):
    from wagtail.models import Page

    from exchanges.choices import RegistrationStatus
    from exchanges.models import MeetingPage, Registration

    stored = Page.objects.filter(
        owner__email__endswith=f"@{MEMBER_DOMAIN}",
        alias_of__isnull=True,
        title__startswith=options["title_prefix"],
    )
    meeting = MeetingPage.objects.get(pk=options["meeting_id"])
    registrations = Registration.objects.for_meeting(meeting)
    return {
        "stored_titles": sorted(stored.values_list("title", flat=True)),
        "capacity": meeting.capacity,
        "registered": registrations.filter(status=RegistrationStatus.REGISTERED).count(),
        "waitlisted": registrations.filter(status=RegistrationStatus.WAITLISTED).count(),
        "cancelled": registrations.filter(status=RegistrationStatus.CANCELLED).count(),
    }


def main():
    django.setup()
    action, options = sys.argv[1], json.loads(sys.argv[2])
    result = {"prepare": prepare, "audit": audit}[action](options)
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    main()
