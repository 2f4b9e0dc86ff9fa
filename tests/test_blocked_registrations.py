"""A member blocked while a registration of hers is on its way: her own second "register", or
an editor giving her a place in the admin. She holds no place after, and nobody is answered
with an error page (found by the lock review: the editor's change checked the account without a
lock and gave a blocked member a place; a member's "register" locked the meeting before her
account, the block the other way round, and the database ended one of them as a deadlock)."""

import unittest

from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client, TransactionTestCase
from django.utils import translation
from wagtail.models import Page

from community.roles import EDITOR_GROUPS, MODERATORS
from community.roles.setup import setup_roles
from exchanges.choices import RegistrationStatus
from exchanges.models import Registration
from tests.calendar_base import CalendarMixin, local, year_like
from tests.test_blocked_visitors import done_or_waiting
from tests.test_contribution_races import hold, in_thread, waiting_for_locks

User = get_user_model()


def answers(*replies):
    """The status codes of the requests' answers (or what they raised)."""
    return [getattr(reply, "status_code", reply) for reply in replies]


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class BlockedWhileRegisteredTests(CalendarMixin, TransactionTestCase):
    def setUp(self):
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        self.build_calendar()
        setup_roles()
        self.meeting_page = self.meeting(
            local(year_like(2030), 3, 20, 19, 0), title="Taalcafé", slug="taalcafe", capacity=5
        )
        self.member = User.objects.create_user("lid@example.org", "x", display_name="Lid")
        self.moderator = self.logged_in("moderator@example.org", MODERATORS)
        self.editor = self.logged_in("redactie@example.org", EDITOR_GROUPS[0])

    def logged_in(self, email, group):
        user = User.objects.create_user(email, "x")
        user.groups.add(Group.objects.get(name=group))
        client = Client()
        client.force_login(user)
        return client

    def block(self):
        return self.moderator.post(
            f"/admin/members/edit/{self.member.pk}/", {"block": "on", "blocked_reason": "Spam"}
        )

    def meeting_rows(self):
        return Page.objects.filter(translation_key=self.meeting_page.translation_key)

    def assert_holds_nothing(self):
        self.assertFalse(User.objects.get(pk=self.member.pk).is_active)
        self.assertFalse(Registration.objects.filter(user=self.member).active().exists())

    def cancelled_registration(self):
        registration = Registration.objects.register(self.meeting_page, self.member)
        Registration.objects.cancel(self.meeting_page, self.member)
        registration.refresh_from_db()
        return registration

    def test_her_second_register_as_she_is_blocked_ends_without_a_place_or_an_error(self):
        Registration.objects.register(self.meeting_page, self.member)
        member = Client()
        member.force_login(self.member)
        # Something else writes the meeting (an editor publishing it): her "register" waits for
        # it first, then the block, which gives her place up.
        release = hold(self, self.meeting_rows())
        registering, registered = in_thread(
            lambda: member.post(f"/nl/meetings/{self.meeting_page.pk}/register/")
        )
        self.assertTrue(waiting_for_locks(1))
        blocking, blocked = in_thread(self.block)
        self.assertTrue(done_or_waiting(blocking, 2))
        release.set()
        registering.join()
        blocking.join()
        self.assertEqual(answers(*registered, *blocked), [302, 302])
        self.assert_holds_nothing()

    def test_an_editor_giving_her_a_place_as_she_is_blocked_leaves_her_none(self):
        registration = self.cancelled_registration()
        # Something else writes the meeting: the editor's change, its form checked, waits for it,
        # and the block is sent meanwhile.
        release = hold(self, self.meeting_rows())
        editing, edited = in_thread(
            lambda: self.editor.post(
                f"/admin/registrations/edit/{registration.pk}/", {"status": "registered"}
            )
        )
        self.assertTrue(waiting_for_locks(1))
        blocking, blocked = in_thread(self.block)
        self.assertTrue(done_or_waiting(blocking, 2))
        release.set()
        editing.join()
        blocking.join()
        self.assertEqual(answers(*edited, *blocked), [302, 302])
        self.assert_holds_nothing()

    def test_an_editor_giving_her_a_place_after_the_block_is_told_on_the_form(self):
        registration = self.cancelled_registration()
        # Something else writes her account (she changes her profile): the block waits for it,
        # then the editor's change, its form checked while she was still active.
        release = hold(self, User.objects.filter(pk=self.member.pk))
        blocking, blocked = in_thread(self.block)
        self.assertTrue(waiting_for_locks(1))
        editing, edited = in_thread(
            lambda: self.editor.post(
                f"/admin/registrations/edit/{registration.pk}/", {"status": "registered"}
            )
        )
        self.assertTrue(done_or_waiting(editing, 2))
        release.set()
        blocking.join()
        editing.join()
        self.assertEqual(answers(*blocked, *edited), [302, 200])
        [answer] = edited
        with translation.override(answer.wsgi_request.LANGUAGE_CODE):
            refused = translation.gettext(
                "This member is blocked: an inactive account holds no places and waits for "
                "none. Unblock the member first."
            )
        form = BeautifulSoup(answer.content, "html.parser")
        self.assertIn(refused, form.get_text(" ", strip=True))
        # What the editor chose is still chosen.
        self.assertEqual(
            form.select_one("select[name=status] option[selected]")["value"],
            RegistrationStatus.REGISTERED,
        )
        self.assert_holds_nothing()


@unittest.skipUnless(
    connection.vendor == "postgresql", "row locks need PostgreSQL; CI runs this there"
)
class DeletedWhileRegisteringTests(CalendarMixin, TransactionTestCase):
    """A member deleting her account while her "register" of another tab is on its way: the
    deletion gave up her places (the meeting's lock) and then deleted her account, the
    registration had locked her account and waited for the meeting, and the database ended one
    of them as a deadlock (an error page)."""

    def setUp(self):
        self.build_calendar()
        self.meeting_page = self.meeting(
            local(year_like(2030), 3, 20, 19, 0), title="Taalcafé", slug="taalcafe", capacity=5
        )
        self.member = User.objects.create_user(
            "lid@example.org", "een-lang-wachtwoord", display_name="Lid"
        )
        Registration.objects.register(self.meeting_page, self.member)

    def test_her_register_as_she_deletes_her_account_ends_without_an_error(self):
        deleting_tab, registering_tab = Client(), Client()
        deleting_tab.force_login(self.member)
        registering_tab.force_login(self.member)
        # Something else writes the meeting (an editor publishing it): her deletion, giving up
        # her place, waits for it, then her "register" sent from the other tab.
        release = hold(self, Page.objects.filter(translation_key=self.meeting_page.translation_key))
        deleting, deleted = in_thread(
            lambda: deleting_tab.post(
                "/nl/members/delete/",
                {"confirm": "yes", "password": "een-lang-wachtwoord"},
            )
        )
        self.assertTrue(waiting_for_locks(1))
        registering, registered = in_thread(
            lambda: registering_tab.post(f"/nl/meetings/{self.meeting_page.pk}/register/")
        )
        self.assertTrue(done_or_waiting(registering, 2))
        release.set()
        deleting.join()
        registering.join()
        self.assertEqual(answers(*deleted, *registered), [302, 302])
        self.assertFalse(User.objects.filter(pk=self.member.pk).exists())
        self.assertFalse(Registration.objects.filter(meeting=self.meeting_page).active().exists())
