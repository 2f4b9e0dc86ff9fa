"""Attack 33 (2026-12-07): an outsider's findings on concurrency, each a test that failed until
it was fixed. (Its findings on uploads and documents: tests/test_attack33_images.py and
tests/test_attack33_documents.py.)"""

import threading
import time
import unittest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test import TestCase, TransactionTestCase
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page

from community import contributions
from community.roles.setup import setup_roles
from exchanges.models import HostOffer
from home.validators import PHONE_MESSAGE
from tests.calendar_base import CalendarMixin, local, year_like
from tests.test_contribution_races import in_thread
from tests.test_visit_member import VisitPageMixin, host_answers

User = get_user_model()


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class WithdrawnWhileApprovedTests(CalendarMixin, TransactionTestCase):
    """F4: a member withdraws her proposal ("Terugtrekken") at the moment a moderator clicks
    "Goedkeuren" on the dashboard. Against the running site (gunicorn, PostgreSQL, 6 proposals,
    withdraw and approve sent together) the moderator landed 5 times of 6 on
    /admin/pages/<id>/edit/, which answers 404 to a moderator: "Page not found", no word of
    what happened. The review guard (`with_review_rights`) and `decide` read the review before
    the withdrawal commits; the decision then finds it cancelled and Wagtail leads to the
    editor. Sent a moment later, the same click leads to "Ingetrokken"
    (/admin/pages/workflow/decided/…)."""

    def setUp(self):
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        self.build_calendar()
        setup_roles()
        self.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        self.moderator = User.objects.create_user("moderator@example.org", "x", is_staff=True)
        self.moderator.groups.add(Group.objects.get(name="Moderators"))
        self.proposal = self.meeting(
            local(year_like(2030), 3, 20, 19, 0), title="Voorstel", slug="voorstel", live=False
        )
        self.proposal.owner, self.proposal.member_contribution = self.member, True
        self.proposal.save()
        self.proposal.save_revision(user=self.member)
        contributions.update_contribution(self.proposal, self.member, submit=True)

    def test_the_moderator_is_told_it_was_withdrawn(self):
        state = Page.objects.get(pk=self.proposal.pk).current_workflow_task_state
        self.assertIsNotNone(state)
        locked = threading.Event()

        def withdraw():
            with transaction.atomic():
                contributions.locked_row(self.proposal)
                locked.set()
                time.sleep(0.5)  # the moderator's approval begins meanwhile
                return contributions.withdraw_from_review(self.proposal, self.member)

        thread, answers = in_thread(withdraw)
        self.assertTrue(locked.wait(10))
        self.client.force_login(self.moderator)
        response = self.client.post(
            f"/admin/pages/workflow/action/{self.proposal.pk}/approve/{state.pk}/",
            {"comment": ""},
            follow=True,
        )
        thread.join()
        self.assertEqual(answers, [True])
        self.assertEqual(response.status_code, 200, response.redirect_chain)
        self.assertContains(response, "Ingetrokken")


class PhoneNumbersTests(VisitPageMixin, TestCase):
    """The guests' and hosts' phone fields took any line ("<script>", "call me"): their partners
    get it once the matching is published, to ring them (attack 33, noted). A phone number is
    digits, with the signs people write between them."""

    def test_a_phone_without_digits_is_refused_and_the_form_keeps_the_rest(self):
        for phone in ("<script>alert(1)</script>", "bel mij maar", "+++"):
            with self.subTest(phone=phone):
                response = self.member(self.klaus).post(
                    self.host_url, host_answers(self.visit, phone=phone)
                )
                with translation.override("de"):
                    self.assertContains(response, gettext(PHONE_MESSAGE))
                self.assertContains(response, "Familie Bergmann")
                self.assertFalse(HostOffer.objects.filter(user=self.klaus).exists())

    def test_phone_numbers_as_people_write_them_are_taken(self):
        for phone in ("+49 5245 1234", "05245/1234", "(0521) 12-34 56", "+31 6.12.34.56.78"):
            with self.subTest(phone=phone):
                HostOffer.objects.filter(user=self.klaus).delete()
                response = self.member(self.klaus).post(
                    self.host_url, host_answers(self.visit, phone=phone)
                )
                self.assertEqual(response.status_code, 302, phone)
                self.assertEqual(HostOffer.objects.get(user=self.klaus).phone, phone)
