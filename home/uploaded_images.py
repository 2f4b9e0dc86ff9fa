"""What every uploaded image passes before a pixel of it is decoded: a member's photo
(community/uploads.py) and an editor's image in the admin (Images → Add, several at once, the
image chooser's Upload, a replaced file: home/image_forms.py).

A JPEG is refused when it holds more scans than any camera or program writes (`MAX_SCANS`),
counted from its markers: a decoder goes over every block of the picture for each scan, however
few bytes the scan takes, so 480 KB of tiny scans kept a worker busy for a minute (a "scan bomb").
An image with more pixels than allowed is refused with the count its header gives, grouped as the
reader writes numbers. A file cut short or damaged is refused in the form (Wagtail's own check
then raised Pillow's error: a server error)."""

import re

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from PIL import Image

# libjpeg writes 10 scans for a progressive colour photo (18 for CMYK), encoders that optimise
# their scans a few more, a baseline JPEG one per interleaved group of components.
MAX_SCANS = 100

# A marker as a decoder finds it: 0xFF, then a byte that is neither a stuffed zero of the
# picture's data nor a restart marker within it, nor another 0xFF (fill bytes before a marker: the
# match starts at the last of them). What comes between is skipped, as a decoder skips it
# ("extraneous bytes"). One 0xFF, not `\xff+`: a search for that tried every byte of a run of
# 0xFF as a start and ran to the run's end from each, its time the square of the run's length
# (100 KB of them: 30 s; attack 34, F1); this one looks at each byte once.
MARKER = re.compile(rb"\xff([^\x00\xd0-\xd7\xff])")
SOS, EOI = 0xDA, 0xD9
# Markers without a segment after them: the start of the picture, TEM.
STANDALONE = (0xD8, 0x01)

# What Pillow raises for a file whose header promises an image its data does not hold; and what
# pillow_heif's opener (which Willow registers) raises for a HEIF container it claims but cannot
# decode, such as an AVIF whose file type box names "mif1" first (attack 34, F4: a 500).
UNREADABLE = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    RuntimeError,
    Image.DecompressionBombError,
)

lazy_text = lazy(lambda function, *args: function(*args), str)


def jpeg_scans(data, limit=MAX_SCANS):
    """The scans of the picture of the JPEG `data`, counted up to `limit` + 1 without decoding
    it. Segments are skipped by their length, so the JPEG of an EXIF thumbnail (within its APP1
    segment) is not counted, nor what follows the end of the picture (a phone's second picture
    or video, which the stored file does not keep: home/image_metadata.py)."""
    scans = 0
    index = 2
    while scans <= limit:
        found = MARKER.search(data, index)
        if found is None:
            break
        marker = found.group(1)[0]
        index = found.end()
        if marker == EOI:
            break
        if marker in STANDALONE:
            continue
        if marker == SOS:
            scans += 1
        # Past the segment; a scan's data then runs up to the next marker, which is searched.
        index += int.from_bytes(data[index : index + 2], "big")
    return scans


def too_many_scans_text():
    return _(
        "This JPEG is saved in an unusual way (in more than %(max)s passes) and would take too "
        "long to open. Save it again in a photo program, or choose another file."
    ) % {"max": number_format(MAX_SCANS, force_grouping=True)}


def refuse_scan_bomb(upload, max_size=None):
    """Refuses `upload` (an uploaded file, or what a form field gets for none) when it is a JPEG
    of more than `MAX_SCANS` scans. One larger than `max_size` is left to the size check."""
    if not hasattr(upload, "read") or not hasattr(upload, "seek"):
        return
    if max_size is not None and getattr(upload, "size", 0) > max_size:
        return
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if data[:3] == b"\xff\xd8\xff" and jpeg_scans(data) > MAX_SCANS:
        raise ValidationError(too_many_scans_text(), code="too_many_scans")


def too_many_pixels_text(pixels, maximum):
    """`pixels`: the image's, when its header says them; None when it is too large even for
    that. Numbers grouped as the reader writes them (24.000.000)."""
    if pixels is None:
        return _("This photo has too many pixels. A photo may have at most %(max)s pixels.") % {
            "max": number_format(maximum, force_grouping=True)
        }
    return _(
        "This photo has too many pixels (%(pixels)s). A photo may have at most %(max)s pixels."
    ) % {
        "pixels": number_format(pixels, force_grouping=True),
        "max": number_format(maximum, force_grouping=True),
    }


def pixels_of_bomb(error):
    """The pixels Pillow's refusal of a decompression bomb names ("Image size (400000000
    pixels) exceeds limit …"), or None."""
    found = re.search(r"\((\d+) pixels\)", str(error))
    return int(found.group(1)) if found else None
