from .meetings import CalendarPage, MeetingPage, MeetingSector
from .registrations import Registration, RegistrationClosed
from .stories import StoryIndexPage, StoryPage, StorySector, StoryTag, StoryTown

__all__ = [
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
]
