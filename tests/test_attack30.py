"""Attack pass 30: a moderator taking a contribution off the site while deciding a report
(community/wagtail_hooks.py, ReportDecisionForm.take_off)."""

from django.contrib.messages import get_messages
from django.core import mail
from django.db.models.signals import pre_save
from django.urls import reverse
from django.utils import translation

from community.models import Report
from community.roles.setup import setup_roles
from exchanges.models import MeetingPage, Registration, StoryPage
from tests.test_attack28 import EditorOfOnePartTestCase
from tests.test_members import MembersTestCase
from tests.test_report_outcomes import ReportedMeetingTestCase
from tests.test_roles import RolesTestCase


class TakenOffMeanwhileRegisteredTests(ReportedMeetingTestCase):
    """F1: a member registers for the meeting between the moderator's form being checked and
    its save (the form's check and the save's check under the lock): the meeting stays, as it
    must, but the moderator reads only Wagtail's "updated" and her report is closed as handled:
    nothing tells her that what she took off is still on the site."""

    def setUp(self):
        super().setUp()
        setup_roles()
        self.report(self.reporters[0])
        self.filed = Report.objects.get()
        self.client.force_login(self.moderator)

    def test_she_is_told_it_stayed(self):
        def registers_meanwhile(sender, instance, **kwargs):
            pre_save.disconnect(registers_meanwhile, sender=Report)
            Registration.objects.register(self.meeting, self.bernd)

        pre_save.connect(registers_meanwhile, sender=Report, weak=False)
        try:
            with self.captureOnCommitCallbacks(execute=True):
                response = self.client.post(
                    reverse("reports:edit", args=[self.filed.pk]),
                    {"decision": "Niet netjes.", "handled": "on", "take_off": "on"},
                    follow=True,
                )
        finally:
            pre_save.disconnect(registers_meanwhile, sender=Report)
        self.assertTrue(MeetingPage.objects.get(pk=self.meeting.pk).live)  # as it must
        self.assertEqual([m for m in mail.outbox if m.to == [self.anna.email]], [])
        # What she reads says it stayed (or the report stays open for her to decide again).
        told = " ".join(str(message) for message in get_messages(response.wsgi_request))
        told += response.content.decode()
        self.filed.refresh_from_db()
        with translation.override("nl"):
            self.assertTrue(
                self.filed.resolved_at is None or "een redacteur" in told,
                "the moderator reads that her report was saved; the meeting she took off stays",
            )


class TakenOffThroughAnOlderReportTests(ReportedMeetingTestCase):
    """F2: reports filed before a hiding no longer count once an editor publishes the
    contribution again (`ReportManager._members_reporting` counts those after the last report
    that hid it). A moderator's take-off marks the report she decided, which may be older than
    other open members' reports: those count again, and the next single member's report takes
    the contribution an editor published again off the site at once (its member emailed again)."""

    def setUp(self):
        super().setUp()
        setup_roles()

    def test_one_report_after_the_editor_publishes_it_again_does_not_hide_it(self):
        self.report(self.reporters[0])
        first = Report.objects.get()
        self.report(self.reporters[1])
        self.client.force_login(self.moderator)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("reports:edit", args=[first.pk]),
                {"decision": "Niet netjes.", "handled": "on", "take_off": "on"},
            )
        self.assertFalse(self.live())
        # An editor decides the reports: she publishes it again.
        meeting = MeetingPage.objects.get(pk=self.meeting.pk)
        meeting.get_latest_revision().publish()
        self.assertTrue(self.live())
        mail.outbox.clear()
        # Two more members report it: with the one before the take-off, three "count".
        self.report(self.reporters[2])
        self.report(self.reporters[3])
        self.assertTrue(self.live(), "two reports after it came back took it off again")


class DecomposedUmlautSlugTests(MembersTestCase):
    """F3: a title typed with decomposed umlauts (NFD: "a" + U+0308, as macOS keyboards and
    copied text send) got the Dutch-looking address "gasten": `ascii_slug` wrote out the
    composed letters only, and slugify then dropped the combining dots."""

    def test_a_decomposed_umlaut_is_written_out_too(self):
        title = "Radtour mit Ga\u0308sten"
        self.post_story(self.bernd, title=title, language="de")
        story = StoryPage.objects.get(title__startswith="Radtour mit G", alias_of__isnull=True)
        self.assertEqual(story.slug, "radtour-mit-gaesten")


class OddObjectIdInTheAddressTests(RolesTestCase):
    """F5: Wagtail's editing-session ping (any admin user: a moderator too) and
    wagtail-localize's snippet translation form take the object's id from the address as text
    and hand it to the database: an id that is no number (a forged or cut-off address) was a
    server error, logged each time, where an id no object has is not found."""

    ROUTES = (
        ("post", "/admin/editing-sessions/ping/wagtailcore/page/{}/1/"),
        ("post", "/admin/editing-sessions/ping/community/report/{}/1/"),
        ("get", "/admin/localize/submit/snippet/community/town/{}/"),
        ("post", "/admin/localize/submit/snippet/community/town/{}/"),
    )

    def test_an_id_that_is_no_number_is_not_found(self):
        self.client.raise_request_exception = False
        for user in (None, self.editor_nl, self.moderator):
            self.client.logout()
            if user is not None:
                self.client.force_login(user)
            for method, route in self.ROUTES:
                with self.subTest(user=user and user.email, route=route, method=method):
                    odd = getattr(self.client, method)(route.format("x"))
                    absent = getattr(self.client, method)(route.format("987654"))
                    self.assertEqual(odd.status_code, absent.status_code)


class PageTypesUsageNamesNoPageOutsideHerPartTests(EditorOfOnePartTestCase):
    """F6: Wagtail's "Page types usage" report (Reports menu, for anyone with a page permission)
    names, for each page type, the page of the whole tree edited last: an editor of one part
    read the titles of another part's private pages and drafts there ("Besloten vergadering",
    a German version's draft title)."""

    def test_it_names_no_draft_or_private_page_outside_her_part(self):
        for address in (
            "/admin/reports/page-types-usage/",
            "/admin/reports/page-types-usage/results/",
        ):
            with self.subTest(address=address):
                response, content = self.get(address)
                self.assertEqual(response.status_code, 200)
                for title in (
                    "Geheim concept",
                    "Besloten vergadering",
                    "Klimawerkstatt im Entwurf",
                ):
                    self.assertNotIn(title, content)
