from .announcements import AnnouncedSchedule
from .calendar_tokens import CalendarToken
from .meetings import CalendarPage, MeetingPage, MeetingSector
from .registrations import Registration, RegistrationClosed
from .stories import StoryIndexPage, StoryPage, StorySector, StoryTag, StoryTown

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
]
