import json
import random
import time
import uuid
from datetime import datetime, timedelta
from datetime import time as clock

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from community.models import PrivacyConsent, SectorMembership, SectorPage, Town, User
from exchanges.choices import MeetingFormat, RegistrationStatus
from exchanges.models import (
    CalendarPage,
    MeetingPage,
    MeetingSector,
    Registration,
    StoryIndexPage,
    StoryPage,
    StorySector,
    StoryTag,
    StoryTown,
)
from exchanges.models.meetings import LOCAL_TIME
from jumelage.demo import bench
from jumelage.demo.data import DEMO_PASSWORD, read

BATCH = 500
# Share of German versions that are translations; the rest stay aliases of the Dutch page, as
# wagtail-localize's locale synchronisation leaves pages nobody has translated yet.
TRANSLATED = 0.8
STORY_YEARS = 14
MEETING_DAYS = (-540, 180)


def chunks(items, size=BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def insert_pages(pages):
    """Writes new pages of one type in bulk: the `wagtailcore_page` rows, then the type's own.

    Django's bulk_create refuses multi-table models, so this does its two INSERTs with the query
    API that `Model.save()` itself uses. No signals, revisions or search entries: the caller sees
    to what the bench needs."""
    model = type(pages[0])
    page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    for batch in chunks(pages):
        rows = Page._base_manager._insert(
            batch, fields=page_fields, returning_fields=Page._meta.db_returning_fields
        )
        for page, (pk,) in zip(batch, rows, strict=True):
            page.id = page.page_ptr_id = pk
            page._state.adding = False
        model._base_manager._insert(batch, fields=model._meta.local_concrete_fields)


class Children:
    """Places new children after a parent's existing ones, numbered as treebeard would."""

    def __init__(self, parent):
        self.parent = parent
        last = parent.get_last_child()
        self.next_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        self.added = 0

    def place(self, page):
        page.path = Page._get_path(self.parent.path, self.parent.depth + 1, self.next_step)
        page.depth = self.parent.depth + 1
        page.numchild = 0
        page.url_path = f"{self.parent.url_path}{page.slug}/"
        self.next_step += 1
        self.added += 1
        return page

    def save_count(self):
        Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + self.added)


class Command(BaseCommand):
    help = (
        "Seeds a large bilingual site for `make bench` on top of the demo content: exchange "
        "stories, meetings (with registrations) and members, with German translations or aliases "
        "of every Dutch page. Written in bulk; run it once on an empty, migrated database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=10_000)
        parser.add_argument("--meetings", type=int, default=2_000)
        parser.add_argument("--members", type=int, default=500)
        parser.add_argument("--seed", type=int, default=2021, help="Seed of the random choices.")

    def handle(self, *args, **options):
        if User.objects.filter(email__endswith="@bench.jumelage.example").exists():
            raise CommandError("This database is seeded already; seed a fresh one.")
        call_command("load_demo", stdout=self.stdout)
        self.rng = random.Random(options["seed"])  # noqa: S311 - made-up content, not a secret
        self.now = timezone.now()
        with transaction.atomic():
            self.load_demo_tree()
            members = self.timed("members", self.add_members, options["members"])
            stories = self.timed("stories", self.add_stories, options["stories"], members)
            meetings = self.timed("meetings", self.add_meetings, options["meetings"])
            self.timed("registrations", self.add_registrations, meetings, members)
        self.timed("search index", self.index, stories, meetings)
        problems = Page.find_problems()
        if any(problems):
            raise CommandError(f"The page tree has problems: {problems}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Bench content ready: {len(stories)} story and {len(meetings)} meeting pages "
                f"in both languages, {len(members)} members."
            )
        )

    def timed(self, label, step, *args):
        started = time.monotonic()
        result = step(*args)
        self.stdout.write(f"  {label}: {time.monotonic() - started:.1f} s")
        return result

    def load_demo_tree(self):
        self.locales = {code: Locale.objects.get(language_code=code) for code in ("nl", "de")}
        self.story_index = {
            code: StoryIndexPage.objects.get(locale=locale) for code, locale in self.locales.items()
        }
        self.calendar = {
            code: CalendarPage.objects.get(locale=locale) for code, locale in self.locales.items()
        }
        sectors = SectorPage.objects.filter(locale=self.locales["nl"])
        self.sectors = {page.slug: page for page in sectors}
        self.sector_slugs = [slug for slug in bench.TOPICS if slug in self.sectors]
        self.towns = {
            (town.slug, town.locale.language_code): town
            for town in Town.objects.select_related("locale")
        }
        self.editors = {
            language: User.objects.get(email=person["email"])
            for language, person in read("people")["editors"].items()
        }
        self.image_ids = list(get_image_model().objects.values_list("pk", flat=True))
        self.tags = {
            name: Tag.objects.get_or_create(name=name)[0] for pair in bench.TAGS for name in pair
        }

    # Members

    def add_members(self, count):
        password = make_password(DEMO_PASSWORD)
        users = []
        for number in range(1, count + 1):
            language = "nl" if self.rng.random() < 0.55 else "de"
            data = bench.member(self.rng, number, language)
            home = "steenwijkerland" if language == "nl" else "herzebrock-clarholz"
            users.append(
                User(
                    email=data["email"],
                    display_name=data["display_name"],
                    password=password,
                    language=language,
                    bio=data["bio"],
                    town=self.towns[(home, "nl")] if self.rng.random() < 0.9 else None,
                    show_on_sector_pages=data["visible"],
                    date_joined=self.now - timedelta(days=self.rng.randrange(1, 1500)),
                )
            )
        User.objects.bulk_create(users, batch_size=BATCH)
        EmailAddress.objects.bulk_create(
            EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
        )
        PrivacyConsent.objects.bulk_create(
            PrivacyConsent(user=user, version=settings.PRIVACY_STATEMENT_VERSION) for user in users
        )
        SectorMembership.objects.bulk_create(
            SectorMembership(user=user, sector_key=self.sectors[slug].translation_key)
            for user in users
            for slug in self.rng.sample(self.sector_slugs, k=self.rng.choice([0, 1, 1, 2, 3]))
        )
        return users

    # Pages

    def page_fields(self, text, number, language, key, published, owner):
        return {
            "title": text["title"],
            "draft_title": text["title"],
            "slug": f"{slugify(text['title'])[:80]}-{number}",
            "locale": self.locales[language],
            "translation_key": key,
            "live": True,
            "has_unpublished_changes": False,
            "first_published_at": published,
            "last_published_at": published,
            "owner": owner,
            "intro": text["intro"],
            "body": json.dumps(text["body"]),
        }

    def german_version(self, model, dutch, spec, fields, place):
        """The German page of `dutch`: a translation (German text, German towns) or an alias."""
        if self.rng.random() < TRANSLATED:
            page = model(**fields(spec["texts"]["de"], "de"))
            spec["translated"] = True
        else:
            own = {field.attname: getattr(dutch, field.attname) for field in model._meta.fields}
            for name in ("id", "page_ptr_id", "path", "depth", "numchild", "url_path", "locale_id"):
                own.pop(name)
            page = model(**own)
            page.locale, page.alias_of_id = self.locales["de"], dutch.pk
            spec["translated"] = False
        return place(page)

    def add_stories(self, count, members):
        today = timezone.localdate()
        first_day = today.replace(year=today.year - STORY_YEARS, day=1)
        specs = [
            bench.story(self.rng, self.sector_slugs, self.image_ids, first_day, today)
            for _ in range(count)
        ]
        for number, spec in enumerate(specs, start=1):
            by_member = self.rng.random() < 0.25
            author = self.rng.choice(members) if by_member else self.editors["nl"]
            spec["fields"] = self.story_fields(spec, number, uuid.uuid4(), author, by_member)
        nl_pages, de_pages = self.insert_in_both_languages(StoryPage, self.story_index, specs)
        self.add_story_links(specs, nl_pages, de_pages)
        return nl_pages + de_pages

    def insert_in_both_languages(self, model, overviews, specs):
        """The Dutch pages of `specs` under the Dutch overview, then their German versions under
        the German one; returns both lists in the order of `specs`."""
        dutch, german = Children(overviews["nl"]), Children(overviews["de"])
        nl_pages = [
            dutch.place(model(**spec["fields"](spec["texts"]["nl"], "nl"))) for spec in specs
        ]
        insert_pages(nl_pages)
        de_pages = [
            self.german_version(model, page, spec, spec["fields"], german.place)
            for page, spec in zip(nl_pages, specs, strict=True)
        ]
        insert_pages(de_pages)
        dutch.save_count()
        german.save_count()
        return nl_pages, de_pages

    def story_fields(self, spec, number, key, author, by_member):
        published = datetime.combine(spec["date"], clock(12), tzinfo=LOCAL_TIME)

        def fields(text, language):
            return {
                **self.page_fields(text, number, language, key, published, author),
                "date": spec["date"],
                "author": author,
                "member_contribution": by_member,
                "image_id": spec["image"],
                "image_alt": text["image_alt"],
            }

        return fields

    def add_story_links(self, specs, nl_pages, de_pages):
        towns, sectors, tags = [], [], []
        for spec, nl_page, de_page in zip(specs, nl_pages, de_pages, strict=True):
            german_text = "de" if spec["translated"] else "nl"
            for order, slug in enumerate(spec["towns"]):
                key = uuid.uuid4()
                for page, language in ((nl_page, "nl"), (de_page, german_text)):
                    towns.append(
                        StoryTown(
                            page_id=page.pk,
                            town=self.towns[(slug, language)],
                            locale_id=page.locale_id,
                            translation_key=key,
                            sort_order=order,
                        )
                    )
            for page, language in ((nl_page, "nl"), (de_page, german_text)):
                sectors += [
                    StorySector(page_id=page.pk, sector=self.sectors[slug], sort_order=order)
                    for order, slug in enumerate(spec["sectors"])
                ]
                index = 0 if language == "nl" else 1
                tags += [
                    StoryTag(content_object_id=page.pk, tag=self.tags[pair[index]])
                    for pair in spec["tags"]
                ]
        StoryTown.objects.bulk_create(towns, batch_size=2000)
        StorySector.objects.bulk_create(sectors, batch_size=2000)
        StoryTag.objects.bulk_create(tags, batch_size=2000)

    def add_meetings(self, count):
        first, last = MEETING_DAYS
        today = timezone.localdate()
        specs = []
        for _ in range(count):
            day = today + timedelta(days=self.rng.randint(first, last))
            hour = self.rng.choice([clock(10), clock(14), clock(19, 30)])
            start = datetime.combine(day, hour, tzinfo=LOCAL_TIME)
            specs.append(bench.meeting(self.rng, self.sector_slugs, start))
        specs.sort(key=lambda spec: spec["start"])
        for number, spec in enumerate(specs, start=1):
            spec["fields"] = self.meeting_fields(spec, number, uuid.uuid4())
        nl_pages, de_pages = self.insert_in_both_languages(MeetingPage, self.calendar, specs)
        MeetingSector.objects.bulk_create(
            (
                MeetingSector(page_id=page.pk, sector=self.sectors[slug], sort_order=order)
                for pages in (nl_pages, de_pages)
                for page, spec in zip(pages, specs, strict=True)
                for order, slug in enumerate(spec["sectors"])
            ),
            batch_size=2000,
        )
        return nl_pages + de_pages

    def meeting_fields(self, spec, number, key):
        start = spec["start"]
        published = min(start - timedelta(days=30), self.now)
        deadline = spec["registration_days_before"]
        online = spec["format"] in (MeetingFormat.ONLINE, MeetingFormat.HYBRID)

        def fields(text, language):
            town = self.towns[(spec["town"], language)] if spec["town"] else None
            return {
                **self.page_fields(text, number, language, key, published, self.editors["nl"]),
                "start": start,
                "end": spec["end"],
                "format": spec["format"],
                "place_name": text["place_name"],
                "town": town,
                "online_url": f"https://video.jumelage.example/bench-{number}" if online else "",
                "spoken_language": spec["spoken_language"],
                "organiser": spec["organiser"],
                "capacity": spec["capacity"],
                "registration_deadline": start - timedelta(days=deadline) if deadline else None,
                "cancelled": spec["cancelled"],
                "moved_from": start - timedelta(days=spec["moved_days"])
                if spec["moved_days"]
                else None,
            }

        return fields

    def add_registrations(self, meetings, members):
        """Members register for about a third of the meetings, on the page in their language;
        those beyond a meeting's capacity wait."""
        dutch_id = self.locales["nl"].pk
        german = {page.translation_key: page for page in meetings if page.locale_id != dutch_id}
        registrations = []
        for meeting in meetings:
            if meeting.locale_id != dutch_id or self.rng.random() > 0.35:
                continue
            people = self.rng.sample(members, k=self.rng.randint(1, 25))
            for place, member in enumerate(people):
                full = meeting.capacity is not None and place >= meeting.capacity
                status = RegistrationStatus.WAITLISTED if full else RegistrationStatus.REGISTERED
                if self.rng.random() < 0.05:
                    status = RegistrationStatus.CANCELLED
                page = german[meeting.translation_key] if member.language == "de" else meeting
                registrations.append(
                    Registration(
                        meeting_key=meeting.translation_key,
                        meeting_id=page.pk,
                        user=member,
                        status=status,
                        queued_at=min(meeting.start, self.now) - timedelta(days=place + 1),
                    )
                )
        Registration.objects.bulk_create(registrations, batch_size=2000)

    @staticmethod
    def index(*page_lists):
        """Adds the pages to the search index, as publishing them would have."""
        backend = get_search_backend()
        for pages in page_lists:
            for batch in chunks(pages, 1000):
                backend.add_bulk(type(batch[0]), batch)
