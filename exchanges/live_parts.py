"""What meeting and story pages show live, inside the pages the anonymous page cache keeps
(home/live.py): places left and registration change with members' registrations, an author's
name with their profile, neither with a publish; the online link is shown by who asks. Each
context reads only the fields its templates and rules use (any other would cost a query on
every cache hit; the tests count). What anonymous visitors see of a meeting is kept until its
registrations change (`meeting:<translation key>`, exchanges/signal_handlers.py) or its
registration closes; of a story's byline and a member's meeting's organiser, until that member's
name changes (`user:<id>`, community/signal_handlers.py)."""

from django.utils import timezone

from home import live
from home.cache import from_row, row_of

from .models import MeetingPage, Registration, StoryPage, VisitPage

MEETING_FIELDS = (
    "translation_key",
    "alias_of_id",  # whether it repeats another meeting (MeetingPage.repeats_another_meeting)
    "capacity",
    "cancelled",
    "start",
    "registration_deadline",
    "online_url",
    "organiser_member_id",  # who proposed it sees its online link (online_link_visible_to)
)
# What the registration parts read of a member's registration.
REGISTRATION_FIELDS = ("id", "status")
# What an exchange visit's sign-up part reads of the visit (exchanges/visit_views.signup_state).
VISIT_FIELDS = (
    "translation_key",
    "seats",
    "signup_deadline",
    "travelling_town",
    "hosting_town",
)
AUTHOR_FIELDS = ("author__display_name", "author__first_name", "author__last_name")
ORGANISER_FIELDS = (
    "organiser",
    "member_contribution",
    "organiser_member__display_name",
    "organiser_member__first_name",
    "organiser_member__last_name",
)


def meeting_context(request, pk, key):
    """The meeting page's own context (MeetingPage.get_context: places left, whether
    registration is open, the visitor's registration), shared by its live parts. For a member,
    what it reads of the database is kept until the meeting's registrations change (hers or
    anyone's: the places taken, her place on the waiting list), so her next hits ask nothing;
    whether registration is open is worked out on each hit, as it changes by time alone."""
    user = request.user
    meeting = MeetingPage.objects.only(*MEETING_FIELDS)
    if not user.is_authenticated:
        return meeting.get(pk=pk).get_context(request)

    def read():
        page = meeting.get(pk=pk)
        taken, mine, position = page.registration_state(user)
        return {
            "page": row_of(page, ("id", *MEETING_FIELDS)),
            "taken": taken,
            "mine": None if mine is None else row_of(mine, REGISTRATION_FIELDS),
            "position": position,
        }

    state = live.kept_while_current(f"meeting:{pk}:user:{user.pk}", meeting_tokens(pk, key), read)
    page = from_row(MeetingPage, state["page"])
    mine = None if state["mine"] is None else from_row(Registration, state["mine"])
    return {
        "page": page,
        "self": page,
        "request": request,
        **page.registration_context(user, state["taken"], mine, state["position"]),
    }


def meeting_tokens(pk, key):
    return [f"meeting:{key}"]


def registration_closing(context):
    """When registration closes, if it is still open: the parts then read otherwise."""
    closes = context["page"].closes_at()
    return closes if context["registration_open"] and closes > timezone.now() else None


def story_context(request, pk, author):
    story = StoryPage.objects.select_related("author").only(
        "author", "member_contribution", *AUTHOR_FIELDS
    )
    return {"page": story.get(pk=pk)}


def organiser_context(request, pk, member):
    """A member's meeting names them as they are called now (MeetingPage.organiser_name)."""
    meeting = MeetingPage.objects.select_related("organiser_member").only(*ORGANISER_FIELDS)
    return {"page": meeting.get(pk=pk)}


def visit_context(request, pk):
    """The visit as its sign-up part reads it; the part works out the rest (the seats left, the
    visitor's party or offer) with the `visit_signup` tag."""
    return {"page": VisitPage.objects.only(*VISIT_FIELDS).get(pk=pk)}


def story_tokens(pk, author):
    return [f"user:{author}"]


def organiser_tokens(pk, member):
    return [f"user:{member}"]


def register():
    meeting = {"tokens": meeting_tokens, "until": registration_closing}
    live.register(
        "meeting-places",
        "includes/meeting_places.html",
        meeting_context,
        for_everyone=True,
        **meeting,
    )
    live.register("meeting-registration", "includes/registration.html", meeting_context, **meeting)
    live.register(
        "meeting-online", "includes/meeting_online.html", meeting_context, by_visitor=True
    )
    live.register("visit-signup", "includes/visit_signup.html", visit_context)
    story = {"tokens": story_tokens, "for_everyone": True}
    live.register("story-author", "includes/story_author.html", story_context, **story)
    live.register("story-author-data", "includes/story_author_data.html", story_context, **story)
    organiser = {"tokens": organiser_tokens, "for_everyone": True}
    live.register(
        "meeting-organiser", "includes/meeting_organiser.html", organiser_context, **organiser
    )
    live.register(
        "meeting-organiser-data",
        "includes/meeting_organiser_data.html",
        organiser_context,
        **organiser,
    )
