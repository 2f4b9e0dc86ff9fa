"""Images stored by Wagtail (an editor's upload in the admin, as every other) keep nothing of the
camera's metadata but the orientation: no GPS position, no camera serial number, no time, no
XMP or IPTC. Wagtail serves the original file as it was uploaded (the API's `download_url`,
`/media/original_images/…`) and its renditions copy the original's EXIF into every JPEG and PNG
(Willow), so a phone photo's position was on public pages. Members' photos are re-encoded
without any metadata before they get here (community/uploads.py); an editor's is not
re-encoded: its metadata is taken out of the file's container (JPEG segments, PNG chunks,
WebP chunks), the picture's own bytes stay as they were; a file whose container is damaged
before its picture is drawn again. An AVIF is always drawn again (Pillow writes AVIF): its
metadata are items of its container whose places an index gives, which cannot be taken out
without rewriting it. A GIF keeps its pictures, their timing and palettes, its loop count and
colour profile; its comments and other programs' blocks (XMP among them) go. Other formats
(SVG) are stored as they are."""

import io
import struct
import zlib

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image
from wagtail.utils.file import hash_filelike

ORIENTATION = 0x0112
# The JPEG application segments and comments kept: APP0 (JFIF), APP2 (the ICC profile, not the
# index of a phone's further pictures, MPO) and APP14 (Adobe's colour transform). The others
# carry metadata (APP1: EXIF and XMP, APP13: IPTC, APP12, APP15 and comments: a maker's or an
# editing program's) or nothing a decoder needs.
APP0, APP2, APP14, COM = 0xE0, 0xE2, 0xEE, 0xFE
APP1 = 0xE1
# The PNG chunks kept: the picture and what it is shown with. The others go: metadata (EXIF,
# texts, of which XMP, the time) and whatever a program (or damage) put there.
PNG_KEPT = {
    *(b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP"),
    *(b"cICP", b"sBIT", b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT"),
}
# The WebP chunks kept: the picture (lossy, lossless, alpha, animation) and its colour profile.
WEBP_KEPT = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
# The GIF application extensions kept (by their identifier and code): the loop count of an
# animation (Netscape's, and its twin) and the colour profile. Others carry a program's data
# (XMP's "XMP DataXMP", an editor's own).
GIF_APPLICATIONS_KEPT = {b"NETSCAPE2.0", b"ANIMEXTS1.0", b"ICCRGBG1012"}
GIF_EXTENSION, GIF_IMAGE, GIF_TRAILER = 0x21, 0x2C, 0x3B
GIF_GRAPHIC_CONTROL, GIF_APPLICATION = 0xF9, 0xFF
# VP8X's flags of a WebP with EXIF or XMP chunks.
WEBP_EXIF_FLAG, WEBP_XMP_FLAG = 0x08, 0x04


def orientation_of(data):
    """The EXIF orientation of the image in `data` (1, upright, without one)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.getexif().get(ORIENTATION, 1)
    except Exception:  # noqa: BLE001 - not an image Pillow reads: no orientation to keep
        return 1


def minimal_exif(orientation):
    """EXIF holding the orientation alone (a TIFF header and one entry), or None when the
    picture is upright as stored."""
    if orientation in (None, 1):
        return None
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    return exif.tobytes()


def jpeg_without_metadata(data, orientation):
    out = bytearray(data[:2])
    index = 2
    exif = minimal_exif(orientation)
    if exif is not None:
        payload = b"Exif\x00\x00" + exif
        out += bytes((0xFF, APP1)) + struct.pack(">H", len(payload) + 2) + payload
    scanned = False
    while index + 2 <= len(data):
        if data[index] != 0xFF:
            break  # not a JPEG as expected
        marker = data[index + 1]
        if marker == 0xFF:  # fill byte
            index += 1
            continue
        if marker == 0xD9:
            # The end of the picture. What follows it is not shown: a phone's second picture
            # (MPO: a depth map, a preview) with its own EXIF and position, or a maker's trailer.
            out += data[index : index + 2]
            return bytes(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out += data[index : index + 2]
            index += 2
            continue
        if index + 4 > len(data):
            break
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        end = index + 2 + length
        if end > len(data):
            break
        if is_kept_segment(marker) and not is_multi_picture_index(marker, data, index):
            out += data[index:end]
        index = end
        if marker == 0xDA:
            # A scan (the picture itself) as it is, up to the next marker: in its bytes 0xFF is
            # followed by 0x00 (a stuffed byte) or a restart marker.
            index = scan_end(data, index)
            out += data[end:index]
            scanned = True
    # Not read as expected (cut short, damaged) after its picture began: the rest as it is (a
    # decoder reads past what it does not understand in a scan), its metadata before it gone.
    # Before that: stored as it is.
    return bytes(out + data[index:]) if scanned else None


def is_kept_segment(marker):
    return marker in (APP0, APP2, APP14) or not (0xE0 <= marker <= 0xEF or marker == COM)


def is_multi_picture_index(marker, data, index):
    """The APP2 segment indexing the pictures after the first (MPO): they are not kept."""
    return marker == APP2 and data[index + 4 : index + 8] == b"MPF\x00"


def scan_end(data, index):
    """Where the entropy-coded data starting at `index` ends (the next marker), len(data) if
    no marker follows."""
    while True:
        index = data.find(b"\xff", index)
        if index < 0 or index + 1 >= len(data):
            return len(data)
        following = data[index + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            index += 1
            continue
        return index


def png_chunk(kind, payload):
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
    )


def png_without_metadata(data, orientation):
    out = bytearray(data[:8])
    index = 8
    exif = minimal_exif(orientation)
    pictured = False
    while index + 12 <= len(data):
        (length,) = struct.unpack(">I", data[index : index + 4])
        kind = data[index + 4 : index + 8]
        pictured = pictured or kind == b"IDAT"
        end = index + 12 + length
        if kind == b"IDAT" and exif is not None:
            out += png_chunk(b"eXIf", exif)
            exif = None
        if kind in PNG_KEPT:
            out += data[index:end]
        index = end
        if kind == b"IEND":
            return bytes(out)
    # Without its end (cut short after its picture, as Pillow still reads it): what is left of
    # the picture as it is, the metadata gone. Not one that had no picture yet.
    if not pictured:
        return None
    rest = data[index:]
    return bytes(out + rest) if rest[4:8] in (b"IDAT", b"fdAT") else bytes(out)


def webp_without_metadata(data, orientation):
    chunks = []
    index = 12
    while index + 8 <= len(data):
        kind = data[index : index + 4]
        (length,) = struct.unpack("<I", data[index + 4 : index + 8])
        payload = data[index + 8 : index + 8 + length]
        index += 8 + length + (length & 1)
        if kind in WEBP_KEPT:
            chunks.append([kind, bytearray(payload)])
    exif = minimal_exif(orientation)
    extended = next((chunk for chunk in chunks if chunk[0] == b"VP8X"), None)
    if extended is not None and len(extended[1]) < 10:
        return None  # not a WebP as expected (its header is ten bytes): stored as it is
    if extended is not None:
        extended[1][0] &= ~(WEBP_EXIF_FLAG | WEBP_XMP_FLAG) & 0xFF
        if exif is not None:
            extended[1][0] |= WEBP_EXIF_FLAG
            chunks.append([b"EXIF", bytearray(exif)])
    body = bytearray(b"WEBP")
    for kind, payload in chunks:
        body += kind + struct.pack("<I", len(payload)) + payload + (b"\x00" * (len(payload) & 1))
    return b"RIFF" + struct.pack("<I", len(body)) + bytes(body)


def gif_sub_blocks(data, index, keep=True):
    """The data of the sub-blocks starting at `index`, one by one (none unless `keep`: a
    picture's may be millions), and where they end (after their empty last one), or None for
    the end when they run past the file."""
    found = []
    while index < len(data):
        size = data[index]
        if size == 0:
            return found, index + 1
        if keep:
            found.append(data[index + 1 : index + 1 + size])
        index += 1 + size
    return found, None


def gif_extension_kept(label, blocks):
    """What of an extension (its `label` and the data of its sub-blocks) is kept: a frame's timing
    (the graphic control's one sub-block of four bytes), the loop count (its first sub-block) and
    the colour profile; nothing of a comment, another program's block, a plain text block no
    browser draws, or a label GIF does not know. Written anew, without the sub-blocks a kept one
    may carry after its own (attack 38 hid an address there, and after "NETSCAPE2.0" in the
    identifier's own sub-block)."""
    if label == GIF_GRAPHIC_CONTROL and blocks and len(blocks[0]) == 4:
        kept = blocks[:1]
    elif label == GIF_APPLICATION and blocks and blocks[0] in GIF_APPLICATIONS_KEPT:
        # The profile whole; of the loop's extension its loop count, the first data sub-block.
        kept = blocks if blocks[0] == b"ICCRGBG1012" else blocks[:2]
    else:
        return b""
    introducer = bytes((GIF_EXTENSION, label))
    return introducer + b"".join(bytes((len(data),)) + data for data in kept) + b"\x00"


def gif_without_metadata(data, orientation):
    """A GIF's blocks but its comments and unknown application extensions (a GIF has no EXIF
    orientation), or None when it is too short to have a header. One whose blocks cannot be
    followed to the end keeps those before that place, and ends there: every block it keeps is
    written anew (`gif_extension_kept`). Drawn again instead, one Pillow could not draw (cut
    inside a frame) was stored as uploaded, comment and all, and one of many large frames kept
    the upload drawing for minutes (attack 38)."""
    if len(data) < 13:
        return None
    flags = data[10]
    index = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    out = bytearray(data[:index])
    while index < len(data):
        kind = data[index]
        if kind == GIF_TRAILER:
            # What follows the end is not shown (a program's appendix, another file).
            return bytes(out + data[index : index + 1])
        if kind == GIF_EXTENSION and index + 2 <= len(data):
            blocks, end = gif_sub_blocks(data, index + 2)
            if end is None:
                break
            out += gif_extension_kept(data[index + 1], blocks)
            index = end
        elif kind == GIF_IMAGE and index + 10 <= len(data):
            local = data[index + 9]
            start = index + 10 + (3 << ((local & 7) + 1) if local & 0x80 else 0)
            # The LZW code size, then the picture's sub-blocks.
            _none, end = gif_sub_blocks(data, start + 1, keep=False)
            if end is None:
                break
            out += data[index:end]
            index = end
        else:
            break
    return bytes(out) + bytes((GIF_TRAILER,))  # cut short, or damaged: ended where it was


def is_avif(data):
    """Whether `data` is an AVIF (its file type box names the brand, still or animated, first or
    among the compatible ones, however many come before it: attack 34, F4)."""
    if data[4:8] != b"ftyp":
        return False
    size = int.from_bytes(data[:4], "big")
    brands = data[8:size]
    return any(brands[at : at + 4] in (b"avif", b"avis") for at in range(0, len(brands), 4))


def without_metadata(data):
    """`data` without the metadata its container holds (keeping the orientation), or None
    when it is no JPEG, PNG, WebP, GIF or AVIF, or not one a decoder reads. One whose container is
    not as expected (damaged before its picture, which a decoder reads past) is drawn again, an
    AVIF always."""
    if is_avif(data):
        return drawn_again(data)
    if data[:3] == b"\xff\xd8\xff":
        strip = jpeg_without_metadata
    elif data[:8] == b"\x89PNG\r\n\x1a\n":
        strip = png_without_metadata
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        strip = webp_without_metadata
    elif data[:6] in (b"GIF87a", b"GIF89a"):
        strip = gif_without_metadata
    else:
        return None
    orientation = orientation_of(data)
    stripped = strip(data, orientation)
    # The orientation alone, which the stripped file holds again, is no metadata left behind.
    kept = minimal_exif(orientation)
    left = [block for block in metadata_blocks(data) if block != kept]
    if stripped is None or any(block in stripped for block in left):
        # Not followed, or followed wrongly (a length damaged so that the metadata sits inside
        # another segment or chunk, kept as it is).
        return drawn_again(data)
    return stripped


def metadata_blocks(data):
    """The EXIF and XMP blocks a decoder reads in `data` (their bytes as stored), none when it
    reads none."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            info = dict(image.info)
    except Exception:  # noqa: BLE001 - not a picture a decoder reads
        return []
    blocks = []
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment"):
        block = info.get(key)
        if isinstance(block, str):
            block = block.encode()
        if isinstance(block, bytes):
            block = block.removeprefix(b"Exif\x00\x00")
            if len(block) >= 8:
                blocks.append(block)
    return blocks


def drawn_again(data):
    """The picture of `data` encoded anew without metadata (its orientation and colour profile
    kept; a JPEG at a quality that loses nothing one sees), or None when no decoder reads it:
    for a file whose segments or chunks could not be followed, where the camera's metadata could
    be anywhere."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            # Every frame is drawn: of many large ones (a GIF of ten frames of 36 megapixels is
            # 270 kB) no more than one picture's limit in all (attack 38: minutes, a gigabyte).
            width, height = image.size
            if (
                width * height * getattr(image, "n_frames", 1)
                > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
            ):
                return None
            image.load()
            kind = image.format
            options = {}
            exif = minimal_exif(orientation_of(data))
            if exif is not None:
                options["exif"] = exif
            if profile := image.info.get("icc_profile"):
                options["icc_profile"] = profile
            if kind == "JPEG":
                options.update(quality=95, subsampling="keep")
            elif kind == "WEBP":
                # Pillow's reader does not say so: a lossless picture is coded in VP8L chunks.
                options.update(lossless=webp_is_lossless(data), quality=95)
            elif kind == "GIF":
                options["comment"] = b""  # Pillow writes the original's again otherwise
            elif kind == "AVIF":
                # Faster than Pillow's default (a 12-megapixel photo in about a second and a
                # half, not four), at a quality that loses nothing one sees.
                options.update(quality=90, speed=8)
            if getattr(image, "is_animated", False):
                options["save_all"] = True  # every frame, not the first alone
            out = io.BytesIO()
            image.save(out, format=kind, **options)
    except Exception:  # noqa: BLE001 - not a picture a decoder reads: an upload refuses it
        return None
    return out.getvalue()


def webp_is_lossless(data):
    """Whether the WebP `data` holds its picture (or its first frame) losslessly: its first
    picture chunk is VP8L, not VP8 (an animation's frames hold theirs 16 bytes into an ANMF)."""
    index = 12
    while index + 8 <= len(data):
        kind = data[index : index + 4]
        (length,) = struct.unpack("<I", data[index + 4 : index + 8])
        if kind in (b"VP8L", b"VP8 "):
            return kind == b"VP8L"
        if kind == b"ANMF":
            return data[index + 24 : index + 28] == b"VP8L"
        index += 8 + length + (length & 1)
    return False


def strip_uploaded_metadata(sender, instance, **kwargs):
    """pre_save of the image model: a file being uploaded (not yet stored) is stored without its
    metadata; its size and hash are taken again of what is stored."""
    file = instance.file
    if not file or getattr(file, "_committed", True):
        return
    file.open()
    file.seek(0)
    data = file.read()
    cleaned = without_metadata(data)
    if cleaned is None or cleaned == data:
        file.seek(0)
        return
    instance.file = ContentFile(cleaned, name=file.name)
    instance.file_size = len(cleaned)
    instance.file_hash = hash_filelike(io.BytesIO(cleaned))


def connect_signals():
    from django.db.models.signals import pre_save
    from wagtail.images import get_image_model

    pre_save.connect(
        strip_uploaded_metadata, sender=get_image_model(), dispatch_uid="jumelage_image_metadata"
    )
