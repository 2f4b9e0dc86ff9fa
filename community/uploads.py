"""Photos from members, made safe before anything is stored.

Wagtail's image field has already checked the type by content, the file size and the pixel count
(which also stops decompression bombs). Here the photo is re-encoded without its metadata: EXIF,
and with it GPS positions, never reach the storage."""

import io
import os

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
    stem = os.path.splitext(os.path.basename(upload.name or "photo"))[0][:80] or "photo"
    return SimpleUploadedFile(f"{stem}.{extension}", buffer.getvalue(), content_type=content_type)
