"""Attack 39 (outside attacker): what earlier attacks had left open."""

import datetime

import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.images import get_image_model

from community import privacy
from community.models import Report
from exchanges.models import StoryPage
from tests.security.test_files import media_files
from tests.security.test_reports import ReportAbuseTestCase
from tests.test_attack27 import MailboxTestCase
from tests.test_contributions_photos import OwnPhotosTestCase


class PhotoAnEditorUsesTests(OwnPhotosTestCase):
    """An editor chose a member's photo for a page of the site (the sector's picture). Her
    removing it from her contribution leaves it there (`discard_removed_photos`, the README's
    "unless anything but the contribution's own language versions refers to it"); deleting the
    whole draft, or her account, took it from the editor's page all the same: the page shows no
    picture any more and its file is gone."""

    def setUp(self):
        super().setUp()
        self.story = self.draft_with_photos()
        self.picnic = get_image_model().objects.get(title="Picknick aan de Ems")
        sector = self.climate.specific_class.objects.get(pk=self.climate.pk)
        sector.image, sector.image_alt = self.picnic, "Picknick aan de Ems"
        with self.captureOnCommitCallbacks(execute=True):
            sector.save_revision(user=self.moderator).publish()

    def picnic_stays(self):
        self.assertTrue(get_image_model().objects.filter(pk=self.picnic.pk).exists())
        self.assertIn(self.picnic.file.name, media_files())
        sector = self.climate.specific_class.objects.get(pk=self.climate.pk)
        self.assertEqual(sector.image_id, self.picnic.pk)

    def test_deleting_her_draft_leaves_the_editors_page_its_picture(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"/nl/members/contributions/{self.story.pk}/delete/")
        self.assertEqual(response.status_code, 302)
        self.picnic_stays()

    def test_deleting_her_account_leaves_the_editors_page_its_picture(self):
        with self.captureOnCommitCallbacks(execute=True):
            privacy.delete_account(self.anna, remove_contributions=True)
        self.picnic_stays()


class OneMailboxManySpellingsTests(MailboxTestCase):
    """The emails anyone can have sent to an address are held to 3 in 15 minutes and 10 a day
    for each address (attack 27), and the newsletter sends one confirmation per address in 15
    minutes; but each "+tag" (and, at Gmail, each placement of dots) is an address of its own to
    those limits while it reaches the same mailbox, as the reports already know
    (`home.validators.mailbox`, attack 38). From one visitor's address, 20 a minute."""

    def test_a_mailbox_is_not_flooded_through_the_password_reset_under_plus_tags(self):
        start = timezone.now()
        client = Client(REMOTE_ADDR="203.0.113.7")
        for minute in range(10):
            with time_machine.travel(start + datetime.timedelta(minutes=minute), tick=False):
                for attempt in range(5):
                    with self.captureOnCommitCallbacks(execute=True):
                        client.post(
                            "/nl/accounts/password/reset/",
                            {"email": f"iemand+{minute}x{attempt}@example.net"},
                        )
        received = self.received_by("iemand+")
        self.assertLessEqual(
            len(received), 3, f"{len(received)} emails in 10 minutes to one mailbox"
        )

    def test_a_members_mailbox_is_not_flooded_through_the_newsletter_under_plus_tags(self):
        start = timezone.now()
        for minute in range(10):
            with time_machine.travel(start + datetime.timedelta(minutes=minute), tick=False):
                client = Client(REMOTE_ADDR=f"198.51.100.{minute + 1}")
                with self.captureOnCommitCallbacks(execute=True):
                    client.post(
                        "/nl/newsletter/",
                        {"email": f"anna+{minute}@example.org", "consent": "on"},
                    )
        received = self.received_by("anna+")
        self.assertLessEqual(
            len(received), 1, f"{len(received)} confirmations in 10 minutes to one mailbox"
        )

    def test_a_mailbox_is_not_flooded_through_sign_ups_under_plus_tags(self):
        """Each sign-up is an account of its own, and its confirmation was counted by the
        address as typed: a new "+tag" a minute, one confirmation a minute to one mailbox."""
        start = timezone.now()
        names = ["Iemand", "Niemand", "Ergens", "Altijd", "Nooit", "Soms", "Vaak", "Zelden"]
        for minute, name in enumerate(names):
            with time_machine.travel(start + datetime.timedelta(minutes=minute), tick=False):
                client = Client(REMOTE_ADDR=f"198.51.100.{minute + 1}")
                with self.captureOnCommitCallbacks(execute=True):
                    response = self.sign_up(client, f"iemand+{minute}@example.net", name)
                self.assertEqual(response.status_code, 302)
        received = self.received_by("iemand+")
        self.assertLessEqual(
            len(received), 3, f"{len(received)} confirmations in 8 minutes to one mailbox"
        )


class OwnersAddressAfterStrangersSpellingsTests(MailboxTestCase):
    """The other spellings of a mailbox ("name+tag@", at Gmail "n.ame@") share one limit of
    their own; its owner's address as she signs up with it keeps its own. Strangers who used up
    the spellings' limit (10 a day) held back her own emails for up to a day, and her sign-up
    no longer cleared what held them back (review of attack 39)."""

    def used_up_by_strangers(self, send):
        """`send(client, number)` ten times in four hours, each from a visitor of its own."""
        start = timezone.now()
        for number in range(10):
            with time_machine.travel(start + datetime.timedelta(minutes=25 * number), tick=False):
                client = Client(REMOTE_ADDR=f"198.51.100.{number + 1}")
                with self.captureOnCommitCallbacks(execute=True):
                    send(client, number)
        return start + datetime.timedelta(hours=4)

    def test_her_own_sign_up_is_confirmed_after_strangers_signed_up_her_plus_tags(self):
        names = ["Iemand", "Niemand", "Ergens", "Altijd", "Nooit", "Soms", "Vaak", "Zelden"]
        names += ["Straks", "Gisteren"]
        later = self.used_up_by_strangers(
            lambda client, number: self.sign_up(client, f"anke+{number}@example.net", names[number])
        )
        mail.outbox.clear()
        with time_machine.travel(later, tick=False):
            with self.captureOnCommitCallbacks(execute=True):
                self.sign_up(Client(REMOTE_ADDR="203.0.113.50"), "anke@example.net", "Anke")
        self.assertEqual(len(self.received_by("anke@example.net")), 1)

    def test_her_password_reset_goes_out_after_strangers_asked_for_her_plus_tags(self):
        later = self.used_up_by_strangers(
            lambda client, number: client.post(
                "/nl/accounts/password/reset/", {"email": f"anna+{number}@example.org"}
            )
        )
        mail.outbox.clear()
        with time_machine.travel(later, tick=False):
            with self.captureOnCommitCallbacks(execute=True):
                response = Client(REMOTE_ADDR="203.0.113.50").post(
                    "/nl/accounts/password/reset/", {"email": "anna@example.org"}
                )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(self.received_by("anna@example.org")), 1)

    def test_her_newsletter_confirmation_goes_out_after_a_stranger_subscribed_a_plus_tag(self):
        with self.captureOnCommitCallbacks(execute=True):
            Client(REMOTE_ADDR="198.51.100.1").post(
                "/nl/newsletter/", {"email": "anna+1@example.org", "consent": "on"}
            )
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            Client(REMOTE_ADDR="203.0.113.50").post(
                "/nl/newsletter/", {"email": "anna@example.org", "consent": "on"}
            )
        self.assertEqual(len(self.received_by("anna@example.org")), 1)


class FormerMembersStoryTests(OwnPhotosTestCase):
    """A former member's story stays on the site (she left without taking it along). When it is
    deleted, every photo it shows that lies in the members' collections goes with it
    (`discard_with_contribution`: without an owner, by collection), also another member's photo
    an editor put in it: that member's own published story loses its photo."""

    def test_deleting_a_former_members_story_leaves_another_members_photo(self):
        annas = self.decide(self.story_with_photo(self.anna, "Op de fiets", "anna.jpg"), "approve")
        bernds = self.decide(
            self.story_with_photo(self.bernd, "Mit dem Rad", "bernd.jpg"), "approve"
        )
        photo_of_bernd = get_image_model().objects.get(pk=bernds.image_id)
        story = annas.get_latest_revision_as_object()
        story.body.append(
            ("image", {"image": photo_of_bernd, "alt_text": "Bernd op de fiets", "caption": ""})
        )
        with self.captureOnCommitCallbacks(execute=True):
            story.save_revision(user=self.moderator).publish()
        with self.captureOnCommitCallbacks(execute=True):
            privacy.delete_account(self.anna, remove_contributions=False)
        with self.captureOnCommitCallbacks(execute=True):
            StoryPage.objects.get(pk=annas.pk).delete()
        self.assertTrue(get_image_model().objects.filter(pk=photo_of_bernd.pk).exists())
        self.assertEqual(StoryPage.objects.get(pk=bernds.pk).image_id, photo_of_bernd.pk)


class VisitorsOfOneNetworkTests(ReportAbuseTestCase):
    """A visitor reports a contribution once per browser session and once per address. Every
    limit of the site counts an IPv6 visitor by the /64 network one connection holds
    (`home.ratelimit.visitor_network`); the reports' "once per address" counts each of its 2**64
    addresses apart: a new session from the next address of the same network files the same
    report again (up to the hourly limit), and the Reports list fills with them."""

    def test_a_visitor_of_one_ipv6_network_reports_a_contribution_once(self):
        for host in (1, 2, 3):
            self.report(client=Client(), address=f"2001:db8:5:7::{host}")
        self.assertEqual(Report.objects.filter(page=self.story).count(), 1)
