"""What meeting and story pages show live, inside the pages the anonymous page cache keeps
(home/live.py): places left and registration change with members' registrations, an author's
name with their profile, neither with a publish; the online link is shown by who asks. Each
context reads only the fields its templates and rules use (any other would cost a query on
every cache hit; the tests count)."""

from home import live

from .models import MeetingPage, StoryPage, VisitPage

MEETING_FIELDS = (
    "translation_key",
    "capacity",
    "cancelled",
    "start",
    "registration_deadline",
    "online_url",
)
# What an exchange visit's sign-up part reads of the visit (exchanges/visit_views.signup_state).
VISIT_FIELDS = (
    "translation_key",
    "seats",
    "signup_deadline",
    "travelling_town",
    "hosting_town",
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


def visit_context(request, pk):
    """The visit as its sign-up part reads it; the part works out the rest (the seats left, the
    visitor's party or offer) with the `visit_signup` tag."""
    return {"page": VisitPage.objects.only(*VISIT_FIELDS).get(pk=pk)}


def register():
    live.register("meeting-places", "includes/meeting_places.html", meeting_context)
    live.register("meeting-registration", "includes/registration.html", meeting_context)
    live.register(
        "meeting-online", "includes/meeting_online.html", meeting_context, by_visitor=True
    )
    live.register("visit-signup", "includes/visit_signup.html", visit_context)
    live.register("story-author", "includes/story_author.html", story_context)
    live.register("story-author-data", "includes/story_author_data.html", story_context)
