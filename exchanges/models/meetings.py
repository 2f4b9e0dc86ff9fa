import calendar
import datetime
import operator

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework.fields import CharField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from community import roles
from community.localization import (
    LocalizedSectorsMixin,
    sector_query_in_language,
    sector_versions,
    with_localized_sectors,
    with_sector_links,
)
from community.models import SectorPage, Town
from community.models.contribution import ContributionMixin
from community.serializers import ChoiceField, LeadImageField, SectorsField, TownField
from exchanges.calendar_views import calendar_context
from exchanges.choices import MeetingFormat, RegistrationStatus, SpokenLanguage
from exchanges.models.announcements import AnnouncedSchedule
from exchanges.models.registrations import Registration
from exchanges.models.visits import VisitPage
from home.blocks import BaseStreamBlock
from home.i18n import with_source_locale
from home.local_time import LOCAL_TIME
from home.models import OverviewPage
from home.page_forms import NeedsToPublishPageForm
from home.validators import validate_join_link
from home.visibility import PublicPageQuerySet, ViewRestrictionsMixin, below_a_restriction, public

# A meeting in year 2 is a slip of the keyboard, and one early in year 1 cannot even be stored:
# the database keeps times in UTC, which is behind Amsterdam's clock, and there is no year 0.
FIRST_YEAR, LAST_YEAR = 2000, 2100


START_NEEDED = _("Choose when the meeting starts.")
END_NEEDED = _("Choose when the meeting ends.")


# Upcoming meetings the soonest first; past ones the other way round.
UPCOMING_ORDER = ("start", "pk")


class MeetingQuerySet(PublicPageQuerySet):
    def for_listing(self):
        """Published meetings with what a meeting card shows: their sectors in their rows."""
        return with_source_locale(with_sector_links(self.live().public())).select_related("town")

    def for_page_view(self):
        """A meeting with what its page shows (see home.views.serve): the member who proposed
        it too (MeetingPage.organiser_name)."""
        return self.for_listing().select_related("organiser_member")

    def upcoming(self, now=None):
        """Meetings that have not ended yet, the soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by(*UPCOMING_ORDER)

    def counted_on(self, now=None):
        """Meetings members count on: registered or waiting for a place, for a meeting neither
        cancelled (they were told, and the invitation left their calendars) nor over. Such a
        meeting is not deleted whole nor unpublished (exchanges/wagtail_hooks.py), as a visit
        with sign-ups is not deleted."""
        signed_up = Registration.objects.active().filter(
            meeting_key=models.OuterRef("translation_key")
        )
        return self.filter(
            models.Exists(signed_up), cancelled=False, end__gte=now or timezone.now()
        )

    def past(self, now=None):
        """Meetings that have ended (MeetingPage.is_past), the latest first."""
        return self.filter(end__lt=now or timezone.now()).order_by(
            *(f"-{field}" for field in UPCOMING_ORDER)
        )

    def in_month(self, year, month):
        """Meetings on any day of a month in local time (Europe/Amsterdam)."""
        first = datetime.datetime(year, month, 1, tzinfo=LOCAL_TIME)
        days = calendar.monthrange(year, month)[1]
        after = first + datetime.timedelta(days=days)
        return self.filter(start__lt=after, end__gte=first).order_by("start", "pk")

    def in_sector(self, sector):
        """Meetings of a sector community, whichever language version of the sector they chose:
        each once (EXISTS), also one linking both."""
        links = MeetingSector.objects.filter(
            page=OuterRef("pk"), sector_id__in=sector_versions(sector)
        )
        return self.filter(Exists(links))

    def with_format(self, meeting_format):
        return self.filter(format=meeting_format)

    def with_sequence(self):
        """Each meeting with its iCalendar SEQUENCE (`ical_sequence`, see AnnouncedSchedule),
        in the same query."""
        announced = AnnouncedSchedule.objects.filter(
            meeting_key=models.OuterRef("translation_key")
        ).values("sequence")[:1]
        return self.annotate(ical_sequence=Coalesce(models.Subquery(announced), 0))


MeetingManager = PageManager.from_queryset(MeetingQuerySet)


class CalendarPage(OverviewPage):
    """The meeting calendar of one language: upcoming and past meetings and a month view."""

    subpage_types = ["exchanges.MeetingPage", "exchanges.VisitPage"]

    highlights_template = "includes/calendar_highlights.html"

    class Meta:
        verbose_name = _("meeting calendar")
        verbose_name_plural = _("meeting calendars")

    def meetings(self):
        return MeetingPage.objects.child_of(self).for_listing()

    def upcoming_visits(self):
        """The exchange visits that have not ended, the soonest first, for the top of the
        calendar: in one query, with the towns' names in the calendar's language."""

        def town_name(field):
            named = Town.objects.filter(
                translation_key=models.OuterRef(f"{field}__translation_key"),
                locale=models.OuterRef("locale"),
            ).values("name")[:1]
            return Coalesce(models.Subquery(named), f"{field}__name")

        return (
            VisitPage.objects.child_of(self)
            .live()
            .public()
            .upcoming()
            .annotate(
                travelling_town_name=town_name("travelling_town"),
                hosting_town_name=town_name("hosting_town"),
            )
        )

    def visits_in_month(self, year, month):
        """The exchange visits under way on some day of the month, in one query."""
        first = datetime.date(year, month, 1)
        last = datetime.date(year, month, calendar.monthrange(year, month)[1])
        return (
            VisitPage.objects.child_of(self)
            .live()
            .public()
            .filter(start_date__lte=last, end_date__gte=first)
            .select_related("alias_of")
            .order_by("start_date", "pk")
        )

    def highlights(self, limit=3):
        """The next meetings."""
        return with_localized_sectors(self.meetings().upcoming()[:limit])

    def query_in_language(self, query, language_code):
        return sector_query_in_language(query, language_code)

    def sector_listings(self, sector, upcoming=4, past=3):
        """A sector community's upcoming and latest past meetings, and the link to all of its
        past meetings, for the sector's page."""
        meetings, now = self.meetings().in_sector(sector), timezone.now()
        # Both from one query, then told apart as `upcoming()` and `past()` tell them.
        shown = with_localized_sectors(
            self.meetings().filter(
                models.Q(pk__in=meetings.upcoming(now).values("pk")[:upcoming])
                | models.Q(pk__in=meetings.past(now).values("pk")[:past])
            )
        )
        url = self.url
        order = operator.attrgetter(*UPCOMING_ORDER)
        return {
            "upcoming_meetings": sorted(
                (meeting for meeting in shown if not meeting.is_past(now)), key=order
            ),
            "past_meetings": sorted(
                (meeting for meeting in shown if meeting.is_past(now)), key=order, reverse=True
            ),
            "past_meetings_url": (
                f"{url}?{urlencode({'view': 'past', 'sector': sector.slug})}" if url else ""
            ),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(calendar_context(self, request))
        return context


class MeetingPage(ViewRestrictionsMixin, ContributionMixin, LocalizedSectorsMixin, Page):
    """A meeting of a sector community, online, in person or both."""

    contribution_kind = "meeting"

    # Empty in a draft only (`missing_for_review`): every live meeting has its start and end,
    # which its listings, feeds, reminders, digests, the open data API and its structured data
    # read; what also reads a draft (its preview, its member's form) does without.
    start = models.DateTimeField(_("start"), null=True, blank=True)
    end = models.DateTimeField(_("end"), null=True, blank=True)
    format = models.CharField(
        _("format"), max_length=12, choices=MeetingFormat.choices, default=MeetingFormat.IN_PERSON
    )
    place_name = models.CharField(_("place"), max_length=150, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    town = models.ForeignKey(
        "community.Town",
        verbose_name=_("town"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Without a town, whether its member answered "Elsewhere" (the members' form): a town left
    # blank is not given, and nobody may read it as her answer "elsewhere" (walk 14).
    town_elsewhere = models.BooleanField(_("Elsewhere"), default=False)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        validators=[validate_join_link],
        # Who sees it is `online_link_visible_to`'s rule.
        help_text=_(
            "Any video platform. Only registered members, the member who proposed the meeting, "
            "moderators and editors see it."
        ),
    )
    spoken_language = models.CharField(
        _("spoken language"),
        max_length=5,
        choices=SpokenLanguage.choices,
        default=SpokenLanguage.BOTH,
    )
    organiser = models.CharField(_("organiser"), max_length=150)
    # The member who proposed the meeting: the page names them by their public name as it is
    # now (`organiser_name`), so a member who renames themself is not named by their old name.
    organiser_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organising member"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Leave empty to accept registrations until the meeting starts."),
    )
    intro = models.TextField(_("introduction"))
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    notice = models.TextField(
        _("notice"),
        blank=True,
        help_text=_("Health or travel measures in force, or anything participants must know."),
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    moved_from = models.DateTimeField(
        _("originally planned start"),
        null=True,
        blank=True,
        help_text=_("Fill in when a meeting is moved, so participants notice the change."),
    )
    report = models.ForeignKey(
        "exchanges.StoryPage",
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The story that tells how the meeting went."),
    )

    objects = MeetingManager()
    sector_links_name = "meeting_sectors"
    base_form_class = NeedsToPublishPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("moved_from"),
                FieldPanel("cancelled"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("place_name"),
                FieldPanel("address"),
                FieldPanel("town"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("spoken_language"),
                FieldPanel("organiser"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
            ],
            heading=_("Participation"),
        ),
        InlinePanel("meeting_sectors", heading=_("Sectors"), label=_("sector")),
        FieldPanel("notice"),
        FieldPanel("body"),
        FieldPanel("report"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.SearchField("place_name"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    # The open data API (jumelage/api.py): what the meeting's page shows anyone. Never the
    # online link, which only registered members see, nor the body, where editors may repeat it.
    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("format", serializer=ChoiceField(MeetingFormat.choices)),
        APIField("place_name"),
        APIField("address"),
        APIField("town", serializer=TownField()),
        APIField("spoken_language", serializer=ChoiceField(SpokenLanguage.choices)),
        APIField("organiser", serializer=CharField(source="organiser_name", read_only=True)),
        APIField("capacity"),
        APIField("registration_deadline"),
        APIField("cancelled"),
        APIField("moved_from"),
        APIField("sectors", serializer=SectorsField()),
        APIField("intro"),
        APIField("notice"),
        APIField("lead_image", serializer=LeadImageField("lead_image", "lead_image_alt")),
    ]

    parent_page_types = ["exchanges.CalendarPage"]
    subpage_types = []

    # Its online link is the meeting's, as its time and place: the translation editor does not
    # offer it for a change that the source's next publish would undo (SCHEDULE_FIELDS).
    override_translatable_fields = [SynchronizedField("online_url", overridable=False)]

    # Facts of the meeting itself, the same in every language: pushed to the translations when
    # the source is published (see signal_handlers). The expiry too: wagtail-localize's
    # translation editor has no publishing schedule, so a translation's is its source's.
    SCHEDULE_FIELDS = (
        "start",
        "end",
        "format",
        "online_url",
        "capacity",
        "registration_deadline",
        "cancelled",
        "moved_from",
        "spoken_language",
        "town_id",
        "town_elsewhere",
        "expire_at",
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        # The calendar lists meetings by start time and stops after a page or a month.
        indexes = [models.Index(fields=["start", "page_ptr"], name="meeting_by_start")]

    def clean(self):
        """What a meeting needs, for the admin and the members' form alike (its full_clean)."""
        super().clean()
        errors = {}
        for name in ("start", "end"):
            moment = getattr(self, name)
            year = timezone.localtime(moment, LOCAL_TIME).year if moment else None
            if year and not FIRST_YEAR <= year <= LAST_YEAR:
                errors[name] = _("Choose a date between %(first)s and %(last)s.") % {
                    "first": FIRST_YEAR,
                    "last": LAST_YEAR,
                }
        if self.start and self.end and self.end <= self.start and "end" not in errors:
            errors["end"] = _("The end must be after the start.")
        # A member proposes a meeting still to come; editors may record one that took place
        # (for the archive, or to link its report story), so the rule holds only where the
        # members' form fills the page (`ContributionForm._post_clean`), not in the admin.
        proposed = getattr(self, "filled_by_member", False)
        if proposed and self.start and self.start < timezone.now() and "start" not in errors:
            errors["start"] = _("This start is in the past: choose a date and time still to come.")
        if self.live and not getattr(self, "needs_asked_by_form", False):
            # Wagtail cleans a page it publishes (its save with live set), by whichever path
            # (an approval, a bulk action, a translation): what a draft may lack, it may not.
            # The admin's and the members' forms ask it themselves, of what is published or
            # sent, not of a draft (`NeedsToPublishPageForm`, `ContributionForm`).
            for name, message in self.missing_for_review().items():
                errors.setdefault(name, message)
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            errors["registration_deadline"] = _("Registration must close before the start.")
        versions = type(self).objects.filter(translation_key=self.translation_key)
        if self.expire_at and self.pk and versions.counted_on().exists():
            # Wagtail takes a page offline at its expiry without asking the admin's refusal to
            # unpublish (exchanges/wagtail_hooks.py): members would be left registered for a
            # page not found (walk and attack of 2026-12-04).
            errors["expire_at"] = _(
                "Members are registered for this meeting or waiting for a place: it cannot go "
                "offline at a set time. Cancel the meeting instead, or leave the expiry empty."
            )
        if errors:
            raise ValidationError(errors)

    def missing_for_review(self):
        """Its start and end, and its place or its online link as its format asks: a draft may
        do without, publishing or sending it to the editors asks (the members' form,
        `NeedsToPublishPageForm`)."""
        missing = {}
        if self.start is None:
            missing["start"] = START_NEEDED
        if self.end is None:
            missing["end"] = END_NEEDED
        if self.is_online and not self.online_url:
            missing["online_url"] = _("An online or hybrid meeting needs an online link.")
        if self.is_in_person and not self.place_name.strip():
            missing["place_name"] = _("A meeting in person or a hybrid meeting needs a place.")
        return missing

    def others_counting_on(self):
        """How many members other than its organiser are registered or waiting for it; none
        once it is cancelled or over (`counted_on`)."""
        if self.cancelled or self.end is None or self.end < timezone.now():
            # A draft without its end: never published, nobody registered.
            return 0
        signed_up = Registration.objects.for_meeting(self).active().exclude(user_id=self.owner_id)
        return signed_up.count()

    def forget_contributor(self, user):
        """The member who proposed the meeting is named as its organiser, in every language
        version and revision: from now on a former member, in the version's own language. By
        the account, not by the name: the stored one is what they were called when they
        proposed it. True when a live version named them in its text only (no account linked),
        which the page shows as kept, not live (`ContributionMixin.forget_contributor`)."""
        copies = MeetingPage.objects.filter(
            models.Q(organiser_member=user) | models.Q(organiser=user.public_name),
            translation_key=self.translation_key,
        )
        named_in_text = False
        for copy in copies.select_related("locale"):
            named_in_text = named_in_text or (copy.live and copy.organiser_member_id is None)
            with translation.override(copy.locale.language_code):
                former = str(_("former member"))
            MeetingPage.objects.filter(pk=copy.pk).update(organiser=former, organiser_member=None)
            names = {copy.organiser, user.public_name}
            for revision in copy.revisions.all():
                content = revision.content
                if content.get("organiser_member") == user.pk or content.get("organiser") in names:
                    content.update(organiser=former, organiser_member=None)
                    revision.save(update_fields=["content"])
        return named_in_text

    @property
    def organiser_name(self):
        """Who organises the meeting as visitors read it: the member who proposed it by their
        public name now, else the organiser the page names (an editor's group, a foundation,
        a former member)."""
        if self.organiser_member_id and self.organiser_member:
            return self.organiser_member.public_name or self.organiser
        return self.organiser

    @cached_property
    def _picture_sector(self):
        """The first of the meeting's live, public sectors, in link order, that has a lead image
        (a sector behind a login lends it no picture, here as in the open data API). The sector
        rows of the content cache carry no image, so one query reads the images of its sectors
        (a handful), and only when a picture is asked for."""
        sector_ids = [sector.pk for sector in self.sectors]
        if not sector_ids:
            return None
        with_image = {
            sector.pk: sector
            for sector in public(SectorPage.objects.live())
            .filter(pk__in=sector_ids, image__isnull=False)
            .select_related("image")
            .only("image_alt", "image")
        }
        return next((with_image[pk] for pk in sector_ids if pk in with_image), None)

    @property
    def lead_image(self):
        """A meeting has no picture of its own: pictures shared on social media, its JSON-LD
        and the open data API show its sector's lead image (None when no sector has one)."""
        sector = self._picture_sector
        return sector.image if sector else None

    @property
    def lead_image_alt(self):
        """The alternative text of `lead_image`, written with the sector's image."""
        sector = self._picture_sector
        return sector.image_alt if sector else ""

    @property
    def is_online(self):
        return self.format in (MeetingFormat.ONLINE, MeetingFormat.HYBRID)

    @property
    def is_in_person(self):
        return self.format in (MeetingFormat.IN_PERSON, MeetingFormat.HYBRID)

    def is_past(self, now=None):
        """Ended: in `MeetingQuerySet.past()`, not in `upcoming()`; a draft without its end is
        in neither."""
        return self.end is not None and self.end < (now or timezone.now())

    def closes_at(self):
        return self.registration_deadline or self.start

    def registration_open(self, now=None):
        if self.repeats_another_meeting() or self.start is None:
            # Without a start: a draft (its preview), never open for registration.
            return False
        return not self.cancelled and (now or timezone.now()) < self.closes_at()

    def repeats_another_meeting(self):
        """An alias with a translation key of its own (the admin's copy as an alias, in the
        same language): registrations through it would count as another meeting's, and it goes
        offline with its original. wagtail-localize's alias of an untranslated meeting in the
        other language shares the key: the same meeting, registered for through it."""
        return self.alias_of_id is not None and (
            self.alias_of.translation_key != self.translation_key
        )

    def registrations(self):
        return Registration.objects.for_meeting(self)

    def announced_sequence(self):
        """The SEQUENCE of what participants were last told (AnnouncedSchedule)."""
        return AnnouncedSchedule.objects.sequence_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            self.registration_context(request.user, *self.registration_state(request.user))
        )
        return context

    def registration_state(self, user):
        """What the page's registration reads of the database for `user`: (the places taken,
        their active registration or None, their place on the waiting list or None)."""
        registrations = self.registrations()
        mine = None
        if user.is_authenticated:
            mine = registrations.active().filter(user=user).first()
        position = mine.waiting_position() if mine and mine.is_waiting else None
        return registrations.registered().count(), mine, position

    def registration_context(self, user, taken, mine, waiting_position):
        """The registration's context for `user`, from `registration_state`."""
        return {
            "places_taken": taken,
            "places_left": self.places_left(taken),
            "my_registration": mine,
            "waiting_position": waiting_position,
            "show_online_link": self.online_link_visible_to(user, mine),
            "registration_open": self.registration_open(),
        }

    @cached_property
    def shown_report(self):
        """The story that tells how the meeting went, in the reader's language where it is
        translated, if visitors may read it: a draft or a page behind a login, a group or a
        password is not named (attack 29, F8). No query for restrictions (home.visibility)."""
        report = self.report
        if report is None or not report.live:
            return None
        report = report.localized
        return None if below_a_restriction(report) else report

    def purged_along(self, overview_path):
        """What a caching proxy purges with the page (home/frontend_cache.py): its own
        iCalendar file, which `public, max-age=900` lets it keep (attack 29, F4), and the
        calendar's month views of its months and its past view, which the calendar links
        unfiltered and the page cache sends `public` for `s-maxage` (attack 37). `overview_path`:
        the calendar's, None when it has no address."""
        paths = [reverse("meeting_calendar_feed", args=[self.pk])]
        if overview_path is None:
            return paths
        paths += [f"{overview_path}?view=month", f"{overview_path}?view=past"]
        if self.start is not None:
            start = timezone.localtime(self.start).date().replace(day=1)
            end = timezone.localtime(self.end or self.start).date()
            month = start
            # A meeting of many months (an editor's exhibition) purges its first two years.
            for _ in range(24):
                if month > end:
                    break
                paths.append(
                    f"{overview_path}?{urlencode({'view': 'month', 'month': f'{month:%Y-%m}'})}"
                )
                month = (month + datetime.timedelta(days=32)).replace(day=1)
        return paths

    def places_left(self, taken):
        return None if self.capacity is None else max(self.capacity - taken, 0)

    def online_link_visible_to(self, user, registration):
        """The online link is for registered members, for the member who proposed the meeting
        (she hosts it, and an editor may have changed its link) and for moderators and editors
        only, so that uninvited guests do not join a community's meeting. `registration`: the
        user's active registration for this meeting, or None."""
        if not self.online_url or not user.is_authenticated:
            return False
        if self.organiser_member_id is not None and self.organiser_member_id == user.pk:
            return True
        if registration is not None and registration.status == RegistrationStatus.REGISTERED:
            return True
        return roles.is_moderator(user)


class MeetingSector(Orderable):
    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="meeting_sectors")
    sector = models.ForeignKey(
        "community.SectorPage", verbose_name=_("sector"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("sector")]

    class Meta(Orderable.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        # The meetings of a sector, for the calendar's filter (`MeetingQuerySet.in_sector`).
        indexes = [models.Index(fields=["sector", "page"], name="meeting_sector_pages")]
