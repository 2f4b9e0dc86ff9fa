"""A member's contribution deleted while an edit of it is on its way (found by the attack pass:
parallel edits and deletes of one draft answered 500 and left a review of nothing behind), or
while members report it (found by the attack pass: deadlocks, the reporters answered 500)."""

import threading
import time
import unittest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.db import connection, transaction
from django.test import Client, TransactionTestCase
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import Collection, Page, WorkflowState

from community import contributions
from community.models import MembersPhotosCollection, Report
from community.models.reports import HIDE_AFTER_MEMBER_REPORTS
from community.privacy import delete_account
from community.roles.setup import setup_roles
from exchanges.choices import RegistrationStatus
from exchanges.factories import VisitPageFactory
from exchanges.models import GuestParty, MeetingPage, Registration, StoryPage
from home.cache import PAGES, CacheVersion
from home.machine_translation import ensure_aliases
from tests import test_visit_member
from tests.calendar_base import CalendarMixin, local, year_like
from tests.stories_base import StoriesMixin
from tests.test_members import joined_long_ago
from tests.visits_base import VisitMixin

User = get_user_model()


def in_thread(work):
    """Runs `work` in a thread of its own (with its own connection); returns the thread and what
    it answered or raised."""
    answers = []

    def run():
        try:
            answers.append(work())
        except Exception as error:  # noqa: BLE001 - reported by the test
            answers.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, answers


def waiting_for_locks(count):
    """Whether `count` connections (of this test's database) wait for a lock, within 10 s."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0] >= count:
                return True
        time.sleep(0.05)
    return False


def hold(test, rows):
    """Something else writing `rows` at that moment (an editor, the translation task, a publish
    elsewhere): they stay locked until the returned event is set."""
    held, release = threading.Event(), threading.Event()

    def hold():
        with transaction.atomic():
            list(rows.select_for_update())
            held.set()
            release.wait(20)

    thread, _answers = in_thread(hold)
    test.assertTrue(held.wait(10))
    test.addCleanup(thread.join)
    test.addCleanup(release.set)
    return release


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class DeletedWhileEditedTests(CalendarMixin, TransactionTestCase):
    def setUp(self):
        # A TransactionTestCase empties every table after each test, the permissions too.
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        self.build_calendar()
        setup_roles()
        self.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        self.proposal = self.meeting(
            local(year_like(2030), 3, 20, 19, 0), title="Voorstel", slug="voorstel", live=False
        )
        self.proposal.owner, self.proposal.member_contribution = self.member, True
        self.proposal.save()
        self.proposal.save_revision(user=self.member)

    def test_an_edit_waiting_for_the_deletion_finds_the_contribution_gone(self):
        locked = threading.Event()

        def delete():
            with transaction.atomic():
                contributions.locked_row(self.proposal)
                locked.set()
                time.sleep(0.5)  # the edit below begins meanwhile, and waits
                contributions.remove_contribution(self.proposal)

        thread, answers = in_thread(delete)
        self.assertTrue(locked.wait(10))
        with self.assertRaises(contributions.Gone):
            contributions.update_contribution(self.proposal, self.member, submit=True)
        thread.join()
        self.assertFalse([answer for answer in answers if isinstance(answer, Exception)])
        self.assertFalse(Page.objects.filter(pk=self.proposal.pk).exists())
        self.assertFalse(WorkflowState.objects.filter(object_id=str(self.proposal.pk)).exists())

    def test_a_deletion_waiting_for_a_submission_takes_its_review_along(self):
        locked = threading.Event()

        def submit():
            with transaction.atomic():
                contributions.lock_for_edit(self.proposal, self.member)
                locked.set()
                time.sleep(0.5)  # the deletion below begins meanwhile, and waits
                contributions.update_contribution(self.proposal, self.member, submit=True)

        thread, answers = in_thread(submit)
        self.assertTrue(locked.wait(10))
        contributions.remove_contribution(self.proposal)
        thread.join()
        self.assertFalse([answer for answer in answers if isinstance(answer, Exception)])
        self.assertFalse(Page.objects.filter(pk=self.proposal.pk).exists())
        self.assertFalse(WorkflowState.objects.filter(object_id=str(self.proposal.pk)).exists())


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class DeletedWhileReportedTests(StoriesMixin, TransactionTestCase):
    """An editor deletes members' contributions (with their German versions) in the admin, or
    their member deletes their account with them, while a member reports one: the report is
    stored before the contribution goes, or finds it gone (404), and the deletion goes through."""

    def setUp(self):
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        self.build_stories()
        self.author = User.objects.create_user("anna@example.org", "een-lang-wachtwoord")
        self.contribution = self.contributed("Fietsen naar Clarholz")
        self.german_version = Page.objects.get(
            translation_key=self.contribution.translation_key, locale=self.german
        )
        self.editor = Client()
        self.editor.force_login(User.objects.create_superuser("redactie@example.org", "x"))
        member = User.objects.create_user("lid@example.org", "x")
        joined_long_ago(member)
        self.member = Client()
        self.member.force_login(member)

    def contributed(self, title):
        """A member's published story, with its German alias."""
        page = self.story(title=title, slug=slugify(title), owner=self.author)
        StoryPage.objects.filter(pk=page.pk).update(member_contribution=True)
        ensure_aliases(page)
        return page

    def report_while_deleting(self, delete, held, reported):
        """Sends the deletion (`delete`, a request) while `held` rows are locked and, once it
        waits for them, the member's report of `reported`; returns both answers."""
        release = hold(self, held)
        deleting, deleted = in_thread(delete)
        self.assertTrue(waiting_for_locks(1))
        reporting, report = in_thread(
            lambda: self.member.post(f"/nl/report/{reported.pk}/", {"reason": "spam"})
        )
        self.assertTrue(waiting_for_locks(2))
        release.set()
        deleting.join()
        reporting.join()
        return [getattr(answer, "status_code", answer) for answer in deleted + report]

    def assert_gone(self, *pages):
        for page in pages:
            self.assertFalse(Page.objects.filter(translation_key=page.translation_key).exists())

    def test_a_report_sent_while_the_editor_deletes_it_finds_it_gone(self):
        answers = self.report_while_deleting(
            lambda: self.editor.post(f"/admin/pages/{self.contribution.pk}/delete/"),
            Page.objects.filter(pk=self.german_version.pk),
            self.contribution,
        )
        self.assertEqual(answers, [302, 404])
        self.assert_gone(self.contribution)
        self.assertFalse(Report.objects.exists())

    def hidden_by_the_next_report(self, page):
        """Two other members reported `page`: the member's report hides it."""
        for number in range(HIDE_AFTER_MEMBER_REPORTS - 1):
            reporter = User.objects.create_user(f"lid-{number}@example.org", "x")
            joined_long_ago(reporter)
            Report.objects.file(page, "spam", reporter=reporter)

    def test_a_report_hiding_one_of_several_the_editor_deletes_at_once_finds_it_gone(self):
        other = self.contributed("Wandelen in Giethoorn")
        self.hidden_by_the_next_report(other)
        answers = self.report_while_deleting(
            lambda: self.editor.post(
                f"/admin/bulk/wagtailcore/page/delete/?id={self.contribution.pk}&id={other.pk}"
            ),
            CacheVersion.objects.filter(kind=PAGES),
            other,
        )
        self.assertEqual(answers, [302, 404])
        self.assert_gone(self.contribution, other)
        self.assertFalse(Report.objects.filter(hid_page=True).exists())

    def test_a_report_hiding_one_of_those_below_a_deleted_page_finds_it_gone(self):
        other = self.contributed("Wandelen in Giethoorn")
        self.hidden_by_the_next_report(other)
        answers = self.report_while_deleting(
            lambda: self.editor.post(f"/admin/pages/{self.story_index.pk}/delete/"),
            CacheVersion.objects.filter(kind=PAGES),
            other,
        )
        self.assertEqual(answers, [302, 404])
        self.assert_gone(self.contribution, other)
        self.assertFalse(Report.objects.filter(hid_page=True).exists())

    def test_a_report_hiding_one_of_those_a_member_deletes_with_their_account_finds_it_gone(self):
        other = self.contributed("Wandelen in Giethoorn")
        self.hidden_by_the_next_report(other)
        author = Client()
        author.force_login(self.author)
        answers = self.report_while_deleting(
            lambda: author.post(
                "/nl/members/delete/",
                {
                    "confirm": "yes",
                    "remove_contributions": "yes",
                    "password": "een-lang-wachtwoord",
                },
            ),
            CacheVersion.objects.filter(kind=PAGES),
            other,
        )
        self.assertEqual(answers, [302, 404])
        self.assert_gone(self.contribution, other)
        self.assertFalse(User.objects.filter(pk=self.author.pk).exists())


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class DeletedWhileSignedUpForTests(VisitMixin, TransactionTestCase):
    """An editor deletes a meeting or an exchange visit (any, not only a member's proposal) with
    its German alias while a member registers or signs up for it: the registration is stored
    before the page goes, or finds it gone (404), and the deletion goes through."""

    def setUp(self):
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        self.build_visit(slug="bezoek")
        self.bike_ride = self.meeting(
            local(year_like(2030), 3, 20, 19), title="Fietstocht", slug="fietstocht"
        )
        ensure_aliases(self.bike_ride)
        self.visit = VisitPageFactory(
            parent=self.calendar,
            slug="fietsbezoek",
            travelling_town=self.steenwijkerland,
            hosting_town=self.herzebrock,
        )
        ensure_aliases(self.visit)
        self.editor = Client()
        self.editor.force_login(User.objects.create_superuser("redactie@example.org", "x"))
        self.member = Client()
        self.member.force_login(self.resident("Anke", self.steenwijkerland, "nl"))

    def sign_up_while_deleting(self, page, sign_up):
        """Sends the editor's deletion of `page` while its German alias is locked (something
        else writing it) and, once the deletion waits, the member's `sign_up`; returns both
        answers."""
        release = hold(
            self, Page.objects.filter(translation_key=page.translation_key, locale=self.german)
        )
        deleting, deleted = in_thread(lambda: self.editor.post(f"/admin/pages/{page.pk}/delete/"))
        self.assertTrue(waiting_for_locks(1))
        signing_up, signed_up = in_thread(sign_up)
        self.assertTrue(waiting_for_locks(2))
        release.set()
        deleting.join()
        signing_up.join()
        answers = [getattr(answer, "status_code", answer) for answer in deleted + signed_up]
        self.assertFalse(Page.objects.filter(pk=page.pk).exists())
        return answers

    def test_a_registration_sent_while_the_editor_deletes_the_meeting_finds_it_gone(self):
        answers = self.sign_up_while_deleting(
            self.bike_ride,
            lambda: self.member.post(f"/nl/meetings/{self.bike_ride.pk}/register/"),
        )
        self.assertEqual(answers, [302, 404])
        self.assertFalse(Registration.objects.exists())

    def test_a_sign_up_sent_while_the_editor_deletes_the_visit_finds_it_gone(self):
        answers = self.sign_up_while_deleting(
            self.visit,
            lambda: self.member.post(
                test_visit_member.url("nl", "visit_guest_party", self.visit.pk),
                test_visit_member.guest_answers(),
            ),
        )
        self.assertEqual(answers, [302, 404])
        self.assertFalse(GuestParty.objects.exists())


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class MeetingVersionDeletedWhileRegisteredForTests(CalendarMixin, TransactionTestCase):
    """An editor deletes the German version of a meeting while a member registers for it, or
    while another editor deletes the Dutch one (found by the attack pass: the registration
    committed between Django's collection of what the deletion takes and its lock, and the
    editor was answered 500; of two editors deleting both versions at once, one was)."""

    def setUp(self):
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        self.build_calendar()
        self.bike_ride = self.meeting(
            local(year_like(2030), 3, 20, 19), title="Fietstocht", slug="fietstocht"
        )
        self.bike_ride_de = self.translated(self.bike_ride, title="Radtour", slug="radtour")
        self.editor = Client()
        self.editor.force_login(User.objects.create_superuser("redactie@example.org", "x"))
        self.anke = User.objects.create_user("anke@example.org", "x", display_name="Anke")
        self.sabine = User.objects.create_user("sabine@example.org", "x", display_name="Sabine")

    def test_a_registration_stored_while_the_translation_is_deleted_moves_with_the_others(self):
        registered, release = threading.Event(), threading.Event()

        def register():
            with transaction.atomic():
                Registration.objects.register(self.bike_ride_de, self.sabine)
                registered.set()
                release.wait(20)

        registering, _answers = in_thread(register)
        self.assertTrue(registered.wait(10))
        deleting, deleted = in_thread(
            lambda: self.editor.post(f"/admin/pages/{self.bike_ride_de.pk}/delete/")
        )
        self.assertTrue(waiting_for_locks(1))
        release.set()
        registering.join()
        deleting.join()
        self.assertEqual([getattr(answer, "status_code", answer) for answer in deleted], [302])
        self.assertFalse(Page.objects.filter(pk=self.bike_ride_de.pk).exists())
        self.assertEqual(Registration.objects.get(user=self.sabine).meeting_id, self.bike_ride.pk)

    def test_of_two_editors_deleting_both_versions_at_once_one_is_refused(self):
        Registration.objects.register(self.bike_ride, self.anke)
        Registration.objects.register(self.bike_ride_de, self.sabine)
        release = hold(self, Page.objects.filter(translation_key=self.bike_ride.translation_key))
        other_editor = Client()
        other_editor.force_login(User.objects.create_superuser("redaktion@example.org", "x"))
        deletions = [
            in_thread(lambda: self.editor.post(f"/admin/pages/{self.bike_ride_de.pk}/delete/")),
            in_thread(lambda: other_editor.post(f"/admin/pages/{self.bike_ride.pk}/delete/")),
        ]
        self.assertTrue(waiting_for_locks(2))
        release.set()
        answers = []
        for thread, answered in deletions:
            thread.join()
            answers += [getattr(answer, "status_code", answer) for answer in answered]
        self.assertEqual(answers, [302, 302])
        # One version is left; the language of the deleted one shows it as an alias
        # (home/redirects.py), which takes no registration of its own.
        versions = MeetingPage.objects.filter(translation_key=self.bike_ride.translation_key)
        [left] = versions.filter(alias_of=None)
        self.assertEqual([page.alias_of_id for page in versions.exclude(pk=left.pk)], [left.pk])
        self.assertEqual(
            set(Registration.objects.active().values_list("meeting_id", flat=True)), {left.pk}
        )
        self.assertEqual(Registration.objects.active().count(), 2)

    def test_an_editor_deleting_a_version_another_deleted_meanwhile_is_told(self):
        release = hold(self, Page.objects.filter(translation_key=self.bike_ride.translation_key))
        other_editor = Client()
        other_editor.force_login(User.objects.create_superuser("redaktion@example.org", "x"))
        bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        both = f"{bulk}?id={self.bike_ride.pk}&id={self.bike_ride_de.pk}"
        bulk_deleting, bulk_deleted = in_thread(lambda: other_editor.post(both))
        self.assertTrue(waiting_for_locks(1))
        deleting, deleted = in_thread(
            lambda: self.editor.post(f"/admin/pages/{self.bike_ride_de.pk}/delete/", follow=True)
        )
        self.assertTrue(waiting_for_locks(2))
        release.set()
        bulk_deleting.join()
        deleting.join()
        self.assertEqual(bulk_deleted[0].status_code, 302)
        self.assertFalse(MeetingPage.objects.exists())
        with translation.override(deleted[0].wsgi_request.LANGUAGE_CODE):
            told = translation.gettext("This page was deleted meanwhile by someone else.")
        self.assertContains(deleted[0], told)


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class AccountDeletedWhileSignedUpTests(VisitMixin, TransactionTestCase):
    """A guest deletes her account while a sign-up or a cancellation of the same visit is being
    stored: her seats go to those waiting after it, under the visit's lock as every other change
    of its seats, not beside it (which could give the same seats twice; attack 22, F6)."""

    def setUp(self):
        self.build_visit(seats=2)
        self.leaving = self.guest("Anke", adults=2)
        self.waiting = self.guest("Bert", adults=2)

    def test_her_seats_go_to_those_waiting_once_the_visit_is_free(self):
        self.assertEqual(self.waiting.status, RegistrationStatus.WAITLISTED)
        release = hold(self, Page.objects.filter(translation_key=self.visit.translation_key))
        deleting, answers = in_thread(
            lambda: delete_account(User.objects.get(pk=self.leaving.user_id))
        )
        self.assertTrue(waiting_for_locks(1))
        release.set()
        deleting.join()
        self.assertFalse([answer for answer in answers if isinstance(answer, Exception)])
        self.assertFalse(User.objects.filter(pk=self.leaving.user_id).exists())
        promoted = GuestParty.objects.get(pk=self.waiting.pk)
        self.assertEqual(promoted.status, RegistrationStatus.REGISTERED)


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class FirstPhotosAtOnceTests(TransactionTestCase):
    """The first photos of two members sent at the same moment: one "Bijdragen van leden" holds
    both members' collections (each found none and made its own, or both took the same place in
    the collections' tree and the second answered 500)."""

    def setUp(self):
        if Collection.get_first_root_node() is None:  # emptied after an earlier test
            Collection.add_root(name="Root")
        self.anna = User.objects.create_user("anna@example.org", "x", display_name="Anna")
        self.bernd = User.objects.create_user("bernd@example.org", "x", display_name="Bernd")

    def test_two_first_photos_at_once_make_one_members_collection(self):
        made = threading.Event()

        def first():
            with transaction.atomic():
                collection = contributions.collection_for("Fietstocht", self.anna)
                made.set()
                time.sleep(0.5)  # the second member's photos arrive meanwhile
                return collection

        thread, answers = in_thread(first)
        self.assertTrue(made.wait(10))
        with transaction.atomic():
            second = contributions.collection_for("Markt", self.bernd)
        thread.join()
        self.assertFalse([answer for answer in answers if isinstance(answer, Exception)])
        [held] = MembersPhotosCollection.objects.all()
        self.assertEqual(Collection.objects.filter(name="Bijdragen van leden").count(), 1)
        self.assertEqual(
            sorted(held.collection.get_children().values_list("pk", flat=True)),
            sorted([answers[0].pk, second.pk]),
        )


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class EditorsCollectionsBesideMembersPhotosTests(TransactionTestCase):
    """An editor adds or moves a collection in the admin while a member's first photos make
    theirs: both are made, each in its own place in the tree (found by the lock review: the
    editor's new collection took the place of the member's, and one of them answered 500)."""

    def setUp(self):
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        if Collection.get_first_root_node() is None:  # emptied after an earlier test
            Collection.add_root(name="Root")
        self.anna = User.objects.create_user("anna@example.org", "x", display_name="Anna")
        self.editor = Client()
        self.editor.force_login(User.objects.create_superuser("redactie@example.org", "x"))

    def beside_a_members_first_photos(self, request):
        """Sends the editor's `request` while a member's first photos are being stored (their
        collection made, not yet committed). Returns both answers."""
        made, release = threading.Event(), threading.Event()

        def photos():
            with transaction.atomic():
                collection = contributions.collection_for("Markt", self.anna)
                made.set()
                release.wait(20)  # the editor's request comes meanwhile, and waits
                return collection

        storing, stored = in_thread(photos)
        self.addCleanup(release.set)
        self.assertTrue(made.wait(10))
        editing, edited = in_thread(request)
        self.assertTrue(waiting_for_locks(1))
        release.set()
        storing.join()
        editing.join()
        return [getattr(answer, "status_code", answer) for answer in stored + edited]

    def assert_tree_sound(self, *names):
        self.assertEqual(Collection.find_problems(), ([], [], [], [], []))
        [members] = MembersPhotosCollection.objects.select_related("collection")
        self.assertEqual(
            list(members.collection.get_children().values_list("name", flat=True)),
            ["Anna: Markt"],
        )
        self.assertEqual(
            sorted(Collection.get_first_root_node().get_children().values_list("name", flat=True)),
            sorted(names),
        )

    def test_an_editors_new_collection_and_a_members_first_photos_both_find_a_place(self):
        # The members' photos moved into an editor's collection; she adds another before them.
        archive = Collection.get_first_root_node().add_child(name="Archief")
        members = archive.add_child(name="Bijdragen van leden")
        MembersPhotosCollection.objects.create(collection=members)
        answers = self.beside_a_members_first_photos(
            lambda: self.editor.post(
                "/admin/collections/add/", {"name": "Aanvragen", "parent": archive.pk}
            )
        )
        self.assertIsInstance(answers[0], Collection)
        self.assertEqual(answers[1], 302)
        self.assert_tree_sound("Archief")
        self.assertEqual(
            sorted(archive.get_children().values_list("name", flat=True)),
            ["Aanvragen", "Bijdragen van leden"],
        )

    def test_an_editors_delete_of_the_empty_members_collection_waits_for_a_members_photos(self):
        # The members' collection emptied by an editor (she moved every member's photos out),
        # deleted as a member's first photos make their collection in it: the delete, without
        # the tree's lock, took the members' collection and left hers without a parent.
        members = Collection.get_first_root_node().add_child(name="Bijdragen van leden")
        MembersPhotosCollection.objects.create(collection=members)
        answers = self.beside_a_members_first_photos(
            lambda: self.editor.post(f"/admin/collections/{members.pk}/delete/")
        )
        self.assertIsInstance(answers[0], Collection)
        self.assert_tree_sound("Bijdragen van leden")
        # Not empty any more when its turn came: kept, as Wagtail keeps a collection with
        # something in it.
        self.assertEqual(answers[1], 403)

    def test_an_editors_delete_beside_a_members_first_photos_leaves_a_sound_tree(self):
        root = Collection.get_first_root_node()
        root.add_child(name="Archief")
        old = root.add_child(name="Oud")
        answers = self.beside_a_members_first_photos(
            lambda: self.editor.post(f"/admin/collections/{old.pk}/delete/")
        )
        self.assertIsInstance(answers[0], Collection)
        self.assertEqual(answers[1], 302)
        self.assert_tree_sound("Archief", "Bijdragen van leden")

    def test_an_editors_move_and_a_members_first_photos_both_find_a_place(self):
        root = Collection.get_first_root_node()
        archive = root.add_child(name="Archief")
        moved = archive.add_child(name="Verslagen")
        answers = self.beside_a_members_first_photos(
            lambda: self.editor.post(
                f"/admin/collections/{moved.pk}/", {"name": "Verslagen", "parent": root.pk}
            )
        )
        self.assertIsInstance(answers[0], Collection)
        self.assertEqual(answers[1], 302)
        self.assert_tree_sound("Archief", "Bijdragen van leden", "Verslagen")
