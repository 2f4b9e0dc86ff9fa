"""Exchange visits: residents of one town travel to the other for a few days and stay with host
families. The page (`VisitPage`, under the calendar) tells the programme; members of the
travelling town sign up as a guest party (`GuestParty`), members of the hosting town offer
hosting (`HostOffer`); the coordinators place guests with hosts (`Placement`) and publish the
matching (`VisitMatching`). Everything members enter is keyed to the visit's translation key,
shared by its Dutch and German pages, and deleted some days after the visit
(exchanges.visits.purge_visit_data). The rules of changing them are in exchanges/visits.py."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from community.models import Town
from community.serializers import TownField
from exchanges.blocks import ProgrammeBlock
from exchanges.choices import CoordinatorSide, MeetingFormat, RegistrationStatus
from exchanges.models.language_versions import to_another_language_version
from home.blocks import BaseStreamBlock
from home.local_time import LOCAL_TIME
from home.page_forms import SchedulePageForm
from home.validators import validate_one_line, validate_phone, validate_text
from home.visibility import PublicPageQuerySet, ViewRestrictionsMixin

# The largest party and household a form accepts: more is a slip of the keyboard.
MAX_PEOPLE = 12
MAX_BEDS = 12


class VisitQuerySet(PublicPageQuerySet):
    def upcoming(self, today=None):
        """Visits that have not ended yet, the soonest first."""
        today = today or timezone.localdate(timezone=LOCAL_TIME)
        return self.filter(end_date__gte=today).order_by("start_date", "pk")

    # The calendar's filters (exchanges.forms.MeetingFilterForm) apply to visits as to meetings.
    def in_sector(self, sector):
        """None: a visit is of the whole twinning, not of one sector community."""
        return self.none()

    def with_format(self, meeting_format):
        """A visit is held in person, so it is among the in-person entries alone."""
        return self if meeting_format == MeetingFormat.IN_PERSON else self.none()

    def with_sign_ups(self):
        """Visits members signed up for (a party not cancelled) or offered hosting for (an
        offer not withdrawn): such a visit is not deleted whole (exchanges/wagtail_hooks.py)."""
        parties = GuestParty.objects.filter(visit_key=models.OuterRef("translation_key"))
        offers = HostOffer.objects.filter(
            visit_key=models.OuterRef("translation_key"), withdrawn_at=None
        )
        return self.filter(
            models.Exists(parties.exclude(status=RegistrationStatus.CANCELLED))
            | models.Exists(offers)
        )

    def counted_on(self, today=None):
        """Visits members count on: with sign-ups (`with_sign_ups`) and not over. Such a visit
        is not unpublished, as a meeting members count on is not (MeetingQuerySet.counted_on);
        one whose sign-ups were all cancelled and offers withdrawn, or one that is over, may
        be."""
        today = today or timezone.localdate(timezone=LOCAL_TIME)
        return self.with_sign_ups().filter(end_date__gte=today)


VisitManager = PageManager.from_queryset(VisitQuerySet)


class VisitPage(ViewRestrictionsMixin, Page):
    """An exchange visit: who travels where and when, the programme day by day, the seats of the
    bus and the sign-up deadline, the costs and the coordinators of both towns."""

    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    travelling_town = models.ForeignKey(
        "community.Town",
        verbose_name=_("travelling town"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Its members sign up as guests."),
    )
    hosting_town = models.ForeignKey(
        "community.Town",
        verbose_name=_("hosting town"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Its members offer hosting; its editors coordinate the matching."),
    )
    intro = models.TextField(_("introduction"))
    seats = models.PositiveIntegerField(
        _("seats"),
        null=True,
        blank=True,
        help_text=_(
            "Places for travellers (e.g. on the bus), adults and children alike. "
            "Leave empty for no limit."
        ),
    )
    signup_deadline = models.DateTimeField(
        _("sign-up deadline"),
        help_text=_(
            "Until then guests and hosts sign up, change and cancel on the site; "
            "afterwards by asking a coordinator."
        ),
    )
    costs = models.TextField(
        _("costs"), blank=True, help_text=_("What the visit costs whom, and how to pay.")
    )
    notice = models.TextField(
        _("health measures"),
        blank=True,
        help_text=_("Health or travel measures in force, or anything travellers must know."),
    )
    programme = StreamField(ProgrammeBlock(), verbose_name=_("programme"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("more information"), blank=True)

    objects = VisitManager()
    base_form_class = SchedulePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("travelling_town"), FieldPanel("hosting_town")]),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("seats"), FieldPanel("signup_deadline")]),
                FieldPanel("costs"),
            ],
            heading=_("Sign-up"),
        ),
        InlinePanel("coordinators", heading=_("Coordinators"), label=_("coordinator"), min_num=1),
        FieldPanel("notice"),
        FieldPanel("programme"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("programme"),
        index.SearchField("body"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]
    # The open data API (jumelage/api.py): the public facts of the visit only; never its
    # coordinators' contacts, guests or hosts.
    api_fields = [
        APIField("start_date"),
        APIField("end_date"),
        APIField("travelling_town", serializer=TownField()),
        APIField("hosting_town", serializer=TownField()),
        APIField("intro"),
    ]

    parent_page_types = ["exchanges.CalendarPage"]
    subpage_types = []

    # The towns are the visit's, not words to translate: the translation editor does not offer
    # them, not even for a change (they follow the source, with the other facts below).
    override_translatable_fields = [
        SynchronizedField("travelling_town", overridable=False),
        SynchronizedField("hosting_town", overridable=False),
    ]

    # Facts of the visit itself, the same in every language: pushed to the translations when
    # the source is published (exchanges/signal_handlers.py); its expiry too, as a meeting's.
    SCHEDULE_FIELDS = (
        "start_date",
        "end_date",
        "travelling_town_id",
        "hosting_town_id",
        "seats",
        "signup_deadline",
        "expire_at",
    )

    class Meta:
        verbose_name = _("exchange visit")
        verbose_name_plural = _("exchange visits")

    def clean(self):
        """What a visit needs, for the admin and any other form (its full_clean)."""
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if (
            self.travelling_town_id
            and self.hosting_town_id
            and self._town_key(self.travelling_town_id) == self._town_key(self.hosting_town_id)
        ):
            errors["hosting_town"] = _("The guests travel to another town.")
        if self.pk and self._towns_changed() and self.has_sign_ups():
            errors["travelling_town"] = _(
                "Members have signed up for this visit: its towns can no longer change (they "
                "decide who signs up and who coordinates)."
            )
        if self.signup_deadline and self.start_date:
            first_day = datetime.datetime.combine(self.start_date, datetime.time(), LOCAL_TIME)
            if self.signup_deadline > first_day:
                errors["signup_deadline"] = _("Sign-up must close before the first day.")
        if self.start_date and self.end_date:
            for day in self.programme:
                date = day.value.get("date") if day.block_type == "day" else None
                if date and not self.start_date <= date <= self.end_date:
                    errors["programme"] = _(
                        "Every day of the programme must lie between the first and the last day."
                    )
                    break
        versions = type(self).objects.filter(translation_key=self.translation_key)
        if self.expire_at and self.pk and versions.counted_on().exists():
            # As a meeting's (MeetingPage.clean): an expiry is an unpublishing nobody refuses.
            errors["expire_at"] = _(
                "Members have signed up for this exchange visit or offered hosting: it cannot go "
                "offline at a set time. Cancel their sign-ups and withdraw their offers first, "
                "or leave the expiry empty."
            )
        if errors:
            raise ValidationError(errors)

    def _towns_changed(self):
        stored = (
            VisitPage.objects.filter(pk=self.pk)
            .values_list("travelling_town_id", "hosting_town_id")
            .first()
        )
        now = (self.travelling_town_id, self.hosting_town_id)
        if stored is None or tuple(stored) == now:
            return False  # the usual save: no town looked up
        return [self._town_key(pk) for pk in stored] != [self._town_key(pk) for pk in now]

    def has_sign_ups(self):
        """Whether members signed up (not cancelled) or offer hosting (not withdrawn)."""
        return VisitPage.objects.filter(pk=self.pk).with_sign_ups().exists()

    @staticmethod
    def _town_key(pk):
        return Town.objects.filter(pk=pk).values_list("translation_key", flat=True).first()

    # --- facts the pages, forms and matching read -------------------------------------------

    def nights(self):
        """The nights guests stay, as the dates of the evenings (first day to the day before the
        last)."""
        days = (self.end_date - self.start_date).days
        return [self.start_date + datetime.timedelta(days=n) for n in range(max(days, 0))]

    def days(self):
        days = (self.end_date - self.start_date).days
        return [self.start_date + datetime.timedelta(days=n) for n in range(days + 1)]

    def signup_open(self, now=None):
        return (now or timezone.now()) < self.signup_deadline

    def has_ended(self, today=None):
        return self.end_date < (today or timezone.localdate(timezone=LOCAL_TIME))

    def is_travelling_resident(self, user):
        """Whether `user` lives in the travelling town (any language version of it)."""
        return _lives_in(user, self.travelling_town)

    def is_hosting_resident(self, user):
        return _lives_in(user, self.hosting_town)


def _lives_in(user, town):
    member_town = getattr(user, "town", None) if getattr(user, "pk", None) else None
    return member_town is not None and member_town.translation_key == town.translation_key


class VisitCoordinator(Orderable):
    """A coordinator named on the visit's page, whom travellers and hosts may call or write."""

    page = ParentalKey(VisitPage, on_delete=models.CASCADE, related_name="coordinators")
    name = models.CharField(_("name"), max_length=100, validators=[validate_one_line])
    side = models.CharField(_("speaks for"), max_length=12, choices=CoordinatorSide.choices)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])

    panels = [
        FieldPanel("name"),
        FieldPanel("side"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("coordinator")
        verbose_name_plural = _("coordinators")

    def town(self):
        page = self.page
        travelling = self.side == CoordinatorSide.TRAVELLING
        return page.travelling_town if travelling else page.hosting_town


class VisitRecordQuerySet(models.QuerySet):
    def for_visit(self, visit):
        """The records of a visit in every language: they are keyed to its translation key."""
        return self.filter(visit_key=visit.translation_key)


def languages_field():
    return models.JSONField(
        _("languages spoken"),
        default=list,
        blank=True,
        help_text=_("The matching prefers hosts and guests who share a language."),
    )


class GuestParty(models.Model):
    """Members of the travelling town who travel together and stay together: the member who
    signed up and whoever travels with them."""

    visit_key = models.UUIDField(_("visit"), db_index=True, editable=False)
    visit = models.ForeignKey(
        VisitPage,
        verbose_name=_("visit page"),
        on_delete=to_another_language_version,
        related_name="+",
        help_text=_("The language version the member signed up on."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="guest_parties",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, db_index=True
    )
    adults = models.PositiveSmallIntegerField(
        _("adults"), default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_PEOPLE)]
    )
    children = models.PositiveSmallIntegerField(
        _("children"), default=0, validators=[MaxValueValidator(MAX_PEOPLE)]
    )
    travellers = models.TextField(
        _("who travels"),
        max_length=600,
        help_text=_("The names of everyone in your party, and the ages of children."),
        validators=[validate_text],
    )
    languages = languages_field()
    animal_allergy = models.BooleanField(
        _("allergic to animals"),
        default=False,
        help_text=_("Someone in the party cannot stay in a home with pets."),
    )
    allergies = models.TextField(
        _("other allergies"), max_length=600, blank=True, validators=[validate_text]
    )
    diet = models.TextField(
        _("diet"),
        max_length=600,
        blank=True,
        help_text=_("Vegetarian, halal, gluten-free, …"),
        validators=[validate_text],
    )
    step_free = models.BooleanField(
        _("needs a home without stairs"),
        default=False,
        help_text=_("Someone in the party cannot climb stairs to the guest room or bathroom."),
    )
    mobility = models.TextField(
        _("other mobility needs"), max_length=600, blank=True, validators=[validate_text]
    )
    smoke_free = models.BooleanField(
        _("needs a smoke-free home"),
        default=False,
        help_text=_("Nobody in the party can stay in a home where people smoke."),
    )
    smokes = models.BooleanField(
        _("smokes"), default=False, help_text=_("Someone in the party smokes.")
    )
    previous_hosts = models.CharField(
        _("stayed with before"),
        max_length=200,
        blank=True,
        help_text=_(
            "The family you stayed with on an earlier visit, if you would like to "
            "stay with them again."
        ),
        validators=[validate_one_line],
    )
    wishes = models.TextField(_("wishes"), max_length=1000, blank=True, validators=[validate_text])
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("Given to your hosts once the matching is published."),
        validators=[validate_phone],
    )
    preferred_offer = models.ForeignKey(
        "exchanges.HostOffer",
        verbose_name=_("returning to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set by a coordinator: the household this party stayed with before."),
    )
    queued_at = models.DateTimeField(_("signed up at"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = VisitRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("guest party")
        verbose_name_plural = _("guest parties")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit_key", "user"], name="one_guest_party_per_member_and_visit"
            )
        ]

    def __str__(self):
        return f"{self.user.public_name or self.user.email} ({self.people})"

    @property
    def people(self):
        return (self.adults or 0) + (self.children or 0)

    def clean(self):
        super().clean()
        # Contradictory answers would make the matching refuse every household for nothing
        # (or place smokers in a home they were told is smoke-free).
        if self.adults and self.people > MAX_PEOPLE:
            raise ValidationError(
                {
                    "children": _(
                        "A party is at most %(count)d people: a larger group signs up as "
                        "several parties."
                    )
                    % {"count": MAX_PEOPLE}
                }
            )
        if self.smoke_free and self.smokes:
            raise ValidationError(
                {
                    "smokes": _(
                        "A party in which someone smokes cannot also need a smoke-free home: "
                        "please tick only one of the two."
                    )
                }
            )

    @property
    def is_waiting(self):
        return self.status == RegistrationStatus.WAITLISTED

    @property
    def is_registered(self):
        return self.status == RegistrationStatus.REGISTERED

    def waiting_position(self):
        """1 for the first party on the waiting list."""
        ahead = GuestParty.objects.filter(
            visit_key=self.visit_key, status=RegistrationStatus.WAITLISTED
        )
        return (
            ahead.filter(
                models.Q(queued_at__lt=self.queued_at)
                | models.Q(queued_at=self.queued_at, pk__lt=self.pk)
            ).count()
            + 1
        )


class HostOffer(models.Model):
    """A household of the hosting town that offers beds to guests, without knowing them yet."""

    visit_key = models.UUIDField(_("visit"), db_index=True, editable=False)
    visit = models.ForeignKey(
        VisitPage,
        verbose_name=_("visit page"),
        on_delete=to_another_language_version,
        related_name="+",
        help_text=_("The language version the member offered on."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="host_offers",
    )
    household = models.CharField(
        _("household"),
        max_length=100,
        help_text=_("How your guests will know you, e.g. “Familie Bergmann”."),
        validators=[validate_one_line],
    )
    beds = models.PositiveSmallIntegerField(
        _("beds"), validators=[MinValueValidator(1), MaxValueValidator(MAX_BEDS)]
    )
    pets = models.BooleanField(_("pets in the home"), default=False)
    pets_detail = models.CharField(
        _("which pets"), max_length=200, blank=True, validators=[validate_one_line]
    )
    smoking_household = models.BooleanField(_("people smoke in the home"), default=False)
    # Unticked until the host ticks it: ticked for her, a host who did not notice the box was
    # matched with guests who smoke (walk 13).
    smokers_welcome = models.BooleanField(
        _("guests who smoke are welcome"),
        default=False,
        help_text=_("Outside or where you allow it."),
    )
    languages = languages_field()
    stairs = models.BooleanField(
        _("guest room or bathroom up stairs"),
        default=False,
        help_text=_("Guests have to climb stairs to sleep or to wash."),
    )
    nights = models.JSONField(
        _("nights"),
        default=list,
        blank=True,
        help_text=_("The nights you can host guests."),
    )
    preferences = models.TextField(
        _("preferences"), max_length=1000, blank=True, validators=[validate_text]
    )
    address = models.TextField(
        _("address"),
        max_length=300,
        blank=True,
        help_text=_("Given to your guests once the matching is published."),
        validators=[validate_text],
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("Given to your guests once the matching is published."),
        validators=[validate_phone],
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = VisitRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("host offer")
        verbose_name_plural = _("host offers")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit_key", "user"], name="one_host_offer_per_member_and_visit"
            )
        ]

    def __str__(self):
        return self.household

    @property
    def is_active(self):
        return self.withdrawn_at is None

    def hosts_every_night(self, visit):
        offered = set(self.nights or ())
        return all(night.isoformat() in offered for night in visit.nights())


class Placement(models.Model):
    """A guest party placed with a host household: proposed by the matching or set by a
    coordinator by hand; told to both once the matching is published (`announced_at`)."""

    party = models.OneToOneField(
        GuestParty,
        verbose_name=_("guest party"),
        on_delete=models.CASCADE,
        related_name="placement",
    )
    offer = models.ForeignKey(
        HostOffer, verbose_name=_("host"), on_delete=models.CASCADE, related_name="placements"
    )
    by_hand = models.BooleanField(_("placed by hand"), default=False)
    announced_at = models.DateTimeField(_("told at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")

    def __str__(self):
        return f"{self.party} → {self.offer}"


class VisitMatching(models.Model):
    """The state of a visit's matching: when it was last proposed, and published (after which
    hosts and guests know each other)."""

    visit_key = models.UUIDField(_("visit"), unique=True, editable=False)
    proposed_at = models.DateTimeField(_("proposed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("matching")
        verbose_name_plural = _("matchings")

    def __str__(self):
        return str(self.visit_key)

    @property
    def is_published(self):
        return self.published_at is not None
