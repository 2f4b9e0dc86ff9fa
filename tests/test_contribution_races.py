"""A member's contribution deleted while an edit of it is on its way (found by the attack pass:
parallel edits and deletes of one draft answered 500 and left a review of nothing behind)."""

import threading
import time
import unittest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.db import connection, transaction
from django.test import TransactionTestCase
from wagtail.models import Page, WorkflowState

from community import contributions
from community.roles.setup import setup_roles
from tests.calendar_base import CalendarMixin, local

User = get_user_model()


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
            local(2030, 3, 20, 19, 0), title="Voorstel", slug="voorstel", live=False
        )
        self.proposal.owner, self.proposal.member_contribution = self.member, True
        self.proposal.save()
        self.proposal.save_revision(user=self.member)

    def in_thread(self, work):
        """Runs `work` in a thread of its own (with its own connection); returns the thread and
        what it raised, if anything."""
        raised = []

        def run():
            try:
                work()
            except Exception as error:  # noqa: BLE001 - reported by the test
                raised.append(error)
            finally:
                connection.close()

        thread = threading.Thread(target=run)
        thread.start()
        return thread, raised

    def test_an_edit_waiting_for_the_deletion_finds_the_contribution_gone(self):
        locked = threading.Event()

        def delete():
            with transaction.atomic():
                contributions.locked_row(self.proposal)
                locked.set()
                time.sleep(0.5)  # the edit below begins meanwhile, and waits
                contributions.remove_contribution(self.proposal)

        thread, raised = self.in_thread(delete)
        self.assertTrue(locked.wait(10))
        with self.assertRaises(contributions.Gone):
            contributions.update_contribution(self.proposal, self.member, submit=True)
        thread.join()
        self.assertEqual(raised, [])
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

        thread, raised = self.in_thread(submit)
        self.assertTrue(locked.wait(10))
        contributions.remove_contribution(self.proposal)
        thread.join()
        self.assertEqual(raised, [])
        self.assertFalse(Page.objects.filter(pk=self.proposal.pk).exists())
        self.assertFalse(WorkflowState.objects.filter(object_id=str(self.proposal.pk)).exists())
