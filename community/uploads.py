"""Photos from members, made safe before anything is stored.

Wagtail's image field has already checked the type by content, the file size and the pixel count
(which also stops decompression bombs). Here the photo is re-encoded without its metadata: EXIF,
and with it GPS positions, never reach the storage, and it is stored under a random name: the
media folder is served as it is, so a name the member chose ("anna-on-holiday.jpg") would make
the photo of a draft or a rejected story easy to guess. Renditions take their name from it."""

import io
import secrets

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageOps
from wagtail.images.fields import WagtailImageField

FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}

# What Pillow raises for a file whose header promises an image its data does not hold.
UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError)


class PhotoField(WagtailImageField):
    """Wagtail's image field, whose photo comes out re-encoded. A file that is cut off or damaged
    is refused like any other non-image: Wagtail itself lets Pillow's error escape when it
    measures such a file."""

    def to_python(self, data):
        try:
            upload = super().to_python(data)
            return cleaned_image(upload) if upload else upload
        except UNREADABLE as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


def cleaned_image(upload):
    upload.seek(0)
    with Image.open(upload) as original:
        kind = original.format if original.format in FORMATS else "JPEG"
        image = ImageOps.exif_transpose(original)
        if image.mode == "P":
            image = image.convert("RGBA")
        if kind == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        buffer = io.BytesIO()
        # A new image without `exif`/`info`: nothing of the camera's metadata is written.
        clean = Image.new(image.mode, image.size)
        clean.paste(image)
        options = {"quality": 90} if kind in ("JPEG", "WEBP") else {}
        clean.save(buffer, format=kind, **options)
    extension, content_type = FORMATS[kind]
    return SimpleUploadedFile(
        f"{storage_name()}.{extension}", buffer.getvalue(), content_type=content_type
    )


def storage_name():
    """128 random bits, URL-safe: a name nobody can guess or derive from the member's file."""
    return secrets.token_urlsafe(16)
