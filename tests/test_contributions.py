"""One home for each rule of a contribution: what a story or a meeting needs is said by the page
itself (the members' form and the admin both ask it), and every step of the lifecycle is a
function of community/contributions.py that the views, the review task and the reports call."""

import datetime
import json

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from community import contributions
from community.contributions import ContributionState
from exchanges.choices import MeetingFormat, SpokenLanguage
from exchanges.contribution_forms import MeetingForm, StoryForm
from exchanges.models import MeetingPage, StoryPage
from exchanges.models.meetings import END_NEEDED, START_NEEDED
from tests.calendar_base import local, year_like
from tests.stories_base import StoriesMixin
from tests.test_members import MembersTestCase, meeting_data
from tests.test_roles import RolesTestCase, form_data

User = get_user_model()


def errors_of(page):
    """The page's own verdict, as the admin's form gets it (field name: messages)."""
    try:
        page.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


class WhatAMeetingNeedsTests(MembersTestCase):
    def proposal(self, **overrides):
        data = {
            "title": "Taalcafé",
            "intro": "We oefenen samen Duits en Nederlands.",
            "body": "",
            "sector": "",
            "language": "nl",
            "start": f"{year_like(2030)}-06-01T19:30",
            "end": f"{year_like(2030)}-06-01T21:30",
            "format": MeetingFormat.IN_PERSON,
            "place_name": "Bibliotheek",
            "town": str(self.steenwijkerland.pk),
            "online_url": "",
            "spoken_language": SpokenLanguage.BOTH,
            "capacity": "",
        }
        data.update(overrides)
        return data

    def test_a_meeting_in_person_with_only_an_address_is_refused_by_the_page_itself(self):
        meeting = self.meeting(local(2030, 6, 1, 19, 30))
        meeting.place_name, meeting.address = "", "Markt 1, Steenwijk"
        with translation.override("nl"):
            self.assertEqual(
                errors_of(meeting)["place_name"],
                ["Een fysieke of hybride bijeenkomst heeft een locatie nodig."],
            )

    def test_a_meeting_outside_2000_to_2100_is_refused_by_the_page_itself(self):
        meeting = self.meeting(local(2030, 6, 1, 19, 30))
        meeting.start, meeting.end = local(1999, 12, 31, 20, 0), local(2101, 1, 1, 1, 0)
        with translation.override("de"):
            errors = errors_of(meeting)
        self.assertEqual(errors["start"], ["Wählen Sie ein Datum zwischen 2000 und 2100."])
        self.assertEqual(errors["end"], ["Wählen Sie ein Datum zwischen 2000 und 2100."])

    def test_the_members_form_and_the_page_give_the_same_error_at_the_same_field(self):
        with translation.override("nl"):
            form = MeetingForm(
                self.proposal(place_name="", start="1999-06-01T19:30", submit="1"),
                user=self.anna,
            )
            self.assertFalse(form.is_valid())
            page = form.page
            self.assertEqual(
                form.errors["place_name"], [str(page.missing_for_review()["place_name"])]
            )
            self.assertEqual(form.errors["start"], errors_of(page)["start"])

    def test_all_of_a_meetings_problems_are_reported_at_once(self):
        form = MeetingForm(
            self.proposal(
                title="",
                format=MeetingFormat.HYBRID,
                place_name="",
                end=f"{year_like(2030)}-06-01T18:00",
                submit="1",
            ),
            user=self.anna,
        )
        self.assertFalse(form.is_valid())
        self.assertEqual({"title", "end", "place_name", "online_url"}, set(form.errors))

    def test_a_draft_of_an_online_meeting_may_lack_its_link_until_it_is_sent(self):
        """Walk of 2026-12-05: a member who had not received the video link yet could not save
        her proposal as a draft."""
        online = {"format": MeetingFormat.ONLINE, "place_name": ""}
        draft = MeetingForm(self.proposal(**online), user=self.anna)
        self.assertTrue(draft.is_valid(), draft.errors)
        with translation.override("de"):
            sent = MeetingForm(self.proposal(**online, submit="1"), user=self.anna)
            self.assertFalse(sent.is_valid())
            self.assertEqual(
                sent.errors["online_url"],
                ["Ein Online- oder Hybridtreffen braucht einen Online-Link."],
            )

    def test_the_admin_refuses_what_the_members_form_refuses(self):
        editor = self.moderator
        meeting = self.meeting(local(2030, 6, 1, 19, 30), place_name="Dorpshuis")
        form_class = MeetingPage.get_edit_handler().get_form_class()
        form = form_class(instance=meeting, for_user=editor)
        data = {
            name: field.widget.format_value(form.initial.get(name, field.initial))
            for name, field in form.fields.items()
            if name not in form.formsets
        }
        data = {name: value for name, value in data.items() if value not in (None, False)}
        for name in form.formsets:
            data.update({f"{name}-TOTAL_FORMS": "0", f"{name}-INITIAL_FORMS": "0"})
        data.update(
            {
                "place_name": "",
                "address": "Markt 1",
                "start": "1999-06-01 19:30",
                "end": "2030-06-01 21:30",
                "body-count": "0",
            }
        )
        with translation.override("nl"):
            form = form_class(data, instance=meeting, for_user=editor, parent_page=self.calendar)
            self.assertFalse(form.is_valid())
        self.assertIn("place_name", form.errors)
        self.assertIn("start", form.errors)


class AnOnlineMeetingsDraftInTheAdminTests(MembersTestCase):
    """An editor's draft of an online meeting may lack its link, as a member's may; publishing
    it asks, by whichever path (walk of 2026-12-05: the admin refused to save the draft)."""

    def setUp(self):
        self.client.force_login(self.moderator)

    def add(self, slug, **action):
        address = reverse(
            "wagtailadmin_pages:add", args=["exchanges", "meetingpage", self.calendar.pk]
        )
        data = form_data(self.client.get(address))
        data.update(
            {
                "title": "Online taalcafé",
                "slug": slug,
                "start": "2030-06-01 19:30",
                "end": "2030-06-01 21:00",
                "format": MeetingFormat.ONLINE,
                "online_url": "",
                "place_name": "",
                "organiser": "Stichting",
                "body-count": "0",
                **action,
            }
        )
        with translation.override("nl"):
            return self.client.post(address, data)

    def test_a_new_draft_is_saved_and_publishing_it_asks_for_the_link(self):
        self.assertEqual(self.add("concept").status_code, 302)
        self.assertFalse(MeetingPage.objects.get(slug="concept", locale=self.calendar.locale).live)
        refused = self.add("gepubliceerd", **{"action-publish": "action-publish"})
        self.assertEqual(refused.status_code, 200)
        self.assertContains(
            refused, "Een online of hybride bijeenkomst heeft een onlinelink nodig."
        )
        self.assertFalse(MeetingPage.objects.filter(slug="gepubliceerd").exists())

    def test_a_draft_of_a_live_meeting_may_lack_it_and_no_path_publishes_it_so(self):
        meeting = self.online_meeting(local(2030, 6, 1, 19, 30))
        edit = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
        data = {**form_data(self.client.get(edit)), "online_url": "", "body-count": "0"}
        self.assertEqual(self.client.post(edit, data).status_code, 302)
        draft = MeetingPage.objects.get(pk=meeting.pk).get_latest_revision()
        self.assertEqual(draft.as_object().online_url, "")
        with translation.override("nl"):
            refused = self.client.post(edit, {**data, "action-publish": "action-publish"})
        self.assertEqual(refused.status_code, 200)
        self.assertContains(
            refused, "Een online of hybride bijeenkomst heeft een onlinelink nodig."
        )
        bulk = self.client.post(
            f"/admin/bulk/wagtailcore/page/publish/?id={meeting.pk}", {}, follow=True
        )
        self.assertContains(bulk, "Een online of hybride bijeenkomst heeft een onlinelink nodig.")
        # A path past the admin's forms (a scheduled or approved revision): the page's own
        # clean refuses it.
        with self.assertRaises(ValidationError):
            draft.publish()
        live = MeetingPage.objects.get(pk=meeting.pk)
        self.assertEqual(live.online_url, "https://meet.example.org/taal")


def needed(language, *names):
    """What publishing a meeting without its start and end says, in `language`."""
    with translation.override(language):
        return [str({"start": START_NEEDED, "end": END_NEEDED}[name]) for name in names]


class AMeetingsDraftWithoutItsTimesTests(MembersTestCase):
    """The members' form promises a draft may be saved and finished later: an editor's draft
    in the admin may lack its start and end too; publishing it asks for them, by whichever
    path, and a live meeting never loses them."""

    def setUp(self):
        self.client.force_login(self.moderator)

    def add(self, slug, **action):
        address = reverse(
            "wagtailadmin_pages:add", args=["exchanges", "meetingpage", self.calendar.pk]
        )
        data = form_data(self.client.get(address))
        data.update(
            {
                "title": "Taalcafé",
                "slug": slug,
                "intro": "We oefenen samen Duits en Nederlands.",
                "start": "",
                "end": "",
                "place_name": "Bibliotheek",
                "organiser": "Stichting",
                "body-count": "0",
                **action,
            }
        )
        with translation.override("nl"):
            return self.client.post(address, data)

    def test_a_draft_without_its_times_is_saved_previewed_and_no_path_publishes_it(self):
        self.assertEqual(self.add("concept").status_code, 302)
        draft = MeetingPage.objects.get(slug="concept", locale=self.calendar.locale)
        self.assertEqual((draft.live, draft.start, draft.end), (False, None, None))
        preview = self.client.get(reverse("wagtailadmin_pages:view_draft", args=[draft.pk]))
        self.assertEqual(preview.status_code, 200)
        self.assertContains(preview, "Taalcafé")
        self.assertNotContains(preview, "Add to Google Calendar")
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
        self.assertEqual(edit.status_code, 200)
        refused = self.add("gepubliceerd", **{"action-publish": "action-publish"})
        self.assertEqual(refused.status_code, 200)
        for message in needed("nl", "start", "end"):
            self.assertContains(refused, message)
        self.assertFalse(MeetingPage.objects.filter(slug="gepubliceerd").exists())
        bulk = self.client.post(
            f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}", {}, follow=True
        )
        self.assertContains(bulk, needed("nl", "start")[0])
        self.assertFalse(MeetingPage.objects.get(pk=draft.pk).live)
        # Past the admin's forms (a scheduled revision, an approval): the page's own clean.
        with translation.override("de"), self.assertRaises(ValidationError) as raised:
            draft.get_latest_revision().publish()
        with translation.override("de"):  # the messages are lazy: read in German
            messages = {k: list(map(str, v)) for k, v in raised.exception.message_dict.items()}
        self.assertEqual(messages["start"], needed("de", "start"))
        self.assertEqual(messages["end"], needed("de", "end"))
        self.assertFalse(MeetingPage.objects.get(pk=draft.pk).live)

    def test_a_draft_of_a_live_meeting_may_lack_its_end_until_it_is_published(self):
        year = year_like(2030)  # still to come: it stays upcoming
        meeting = self.meeting(local(year, 6, 1, 19, 30), place_name="Dorpshuis")
        edit = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
        data = {**form_data(self.client.get(edit)), "end": "", "body-count": "0"}
        self.assertEqual(self.client.post(edit, data).status_code, 302)
        self.assertIsNone(
            MeetingPage.objects.get(pk=meeting.pk).get_latest_revision_as_object().end
        )
        with translation.override("nl"):
            refused = self.client.post(edit, {**data, "action-publish": "action-publish"})
        self.assertEqual(refused.status_code, 200)
        self.assertContains(refused, needed("nl", "end")[0])
        bulk = self.client.post(
            f"/admin/bulk/wagtailcore/page/publish/?id={meeting.pk}", {}, follow=True
        )
        self.assertContains(bulk, needed("nl", "end")[0])
        # Past the admin's forms (a scheduled revision, an approval): the page's own clean.
        with self.assertRaises(ValidationError):
            MeetingPage.objects.get(pk=meeting.pk).get_latest_revision().publish()
        live = MeetingPage.objects.get(pk=meeting.pk)
        self.assertEqual(live.end, local(year, 6, 1, 21, 30))
        self.assertIn(live, MeetingPage.objects.for_listing().upcoming())

    def test_a_translation_of_a_draft_without_its_times_is_not_published(self):
        self.assertEqual(self.add("concept").status_code, 302)
        draft = MeetingPage.objects.get(slug="concept", locale=self.calendar.locale)
        with self.captureOnCommitCallbacks(execute=True):
            TranslationCreator(self.moderator, [self.german]).create_translations(draft)
        german = MeetingPage.objects.get(translation_key=draft.translation_key, locale=self.german)
        admin = User.objects.create_superuser("beheer@example.org", "x")
        self.client.force_login(admin)
        # The translation editor opens it.
        opened = self.client.get(reverse("wagtailadmin_pages:edit", args=[german.pk]))
        self.assertEqual(opened.status_code, 200)
        # In the admin's language (Dutch here), whatever the page's.
        refused = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[german.pk]),
            {"action": "publish"},
            follow=True,
        )
        self.assertContains(refused, needed("nl", "start")[0])
        target = Translation.objects.get(
            source__object_id=draft.translation_key, target_locale=self.german
        )
        with self.assertRaises(ValidationError) as raised:
            with self.captureOnCommitCallbacks(execute=True):
                target.save_target(user=admin, publish=True)
        self.assertIn("start", raised.exception.message_dict)
        self.assertFalse(
            MeetingPage.objects.filter(translation_key=draft.translation_key, live=True).exists()
        )


def decision(name):
    """A review decision taken in the page editor, as its workflow action menu sends it: sending
    back and rejecting with the comment their dialog asks."""
    data = {"action-workflow-action": "true", "workflow-action-name": name}
    if name in {"reject", "decline"}:
        data["workflow-action-extra-data"] = json.dumps({"comment": "Graag de link erbij."})
    return data


class AMeetingInReviewEditedInTheAdminTests(RolesTestCase):
    """An editor who removes the online link of a meeting in review may still cancel the review
    or send it back with "request changes" or "reject" (nothing is published, the draft keeps
    no link); approving it publishes, so it asks for the link (walk of 2026-12-06: every
    action of the page editor's menu but "save draft" asked)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.member = User.objects.create_user("lid@example.org", "x", town=cls.steenwijkerland)

    def submitted(self, slug):
        """A member's proposal of an online meeting, with its link, in review."""
        meeting = self.online_meeting(local(2030, 6, 1, 19, 30), slug=slug, live=False)
        meeting.owner, meeting.member_contribution = self.member, True
        meeting.save()
        meeting.save_revision(user=self.member)
        meeting.get_workflow().start(meeting, self.member)
        return meeting

    def without_its_link(self, meeting, **action):
        self.client.force_login(self.editor_nl)
        edit = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
        data = {
            **form_data(self.client.get(edit)),
            "online_url": "",
            "body-count": "0",
            "workflow-action-extra-data": "{}",
            **action,
        }
        with translation.override("nl"), self.captureOnCommitCallbacks(execute=True):
            return self.client.post(edit, data)

    def test_cancelling_the_review_or_sending_it_back_keeps_a_draft_without_its_link(self):
        for slug, action, status in (
            ("geannuleerd", {"action-cancel-workflow": "true"}, WorkflowState.STATUS_CANCELLED),
            ("wijzigingen", decision("reject"), WorkflowState.STATUS_NEEDS_CHANGES),
            ("afgewezen", decision("decline"), WorkflowState.STATUS_CANCELLED),
        ):
            with self.subTest(action=action):
                meeting = self.submitted(slug)
                self.assertEqual(self.without_its_link(meeting, **action).status_code, 302)
                meeting = MeetingPage.objects.get(pk=meeting.pk)
                self.assertFalse(meeting.live)
                self.assertEqual(meeting.get_latest_revision_as_object().online_url, "")
                state = WorkflowState.objects.get(object_id=str(meeting.pk))
                self.assertEqual(state.status, status)

    def test_approving_it_without_its_link_asks_for_the_link(self):
        meeting = self.submitted("goedgekeurd")
        refused = self.without_its_link(meeting, **decision("approve"))
        self.assertEqual(refused.status_code, 200)
        self.assertContains(
            refused, "Een online of hybride bijeenkomst heeft een onlinelink nodig."
        )
        meeting = MeetingPage.objects.get(pk=meeting.pk)
        self.assertFalse(meeting.live)
        self.assertEqual(meeting.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)
        draft = meeting.get_latest_revision_as_object()
        self.assertEqual(draft.online_url, "https://meet.example.org/taal")

    def test_approving_a_proposal_without_its_start_is_refused_in_the_editor_and_dashboard(self):
        meeting = self.submitted("zonder-begin")
        self.client.force_login(self.editor_nl)
        edit = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
        data = {
            **form_data(self.client.get(edit)),
            "start": "",
            "body-count": "0",
            "workflow-action-extra-data": "{}",
        }
        with translation.override("nl"), self.captureOnCommitCallbacks(execute=True):
            refused = self.client.post(edit, {**data, **decision("approve")})
        self.assertEqual(refused.status_code, 200)
        self.assertContains(refused, needed("nl", "start")[0])
        # Saved in review without it (the editor's "save draft"), then approved from the
        # dashboard, past the page form.
        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(self.client.post(edit, data).status_code, 302)
        meeting = MeetingPage.objects.get(pk=meeting.pk)
        self.assertIsNone(meeting.get_latest_revision_as_object().start)
        task_state = meeting.current_workflow_state.current_task_state
        with self.assertRaises(PermissionDenied):
            task_state.task.specific.on_action(task_state, self.editor_nl, "approve", comment="")
        meeting = MeetingPage.objects.get(pk=meeting.pk)
        self.assertFalse(meeting.live)
        self.assertEqual(meeting.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)

    def test_cancelling_the_review_of_a_live_meetings_change_keeps_its_live_link(self):
        # The page's own clean asks a live page for what publishing needs, unless a form asked
        # it: the editor's form did, and found nothing to ask of a cancelled review.
        meeting = self.online_meeting(local(2030, 6, 1, 19, 30))
        meeting.save_revision(user=self.editor_nl)
        meeting.get_workflow().start(meeting, self.editor_nl)
        response = self.without_its_link(meeting, **{"action-cancel-workflow": "true"})
        self.assertEqual(response.status_code, 302)
        meeting = MeetingPage.objects.get(pk=meeting.pk)
        self.assertEqual(meeting.online_url, "https://meet.example.org/taal")
        self.assertEqual(meeting.get_latest_revision_as_object().online_url, "")
        self.assertEqual(meeting.current_workflow_state, None)


class AStoryInReviewEditedInTheAdminTests(RolesTestCase):
    """The same for a story whose towns an editor removes during its review: cancelling the
    review or sending it back keeps a draft without towns, approving asks for one (second
    look of 2026-12-06: the towns' check asked at every action but "save draft")."""

    def submitted(self, slug):
        story = self.story(title="Fietstocht", slug=slug, live=False)
        story.owner = User.objects.create_user(f"{slug}@example.org", "x")
        story.member_contribution = True
        story.save()
        story.save_revision(user=story.owner)
        story.get_workflow().start(story, story.owner)
        return story

    def without_its_towns(self, story, **action):
        self.client.force_login(self.editor_nl)
        edit = reverse("wagtailadmin_pages:edit", args=[story.pk])
        data = form_data(self.client.get(edit))
        rows = int(data["story_towns-TOTAL_FORMS"])
        data.update({f"story_towns-{row}-DELETE": "1" for row in range(rows)})
        data.update({"body-count": "0", "workflow-action-extra-data": "{}", **action})
        with translation.override("nl"), self.captureOnCommitCallbacks(execute=True):
            return self.client.post(edit, data)

    def test_cancelling_the_review_or_sending_it_back_keeps_a_draft_without_towns(self):
        for slug, action, status in (
            ("geannuleerd", {"action-cancel-workflow": "true"}, WorkflowState.STATUS_CANCELLED),
            ("wijzigingen", decision("reject"), WorkflowState.STATUS_NEEDS_CHANGES),
        ):
            with self.subTest(action=action):
                story = self.submitted(slug)
                self.assertEqual(self.without_its_towns(story, **action).status_code, 302)
                story = StoryPage.objects.get(pk=story.pk)
                self.assertFalse(story.live)
                self.assertEqual(story.get_latest_revision_as_object().story_towns.count(), 0)
                state = WorkflowState.objects.get(object_id=str(story.pk))
                self.assertEqual(state.status, status)

    def test_approving_it_without_towns_asks_for_one(self):
        story = self.submitted("goedgekeurd")
        refused = self.without_its_towns(story, **decision("approve"))
        self.assertEqual(refused.status_code, 200)
        self.assertContains(refused, "Kies ten minste één betrokken gemeente.")
        story = StoryPage.objects.get(pk=story.pk)
        self.assertFalse(story.live)
        self.assertEqual(story.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)


class WhatAStoryNeedsTests(MembersTestCase):
    def test_a_story_dated_in_the_future_is_refused_by_the_page_itself(self):
        story = self.story(date=datetime.date(2024, 5, 1))
        story.date = timezone.localdate() + datetime.timedelta(days=2)
        with translation.override("nl"):
            self.assertEqual(errors_of(story)["date"], ["Kies een datum tussen 1900 en vandaag."])

    def test_the_story_form_reads_a_story_back_as_it_filled_it(self):
        data = self.story_data()
        form = StoryForm(data, user=self.anna)
        self.assertTrue(form.is_valid(), form.errors)
        contributions.create_contribution(form.page, self.anna, form.page.locale, submit=False)
        stored = StoryPage.objects.get(pk=form.page.pk)
        initial = StoryForm.initial_from(stored)
        for name in ("title", "intro", "body", "sector", "language", "towns"):
            self.assertEqual(initial[name], data[name], name)
        self.assertEqual(initial["date"], datetime.date(2026, 5, 1))


class LifecycleTests(MembersTestCase):
    def submitted(self, title="Bijdrage"):
        self.client.force_login(self.anna)
        self.client.post("/nl/members/stories/new/", self.story_data(title=title, submit="1"))
        story = StoryPage.objects.get(owner=self.anna, title=title, alias_of__isnull=True)
        self.assertTrue(contributions.in_review(story))
        return story

    def test_rejecting_in_the_review_ends_the_workflow_and_tells_the_member(self):
        story = self.submitted()
        task_state = story.current_workflow_state.current_task_state
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            contributions.reject(task_state, self.moderator, "Te weinig over de uitwisseling.")
        [mine] = contributions.contributions_of(self.anna)
        self.assertEqual(mine.state, ContributionState.REJECTED)
        self.assertEqual(mine.editor_comment, "Te weinig over de uitwisseling.")
        self.assertFalse(WorkflowState.objects.active().filter(object_id=str(story.pk)).exists())
        self.assertEqual([message.to for message in mail.outbox], [["anna@example.org"]])
        self.assertFalse(contributions.editable_by(Page.objects.get(pk=story.pk), self.anna))

    def test_hiding_takes_every_shown_version_off_the_site_and_says_whether_it_was_shown(self):
        story = self.story(title="Gemeld", slug="gemeld")
        german = self.translated(story, title="Gemeldet", slug="gemeldet")
        versions = list(Page.objects.filter(translation_key=story.translation_key))
        self.assertTrue(contributions.hide(versions))
        self.assertFalse(Page.objects.filter(pk__in=[story.pk, german.pk], live=True).exists())
        versions = list(Page.objects.filter(translation_key=story.translation_key))
        self.assertFalse(contributions.hide(versions))

    def test_a_new_contribution_goes_under_the_overview_of_its_kind_in_its_language(self):
        self.assertEqual(
            contributions.parent_for(StoryPage, self.german).pk, self.story_index_de.pk
        )
        self.assertEqual(contributions.parent_for(MeetingPage, self.dutch).pk, self.calendar.pk)


class DeletionLocksOnceTests(StoriesMixin, TestCase):
    """A deletion locks the language versions of every page it takes once, before it changes
    any (community.contributions.lock_before_deletion), not again for each page it takes: an
    editor deleting a page with thousands below it waits for one lock, not for as many."""

    @classmethod
    def setUpTestData(cls):
        cls.build_stories()

    def lock_reads_of_deleting(self, stories):
        for number in range(stories):
            self.story(title=f"Verhaal {number}", slug=f"verhaal-{number}")
        with CaptureQueriesContext(connection) as captured:
            Page.objects.get(pk=self.story_index.pk).delete()
        self.assertFalse(StoryPage.objects.exists())
        key_reads = [
            query["sql"]
            for query in captured.captured_queries
            if query["sql"].startswith('SELECT "wagtailcore_page"."translation_key"')
        ]
        return len(key_reads)

    def test_deleting_an_overview_locks_its_stories_once(self):
        self.assertEqual(self.lock_reads_of_deleting(6), 1)


class AMeetingAtATimeTheClocksChangeTests(MembersTestCase):
    """A member proposing a meeting at 02:30 on a night the clocks change was refused in ISO
    ("2027-03-28 02:30:00 couldn't be interpreted in time zone Europe/Amsterdam; it may be
    ambiguous or it may not exist"): the admin's refusal (home/clock_changes.py) says what the
    clocks do that night, in her language and as she wrote the time."""

    def propose(self, member, language, start):
        self.client.force_login(member)
        data = meeting_data(self, start=start, end=start[:-5] + "04:00", language=language)
        response = self.client.post(f"/{language}/members/meetings/new/", data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(MeetingPage.objects.filter(title="Taalcafé").exists())
        form = BeautifulSoup(response.content, "html.parser")
        field = form.select_one("input[name=start]").find_parent(class_="field")
        # One refusal: sent for review, the form also said she chose no start (walk 9).
        [error] = [error.get_text(" ", strip=True) for error in field.select(".field__error")]
        return field.select_one("input[name=start]")["value"], error

    def test_a_time_the_clocks_skip_is_refused_saying_why_in_her_language(self):
        # Her browser's date field sends ISO and shows it as her language writes it.
        for member, language, written, says in (
            (self.anna, "nl", "28-03-2027 02:30", "bestaat niet"),
            (self.bernd, "de", "28.03.2027 02:30", "gibt es nicht"),
        ):
            with self.subTest(language=language):
                kept, error = self.propose(member, language, "2027-03-28T02:30")
                self.assertEqual(kept, "2027-03-28T02:30")
                self.assertIn(written, error)
                self.assertIn(says, error)
                # What the clocks do that night: from 02:00 to 03:00.
                self.assertIn("02:00", error)
                self.assertIn("03:00", error)
                self.assertNotIn("2027-03-28", error)
                self.assertNotIn("Europe/", error)

    def test_a_time_the_clocks_pass_twice_is_refused_saying_why_in_her_language(self):
        for member, language, written, says in (
            (self.anna, "nl", "31-10-2027 02:30", "komt twee keer voor"),
            (self.bernd, "de", "31.10.2027 02:30", "gibt es zweimal"),
        ):
            with self.subTest(language=language):
                kept, error = self.propose(member, language, "2027-10-31T02:30")
                self.assertEqual(kept, "2027-10-31T02:30")
                self.assertIn(written, error)
                self.assertIn(says, error)
                self.assertIn("02:00", error)
                self.assertIn("03:00", error)
                self.assertNotIn("2027-10-31", error)

    def test_a_time_typed_without_the_browsers_date_field_is_quoted_as_she_typed_it(self):
        # A browser without a date field gives her a text box: she types as she writes.
        for member, language, typed in (
            (self.anna, "nl", "28/03/2027 02:30"),
            (self.bernd, "de", "28.03.27 02:30"),
        ):
            with self.subTest(language=language):
                self.client.force_login(member)
                data = meeting_data(self, start=typed, end="2027-03-28T04:00", language=language)
                response = self.client.post(f"/{language}/members/meetings/new/", data)
                form = BeautifulSoup(response.content, "html.parser")
                field = form.select_one("input[name=start]").find_parent(class_="field")
                self.assertEqual(field.select_one("input[name=start]")["value"], typed)
                error = field.select_one(".field__errors").get_text(" ", strip=True)
                self.assertIn(typed, error)
                self.assertIn("03:00", error)
