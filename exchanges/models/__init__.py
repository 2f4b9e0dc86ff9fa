from .announcements import AnnouncedSchedule
from .calendar_tokens import CalendarToken
from .meetings import CalendarPage, MeetingPage, MeetingSector
from .registrations import Registration, RegistrationClosed
from .stories import StoryIndexPage, StoryPage, StorySector, StoryTag, StoryTown
from .visits import (
    GuestParty,
    HostOffer,
    Placement,
    VisitCoordinator,
    VisitMatching,
    VisitPage,
)

__all__ = [
    "AnnouncedSchedule",
    "CalendarToken",
    "CalendarPage",
    "MeetingPage",
    "MeetingSector",
    "Registration",
    "RegistrationClosed",
    "StoryIndexPage",
    "StoryPage",
    "StorySector",
    "StoryTag",
    "StoryTown",
    "GuestParty",
    "HostOffer",
    "Placement",
    "VisitCoordinator",
    "VisitMatching",
    "VisitPage",
]
