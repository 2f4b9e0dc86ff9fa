"""Every word in the reader's language: the demo's public, member and account pages and the
admin pages editors and moderators use, rendered in German, say nothing from the Dutch catalogue
and no untranslated English source text, in the register the site uses (Sie), and the same the
other way round (u, not je).

A catalogue string counts when it has at least two words and its Dutch and German translations
differ (short words, names and strings both languages share prove nothing)."""

import re
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, WorkflowState
from wagtail.users.models import UserProfile

from community import roles
from tests.stories_base import StoriesMixin

VISIBLE_ATTRIBUTES = {"placeholder", "aria-label", "title", "alt", "aria-description"}
INVISIBLE = {"script", "style", "template", "noscript"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{?[^}]*\}?\}|<[^>]+>")
# The informal forms our register leaves out. allauth's own catalogues use them; Dutch text also
# uses an impersonal "je" ("hoe houd je het water vast?"), so pages are not searched for the words,
# but for allauth's informal sentences, which our catalogues override.
INFORMAL = {
    "nl": re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE),
    "de": re.compile(r"\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines)\b", re.IGNORECASE),
}


class VisibleText(HTMLParser):
    """The text a reader sees or hears: text outside scripts, and the labelling attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in INVISIBLE:
            self.hidden += 1
        self.parts += [value for name, value in attrs if name in VISIBLE_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in INVISIBLE and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)

    @classmethod
    def of(cls, html):
        parser = cls()
        parser.feed(html)
        return " \n ".join(" ".join(part.split()) for part in parser.parts)


def fragments(text):
    """The pieces of a catalogue string between its placeholders that are worth looking for."""
    for piece in PLACEHOLDER.split(text):
        piece = " ".join(piece.split()).strip(" .,:;–-")
        if len(piece.split()) >= 2 and len(piece) >= 12:
            yield piece


def catalogue():
    """(msgid, Dutch, German) of every translated entry of our catalogues."""
    found = {}
    for code in ("nl", "de"):
        path = settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"
        for entry in polib.pofile(str(path)):
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            texts = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
            found.setdefault((entry.msgctxt, entry.msgid), {})[code] = texts
    return [
        (msgid, both["nl"], both["de"])
        for (_context, msgid), both in found.items()
        if "nl" in both and "de" in both
    ]


def informal_strings(language):
    """allauth's sentences in its own informal register, which no page may show."""
    import allauth

    path = Path(allauth.__file__).parent / "locale" / language / "LC_MESSAGES" / "django.po"
    strings = set()
    for entry in polib.pofile(str(path)):
        texts = [entry.msgstr, *entry.msgstr_plural.values()]
        for text in texts:
            if text and INFORMAL[language].search(text):
                strings |= {piece for piece in fragments(text) if INFORMAL[language].search(piece)}
    return strings


def foreign_strings(language):
    """What must not appear on a page in `language`: the other language's translations and the
    English source text, where they differ from this language's own translation."""
    other = "de" if language == "nl" else "nl"
    strings = set()
    for msgid, nl, de in catalogue():
        own = {"nl": nl, "de": de}[language]
        theirs = {"nl": nl, "de": de}[other]
        own_fragments = {piece for text in own for piece in fragments(text)}
        if set(nl) == set(de):
            continue
        for text in [*theirs, msgid]:
            strings |= {piece for piece in fragments(text) if piece not in own_fragments}
    return strings


@pytest.mark.same_on_every_database
class LanguagePurityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=StringIO())
        User = get_user_model()
        cls.members = {
            "nl": User.objects.get(email="anke@bewoners.example"),
            "de": User.objects.get(email="sabine@einwohner.example"),
        }
        cls.editors = {
            "nl": User.objects.get(email="redactie@jumelage-steenwijkerland.example"),
            "de": User.objects.get(email="redaktion@partnerschaft-herzebrock-clarholz.example"),
        }
        cls.moderator = User.objects.get(email="moderatie@jumelage-steenwijkerland.example")

    def setUp(self):
        self.problems = []

    # What is checked

    def check(self, language, url, *, register=True):
        response = self.client.get(url, follow=True)
        self.assertEqual(response.status_code, 200, url)
        content = response.content.decode()
        if response.get("Content-Type", "").startswith("application/json"):
            content = response.json().get("html", "")
        text = VisibleText.of(content)
        words = set(text.split())
        for first, string in self.foreign[language]:
            if first in words and string in text:
                self.problems.append(f"{url}: {string!r}")
        if not register:
            return
        for first, string in self.informal[language]:
            if first in words and string in text:
                self.problems.append(f"{url}: informal {string!r}")

    def assertNoProblems(self):
        self.assertEqual(self.problems, [], "\n" + "\n".join(sorted(set(self.problems))))

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.foreign = {
            code: [(string.split()[0], string) for string in foreign_strings(code)]
            for code in ("nl", "de")
        }
        cls.informal = {
            code: [(string.split()[0], string) for string in informal_strings(code)]
            for code in ("nl", "de")
        }

    # Pages

    def public_urls(self, language):
        pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1)
        urls = [page.url for page in pages.specific()]
        with translation.override(language):
            urls += [
                reverse("search") + "?q=taal",
                reverse("search") + "?q=zzzzz",
                reverse("account_login"),
                reverse("account_signup"),
                reverse("account_reset_password"),
                reverse("account_reset_password_done"),
                reverse("account_email_verification_sent"),
            ]
        return urls

    def member_urls(self, language):
        member = self.members[language]
        own = Page.objects.filter(owner=member, locale__language_code=language)
        published = own.live().first()
        unpublished = own.filter(live=False).first()
        with translation.override(language):
            urls = [
                reverse("member_area"),
                reverse("member_profile"),
                reverse("contribute_story"),
                reverse("contribute_meeting"),
                reverse("member_delete"),
                reverse("account_email"),
                reverse("account_change_password"),
                reverse("account_logout"),
            ]
            if published is not None:
                urls.append(reverse("report_contribution", args=[published.pk]))
            if unpublished is not None:
                urls.append(reverse("edit_contribution", args=[unpublished.pk]))
        return urls

    def admin_urls(self, user, language):
        urls = [reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root")]
        if user.has_perm("community.view_report"):
            urls += [reverse("reports:index"), reverse("members:index")]
            member = roles.members().first()
            urls += [reverse("members:inspect", args=[member.pk])]
        if (
            user.groups.filter(name__startswith="Ed").exists()
            or user.groups.filter(name__startswith="Red").exists()
        ):
            # (a page in the editor's language: a Dutch page shows its Dutch words)
            home = Page.objects.get(depth=2, locale__language_code=language)
            urls += [
                reverse("wagtailadmin_explore", args=[home.pk]),
                reverse("wagtailadmin_pages:edit", args=[home.pk]),
            ]
        for state in WorkflowState.objects.filter(status="in_progress")[:2]:
            task_state = state.current_task_state
            urls += [
                # (its preview shows the contribution in its own language)
                reverse(
                    "wagtailadmin_pages:workflow_action",
                    args=[state.object_id, "reject", task_state.pk],
                ),
            ]
        return urls

    def as_admin(self, user, language):
        UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(
            preferred_language=language
        )
        self.client.force_login(user)

    # Tests

    def visit_public_and_member_pages(self, language):
        for url in self.public_urls(language):
            self.check(language, url)
        self.client.force_login(self.members[language])
        for url in self.member_urls(language):
            self.check(language, url)
        self.assertNoProblems()

    def test_german_reader_reads_german_only(self):
        self.visit_public_and_member_pages("de")

    def test_dutch_reader_reads_dutch_only(self):
        self.visit_public_and_member_pages("nl")

    def visit_admin(self, language):
        for user in (*self.editors.values(), self.moderator):
            self.as_admin(user, language)
            for url in self.admin_urls(user, language):
                # Wagtail's own Dutch admin says "je" throughout; only the words are checked.
                self.check(language, url, register=False)
        self.assertNoProblems()

    def test_german_editors_and_moderators_work_in_german(self):
        self.visit_admin("de")

    def test_dutch_editors_and_moderators_work_in_dutch(self):
        self.visit_admin("nl")

    # What the admin derives from content and from database rows, in the editor's language

    def test_german_editor_sees_german_meeting_titles_on_the_dashboard(self):
        from exchanges.models import MeetingPage

        self.as_admin(self.editors["de"], "de")
        response = self.client.get(reverse("wagtailadmin_home"))
        soon = response.content.decode().split('id="jumelage-meetings-heading"')[1]
        translated = MeetingPage.objects.live().filter(
            locale__language_code="de", alias_of__isnull=True
        )
        shown = [m for m in translated if m.title in soon]
        self.assertTrue(shown)
        for meeting in shown:
            dutch = meeting.get_translation(meeting.locale.get_default())
            if dutch.title != meeting.title:
                self.assertNotIn(dutch.title, soon)

    def test_listings_say_yes_or_no_in_the_admin_language(self):
        self.as_admin(self.moderator, "de")
        for url in (reverse("members:index"), reverse("reports:index")):
            text = VisibleText.of(self.client.get(url).content.decode())
            self.assertNotIn("True", text)
            self.assertNotIn("False", text)
        self.assertIn(
            "Ja", VisibleText.of(self.client.get(reverse("members:index")).content.decode())
        )

    def test_reports_and_wagtails_reports_are_two_menu_items(self):
        self.as_admin(self.editors["nl"], "nl")
        response = self.client.get(reverse("wagtailadmin_home"))
        content = response.content.decode()
        self.assertIn('"label": "Meldingen"', content)
        self.assertIn('"label": "Rapporten"', content)

    def test_german_editor_reads_workflow_task_and_root_in_german(self):
        self.as_admin(self.editors["de"], "de")
        text = VisibleText.of(
            self.client.get(reverse("wagtailadmin_explore_root")).content.decode()
        )
        self.assertIn("Alle Seiten", text)
        self.assertNotIn("Root", text)
        state = WorkflowState.objects.filter(status="in_progress").first()
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[state.object_id]))
        text = VisibleText.of(response.content.decode())
        self.assertIn("Die Moderation prüft Beiträge", text)
        self.assertNotIn("Moderators review contributions", text)
        self.assertNotRegex(text, r"\b(second|minute|hour)s? ago\b")

    def test_german_reviewer_is_asked_for_a_kommentar(self):
        self.as_admin(self.moderator, "de")
        state = WorkflowState.objects.filter(status="in_progress").first()
        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=[state.object_id, "reject", state.current_task_state.pk],
        )
        html = self.client.get(url).json()["html"]
        self.assertIn("Kommentar", html)
        self.assertNotIn("Opmerking", html)

    def test_names_stay_english_keys_in_the_database(self):
        from django.contrib.auth.models import Group
        from wagtail.models import Workflow

        with translation.override("de"):
            workflow = Workflow.objects.get(name="Contribution review")
            self.assertEqual(workflow.name, "Prüfung von Beiträgen")
            workflow.save()
            group = Group.objects.get(name="Moderators")
            group.save()
        self.assertTrue(Workflow.objects.filter(name="Contribution review").exists())
        self.assertTrue(Group.objects.filter(name="Moderators").exists())


class GermanStoryTagsTests(StoriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_stories()
        visit = cls.story(title="Bezoek", slug="bezoek", tag_names=["bezoek"])
        german = cls.translated(visit, title="Besuch", slug="besuch")
        german.tags.set(["Besuch"])
        german.save_revision().publish()
        untranslated = cls.story(title="Weidevogels", slug="weidevogels", tag_names=["weidevogels"])
        untranslated.copy_for_translation(cls.german, alias=True)

    def test_german_story_overview_offers_only_german_tags(self):
        response = self.client.get(self.story_index_de.url)
        tags = re.findall(r'<option value="([^"]*)"', response.content.decode())
        self.assertIn("besuch", tags)
        self.assertNotIn("weidevogels", tags)
        self.assertNotIn("bezoek", tags)
