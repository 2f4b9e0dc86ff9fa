"""The base of Wagtail's image forms in the admin (WAGTAILIMAGES_IMAGE_FORM_BASE): Images → Add,
several at once, the image chooser's Upload, a replaced file. Its file field checks what a
member's photo is checked for before a pixel is decoded (home/uploaded_images.py): a JPEG of too
many scans, an image of too many pixels (counted from its header, grouped as the editor writes
numbers), a file cut short or damaged (refused in the form, where Wagtail's own check raised
Pillow's error: a server error)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from home.uploaded_images import (
    UNREADABLE,
    lazy_text,
    pixels_of_bomb,
    refuse_scan_bomb,
    too_many_pixels_text,
)


def damaged_image_text():
    return _("This file is not an image, or it is damaged.")


class EditorImageField(WagtailImageField):
    """Wagtail's image field of the admin's image forms, with the site's checks."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["invalid_image"] = lazy_text(damaged_image_text)

    def to_python(self, data):
        refuse_scan_bomb(data, self.max_upload_size)
        try:
            return super().to_python(data)
        except UNREADABLE as error:
            # Wagtail reads the header only when it measures the image.
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error

    def check_image_pixel_size(self, f):
        if self.max_image_pixels is None:
            return super().check_image_pixel_size(f)
        try:
            width, height = f.image.get_size()
            pixels = width * height * f.image.get_frame_count()
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
            # So many that Pillow refuses to open it; its refusal says how many.
            pixels = pixels_of_bomb(error)
        if pixels is None or pixels > self.max_image_pixels:
            raise ValidationError(
                too_many_pixels_text(pixels, self.max_image_pixels), code="file_too_many_pixels"
            )


class ImageForm(BaseImageForm):
    """The base of Wagtail's image forms (WAGTAILIMAGES_IMAGE_FORM_BASE): its file field is an
    `EditorImageField`, the same as Wagtail's otherwise."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, EditorImageField):
            self.fields["file"] = EditorImageField(
                label=field.label, required=field.required, widget=field.widget
            )
