"""What meeting and story pages show live, inside the pages the anonymous page cache keeps
(home/live.py): places left and registration change with members' registrations, an author's
name with their profile, neither with a publish; the online link is shown by who asks. Each
context reads only the fields its templates and rules use (any other would cost a query on
every cache hit; the tests count)."""

from home import live

from .models import MeetingPage, StoryPage

MEETING_FIELDS = (
    "translation_key",
    "capacity",
    "cancelled",
    "start",
    "registration_deadline",
    "online_url",
)
AUTHOR_FIELDS = ("author__display_name", "author__first_name", "author__last_name")


def meeting_context(request, pk):
    """The meeting page's own context (MeetingPage.get_context: places left, whether
    registration is open, the visitor's registration), shared by both of its live parts."""
    return MeetingPage.objects.only(*MEETING_FIELDS).get(pk=pk).get_context(request)


def story_context(request, pk):
    story = StoryPage.objects.select_related("author").only(
        "author", "member_contribution", *AUTHOR_FIELDS
    )
    return {"page": story.get(pk=pk)}


def register():
    live.register("meeting-places", "includes/meeting_places.html", meeting_context)
    live.register("meeting-registration", "includes/registration.html", meeting_context)
    live.register(
        "meeting-online", "includes/meeting_online.html", meeting_context, by_visitor=True
    )
    live.register("story-author", "includes/story_author.html", story_context)
