"""Attack 43: findings of an outside tester (caches, translation overrides, foundation settings,
accounts). Each test failed until its finding was fixed."""

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from tests.security.test_accounts import PASSWORD, AccountsTestCase
from tests.test_translation_choices import ChoicesInTheTranslationEditor
from tests.test_translation_editor import TranslationEditorTestCase

Image = get_image_model()


class PasswordGuessesShareOneBudgetTests(AccountsTestCase):
    """F1. Whoever has a member's session (a shared computer) may guess her password where the
    site asks for it again before a change: the confirmation (allauth's reauthentication) is held
    to five tries in five minutes and twenty a day, as the login holds them (attack 42's review).
    Two other forms check the same password for the same session: the password change form's
    "current password" (allauth's own limit, 5 a minute: 7,200 a day) and the account deletion's
    (10 an hour: 240 a day). On `make run`, after the confirmation answered 429, the change form
    still took five guesses a minute and the deletion ten an hour; a right guess there changes
    her password at once, or tells the guesser the one the confirmation asks for. Every check of
    her password by a session counts against the confirmation's one budget."""

    def setUp(self):
        self.client.force_login(self.anna)

    def used_up_the_confirmation(self):
        answers = [
            self.client.post("/nl/accounts/reauthenticate/", {"password": f"fout-{n}"})
            for n in range(6)
        ]
        self.assertEqual(answers[5].status_code, 429)

    def change_password(self, current):
        new = "een-ander-lang-wachtwoord"
        return self.client.post(
            "/nl/accounts/password/change/",
            {"oldpassword": current, "password1": new, "password2": new},
        )

    def test_the_password_change_form_takes_no_guess_once_they_are_used_up(self):
        self.used_up_the_confirmation()
        self.assertEqual(self.change_password("nog-een-gok").status_code, 429)
        answer = self.change_password(PASSWORD)
        self.assertEqual(answer.status_code, 429)
        self.anna.refresh_from_db()
        self.assertTrue(self.anna.check_password(PASSWORD))

    def test_the_account_deletion_takes_no_guess_once_they_are_used_up(self):
        self.used_up_the_confirmation()
        answer = self.client.post(
            "/nl/members/delete/", {"confirm": "on", "password": "nog-een-gok"}
        )
        self.assertEqual(answer.status_code, 429)

    def test_guesses_at_the_change_form_use_up_the_confirmation(self):
        answers = [self.change_password(f"fout-{n}") for n in range(5)]
        self.assertEqual([answer.status_code for answer in answers], [200] * 5)
        answer = self.client.post("/nl/accounts/reauthenticate/", {"password": PASSWORD})
        self.assertEqual(answer.status_code, 429)

    def test_a_member_who_knows_her_password_changes_it(self):
        answer = self.change_password(PASSWORD)
        self.assertEqual(answer.status_code, 302)
        self.anna.refresh_from_db()
        self.assertTrue(self.anna.check_password("een-ander-lang-wachtwoord"))


class ChosenObjectDeletedAfterTheOverride(TranslationEditorTestCase):
    """F2. The German editor gave the German page a photo (or a button's page) of its own in the
    translation editor: an image she may choose, so it is stored. Later the photo is deleted (the
    image's usage does not count the override: wagtail-localize's overrides are not in Wagtail's
    reference index), and every publish of the German translation from then on was a server
    error (wagtail-localize looks the stored id up: Image.DoesNotExist), as for an id that was no
    object's when sent (attack 41, F2), until someone found and replaced the override. The
    override goes with what it names: the translation takes the source's choice again."""

    # Attack 41's ways of giving the German button a page of its own, and of sending an override.
    button_to = ChoicesInTheTranslationEditor.button_to
    put = ChoicesInTheTranslationEditor.put
    german_button_page = ChoicesInTheTranslationEditor.german_button_page

    def german_photo_override(self):
        dutch, german = (Image.objects.create(title=t, file=get_test_image_file()) for t in "NG")
        about = self.about.specific
        about.body = [
            {"type": "image", "value": {"image": dutch.pk, "caption": "", "alt_text": "Dorp"}}
        ]
        about.save_revision().publish()
        source, _created = TranslationSource.update_or_create_from_instance(about)
        segment = OverridableSegment.objects.get(source=source, context__path__endswith=".image")
        translation = source.translations.get(target_locale=self.german)
        response = self.put(translation, segment, str(german.pk))
        self.assertIn(response.status_code, (200, 201))
        return translation, segment, dutch, german

    def german_photo(self):
        about = Page.objects.get(pk=self.about_de.pk).specific
        [block] = [block for block in about.body if block.block_type == "image"]
        return block.value["image"]

    def test_the_german_page_publishes_after_its_own_photo_was_deleted(self):
        translation, segment, dutch, german = self.german_photo_override()
        german.delete()
        translation.save_target(user=self.editor_de, publish=True)
        self.assertEqual(self.german_photo().pk, dutch.pk)
        self.assertFalse(SegmentOverride.objects.filter(context=segment.context).exists())

    def test_the_german_page_publishes_after_its_buttons_own_page_was_deleted(self):
        extra = self.add_page(title="Extra", slug="extra")
        translation, segment = self.button_to(self.calendar)
        response = self.put(translation, segment, str(extra.pk))
        self.assertIn(response.status_code, (200, 201))
        Page.objects.get(pk=extra.pk).delete()
        translation.save_target(user=self.editor_de, publish=True)
        self.assertEqual(self.german_button_page().pk, self.calendar.pk)

    def test_an_override_of_another_object_with_that_id_stays(self):
        # Deleting another photo leaves her override as it is.
        translation, segment, dutch, german = self.german_photo_override()
        other = Image.objects.create(title="Ander", file=get_test_image_file())
        other.delete()
        self.assertTrue(SegmentOverride.objects.filter(context=segment.context).exists())
