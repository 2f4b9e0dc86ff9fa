"""Photos from members, made safe before anything is stored.

Wagtail's image field has already checked the type by content, the file size and the pixel count
(which also stops decompression bombs) when this runs. Here the photo is re-encoded without its
metadata: EXIF, and with it GPS positions, never reach the storage."""

import io
import os

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageOps

FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}


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
