"""The bilingual newsletter: visitors subscribe with double opt-in, members opt in on their
profile, editors preview, test and send a newsletter page to its audience, every reader gets it
in their language with one-click unsubscribe, and a sent newsletter is in the public archive."""

import datetime
import json
import re

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client, TestCase, override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from community.models import NewsletterPage, NewsletterSending, NewsletterSubscriber
from community.models.newsletter import Audience, NewsletterIndexPage
from community.newsletter import sending, subscriptions
from community.roles import EDITOR_GROUPS, MODERATORS
from community.roles.setup import setup_roles
from home.schedule import run_due_jobs
from tests.base import assert_help_blocks_show_their_icon
from tests.stories_base import StoriesMixin

User = get_user_model()
PASSWORD = "een-lang-wachtwoord-123"


class NewsletterMixin(StoriesMixin):
    @classmethod
    def build_newsletter(cls):
        cls.build_stories()
        setup_roles()
        cls.archive = NewsletterIndexPage(title="Nieuwsbrieven", slug="nieuwsbrieven")
        cls.home.add_child(instance=cls.archive)
        cls.archive.save_revision().publish()
        cls.archive_de = cls.translated(cls.archive, title="Newsletter", slug="newsletter-archiv")
        cls.editor = User.objects.create_user("redactie@example.org", PASSWORD)
        cls.editor.groups.add(Group.objects.get(name=EDITOR_GROUPS[0]))
        cls.moderator = User.objects.create_user("moderator@example.org", PASSWORD)
        cls.moderator.groups.add(Group.objects.get(name=MODERATORS))

    @classmethod
    def newsletter(cls, title="Nieuws uit de jumelage", german="Neues aus der Partnerschaft", **kw):
        page = NewsletterPage(
            title=title,
            slug=kw.pop("slug", "nieuws"),
            intro="Wat er deze maand gebeurde.",
            body=[
                ("heading", {"text": "Op de fiets", "level": "h2"}),
                (
                    "paragraph",
                    f'<p>Lees over <a linktype="page" id="{cls.climate.pk}">klimaat</a>.</p>',
                ),
            ],
            **kw,
        )
        cls.archive.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        if german:
            cls.translated(page, title=german)
        return page

    @classmethod
    def subscriber(cls, email, language="nl", confirmed=True, **kw):
        now = timezone.now()
        return NewsletterSubscriber.objects.create(
            email=email,
            language=language,
            consent_version="test",
            consented_at=now,
            confirmed_at=now if confirmed else None,
            **kw,
        )

    def send(self, page, client=None):
        client = client or self.editor_client()
        return client.post(f"/admin/newsletter/{page.pk}/", {"confirm": "yes"})

    def editor_client(self):
        client = Client()
        client.force_login(self.editor)
        return client

    def mails_to(self, address):
        return [message for message in mail.outbox if address in message.to]


class NewsletterTests(NewsletterMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_newsletter()

    def test_visitor_subscribes_confirms_and_gets_the_newsletter_in_german(self):
        self.assertEqual(self.client.get("/de/newsletter/").status_code, 200)
        response = self.client.post(
            "/de/newsletter/", {"email": "Greta@Example.org", "consent": "on"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Greta@Example.org")
        self.assertEqual(len(mail.outbox), 1)
        confirmation = mail.outbox[0]
        self.assertEqual(confirmation.to, ["greta@example.org"])
        link = re.search(r"http://testserver(/de/newsletter/confirm/\S+/)", confirmation.body)
        self.assertIsNotNone(link, confirmation.body)

        page = self.newsletter()
        mail.outbox.clear()
        self.send(page)
        self.assertEqual(self.mails_to("greta@example.org"), [])  # not confirmed yet
        NewsletterSending.objects.all().delete()

        response = self.client.post(link.group(1))  # the button of the link's page
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "greta@example.org")
        self.assertEqual(response["Content-Language"], "de")
        self.send(page)
        [message] = self.mails_to("greta@example.org")
        self.assertEqual(message.subject, "Neues aus der Partnerschaft")
        self.assertIn("From", message.extra_headers | {"From": message.from_email})
        self.assertRegex(
            message.extra_headers["List-Unsubscribe"],
            r"^<http://testserver/de/newsletter/unsubscribe/[\w-]+/>$",
        )
        self.assertEqual(
            message.extra_headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click"
        )
        [(html, mimetype)] = message.alternatives
        self.assertEqual(mimetype, "text/html")
        self.assertIn("Neues aus der Partnerschaft", html)
        # Links lead to the German pages, with the language prefix, absolute.
        self.assertIn('href="http://testserver/de/fachgruppen/nachhaltigkeit/"', html)
        self.assertIn("/de/newsletter/unsubscribe/", html)
        self.assertIn("http://testserver/de/fachgruppen/nachhaltigkeit/", message.body)

    def test_unconfirmed_subscriber_gets_nothing_and_a_dutch_one_gets_the_source(self):
        self.subscriber("onbevestigd@example.org", confirmed=False)
        self.subscriber("jan@example.org", "nl")
        self.send(self.newsletter())
        self.assertEqual(self.mails_to("onbevestigd@example.org"), [])
        [message] = self.mails_to("jan@example.org")
        self.assertEqual(message.subject, "Nieuws uit de jumelage")
        self.assertIn("http://testserver/nl/sectoren/duurzaamheid/", message.body)

    def test_german_reader_gets_the_dutch_source_while_it_is_not_translated(self):
        self.subscriber("greta@example.org", "de")
        self.send(self.newsletter(german=None))
        [message] = self.mails_to("greta@example.org")
        self.assertEqual(message.subject, "Nieuws uit de jumelage")

    def test_one_click_unsubscribe_without_login_and_the_next_newsletter_skips_them(self):
        jan = self.subscriber("jan@example.org")
        self.send(self.newsletter())
        [message] = self.mails_to("jan@example.org")
        url = message.extra_headers["List-Unsubscribe"].strip("<>").replace("http://testserver", "")
        client = Client(enforce_csrf_checks=True)
        page = client.get(url)
        self.assertContains(page, "<button")
        response = client.post(
            url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        self.assertEqual(response.status_code, 200)
        jan.refresh_from_db()
        self.assertIsNotNone(jan.unsubscribed_at)
        mail.outbox.clear()
        self.send(self.newsletter(title="Tweede nieuwsbrief", german=None, slug="tweede"))
        self.assertEqual(self.mails_to("jan@example.org"), [])
        self.assertEqual(Client().post("/nl/newsletter/unsubscribe/not-a-token/").status_code, 404)

    def test_sending_twice_sends_once(self):
        self.subscriber("jan@example.org")
        page = self.newsletter()
        self.send(page)
        self.send(page)
        sending.start_sending(page, self.editor)
        sending.send_newsletter.enqueue(str(page.translation_key))  # a worker's second run
        self.assertEqual(len(self.mails_to("jan@example.org")), 1)
        record = NewsletterSending.objects.get()
        self.assertEqual((record.sent_by, record.recipients), (self.editor, 1))
        self.assertIsNotNone(record.completed_at)

    def test_the_send_page_names_who_sent_it_never_by_a_staff_address(self):
        # It said "Verstuurd op … door redactie@example.org" of an editor without a name.
        page = self.newsletter()
        self.send(page)
        self.assertEqual(self.sent_by(page), "de redactie")  # the admin in Dutch
        self.editor.first_name, self.editor.last_name = "Ineke", "Mulder"
        self.editor.save()
        self.assertEqual(self.sent_by(page), "Ineke Mulder")

    def sent_by(self, page):
        """Who the send page says sent `page`: "Verstuurd op <when> door <who>."."""
        response = self.editor_client().get(f"/admin/newsletter/{page.pk}/")
        text = " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())
        return re.search(r"Verstuurd op .*? door (.*?)\.( |$)", text).group(1)

    def test_a_sending_whose_worker_died_is_finished_by_the_schedule_without_repeats(self):
        jan = self.subscriber("jan@example.org")
        self.subscriber("greta@example.org", "de")
        page = self.newsletter()
        # The worker queued Jan's email, then died before Greta's.
        NewsletterSending.objects.create(translation_key=page.translation_key, sent_by=self.editor)
        sending.send_to(jan, page, key=sending.recipient_key(page.translation_key, jan))
        later = timezone.now() + sending.UNFINISHED_AFTER * 2
        self.assertEqual(sending.finish_unfinished_sendings(later), 1)
        self.assertEqual(len(self.mails_to("jan@example.org")), 1)
        self.assertEqual(len(self.mails_to("greta@example.org")), 1)
        self.assertEqual(sending.finish_unfinished_sendings(later), 0)

    def test_audience_by_sector_town_and_language(self):
        anna = User.objects.create_user(
            "anna@example.org", PASSWORD, language="nl", town=self.steenwijkerland
        )
        bernd = User.objects.create_user(
            "bernd@example.org", PASSWORD, language="de", town=self.herzebrock
        )
        anna.memberships.create(sector_key=self.climate.translation_key)
        bernd.memberships.create(sector_key=self.farming.translation_key)
        for member in (anna, bernd):
            self.subscriber(member.email, user=member)
        self.subscriber("greta@example.org", "de")
        self.subscriber("jan@example.org", "nl", confirmed=False)

        def counts(**audience):
            page = NewsletterPage(title="x", **audience)
            page.translation_key = self.climate.translation_key  # any; only the audience counts
            return sending.counts_by_language(page)

        self.assertEqual(counts(audience=Audience.EVERYONE), {"nl": 1, "de": 2})
        self.assertEqual(
            counts(audience=Audience.SECTOR, audience_sector=self.climate_de), {"nl": 1, "de": 0}
        )
        german_town = self.herzebrock.get_translation(self.german)
        self.assertEqual(
            counts(audience=Audience.TOWN, audience_town=german_town), {"nl": 0, "de": 1}
        )
        self.assertEqual(
            counts(audience=Audience.LANGUAGE, audience_language="de"), {"nl": 0, "de": 2}
        )
        bernd.is_active = False  # blocked
        bernd.save()
        self.assertEqual(counts(audience=Audience.EVERYONE), {"nl": 1, "de": 1})

    def test_editor_sees_counts_previews_sends_a_test_then_sends(self):
        self.subscriber("jan@example.org", "nl")
        self.subscriber("greta@example.org", "de")
        page = self.newsletter()
        client = self.editor_client()
        edit = client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertContains(edit, f"/admin/newsletter/{page.pk}/")
        overview = client.get(f"/admin/newsletter/{page.pk}/")
        self.assertEqual(overview.status_code, 200)
        self.assertContains(overview, 'data-language="nl">1<')
        self.assertContains(overview, 'data-language="de">1<')
        preview = client.get(f"/admin/newsletter/{page.pk}/preview/?language=de")
        self.assertEqual(preview.status_code, 200)
        self.assertContains(preview, "Neues aus der Partnerschaft")
        self.assertContains(preview, 'href="http://testserver/de/fachgruppen/nachhaltigkeit/"')
        self.assertNotEqual(
            client.get(f"/admin/newsletter/{page.pk}/preview/?language=xx").status_code, 200
        )
        client.post(f"/admin/newsletter/{page.pk}/test/")
        tests = self.mails_to(self.editor.email)
        self.assertEqual(
            sorted(message.subject for message in tests),
            ["[Test] Neues aus der Partnerschaft", "[Test] Nieuws uit de jumelage"],
        )
        self.assertEqual(self.mails_to("jan@example.org"), [])
        self.assertFalse(NewsletterSending.objects.exists())

        unconfirmed = client.post(f"/admin/newsletter/{page.pk}/", {})
        self.assertEqual(unconfirmed.status_code, 302)
        self.assertFalse(NewsletterSending.objects.exists())
        self.send(page, client)
        self.assertEqual(len(self.mails_to("jan@example.org")), 1)
        self.assertEqual(len(self.mails_to("greta@example.org")), 1)
        self.assertContains(client.get(f"/admin/newsletter/{page.pk}/"), "redactie@example.org")

    def test_moderators_and_members_may_not_preview_test_or_send(self):
        self.subscriber("jan@example.org")
        page = self.newsletter()
        member = User.objects.create_user("lid@example.org", PASSWORD)
        for user in (self.moderator, member):
            client = Client()
            client.force_login(user)
            for path in ("", "preview/?language=nl"):
                response = client.get(f"/admin/newsletter/{page.pk}/{path}")
                # A moderator: not found, as an id no page has (jumelage/page_routes.py).
                self.assertIn(response.status_code, (302, 403, 404))
                self.assertNotIn(b"Neues aus der Partnerschaft", response.content)
            self.send(page, client)
            client.post(f"/admin/newsletter/{page.pk}/test/")
        self.assertEqual(mail.outbox, [])
        self.assertFalse(NewsletterSending.objects.exists())

    def test_repeated_subscribing_answers_the_same_and_sends_at_most_one_confirmation(self):
        self.subscriber("jan@example.org")
        answers = []
        for email in ("nieuw@example.org", "nieuw@example.org", "jan@example.org"):
            response = self.client.post("/nl/newsletter/", {"email": email, "consent": "on"})
            answers.append(response.content.decode().replace(email, "ADDRESS"))
        self.assertEqual(len(set(answers)), 1)
        self.assertEqual([message.to for message in mail.outbox], [["nieuw@example.org"]])

    def test_editors_see_the_subscribers_and_delete_one_who_asks_and_nobody_is_added_there(self):
        self.subscriber("jan@example.org")
        leaving = self.subscriber("wil-weg@example.org", language="de")
        client = self.editor_client()
        listing = client.get("/admin/newsletter_subscribers/").content.decode()
        self.assertIn("jan@example.org", listing)
        self.assertIn("wil-weg@example.org", listing)
        client.post(f"/admin/newsletter_subscribers/delete/{leaving.pk}/")
        self.assertFalse(NewsletterSubscriber.objects.filter(pk=leaving.pk).exists())
        client.post("/admin/newsletter_subscribers/new/", {"email": "x@example.org"})
        self.assertFalse(NewsletterSubscriber.objects.filter(email="x@example.org").exists())

    def test_an_address_nobody_confirmed_is_forgotten_once_the_link_has_expired(self):
        self.client.post("/nl/newsletter/", {"email": "vreemd@example.org", "consent": "on"})
        self.subscriber("jan@example.org")  # confirmed: stays
        later = timezone.now() + datetime.timedelta(days=7, hours=1)
        self.assertEqual(run_due_jobs(later)[0]["newsletter-unconfirmed"], 1)
        self.assertEqual(
            list(NewsletterSubscriber.objects.values_list("email", flat=True)),
            ["jan@example.org"],
        )

    @override_settings(PAGE_CACHE_SECONDS=300)
    def test_visitor_subscribes_with_csrf_through_the_page_cache(self):
        client = Client(enforce_csrf_checks=True)
        for _attempt in range(2):
            form = client.get("/nl/newsletter/")
            self.assertNotEqual(form.get("X-Page-Cache"), "hit")
        token = BeautifulSoup(form.content, "html.parser").find(
            "input", attrs={"name": "csrfmiddlewaretoken"}
        )["value"]
        response = client.post(
            "/nl/newsletter/",
            {"email": "jan@example.org", "consent": "on", "csrfmiddlewaretoken": token},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(mail.outbox), 1)

    def test_a_broken_confirmation_link_confirms_nothing(self):
        self.client.post("/nl/newsletter/", {"email": "jan@example.org", "consent": "on"})
        link = re.search(r"/nl/newsletter/confirm/(\S+)/", mail.outbox[0].body).group(1)
        response = self.client.get(f"/nl/newsletter/confirm/{link}x/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "/nl/newsletter/", status_code=404)
        self.assertIsNone(NewsletterSubscriber.objects.get().confirmed_at)

    def test_form_keeps_what_was_typed_and_asks_for_consent(self):
        response = self.client.post("/nl/newsletter/", {"email": "jan@example.org"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'value="jan@example.org"')
        self.assertContains(response, "field--error")
        self.assertFalse(NewsletterSubscriber.objects.exists())

    def test_archive_lists_sent_newsletters_only_and_unsent_ones_are_not_public(self):
        page = self.newsletter()
        path = "/nl/nieuwsbrieven/nieuws/"
        self.assertEqual(self.client.get(path).status_code, 404)
        self.assertIsNone(page.url)
        self.assertNotContains(self.client.get("/nl/nieuwsbrieven/"), "Nieuws uit de jumelage")
        self.assertNotContains(self.client.get("/sitemap.xml"), "nieuwsbrieven/nieuws/")
        self.assertEqual(NewsletterPage.objects.unsent().count(), 2)  # Dutch and German
        self.send(page)
        self.assertContains(self.client.get("/sitemap.xml"), "/nl/nieuwsbrieven/nieuws/")
        self.assertContains(self.client.get("/nl/nieuwsbrieven/"), "Nieuws uit de jumelage")
        self.assertContains(
            self.client.get("/de/newsletter-archiv/"), "Neues aus der Partnerschaft"
        )
        self.assertContains(self.client.get(path), "Op de fiets")
        self.assertFalse(NewsletterPage.objects.unsent().exists())

    def test_editor_writes_a_newsletter_in_the_admin_and_must_name_its_sector(self):
        client = self.editor_client()
        data = nested_form_data(
            {
                "title": "Klimaatnieuws",
                "slug": "klimaatnieuws",
                "intro": "Voor de klimaatgemeenschap.",
                "body": streamfield([("heading", {"text": "Zonnepanelen", "level": "h2"})]),
                "audience": Audience.SECTOR,
                "audience_sector": "",
                "audience_town": "",
                "audience_language": "",
            }
        )
        add = f"/admin/pages/add/community/newsletterpage/{self.archive.pk}/"
        response = client.post(add, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(NewsletterPage.objects.exists())
        data["audience_sector"] = str(self.climate.pk)
        response = client.post(add, data)
        self.assertEqual(response.status_code, 302)
        page = NewsletterPage.objects.get(slug="klimaatnieuws", locale=self.dutch)
        self.assertEqual(page.audience_sector, self.climate)
        self.assertFalse(page.is_sent())
        # Its German alias (locale synchronisation) mirrors the source: German readers would get
        # the source until it is translated.
        alias = NewsletterPage.objects.get(slug="klimaatnieuws", locale=self.german)
        self.assertEqual(alias.alias_of_id, page.pk)
        self.assertEqual(sending.version_for(alias, "de"), page)

    def test_a_copy_of_a_sent_newsletter_is_unsent(self):
        page = self.newsletter()
        self.send(page)
        copy = page.copy(update_attrs={"slug": "kopie", "title": "Kopie"})
        self.assertTrue(page.is_sent())
        self.assertFalse(copy.specific.is_sent())


class MemberNewsletterTests(NewsletterMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_newsletter()
        cls.anna = User.objects.create_user(
            "anna@example.org", PASSWORD, display_name="Anna", language="de"
        )

    def profile(self, **data):
        return self.client.post(
            "/nl/members/profile/",
            {"display_name": "Anna", "language": "de", "town": "", **data},
        )

    def test_member_opts_in_on_profile_without_confirmation_and_it_is_in_the_export(self):
        self.client.force_login(self.anna)
        self.profile(newsletter="on")
        subscription = NewsletterSubscriber.objects.get(user=self.anna)
        self.assertTrue(subscription.receives)
        self.assertIsNotNone(subscription.consented_at)
        self.assertEqual(mail.outbox, [])
        form = BeautifulSoup(self.client.get("/nl/members/profile/").content, "html.parser")
        self.assertTrue(form.find("input", attrs={"name": "newsletter"}).has_attr("checked"))

        self.send(self.newsletter())
        [message] = self.mails_to("anna@example.org")
        self.assertEqual(message.subject, "Neues aus der Partnerschaft")

        self.profile()
        subscription.refresh_from_db()
        self.assertIsNotNone(subscription.unsubscribed_at)
        export = json.loads(self.client.get("/nl/members/my-data/").content)
        self.assertEqual(
            export["newsletter"]["consented_at"], subscription.consented_at.isoformat()
        )
        self.assertEqual(
            export["newsletter"]["unsubscribed_at"], subscription.unsubscribed_at.isoformat()
        )
        self.assertIsNotNone(export["newsletter"]["confirmed_at"])

    def test_a_member_who_changed_address_gets_it_at_the_new_one_and_the_old_controls_nothing(
        self,
    ):
        """Outsider's pass: the subscription followed the address it was made with."""
        self.client.force_login(self.anna)
        self.profile(newsletter="on")
        self.anna.email = "anna.nieuw@example.org"
        self.anna.save()
        self.profile()  # opts out
        mail.outbox.clear()
        # Someone types her current address: the confirmation goes there, to be confirmed by
        # whoever reads that mailbox, never to the address she left.
        Client().post("/nl/newsletter/", {"email": "anna.nieuw@example.org", "consent": "on"})
        self.assertEqual([m.to for m in mail.outbox], [["anna.nieuw@example.org"]])
        self.assertFalse(NewsletterSubscriber.objects.get(user=self.anna).receives)
        # Her former address is free for a visitor of its own, and for another member's opt-in.
        other = User.objects.create_user("anna@example.org", PASSWORD, display_name="Andere")
        self.client.force_login(other)
        self.client.post(
            "/nl/members/profile/", {"display_name": "Andere", "language": "nl", "newsletter": "on"}
        )
        self.assertTrue(NewsletterSubscriber.objects.get(user=other).receives)
        mail.outbox.clear()
        self.send(self.newsletter())
        self.assertEqual([m.to for m in mail.outbox], [["anna@example.org"]])

    def test_opting_out_on_the_profile_ends_every_subscription_that_reaches_the_member(self):
        """Outsider's pass: a visitor's subscription at her address kept coming."""
        self.subscriber("anna@example.org")  # subscribed as a visitor before she joined
        self.client.force_login(self.anna)
        self.profile(newsletter="on")
        self.send(self.newsletter())
        self.assertEqual(len(self.mails_to("anna@example.org")), 1)  # one mailbox, one copy
        self.profile()
        mail.outbox.clear()
        self.send(self.newsletter(title="Tweede", german=None, slug="tweede"))
        self.assertEqual(self.mails_to("anna@example.org"), [])

    def test_deleting_the_account_ends_the_newsletter_the_member_page_showed(self):
        """Outsider's pass: a visitor's subscription at her address outlived her account."""
        self.subscriber("anna@example.org")
        self.client.force_login(self.anna)
        self.client.post(
            "/nl/members/delete/", {"password": PASSWORD, "confirm": "on"}, follow=True
        )
        self.assertFalse(User.objects.filter(pk=self.anna.pk).exists())
        self.assertFalse(NewsletterSubscriber.objects.exists())


class NewsletterLinkTests(NewsletterMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_newsletter()

    def subscribe(self):
        mail.outbox.clear()
        Client().post("/nl/newsletter/", {"email": "jan@example.org", "consent": "on"})
        [message] = mail.outbox
        return re.search(r"https?://\S+/newsletter/confirm/\S+/", message.body).group(0)

    def leave(self):
        jan = NewsletterSubscriber.objects.get(email="jan@example.org")
        Client().post(f"/nl/newsletter/unsubscribe/{jan.token}/")
        return jan

    def test_a_visitor_who_left_subscribes_again_at_once_and_an_old_link_does_not(self):
        """Newcomer walk: no confirmation came within 15 minutes of the first; outsider's pass:
        the first link signed them up again after they left."""
        first = self.subscribe()
        self.assertContains(Client().post(first), "jan@example.org")
        self.leave()
        self.assertEqual(Client().get(first).status_code, 404)
        self.assertEqual(Client().post(first).status_code, 404)
        self.assertFalse(NewsletterSubscriber.objects.get(email="jan@example.org").receives)
        second = self.subscribe()  # minutes later
        self.assertEqual(Client().post(second).status_code, 200)
        self.assertTrue(NewsletterSubscriber.objects.get(email="jan@example.org").receives)

    def test_an_unsubscribe_link_followed_again_says_it_is_done(self):
        Client().post(self.subscribe())
        jan = self.leave()
        page = Client().get(f"/nl/newsletter/unsubscribe/{jan.token}/").content.decode()
        self.assertIn("U bent afgemeld", page)
        self.assertNotIn("<form", page.split("<main", 1)[1])

    def test_a_private_newsletter_is_neither_sent_nor_listed(self):
        """Outsider's pass: a newsletter with a privacy setting went to every subscriber."""
        self.subscriber("jan@example.org")
        page = self.newsletter(title="Besloten", german=None, slug="besloten")
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        response = self.send(page)
        self.assertEqual(mail.outbox, [])
        self.assertFalse(NewsletterSending.objects.exists())
        NewsletterSending.objects.create(translation_key=page.translation_key)  # sent before
        self.assertNotContains(Client().get("/nl/nieuwsbrieven/"), "Besloten")
        self.assertEqual(response.status_code, 302)

    def test_the_send_pages_warnings_and_note_carry_wagtails_icon(self):
        unsent = self.newsletter(title="Besloten", german=None, slug="besloten")
        PageViewRestriction.objects.create(page=unsent, restriction_type=PageViewRestriction.LOGIN)
        unsent.unpublish()
        client = self.editor_client()
        send_page = client.get(f"/admin/newsletter/{unsent.pk}/")
        assert_help_blocks_show_their_icon(self, send_page, 2)  # not published, private
        sent = self.newsletter()
        self.send(sent, client)
        assert_help_blocks_show_their_icon(self, client.get(f"/admin/newsletter/{sent.pk}/"), 1)

    def test_the_subscribe_page_leads_to_the_archive(self):
        """Newcomer walk: the subscribe page was a dead end."""
        page = BeautifulSoup(Client().get("/de/newsletter/").content, "html.parser")
        link = page.find("a", string="Die bisher erschienenen Newsletter lesen")
        self.assertEqual(link["href"], "/de/newsletter-archiv/")

    def test_the_subscribe_pages_breadcrumbs_start_at_the_home_page_as_every_pages_do(self):
        # Found by the newcomer's walk: they began at the archive ("Newsletter › Newsletter
        # abonnieren"), without the home page every other page's breadcrumbs start with.
        for address, home, archive in (
            ("/de/newsletter/", "/de/", "/de/newsletter-archiv/"),
            ("/nl/newsletter/", "/nl/", "/nl/nieuwsbrieven/"),
        ):
            with self.subTest(address=address):
                page = BeautifulSoup(Client().get(address).content, "html.parser")
                trail = page.select_one("nav.breadcrumbs")
                self.assertEqual([a["href"] for a in trail.select("a")], [home, archive])
                self.assertEqual(trail["lang"], address[1:3])
                self.assertIsNotNone(trail.select_one("[aria-current=page]"))

    def test_the_subscribe_pages_last_breadcrumb_is_its_heading_and_title(self):
        # The trail ended in "Newsletter abonnieren" above the heading "Newsletter", the name of
        # the archive it had just passed (walk of 2026-12-06, W14): as on every other page, the
        # last breadcrumb names the page its heading and title name.
        for address, name in (
            ("/nl/newsletter/", "Abonneren op de nieuwsbrief"),
            ("/de/newsletter/", "Newsletter abonnieren"),
        ):
            with self.subTest(address=address):
                page = BeautifulSoup(Client().get(address).content, "html.parser")
                current = page.select_one("nav.breadcrumbs [aria-current=page]")
                self.assertEqual(current.get_text(strip=True), name)
                self.assertEqual(page.h1.get_text(strip=True), name)
                self.assertTrue(page.title.get_text().startswith(f"{name} · "))


class NewcomerWalkTests(NewsletterMixin, TestCase):
    """Issue 15, outward communication: what a newcomer walk found in the newsletter."""

    @classmethod
    def setUpTestData(cls):
        cls.build_newsletter()
        cls.editor_de = User.objects.create_user("redaktion@example.org", PASSWORD)
        cls.editor_de.groups.add(Group.objects.get(name=EDITOR_GROUPS[1]))
        profile = UserProfile.get_for_user(cls.editor_de)
        profile.preferred_language = "de"
        profile.save()

    def german_editor_client(self):
        client = Client()
        client.force_login(self.editor_de)
        return client

    def translated_with_localize(self, page):
        """The German translation as wagtail-localize makes it: edited in its translation
        editor, which shows no page header buttons."""
        source, _new = TranslationSource.get_or_create_from_instance(page)
        translation = Translation.objects.create(source=source, target_locale=self.german)
        with self.captureOnCommitCallbacks(execute=True):
            translation.save_target(publish=True)
        return page.get_translation(self.german)

    def test_german_editor_sends_the_newsletter_from_the_german_version(self):
        """Newcomer walk: "Send newsletter" was reachable from the Dutch page only."""
        self.subscriber("jan@example.org", "nl")
        self.subscriber("greta@example.org", "de")
        page = self.newsletter(german=None)
        german = self.translated_with_localize(page)
        client = self.german_editor_client()
        send_url = f"/admin/newsletter/{german.pk}/"
        explorer = BeautifulSoup(
            client.get(f"/admin/pages/{self.archive_de.pk}/").content, "html.parser"
        )
        link = explorer.find("a", href=send_url)
        self.assertIsNotNone(link, "no “Newsletter senden” in the German newsletter's menu")
        self.assertEqual(link.get_text(" ", strip=True), "Newsletter senden")

        send_page = client.get(send_url)
        self.assertContains(send_page, 'data-language="nl">1<')
        self.assertContains(send_page, 'data-language="de">1<')
        self.assertContains(send_page, f"/admin/pages/{german.pk}/edit/")  # back to it
        self.send(german, client)
        self.assertEqual(len(self.mails_to("jan@example.org")), 1)
        [message] = self.mails_to("greta@example.org")
        self.assertEqual(message.subject, german.title)

    def test_a_test_email_is_what_subscribers_get_with_links_that_say_what_they_do(self):
        """Newcomer walk: the test's unsubscribe link led to the subscribe page, and it lacked
        the line to read the newsletter on the site."""
        page = self.newsletter()
        client = self.editor_client()
        client.post(f"/admin/newsletter/{page.pk}/test/")
        dutch = next(m for m in self.mails_to(self.editor.email) if "Nieuws uit" in m.subject)
        self.assertIn(
            "Lees deze nieuwsbrief op de site: http://testserver/nl/nieuwsbrieven/nieuws/\n"
            "Test: dit adres werkt zodra de nieuwsbrief is verstuurd.",
            dutch.body,
        )
        [(html, _mimetype)] = dutch.alternatives
        self.assertIn('href="http://testserver/nl/nieuwsbrieven/nieuws/"', html)
        # The editor gets no newsletter: no unsubscribe link, a note where subscribers find it.
        self.assertNotIn("/newsletter/", dutch.body.replace("/nieuwsbrieven/nieuws/", ""))
        self.assertNotIn("/newsletter/", html.replace("/nieuwsbrieven/nieuws/", ""))
        self.assertIn("deze test heeft zo'n link niet", dutch.body)
        self.assertNotIn("List-Unsubscribe", dutch.extra_headers)

        # Subscribed, the editor finds their own link, and it says so; once the newsletter is
        # sent, its address works and the note is gone.
        subscriptions.set_member_subscription(self.editor, True)
        token = NewsletterSubscriber.objects.get(user=self.editor).token
        self.send(page, client)
        mail.outbox.clear()
        client.post(f"/admin/newsletter/{page.pk}/test/")
        german = next(m for m in self.mails_to(self.editor.email) if "Neues aus" in m.subject)
        self.assertIn(
            f"Abmelden: http://testserver/de/newsletter/unsubscribe/{token}/", german.body
        )
        self.assertIn("Test: Der Abmeldelink ist Ihr eigener", german.body)
        self.assertNotIn("sobald der Newsletter gesendet ist", german.body)
        self.assertIn("Diesen Newsletter auf der Website lesen: http://testserver/de/", german.body)
        [(html, _mimetype)] = german.alternatives
        self.assertIn(f"/de/newsletter/unsubscribe/{token}/", html)

    def test_editors_filter_the_subscribers_by_status_and_kind_in_their_language(self):
        """Newcomer walk: the subscriber list could not show who is still waiting."""
        anna = User.objects.create_user("anna@example.org", PASSWORD, language="de")
        subscriptions.set_member_subscription(anna, True)
        self.subscriber("jan@example.org")
        self.subscriber("wacht@example.org", confirmed=False)
        self.subscriber("weg@example.org", unsubscribed_at=timezone.now())
        client = self.german_editor_client()

        def listed(**query):
            response = client.get("/admin/newsletter_subscribers/", query)
            self.assertEqual(response.status_code, 200)
            soup = BeautifulSoup(response.content, "html.parser")
            return {row.td.a.get_text(strip=True) for row in soup.select("tbody tr")}

        self.assertEqual(listed(status="waiting"), {"wacht@example.org"})
        self.assertEqual(listed(status="unsubscribed"), {"weg@example.org"})
        self.assertEqual(listed(status="receives"), {"jan@example.org", "anna@example.org"})
        self.assertEqual(listed(kind="member"), {"anna@example.org"})
        self.assertEqual(listed(kind="visitor", status="receives"), {"jan@example.org"})
        filters = client.get("/admin/newsletter_subscribers/").content.decode()
        for label in ("Wartet auf Bestätigung", "Aktiv", "Abgemeldet", "Abonniert als"):
            self.assertIn(label, filters)

    def test_german_admin_calls_subscribers_abonnenten_everywhere(self):
        """Newcomer walk: "Abonnenten" here, "Abonnierende" and "Abonnentinnen" there."""
        client = self.german_editor_client()
        add = client.get(f"/admin/pages/add/community/newsletterpage/{self.archive.pk}/")
        page = add.content.decode()
        self.assertIn("Alle Abonnenten", page)
        self.assertIn("Abonnenten, die eine Sprache lesen", page)
        # The menu, short enough for the sidebar (its page is headed "Newsletter-Abonnenten").
        self.assertIn('"label": "Abonnenten"', page)
        self.assertNotIn("Abonnierende", page)
        self.assertNotIn("Abonnentinnen", page)

    def test_header_and_footer_newsletter_links_name_where_they_lead(self):
        """Newcomer walk: "Newsletter" in the header led to the archive, in the footer to the
        subscribe form."""
        for archive in (self.archive, self.archive_de):
            archive.show_in_menus = True
            archive.save_revision().publish()
        home = BeautifulSoup(self.client.get("/de/").content, "html.parser")
        places = {}
        for link in home.select("header a, footer a"):
            places.setdefault(link.get_text(" ", strip=True), set()).add(link["href"])
        self.assertEqual(places["Newsletter"], {"/de/newsletter-archiv/"})
        self.assertEqual(places["Newsletter abonnieren"], {"/de/newsletter/"})

    def test_the_consent_error_is_under_the_box_and_keeps_the_address(self):
        """Newcomer walk: the error stood beside the consent text, away from the box."""
        response = self.client.post("/nl/newsletter/", {"email": "jan@example.org"})
        form = BeautifulSoup(response.content, "html.parser").find("main").find("form")
        self.assertEqual(form.find("input", attrs={"name": "email"})["value"], "jan@example.org")
        box = form.find("input", attrs={"name": "consent"})
        [error] = [form.find(id=name) for name in box["aria-describedby"].split()]
        self.assertEqual(
            error.get_text(strip=True), "Vink het vakje aan als u de nieuwsbrief wilt ontvangen."
        )
        # Not in the row of the box and its text (a row side by side), but after it.
        self.assertNotIn(error, box.parent.find_all("div"))
        self.assertIn(error, box.parent.find_next_siblings())
