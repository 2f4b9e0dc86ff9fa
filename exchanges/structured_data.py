"""schema.org JSON-LD of meetings (Event) and stories (Article), for search engines' event and
article listings. Built from what the page shows anyone: a meeting's online link is for
registered members only (MeetingPage.online_link_visible_to), so an online meeting's
VirtualLocation is the meeting's own page, where members find the link."""

from exchanges.choices import MeetingFormat, SpokenLanguage
from home.structured_data import SCHEMA, local_iso, postal_address, publishers

ATTENDANCE_MODES = {
    MeetingFormat.IN_PERSON: "OfflineEventAttendanceMode",
    MeetingFormat.ONLINE: "OnlineEventAttendanceMode",
    MeetingFormat.HYBRID: "MixedEventAttendanceMode",
}

# The languages spoken at a meeting as BCP 47 codes.
SPOKEN = {
    SpokenLanguage.DUTCH: ["nl"],
    SpokenLanguage.GERMAN: ["de"],
    SpokenLanguage.BOTH: ["nl", "de"],
    SpokenLanguage.ENGLISH: ["en"],
}


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _one_or_list(values):
    return values[0] if len(values) == 1 else values


def event_status(meeting):
    if meeting.cancelled:
        return f"{SCHEMA}/EventCancelled"
    if meeting.moved_from:
        return f"{SCHEMA}/EventRescheduled"
    return f"{SCHEMA}/EventScheduled"


def event_location(meeting, url):
    """Where to go: the place (in person), the meeting's page (online), or both (hybrid)."""
    places = []
    if meeting.is_in_person:
        town = meeting.town
        places.append(
            _without_empty(
                {
                    "@type": "Place",
                    "name": meeting.place_name or (town.name if town else ""),
                    "address": postal_address(
                        meeting.address, town.name if town else "", town.country if town else ""
                    ),
                }
            )
        )
    if meeting.is_online:
        places.append({"@type": "VirtualLocation", "url": url})
    return _one_or_list(places)


def event_organizer(meeting):
    """A member who organises a meeting is a person, named by their public name as it is now
    (which pages show live, like a story's byline); editors name a group or a foundation."""
    name = meeting.organiser_name
    if not name:
        return None
    kind = "Person" if meeting.member_contribution else "Organization"
    return {"@type": kind, "name": name}


def event_data(meeting, url, image=None):
    """A meeting as a schema.org Event; `url` its page's absolute address, `image` the
    absolute address of its picture (home.structured_data.sharing_image)."""
    return _without_empty(
        {
            "@context": SCHEMA,
            "@type": "Event",
            "name": meeting.title,
            "description": meeting.intro,
            "startDate": local_iso(meeting.start),
            "endDate": local_iso(meeting.end),
            "eventStatus": event_status(meeting),
            "previousStartDate": local_iso(meeting.moved_from),
            "eventAttendanceMode": f"{SCHEMA}/{ATTENDANCE_MODES[meeting.format]}",
            "location": event_location(meeting, url),
            "organizer": event_organizer(meeting),
            "inLanguage": _one_or_list(SPOKEN.get(meeting.spoken_language, [])),
            "image": image,
            "url": url,
        }
    )


def article_author(story, foundations):
    """The member or editor the story names (their public name), else the foundations, whose
    editors wrote it."""
    name = str(story.author_name)
    if name:
        return {"@type": "Person", "name": name}
    return _one_or_list(publishers(foundations))


def article_data(story, url, language, foundations, image=None):
    """A story as a schema.org Article but for its `author` (`article_author`, which pages
    show live); `language` the one it is written in, `foundations` the footer's foundations
    (home.templatetags.jumelage_tags.site_chrome)."""
    return _without_empty(
        {
            "@context": SCHEMA,
            "@type": "Article",
            "headline": story.title,
            "description": story.search_description or story.intro,
            # The story's own date, as the page, its listings and its feeds give it: a story
            # of a 2019 exchange put on the platform years later is a story of 2019 (and the
            # German alias of an untranslated story, never published itself, has it too).
            "datePublished": story.date.isoformat() if story.date else None,
            "dateModified": local_iso(story.last_published_at or story.first_published_at),
            "publisher": _one_or_list(publishers(foundations)),
            "image": image,
            "inLanguage": language,
            "url": url,
        }
    )
