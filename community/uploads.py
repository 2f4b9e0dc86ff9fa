"""Photos from members, made safe before anything is stored.

Wagtail's image field has already read the type from the content and checked the file size. A
photo is taken for what it is, whatever its name says (a PNG named `.jpg` is as good as any): it
is re-encoded in its own format and renamed below. Here the photo is measured from its header
before a pixel is decoded: more than `MAX_PIXELS` is refused, so a small file that unpacks to a
huge image (a "decompression bomb": 300 KB of zeros make a 16-bit image of 40 megapixels, almost
a gigabyte in memory) never ties up the server. What is accepted is decoded once, already reduced
where the format allows it (JPEG), and shrunk to `LONGEST_SIDE` before anything else is done with
it, so every later step works on a small image. Of an animation (an animated PNG or WebP) the
first frame is the photo; the member is told so once the form is saved.

Then the photo is re-encoded without its metadata: EXIF, and with it GPS positions, never reach
the storage, and it is stored under a random name: the media folder is served as it is, so a name
the member chose ("anna-on-holiday.jpg") would make the photo of a draft or a rejected story easy
to guess. Renditions take their name from it. A member's photo is shown to others only as a
small square of it (`square_thumbnail`), made the same way, under a name of its own."""

import datetime
import io
import os
import secrets

from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps
from wagtail.images.fields import WagtailImageField

from home import uploaded_images
from home.uploaded_images import UNREADABLE, lazy_text, pixels_of_bomb, refuse_scan_bomb

# What members may send, by content: what is stored (a GIF or an AVIF would become a JPEG, losing
# its animation or its quality; the help text names only what is really accepted).
FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}
ACCEPT = "image/jpeg,image/png,image/webp"


def size_text(size):
    """A size limit as the forms write it: whole megabytes without a decimal ("10 MB")."""
    megabytes, rest = divmod(size, 1024 * 1024)
    if megabytes and not rest:
        return _("%(size)d MB") % {"size": megabytes}
    return filesizeformat(size)


def formats_text(max_size):
    """The help text of a photo field, in the language of the request that shows it (Wagtail's
    is computed once, in whatever language the process happened to be using)."""
    return _("JPEG, PNG or WebP, at most %(size)s. Location data in photos is removed.") % {
        "size": size_text(max_size)
    }


def wrong_format_text():
    return _("This is not a photo the site accepts: choose a JPEG, PNG or WebP file.")


def invalid_image_text():
    """Django's words for this are informal in German and cut off in Dutch (another app's Dutch
    catalogue wins for the same text): the site's own, in its register."""
    return _("This file is not a photo, or it is damaged: choose a JPEG, PNG or WebP file.")


def too_many_pixels_text(pixels):
    """`pixels`: the photo's, when its header says them; None when it is too large even for
    that."""
    return uploaded_images.too_many_pixels_text(pixels, MAX_PIXELS)


def first_frame_text(name):
    """Said once a form with the animated photo `name` is saved: the site keeps a still."""
    return _("“%(name)s” was animated: we keep its first frame as a still photo.") % {"name": name}


def too_large_text(max_size):
    return _("This file is too big. Maximum filesize %(max_filesize)s.") % {
        "max_filesize": size_text(max_size)
    }


# What a good phone camera takes; the site-wide WAGTAILIMAGES_MAX_IMAGE_PIXELS is for editors.
MAX_PIXELS = 24_000_000
# Wider than any page of the site shows a photo, even on a high-density screen.
LONGEST_SIDE = 2560

# What all the photos of one submission may have together, as decoded (a JPEG is decoded at the
# reduced size it allows): ten photos of a good phone camera, each of the size the site keeps
# (twelve megapixels). Ten photos of `MAX_PIXELS` would keep the server busy twice as long.
MAX_PIXELS_AT_ONCE = 120_000_000


class PixelBudget:
    """The pixels the photos of one submission may still cost to decode."""

    def __init__(self, pixels=MAX_PIXELS_AT_ONCE):
        self.remaining = pixels

    def spend(self, upload):
        """Takes the cost of `upload` (measured from its header) if it is left; else refuses it
        before a pixel of it is decoded."""
        cost = decoding_cost(upload)
        if cost > self.remaining:
            raise ValidationError(
                _(
                    "Too many large photos were sent at once: choose this one again and send the "
                    "form once more (the others are kept)."
                ),
                code="too_many_pixels_at_once",
            )
        self.remaining -= cost


def decoding_cost(upload):
    """The pixels `cleaned_image` decodes for `upload`: a JPEG's at the reduced size its decoder
    will use, any other format's all."""
    upload.seek(0)
    with Image.open(upload) as image:
        width, height = image.size
        scale = LONGEST_SIDE / max(width, height)
        if scale < 1:
            image.draft(None, (max(1, int(width * scale)), max(1, int(height * scale))))
        width, height = image.size
    upload.seek(0)
    return width * height


# Modes of more than 8 bits a channel (16-bit greyscale, 32-bit integers and floats).
WIDE_MODES = ("I", "I;16", "I;16L", "I;16B", "I;16N", "F")


class PhotoField(WagtailImageField):
    """Wagtail's image field, whose photo comes out re-encoded. A file that is cut off or damaged
    is refused like any other non-image."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs["accept"] = ACCEPT
        # Evaluated when shown, in the reader's language.
        if "help_text" not in kwargs:
            self.help_text = lazy_text(formats_text, self.max_upload_size)
        self.error_messages["invalid_image_known_format"] = lazy_text(wrong_format_text)
        self.error_messages["invalid_image"] = lazy_text(invalid_image_text)
        self.error_messages["file_too_large_unknown_size"] = lazy_text(
            too_large_text, self.max_upload_size
        )

    def check_image_file_format(self, f):
        """By what the file holds (Willow read it), not by its name, which `cleaned_image`
        replaces: Wagtail's own check refuses a photo whose extension names another format."""
        image_format = f.image.format_name
        if image_format == "svg":
            # Whatever starts like XML, a web page too: no photo at all.
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image")
        if image_format.upper() not in FORMATS:
            raise ValidationError(
                self.error_messages["invalid_image_known_format"],
                code="invalid_image_known_format",
            )

    def check_image_pixel_size(self, f):
        """Wagtail's own check decodes the whole image to measure it (Willow loads it); the
        header is enough, and then only a photo of a sensible size is ever decoded."""
        f.seek(0)
        try:
            with Image.open(f) as image:
                width, height = image.size
                pixels = width * height
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
            # So many that Pillow refuses to open it; its refusal says how many.
            pixels = pixels_of_bomb(error)
            if pixels is None or pixels <= MAX_PIXELS:
                pixels = None
        f.seek(0)
        if pixels is None or pixels > MAX_PIXELS:
            raise ValidationError(too_many_pixels_text(pixels), code="file_too_many_pixels")

    # Shared by the photos of one submission (`PixelBudget`); none: one photo is sent.
    budget = None

    def to_python(self, data):
        # A JPEG of more scans than a camera writes, before anything reads it.
        refuse_scan_bomb(data, self.max_upload_size)
        try:
            if png(data) and data.size <= self.max_upload_size:
                # Its pixels counted from the header first, as Wagtail's checks count a still
                # PNG's: an animated one of too many was called damaged by what follows.
                self.check_image_pixel_size(data)
            if animated_png(data) and data.size <= self.max_upload_size:
                # Willow does not read an animated PNG; its first frame is the photo (as an
                # animated WebP's is), a plain PNG Wagtail's checks then read like any other.
                if self.budget is not None:
                    self.budget.spend(data)
                return super().to_python(cleaned_image(data))
            upload = super().to_python(data)
            if upload and self.budget is not None:
                self.budget.spend(upload)
            return cleaned_image(upload) if upload else upload
        except UNREADABLE as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


def png(data):
    """Whether `data` (an upload, or what a form field gets for none) starts as a PNG does."""
    if not hasattr(data, "seek"):
        return False
    data.seek(0)
    signature = data.read(8)
    data.seek(0)
    return signature == b"\x89PNG\r\n\x1a\n"


def animated_png(data):
    """Whether `data` (an upload, or what a form field gets for none) is a PNG with more than
    one frame (APNG), read from its header."""
    if not hasattr(data, "seek"):
        return False
    data.seek(0)
    try:
        with Image.open(data) as image:
            return image.format == "PNG" and getattr(image, "is_animated", False)
    except (*UNREADABLE, Image.DecompressionBombWarning):
        return False
    finally:
        data.seek(0)


def cleaned_image(upload):
    """`upload` re-encoded in its format (JPEG for any other), at most `LONGEST_SIDE` pixels
    wide and high, without metadata, under a random name. Decoding costs at most `MAX_PIXELS`.
    Of an animation only the first frame is kept: `first_frame_of` is then the member's name of
    the file, to tell them once it is saved (`first_frame_text`), else None."""
    upload.seek(0)
    with Image.open(upload) as original:
        animated = getattr(original, "is_animated", False)
        width, height = original.size
        if width * height > MAX_PIXELS:
            raise Image.DecompressionBombError(f"{width}x{height} pixels")
        kind = original.format if original.format in FORMATS else "JPEG"
        image = reduced(original)
        image = ImageOps.exif_transpose(image)
        image = converted(image, kind)
        # A new image without `exif`/`info` (Pillow writes XMP and ICC profiles from `info`):
        # nothing of the camera's metadata is written. The image is small by now.
        clean = Image.new(image.mode, image.size)
        clean.paste(image)
        buffer = io.BytesIO()
        options = {"quality": 90} if kind in ("JPEG", "WEBP") else {}
        clean.save(buffer, format=kind, **options)
    extension, content_type = FORMATS[kind]
    cleaned = SimpleUploadedFile(
        f"{storage_name()}.{extension}", buffer.getvalue(), content_type=content_type
    )
    cleaned.first_frame_of = upload.name if animated else None
    return cleaned


def reduced(image):
    """`image` decoded no larger than needed and shrunk to `LONGEST_SIDE`, in place: a JPEG is
    decoded at 1/2, 1/4 or 1/8 of its size (`draft`), the rest shrinks by whole factors first
    (`reduce`, cheap) and is then resampled."""
    width, height = image.size
    scale = LONGEST_SIDE / max(width, height)
    if scale >= 1:
        return image
    # The smallest size JPEG's decoder may use: no side below what the photo will have.
    image.draft(None, (max(1, int(width * scale)), max(1, int(height * scale))))
    if image.mode in ("1", "P", "PA"):
        # A palette cannot be averaged; its colours can (one byte a pixel becomes four).
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    if image.mode in WIDE_MODES:
        # Pillow's resampling of these modes is limited; nearest first, then exact.
        image.thumbnail((LONGEST_SIDE, LONGEST_SIDE), Image.Resampling.NEAREST, reducing_gap=None)
    else:
        image.thumbnail((LONGEST_SIDE, LONGEST_SIDE), reducing_gap=1.0)
    return image


def converted(image, kind):
    """`image` in a mode of 8 bits a channel that `kind` stores, converted once."""
    if image.mode in WIDE_MODES:
        # 16 bits of grey to 8: scaled, where `convert("L")` would clip everything above 255.
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    if image.mode in ("P", "PA"):
        image = image.convert("RGBA")
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    return image


# A member's thumbnail: 48 CSS pixels on her sectors' pages (as a coordinator's photo), twice
# that for high-density screens.
THUMBNAIL_SIDE = 96


def square_thumbnail(photo):
    """The middle square of `photo` (already made safe by `cleaned_image`), `THUMBNAIL_SIDE`
    pixels wide, re-encoded in its format without metadata, under a random name of its own: it
    is shown to everyone, and its name must not lead to the photo."""
    photo.seek(0)
    with Image.open(photo) as original:
        kind = original.format if original.format in FORMATS else "JPEG"
        square = ImageOps.fit(converted(original, kind), (THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    photo.seek(0)
    clean = Image.new(square.mode, square.size)
    clean.paste(square)
    buffer = io.BytesIO()
    clean.save(buffer, format=kind, **({"quality": 85} if kind in ("JPEG", "WEBP") else {}))
    extension, content_type = FORMATS[kind]
    return SimpleUploadedFile(
        f"{storage_name()}.{extension}", buffer.getvalue(), content_type=content_type
    )


def storage_name():
    """128 random bits, URL-safe: a name nobody can guess or derive from the member's file."""
    return secrets.token_urlsafe(16)


# Where kept photos wait; those of abandoned forms go after KEPT_HOURS.
KEPT_FOLDER = "pending"
# The longer side of the picture her form shows of a kept photo (`small_picture`).
PREVIEW_SIZE = 320
KEPT_HOURS = 24


def kept_folder(user):
    """Where the photos kept for `user` wait: a folder per member, so that they all go with the
    account (whatever device kept them), named so that nobody can tell whose it is."""
    return f"{KEPT_FOLDER}/{salted_hmac('kept-photos', str(user.pk)).hexdigest()[:24]}"


def kept_files(folder=KEPT_FOLDER):
    """The paths of the kept photos in `folder` and the folders in it."""
    try:
        folders, names = default_storage.listdir(folder)
    except FileNotFoundError:
        return []
    paths = [f"{folder}/{name}" for name in names]
    for inner in folders:
        paths += kept_files(f"{folder}/{inner}")
    return paths


def clear_abandoned_photos(hours=KEPT_HOURS):
    """Deletes kept photos older than `hours`: their forms were abandoned. Run by each request
    that keeps photos (so a site needs no scheduler for it) and by `manage.py clear_kept_photos`."""
    before = timezone.now() - datetime.timedelta(hours=hours)
    deleted = 0
    for path in kept_files():
        if default_storage.get_modified_time(path) < before:
            default_storage.delete(path)
            deleted += 1
    return deleted


def stored_size(path):
    """The bytes of the file at `path`, 0 when it is gone meanwhile (another request clears
    abandoned photos, `clear_abandoned_photos`)."""
    try:
        return default_storage.size(path)
    except OSError:
        return 0


def kept_bytes(user):
    """What the photos kept for `user`'s forms take up, in all of her sessions."""
    return sum(stored_size(path) for path in kept_files(kept_folder(user)))


def daily_photo_bytes():
    """What one member's photos may take up in a day (MEMBER_PHOTOS_MB_PER_DAY), in bytes."""
    return settings.MEMBER_PHOTOS_MB_PER_DAY * 1024 * 1024


def kept_room(user):
    """What more may be kept for `user`'s forms: as much as her photos may take up in a day
    (`daily_photo_bytes`). A session keeps the photos of three forms, but a member logs in
    again for another session, and every form sent back with an error kept its photos (F8 of
    attack 42, by the other door)."""
    return daily_photo_bytes() - kept_bytes(user)


def shown_file_name(name):
    """The member's name of a file as her form shows it back: without folders, 100 at most."""
    return os.path.basename(name or "")[:100]


def not_kept_text(name):
    return format_lazy(
        _(
            "The photos kept for your forms take up all the room your photos may take up: "
            "“{name}” is not kept. Choose it again when you send the form."
        ),
        name=name,
    )


def clear_kept_photos_of(user):
    """Deletes every photo kept for `user`'s forms, in any of their sessions."""
    for path in kept_files(kept_folder(user)):
        default_storage.delete(path)


def forget_kept_photos(sender, request=None, **kwargs):
    """On logout: the photos kept for the session's forms go (the session ends with it)."""
    session = getattr(request, "session", None)
    if session is not None:
        KeptPhoto.drop_all(session)


def register():
    user_logged_out.connect(forget_kept_photos, dispatch_uid="jumelage_kept_photos_logout")


def small_picture(upload, size=PREVIEW_SIZE):
    """A small JPEG of a photo that passed the checks (the first frame of an animation, turned as
    it is shown): what a form shows of a photo it keeps (`KeptPhoto`)."""
    upload.seek(0)
    with Image.open(upload) as image:
        image.draft("RGB", (size * 2, size * 2))  # a JPEG decodes at a fraction
        small = ImageOps.exif_transpose(image)
        small.thumbnail((size, size))
        if small.mode in ("RGBA", "LA", "PA") or "transparency" in small.info:
            small = small.convert("RGBA")
            flat = Image.new("RGB", small.size, "white")
            flat.paste(small, mask=small.getchannel("A"))
            small = flat
        out = io.BytesIO()
        small.convert("RGB").save(out, format="JPEG", quality=80)
    upload.seek(0)
    return out.getvalue()


class KeptPhoto:
    """A photo that passed the checks on a form that came back with errors. A browser cannot
    fill in a file field again, so it waits on the server under a random name, known only to the
    member's session, for the same form (its submission token) to be sent again."""

    SESSION_KEY = "kept_photos"
    # Forms a session keeps photos for; the oldest one's photos go when another one starts.
    MAX_FORMS = 3

    def __init__(self, path, name, animated=False, preview=""):
        self.path, self.name, self.animated = path, name, animated
        # A small JPEG of it, made once when it is kept (`small_picture`), that her form shows.
        self.preview = preview

    def file(self):
        with default_storage.open(self.path) as stored:
            return ContentFile(stored.read(), name=os.path.basename(self.path))

    def delete(self):
        default_storage.delete(self.path)
        if self.preview:
            default_storage.delete(self.preview)

    def picture(self):
        """The bytes of its small picture, or None when it has none."""
        if not self.preview or not default_storage.exists(self.preview):
            return None
        with default_storage.open(self.preview) as stored:
            return stored.read()

    def exists(self):
        return default_storage.exists(self.path)

    def size(self):
        """Its bytes; 0 once it is gone (cleared as abandoned meanwhile: the form then asks
        for it again, `for_form`)."""
        return stored_size(self.path)

    @classmethod
    def for_form(cls, session, token):
        """The photos kept for the form `token`, by slot, and the member's names of those that
        are gone meanwhile (cleared as abandoned after `KEPT_HOURS`), by slot: those are
        forgotten, and the member is asked to choose them again."""
        kept = {
            int(slot): cls(**data)
            for slot, data in session.get(cls.SESSION_KEY, {}).get(str(token), {}).items()
        }
        lost = {slot: photo.name for slot, photo in kept.items() if not photo.exists()}
        for slot in lost:
            cls.drop(session, token, slot)
            del kept[slot]
        return kept, lost

    @classmethod
    def keep(cls, session, token, slot, upload, name, user):
        """Stores `upload` (already cleaned, under a random name) for slot `slot` of `user`'s form
        `token`, in place of the photo kept there before. `name` is the member's file name, shown
        to them only."""
        forms = session.get(cls.SESSION_KEY, {})
        photos = forms.pop(str(token), {})
        if str(slot) in photos:
            cls(**photos[str(slot)]).delete()
        upload.seek(0)
        path = default_storage.save(
            f"{kept_folder(user)}/{upload.name}", ContentFile(upload.read())
        )
        upload.seek(0)
        preview = default_storage.save(
            f"{kept_folder(user)}/{secrets.token_hex(16)}.jpg", ContentFile(small_picture(upload))
        )
        photos[str(slot)] = {
            "path": path,
            "preview": preview,
            "name": shown_file_name(name),
            "animated": bool(getattr(upload, "first_frame_of", None)),
        }
        forms[str(token)] = photos
        while len(forms) > cls.MAX_FORMS:
            oldest = next(iter(forms))
            for data in forms.pop(oldest).values():
                cls(**data).delete()
        session[cls.SESSION_KEY] = forms
        return cls(**photos[str(slot)])

    @classmethod
    def drop(cls, session, token, slot=None):
        """Deletes the photos kept for the form `token` (or only that of `slot`)."""
        forms = session.get(cls.SESSION_KEY, {})
        photos = forms.get(str(token), {})
        for key in list(photos):
            if slot is None or key == str(slot):
                cls(**photos.pop(key)).delete()
        if not photos:
            forms.pop(str(token), None)
        session[cls.SESSION_KEY] = forms

    @classmethod
    def drop_all(cls, session):
        """Deletes the photos kept for every form of `session`."""
        for photos in session.get(cls.SESSION_KEY, {}).values():
            for data in photos.values():
                cls(**data).delete()
        session.pop(cls.SESSION_KEY, None)
