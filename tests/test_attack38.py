"""Attack 38: what still passed the display names' check, the online links' look-alike check and
the GIF metadata stripper."""

from django.core.exceptions import ValidationError
from django.test import SimpleTestCase
from wagtail.images import get_image_model

from community.models import User
from home.image_metadata import without_metadata
from home.validators import validate_join_link
from tests.security.test_reports import ReportAbuseTestCase
from tests.test_display_names import DisplayNameTests
from tests.test_gif_metadata import SECRET, GifMetadataTests, animation, frames_of, sub_blocks

STAFF_MESSAGE = "Deze naam klinkt als de redactie van de stichtingen of een gemeente."
TAKEN_MESSAGE = "Een ander lid gebruikt deze naam al."


class InvisibleAndLookAlikeNameTests(DisplayNameTests):
    def test_invisible_characters_and_punctuation_do_not_hide_a_staff_word(self):
        for name in (
            "Redac\u200dtie",  # zero-width joiner
            "Redac\u200ctie",  # zero-width non-joiner
            "Moderat\u00adie",  # soft hyphen
            "Redac\u034ftie",  # combining grapheme joiner
            "Re-dactie",
            "R e d a c t i e",
            "Re.dactie",
            "adm\u200din",
        ):
            with self.subTest(name=name):
                self.assert_refused(self.signup(name), STAFF_MESSAGE, name)

    def test_digits_and_small_capitals_that_read_as_letters_do_not_hide_a_staff_word(self):
        for name in ("R3dacti3", "Moderat0r", "W3bmaster", "\u0280edactie", "\u0262emeente"):
            with self.subTest(name=name):
                self.assert_refused(self.signup(name), STAFF_MESSAGE, name)

    def test_an_invisible_filler_does_not_make_another_members_name_new(self):
        # A Hangul filler is a letter to Python (isalnum) and shows as nothing.
        for name in ("Anna\u3164", "Anna\u115f", "Anna\uffa0"):
            with self.subTest(name=name):
                response = self.signup(name)
                self.assertFalse(User.objects.filter(email="carla@example.org").exists())
                self.assertContains(response, TAKEN_MESSAGE)

    def test_look_alike_letters_of_one_alphabet_are_another_members_name(self):
        for name, message in (
            # A staff member's name (the editor Marieke Hoekstra) is the staff's.
            ("Mar\u0131eke Hoekstra", STAFF_MESSAGE),  # dotless ı
            ("Marieke H0ekstra", STAFF_MESSAGE),  # zero for O
            ("MARIEKE H0EKSTRA", STAFF_MESSAGE),
            ("Mari\u00e9ke Hoekstra", STAFF_MESSAGE),
            ("\u1d00nna", TAKEN_MESSAGE),  # small capital A
            ("Anna\u0301", TAKEN_MESSAGE),  # a combining accent
        ):
            with self.subTest(name=name):
                response = self.signup(name)
                self.assertFalse(User.objects.filter(email="carla@example.org").exists())
                self.assertContains(response, message)

    def test_a_name_wholly_in_another_alphabet_that_reads_as_a_members_is_hers(self):
        # Greek capitals that are Latin ones to the eye; Cyrillic likewise ("ТНОМАЅ").
        for name in ("\u0391\u039d\u039d\u0391",):
            with self.subTest(name=name):
                response = self.signup(name)
                self.assertFalse(User.objects.filter(email="carla@example.org").exists())
                self.assertContains(response, TAKEN_MESSAGE)
        # A Greek or Cyrillic name of its own is a name.
        for name in ("Γιώργος", "Олександр"):
            self.signup(name)
            User.objects.get(email="carla@example.org").delete()

    def test_a_name_of_nothing_one_sees_is_no_name(self):
        # Her byline would show nothing ("<nothing>, lid"), as if the site wrote it.
        for name in ("\u3164", "\u00ad", "\u200d\u200d", "\u0301", "\u034f", "\u115f\u1160"):
            with self.subTest(name=name):
                self.assert_refused(self.signup(name), "Dit is een verplicht veld.", name)

    def test_residents_names_are_still_names(self):
        for name in (
            "Jan van der Berg",
            "Ömer Çelik",
            "Fatma Yılmaz",
            "Grzegorz Brzęczyszczykiewicz",
            "Юлія Коваленко",
            "عبد الله",
            "Hans Müller-Lüdenscheidt",
            "Maarten 't Hart",
            "Adminah",
            "Anna B.",
            "Ilse",
        ):
            with self.subTest(name=name):
                self.signup(name)
                user = User.objects.get(email="carla@example.org")
                self.assertEqual(user.display_name, name)
                user.delete()


class JoinLinkLabelTests(SimpleTestCase):
    def test_a_label_python_cannot_decode_does_not_turn_off_the_check_of_the_others(self):
        # xn--zca is "ß", which Python's IDNA 2003 codec maps to "ss" and so cannot decode;
        # browsers (UTS 46) go there. The whole host was then checked as ASCII.
        for link in (
            "https://xn--zm-jbca.us.xn--zca.de/j/1",
            "https://xn--zm-jbca.xn--strae-oqa.de/j/1",
        ):
            with self.subTest(link=link):
                with self.assertRaises(ValidationError) as raised:
                    validate_join_link(link)
                self.assertEqual(raised.exception.code, "lookalike_host")

    def test_a_link_may_not_turn_the_direction_of_what_it_shows(self):
        with self.assertRaises(ValidationError):
            validate_join_link("https://zoom.us/j/1\u202e/su.mooz//:sptth")

    def test_a_platforms_link_with_a_sharp_s_is_a_link(self):
        validate_join_link("https://xn--strae-oqa.de/treffen")


# What a program hid elsewhere than in a comment or XMP block (which the safety net of
# `without_metadata`, Pillow's reading of them, would catch as well).
HIDDEN = b"Home: Kerkstraat 12, Giethoorn"


class GifBlocksTests(SimpleTestCase):
    def inject(self, block):
        data = animation()
        first = data.index(b"\x21")
        return data[:first] + block + data[first:]

    def test_data_in_blocks_the_stripper_kept_goes(self):
        blocks = {
            "plain text": b"\x21\x01\x0c" + bytes(12) + sub_blocks(HIDDEN),
            "unknown label": b"\x21\x99" + sub_blocks(HIDDEN),
            "graphic control with more": b"\x21\xf9\x04\x00\x0a\x00\x00" + sub_blocks(HIDDEN),
            "loop with more": b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00" + sub_blocks(HIDDEN),
            "loop's name as a prefix": b"\x21\xff"
            + bytes((11 + len(HIDDEN),))
            + b"NETSCAPE2.0"
            + HIDDEN
            + b"\x00",
        }
        for name, block in blocks.items():
            with self.subTest(block=name):
                data = self.inject(block)
                cleaned = without_metadata(data)
                self.assertIsNotNone(cleaned)
                self.assertNotIn(HIDDEN, cleaned)
                self.assertEqual(frames_of(cleaned), frames_of(animation()))


class OneMailboxReportTests(ReportAbuseTestCase):
    """The accounts of one mailbox are one reporter (attack 37): Gmail reads no dots in a name
    and googlemail.com is gmail.com; a domain is the same with a dot at its end and in its
    Unicode or xn-- spelling."""

    def assert_one_reporter(self, *addresses):
        for number, address in enumerate(addresses):
            member = self.known_member(address, f"Lid {number}")
            self.report(client=self.as_member(member))
        self.assertTrue(self.live())

    def test_gmails_dots_make_no_new_mailbox(self):
        self.assert_one_reporter(
            "sybil.one@gmail.com", "sybilone@gmail.com", "S.y.b.i.l.o.n.e@googlemail.com"
        )

    def test_a_domains_other_spellings_make_no_new_mailbox(self):
        self.assert_one_reporter(
            "sybil@b\u00ebwoners.example",
            "sybil@xn--bwoners-b1a.example",
            "sybil@bëwoners.example.",
        )

    def test_three_members_still_hide_it(self):
        self.assert_one_reporter("sybil.one@gmail.com", "sybil.two@gmail.com")
        self.report(client=self.as_member(self.known_member("sybil@example.org", "Lid 3")))
        self.assertFalse(self.live())


class DamagedGifUploadTests(GifMetadataTests):
    """A GIF whose blocks cannot be followed is drawn again; one Pillow cannot draw either (its
    last frame cut short) was stored as uploaded, its comment and XMP block and all."""

    def test_a_gif_cut_inside_its_last_frame_is_not_stored_with_its_comment(self):
        data = animation()
        cut = data[:-6]  # into the last frame's picture
        response = self.upload(cut)
        if response.status_code == 302:
            image = get_image_model().objects.get(title="Fietstocht")
            with image.file.open() as stored:
                kept = stored.read()
            self.assertNotIn(SECRET, kept)
            self.assertNotIn(b"XMP DataXMP", kept)
