from contextlib import contextmanager
from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.text import slugify
from django_tasks import task_backends
from django_tasks.backends.dummy import DummyBackend
from wagtail.models import Locale, Page, Site
from wagtail.signals import workflow_approved, workflow_rejected
from wagtail.users.models import UserProfile
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from community import contributions, review_emails
from community import signal_handlers as ours
from community.models import (
    NewsletterIndexPage,
    NewsletterPage,
    NewsletterSending,
    SectorCoordinator,
    SectorIndexPage,
    SectorMembership,
    SectorPage,
)
from community.models.newsletter import Audience
from community.roles import EDITOR_GROUPS, MODERATORS
from community.roles.setup import setup_roles
from exchanges import visits
from exchanges.models import (
    CalendarPage,
    GuestParty,
    HostOffer,
    MeetingPage,
    MeetingSector,
    Registration,
    StoryIndexPage,
    StoryPage,
    StorySector,
    StoryTown,
    VisitCoordinator,
    VisitPage,
)
from exchanges.models.meetings import LOCAL_TIME
from home import machine_translation
from home.models import Foundation, FoundationSettings, GlossaryTerm, StandardPage
from jumelage import site_tree
from jumelage.demo import builder, data, holidays
from jumelage.demo.models import DemoAccount, DemoPage

FOOTER_PAGES = {
    "privacy_page": "privacyverklaring",
    "accessibility_page": "toegankelijkheidsverklaring",
    "contact_page": "contact",
}


class DemoTranslator(BaseMachineTranslator):
    """Answers as a machine translator did for a demo contribution (its `machine_translation`
    pairs); the slug follows the translated title, as wagtail-localize makes it."""

    display_name = "Demo"

    def __init__(self, pairs, slug):
        super().__init__({})
        self.answers = dict(pairs)
        self.slug = slug

    def translate(self, source_locale, target_locale, strings):
        answers = {}
        for string in strings:
            if string.data == self.slug:
                title = next(iter(self.answers.values()))
                answers[string] = StringValue(slugify(title))
            elif string.data in self.answers:
                answers[string] = StringValue(self.answers[string.data])
            else:
                raise CommandError(f"The demo has no machine translation of {string.data!r}")
        return answers

    def can_translate(self, source_locale, target_locale):
        return source_locale != target_locale


@contextmanager
def demo_notifications_off():
    """The demo's fictional members submit contributions and editors decide on them while the
    demo loads: nobody is to be told (Wagtail's moderation emails to editors and moderators, our
    emails to members; Wagtail's notice that a workflow started is never sent, see
    community.signal_handlers). The receivers are connected again afterwards, so the site's own
    notifications are untouched."""
    receivers = [
        *review_emails.RECEIVERS,
        (workflow_approved, ours.on_workflow_approved, None, "jumelage_contribution_approved"),
        (workflow_rejected, ours.on_workflow_rejected, None, "jumelage_contribution_rejected"),
    ]
    disconnected = [
        receiver
        for receiver in receivers
        if receiver[0].disconnect(sender=receiver[2], dispatch_uid=receiver[3])
    ]
    try:
        yield
    finally:
        for signal, handler, sender, uid in disconnected:
            signal.connect(handler, sender=sender, dispatch_uid=uid)


@contextmanager
def background_work_at_the_end():
    """Every save of a page queues Wagtail's background work (search index and reference index
    updates, front-end cache purges); the demo saves its pages several times (draft, revision,
    publish, translation), which left 2,600 tasks for the worker and the search incomplete for
    minutes after `make run` printed its address. While the demo loads, the tasks are set aside
    (the demo sends no emails, see above); when anything was saved, both indexes are rebuilt
    once, in a few seconds, before the site starts."""
    with override_settings(
        TASKS={"default": {"BACKEND": DummyBackend.__module__ + ".DummyBackend"}}
    ):
        backend = task_backends["default"]
        yield
        set_aside = len(backend.results)
    if set_aside:
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)


def taken(address):
    """Whether an account has `address`, in any case, as its address or one of allauth's."""
    return (
        get_user_model().objects.filter(email__iexact=address).exists()
        or EmailAddress.objects.filter(email__iexact=address).exists()
    )


def closes_in(days, clock):
    """Local date-time `days` from today at `clock` ("23:59"), or the last day before that is
    not a public holiday: a sign-up does not close on Christmas Day."""
    return at_clock(holidays.deadline_day(timezone.localdate() + timedelta(days=days)), clock)


def meeting_starts_in(days, clock, held_on="weekday evening", length=timedelta(0)):
    """Local date-time `days` from today at `clock` ("19:30"), or the first day after on which
    a meeting `held_on` (see holidays.HELD_ON) is held, none of the days it lasts (`length`) a
    public holiday; a past one the last such day before, so that it stays in the past."""
    day = timezone.localdate() + timedelta(days=days)
    first = at_clock(day, clock)
    spanned = ((first + length).date() - day).days + 1
    return at_clock(holidays.meeting_day(day, held_on, spanned, earlier=days < 0), clock)


def meeting_times(spec):
    """A demo meeting's start, end and registration deadline (None when registration stays
    open until it starts), dated from today as its file (or contribution) says; the deadline
    falls back from a public holiday to the day before, at the same time."""
    length = timedelta(minutes=spec["duration_minutes"])
    start = meeting_starts_in(
        spec["days_from_now"], spec["start"], spec.get("held_on", "weekday evening"), length
    )
    deadline = None
    if spec.get("registration_days_before") is not None:
        closes = start - timedelta(days=spec["registration_days_before"])
        deadline = at_clock(holidays.deadline_day(closes.date()), spec["start"])
    return start, start + length, deadline


def moved_from(spec, start, end):
    """The start a demo meeting had before it was moved (`moved_days` earlier): on the last day
    before that a meeting of its kind is held on, none of its days a public holiday, at its
    time."""
    day = holidays.meeting_day(
        start.date() - timedelta(days=spec["moved_days"]),
        spec.get("held_on", "weekday evening"),
        (end.date() - start.date()).days + 1,
        earlier=True,
    )
    return at_clock(day, spec["start"])


def visit_days(spec):
    """An exchange visit's first and last day, `days_from_now` from today or the first Thursday
    after (`held_on`) from which none of its `days` is a public holiday: guests travel over a
    long weekend, not from Christmas Day or Easter Monday."""
    first = holidays.meeting_day(
        timezone.localdate() + timedelta(days=spec["days_from_now"]),
        spec.get("held_on", "thursday"),
        spec["days"],
    )
    return first, first + timedelta(days=spec["days"] - 1)


def at_clock(day, clock):
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=LOCAL_TIME)


class Command(site_tree.PageTreeCommand):
    help = (
        "Loads the bilingual demo content (jumelage/demo/content): the twinning's home, about, "
        "history, foundations, contact, privacy and accessibility pages, the sector "
        "communities, the exchange stories, the calendar's meetings, an exchange visit with its "
        "guests, hosts and proposed matching, and fictional members with their contributions "
        "and registrations. Sends no emails; prints a summary (-v 2: what "
        "it creates). Safe to run again: what exists is kept, editors' changes included, and "
        "what is missing is added."
    )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        with (
            site_tree.quiet_loggers(self.verbosity),
            demo_notifications_off(),
            background_work_at_the_end(),
        ):
            self.load()
        pages = Page.objects.filter(depth__gt=1).count()
        meetings = MeetingPage.objects.filter(locale__language_code="nl").count()
        members = DemoAccount.objects.filter(user__isnull=False).count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {pages} pages in Dutch and German, {meetings} meetings, "
                f"{members} demo accounts (password {data.DEMO_PASSWORD}; see the README)."
            )
        )

    @cached_property
    def password_hash(self):
        """Every demo account has the same password: hashed once, not once per account."""
        return make_password(data.DEMO_PASSWORD)

    def load(self):
        site = site_tree.site_texts()
        overviews = site["overviews"]
        people = data.read("people")
        self.pairs = site_tree.TextPairs()
        self.images = builder.ImageLibrary()
        self.images.retitle_earlier()
        # A demo loaded before its accounts were recorded: its accounts are those at its
        # addresses, recorded now; from then on only the records count.
        self.adopting = not DemoAccount.objects.exists()
        with transaction.atomic():
            self.towns = self.ensure_towns(site["towns"])
            self.editors = {
                language: self.ensure_admin_user(person, language)
                for language, person in people["editors"].items()
            }
            home_spec = data.home()
            home, home_is_new = self.dutch_home(home_spec)
            self.keys = {home.pk: ""}
            entries = [(home, home_spec, home_is_new)]
            entries += self.ensure_children(home, data.pages("pages"), self.new_standard_page)
            # Each overview of site_tree.toml, then its pages from content/<folder>/.
            for kind, page_class, children in (
                ("sectors", SectorIndexPage, [("sectors", self.new_sector)]),
                ("stories", StoryIndexPage, [("stories", self.new_story)]),
                (
                    "calendar",
                    CalendarPage,
                    [("meetings", self.new_meeting), ("visits", self.new_visit)],
                ),
                ("newsletter", NewsletterIndexPage, [("newsletters", self.new_newsletter)]),
            ):
                overview = self.ensure_children(home, [overviews[kind]], self.new_index(page_class))
                entries += overview
                if not overview:
                    continue
                for folder, make in children:
                    entries += self.ensure_children(overview[0][0], data.pages(folder), make)
            self.fill_tree(home, entries)
        # Aliases and translations publish on commit, so they follow the saved Dutch tree.
        site_tree.sync_german_tree()
        for page, spec, _new in entries:
            if spec.get("translated", True):
                german, created = site_tree.translate_page(
                    page, self.pairs, user=self.publisher("de")
                )
                if created and "tags" in spec:
                    german.tags.set(spec["tags"]["de"])
                    site_tree.publish(german, self.publisher("de"))
            else:
                self.name_german_alias(page, spec["slug"]["de"])
        setup_roles()
        for language, group in zip(people["editors"], EDITOR_GROUPS, strict=True):
            self.editors[language].groups.add(Group.objects.get(name=group))
        moderator = self.ensure_admin_user(people["moderator"], "nl")
        moderator.groups.add(Group.objects.get(name=MODERATORS))
        self.ensure_meeting_sectors(entries)
        self.ensure_glossary()
        self.ensure_members(people)
        self.ensure_visit_guests(entries)
        self.mark_newsletters_sent(entries)

    def ensure_children(self, parent, specs, make):
        """The demo's pages below `parent`, found by the record of what the loader made, not by
        their address: a page an editor moved or renamed is kept where it is (the next load made
        it again at its old address, in both languages), one an editor deleted (or whose Dutch
        version only an alias of another language's stands for now) is not made again, nor the
        pages the demo has below it. A demo loaded before its pages were recorded: its pages are
        those at their addresses, recorded now."""
        entries = []
        for spec in specs:
            slug = self.pairs.add(spec["slug"])
            key = f"{self.keys.get(parent.pk, '')}/{slug}"
            record = DemoPage.objects.filter(key=key).first()
            if record is None:
                page = site_tree.child_by_slug(parent, slug)
                is_new = page is None
                if is_new:
                    page = self.add_page(parent, spec, slug, make)
                DemoPage.objects.create(key=key, translation_key=page.translation_key)
            else:
                page = (
                    Page.objects.filter(
                        translation_key=record.translation_key,
                        locale_id=parent.locale_id,
                        alias_of__isnull=True,
                    )
                    .specific()
                    .first()
                )
                if page is None:
                    self.detail(f"{key}: deleted; the demo does not make it again")
                    continue
                is_new = False
            self.keys[page.pk] = key
            entries.append((page, spec, is_new))
            if "children" in spec:
                entries += self.ensure_children(page, spec["children"], make)
        return entries

    @staticmethod
    def name_german_alias(page, slug):
        """An untranslated page's German alias, shown in Dutch, at its German address: it had
        the Dutch slug (/de/kalender/voorbereiding-bezoek-jonge-boeren/). An alias keeps its own
        slug when its original changes; one an editor renamed stays as it is."""
        alias = page.get_translation_or_none(Locale.objects.get(language_code="de"))
        if alias is None or alias.alias_of_id is None or alias.slug != page.slug:
            return
        alias.slug = slug
        alias.save(clean=False)

    @staticmethod
    def ensure_glossary():
        """The terms the machine translator keeps (before the members' translated story)."""
        for term in data.read("glossary")["terms"]:
            GlossaryTerm.objects.get_or_create(
                dutch=term.get("dutch", ""),
                german=term.get("german", ""),
                defaults={"note": term.get("note", "")},
            )

    def publisher(self, language):
        """The demo's editor of each language publishes its pages, as on a real site: the
        aging pages report named no one ("None")."""
        return self.editors[language]

    # People

    def demo_account(self, address, remake=False, **defaults):
        """The demo's account of the person at `address` in people.toml, and whether it is new;
        (None, False) when that address is another account's, which the demo leaves alone, and
        when the demo's account there was deleted, unless `remake` (the editors, who publish
        the demo's pages). A new account joined a month ago, as if it had been there before the
        demo: a member's report counts towards taking a contribution off the site only from an
        account a week old (`REPORTS_COUNT_AFTER`)."""
        defaults = {"date_joined": timezone.now() - timedelta(days=30), **defaults}
        record = DemoAccount.objects.filter(address=address).select_related("user").first()
        if record is not None and (record.user is not None or not remake):
            return record.user, False
        user_model = get_user_model()
        if record is not None:
            # Its address may be another account's by now (an administrator gave it to one, or
            # someone signed up with it): that account is left alone, as below.
            if taken(address):
                return None, False
            record.user = user_model.objects.create(email=address, **defaults)
            record.save()
            return record.user, True
        existing = user_model.objects.filter(email__iexact=address).first()
        if existing is not None and not self.adopting:
            return None, False
        user = existing or user_model.objects.create(email=address, **defaults)
        DemoAccount.objects.create(address=address, user=user)
        return user, existing is None

    @staticmethod
    def deleted(address):
        return DemoAccount.objects.filter(address=address, user__isnull=True).exists()

    def ensure_admin_user(self, person, language):
        """An account of the admin, working in the admin in `language` (their foundation's) and
        reading the site's emails in it."""
        user, created = self.demo_account(
            person["email"],
            remake=True,
            first_name=person["first_name"],
            last_name=person["last_name"],
            display_name=f"{person['first_name']} {person['last_name']}",
            language=language,
        )
        if user is None:
            raise CommandError(
                f"{person['email']} is the address of an account the demo did not create; "
                "give that account another address and load the demo again."
            )
        profile = UserProfile.get_for_user(user)
        if created:
            user.password = self.password_hash
            user.save()
            profile.preferred_language = language
            profile.save()
        elif user.language != language and profile.preferred_language == language:
            # Made by an earlier loader, which left the emails in the site's default language.
            user.language = language
            user.save(update_fields=["language"])
        # Editors log in through allauth as members do, which asks for a verified address;
        # also run on existing demo editors, who were made before that. An address an
        # administrator gave the account is confirmed by its reader, not by the demo.
        if user.email == person["email"]:
            EmailAddress.objects.update_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
        return user

    def ensure_members(self, people):
        """Residents with memberships and contributions in every state of moderation."""
        sectors = {
            page.slug: page for page in SectorPage.objects.filter(locale__language_code="nl")
        }
        # By their address in people.toml, whatever address an administrator gave them since.
        self.members = members = {}
        for person in people["members"]:
            member, created = self.demo_account(
                person["email"],
                display_name=person["display_name"],
                town=self.towns.get(person.get("town")),
                language=person["language"],
                bio=person["bio"],
                show_on_sector_pages=person["visible"],
            )
            if member is None and self.deleted(person["email"]):
                self.detail(f"{person['email']}: account deleted; the demo does not make it again")
                continue
            if member is None:
                self.stderr.write(
                    f"{person['email']} is the address of an account the demo did not create: "
                    "the demo leaves it alone and goes on without that member."
                )
                continue
            if created:
                member.password = self.password_hash
                member.save()
                EmailAddress.objects.create(
                    user=member, email=member.email, verified=True, primary=True
                )
                for slug in person["sectors"]:
                    SectorMembership.objects.get_or_create(
                        user=member, sector_key=sectors[slug].translation_key
                    )
            members[person["email"]] = member
            if created:
                self.detail(f"Member {member.public_name} ({member.email})")
        for contribution in data.read("contributions")["contributions"]:
            member = members.get(contribution["member"])
            if member is None:
                continue
            if Page.objects.filter(owner=member, title=contribution["title"]).exists():
                continue
            self.add_contribution(contribution, member, sectors)
            self.detail(
                f"Contribution by {member.public_name}: {contribution['title']!r} "
                f"({contribution['state']})"
            )
        self.fill_meeting(people["full_meeting"], members)

    def fill_meeting(self, full_meeting, members):
        """One meeting full, with a waiting list: registered members, then those who wait."""
        meeting = self.by_slug.get(full_meeting["slug"])
        if meeting is None or Registration.objects.for_meeting(meeting).exists():
            return
        for email in full_meeting["registered"] + full_meeting["waiting"]:
            if email not in members:
                continue
            registration = Registration.objects.register(meeting, members[email])
            self.detail(
                f"{members[email].public_name} for {meeting.title!r}: {registration.status}"
            )

    def ensure_visit_guests(self, entries):
        """Members sign up for each demo visit as guests (on the Dutch page) and offer hosting
        (on the German one) as they do on the site, nobody emailed; then the matching is
        proposed for the coordinators, not published. Parties, offers and a matching that exist
        are kept, members' and coordinators' changes included."""
        german = Locale.objects.get(language_code="de")
        for page, spec, _new in entries:
            if not isinstance(page, VisitPage):
                continue
            for answers in spec.get("parties", []):
                answers = dict(answers)
                member = self.members.get(answers.pop("member"))
                if member is None:
                    continue
                if GuestParty.objects.for_visit(page).filter(user=member).exists():
                    continue
                party = visits.sign_up(page, member, GuestParty(**answers))
                self.detail(
                    f"Guest party of {member.public_name} for {page.title!r}: {party.status}, "
                    f"{party.people} people"
                )
            hosting_page = page.get_translation_or_none(german) or page
            every_night = [night.isoformat() for night in page.nights()]
            for answers in spec.get("offers", []):
                answers = dict(answers)
                member = self.members.get(answers.pop("member"))
                if member is None or HostOffer.objects.for_visit(page).filter(user=member).exists():
                    continue
                nights = answers.pop("nights", None)
                answers["nights"] = (
                    every_night if nights is None else [every_night[night] for night in nights]
                )
                offer = visits.offer_hosting(hosting_page.specific, member, HostOffer(**answers))
                self.detail(
                    f"Host offer of {member.public_name} for {page.title!r}: {offer.household}, "
                    f"{offer.beds} beds"
                )
            if visits.matching_state(page).proposed_at is None and visits.offers(page).exists():
                plan = visits.propose(page)
                self.detail(
                    f"Matching proposed for {page.title!r}: {len(plan.placements)} parties "
                    f"placed, {len(plan.unmatched)} without a host"
                )
                parties = {party.pk: party for party in visits.parties(page)}
                with translation.override("en"):
                    for item in plan.unmatched:
                        party = parties[item.party]
                        reason = visits.reason_text(item, party)
                        self.detail(f"  {party.user.public_name}: {reason}")

    def add_contribution(self, contribution, member, sectors):
        locale = Locale.objects.get(language_code=contribution["language"])
        sector = sectors.get(contribution["sector"])
        if contribution["kind"] == "story":
            page = StoryPage(
                title=contribution["title"],
                intro=contribution["intro"],
                date=timezone.localdate() - timedelta(days=contribution["date_days_ago"]),
                author=member,
            )
            page.story_towns = [StoryTown(town=self.towns[slug]) for slug in contribution["towns"]]
            page.story_sectors = [StorySector(sector=sector)] if sector else []
        else:
            start, end, _deadline = meeting_times(contribution)
            page = MeetingPage(
                title=contribution["title"],
                intro=contribution["intro"],
                start=start,
                end=end,
                format=contribution["format"],
                online_url=contribution.get("online_url", ""),
                spoken_language=contribution["spoken_language"],
                capacity=contribution.get("capacity"),
                organiser=member.public_name,
                organiser_member=member,
            )
            page.meeting_sectors = [MeetingSector(sector=sector)] if sector else []
        body = [("paragraph", contributions.paragraphs_to_html(contribution["body"]))]
        if contribution.get("photo"):
            # Where the members' form puts it: a story's first photo leads it (the top of its
            # page, its card), a meeting's follows its text.
            image, alt_text = self.images[contribution["photo"]], contribution["photo_alt"]
            if contribution["kind"] == "story":
                page.image, page.image_alt = image, alt_text
            else:
                body.append(("image", {"image": image, "alt_text": alt_text, "caption": ""}))
        page.body = body
        contributions.create_contribution(
            page, member, locale, submit=contribution["state"] != "draft"
        )
        state = page.current_workflow_state
        if contribution["state"] == "published":
            state.current_task_state.approve(user=self.editors[contribution["language"]])
            if contribution.get("machine_translation"):
                other = Locale.objects.exclude(pk=locale.pk).get()
                machine = DemoTranslator(contribution["machine_translation"], page.slug)
                with transaction.atomic():
                    machine_translation.translate_now(page, other, machine)
        elif contribution["state"] == "changes_requested":
            state.current_task_state.reject(
                user=self.editors[contribution["language"]], comment=contribution["comment"]
            )

    # Pages

    @staticmethod
    def new_standard_page(spec):
        return StandardPage(show_in_menus=spec.get("show_in_menus", True))

    def new_sector(self, spec):
        page = SectorPage(
            purpose=self.pairs.add(spec["purpose"]),
            image=self.images[spec["image"]],
            image_alt=self.pairs.add(spec["image_alt"]),
        )
        page.coordinators = [
            SectorCoordinator(
                name=person["name"],
                town=self.towns[person["town"]],
                role=self.pairs.add(person["role"]),
            )
            for person in spec["coordinators"]
        ]
        return page

    @staticmethod
    def new_newsletter(spec):
        return NewsletterPage(audience=Audience.EVERYONE)

    def mark_newsletters_sent(self, entries):
        """The demo's newsletters are in the archive as sent on their date; no email goes out."""
        for page, spec, _new in entries:
            if isinstance(page, NewsletterPage):
                NewsletterSending.objects.get_or_create(
                    translation_key=page.translation_key,
                    defaults={
                        "sent_at": datetime.fromisoformat(spec["sent"]),
                        "completed_at": datetime.fromisoformat(spec["sent"]),
                    },
                )

    def new_story(self, spec):
        page = StoryPage(
            date=date.fromisoformat(spec["date"]),
            image=self.images[spec["image"]],
            image_alt=self.pairs.add(spec["image_alt"]),
            author=self.editors[spec["author"]],
        )
        page.story_towns = [StoryTown(town=self.towns[slug]) for slug in spec["towns"]]
        page.tags.set(spec["tags"]["nl"])
        return page

    def new_meeting(self, spec):
        """A meeting dated relative to today, so the demo calendar always has a future."""
        start, end, deadline = meeting_times(spec)
        page = MeetingPage(
            start=start,
            end=end,
            format=spec["format"],
            place_name=self.pairs.add(spec["place_name"]) if "place_name" in spec else "",
            town=self.towns.get(spec.get("town")),
            online_url=spec.get("online_url", ""),
            spoken_language=spec["spoken_language"],
            organiser=self.pairs.add(spec["organiser"]),
            capacity=spec.get("capacity"),
            notice=self.pairs.add(spec["notice"]) if "notice" in spec else "",
            cancelled=spec.get("cancelled", False),
        )
        page.registration_deadline = deadline
        if spec.get("moved_days"):
            page.moved_from = moved_from(spec, start, end)
        return page

    def fill_new(self, page, spec):
        if "body" in spec:
            page.body = builder.stream_from_spec(
                self.resolve(spec["body"]), self.pairs, self.images
            )
        if isinstance(page, StoryPage):
            page.story_sectors = [
                StorySector(sector=self.by_slug[slug])
                for slug in spec["sectors"]
                if slug in self.by_slug
            ]
        if isinstance(page, MeetingPage):
            page.meeting_sectors = self.meeting_sectors(spec)
        super().fill_new(page, spec)

    def new_visit(self, spec):
        """An exchange visit dated relative to today, as meetings are."""
        first_day, last_day = visit_days(spec)
        page = VisitPage(
            start_date=first_day,
            end_date=last_day,
            travelling_town=self.towns[spec["travelling_town"]],
            hosting_town=self.towns[spec["hosting_town"]],
            seats=spec.get("seats"),
            signup_deadline=closes_in(spec["signup_deadline_days_from_now"], "23:59"),
            costs=self.pairs.add(spec["costs"]),
            notice=self.pairs.add(spec["notice"]) if "notice" in spec else "",
            programme=builder.programme_from_spec(spec["programme"], first_day, self.pairs),
        )
        page.coordinators = [VisitCoordinator(**person) for person in spec["coordinators"]]
        return page

    def meeting_sectors(self, spec):
        # A sector an editor deleted is left out.
        return [
            MeetingSector(sector=self.by_slug[slug])
            for slug in spec.get("sectors", [])
            if slug in self.by_slug
        ]

    def ensure_meeting_sectors(self, entries):
        """Meetings of a demo loaded before meetings named their sectors get them now, in each
        language version (an alias follows its source)."""
        for page, spec, _new in entries:
            if not isinstance(page, MeetingPage) or not spec.get("sectors"):
                continue
            versions = MeetingPage.objects.filter(
                translation_key=page.translation_key, alias_of__isnull=True
            ).order_by("pk")
            for version in versions:
                if not version.meeting_sectors.exists():
                    version.meeting_sectors = self.meeting_sectors(spec)
                    site_tree.publish(version, self.publisher(version.locale.language_code))
                    self.detail(f"Sectors added to the meeting {version.title!r}")

    def collect_pairs(self, spec):
        super().collect_pairs(spec)
        for person in spec.get("coordinators", []):
            if "role" in person:  # a sector's coordinators; a visit's have no role
                self.pairs.add(person["role"])
        if "costs" in spec:
            self.pairs.add(spec["costs"])
        if "programme" in spec:
            builder.programme_from_spec(spec["programme"], timezone.localdate(), self.pairs)
        if "body" in spec:
            builder.stream_from_spec(self.resolve(spec["body"]), self.pairs, builder.NoImages())

    def resolve(self, blocks):
        return [
            (kind, {**value, "page": self.by_slug.get(value["page"])})
            if kind == "call_to_action"
            else (kind, value)
            for kind, value in blocks
        ]

    def configure_site(self, home):
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", port=80, is_default_site=True
        )
        site.root_page = home
        site.site_name = "Jumelage"
        site.save()
        settings = FoundationSettings.for_site(site)
        for field, slug in FOOTER_PAGES.items():
            if getattr(settings, field) is None:
                setattr(settings, field, self.by_slug.get(slug))
        settings.save()
        foundations = data.foundations()
        if not settings.foundations.exists():
            for order, foundation in enumerate(foundations):
                Foundation.objects.create(settings=settings, sort_order=order, **foundation)
        # Demos loaded before the footer showed postal addresses get theirs; editors' are kept.
        for foundation in foundations:
            settings.foundations.filter(name=foundation["name"], address="").update(
                address=foundation["address"]
            )
